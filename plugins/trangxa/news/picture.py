"""The picture a post's card shows on the home page: the first image of the post."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'\s([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


@dataclass(frozen=True)
class Picture:
    """An image of the post, its address below the site's root and its description."""

    src: str
    alt: str


def first_picture(content: str, page_url: str) -> Picture | None:
    """The post's first described image kept on the site itself, if it has one.

    Images from other sites are left out (pages load nothing from elsewhere), and so are
    images without a description or marked as decoration: a card shows a picture that says
    something.
    """
    for tag in _IMG.findall(content):
        attributes = {
            match.group(1).lower(): html.unescape(match.group(2) or match.group(3) or "")
            for match in _ATTRIBUTE.finditer(tag)
        }
        src, alt = attributes.get("src", ""), attributes.get("alt", "").strip()
        if not src or not alt or attributes.get("role") in ("presentation", "none"):
            continue
        if "://" in src or src.startswith(("//", "data:")):
            continue
        if src.startswith("/"):
            path = src.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), src))
        if path.startswith(".."):
            continue
        return Picture(path, alt)
    return None
