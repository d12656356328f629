"""Material's `links:` front matter (related pages) as a list at the end of the post."""

from __future__ import annotations

from typing import Any

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
            lines.append(f"{indent}- [{'' if page else target}](<{target}>)")
        elif isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, str):
                    lines.append(f"{indent}- [{title}](<{value.strip()}>)")
                elif isinstance(value, list):
                    lines.append(f"{indent}- {title}")
                    lines.extend(_items(value, depth + 1))
    return lines
