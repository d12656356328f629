"""The engine's shortcuts for the news pages, as one object the news plugin hands its events to.

With the shortcuts off (see trangxa.engine) the news plugin makes none of this: MkDocs renders
every page itself, once per build, and nothing is kept between rebuilds of `mkdocs serve`.
"""

from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING, Any, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa.engine import pagecache
from trangxa.engine.cache import CacheKey, RenderCache
from trangxa.engine.pagecache import PageCacheState
from trangxa.engine.render import PostPage
from trangxa.engine.serve_output import PreviousOutput

if TYPE_CHECKING:
    from trangxa.engine import prerender
    from trangxa.news.collect import PostMemo
    from trangxa.news.state import NewsState

log = get_plugin_logger(__name__)


class Shortcuts:
    """What the news shortcuts keep: across rebuilds while serving, and for one build."""

    def __init__(self, state: NewsState, command: str, previous: PreviousOutput) -> None:
        self.command = command
        self.state = state
        # The site layer's record of the previous rebuild's files (engine.siteshortcuts).
        self.previous = previous
        # Kept across rebuilds of `mkdocs serve` only: a plain build always renders everything.
        self.cache = RenderCache()
        self.page_cache = PageCacheState()
        self.split: prerender.Split | None = None
        self.split_lookups = PageCacheState()
        self.written_by_child: set[str] = set()
        self.split_context = ""
        self.split_nav: Navigation | None = None
        self.memo: PostMemo = {}
        self.memo_key: tuple[object, ...] = ()

    def post_memo(self, key: tuple[object, ...]) -> PostMemo | None:
        """While serving, posts read by the previous rebuild, valid for `key`; else None."""
        if self.command != "serve":
            return None
        if key != self.memo_key:
            self.memo, self.memo_key = {}, key
        return self.memo

    def nav(
        self, state: NewsState, config: MkDocsConfig, files: Files, nav: Navigation, parallel: bool
    ) -> None:
        """Serving: reuse the previous rebuild's work. Building: hand posts to a second process."""
        from trangxa.engine import prerender

        self.state = state
        self.page_cache = PageCacheState()
        self.split, self.written_by_child = None, set()
        if self.command == "serve":
            self.page_cache = pagecache.prepare_cache(self.cache, state, config, files, nav)
        elif parallel and prerender.can_split(config, len(state.posts_by_uri)):
            self.split_lookups = pagecache.prepare_cache(self.cache, state, config, files, nav)
            self.split_lookups.enabled = False
            self.split = prerender.start(
                prerender.child_pages(_post_pages(state, files)),
                self.child_page_key,
                config,
                files,
                nav,
            )
            self.cache.feed = self.split.content
            self.split_nav = nav

    def child_page_key(self, page: Page) -> CacheKey | None:
        """Key of a finished post page, the same in both processes for the same inputs."""
        post = self.state.posts_by_uri[page.file.src_uri]
        return pagecache.post_page_key(self.cache, self.split_lookups, self.state, post)

    def page_markdown(self, page: Page) -> None:
        """Pages finished elsewhere get the template that prints them as they are."""
        if self.split is not None and page.file.src_uri in self.split.sources:
            # Most likely the second process writes this page; page_context confirms it.
            page.meta["template"] = pagecache.CACHED_TEMPLATE
        if self.page_cache.enabled:
            pagecache.look_up_page(self.cache, self.page_cache, self.state, page)

    def env(self) -> None:
        """Every page is read and converted by now: the view the child must have had too."""
        if self.split is not None and self.split_nav is not None:
            from trangxa.engine import prerender

            self.split_context = prerender.context_key(self.split_nav)

    def page_context(self, context: TemplateContext, page: Page, fallback: str) -> None:
        """Hand the cached template the finished page, or the template to render it with."""
        extra = cast(dict[str, Any], context)
        src = page.file.src_uri
        cached = self.page_cache.outputs.get(src)
        if cached is not None:
            extra["trangxa_cached_output"] = cached
        if self.split is not None and src in self.split.sources:
            written = self.split.page_key(src, self.split_context)
            if written is not None and written == self.child_page_key(page):
                self.written_by_child.add(src)
                extra["trangxa_cached_output"] = ""
            else:
                extra["trangxa_fallback_template"] = fallback

    def finished_output(self, output: str, page: Page) -> str | None:
        """What to write for a page finished elsewhere, or None for a page rendered here.

        An empty output makes MkDocs skip writing the page: the previous rebuild's file, or
        the second process's, is already in place.
        """
        src = page.file.src_uri
        if src in self.page_cache.outputs:
            return "" if self.previous.keep(src, page.file.abs_dest_path) else output
        if src in self.written_by_child:
            self.previous.kept_sources.add(src)
            return ""
        return None

    def keep_output(self, output: str, page: Page) -> None:
        """Keep a page rendered here for the next rebuild, when its key was asked for."""
        key = self.page_cache.pending.get(page.file.src_uri)
        if key is not None:
            self.cache.pages[key] = output

    def build_error(self) -> None:
        """Stop the second process: the build is over."""
        if self.split is not None:
            os.kill(self.split.pid, signal.SIGTERM)
        self.end_split()

    def end_split(self) -> None:
        """Wait for the second process; what it could not do, this process did."""
        if self.split is None:
            return
        failure = self.split.finish()
        if failure:
            log.info(
                "Tiến trình dựng phụ dừng giữa chừng; các trang còn lại đã được dựng trong tiến "
                f"trình chính.\n{failure}"
            )
        self.split = None
        self.cache.feed = None


def _post_pages(state: NewsState, files: Files) -> list[PostPage]:
    """The page objects of the shown posts, in the order MkDocs builds them."""
    pages = []
    for uri in state.posts_by_uri:
        file = files.get_file_from_path(uri)
        if file is not None and isinstance(file.page, PostPage):
            pages.append(file.page)
    return pages
