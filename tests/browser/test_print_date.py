"""The print date of posts and procedure sheets is the day in Vietnam, whatever the device says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from selenium import webdriver

from .clock import pinned_clock
from .pages import PAGES, Page

pytestmark = pytest.mark.browser

PRINTED = [page for page in PAGES if page.printed]
STAMPED = """
window.dispatchEvent(new Event("beforeprint"));
return [...document.querySelectorAll("[data-tx-print-date]")]
  .map((element) => element.textContent.trim());
"""

# Moments around the hours when the day in Vietnam (UTC+7) is not the day in UTC.
MOMENTS = [
    (datetime(2026, 6, 30, 16, 59, tzinfo=UTC), "30/06/2026"),
    (datetime(2026, 6, 30, 17, 0, tzinfo=UTC), "01/07/2026"),
    (datetime(2026, 6, 30, 20, 15, tzinfo=UTC), "01/07/2026"),
    (datetime(2026, 12, 31, 23, 59, tzinfo=UTC), "01/01/2027"),
    (datetime(2027, 1, 1, 3, 0, tzinfo=UTC), "01/01/2027"),
]


@pytest.mark.parametrize("page", PRINTED, ids=[page.name for page in PRINTED])
@pytest.mark.parametrize(("moment", "expected"), MOMENTS, ids=[m.isoformat() for m, _ in MOMENTS])
def test_print_date_is_vietnam_time(
    page: Page, moment: datetime, expected: str, base_url: str, chromium: webdriver.Chrome
) -> None:
    with pinned_clock(chromium, moment):
        chromium.get(page.url(base_url))
        stamps = chromium.execute_script(STAMPED)
        scripts = chromium.execute_script(
            "return [...document.scripts].map((s) => s.src).filter((s) => s.includes('print'));"
        )
    assert stamps == [expected]
    assert len(scripts) == 1 and scripts[0].endswith("assets/trangxa/print-date.js")
