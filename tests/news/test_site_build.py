"""Real builds of the basic fixture site: pages, listings, archives, home page."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.sitebuild import BuildResult, build_site, copy_fixture


def add_scheduled_post(project: Path) -> None:
    """A post dated a year ahead of whenever the test runs."""
    ahead = date.today() + timedelta(days=365)
    (project / "posts/2023/hen-gio.md").write_text(
        "---\ntitle: Bài hẹn giờ đăng\n"
        f"date: {ahead.isoformat()}\ncategories: [Thông báo]\n---\n\nBài chưa đến ngày đăng.\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_fixture("news/fixtures/basic", tmp_path_factory.mktemp("basic"))
    add_scheduled_post(project)
    return build_site(project)


def test_strict_build_passes_without_warnings(built: BuildResult) -> None:
    assert built.messages == []


def test_title_starting_with_d_stroke_gets_ascii_url(built: BuildResult) -> None:
    page = built.site_dir / "tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/index.html"
    assert page.is_file()
    assert "Đăng ký khai sinh trực tuyến" in page.read_text(encoding="utf-8")


def test_every_published_post_has_a_page(built: BuildResult) -> None:
    for path in (
        "tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/index.html",
        "tin-tuc/2024/thong-bao-lich-tiep-cong-dan-quy-ii/index.html",
        "tin-tuc/2024/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024/index.html",
        "tin-tuc/2023/hop-thon-cuoi-nam/index.html",
    ):
        assert (built.site_dir / path).is_file(), path


def test_drafts_and_future_posts_are_nowhere_in_the_build(built: BuildResult) -> None:
    for path in built.site_dir.rglob("*"):
        if path.suffix in {".html", ".xml", ".json"}:
            text = path.read_text(encoding="utf-8")
            assert "Bài đang viết dở" not in text, path
            assert "Bài hẹn giờ đăng" not in text, path
    assert not (built.site_dir / "tin-tuc/2023/bai-dang-viet-do").exists()
    assert not list(built.site_dir.glob("tin-tuc/*/bai-hen-gio-dang"))


def test_posts_stay_out_of_the_navigation(built: BuildResult) -> None:
    page = built.read("index.html")
    nav = page[page.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "Họp thôn cuối năm" not in nav
    assert "tin-tuc/2023/hop-thon-cuoi-nam" not in nav


def test_post_page_shows_date_categories_tags_reading_time_print(built: BuildResult) -> None:
    page = built.read("tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/index.html")
    assert "Ngày 15 tháng 3 năm 2024" in page
    assert 'datetime="2024-03-15T08:30:00+07:00"' in page
    assert re.search(r'href="\.\./\.\./chuyen-muc/cai-cach-hanh-chinh/"', page)
    assert re.search(r'href="\.\./\.\./the/ho-tich/"', page)
    assert "Thời gian đọc khoảng 1 phút" in page
    assert "data-tx-print" in page and "In bài viết" in page


def test_previous_and_next_follow_dates(built: BuildResult) -> None:
    page = built.read("tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/index.html")
    newer = re.search(r'class="tx-post__newer" href="([^"]+)"', page)
    older = re.search(r'class="tx-post__older" href="([^"]+)"', page)
    assert newer and newer.group(1) == "../thong-bao-lich-tiep-cong-dan-quy-ii/"
    assert older and older.group(1) == "../ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024/"


def test_attachment_is_copied_and_listed_with_type_and_size(built: BuildResult) -> None:
    url = "tin-tuc/2024/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024/"
    copied = built.site_dir / url / "ke-hoach-2024.pdf"
    assert copied.read_bytes().startswith(b"%PDF")
    page = built.read(url + "index.html")
    size = copied.stat().st_size
    assert re.search(
        rf'<a href="ke-hoach-2024.pdf">ke-hoach-2024.pdf</a>.*\(PDF, {size} byte\)', page
    )


def test_news_index_is_paginated_newest_first(built: BuildResult) -> None:
    first = built.read("tin-tuc/index.html")
    second = built.read("tin-tuc/trang/2/index.html")
    titles = re.findall(r'class="tx-card__title"><a href="[^"]+">([^<]+)</a>', first + second)
    assert titles == [
        "Thông báo: lịch tiếp công dân quý II",
        "Đăng ký khai sinh trực tuyến",
        "Kế hoạch tuyên truyền cải cách hành chính năm 2024",
        "Họp thôn cuối năm",
    ]
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert not (built.site_dir / "tin-tuc/trang/3").exists()


def test_category_pages_list_their_posts_only(built: BuildResult) -> None:
    page = built.read("tin-tuc/chuyen-muc/cai-cach-hanh-chinh/index.html")
    assert "Đăng ký khai sinh trực tuyến" in page
    assert "Kế hoạch tuyên truyền cải cách hành chính năm 2024" in page
    assert "Họp thôn cuối năm" not in page


def test_archives_by_year_and_quarter(built: BuildResult) -> None:
    year = built.read("tin-tuc/luu-tru/2024/index.html")
    assert "Năm 2024" in year and "Quý I/2024" in year and "Quý II/2024" in year
    q1 = built.read("tin-tuc/luu-tru/2024/quy-1/index.html")
    assert "Đăng ký khai sinh trực tuyến" in q1
    assert "Thông báo: lịch tiếp công dân quý II" not in q1
    # 23:30 on 31/12/2023 Vietnam time is still 2023, quarter IV.
    q4 = built.read("tin-tuc/luu-tru/2023/quy-4/index.html")
    assert "Họp thôn cuối năm" in q4
    overview = built.read("tin-tuc/luu-tru/index.html")
    assert "Quý IV/2023" in overview


def test_tag_pages(built: BuildResult) -> None:
    page = built.read("tin-tuc/the/ho-tich/index.html")
    assert "Đăng ký khai sinh trực tuyến" in page
    assert "Kế hoạch tuyên truyền cải cách hành chính năm 2024" in page
    assert "Họp thôn cuối năm" not in page


def test_home_page_has_latest_news_and_cchc(built: BuildResult) -> None:
    page = built.read("index.html")
    latest = page[page.index('id="tx-home-latest"') : page.index('id="tx-home-cchc"')]
    cchc = page[page.index('id="tx-home-cchc"') :]
    assert "Họp thôn cuối năm" in latest
    assert "Họp thôn cuối năm" not in cchc
    assert "Đăng ký khai sinh trực tuyến" in cchc


def test_header_and_footer_come_from_mkdocs_yml(built: BuildResult) -> None:
    page = built.read("tin-tuc/index.html")
    assert "Ủy ban nhân dân xã Thử Nghiệm" in page
    assert "Ủy ban nhân dân tỉnh Thử" in page
    assert "Bà Lê Thị Hoa, Chủ tịch UBND xã" in page
    assert "Thôn Một, xã Thử Nghiệm" in page
    assert "0123 456 789" in page
    assert "mailto:ubnd@thunghiem.example.gov.vn" in page


def test_sitemap_lists_published_posts(built: BuildResult) -> None:
    sitemap = built.read("sitemap.xml")
    assert "https://thunghiem.example.gov.vn/tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/" in sitemap
    assert "hen-gio" not in sitemap and "bai-hen-gio-dang" not in sitemap


def test_each_post_is_converted_once(tmp_path: Path) -> None:
    from markdown import Extension
    from markdown.preprocessors import Preprocessor

    seen: list[str] = []

    class Record(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            seen.append("\n".join(lines))
            return lines

    class RecordExtension(Extension):
        def extendMarkdown(self, md):  # type: ignore[no-untyped-def]
            md.preprocessors.register(Record(md), "record", 100)

    project = copy_fixture("news/fixtures/basic", tmp_path)
    result = build_site(project, extensions=[RecordExtension()])
    for phrase in ("người dân đăng ký khai sinh", "tiếp công dân vào thứ Năm", "họp tổng kết"):
        assert len([text for text in seen if phrase in text]) == 1, phrase
    pages = list(result.site_dir.rglob("index.html"))
    # Listings and the archive are written from their template alone; every other page is
    # converted once.
    generated = result.config.plugins["trangxa-news"].pages.by_src
    assert len(generated) > 5
    assert len(seen) == len(pages) - len(generated)
    assert not [text for text in seen if text.startswith("# Thẻ:")]
