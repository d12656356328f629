"""MkDocs pages of the news section: posts convert once, listings skip Markdown altogether."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any, cast

from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from trangxa.news.cache import CacheKey, RenderCache, RenderedContent
from trangxa.news.listing import ListingPage


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class PostPage(Page):
    """A post; while serving, its HTML is reused from the previous rebuild when unchanged."""

    cache: RenderCache | None = None
    content_key: CacheKey | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """Convert once; on later rebuilds reuse the HTML and replay the warnings."""
        cache, key = self.cache, self.content_key
        if cache is None or key is None:
            super().render(config, files)
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
            super().render(config, files)
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


class ListingDocPage(Page):
    """A listing page: its template writes the body, so its only content is the title heading.

    Listings outnumber posts by half; handing each to Markdown just to turn one heading into
    HTML would cost a parser set-up per page.
    """

    def __init__(self, file: File, config: MkDocsConfig, listing_page: ListingPage) -> None:
        super().__init__(None, file, config)
        self.listing_page = listing_page

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """The heading Markdown would make of `# title`, and its table of contents."""
        title = html.escape(self.listing_page.title, quote=False)
        anchor = heading_slugger(config)(self.listing_page.title, "-")
        self.content = f'<h1 id="{html.escape(anchor)}">{title}</h1>'
        self.toc = get_toc([{"level": 1, "id": anchor, "name": title, "children": []}])
        self.present_anchor_ids = {anchor}
        self.links_to_anchors = {}
        self._title_from_render = self.listing_page.title
