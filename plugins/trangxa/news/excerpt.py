"""Summaries and reading time, taken from HTML already rendered once."""

from __future__ import annotations

import html
import re

MORE_MARKER = "<!-- more -->"
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)


def excerpt_html(content: str) -> str:
    """HTML before the more marker, else the first paragraph."""
    head, marker, _ = content.partition(MORE_MARKER)
    if marker:
        return head
    match = _FIRST_PARAGRAPH.search(content)
    return match.group(1) if match else ""


def plain_text(fragment: str) -> str:
    """Visible text of an HTML fragment, on one line."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary and mark the cut, so a summary never ends mid-word."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–")
    return f"{cut}…"


def summary_of(description: str | None, content: str, limit: int) -> str:
    """The description if staff wrote one, else the excerpt's text."""
    if description:
        return description
    return shorten(plain_text(excerpt_html(content)), limit)


def reading_minutes(words: int, words_per_minute: int) -> int:
    """Whole minutes, at least one."""
    return max(1, round(words / max(1, words_per_minute)))
