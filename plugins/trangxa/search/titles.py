"""Files that find an older post by its exact title.

The first index holds only the newest posts (bench/README.md); an older post is found by its
words through the index of post texts, below the first index's pages. A citizen who types a
post's whole title expects that post first however old it is, so the build files each older
post under its title in small JSON files, numbered by a hash of the title in the form the
search worker compares (worker.js: `titleKey`, `titleHash`), and the worker fetches the one
file a query's hash names, beside the first index.
"""

from __future__ import annotations

import html
import json
import math
import re
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from trangxa.search.entries import summary_opening

# Below the site's root; worker.js expects them there.
TITLES_DIR = "search-titles"
# Posts per file on average: a file of a few KB, one short request on a slow network.
TITLES_PER_FILE = 8

TAG = re.compile(r"<[^>]*>")
_MARKS = re.compile("[\u0300-\u036f]")


# Runs of characters neither letter, number nor dot (underscores made spaces first: one
# character class is much faster than an alternative); then dots not before a digit, of which
# _space keeps those before another kind of number. Two passes, so that the function runs
# only for dots: the runs are most of the text.
_RUN = re.compile(r"[^\w.]+")
_DOT = re.compile(r"\.(?!\d)")


def _space(match: re.Match[str]) -> str:
    following = match.string[match.end() : match.end() + 1]
    return "." if following and unicodedata.category(following)[0] == "N" else " "


def spaced(text: str) -> str:
    """Text without tags as the worker's `plain` gives it: composed, lower case, punctuation
    as single spaces; a dot stays only before a number ("2.046")."""
    text = _RUN.sub(" ", unicodedata.normalize("NFC", text).lower().replace("_", " "))
    return _DOT.sub(_space, text).strip()


def plain(text: str) -> str:
    """The worker's `plain`: tags as spaces, then as `spaced`; fast enough for the whole text
    of every post."""
    return spaced(TAG.sub(" ", unicodedata.normalize("NFC", text).lower()))


def fold(text: str) -> str:
    """The worker's `fold`: marks removed, đ written d (the text is not composed again)."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).replace("đ", "d")


def title_key(title: str) -> str:
    """A title as the worker compares it with a query typed with or without marks."""
    return fold(plain(title))


def title_hash(key: str) -> int:
    """FNV-1a, 32 bits, of the key's UTF-8 bytes: simple enough to write the same in JS."""
    value = 0x811C9DC5
    for byte in key.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def title_file_count(posts: int) -> int:
    """The number of title files for this many posts; 0 for none."""
    return math.ceil(posts / TITLES_PER_FILE)


def result_entry(url: str, title: str, summary: str) -> list[str]:
    """What the worker lists for a post from a title or code file: its address from the
    site's root (as Pagefind writes it), its title, and the summary's opening as HTML."""
    return ["/" + url, title, html.escape(summary_opening(summary), quote=False)]


def write_hashed_files(output: Path, files: Sequence[object]) -> int:
    """Write files[n] as output/n.json, compact, in a folder holding nothing else; return
    their number. Every file is written, empty ones too, so no query's file is missing."""
    shutil.rmtree(output, ignore_errors=True)
    if not files:
        return 0
    output.mkdir(parents=True)
    for number, content in enumerate(files):
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        (output / f"{number}.json").write_text(text, encoding="utf-8")
    return len(files)


def write_title_files(site_dir: Path, posts: Iterable[tuple[str, str, str]]) -> int:
    """File each post, given as (address, title, summary), under the hash of its title; return
    the number of files (result_entry says what each entry holds)."""
    listed = list(posts)
    files: list[list[list[str]]] = [[] for _ in range(title_file_count(len(listed)))]
    for url, title, summary in listed:
        files[title_hash(title_key(title)) % len(files)].append(result_entry(url, title, summary))
    return write_hashed_files(site_dir / TITLES_DIR, files)
