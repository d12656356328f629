"""The filters procedures templates write Markdown with; every other value is escaped.

The templates sit beside the page template, so a site replaces one by putting a file of the
same name under `overrides/trangxa/`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from trangxa.core.dates import format_vn_short
from trangxa.procedures.html import block, inline, md_heading_text, one_line
from trangxa.site.pages import SourceTemplates

FILTERS: dict[str, Callable[..., Any]] = {
    "inline": inline,
    "block": block,
    "one_line": one_line,
    "md_heading": md_heading_text,
    "vn_date": format_vn_short,
}


def source_templates(template_dirs: Sequence[str]) -> SourceTemplates:
    """The templates writing procedures pages' Markdown, looked up overrides/ first."""
    return SourceTemplates(template_dirs, FILTERS)
