"""Fixture sites built with trangxa-search: Pagefind's index, Material's search box, bad setups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort, PluginError
from trangxa.search.entries import (
    ENTRY_WORDS,
    FOLDED_SENTINEL,
    body_document,
    folded_d_words,
    search_entry,
)
from trangxa.search.material_search import VIETNAMESE_SEPARATOR
from trangxa.search.pagefind_index import (
    BODY_BUNDLE_DIR,
    BODY_SHARDS_LINE,
    BUNDLE_DIR,
    MATERIAL_WORKERS,
    WORKER_SCRIPT,
    build_body_index,
    count_line,
    page_path,
    shards,
)
from trangxa.search.titles import TITLES_DIR

from tests.pagefind_pages import indexed_pages

from ..sitebuild import build_site, copy_fixture

FOLDING = "search/fixtures/folding"
POSTS = "search/fixtures/posts"


def index_of(site_dir: Path) -> dict[str, Any]:
    """The index file Material's search box reads."""
    data: dict[str, Any] = json.loads(
        (site_dir / "search/search_index.json").read_text(encoding="utf-8")
    )
    return data


def workers(site_dir: Path) -> list[Path]:
    """The search worker files Material's page script may start."""
    return sorted((site_dir / MATERIAL_WORKERS).glob("search.*.min.js"))


def edit_config(project: Path, old: str, new: str) -> None:
    """Replace one piece of the fixture's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def folding_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folding fixture, built once with --strict."""
    project = copy_fixture(FOLDING, tmp_path_factory.mktemp("search"))
    return build_site(project).site_dir


def test_material_index_carries_settings_and_no_page_text(folding_site: Path) -> None:
    index = index_of(folding_site)
    assert index["docs"] == []
    assert index["config"]["separator"] == VIETNAMESE_SEPARATOR


def test_pagefind_index_is_written_beside_the_site(folding_site: Path) -> None:
    entry = json.loads((folding_site / "pagefind/pagefind-entry.json").read_text("utf-8"))
    [language] = entry["languages"].values()
    # The home page keeps itself out of search in its front matter.
    assert language["page_count"] == 3
    assert (folding_site / "pagefind/pagefind.js").is_file()
    assert list((folding_site / "pagefind/fragment").iterdir())


def test_material_worker_is_replaced_and_its_map_removed(folding_site: Path) -> None:
    [worker] = workers(folding_site)
    # The fixture has no posts, so no index of their texts for the worker to ask.
    script = WORKER_SCRIPT.read_text("utf-8").replace(
        BODY_SHARDS_LINE, count_line("BODY_SHARDS", 0)
    )
    assert worker.read_text("utf-8") == script
    assert "const BODY_SHARDS = 0;" in script
    assert not (folding_site / BODY_BUNDLE_DIR).exists()
    assert not worker.with_name(worker.name + ".map").exists()


def test_worker_of_a_site_with_posts_asks_the_index_of_their_texts(posts_site: Path) -> None:
    [worker] = workers(posts_site)
    assert worker.read_bytes() == WORKER_SCRIPT.read_bytes()
    assert "const BODY_SHARDS = 1;" in worker.read_text("utf-8")


def test_content_is_marked_and_excluded_pages_are_not(folding_site: Path) -> None:
    page = (folding_site / "dang-ky-khai-sinh/index.html").read_text(encoding="utf-8")
    home = (folding_site / "index.html").read_text(encoding="utf-8")
    assert page.count("data-pagefind-body") == 1
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in page
    assert "data-pagefind-body" not in home


def test_disabled_plugin_leaves_material_search_as_it_is(tmp_path: Path) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "  - trangxa-search\n", "  - trangxa-search:\n      enabled: false\n")
    site_dir = build_site(project).site_dir
    index = index_of(site_dir)
    assert {doc["location"] for doc in index["docs"]} >= {"dang-ky-khai-sinh/"}
    assert index["config"]["separator"] != VIETNAMESE_SEPARATOR
    assert not (site_dir / "pagefind").exists()
    [worker] = workers(site_dir)
    assert worker.read_bytes() != WORKER_SCRIPT.read_bytes()


