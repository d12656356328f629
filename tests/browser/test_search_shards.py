"""Search in the shards of the index of post texts: the newest shard's posts are listed first,
as soon as it answers; older shards add theirs below; one copy of Pagefind serves them all."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait
from trangxa.core.slugs import fold

from tests.pagefind_pages import indexed_pages

from .harness import Held, serve_folder
from .test_search import (
    _RESULTS,
    _WATCH_WORKER,
    POSTS_FIXTURE,
    build_in_shards,
    page_path,
    posts_project,
    result_count,
    search,
)

pytestmark = pytest.mark.browser

WAIT_SECONDS = 30
# Posts of the site, newest first, and how many each shard holds: shard 0 holds posts 0–9,
# shard 1 posts 10–19, shard 2 posts 20–29.
POSTS = 30
SHARD_SIZE = 10
# A word in the text of every post of the newest shard, and of a few older ones.
EVERYWHERE = "mương"
EVERYWHERE_POSTS = (*range(SHARD_SIZE), 12, 25)
# A word in the text of two of the newest posts and of three of the oldest.
HARVEST = "gặt"
HARVEST_NEWEST = (0, 1)
HARVEST_OLDEST = (27, 28, 29)
# A word in one post of the newest shard, every post of the next, and one of the oldest.
CULVERT = "cống"
CULVERT_POSTS = (0, *range(SHARD_SIZE, 2 * SHARD_SIZE), 25)
# Words in the summary of five of the newest posts, which the first index holds, and in the
# text of the other five of the newest shard and of every post of the next.
IRRIGATION = "thủy lợi"
IRRIGATION_SUMMARIES = range(5)
IRRIGATION_TEXTS = range(5, 2 * SHARD_SIZE)
# A word only in older posts: one of the second shard, one of the third.
WELL = "giếng"
WELL_POSTS = (15, 26)
NEWEST_DAY = date(2024, 6, 28)


def post_path(number: int) -> str:
    """The address of the post written `number`-th newest, below the site root."""
    return f"tin-tuc/2024/tin-thon-so-{number}/"


def _post(number: int) -> str:
    words = []
    if number in EVERYWHERE_POSTS:
        words.append(f"Nạo vét kênh {EVERYWHERE}.")
    if number in HARVEST_NEWEST + HARVEST_OLDEST:
        words.append(f"Tổ dịch vụ cho thuê máy {HARVEST} lúa.")
    if number in CULVERT_POSTS:
        words.append(f"Sửa {CULVERT} thoát nước đầu làng.")
    if number in IRRIGATION_TEXTS:
        words.append(f"Tu bổ hệ thống {IRRIGATION}.")
    if number in WELL_POSTS:
        words.append(f"Khoan {WELL} nước sạch.")
    filler = " ".join(["Người dân mang theo giấy tờ tùy thân khi đến nộp hồ sơ."] * 20)
    text = " ".join([filler, *words])
    summary = "Bộ phận một cửa xã Thử Nghiệm thông báo."
    if number in IRRIGATION_SUMMARIES:
        summary += f" Tu bổ hệ thống {IRRIGATION}."
    when = NEWEST_DAY - timedelta(days=number)
    return (
        f"---\ntitle: Tin thôn số {number}\ndate: {when.isoformat()} 08:00\n"
        f"categories: [Tin tức]\n---\n\n{summary}\n\n<!-- more -->\n\n{text}\n"
    )


@pytest.fixture(scope="module")
def shards_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Thirty posts, their texts indexed in three shards of ten, the newest in the first."""
    project = posts_project(tmp_path_factory, "shards")
    for number in range(POSTS):
        (project / "posts" / f"tin-{number}.md").write_text(_post(number), encoding="utf-8")
    site_dir = build_in_shards(POSTS_FIXTURE / "mkdocs.yml", project, SHARD_SIZE)
    assert (site_dir / "pagefind-body/2/pagefind-entry.json").is_file()
    assert sorted(indexed_pages(site_dir, "pagefind-body/0")) == sorted(
        post_path(number) for number in range(SHARD_SIZE)
    )
    return site_dir


_STATE = """
const state = new Function(arguments[0])();
const active = document.activeElement;
const link = active && active.closest ? active.closest(".md-search-result__link") : null;
state.focused = link ? link.getAttribute("href") : active.tagName;
return state;
"""


def type_in_search_box(
    chromium: webdriver.Chrome, url: str, query: str
) -> WebDriverWait[webdriver.Chrome]:
    """Open the site, watch its search worker and type the query; a wait for what follows."""
    chromium.get(url)
    chromium.execute_script(_WATCH_WORKER)
    box = chromium.find_element(By.CSS_SELECTOR, "input[data-md-component='search-query']")
    box.click()
    box.send_keys(query)
    return WebDriverWait(chromium, WAIT_SECONDS, poll_frequency=0.2)


