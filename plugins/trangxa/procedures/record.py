"""One procedure file read and checked field by field, every problem collected at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path as FilePath

from trangxa.core.frontmatter import load_yaml_mapping
from trangxa.core.problems import ContentError, Problem
from trangxa.core.textfile import control_problem, read_source
from trangxa.procedures.fieldreader import FieldReader, is_blank
from trangxa.procedures.history import read_history
from trangxa.procedures.model import Document, OnlineService, Procedure
from trangxa.procedures.schema import (
    DOCUMENT_KEYS,
    ONLINE_KEYS,
    RECORD_KEYS,
    Channel,
    OnlineLevel,
    parse_channel,
    parse_online_level,
)
from trangxa.procedures.yamllines import Path, nested_lines

CODE_PATTERN = re.compile(r"\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.H\d{2})?")


class RecordReader(FieldReader):
    """Reads one parsed record into a Procedure, noting each problem with its line."""

    # The code the file gives, valid or not: the collection checks no two files claim one.
    claimed_code: str | None = None

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
        if is_blank(value):
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
        if is_blank(value):
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
            history=read_history(self, code),
        )
        if any(problem.severity == "error" for problem in self.problems):
            return None
        return procedure


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
