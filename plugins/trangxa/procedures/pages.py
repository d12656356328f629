"""The procedures pages (index, one per procedure, archive, changes) and the data each shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from trangxa.core.dates import format_vn_long, format_vn_short
from trangxa.core.slugs import fold, slugify
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.model import HistoryEntry, Procedure
from trangxa.procedures.pagedata import (
    ArchiveData,
    ArchiveRow,
    ChangeRow,
    ChangesData,
    ChangesYear,
    HistoryRow,
    IndexData,
    IndexEntry,
    IndexGroup,
    Notice,
    ProcedureLink,
    SheetData,
)
from trangxa.procedures.schema import ChangeKind, Channel, OnlineLevel
from trangxa.site.pages import GeneratedPage

# The page template of every procedures page, and the templates writing each one's Markdown.
TEMPLATE = "trangxa/procedures.html"
INDEX = "trangxa/procedure-index.html"
PROCEDURE = "trangxa/procedure-page.html"
ARCHIVE = "trangxa/procedure-archive.html"
CHANGES = "trangxa/procedure-changes.html"

_ONLINE_LABELS = {
    OnlineLevel.FULL: "Toàn trình",
    OnlineLevel.PARTIAL: "Một phần",
    OnlineLevel.NONE: "Không",
}
_CHANGE_LABELS = {
    ChangeKind.NEW: "Mới ban hành",
    ChangeKind.AMENDED: "Sửa đổi, bổ sung",
    ChangeKind.REPLACED: "Bị thay thế",
    ChangeKind.ABOLISHED: "Bị bãi bỏ",
}
_CHANNEL_LABELS = {
    Channel.IN_PERSON: "Nộp trực tiếp",
    Channel.POST: "Qua dịch vụ bưu chính",
    Channel.ONLINE: "Nộp trực tuyến",
}


@dataclass(frozen=True)
class PageSettings:
    """What every generated page needs to know about the site."""

    addresses: Addresses
    title: str
    changes_title: str
    archive_title: str
    print_heading: str
    built: datetime


@dataclass(frozen=True)
class Change:
    """A history entry together with the procedure it belongs to."""

    procedure: Procedure
    entry: HistoryEntry
    number: int

    @property
    def anchor(self) -> str:
        """Id of the entry's row on the procedure page; stable as history only grows."""
        return f"thay-doi-{self.number}"


def change_label(kind: ChangeKind) -> str:
    """How a change reads in tables and feeds."""
    return _CHANGE_LABELS[kind]


def online_label(level: OnlineLevel) -> str:
    """How an online-service level reads to citizens."""
    return _ONLINE_LABELS[level]


def all_changes(procedures: Iterable[Procedure]) -> list[Change]:
    """Every history entry, newest posting first; ties keep procedures in name order."""
    changes = [
        Change(procedure, entry, number)
        for procedure in procedures
        for number, entry in enumerate(procedure.history, 1)
    ]
    changes.sort(key=lambda c: (-c.entry.posted.timestamp(), fold(c.procedure.name), c.number))
    return changes


def _link(settings: PageSettings, here: str, target: Procedure | None) -> ProcedureLink | None:
    if target is None:
        return None
    href = settings.addresses.href(here, settings.addresses.procedure_src(target))
    return ProcedureLink(href, target.name, target.code)


def _page(src: str, title: str, description: str, data: object, source: str) -> GeneratedPage:
    return GeneratedPage(src, title, TEMPLATE, data, source, meta={"description": description})


# -- the index ---------------------------------------------------------------------------------


def _group_by_field(procedures: Iterable[Procedure]) -> list[tuple[str, list[Procedure]]]:
    groups: dict[str, tuple[str, list[Procedure]]] = {}
    for procedure in procedures:
        groups.setdefault(fold(procedure.field), (procedure.field, []))[1].append(procedure)
    return [groups[key] for key in sorted(groups)]


def index_page(procedures: list[Procedure], settings: PageSettings, in_nav: bool) -> GeneratedPage:
    """The list of procedures in force, grouped by field with counts."""
    addresses = settings.addresses
    here = addresses.index_src
    in_force = [p for p in procedures if p.in_force]
    groups = tuple(
        IndexGroup(
            name,
            slugify(name),
            tuple(
                IndexEntry(
                    p,
                    addresses.href(here, addresses.procedure_src(p)),
                    slugify(p.field),
                    online_label(p.online.level),
                )
                for p in items
            ),
        )
        for name, items in _group_by_field(in_force)
    )
    data = IndexData(
        total=len(in_force),
        groups=groups,
        ended=len(procedures) - len(in_force),
        changes_href=addresses.href(here, addresses.changes_src),
        archive_href=addresses.href(here, addresses.archive_src),
        changes_title=settings.changes_title,
        archive_title=settings.archive_title,
        levels=tuple((level.slug, online_label(level)) for level in OnlineLevel),
    )
    description = f"{len(in_force)} thủ tục hành chính đang áp dụng, theo lĩnh vực."
    page = _page(here, settings.title, description, data, INDEX)
    return replace(page, in_nav=in_nav)


