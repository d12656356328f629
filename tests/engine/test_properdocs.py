"""The sample builds the same under ProperDocs as under MkDocs 1.6.1.

MkDocs 1.6.1 is the last 1.x release; ProperDocs carries the 1.x line on. Both builds run as
real commands with the clock pinned, and every file they write is compared byte for byte.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import every_file

REPO = Path(__file__).resolve().parents[2]
PROPERDOCS = REPO / ".venv-properdocs" / "bin" / "properdocs"
MKDOCS = Path(sys.executable).with_name("mkdocs")

# 01/12/2026 10:00 in Vietnam: after every dated record of the sample, before its scheduled post.
PINNED_CLOCK = "1796094000"

# The only text that names the engine: Material prints it in every page's head.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(command: list[str], site_dir: Path) -> dict[str, bytes]:
    env = dict(os.environ, SOURCE_DATE_EPOCH=PINNED_CLOCK, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [*command, "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return every_file(site_dir)


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], ...]:
    assert PROPERDOCS.exists(), (
        f"Không thấy {PROPERDOCS}. Chạy `bash scripts/test.sh` để cài ProperDocs cho kiểm thử."
    )
    root = tmp_path_factory.mktemp("engines")
    return build([str(MKDOCS)], root / "mkdocs"), build([str(PROPERDOCS)], root / "properdocs")


def test_properdocs_really_builds_with_its_own_engine(
    both_builds: tuple[dict[str, bytes], ...],
) -> None:
    mkdocs_files, properdocs_files = both_builds
    assert b"ProperDocs" in properdocs_files["index.html"]
    assert b"ProperDocs" not in mkdocs_files["index.html"]


def test_every_file_is_the_same_under_both_engines(
    both_builds: tuple[dict[str, bytes], ...],
) -> None:
    mkdocs_files, properdocs_files = both_builds
    assert sorted(mkdocs_files) == sorted(properdocs_files)
    assert len(mkdocs_files) > 200
    differing = [
        name
        for name, content in mkdocs_files.items()
        if GENERATOR.sub(b"", content) != GENERATOR.sub(b"", properdocs_files[name])
    ]
    assert differing == []
