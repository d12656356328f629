"""Dates staff type in front matter and on the command line."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from trangxa.core.dates import (
    VN_TZ,
    DateParseError,
    format_vn_datetime,
    format_vn_long,
    format_vn_short,
    is_suspicious_year,
    iso_vn,
    parse_as_of,
    parse_date,
    to_vn,
)

PLUS7 = timezone(timedelta(hours=7))


def vn(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, us: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, us, tzinfo=PLUS7)


def test_vn_tz_is_plus_seven_all_year() -> None:
    assert datetime(2024, 1, 1, tzinfo=VN_TZ).utcoffset() == timedelta(hours=7)
    assert datetime(2024, 7, 1, tzinfo=VN_TZ).utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-15", vn(2024, 3, 15)),
        ("2024-3-5", vn(2024, 3, 5)),
        ("2024-03-15T08:30", vn(2024, 3, 15, 8, 30)),
        ("2024-03-15 08:30", vn(2024, 3, 15, 8, 30)),
        ("2024-03-15T08:30:15", vn(2024, 3, 15, 8, 30, 15)),
        ("2024-03-15 08:30:15.250", vn(2024, 3, 15, 8, 30, 15, 250000)),
        ("2024-03-15T08:30:15.123456789", vn(2024, 3, 15, 8, 30, 15, 123456)),
        ("2024-03-15T08:30:00+07:00", vn(2024, 3, 15, 8, 30)),
        ("2024-03-15T08:30:00+0700", vn(2024, 3, 15, 8, 30)),
        ("15/03/2024", vn(2024, 3, 15)),
        ("5/3/2024", vn(2024, 3, 5)),
        ("05/03/2024", vn(2024, 3, 5)),
        ("15/03/2024 08:30", vn(2024, 3, 15, 8, 30)),
        ("15/03/2024 8:30", vn(2024, 3, 15, 8, 30)),
        ("15/03/2024 08:30:45", vn(2024, 3, 15, 8, 30, 45)),
        ("15-03-2024", vn(2024, 3, 15)),
        ("15.03.2024", vn(2024, 3, 15)),
        ("15.03.2024 23:59", vn(2024, 3, 15, 23, 59)),
        ("  15/03/2024 \n", vn(2024, 3, 15)),
        ("29/02/2024", vn(2024, 2, 29)),
        ("31/12/2024 23:59:59", vn(2024, 12, 31, 23, 59, 59)),
    ],
)
def test_accepted_forms_are_vietnam_time(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "utc_expected"),
    [
        ("2024-03-14T17:30:00Z", datetime(2024, 3, 14, 17, 30, tzinfo=UTC)),
        ("2024-03-14T17:30:00z", datetime(2024, 3, 14, 17, 30, tzinfo=UTC)),
        ("2024-03-14 17:30Z", datetime(2024, 3, 14, 17, 30, tzinfo=UTC)),
        ("2024-03-15T01:00:00+09:00", datetime(2024, 3, 14, 16, 0, tzinfo=UTC)),
        ("2024-03-15T01:00:00-0500", datetime(2024, 3, 15, 6, 0, tzinfo=UTC)),
        ("2024-03-15T01:00:00.5+00:00", datetime(2024, 3, 15, 1, 0, 0, 500000, tzinfo=UTC)),
    ],
)
def test_written_offsets_are_kept(text: str, utc_expected: datetime) -> None:
    assert parse_date(text) == utc_expected


def test_utc_evening_is_next_morning_in_vietnam() -> None:
    parsed = parse_date("2024-03-14T17:30:00Z")
    local = to_vn(parsed)
    assert (local.year, local.month, local.day, local.hour, local.minute) == (2024, 3, 15, 0, 30)


def test_no_break_spaces_around_the_value_are_trimmed() -> None:
    assert parse_date("\u00a015/03/2024\u00a0") == vn(2024, 3, 15)


def test_datetime_and_date_objects() -> None:
    naive = datetime(2024, 3, 15, 8, 30)
    assert parse_date(naive) == vn(2024, 3, 15, 8, 30)
    aware = datetime(2024, 3, 15, 1, 30, tzinfo=UTC)
    kept = parse_date(aware)
    assert kept == aware
    assert kept.utcoffset() == timedelta(0)
    assert parse_date(date(2024, 3, 15)) == vn(2024, 3, 15)


@pytest.mark.parametrize(
    ("value", "fragments"),
    [
        ("31/02/2024", ['"31/02/2024"', "không có thật", "tháng 2 năm 2024 chỉ có 29 ngày"]),
        ("29/02/2023", ["tháng 2 năm 2023 chỉ có 28 ngày"]),
        ("31/04/2024", ["tháng 4 năm 2024 chỉ có 30 ngày"]),
        ("2024-13-01", ["không có tháng 13"]),
        ("15/00/2024", ["không có tháng 0"]),
        ("00/03/2024", ["không có ngày 0"]),
        ("0000-03-15", ["năm phải từ 0001"]),
        ("15/03/2024 24:61", ["Giờ", "không có thật", "00 đến 23"]),
        ("2024-03-15T08:60", ["Giờ", "không có thật"]),
        ("2024-03-15T08:30:61", ["Giờ", "không có thật"]),
        ("2024-03-15T08:30+25:00", ["Múi giờ", "+25:00", "+07:00"]),
        ("15/3/24", ["2 chữ số", "4 chữ số", "15/03/2024"]),
        ("1-2-25 08:30", ["2 chữ số", "01/02/2025 08:30"]),
        ("15/03/2024 8h30", ["dấu hai chấm", "15/03/2024 08:30"]),
        ("2024-03-15 14h", ["dấu hai chấm", "2024-03-15 14:00"]),
        ("15/03 8h30", ["Không đọc được"]),
        ("0001-01-01T00:00+23:59", ["nằm ngoài", "0001 đến 9999"]),
        ("", ["để trống"]),
        ("   ", ["để trống"]),
        ("hôm qua", ['"hôm qua"', "Không đọc được"]),
        ("15/03", ["Không đọc được"]),
        ("15/03-2024", ["Không đọc được"]),
        ("2024/03/15", ["Không đọc được"]),
        ("24:61", ["Không đọc được"]),
        ("1" * 200, ["Không đọc được", "…"]),
    ],
)
def test_errors_say_what_is_wrong_and_how_to_write_it(value: str, fragments: list[str]) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(value)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message
    # A two-digit year gets its own corrected value as the example instead of the forms.
    if "2 chữ số" not in message:
        assert "15/03/2024, 15/03/2024 08:30 hoặc 2024-03-15" in message
    assert "Traceback" not in message and "ValueError" not in message


def test_impossible_day_message_in_full() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("31/02/2024")
    assert str(caught.value) == (
        'Ngày "31/02/2024" không có thật: tháng 2 năm 2024 chỉ có 29 ngày. Hãy sửa lại ngày, '
        "viết theo dạng 15/03/2024, 15/03/2024 08:30 hoặc 2024-03-15."
    )


@pytest.mark.parametrize("value", [None, True, False, 20240315, 2024.5, ["15/03/2024"], {}])
def test_values_that_are_not_text_or_dates(value: object) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(value)
    assert "15/03/2024" in str(caught.value)


def test_yaml_true_is_shown_as_written() -> None:
    with pytest.raises(DateParseError, match='"true"'):
        parse_date(True)


def test_date_parse_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_date("không phải ngày")


@given(st.text())
@example("2024-03-15T08:30:00+99:99")
@example("٢٠٢٤-٠٣-١٥")
@example("１５/０３/２０２４")
@example("15/03/2024\u0301")
@example("9999-12-31T23:59:59.999999-23:59")
@example("0001-01-01T00:00+23:59")
def test_any_text_gives_an_aware_datetime_or_date_parse_error(text: str) -> None:
    try:
        parsed = parse_date(text)
    except DateParseError as error:
        assert str(error)
    else:
        assert parsed.tzinfo is not None
        assert parsed.utcoffset() is not None


@given(st.text(alphabet="0123456789/-.: TtZz+,", max_size=40))
def test_date_like_text_gives_an_aware_datetime_or_date_parse_error(text: str) -> None:
    try:
        parsed = parse_date(text)
    except DateParseError:
        return
    assert parsed.utcoffset() is not None
    assert parse_as_of(text).utcoffset() is not None


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)))
def test_short_form_round_trips(moment: datetime) -> None:
    written = moment.strftime("%d/%m/%Y %H:%M:%S")
    assert parse_date(written) == moment.replace(microsecond=0, tzinfo=PLUS7)


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31)))
def test_iso_vn_round_trips(moment: datetime) -> None:
    aware = moment.replace(tzinfo=PLUS7)
    assert parse_date(iso_vn(aware)) == aware.replace(microsecond=0)


def test_parse_as_of_date_alone_is_end_of_day() -> None:
    assert parse_as_of("14/03/2024") == vn(2024, 3, 14, 23, 59, 59, 999999)
    assert parse_as_of("2024-12-14") == vn(2024, 12, 14, 23, 59, 59, 999999)


def test_parse_as_of_with_time_is_as_given() -> None:
    assert parse_as_of("14/03/2024 08:30") == vn(2024, 3, 14, 8, 30)
    assert parse_as_of("2024-03-14T17:30:00Z") == datetime(2024, 3, 14, 17, 30, tzinfo=UTC)
    assert parse_as_of("2024-03-14T00:00") == vn(2024, 3, 14, 0, 0)


def test_parse_as_of_errors_are_the_same() -> None:
    with pytest.raises(DateParseError, match="chỉ có 29 ngày"):
        parse_as_of("30/02/2024")
    with pytest.raises(DateParseError, match="4 chữ số"):
        parse_as_of("14/3/24")


@pytest.mark.parametrize(
    ("year", "suspicious"),
    [(224, True), (1989, True), (1990, False), (2024, False), (2031, False), (2032, True)],
)
def test_suspicious_years(year: int, suspicious: bool) -> None:
    assert is_suspicious_year(vn(year, 6, 1), today=date(2026, 5, 1)) is suspicious


def test_suspicious_year_uses_the_current_year_by_default() -> None:
    this_year = datetime.now(PLUS7).year
    assert not is_suspicious_year(vn(this_year, 1, 1))
    assert is_suspicious_year(vn(this_year + 6, 1, 1))
    assert is_suspicious_year(parse_date("15/03/0224"))


def test_to_vn_converts_and_treats_naive_as_vietnam_time() -> None:
    converted = to_vn(datetime(2024, 12, 31, 17, 0, tzinfo=UTC))
    assert converted.utcoffset() == timedelta(hours=7)
    assert (converted.year, converted.month, converted.day, converted.hour) == (2025, 1, 1, 0)
    assert to_vn(datetime(2024, 3, 15, 8, 30)) == vn(2024, 3, 15, 8, 30)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (vn(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),
        (vn(2023, 2, 28), "ngày 28 tháng 02 năm 2023"),
        (vn(2023, 3, 9), "ngày 09 tháng 3 năm 2023"),
        (vn(2024, 11, 18), "ngày 18 tháng 11 năm 2024"),
        (vn(2024, 12, 31, 23, 59), "ngày 31 tháng 12 năm 2024"),
        # 17:30 UTC on 31 December is already 1 January in Vietnam.
        (datetime(2024, 12, 31, 17, 30, tzinfo=UTC), "ngày 01 tháng 01 năm 2025"),
    ],
)
def test_format_vn_long(moment: datetime, expected: str) -> None:
    assert format_vn_long(moment) == expected


def test_short_formats_in_vietnam_time() -> None:
    morning = vn(2023, 1, 5, 8, 30, 59)
    assert format_vn_short(morning) == "05/01/2023"
    assert format_vn_datetime(morning) == "05/01/2023 08:30"
    utc = datetime(2024, 3, 14, 17, 30, tzinfo=UTC)
    assert format_vn_short(utc) == "15/03/2024"
    assert format_vn_datetime(utc) == "15/03/2024 00:30"


def test_iso_vn() -> None:
    assert iso_vn(vn(2023, 1, 5, 8, 30, 12, 999999)) == "2023-01-05T08:30:12+07:00"
    assert iso_vn(datetime(2024, 3, 14, 17, 30, tzinfo=UTC)) == "2024-03-15T00:30:00+07:00"
    assert iso_vn(datetime(2024, 3, 15)) == "2024-03-15T00:00:00+07:00"


def test_vietnam_time_comes_back_from_pickle_as_the_same_zone() -> None:
    moments = [
        datetime(2024, 3, 15, 8, 30, tzinfo=VN_TZ),
        parse_date("15/03/2024 08:30"),
        datetime(2024, 3, 15, 1, 30, tzinfo=UTC),
        datetime(2024, 3, 15, 4, 30, tzinfo=timezone(timedelta(hours=3))),
        datetime(2024, 3, 15, 8, 30),
    ]
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(moments, protocol=protocol))
        assert again == moments
        # The very object: aware datetimes sharing it compare without asking their offsets.
        assert again[0].tzinfo is VN_TZ
        assert again[1].tzinfo is VN_TZ
        assert again[2].tzinfo is UTC
        assert again[3].utcoffset() == timedelta(hours=3)
        assert again[4].tzinfo is None
