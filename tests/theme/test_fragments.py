"""Theme parts drawn once per folder give exactly the pages a full render gives.

Each comparison builds the same site twice: as it is, and with every part rendered on every
page (FragmentMemo.key answering None), then compares every file.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from trangxa.engine.fragments import FragmentMemo
from trangxa.site.layer import layer_of

from tests.sitebuild import BuildResult, build_site, copy_fixture, every_file

REPO = Path(__file__).resolve().parents[2]
# 01/12/2026 10:00 in Vietnam. Both builds of a comparison must see the same moment: a page that
# shows the time of the build would otherwise differ when a minute turns between them.
PINNED_CLOCK = "1796094000"


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_CLOCK)



@dataclass
class Counts:
    """What the memo did in one build; one site layer serves every build of a site."""

    hits: int
    misses: int
    occupied: set[str]


def counts(result: BuildResult) -> Counts:
    assert result.config is not None
    shortcuts = layer_of(result.config).shortcuts
    assert shortcuts is not None
    memo: FragmentMemo = shortcuts.fragments
    return Counts(memo.hits, memo.misses, set(memo.occupied))


def with_and_without(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[BuildResult, BuildResult, Counts]:
    reused = build_site(project, strict=False, site_dir=tmp_path / "reused")
    reused_counts = counts(reused)
    with monkeypatch.context() as patch:
        patch.setattr(FragmentMemo, "key", lambda self, name, page: None)
        full = build_site(project, strict=False, site_dir=tmp_path / "full")
    assert counts(full).hits == 0
    return reused, full, reused_counts


def assert_same_sites(reused: BuildResult, full: BuildResult) -> None:
    reused_files, full_files = every_file(reused.site_dir), every_file(full.site_dir)
    assert reused_files.keys() == full_files.keys()
    differing = [name for name in full_files if reused_files[name] != full_files[name]]
    assert differing == []


def test_sample_site_is_the_same_page_for_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "sample"
    shutil.copytree(
        REPO, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "bench")
    )
    reused, full, parts = with_and_without(project, tmp_path, monkeypatch)
    assert_same_sites(reused, full)
    # The news pages of one year share their parts: far fewer renders than pages.
    posts = len(list((reused.site_dir / "tin-tuc").glob("20*/*/index.html")))
    assert posts > 40
    assert parts.hits > 4 * posts
    assert parts.misses < parts.hits / 4


def basic_with(tmp_path: Path, settings: str) -> Path:
    """The basic news fixture with more settings at the end of its mkdocs.yml."""
    project = copy_fixture("news/fixtures/basic", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + settings, encoding="utf-8")
    return project


def test_addresses_ending_in_html_are_the_same_page_for_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = basic_with(
        tmp_path,
        "use_directory_urls: false\nnav:\n  - index.md\n  - Tin tức: tin-tuc/index.md\n",
    )
    reused, full, parts = with_and_without(project, tmp_path, monkeypatch)
    assert_same_sites(reused, full)
    assert parts.hits > 0


def test_a_folder_holding_a_navigation_page_renders_its_own_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second listing page of the news sits inside the news index's folder; with it in
    # the navigation, the index would link to it as `trang/2/` and its siblings otherwise.
    project = basic_with(tmp_path, "nav:\n  - index.md\n  - Trang 2: tin-tuc/trang/2/index.md\n")
    reused, full, parts = with_and_without(project, tmp_path, monkeypatch)
    assert_same_sites(reused, full)
    assert "tin-tuc/" in parts.occupied
    assert parts.hits > 0


def test_a_site_that_overrides_templates_renders_every_page_in_full(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  language: vi\n", "  language: vi\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    # An override that shows something of each page inside a part trangxa would reuse.
    footer = project / "overrides/partials/footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text('<footer class="own">{{ page.title }}</footer>\n', encoding="utf-8")
    result = build_site(project)
    assert counts(result).hits == 0
    pages = sorted(result.site_dir.glob("tin-tuc/20*/*/index.html"))
    assert len(pages) >= 3
    footers = {page.read_text(encoding="utf-8").split('<footer class="own">')[1][:60] for page in pages}
    assert len(footers) == len(pages)
