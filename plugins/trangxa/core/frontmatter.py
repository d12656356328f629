"""Front matter split and parsed by us, so YAML errors carry a file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from trangxa.core.plainyaml import read_plain_mapping, unclosed_quote_line
from trangxa.core.problems import ContentError, Problem
from trangxa.core.yamlguard import check_yaml_bounds, duplicate_key_problem

# libyaml's parser is many times faster than the pure-Python one; same results, same marks.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StringDatesLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """Safe loader that leaves dates as text, so one parser handles every date form."""


# PyYAML would turn 2024-03-15 into a date but leave 15/03/2024 as text; dropping its
# timestamp resolver keeps both as strings for trangxa.core.dates.parse_date.
_StringDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_QUOTE_ADVICE = 'hãy đặt cả giá trị trong ngoặc kép, ví dụ title: "Thông báo: lịch tiếp dân".'
_GENERAL_ADVICE = (
    "Kiểm tra dấu hai chấm sau mỗi khóa, dấu ngoặc kép đóng mở đủ cặp, và thụt lề bằng dấu "
    f"cách; giá trị có dấu hai chấm hay ký tự đặc biệt thì {_QUOTE_ADVICE}"
)
_UNCLOSED_QUOTE = (
    "Lỗi cú pháp YAML: giá trị mở bằng dấu ngoặc kép ở dòng này nhưng không có dấu ngoặc "
    "đóng. Thêm dấu ngoặc cùng loại (\" hoặc ') ở cuối giá trị, ví dụ "
    'title: "Thông báo lịch tiếp dân".'
)

# PyYAML explains in English; each common reason is reworded for staff with its fix.
# (phrases of PyYAML and libyaml problem texts, mark to point at, reason, fix)
_YAML_REASONS: tuple[tuple[tuple[str, ...], str, str, str], ...] = (
    (
        ("mapping values are not allowed",),
        "problem",
        "có dấu hai chấm ở chỗ không được phép",
        "Nếu giá trị có dấu hai chấm thì " + _QUOTE_ADVICE + " Nếu dòng bị thụt vào, hãy xóa "
        "các dấu cách thừa ở đầu dòng.",
    ),
    (
        ("could not find expected ':'",),
        "context",
        "dòng này thiếu dấu hai chấm sau tên khóa",
        "Viết theo dạng khóa: giá trị, ví dụ date: 15/03/2024 (có dấu cách sau dấu hai chấm).",
    ),
    (
        ("found unexpected end of stream",),
        "problem",
        "dấu ngoặc mở ở dòng {opened} chưa được đóng",
        "Thêm dấu ngoặc đóng cùng loại (\" hoặc ') ở cuối giá trị đó.",
    ),
    (
        ("expected ',' or ']'",),
        "context",
        "danh sách mở bằng [ ở dòng này chưa được đóng bằng ], hoặc thiếu dấu phẩy giữa các mục",
        "Viết danh sách trên một dòng, ví dụ categories: [Tin tức, Thông báo].",
    ),
    (
        ("expected ',' or '}'",),
        "context",
        "nhóm mở bằng { ở dòng này chưa được đóng bằng }",
        "Nếu giá trị có dấu { hay } thì " + _QUOTE_ADVICE,
    ),
    (
        ("expected <block end>", "did not find expected key"),
        "problem",
        "thụt lề không đều, hoặc có chữ thừa sau một giá trị trong ngoặc kép",
        "Các khóa phải bắt đầu sát lề trái, các mục của một danh sách thụt vào bằng nhau; nếu "
        "giá trị có ngoặc kép ở giữa thì đặt cả giá trị trong ngoặc đơn, ví dụ "
        "title: 'Phong trào \"Ngày Chủ nhật xanh\" năm 2024'.",
    ),
    (
        ("that cannot start any token",),
        "problem",
        "giá trị bắt đầu bằng một ký tự YAML dành riêng (như @ hay `)",
        _QUOTE_ADVICE[0].upper() + _QUOTE_ADVICE[1:],
    ),
    (
        ("found unknown escape character",),
        "problem",
        "trong ngoặc kép, dấu \\ đứng trước một ký tự không dùng được",
        "Viết \\\\ thay cho \\, hoặc đặt giá trị trong ngoặc đơn '...'.",
    ),
    (
        ("alias",),
        "problem",
        "giá trị bắt đầu bằng dấu * hoặc &, hai ký tự có nghĩa riêng trong YAML",
        _QUOTE_ADVICE[0].upper() + _QUOTE_ADVICE[1:],
    ),
    (
        ("alphabetic or numeric character", "non-alphabetical character"),
        "problem",
        "có ký tự &, * hoặc % ở đầu giá trị hay đầu dòng, các ký tự có nghĩa riêng trong YAML",
        _QUOTE_ADVICE[0].upper() + _QUOTE_ADVICE[1:],
    ),
    (
        ("chomping or indentation indicators", "expected comment or line break"),
        "problem",
        "sau dấu | hoặc > không được viết chữ trên cùng dòng",
        _QUOTE_ADVICE[0].upper() + _QUOTE_ADVICE[1:],
    ),
    (
        ("found unhashable key",),
        "problem",
        "tên khóa không phải là một chữ",
        "Mỗi dòng phải có dạng khóa: giá trị, tên khóa viết liền không có dấu ngoặc.",
    ),
)


def explain_yaml_error(exc: yaml.MarkedYAMLError, first_line: int = 1) -> tuple[int, str]:
    """0-based line inside the YAML text and a Vietnamese message for a PyYAML error."""
    problem = exc.problem or ""
    context = exc.context or ""
    for phrases, which, reason, fix in _YAML_REASONS:
        if any(phrase in problem or phrase in context for phrase in phrases):
            mark = exc.context_mark if which == "context" else exc.problem_mark
            mark = mark or exc.problem_mark or exc.context_mark
            # The parser gives up where the text ends; the message names where the quote opened.
            opened = first_line + (exc.context_mark.line if exc.context_mark else 0)
            reason = reason.replace("{opened}", str(opened))
            return (mark.line if mark else 0), f"Lỗi cú pháp YAML: {reason}. {fix}"
    mark = exc.problem_mark or exc.context_mark
    return (mark.line if mark else 0), f"Lỗi cú pháp YAML. {_GENERAL_ADVICE}"


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


def load_yaml_mapping(
    text: str, path: str, first_line: int = 1
) -> tuple[dict[str, Any], dict[str, int]]:
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
    plain = read_plain_mapping(text, _StringDatesLoader.yaml_implicit_resolvers, first_line)
    if plain is not None:
        return plain
    return load_with_pyyaml(text, path, first_line)


def load_with_pyyaml(
    text: str, path: str, first_line: int = 1
) -> tuple[dict[str, Any], dict[str, int]]:
    """load_yaml_mapping for any YAML, with PyYAML's errors explained for staff."""
    check_yaml_bounds(text, path, first_line)
    try:
        loader = _StringDatesLoader(text)
        try:
            # One parse gives both the node tree (for key lines) and the data.
            node = loader.get_single_node()
            duplicate = duplicate_key_problem(node, path, first_line) if node else None
            if duplicate is not None:
                raise ContentError(duplicate)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        opened = unclosed_quote_line(text)
        if opened is not None:
            raise ContentError(Problem(path, first_line + opened, _UNCLOSED_QUOTE)) from exc
        line, message = explain_yaml_error(exc, first_line)
        raise ContentError(Problem(path, first_line + line, message)) from exc
    except yaml.reader.ReaderError as exc:
        line = first_line + text[: max(exc.position, 0)].count("\n")
        raise ContentError(
            Problem(
                path,
                line,
                f"Phần khai báo có một ký tự điều khiển không nhìn thấy (mã U+{exc.character:04X}), "
                "thường do chép từ Word hoặc PDF. Xóa dòng này rồi gõ lại bằng tay.",
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise ContentError(
            Problem(path, first_line, f"Không đọc được phần khai báo YAML. {_GENERAL_ADVICE}")
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
    key_lines: dict[str, int] = {}
    for key_node, _ in node.value:
        key, line = str(key_node.value), first_line + key_node.start_mark.line
        if key in key_lines:
            # PyYAML keeps the last value silently; staff would not know which one counts.
            raise ContentError(
                Problem(
                    path,
                    line,
                    f'Khóa "{key}" được viết hai lần (dòng {key_lines[key]} và dòng {line}). '
                    "Xóa một dòng, chỉ giữ lại giá trị đúng.",
                )
            )
        key_lines[key] = line
    return {str(k): v for k, v in data.items()}, key_lines


def split_front_matter(text: str, path: str) -> FrontMatter:
    """Split `---` delimited front matter from a Markdown text (already LF and NFC)."""
    # Only the front matter is searched: splitting a long body into lines costs more than
    # everything else a count does with the file.
    end = text.find("\n")
    if (text if end < 0 else text[:end]).rstrip() != "---":
        return FrontMatter({}, text, 1, {}, has_block=False)
    closing = _CLOSING_LINE.search(text, end + 1) if end >= 0 else None
    if closing is None:
        raise ContentError(
            Problem(
                path,
                1,
                "Phần khai báo mở bằng dòng --- nhưng không có dòng --- đóng lại. "
                "Thêm một dòng chỉ có --- ngay sau khóa cuối cùng.",
            )
        )
    start = closing.start()
    meta, key_lines = load_yaml_mapping(text[end + 1 : max(start - 1, 0)], path, first_line=2)
    body = text[closing.end() + 1 :]
    # The closing line's number, plus one: the body's first line.
    return FrontMatter(meta, body, text.count("\n", 0, start) + 2, key_lines)


# A line that closes the front matter: --- or ..., then only white space (as str.rstrip sees
# it) up to the line feed.
_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
