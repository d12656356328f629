"""One publish at a time per target: an OS lock on a file in the store.

The operating system releases the lock when its holder dies, however it dies, so a publish
killed half-way never blocks the next one. What the holder wrote into the file (its process id
and start time) stays behind, which is how the next publish knows the previous one was cut short.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trangxa.core import clock
from trangxa.core.dates import format_vn_datetime

# Windows locks byte ranges and then refuses reads of them: lock a byte far past the text.
_WINDOWS_LOCK_OFFSET = 1 << 20


class LockBusy(Exception):
    """Another publish holds the lock; the message says which one."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder_text(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode("utf-8", "replace").strip()


def describe(holder: str) -> str:
    """'tiến trình 123, bắt đầu lúc 06/12/2026 12:20' from what a holder wrote."""
    fields = dict(line.split("=", 1) for line in holder.splitlines() if "=" in line)
    pid = fields.get("pid", "?")
    started = fields.get("started", "?")
    return f"tiến trình số {pid}, bắt đầu lúc {started}"


@contextmanager
def publish_lock(path: Path) -> Iterator[str]:
    """Hold the lock; yields what a killed previous holder left ('' when it ended cleanly)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            holder = _holder_text(fd)
            raise LockBusy(describe(holder) if holder else "vừa bắt đầu, chưa ghi thông tin")
        left = _holder_text(fd)
        started = format_vn_datetime(clock.now())
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"pid={os.getpid()}\nstarted={started}\n".encode())
        try:
            yield left
        finally:
            # An empty file tells the next publish this one finished, whether or not it succeeded.
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)
