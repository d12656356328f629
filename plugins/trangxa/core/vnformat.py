"""Numbers written the Vietnamese way: dots between thousands, a comma before decimals."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)

_SIZE_UNITS = ("KB", "MB", "GB", "TB")


def format_number(n: int | float | Decimal, decimals: int = 0) -> str:
    """6694 → "6.694"; 94.728 with two decimals → "94,73"."""
    if isinstance(n, float) and not math.isfinite(n):
        raise ValueError(f"không viết được số {n}")
    if decimals < 0:
        raise ValueError("decimals phải từ 0 trở lên")
    # Half up from the decimal the number reads as, as figures are rounded by hand in reports:
    # 94,725 becomes 94,73, where float formatting would give 94,72.
    rounded = Decimal(str(n)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}".translate(_SWAP_SEPARATORS)
    # Rounding can leave "-0"; a count of nothing has no sign.
    if text.startswith("-") and not any(char in "123456789" for char in text):
        text = text[1:]
    return text


def roman(n: int) -> str:
    """Roman numeral for quarters and sections: 1 → "I", 12 → "XII"."""
    if not 1 <= n <= 3999:
        raise ValueError(f"số La Mã chỉ viết được từ 1 đến 3999, không viết được {n}")
    parts = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        parts.append(numeral * count)
    return "".join(parts)


def format_size(num_bytes: int) -> str:
    """File size as Windows shows it, in units of 1024: "850 byte", "12,5 KB", "1,2 MB"."""
    if num_bytes < 0:
        raise ValueError(f"kích thước tệp không thể âm: {num_bytes}")
    if num_bytes < 1024:
        return f"{num_bytes} byte"
    size = Decimal(num_bytes)
    unit = _SIZE_UNITS[0]
    for unit in _SIZE_UNITS:
        size /= 1024
        # Move up a unit when rounding would show 1.024,0 of this one.
        shown = size.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if shown < 1024 or unit == _SIZE_UNITS[-1]:
            break
    text = format_number(shown, 1)
    if text.endswith(",0"):
        text = text[:-2]
    return f"{text} {unit}"
