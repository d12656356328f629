"""A small site (posts, a procedure, docs pages) built as the committed golden files say.

The fixture is built with the engine's shortcuts on and off, with the clock pinned; every
page, feed and data file written must match tests/engine/golden/small-site/ byte for byte.
Files copied verbatim from Material and trangxa (assets/) and Pagefind's indexes are
left out (pagefind/, pagefind-body/): their bytes are those packages', not the build's.

After a deliberate change of the output, write the golden files again with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/engine/test_golden.py

and review the difference with `git diff tests/engine/golden` before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from trangxa import engine

from tests.sitebuild import build_site, copy_fixture

GOLDEN = Path(__file__).parent / "golden" / "small-site"
# 01/12/2026 10:00 in Vietnam: after every post of the fixture.
PINNED_CLOCK = "1796094000"
NOT_COMPARED = ("assets/", "pagefind/", "pagefind-body/")


def built_files(site_dir: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site_dir.rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if path.is_file() and not name.startswith(NOT_COMPARED):
            files[name] = path.read_bytes()
    return files


def golden_files() -> dict[str, bytes]:
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_bytes()
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }


def write_golden(files: dict[str, bytes]) -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for name, content in files.items():
        target = GOLDEN / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


@pytest.mark.parametrize("switch", ["1", "0"], ids=["shortcuts-on", "shortcuts-off"])
def test_small_site_matches_the_golden_files(
    switch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_CLOCK)
    monkeypatch.setenv(engine.SWITCH, switch)
    project = copy_fixture("engine/fixtures/small-site", tmp_path)
    result = build_site(project, site_dir=tmp_path / "site")
    assert result.messages == []
    built = built_files(result.site_dir)
    if os.environ.get("UPDATE_GOLDEN") == "1" and switch == "1":
        write_golden(built)
    golden = golden_files()
    assert len(golden) > 20, "Chưa có tệp mẫu: chạy với UPDATE_GOLDEN=1 để tạo."
    assert sorted(built) == sorted(golden)
    assert [name for name in built if built[name] != golden[name]] == []
