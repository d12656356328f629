"""Small HTML pieces for record text, which staff write as plain text, not Markdown."""

from __future__ import annotations

import re

from trangxa.core.safehtml import Markup, escape, markdown_text
from trangxa.procedures.model import Text

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def inline(text: str) -> Markup:
    """Escaped text with web addresses turned into links and line breaks kept."""
    parts: list[Markup] = []
    position = 0
    for match in _URL.finditer(text):
        parts.append(escape(text[position : match.start()]))
        url = escape(match.group(0))
        parts.append(Markup('<a href="{0}">{0}</a>').format(url))
        position = match.end()
    parts.append(escape(text[position:]))
    return Markup("<br>").join(Markup("").join(parts).split("\n"))


def block(value: Text) -> Markup:
    """Paragraphs for a text, a bullet list for a list of items."""
    if isinstance(value, list):
        if len(value) == 1:
            return Markup("<p>{}</p>").format(inline(value[0]))
        items = Markup("").join(Markup("<li>{}</li>").format(inline(item)) for item in value)
        return Markup("<ul>{}</ul>").format(items)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(inline(p)) for p in paragraphs)


def one_line(value: Text) -> str:
    """A text flattened to one line, for lists and feeds."""
    items = value if isinstance(value, list) else [value]
    return "; ".join(" ".join(item.split()) for item in items)


def md_heading_text(text: str) -> Markup:
    """Text safe inside a Markdown heading: HTML escaped, then Markdown's signs escaped."""
    return Markup(markdown_text(text))


def yaml_string(text: str) -> str:
    """A YAML scalar that reads back as exactly this text."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'
