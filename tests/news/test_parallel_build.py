"""Builds that hand part of the posts to a second process give the very same site.

Each test builds a fixture twice, once split over two processes and once in one
(`parallel: false`), and compares every file. The post-count threshold is lowered so a
small fixture splits.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from trangxa.engine import pagesteps, prerender

from tests.sitebuild import BuildResult, build_site, copy_fixture, every_file

MORE_POSTS = 24


@pytest.fixture(autouse=True)
def split_small_sites(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prerender, "MIN_POSTS", 5)
    # The browser tests keep a web server thread for the whole session; `mkdocs build` has
    # none. test_a_running_thread_keeps_the_build_in_one_process checks the guard itself.
    monkeypatch.setattr(prerender, "other_threads_running", lambda: False)


def add_posts(project: Path, count: int) -> None:
    """Posts over a year, with headings, lists, a table and a link."""
    folder = project / "posts/2022"
    folder.mkdir(parents=True)
    categories = ["Tin tức", "Thông báo", "Cải cách hành chính"]
    for n in range(1, count + 1):
        month, day = (n % 12) + 1, (n % 27) + 1
        (folder / f"bai-{n:02d}.md").write_text(
            f"---\ntitle: Tin thôn Đông số {n}\ndate: {day:02d}/{month:02d}/2022 0{n % 9}:15\n"
            f"categories: [{categories[n % 3]}]\ntags: [thôn Đông, số {n % 4}]\n---\n\n"
            f"Bà con thôn Đông họp lần thứ {n}.\n\n<!-- more -->\n\n"
            "## Nội dung\n\n- Giao thông nông thôn\n- Vệ sinh môi trường\n\n"
            "| Việc | Người phụ trách |\n|---|---|\n| Làm đường | Trưởng thôn |\n\n"
            "Nộp hồ sơ trên [Cổng Dịch vụ công](https://dichvucong.gov.vn/).\n",
            encoding="utf-8",
        )


def set_parallel(project: Path, enabled: bool) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("      parallel: false\n", "")
    if not enabled:
        text = text.replace("      feed_items: 3\n", "      feed_items: 3\n      parallel: false\n")
    text = text.replace("  - search\n", "  - search:\n      lang: vi\n  - trangxa-search\n")
    config.write_text(text, encoding="utf-8")



def news(result: BuildResult) -> Any:
    assert result.config is not None
    return result.config.plugins["trangxa-news"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    add_posts(project, MORE_POSTS)
    return project


def both_ways(project: Path, strict: bool = True) -> tuple[BuildResult, BuildResult, set[str]]:
    """Both builds, and the posts the second process wrote in the split one."""
    set_parallel(project, True)
    split = build_site(project, strict=strict, site_dir=project / "split")
    # MkDocs keeps plugin instances from build to build: read this before the next one.
    written = set(news(split).shortcuts.written_by_child)
    set_parallel(project, False)
    single = build_site(project, strict=strict, site_dir=project / "single")
    assert not news(single).shortcuts.written_by_child
    return split, single, written


def test_split_build_writes_the_same_site(project: Path) -> None:
    split, single, written = both_ways(project)
    # The second process wrote the older half of the posts.
    assert len(written) >= MORE_POSTS // 2
    assert "tin-tuc/2022/tin-thon-dong-so-1/index.md" in written
    assert every_file(split.site_dir) == every_file(single.site_dir)
    assert split.messages == single.messages == []


def test_markdown_warnings_of_the_second_process_are_reported_once(project: Path) -> None:
    first = project / "posts/2022/bai-01.md"
    first.write_text(
        first.read_text(encoding="utf-8") + "\nXem [trang không có](khong-co.md).\n",
        encoding="utf-8",
    )
    split, single, written = both_ways(project, strict=False)
    assert "tin-tuc/2022/tin-thon-dong-so-1/index.md" in written
    about_link = [m for m in split.messages if "khong-co.md" in m]
    assert len(about_link) == 1
    assert about_link == [m for m in single.messages if "khong-co.md" in m]
    set_parallel(project, True)
    with pytest.raises(Abort):
        build_site(project, strict=True, site_dir=project / "strict")


def test_a_failing_second_process_leaves_its_work_to_the_first(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hỏng giữa chừng")

    # Only the second process renders through this function; the first never calls it.
    monkeypatch.setattr(pagesteps, "build_page", broken)
    split, single, written = both_ways(project)
    assert not written
    assert every_file(split.site_dir) == every_file(single.site_dir)


def test_unknown_plugins_keep_the_build_in_one_process(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - search\n", "  - search\n  - tags\n"),
        encoding="utf-8",
    )
    result = build_site(project)
    assert result.config is not None
    assert not prerender.can_split(result.config, 1000)
    assert not news(result).shortcuts.written_by_child
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - tags\n", ""), encoding="utf-8"
    )
    result = build_site(project)
    assert result.config is not None
    assert prerender.can_split(result.config, 1000)
    assert news(result).shortcuts.written_by_child


def test_a_running_thread_keeps_the_build_in_one_process(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()
    monkeypatch.setattr(prerender, "MIN_POSTS", 5)
    result = build_site(project)
    assert result.config is not None
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert prerender.other_threads_running()
        assert not prerender.can_split(result.config, 1000)
    finally:
        stop.set()
        waiting.join()
