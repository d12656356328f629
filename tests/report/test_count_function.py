"""count_period on posts read by the news loader, whatever state the loader gave them."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from trangxa.core.dates import VN_TZ
from trangxa.news.collect import assign_urls, collect_posts
from trangxa.report.count import count_period, to_json_dict
from trangxa.report.periods import parse_period

from tests.report.cli import BOUNDARIES

CATEGORIES = ["Tin tức", "Thông báo", "Cải cách hành chính"]


def test_collection_read_long_ago_is_counted_by_as_of_not_by_its_states() -> None:
    # Read as of 2020 every post is "scheduled"; counting as of 30/06/2025 still sees them,
    # and the draft stays out.
    collection = collect_posts(
        BOUNDARIES / "posts", BOUNDARIES, CATEGORIES, datetime(2020, 1, 1, tzinfo=VN_TZ)
    )
    assert collection.published == [] and len(collection.scheduled) == 13
    as_of = datetime(2025, 6, 30, 23, 59, 59, tzinfo=VN_TZ)
    count = count_period(collection, None, parse_period("2024", "nd09"), as_of, CATEGORIES)
    assert count.total == 11
    assert count.by_category == {"Tin tức": 3, "Thông báo": 4, "Cải cách hành chính": 5}
    assert "posts/2024/ban-nhap.md" not in [item.source for item in count.items]


def test_categories_configured_in_nfd_are_matched_after_nfc() -> None:
    collection = collect_posts(
        BOUNDARIES / "posts", BOUNDARIES, CATEGORIES, datetime(2025, 6, 30, tzinfo=VN_TZ)
    )
    decomposed = [unicodedata.normalize("NFD", name) for name in CATEGORIES]
    as_of = datetime(2025, 6, 30, tzinfo=VN_TZ)
    assert decomposed != CATEGORIES
    count = count_period(collection, None, parse_period("2024-Q2", "nd09"), as_of, decomposed)
    assert count.by_category == {"Tin tức": 1, "Thông báo": 0, "Cải cách hành chính": 2}


def test_items_without_site_url_keep_site_relative_addresses() -> None:
    collection = collect_posts(
        BOUNDARIES / "posts", BOUNDARIES, CATEGORIES, datetime(2025, 6, 30, tzinfo=VN_TZ)
    )
    assign_urls(collection.published, "tin-tuc", collection.urls)
    as_of = datetime(2025, 6, 30, tzinfo=VN_TZ)
    count = count_period(collection, None, parse_period("2024-Q3", "nd09"), as_of, CATEGORIES)
    data = to_json_dict(count, include_items=True)
    assert [item["url"] for item in data["posts"]["items"]] == [
        "tin-tuc/2024/thong-bao-soan-tren-windows/",
        "tin-tuc/2024/bai-trong-thu-muc-con/",
    ]
    assert "items" not in to_json_dict(count, include_items=False)["posts"]
