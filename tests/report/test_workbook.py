"""The Excel workbook: the appendix's figures and lists on sheets, read back and opened in LibreOffice."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook import Workbook
from pypdf import PdfReader

from tests.report.cli import BOUNDARIES, LATE, run_count
from tests.report.office import convert

FORMULA_TITLE = '=HYPERLINK("http://evil.example","Bấm")'
SHEETS = ["Tổng hợp", "Theo chuyên mục", "Thủ tục", "Tin bài CCHC", "Tất cả tin bài"]


@pytest.fixture(scope="module")
def workbook_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("xlsx")
    project = work / "boundaries"
    shutil.copytree(BOUNDARIES, project)
    (project / "posts/2024/cong-thuc.md").write_text(
        f"---\ntitle: '{FORMULA_TITLE}'\ndate: 01/02/2024 09:15\n"
        "categories: [Cải cách hành chính]\n---\n\nNội dung.\n",
        encoding="utf-8",
    )
    target = work / "so-lieu-quy-1.xlsx"
    run = run_count(
        "--period",
        "2024-Q1",
        "--as-of",
        LATE,
        "--format",
        "xlsx",
        "-o",
        str(target),
        project=project,
    )
    assert run.code == 0, run.stderr
    return target


@pytest.fixture(scope="module")
def workbook(workbook_file: Path) -> Workbook:
    return openpyxl.load_workbook(workbook_file)


def values(workbook: Workbook, sheet: str) -> list[list[object]]:
    return [list(row) for row in workbook[sheet].iter_rows(values_only=True)]


def test_sheets_in_order(workbook: Workbook) -> None:
    assert workbook.sheetnames == SHEETS


def test_summary_sheet_has_the_heading_sentences_and_figures(workbook: Workbook) -> None:
    rows = values(workbook, "Tổng hợp")
    column = [row[0] for row in rows]
    assert column[:2] == ["ỦY BAN NHÂN DÂN XÃ HÒA AN", "PHỤ LỤC"]
    assert column[3].startswith("(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm …")
    assert "từ ngày 15/12/2023 đến ngày 14/3/2024" in column[4]
    assert column[5].startswith(
        "Trong quý I năm 2024, Trang thông tin điện tử xã Hòa An đã đăng tải 6 tin, bài"
    )
    figures = {row[0]: row[1] for row in rows if isinstance(row[1], int)}
    assert figures == {
        "Tổng số tin, bài": 6,
        "Tin, bài chuyên mục Cải cách hành chính": 3,
        "Thủ tục hành chính mới ban hành": 2,
        "Thủ tục hành chính sửa đổi, bổ sung": 0,
        "Thủ tục hành chính thay thế": 0,
        "Thủ tục hành chính bãi bỏ": 0,
        "Thủ tục hành chính còn hiệu lực cuối kỳ": 3,
    }


def test_category_sheet_with_the_reform_row_in_bold(workbook: Workbook) -> None:
    sheet = workbook["Theo chuyên mục"]
    assert values(workbook, "Theo chuyên mục")[:6] == [
        ["STT", "Chuyên mục", "Số tin, bài"],
        [1, "Tin tức", 2],
        [2, "Thông báo", 2],
        [3, "Cải cách hành chính", 3],
        [None, "Tổng số tin, bài", 6],
        [None, None, None],
    ]
    assert [sheet.cell(row=row, column=2).font.b for row in range(2, 6)] == [
        False,
        False,
        True,
        True,
    ]


def test_post_sheets_have_real_dates_frozen_headers_and_widths(workbook: Workbook) -> None:
    for name, count in (("Tất cả tin bài", 6), ("Tin bài CCHC", 3)):
        sheet = workbook[name]
        rows = values(workbook, name)
        assert rows[0] == ["STT", "Tiêu đề", "Ngày đăng", "Đường dẫn"]
        assert len(rows) == count + 1
        assert sheet.freeze_panes == "A2"
        for row in range(2, count + 2):
            cell = sheet.cell(row=row, column=3)
            assert isinstance(cell.value, datetime)
            assert cell.number_format == "dd/mm/yyyy"
        assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width > 5
    every = values(workbook, "Tất cả tin bài")
    # 23:30 on 31/12/2023 in Vietnam and the post written in UTC stay on their Vietnamese days.
    assert [row[2] for row in every[1:]] == [
        datetime(2023, 12, 15),
        datetime(2023, 12, 31),
        datetime(2024, 1, 1),
        datetime(2024, 2, 1),
        datetime(2024, 3, 14),
        datetime(2024, 3, 14),
    ]


def test_a_title_like_a_formula_stays_text(workbook: Workbook) -> None:
    sheet = workbook["Tất cả tin bài"]
    cell = sheet.cell(row=5, column=2)
    assert cell.value == FORMULA_TITLE
    assert cell.data_type == "s"


def test_procedure_sheet(workbook: Workbook) -> None:
    rows = values(workbook, "Thủ tục")
    assert rows[0][:3] == ["STT", "Mã thủ tục", "Tên thủ tục"]
    assert [row[2] for row in rows[1:3]] == ["Đăng ký kết hôn", "Đăng ký khai sinh"]
    assert rows[1][5] == datetime(2023, 12, 20)
    assert rows[3][2:4] == ["Tổng số", 2]


def test_libreoffice_opens_it_and_shows_the_formula_title_as_text(
    workbook_file: Path, tmp_path: Path
) -> None:
    pdf = convert(workbook_file, "pdf", tmp_path)
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "Cải cách hành chính đầu ngày 14/3/2024" in text
    # Shown as typed (wrapped in its cell), not run: a formula would show only "Bấm".
    assert FORMULA_TITLE in "".join(text.split())
    assert "14/03/2024" in text
