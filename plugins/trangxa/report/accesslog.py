"""Lines of a web server's access log in the "combined" format of nginx and Apache, read as a stream.

    203.0.113.5 - - [15/Mar/2024:08:30:12 +0700] "GET /tin-tuc/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 …"

Files may be plain or gzip-compressed (logrotate's .gz), whatever their name.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

_QUOTED = r'"((?:[^"\\]|\\.)*)"'
# Address, identity, user, [time], "request", status, size, "referrer", "user agent"; servers
# that append fields after the user agent (request time, upstream) still match.
_COMBINED = re.compile(
    r"(\S+) \S+ \S+ \[([^\]]+)\] "
    + _QUOTED
    + r" ([0-9]{3}) (?:[0-9]+|-) "
    + _QUOTED
    + " "
    + _QUOTED
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_ZONES: dict[str, timezone] = {}
_GZIP_MAGIC = b"\x1f\x8b"


class AccessLogError(Exception):
    """A log file that cannot be read; the message names it and says what to do."""


@dataclass(frozen=True)
class LogLine:
    """What a counted line of the log says: who asked what, when, and the answer."""

    address: str
    moment: datetime
    method: str
    path: str
    status: int
    agent: str


def _zone(text: str) -> timezone:
    zone = _ZONES.get(text)
    if zone is None:
        if len(text) != 5 or text[0] not in "+-" or not text[1:].isdigit():
            raise ValueError(text)
        minutes = int(text[1:3]) * 60 + int(text[3:5])
        zone = timezone(timedelta(minutes=-minutes if text[0] == "-" else minutes))
        _ZONES[text] = zone
    return zone


def parse_time(text: str) -> datetime:
    """ "15/Mar/2024:08:30:12 +0700" with its own offset; ValueError when it is not that."""
    if len(text) != 26 or text[2] != "/" or text[6] != "/" or text[11] != ":" or text[20] != " ":
        raise ValueError(text)
    month = _MONTHS.get(text[3:6])
    if month is None:
        raise ValueError(text)
    return datetime(
        int(text[7:11]),
        month,
        int(text[0:2]),
        int(text[12:14]),
        int(text[15:17]),
        int(text[18:20]),
        tzinfo=_zone(text[21:]),
    )


def _request_path(request: str) -> tuple[str, str]:
    """Method and path of "GET /a/?q=1 HTTP/1.1"; a target with its host is cut to its path."""
    parts = request.split(" ")
    if len(parts) != 3:
        return "", ""
    method, target = parts[0], parts[1]
    if target.startswith(("http://", "https://")):
        slash = target.find("/", target.find("//") + 2)
        target = target[slash:] if slash >= 0 else "/"
    for mark in ("?", "#"):
        cut = target.find(mark)
        if cut >= 0:
            target = target[:cut]
    return method, target


def parse_line(line: str) -> LogLine | None:
    """The line read in the combined format, or None when it is not one."""
    match = _COMBINED.match(line)
    if match is None:
        return None
    address, time_text, request, status, _referrer, agent = match.groups()
    try:
        moment = parse_time(time_text)
    except ValueError:
        return None
    method, path = _request_path(request)
    return LogLine(address, moment, method, path, int(status), agent)


def _cannot_read(path: Path, reason: str) -> AccessLogError:
    return AccessLogError(
        f"Không đọc được tệp nhật ký truy cập {path}: {reason}. Kiểm tra lại đường dẫn sau "
        "--access-log, hoặc chép lại tệp từ máy chủ (xem mục “Lượt truy cập” trong README)."
    )


def read_lines(path: Path) -> Iterator[str]:
    """The file's lines one at a time, decompressed when it is gzip; errors name the file."""
    try:
        with path.open("rb") as probe:
            compressed = probe.read(2) == _GZIP_MAGIC
    except FileNotFoundError as exc:
        raise _cannot_read(path, "không có tệp này") from exc
    except IsADirectoryError as exc:
        raise _cannot_read(path, "đây là thư mục, không phải tệp") from exc
    except OSError as exc:
        raise _cannot_read(path, exc.strerror or str(exc)) from exc
    if path.suffix == ".gz" and not compressed:
        raise _cannot_read(path, "tệp có đuôi .gz nhưng không phải tệp nén gzip")
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as handle:
            for raw in handle:
                yield raw.decode("utf-8", "replace").rstrip("\r\n")
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise _cannot_read(path, "tệp nén gzip bị hỏng hoặc chưa chép hết") from exc
    except OSError as exc:
        raise _cannot_read(path, exc.strerror or str(exc)) from exc
