"""RSS feeds of the news: the whole site and each category, as files MkDocs writes."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from trangxa.core.rss import FeedChannel, FeedItem
from trangxa.news.listing import Listing
from trangxa.news.shown import ShownPost
from trangxa.site.feedfile import feed_file, fill_feed

_RELATIVE_ATTR = re.compile(r'(\s(?:href|src))="(?!(?:[a-z][a-z0-9+.-]*:|#|//))([^"]*)"', re.I)


def absolute_links(html: str, page_url: str) -> str:
    """Make relative links absolute: feed readers do not resolve them against the item."""
    return _RELATIVE_ATTR.sub(lambda m: f'{m.group(1)}="{urljoin(page_url, m.group(2))}"', html)


def feed_items(posts: list[ShownPost], site_url: str, limit: int) -> list[FeedItem]:
    """The newest posts as feed entries with full, self-contained HTML."""
    items = []
    for post in posts[:limit]:
        url = urljoin(site_url, post.url)
        items.append(
            FeedItem(
                title=post.title,
                url=url,
                date=post.date,
                summary=post.summary,
                content_html=absolute_links(post.html, url),
                categories=tuple(post.categories),
            )
        )
    return items


def feed_files(listings: list[Listing], config: MkDocsConfig) -> list[File]:
    """The file of each listing's feed, still empty: fill_feeds writes their RSS."""
    return [feed_file(config, listing.feed_url) for listing in listings if listing.feed_url]


def fill_feeds(
    files: list[File], listings: list[Listing], config: MkDocsConfig, limit: int
) -> None:
    """Give each feed file its RSS, once every post's HTML is known."""
    site_url = config.site_url or "http://localhost/"
    by_uri = {file.src_uri: file for file in files}
    for listing in listings:
        if listing.feed_url:
            fill_listing_feed(by_uri[listing.feed_url], listing, site_url, config.site_name, limit)


def fill_listing_feed(
    file: File, listing: Listing, site_url: str, site_name: str, limit: int
) -> None:
    """Give one listing's feed file its channel and newest posts."""
    assert listing.feed_url is not None
    title = site_name if listing.kind == "index" else f"{listing.title} – {site_name}"
    channel = FeedChannel(
        title=title,
        site_url=urljoin(site_url, listing.url),
        feed_url=urljoin(site_url, listing.feed_url),
        description=f"{listing.title} của {site_name}",
    )
    fill_feed(file, channel, feed_items(listing.posts, site_url, limit))
