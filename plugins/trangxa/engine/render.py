"""Posts converted once with one reused Markdown parser, and their HTML kept while serving."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any, cast

import markdown
from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from trangxa.engine.cache import CacheKey, RenderCache, RenderedContent


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class _Converter:
    """One Markdown parser per build and process, reset between posts.

    MkDocs sets up a parser with every extension for each page, which costs about a tenth of
    converting a post. Python-Markdown's reset() returns a parser and its extensions to their
    first state, so one parser serves every post; MkDocs' own per-page steps (links, anchors,
    title) are registered afresh for each post, under the names MkDocs gives them, exactly as
    Page.render does.
    """

    def __init__(self) -> None:
        self.config: MkDocsConfig | None = None
        self.md: markdown.Markdown | None = None

    def parser(self, config: MkDocsConfig) -> markdown.Markdown:
        if self.md is None or self.config is not config:
            self.md = markdown.Markdown(
                extensions=config["markdown_extensions"],
                extension_configs=config["mdx_configs"] or {},
            )
            self.config = config
        return self.md

    # Mirrors Page.render with MkDocs' private tree processors and _title_from_render:
    # https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py#L263-L292
    # ProperDocs 1.6.7 (properdocs/structure/pages.py, Page.render) differs in one line: it
    # keeps links_to_anchors at every log level, where MkDocs 1.6.1 drops them at DEBUG.
    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.parser(config)
        md.reset()
        # https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py#L522 (_register: #L534)
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        # https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py#L329 (_register: #L342)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        # https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py#L346 (_register: #L518)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        # https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py#L552 (_register: #L563)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        # https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py#L287
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors


_converter = _Converter()


class PostPage(Page):
    """A post; while serving, its HTML is reused from the previous rebuild when unchanged."""

    cache: RenderCache | None = None
    content_key: CacheKey | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Convert once; on later rebuilds reuse the HTML and replay the warnings."""
        cache, key = self.cache, self.content_key
        if cache is None or key is None:
            _converter.render(self, config, files)
            return
        stored = cache.contents.get(key)
        if stored is None and cache.feed is not None:
            stored = cache.feed(key)
        if stored is not None:
            cache.hits += 1
            self.content, self.toc = stored.content, stored.toc
            self.present_anchor_ids = set(stored.anchors)
            self.links_to_anchors = stored.links_to_anchors
            for record in stored.records:
                logging.getLogger(record.name).handle(record)
            return
        cache.misses += 1
        recorder = _Recorder()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(recorder)
        try:
            _converter.render(self, config, files)
        finally:
            logger.removeHandler(recorder)
        assert self.content is not None
        cache.contents[key] = RenderedContent(
            self.content,
            self.toc,
            set(self.present_anchor_ids or ()),
            getattr(self, "links_to_anchors", None),
            recorder.records,
        )


def heading_slugger(config: MkDocsConfig) -> Callable[[str, str], str]:
    """The function the toc extension names headings with, as configured."""
    options: dict[str, Any] = (config.mdx_configs or {}).get("toc") or {}
    chosen = options.get("slugify")
    if callable(chosen):
        return cast(Callable[[str, str], str], chosen)
    return cast(Callable[[str, str], str], slugify)


def heading_without_markdown(page: Page, title: str, config: MkDocsConfig) -> None:
    """What Page.render makes of a page whose whole Markdown is `# title`, without Markdown.

    Listings outnumber posts by half; handing each to Markdown just to turn one heading into
    HTML would cost a parser set-up per page.
    """
    escaped = html.escape(title, quote=False)
    anchor = heading_slugger(config)(title, "-")
    page.content = f'<h1 id="{html.escape(anchor)}">{escaped}</h1>'
    page.toc = get_toc([{"level": 1, "id": anchor, "name": escaped, "children": []}])
    page.present_anchor_ids = {anchor}
    page.links_to_anchors = {}
    # Private: Page.title reads it, as after MkDocs' own render:
    # https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/structure/pages.py#L57
    page._title_from_render = title
