"""Numbers, Roman numerals and file sizes written the Vietnamese way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from trangxa.core.vnformat import format_number, format_size, roman


@pytest.mark.parametrize(
    ("number", "decimals", "expected"),
    [
        (0, 0, "0"),
        (7, 0, "7"),
        (108, 0, "108"),
        (6694, 0, "6.694"),
        (1234567, 0, "1.234.567"),
        (-1234567, 0, "-1.234.567"),
        (94.728, 2, "94,73"),
        (94.73, 2, "94,73"),
        (100, 2, "100,00"),
        (1234.5, 1, "1.234,5"),
        (0.5, 0, "1"),
        (2.5, 0, "3"),
        (94.725, 2, "94,73"),
        (-2.5, 0, "-3"),
        (12345678.96, 1, "12.345.679,0"),
        (-0.001, 2, "0,00"),
        (6694.0, 0, "6.694"),
    ],
)
def test_format_number(number: float, decimals: int, expected: str) -> None:
    assert format_number(number, decimals) == expected


def test_format_number_refuses_what_is_not_a_count() -> None:
    with pytest.raises(ValueError):
        format_number(float("nan"))
    with pytest.raises(ValueError):
        format_number(float("inf"))
    with pytest.raises(ValueError):
        format_number(1, -1)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_whole_numbers_read_back(number: int) -> None:
    text = format_number(number)
    assert "," not in text
    assert int(text.replace(".", "")) == number
    groups = text.lstrip("-").split(".")
    assert all(len(group) == 3 for group in groups[1:])
    assert 1 <= len(groups[0]) <= 3


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (6, "VI"),
        (7, "VII"),
        (8, "VIII"),
        (9, "IX"),
        (10, "X"),
        (11, "XI"),
        (12, "XII"),
        (14, "XIV"),
        (40, "XL"),
        (1990, "MCMXC"),
        (2024, "MMXXIV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman(number: int, expected: str) -> None:
    assert roman(number) == expected


@pytest.mark.parametrize("number", [0, -1, 4000])
def test_roman_out_of_range(number: int) -> None:
    with pytest.raises(ValueError):
        roman(number)


@pytest.mark.parametrize(
    ("num_bytes", "expected"),
    [
        (0, "0 byte"),
        (850, "850 byte"),
        (1023, "1023 byte"),
        (1024, "1 KB"),
        (12800, "12,5 KB"),
        (1536, "1,5 KB"),
        (1258291, "1,2 MB"),
        (5 * 1024 * 1024, "5 MB"),
        # 1023.99 KB would round to 1024,0 KB: shown as 1 MB instead.
        (1048570, "1 MB"),
        (1048524, "1.023,9 KB"),
        (1048525, "1 MB"),
        (3 * 1024**3 + 512 * 1024**2, "3,5 GB"),
        (2048 * 1024**4, "2.048 TB"),
    ],
)
def test_format_size(num_bytes: int, expected: str) -> None:
    assert format_size(num_bytes) == expected


def test_format_size_refuses_negative() -> None:
    with pytest.raises(ValueError):
        format_size(-1)