def test_separator_set_in_mkdocs_yml_is_kept(tmp_path: Path) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "      lang: vi\n", "      lang: vi\n      separator: '[\\s]+'\n")
    assert index_of(build_site(project).site_dir)["config"]["separator"] == "[\\s]+"


def error_of(project: Path, caplog: pytest.LogCaptureFixture) -> str:
    """The one error a failed build logged."""
    with pytest.raises(Abort):
        build_site(project)
    [message] = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    return message


def test_missing_search_plugin_is_explained(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "  - search:\n      lang: vi\n", "")
    assert "`- search`" in error_of(project, caplog)


def test_words_with_d_stroke_are_listed_once_folded() -> None:
    assert folded_d_words("<p>Đăng ký đất đai, đăng ký <b>ĐẤT</b></p>") == "dang dat dai"


def test_post_entry_is_the_summary_opening_then_its_d_words() -> None:
    summary = " ".join(f"từ{n}" for n in range(30)) + " đường"
    entry = search_entry("Đăng ký khai sinh", summary)
    opening, sentinel, folded = entry.partition(FOLDED_SENTINEL)
    assert opening.split() == [f"từ{n}" for n in range(ENTRY_WORDS)] + ["…"]
    assert sentinel and folded.split() == ["dang"]
    assert search_entry("Lễ hội", "Ngày hội ở thôn Một.") == "Ngày hội ở thôn Một."


