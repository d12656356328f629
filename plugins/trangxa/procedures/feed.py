"""RSS feed of the changes page: one item per published change, newest first."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from trangxa.core.rss import FeedChannel, FeedItem
from trangxa.procedures.pages import Change, PageSettings, change_label, feed_summary
from trangxa.site.feedfile import feed_file, fill_feed


def changes_feed(
    config: MkDocsConfig, changes: list[Change], settings: PageSettings, site_name: str, limit: int
) -> File:
    """The newest changes as RSS 2.0; each item points at its row in the procedure's history."""
    addresses = settings.addresses
    channel = FeedChannel(
        title=f"{settings.changes_title} – {site_name}",
        site_url=addresses.absolute(addresses.changes_src),
        feed_url=addresses.absolute(addresses.feed_path),
        description=f"{settings.changes_title} của {site_name}",
    )
    items = [
        FeedItem(
            title=f"{change_label(change.entry.change)}: {change.procedure.name}",
            url=addresses.absolute(addresses.procedure_src(change.procedure), change.anchor),
            date=change.entry.posted,
            summary=feed_summary(change),
            categories=(change.procedure.field,),
        )
        for change in changes[:limit]
    ]
    return fill_feed(feed_file(config, addresses.feed_path), channel, items)
