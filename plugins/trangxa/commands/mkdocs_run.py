"""What `trangxa build` and `trangxa serve` share: MkDocs' messages in Vietnamese, its errors caught."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

# MkDocs' own progress messages, reworded; the captured groups are carried over.
_INFO = (
    (re.compile(r"Building documentation\.\.\.$"), "Đang dựng trang..."),
    (re.compile(r"Building documentation to directory: (.*)$"), r"Đang dựng trang vào thư mục \1"),
    (re.compile(r"Documentation built in ([\d.]+) seconds$"), r"Dựng xong trong \1 giây."),
    (
        re.compile(r"Serving on (\S+)(?: and opening it in a browser)?$"),
        r"Xem thử trang tại \1 (mở địa chỉ này trong trình duyệt). Nhấn Ctrl+C để dừng.",
    ),
    (re.compile(r"Detected file changes$"), "Có tệp vừa thay đổi, đang dựng lại..."),
    (re.compile(r"Reloading browsers$"), "Đã dựng lại; trình duyệt sẽ tự tải lại trang."),
    (re.compile(r"Shutting down\.\.\.$"), "Đang dừng xem thử..."),
)
_WARNINGS = (
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target '(.+?)' is not.*"),
        r"Trang \1 có liên kết \2 nhưng không tìm thấy \3 trong docs/.",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target is not found.*"),
        r"Trang \1 có liên kết \2 nhưng không tìm thấy trang hay tệp đó trong docs/.",
    ),
    (
        re.compile(r"Doc file '(.+?)' contains an unrecognized relative link '(.+?)'.*"),
        r"Trang \1 có liên kết \2 không trỏ tới tệp nào.",
    ),
    (
        re.compile(r"An error happened during the rebuild.*"),
        "Dựng lại không thành công; trình duyệt giữ trang cũ cho tới khi lỗi được sửa.",
    ),
)
_STAMP = re.compile(r"\[\d\d:\d\d:\d\d\] ")
_LABELS = {logging.WARNING: "CẢNH BÁO", logging.ERROR: "LỖI", logging.CRITICAL: "LỖI"}


def vietnamese(message: str, level: int) -> str | None:
    """The message as staff should read it, or None for MkDocs' progress chatter."""
    # The preview server stamps its messages with the time; the stamp is kept.
    stamp = _STAMP.match(message)
    prefix = stamp.group(0) if stamp else ""
    text = message[len(prefix) :]
    table = _INFO if level < logging.WARNING else _WARNINGS
    for pattern, replacement in table:
        if pattern.match(text):
            return prefix + pattern.sub(replacement, text, count=1)
    return message if level >= logging.WARNING else None


class ConsoleHandler(logging.Handler):
    """Prints MkDocs' and the plugins' messages in Vietnamese, and counts warnings."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            self.warnings += 1
        # trangxa's own plugins already write Vietnamese; MkDocs' texts are looked up.
        if not record.name.startswith("mkdocs.plugins.trangxa"):
            translated = vietnamese(message, record.levelno)
            if translated is None:
                return
            message = translated
        label = _LABELS.get(record.levelno)
        print(f"{label}: {message}" if label else message, file=sys.stderr, flush=True)


@contextmanager
def vietnamese_logs() -> Iterator[ConsoleHandler]:
    """MkDocs' log shown through ConsoleHandler instead of its English defaults."""
    handler = ConsoleHandler()
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


class BuildStopped(Exception):
    """The build could not finish; the message says why, in Vietnamese."""


def load(config_file: str, **options: Any) -> MkDocsConfig:
    """mkdocs.yml read and checked, with MkDocs' refusal put in Vietnamese."""
    if not Path(config_file).is_file():
        raise BuildStopped(
            f"Không tìm thấy tệp cấu hình {config_file} ở thư mục {Path.cwd()}. Mở cửa sổ lệnh "
            "tại thư mục trang (thư mục có tệp mkdocs.yml) rồi chạy lại, hoặc chỉ đường dẫn "
            "tới tệp bằng -f."
        )
    try:
        return load_config(config_file=config_file, **options)
    except (ConfigurationError, Abort) as exc:
        raise BuildStopped(
            f"Tệp {config_file} có lỗi cấu hình (xem các dòng LỖI ở trên): {exc}"
        ) from exc


def explain_abort(exc: Abort) -> str:
    """MkDocs' English reason for stopping a build, said in Vietnamese."""
    text = str(exc)
    strict = re.match(r"Aborted with (\d+) warnings? in strict mode!", text)
    if strict:
        return (
            f"Dựng trang dừng lại vì có {strict.group(1)} cảnh báo ở chế độ nghiêm ngặt "
            "(--strict). Sửa các dòng CẢNH BÁO ở trên rồi chạy lại."
        )
    if "BuildError" in text:
        return "Dựng trang dừng lại vì lỗi ở trên. Sửa các dòng LỖI rồi chạy lại."
    return f"Dựng trang dừng lại: {text}"


def guarded(step: Callable[[], None]) -> str | None:
    """Run one MkDocs step; None when it finished, else why it stopped."""
    try:
        step()
    except Abort as exc:
        return explain_abort(exc)
    except BuildStopped as exc:
        return str(exc)
    return None
