"""Reporting periods: statutory data windows (Nghị định 09/2019) or plain calendar ones."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal, get_args

from trangxa.core.dates import VN_TZ, to_vn
from trangxa.core.vnformat import roman

Mode = Literal["nd09", "calendar"]
Kind = Literal["year", "half", "nine_months", "quarter", "month"]
MODES: tuple[Mode, ...] = get_args(Mode)

# Nghị định 09/2019/NĐ-CP, Điều 12: data for a period run from the 15th of the month before
# its first month to the 14th of its last month.
_ND09_CUTOFF_DAY = 14

_PERIOD_ID = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<part>Q[1-4]|H[12]|9M|0[1-9]|1[0-2]))?")

_VALID_FORMS = (
    "2024 (cả năm), 2024-Q1 đến 2024-Q4 (quý I đến quý IV), 2024-H1 (6 tháng đầu năm), "
    "2024-H2 (6 tháng cuối năm), 2024-9M (9 tháng), 2024-03 (tháng 3)"
)
_VALID_MODES = (
    '"nd09" (chốt số liệu theo Nghị định 09/2019/NĐ-CP: từ ngày 15 tháng trước đến ngày 14) '
    'hoặc "calendar" (theo lịch: từ ngày đầu đến ngày cuối của tháng, quý, năm)'
)


@dataclass(frozen=True)
class Period:
    """One reporting period with its inclusive window in Vietnam time and its names."""

    id: str
    mode: Mode
    kind: Kind
    year: int
    start: datetime
    end: datetime
    label: str
    short_label: str

    def contains(self, dt: datetime) -> bool:
        """True when the instant falls in the window, both ends included."""
        # Aware datetimes compare as instants, so no zone conversion is needed.
        moment = dt if dt.tzinfo is not None and dt.utcoffset() is not None else to_vn(dt)
        return self.start <= moment <= self.end


def _window(mode: Mode, year: int, first_month: int, last_month: int) -> tuple[datetime, datetime]:
    """Start and end of the months first_month..last_month of year under the mode."""
    if mode == "nd09":
        start_year, start_month = (year - 1, 12) if first_month == 1 else (year, first_month - 1)
        first_day = date(start_year, start_month, _ND09_CUTOFF_DAY + 1)
        last_day = date(year, last_month, _ND09_CUTOFF_DAY)
    else:
        first_day = date(year, first_month, 1)
        last_day = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return (
        datetime.combine(first_day, time.min, tzinfo=VN_TZ),
        datetime.combine(last_day, time.max, tzinfo=VN_TZ),
    )


def _make(
    mode: Mode,
    kind: Kind,
    year: int,
    part: str | None,
    months: tuple[int, int],
    label: str,
    short_label: str,
) -> Period:
    start, end = _window(mode, year, *months)
    period_id = str(year) if part is None else f"{year}-{part}"
    return Period(period_id, mode, kind, year, start, end, label, short_label)


def _year(year: int, mode: Mode) -> Period:
    return _make(mode, "year", year, None, (1, 12), f"năm {year}", f"Năm {year}")


def _quarter(year: int, quarter: int, mode: Mode) -> Period:
    numeral = roman(quarter)
    last = quarter * 3
    return _make(
        mode,
        "quarter",
        year,
        f"Q{quarter}",
        (last - 2, last),
        f"quý {numeral} năm {year}",
        f"Quý {numeral}/{year}",
    )


def _half(year: int, half: int, mode: Mode) -> Period:
    which = "đầu" if half == 1 else "cuối"
    label = f"6 tháng {which} năm {year}"
    months = (1, 6) if half == 1 else (7, 12)
    return _make(mode, "half", year, f"H{half}", months, label, label)


def _nine_months(year: int, mode: Mode) -> Period:
    return _make(mode, "nine_months", year, "9M", (1, 9), f"9 tháng năm {year}", f"9 tháng/{year}")


def _month(year: int, month: int, mode: Mode) -> Period:
    return _make(
        mode,
        "month",
        year,
        f"{month:02d}",
        (month, month),
        f"tháng {month} năm {year}",
        f"Tháng {month}/{year}",
    )


def _check_mode(mode: str) -> Mode:
    for known in MODES:
        if mode == known:
            return known
    raise ValueError(f'Cách tính kỳ báo cáo "{mode}" không có. Hãy dùng {_VALID_MODES}.')


def _check_year(year: int) -> None:
    # Year 1 would start in year 0 under the statutory windows; 9999 is the last datetime year.
    if not 2 <= year <= 9999:
        raise ValueError(f"Năm báo cáo {year} không hợp lệ: hãy viết năm đủ 4 chữ số, ví dụ 2024.")


def parse_period(period_id: str, mode: Mode) -> Period:
    """Period for an id such as 2024, 2024-Q1, 2024-H2, 2024-9M or 2024-03."""
    checked_mode = _check_mode(mode)
    text = period_id.strip().upper() if isinstance(period_id, str) else ""
    match = _PERIOD_ID.fullmatch(text)
    if match is None:
        raise ValueError(
            f'Kỳ báo cáo "{period_id}" không đúng dạng. Hãy viết theo một trong các dạng: '
            f"{_VALID_FORMS}."
        )
    year = int(match["year"])
    _check_year(year)
    part = match["part"]
    if part is None:
        return _year(year, checked_mode)
    if part.startswith("Q"):
        return _quarter(year, int(part[1]), checked_mode)
    if part.startswith("H"):
        return _half(year, int(part[1]), checked_mode)
    if part == "9M":
        return _nine_months(year, checked_mode)
    return _month(year, int(part), checked_mode)


def periods_of_year(year: int, mode: Mode, include_months: bool = False) -> list[Period]:
    """Q1..Q4, H1, H2, 9M and the year, then the twelve months when asked for."""
    checked_mode = _check_mode(mode)
    _check_year(year)
    periods = [_quarter(year, quarter, checked_mode) for quarter in range(1, 5)]
    periods += [_half(year, 1, checked_mode), _half(year, 2, checked_mode)]
    periods += [_nine_months(year, checked_mode), _year(year, checked_mode)]
    if include_months:
        periods += [_month(year, month, checked_mode) for month in range(1, 13)]
    return periods


def report_year(dt: datetime, mode: Mode) -> int:
    """Year whose year-period holds the instant: 20/12/2025 is in 2026 under nd09."""
    checked_mode = _check_mode(mode)
    local = to_vn(dt)
    if checked_mode == "nd09" and (local.month, local.day) > (12, _ND09_CUTOFF_DAY):
        return local.year + 1
    return local.year


def report_years(dates: Iterable[datetime], mode: Mode) -> list[int]:
    """Sorted years whose year-period holds at least one of the dates."""
    checked_mode = _check_mode(mode)
    return sorted({report_year(dt, checked_mode) for dt in dates})
