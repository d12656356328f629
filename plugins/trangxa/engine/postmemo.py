"""Posts read by `trangxa count` and the other commands, kept on disk until their file changes."""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import trangxa
from trangxa.engine import POSTS_MEMO_FILE
from trangxa.news.collect import PickledMemo, PostMemo

CACHE_FILE = POSTS_MEMO_FILE
# Raised whenever what is stored (the Post class) changes shape; 5 holds posts without body,
# 6 adds pin and the updated date, 7 leaves out what each build adds (news.shown), 8 keeps
# the posts as pickled parts (see PostMemoFile).
CACHE_FORMAT = 8


@dataclass
class PostMemoFile:
    """The posts memo on disk, valid for one trangxa version, category list and day.

    The posts are stored as parts already pickled: a first count read in two processes
    writes the second process's part as it arrived through the pipe, instead of pickling
    every post again.
    """

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
            return _damaged()
        if not isinstance(stored, dict) or stored.get("header") != self._header():
            return {}
        try:
            sources: list[str] = stored["sources"]
            values = [entry for part in stored["parts"] for entry in pickle.loads(part)]
            if len(values) != len(sources):
                return _damaged()
            # A file gone between the walk and its reading has no signature: not remembered.
            return {
                source: (signature, item)
                for source, (signature, item) in zip(sources, values, strict=True)
                if signature is not None
            }
        except Exception:
            return _damaged()

    def save(self, memo: PostMemo, pickled: PickledMemo | None = None) -> None:
        """Write the memo, or its parts already pickled when given; a read-only site folder
        only means the next run parses again."""
        if pickled is None:
            pickled = (list(memo), [pickle.dumps(list(memo.values()), protocol=5)])
        sources, parts = pickled
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            with partial.open("wb") as handle:
                stored = {"header": self._header(), "sources": sources, "parts": parts}
                pickle.dump(stored, handle, protocol=5)
            partial.replace(self.path)
        except OSError:
            return

    def _header(self) -> tuple[object, ...]:
        return (trangxa.__version__, CACHE_FORMAT, self.key)


def _damaged() -> PostMemo:
    print(
        f"Cảnh báo: bộ nhớ đệm {CACHE_FILE} bị hỏng nên được bỏ đi và tạo lại.",
        file=sys.stderr,
    )
    return {}
