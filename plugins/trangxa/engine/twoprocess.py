"""Read many post files in two processes: a forked child reads from the end.

Reading and checking a post is pure Python on one processor; a first `trangxa count` reads
every file of the site. With a second processor a child reads from the end of the list and
sends back what it read through a pipe, while the parent reads from the front: at once
(map_in_two), or once it has done other work (EarlyReading, begun before mkdocs.yml is
loaded). Anything the child fails to deliver the parent reads itself, so the result never
depends on the split.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many files forking and handing results back costs more than it saves.
MIN_FILES = 1500


def can_fork(count: int) -> bool:
    """A second process helps: fork exists, a free processor, many files, no other thread."""
    return (
        hasattr(os, "fork")
        and (os.cpu_count() or 1) >= 2
        and count >= MIN_FILES
        # Forking while another thread runs could leave a lock it holds locked in the child.
        and threading.active_count() == 1
        and processor_free()
    )


def processor_free() -> bool:
    """Whether the machine has a processor to spare: over the last minute, or right now.

    When every processor is already busy the second process only competes for them: on a
    two-processor machine at a load of 7, a first count of 10,000 posts took a median 5.9 s
    in two processes and 5.3 s in one (CPU 2.28 s and 2.14 s). But the one-minute average
    lags: counts run one after another (a clerk counting several periods, a benchmark) keep
    it near two for a minute after the processors are free again, so what the system runs
    at this moment is asked too.
    """
    processors = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except OSError:
        return True
    if load < processors:
        return True
    running = running_now()
    # This process is one of them; the second needs a processor no one else is using.
    return running is not None and running < processors


LOADAVG = "/proc/loadavg"


def running_now() -> int | None:
    """How many processes the system is running or ready to run at this moment, this one
    included (Linux's /proc/loadavg, e.g. `1.62 1.43 1.35 2/113 8148`), or None if unknown."""
    try:
        with open(LOADAVG, "rb") as handle:
            fields = handle.read().split()
        return int(fields[3].split(b"/")[0])
    except (OSError, IndexError, ValueError):
        return None


def _read_pipe(fd: int) -> bytes:
    chunks = []
    with os.fdopen(fd, "rb") as stream:
        while chunk := stream.read(1 << 20):
            chunks.append(chunk)
    return b"".join(chunks)


def map_in_two(items: Sequence[T], read: Callable[[T], R]) -> list[R]:
    """[read(item) for item in items], the later part in a child process when that helps."""
    reading = EarlyReading.start(items, read)
    if reading is None:
        return [read(item) for item in items]
    # Joined at once: the child has read a chunk at most, and the rest is split in two.
    return reading.finish(read)


# Items the early reader takes between two looks at whether this process has joined in:
# a few milliseconds of reading, so the split is made soon after it asks.
_CHUNK = 32
_WORD = 8


class EarlyReading(Generic[T, R]):
    """A child forked before this process needs the items read, reading them from the end.

    Meanwhile this process does other work (a count loads mkdocs.yml through MkDocs). When
    it needs the results it asks the child how far it got, and the items the child has not
    reached are split between the two. Anything the child fails to deliver this process
    reads itself, so the result never depends on the child.
    """

    def __init__(self, items: Sequence[T], pid: int, asking: int, answers: int) -> None:
        self.items = items
        self._pid = pid
        self._asking = asking
        self._answers = answers
        # After finish(keep_pickled=True): the results pickled in two parts, this process's
        # and the child's as it sent them, when the child delivered.
        self.pickled: list[bytes] | None = None

    @classmethod
    def start(cls, items: Sequence[T], read: Callable[[T], R]) -> EarlyReading[T, R] | None:
        """Fork a child reading items from the end, or None when a second process would not help."""
        if not can_fork(len(items)):
            return None
        asking_read, asking = os.pipe()
        answers, answering = os.pipe()
        # Objects the collector never visits stay shared with the child instead of copied.
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            os.close(asking)
            os.close(answers)
            status = 0
            try:
                _read_from_end(items, read, asking_read, answering)
            except BaseException:
                status = 1
            finally:
                # Straight out: the parent's exit handlers and open files are not the child's.
                os._exit(status)
        gc.unfreeze()
        os.close(asking_read)
        os.close(answering)
        return cls(items, pid, asking, answers)

    def finish(self, read: Callable[[T], R], keep_pickled: bool = False) -> list[R]:
        """[read(item) for item in self.items], sharing what is left with the child.

        With keep_pickled, `pickled` holds the results as pickled lists for storing: this
        process pickles its part while the child is still finishing its own.
        """
        count = len(self.items)
        with contextlib.suppress(OSError):
            # Fails only when the child has read everything and is gone.
            os.write(self._asking, b"?")
        answer = _read_exactly(self._answers, _WORD)
        reached = int.from_bytes(answer, "little") if len(answer) == _WORD else None
        if reached is None or reached > count:
            # The child is gone without answering: everything is read here.
            middle = count
        else:
            # The child read [reached, count); it reads on down to `middle` while this
            # process reads the front.
            middle = reached // 2
            if reached > 0:
                with contextlib.suppress(OSError):
                    os.write(self._asking, middle.to_bytes(_WORD, "little"))
        os.close(self._asking)
        first = [read(item) for item in self.items[:middle]]
        own = pickle.dumps(first, protocol=5) if keep_pickled else b""
        data = _read_pipe(self._answers)
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        second: list[R] | None = None
        if status == 0 and data and middle < count:
            try:
                loaded = pickle.loads(data)
            except (pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
                loaded = None
            if isinstance(loaded, list) and len(loaded) == count - middle:
                second = loaded
                if keep_pickled:
                    self.pickled = [own, data]
        if second is None:
            second = [read(item) for item in self.items[middle:]]
        return first + second

    def cancel(self) -> None:
        """Stop the child when its reading is not wanted after all."""
        if self._pid == 0:
            return
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)
        self._pid = 0
        for fd in (self._asking, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)


def _read_from_end(items: Sequence[T], read: Callable[[T], R], asked: int, answering: int) -> None:
    """The child's side of EarlyReading: read back to front until asked, then to the middle."""
    gc.disable()
    os.set_blocking(asked, False)
    count = len(items)
    chunks: list[list[R]] = []
    reached = count
    while reached > 0:
        try:
            if os.read(asked, 1):
                break
        except BlockingIOError:
            pass
        start = max(0, reached - _CHUNK)
        chunks.append([read(item) for item in items[start:reached]])
        reached = start
    os.write(answering, reached.to_bytes(_WORD, "little"))
    middle = 0
    if reached > 0:
        os.set_blocking(asked, True)
        told = _read_exactly(asked, _WORD)
        middle = int.from_bytes(told, "little")
        if len(told) != _WORD or middle > reached:
            raise ValueError(told)
        chunks.append([read(item) for item in items[middle:reached]])
    results: list[R] = []
    for chunk in reversed(chunks):
        results.extend(chunk)
    data = pickle.dumps(results, protocol=5)
    with os.fdopen(answering, "wb") as stream:
        stream.write(data)


def _read_exactly(fd: int, size: int) -> bytes:
    """size bytes from a pipe, or fewer when the other end closed it first."""
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            break
        data += chunk
    return data
