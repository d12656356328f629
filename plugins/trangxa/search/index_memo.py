"""Search entries of pages whose inputs are unchanged, or that another process indexed.

Parsing every page's HTML for the index is most of what a rebuild of `mkdocs serve` costs once
pages themselves come from the rebuild cache, and a share of a full build; an entry depends
only on what `entry_key` covers, so a stored entry is by construction what parsing would give.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.pages import Page


def toc_signature(items: Iterable[Any]) -> tuple[Any, ...]:
    """Anchors, titles and levels of a table of contents, nested."""
    return tuple((item.id, item.title, item.level, toc_signature(item.children)) for item in items)


INDEXED_META = ("search", "tags", "title")
EntryKey = tuple[Any, ...]


def entry_key(page: Page) -> EntryKey:
    """Everything of a page that Material's indexer reads."""
    content = page.content or ""
    return (
        page.url,
        page.title,
        # A digest, not the text: a build's memo would otherwise hold a copy of every page.
        hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=20).digest(),
        # The front matter Material's indexer reads; not, say, the template, which the news
        # cache swaps on pages it reuses.
        repr([page.meta.get(name) for name in INDEXED_META]),
        toc_signature(page.toc),
    )


@dataclass
class EntryMemo:
    """Entries each page added to the index, kept while their inputs stay the same."""

    entries: dict[EntryKey, list[Any]] = field(default_factory=dict)
    used: set[EntryKey] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    def begin(self) -> None:
        """Start a build: forget what the previous build did not use."""
        if self.used:
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
        self.used = set()
        self.hits = self.misses = 0

    def wrap(self, index: Any) -> None:
        """Make index.add_entry_from_context reuse the entries of unchanged pages."""
        original: Callable[[Page], None] = index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            key = entry_key(page)
            self.used.add(key)
            stored = self.entries.get(key)
            if stored is not None:
                self.hits += 1
                index.entries.extend(stored)
                return
            self.misses += 1
            before = len(index.entries)
            original(page)
            self.entries[key] = index.entries[before:]

        index.add_entry_from_context = add_entry_from_context
