"""RSS 2.0 feeds written with feedgen, identical bytes for identical content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class FeedItem:
    """One entry: absolute permalink, aware date, summary and full HTML."""

    title: str
    url: str
    date: datetime
    summary: str
    content_html: str = ""
    categories: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class FeedChannel:
    """What the feed says about itself."""

    title: str
    site_url: str
    feed_url: str
    description: str
    language: str = "vi"


def render_rss(channel: FeedChannel, items: Sequence[FeedItem]) -> bytes:
    """Render the items, newest first as given, as RSS 2.0 bytes."""
    # Imported only when a feed is written: feedgen brings lxml and dateutil, which the
    # commands that read mkdocs.yml (and so load the plugins) never need.
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.title(channel.title)
    fg.description(channel.description or channel.title)
    fg.language(channel.language)
    fg.generator("trangxa")
    # feedgen takes the RSS <link> from the last link() call, so self goes first.
    fg.link(href=channel.feed_url, rel="self")
    fg.link(href=channel.site_url, rel="alternate")
    if items:
        # A fixed lastBuildDate keeps two builds of the same content byte-identical.
        newest = max(item.date for item in items)
        fg.lastBuildDate(newest)
        fg.pubDate(newest)
    for item in items:
        entry = fg.add_entry(order="append")
        entry.title(item.title)
        entry.link(href=item.url)
        entry.guid(item.url, permalink=True)
        entry.pubDate(item.date)
        entry.description(item.summary or item.title)
        if item.content_html:
            entry.content(item.content_html, type="CDATA")
        for name in item.categories:
            entry.category(term=name)
    data: bytes = fg.rss_str(pretty=True)
    return data
