"""Reporting periods: statutory windows of Nghị định 09/2019 and calendar periods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise

import pytest
from trangxa.report.periods import MODES, Period, parse_period, periods_of_year, report_years

PLUS7 = timezone(timedelta(hours=7))


def vn(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=PLUS7)


def first_moment(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 0, 0, 0, 0, tzinfo=PLUS7)


def last_moment(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 23, 59, 59, 999999, tzinfo=PLUS7)


def test_modes() -> None:
    assert set(MODES) == {"nd09", "calendar"}


# Every window written out by hand from the table in Nghị định 09/2019, Điều 12.
ND09_2024 = [
    ("2024-Q1", "quarter", (2023, 12, 15), (2024, 3, 14)),
    ("2024-Q2", "quarter", (2024, 3, 15), (2024, 6, 14)),
    ("2024-Q3", "quarter", (2024, 6, 15), (2024, 9, 14)),
    ("2024-Q4", "quarter", (2024, 9, 15), (2024, 12, 14)),
    ("2024-H1", "half", (2023, 12, 15), (2024, 6, 14)),
    ("2024-H2", "half", (2024, 6, 15), (2024, 12, 14)),
    ("2024-9M", "nine_months", (2023, 12, 15), (2024, 9, 14)),
    ("2024", "year", (2023, 12, 15), (2024, 12, 14)),
    ("2024-01", "month", (2023, 12, 15), (2024, 1, 14)),
    ("2024-02", "month", (2024, 1, 15), (2024, 2, 14)),
    ("2024-03", "month", (2024, 2, 15), (2024, 3, 14)),
    ("2024-04", "month", (2024, 3, 15), (2024, 4, 14)),
    ("2024-05", "month", (2024, 4, 15), (2024, 5, 14)),
    ("2024-06", "month", (2024, 5, 15), (2024, 6, 14)),
    ("2024-07", "month", (2024, 6, 15), (2024, 7, 14)),
    ("2024-08", "month", (2024, 7, 15), (2024, 8, 14)),
    ("2024-09", "month", (2024, 8, 15), (2024, 9, 14)),
    ("2024-10", "month", (2024, 9, 15), (2024, 10, 14)),
    ("2024-11", "month", (2024, 10, 15), (2024, 11, 14)),
    ("2024-12", "month", (2024, 11, 15), (2024, 12, 14)),
]

CALENDAR_2024 = [
    ("2024-Q1", "quarter", (2024, 1, 1), (2024, 3, 31)),
    ("2024-Q2", "quarter", (2024, 4, 1), (2024, 6, 30)),
    ("2024-Q3", "quarter", (2024, 7, 1), (2024, 9, 30)),
    ("2024-Q4", "quarter", (2024, 10, 1), (2024, 12, 31)),
    ("2024-H1", "half", (2024, 1, 1), (2024, 6, 30)),
    ("2024-H2", "half", (2024, 7, 1), (2024, 12, 31)),
    ("2024-9M", "nine_months", (2024, 1, 1), (2024, 9, 30)),
    ("2024", "year", (2024, 1, 1), (2024, 12, 31)),
    ("2024-01", "month", (2024, 1, 1), (2024, 1, 31)),
    ("2024-02", "month", (2024, 2, 1), (2024, 2, 29)),
    ("2024-03", "month", (2024, 3, 1), (2024, 3, 31)),
    ("2024-04", "month", (2024, 4, 1), (2024, 4, 30)),
    ("2024-05", "month", (2024, 5, 1), (2024, 5, 31)),
    ("2024-06", "month", (2024, 6, 1), (2024, 6, 30)),
    ("2024-07", "month", (2024, 7, 1), (2024, 7, 31)),
    ("2024-08", "month", (2024, 8, 1), (2024, 8, 31)),
    ("2024-09", "month", (2024, 9, 1), (2024, 9, 30)),
    ("2024-10", "month", (2024, 10, 1), (2024, 10, 31)),
    ("2024-11", "month", (2024, 11, 1), (2024, 11, 30)),
    ("2024-12", "month", (2024, 12, 1), (2024, 12, 31)),
]


def _check_window(period: Period, first: tuple[int, int, int], last: tuple[int, int, int]) -> None:
    assert period.start == first_moment(*first)
    assert period.end == last_moment(*last)
    assert period.start.utcoffset() == timedelta(hours=7)
    assert period.end.utcoffset() == timedelta(hours=7)
    one_microsecond = timedelta(microseconds=1)
    assert period.contains(period.start)
    assert period.contains(period.end)
    assert not period.contains(period.start - one_microsecond)
    assert not period.contains(period.end + one_microsecond)


@pytest.mark.parametrize(("period_id", "kind", "first", "last"), ND09_2024)
def test_nd09_windows(
    period_id: str, kind: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    period = parse_period(period_id, "nd09")
    assert (period.id, period.mode, period.kind, period.year) == (period_id, "nd09", kind, 2024)
    _check_window(period, first, last)


@pytest.mark.parametrize(("period_id", "kind", "first", "last"), CALENDAR_2024)
def test_calendar_windows(
    period_id: str, kind: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    period = parse_period(period_id, "calendar")
    assert (period.id, period.mode, period.kind, period.year) == (period_id, "calendar", kind, 2024)
    _check_window(period, first, last)


def test_leap_years_in_both_modes() -> None:
    assert parse_period("2023-02", "calendar").end == last_moment(2023, 2, 28)
    assert parse_period("2024-02", "calendar").end == last_moment(2024, 2, 29)
    assert parse_period("2100-02", "calendar").end == last_moment(2100, 2, 28)
    assert parse_period("2000-02", "calendar").end == last_moment(2000, 2, 29)
    # The statutory window cuts on the 14th, so 29 February falls in month 03 of 2024.
    assert parse_period("2024-03", "nd09").contains(vn(2024, 2, 29, 12, 0))
    assert not parse_period("2024-02", "nd09").contains(vn(2024, 2, 29, 12, 0))


@pytest.mark.parametrize(
    ("moment", "inside", "outside"),
    [
        (vn(2023, 12, 15, 0, 0, 0), ["2024", "2024-Q1", "2024-H1", "2024-9M", "2024-01"], ["2023"]),
        (vn(2023, 12, 14, 23, 59, 59), ["2023", "2023-Q4", "2023-H2", "2023-12"], ["2024"]),
        (vn(2024, 3, 14, 0, 0, 0), ["2024-Q1", "2024-03"], ["2024-Q2"]),
        (vn(2024, 3, 14, 23, 59, 59), ["2024-Q1", "2024-03"], ["2024-Q2", "2024-04"]),
        (vn(2024, 3, 15, 0, 0, 0), ["2024-Q2", "2024-04", "2024-H1"], ["2024-Q1", "2024-03"]),
        (vn(2024, 12, 14, 23, 59, 59), ["2024", "2024-Q4", "2024-H2", "2024-12"], ["2025"]),
        (vn(2024, 12, 15, 0, 0, 0), ["2025", "2025-Q1", "2025-H1", "2025-9M"], ["2024"]),
        (vn(2024, 12, 31, 23, 59, 59), ["2025", "2025-Q1", "2025-01"], ["2024", "2024-Q4"]),
        (vn(2024, 9, 14, 23, 59, 59), ["2024-9M", "2024-Q3", "2024-H2"], ["2024-Q4"]),
        (vn(2024, 9, 15, 0, 0, 0), ["2024-Q4", "2024-H2"], ["2024-9M", "2024-Q3"]),
        (vn(2024, 6, 14, 23, 59, 59), ["2024-H1", "2024-Q2"], ["2024-H2"]),
        (vn(2024, 6, 15, 0, 0, 0), ["2024-H2", "2024-Q3", "2024-9M"], ["2024-H1"]),
        # 17:30 UTC on 14 March is 00:30 on 15 March in Vietnam: quarter II already.
        (datetime(2024, 3, 14, 17, 30, tzinfo=UTC), ["2024-Q2", "2024-04"], ["2024-Q1"]),
        (datetime(2024, 3, 14, 16, 59, 59, tzinfo=UTC), ["2024-Q1"], ["2024-Q2"]),
        # A naive time is Vietnam time, not UTC.
        (datetime(2024, 3, 14, 23, 30), ["2024-Q1", "2024-03"], ["2024-Q2"]),
        (datetime(2024, 3, 15, 0, 30), ["2024-Q2"], ["2024-Q1"]),
    ],
)
def test_nd09_boundaries(moment: datetime, inside: list[str], outside: list[str]) -> None:
    for period_id in inside:
        assert parse_period(period_id, "nd09").contains(moment), period_id
    for period_id in outside:
        assert not parse_period(period_id, "nd09").contains(moment), period_id


@pytest.mark.parametrize(
    ("moment", "inside", "outside"),
    [
        (vn(2024, 1, 1, 0, 0, 0), ["2024", "2024-Q1", "2024-H1", "2024-9M", "2024-01"], ["2023"]),
        (vn(2023, 12, 31, 23, 59, 59), ["2023", "2023-Q4", "2023-H2", "2023-12"], ["2024"]),
        (vn(2023, 12, 15, 0, 0, 0), ["2023", "2023-Q4"], ["2024", "2024-Q1"]),
        (vn(2024, 3, 14, 23, 59, 59), ["2024-Q1", "2024-03"], ["2024-Q2"]),
        (vn(2024, 3, 31, 23, 59, 59), ["2024-Q1", "2024-03"], ["2024-Q2", "2024-04"]),
        (vn(2024, 4, 1, 0, 0, 0), ["2024-Q2", "2024-04"], ["2024-Q1"]),
        (vn(2024, 12, 14, 23, 59, 59), ["2024", "2024-Q4"], ["2025"]),
        (vn(2024, 12, 15, 0, 0, 0), ["2024", "2024-Q4", "2024-12"], ["2025"]),
        (vn(2024, 12, 31, 23, 59, 59), ["2024", "2024-Q4", "2024-H2"], ["2025", "2025-Q1"]),
        (vn(2024, 9, 30, 23, 59, 59), ["2024-9M", "2024-Q3"], ["2024-Q4"]),
        # 17:30 UTC on 31 December is New Year's Day in Vietnam.
        (datetime(2024, 12, 31, 17, 30, tzinfo=UTC), ["2025", "2025-Q1"], ["2024"]),
        (datetime(2024, 12, 31, 16, 59, 59, tzinfo=UTC), ["2024", "2024-Q4"], ["2025"]),
        (datetime(2024, 3, 14, 17, 30, tzinfo=UTC), ["2024-Q1", "2024-03"], ["2024-Q2"]),
        (datetime(2024, 12, 31, 23, 59, 59), ["2024", "2024-12"], ["2025"]),
    ],
)
def test_calendar_boundaries(moment: datetime, inside: list[str], outside: list[str]) -> None:
    for period_id in inside:
        assert parse_period(period_id, "calendar").contains(moment), period_id
    for period_id in outside:
        assert not parse_period(period_id, "calendar").contains(moment), period_id


@pytest.mark.parametrize(
    ("period_id", "label", "short_label"),
    [
        ("2024", "năm 2024", "Năm 2024"),
        ("2024-Q1", "quý I năm 2024", "Quý I/2024"),
        ("2024-Q2", "quý II năm 2024", "Quý II/2024"),
        ("2024-Q3", "quý III năm 2024", "Quý III/2024"),
        ("2024-Q4", "quý IV năm 2024", "Quý IV/2024"),
        ("2024-H1", "6 tháng đầu năm 2024", "6 tháng đầu năm 2024"),
        ("2024-H2", "6 tháng cuối năm 2024", "6 tháng cuối năm 2024"),
        ("2024-9M", "9 tháng năm 2024", "9 tháng/2024"),
        ("2024-03", "tháng 3 năm 2024", "Tháng 3/2024"),
        ("2024-12", "tháng 12 năm 2024", "Tháng 12/2024"),
    ],
)
def test_labels_are_the_same_in_both_modes(period_id: str, label: str, short_label: str) -> None:
    for mode in MODES:
        period = parse_period(period_id, mode)
        assert (period.label, period.short_label) == (label, short_label)


def test_ids_are_read_leniently_and_written_canonically() -> None:
    assert parse_period(" 2024-q1 ", "nd09").id == "2024-Q1"
    assert parse_period("2024-h2", "calendar").id == "2024-H2"
    assert parse_period("2024-9m", "nd09").id == "2024-9M"


@pytest.mark.parametrize(
    "bad_id",
    [
        "",
        "24",
        "2024-Q5",
        "2024-Q0",
        "2024-H3",
        "2024-13",
        "2024-00",
        "2024-3",
        "Q1-2024",
        "2024Q1",
        "quý I/2024",
        "2024-6M",
        "0001",
    ],
)
def test_bad_ids_list_the_valid_forms(bad_id: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_period(bad_id, "nd09")
    message = str(caught.value)
    assert "2024" in message
    if bad_id != "0001":
        assert "2024-Q1" in message and "2024-H1" in message and "2024-9M" in message
        assert "2024-03" in message


def test_bad_mode_names_the_valid_modes() -> None:
    with pytest.raises(ValueError) as caught:
        parse_period("2024", "quarterly")  # type: ignore[arg-type]
    message = str(caught.value)
    assert '"quarterly"' in message and '"nd09"' in message and '"calendar"' in message
    with pytest.raises(ValueError, match="nd09"):
        periods_of_year(2024, "lich")  # type: ignore[arg-type]


def test_periods_of_year_order() -> None:
    ids = [period.id for period in periods_of_year(2024, "nd09")]
    assert ids == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
        "2024-H1",
        "2024-H2",
        "2024-9M",
        "2024",
    ]
    with_months = [period.id for period in periods_of_year(2025, "calendar", include_months=True)]
    assert with_months == [
        "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025-H1", "2025-H2", "2025-9M", "2025",
        "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
        "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12",
    ]  # fmt: skip


def test_periods_of_year_equal_parsed_periods() -> None:
    for mode in MODES:
        for period in periods_of_year(2026, mode, include_months=True):
            assert parse_period(period.id, mode) == period


def test_quarters_and_months_tile_the_year_without_gaps() -> None:
    for mode in MODES:
        periods = periods_of_year(2024, mode, include_months=True)
        for group in (periods[0:4], periods[8:20]):
            for before, after in pairwise(group):
                assert after.start - before.end == timedelta(microseconds=1)


def test_report_years() -> None:
    dates = [
        vn(2025, 12, 20, 9, 0),
        vn(2025, 12, 14, 23, 59, 59),
        vn(2025, 1, 10),
        datetime(2024, 12, 14, 17, 30, tzinfo=UTC),  # 15/12/2024 00:30 in Vietnam
    ]
    assert report_years(dates, "nd09") == [2025, 2026]
    assert report_years(dates, "calendar") == [2024, 2025]
    assert report_years([], "nd09") == []
    assert report_years([vn(2024, 12, 31, 23, 59, 59)], "nd09") == [2025]
    assert report_years([datetime(2024, 12, 31, 23, 59, 59)], "calendar") == [2024]
    assert report_years([datetime(2024, 12, 31, 17, 0, tzinfo=UTC)], "calendar") == [2025]


def test_report_years_agree_with_year_periods() -> None:
    moments = [
        vn(2023, 12, 14, 23, 59, 59),
        vn(2023, 12, 15),
        vn(2024, 6, 30, 12),
        vn(2024, 12, 31, 23, 59, 59),
        datetime(2024, 1, 1, 0, 0, tzinfo=UTC),
    ]
    for mode in MODES:
        for moment in moments:
            (year,) = report_years([moment], mode)
            assert parse_period(str(year), mode).contains(moment)
            assert not parse_period(str(year - 1), mode).contains(moment)
            assert not parse_period(str(year + 1), mode).contains(moment)


def test_period_is_frozen() -> None:
    period = parse_period("2024", "nd09")
    with pytest.raises(AttributeError):
        period.year = 2025  # type: ignore[misc]
