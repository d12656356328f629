"""The news plugin: posts from posts/ become pages, listings and feeds."""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa.core import clock
from trangxa.core.problems import unexpected_message
from trangxa.core.safehtml import safe_text
from trangxa.engine import pagecache
from trangxa.engine.cache import CacheKey, RenderCache
from trangxa.engine.pagecache import PageCacheState
from trangxa.news import (
    feedlists,
    feeds,
    generated,
    pagemeta,
    problems,
    rendered,
    state,
    templating,
)
from trangxa.news.authors import load_authors
from trangxa.news.collect import PostMemo
from trangxa.news.config import NewsConfig
from trangxa.news.images import missing_alt_problems
from trangxa.news.links import ReportedLinks
from trangxa.news.listing_pages import news_pages
from trangxa.news.settings import check_news_settings
from trangxa.site import layer, names, preview
from trangxa.site.pages import SitePages

if TYPE_CHECKING:
    # Only a build uses these; `trangxa count` loads this plugin and should not pay for them.
    from mkdocs.livereload import LiveReloadServer

    from trangxa.engine import prerender

log = get_plugin_logger(__name__)


class NewsPlugin(layer.SiteEvents, BasePlugin[NewsConfig]):
    """Thin wrapper: each event hands its work to a plain function in trangxa.news."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: Literal["build", "gh-deploy", "serve"] = "build"
        self.dirty = False
        self.state = state.NewsState()
        # Replaced in on_config by this build's share of the site layer.
        self.site = layer.Site(layer.SiteLayer(), leads=False)
        # Kept across rebuilds of `mkdocs serve` only: a plain build always renders everything.
        self.cache = RenderCache()
        self.page_cache = PageCacheState()
        self.post_memo: PostMemo = {}
        self.post_memo_key: tuple[object, ...] = ()
        self.split: prerender.Split | None = None
        self.split_lookups = PageCacheState()
        self.written_by_child: set[str] = set()
        self.split_context = ""
        self.split_nav: Navigation | None = None
        # Preview only: the address each post had, so a post that breaks keeps its address.
        self.known_urls: dict[str, str] = {}
        self.reported_links = ReportedLinks()
        # This build's feed files, and the process that writes the site (see on_env).
        self.feeds: list[File] = []
        self.pid = os.getpid()
        self.pages = SitePages(problems.PAGE_REFUSAL)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether drafts should be shown (serve) or left out (build)."""
        self.command = command
        self.dirty = dirty
        logging.getLogger("mkdocs.structure.pages").addFilter(self.reported_links)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Start each build with fresh state and the site layer set up."""
        self.site = layer.join(config, names.NEWS, self.command, self.dirty)
        posts_dir = Path(config.config_file_path).parent / self.config.posts_dir
        # Each load of mkdocs.yml gives fresh options, so this merges once per load.
        self.config.authors = load_authors(posts_dir, dict(self.config.authors))
        self.state = state.NewsState()
        self.feeds = []
        if self.config.enabled:
            check_news_settings(self.config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Read every post and add its page, its attachments and the listing pages."""
        self.site.files(config, files)
        if not self.config.enabled:
            return files
        root = Path(config.config_file_path).parent
        show_unpublished = self.command == "serve" and self.config.drafts_on_serve
        memo = None
        if self.command == "serve":
            # A post's checks depend on the configured categories and on today's date.
            key = (tuple(self.config.categories), clock.today())
            if key != self.post_memo_key:
                self.post_memo, self.post_memo_key = {}, key
            memo = self.post_memo
        try:
            self.state = state.load(
                root, self.config, clock.now(), show_unpublished, memo, Path(config.docs_dir)
            )
        except Exception as exc:
            raise PluginError(unexpected_message(exc)) from exc
        self.reported_links.pairs = self.state.reported_links
        problems.log_problems(self.state, fail=self.command != "serve")
        problems.publish(self.site.build, self.state, self.config)
        self.pages.reset()
        if self.state.sections is not None:
            for listing in news_pages(self.state.sections, self.config):
                self.pages.add(files, config, listing)
        for news_file in generated.generated_files(self.state, config, root):
            files.append(news_file)
        self.feeds, self.pid = [], os.getpid()
        if self.state.sections is not None:
            self.feeds = feeds.feed_files(feedlists.feed_listings(self.state, self.config), config)
            for feed in self.feeds:
                files.append(feed)
        if self.command == "serve":
            self.known_urls.update((post.source, post.url) for post in self.state.shown)
            broken = self.state.collection.errors
            for page in preview.broken_post_pages(
                broken, self.config.url_prefix, self.known_urls, files
            ):
                self.pages.add(files, config, page)
        return files

    # Last of all plugins: a second process started here must see the navigation as final.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Serving: reuse the previous rebuild's work. Building: hand posts to a second process."""
        from trangxa.engine import prerender

        self.page_cache = PageCacheState()
        self.split, self.written_by_child = None, set()
        self.site.nav(config, files, nav)
        if self.command == "serve":
            self.page_cache = pagecache.prepare_cache(self.cache, self.state, config, files, nav)
        elif self.config.parallel and prerender.can_split(config, len(self.state.posts_by_uri)):
            self.split_lookups = pagecache.prepare_cache(self.cache, self.state, config, files, nav)
            self.split_lookups.enabled = False
            self.split = prerender.start(
                prerender.child_pages(generated.post_pages(self.state, files)),
                self.child_page_key,
                config,
                files,
                nav,
            )
            self.cache.feed = self.split.content
            self.split_nav = nav
        return nav

    def child_page_key(self, page: Page) -> CacheKey | None:
        """Key of a finished post page, the same in both processes for the same inputs."""
        post = self.state.posts_by_uri[page.file.src_uri]
        return pagecache.post_page_key(self.cache, self.split_lookups, self.state, post)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give post, listing and archive pages their title and template."""
        src = page.file.src_uri
        post = self.state.posts_by_uri.get(src)
        if post is not None:
            page.meta.update(pagemeta.post_meta(post))
        self.pages.set_meta(page)
        if self.split is not None and src in self.split.sources:
            # Most likely the second process writes this page; on_page_context confirms it.
            page.meta["template"] = pagecache.CACHED_TEMPLATE
        if self.page_cache.enabled:
            pagecache.look_up_page(self.cache, self.page_cache, self.state, page)
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep each post's HTML: listings and feeds reuse it instead of converting again."""
        post = self.state.posts_by_uri.get(page.file.src_uri)
        if post is not None:
            rendered.keep_content(post, html, self.config, post.source in self.state.feed_sources)
            for problem in missing_alt_problems(post.post, html):
                log.warning(str(problem))
            page.meta.setdefault("description", safe_text(post.summary))
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Offer the news and the date filters to templates; while serving, reuse compiled ones."""
        self.site.env(env, config)
        templating.register_template_helpers(env, self.state, self.config)
        if self.feeds and os.getpid() == self.pid:
            # Every post is converted by now, and MkDocs writes the feed files next. The second
            # process of engine.prerender runs this event too but writes no feed.
            listings = feedlists.feed_listings(self.state, self.config)
            feeds.fill_feeds(self.feeds, listings, config, self.config.feed_items)
        if self.split is not None and self.split_nav is not None:
            from trangxa.engine import prerender

            # Every page is read and converted by now: the view the child must have had too.
            self.split_context = prerender.context_key(self.split_nav)
        return env

    # Before other plugins read the page's context.
    @event_priority(60)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Hand a post or a listing page its data, and each page its feed links."""
        context = templating.page_context(context, page, self.state, self.config)
        self.pages.add_data(context, page)
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
                extra["trangxa_fallback_template"] = pagemeta.POST_TEMPLATE
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Repaired by the site layer; while serving, keep the result or the page's old file."""
        output = self.site.post_page(output)
        src = page.file.src_uri
        if src in self.page_cache.outputs:
            # Same page as the previous rebuild wrote: an empty output makes MkDocs skip it.
            return "" if self.site.previous.keep(src, page.file.abs_dest_path) else output
        if src in self.written_by_child:
            self.site.previous.kept_sources.add(src)
            return ""
        key = self.page_cache.pending.get(src)
        if key is not None:
            self.cache.pages[key] = output
        return output

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for the second process, then let the site layer finish the site folder."""
        self.end_split()
        self.site.post_build(config)

    def on_build_error(self, *, error: Exception) -> None:
        """After a failed rebuild the site folder is half written: the next one starts clean."""
        self.site.build_error()
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

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        """Rebuild when a post changes, not only when docs/ does."""
        root = Path(config.config_file_path).parent
        server.watch(str(root / self.config.posts_dir))
        return server
