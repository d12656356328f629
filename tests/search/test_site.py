"""Fixture sites built with trangxa-search: the index Material's worker reads, and bad setups."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort
from trangxa.search.material_search import LANGUAGE_SCRIPT, VIETNAMESE_SEPARATOR

from ..sitebuild import build_site, copy_fixture
from .node import SCRIPT

FOLDING = "search/fixtures/folding"
TAGS = re.compile(r"<[^>]+>")


def index_of(site_dir: Path) -> dict[str, Any]:
    """The search index Material wrote for its worker."""
    data: dict[str, Any] = json.loads(
        (site_dir / "search/search_index.json").read_text(encoding="utf-8")
    )
    return data


def words(index: dict[str, Any], location: str) -> list[str]:
    """An index entry's text split into words the way the worker splits it."""
    [entry] = [doc for doc in index["docs"] if doc["location"] == location]
    separator = re.compile(index["config"]["separator"])
    text = TAGS.sub(" ", entry["text"])
    return [word.lower() for word in separator.split(text) if word and not word.isspace()]


def edit_config(project: Path, old: str, new: str) -> None:
    """Replace one piece of the fixture's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("th", "td", "dt", "dd"):
            self.cells.append("")
            self._open = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td", "dt", "dd"):
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[-1] += data


def cells(html: str) -> list[str]:
    """Text of every table cell and definition list item, in order."""
    parser = _Cells()
    parser.feed(html)
    return parser.cells


@pytest.fixture(scope="module")
def folding_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folding fixture, built once with --strict."""
    project = copy_fixture(FOLDING, tmp_path_factory.mktemp("search"))
    return build_site(project).site_dir


def test_worker_gets_the_vietnamese_separator(folding_site: Path) -> None:
    config = index_of(folding_site)["config"]
    assert config["lang"] == ["vi"]
    assert config["separator"] == VIETNAMESE_SEPARATOR


def test_site_ships_the_folding_language_script(folding_site: Path) -> None:
    assert (folding_site / LANGUAGE_SCRIPT).read_bytes() == SCRIPT.read_bytes()


def test_procedure_code_and_table_cells_are_separate_words(folding_site: Path) -> None:
    found = words(index_of(folding_site), "dang-ky-khai-sinh/")
    for word in ("1.001193", "tục", "lĩnh", "hạn", "ngay", "60", "2014", "qh13"):
        assert word in found, f"thiếu từ {word!r} trong {found}"
    assert not [word for word in found if "1.001193" in word and word != "1.001193"]


def test_spacing_leaves_the_table_as_written(folding_site: Path) -> None:
    html = (folding_site / "dang-ky-khai-sinh/index.html").read_text(encoding="utf-8")
    assert cells(html) == [
        "Mã thủ tục",
        "1.001193",
        "Lĩnh vực",
        "Hộ tịch",
        "Thời hạn",
        "Ngay trong ngày",
    ]


def test_without_the_plugin_material_glues_cells_together(tmp_path: Path) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "  - trangxa-search\n", "  - trangxa-search:\n      enabled: false\n")
    site_dir = build_site(project).site_dir
    index = index_of(site_dir)
    assert index["config"]["separator"] != VIETNAMESE_SEPARATOR
    assert "1.001193" not in words(index, "dang-ky-khai-sinh/")
    assert "foldsDiacritics" not in (site_dir / LANGUAGE_SCRIPT).read_text(encoding="utf-8")


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


def test_other_search_language_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "      lang: vi\n", "      lang: [vi, en]\n")
    message = error_of(project, caplog)
    assert "vi, en" in message
    assert "`lang: vi`" in message


def test_theme_language_decides_when_search_has_none(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "  - search:\n      lang: vi\n", "  - search\n")
    edit_config(project, "  language: vi\n", "  language: en\n")
    assert "đang dùng ngôn ngữ: en" in error_of(project, caplog)


def test_missing_search_plugin_is_explained(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "  - search:\n      lang: vi\n", "")
    assert "`- search`" in error_of(project, caplog)


def test_script_shadowed_by_overrides_fails_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = copy_fixture(FOLDING, tmp_path)
    edit_config(project, "  language: vi\n", "  language: vi\n  custom_dir: overrides\n")
    shadow = project / "overrides" / LANGUAGE_SCRIPT
    shadow.parent.mkdir(parents=True)
    shadow.write_text("/* lunr-languages vi */\n", encoding="utf-8")
    message = error_of(project, caplog)
    assert LANGUAGE_SCRIPT in message
    assert "overrides/" in message
