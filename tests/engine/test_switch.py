"""The engine's shortcuts switched on and off give the same site, byte for byte.

trangxa.engine converts posts with one reused Markdown parser, builds older posts in a forked
second process, draws Material's shared page parts once per folder, keeps work between
rebuilds of `mkdocs serve` and leaves Material's search index empty without indexing. With
TRANGXA_ENGINE_SHORTCUTS=0 none of that runs: MkDocs and Material do everything their own
way. These tests build the sample each way, with the clock pinned, and compare every file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from trangxa import engine
from trangxa.engine import prerender

from tests.sitebuild import BuildResult, build_site, every_file

REPO = Path(__file__).resolve().parents[2]
# 01/12/2026 10:00 in Vietnam, as in the ProperDocs comparison.
PINNED_CLOCK = "1796094000"


# Two posts with what the sample's own posts lack: links to a docs page, to another post and to
# headings, headings of the same name, and raw HTML carrying its own anchor.
LINKING_POSTS = {
    "posts/2025/lien-ket-thu-1.md": (
        "---\ntitle: Bài có liên kết thứ nhất\ndate: 02/06/2025\ncategories: [Tin tức]\n---\n\n"
        "Xem [trang liên hệ](../../docs/lien-he.md) và [bài thứ hai](lien-ket-thu-2.md#lich).\n\n"
        "## Lịch\n\nNội dung.\n\n## Lịch\n\nNhảy tới [mục lịch](#lich) hoặc [mục riêng](#rieng).\n\n"
        '<div id="rieng" markdown>**Phần riêng**</div>\n'
    ),
    "posts/2025/lien-ket-thu-2.md": (
        "---\ntitle: Bài có liên kết thứ hai\ndate: 03/06/2025\ncategories: [Thông báo]\n---\n\n"
        "## Lịch\n\nQuay lại [bài thứ nhất](lien-ket-thu-1.md).\n\n### Lịch\n\nHết.\n"
    ),
}


def sample_with_links(destination: Path) -> Path:
    project = destination / "sample"
    for name in ("docs", "posts", "procedures", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for name, text in LINKING_POSTS.items():
        (project / name).write_text(text, encoding="utf-8")
    return project



def differing(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    """Files present on one side only, or with other bytes."""
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))


def build(project: Path, site_dir: Path, on: bool, command: str = "build") -> BuildResult:
    os.environ[engine.SWITCH] = "1" if on else "0"
    result = build_site(project, site_dir=site_dir, command=command)
    assert result.messages == []
    assert result.config is not None
    # While serving, Pagefind indexes beside the server: wait for it as a browser would.
    result.config.plugins["trangxa-search"].wait_for_index()  # type: ignore[attr-defined]
    return result


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_CLOCK)
    monkeypatch.setenv(engine.SWITCH, "1")


def test_switch_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(engine.SWITCH, raising=False)
    assert engine.shortcuts_on()
    monkeypatch.setenv(engine.SWITCH, "0")
    assert not engine.shortcuts_on()
    monkeypatch.setenv(engine.SWITCH, "1")
    assert engine.shortcuts_on()


def test_sample_builds_the_same_with_and_without_shortcuts(
    tmp_path: Path, pinned: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = sample_with_links(tmp_path)
    off = build(project, tmp_path / "off", on=False)
    on = build(project, tmp_path / "on", on=True)
    # The second process only starts from MIN_POSTS posts; the sample has fewer.
    monkeypatch.setattr(prerender, "MIN_POSTS", 5)
    # The browser tests keep a web server thread for the whole session; `mkdocs build` has none.
    monkeypatch.setattr(prerender, "other_threads_running", lambda: False)
    started: list[int] = []
    real_start = prerender.start
    monkeypatch.setattr(
        prerender, "start", lambda *a, **k: started.append(1) or real_start(*a, **k)
    )
    split = build(project, tmp_path / "split", on=True)
    assert started == [1]

    off_files = every_file(off.site_dir)
    assert len(off_files) > 200
    assert differing(off_files, every_file(on.site_dir)) == []
    assert differing(off_files, every_file(split.site_dir)) == []
    # The index Material wrote holds no page either way: Pagefind's answers the search box.
    assert json.loads(off_files["search/search_index.json"])["docs"] == []


def test_serving_builds_the_same_with_and_without_shortcuts(tmp_path: Path, pinned: None) -> None:
    project = sample_with_links(tmp_path)
    off = build(project, tmp_path / "off", on=False, command="serve")
    on = build(project, tmp_path / "on", on=True, command="serve")
    assert differing(every_file(off.site_dir), every_file(on.site_dir)) == []


def test_without_shortcuts_no_engine_module_is_loaded(tmp_path: Path) -> None:
    """Off, the build runs on public interfaces only: none of the engine's code is even loaded."""
    script = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        f"config = load_config(config_file={str(REPO / 'mkdocs.yml')!r}, "
        f"site_dir={str(tmp_path / 'site')!r})\n"
        "config.plugins.on_startup(command='build', dirty=False)\n"
        "build(config)\n"
        "print(sorted(name for name in sys.modules if name.startswith('trangxa.engine')))\n"
        "print(config.theme.dirs)\n"
    )
    env = dict(os.environ, SOURCE_DATE_EPOCH=PINNED_CLOCK, NO_MKDOCS_2_WARNING="1")
    env[engine.SWITCH] = "0"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    modules, dirs = result.stdout.strip().splitlines()[-2:]
    assert modules == "['trangxa.engine']"
    assert str(Path(engine.__file__).parent) not in dirs
    assert (tmp_path / "site" / "index.html").is_file()
