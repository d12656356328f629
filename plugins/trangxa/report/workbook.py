"""The appendix as an Excel workbook: the figures in words, then one sheet per table."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from trangxa.report.appendix import Appendix, Cell, Listing

SUMMARY_SHEET = "Tổng hợp"
DATE_FORMAT = "dd/mm/yyyy"
# Excel measures column widths in characters of its default font, about 5 per centimetre
# at the widths the Word table uses; long titles wrap instead of widening the column.
CHARS_PER_CM = 5.2
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _set(cell: SheetCell, value: Cell) -> None:
    if isinstance(value, datetime):
        # Excel keeps no time zone: the date is written as read in Vietnam, the day only.
        cell.value = value.replace(tzinfo=None).date()
        cell.number_format = DATE_FORMAT
        return
    cell.value = value
    # openpyxl takes a text starting with "=" for a formula; a post's title is never one.
    if isinstance(value, str):
        cell.data_type = "s"


def _summary_sheet(sheet: Worksheet, appendix: Appendix) -> None:
    lines = [
        appendix.agency.upper(),
        "PHỤ LỤC",
        appendix.title,
        appendix.attachment,
        appendix.period_line,
        *(f"Lưu ý: {note}" for note in appendix.notes),
        *appendix.summary,
    ]
    for row, text in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1)
        _set(cell, text)
        cell.alignment = _WRAP
        if row <= 3:
            cell.font = _BOLD
    first = len(lines) + 2
    for column, heading in enumerate(("Chỉ số", "Số liệu"), start=1):
        cell = sheet.cell(row=first, column=column)
        _set(cell, heading)
        cell.font = _BOLD
    for row, (label, value) in enumerate(appendix.figures, start=first + 1):
        _set(sheet.cell(row=row, column=1), label)
        _set(sheet.cell(row=row, column=2), value)
    sheet.column_dimensions["A"].width = 90
    sheet.column_dimensions["B"].width = 14


def _listing_sheet(sheet: Worksheet, listing: Listing) -> None:
    for column, spec in enumerate(listing.columns, start=1):
        cell = sheet.cell(row=1, column=column)
        _set(cell, spec.name)
        cell.font = _BOLD
        sheet.column_dimensions[get_column_letter(column)].width = round(
            spec.width_cm * CHARS_PER_CM, 1
        )
    sheet.freeze_panes = "A2"
    rows = list(listing.rows)
    if listing.total is not None:
        rows.append(listing.total)
    for index, values in enumerate(rows):
        bold = index in listing.marked or (listing.total is not None and index == len(rows) - 1)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=index + 2, column=column)
            _set(cell, value)
            cell.alignment = _WRAP
            if bold:
                cell.font = _BOLD
    after = len(rows) + 3
    if not listing.rows:
        _set(sheet.cell(row=after, column=2), listing.empty_text)
        after += 1
    if listing.note:
        _set(sheet.cell(row=after, column=2), listing.note)


def write_xlsx(appendix: Appendix, path: Path) -> None:
    """Write the summary sheet and one sheet per listing of the appendix."""
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = SUMMARY_SHEET
    _summary_sheet(summary, appendix)
    for listing in appendix.listings:
        _listing_sheet(workbook.create_sheet(listing.sheet), listing)
    workbook.save(str(path))
