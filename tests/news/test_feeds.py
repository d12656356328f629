"""Feeds read back with feedparser, the parser feed readers use."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from tests.news.test_site_build import add_scheduled_post
from tests.sitebuild import BuildResult, build_site, copy_fixture

SITE = "https://thunghiem.example.gov.vn/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_fixture("news/fixtures/basic", tmp_path_factory.mktemp("feeds"))
    add_scheduled_post(project)
    return build_site(project)


def parse(built: BuildResult, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((built.site_dir / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


def test_site_feed_has_the_newest_items_with_all_fields(built: BuildResult) -> None:
    feed = parse(built, "tin-tuc/rss.xml")
    # feed_items is 3 in the fixture; four posts are published, newest first.
    assert [entry.title for entry in feed.entries] == [
        "Thông báo: lịch tiếp công dân quý II",
        "Đăng ký khai sinh trực tuyến",
        "Kế hoạch tuyên truyền cải cách hành chính năm 2024",
    ]
    first, second = feed.entries[0], feed.entries[1]
    url = f"{SITE}tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/"
    assert second.link == url
    assert second.id == url
    assert f'<guid isPermaLink="true">{url}</guid>' in built.read("tin-tuc/rss.xml")
    assert second.published == "Fri, 15 Mar 2024 08:30:00 +0700"
    assert [tag.term for tag in second.tags] == ["Cải cách hành chính", "Tin tức"]
    assert second.summary == "Từ tháng 3, người dân đăng ký khai sinh trên Cổng Dịch vụ công."
    assert "<h2" in second.content[0].value and "Đăng nhập bằng tài khoản VNeID" in (
        second.content[0].value
    )
    assert first.summary == "Lịch tiếp công dân của Chủ tịch UBND xã trong quý II năm 2024."
    assert feed.feed.link == f"{SITE}tin-tuc/"
    assert feed.feed.language == "vi"


def test_feed_content_links_are_absolute(built: BuildResult) -> None:
    feed = parse(built, "tin-tuc/rss.xml")
    plan = feed.entries[2].content[0].value
    assert (
        f'href="{SITE}tin-tuc/2024/ke-hoach-tuyen-truyen-cai-cach-hanh-chinh-nam-2024/ke-hoach-2024.pdf"'
        in plan
    )


def test_category_feed_has_only_its_posts(built: BuildResult) -> None:
    feed = parse(built, "tin-tuc/chuyen-muc/cai-cach-hanh-chinh/rss.xml")
    assert [entry.title for entry in feed.entries] == [
        "Đăng ký khai sinh trực tuyến",
        "Kế hoạch tuyên truyền cải cách hành chính năm 2024",
    ]
    news = parse(built, "tin-tuc/chuyen-muc/tin-tuc/rss.xml")
    assert [entry.title for entry in news.entries] == [
        "Đăng ký khai sinh trực tuyến",
        "Họp thôn cuối năm",
    ]


def test_no_draft_or_scheduled_post_in_any_feed(built: BuildResult) -> None:
    feeds = list(built.site_dir.rglob("rss.xml"))
    assert len(feeds) == 4  # the site and its three categories
    for path in feeds:
        titles = [
            entry.title for entry in parse(built, str(path.relative_to(built.site_dir))).entries
        ]
        assert "Bài đang viết dở" not in titles
        assert "Bài hẹn giờ đăng" not in titles


def test_last_build_date_is_the_newest_item(built: BuildResult) -> None:
    text = built.read("tin-tuc/rss.xml")
    assert "<lastBuildDate>Tue, 02 Apr 2024 00:00:00 +0700</lastBuildDate>" in text


def test_two_builds_give_byte_identical_feeds(built: BuildResult, tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    add_scheduled_post(project)
    again = build_site(project)
    for path in built.site_dir.rglob("rss.xml"):
        relative = path.relative_to(built.site_dir)
        assert (again.site_dir / relative).read_bytes() == path.read_bytes(), relative


def test_autodiscovery_links(built: BuildResult) -> None:
    # Feed readers take any link whose rel holds the token "alternate"; Material's script reads
    # only rel="alternate" exactly, which must not be a feed (it would fetch a sitemap beside it).
    pattern = r'<link rel="alternate feed" type="application/rss\+xml" title="([^"]+)" href="([^"]+)">'
    assert '<link rel="alternate"' not in built.read("index.html")
    home = re.findall(pattern, built.read("index.html"))
    assert home == [("Tin tức", "tin-tuc/rss.xml")]
    category = re.findall(pattern, built.read("tin-tuc/chuyen-muc/cai-cach-hanh-chinh/index.html"))
    assert ("Cải cách hành chính", "rss.xml") in category
    assert ("Tin tức", "../../rss.xml") in category
    post = re.findall(pattern, built.read("tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/index.html"))
    assert post == []


def test_a_page_may_link_to_a_feed(tmp_path: Path) -> None:
    # Feeds are files of the site like any other, so a strict build resolves a link to one.
    project = copy_fixture("news/fixtures/basic", tmp_path)
    (project / "docs/nhan-tin.md").write_text(
        "# Nhận tin\n\nTheo dõi [tin mới](tin-tuc/rss.xml) hoặc "
        "[tin cải cách hành chính](tin-tuc/chuyen-muc/cai-cach-hanh-chinh/rss.xml).\n",
        encoding="utf-8",
    )
    built = build_site(project, strict=True)
    page = built.read("nhan-tin/index.html")
    assert 'href="../tin-tuc/rss.xml"' in page
    assert 'href="../tin-tuc/chuyen-muc/cai-cach-hanh-chinh/rss.xml"' in page
    assert not any("rss.xml" in message for message in built.messages)
    assert parse(built, "tin-tuc/rss.xml").entries


def test_turning_the_news_off_between_builds_writes_no_feed(tmp_path: Path) -> None:
    # `mkdocs serve` keeps the plugin between rebuilds; the feeds of the rebuild before must
    # not come back once mkdocs.yml turns the news plugin off.
    project = copy_fixture("news/fixtures/basic", tmp_path)
    assert parse(build_site(project, site_dir=project / "on"), "tin-tuc/rss.xml").entries
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - trangxa-news:\n", "  - trangxa-news:\n      enabled: false\n"),
        encoding="utf-8",
    )
    off = build_site(project, site_dir=project / "off")
    assert (off.site_dir / "sitemap.xml").exists()
    assert not (off.site_dir / "tin-tuc/rss.xml").exists()
