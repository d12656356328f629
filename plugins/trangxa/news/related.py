"""Material's `links:` front matter (related pages) as a list at the end of the post."""

from __future__ import annotations

from typing import Any

from trangxa.core.safehtml import markdown_target, markdown_text

HEADING = "Bài liên quan"


def related_markdown(links: Any) -> str:
    """Markdown for the related pages, or "" when there are none.

    Entries are written as in Material: a path (`2023/ra-quan.md`), a titled path
    (`Lịch tiếp dân: lich.md`) or a titled group of either. A link without a title gets the
    page's own title when links are resolved (news.links fills empty link texts).
    """
    lines = _items(links, 0)
    if not lines:
        return ""
    return f"\n\n## {HEADING}\n\n" + "\n".join(lines) + "\n"


def _items(links: Any, depth: int) -> list[str]:
    if not isinstance(links, list) or depth > 3:
        return []
    indent = "    " * depth
    lines: list[str] = []
    for entry in links:
        if isinstance(entry, str) and entry.strip():
            target = entry.strip()
            page = target.split("#")[0].lower().endswith(".md")
            text = "" if page else markdown_text(target)
            lines.append(f"{indent}- [{text}](<{markdown_target(target)}>)")
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    target = markdown_target(value.strip())
                    lines.append(f"{indent}- [{markdown_text(str(title))}](<{target}>)")
                elif isinstance(value, list):
                    lines.append(f"{indent}- {markdown_text(str(title))}")
                    lines.extend(_items(value, depth + 1))
    return lines
