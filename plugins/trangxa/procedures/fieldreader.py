"""Values of one procedure record read by shape (text, list, date), each problem with its line."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from trangxa.core.dates import DateParseError, is_suspicious_year, parse_date
from trangxa.core.problems import Problem
from trangxa.procedures.model import Text
from trangxa.procedures.schema import (
    DOCUMENT_KEYS,
    HISTORY_KEYS,
    ONLINE_KEYS,
    RECORD_KEYS,
    Key,
    suggest_key,
)
from trangxa.procedures.yamllines import Path

_BY_NAME = {key.name: key for key in (*RECORD_KEYS, *DOCUMENT_KEYS, *ONLINE_KEYS, *HISTORY_KEYS)}


class FieldReader:
    """Reads the values of one parsed record, noting each problem with its line."""

    def __init__(
        self,
        source: str,
        data: dict[str, Any],
        lines: dict[Path, int],
        now: datetime,
        text_lines: list[str] | None = None,
    ) -> None:
        self.source = source
        self.data = data
        self.lines = lines
        self.text_lines = text_lines or []
        self.now = now
        self.problems: list[Problem] = []

    # -- reporting -------------------------------------------------------------------------

    def line(self, path: Path) -> int | None:
        """Line of the value at path, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def error(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.source, self.line(path), message))

    def warning(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.source, self.line(path), message, "warning"))

    @staticmethod
    def place(path: Path) -> str:
        """A path as staff read it: `history, mục 2, posted`."""
        return ", ".join(f"mục {p + 1}" if isinstance(p, int) else p for p in path)

    @classmethod
    def where(cls, path: Path) -> str:
        """A path with its meaning: `Trường "history, mục 2, posted" (ngày đăng lên trang)`."""
        last = path[-1] if path else ""
        key = _BY_NAME.get(last) if isinstance(last, str) else None
        label = f" ({key.label})" if key is not None else ""
        return f'Trường "{cls.place(path)}"{label}'

    def raw_number(self, path: Path, value: Any) -> Any:
        """The digits as typed: YAML reads 1.000650 as the number 1.00065 and drops a zero."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return value
        line = self.lines.get(path)
        if line is None or not 0 < line <= len(self.text_lines):
            return str(value)
        match = re.search(
            rf"{re.escape(str(path[-1]))}\s*:\s*([0-9][0-9.]*)\s*(?:#.*)?$",
            self.text_lines[line - 1],
        )
        return match.group(1) if match else str(value)

    # -- shapes ----------------------------------------------------------------------------

    def check_keys(self, mapping: dict[str, Any], keys: tuple[Key, ...], path: Path) -> None:
        """Report unknown keys (with the likely intended one) and missing required keys."""
        known = {key.name for key in keys}
        meant: set[str] = set()
        for name in mapping:
            if name in known:
                continue
            hint = suggest_key(name, keys)
            if hint is not None:
                meant.add(hint.name)
            advice = (
                f'Có phải ý bạn là "{hint.name}" ({hint.label})?'
                if hint is not None
                else "Các trường được dùng: " + ", ".join(sorted(known)) + "."
            )
            self.error(
                (*path, name),
                f'Trường "{name}" không có trong mẫu hồ sơ thủ tục. {advice} '
                "Xem danh sách trường trong procedures/README.md.",
            )
        for key in keys:
            # A misspelt key already says which key is meant; "missing" would repeat it.
            if key.required and key.name not in meant and is_blank(mapping.get(key.name)):
                self.error(
                    path,
                    f'Thiếu trường bắt buộc "{key.name}" ({key.label})'
                    + (f" ở {self.place(path)}" if path else "")
                    + f". Thêm dòng, ví dụ: {key.example}",
                )

    def text(self, path: Path, value: Any, default: str = "") -> str:
        """A one-line or multi-line text value; numbers are taken as written."""
        if is_blank(value):
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(
                path,
                f"{self.where(path)} phải là một đoạn chữ. Nếu nội dung có dấu hai chấm hoặc "
                'bắt đầu bằng ký tự đặc biệt, hãy đặt trong ngoặc kép, ví dụ: "Có: 01 bản".',
            )
            return default
        return str(value).strip()

    def text_or_list(self, path: Path, value: Any, default: str = "") -> Text:
        """Free text, or a list of items shown as bullet points."""
        if isinstance(value, list):
            return [self.text((*path, i), item) for i, item in enumerate(value) if item]
        return self.text(path, value, default)

    def text_list(self, path: Path, value: Any) -> list[str]:
        """A list of text items; one string is taken as a list of one."""
        if is_blank(value):
            return []
        if isinstance(value, str):
            return [value.strip()]
        if not isinstance(value, list):
            self.error(
                path, f'{self.where(path)} phải là danh sách, mỗi mục một dòng bắt đầu bằng "- ".'
            )
            return []
        return [self.text((*path, i), item) for i, item in enumerate(value) if not is_blank(item)]

    def date(self, path: Path, value: Any) -> datetime | None:
        """A date in any form staff write; suspicious years and future dates are warned about."""
        try:
            parsed = parse_date(value)
        except DateParseError as exc:
            self.error(path, f"{self.where(path)}: {exc}")
            return None
        if is_suspicious_year(parsed, today=self.now.date()):
            self.warning(
                path, f"{self.where(path)}: năm {parsed.year} có vẻ bị gõ nhầm. Kiểm tra lại ngày."
            )
        elif parsed > self.now:
            self.warning(
                path,
                f"{self.where(path)}: ngày {parsed:%d/%m/%Y} chưa tới. Kiểm tra lại ngày, hoặc "
                "chỉ thêm mục này khi quyết định đã được công bố.",
            )
        return parsed


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)
