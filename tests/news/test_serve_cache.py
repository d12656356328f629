"""The rebuild cache of `mkdocs serve` never serves stale output.

Each test builds twice as the preview server does (same plugin instances, command "serve",
same site folder), changes one input, rebuilds, and compares every page with a build made
without the cache.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from jinja2 import TemplateSyntaxError
from trangxa.engine.cache import RenderCache

from tests.news.test_site_build import add_scheduled_post
from tests.pagefind_pages import indexed_pages
from tests.sitebuild import BuildResult, build_site, copy_fixture

POST = "posts/2024/dang-ky-khai-sinh.md"
POST_PAGE = "tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/index.html"


def news_plugin(result: BuildResult) -> Any:
    assert result.config is not None
    return result.config.plugins["trangxa-news"]


def outputs(site_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.suffix in {".html", ".xml"} and path.name != "sitemap.xml"
    }


def serve_build(project: Path, site: str) -> BuildResult:
    return build_site(project, command="serve", strict=False, site_dir=project / site)


def uncached_build(project: Path, site: str) -> BuildResult:
    """The same build with an empty cache, as a first start of the server would do."""
    first = serve_build(project, site)
    news_plugin(first).shortcuts.cache = RenderCache()
    return serve_build(project, site)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    add_scheduled_post(project)
    return project


def assert_same_as_fresh(project: Path, cached: BuildResult) -> None:
    fresh = uncached_build(project, "fresh")
    assert outputs(cached.site_dir) == outputs(fresh.site_dir)


def test_unchanged_rebuild_reuses_pages_and_gives_the_same_output(project: Path) -> None:
    first = serve_build(project, "one")
    before = outputs(first.site_dir)
    written = (first.site_dir / POST_PAGE).stat().st_mtime_ns
    again = serve_build(project, "one")
    cache = news_plugin(again).shortcuts.cache
    assert cache.hits > 0 and cache.misses == 0
    assert outputs(again.site_dir) == before
    # The page was left as the first build wrote it, not written again.
    assert (again.site_dir / POST_PAGE).stat().st_mtime_ns == written
    assert news_plugin(again).site.shortcuts.previous.kept
    assert_same_as_fresh(project, again)


def test_edited_post_is_rebuilt_everywhere_it_shows(project: Path) -> None:
    serve_build(project, "one")
    path = project / POST
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Từ tháng 3, người dân", "Từ tháng 4, toàn thể người dân"
        ),
        encoding="utf-8",
    )
    again = serve_build(project, "one")
    assert "Từ tháng 4, toàn thể người dân" in again.read(POST_PAGE)
    # While serving, the scheduled post and the draft are listed too: this post is on page 2.
    assert "Từ tháng 4, toàn thể người dân" in again.read("tin-tuc/trang/2/index.html")
    assert "Từ tháng 4" in again.read("tin-tuc/chuyen-muc/cai-cach-hanh-chinh/index.html")
    assert news_plugin(again).shortcuts.cache.hits > 0
    assert_same_as_fresh(project, again)


def test_edited_title_changes_neighbours_and_listings(project: Path) -> None:
    serve_build(project, "one")
    path = project / "posts/2024/thong-bao-lich-tiep-dan.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("lịch tiếp công dân quý II", "lịch tiếp dân mới"),
        encoding="utf-8",
    )
    again = serve_build(project, "one")
    assert "Thông báo: lịch tiếp dân mới" in again.read(POST_PAGE)
    assert_same_as_fresh(project, again)


def test_edited_template_is_used_at_once(project: Path) -> None:
    overrides = project / "overrides/partials"
    overrides.mkdir(parents=True)
    (overrides / "copyright.html").write_text("<p>Chân trang cũ</p>\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    serve_build(project, "one")
    (overrides / "copyright.html").write_text("<p>Chân trang mới</p>\n", encoding="utf-8")
    again = serve_build(project, "one")
    assert "Chân trang mới" in again.read(POST_PAGE)
    assert "Chân trang cũ" not in again.read("tin-tuc/trang/2/index.html")
    assert_same_as_fresh(project, again)


def test_edited_configuration_and_category_name(project: Path) -> None:
    serve_build(project, "one")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("Ủy ban nhân dân xã Thử Nghiệm", "UBND xã Thử Nghiệm Mới")
        .replace("Thông báo, Cải cách", "Thông báo của xã, Cải cách"),
        encoding="utf-8",
    )
    post = project / "posts/2024/thong-bao-lich-tiep-dan.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace("  - Thông báo", "  - Thông báo của xã"),
        encoding="utf-8",
    )
    again = serve_build(project, "one")
    assert "UBND xã Thử Nghiệm Mới" in again.read(POST_PAGE)
    assert (again.site_dir / "tin-tuc/chuyen-muc/thong-bao-cua-xa/index.html").is_file()
    assert "Thông báo của xã" in again.read("tin-tuc/index.html")
    assert_same_as_fresh(project, again)


def test_warnings_are_repeated_on_every_rebuild(project: Path) -> None:
    path = project / POST
    path.write_text(
        path.read_text(encoding="utf-8") + "\nXem [trang không có](khong-co.md).\n",
        encoding="utf-8",
    )
    first = serve_build(project, "one")
    again = serve_build(project, "one")
    assert news_plugin(again).shortcuts.cache.hits > 0

    def about_link(result: BuildResult) -> list[str]:
        return [m for m in result.messages if "khong-co.md" in m]

    assert about_link(first) and about_link(again) == about_link(first)


def test_search_index_follows_a_cached_rebuild(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - search\n", "  - search:\n      lang: vi\n  - trangxa-search\n"
        ),
        encoding="utf-8",
    )
    # While serving, Pagefind indexes beside the server; the next rebuild waits for it, here
    # the test does, as each build below has its own plugins.
    first = serve_build(project, "one")
    assert first.config is not None
    first.config.plugins["trangxa-search"].wait_for_index()
    path = project / POST
    # Search indexes a post's title and the opening of its summary: the edit goes first.
    front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    path.write_text(f"{front}\n---\n\nCó thêm hướng dẫn mới.\n{body}", encoding="utf-8")
    again = serve_build(project, "one")
    assert again.config is not None
    assert again.config.plugins["trangxa-search"].indexing is not None
    again.config.plugins["trangxa-search"].wait_for_index()
    pages = indexed_pages(again.site_dir)
    assert any("Có thêm hướng dẫn mới." in page["content"] for page in pages.values())


def test_rebuild_in_the_same_folder_drops_pages_of_removed_posts(project: Path) -> None:
    first = serve_build(project, "site")
    assert (first.site_dir / POST_PAGE).is_file()
    hidden = first.site_dir / ".giu-lai"
    hidden.write_text("tệp ẩn", encoding="utf-8")
    (project / POST).unlink()
    again = serve_build(project, "site")
    assert not (again.site_dir / POST_PAGE).exists()
    assert not (again.site_dir / "tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen").exists()
    # MkDocs never deletes hidden files of the site folder; the old output is gone entirely.
    assert hidden.read_text(encoding="utf-8") == "tệp ẩn"
    assert sorted(p.name for p in again.site_dir.iterdir() if p.name.startswith(".")) == [
        ".giu-lai"
    ]
    assert outputs(again.site_dir) == outputs(uncached_build(project, "fresh").site_dir)


def test_kept_pages_are_not_announced_as_skipped(project: Path) -> None:
    serve_build(project, "one")
    notices: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            notices.append(record.getMessage())

    handler = Collect(logging.INFO)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        again = serve_build(project, "one")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert len(news_plugin(again).site.shortcuts.previous.kept) > 10
    assert not [notice for notice in notices if notice.startswith("Page skipped")]


def test_rebuild_after_a_failed_one_writes_every_page(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    template = project / "overrides/partials/copyright.html"
    template.parent.mkdir(parents=True)
    template.write_text("<p>Chân trang</p>\n", encoding="utf-8")
    serve_build(project, "one")
    template.write_text("<p>{% if %}</p>\n", encoding="utf-8")
    with pytest.raises(TemplateSyntaxError):
        serve_build(project, "one")
    template.write_text("<p>Chân trang đã sửa</p>\n", encoding="utf-8")
    again = serve_build(project, "one")
    assert not news_plugin(again).site.shortcuts.previous.kept
    assert "Chân trang đã sửa" in again.read(POST_PAGE)
    assert_same_as_fresh(project, again)
