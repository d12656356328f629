"""Read many post files in two processes: a forked child and this one share the list.

Reading and checking a post is pure Python on one processor; a first `trangxa count` reads
every file of the site. With a second processor the list is cut into chunks, and a forked
child and this process each take the next chunk left until none is: at once (map_in_two),
or once this process has done other work (EarlyReading, begun before mkdocs.yml is loaded).
The child hands back each chunk it read through a file both share. Anything the child fails
to deliver this process reads itself, so the result never depends on who read what.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import struct
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


def map_in_two(items: Sequence[T], read: Callable[[T], R]) -> list[R]:
    """[read(item) for item in items], part of them read in a child process when that helps."""
    reading = EarlyReading.start(items, read)
    if reading is None:
        return [read(item) for item in items]
    # Joined at once: the child has taken one chunk, and the two share the rest.
    return reading.finish(read)


# The smallest chunk: a few milliseconds of reading. Each chunk is an eighth of what is left,
# down to this: few chunks (each one sent, pickled and unpickled apart costs a little), and
# short ones last, so neither process is left with more than a few milliseconds to read once
# the other has run out.
_CHUNK = 32
_SHARE = 8
# The chunks' numbers wait in a pipe, four bytes each, all written before the fork; there are
# a few dozen (88 for ten million items), far less than any pipe holds.
_NUMBER = 4
_STARTED = b"!"
# What the child writes in the pipe of its answers for each chunk read: the chunk's number,
# and where its pickled results stand in the file they were written to.
_RECORD = struct.Struct("<IQQ")
# What pickle raises on data a failing child cut short or could not make.
_UNREADABLE = (pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError)


class EarlyReading(Generic[T, R]):
    """A child forked before this process needs the items read, reading them meanwhile.

    Meanwhile this process does other work (a count loads mkdocs.yml through MkDocs). When it
    needs the results it takes chunks too, from the same queue, so both run out at the same
    moment whatever each was doing before. The queue is a pipe holding the chunks' numbers:
    the system hands each number, read whole, to one process only, so no lock is needed.
    The child writes each chunk it has read, pickled, to a file both share, and says where in
    a pipe; this process loads them between its own chunks, so few are left to load at the
    end. Anything the child fails to deliver this process reads itself, so the result never
    depends on the child.
    """

    def __init__(
        self,
        items: Sequence[T],
        pid: int,
        fds: tuple[int, int, int],
        bounds: list[tuple[int, int]],
    ) -> None:
        self.items = items
        self._pid = pid
        self._queue, self._answers, self._parts = fds
        self._bounds = bounds
        self._unread = b""
        # Chunks the child has delivered, by number: results and their pickled form.
        self._delivered: dict[int, tuple[list[R], bytes]] = {}
        # After finish(keep_pickled=True): the results pickled in parts that follow each other
        # in the items' order, the child's as it wrote them.
        self.pickled: list[bytes] | None = None

    @classmethod
    def start(cls, items: Sequence[T], read: Callable[[T], R]) -> EarlyReading[T, R] | None:
        """Fork a child reading items, the last chunk first, or None when a second process
        would not help."""
        if not can_fork(len(items)):
            return None
        bounds = chunks(len(items))
        queue, queue_in = os.pipe()
        os.write(queue_in, b"".join(n.to_bytes(_NUMBER, "little") for n in range(len(bounds))))
        # Written whole and closed: a process finding the pipe empty knows nothing is left.
        os.close(queue_in)
        answers, answering = os.pipe()
        parts = _shared_file()
        # Objects the collector never visits stay shared with the child instead of copied.
        gc.freeze()
        pid = os.fork()
        if pid == 0:
            os.close(answers)
            status = 0
            try:
                _read_in_child(items, read, bounds, queue, (answering, parts))
            except BaseException:
                status = 1
            finally:
                # Straight out: the parent's exit handlers and open files are not the child's.
                os._exit(status)
        gc.unfreeze()
        os.close(answering)
        return cls(items, pid, (queue, answers, parts), bounds)

    def finish(self, read: Callable[[T], R], keep_pickled: bool = False) -> list[R]:
        """[read(item) for item in self.items], sharing what is left with the child.

        With keep_pickled, `pickled` holds the results as pickled lists for storing: each
        process pickles the chunks it reads, so the pickling is shared too.
        """
        try:
            return self._finish(read, keep_pickled)
        except BaseException:
            # Reading here failed: the child is not left reading for nobody.
            self.cancel()
            raise

    def _finish(self, read: Callable[[T], R], keep_pickled: bool) -> list[R]:
        # Until the child has taken its first chunk (long since, for a reading begun early):
        # then it never sits idle while this process reads everything.
        _read_exactly(self._answers, len(_STARTED))
        os.set_blocking(self._answers, False)

        def read_chunk(number: int) -> tuple[list[R], bytes | None]:
            part = [read(item) for item in self._chunk(number)]
            return part, pickle.dumps(part, protocol=5) if keep_pickled else None

        own: dict[int, tuple[list[R], bytes | None]] = {}
        while (number := _take(self._queue)) is not None:
            own[number] = read_chunk(number)
            self._load_delivered()
        os.close(self._queue)
        self._queue = -1
        # The child's last chunks, until it closes the pipe.
        os.set_blocking(self._answers, True)
        self._load_delivered()
        # Whatever its end, each chunk it delivered came whole (see _read_in_child).
        os.waitpid(self._pid, 0)
        self._pid = 0
        self._close()
        results: list[R] = []
        parts: list[bytes] = []
        # The chunks were taken from the end: the last is the front of the items.
        for number in reversed(range(len(self._bounds))):
            # Not found: the child failed before delivering this chunk, so it is read here.
            part, pickled = own.get(number) or self._delivered.get(number) or read_chunk(number)
            results.extend(part)
            if pickled is not None:
                parts.append(pickled)
        if keep_pickled:
            self.pickled = parts
        return results

    def _load_delivered(self) -> None:
        """Load the chunks the child has said it wrote: those said so far, or, when the pipe
        is blocking, all of them until the child closes it."""
        while True:
            try:
                data = os.read(self._answers, 1 << 16)
            except BlockingIOError:
                return
            if not data:
                return
            data = self._unread + data
            whole = len(data) - len(data) % _RECORD.size
            self._unread = data[whole:]
            for number, offset, size in _RECORD.iter_unpack(data[:whole]):
                if number >= len(self._bounds):
                    continue
                pickled = os.pread(self._parts, size, offset)
                part: list[R] | None = _loaded(pickled, len(self._chunk(number)))
                if part is not None:
                    self._delivered[number] = part, pickled

    def _chunk(self, number: int) -> Sequence[T]:
        start, end = self._bounds[number]
        return self.items[start:end]

    def cancel(self) -> None:
        """Stop the child when its reading is not wanted after all."""
        if self._pid == 0:
            return
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)
        self._pid = 0
        self._close()

    def _close(self) -> None:
        for fd in (self._queue, self._answers, self._parts):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._queue = self._answers = self._parts = -1


def _shared_file() -> int:
    """A file without a name, in memory when the system allows, for the child's results."""
    if hasattr(os, "memfd_create"):
        with contextlib.suppress(OSError):
            return os.memfd_create("trangxa-reading")
    import tempfile

    # Unlinked as soon as made; the duplicate keeps it open once the file object is closed.
    with tempfile.TemporaryFile() as handle:
        return os.dup(handle.fileno())


