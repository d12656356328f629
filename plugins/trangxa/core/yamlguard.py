"""Limits on the work any one YAML text may cause, checked before it is built into data.

A few hundred bytes of YAML can ask for billions of values through anchors and aliases, or
nest thousands of levels deep and exhaust the recursion of PyYAML's constructor. Staff files
need neither: anchors and aliases are refused and nesting is capped, by reading the tokens
once, which costs time in proportion to the text and no recursion.
"""

from __future__ import annotations

from typing import Any

import yaml

from trangxa.core.problems import ContentError, Problem
from trangxa.core.textfile import has_control

# Procedure records nest four levels (history > entry > key > value); posts two or three.
MAX_DEPTH = 20

_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_QUOTE_FIX = (
    'Nếu đó là chữ bình thường, hãy đặt cả giá trị trong ngoặc kép, ví dụ title: "*Lưu ý*".'
)


def check_yaml_bounds(text: str, path: str, first_line: int = 1) -> None:
    """Raise ContentError for anchors, aliases or nesting deeper than MAX_DEPTH."""
    scanner: Any = _SafeBase(text)
    depth = 0
    try:
        while True:
            token = scanner.get_token()
            if token is None or isinstance(token, yaml.StreamEndToken):
                return
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ContentError(
                        Problem(
                            path,
                            first_line + token.start_mark.line,
                            f"Phần khai báo lồng nhau quá {MAX_DEPTH} cấp (quá nhiều dấu [ {{ "
                            "hoặc thụt lề chồng nhau). Tệp của trang không cần lồng sâu như "
                            "vậy: kiểm tra lại các dấu ngoặc, hoặc đặt giá trị trong ngoặc kép.",
                        )
                    )
            elif isinstance(token, _CLOSE):
                depth -= 1
            elif isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                raise ContentError(
                    Problem(
                        path,
                        first_line + token.start_mark.line,
                        "Giá trị bắt đầu bằng dấu & hoặc *, là neo và bí danh của YAML; trang "
                        f"không dùng chúng vì chúng có thể nhân một tệp nhỏ thành rất lớn. "
                        f"{_QUOTE_FIX}",
                    )
                )
    except yaml.YAMLError:
        # Syntax errors are explained by the loader that runs next, with the usual wording.
        return
    finally:
        scanner.dispose()


def duplicate_key_problem(node: yaml.Node, path: str, first_line: int = 1) -> Problem | None:
    """The first key written twice in any mapping of a composed document, with both lines.

    A control character written as an escape (such as "\\u000b") is refused here too: the
    reader only sees the characters as typed.
    """
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and has_control(str(current.value)):
            return Problem(
                path,
                first_line + current.start_mark.line,
                "Giá trị này có mã điều khiển viết dạng \\u... hoặc \\x... (ví dụ \\u000b); trang "
                "web và RSS không chứa được ký tự đó. Xóa mã đó khỏi giá trị.",
            )
        if isinstance(current, yaml.MappingNode):
            seen: dict[object, int] = {}
            for key_node, value_node in current.value:
                line = first_line + key_node.start_mark.line
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
                if key in seen:
                    where = (
                        f"dòng {line}" if seen[key] == line else f"dòng {seen[key]} và dòng {line}"
                    )
                    return Problem(
                        path,
                        line,
                        f'Khóa "{key}" được viết hai lần ({where}). '
                        "Xóa một lần, chỉ giữ lại giá trị đúng.",
                    )
                seen[key] = line
                stack.extend((key_node, value_node))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None
