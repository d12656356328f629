"""JSON as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, in half the time.

With `indent` the standard library leaves its C encoder for one written in Python, a
generator handing out every comma and bracket on its own; the figures of a year's count
(1,500 posts listed) took 11 ms that way. Here the same text is made by appending pieces to
one list, each string still escaped by the standard library's C function.
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring
from typing import Any

_STEP = "  "


def dumps_indented(value: Any) -> str:
    """The text `json.dumps(value, ensure_ascii=False, indent=2)` gives, for values made
    of dict, list, tuple, str, int, float, bool and None; TypeError for anything else."""
    pieces: list[str] = []
    _write(value, pieces, "\n")
    return "".join(pieces)


def _write(value: Any, pieces: list[str], newline: str) -> None:
    # Tested in the order json's encoder tests them: bool is an int, and str first.
    if isinstance(value, str):
        pieces.append(encode_basestring(value))
    elif value is None:
        pieces.append("null")
    elif value is True:
        pieces.append("true")
    elif value is False:
        pieces.append("false")
    elif isinstance(value, int):
        pieces.append(int.__repr__(value))
    elif isinstance(value, float):
        pieces.append(_float(value))
    elif isinstance(value, list | tuple):
        if not value:
            pieces.append("[]")
            return
        inner = newline + _STEP
        separator = "[" + inner
        for item in value:
            pieces.append(separator)
            _write(item, pieces, inner)
            separator = "," + inner
        pieces.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            pieces.append("{}")
            return
        inner = newline + _STEP
        separator = "{" + inner
        for key, item in value.items():
            pieces.append(separator)
            pieces.append(encode_basestring(key if isinstance(key, str) else _key(key)))
            pieces.append(": ")
            _write(item, pieces, inner)
            separator = "," + inner
        pieces.append(newline + "}")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: object) -> str:
    # Keys json's encoder turns into text, the way it does.
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _float(value: float) -> str:
    # As json's encoder writes them, allow_nan being its default.
    if value != value:
        return "NaN"
    if value == math.inf:
        return "Infinity"
    if value == -math.inf:
        return "-Infinity"
    return float.__repr__(value)