def _take(queue: int) -> int | None:
    """The number of the next chunk nobody has taken, or None when none is left."""
    number = os.read(queue, _NUMBER)
    return int.from_bytes(number, "little") if len(number) == _NUMBER else None


def chunks(count: int) -> list[tuple[int, int]]:
    """Where each chunk of count items starts and ends, in the order they are taken: from
    the end of the items (a child that reads them all alone reads the first item last)."""
    bounds: list[tuple[int, int]] = []
    end = count
    while end > 0:
        start = max(0, end - max(_CHUNK, end // _SHARE))
        bounds.append((start, end))
        end = start
    return bounds


def _read_in_child(
    items: Sequence[T],
    read: Callable[[T], R],
    bounds: list[tuple[int, int]],
    queue: int,
    answering: tuple[int, int],
) -> None:
    """The child's side of EarlyReading: chunks taken from the queue until it is empty, each
    pickled and written to the shared file as soon as read, and where it stands said."""
    gc.disable()
    notes, parts = answering
    offset = 0
    number = _take(queue)
    os.write(notes, _STARTED)
    while number is not None:
        start, end = bounds[number]
        pickled = pickle.dumps([read(item) for item in items[start:end]], protocol=5)
        written = 0
        while written < len(pickled):
            written += os.pwrite(parts, memoryview(pickled)[written:], offset + written)
        # Said once written whole: a child stopped halfway delivers nothing of the chunk.
        os.write(notes, _RECORD.pack(number, offset, len(pickled)))
        offset += len(pickled)
        number = _take(queue)


def _loaded(pickled: bytes, count: int) -> list[R] | None:
    """A chunk the child read, or None when it did not come whole."""
    try:
        part = pickle.loads(pickled)
    except _UNREADABLE:
        return None
    return part if isinstance(part, list) and len(part) == count else None


def _read_exactly(fd: int, size: int) -> bytes:
    """size bytes from a pipe, or fewer when the other end closed it first."""
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            break
        data += chunk
    return data
