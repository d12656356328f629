"""Run `trangxa count` in-process and keep what it printed."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stderr
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trangxa.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
BOUNDARIES = FIXTURES / "boundaries"
# A moment after every period of the boundaries fixture has ended.
LATE = "2025-06-30"
# The posts of 2024-Q1 under the statutory windows (15/12/2023 to 14/3/2024), oldest first.
Q1_TITLES = [
    "Thông báo lúc đầu ngày 15/12/2023",
    "Chúc mừng năm mới lúc đêm 31/12/2023",
    "Tin ghi giờ UTC, sang ngày 01/01/2024 giờ Việt Nam",
    "Cải cách hành chính đầu ngày 14/3/2024",
    "Bài hai chuyên mục lúc cuối ngày 14/3/2024",
]


@dataclass
class CountRun:
    """Exit code, stdout as bytes and stderr as text of one `trangxa count` run."""

    code: int
    stdout: bytes
    stderr: str

    @property
    def text(self) -> str:
        """Standard output as UTF-8 text."""
        return self.stdout.decode("utf-8")

    def json(self) -> dict[str, Any]:
        """Standard output read as JSON."""
        data: dict[str, Any] = json.loads(self.text)
        return data


def run_count(*args: str, project: Path = BOUNDARIES) -> CountRun:
    """`trangxa count -f project/mkdocs.yml ARGS`, with its output captured."""
    raw = io.BytesIO()
    # A text stream over a byte buffer, as a terminal or a pipe gives the command.
    stdout = io.TextIOWrapper(raw, encoding="utf-8")
    stderr = io.StringIO()
    saved = sys.stdout
    sys.stdout = stdout
    try:
        with redirect_stderr(stderr):
            code = main(["count", "-f", str(project / "mkdocs.yml"), *args])
        stdout.flush()
    finally:
        sys.stdout = saved
    return CountRun(code, raw.getvalue(), stderr.getvalue())
