"""The commands' reading of the posts, remembered in .cache/trangxa/ between runs.

Nothing here imports MkDocs, so the posts can be read without loading mkdocs.yml.
"""

from __future__ import annotations

import argparse
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from trangxa import engine
from trangxa.core import clock
from trangxa.news.collect import EarlyPosts, PostCollection, collect_posts

# Where the memo lives, relative to the folder of mkdocs.yml (see trangxa.engine.postmemo).
CACHE_FILE = engine.POSTS_MEMO_FILE


def read_posts(
    root: Path,
    posts_dir: str,
    categories: list[str],
    now: datetime,
    before_saving: Callable[[PostCollection], None] | None = None,
    early: EarlyPosts | None = None,
) -> PostCollection:
    """Every post file under root/posts_dir, read and sorted into published, drafts,
    scheduled and errors; files unchanged since the previous command come from the memo.

    before_saving is given the posts before the memo is written, so they may be used meanwhile.
    early is a reading begun before the settings were loaded (commands.earlyread).
    """
    cache = engine.posts_memo_file(root, (tuple(categories), clock.today()))
    with collector_paused():
        memo = cache.load() if cache is not None else None
        # Commands count and list posts but never render them: no body, and the first
        # reading of a large site shared with a second process.
        collection = collect_posts(
            root / posts_dir,
            root,
            categories,
            now,
            memo,
            parallel=cache is not None,
            keep_body=False,
            early=early,
        )
        if before_saving is not None:
            before_saving(collection)
        if cache is not None and memo is not None and collection.parsed:
            cache.save(memo, collection.pickled_memo)
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


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """The -f option every command shares: which mkdocs.yml to read."""
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", metavar="TỆP", help="tệp mkdocs.yml của trang"
    )
