"""Hostile text in every field, built for real: nothing it holds runs or becomes an element."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException

from tests.security.corpus import HOSTILE, HOSTILE_FILE_NAME, write_hostile_site

from .harness import build_site, serve_folder
from .test_search import search

pytestmark = pytest.mark.browser

# Anything an injected payload would have left behind, read from the loaded page.
_TRACES = """
const found = [...document.querySelectorAll('[id^="pwned"]')].map((e) => e.outerHTML);
const links = [...document.querySelectorAll('a[href]')]
  .filter((a) => a.href.trim().toLowerCase().startsWith('javascript:'))
  .map((a) => a.outerHTML);
return {pwned: window.__pwned === undefined ? null : window.__pwned, found, links};
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    config = write_hostile_site(root)
    return build_site(config, root / "site")


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with serve_folder(hostile_site) as url:
        yield url


def _traces(driver: webdriver.Chrome) -> dict[str, object]:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        pass
    else:
        text = alert.text
        alert.dismiss()
        return {"alert": text}
    traces: dict[str, object] = driver.execute_script(_TRACES)
    return traces


def test_every_page_of_a_hostile_site_runs_nothing(
    hostile_site: Path, hostile_url: str, chromium: webdriver.Chrome
) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    # The post, its listings, the procedure pages, the archive, the changes and the report.
    assert len(pages) >= 15
    bad = {}
    for page in pages:
        relative = page.relative_to(hostile_site).as_posix()
        chromium.get(hostile_url + relative)
        traces = _traces(chromium)
        if traces.get("alert") or traces.get("pwned") or traces.get("found") or traces.get("links"):
            bad[relative] = traces
    assert not bad, f"Mã chèn vào đã chạy hoặc tạo phần tử: {bad}"


def test_the_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    post = next((hostile_site / "tin-tuc" / "2025").glob("thong-bao-*/index.html")).read_text("utf-8")
    # Escaped once: the reader sees the characters staff typed, not entities.
    assert "&lt;img src=x id=pwned-img" in post
    assert "&amp;lt;img src=x id=pwned-entity" in post
    assert "&amp;amp;" not in post
    procedure = (hostile_site / "thu-tuc" / "moi" / "index.html").read_text("utf-8")
    assert "<title>Đăng ký Tin &lt;img src=x id=pwned-img" in procedure
    assert '<meta name="description" content="Thủ tục Đăng ký Tin &lt;img' in procedure


def test_the_hostile_attachment_is_linked_escaped(
    hostile_site: Path, hostile_url: str, chromium: webdriver.Chrome
) -> None:
    page = next((hostile_site / "tin-tuc" / "2025").glob("thong-bao-*/index.html"))
    chromium.get(hostile_url + page.relative_to(hostile_site).as_posix())
    names = chromium.execute_script(
        "return [...document.querySelectorAll('.tx-attachments a')].map((a) => a.textContent)"
    )
    assert names == [HOSTILE_FILE_NAME]
    assert _traces(chromium) == {"pwned": None, "found": [], "links": []}


def test_search_results_of_hostile_text_run_nothing(
    hostile_url: str, chromium: webdriver.Chrome
) -> None:
    results = search(chromium, hostile_url, "pwned")
    assert results.items, "Tìm chữ có trong mọi trang mà không ra kết quả"
    assert _traces(chromium) == {"pwned": None, "found": [], "links": []}


def test_feeds_carry_the_hostile_text_as_text(hostile_site: Path) -> None:
    feeds = sorted(hostile_site.rglob("rss.xml"))
    assert feeds
    for feed_path in feeds:
        feed = feedparser.parse(feed_path.read_bytes())
        assert not feed.bozo, feed_path
        # The text comes back exactly as typed: it was written as text, not as elements.
        assert any(HOSTILE in entry.title for entry in feed.entries), feed_path
        tags = {element.tag for element in ElementTree.parse(feed_path).iter()}
        assert not tags & {"img", "svg", "script", "a"}, (feed_path, tags)
