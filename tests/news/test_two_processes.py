"""Reading files in two processes gives what reading them in one does, even when the child fails."""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import pytest
from trangxa.commands import count
from trangxa.engine import twoprocess
from trangxa.engine.twoprocess import map_in_two

from tests.report.cli import BOUNDARIES, run_count


@pytest.fixture
def always_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(twoprocess, "MIN_FILES", 2)
    # Whatever else the machine runs while the tests do.
    monkeypatch.setattr(twoprocess, "processor_free", lambda: True)
    others = [
        thread.name for thread in threading.enumerate() if thread is not threading.main_thread()
    ]
    assert twoprocess.can_fork(2), f"no fork, one processor, or other threads running: {others}"


def test_results_in_order_each_chunk_read_by_one_process(always_fork: None) -> None:
    parent = os.getpid()

    def read(n: int) -> tuple[int, bool]:
        if os.getpid() != parent:
            # A slower child: this process takes chunks too, whatever the machine's speed.
            time.sleep(0.002)
        return n * n, os.getpid() == parent

    results = map_in_two(list(range(200)), read)
    assert [value for value, _ in results] == [n * n for n in range(200)]
    here = [mine for _, mine in results]
    # The child took the last chunk before this process took any; both read some.
    assert not here[-1]
    assert any(here)
    assert all(len(set(here[start:end])) == 1 for start, end in twoprocess.chunks(200))


def test_chunks_cover_the_items_once_from_the_end_shorter_and_shorter() -> None:
    for total in (1, 31, 32, 33, 200, 1500, 10_000, 123_457):
        bounds = twoprocess.chunks(total)
        assert bounds[0][1] == total
        assert bounds[-1][0] == 0
        assert all(start == end for (start, _), (_, end) in itertools.pairwise(bounds))
        sizes = [end - start for start, end in bounds]
        assert sizes == sorted(sizes, reverse=True)
        # Few chunks, the last ones short.
        assert len(bounds) <= 30 + total // 1000
        assert max(sizes[-3:]) <= twoprocess._CHUNK


def test_a_failing_child_leaves_the_parent_to_read_everything(always_fork: None) -> None:
    parent = os.getpid()

    def read(n: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child cannot read")
        return n + 1

    assert map_in_two(list(range(9)), read) == list(range(1, 10))


def test_what_a_failing_child_delivered_is_kept_and_the_rest_read_here(
    always_fork: None,
) -> None:
    parent = os.getpid()

    def read(n: int) -> tuple[int, bool]:
        if os.getpid() != parent and n < 200:
            raise RuntimeError("the child cannot read the front")
        return n, os.getpid() == parent

    results = map_in_two(list(range(400)), read)
    assert [n for n, _ in results] == list(range(400))
    here = [mine for _, mine in results]
    # The child's first chunk, the last items, came whole before it failed.
    assert not here[-1]
    assert all(here[:200])


def test_without_memory_files_the_chunks_come_through_a_temporary_file(
    always_fork: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Systems other than Linux have no os.memfd_create.
    monkeypatch.delattr(os, "memfd_create", raising=False)
    parent = os.getpid()
    results = map_in_two(list(range(300)), lambda n: (n * 2, os.getpid() == parent))
    assert [value for value, _ in results] == [n * 2 for n in range(300)]
    assert not results[-1][1]


def test_an_unpicklable_result_is_read_again_here(always_fork: None) -> None:
    results = map_in_two(list(range(4)), lambda n: lambda: n)
    assert [make() for make in results] == [0, 1, 2, 3]


def test_few_files_stay_in_one_process() -> None:
    parent = os.getpid()
    assert map_in_two([1, 2, 3], lambda n: os.getpid() == parent) == [True, True, True]


def test_count_is_the_same_read_in_two_processes(
    always_fork: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    project = tmp_path / "site"
    shutil.copytree(BOUNDARIES, project, ignore=shutil.ignore_patterns(".cache"))
    args = ("--period", "2024", "--as-of", "2025-06-30", "--format", "json")
    split = run_count(*args, project=project)
    assert split.code == 0, split.stderr
    # Every file read afresh, in one process this time.
    shutil.rmtree(project / ".cache")
    monkeypatch.setattr(twoprocess, "MIN_FILES", 10**9)
    single = run_count(*args, project=project)
    assert single.code == 0
    assert split.json() == single.json()
    assert split.json()["posts"]["total"] > 4


@pytest.mark.parametrize(
    ("load", "running", "free"),
    [
        (0.4, 2, True),
        (1.9, 5, True),
        # The minute's average still holds the counts just run; nothing else runs now.
        (2.0, 1, True),
        (2.0, 2, False),
        (7.5, 8, False),
        (7.5, None, False),
    ],
)
def test_a_second_process_only_when_a_processor_is_free(
    monkeypatch: pytest.MonkeyPatch, load: float, running: int | None, free: bool
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))
    monkeypatch.setattr(twoprocess, "running_now", lambda: running)
    assert twoprocess.processor_free() is free
    monkeypatch.setattr(twoprocess, "MIN_FILES", 2)
    parent = os.getpid()
    here = map_in_two(list(range(4)), lambda n: os.getpid() == parent)
    # With a free processor the child reads at least the last item.
    assert (here[-1] is False) if free else here == [True] * 4


@pytest.mark.parametrize(
    ("text", "running"),
    [
        (b"1.62 1.43 1.35 2/113 8148\n", 2),
        (b"0.00 0.01 0.05 1/87 4242\n", 1),
        (b"", None),
        (b"1.62 1.43 1.35 ?/113 8148\n", None),
    ],
)
def test_what_runs_now_is_read_from_the_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: bytes, running: int | None
) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_bytes(text)
    monkeypatch.setattr(twoprocess, "LOADAVG", str(loadavg))
    assert twoprocess.running_now() == running
    monkeypatch.setattr(twoprocess, "LOADAVG", str(tmp_path / "absent"))
    assert twoprocess.running_now() is None


def test_no_load_average_leaves_the_choice_to_the_other_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unknown() -> tuple[float, float, float]:
        raise OSError("không có")

    monkeypatch.setattr(os, "getloadavg", unknown)
    assert twoprocess.processor_free()


def test_a_count_runs_no_collection_and_leaves_the_collector_on(tmp_path: Path) -> None:
    project = tmp_path / "site"
    shutil.copytree(BOUNDARIES, project, ignore=shutil.ignore_patterns(".cache"))
    passes: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        # Only passes made while the count runs, not while the command line is read.
        frame = sys._getframe(1) if phase == "start" else None
        while frame is not None:
            if frame.f_code is count.run.__code__:
                passes.append(info["generation"])
                break
            frame = frame.f_back

    gc.callbacks.append(seen)
    try:
        first = run_count("--period", "2024", "--as-of", "2025-06-30", project=project)
    finally:
        gc.callbacks.remove(seen)
    assert first.code == 0, first.stderr
    # Nothing a count makes needs the cycle collector, and it would walk every post read.
    assert passes == []
    assert gc.isenabled()
