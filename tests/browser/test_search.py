"""Search on the built sample site in Chromium: citizens type with or without diacritics."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait
from trangxa.core.slugs import fold

from .clock import pinned_clock
from .harness import HarnessError, build_site, serve_folder, site_config_path

pytestmark = pytest.mark.browser

TOP = 3
WAIT_SECONDS = 30


@dataclass(frozen=True)
class Case:
    """A query as typed, and the pages any one of which should come up among the first three."""

    query: str
    expected: tuple[str, ...]


# What citizens look for, each written the way staff wrote it on the site.
SEARCHES = [
    ("đăng ký khai sinh", ("thu-tuc/ho-tich/dang-ky-khai-sinh/",)),
    ("chứng thực bản sao", ("thu-tuc/chung-thuc/chung-thuc-ban-sao-tu-ban-chinh/",)),
    (
        "hộ tịch điện tử",
        ("tin-tuc/2024/ho-tich-dien-tu-xin-ban-sao-trich-luc-khong-can-den-tru-so-xa/",),
    ),
    (
        "lịch tiếp công dân",
        (
            "tin-tuc/2024/thong-bao-lich-tiep-cong-dan-cua-lanh-dao-xa-quy-ii-2024/",
            "tin-tuc/2023/lich-tiep-cong-dan-dinh-ky-cua-lanh-dao-ubnd-xa-quy-ii-2023/",
        ),
    ),
    (
        "tiêm chủng",
        (
            "tin-tuc/2025/ngay-tiem-chung-mo-rong-thang-3-2025-them-vac-xin-phong-soi-cho-tre-tu-1-den-10/",
            "tin-tuc/2023/lich-tiem-chung-mo-rong-thang-3-2023-tai-tram-y-te-xa/",
        ),
    ),
    (
        "một cửa",
        (
            "tin-tuc/2024/ho-so-cua-ban-di-dau-sau-khi-nop-o-bo-phan-mot-cua/",
            "tin-tuc/2023/bo-phan-mot-cua-xa-hoa-an-niem-yet-lai-toan-bo-thu-tuc-hanh-chinh/",
        ),
    ),
    (
        "dịch vụ công trực tuyến",
        (
            "tin-tuc/2023/nop-ho-so-truc-tuyen-tung-buoc/",
            "tin-tuc/2025/thang-dau-van-hanh-chinh-quyen-hai-cap-58-ho-so-nop-truc-tuyen/",
        ),
    ),
    ("kết hôn", ("thu-tuc/ho-tich/dang-ky-ket-hon/",)),
    ("1.001193", ("thu-tuc/ho-tich/dang-ky-khai-sinh/",)),
    ("1.000894", ("thu-tuc/ho-tich/dang-ky-ket-hon/",)),
    # Posts are found by their title and summary ("lụt" is only in their text).
    (
        "phòng chống thiên tai",
        (
            "tin-tuc/2023/chu-dong-phong-chong-thien-tai-va-tim-kiem-cuu-nan-mua-mua-bao-nam-2023/",
            "tin-tuc/2024/xa-hoa-an-khan-truong-khac-phuc-hau-qua-hoan-luu-bao-so-3/",
            "tin-tuc/2025/phuong-an-ung-pho-mua-lu-nam-2025-tren-dia-ban-18-thon/",
        ),
    ),
    ("trợ cấp xã hội", ("thu-tuc/bao-tro-xa-hoi/tro-cap-xa-hoi-hang-thang/",)),
    ("liên hệ", ("lien-he/",)),
    ("tổ chức bộ máy", ("to-chuc-bo-may/",)),
    ("khai tử", ("thu-tuc/ho-tich/dang-ky-khai-tu/",)),
    (
        "thẻ căn cước",
        ("tin-tuc/2024/tu-ngay-01-7-2024-cap-the-can-cuoc-nhung-dieu-nguoi-dan-can-biet/",),
    ),
    (
        "hòa giải viên",
        (
            "thu-tuc/hoa-giai-co-so/cong-nhan-hoa-giai-vien/",
            "thu-tuc/hoa-giai-co-so/thoi-lam-hoa-giai-vien/",
        ),
    ),
    (
        "sốt xuất huyết",
        (
            "tin-tuc/2024/phun-hoa-chat-phong-chong-sot-xuat-huyet-tai-thon-ben-do-va-thon-hoa-binh/",
        ),
    ),
    ("trung tâm phục vụ hành chính công", ("tin-tuc/2025/trung-tam-phuc-vu-hanh-chinh-cong/",)),
    ("mai táng phí", ("thu-tuc/nguoi-co-cong/mai-tang-phi-cuu-chien-binh/",)),
    # Old-style tone placement ("hoà" for "hòa"), common on phone keyboards.
    ("hoà giải tranh chấp đất đai", ("thu-tuc/dat-dai/hoa-giai-tranh-chap-dat-dai/",)),
]

CASES = [Case(query, expected) for query, expected in SEARCHES] + [
    Case(fold(query), expected) for query, expected in SEARCHES if fold(query) != query
]

# Counts the queries the page sends to Material's search worker and the results it
# gets back, so a test reads the results only once the last query has been answered, and
# not while the worker says more results are on their way (`pending`).
_WATCH_WORKER = """
if (!window.__searchWatch) {
  const watch = window.__searchWatch = {sent: 0, answered: 0, pending: false, listening: false};
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && typeof message.data === "string") {
      watch.sent += 1;
      if (!watch.listening) {
        watch.listening = true;
        this.addEventListener("message", (event) => {
          if (event.data && event.data.data && Array.isArray(event.data.data.items)) {
            watch.answered += 1;
            watch.pending = Boolean(event.data.data.pending);
          }
        });
      }
    }
    return post.call(this, message, ...rest);
  };
}
"""

_RESULTS = """
const watch = window.__searchWatch;
const meta = document.querySelector(".md-search-result__meta").textContent.trim();
const items = [...document.querySelectorAll(".md-search-result__item")].map((item) => {
  const link = item.querySelector("a");
  return {href: link.getAttribute("href"), text: link.textContent};
});
return {
  sent: watch.sent, answered: watch.answered, pending: watch.pending, meta: meta, items: items
};
"""


def page_path(href: str, base_url: str) -> str:
    """A result link as a path below the site root, without query or fragment."""
    return urlparse(urljoin(base_url, href)).path.removeprefix(urlparse(base_url).path)


@dataclass(frozen=True)
class Results:
    """What the search panel shows: the count line and the results, best first."""

    meta: str
    items: list[dict[str, str]]


def search(driver: webdriver.Chrome, base_url: str, query: str) -> Results:
    """Type a query into the search box of the home page and return the results shown."""
    driver.get(base_url)
    # Material sends no query before its worker is ready, so the count below also waits for it.
    driver.execute_script(_WATCH_WORKER)
    box = driver.find_element(By.CSS_SELECTOR, "input[data-md-component='search-query']")
    box.click()
    box.send_keys(query)
    last: list[object] = []

    def settled(d: webdriver.Chrome) -> bool:
        state = d.execute_script(_RESULTS)
        # One query may be answered twice: first from titles, then from the posts' text.
        done = state["sent"] > 0 and state["answered"] >= state["sent"] and not state["pending"]
        # Material renders a result a moment after the worker's answer arrives.
        stable = done and last == [state]
        last[:] = [state]
        return stable

    WebDriverWait(driver, WAIT_SECONDS, poll_frequency=0.2).until(settled)
    assert box.get_attribute("value") == query
    state: dict[str, Any] = last[0]  # type: ignore[assignment]
    return Results(meta=state["meta"], items=state["items"])


@pytest.mark.parametrize("case", CASES, ids=[case.query for case in CASES])
def test_expected_page_is_in_the_top_three(
    case: Case, base_url: str, chromium: webdriver.Chrome
) -> None:
    results = search(chromium, base_url, case.query)
    found = [page_path(item["href"], base_url) for item in results.items[:TOP]]
    assert set(found) & set(case.expected), (
        f"Tìm {case.query!r}: ba kết quả đầu là {found}, cần có một trong {list(case.expected)}"
    )


def result_count(meta: str) -> int:
    """The number of results Material reports above the list ("12 tài liệu liên quan")."""
    digits = "".join(char for char in meta.split()[0] if char.isdigit()) if meta else ""
    return int(digits) if digits else 0


MARKED_QUERIES = [query for query, _ in SEARCHES if fold(query) != query]


@pytest.mark.parametrize("query", MARKED_QUERIES)
def test_typing_without_diacritics_finds_what_typing_with_them_finds(
    query: str, base_url: str, chromium: webdriver.Chrome
) -> None:
    with_marks = search(chromium, base_url, query)
    without = search(chromium, base_url, fold(query))
    assert with_marks.items, f"Tìm {query!r} không ra kết quả nào"
    best = page_path(with_marks.items[0]["href"], base_url)
    top = [page_path(item["href"], base_url) for item in without.items[:TOP]]
    assert best in top, f"Gõ {fold(query)!r}: ba kết quả đầu {top} thiếu {best!r}"
    assert result_count(without.meta) >= result_count(with_marks.meta)


@pytest.mark.parametrize(("exact", "other"), [("hộ tịch", "hồ sơ"), ("hồ sơ", "hộ tịch")])
def test_typing_with_diacritics_ranks_the_exact_spelling_first(
    exact: str, other: str, base_url: str, chromium: webdriver.Chrome
) -> None:
    # Both fold to "ho ...": the spelling typed must decide the first result.
    items = search(chromium, base_url, exact).items
    first = unicodedata.normalize("NFC", items[0]["text"]).lower()
    assert exact in first, f"Tìm {exact!r}: kết quả đầu là {items[0]['text']!r}"


EXACT_TITLES = [
    ("Đăng ký nhận cha, mẹ, con", "thu-tuc/ho-tich/dang-ky-nhan-cha-me-con/"),
    ("Đăng ký khai sinh", "thu-tuc/ho-tich/dang-ky-khai-sinh/"),
    ("Liên hệ", "lien-he/"),
]
EXACT_CASES = [(title, path) for title, path in EXACT_TITLES] + [
    (fold(title).lower(), path) for title, path in EXACT_TITLES
]


@pytest.mark.parametrize(("query", "expected"), EXACT_CASES, ids=[q for q, _ in EXACT_CASES])
def test_exact_title_is_the_first_result(
    query: str, expected: str, base_url: str, chromium: webdriver.Chrome
) -> None:
    # Longer titles hold the same words ("Đăng ký khai sinh kết hợp nhận cha, mẹ, con").
    items = search(chromium, base_url, query).items
    first = page_path(items[0]["href"], base_url) if items else None
    assert first == expected, f"Tìm {query!r}: kết quả đầu là {first!r}, cần {expected!r}"


# Words written only deep in one post's text, past the summary's opening that the first index
# holds; no title, summary or other page has them. Typed with and without marks.
BODY_ONLY = [
    (
        "chuồng trại",
        "tin-tuc/2024/nuoi-ga-tha-vuon-theo-chuoi-huong-di-moi-cua-nong-dan-thon-dong-cao/",
    ),
    ("khử khuẩn", "tin-tuc/2024/xa-hoa-an-khan-truong-khac-phuc-hau-qua-hoan-luu-bao-so-3/"),
    ("khu khuan", "tin-tuc/2024/xa-hoa-an-khan-truong-khac-phuc-hau-qua-hoan-luu-bao-so-3/"),
    # Typed with marks: the many pages holding "khu" (khu vực, khu dân cư) do not answer it.
    ("khử", "tin-tuc/2024/xa-hoa-an-khan-truong-khac-phuc-hau-qua-hoan-luu-bao-so-3/"),
]
FLOOD_PLAN = "tin-tuc/2025/phuong-an-ung-pho-mua-lu-nam-2025-tren-dia-ban-18-thon/"
# Any moment after the sample's posts were written; search must not depend on it.
SEARCHED_AT = datetime(2026, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=7)))


def found_at(chromium: webdriver.Chrome, url: str, query: str) -> list[str]:
    """The pages a search of the site at url lists, best first, at a pinned moment."""
    with pinned_clock(chromium, SEARCHED_AT):
        items = search(chromium, url, query).items
    return [page_path(item["href"], url) for item in items]


# Posts in each shard of the second index of the sample built in shards: the sample's posts
# fill several, so the worker merges them.
SAMPLE_SHARD_SIZE = 10


def build_in_shards(config: Path, project: Path, shard_size: int) -> Path:
    """Build the project with the configuration given, its post texts indexed in shards."""
    text = config.read_text(encoding="utf-8")
    assert "  - trangxa-search\n" in text
    (project / "mkdocs.yml").write_text(
        text.replace(
            "  - trangxa-search\n",
            f"  - trangxa-search:\n      full_text_shard_size: {shard_size}\n",
        ),
        encoding="utf-8",
    )
    try:
        return build_site(project / "mkdocs.yml", project / "site")
    except HarnessError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def sharded_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site with its index of post texts built in shards, served over HTTP."""
    config = site_config_path()
    project = tmp_path_factory.mktemp("sharded") / "project"
    project.mkdir()
    for folder in ("docs", "posts", "procedures", "overrides"):
        shutil.copytree(config.parent / folder, project / folder)
    site_dir = build_in_shards(config, project, SAMPLE_SHARD_SIZE)
    assert (site_dir / "pagefind-body/2/pagefind-entry.json").is_file()
    with serve_folder(site_dir) as url:
        yield url


