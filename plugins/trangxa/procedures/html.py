"""Small HTML pieces for record text, which staff write as plain text, not Markdown."""

from __future__ import annotations

import re
from html import escape

from trangxa.procedures.model import Text

_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


def inline(text: str) -> str:
    """Escaped text with web addresses turned into links and line breaks kept."""
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        parts.append(escape(text[position : match.start()]))
        url = escape(match.group(0))
        parts.append(f'<a href="{url}">{url}</a>')
        position = match.end()
    parts.append(escape(text[position:]))
    return "<br>".join("".join(parts).split("\n"))


def block(value: Text) -> str:
    """Paragraphs for a text, a bullet list for a list of items."""
    if isinstance(value, list):
        if len(value) == 1:
            return f"<p>{inline(value[0])}</p>"
        return "<ul>" + "".join(f"<li>{inline(item)}</li>" for item in value) + "</ul>"
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return "".join(f"<p>{inline(p)}</p>" for p in paragraphs)


def one_line(value: Text) -> str:
    """A text flattened to one line, for lists and feeds."""
    items = value if isinstance(value, list) else [value]
    return "; ".join(" ".join(item.split()) for item in items)


def md_heading_text(text: str) -> str:
    """Text safe inside a Markdown heading: characters Markdown would act on are escaped."""
    return re.sub(r"([\\`*_{}\[\]<>#!|])", r"\\\1", text)


def yaml_string(text: str) -> str:
    """A YAML scalar that reads back as exactly this text."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'
