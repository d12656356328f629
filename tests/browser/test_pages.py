"""The sample site's pages in a real browser: accessibility, valid HTML, phones, print."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from .harness import (
    describe_violations,
    describe_vnu,
    outside_resources,
    page_scroll_width,
    pdf_page_count,
    pdf_text,
    print_to_pdf,
    run_axe,
    vnu_messages_for,
)
from .pages import PAGES, Page

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"critical", "serious"}
PHONE_WIDTH = 375


def by_name(pages: list[Page]) -> pytest.MarkDecorator:
    """Parametrise a test over pages, with each page's name as its id."""
    return pytest.mark.parametrize("page", pages, ids=[page.name for page in pages])


@by_name(PAGES)
def test_page_is_built(page: Page, site_dir: Path) -> None:
    assert page.file(site_dir).is_file(), f"Trang {page.path!r} không có trong bản dựng"


@by_name(PAGES)
def test_no_serious_accessibility_problem(
    page: Page, base_url: str, chromium: webdriver.Chrome
) -> None:
    violations = run_axe(chromium, page.url(base_url))
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core trên {page.path or '/'}:\n{describe_violations(blocking)}"


@by_name(PAGES)
def test_html_is_valid(page: Page, site_dir: Path, vnu_messages: list[dict[str, Any]]) -> None:
    path = page.file(site_dir)
    assert path.is_file(), f"Trang {page.path!r} không có trong bản dựng"
    errors = vnu_messages_for(vnu_messages, path)
    assert not errors, f"vnu trên {page.path or '/'}:\n{describe_vnu(errors)}"


@by_name(PAGES)
def test_page_loads_nothing_from_other_sites(
    page: Page, base_url: str, chromium: webdriver.Chrome
) -> None:
    outside = outside_resources(chromium, page.url(base_url))
    assert not outside, f"{page.path or '/'} tải tài nguyên từ trang khác: {', '.join(outside)}"


@by_name(PAGES)
def test_no_sideways_scroll_on_phone(page: Page, base_url: str, chromium: webdriver.Chrome) -> None:
    width = page_scroll_width(chromium, page.url(base_url), PHONE_WIDTH)
    assert width.client_width == PHONE_WIDTH
    assert not width.scrolls_sideways, (
        f"{page.path or '/'} rộng {width.scroll_width}px trên màn hình {PHONE_WIDTH}px; "
        f"phần tử tràn: {', '.join(width.too_wide)}"
    )


def flat(text: str) -> str:
    """NFC text with every run of whitespace made one space, as PDF line breaks vary."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@by_name([page for page in PAGES if page.printed])
def test_page_prints_whole_on_a4(page: Page, base_url: str, chromium: webdriver.Chrome) -> None:
    pdf = print_to_pdf(chromium, page.url(base_url))
    title = flat(chromium.find_element(By.CSS_SELECTOR, ".md-content h1").text)
    sections = [flat(h.text) for h in chromium.find_elements(By.CSS_SELECTOR, ".md-content h2")]
    assert pdf.startswith(b"%PDF-")
    assert pdf_page_count(pdf) >= 1
    text = flat(pdf_text(pdf))
    assert title, f"{page.path or '/'} không có tiêu đề h1"
    missing = [heading for heading in [title, *sections] if heading not in text]
    assert not missing, f"Bản in của {page.path or '/'} thiếu: {missing}"
