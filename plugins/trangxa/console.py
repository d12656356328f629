"""Console output that never fails, and the last guard that turns a crash into a message."""

from __future__ import annotations

import codecs
import io
import os
import sys
import traceback
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import TextIO

from trangxa.core.dates import VN_TZ

ERROR_HANDLER = "trangxa-readable"
# Letters whose base form NFD cannot reach.
_PLAIN = str.maketrans({"đ": "d", "Đ": "D"})


def _readable(encoding: str, exc: UnicodeError) -> tuple[str, int]:
    """Stand-in for characters a console cannot show, keeping Vietnamese readable.

    cp1258 (Windows' Vietnamese code page) writes tone marks as separate characters, so the
    decomposed form keeps every diacritic; a console with no Vietnamese letters at all (ASCII)
    gets the letters without marks, still readable; anything else becomes '?'.
    """
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for char in exc.object[exc.start : exc.end]:
        out.append(_fallback(char, encoding))
    return "".join(out), exc.end


def _fallback(char: str, encoding: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], decomposed[1:]
    # cp1258 has letters such as ê, ơ and separate tone marks: compose what the code page
    # has as letters and keep the other marks apart; the reader sees the same word.
    for size in range(len(marks), -1, -1):
        for chosen in combinations(range(len(marks)), size):
            kept = "".join(marks[i] for i in chosen)
            rest = "".join(marks[i] for i in range(len(marks)) if i not in chosen)
            candidate = unicodedata.normalize("NFC", base + kept) + rest
            if _encodes(candidate, encoding):
                return candidate
    plain = base.translate(_PLAIN)
    return plain if _encodes(plain, encoding) else "?"


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def make_writable(stream: TextIO) -> None:
    """Let a console stream write any text, with readable stand-ins for what it cannot show.

    A console whose code page was chosen on purpose (PYTHONIOENCODING) keeps it.
    """
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if _encodes("ạĐữ", encoding) or not isinstance(stream, io.TextIOWrapper):
        return
    if not os.environ.get("PYTHONIOENCODING") and not stream.isatty():
        # Output sent to a file (`trangxa check > ketqua.txt` on Windows gets the ANSI code
        # page): UTF-8 keeps every letter, and Notepad opens it as such.
        stream.reconfigure(encoding="utf-8")
        return
    # Charmap codecs report their name as "charmap": the handler is bound to the real one.
    name = f"{ERROR_HANDLER}-{codecs.lookup(encoding).name}"
    codecs.register_error(name, partial(_readable, encoding))
    stream.reconfigure(errors=name)


def prepare_streams() -> None:
    """Standard output and error, safe for every message trangxa prints."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            make_writable(stream)


@contextmanager
def reading(source: str) -> Iterator[None]:
    """Name the file being read on any exception escaping, for the crash message."""
    try:
        yield
    except Exception as exc:
        name_file(exc, source)
        raise


def name_file(exc: Exception, source: str) -> None:
    """Name the file whose reading raised exc, for the crash message (see reading)."""
    # The innermost file is the one that failed; outer ones keep its name.
    if getattr(exc, "trangxa_file", None) is None:
        with suppress(AttributeError):
            exc.trangxa_file = source  # type: ignore[attr-defined]


def report_crash(exc: BaseException, site_root: Path | None = None) -> int:
    """Tell the user, in Vietnamese and without a traceback, that trangxa itself failed.

    The full traceback goes into a file the user can send to whoever maintains the site.
    """
    source = _failing_file(exc)
    stamp = datetime.now(VN_TZ)
    folder = (site_root or Path.cwd()) / ".cache" / "trangxa"
    saved: Path | None = folder / f"loi-{stamp:%Y%m%d-%H%M%S}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"loi-{stamp:%Y%m%d-%H%M%S}.txt").write_text(
            "".join(traceback.format_exception(exc)), encoding="utf-8"
        )
    except OSError:
        saved = None
    where = f" khi đang xử lý tệp {source}" if source else ""
    lines = [
        f"LỖI: trangxa gặp sự cố không lường trước{where} ({type(exc).__name__}: {exc}).",
        "Đây là lỗi của chương trình, không phải do bạn gõ sai lệnh.",
    ]
    if source:
        lines.append(
            f"Thử mở tệp {source} xem có gì bất thường (tệp trống, chép từ Word, ký tự lạ) "
            "và sửa hoặc tạm chuyển tệp ra khỏi thư mục rồi chạy lại lệnh."
        )
    if saved is not None:
        lines.append(
            f"Chi tiết kỹ thuật đã được ghi vào {saved}. Hãy báo cho người phụ trách kỹ thuật "
            "của trang (người cài đặt trangxa) và gửi kèm tệp đó."
        )
    else:
        lines.append("Hãy báo cho người phụ trách kỹ thuật của trang (người cài đặt trangxa).")
    print("\n".join(lines), file=sys.stderr)
    return 3


def _failing_file(exc: BaseException) -> str | None:
    noted = getattr(exc, "trangxa_file", None)
    return noted if isinstance(noted, str) else None
