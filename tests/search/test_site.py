"""Fixture sites built with trangxa-search: Pagefind's index, Material's search box, bad setups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from trangxa.search.material_search import VIETNAMESE_SEPARATOR
from trangxa.search.pagefind_index import MATERIAL_WORKERS, WORKER_SCRIPT
from trangxa.search.plugin import ENTRY_WORDS, FOLDED_SENTINEL, folded_d_words, search_entry

from ..sitebuild import build_site, copy_fixture

FOLDING = "search/fixtures/folding"


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
    assert worker.read_bytes() == WORKER_SCRIPT.read_bytes()
    assert not worker.with_name(worker.name + ".map").exists()


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
