"""A first count begins reading posts before MkDocs loads mkdocs.yml, and loses nothing by it."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path

import pytest
from trangxa.commands import earlyread
from trangxa.commands.postmemo import CACHE_FILE
from trangxa.engine import twoprocess
from trangxa.engine.twoprocess import EarlyReading

from tests.news.test_two_processes import always_fork
from tests.report.cli import BOUNDARIES, run_count

__all__ = ["always_fork"]

COUNT = ("--period", "2024", "--as-of", "2025-06-30", "--format", "json")


def _start(items: list[int], read: object) -> EarlyReading[int, object]:
    reading = EarlyReading.start(items, read)  # type: ignore[arg-type]
    assert reading is not None
    return reading


def test_the_rest_is_shared_when_this_process_joins(always_fork: None) -> None:
    parent = os.getpid()

    def read(n: int) -> tuple[int, bool]:
        if os.getpid() != parent:
            time.sleep(0.002)
        return n * n, os.getpid() == parent

    items = list(range(200))
    reading = _start(items, read)
    time.sleep(0.05)
    results = reading.finish(read)
    assert [value for value, _ in results] == [n * n for n in items]
    here = [mine for _, mine in results]
    # The child began with the last chunk; what it had not taken when this process joined
    # in was shared.
    assert not here[-1]
    assert any(here)


def test_a_child_that_read_everything_hands_it_all_over(
    always_fork: None, tmp_path: Path
) -> None:
    parent = os.getpid()
    done = tmp_path / "done"

    def read(n: int) -> bool:
        if n == 0 and os.getpid() != parent:
            # The child reads from the end: item 0 is its last.
            done.touch()
        return os.getpid() == parent

    reading = _start(list(range(50)), read)
    deadline = time.monotonic() + 60
    while not done.exists():
        assert time.monotonic() < deadline, "the child never read the first item"
        time.sleep(0.01)
    assert reading.finish(read) == [False] * 50


def test_a_failing_child_leaves_everything_to_this_process(always_fork: None) -> None:
    parent = os.getpid()

    def read(n: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child cannot read")
        return n + 1

    assert _start(list(range(40)), read).finish(read) == list(range(1, 41))


def test_unpicklable_results_are_read_again_here(always_fork: None) -> None:
    results = _start(list(range(40)), lambda n: lambda: n).finish(lambda n: lambda: n)
    assert [make() for make in results] == list(range(40))  # type: ignore[operator]


def test_a_cancelled_reading_leaves_no_process_behind(always_fork: None) -> None:
    reading = _start(list(range(40)), lambda n: time.sleep(10))
    child = reading._pid
    reading.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)
    # Twice is harmless.
    reading.cancel()


def test_a_failure_here_leaves_no_process_behind(always_fork: None) -> None:
    reading = _start(list(range(400)), lambda n: time.sleep(0.001))
    child = reading._pid

    def fail(n: int) -> None:
        raise RuntimeError("không đọc được")

    with pytest.raises(RuntimeError):
        reading.finish(fail)
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(BOUNDARIES, root, ignore=shutil.ignore_patterns(".cache"))
    return root


class Spy:
    """Which way the posts of a count were read."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = self.finished = self.cancelled = 0
        start, finish, cancel = EarlyReading.start, EarlyReading.finish, EarlyReading.cancel

        def spy_start(items: object, read: object) -> object:
            reading = start(items, read)  # type: ignore[arg-type]
            # A second process begun, for the early reading or by map_in_two.
            self.started += reading is not None
            return reading

        def spy_finish(
            reading: EarlyReading[object, object], read: object, keep_pickled: bool = False
        ) -> object:
            self.finished += 1
            return finish(reading, read, keep_pickled)  # type: ignore[arg-type]

        def spy_cancel(reading: EarlyReading[object, object]) -> None:
            if reading._pid:
                self.cancelled += 1
            cancel(reading)

        monkeypatch.setattr(EarlyReading, "start", staticmethod(spy_start))
        monkeypatch.setattr(EarlyReading, "finish", spy_finish)
        monkeypatch.setattr(EarlyReading, "cancel", spy_cancel)


