"""Front matter MkDocs and Material read for news pages, and the templates they use."""

from __future__ import annotations

from typing import Any

from trangxa.core.safehtml import safe_text
from trangxa.news.listing import ListingPage
from trangxa.news.post import Post

POST_TEMPLATE = "trangxa/post.html"
LISTING_TEMPLATE = "trangxa/listing.html"
ARCHIVE_TEMPLATE = "trangxa/archive.html"


def post_meta(post: Post) -> dict[str, Any]:
    """Front matter MkDocs and Material read for a post page."""
    # Material prints these unescaped in <title> and <meta>; staff text is plain text.
    # Posts are out of the menu, so its column would stand empty beside them.
    meta: dict[str, Any] = {
        "title": safe_text(post.title),
        "template": POST_TEMPLATE,
        "hide": ["navigation"],
    }
    if post.description:
        meta["description"] = safe_text(post.description)
    return meta


def listing_meta(page: ListingPage) -> dict[str, Any]:
    """Front matter for a listing page; only first pages of main lists go to the search."""
    # A listing is its own menu: the side columns would stand empty beside it.
    meta: dict[str, Any] = {
        "title": safe_text(page.title),
        "template": LISTING_TEMPLATE,
        "hide": ["navigation", "toc"],
    }
    if page.number > 1 or page.listing.kind in ("year", "quarter", "tag"):
        meta["search"] = {"exclude": True}
    return meta
