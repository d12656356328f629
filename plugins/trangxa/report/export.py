"""The posts counted in a period as a CSV file for Excel and a Word appendix table."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from trangxa.core.dates import format_vn_datetime, format_vn_short
from trangxa.core.vnformat import format_number
from trangxa.report.count import PeriodCount
from trangxa.report.text import MODE_NAMES, window_text

CSV_HEADER = ("STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn", "Tệp nguồn")
DOCX_HEADER = ("STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn")
# Administrative documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP, Phụ lục I).
DOCX_FONT = "Times New Roman"


def csv_bytes(count: PeriodCount) -> bytes:
    """One row per counted post, UTF-8 with a byte-order mark so Excel reads the diacritics."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for number, item in enumerate(count.items, start=1):
        writer.writerow(
            (
                number,
                format_vn_datetime(item.date),
                item.title,
                "; ".join(item.categories),
                item.url,
                item.source,
            )
        )
    return buffer.getvalue().encode("utf-8-sig")


def write_docx(count: PeriodCount, site_name: str, path: Path) -> None:
    """An appendix listing the counted posts, ready to attach to the report."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = DOCX_FONT
    normal.font.size = Pt(13)
    section = document.sections[0]
    section.left_margin = Cm(3)
    section.right_margin = Cm(2)
    section.top_margin = Cm(2)
    section.bottom_margin = Cm(2)

    period = count.period
    _centered(document, "PHỤ LỤC", bold=True)
    _centered(
        document,
        f"DANH MỤC TIN, BÀI ĐĂNG TẢI TRÊN {site_name.upper()} {period.label.upper()}",
        bold=True,
    )
    _centered(
        document,
        f"(Số liệu {window_text(period)}, {MODE_NAMES[period.mode]})",
        italic=True,
    )
    if not count.complete:
        _centered(
            document,
            f"(Kỳ báo cáo chưa kết thúc; số liệu tính đến {format_vn_datetime(count.as_of)})",
            italic=True,
        )

    table = document.add_table(rows=1, cols=len(DOCX_HEADER))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, DOCX_HEADER, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for number, item in enumerate(count.items, start=1):
        values = (
            str(number),
            format_vn_short(item.date),
            item.title,
            "; ".join(item.categories),
            item.url,
        )
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    widths = (Cm(1.2), Cm(2.6), Cm(6.2), Cm(3.2), Cm(3.8))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width

    document.add_paragraph(f"Tổng số: {format_number(count.total)} tin, bài.")
    document.save(str(path))


def _centered(
    document: DocxDocument, text: str, *, bold: bool = False, italic: bool = False
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.italic = italic
