"""What search indexes of a post: a short entry for the first index, the whole text for the second."""

from __future__ import annotations

import html
import re

from trangxa.core.slugs import fold

# Pagefind matches "ky" with "ký" but not "dang" with "đăng": đ is a letter of its own, not d
# with a mark. A hidden line on each page lists its words with đ written with d; the worker
# cuts excerpts at the sentinel so that line is never shown.
FOLDED_SENTINEL = "⁂"
_D_WORD = re.compile(r"\w*[đĐ]\w*")


def folded_d_words(text: str) -> str:
    """The text's words holding đ, each once, folded: "Đăng ký đất đai" gives "dang dat dai"."""
    return " ".join(dict.fromkeys(fold(word).lower() for word in _D_WORD.findall(text)))


# Words of a post's summary the first index holds. Every word indexed on thousands of posts
# grows the parts of the index a query fetches: at 10,000 posts the 280-character summaries
# made a query fetch 544 KB, twenty words 489 KB (bench/README.md).
ENTRY_WORDS = 20


def summary_opening(summary: str) -> str:
    """The summary's first ENTRY_WORDS words, shown under a post's title in the results."""
    words = summary.split()
    return " ".join(words[:ENTRY_WORDS]) + (" …" if len(words) > ENTRY_WORDS else "")


def search_entry(title: str, summary: str) -> str:
    """What the first index holds of a post besides its title: the summary's opening words,
    then the words with đ written with d. Shown as the result's excerpt; the worker cuts it at
    the sentinel."""
    opening = summary_opening(summary)
    folded = folded_d_words(f"{title} {opening}")
    return f"{opening} {FOLDED_SENTINEL} {folded}" if folded else opening


def body_document(title: str, content: str) -> str:
    """A post as a page of the second index: its title and its whole text, then the words with
    đ written with d. Pagefind takes the title from the heading and excerpts from the text."""
    heading = html.escape(title, quote=False)
    folded = folded_d_words(f"{title} {content}")
    line = f"<p>{FOLDED_SENTINEL} {folded}</p>" if folded else ""
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{heading}</title></head><body><h1>{heading}</h1>{content}{line}</body></html>"
    )
