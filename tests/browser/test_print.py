"""Printed posts and procedures: the content, the page's address and the print date, no clutter."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from selenium import webdriver

from .clock import pinned_clock
from .harness import pdf_text, print_to_pdf
from .pages import PAGES, Page

pytestmark = pytest.mark.browser

PRINTED = [page for page in PAGES if page.printed]

# What belongs to the site around the content: menus, search, footer, links to other posts.
CLUTTER = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-search",
    ".md-footer",
    ".md-top",
    ".md-skip",
    ".tx-post__nav",
    "[data-tx-print]",
)

# Printed in the evening in UTC, already the next day in Vietnam: the sheet says the latter.
PRINTED_AT = datetime(2026, 6, 30, 17, 30, tzinfo=UTC)
PRINT_DATE = "01/07/2026"

# Text of the clutter that the content itself does not also say, so finding it in the
# PDF can only mean the clutter was printed.
_CLUTTER_TEXT = """
const selectors = arguments[0];
const content = document.querySelector(".md-content").innerText;
const texts = new Set();
for (const element of document.querySelectorAll(selectors.join(","))) {
  for (const part of element.textContent.split("\\n")) {
    const text = part.trim();
    if (text.length >= 4 && !content.includes(text)) texts.add(text);
  }
  if (element.placeholder) texts.add(element.placeholder);
}
return [...texts];
"""

_SHOWN_IN_PRINT = """
const shown = [];
for (const element of document.querySelectorAll(arguments[0].join(","))) {
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  if (box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.opacity !== "0") {
    shown.push(element.tagName.toLowerCase() + "." + String(element.className).split(" ").join("."));
  }
}
return shown;
"""


def squeeze(text: str) -> str:
    """Text without any whitespace: PDF lines break long addresses anywhere."""
    return "".join(text.split())


@pytest.mark.parametrize("page", PRINTED, ids=[page.name for page in PRINTED])
def test_print_shows_address_and_print_date(
    page: Page, base_url: str, chromium: webdriver.Chrome
) -> None:
    with pinned_clock(chromium, PRINTED_AT):
        pdf = print_to_pdf(chromium, page.url(base_url))
    address = chromium.execute_script('return document.querySelector("link[rel=canonical]").href')
    text = squeeze(pdf_text(pdf))
    assert address.endswith(page.path), address
    assert squeeze(address) in text, f"Bản in của {page.path} thiếu địa chỉ trang {address}"
    assert PRINT_DATE in text, f"Bản in của {page.path} thiếu ngày in {PRINT_DATE}"


@pytest.mark.parametrize("page", PRINTED, ids=[page.name for page in PRINTED])
def test_print_leaves_out_menus_search_and_footer(
    page: Page, base_url: str, chromium: webdriver.Chrome
) -> None:
    pdf = print_to_pdf(chromium, page.url(base_url))
    # Read the page as the printer sees it: the content with its print-only header.
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = chromium.execute_script(_SHOWN_IN_PRINT, list(CLUTTER))
        clutter = chromium.execute_script(_CLUTTER_TEXT, list(CLUTTER))
    finally:
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not shown, f"Khi in, {page.path} vẫn hiện: {shown}"
    # The footer's agency lines must be among what is looked for, or the check is empty.
    assert any("Chịu trách nhiệm" in text for text in clutter), clutter
    flat_text = " ".join(pdf_text(pdf).split())
    printed = [item for item in clutter if " ".join(item.split()) in flat_text]
    assert not printed, f"Bản in của {page.path} còn phần thừa của trang: {printed}"