def _single_process_count(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    shutil.rmtree(project / ".cache", ignore_errors=True)
    with monkeypatch.context() as patch:
        patch.setattr(twoprocess, "MIN_FILES", 10**9)
        single = run_count(*COUNT, project=project)
    assert single.code == 0, single.stderr
    return single.json()


def test_a_first_count_reads_early_and_counts_the_same(
    always_fork: None, monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    spy = Spy(monkeypatch)
    early = run_count(*COUNT, project=project)
    assert early.code == 0, early.stderr
    assert (spy.started, spy.finished, spy.cancelled) == (1, 1, 0)
    assert early.json() == _single_process_count(project, monkeypatch)
    assert early.json()["posts"]["total"] > 4


def test_a_repeated_count_takes_the_memo_instead(
    always_fork: None, monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    monkeypatch.setattr(twoprocess, "_CHUNK", 2)
    first = run_count(*COUNT, project=project)
    stored = pickle.loads((project / CACHE_FILE).read_bytes())
    # Each chunk's part, kept as it was pickled by the process that read it.
    assert len(stored["parts"]) == len(twoprocess.chunks(len(stored["sources"]))) > 1
    assert len(stored["sources"]) == sum(len(pickle.loads(part)) for part in stored["parts"])
    spy = Spy(monkeypatch)
    again = run_count(*COUNT, project=project)
    assert spy.started == 0
    assert again.json() == first.json()


def test_a_wrong_guess_of_the_settings_is_dropped(
    always_fork: None, monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    # As if mkdocs.yml said one thing as plain YAML and MkDocs loaded another.
    monkeypatch.setattr(earlyread, "news_settings", lambda path: ("posts", ("Tin tức",)))
    spy = Spy(monkeypatch)
    guessed = run_count(*COUNT, project=project)
    assert guessed.code == 0, guessed.stderr
    # The early reading stopped, then the posts read in two processes as usual.
    assert (spy.started, spy.finished, spy.cancelled) == (2, 1, 1)
    assert guessed.json() == _single_process_count(project, monkeypatch)


def test_a_settings_error_stops_the_early_reading(
    always_fork: None, monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8") + "theme_typo: 1\nnav: 3\n", encoding="utf-8"
    )
    spy = Spy(monkeypatch)
    refused = run_count(*COUNT, project=project)
    assert refused.code != 0
    assert "lỗi cấu hình" in refused.stderr
    assert (spy.started, spy.cancelled) == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plugins:\n  - trangxa-news\n", ("posts", ())),
        ("plugins:\n  - search\n  - trangxa-news:\n", ("posts", ())),
        (
            "plugins:\n  - trangxa-news:\n      posts_dir: bai\n      categories: [A, B]\n",
            ("bai", ("A", "B")),
        ),
        ("plugins:\n  trangxa-news:\n    categories: [Tin tức]\n", ("posts", ("Tin tức",))),
        # MkDocs' own tags elsewhere do not stop the guess.
        (
            "markdown_extensions:\n  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
            "site_url: !ENV SITE_URL\nplugins:\n  - trangxa-news\n",
            ("posts", ()),
        ),
        # Settings only MkDocs can read are left to it.
        ("plugins:\n  - trangxa-news:\n      categories: !ENV CATS\n", None),
        ("INHERIT: base.yml\nplugins:\n  - trangxa-news\n", None),
        ("plugins:\n  - search\n", None),
        ("plugins: [trangxa-news\n", None),
        ("- a list\n", None),
        ("plugins:\n  - trangxa-news:\n      categories: [1, 2]\n", None),
        ("plugins:\n  - trangxa-news: posts\n", None),
    ],
)
def test_the_guess_reads_only_plain_settings(
    tmp_path: Path, text: str, expected: tuple[str, tuple[str, ...]] | None
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    assert earlyread.news_settings(config) == expected
