"""Dates as staff write them, read into aware datetimes in Vietnam time, and printed back."""

from __future__ import annotations

import calendar
import copyreg
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

# Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact
# and needs no time zone database (which Windows machines often lack).
VN_TZ: tzinfo = timezone(timedelta(hours=7))


def _vietnam_time() -> tzinfo:
    return VN_TZ


def _pickled_zone(zone: timezone) -> tuple[Any, ...]:
    """Vietnam time pickled as a reference to VN_TZ, any other zone as usual.

    Every date of a post is in VN_TZ, and two aware datetimes with the very same zone object
    compare without asking it their offsets. Posts read by a second process, or kept in
    .cache/, would each come back with a zone object of their own, and sorting and counting
    ten thousand of them took a fifth longer.
    """
    if zone == VN_TZ:
        return (_vietnam_time, ())
    return zone.__reduce__()  # type: ignore[return-value]


copyreg.pickle(timezone, _pickled_zone)

_FORMS = "15/03/2024, 15/03/2024 08:30 hoặc 2024-03-15"
_FIX = f"Hãy sửa lại ngày, viết theo dạng {_FORMS}."

# Longer strings are never dates; the cap also keeps the messages short.
_MAX_LENGTH = 64

_ISO = re.compile(
    r"""
    (?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})
    (?:
        (?:[Tt]|[ ]+)
        (?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})
        (?::(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?
        [ ]*
        (?P<offset>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?
    )?
    """,
    re.VERBOSE,
)

_VN = re.compile(
    r"""
    (?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})
    (?:
        [ ]+
        (?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?
    )?
    """,
    re.VERBOSE,
)

_SHORT_YEAR = re.compile(
    r"(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{2})"
    r"(?P<rest>[ ]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
)


# "15/03/2024 8h30" is how times are often written by hand; point at the colon form.
_HOUR_WITH_H = re.compile(
    r"(?P<date>[0-9./-]+)[ ]+(?P<hour>[0-9]{1,2})[ ]*[hH](?:[ ]*(?P<minute>[0-9]{2}))?"
)


class DateParseError(ValueError):
    """A value that is not a date staff could have meant; the message says how to write it."""


