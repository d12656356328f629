"""Finished pages reused between rebuilds of `mkdocs serve`: the keys of post and listing pages.

A page's key holds every input its HTML depends on (see engine.cache); a page whose key is
stored from the previous rebuild is not rendered again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from trangxa.core import clock
from trangxa.engine.cache import (
    CacheKey,
    RenderCache,
    config_fingerprint,
    digest,
    files_fingerprint,
    nav_fingerprint,
)
from trangxa.engine.render import PostPage
from trangxa.news.shown import ShownPost

# A page finished elsewhere: by the previous rebuild, or by the build's second process.
CACHED_TEMPLATE = "trangxa/cached.html"

if TYPE_CHECKING:
    from trangxa.news.state import NewsState


@dataclass
class PageCacheState:
    """This build's cache lookups: keys to store after rendering, outputs to reuse."""

    enabled: bool = False
    content_keys: dict[str, CacheKey] = field(default_factory=dict)
    sections_key: str = ""
    today: str = ""
    pending: dict[str, CacheKey] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)


def prepare_cache(
    cache: RenderCache, state: NewsState, config: MkDocsConfig, files: Files, nav: Navigation
) -> PageCacheState:
    """Fold the site-wide inputs into the cache's base key; give post pages their content key."""
    cache.begin(digest(config_fingerprint(config), files_fingerprint(files), nav_fingerprint(nav)))
    result = PageCacheState(enabled=True, today=clock.today().isoformat())
    for uri, post in state.posts_by_uri.items():
        file = files.get_file_from_path(uri)
        page = file.page if file is not None else None
        if not isinstance(page, PostPage):
            continue
        page.cache = cache
        page.content_key = cache.content_key(post.body, post.url)
        result.content_keys[post.source] = page.content_key
    if state.sections is not None:
        result.sections_key = digest(
            [(listing.url, len(listing.posts)) for listing in state.sections.all()]
        )
    return result


def _card(post: ShownPost, lookups: PageCacheState) -> CacheKey:
    return (
        post.url,
        post.title,
        post.date,
        post.status,
        tuple(post.categories),
        tuple(post.tags),
        post.description,
        post.readtime,
        lookups.content_keys.get(post.source),
    )


def post_page_key(
    cache: RenderCache, lookups: PageCacheState, state: NewsState, post: ShownPost
) -> CacheKey | None:
    """Key of a finished post page: the post, its neighbours' cards and the day."""
    content_key = lookups.content_keys.get(post.source)
    if content_key is None:
        return None
    index = state.position[post.source]
    neighbours = tuple(
        _card(other, lookups)
        for other in state.shown[max(index - 1, 0) : index + 2]
        if other is not post
    )
    return cache.page_key(
        "post",
        _card(post, lookups),
        tuple(post.authors),
        post.image,
        lookups.today,
        tuple((a.name, a.url, a.kind, a.size) for a in post.attachments),
        neighbours,
    )


def look_up_page(cache: RenderCache, lookups: PageCacheState, state: NewsState, page: Page) -> None:
    """Reuse a finished post or listing page whose inputs are all unchanged."""
    src = page.file.src_uri
    post = state.posts_by_uri.get(src)
    listing_page = state.listing_pages.get(src)
    if post is not None:
        key = post_page_key(cache, lookups, state, post)
        if key is None:
            return
        usable = lookups.content_keys[post.source] in cache.contents
    elif listing_page is not None:
        key = cache.page_key(
            "listing",
            listing_page.url,
            listing_page.title,
            listing_page.number,
            listing_page.total,
            tuple(_card(p, lookups) for p in listing_page.posts),
            lookups.sections_key,
        )
        usable = True
    else:
        return
    stored = cache.pages.get(key) if usable else None
    if stored is None:
        lookups.pending[src] = key
        return
    cache.hits += 1
    lookups.outputs[src] = stored
    page.meta["template"] = CACHED_TEMPLATE
