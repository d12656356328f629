"""RSS feeds of the news: the whole site and each category."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from trangxa.core.rss import FeedChannel, FeedItem, render_rss
from trangxa.news.listing import Listing
from trangxa.news.post import Post

_RELATIVE_ATTR = re.compile(r'(\s(?:href|src))="(?!(?:[a-z][a-z0-9+.-]*:|#|//))([^"]*)"', re.I)


def absolute_links(html: str, page_url: str) -> str:
    """Make relative links absolute: feed readers do not resolve them against the item."""
    return _RELATIVE_ATTR.sub(lambda m: f'{m.group(1)}="{urljoin(page_url, m.group(2))}"', html)


def feed_items(posts: list[Post], site_url: str, limit: int) -> list[FeedItem]:
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


def write_feed(listing: Listing, site_url: str, site_name: str, site_dir: Path, limit: int) -> Path:
    """Write one listing's feed into the built site and return its path."""
    assert listing.feed_url is not None
    title = site_name if listing.kind == "index" else f"{listing.title} – {site_name}"
    channel = FeedChannel(
        title=title,
        site_url=urljoin(site_url, listing.url),
        feed_url=urljoin(site_url, listing.feed_url),
        description=f"{listing.title} của {site_name}",
    )
    target = site_dir / listing.feed_url
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(render_rss(channel, feed_items(listing.posts, site_url, limit)))
    return target
