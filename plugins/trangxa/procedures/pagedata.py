"""What each procedures template is given as `data`: plain values, fixed once made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from trangxa.procedures.model import HistoryEntry, Procedure


@dataclass(frozen=True)
class ProcedureLink:
    """A link to another procedure's page, relative to the page it is on."""

    href: str
    name: str
    code: str


@dataclass(frozen=True)
class IndexEntry:
    """One procedure in the list of procedures in force."""

    procedure: Procedure
    href: str
    field_slug: str
    online: str


@dataclass(frozen=True)
class IndexGroup:
    """The procedures of one field."""

    name: str
    slug: str
    entries: tuple[IndexEntry, ...]


@dataclass(frozen=True)
class IndexData:
    """trangxa/procedure-index.html: procedures in force, grouped by field."""

    kind: ClassVar[str] = "index"
    total: int
    groups: tuple[IndexGroup, ...]
    ended: int
    changes_href: str
    archive_href: str
    changes_title: str
    archive_title: str
    # (slug, label) of each online-service level, for the filter.
    levels: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Notice:
    """Why a procedure no longer applies, shown atop its page."""

    title: str
    abolished: bool
    entry: HistoryEntry
    successor: ProcedureLink | None


@dataclass(frozen=True)
class HistoryRow:
    """One line of a procedure's history of publication."""

    entry: HistoryEntry
    label: str
    successor: ProcedureLink | None


@dataclass(frozen=True)
class SheetData:
    """trangxa/procedure-page.html: one procedure, laid out to print on A4."""

    kind: ClassVar[str] = "procedure"
    procedure: Procedure
    notice: Notice | None
    online_label: str
    channels: str
    history: tuple[HistoryRow, ...]
    index_href: str
    # Atop and below the printed sheet: the agency, the day it was built, its address.
    print_heading: str
    built: str
    address: str


@dataclass(frozen=True)
class ArchiveRow:
    """A procedure no longer in force, with the change that ended it."""

    procedure: Procedure
    ending: HistoryEntry
    abolished: bool
    href: str
    successor: ProcedureLink | None


@dataclass(frozen=True)
class ArchiveData:
    """trangxa/procedure-archive.html: procedures abolished or replaced, newest first."""

    kind: ClassVar[str] = "archive"
    rows: tuple[ArchiveRow, ...]


@dataclass(frozen=True)
class ChangeRow:
    """One published change on the changes page."""

    entry: HistoryEntry
    procedure: Procedure
    label: str
    href: str


@dataclass(frozen=True)
class ChangesYear:
    """The changes posted in one year."""

    year: int
    rows: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class ChangesData:
    """trangxa/procedure-changes.html: every change, newest first, by year."""

    kind: ClassVar[str] = "changes"
    feed_href: str
    years: tuple[ChangesYear, ...]
    # For the page head: the feed's site-relative address and title.
    feed_url: str
    feed_title: str