# -- one procedure -----------------------------------------------------------------------------


def procedure_page(
    procedure: Procedure, by_code: dict[str, Procedure], settings: PageSettings
) -> GeneratedPage:
    """A citizen's page for one procedure, laid out to print on A4 for the one-stop desk."""
    addresses = settings.addresses
    src = addresses.procedure_src(procedure)
    ending = procedure.ending
    notice = None
    if ending is not None:
        abolished = ending.change is ChangeKind.ABOLISHED
        notice = Notice(
            "Đã bãi bỏ" if abolished else "Đã được thay thế",
            abolished,
            ending,
            _link(settings, src, by_code.get(ending.replaced_by or "")),
        )
    history = tuple(
        HistoryRow(
            entry,
            change_label(entry.change),
            _link(settings, src, by_code.get(entry.replaced_by or "")),
        )
        for entry in procedure.history
    )
    data = SheetData(
        procedure=procedure,
        notice=notice,
        online_label=online_label(procedure.online.level),
        channels="; ".join(_CHANNEL_LABELS[c] for c in procedure.channels),
        history=history,
        index_href=addresses.href(src, addresses.index_src),
        print_heading=settings.print_heading,
        built=format_vn_short(settings.built),
        address=addresses.absolute(src),
    )
    description = f"Thủ tục {procedure.name} (mã {procedure.code}), lĩnh vực {procedure.field}."
    page = _page(src, procedure.name, description, data, PROCEDURE)
    # A sheet is out of the menu, so the menu's column would stand empty beside it.
    return replace(page, meta={**page.meta, "hide": ["navigation"]})


# -- archive and changes -----------------------------------------------------------------------


def archive_page(procedures: list[Procedure], settings: PageSettings) -> GeneratedPage:
    """Procedures no longer in force, newest withdrawal first, each linked to its page."""
    addresses = settings.addresses
    here = addresses.archive_src
    by_code = {p.code: p for p in procedures}
    ended = [p for p in procedures if p.ending is not None]
    ended.sort(key=lambda p: (-p.history[-1].posted.timestamp(), fold(p.name)))
    rows = tuple(
        ArchiveRow(
            p,
            p.history[-1],
            p.history[-1].change is ChangeKind.ABOLISHED,
            addresses.href(here, addresses.procedure_src(p)),
            _link(settings, here, by_code.get(p.history[-1].replaced_by or "")),
        )
        for p in ended
    )
    description = "Thủ tục hành chính đã bãi bỏ hoặc đã được thay thế."
    return _page(here, settings.archive_title, description, ArchiveData(rows), ARCHIVE)


def changes_page(procedures: list[Procedure], settings: PageSettings) -> GeneratedPage:
    """Every published change, newest first, grouped by year, with the feed linked."""
    addresses = settings.addresses
    here = addresses.changes_src
    by_year: dict[int, list[ChangeRow]] = {}
    for c in all_changes(procedures):
        by_year.setdefault(c.entry.posted.year, []).append(
            ChangeRow(
                c.entry,
                c.procedure,
                change_label(c.entry.change),
                addresses.href(here, addresses.procedure_src(c.procedure), c.anchor),
            )
        )
    data = ChangesData(
        feed_href=addresses.href(here, addresses.feed_path),
        years=tuple(ChangesYear(year, tuple(rows)) for year, rows in by_year.items()),
        feed_url=addresses.feed_path,
        feed_title=settings.changes_title,
    )
    description = "Thủ tục hành chính mới ban hành, sửa đổi, bổ sung, thay thế, bãi bỏ."
    return _page(here, settings.changes_title, description, data, CHANGES)


def feed_summary(change: Change) -> str:
    """One sentence telling what changed, for the feed."""
    entry, procedure = change.entry, change.procedure
    text = (
        f"Thủ tục {procedure.name} (mã {procedure.code}, lĩnh vực {procedure.field}): "
        f"{change_label(entry.change).lower()} theo {entry.decision_text}; "
        f"đăng trên trang {format_vn_long(entry.posted)}."
    )
    if entry.replaced_by:
        text += f" Thủ tục thay thế: mã {entry.replaced_by}."
    if entry.note:
        text += f" {entry.note}"
    return text
