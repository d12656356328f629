"""Real builds of the boundaries fixture: the statistics page, period pages and so-lieu.json."""

from __future__ import annotations

import json
import posixpath
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from tests.report.cli import run_count
from tests.report.htmltables import read_page
from tests.sitebuild import BuildResult, build_site, captured_logs, copy_fixture

TT, TB, CCHC = "Tin tức", "Thông báo", "Cải cách hành chính"
PARTS = ["Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "", *[f"{m:02d}" for m in range(1, 13)]]
COLUMNS = ["Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", ""]


def period_ids(years: list[int]) -> list[str]:
    return [f"{year}-{part}" if part else str(year) for year in years for part in PARTS]


def add_future_post(project: Path) -> None:
    """A post dated a year after whenever the test runs: not published, so never counted."""
    ahead = date.today() + timedelta(days=365)
    (project / "posts/2025/sap-dang.md").write_text(
        f"---\ntitle: Bài sắp đăng\ndate: {ahead.isoformat()}\ncategories: [Tin tức]\n---\n\n"
        "Bài chưa đến ngày đăng.\n",
        encoding="utf-8",
    )


def set_mode(project: Path, mode: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - trangxa-report\n", f"  - trangxa-report:\n      period_mode: {mode}\n"
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def nd09(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    project = copy_fixture("report/fixtures/boundaries", tmp_path_factory.mktemp("nd09"))
    add_future_post(project)
    return project, build_site(project)


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    project = copy_fixture("report/fixtures/boundaries", tmp_path_factory.mktemp("calendar"))
    set_mode(project, "calendar")
    return project, build_site(project)


def figures(built: BuildResult) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(built.read("thong-ke/so-lieu.json"))
    return data


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["period"]["id"]: entry for entry in data["periods"]}


def test_strict_build_passes_without_warnings(nd09: tuple[Path, BuildResult]) -> None:
    assert nd09[1].messages == []


def test_json_holds_every_period_of_every_year_with_posts(
    nd09: tuple[Path, BuildResult], calendar: tuple[Path, BuildResult]
) -> None:
    # nd09: 14/12/2023 is in 2023, 31/12/2024 in 2025; calendar: only 2023 and 2024.
    data = figures(nd09[1])
    assert data["mode"] == "nd09"
    assert sorted(entry["period"]["id"] for entry in data["periods"]) == sorted(
        period_ids([2023, 2024, 2025])
    )
    assert {entry["period"]["mode"] for entry in data["periods"]} == {"nd09"}
    data = figures(calendar[1])
    assert sorted(entry["period"]["id"] for entry in data["periods"]) == sorted(
        period_ids([2023, 2024])
    )


def test_json_figures_match_hand_counts(
    nd09: tuple[Path, BuildResult], calendar: tuple[Path, BuildResult]
) -> None:
    entries = by_id(figures(nd09[1]))
    assert entries["2024-Q1"]["posts"] == {"total": 5, "by_category": {TT: 2, TB: 2, CCHC: 2}}
    assert entries["2024"]["posts"] == {"total": 11, "by_category": {TT: 3, TB: 4, CCHC: 5}}
    assert entries["2025"]["posts"]["total"] == 1
    assert entries["2024-Q3"]["procedures"] == {
        "by_change": {"new": 0, "amended": 0, "replaced": 0, "abolished": 1},
        "in_force": 2,
    }
    entries = by_id(figures(calendar[1]))
    assert entries["2024-Q1"]["posts"] == {"total": 5, "by_category": {TT: 2, TB: 1, CCHC: 3}}
    assert entries["2023-12"]["posts"]["total"] == 3


@pytest.mark.parametrize("which", ["nd09", "calendar"])
def test_command_and_json_give_the_same_figures_for_every_period(
    which: str, request: pytest.FixtureRequest
) -> None:
    project, built = request.getfixturevalue(which)
    data = figures(built)
    assert data["periods"]
    for entry in data["periods"]:
        run = run_count(
            "--period",
            entry["period"]["id"],
            "--as-of",
            data["as_of"],
            "--format",
            "json",
            project=project,
        )
        assert run.code == 0, run.stderr
        from_command = run.json()
        items = from_command["posts"].pop("items")
        assert len(items) == from_command["posts"]["total"]
        assert from_command == entry


def year_tables(built: BuildResult, year: int) -> tuple[Any, Any]:
    page = read_page(built.read("thong-ke/index.html"))
    posts = next(t for t in page.tables if t.caption == f"Số tin, bài theo chuyên mục, năm {year}")
    procedures = next(
        t for t in page.tables if t.caption == f"Thủ tục hành chính cập nhật trên trang, năm {year}"
    )
    return posts, procedures


def test_page_shows_hand_counted_figures_by_quarter_half_nine_months_and_year(
    nd09: tuple[Path, BuildResult],
) -> None:
    posts, procedures = year_tables(nd09[1], 2024)
    assert [cell.text for cell in posts.rows[0]] == [
        "Chuyên mục",
        "Quý I 15/12/2023 – 14/3/2024",
        "Quý II 15/3/2024 – 14/6/2024",
        "Quý III 15/6/2024 – 14/9/2024",
        "Quý IV 15/9/2024 – 14/12/2024",
        "6 tháng đầu năm 15/12/2023 – 14/6/2024",
        "6 tháng cuối năm 15/6/2024 – 14/12/2024",
        "9 tháng 15/12/2023 – 14/9/2024",
        "Cả năm 15/12/2023 – 14/12/2024",
    ]
    assert all(cell.tag == "th" and cell.scope == "col" for cell in posts.rows[0])
    assert [c.text for c in posts.row(TT)] == ["2", "1", "0", "0", "3", "0", "3", "3"]
    assert [c.text for c in posts.row(TB)] == ["2", "0", "1", "1", "2", "2", "3", "4"]
    assert [c.text for c in posts.row(CCHC)] == ["2", "2", "1", "0", "4", "1", "5", "5"]
    assert [c.text for c in posts.row("Tổng số tin, bài")] == [
        "5",
        "3",
        "2",
        "1",
        "8",
        "3",
        "10",
        "11",
    ]
    assert [c.text for c in procedures.row("Thủ tục mới ban hành")] == [
        "2",
        "0",
        "0",
        "0",
        "2",
        "0",
        "2",
        "2",
    ]
    assert [c.text for c in procedures.row("Thủ tục còn hiệu lực cuối kỳ")] == [
        "3",
        "3",
        "2",
        "2",
        "3",
        "2",
        "2",
        "2",
    ]
    for row in posts.rows[1:]:
        assert row[0].tag == "th" and row[0].scope == "row"


def test_page_and_json_agree_for_every_year(nd09: tuple[Path, BuildResult]) -> None:
    entries = by_id(figures(nd09[1]))
    for year in (2023, 2024, 2025):
        posts, procedures = year_tables(nd09[1], year)
        ids = [f"{year}-{part}" if part else str(year) for part in COLUMNS]
        for name in (TT, TB, CCHC):
            shown = [int(cell.text) for cell in posts.row(name)]
            assert shown == [entries[i]["posts"]["by_category"][name] for i in ids]
        shown = [int(cell.text) for cell in posts.row("Tổng số tin, bài")]
        assert shown == [entries[i]["posts"]["total"] for i in ids]
        shown = [int(cell.text) for cell in procedures.row("Thủ tục bãi bỏ")]
        assert shown == [entries[i]["procedures"]["by_change"]["abolished"] for i in ids]


def resolve(built: BuildResult, page_dir: str, href: str) -> tuple[Path, str]:
    """Built file a relative link from a page in page_dir points to, and its fragment."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_dir, path))
    file = built.site_dir / target
    return (file / "index.html" if file.is_dir() else file), fragment


def test_each_figure_links_to_the_list_of_the_posts_it_counts(
    nd09: tuple[Path, BuildResult],
) -> None:
    built = nd09[1]
    posts, _ = year_tables(built, 2024)
    checked = 0
    for row in posts.rows[1:]:
        for cell in row[1:]:
            if cell.text == "0":
                assert cell.href is None
                continue
            assert cell.href is not None
            target, fragment = resolve(built, "thong-ke", cell.href)
            listing = read_page(target.read_text(encoding="utf-8"))
            assert fragment in listing.ids
            links = listing.lists[fragment]
            assert len(links) == int(cell.text)
            for link in links:
                post_page, _ = resolve(
                    built, posixpath.dirname(target.relative_to(built.site_dir).as_posix()), link
                )
                assert post_page.is_file(), link
            checked += 1
    # Non-zero figures of 2024, counted by hand: 5 + 7 + 7 in the categories, 8 totals.
    assert checked == 27


def test_period_page_lists_posts_oldest_first_with_their_links(
    nd09: tuple[Path, BuildResult],
) -> None:
    built = nd09[1]
    listing = read_page(built.read("thong-ke/2024-q1/index.html"))
    assert listing.lists["tat-ca"] == [
        "../../tin-tuc/2023/thong-bao-luc-dau-ngay-15-12-2023/",
        "../../tin-tuc/2023/chuc-mung-nam-moi-luc-dem-31-12-2023/",
        "../../tin-tuc/2024/tin-ghi-gio-utc-sang-ngay-01-01-2024-gio-viet-nam/",
        "../../tin-tuc/2024/cai-cach-hanh-chinh-dau-ngay-14-3-2024/",
        "../../tin-tuc/2024/bai-hai-chuyen-muc-luc-cuoi-ngay-14-3-2024/",
    ]
    changes = next(t for t in listing.tables if t.caption.startswith("Thủ tục hành chính"))
    assert [row[1].text for row in changes.rows[1:]] == [
        "Đăng ký kết hôn (1.000894)",
        "Đăng ký khai sinh (1.001193)",
    ]


def test_period_page_links_back_to_its_year_on_the_statistics_page(
    nd09: tuple[Path, BuildResult],
) -> None:
    built = nd09[1]
    page = built.read("thong-ke/2024-q1/index.html")
    assert '<a href="../#nam-2024">Quay lại bảng số liệu năm 2024</a>' in page
    # The link resolves to the built statistics page, which has the year's heading.
    assert 'id="nam-2024"' in built.read("thong-ke/index.html")


def test_period_pages_are_out_of_nav_and_search(nd09: tuple[Path, BuildResult]) -> None:
    built = nd09[1]
    index = json.loads(built.read("search/search_index.json"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "thong-ke/" in locations
    assert not any(location.startswith("thong-ke/2024") for location in locations)
    home = built.read("index.html")
    assert 'href="thong-ke/"' in home
    assert "thong-ke/2024-q1/" not in home


def test_future_post_and_draft_are_not_counted(nd09: tuple[Path, BuildResult]) -> None:
    for path in (nd09[1].site_dir / "thong-ke").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "Bài nháp chưa đăng" not in text, path
            assert "Bài sắp đăng" not in text, path


def test_tables_scroll_inside_a_focusable_region(nd09: tuple[Path, BuildResult]) -> None:
    page = nd09[1].read("thong-ke/index.html")
    assert page.count('<div class="tx-report-scroll" role="region"') == 6
    assert ".tx-report-scroll { overflow-x: auto;" in page


def test_site_without_procedures_counts_posts_only(tmp_path: Path) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - trangxa-procedures\n", ""),
        encoding="utf-8",
    )
    built = build_site(project)
    assert built.messages == []
    entries = by_id(figures(built))
    assert entries["2024-Q1"]["procedures"] is None
    assert entries["2024-Q1"]["posts"]["total"] == 5
    page = read_page(built.read("thong-ke/index.html"))
    assert [t.caption for t in page.tables] == [
        "Số tin, bài theo chuyên mục, năm 2023",
        "Số tin, bài theo chuyên mục, năm 2024",
        "Số tin, bài theo chuyên mục, năm 2025",
    ]
    run = run_count("--period", "2024-Q1", "--format", "json", project=project)
    assert run.json()["procedures"] is None


def test_asking_for_procedures_without_their_plugin_is_an_error(tmp_path: Path) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("  - trangxa-procedures\n", "")
        .replace("  - trangxa-report\n", "  - trangxa-report:\n      procedures: on\n"),
        encoding="utf-8",
    )
    with captured_logs() as records, pytest.raises(Abort):
        build_site(project)
    assert any("trangxa-procedures" in record.getMessage() for record in records)
    run = run_count("--period", "2024-Q1", project=project)
    assert run.code == 1
    assert "trangxa-procedures" in run.stderr