# The sample as built, its index of post texts in one shard, and built in several.
SITES = ("base_url", "sharded_url")


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize(("query", "expected"), BODY_ONLY, ids=[q for q, _ in BODY_ONLY])
def test_word_only_in_a_posts_text_finds_the_post(
    query: str, expected: str, site: str, request: pytest.FixtureRequest, chromium: webdriver.Chrome
) -> None:
    found = found_at(chromium, request.getfixturevalue(site), query)
    assert expected in found, f"Tìm {query!r}: các kết quả {found} thiếu {expected!r}"


@pytest.mark.parametrize("site", SITES)
def test_posts_found_in_their_text_come_after_pages_found_at_first(
    site: str, request: pytest.FixtureRequest, chromium: webdriver.Chrome
) -> None:
    # "lụt" is in the text of the introduction page, which the first index holds whole, and
    # deep in one post's text, which only the second index holds; other posts hold "lũ".
    found = found_at(chromium, request.getfixturevalue(site), "lụt")
    assert found == ["gioi-thieu/", FLOOD_PLAN], f"Tìm 'lụt': các kết quả {found}"


# Holds back the rest of a search answer (every part after the first answer saying more is
# coming) until the test calls window.__releaseAnswer(), so the test can act in between.
_HOLD_SECOND_PART = """
(() => {
  const held = [];
  let pending = false;
  window.__firstPart = false;
  window.__releaseAnswer = () => held.splice(0).forEach((deliver) => deliver());
  const listen = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, handler, ...rest) {
    if (type !== "message") return listen.call(this, type, handler, ...rest);
    const wrapped = (event) => {
      const data = event.data && event.data.data;
      if (data && Array.isArray(data.items)) {
        if (data.pending && !pending) {
          pending = true;
          window.__firstPart = true;
        } else if (pending) {
          held.push(() => handler.call(this, event));
          return;
        }
      }
      handler.call(this, event);
    };
    return listen.call(this, type, wrapped, ...rest);
  };
})();
"""

