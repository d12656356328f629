"""The front matter staff usually write, read without a YAML parser.

Nearly every post's front matter is a few `key: value` lines whose values are plain text,
a quoted text or a one-line list such as `[Tin tức, Thông báo]`. Reading those by hand takes
a small fraction of what PyYAML's node tree and constructors cost, which decides how fast
`trangxa count` and `trangxa check` are on the first run over thousands of posts.

`read_plain_mapping` accepts only text whose meaning in YAML is certain, and answers what
PyYAML's safe loader (without dates, see trangxa.core.frontmatter) would: a value is taken
as text only when none of the loader's own implicit resolvers (numbers, booleans, null...)
would match it. Anything else, including every error, returns None and goes to PyYAML, which
also gives the error messages with their lines.
"""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Characters that give a plain value, or a list item, another meaning where they start it.
_PLAIN_START_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Inside a list item these end the item or open something else.
_FLOW_INDICATORS = frozenset(",?[]{}")
# What sends a text to PyYAML, found in one pass: a character outside YAML's printable set
# (libyaml refuses those), "#" (a comment), and a line break other than "\n" ("\r", NEL, the
# line and paragraph separators), since the lines here are split at "\n" only. Written as
# the few characters refused rather than all the others: the same set, but the expression
# is made in a millisecond instead of tens of them at every start.
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f#\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")

Resolvers = dict[Any, list[tuple[str, re.Pattern[str]]]]


class _Known:
    """What was already read, for one resolver table: keys, categories and tags come back in
    every post, and so do whole lines (`categories:`, `  - "Tin tức"`, `draft: false`).
    Reading them again was most of the reader's time; each resolver is a regular expression
    to try on them."""

    def __init__(self) -> None:
        # Empty to begin with: the first table asked for is another object, so all start empty.
        self.resolvers: Resolvers = {}
        self._reset()

    def _reset(self) -> None:
        # _plain_text's answers, by value and whether it stands in a flow list.
        self.texts: dict[tuple[str, bool], str | None] = {}
        # What a top-level line says (_key_line), and a line under a key (_item_line).
        self.keys: dict[str, tuple[str, bool, Any] | None] = {}
        self.items: dict[str, tuple[int, int, Any]] = {}

    def of(self, resolvers: Resolvers) -> _Known:
        """These tables, emptied when the resolvers differ, each kind when it has grown large."""
        if resolvers is not self.resolvers:
            self.resolvers = resolvers
            self._reset()
        if len(self.texts) > _MAX_ANSWERS:
            self.texts = {}
        if len(self.keys) + len(self.items) > _MAX_ANSWERS:
            self.keys, self.items = {}, {}
        return self


_KNOWN = _Known()
_MAX_ANSWERS = 20_000
# Longer values (sentences, titles) rarely come back; they are not worth keeping.
_MAX_ANSWER_LENGTH = 64


def _plain_text(value: str, tables: _Known, in_flow: bool) -> str | None:
    """The value as text, if YAML reads it as a plain string; otherwise None."""
    if len(value) > _MAX_ANSWER_LENGTH:
        return _read_plain_text(value, tables.resolvers, in_flow)
    known = tables.texts
    try:
        return known[value, in_flow]
    except KeyError:
        answer = known[value, in_flow] = _read_plain_text(value, tables.resolvers, in_flow)
        return answer


def _read_plain_text(value: str, resolvers: Resolvers, in_flow: bool) -> str | None:
    if not value or value[0] in _PLAIN_START_INDICATORS or value != value.strip():
        return None
    if ": " in value or " #" in value or value.endswith(":"):
        return None
    if in_flow and (_FLOW_INDICATORS.intersection(value) or ":" in value):
        return None
    for _tag, pattern in [*resolvers.get(value[0], ()), *resolvers.get(None, ())]:
        if pattern.match(value):
            return None
    return value


def _quoted(value: str) -> str | None:
    """A single-line quoted text without escapes or inner quotes, unquoted; otherwise None."""
    quote = value[0]
    if len(value) < 2 or value[-1] != quote or quote in value[1:-1]:
        return None
    inner = value[1:-1]
    if quote == '"' and "\\" in inner:
        return None
    return inner


def _value(value: str, tables: _Known) -> tuple[bool, Any]:
    """(understood, value) for what follows `key:` on a line, already stripped."""
    if not value:
        return True, None
    if value[0] in "\"'":
        text = _quoted(value)
        return text is not None, text
    if value[0] == "[":
        if not value.endswith("]"):
            return False, None
        inner = value[1:-1].strip(" ")
        if not inner:
            return True, []
        items = []
        for item in inner.split(","):
            text = _plain_text(item.strip(" "), tables, in_flow=True)
            if text is None:
                return False, None
            items.append(text)
        return True, items
    text = _plain_text(value, tables, in_flow=False)
    return text is not None, text


# What one line says on its own, kept in _Known for the lines every post repeats. Lists are
# kept as tuples and copied out, so no two posts share one.
_BLANK = 0
_ENDS_LIST = 1
_INDENTED = 2
_ITEM = 3
_NOT_PLAIN = 4
_MAX_LINE_LENGTH = 100


