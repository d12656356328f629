"""Search entries of pages that did not change since the previous rebuild of `mkdocs serve`.

Parsing every page's HTML for the index is most of what a rebuild costs once pages themselves
come from the rebuild cache; an entry depends only on what the key below covers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.pages import Page


def toc_signature(items: Iterable[Any]) -> tuple[Any, ...]:
    """Anchors, titles and levels of a table of contents, nested."""
    return tuple((item.id, item.title, item.level, toc_signature(item.children)) for item in items)


INDEXED_META = ("search", "tags", "title")


@dataclass
class EntryMemo:
    """Entries each page added to the index, kept while their inputs stay the same."""

    # Keys are tuples of the inputs themselves: the memo never leaves the serving process.
    entries: dict[tuple[Any, ...], list[Any]] = field(default_factory=dict)
    used: set[tuple[Any, ...]] = field(default_factory=set)
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
            key = (
                page.url,
                page.title,
                page.content,
                # The front matter Material's indexer reads; not, say, the template, which
                # the news cache swaps on pages it reuses.
                repr([page.meta.get(name) for name in INDEXED_META]),
                toc_signature(page.toc),
            )
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
