"""Small repairs to the HTML Material's templates produce, so every page is valid and labelled."""

from __future__ import annotations

import re

_INPUT_TAG = re.compile(r"<input\b[^>]*>")
_CHECKBOX = re.compile(r'\stype="checkbox"')
# Material marks its hidden drawer and search toggles `autocomplete="off"` (to stop
# Firefox restoring their state); the Nu checker (vnu) rejects `autocomplete` on a
# checkbox: "Attribute autocomplete is only allowed when the input type is ...".
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')

# Section labels in the navigation get `tabindex=""` when they are not focusable;
# vnu: "Bad value '' for attribute tabindex: The empty string is not a valid integer".
# Leaving the attribute out means the same thing: the label is not in the tab order.
# Found by plain text search, then kept only inside a tag: a pattern that starts at every
# `<` and scans ahead was most of what these repairs cost on a page.
_EMPTY_TABINDEX = 'tabindex=""'
_SPACE = " \t\n\r\f"

# The table of contents' title is a `<label for="__toc">`, but the `__toc` toggle is only
# written for pages in the navigation; vnu: "The value of the for attribute of the label
# element must be the ID of a non-hidden form control". Without a toggle the title
# has nothing to open, so it keeps its text and loses only the dangling `for`.
_TOC_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="__toc"(?=[\s/>])')
_TOC_TOGGLE = re.compile(r'<input\b[^>]*\sid="__toc"')

# The search overlay has `role="dialog"` but no name; axe rule aria-dialog-name
# (serious): "ARIA dialog and alertdialog nodes should have an accessible name".
_SEARCH_DIALOG_TAG = re.compile(r'<div\b[^>]*\sclass="md-search"[^>]*>')
SEARCH_DIALOG_NAME = "Tìm kiếm trên trang"

# On narrow screens the menu opens from a `<label for="__drawer">` that cannot take
# focus, so keyboard users could not open it (WCAG 2.1.1 Keyboard). Material's own
# keyboard handler clicks a focused label on Enter; the label needs only a tab stop
# and a name (WCAG 4.1.2), given as text hidden from sight.
_DRAWER_BUTTON = re.compile(r'<label class="md-header__button md-icon" for="__drawer">')
DRAWER_BUTTON_NAME = "Mở danh mục trang"
_NAMED_DRAWER_BUTTON = (
    '<label class="md-header__button md-icon" for="__drawer" tabindex="0">'
    f'<span class="tx-visually-hidden">{DRAWER_BUTTON_NAME}</span>'
)


def _drop_checkbox_autocomplete(match: re.Match[str]) -> str:
    tag = match.group(0)
    return _AUTOCOMPLETE.sub("", tag) if _CHECKBOX.search(tag) else tag


def _drop_empty_tabindex(html: str) -> str:
    parts = []
    kept_from = 0
    at = html.find(_EMPTY_TABINDEX)
    while at != -1:
        end = at + len(_EMPTY_TABINDEX)
        start = at
        while start > kept_from and html[start - 1] in _SPACE:
            start -= 1
        # An attribute of a tag: white space before it, the tag going on after it, and the
        # nearest `<` before it later than the nearest `>`.
        if (
            start < at
            and end < len(html)
            and html[end] in _SPACE + "/>"
            and html.rfind("<", 0, start) > html.rfind(">", 0, start)
        ):
            parts.append(html[kept_from:start])
            kept_from = end
        at = html.find(_EMPTY_TABINDEX, end)
    if not parts:
        return html
    parts.append(html[kept_from:])
    return "".join(parts)


def _name_search_dialog(match: re.Match[str]) -> str:
    tag = match.group(0)
    if 'role="dialog"' not in tag or "aria-label" in tag:
        return tag
    return tag[:-1] + f' aria-label="{SEARCH_DIALOG_NAME}">'


def fix_theme_html(html: str) -> str:
    """Return a page's HTML with the theme's known validity and labelling faults repaired."""
    html = _INPUT_TAG.sub(_drop_checkbox_autocomplete, html)
    html = _drop_empty_tabindex(html)
    if _TOC_TOGGLE.search(html) is None:
        html = _TOC_LABEL_FOR.sub(r"\1", html)
    html = _DRAWER_BUTTON.sub(_NAMED_DRAWER_BUTTON, html)
    return _SEARCH_DIALOG_TAG.sub(_name_search_dialog, html)
