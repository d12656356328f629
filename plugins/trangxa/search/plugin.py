"""MkDocs plugin: Material's search box answered from a Pagefind index, folded for Vietnamese.

Material's own index holds every page's text in one file that the browser downloads and
indexes whole (13.7 MB at 3,000 benchmark posts, no result within 180 s on a slow phone);
Pagefind splits its index by word so a query fetches only the few parts it needs. Pagefind
matches words with and without tone marks; a hidden line of each page's words with đ written
with d lets "dang ky khai sinh" find "Đăng ký khai sinh" too.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from trangxa.core.slugs import fold
from trangxa.search.config import SearchConfig
from trangxa.search.material_search import material_search_plugin, use_vietnamese_separator
from trangxa.search.pagefind_index import build_index, replace_material_worker
from trangxa.site.theme import require_material

log = get_plugin_logger(__name__)


# Where Material's page template opens the page's own content.
CONTENT_OPENING = '<article class="md-content__inner md-typeset">'
MARKED_OPENING = '<article class="md-content__inner md-typeset" data-pagefind-body>'


# Pagefind matches "ky" with "ký" but not "dang" with "đăng": đ is a letter of its own, not d
# with a mark. A hidden line on each page lists its words with đ written with d; the worker
# cuts excerpts at the sentinel so that line is never shown.
FOLDED_SENTINEL = "⁂"
_D_WORD = re.compile(r"\w*[đĐ]\w*")


def folded_d_words(html: str) -> str:
    """The page's words holding đ, each once, folded: "Đăng ký đất đai" gives "dang dat dai"."""
    return " ".join(dict.fromkeys(fold(word).lower() for word in _D_WORD.findall(html)))


# Words of a post's summary search indexes. Every word indexed on thousands of posts grows the
# parts of the index a query fetches: at 10,000 posts the 280-character summaries made a query
# fetch 544 KB, twenty words 489 KB (bench/README.md).
ENTRY_WORDS = 20


def search_entry(title: str, summary: str) -> str:
    """What search indexes of a post besides its title: the summary's opening words, then the
    words with đ written with d. Shown as the result's excerpt; the worker cuts it at the
    sentinel."""
    words = summary.split()
    opening = " ".join(words[:ENTRY_WORDS]) + (" …" if len(words) > ENTRY_WORDS else "")
    folded = folded_d_words(f"{title} {opening}")
    return f"{opening} {FOLDED_SENTINEL} {folded}" if folded else opening


def mark_for_index(output: str, page: Page) -> str:
    """Mark the page's content for Pagefind, unless its front matter keeps it out of search.

    Pagefind then indexes only marked pages and only their content, not the menus, header and
    footer every page repeats.
    """
    search = page.meta.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return output
    start = output.find(CONTENT_OPENING)
    if start < 0:
        return output
    end = output.find("</article>", start)
    article = output[start:end]
    # A page that wrote its own line (a post: see search_entry) keeps it.
    folded = "" if "data-tx-folded" in article else folded_d_words(article)
    extra = f"<div hidden data-tx-folded>{FOLDED_SENTINEL} {folded}</div>" if folded else ""
    return (
        output[:start]
        + MARKED_OPENING
        + output[start + len(CONTENT_OPENING) : end]
        + extra
        + output[end:]
    )


def _skip_page(page: Page) -> None:
    """Stands in for Material's indexer: the index is Pagefind's, built after the site."""


class SearchPlugin(BasePlugin[SearchConfig]):
    """Leaves Material's index empty, indexes the built site with Pagefind, ships the worker."""

    def __init__(self) -> None:
        self.serving = False
        self.indexing: threading.Thread | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve`, where indexing runs beside the server."""
        self.serving = command == "serve"

    # Before Material's search plugin, so its options are set before it reads them.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig | None:
        """Check Material's search box is there and give its highlighter Vietnamese words."""
        if not self.config.enabled:
            return config
        require_material(config)
        search = material_search_plugin(config)
        if not use_vietnamese_separator(search):
            log.info(
                "Dùng `separator` đặt trong mkdocs.yml cho tìm kiếm thay cho mặc định của trangxa."
            )
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Material writes only its settings for the search box, no page text."""
        # The previous rebuild's indexing must be done before this build moves its output.
        self.wait_for_index()
        if self.config.enabled:
            material: Any = material_search_plugin(config)
            material.search_index.add_entry_from_context = _skip_page

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give the post template the text search indexes of a post."""
        if self.config.enabled:
            env.globals["trangxa_search_entry"] = search_entry
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Mark what Pagefind should index on this page."""
        return mark_for_index(output, page) if self.config.enabled else output

    # After Material's search plugin has written its (empty) index.
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the built pages with Pagefind and point Material's search box at it."""
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        replace_material_worker(site_dir)
        if not self.serving:
            self._index(site_dir)
            return
        # A rebuild of `mkdocs serve` shows the page at once; the index follows a moment later.
        self.wait_for_index()
        self.indexing = threading.Thread(
            target=self._index_quietly, args=(site_dir,), name="trangxa-pagefind", daemon=True
        )
        self.indexing.start()

    def wait_for_index(self) -> None:
        """Wait until the index of the last build beside the server is written."""
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None

    def _index(self, site_dir: Path) -> None:
        started = time.perf_counter()
        build_index(site_dir)
        log.debug("Pagefind lập chỉ mục trong %.1f giây.", time.perf_counter() - started)

    def _index_quietly(self, site_dir: Path) -> None:
        try:
            self._index(site_dir)
        except PluginError as error:
            log.warning(str(error))
