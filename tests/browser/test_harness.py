"""The browser helpers catch the faults they exist for, on small hand-written pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from .harness import (
    outside_resources,
    page_scroll_width,
    pdf_page_count,
    pdf_page_sizes,
    pdf_text,
    print_to_pdf,
    run_axe,
    run_vnu,
    serve_folder,
    vnu_messages_for,
)

pytestmark = pytest.mark.browser

HEAD = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
HEADING = "Thủ tục đăng ký khai sinh"
PARAGRAPH = (
    "Người đi đăng ký nộp tờ khai và giấy chứng sinh tại Trung tâm Phục vụ hành chính công "
    "xã Hòa An; công chức tư pháp - hộ tịch kiểm tra và ghi vào sổ hộ tịch."
)
PAGES = {
    "good.html": (
        f'<!DOCTYPE html><html lang="vi"><head>{HEAD}<title>{HEADING}</title></head>'
        f"<body><main><h1>{HEADING}</h1><p>{PARAGRAPH}</p></main></body></html>"
    ),
    "no-alt.html": (
        f"<!DOCTYPE html><html><head>{HEAD}<title>Ảnh</title></head>"
        '<body><main><h1>Ảnh</h1><img src="data:," width="10" height="10"></main></body></html>'
    ),
    "invalid.html": (
        f'<!DOCTYPE html><html lang="vi"><head>{HEAD}</head>'
        "<body><ul><p>Sai chỗ</p></ul></body></html>"
    ),
    "wide.html": (
        f'<!DOCTYPE html><html lang="vi"><head>{HEAD}<title>Bảng</title></head>'
        '<body><main><h1>Bảng</h1><div class="wide" style="width: 600px">'
        f"{PARAGRAPH}</div></main></body></html>"
    ),
    "outside.html": (
        f'<!DOCTYPE html><html lang="vi"><head>{HEAD}<title>Ngoài</title>'
        '<link rel="stylesheet" href="https://fonts.example.com/font.css"></head>'
        '<body><main><h1>Ngoài</h1><img src="https://images.example.com/anh.png" alt="Ảnh">'
        '<img src="good.html" alt="Ảnh nội bộ"></main></body></html>'
    ),
    "wide-table-in-scroller.html": (
        f'<!DOCTYPE html><html lang="vi"><head>{HEAD}<title>Bảng cuộn</title></head>'
        '<body><main><h1>Bảng cuộn</h1><div style="overflow-x: auto" tabindex="0">'
        f'<div style="width: 900px">{PARAGRAPH}</div></div></main></body></html>'
    ),
    "long.html": (
        f'<!DOCTYPE html><html lang="vi"><head>{HEAD}<title>{HEADING}</title></head>'
        f"<body><main><h1>{HEADING}</h1>{f'<p>{PARAGRAPH}</p>' * 120}</main></body></html>"
    ),
}


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("harness-pages")
    for name, html in PAGES.items():
        (folder / name).write_text(html, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def pages_url(pages_dir: Path) -> Iterator[str]:
    with serve_folder(pages_dir) as url:
        yield url


def test_axe_passes_a_clean_page(pages_url: str, chromium: webdriver.Chrome) -> None:
    assert run_axe(chromium, pages_url + "good.html") == []


def test_axe_reports_missing_alt_text_and_language(
    pages_url: str, chromium: webdriver.Chrome
) -> None:
    violations = {v["id"]: v for v in run_axe(chromium, pages_url + "no-alt.html")}
    assert {"image-alt", "html-has-lang"} <= violations.keys()
    assert violations["image-alt"]["impact"] == "critical"
    assert violations["image-alt"]["nodes"][0]["target"] == ["img"]


def test_vnu_reports_errors_only_in_the_broken_file(pages_dir: Path) -> None:
    good, invalid = pages_dir / "good.html", pages_dir / "invalid.html"
    messages = run_vnu([good, invalid])
    assert vnu_messages_for(messages, good) == []
    errors = vnu_messages_for(messages, invalid)
    assert errors, "vnu phải báo lỗi cho trang thiếu <title> và <p> nằm trong <ul>"
    assert all(m["type"] == "error" for m in errors)
    assert any("title" in m["message"] for m in errors)


def test_wide_element_scrolls_sideways_on_a_phone_only(
    pages_url: str, chromium: webdriver.Chrome
) -> None:
    phone = page_scroll_width(chromium, pages_url + "wide.html")
    assert phone.client_width == 375
    assert phone.scrolls_sideways
    assert phone.scroll_width >= 600
    assert any(name.startswith("div.wide") for name in phone.too_wide)
    desktop = page_scroll_width(chromium, pages_url + "wide.html", width=1024)
    assert not desktop.scrolls_sideways
    assert not page_scroll_width(chromium, pages_url + "good.html").scrolls_sideways
    scroller = page_scroll_width(chromium, pages_url + "wide-table-in-scroller.html")
    assert not scroller.scrolls_sideways


def test_pdf_keeps_vietnamese_text_and_counts_pages(
    pages_url: str, chromium: webdriver.Chrome
) -> None:
    short = print_to_pdf(chromium, pages_url + "good.html")
    long = print_to_pdf(chromium, pages_url + "long.html")
    assert short.startswith(b"%PDF-")
    assert pdf_page_count(short) == 1
    assert pdf_page_count(long) > 1
    # A4 is 210 x 297 mm: 595.3 x 841.9 points; Chromium rounds to whole device pixels.
    for width, height in pdf_page_sizes(long):
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1
    text = " ".join(pdf_text(short).split())
    assert HEADING in text
    assert "Trung tâm Phục vụ hành chính công xã Hòa An" in text


def test_resources_from_other_sites_are_listed(pages_url: str, chromium: webdriver.Chrome) -> None:
    assert outside_resources(chromium, pages_url + "good.html") == []
    assert outside_resources(chromium, pages_url + "outside.html") == [
        "https://fonts.example.com/font.css",
        "https://images.example.com/anh.png",
    ]
