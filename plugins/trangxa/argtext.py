"""argparse speaking Vietnamese: its own texts (usage, errors, help headings) translated."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

# argparse looks each of its texts up through the module's gettext functions at the moment
# it uses them; these are the ones a user of `trangxa` can meet.
_TEXTS = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không có: %(value)r (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị sau tùy chọn này",
    "expected at most one argument": "chỉ nhận tối đa một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ, có thể là %(matches)s"
    ),
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
}
_PLURAL_TEXTS = {
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}


def translate(text: str) -> str:
    """The Vietnamese text for one of argparse's own messages; others pass through."""
    return _TEXTS.get(text, text)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """ngettext for argparse's messages that depend on a number."""
    chosen = singular if count == 1 else plural
    return _PLURAL_TEXTS.get(chosen, chosen)


@contextmanager
def vietnamese_argparse() -> Iterator[None]:
    """While inside, argparse builds, prints and fails in Vietnamese."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = translate, translate_plural
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved


class HelpFormatter(argparse.HelpFormatter):
    """Help text with a wider option column, so Vietnamese metavars do not wrap early."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)
