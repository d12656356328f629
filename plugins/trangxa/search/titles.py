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
from collections.abc import Iterable
from pathlib import Path

from trangxa.search.entries import summary_opening

# Below the site's root; worker.js expects them there.
TITLES_DIR = "search-titles"
# Posts per file on average: a file of a few KB, one short request on a slow network.
TITLES_PER_FILE = 8

_TAG = re.compile(r"<[^>]*>")
_MARKS = re.compile("[\u0300-\u036f]")


def _letter_or_number(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def plain(text: str) -> str:
    """The worker's `plain`: composed, lower case, tags and punctuation as spaces; a dot
    stays only before a number ("2.046"). Written character by character as the worker's
    regular expression reads it, so both give the same text."""
    text = _TAG.sub(" ", unicodedata.normalize("NFC", text).lower())
    out: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if _letter_or_number(char):
            out.append(char)
            at += 1
        elif char == ".":
            following = text[at + 1 : at + 2]
            out.append("." if following and unicodedata.category(following)[0] == "N" else " ")
            at += 1
        else:
            while at < len(text) and text[at] != "." and not _letter_or_number(text[at]):
                at += 1
            out.append(" ")
    return "".join(out).strip()


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


def write_title_files(site_dir: Path, posts: Iterable[tuple[str, str, str]]) -> int:
    """File each post, given as (address, title, summary), under the hash of its title; return
    the number of files. Every file is written, empty ones too, so no query's file is missing.
    An entry is what the worker shows: address as Pagefind writes it, title, and the summary's
    opening as HTML."""
    output = site_dir / TITLES_DIR
    shutil.rmtree(output, ignore_errors=True)
    listed = list(posts)
    count = title_file_count(len(listed))
    if count == 0:
        return 0
    files: list[list[list[str]]] = [[] for _ in range(count)]
    for url, title, summary in listed:
        entry = ["/" + url, title, html.escape(summary_opening(summary), quote=False)]
        files[title_hash(title_key(title)) % count].append(entry)
    output.mkdir(parents=True)
    for number, entries in enumerate(files):
        text = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
        (output / f"{number}.json").write_text(text, encoding="utf-8")
    return count
