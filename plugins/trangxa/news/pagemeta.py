"""Front matter MkDocs and Material read for post pages (listings: listing_pages)."""

from __future__ import annotations

from typing import Any

from trangxa.core.safehtml import safe_text
from trangxa.news.shown import ShownPost

POST_TEMPLATE = "trangxa/post.html"


def post_meta(post: ShownPost) -> dict[str, Any]:
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
