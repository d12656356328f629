"""The sample site with the keyboard alone: every link and control reached, focus always visible."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from .pages import PAGES, Page

pytestmark = pytest.mark.browser

# Enough for the longest tab cycle of the pages below (the home page has about 45 stops).
MAX_TABS = 250
PHONE_WIDTH = 375

# Marks the focused element and describes how it shows focus, as the browser computes it.
_FOCUSED = """
const element = document.activeElement;
if (!element || element === document.body || element === document.documentElement) return null;
element.setAttribute("data-tx-reached", "");
const style = getComputedStyle(element);
const box = element.getBoundingClientRect();
const transparent = (colour) => /^rgba\\(.*,\\s*0\\)$/.test(colour) || colour === "transparent";
const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
  && !transparent(style.outlineColor);
const shadow = style.boxShadow !== "none";
const inView = box.bottom > 0 && box.right > 0
  && box.top < innerHeight && box.left < document.documentElement.clientWidth;
const label = (element.getAttribute("href") || element.getAttribute("for") || "")
  + " " + (element.textContent || element.getAttribute("aria-label") || "").trim().slice(0, 40);
return {
  name: element.tagName.toLowerCase() + (element.className ? "." + String(element.className).trim().split(/\\s+/).join(".") : "") + " " + label,
  marked: element.hasAttribute("data-tx-seen"),
  ring: outline || shadow,
  shown: box.width > 0 && box.height > 0 && style.visibility === "visible" && inView,
};
"""

# Links and controls a sighted keyboard user can see and should be able to reach.
_VISIBLE_CONTROLS = """
const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
  + "[tabindex]:not([tabindex='-1'])";
const missed = [];
for (const element of document.querySelectorAll(selector)) {
  if (element.hasAttribute("data-tx-reached") || element.disabled) continue;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  if (box.width === 0 || box.height === 0 || style.visibility !== "visible") continue;
  if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
  if (element.closest("[hidden], [inert], [aria-hidden=true]")) continue;
  missed.push(element.tagName.toLowerCase() + " " + (element.getAttribute("href") || "")
    + " " + (element.textContent || "").trim().slice(0, 40));
}
return missed;
"""


# True when focus is on a link of the open menu that lies fully on screen.
_IN_OPEN_MENU = """
const element = document.activeElement;
const box = element.getBoundingClientRect();
return !!element.closest(".md-sidebar--primary") && box.width > 0 && box.left >= 0
  && box.right <= document.documentElement.clientWidth;
"""


def press(driver: webdriver.Chrome, key: str) -> None:
    """Press a key on whatever has focus, as a person would."""
    ActionChains(driver).send_keys(key).perform()


def tab_through(driver: webdriver.Chrome, url: str) -> list[dict[str, Any]]:
    """Load a page and press Tab until focus has visited every stop once."""
    driver.get(url)
    stops: list[dict[str, Any]] = []
    for _ in range(MAX_TABS):
        press(driver, Keys.TAB)
        stop = driver.execute_script(_FOCUSED)
        if stop is None:
            # Focus left the page for the browser's own controls: the cycle is complete.
            if stops:
                break
            continue
        if stop["marked"]:
            break
        driver.execute_script('document.activeElement.setAttribute("data-tx-seen", "")')
        stops.append(stop)
    else:
        pytest.fail(f"Sau {MAX_TABS} lần Tab tiêu điểm vẫn chưa đi hết một vòng trên {url}")
    return stops


@contextmanager
def phone(driver: webdriver.Chrome) -> Iterator[None]:
    """Emulate a 375 px wide phone for the pages loaded inside."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE_WIDTH, "height": 812, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


KEYBOARD_PAGES = [
    page
    for page in PAGES
    if page.name in {"home", "post-with-table", "procedures-index", "procedure", "statistics"}
]


@pytest.mark.parametrize("page", KEYBOARD_PAGES, ids=[page.name for page in KEYBOARD_PAGES])
def test_tab_reaches_every_visible_link_and_shows_focus(
    page: Page, base_url: str, chromium: webdriver.Chrome
) -> None:
    stops = tab_through(chromium, page.url(base_url))
    assert len(stops) >= 10, f"Chỉ {len(stops)} điểm dừng Tab trên {page.path or '/'}"
    hidden = [stop["name"] for stop in stops if not stop["shown"]]
    assert not hidden, f"Tab dừng ở phần tử không nhìn thấy trên {page.path or '/'}: {hidden}"
    no_ring = [stop["name"] for stop in stops if not stop["ring"]]
    assert not no_ring, f"Không thấy viền tiêu điểm trên {page.path or '/'}: {no_ring}"
    missed = chromium.execute_script(_VISIBLE_CONTROLS)
    assert not missed, f"Không tới được bằng Tab trên {page.path or '/'}: {missed}"


def test_phone_menu_opens_and_closes_from_the_keyboard(
    base_url: str, chromium: webdriver.Chrome
) -> None:
    with phone(chromium):
        stops = tab_through(chromium, base_url)
        hidden = [stop["name"] for stop in stops if not stop["shown"]]
        assert not hidden, f"Tab dừng ở phần tử không nhìn thấy trên điện thoại: {hidden}"
        menu = [stop for stop in stops if "label.md-header__button" in stop["name"]]
        assert menu, "Nút mở danh mục không nhận được tiêu điểm bằng Tab"
        assert all(stop["ring"] for stop in stops), "Có điểm dừng Tab không có viền tiêu điểm"

        chromium.get(base_url)
        for _ in range(MAX_TABS):
            press(chromium, Keys.TAB)
            if chromium.execute_script(
                'return document.activeElement.matches(".md-header label[for=__drawer]")'
            ):
                break
        else:
            pytest.fail("Không tới được nút mở danh mục bằng Tab")
        press(chromium, Keys.ENTER)
        assert chromium.execute_script('return document.getElementById("__drawer").checked')
        # Focus moves into the opened menu; wait for the menu to finish sliding in.
        WebDriverWait(chromium, 5).until(
            lambda driver: driver.execute_script(_IN_OPEN_MENU),
            "Sau khi mở danh mục, tiêu điểm không vào một mục nhìn thấy được của danh mục",
        )
        press(chromium, Keys.TAB)
        assert chromium.execute_script(_IN_OPEN_MENU), "Tab tiếp theo rời khỏi danh mục"
        stop = chromium.execute_script(_FOCUSED)
        assert stop["ring"], f"Không thấy viền tiêu điểm trong danh mục: {stop['name']}"
        press(chromium, Keys.ESCAPE)
        assert not chromium.execute_script('return document.getElementById("__drawer").checked')
        assert chromium.execute_script(
            'return document.activeElement.matches(".md-header label[for=__drawer]")'
        ), "Escape đóng danh mục nhưng không đưa tiêu điểm về nút mở"
