"""The one place where text from staff becomes HTML: escaping, safe addresses, autoescape."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    # Only named: posts are read (a count's second process) without loading Jinja.
    from jinja2 import Environment

__all__ = ["Markup", "autoescape_project_templates", "escape", "is_safe_url", "safe_text"]

# Templates whose every value is escaped unless marked as HTML. Material's own templates and
# the thin wrappers around them (main.html, 404.html, fragments) print already-made HTML.
_PROJECT_PARTIALS = frozenset({"partials/trangxa-agency.html", "partials/copyright.html"})
_RAW_TEMPLATES = frozenset({"trangxa/fragment.html", "trangxa/cached.html"})

# Schemes a browser would run or hand to another program instead of fetching a page.
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*)\s*:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def is_project_template(name: str | None) -> bool:
    """Whether a template belongs to trangxa (or overrides one of trangxa's)."""
    if name is None:
        return False
    if name in _RAW_TEMPLATES:
        return False
    return name.startswith("trangxa/") or name in _PROJECT_PARTIALS


def autoescape_project_templates(env: Environment) -> None:
    """Turn autoescape on for trangxa's templates and leave Material's as they are."""
    current = env.autoescape
    if getattr(current, "trangxa", False):
        return

    def choose(name: str | None) -> bool:
        if is_project_template(name):
            return True
        return bool(current(name)) if callable(current) else bool(current)

    marked: Callable[[str | None], bool] = choose
    marked.trangxa = True  # type: ignore[attr-defined]
    env.autoescape = marked


def safe_text(text: str) -> str:
    """Text escaped for HTML, as a plain string for templates that print values raw.

    Material prints page titles and descriptions without escaping; trangxa's own templates
    receive it as already-escaped markup, so it is never escaped twice.
    """
    return Markup(escape(text))


def is_safe_url(url: str) -> bool:
    """Whether an address is a web address or a relative one, never `javascript:` and kin.

    Browsers drop tabs, newlines and control characters inside a scheme, so they are removed
    before the scheme is read.
    """
    match = _SCHEME.match(_INVISIBLE.sub("", url))
    if match is None:
        return True
    return match.group(1).lower() in {"http", "https"}


def unsafe_url_in(value: object) -> str | None:
    """The first address in a front-matter value that is neither a web nor a relative one.

    Lists hold addresses; in a mapping the keys are titles and the values addresses.
    """
    if isinstance(value, str):
        return None if is_safe_url(value) else value
    if isinstance(value, dict):
        items: list[object] = list(value.values())
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        return None
    for item in items:
        found = unsafe_url_in(item)
        if found is not None:
            return found
    return None


def unsafe_url_message(field: str, url: str) -> str:
    """Why an address was refused, and what to write instead."""
    shown = url if len(url) <= 60 else url[:57] + "..."
    return (
        f'Trường "{field}" có địa chỉ "{shown}" không được phép: chỉ dùng địa chỉ web bắt '
        "đầu bằng https:// hoặc http://, hoặc đường dẫn trong trang (ví dụ ../tep.pdf). "
        "Địa chỉ javascript:, data: và các loại khác có thể chạy mã trên máy người đọc."
    )


_MARKDOWN_SIGNS = re.compile(r"([\\`*_{}\[\]#!|])")


def markdown_text(text: str) -> str:
    """Staff text put into generated Markdown: shown as typed, never read as markup."""
    return _MARKDOWN_SIGNS.sub(r"\\\1", str(escape(text)))


def markdown_target(url: str) -> str:
    """An address inside `<...>` of a Markdown link: angle brackets would end it early."""
    return url.replace("<", "%3C").replace(">", "%3E")
