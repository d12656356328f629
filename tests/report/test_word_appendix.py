"""The Word appendix: A4 and the administrative-document layout, Vietnamese, its contents, its PDF."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from pypdf import PdfReader

from tests.report.cli import LATE, Q1_TITLES, run_count
from tests.report.office import convert, pdf_words

A4_POINTS = (595.3, 841.9)
TEXT_LEFT_PT = 3.0 / 2.54 * 72
TEXT_RIGHT_PT = (21.0 - 1.5) / 2.54 * 72


@pytest.fixture(scope="module")
def appendix_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("docx") / "phu-luc-quy-1.docx"
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "docx", "-o", str(target))
    assert run.code == 0, run.stderr
    assert "vào" in run.stdout.decode("utf-8") and str(target) in run.stdout.decode("utf-8")
    return target


@pytest.fixture(scope="module")
def document(appendix_file: Path) -> Document:
    return docx.Document(str(appendix_file))


def table_cells(document: Document, index: int) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[index].rows]


def test_page_is_a4_portrait_with_the_decree_margins(document: Document) -> None:
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    # Word stores margins in twentieths of a point, so a centimetre figure is rounded.
    slack = Cm(0.01)
    assert Cm(2.0) - slack <= section.top_margin <= Cm(2.5) + slack
    assert Cm(2.0) - slack <= section.bottom_margin <= Cm(2.5) + slack
    assert Cm(3.0) - slack <= section.left_margin <= Cm(3.5) + slack
    assert Cm(1.5) - slack <= section.right_margin <= Cm(2.0) + slack
    page_size = section._sectPr.find(qn("w:pgSz"))
    assert page_size.get(qn("w:w")) == "11906" and page_size.get(qn("w:h")) == "16838"


def test_every_style_is_times_new_roman_in_vietnamese(document: Document) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    checked = [defaults] + [
        style.element.rPr for style in document.styles if style.element.rPr is not None
    ]
    assert len(checked) > 5
    for rpr in checked:
        fonts = rpr.find(qn("w:rFonts"))
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(slot)) == "Times New Roman"
        # A theme font would take the place of the named one.
        assert not any(name.endswith("Theme") or name.endswith("theme") for name in fonts.attrib)
        language = rpr.find(qn("w:lang"))
        assert language.get(qn("w:val")) == "vi-VN"
    assert document.styles["Normal"].font.size == Pt(14)
    assert document.styles["Table Text"].font.size == Pt(13)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph.style.name == "Table Text"
                    assert all(run.font.size is None for run in paragraph.runs)
    for paragraph in document.paragraphs:
        assert all(run.font.name is None and run.font.size is None for run in paragraph.runs)


def test_heading_attachment_line_and_period(document: Document) -> None:
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "ỦY BAN NHÂN DÂN XÃ HÒA AN"
    assert texts[1] == "PHỤ LỤC"
    assert texts[2] == (
        "SỐ LIỆU TIN, BÀI ĐĂNG TRÊN TRANG THÔNG TIN ĐIỆN TỬ XÃ HÒA AN QUÝ I NĂM 2024"
    )
    assert texts[3] == (
        "(Kèm theo Báo cáo số …/BC-UBND ngày … tháng … năm … của Ủy ban nhân dân xã Hòa An)"
    )
    assert texts[4] == (
        "Kỳ báo cáo: quý I năm 2024, từ ngày 15/12/2023 đến ngày 14/3/2024 "
        "(chốt số liệu theo Điều 12 Nghị định 09/2019/NĐ-CP)."
    )
    assert texts[5].startswith(
        "Trong quý I năm 2024, Trang thông tin điện tử xã Hòa An đã đăng tải 5 tin, bài, "
        "trong đó 2 tin, bài về cải cách hành chính; cập nhật 2 thủ tục hành chính"
    )
    assert not any(text.startswith("Lưu ý") for text in texts)


def test_table_by_category_marks_the_reform_row(document: Document) -> None:
    cells = table_cells(document, 0)
    assert cells == [
        ["STT", "Chuyên mục", "Số tin, bài"],
        ["1", "Tin tức", "2"],
        ["2", "Thông báo", "2"],
        ["3", "Cải cách hành chính", "2"],
        ["", "Tổng số tin, bài", "5"],
    ]
    rows = document.tables[0].rows
    bold = [all(run.bold for cell in row.cells for run in cell.paragraphs[0].runs) for row in rows]
    assert bold == [True, False, False, True, True]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert any(text.startswith("Dòng in đậm là chuyên mục Cải cách hành chính") for text in texts)


def test_procedure_changes_of_the_period(document: Document) -> None:
    cells = table_cells(document, 1)
    assert cells[0] == [
        "STT",
        "Mã thủ tục",
        "Tên thủ tục",
        "Nội dung cập nhật",
        "Quyết định công bố",
        "Ngày đăng",
    ]
    assert [row[1:4] for row in cells[1:-1]] == [
        ["1.000894", "Đăng ký kết hôn", "mới ban hành"],
        ["1.001193", "Đăng ký khai sinh", "mới ban hành"],
    ]
    assert [row[5] for row in cells[1:-1]] == ["20/12/2023", "10/01/2024"]
    assert cells[-1][2:4] == ["Tổng số", "2"]


def test_reform_posts_then_every_post_with_date_and_address(document: Document) -> None:
    reform = table_cells(document, 2)
    assert reform[0] == ["STT", "Tiêu đề", "Ngày đăng", "Đường dẫn"]
    assert [row[1] for row in reform[1:]] == Q1_TITLES[3:]
    every = table_cells(document, 3)
    assert [row[0] for row in every[1:]] == ["1", "2", "3", "4", "5"]
    assert [row[1] for row in every[1:]] == Q1_TITLES
    assert [row[2] for row in every[1:]] == [
        "15/12/2023",
        "31/12/2023",
        "01/01/2024",
        "14/03/2024",
        "14/03/2024",
    ]
    assert every[3][3] == (
        "https://hoaan.lacson.gov.vn/tin-tuc/2024/tin-ghi-gio-utc-sang-ngay-01-01-2024-gio-viet-nam/"
    )
    assert len(document.tables) == 4


def test_every_table_is_fixed_within_the_text_width(document: Document) -> None:
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        properties = table._tbl.tblPr
        assert properties.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        width = properties.find(qn("w:tblW"))
        assert width.get(qn("w:type")) == "dxa"
        twips = int(width.get(qn("w:w")))
        columns = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(columns) <= twips + len(columns)
        assert Cm(twips / 567) <= text_width + Cm(0.01)
        for row in table.rows:
            assert sum(cell.width for cell in row.cells) <= text_width + Cm(0.01)


def test_an_unfinished_period_says_so(tmp_path: Path) -> None:
    target = tmp_path / "dang-dien-ra.docx"
    run = run_count(
        "--period", "2024-Q1", "--as-of", "2024-01-05 10:00", "--format", "docx", "-o", str(target)
    )
    assert run.code == 0, run.stderr
    texts = [paragraph.text for paragraph in docx.Document(str(target)).paragraphs]
    assert "Lưu ý: Kỳ báo cáo chưa kết thúc: số liệu tính đến 05/01/2024 10:00." in texts


def test_renders_to_an_a4_pdf_whose_text_stays_inside_the_margins(
    appendix_file: Path, tmp_path: Path
) -> None:
    pdf = convert(appendix_file, "pdf", tmp_path)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 1
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "PHỤ LỤC" in text
    assert "Kèm theo Báo cáo số" in text
    words = pdf_words(pdf)
    assert {"Tin", "tức", "https://hoaan.lacson.gov.vn/tin-"} <= {word.text for word in words}
    outside = [
        word for word in words if word.left < TEXT_LEFT_PT - 1 or word.right > TEXT_RIGHT_PT + 1
    ]
    assert outside == []
    # The page number field shows from the second page on.
    if len(reader.pages) > 1:
        assert reader.pages[1].extract_text().split()[0] == "2"
