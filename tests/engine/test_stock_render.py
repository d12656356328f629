"""Posts converted by trangxa's reused parser give the same site as MkDocs' own Page.render.

trangxa.news.pages converts every post with one Markdown parser reset between posts, and
registers MkDocs' private per-page steps itself. This builds the sample once that way and
once with each post converted by the engine's stock Page.render, and compares every file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.structure.pages import Page
from trangxa.engine.render import PostPage

from tests.sitebuild import build_site

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


def every_file(site_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


def test_posts_convert_as_the_stock_renderer_converts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_CLOCK)
    project = sample_with_links(tmp_path)
    ours = build_site(project, site_dir=tmp_path / "trangxa")
    assert ours.messages == []
    monkeypatch.setattr(PostPage, "render", Page.render)
    stock = build_site(project, site_dir=tmp_path / "stock")
    assert stock.messages == []
    ours_files, stock_files = every_file(ours.site_dir), every_file(stock.site_dir)
    assert sorted(ours_files) == sorted(stock_files)
    assert len(ours_files) > 200
    assert [name for name in ours_files if ours_files[name] != stock_files[name]] == []