@pytest.fixture(scope="module")
def posts_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with one published post and one draft, built once with --strict."""
    project = copy_fixture(POSTS, tmp_path_factory.mktemp("search-posts"))
    return build_site(project).site_dir


def test_first_index_holds_a_post_by_its_title_and_summary(posts_site: Path) -> None:
    post = indexed_pages(posts_site, BUNDLE_DIR)["tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-mot/"]
    assert post["meta"]["title"] == "Nuôi gà thả vườn ở thôn Một"
    assert "Tổ hợp tác chăn nuôi" in post["content"]
    assert "chuồng" not in post["content"]


def test_second_index_holds_the_whole_text_of_published_posts(posts_site: Path) -> None:
    pages = indexed_pages(posts_site, BODY_BUNDLE_DIR)
    assert list(pages) == ["tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-mot/"]
    [post] = pages.values()
    assert post["meta"]["title"] == "Nuôi gà thả vườn ở thôn Một"
    text, sentinel, folded = post["content"].partition(FOLDED_SENTINEL)
    assert "chuồng trại cách xa khu dân cư" in text
    assert sentinel and "dem" in folded.split()


def test_second_index_of_no_posts_is_removed(tmp_path: Path) -> None:
    assert build_body_index(tmp_path, [("tin-tuc/a/", "Tin", "<p>Một</p>")]) == 1
    assert (tmp_path / BODY_BUNDLE_DIR / "0/pagefind-entry.json").is_file()
    assert build_body_index(tmp_path, []) == 0
    assert not (tmp_path / BODY_BUNDLE_DIR).exists()


def test_a_shard_keeps_its_index_without_pagefinds_scripts(tmp_path: Path) -> None:
    # The worker runs the first index's copy of Pagefind's script and WebAssembly for every
    # shard: copies beside each shard would only be downloaded again.
    build_body_index(tmp_path, [("tin-tuc/a/", "Tin", "<p>Một</p>")])
    shard = tmp_path / BODY_BUNDLE_DIR / "0"
    files = sorted(path.name for path in shard.iterdir() if path.is_file())
    assert files[0] == "pagefind-entry.json"
    assert [name for name in files[1:] if not name.endswith(".pf_meta")] == []
    assert len(files) == 2
    assert sorted(path.name for path in shard.iterdir() if path.is_dir()) == ["fragment", "index"]


def test_second_index_lists_posts_at_their_addresses(tmp_path: Path) -> None:
    posts = [
        ("tin-tuc/2024/a/", "Tin <a>", "<p>Một</p>"),
        ("tin-tuc/2024/b.html", "Tin b", "<p>Hai</p>"),
    ]
    build_body_index(tmp_path, posts)
    pages = indexed_pages(tmp_path, BODY_BUNDLE_DIR)
    assert sorted(pages) == ["tin-tuc/2024/a/", "tin-tuc/2024/b.html"]
    assert pages["tin-tuc/2024/a/"]["meta"]["title"] == "Tin <a>"


def test_second_index_of_more_posts_than_a_shard_holds_is_split(tmp_path: Path) -> None:
    posts = [(f"tin-tuc/2024/bai-{n}/", f"Tin {n}", f"<p>Bài số {n}</p>") for n in range(7)]
    assert build_body_index(tmp_path, posts, shard_size=3) == 3
    held = [sorted(indexed_pages(tmp_path, f"{BODY_BUNDLE_DIR}/{shard}")) for shard in range(3)]
    assert [len(urls) for urls in held] == [3, 3, 1]
    every = [url for urls in held for url in urls]
    assert sorted(every) == sorted(url for url, _, _ in posts)
    assert sorted(indexed_pages(tmp_path, BODY_BUNDLE_DIR)) == sorted(every)
    assert not (tmp_path / BODY_BUNDLE_DIR / "3").exists()


def test_shards_keep_every_post_once_and_refuse_an_empty_size() -> None:
    assert shards(list(range(5)), 2) == [[0, 1], [2, 3], [4]]
    assert shards(list(range(4)), 4) == [[0, 1, 2, 3]]
    assert shards([], 3) == []
    assert shards(list(range(10)), 4, newest=2) == [[0, 1], [2, 3, 4, 5], [6, 7, 8, 9]]
    # The newest posts, first in the list, fill a small shard of their own.
    assert [len(group) for group in shards(list(range(2000)), 1500)] == [100, 1500, 400]
    with pytest.raises(PluginError, match="full_text_shard_size"):
        shards([1], 0)


def test_worker_asks_every_shard_of_a_site(tmp_path: Path) -> None:
    project = copy_fixture(POSTS, tmp_path)
    edit_config(
        project, "  - trangxa-search\n", "  - trangxa-search:\n      full_text_shard_size: 1\n"
    )
    text = (project / "posts/2024/nuoi-ga.md").read_text(encoding="utf-8")
    (project / "posts/2024/nuoi-ga-thon-hai.md").write_text(
        text.replace("thôn Một", "thôn Hai"), encoding="utf-8"
    )
    site_dir = build_site(project).site_dir
    [worker] = workers(site_dir)
    assert "const BODY_SHARDS = 2;" in worker.read_text("utf-8")
    assert sorted(indexed_pages(site_dir, BODY_BUNDLE_DIR)) == [
        "tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-hai/",
        "tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-mot/",
    ]


def test_page_path_of_an_address() -> None:
    assert page_path("tin-tuc/2024/a/") == Path("tin-tuc/2024/a/index.html")
    assert page_path("") == Path("index.html")
    assert page_path("tin-tuc/a.html") == Path("tin-tuc/a.html")


def test_body_document_escapes_the_title_and_folds_d() -> None:
    page = body_document("Đường <b>làng</b>", "<p>Đổ bê tông</p>")
    assert "<h1>Đường &lt;b&gt;làng&lt;/b&gt;</h1><p>Đổ bê tông</p>" in page
    assert f"<p>{FOLDED_SENTINEL} duong do</p>" in page
    assert FOLDED_SENTINEL not in body_document("Lễ hội", "<p>Ngày hội</p>")


def test_preview_searches_without_the_index_of_post_texts(tmp_path: Path) -> None:
    project = copy_fixture(POSTS, tmp_path)
    result = build_site(project, command="serve")
    result.config.plugins["trangxa-search"].wait_for_index()  # type: ignore[attr-defined]
    [worker] = workers(result.site_dir)
    assert "const BODY_SHARDS = 0;" in worker.read_text("utf-8")
    assert not (result.site_dir / BODY_BUNDLE_DIR).exists()
    assert (result.site_dir / BUNDLE_DIR / "pagefind.js").is_file()


def test_full_text_index_can_be_left_out(tmp_path: Path) -> None:
    project = copy_fixture(POSTS, tmp_path)
    edit_config(project, "  - trangxa-search\n", "  - trangxa-search:\n      full_text: false\n")
    site_dir = build_site(project).site_dir
    [worker] = workers(site_dir)
    assert "const BODY_SHARDS = 0;" in worker.read_text("utf-8")
    assert not (site_dir / BODY_BUNDLE_DIR).exists()
    assert "tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-mot/" in indexed_pages(site_dir, BUNDLE_DIR)


def project_of_three_posts(tmp_path: Path, options: str) -> Path:
    """The posts fixture with three published posts, one a day, and options for the plugin."""
    project = copy_fixture(POSTS, tmp_path)
    edit_config(project, "  - trangxa-search\n", f"  - trangxa-search:\n{options}")
    text = (project / "posts/2024/nuoi-ga.md").read_text(encoding="utf-8")
    for day, village in ((7, "Hai"), (8, "Ba")):
        (project / f"posts/2024/nuoi-ga-thon-{village.lower()}.md").write_text(
            text.replace("thôn Một", f"thôn {village}").replace("05-06", f"05-0{day}"),
            encoding="utf-8",
        )
    return project


NEWEST = "tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-ba/"
OLDER = ("tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-hai/", "tin-tuc/2024/nuoi-ga-tha-vuon-o-thon-mot/")


def test_first_index_holds_the_newest_posts_and_title_files_the_older(tmp_path: Path) -> None:
    project = project_of_three_posts(tmp_path, "      title_index_posts: 1\n")
    site_dir = build_site(project).site_dir
    first = indexed_pages(site_dir, BUNDLE_DIR)
    assert NEWEST in first
    assert not set(OLDER) & set(first)
    for url in OLDER:
        assert "data-pagefind-body" not in (site_dir / url / "index.html").read_text("utf-8")
    # The index of post texts holds every post, older ones too.
    assert sorted(indexed_pages(site_dir, BODY_BUNDLE_DIR)) == sorted((NEWEST, *OLDER))
    [worker] = workers(site_dir)
    assert "const TITLE_FILES = 1;" in worker.read_text("utf-8")
    entries = json.loads((site_dir / TITLES_DIR / "0.json").read_text("utf-8"))
    assert sorted(url for url, _, _ in entries) == sorted("/" + url for url in OLDER)
    [(_, title, excerpt)] = [entry for entry in entries if entry[0] == "/" + OLDER[1]]
    assert title == "Nuôi gà thả vườn ở thôn Một"
    assert excerpt.startswith("Tổ hợp tác chăn nuôi của thôn Một có thêm")


def test_without_the_index_of_post_texts_the_first_holds_every_post(tmp_path: Path) -> None:
    project = project_of_three_posts(
        tmp_path, "      title_index_posts: 0\n      full_text: false\n"
    )
    site_dir = build_site(project).site_dir
    assert {NEWEST, *OLDER} <= set(indexed_pages(site_dir, BUNDLE_DIR))
    assert not (site_dir / TITLES_DIR).exists()
    [worker] = workers(site_dir)
    assert "const TITLE_FILES = 0;" in worker.read_text("utf-8")


def test_a_negative_number_of_posts_in_the_first_index_is_explained(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = project_of_three_posts(tmp_path, "      title_index_posts: -1\n")
    message = error_of(project, caplog)
    assert "`title_index_posts`" in message and "-1" in message


def test_preview_keeps_every_post_in_the_first_index(tmp_path: Path) -> None:
    # The preview writes no index of post texts: older posts would not be found at all.
    project = project_of_three_posts(tmp_path, "      title_index_posts: 1\n")
    result = build_site(project, command="serve")
    result.config.plugins["trangxa-search"].wait_for_index()  # type: ignore[attr-defined]
    assert {NEWEST, *OLDER} <= set(indexed_pages(result.site_dir, BUNDLE_DIR))
    assert not (result.site_dir / TITLES_DIR).exists()
