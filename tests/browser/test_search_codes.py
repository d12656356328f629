"""A code typed alone: the few old posts holding it are listed from the code files, before the
shards of the index of post texts answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from selenium import webdriver
from trangxa.search.codes import CODES_DIR

from .harness import Held, serve_folder
from .test_search import _RESULTS, page_path, posts_project
from .test_search_shards import type_in_search_box
from .test_search_titles import build_with_small_indexes

pytestmark = pytest.mark.browser

# Posts newest first; the first index holds the newest five, each shard of the second five.
POSTS = 30
IN_FIRST_INDEX = 5
SHARD_SIZE = 5
CODE = "1.001193"
# Old posts holding the code, in the last shards; every post holds the year.
CODE_POSTS = (22, 27)
NEWEST_DAY = date(2024, 6, 28)


def post_path(number: int) -> str:
    """The address of the post written `number`-th newest, below the site root."""
    day = NEWEST_DAY - timedelta(days=number)
    return f"tin-tuc/{day.year}/bai-{number}/"


@pytest.fixture(scope="module")
def codes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Thirty posts, two old ones holding the code in their text only."""
    project = posts_project(tmp_path_factory, "codes")
    filler = " ".join(["Người dân mang theo giấy tờ tùy thân khi đến nộp hồ sơ."] * 10)
    for number in range(POSTS):
        day = NEWEST_DAY - timedelta(days=number)
        code = f"Thủ tục mã {CODE} được giải quyết trong ngày." if number in CODE_POSTS else ""
        (project / "posts" / f"bai-{number}.md").write_text(
            f"---\ntitle: Thông báo của bộ phận một cửa\nslug: bai-{number}\n"
            f"date: {day.isoformat()} 08:00\ncategories: [Tin tức]\n---\n\n"
            f"Xã Thử Nghiệm thông báo lịch tiếp dân năm 2024.\n\n<!-- more -->\n\n"
            f"{filler} {code} {filler}\n",
            encoding="utf-8",
        )
    site_dir = build_with_small_indexes(project, IN_FIRST_INDEX, SHARD_SIZE)
    assert (
        site_dir / f"pagefind-body/{max(CODE_POSTS) // SHARD_SIZE}/pagefind-entry.json"
    ).is_file()
    return site_dir


@pytest.fixture(scope="module")
def codes_url(codes_site: Path) -> Iterator[str]:
    """The site served over HTTP."""
    with serve_folder(codes_site) as url:
        yield url


@pytest.mark.parametrize("query", [CODE, f" {CODE}."])
def test_posts_holding_a_code_are_listed_before_the_shards_answer(
    query: str, codes_site: Path, chromium: webdriver.Chrome
) -> None:
    shards = Held(("/pagefind-body/",))
    seen: list[str] = []
    with serve_folder(codes_site, seen, shards) as url:
        wait = type_in_search_box(chromium, url, query)
        # No shard can answer: what is listed came from the code file.
        wait.until(lambda d: len(d.execute_script(_RESULTS)["items"]) > 0)
        early = chromium.execute_script(_RESULTS)
        shards.released.set()
        last: list[object] = []

        def settled(d: webdriver.Chrome) -> bool:
            # Material draws an answer a moment after the worker sends it.
            state = d.execute_script(_RESULTS)
            stable = not state["pending"] and last == [state]
            last[:] = [state]
            return stable

        wait.until(settled)
        final = chromium.execute_script(_RESULTS)
    shown = [page_path(item["href"], url) for item in early["items"]]
    listed = [page_path(item["href"], url) for item in final["items"]]
    expected = [post_path(number) for number in CODE_POSTS]
    assert early["pending"]
    assert shown == expected, f"Tìm {query!r}: các kết quả {shown}"
    # The shards add no other post, nor the same ones twice.
    assert listed == expected, f"Tìm {query!r}: các kết quả {final}"
    assert any(path.startswith(f"/{CODES_DIR}/") for path in seen)


def test_a_word_many_posts_hold_is_not_in_the_code_files(codes_site: Path) -> None:
    filed = "".join(
        path.read_text(encoding="utf-8") for path in (codes_site / CODES_DIR).glob("*.json")
    )
    assert f'"{CODE}":' in filed
    assert '"2024":' not in filed
