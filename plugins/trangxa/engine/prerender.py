"""A second process builds the older part of the posts while this one builds the rest.

Converting, indexing and rendering posts is nearly all of what a large build costs, and it
runs on one processor. Right before MkDocs starts on the pages, the build process forks: the
child takes the posts in `share`, runs for each the same steps MkDocs would (plugin events,
Markdown, template, writing the file), and sends back what the parent needs of them: the
post's HTML with the warnings Markdown gave and the key of the page it wrote. The parent
goes on with the other pages; when it reaches one of the child's posts it takes the HTML
instead of converting, and leaves the page the child wrote in place when the keys agree. Every hand-over is keyed by all the inputs
of what it carries, so a disagreement, a late or failed child, simply means the parent does
that work itself.

Only plugins known to keep no state across pages may take part: with any other plugin in
mkdocs.yml the build stays in one process.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from trangxa.engine import pagesteps
from trangxa.engine.cache import CacheKey, RenderedContent, digest, nav_outline
from trangxa.engine.render import PostPage
from trangxa.site import names

# Plugins whose page events depend on nothing but the page and the site: safe in either process.
KNOWN_PLUGINS = frozenset(
    {
        "search",
        "material/search",
        names.SEARCH,
        names.NEWS,
        names.PROCEDURES,
        names.REPORT,
    }
)
# Below this many posts, forking and handing results back costs more than it saves.
MIN_POSTS = 300
# The parent also renders the listings and every other page, and writes the feeds: timed on two
# cores at 1,000 posts, the child finished its half of the posts well before the parent
# reached them, so it takes a little more.
CHILD_SHARE = 0.6


def can_split(config: MkDocsConfig, posts: int) -> bool:
    """A second process helps: a fork-capable system, two processors, many posts, known plugins."""
    return (
        hasattr(os, "fork")
        and not other_threads_running()
        and (os.cpu_count() or 1) >= 2
        and posts >= MIN_POSTS
        and set(config.plugins) <= KNOWN_PLUGINS
    )


def context_key(nav: Navigation) -> str:
    """What every page shows of the others: the navigation with titles, addresses, front matter."""
    return digest(nav_outline(nav.items, with_meta=True))


def other_threads_running() -> bool:
    """Forking while other threads run could leave a lock they hold locked in the child."""
    return threading.active_count() > 1


def child_pages(pages: list[PostPage]) -> list[PostPage]:
    """The posts the child builds: the last ones MkDocs reaches, so the parent starts at once."""
    return pages[len(pages) - int(len(pages) * CHILD_SHARE) :]


@dataclass
class Handover:
    """What the child sent so far; the parent waits on it only for the child's own pages."""

    contents: dict[CacheKey, RenderedContent] = field(default_factory=dict)
    page_keys: dict[str, CacheKey | None] = field(default_factory=dict)
    context: str | None = None
    finished: bool = False
    failure: str = ""
    condition: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, ready: Callable[[], bool]) -> None:
        """Block until ready() holds or the child has stopped sending."""
        with self.condition:
            self.condition.wait_for(lambda: ready() or self.finished)


@dataclass
class Split:
    """The parent's side: the child's process, its posts, and what it handed over."""

    pid: int
    content_keys: set[CacheKey]
    sources: set[str]
    handover: Handover
    reader: threading.Thread

    def content(self, key: CacheKey) -> RenderedContent | None:
        """The child's HTML for a post it converts, once sent; None for the parent's own posts."""
        if key not in self.content_keys:
            return None
        self.handover.wait_for(lambda: key in self.handover.contents)
        return self.handover.contents.get(key)

    def page_key(self, src_uri: str, context: str) -> CacheKey | None:
        """Key of the page the child wrote for this post, or None if it wrote none.

        None too when the child rendered with another view of the other pages than `context`,
        this process's view when it renders.
        """
        if src_uri not in self.sources:
            return None
        self.handover.wait_for(lambda: self.handover.context is not None)
        if self.handover.context != context:
            return None
        self.handover.wait_for(lambda: src_uri in self.handover.page_keys)
        return self.handover.page_keys.get(src_uri)

    def finish(self) -> str:
        """Wait for the child to exit; its failure message, if it failed."""
        self.reader.join()
        os.waitpid(self.pid, 0)
        return self.handover.failure


