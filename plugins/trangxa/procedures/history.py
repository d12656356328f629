"""The history of a procedure record: each publication checked, and their order."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from trangxa.core.problems import Problem
from trangxa.procedures.fieldreader import FieldReader, is_blank
from trangxa.procedures.model import HistoryEntry
from trangxa.procedures.schema import HISTORY_KEYS, ChangeKind, parse_change
from trangxa.procedures.yamllines import Path

_DECISION_PREFIX = re.compile(r"^(?:quyết\s+định|qđ)\s*(?:số)?\s*[:.]?\s*", re.IGNORECASE)


def read_history(reader: FieldReader, own_code: str) -> list[HistoryEntry]:
    """The record's history of publication, oldest first; entries with an error are left out."""
    value = reader.data.get("history")
    if is_blank(value):
        return []
    if not isinstance(value, list):
        reader.error(
            ("history",),
            'Trường "history" phải là danh sách, mỗi lần công bố bắt đầu bằng "- change: ".',
        )
        return []
    entries: list[HistoryEntry] = []
    for index, item in enumerate(value):
        path: Path = ("history", index)
        if not isinstance(item, dict):
            reader.error(path, f"{reader.where(path)} phải có dạng - change: mới ban hành.")
            continue
        entry = _entry(reader, item, path, own_code)
        if entry is not None:
            entries.append(entry)
    _check_order(reader, entries)
    return entries


def _entry(
    reader: FieldReader, item: dict[str, Any], path: Path, own_code: str
) -> HistoryEntry | None:
    before = len(reader.problems)
    reader.check_keys(item, HISTORY_KEYS, path)
    change_text = reader.text((*path, "change"), item.get("change"))
    change = parse_change(change_text) if change_text else None
    if change_text and change is None:
        reader.error(
            (*path, "change"),
            f'Nội dung thay đổi "{change_text}" không hợp lệ. Chỉ dùng: '
            + ", ".join(k.value for k in ChangeKind)
            + ".",
        )
    decision = _DECISION_PREFIX.sub("", reader.text((*path, "decision"), item.get("decision")))
    decided = (
        reader.date((*path, "decision_date"), item.get("decision_date"))
        if not is_blank(item.get("decision_date"))
        else None
    )
    posted = (
        reader.date((*path, "posted"), item.get("posted"))
        if not is_blank(item.get("posted"))
        else None
    )
    replaced_by = (
        reader.text(
            (*path, "replaced_by"),
            reader.raw_number((*path, "replaced_by"), item.get("replaced_by")),
        )
        or None
    )
    if change is ChangeKind.REPLACED and replaced_by is None:
        reader.error(
            path,
            f"{reader.where(path)}: thủ tục bị thay thế phải ghi mã thủ tục thay thế nó, "
            'ví dụ replaced_by: "1.001193".',
        )
    if change is not None and change is not ChangeKind.REPLACED and replaced_by is not None:
        reader.error(
            (*path, "replaced_by"),
            '"replaced_by" chỉ dùng khi change là "thay thế", còn mục này là '
            f'"{change.value}". '
            "Xóa dòng replaced_by hoặc sửa change.",
        )
    if replaced_by is not None and replaced_by == own_code:
        reader.error((*path, "replaced_by"), "Thủ tục không thể được thay thế bởi chính nó.")
    if decided is not None and posted is not None and posted < decided:
        reader.warning(
            (*path, "posted"),
            f"Ngày đăng {posted:%d/%m/%Y} sớm hơn ngày ký quyết định {decided:%d/%m/%Y}. "
            "Kiểm tra lại một trong hai ngày.",
        )
    if len(reader.problems) > before and any(
        p.severity == "error" for p in reader.problems[before:]
    ):
        return None
    assert change is not None and decided is not None and posted is not None
    return HistoryEntry(
        change=change,
        decision=decision,
        decision_date=decided,
        posted=posted,
        replaced_by=replaced_by,
        note=reader.text((*path, "note"), item.get("note")) or None,
        line=reader.line(path),
    )


def _check_order(reader: FieldReader, entries: list[HistoryEntry]) -> None:
    """History runs oldest first, and nothing follows a replacement or an abolition."""
    for number, (earlier, later) in enumerate(pairwise(entries), 2):
        for attribute, label in (
            ("decision_date", "ngày ký quyết định"),
            ("posted", "ngày đăng"),
        ):
            a, b = getattr(earlier, attribute), getattr(later, attribute)
            if b < a:
                reader.problems.append(
                    Problem(
                        reader.source,
                        later.line,
                        f"Lịch sử công bố không theo thứ tự thời gian: mục {number} có {label} "
                        f"{b:%d/%m/%Y}, sớm hơn mục {number - 1} ({a:%d/%m/%Y}). Xếp các mục "
                        "trong history từ cũ đến mới.",
                    )
                )
                break
        if earlier.change.ends_procedure:
            reader.problems.append(
                Problem(
                    reader.source,
                    later.line,
                    f'Mục {number} của history đứng sau một lần "{earlier.change.value}": '
                    "thủ tục đã hết hiệu lực thì không còn thay đổi nào sau đó. Nếu thủ tục "
                    "được ban hành "
                    "lại với mã mới, hãy tạo tệp riêng cho mã mới.",
                )
            )
