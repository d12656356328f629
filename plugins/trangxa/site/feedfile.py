"""The one way a feed reaches the built site: a generated file MkDocs writes with the others."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from trangxa.core.rss import FeedChannel, FeedItem, render_rss


def feed_file(config: MkDocsConfig, src_uri: str) -> File:
    """A feed's file, added in on_files so links to it resolve; fill_feed gives it its RSS."""
    return File.generated(config, src_uri, content=b"")


def fill_feed(file: File, channel: FeedChannel, items: list[FeedItem]) -> File:
    """Set the feed's RSS; MkDocs writes it into site_dir when it copies the static files.

    MkDocs copies them right after on_env, once every page is converted, so a feed that
    carries the posts' HTML can still be filled in on_env.
    """
    file.content_bytes = render_rss(channel, items)
    return file
