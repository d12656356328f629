"""Posts read by `trangxa count` and the other commands, kept on disk until their file changes."""

from __future__ import annotations

import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import trangxa
from trangxa.engine import POSTS_MEMO_FILE
from trangxa.news.collect import PostMemo

CACHE_FILE = POSTS_MEMO_FILE
# Raised whenever what is stored (the Post class) changes shape; 5 holds posts without body,
# 6 adds pin and the updated date, 7 leaves out what each build adds (news.shown).
CACHE_FORMAT = 7


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
