"""The search index loads when a citizen opens the search box, and only then."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

from .harness import serve_folder

pytestmark = pytest.mark.browser

WAIT_SECONDS = 30
# What every query needs, fetched by Pagefind's script in the search worker: the script, the
# list of languages, the index's word ranges (pagefind.<language>_<hash>.pf_meta), its wasm.
NEEDED = (
    ("/pagefind/pagefind.js", ""),
    ("/pagefind/pagefind-entry.json", ""),
    ("/pagefind/pagefind.", ".pf_meta"),
    ("/pagefind/wasm.", ".pagefind"),
    # The newest shard of the index of post texts, asked first when the first index finds
    # few pages: its list of languages and word ranges.
    ("/pagefind-body/0/pagefind-entry.json", ""),
    ("/pagefind-body/0/pagefind.", ".pf_meta"),
)


@pytest.fixture()
def asked(site_dir: Path) -> Iterator[tuple[str, list[str]]]:
    """The sample served afresh, with the paths the browser asks for."""
    seen: list[str] = []
    with serve_folder(site_dir, seen) as url:
        yield url, seen


def pagefind_paths(seen: list[str]) -> list[str]:
    return [path for path in seen if path.startswith(("/pagefind/", "/pagefind-body/"))]


def open_fresh(driver: webdriver.Chrome, url: str) -> None:
    """Load the page with nothing cached, and wait until its scripts have started the worker."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get(url)
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.execute_script("return document.readyState === 'complete'")
    )


@contextmanager
def search_opened_on_a_phone(chromium: webdriver.Chrome, url: str) -> Iterator[WebElement]:
    """The page loaded afresh at a phone's width, its search box opened from the header:
    the box."""
    chromium.set_window_size(375, 740)
    try:
        open_fresh(chromium, url)
        chromium.find_element(By.CSS_SELECTOR, "header label[for='__search']").click()
        yield chromium.find_element(By.CSS_SELECTOR, "input[data-md-component='search-query']")
    finally:
        chromium.set_window_size(1280, 900)


def test_opening_the_search_box_loads_what_every_query_needs(
    chromium: webdriver.Chrome, asked: tuple[str, list[str]]
) -> None:
    url, seen = asked
    with search_opened_on_a_phone(chromium, url) as box:
        WebDriverWait(chromium, WAIT_SECONDS).until(
            lambda d: all(
                any(p.startswith(start) and p.endswith(end) for p in pagefind_paths(seen))
                for start, end in NEEDED
            )
        )
        assert box.get_attribute("value") == ""
        # Word lists and page texts wait for a query.
        assert not [p for p in pagefind_paths(seen) if "/index/" in p or "/fragment/" in p]


def test_a_page_where_nobody_searches_loads_no_index(
    chromium: webdriver.Chrome, asked: tuple[str, list[str]]
) -> None:
    url, seen = asked
    open_fresh(chromium, url)
    # Time for any script that would load the index on its own to have asked for it.
    chromium.execute_async_script("setTimeout(arguments[arguments.length - 1], 2000)")
    assert any(path.endswith(".js") for path in seen)
    assert pagefind_paths(seen) == []


def test_words_typed_in_full_load_their_index_parts_while_typing_goes_on(
    chromium: webdriver.Chrome, asked: tuple[str, list[str]]
) -> None:
    url, seen = asked
    with search_opened_on_a_phone(chromium, url) as box:
        WebDriverWait(chromium, WAIT_SECONDS).until(
            lambda d: any(p.endswith(".pf_meta") for p in pagefind_paths(seen))
        )
        query = "đăng ký khai sinh"
        # Keys a little apart, as a citizen types, but closer than the pause after which the
        # worker searches: only the words typed in full can have been asked for meanwhile.
        for key in query[:-1]:
            box.send_keys(key)
            chromium.execute_async_script("setTimeout(arguments[arguments.length - 1], 60)")
        while_typing = [p for p in pagefind_paths(seen) if p.startswith("/pagefind/index/")]
        box.send_keys(query[-1])
        assert while_typing, "no part of the index was asked for before the last key"
        # The second index is left for the queries that need it.
        assert not [p for p in pagefind_paths(seen) if p.startswith("/pagefind-body/0/index/")]