def start(
    pages: list[PostPage],
    page_key: Callable[[PostPage], CacheKey | None],
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
) -> Split:
    """Fork; the child builds `pages` and never returns, the parent gets a Split."""
    receiving, sending = Pipe(duplex=False)
    # Objects the collector never visits stay shared with the child instead of being copied
    # page by page when it walks them.
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        receiving.close()
        status = 0
        try:
            _run_child(sending, pages, page_key, config, files, nav)
        except BaseException:
            status = 1
            with contextlib.suppress(OSError):
                sending.send(("failed", traceback.format_exc()))
        finally:
            sending.close()
            # Straight out: the parent's exit handlers and open files are not the child's to run.
            os._exit(status)
    gc.unfreeze()
    sending.close()
    handover = Handover()
    reader = threading.Thread(
        target=_receive, args=(receiving, handover, files), name="trangxa-handover"
    )
    reader.daemon = True
    reader.start()
    keys = {page.content_key for page in pages if page.content_key is not None}
    return Split(pid, keys, {page.file.src_uri for page in pages}, handover, reader)


def _receive(connection: Connection, handover: Handover, files: Files) -> None:
    """Drain the pipe as messages arrive, so the child never waits on the parent."""
    try:
        while True:
            try:
                kind, *payload = connection.recv()
            except EOFError:
                break
            with handover.condition:
                if kind == "content":
                    key, content = payload
                    handover.contents[key] = _restore_links(content, files)
                elif kind == "context":
                    handover.context = payload[0]
                elif kind == "page":
                    src_uri, key = payload
                    handover.page_keys[src_uri] = key
                elif kind == "failed":
                    handover.failure = payload[0]
                handover.condition.notify_all()
    finally:
        connection.close()
        with handover.condition:
            handover.finished = True
            handover.condition.notify_all()


def _portable(content: RenderedContent) -> RenderedContent:
    """Anchored links keyed by path instead of File, and log records as plain text."""
    links = content.links_to_anchors
    if links:
        links = {file.src_uri: anchors for file, anchors in links.items()}
    records = []
    for record in content.records:
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = None
        records.append(record)
    return RenderedContent(content.content, content.toc, content.anchors, links, records)


def _restore_links(content: RenderedContent, files: Files) -> RenderedContent:
    links = content.links_to_anchors
    if links:
        restored = {}
        for src_uri, anchors in links.items():
            file = files.get_file_from_path(src_uri)
            if file is not None:
                restored[file] = anchors
        content.links_to_anchors = restored
    return content


def _silence_logging() -> None:
    """The parent reports everything; the child's records only travel with the HTML."""
    for name in ("", "mkdocs"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(logging.NullHandler())


def _run_child(
    connection: Connection,
    pages: list[PostPage],
    page_key: Callable[[PostPage], CacheKey | None],
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
) -> None:
    """MkDocs' two passes over the child's posts: read and convert, then render and write."""
    _silence_logging()
    for page in pages:
        pagesteps.populate_page(page, config, files)
        cache, key = page.cache, page.content_key
        stored = cache.contents.get(key) if cache is not None and key is not None else None
        if stored is not None:
            connection.send(("content", key, _portable(stored)))
    # Pages in the navigation show each other's titles: make them known here as in the parent.
    for in_nav in nav.pages:
        if in_nav.content is None:
            pagesteps.populate_page(in_nav, config, files)
    connection.send(("context", context_key(nav)))
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for page in pages:
        key = page_key(page)
        pagesteps.build_page(page, config, doc_files, nav, env)
        connection.send(("page", page.file.src_uri, key))
