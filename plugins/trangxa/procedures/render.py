"""The templates that lay out procedure pages, with every value escaped unless marked HTML.

The templates sit beside the page template, so a site replaces one by putting a file of the
same name under `overrides/trangxa/`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from trangxa.core.dates import format_vn_short
from trangxa.procedures.html import block, inline, md_heading_text, one_line

INDEX = "trangxa/procedure-index.html"
PROCEDURE = "trangxa/procedure-page.html"
ARCHIVE = "trangxa/procedure-archive.html"
CHANGES = "trangxa/procedure-changes.html"


class PageTemplates:
    """Renders the Markdown-with-HTML source of each generated page."""

    def __init__(self, template_dirs: Sequence[str]) -> None:
        self.env = Environment(
            loader=FileSystemLoader(list(template_dirs)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            inline=inline,
            block=block,
            one_line=one_line,
            md_heading=md_heading_text,
            vn_date=format_vn_short,
        )

    def render(self, name: str, **data: Any) -> str:
        """One page's body from its template and plain data."""
        return self.env.get_template(name).render(**data)