def _kept(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _fresh(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _item_line(raw: str, tables: _Known) -> tuple[int, int, Any]:
    """(what the line is, its indent, the item's value) for a line under a `key:` line."""
    line = raw.rstrip(" ")
    stripped = line.lstrip(" ")
    if not stripped:
        return _BLANK, 0, None
    if not stripped.startswith("- "):
        # The next key ends the list; any other indented line is more than a list.
        return (_INDENTED if len(stripped) < len(line) else _ENDS_LIST), 0, None
    item = stripped[2:].strip(" ")
    if item[:1] in ("[", "-", ""):
        return _NOT_PLAIN, 0, None
    understood, value = _value(item, tables)
    if not understood:
        return _NOT_PLAIN, 0, None
    return _ITEM, len(line) - len(stripped), _kept(value)


def _block_items(lines: list[str], start: int, tables: _Known) -> tuple[list[Any] | None, int]:
    """Items of a `- item` list under a key, and the index of the line after them.

    None for the items when the lines under the key are anything else.
    """
    known = tables.items
    items: list[Any] = []
    indent: int | None = None
    index = start
    while index < len(lines):
        raw = lines[index]
        read = known.get(raw)
        if read is None:
            read = _item_line(raw, tables)
            if len(raw) <= _MAX_LINE_LENGTH:
                known[raw] = read
        kind, line_indent, value = read
        if kind == _BLANK:
            index += 1
            continue
        if kind == _ENDS_LIST:
            return items, index
        if kind != _ITEM:
            return None, index
        if indent is None:
            indent = line_indent
        elif line_indent != indent:
            return None, index
        items.append(_fresh(value))
        index += 1
    return items, index


def _key_line(line: str, tables: _Known) -> tuple[str, bool, Any] | None:
    """(key, whether a value follows on the line, the value) of a `key: value` or `key:`
    line, already stripped on the right; None when it is anything else."""
    key_match = _KEY.match(line)
    if key_match is None:
        return None
    key = key_match.group()
    rest = line[key_match.end() :]
    if not rest.startswith(":") or (len(rest) > 1 and rest[1] != " "):
        return None
    if _plain_text(key, tables, in_flow=False) is None:
        return None
    written = rest[1:].strip(" ")
    if not written:
        return key, False, None
    understood, value = _value(written, tables)
    return (key, True, _kept(value)) if understood else None


def read_plain_mapping(
    text: str, resolvers: Resolvers, first_line: int = 1
) -> tuple[dict[str, Any], dict[str, int]] | None:
    """The mapping and each key's line, when the text is plain `key: value` lines; else None."""
    if _REFUSED.search(text):
        return None
    # The tables looked up once for the whole text, not at each line and value.
    tables = _KNOWN.of(resolvers)
    known = tables.keys
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        number, raw = index, lines[index]
        index += 1
        if raw in known:
            read = known[raw]
        else:
            line = raw.rstrip(" ")
            if not line:
                continue
            read = _key_line(line, tables)
            if len(raw) <= _MAX_LINE_LENGTH:
                known[raw] = read
        if read is None:
            return None
        key, on_the_line, value = read
        if key in key_lines:
            return None
        if on_the_line:
            value = _fresh(value)
        else:
            items, index = _block_items(lines, index, tables)
            if items is None:
                return None
            value = items or None
        data[key] = value
        key_lines[key] = first_line + number
    return data, key_lines


def unclosed_quote_line(text: str) -> int | None:
    """0-based line where a quoted value opens and is not closed on the same line, if any.

    PyYAML would read on into the next lines and report where it finally gave up, often on
    a later line closed by another value's quote; staff must be sent where the quote opens.
    Only called once PyYAML has refused the text, since a quoted value may rightly go on
    over several lines.
    """
    for index, line in enumerate(text.split("\n")):
        stripped = line.lstrip()
        if stripped.startswith("#"):
            continue
        match = _VALUE_START.match(stripped)
        if match is not None and _opens_unclosed(stripped[match.end() :]):
            return index
    return None


# A mapping key with its colon, or a list dash: what comes after is a value.
_VALUE_START = re.compile(r"(?:-\s+|[^\s:#\"'][^:#]*:\s+)")


def _opens_unclosed(value: str) -> bool:
    quote, previous, position = "", "", 0
    while position < len(value):
        char = value[position]
        if quote:
            # A backslash escape in double quotes, a doubled quote in single quotes: skip both.
            escaped = (char == "\\" and quote == '"') or (
                char == quote == "'" and value[position + 1 : position + 2] == "'"
            )
            if escaped:
                position += 1
            elif char == quote:
                quote, previous = "", char
        elif char == "#" and (position == 0 or value[position - 1].isspace()):
            break
        elif char in "\"'" and previous in ("", "[", "{", ",", ":"):
            quote = char
        elif not char.isspace():
            previous = char
        position += 1
    return bool(quote)
