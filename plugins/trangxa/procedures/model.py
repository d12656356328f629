"""A procedure as the site knows it, after its record has been read and checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from trangxa.core.dates import format_vn_short
from trangxa.procedures.schema import ChangeKind, Channel, OnlineLevel

# Free text in a record is either one paragraph-ish string or a list of items.
Text = str | list[str]


@dataclass(frozen=True)
class Document:
    """One paper to bring: its name, the form to fill in if any, how many copies."""

    name: str
    template: str | None = None
    copies: str | None = None


@dataclass(frozen=True)
class OnlineService:
    """How far the procedure can be done online, and where."""

    level: OnlineLevel = OnlineLevel.NONE
    url: str | None = None


@dataclass(frozen=True)
class HistoryEntry:
    """One published change: what changed, by which decision, when it was posted."""

    change: ChangeKind
    decision: str
    decision_date: datetime
    posted: datetime
    replaced_by: str | None = None
    note: str | None = None
    line: int | None = None

    @property
    def decision_text(self) -> str:
        """The decision as documents cite it: 'Quyết định số 3218/QĐ-UBND ngày 18/11/2024'."""
        return f"Quyết định số {self.decision} ngày {format_vn_short(self.decision_date)}"


@dataclass(frozen=True)
class Procedure:
    """Every field of one procedure, its history and where its page lives; never changed."""

    source: str
    code: str
    name: str
    field: str
    level: str
    agency: str
    submit_at: Text
    channels: list[Channel]
    steps: list[str]
    documents: list[Document]
    processing_time: Text
    fees: Text
    applicants: Text
    requirements: Text
    result: Text
    legal_basis: list[str]
    online: OnlineService
    history: list[HistoryEntry]
    page_path: str = ""

    @property
    def ending(self) -> HistoryEntry | None:
        """The change that took the procedure out of force, if any."""
        last = self.history[-1] if self.history else None
        return last if last is not None and last.change.ends_procedure else None

    @property
    def in_force(self) -> bool:
        """Whether the procedure applies today, going by its recorded history."""
        return self.ending is None

    @property
    def replaced_by(self) -> str | None:
        """Code of the procedure that replaced this one."""
        ending = self.ending
        return ending.replaced_by if ending is not None else None

    def in_force_at(self, moment: datetime) -> bool:
        """Whether the procedure had been posted and not yet withdrawn at that moment."""
        posted = [entry for entry in self.history if entry.posted <= moment]
        return bool(posted) and not posted[-1].change.ends_procedure
