"""Page HTML made safe for Material's search indexer, which joins adjacent cells."""

from __future__ import annotations

import re

# Material's indexer keeps no separator between table cells or definition list
# items, so "<th>Mã thủ tục</th><td>1.001193</td>" would be indexed as the one
# word "tục1.001193". White space between these elements changes no rendering.
_CELL_END = re.compile(
    r"(</(?:td|th|tr|thead|tbody|tfoot|dt|dd|caption|figcaption)\s*>)(?=<)", re.IGNORECASE
)


def space_table_cells(html: str) -> str:
    """Put a line break after each table cell, row or list term directly followed by a tag."""
    return _CELL_END.sub("\\1\n", html)
