"""Shared by the publish tests: a tiny site, what a complete published site looks like, runners."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from trangxa.cli import main

from tests.sitebuild import copy_fixture

FIXTURE = "staff/fixtures/publish-site"
POST_PAGE = "tin-tuc/2024/lich-tiep-cong-dan-quy-ii/index.html"
RUNNER = Path(__file__).with_name("publish_runner.py")
REPO = Path(__file__).resolve().parents[2]
# What a store holds after a publish that finished, besides its versions.
STORE_FILES = {"kept.txt", "lock", "trangxa-publish.txt"}
# The runner's clock: 02/04/2024 09:00 in Vietnam, an hour after the fixture's post.
RUNNER_EPOCH = "1712023200"


def project(tmp_path: Path) -> Path:
    return copy_fixture(FIXTURE, tmp_path)


def publish(
    site: Path, target: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[int, str]:
    """`trangxa publish` in this process; exit code and everything it printed."""
    code = main(["publish", "--to", str(target), "-f", str(site / "mkdocs.yml"), *options])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str
) -> tuple[Path, Path]:
    """A copy of the tiny site, published once to tmp_path/www: (project folder, target)."""
    site, target = project(tmp_path), tmp_path / "www"
    code, out = publish(site, target, capsys, *options)
    assert code == 0, out
    return site, target


def site_problem(target: Path) -> str | None:
    """Why target does not serve a complete site right now, or None when it does."""
    try:
        home = (target / "index.html").read_text(encoding="utf-8")
        post = (target / POST_PAGE).read_text(encoding="utf-8")
    except OSError as exc:
        return f"{exc.filename}: {exc.strerror}"
    if "Ủy ban nhân dân xã Hòa An thông tin" not in home or not home.rstrip().endswith("</html>"):
        return "index.html incomplete"
    if "Lịch tiếp công dân quý II" not in post or not post.rstrip().endswith("</html>"):
        return "post page incomplete"
    return None


def store_of(target: Path) -> Path:
    return target.with_name(target.name + ".trangxa")


def versions(target: Path) -> list[str]:
    return sorted(p.name for p in store_of(target).iterdir() if p.name.startswith("site-"))


def leftovers(target: Path) -> list[str]:
    """Entries of the store and beside the target that a finished publish would not leave.

    The live version may have one older version beside it, the previous one; nothing else.
    """
    live = int(os.readlink(target)[-6:]) if target.is_symlink() else 0
    older = [
        p.name
        for p in store_of(target).iterdir()
        if p.name.startswith("site-") and int(p.name[-6:]) < live
    ]
    allowed = STORE_FILES | {"kept", f"site-{live:06d}"} | set(sorted(older)[-1:])
    found = [
        p.name
        for p in store_of(target).iterdir()
        if p.name not in allowed and not p.name.startswith("replaced-")
    ]
    found += [p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}")]
    return sorted(found)


def start_runner(
    site: Path, target: Path, stop: str, how: str, *keep: str
) -> subprocess.Popen[str]:
    """A publish in a new process that is killed, or paused until stdin closes, at step `stop`."""
    return subprocess.Popen(
        [sys.executable, str(RUNNER), str(site / "mkdocs.yml"), str(target), stop, how, *keep],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": RUNNER_EPOCH},
    )


def trangxa_command(site: Path, target: Path, *options: str) -> list[str]:
    """The installed `trangxa publish` command line, run as its own process."""
    exe = Path(sys.executable).with_name("trangxa")
    return [str(exe), "publish", "--to", str(target), "-f", str(site / "mkdocs.yml"), *options]