_FOCUSED = """
const active = document.activeElement;
const link = active && active.closest ? active.closest(".md-search-result__link") : null;
return {
  focused: link ? link.getAttribute("href") : active.tagName,
  shown: document.querySelectorAll(".md-search-result__item").length,
};
"""


def test_focus_stays_on_a_result_when_the_second_part_of_the_answer_arrives(
    base_url: str, chromium: webdriver.Chrome
) -> None:
    added = chromium.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": _HOLD_SECOND_PART}
    )
    try:
        chromium.get(base_url)
        wait = WebDriverWait(chromium, WAIT_SECONDS, poll_frequency=0.2)
        box = chromium.find_element(By.CSS_SELECTOR, "input[data-md-component='search-query']")
        box.click()
        box.send_keys("lụt")
        wait.until(lambda d: d.execute_script(_FOCUSED)["shown"] == 1)
        assert chromium.execute_script("return window.__firstPart")
        # Material's down arrow moves focus from the box to the first result, the
        # introduction page; the results are links it keeps out of the Tab order.
        ActionChains(chromium).send_keys(Keys.ARROW_DOWN).perform()
        wait.until(lambda d: d.execute_script(_FOCUSED)["focused"] != "INPUT")
        before = chromium.execute_script(_FOCUSED)["focused"]
        assert page_path(before, base_url) == "gioi-thieu/"
        chromium.execute_script("window.__releaseAnswer()")
        wait.until(lambda d: d.execute_script(_FOCUSED)["shown"] == 2)
        after = chromium.execute_script(_FOCUSED)["focused"]
    finally:
        chromium.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
        )
    assert after == before, f"Tiêu điểm ở {after!r} sau khi danh sách vẽ lại, không ở {before!r}"


