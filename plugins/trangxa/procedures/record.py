"""One procedure file read and checked field by field, every problem collected at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path as FilePath
from typing import Any

from trangxa.core.dates import DateParseError, is_suspicious_year, parse_date
from trangxa.core.frontmatter import load_yaml_mapping
from trangxa.core.problems import ContentError, Problem
from trangxa.core.textfile import control_problem, read_source
from trangxa.procedures.model import Document, HistoryEntry, OnlineService, Procedure, Text
from trangxa.procedures.schema import (
    DOCUMENT_KEYS,
    HISTORY_KEYS,
    ONLINE_KEYS,
    RECORD_KEYS,
    ChangeKind,
    Channel,
    Key,
    OnlineLevel,
    parse_change,
    parse_channel,
    parse_online_level,
    suggest_key,
)
from trangxa.procedures.yamllines import Path, nested_lines

CODE_PATTERN = re.compile(r"\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.H\d{2})?")
_DECISION_PREFIX = re.compile(r"^(?:quyết\s+định|qđ)\s*(?:số)?\s*[:.]?\s*", re.IGNORECASE)

_BY_NAME = {key.name: key for key in (*RECORD_KEYS, *DOCUMENT_KEYS, *ONLINE_KEYS, *HISTORY_KEYS)}


class RecordReader:
    """Reads one parsed record into a Procedure, noting each problem with its line."""

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
        self.claimed_code: str | None = None
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
            if key.required and key.name not in meant and _is_blank(mapping.get(key.name)):
                self.error(
                    path,
                    f'Thiếu trường bắt buộc "{key.name}" ({key.label})'
                    + (f" ở {self.place(path)}" if path else "")
                    + f". Thêm dòng, ví dụ: {key.example}",
                )

    def text(self, path: Path, value: Any, default: str = "") -> str:
        """A one-line or multi-line text value; numbers are taken as written."""
        if _is_blank(value):
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
        if _is_blank(value):
            return []
        if isinstance(value, str):
            return [value.strip()]
        if not isinstance(value, list):
            self.error(
                path, f'{self.where(path)} phải là danh sách, mỗi mục một dòng bắt đầu bằng "- ".'
            )
            return []
        return [self.text((*path, i), item) for i, item in enumerate(value) if not _is_blank(item)]

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

    # -- fields ----------------------------------------------------------------------------

    def code(self) -> str:
        code = self.text(("code",), self.raw_number(("code",), self.data.get("code")))
        self.claimed_code = code or None
        if code and not CODE_PATTERN.fullmatch(code):
            self.error(
                ("code",),
                f'Mã thủ tục "{code}" không đúng dạng. Mã quốc gia có dạng 1.001193, mã riêng '
                "của tỉnh có dạng 1.001193.000.00.00.H35; chép đúng mã trên Cổng Dịch vụ công.",
            )
        return code

    def channels(self) -> list[Channel]:
        value = self.data.get("channels")
        items = value.split(",") if isinstance(value, str) else value
        result: list[Channel] = []
        for index, item in enumerate(self.text_list(("channels",), items)):
            channel = parse_channel(item)
            if channel is None:
                self.error(
                    ("channels", index),
                    f'Cách thức "{item}" không hợp lệ. Chỉ dùng: '
                    + ", ".join(c.value for c in Channel)
                    + ".",
                )
            elif channel not in result:
                result.append(channel)
        return result

    def documents(self) -> list[Document]:
        value = self.data.get("documents")
        if _is_blank(value):
            return []
        if not isinstance(value, list):
            self.error(
                ("documents",),
                'Trường "documents" phải là danh sách giấy tờ, mỗi giấy tờ '
                'bắt đầu bằng "- name: ".',
            )
            return []
        result = []
        for index, item in enumerate(value):
            path: Path = ("documents", index)
            if isinstance(item, str):
                result.append(Document(item.strip()))
                continue
            if not isinstance(item, dict):
                self.error(path, f"{self.where(path)} phải có dạng - name: Tên giấy tờ.")
                continue
            self.check_keys(item, DOCUMENT_KEYS, path)
            copies = item.get("copies")
            shown = (
                f"{copies:02d} bản"
                if isinstance(copies, int) and not isinstance(copies, bool)
                else self.text((*path, "copies"), copies) or None
            )
            result.append(
                Document(
                    name=self.text((*path, "name"), item.get("name")),
                    template=self.text((*path, "template"), item.get("template")) or None,
                    copies=shown,
                )
            )
        return result

    def online(self) -> OnlineService:
        value = self.data.get("online")
        if _is_blank(value):
            return OnlineService()
        if isinstance(value, str):
            value = {"level": value}
        if not isinstance(value, dict):
            self.error(
                ("online",),
                'Trường "online" phải có dạng:\n  level: toàn trình\n  url: https://...',
            )
            return OnlineService()
        self.check_keys(value, ONLINE_KEYS, ("online",))
        level_text = self.text(("online", "level"), value.get("level"))
        level = parse_online_level(level_text) if level_text else OnlineLevel.NONE
        if level is None:
            self.error(
                ("online", "level"),
                f'Mức độ "{level_text}" không hợp lệ. Chỉ dùng: '
                + ", ".join(lv.value for lv in OnlineLevel)
                + ".",
            )
            level = OnlineLevel.NONE
        url = self.text(("online", "url"), value.get("url")) or None
        if url is not None and not re.match(r"https?://\S+$", url):
            self.error(
                ("online", "url"),
                f'Địa chỉ "{url}" phải bắt đầu bằng https:// và không có dấu cách.',
            )
            url = None
        if level is not OnlineLevel.NONE and url is None:
            self.error(
                ("online",),
                f'Thủ tục có dịch vụ công trực tuyến "{level.value}" nhưng thiếu "url". Thêm dòng '
                "url: với địa chỉ của thủ tục trên Cổng Dịch vụ công quốc gia.",
            )
        return OnlineService(level, url)

    def history(self, own_code: str) -> list[HistoryEntry]:
        value = self.data.get("history")
        if _is_blank(value):
            return []
        if not isinstance(value, list):
            self.error(
                ("history",),
                'Trường "history" phải là danh sách, mỗi lần công bố bắt đầu bằng "- change: ".',
            )
            return []
        entries: list[HistoryEntry] = []
        for index, item in enumerate(value):
            path: Path = ("history", index)
            if not isinstance(item, dict):
                self.error(path, f"{self.where(path)} phải có dạng - change: mới ban hành.")
                continue
            entry = self.history_entry(item, path, own_code)
            if entry is not None:
                entries.append(entry)
        self.check_history_order(entries)
        return entries

    def history_entry(self, item: dict[str, Any], path: Path, own_code: str) -> HistoryEntry | None:
        before = len(self.problems)
        self.check_keys(item, HISTORY_KEYS, path)
        change_text = self.text((*path, "change"), item.get("change"))
        change = parse_change(change_text) if change_text else None
        if change_text and change is None:
            self.error(
                (*path, "change"),
                f'Nội dung thay đổi "{change_text}" không hợp lệ. Chỉ dùng: '
                + ", ".join(k.value for k in ChangeKind)
                + ".",
            )
        decision = _DECISION_PREFIX.sub("", self.text((*path, "decision"), item.get("decision")))
        decided = (
            self.date((*path, "decision_date"), item.get("decision_date"))
            if not _is_blank(item.get("decision_date"))
            else None
        )
        posted = (
            self.date((*path, "posted"), item.get("posted"))
            if not _is_blank(item.get("posted"))
            else None
        )
        replaced_by = (
            self.text(
                (*path, "replaced_by"),
                self.raw_number((*path, "replaced_by"), item.get("replaced_by")),
            )
            or None
        )
        if change is ChangeKind.REPLACED and replaced_by is None:
            self.error(
                path,
                f"{self.where(path)}: thủ tục bị thay thế phải ghi mã thủ tục thay thế nó, "
                'ví dụ replaced_by: "1.001193".',
            )
        if change is not None and change is not ChangeKind.REPLACED and replaced_by is not None:
            self.error(
                (*path, "replaced_by"),
                '"replaced_by" chỉ dùng khi change là "thay thế", còn mục này là '
                f'"{change.value}". '
                "Xóa dòng replaced_by hoặc sửa change.",
            )
        if replaced_by is not None and replaced_by == own_code:
            self.error((*path, "replaced_by"), "Thủ tục không thể được thay thế bởi chính nó.")
        if decided is not None and posted is not None and posted < decided:
            self.warning(
                (*path, "posted"),
                f"Ngày đăng {posted:%d/%m/%Y} sớm hơn ngày ký quyết định {decided:%d/%m/%Y}. "
                "Kiểm tra lại một trong hai ngày.",
            )
        if len(self.problems) > before and any(
            p.severity == "error" for p in self.problems[before:]
        ):
            return None
        assert change is not None and decided is not None and posted is not None
        return HistoryEntry(
            change=change,
            decision=decision,
            decision_date=decided,
            posted=posted,
            replaced_by=replaced_by,
            note=self.text((*path, "note"), item.get("note")) or None,
            line=self.line(path),
        )

    def check_history_order(self, entries: list[HistoryEntry]) -> None:
        """History runs oldest first, and nothing follows a replacement or an abolition."""
        for number, (earlier, later) in enumerate(pairwise(entries), 2):
            for attribute, label in (
                ("decision_date", "ngày ký quyết định"),
                ("posted", "ngày đăng"),
            ):
                a, b = getattr(earlier, attribute), getattr(later, attribute)
                if b < a:
                    self.problems.append(
                        Problem(
                            self.source,
                            later.line,
                            f"Lịch sử công bố không theo thứ tự thời gian: mục {number} có {label} "
                            f"{b:%d/%m/%Y}, sớm hơn mục {number - 1} ({a:%d/%m/%Y}). Xếp các mục "
                            "trong history từ cũ đến mới.",
                        )
                    )
                    break
            if earlier.change.ends_procedure:
                self.problems.append(
                    Problem(
                        self.source,
                        later.line,
                        f'Mục {number} của history đứng sau một lần "{earlier.change.value}": '
                        "thủ tục đã hết hiệu lực thì không còn thay đổi nào sau đó. Nếu thủ tục "
                        "được ban hành "
                        "lại với mã mới, hãy tạo tệp riêng cho mã mới.",
                    )
                )

    def procedure(self) -> Procedure | None:
        """The whole record; None when any error was found."""
        self.check_keys(self.data, RECORD_KEYS, ())
        code = self.code()
        procedure = Procedure(
            source=self.source,
            code=code,
            name=self.text(("name",), self.data.get("name")),
            field=" ".join(self.text(("field",), self.data.get("field")).split()),
            level=self.text(("level",), self.data.get("level"), "Cấp xã"),
            agency=self.text(("agency",), self.data.get("agency")),
            submit_at=self.text_or_list(("submit_at",), self.data.get("submit_at")),
            channels=self.channels(),
            steps=self.text_list(("steps",), self.data.get("steps")),
            documents=self.documents(),
            processing_time=self.text_or_list(
                ("processing_time",), self.data.get("processing_time")
            ),
            fees=self.text_or_list(("fees",), self.data.get("fees")),
            applicants=self.text_or_list(("applicants",), self.data.get("applicants")),
            requirements=self.text_or_list(
                ("requirements",), self.data.get("requirements"), "Không"
            ),
            result=self.text_or_list(("result",), self.data.get("result")),
            legal_basis=self.text_list(("legal_basis",), self.data.get("legal_basis")),
            online=self.online(),
            history=self.history(code),
        )
        if any(problem.severity == "error" for problem in self.problems):
            return None
        return procedure


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


@dataclass
class RecordResult:
    """What reading one file gave: the procedure if valid, its problems, the code it claims."""

    procedure: Procedure | None
    problems: list[Problem]
    code: str | None = None


def read_record(abs_path: FilePath, source: str, now: datetime) -> RecordResult:
    """Read one procedure file; the procedure is None when the file has an error."""
    try:
        read = read_source(abs_path, source)
        text = read.text
        data, _ = load_yaml_mapping(text, source)
    except ContentError as exc:
        return RecordResult(None, [exc.problem])
    if not data:
        return RecordResult(
            None,
            [
                Problem(
                    source,
                    1,
                    "Tệp thủ tục không có nội dung. Điền các trường theo "
                    "mẫu trong procedures/README.md, hoặc xóa tệp.",
                )
            ],
        )
    reader = RecordReader(source, data, nested_lines(text), now, text.split("\n"))
    procedure = reader.procedure()
    controls = [control_problem(source, line) for line in read.control_lines]
    return RecordResult(procedure, controls + reader.problems, reader.claimed_code)
