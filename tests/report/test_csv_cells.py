"""Which CSV cells a spreadsheet would run as a formula, and how they are made plain text."""

from __future__ import annotations

import pytest
from trangxa.report.csvfile import neutralise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://evil.example","Bấm")', '\'=HYPERLINK("http://evil.example","Bấm")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Tin tức", "Tin tức"),
        ("Họp = bàn", "Họp = bàn"),
        ("", ""),
        ("'đã có dấu nháy", "'đã có dấu nháy"),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected
