"""The news plugin: posts from posts/ become pages, listings and feeds."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa import engine
from trangxa.core import clock
from trangxa.core.problems import unexpected_message
from trangxa.core.safehtml import safe_text
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

    from trangxa.engine import Shortcuts

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
        # The engine's shortcuts, kept across rebuilds of `mkdocs serve`; None when switched off.
        self.shortcuts: Shortcuts | None = None
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
        self.shortcuts = engine.shortcuts_for(
            self.shortcuts, self.state, self.command, self.site.shortcuts
        )
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
        if self.shortcuts is not None:
            # A post's checks depend on the configured categories and on today's date.
            memo = self.shortcuts.post_memo((tuple(self.config.categories), clock.today()))
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
        self.site.nav(config, files, nav)
        if self.shortcuts is not None:
            self.shortcuts.nav(self.state, config, files, nav, self.config.parallel)
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Give post, listing and archive pages their title and template."""
        src = page.file.src_uri
        post = self.state.posts_by_uri.get(src)
        if post is not None:
            page.meta.update(pagemeta.post_meta(post))
        self.pages.set_meta(page)
        if self.shortcuts is not None:
            self.shortcuts.page_markdown(page)
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
        """Offer the news and the date filters to templates."""
        self.site.env(env, config)
        templating.register_template_helpers(env, self.state, self.config)
        if self.feeds and os.getpid() == self.pid:
            # Every post is converted by now, and MkDocs writes the feed files next. The second
            # process of engine.prerender runs this event too but writes no feed.
            listings = feedlists.feed_listings(self.state, self.config)
            feeds.fill_feeds(self.feeds, listings, config, self.config.feed_items)
        if self.shortcuts is not None:
            self.shortcuts.env()
        return env

    # Before other plugins read the page's context.
    @event_priority(60)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Hand a post or a listing page its data, and each page its feed links."""
        context = templating.page_context(context, page, self.state, self.config)
        self.pages.add_data(context, page)
        if self.shortcuts is not None:
            self.shortcuts.page_context(context, page, pagemeta.POST_TEMPLATE)
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Repaired by the site layer; while serving, keep the result or the page's old file."""
        output = self.site.post_page(output)
        if self.shortcuts is None:
            return output
        finished = self.shortcuts.finished_output(output, page)
        if finished is not None:
            return finished
        self.shortcuts.keep_output(output, page)
        return output

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for the second process, then let the site layer finish the site folder."""
        if self.shortcuts is not None:
            self.shortcuts.end_split()
        self.site.post_build(config)

    def on_build_error(self, *, error: Exception) -> None:
        """After a failed rebuild the site folder is half written: the next one starts clean."""
        self.site.build_error()
        if self.shortcuts is not None:
            self.shortcuts.build_error()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer | None:
        """Rebuild when a post changes, not only when docs/ does."""
        root = Path(config.config_file_path).parent
        server.watch(str(root / self.config.posts_dir))
        return server
