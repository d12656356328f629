"""Files that find the few posts holding a code or number typed alone.

A procedure code or document number ("2.046", "1.001193") is often only in the text of a few
old posts, which the worker finds only after asking every shard of the index of post texts
(bench/README.md). The build lists, for each word holding a digit that at most a screen of
posts hold, those posts in small JSON files numbered by the word's hash (titles.title_hash);
the worker fetches the one file a query of one such word names, beside the first index.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable
from pathlib import Path

from trangxa.search.titles import (
    TAG,
    fold,
    result_entry,
    spaced,
    title_hash,
    write_hashed_files,
)

# Below the site's root; worker.js expects them there.
CODES_DIR = "search-codes"
# Posts a word may be held by and still be filed: one screen of results (worker.js: SHOWN).
MOST_POSTS = 10
# Bytes of entries per file on average: one short request on a slow network.
BYTES_PER_FILE = 2000

_DIGIT = re.compile(r"\d")


def code_words(title: str, content: str) -> set[str]:
    """The words holding a digit of a post's title and HTML text, in the form the worker
    compares (fold(plain())) with the text Pagefind keeps: tags out, entities read ("&#8211;"
    is a dash, not the number 8211). Only words with a digit are folded: folding keeps spaces
    and digits, so this is the same as folding the whole text first."""
    text = f"{title} {html.unescape(TAG.sub(' ', content))}"
    # Most words are letters only; isalpha() tells them apart faster than a search.
    found = {word for word in spaced(text).split(" ") if not word.isalpha() and _DIGIT.search(word)}
    return {folded for folded in map(fold, found) if _DIGIT.search(folded)}


def code_table(
    posts: Iterable[tuple[str, str, str, str]],
) -> dict[str, list[list[str]]]:
    """Each word holding a digit that at most MOST_POSTS posts hold, with those posts in the
    order given (newest first). A post is (address, title, HTML of its text, summary)."""
    table: dict[str, list[list[str]]] = {}
    for url, title, text, summary in posts:
        entry = result_entry(url, title, summary)
        # In order, so that every build writes the same files.
        for word in sorted(code_words(title, text)):
            holders = table.setdefault(word, [])
            # One more than the most is enough to know the word is too common.
            if len(holders) <= MOST_POSTS:
                holders.append(entry)
    return {word: holders for word, holders in table.items() if len(holders) <= MOST_POSTS}


def code_file_count(table: dict[str, list[list[str]]]) -> int:
    """The number of code files for a table: files of about BYTES_PER_FILE; 0 for none."""
    size = sum(
        len(word) + sum(len(entry[0]) + len(entry[1]) + len(entry[2]) + 10 for entry in posts)
        for word, posts in table.items()
    )
    return math.ceil(size / BYTES_PER_FILE)


def write_code_files(site_dir: Path, posts: Iterable[tuple[str, str, str, str]]) -> int:
    """File the posts holding each rare word with a digit under the word's hash; return the
    number of files."""
    table = code_table(posts)
    files: list[dict[str, list[list[str]]]] = [{} for _ in range(code_file_count(table))]
    for word, holders in table.items():
        files[title_hash(word) % len(files)][word] = holders
    return write_hashed_files(site_dir / CODES_DIR, files)
