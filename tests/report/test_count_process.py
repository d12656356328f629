"""`trangxa count` run as its own process ends as soon as its output is out, and loses none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.report.cli import BOUNDARIES, LATE, run_count
from tests.staff.commands import trangxa


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(BOUNDARIES, root, ignore=shutil.ignore_patterns(".cache"))
    return root


@pytest.mark.parametrize("output", ["json", "csv", "text"])
def test_what_the_process_prints_is_all_the_count_gives(project: Path, output: str) -> None:
    args = ("--period", "2024", "--as-of", LATE, "--format", output)
    expected = run_count(*args, project=project)
    assert expected.code == 0, expected.stderr
    # First run, then the one reading the memo the first left.
    for _ in range(2):
        done = trangxa("count", *args, cwd=project, console="redirected")
        assert (done.code, done.err) == (0, "")
        assert done.stdout == expected.stdout


def test_a_file_written_with_o_is_whole(project: Path) -> None:
    target = project.parent / "bai.csv"
    args = ("--period", "2024-Q3", "--as-of", LATE, "--format", "csv")
    done = trangxa("count", *args, "-o", str(target), cwd=project, console="redirected")
    assert done.code == 0, done.err
    assert target.read_bytes() == run_count(*args, project=project).stdout


def test_invalid_content_ends_with_its_code_and_every_message(project: Path) -> None:
    (project / "posts" / "hong.md").write_text(
        "---\ntitle: Bài hỏng\ndate: 31/02/2024\n---\nNội dung.\n", encoding="utf-8"
    )
    args = ("--period", "2024", "--as-of", LATE, "--format", "json")
    expected = run_count(*args, project=project)
    done = trangxa("count", *args, cwd=project, console="redirected")
    assert (done.code, done.stdout) == (expected.code, b"") == (2, b"")
    assert done.err == expected.stderr
    assert "hong.md" in done.err