# A code written in two posts only, deep in their text, so in one shard of the index of post
# texts; many more posts, in every other shard, hold the start of it ("2.04", "2.0"), which
# a shard without the code searches instead.
RARE_CODE = "2.046"
RARE_POSTS = ("tin-tuc/2023/bieu-mau-cu-1/", "tin-tuc/2023/bieu-mau-cu-2/")
NEAR_POSTS = 120
RARE_SHARD_SIZE = 10


def _post(title: str, when: str, text: str, summary: str = "biểu mẫu hồ sơ") -> str:
    return (
        f"---\ntitle: {title}\ndate: {when}\ncategories: [Tin tức]\n---\n\n"
        f"Bộ phận một cửa xã Thử Nghiệm thông báo về {summary}.\n\n<!-- more -->\n\n{text}\n"
    )


# A site of a few static pages whose posts a test writes.
POSTS_FIXTURE = Path(__file__).parents[1] / "search" / "fixtures" / "posts"


def posts_project(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A project holding the static pages of POSTS_FIXTURE and an empty posts folder."""
    project = tmp_path_factory.mktemp(name) / "project"
    shutil.copytree(POSTS_FIXTURE / "docs", project / "docs")
    (project / "posts").mkdir()
    return project


@pytest.fixture(scope="module")
def near_codes_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Posts holding a rare code and many holding near codes, indexed in small shards."""
    project = posts_project(tmp_path_factory, "near-codes")
    posts = project / "posts"
    # Short texts repeating a near code rank above a longer text holding the code once.
    for number in range(NEAR_POSTS):
        code = "2.04" if number % 2 else "2.0"
        text = " ".join([f"Phụ lục {code}."] * 8)
        (posts / f"mau-{number}.md").write_text(
            _post(
                f"Mẫu tờ khai thứ {number + 1}",
                f"2024-03-{number % 28 + 1:02d} 08:{number % 60:02d}",
                text,
                # In the first index too, which then finds them by the shortened code.
                f"phụ lục {code}",
            ),
            encoding="utf-8",
        )
    filler = " ".join(["Người dân mang theo giấy tờ tùy thân khi đến nộp hồ sơ."] * 60)
    for number in range(1, len(RARE_POSTS) + 1):
        (posts / f"bieu-mau-cu-{number}.md").write_text(
            _post(
                f"Biểu mẫu cũ {number}",
                f"2023-01-0{number} 08:00",
                f"{filler}\n\nBiểu mẫu {RARE_CODE} thôi dùng từ tháng sau. {filler}",
            ),
            encoding="utf-8",
        )
    site_dir = build_in_shards(POSTS_FIXTURE / "mkdocs.yml", project, RARE_SHARD_SIZE)
    assert (
        site_dir / f"pagefind-body/{NEAR_POSTS // RARE_SHARD_SIZE}/pagefind-entry.json"
    ).is_file()
    with serve_folder(site_dir) as url:
        yield url


def test_posts_holding_a_code_as_typed_come_before_near_codes_of_other_shards(
    near_codes_url: str, chromium: webdriver.Chrome
) -> None:
    found = found_at(chromium, near_codes_url, RARE_CODE)
    # Pages found only by a shortened code, in either index, are not listed once posts
    # holding the code are.
    assert sorted(found) == sorted(RARE_POSTS), f"Tìm {RARE_CODE!r}: các kết quả {found}"
