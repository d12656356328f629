"""MkDocs plugin: the procedure records become pages, an archive, a changes page and a feed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa.core import clock
from trangxa.core.problems import Problem, unexpected_message
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.collection import load_procedures

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer
from trangxa.procedures.config import ProceduresConfig
from trangxa.procedures.featured import FeaturedProcedure, featured_procedures
from trangxa.procedures.model import Procedure
from trangxa.procedures.render import source_templates
from trangxa.site import layer, names, theme
from trangxa.site.build import ProceduresOffer
from trangxa.site.generated import add_generated
from trangxa.site.pages import SitePages

log = get_plugin_logger(__name__)

PACKAGE_DIR = Path(__file__).parent


def agency_name(config: MkDocsConfig) -> str | None:
    """The commune's agency name from `extra.agency.name`, printed atop posted sheets."""
    agency = config.extra.get("agency") if isinstance(config.extra, Mapping) else None
    name = agency.get("name") if isinstance(agency, Mapping) else None
    return name if isinstance(name, str) and name.strip() else None


def error_summary(errors: list[Problem]) -> str:
    """One message listing every error, so staff can fix all files in one go."""
    lines = "\n".join(f"  - {problem}" for problem in errors)
    return (
        f"Có {len(errors)} lỗi trong hồ sơ thủ tục hành chính. Trang web chưa được tạo để "
        f"không thủ tục nào bị thiếu khi đăng. Sửa các lỗi sau rồi chạy lại:\n{lines}"
    )


class ProceduresPlugin(layer.SiteEvents, BasePlugin[ProceduresConfig]):
    """Reads procedures/*.yml and adds their pages to the site."""

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        # Replaced in on_config by this build's share of the site layer.
        self.site = layer.Site(layer.SiteLayer(), leads=False)
        # Every problem of the last build, for the preview's list of errors.
        self.problems: list[Problem] = []
        self.pages = SitePages(
            'Trang "{src_uri}" trong thư mục docs trùng địa chỉ với trang thủ tục hành chính tự '
            "tạo. Đổi tên hoặc xóa tệp trong docs, hoặc đổi url_prefix của "
            f"{names.PROCEDURES} trong mkdocs.yml."
        )

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is a preview, which shows errors instead of stopping."""
        self.command = command
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig | None:
        """Reset per-build state, join the site layer and make the page templates findable."""
        self.site = layer.join(config, names.PROCEDURES, self.command, self.dirty)
        self.procedures: list[Procedure] = []
        self.problems = []
        self.featured: list[FeaturedProcedure] = []
        self.pages.reset()
        self.publish()
        if self.config.enabled:
            theme.register(config, PACKAGE_DIR / "templates")
        return config

    def publish(self) -> None:
        """What other plugins may use of this build's procedures, and the preview's problems."""
        self.site.build.procedures = ProceduresOffer(
            bool(self.config.enabled), self.config.url_prefix, tuple(self.procedures)
        )
        self.site.build.publish_problems(names.PROCEDURES, self.problems)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Load every record, stop on any error, and add the generated pages and the feed."""
        self.site.files(config, files)
        if not self.config.enabled:
            return files
        root = Path(config.config_file_path).parent
        skipped: list[Problem] = []
        try:
            procedures, problems = load_procedures(
                root, self.config.procedures_dir, skipped=skipped
            )
        except Exception as exc:
            raise PluginError(unexpected_message(exc)) from exc
        for problem in skipped:
            log.info(f"{problem.path}: bỏ qua, {problem.message}")
        for problem in problems:
            if problem.severity == "warning":
                log.warning(str(problem))
        errors = [problem for problem in problems if problem.severity == "error"]
        self.problems = problems
        self.publish()
        if errors and self.command != "serve":
            raise PluginError(error_summary(errors))
        for problem in errors:
            # The preview lists these on every page and leaves the broken records out.
            log.error(str(problem))
        self.procedures = procedures
        self.publish()

        if not config.site_url:
            log.warning(
                "Chưa khai báo site_url trong mkdocs.yml: nguồn RSS cập nhật thủ tục và bản in "
                "sẽ không có địa chỉ đầy đủ của trang. Thêm dòng site_url: https://... "
                "(địa chỉ trang của xã)."
            )
        # Loaded only when pages are made: the page data's many frozen classes took a hundredth
        # of a second to define, and `trangxa count` loads this plugin with mkdocs.yml.
        from trangxa.procedures.feed import changes_feed
        from trangxa.procedures.pages import (
            PageSettings,
            all_changes,
            archive_page,
            changes_page,
            index_page,
            procedure_page,
        )

        settings = PageSettings(
            addresses=Addresses(
                self.config.url_prefix, config.use_directory_urls, config.site_url or ""
            ),
            title=self.config.title,
            changes_title=self.config.changes_title,
            archive_title=self.config.archive_title,
            print_heading=self.config.print_heading or agency_name(config) or config.site_name,
            built=clock.now(),
        )
        addresses = settings.addresses
        self.featured = featured_procedures(self.config.featured, procedures, addresses)
        by_code = {procedure.code: procedure for procedure in procedures}
        sources = source_templates(theme.template_dirs(config))
        pages = [
            index_page(procedures, settings, self.config.index_in_nav),
            archive_page(procedures, settings),
            changes_page(procedures, settings),
        ]
        for page in pages:
            self.pages.add(files, config, page, sources)
        feed = changes_feed(
            config, all_changes(procedures), settings, config.site_name, self.config.feed_items
        )
        self._add(files, feed)
        for p in procedures:
            self.pages.add(files, config, procedure_page(p, by_code, settings), sources)
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give each procedures page its title and template."""
        self.pages.set_meta(page)
        return markdown

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Hand each procedures template its data."""
        self.pages.add_data(context, page)
        return context

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Offer the featured procedures to the home page; the site layer does the rest."""
        self.site.env(env, config)
        env.globals["trangxa_featured_procedures"] = self.featured
        return env

    def _add(self, files: Files, file: File) -> None:
        """Add a generated file, refusing to hide a page of the same address in docs/."""
        add_generated(files, file, self.pages.refusal)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        """Rebuild when a record changes: serve watches only docs/ by itself."""
        if self.config.enabled:
            folder = Path(config.config_file_path).parent / self.config.procedures_dir
            if folder.is_dir():
                server.watch(str(folder))
        return server
