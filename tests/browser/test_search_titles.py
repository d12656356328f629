"""Posts the first index leaves out: found by their title's words in the index of post texts,
and first when their whole title is typed, through the title files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from trangxa.core.slugs import fold
from trangxa.search.pagefind_index import WORKER_SCRIPT
from trangxa.search.titles import TITLES_DIR, title_hash, title_key

from tests.pagefind_pages import indexed_pages

from .harness import HarnessError, build_site, serve_folder
from .test_search import POSTS_FIXTURE, page_path, posts_project, search

pytestmark = pytest.mark.browser

# Newest first. The first index holds the first two; the index of post texts holds all, in
# shards of three.
TITLES = [
    "Hướng dẫn đăng ký kết hôn trực tuyến",
    "Đăng ký kết hôn có yếu tố nước ngoài: những điều cần biết",
    "Họp dân thôn Đông bàn việc làm đường",
    "Đăng ký kết hôn",
    "Quỹ phòng chống thiên tai năm 2024",
    "Lễ hội đình làng Hòa An",
]
IN_FIRST_INDEX = 2
SHARD_SIZE = 3
MARRIAGE = 3
FUND = 4


def post_path(number: int) -> str:
    """The address of the post written `number`-th newest, below the site root."""
    return f"tin-tuc/2024/bai-{number}/"


def build_with_small_indexes(project: Path, in_first_index: int, shard_size: int) -> Path:
    """Build the project with the fixture's configuration, the first index holding the newest
    `in_first_index` posts and the index of post texts in shards of `shard_size`."""
    text = (POSTS_FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
    options = (
        f"  - trangxa-search:\n      title_index_posts: {in_first_index}\n"
        f"      full_text_shard_size: {shard_size}\n"
    )
    (project / "mkdocs.yml").write_text(
        text.replace("  - trangxa-search\n", options), encoding="utf-8"
    )
    try:
        return build_site(project / "mkdocs.yml", project / "site")
    except HarnessError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def titles_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six posts; the first index holds the two newest."""
    project = posts_project(tmp_path_factory, "titles")
    filler = " ".join(["Người dân mang theo giấy tờ tùy thân khi đến nộp hồ sơ."] * 10)
    for number, title in enumerate(TITLES):
        (project / "posts" / f"bai-{number}.md").write_text(
            f'---\ntitle: "{title}"\nslug: bai-{number}\ndate: 2024-06-{20 - number} 08:00\n'
            f"categories: [Tin tức]\n---\n\nBộ phận một cửa xã Thử Nghiệm thông báo.\n\n"
            f"<!-- more -->\n\n{filler}\n",
            encoding="utf-8",
        )
    site_dir = build_with_small_indexes(project, IN_FIRST_INDEX, SHARD_SIZE)
    first = indexed_pages(site_dir)
    assert [post_path(n) for n in range(len(TITLES)) if post_path(n) in first] == [
        post_path(n) for n in range(IN_FIRST_INDEX)
    ]
    return site_dir


@pytest.fixture(scope="module")
def titles_url(titles_site: Path) -> Iterator[str]:
    """The site served over HTTP."""
    with serve_folder(titles_site) as url:
        yield url


@pytest.mark.parametrize("query", ["quỹ phòng chống", "quy phong chong"])
def test_older_post_is_found_by_the_words_of_its_title(
    query: str, titles_url: str, chromium: webdriver.Chrome
) -> None:
    items = search(chromium, titles_url, query).items
    listed = [page_path(item["href"], titles_url) for item in items]
    # The news list's first page holds the title too, and is in the first index.
    assert post_path(FUND) in listed, f"Tìm {query!r}: các kết quả {listed}"


MARRIAGE_QUERIES = [TITLES[MARRIAGE], TITLES[MARRIAGE].lower(), fold(TITLES[MARRIAGE]).lower()]


@pytest.mark.parametrize("query", MARRIAGE_QUERIES)
def test_older_post_typed_as_its_whole_title_comes_first(
    query: str, titles_site: Path, chromium: webdriver.Chrome
) -> None:
    seen: list[str] = []
    with serve_folder(titles_site, seen) as url:
        listed = [page_path(item["href"], url) for item in search(chromium, url, query).items]
    # The newer posts holding the same words, which the first index finds, come after it.
    assert listed[0] == post_path(MARRIAGE), f"Tìm {query!r}: các kết quả {listed}"
    assert {post_path(0), post_path(1)} <= set(listed[1:]), listed
    assert f"/{TITLES_DIR}/0.json" in seen


# Titles with marks in both placements, decomposed letters, punctuation, codes and tags.
KEYED_TITLES = [
    *TITLES,
    "Hoà giải tranh chấp đất đai ở thôn Đồng Tâm",
    "Ho\u0300a gia\u0309i: thông báo (lần 2)",
    "Biểu mẫu 2.046 thôi dùng từ 01.7.2024.",
    "<b>Lịch</b> tiếp công dân — quý III/2025",
    "ĐĂNG KÝ KHAI SINH, KHAI TỬ",
    "Phở, bún & chè: ẩm thực làng nghề",
]
# The worker's functions, run in the page with a stand-in for the worker's global object.
_WORKER_KEYS = """
const [source, titles] = arguments;
const scope = {
  location: {href: "http://127.0.0.1/assets/javascripts/workers/search.js"},
  fetch: () => Promise.reject(new Error("no fetch")),
  addEventListener: () => {},
  postMessage: () => {},
};
const worker = new Function("self", "BroadcastChannel", `${source}\nreturn {titleKey, titleHash};`);
const {titleKey, titleHash} = worker(scope, undefined);
return titles.map((title) => [titleKey(title), titleHash(titleKey(title))]);
"""


def test_worker_keys_and_hashes_titles_as_the_build_does(chromium: webdriver.Chrome) -> None:
    chromium.get("about:blank")
    source = WORKER_SCRIPT.read_text(encoding="utf-8")
    found = chromium.execute_script(_WORKER_KEYS, source, KEYED_TITLES)
    expected = [[title_key(title), title_hash(title_key(title))] for title in KEYED_TITLES]
    assert found == expected
