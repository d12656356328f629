"""Which listings have a feed, the posts each carries, and the link pages announce."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from trangxa.news.config import NewsConfig
from trangxa.news.listing import Listing

if TYPE_CHECKING:
    from trangxa.news.state import NewsState


@dataclass(frozen=True)
class FeedLink:
    """An RSS feed a page announces in its head."""

    title: str
    url: str


def feed_listings(state: NewsState, config: NewsConfig) -> list[Listing]:
    """The site feed and one per category, each with the newest published posts it carries."""
    sections = state.sections
    assert sections is not None
    published = {id(post) for post in state.collection.published}
    feeds = []
    for listing in (sections.index, *sections.categories.values()):
        posts = [post for post in listing.posts if id(post.post) in published]
        posts = posts[: config.feed_items]
        feeds.append(
            type(listing)(listing.kind, listing.title, listing.url, posts, listing.feed_url)
        )
    return feeds
