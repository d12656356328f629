"""What one build knows about the news, and how it is loaded: posts, listings, lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from trangxa.core.problems import Problem
from trangxa.news import links
from trangxa.news.collect import (
    PostCollection,
    PostMemo,
    assign_urls,
    collect_posts,
    sort_newest_first,
)
from trangxa.news.config import NewsConfig
from trangxa.news.feedlists import feed_listings
from trangxa.news.listing import ListingPage, NewsSections, build_sections
from trangxa.news.post import Post
from trangxa.news.postfiles import find_attachments, link_targets, unlinked_files
from trangxa.news.shown import ShownPost


@dataclass
class NewsState:
    """What one build knows about the news: posts, listings, lookups by page."""

    collection: PostCollection = field(default_factory=PostCollection)
    shown: list[ShownPost] = field(default_factory=list)
    sections: NewsSections | None = None
    posts_by_uri: dict[str, ShownPost] = field(default_factory=dict)
    listing_pages: dict[str, ListingPage] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    attachment_sources: dict[str, Path] = field(default_factory=dict)
    now: datetime | None = None
    # (page, link) pairs of broken post links already reported in Vietnamese.
    reported_links: set[tuple[str, str]] = field(default_factory=set)
    # Posts some feed carries in full; only these keep their HTML once converted.
    feed_sources: set[str] = field(default_factory=set)


def load(
    root: Path,
    config: NewsConfig,
    now: datetime,
    show_unpublished: bool,
    memo: PostMemo | None = None,
    docs_dir: Path | None = None,
) -> NewsState:
    """Read the posts, give them addresses, and group them into listings."""
    collection = collect_posts(root / config.posts_dir, root, list(config.categories), now, memo)
    state = NewsState(collection=collection, now=now)
    state.errors.extend(collection.errors)
    state.warnings.extend(collection.warnings)
    urls = collection.urls
    # Published posts are numbered first, so previewing a draft never moves a live address.
    state.errors.extend(assign_urls(collection.published, config.url_prefix, urls))
    unpublished = [*collection.drafts, *collection.scheduled]
    state.errors.extend(assign_urls(unpublished, config.url_prefix, urls))
    shown = list(collection.published)
    if show_unpublished:
        shown = [*shown, *unpublished]
        sort_newest_first(shown)
    state.shown = [
        ShownPost(post, urls[post.source], status(post, now), post.body)
        for post in shown
        if post.source in urls
    ]
    state.sections = build_sections(state.shown, config)
    state.feed_sources = {
        post.source for listing in feed_listings(state, config) for post in listing.posts
    }
    posts_root = (root / config.posts_dir).resolve()
    targets = link_targets(state, root, docs_dir or root / "docs", root / config.posts_dir)
    for post in state.shown:
        post.body, problems, broken = links.rewrite(post, targets)
        state.warnings.extend(problems)
        state.reported_links.update((f"{post.url}index.md", target) for target in broken)
    for index, post in enumerate(state.shown):
        state.posts_by_uri[f"{post.url}index.md"] = post
        state.position[post.source] = index
        find_attachments(post, posts_root, state)
    for listing in state.sections.all():
        for page in listing.pages:
            state.listing_pages[page.src_uri] = page
    state.warnings.extend(unlinked_files(collection, root, state, root / config.posts_dir))
    return state


def status(post: Post, now: datetime) -> str:
    """'draft', 'scheduled' (dated after `now`) or 'published', as the collection sorts posts."""
    if post.draft:
        return "draft"
    return "scheduled" if post.date > now else "published"