def test_newest_shard_is_listed_first_and_older_shards_add_theirs_below(
    shards_site: Path, chromium: webdriver.Chrome
) -> None:
    older = Held(("/pagefind-body/1/", "/pagefind-body/2/"))
    with serve_folder(shards_site, held=older) as url:
        wait = type_in_search_box(chromium, url, "gat")
        # Older shards cannot answer: what is listed is the newest shard's, with more to come.
        wait.until(lambda d: len(d.execute_script(_STATE, _RESULTS)["items"]) > 0)
        early = chromium.execute_script(_STATE, _RESULTS)
        ActionChains(chromium).send_keys(Keys.ARROW_DOWN).perform()
        wait.until(lambda d: d.execute_script(_STATE, _RESULTS)["focused"] != "INPUT")
        before = chromium.execute_script(_STATE, _RESULTS)["focused"]
        older.released.set()
        wait.until(lambda d: not d.execute_script(_STATE, _RESULTS)["pending"])
        wait.until(lambda d: len(d.execute_script(_STATE, _RESULTS)["items"]) == 5)
        final = chromium.execute_script(_STATE, _RESULTS)
    assert early["pending"]
    shown = [page_path(item["href"], url) for item in early["items"]]
    listed = [page_path(item["href"], url) for item in final["items"]]
    assert sorted(shown) == sorted(post_path(n) for n in HARVEST_NEWEST), shown
    # What was on screen stays where it was; the older posts come below it.
    assert listed[: len(shown)] == shown, listed
    assert sorted(listed[len(shown) :]) == sorted(post_path(n) for n in HARVEST_OLDEST), listed
    assert page_path(before, url) == shown[0]
    assert final["focused"] == before, f"Tiêu điểm ở {final['focused']!r}, không ở {before!r}"


def search_fresh(
    site: Path, chromium: webdriver.Chrome, query: str
) -> tuple[str, list[dict[str, str]], list[str]]:
    """Search the site served anew, the browser's cache emptied: its address, the results, and
    every path the browser asked for."""
    seen: list[str] = []
    with serve_folder(site, seen) as url:
        chromium.execute_cdp_cmd("Network.enable", {})
        chromium.execute_cdp_cmd("Network.clearBrowserCache", {})
        items = search(chromium, url, query).items
    return url, items, seen


def test_newest_shard_holding_a_screen_of_posts_answers_alone_with_one_copy_of_pagefind(
    shards_site: Path, chromium: webdriver.Chrome
) -> None:
    url, items, seen = search_fresh(shards_site, chromium, "muong")
    listed = [page_path(item["href"], url) for item in items]
    assert sorted(listed) == sorted(post_path(n) for n in range(SHARD_SIZE)), listed
    asked = [path for path in seen if path.startswith(("/pagefind/", "/pagefind-body/"))]
    assert not [
        path for path in asked if path.startswith(("/pagefind-body/1/", "/pagefind-body/2/"))
    ]
    assert [path for path in asked if path.endswith(".js")] == ["/pagefind/pagefind.js"]
    assert [path for path in asked if path.endswith(".pagefind")] == [
        "/pagefind/wasm.unknown.pagefind"
    ]


def test_answer_is_whole_once_a_screen_of_posts_is_listed(
    shards_site: Path, chromium: webdriver.Chrome
) -> None:
    # The newest shard lists one post, the next ten: the oldest shard, held back, is not
    # waited for.
    oldest = Held(("/pagefind-body/2/",))
    with serve_folder(shards_site, held=oldest) as url:
        results = search(chromium, url, "cong")
    listed = [page_path(item["href"], url) for item in results.items]
    # Material draws ten results at first, the rest as the reader scrolls; pages Pagefind
    # matches without the word come last.
    assert result_count(results.meta) > SHARD_SIZE, results.meta
    assert listed[0] == post_path(0), listed
    assert set(listed[1:]) < {post_path(n) for n in range(SHARD_SIZE, 2 * SHARD_SIZE)}, listed


def test_shards_past_a_full_screen_are_not_asked(
    shards_site: Path, chromium: webdriver.Chrome
) -> None:
    # The newest shard lists one post and the next ten: the oldest is never asked, so a word
    # common in older posts costs the parts of two shards, not of all.
    _, _, seen = search_fresh(shards_site, chromium, "cong")
    assert [path for path in seen if path.startswith("/pagefind-body/1/index/")]
    assert not [path for path in seen if path.startswith("/pagefind-body/2/")]


def test_pages_of_the_first_index_holding_the_words_count_towards_the_screen(
    shards_site: Path, chromium: webdriver.Chrome
) -> None:
    # Five posts the first index finds by their summary (and the news lists showing them) and
    # five more in the newest shard's texts fill the screen: the next shard, which holds the
    # words too, is not asked.
    url, items, seen = search_fresh(shards_site, chromium, fold(IRRIGATION))
    listed = [page_path(item["href"], url) for item in items]
    assert {post_path(n) for n in IRRIGATION_SUMMARIES} <= set(listed), listed
    assert {post_path(n) for n in range(len(IRRIGATION_SUMMARIES), SHARD_SIZE)} & set(listed)
    assert [path for path in seen if path.startswith("/pagefind-body/0/index/")]
    assert not [path for path in seen if path.startswith("/pagefind-body/1/")]


def test_older_shards_are_asked_together_when_nothing_listed_holds_the_words(
    shards_site: Path, chromium: webdriver.Chrome
) -> None:
    # Neither the first index nor the newest shard holds the word: the citizen has no post to
    # read yet, so the second and third shards are asked at once, and the third's post is
    # listed while the second is held back.
    second = Held(("/pagefind-body/1/",))
    with serve_folder(shards_site, held=second) as url:
        wait = type_in_search_box(chromium, url, fold(WELL))

        def listed() -> list[str]:
            items = chromium.execute_script(_STATE, _RESULTS)["items"]
            return [page_path(item["href"], url) for item in items]

        wait.until(lambda _: post_path(WELL_POSTS[1]) in listed())
        early = listed()
        second.released.set()
        wait.until(lambda d: not d.execute_script(_STATE, _RESULTS)["pending"])
        wait.until(lambda _: post_path(WELL_POSTS[0]) in listed())
        final = listed()
    assert post_path(WELL_POSTS[0]) not in early, early
    assert final[:2] == [post_path(WELL_POSTS[1]), post_path(WELL_POSTS[0])], final
