"""Front matter split and parsed by us, so YAML errors carry a file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from trangxa.core.problems import ContentError, Problem


class _StringDatesLoader(yaml.SafeLoader):
    """Safe loader that leaves dates as text, so one parser handles every date form."""


# PyYAML would turn 2024-03-15 into a date but leave 15/03/2024 as text; dropping its
# timestamp resolver keeps both as strings for trangxa.core.dates.parse_date.
_StringDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class FrontMatter:
    """Metadata of a Markdown file, its body, and where each top-level key stands."""

    meta: dict[str, Any]
    body: str
    body_line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    has_block: bool = True

    def line_of(self, key: str) -> int:
        """Line of a key, or of the block's first line when the key is absent."""
        return self.key_lines.get(key, 1)


def load_yaml_mapping(text: str, path: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse a YAML mapping, returning it with the line of each top-level key."""
    if "\t" in text:
        offset = text[: text.index("\t")].count("\n")
        raise ContentError(
            Problem(
                path,
                first_line + offset,
                "Phần khai báo (YAML) có ký tự Tab. YAML chỉ cho phép thụt lề bằng dấu cách: "
                "hãy thay mỗi Tab bằng hai dấu cách.",
            )
        )
    try:
        node = yaml.compose(text, Loader=_StringDatesLoader)
        data = yaml.load(text, Loader=_StringDatesLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark is not None else first_line
        reason = exc.problem or exc.context or "cú pháp không hợp lệ"
        raise ContentError(
            Problem(
                path,
                line,
                f"Lỗi cú pháp YAML ({reason}). Kiểm tra dấu hai chấm sau mỗi khóa, dấu ngoặc kép "
                "đóng mở đủ cặp, và thụt lề bằng dấu cách; tiêu đề có dấu hai chấm thì đặt trong "
                'ngoặc kép, ví dụ title: "Thông báo: lịch tiếp dân".',
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise ContentError(
            Problem(path, first_line, f"Không đọc được phần khai báo YAML: {exc}.")
        ) from exc
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ContentError(
            Problem(
                path,
                first_line,
                "Phần khai báo phải là các dòng dạng khóa: giá trị (ví dụ title: Tiêu đề).",
            )
        )
    key_lines = {
        str(key_node.value): first_line + key_node.start_mark.line for key_node, _ in node.value
    }
    return {str(k): v for k, v in data.items()}, key_lines


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Split `---` delimited front matter from a Markdown text (already LF and NFC)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter({}, text, 1, {}, has_block=False)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            block = "\n".join(lines[1:index])
            meta, key_lines = load_yaml_mapping(block, path, first_line=2)
            body = "\n".join(lines[index + 1 :])
            return FrontMatter(meta, body, index + 2, key_lines)
    raise ContentError(
        Problem(
            path,
            1,
            "Phần khai báo mở bằng dòng --- nhưng không có dòng --- đóng lại. "
            "Thêm một dòng chỉ có --- ngay sau khóa cuối cùng.",
        )
    )
