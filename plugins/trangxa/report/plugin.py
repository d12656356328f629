"""The report plugin: a statistics page, one page per period and thong-ke/so-lieu.json."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa.core import clock
from trangxa.core.vnformat import format_number
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.model import Procedure
from trangxa.report.config import ReportConfig, counts_procedures
from trangxa.report.pages import ReportSite, report_pages
from trangxa.report.periods import Mode
from trangxa.report.statistics import figures_json, site_figures
from trangxa.site import layer, names, theme
from trangxa.site.generated import add_generated
from trangxa.site.pages import SitePages

log = get_plugin_logger(__name__)

TEMPLATES_DIR = Path(__file__).parent / "templates"
JSON_NAME = "so-lieu.json"


def base_url(url: str) -> str:
    """The configured address as a folder: "thong-ke/"."""
    folder = url.strip().strip("/")
    return f"{folder}/" if folder else ""


class ReportPlugin(layer.SiteEvents, BasePlugin[ReportConfig]):
    """Thin wrapper: the counting is trangxa.report.count, the same as `trangxa count`."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.now = clock.now()
        self.command = "build"
        self.dirty = False
        # Replaced in on_config by this build's share of the site layer.
        self.site = layer.Site(layer.SiteLayer(), leads=False)
        self.pages = SitePages(
            'Tệp "{src_uri}" trong thư mục docs trùng địa chỉ với trang thống kê tự tạo. '
            f"Đổi tên hoặc xóa tệp đó, hoặc đổi url của {names.REPORT} trong mkdocs.yml."
        )

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember the command, for the site layer when this plugin leads it."""
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Take the moment of counting once per build and make the template findable."""
        self.site = layer.join(config, names.REPORT, self.command, self.dirty)
        self.now = clock.now()
        self.pages.reset()
        if self.config.enabled:
            theme.register(config, TEMPLATES_DIR)
        return config

    # After the news and procedures plugins have read their files in this same build.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Count every period from the posts of this build and add the pages and the JSON."""
        self.site.files(config, files)
        if not self.config.enabled:
            return files
        news = self.site.build.news
        if news is None:
            raise PluginError(
                f"Plugin {names.REPORT} đếm tin, bài của plugin {names.NEWS}, nhưng "
                f"{names.NEWS} chưa được bật. Thêm {names.NEWS} vào mục plugins của mkdocs.yml."
            )
        # The news plugin decided what is published at its own moment; using it when known
        # keeps the page's figures equal to the posts the site shows.
        as_of = news.as_of
        procedures, procedure_urls = self._procedures(config)
        base = base_url(self.config.url)
        figures = site_figures(
            list(news.published),
            procedures,
            cast(Mode, self.config.period_mode),
            as_of,
            list(news.categories),
            config.site_url or "",
            news.urls,
        )
        site = ReportSite(
            self.config.title,
            base,
            f"{base}{JSON_NAME}",
            config.use_directory_urls,
            procedure_urls,
        )
        for page in report_pages(figures, site):
            self.pages.add(files, config, page)
        json_file = File.generated(config, site.json_src, content=figures_json(figures))
        add_generated(files, json_file, self.pages.refusal)
        return files

    def _procedures(self, config: MkDocsConfig) -> tuple[list[Procedure] | None, dict[str, str]]:
        """The procedures read in this build, and the address of each one's page by code."""
        options = self.site.build.procedures
        try:
            wanted = counts_procedures(self.config.procedures, options)
        except ValueError as exc:
            raise PluginError(str(exc)) from exc
        if not wanted or options is None:
            return None, {}
        addresses = Addresses(options.url_prefix, config.use_directory_urls)
        procedures = list(options.records)
        return procedures, {p.code: addresses.url(addresses.procedure_src(p)) for p in procedures}

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give the statistics and period pages their title and template."""
        self.pages.set_meta(page)
        return markdown

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Numbers written the Vietnamese way in the report template; the site layer does the rest."""
        self.site.env(env, config)
        env.filters["vn_number"] = format_number
        return env

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Hand the report templates their figures."""
        self.pages.add_data(context, page)
        return context
