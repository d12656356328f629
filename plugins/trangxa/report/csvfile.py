"""The posts counted in a period as a CSV file that Excel opens with a double-click.

Excel splits a double-clicked CSV on the list separator of the computer's regional settings,
which is ";" wherever the decimal separator is "," — as under Vietnamese settings. The file
therefore uses ";" by default, starts with a UTF-8 byte-order mark (without it Excel reads the
diacritics as Windows-1258), and has no "sep=;" first line: Excel then ignores the byte-order
mark and other programs read that line as data.
"""

from __future__ import annotations

import csv
import io

from trangxa.core.dates import format_vn_datetime
from trangxa.report.count import PeriodCount
from trangxa.report.text import visits_lines
from trangxa.report.visits import VisitCount

CSV_HEADER = ("STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn", "Tệp nguồn")
SEPARATORS = {"semicolon": ";", "comma": ","}
DEFAULT_SEPARATOR = "semicolon"
# A spreadsheet runs a cell starting with one of these as a formula (or, for tab and carriage
# return, strips them and then may); an apostrophe in front makes it plain text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """The text as a cell no spreadsheet runs: an apostrophe before a formula's first character."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def csv_bytes(
    count: PeriodCount, separator: str = DEFAULT_SEPARATOR, visits: VisitCount | None = None
) -> bytes:
    """One row per counted post, UTF-8 with a byte-order mark so Excel reads the diacritics.

    With access logs, the visit figures follow the posts after an empty row, label and number.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=SEPARATORS[separator], lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for number, item in enumerate(count.items, start=1):
        writer.writerow(
            (
                number,
                format_vn_datetime(item.date),
                neutralise(item.title),
                neutralise("; ".join(item.categories)),
                neutralise(item.url),
                neutralise(item.source),
            )
        )
    if visits is not None:
        writer.writerow(())
        for line in visits_lines(visits):
            writer.writerow(neutralise(cell) for cell in line.split("\t"))
    return buffer.getvalue().encode("utf-8-sig")
