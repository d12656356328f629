"""Publishes killed at every step and at random moments, and publishes racing each other.

Every process here is real: the publish runs in its own Python process and is killed with
SIGKILL, while a thread keeps reading the site through the target path as a web server would.
Linux only, like the rest of the suite; on Windows the switch needs symlink rights.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.staff.publishing import (
    leftovers,
    project,
    publish,
    published,
    site_problem,
    start_runner,
    store_of,
    trangxa_command,
)

# Steps each kind of target goes through; a kill after any of them must be survivable. The
# steps before the build do the same whatever the target holds, so only one kind repeats them.
STEPS = {
    "link": ["locked", "tidied", "checked", "built", "sealed", "switched", "done"],
    "folder": ["built", "sealed", "kept", "exchanged", "switched", "done"],
    "empty": ["built", "sealed", "emptied", "switched", "done"],
}
UPLOAD = "uploads/anh-le-hoi.jpg"


@pytest.fixture(scope="module")
def starts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A folder per kind holding the project and a target in that state, to be copied."""
    base = tmp_path_factory.mktemp("publish-starts")
    folders = {}
    for kind in STEPS:
        folder = base / kind
        folder.mkdir()
        site = project(folder)
        target = folder / "www"
        if kind == "empty":
            target.mkdir()
        else:
            from trangxa.cli import main

            assert main(["publish", "--to", str(target), "-f", str(site / "mkdocs.yml")]) == 0
        if kind == "folder":
            # trangxa's earlier output in a real folder, with the server's uploads beside it.
            real = folder / "real"
            shutil.copytree(target, real)
            target.unlink()
            shutil.rmtree(store_of(target))
            real.rename(target)
            (target / "uploads").mkdir()
            (target / UPLOAD).write_bytes(b"anh")
        folders[kind] = folder
    return folders


@pytest.mark.parametrize(
    ("kind", "step"), [(kind, step) for kind, steps in STEPS.items() for step in steps]
)
def test_killed_at_a_step_the_site_stays_whole_and_the_next_publish_tidies(
    starts: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    step: str,
) -> None:
    folder = tmp_path / kind
    shutil.copytree(starts[kind], folder, symlinks=True)
    site, target = folder / "publish-site", folder / "www"
    keep = ["uploads"] if kind == "folder" else []
    runner = start_runner(site, target, step, "kill", *keep)
    _, err = runner.communicate(timeout=120)
    assert runner.returncode == -signal.SIGKILL, err
    if kind == "empty" and step in ("built", "sealed"):
        assert target.is_dir() and not any(target.iterdir())
    elif kind == "empty" and step == "emptied":
        assert not target.exists()
    else:
        assert site_problem(target) is None
    if kind == "folder":
        assert (target / UPLOAD).read_bytes() == b"anh"
    code, out = publish(site, target, capsys, *[f"--keep={rel}" for rel in keep])
    assert code == 0, out
    assert f"tiến trình số {runner.pid}" in out and "bị dừng giữa chừng" in out
    assert site_problem(target) is None
    assert leftovers(target) == []
    if kind == "folder":
        assert (target / UPLOAD).read_bytes() == b"anh"


class Reader(threading.Thread):
    """Reads the home page and a post through the target, as a web server would, until stopped."""

    def __init__(self, target: Path) -> None:
        super().__init__(daemon=True)
        self.target = target
        self.stopped = threading.Event()
        self.reads = 0
        self.problems: list[str] = []

    def run(self) -> None:
        while not self.stopped.is_set():
            problem = site_problem(self.target)
            if problem:
                self.problems.append(problem)
            self.reads += 1


def test_publishes_killed_at_random_moments_never_break_the_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, target = published(tmp_path, capsys)
    reader = Reader(target)
    reader.start()
    try:
        started = time.monotonic()
        subprocess.run(trangxa_command(site, target), check=True, capture_output=True)
        whole = time.monotonic() - started
        rng = random.Random(20240402)
        for _ in range(8):
            process = subprocess.Popen(
                trangxa_command(site, target), stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            # Most kills land in the build, the longest step; the step-by-step test above
            # covers the short steps around the switch.
            time.sleep(rng.uniform(0.2, 1.1) * whole)
            process.kill()
            process.communicate()
        final = subprocess.run(trangxa_command(site, target), capture_output=True, text=True)
    finally:
        reader.stopped.set()
        reader.join()
    assert final.returncode == 0, final.stderr
    assert reader.problems == []
    assert reader.reads > 100
    assert leftovers(target) == []


def test_a_second_publish_is_refused_while_one_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, target = published(tmp_path, capsys)
    first = start_runner(site, target, "built", "pause")
    assert first.stdout is not None and first.stdin is not None
    assert first.stdout.readline() == "built\n"
    second = subprocess.run(trangxa_command(site, target), capture_output=True, text=True)
    assert second.returncode == 1
    assert "CHƯA ĐĂNG: đang có một lần đăng khác vào" in second.stderr
    assert f"tiến trình số {first.pid}, bắt đầu lúc 02/04/2024 09:00)" in second.stderr
    assert "Traceback" not in second.stderr
    first.stdin.close()
    assert first.wait(timeout=120) == 0
    assert site_problem(target) is None
    assert leftovers(target) == []


def test_two_publishes_started_together_leave_one_complete_site(tmp_path: Path) -> None:
    site = project(tmp_path)
    target = tmp_path / "www"
    runs = [
        subprocess.Popen(
            trangxa_command(site, target), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(run.wait(timeout=120), run.communicate()[1]) for run in runs]
    assert 0 in [code for code, _ in results]
    for code, err in results:
        assert code == 0 or "đang có một lần đăng khác" in err, err
    assert site_problem(target) is None
    assert leftovers(target) == []
