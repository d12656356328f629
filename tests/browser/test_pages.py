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
    failed_requests,
    hidden_sideways,
    outside_resources,
    page_scroll_width,
    pdf_page_count,
    pdf_text,
    print_to_pdf,
    run_axe,
    vnu_messages_by_file,
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


def test_every_built_page_is_valid_html(
    site_dir: Path, built_pages: list[Path], vnu_messages: list[dict[str, Any]]
) -> None:
    assert built_pages, f"Bản dựng {site_dir} không có trang HTML nào"
    by_file = vnu_messages_by_file(vnu_messages)
    unknown = sorted(set(by_file) - {path.resolve() for path in built_pages})
    assert not unknown, f"vnu báo lỗi cho tệp ngoài bản dựng: {unknown}"
    # One line per distinct problem: a template fault shows once, not once per page.
    places_per_problem: dict[str, list[tuple[str, object]]] = {}
    for path, errors in sorted(by_file.items()):
        name = str(path.relative_to(site_dir.resolve()))
        for error in errors:
            places = places_per_problem.setdefault(str(error.get("message")), [])
            places.append((name, error.get("lastLine", "?")))
    report = [
        f"{len({name for name, _ in places})} trang, ví dụ {places[0][0]} dòng {places[0][1]}: "
        f"{problem}"
        for problem, places in places_per_problem.items()
    ]
    assert not report, f"{len(by_file)}/{len(built_pages)} trang có lỗi HTML:\n" + "\n".join(report)


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


@by_name(PAGES)
def test_no_request_fails_on_load(page: Page, base_url: str, chromium: webdriver.Chrome) -> None:
    failed = failed_requests(chromium, page.url(base_url))
    assert not failed, f"{page.path or '/'} có yêu cầu lỗi khi tải: {'; '.join(failed)}"


# The pages citizens read on phones: every field must be on screen without swiping sideways.
FIELD_PAGES = ("post-with-table", "post-with-figure", "procedures-index", "procedure", "statistics")


@by_name([page for page in PAGES if page.name in FIELD_PAGES])
def test_every_field_on_screen_on_phone(
    page: Page, base_url: str, chromium: webdriver.Chrome
) -> None:
    hidden = hidden_sideways(chromium, page.url(base_url), PHONE_WIDTH)
    assert not hidden, f"{page.path} ở {PHONE_WIDTH}px: {'; '.join(hidden[:8])}"


def test_every_statistics_column_on_screen_on_desktop(
    base_url: str, chromium: webdriver.Chrome
) -> None:
    url = base_url + "thong-ke/"
    hidden = hidden_sideways(chromium, url, 1280)
    assert not hidden, f"thong-ke/ ở 1280px: {'; '.join(hidden[:8])}"
    # Every period of a year has its column: four quarters, two halves, nine months, the year.
    headings = chromium.find_elements(By.CSS_SELECTOR, ".tx-report-table thead th")
    assert len(headings) >= 9


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
