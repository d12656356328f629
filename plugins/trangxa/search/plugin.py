"""MkDocs plugin: Material's search box answered from a Pagefind index, folded for Vietnamese.

Material's own index holds every page's text in one file that the browser downloads and
indexes whole (13.7 MB at 3,000 benchmark posts, no result within 180 s on a slow phone);
Pagefind splits its index by word so a query fetches only the few parts it needs. Pagefind
matches words with and without tone marks; a hidden line of each page's words with đ written
with d lets "dang ky khai sinh" find "Đăng ký khai sinh" too. The newest posts are in that
index by title and summary; a second index holds every post's title and whole text, asked when
the first finds few pages; small title files let an older post typed as its whole title come
first (trangxa.search.titles), and small code files the few posts holding a code typed alone
(trangxa.search.codes).
"""

from __future__ import annotations

import json
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

from trangxa import engine
from trangxa.news.config import NewsConfig
from trangxa.news.excerpt import summary_of
from trangxa.news.post import Post
from trangxa.search.codes import write_code_files
from trangxa.search.config import SearchConfig
from trangxa.search.entries import FOLDED_SENTINEL, folded_d_words, search_entry
from trangxa.search.material_search import material_search_plugin, use_vietnamese_separator
from trangxa.search.pagefind_index import (
    build_body_index,
    build_index,
    replace_material_worker,
    shards,
)
from trangxa.search.titles import write_title_files
from trangxa.site import names
from trangxa.site.layer import build_of
from trangxa.site.theme import require_material

log = get_plugin_logger(__name__)


# The index Material's search plugin writes, with the words of every page it indexed.
MATERIAL_INDEX = "search/search_index.json"

# Where Material's page template opens the page's own content.
CONTENT_OPENING = '<article class="md-content__inner md-typeset">'
MARKED_OPENING = '<article class="md-content__inner md-typeset" data-pagefind-body>'


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


def summary_length(config: MkDocsConfig) -> int:
    """The length of the summaries trangxa-news writes, shown under older posts' titles."""
    news = config.plugins.get(names.NEWS)
    length = getattr(getattr(news, "config", None), "summary_length", None)
    return length if isinstance(length, int) else NewsConfig().summary_length


def empty_material_index(site_dir: Path) -> None:
    """Leave no page in the index Material wrote: Pagefind's index answers the search box.

    Written as Material writes it (compact JSON), so it is the same file whichever way the
    index was left empty.
    """
    path = site_dir / MATERIAL_INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = []
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


class SearchPlugin(BasePlugin[SearchConfig]):
    """Leaves Material's index empty, indexes the built site with Pagefind, ships the worker."""

    def __init__(self) -> None:
        self.serving = False
        # Whether Material's search plugin indexes every page in this build (shortcuts off).
        self.material_indexes = False
        self.indexing: threading.Thread | None = None
        # Address and HTML of every page's text by source file, for the index of post texts.
        self.texts: dict[str, tuple[str, str]] = {}
        # Source files of the posts the first index leaves to the second.
        self.outside: set[str] = set()

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
        if self.config.title_index_posts < 0:
            raise PluginError(
                f"Số bài mới nhất trong chỉ mục tiêu đề (`title_index_posts` dưới "
                f"`{names.SEARCH}` trong mkdocs.yml) phải từ 0 trở lên, không phải "
                f"{self.config.title_index_posts}: sửa lại hoặc bỏ dòng đó."
            )
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
        self.texts = {}
        self.outside = set()
        self.material_indexes = False
        if self.config.enabled:
            self.material_indexes = not engine.skip_material_index(material_search_plugin(config))

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give the post template the text search indexes of a post."""
        if self.config.enabled:
            env.globals["trangxa_search_entry"] = search_entry
            self.outside = set(self.posts_outside_first_index(config))
        return env

    def full_text(self) -> bool:
        """Whether this build writes the second index, of posts' whole text."""
        return self.config.full_text and not self.serving

    def posts_outside_first_index(self, config: MkDocsConfig) -> list[str]:
        """Source files of the published posts past the newest `title_index_posts`, when the
        second index finds them; none without it, or they could not be found at all."""
        news = build_of(config).news
        if news is None or not self.full_text():
            return []
        older = news.published[self.config.title_index_posts :]
        return [uri for uri in map(news.source_uri, older) if uri is not None]

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep the page's text: the posts among the pages go to the second index."""
        if self.config.enabled:
            self.texts[page.file.src_uri] = (page.url, html)
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Mark what Pagefind should index on this page."""
        if not self.config.enabled or page.file.src_uri in self.outside:
            return output
        return mark_for_index(output, page)

    # After Material's search plugin has written its (empty) index.
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the built pages with Pagefind and point Material's search box at it."""
        if not self.config.enabled:
            return
        site_dir = Path(config.site_dir)
        if self.material_indexes:
            empty_material_index(site_dir)
        # While serving, every rebuild would index every post's text again, and the next
        # rebuild waits for the indexing: the preview searches titles and summaries only.
        posts = self.published_pages(config) if self.full_text() else []
        limit = summary_length(config)
        # Address, title, HTML of the text and summary of each post, for the index of post
        # texts, the code files and (the posts the first index leaves out) the title files.
        entries = [
            (url, post.title, html, summary_of(post.description, html, limit), outside)
            for post, url, html, outside in posts
        ]
        texts = [(url, title, html) for url, title, html, _, _ in entries]
        title_files = write_title_files(
            site_dir,
            [(url, title, summary) for url, title, _, summary, outside in entries if outside],
        )
        code_files = write_code_files(site_dir, [entry[:4] for entry in entries])
        shard_count = len(shards(texts, self.config.full_text_shard_size))
        replace_material_worker(site_dir, shard_count, title_files, code_files)
        self.texts = {}
        if not self.serving:
            self._index(site_dir, texts)
            return
        # A rebuild of `mkdocs serve` shows the page at once; the index follows a moment later.
        self.wait_for_index()
        self.indexing = threading.Thread(
            target=self._index_quietly,
            args=(site_dir, texts),
            name="trangxa-pagefind",
            daemon=True,
        )
        self.indexing.start()

    def published_pages(self, config: MkDocsConfig) -> list[tuple[Post, str, str, bool]]:
        """Each published post with its address, the HTML of its text, and whether the first
        index leaves it out: for the index of post texts and the title files."""
        news = build_of(config).news
        found = []
        if news is None:
            return []
        for post in news.published:
            uri = news.source_uri(post)
            text = self.texts.get(uri) if uri is not None else None
            if text is not None:
                found.append((post, text[0], text[1], uri in self.outside))
        return found

    def wait_for_index(self) -> None:
        """Wait until the index of the last build beside the server is written."""
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None

    def _index(self, site_dir: Path, posts: list[tuple[str, str, str]]) -> None:
        started = time.perf_counter()
        build_index(site_dir)
        middle = time.perf_counter()
        count = build_body_index(site_dir, posts, self.config.full_text_shard_size)
        log.debug(
            "Pagefind lập chỉ mục trong %.1f giây, chỉ mục toàn văn %d bài (%d phần) trong "
            "%.1f giây.",
            middle - started,
            len(posts),
            count,
            time.perf_counter() - middle,
        )

    def _index_quietly(self, site_dir: Path, posts: list[tuple[str, str, str]]) -> None:
        try:
            self._index(site_dir, posts)
        except PluginError as error:
            log.warning(str(error))
