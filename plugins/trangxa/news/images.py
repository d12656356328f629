"""Images in a post's HTML that have no text alternative for screen readers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from posixpath import basename
from urllib.parse import unquote, urlsplit

from trangxa.core.problems import Problem
from trangxa.news.post import Post

# An image marked as decoration on purpose needs no text (WCAG technique H67).
_DECORATIVE_ROLES = {"presentation", "none"}
_IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)


class _ImageScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.missing: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            return
        values = dict(attrs)
        if (values.get("role") or "").strip().lower() in _DECORATIVE_ROLES:
            return
        if values.get("aria-hidden") == "true":
            return
        # Markdown writes `alt=""` for `![](anh.jpg)`, so an empty alt is a forgotten one.
        if not (values.get("alt") or "").strip():
            self.missing.append(values.get("src") or "")


def images_without_alt(html: str) -> list[str]:
    """The `src` of every image with a missing or blank `alt`, in page order."""
    # Most posts have no image; parsing their HTML would cost more than converting it.
    if _IMG_TAG.search(html) is None:
        return []
    scan = _ImageScan()
    scan.feed(html)
    scan.close()
    return scan.missing


def _line_of(post: Post, src: str) -> int | None:
    """The line of the post's file that names the image, when it can be found."""
    name = unquote(basename(urlsplit(src).path))
    if not name:
        return None
    for offset, text in enumerate(post.body.splitlines()):
        if name in unquote(text):
            return post.body_line + offset
    return None


def missing_alt_problems(post: Post, html: str) -> list[Problem]:
    """One warning per image of the post that has no description, naming file and line."""
    problems = []
    for src in images_without_alt(html):
        name = unquote(basename(urlsplit(src).path)) or src
        problems.append(
            Problem(
                post.source,
                _line_of(post, src),
                f"ảnh {name!r} không có mô tả (alt), nên người khiếm thị dùng trình đọc màn "
                f"hình không biết ảnh nói gì. Viết mô tả ngắn vào trong ngoặc vuông: "
                f'![Mô tả nội dung ảnh]({name}), hoặc thêm alt="..." nếu ảnh chèn bằng thẻ <img>.',
                "warning",
            )
        )
    return problems
