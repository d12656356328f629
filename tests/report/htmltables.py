"""Read tables, ids and links out of built pages with the standard HTML parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Cell:
    """One table cell: its text, the tag (th or td), its scope and the link inside, if any."""

    tag: str
    text: str = ""
    scope: str | None = None
    href: str | None = None


@dataclass
class Table:
    """A table by its caption, rows of cells."""

    caption: str = ""
    rows: list[list[Cell]] = field(default_factory=list)

    def row(self, header: str) -> list[Cell]:
        """The cells after the row header with this text."""
        for cells in self.rows:
            if cells and cells[0].text == header:
                return cells[1:]
        raise KeyError(header)


class PageReader(HTMLParser):
    """Collects tables, element ids, and the ordered lists that follow each h2."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self.ids: set[str] = set()
        self.lists: dict[str, list[str]] = {}
        self._table: Table | None = None
        self._cell: Cell | None = None
        self._in_caption = False
        self._last_h2_id: str | None = None
        self._in_li = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "table":
            self._table = Table()
            self.tables.append(self._table)
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self._table is not None:
            self._table.rows.append([])
        elif tag in ("th", "td") and self._table is not None:
            self._cell = Cell(tag, scope=attributes.get("scope"))
            self._table.rows[-1].append(self._cell)
        elif tag == "a" and attributes.get("href") is not None:
            if self._cell is not None:
                self._cell.href = attributes["href"]
            elif self._in_li and self._last_h2_id is not None:
                self.lists[self._last_h2_id].append(str(attributes["href"]))
        elif tag == "h2":
            self._last_h2_id = attributes.get("id")
            if self._last_h2_id:
                self.lists[self._last_h2_id] = []
        elif tag == "li":
            self._in_li = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = None
        elif tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td"):
            if self._cell is not None:
                self._cell.text = " ".join(self._cell.text.split())
            self._cell = None
        elif tag == "li":
            self._in_li = False
        elif tag == "article":
            # Lists after the page body (footer, navigation) belong to no section.
            self._last_h2_id = None

    def handle_data(self, data: str) -> None:
        if self._in_caption and self._table is not None:
            self._table.caption += data
        elif self._cell is not None:
            self._cell.text += data


def read_page(html: str) -> PageReader:
    """Parse a built page."""
    reader = PageReader()
    reader.feed(html)
    return reader
