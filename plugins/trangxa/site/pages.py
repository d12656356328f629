"""The one way trangxa makes a page: an address, a template, and the plain data it shows.

News listings, procedures pages and the statistics pages are each a GeneratedPage, built by
plain functions of their own package. A plugin only hands them to its SitePages, which adds
each as a generated file, gives it its title and template, and puts its data in the
template's context as `data`. Every template is looked up in the site's `overrides/` first,
then in trangxa's folders, then in Material's, so a site replaces any of them by putting a
file of the same name under `overrides/`.

A page's body is written by its template from `data`; Markdown then has nothing to convert
but the title, which is made here without a parser (listings outnumber posts by half). A
page whose text should be Markdown (procedures: their headings make the table of contents
and the search sections) names a `source` template instead, which writes that Markdown from
the same data, with every value escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa import engine
from trangxa.core.safehtml import safe_text
from trangxa.site.generated import add_generated

# Front-matter keys whose text Material prints unescaped.
_ESCAPED_META = ("description",)


@dataclass(frozen=True)
class GeneratedPage:
    """One page trangxa makes: where it lives, which template shows it, and with what data."""

    src_uri: str
    title: str
    # A page template (extends main.html), found in overrides/ first; it sees `data`.
    template: str
    # Plain, unchanging values made by the page's own package.
    data: object
    # A template writing the page's Markdown from `data`; None when `template` writes it all.
    source: str | None = None
    # More front matter: hide, search, description (escaped here).
    meta: Mapping[str, Any] = field(default_factory=dict)
    in_nav: bool = False


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """Site-relative address MkDocs gives the page at this source path, for `| url`."""
    return File(src_uri, None, "", use_directory_urls).url


class SourceTemplates:
    """Renders `source` templates: Markdown with HTML, every value escaped unless marked."""

    def __init__(
        self, template_dirs: Sequence[str], filters: Mapping[str, Callable[..., Any]]
    ) -> None:
        self.env = Environment(
            loader=FileSystemLoader(list(template_dirs)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(filters)

    def render(self, name: str, data: object) -> str:
        """One page's Markdown from its template and data; a broken template stops the build."""
        try:
            return self.env.get_template(name).render(data=data)
        except TemplateError as exc:
            where = f", dòng {exc.lineno}" if isinstance(exc, TemplateSyntaxError) else ""
            raise PluginError(
                f'Tệp mẫu "{name}"{where} (trong overrides/ hoặc của trangxa) lỗi: {exc}. '
                "Mọi giá trị của trang nằm trong biến data, ví dụ {{ data.procedure.name }}; "
                "xem overrides/README.md để biết mỗi tệp mẫu nhận gì, sửa tệp rồi dựng lại."
            ) from exc


def nav_titles(nav: object) -> dict[str, str]:
    """The titles the `nav` of mkdocs.yml gives pages, by source path."""
    titles: dict[str, str] = {}
    if isinstance(nav, list):
        for item in nav:
            titles.update(nav_titles(item))
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if isinstance(value, str):
                titles[value] = str(title)
            else:
                titles.update(nav_titles(value))
    return titles


class TitlePage(Page):
    """A page whose template writes the body: its only content is the title heading.

    Handing it to Markdown just to turn one heading into HTML would cost a parser set-up
    per page. MkDocs keeps a page object a plugin made, so the title the `nav` of mkdocs.yml
    gives the page is set here, as MkDocs would set it on a page of its own making.
    """

    def __init__(
        self, file: File, config: MkDocsConfig, heading: str, nav_title: str | None = None
    ) -> None:
        super().__init__(nav_title, file, config)
        self.heading = heading

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """The heading Markdown would make of `# title`, and its table of contents."""
        engine.render_heading(self, self.heading, config, files)


class SitePages:
    """The generated pages of one plugin in one build, by source path."""

    def __init__(self, refusal: str) -> None:
        # Told to staff when docs/ has a file at a generated page's address; {src_uri} in it.
        self.refusal = refusal
        self.by_src: dict[str, GeneratedPage] = {}
        self.nav_titles: dict[str, str] | None = None

    def reset(self) -> None:
        """Forget the previous build's pages."""
        self.by_src = {}
        self.nav_titles = None

    def add(
        self,
        files: Files,
        config: MkDocsConfig,
        page: GeneratedPage,
        sources: SourceTemplates | None = None,
    ) -> File:
        """Add the page's file; its title, template and data follow in the page events."""
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        if page.source is None:
            file = File.generated(
                config, page.src_uri, content=f"# {page.title}\n", inclusion=inclusion
            )
            if self.nav_titles is None:
                self.nav_titles = nav_titles(config.nav)
            TitlePage(file, config, page.title, self.nav_titles.get(page.src_uri))
        else:
            if sources is None:
                raise ValueError(f"{page.src_uri}: a source template needs SourceTemplates")
            markdown = sources.render(page.source, page.data)
            file = File.generated(config, page.src_uri, content=markdown, inclusion=inclusion)
        add_generated(files, file, self.refusal)
        self.by_src[page.src_uri] = page
        return file

    def set_meta(self, page: Page) -> None:
        """Title and template of a generated page (call in on_page_markdown)."""
        generated = self.by_src.get(page.file.src_uri)
        if generated is None:
            return
        # Material prints the title and description as they are: they go in escaped.
        page.meta["title"] = safe_text(generated.title)
        page.meta["template"] = generated.template
        for key, value in generated.meta.items():
            page.meta[key] = safe_text(value) if key in _ESCAPED_META else value

    def add_data(self, context: TemplateContext, page: Page) -> None:
        """Hand a generated page's template its data (call in on_page_context)."""
        generated = self.by_src.get(page.file.src_uri)
        if generated is not None:
            # TemplateContext is a closed TypedDict; theme templates accept any extra names.
            cast(dict[str, Any], context)["data"] = generated.data
