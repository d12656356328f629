"""What the Word appendix and the Excel workbook hold, built once from a period's count."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from trangxa.core.dates import format_vn_datetime
from trangxa.report.count import PeriodCount
from trangxa.report.text import CHANGE_NAMES, MODE_NAMES, summary_sentences, window_text
from trangxa.report.visits import VisitCount, coverage_note, visits_figures, visits_sentence

Cell = str | int | datetime
Align = Literal["left", "center", "right"]

DEFAULT_REPORT_SYMBOL = "BC-UBND"


@dataclass(frozen=True)
class Column:
    """A column of a listing: its heading, its width in the Word table and its alignment."""

    name: str
    width_cm: float
    align: Align = "left"


@dataclass(frozen=True)
class Listing:
    """One table of the appendix and one sheet of the workbook."""

    sheet: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    # Row indexes shown in bold: the reform column's row in the table by category.
    marked: frozenset[int] = frozenset()
    total: tuple[Cell, ...] | None = None
    note: str = ""
    empty_text: str = "Không có."


@dataclass(frozen=True)
class Appendix:
    """The appendix of a report: heading lines, the figures in words, then the tables."""

    agency: str
    title: str
    attachment: str
    period_line: str
    notes: tuple[str, ...]
    summary: tuple[str, ...]
    # The key figures as label and number, for the workbook's first sheet.
    figures: tuple[tuple[str, int], ...] = ()
    listings: tuple[Listing, ...] = field(default_factory=tuple)


def attachment_line(agency: str, symbol: str = DEFAULT_REPORT_SYMBOL) -> str:
    """The line the clerk completes by hand once the report has its number and date."""
    return f"(Kèm theo Báo cáo số …/{symbol} ngày … tháng … năm … của {agency})"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _by_category(count: PeriodCount, cchc_category: str | None) -> Listing:
    names = list(count.by_category)
    rows = tuple((number, name, count.by_category[name]) for number, name in enumerate(names, 1))
    marked = frozenset(
        index for index, name in enumerate(names) if cchc_category and name == cchc_category
    )
    note = "Một tin, bài thuộc nhiều chuyên mục được tính ở mỗi chuyên mục nhưng chỉ tính một lần trong tổng số."
    if marked:
        note = f"Dòng in đậm là chuyên mục {cchc_category} (CCHC). {note}"
    return Listing(
        "Theo chuyên mục",
        "Tin, bài theo chuyên mục",
        (
            Column("STT", 1.5, "center"),
            Column("Chuyên mục", 10.5),
            Column("Số tin, bài", 4.5, "right"),
        ),
        rows,
        marked,
        ("", "Tổng số tin, bài", count.total),
        note,
    )


POST_COLUMNS = (
    Column("STT", 1.4, "center"),
    Column("Tiêu đề", 6.3, "left"),
    Column("Ngày đăng", 2.6, "center"),
    Column("Đường dẫn", 6.2, "left"),
)


def _posts(sheet: str, title: str, count: PeriodCount, category: str | None) -> Listing:
    items = count.items if category is None else tuple(count.items_in(category))
    rows = tuple(
        (number, item.title, item.date, item.url) for number, item in enumerate(items, start=1)
    )
    return Listing(sheet, title, POST_COLUMNS, rows, empty_text="Không có tin, bài nào trong kỳ.")


def _procedures(count: PeriodCount) -> Listing | None:
    procedures = count.procedures
    if procedures is None:
        return None
    rows = tuple(
        (
            number,
            change.code,
            change.name,
            CHANGE_NAMES[change.change],
            change.decision,
            change.posted,
        )
        for number, change in enumerate(procedures.changes, start=1)
    )
    columns = (
        Column("STT", 1.4, "center"),
        Column("Mã thủ tục", 2.6),
        Column("Tên thủ tục", 4.4),
        Column("Nội dung cập nhật", 2.5),
        Column("Quyết định công bố", 3.0),
        Column("Ngày đăng", 2.6, "center"),
    )
    changed = sum(procedures.by_change.values())
    return Listing(
        "Thủ tục",
        "Thủ tục hành chính cập nhật trong kỳ",
        columns,
        rows,
        total=("", "", "Tổng số", changed, "", ""),
        empty_text="Không có thủ tục hành chính nào được cập nhật trong kỳ.",
    )


def build_appendix(
    count: PeriodCount,
    site_name: str,
    agency: str,
    cchc_category: str | None,
    report_symbol: str = DEFAULT_REPORT_SYMBOL,
    visits: VisitCount | None = None,
) -> Appendix:
    """Heading, period, figures in words and every table, in the order the appendix shows them."""
    period = count.period
    cchc = _nfc(cchc_category) if cchc_category else None
    notes = []
    if not count.complete:
        notes.append(
            f"Kỳ báo cáo chưa kết thúc: số liệu tính đến {format_vn_datetime(count.as_of)}."
        )
    extra_summary: list[str] = []
    extra_figures: list[tuple[str, int]] = []
    if visits is not None:
        note = coverage_note(visits)
        if note:
            notes.append(note)
        extra_summary.append(visits_sentence(visits))
        extra_figures += visits_figures(visits)
    listings = [_by_category(count, cchc)]
    procedures = _procedures(count)
    if procedures is not None:
        listings.append(procedures)
    if cchc:
        listings.append(_posts("Tin bài CCHC", f"Tin, bài chuyên mục {cchc}", count, cchc))
    listings.append(_posts("Tất cả tin bài", "Danh sách tin, bài đăng trong kỳ", count, None))
    return Appendix(
        agency=agency,
        title=f"SỐ LIỆU TIN, BÀI ĐĂNG TRÊN {site_name.upper()} {period.label.upper()}",
        attachment=attachment_line(agency, report_symbol),
        period_line=(
            f"Kỳ báo cáo: {period.label}, {window_text(period)} ({MODE_NAMES[period.mode]})."
        ),
        notes=tuple(notes),
        summary=(*summary_sentences(count, site_name, cchc), *extra_summary),
        figures=(*key_figures(count, cchc), *extra_figures),
        listings=tuple(listings),
    )


def key_figures(count: PeriodCount, cchc_category: str | None) -> list[tuple[str, int]]:
    """Posts, reform-column posts and procedure changes, as label and number."""
    figures = [("Tổng số tin, bài", count.total)]
    if cchc_category and cchc_category in count.by_category:
        figures.append((f"Tin, bài chuyên mục {cchc_category}", count.by_category[cchc_category]))
    procedures = count.procedures
    if procedures is not None:
        figures += [
            (f"Thủ tục hành chính {name}", procedures.by_change[key])
            for key, name in CHANGE_NAMES.items()
        ]
        figures.append(("Thủ tục hành chính còn hiệu lực cuối kỳ", procedures.in_force))
    return figures
