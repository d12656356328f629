"""Reading single lines of the combined log format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from trangxa.report.accesslog import parse_line, parse_time
from trangxa.report.visits import bot_detector, is_page

LINE = (
    '203.0.113.9 - ngoc [15/Mar/2024:08:30:12 -0230] "GET http://hoaan.lacson.gov.vn/tin-tuc/?a=1#b '
    'HTTP/1.1" 304 - "https://example.org/" "Mozilla/5.0 (Windows NT 10.0)" 0.012 "-"'
)


def test_a_full_line() -> None:
    line = parse_line(LINE)
    assert line is not None
    assert line.address == "203.0.113.9"
    assert line.moment == datetime(2024, 3, 15, 11, 0, 12, tzinfo=UTC)
    assert (line.method, line.path, line.status) == ("GET", "/tin-tuc/", 304)
    assert line.agent == "Mozilla/5.0 (Windows NT 10.0)"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "-",
        LINE.replace("[15/Mar/2024:08:30:12 -0230]", "[15/Mar/2024:08:30:12]"),
        LINE.replace("Mar", "Mrz"),
        LINE.replace("15/Mar", "32/Mar"),
        LINE.replace(" 304 ", " OK "),
        LINE.split('"https')[0],
        "\x00\x01binary",
    ],
)
def test_lines_not_in_the_format(text: str) -> None:
    assert parse_line(text) is None


def test_time_keeps_its_offset() -> None:
    moment = parse_time("01/Jan/2024:00:00:00 +0545")
    assert moment.utcoffset() == timedelta(hours=5, minutes=45)
    assert moment == datetime(2023, 12, 31, 18, 15, tzinfo=UTC)
    assert parse_time("01/Jan/2024:00:00:00 -0000").tzinfo == timezone(timedelta(0))


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/", True),
        ("/tin-tuc/", True),
        ("/a/index.html", True),
        ("/a", False),
        ("/a.css", False),
        ("/rss.xml", False),
        ("/a.htm", False),
    ],
)
def test_pages(path: str, page: bool) -> None:
    assert is_page(path) is page


def test_bots() -> None:
    is_bot = bot_detector()
    assert is_bot("")
    assert is_bot("-")
    assert is_bot(" - ")
    assert is_bot("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")
    assert not is_bot(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1"
    )