def _shown(text: str) -> str:
    """The value as quoted in a message: one line, not too long."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 40 else one_line[:39] + "…"


def _unknown_form(text: str) -> DateParseError:
    return DateParseError(
        f'Không đọc được ngày "{_shown(text)}". Hãy viết ngày theo dạng {_FORMS}.'
    )


def _check_day(text: str, year: int, month: int, day: int) -> None:
    """Raise a message naming what makes the day impossible."""
    if year < 1:
        reason = "năm phải từ 0001 trở đi"
    elif not 1 <= month <= 12:
        reason = f"không có tháng {month}, tháng chỉ từ 1 đến 12"
    elif day < 1:
        reason = "không có ngày 0, ngày bắt đầu từ 1"
    elif day <= 28:
        # Every month has these days; the calendar need not be asked.
        return
    else:
        last = calendar.monthrange(year, month)[1]
        if day <= last:
            return
        reason = f"tháng {month} năm {year} chỉ có {last} ngày"
    raise DateParseError(f'Ngày "{_shown(text)}" không có thật: {reason}. {_FIX}')


def _check_time(text: str, hour: int, minute: int, second: int) -> None:
    if hour <= 23 and minute <= 59 and second <= 59:
        return
    raise DateParseError(
        f'Giờ trong "{_shown(text)}" không có thật: giờ chỉ từ 00 đến 23, phút và giây '
        f"chỉ từ 00 đến 59. {_FIX}"
    )


def _offset(text: str, raw: str | None) -> tzinfo:
    """The zone written after the time, or Vietnam time when none is written."""
    if raw is None:
        return VN_TZ
    if raw in ("Z", "z"):
        return UTC
    known = _ZONES.get(raw)
    if known is not None:
        return known
    digits = raw[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:] or "0")
    if hours > 23 or minutes > 59:
        raise DateParseError(
            f'Múi giờ "{raw}" trong "{_shown(text)}" không có thật: hãy bỏ múi giờ đi '
            f"(giờ không ghi múi được hiểu là giờ Việt Nam) hoặc viết +07:00. {_FIX}"
        )
    delta = timedelta(hours=hours, minutes=minutes)
    zone = timezone(-delta if raw[0] == "-" else delta)
    if len(_ZONES) < 1000:
        _ZONES[raw] = zone
    return zone


# Zones already met, by how they were written: nearly every post writes the same one.
_ZONES: dict[str, tzinfo] = {}


def _parse_text(value: str) -> tuple[datetime, bool]:
    """Parse a string into an aware datetime and whether a time of day was written."""
    text = unicodedata.normalize("NFC", value).strip()
    if not text:
        raise DateParseError(f"Ngày đang để trống. Hãy điền ngày theo dạng {_FORMS}.")
    if len(text) > _MAX_LENGTH:
        raise _unknown_form(text)

    match = _ISO.fullmatch(text) or _VN.fullmatch(text)
    if match is None:
        short = _SHORT_YEAR.fullmatch(text)
        if short is not None:
            day, month, year = int(short["day"]), int(short["month"]), int(short["year"])
            rest = short["rest"] or ""
            raise DateParseError(
                f'Ngày "{_shown(text)}" viết năm bằng 2 chữ số. Hãy viết năm đủ 4 chữ số, '
                f"ví dụ {day:02d}/{month:02d}/{2000 + year}{rest}."
            )
        with_h = _HOUR_WITH_H.fullmatch(text)
        if with_h is not None and (_ISO.fullmatch(with_h["date"]) or _VN.fullmatch(with_h["date"])):
            written = f"{int(with_h['hour']):02d}:{with_h['minute'] or '00'}"
            raise DateParseError(
                f'Giờ trong "{_shown(text)}" cần viết với dấu hai chấm: '
                f"{with_h['date']} {written}. {_FIX}"
            )
        raise _unknown_form(text)

    parts = match.groupdict()
    year, month, day = int(parts["year"]), int(parts["month"]), int(parts["day"])
    _check_day(text, year, month, day)
    if parts["hour"] is None:
        return datetime(year, month, day, tzinfo=VN_TZ), False

    hour, minute = int(parts["hour"]), int(parts["minute"])
    second = int(parts["second"] or "0")
    _check_time(text, hour, minute, second)
    # Fractions beyond microseconds are cut, not rounded, so 23:59:59.9999999 stays in its day.
    microsecond = int((parts.get("fraction") or "0").ljust(6, "0")[:6])
    zone = _offset(text, parts.get("offset"))
    parsed = datetime(year, month, day, hour, minute, second, microsecond, tzinfo=zone)
    try:
        # Everything downstream works in Vietnam time; 0001-01-01T00:00+23:59 has no such day.
        parsed.astimezone(VN_TZ)
    except OverflowError:
        raise DateParseError(
            f'Ngày "{_shown(text)}" nằm ngoài khoảng ngày tháng dùng được (năm 0001 đến 9999 '
            f"theo giờ Việt Nam). {_FIX}"
        ) from None
    return parsed, True


# The form tools and `trangxa new` write, 2024-03-15T08:30:00+07:00, with its shorter
# variants: read by the standard library's ISO reader in a fraction of the time, and only
# when every part is in range, so nothing it accepts is read differently (tests/unit/
# test_shortcuts.py). Anything else, and every error message, takes _parse_text.
_PLAIN_ISO = re.compile(
    r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
    r"(?:[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?"
)


def _parse_plain_iso(value: str) -> datetime | None:
    if _PLAIN_ISO.fullmatch(value) is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        # 30 February and the like: _parse_text says what is wrong.
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=VN_TZ)
    # Within a day of the calendar's ends a zone may push the instant out of range.
    return parsed if 1 < parsed.year < 9999 else None


def parse_date(value: object) -> datetime:
    """Read a front-matter or CLI date into an aware datetime; naive means Vietnam time."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=VN_TZ)
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=VN_TZ)
    if isinstance(value, str):
        return _parse_plain_iso(value) or _parse_text(value)[0]
    if value is None:
        raise DateParseError(f"Ngày đang để trống. Hãy điền ngày theo dạng {_FORMS}.")
    # YAML reads `yes` as True and 20240315 as a number; name the value so it can be found.
    if isinstance(value, bool | int | float):
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        raise DateParseError(
            f'Giá trị "{shown}" không phải là ngày. Hãy viết ngày theo dạng {_FORMS}.'
        )
    raise DateParseError(f"Giá trị này không phải là ngày. Hãy viết ngày theo dạng {_FORMS}.")


def parse_as_of(value: str) -> datetime:
    """Read a CLI cut-off: a date alone means the last moment of that day in Vietnam."""
    if not isinstance(value, str):
        return parse_date(value)
    parsed, has_time = _parse_text(value)
    if has_time:
        return parsed
    return datetime.combine(parsed.date(), time.max, tzinfo=VN_TZ)


def is_suspicious_year(dt: datetime, *, today: date | None = None) -> bool:
    """True for years that are probably typos: before 1990 or more than 5 years ahead."""
    this_year = (today or datetime.now(VN_TZ).date()).year
    return dt.year < 1990 or dt.year > this_year + 5


def to_vn(dt: datetime) -> datetime:
    """The same instant in Vietnam time; a naive datetime is taken to be Vietnam time already."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        return dt.replace(tzinfo=VN_TZ)
    return dt.astimezone(VN_TZ)


def format_vn_long(dt: datetime) -> str:
    """Date as in the heading of an official document: "ngày 05 tháng 01 năm 2023"."""
    local = to_vn(dt)
    # Nghị định 30/2020/NĐ-CP, Phụ lục I: pad days below 10 and months 1 and 2 only.
    month = f"{local.month:02d}" if local.month < 3 else str(local.month)
    return f"ngày {local.day:02d} tháng {month} năm {local.year}"


def format_vn_short(dt: datetime) -> str:
    """Date as in a table: "05/01/2023"."""
    local = to_vn(dt)
    return f"{local.day:02d}/{local.month:02d}/{local.year:04d}"


def format_vn_datetime(dt: datetime) -> str:
    """Date and time to the minute: "05/01/2023 08:30"."""
    local = to_vn(dt)
    return f"{format_vn_short(local)} {local.hour:02d}:{local.minute:02d}"


def iso_vn(dt: datetime) -> str:
    """ISO 8601 in Vietnam time to the second: "2023-01-05T08:30:00+07:00"."""
    return to_vn(dt).replace(microsecond=0).isoformat()
