"""The commands' reading of the posts, remembered in .cache/trangxa/ between runs.

Nothing here imports MkDocs, so the posts can be read without loading mkdocs.yml.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import trangxa
from trangxa.core import clock
from trangxa.news.collect import PostCollection, PostMemo, collect_posts

CACHE_FILE = ".cache/trangxa/posts.pickle"
# Raised whenever what is stored (the Post class) changes shape; 5 holds posts without body,
# 6 adds pin and the updated date, 7 leaves out what each build adds (news.shown).
CACHE_FORMAT = 7


def read_posts(
    root: Path,
    posts_dir: str,
    categories: list[str],
    now: datetime,
    before_saving: Callable[[PostCollection], None] | None = None,
) -> PostCollection:
    """Every post file under root/posts_dir, read and sorted into published, drafts,
    scheduled and errors; files unchanged since the previous command come from the memo.

    before_saving is given the posts before the memo is written, so they may be used meanwhile.
    """
    cache = PostMemoFile(root / CACHE_FILE, (tuple(categories), clock.today()))
    with collector_paused():
        memo = cache.load()
        # Commands count and list posts but never render them: no body, and the first
        # reading of a large site shared with a second process.
        collection = collect_posts(
            root / posts_dir,
            root,
            categories,
            now,
            memo,
            parallel=True,
            keep_body=False,
        )
        if before_saving is not None:
            before_saving(collection)
        if collection.parsed:
            cache.save(memo)
    return collection


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while tens of thousands of objects are made at once.

    Posts hold no reference cycles, yet each few hundred new objects make the collector walk
    everything made so far: with it on, unpickling the memo of 10,000 posts took three times
    as long.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class PostMemoFile:
    """The posts memo on disk, valid for one trangxa version, category list and day."""

    path: Path
    key: tuple[object, ...]

    def load(self) -> PostMemo:
        """The stored memo, or an empty one when absent, unreadable or made for other settings."""
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception:
            # A cut-off or damaged file raises almost anything while unpickling.
            print(
                f"Cảnh báo: bộ nhớ đệm {CACHE_FILE} bị hỏng nên được bỏ đi và tạo lại.",
                file=sys.stderr,
            )
            return {}
        if not isinstance(stored, dict) or stored.get("header") != self._header():
            return {}
        memo: PostMemo = stored["memo"]
        return memo

    def save(self, memo: PostMemo) -> None:
        """Write the memo; a read-only site folder only means the next run parses again."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            with partial.open("wb") as handle:
                pickle.dump({"header": self._header(), "memo": memo}, handle, protocol=5)
            partial.replace(self.path)
        except OSError:
            return

    def _header(self) -> tuple[object, ...]:
        return (trangxa.__version__, CACHE_FORMAT, self.key)


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """The -f option every command shares: which mkdocs.yml to read."""
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", metavar="TỆP", help="tệp mkdocs.yml của trang"
    )
