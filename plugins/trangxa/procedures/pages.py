"""Markdown sources of the procedures pages: index, one page per procedure, archive, changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trangxa.core.dates import format_vn_long, format_vn_short
from trangxa.core.safehtml import safe_text
from trangxa.core.slugs import fold, slugify
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.html import yaml_string
from trangxa.procedures.model import HistoryEntry, Procedure
from trangxa.procedures.render import ARCHIVE, CHANGES, INDEX, PROCEDURE, PageTemplates
from trangxa.procedures.schema import ChangeKind, Channel, OnlineLevel

TEMPLATE = "trangxa/procedures.html"

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
    templates: PageTemplates


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


def _front_matter(settings: PageSettings, title: str, kind: str, **extra: str) -> str:
    # Material prints the title and description as they are: they go in escaped.
    lines = [
        "---",
        f"title: {yaml_string(safe_text(title))}",
        f"template: {TEMPLATE}",
        f"trangxa_page: {kind}",
        f"trangxa_print_heading: {yaml_string(settings.print_heading)}",
        f"trangxa_built: {yaml_string(format_vn_short(settings.built))}",
    ]
    if kind == "procedure":
        # A sheet is out of the menu, so the menu's column would stand empty beside it.
        lines.append("hide: [navigation]")
    lines += [
        f"{key}: {yaml_string(safe_text(value) if key == 'description' else value)}"
        for key, value in extra.items()
    ]
    return "\n".join([*lines, "---", "", ""])


def _link(settings: PageSettings, here: str, target: Procedure | None) -> dict[str, str] | None:
    if target is None:
        return None
    href = settings.addresses.href(here, settings.addresses.procedure_src(target))
    return {"href": href, "name": target.name, "code": target.code}


# -- the index ---------------------------------------------------------------------------------


def _group_by_field(procedures: Iterable[Procedure]) -> list[tuple[str, list[Procedure]]]:
    groups: dict[str, tuple[str, list[Procedure]]] = {}
    for procedure in procedures:
        groups.setdefault(fold(procedure.field), (procedure.field, []))[1].append(procedure)
    return [groups[key] for key in sorted(groups)]


def index_page(procedures: list[Procedure], settings: PageSettings) -> str:
    """The list of procedures in force, grouped by field with counts."""
    addresses = settings.addresses
    here = addresses.index_src
    in_force = [p for p in procedures if p.in_force]
    groups = [
        {
            "name": name,
            "slug": slugify(name),
            "items": [
                {
                    "procedure": p,
                    "href": addresses.href(here, addresses.procedure_src(p)),
                    "field_slug": slugify(p.field),
                    "online": online_label(p.online.level),
                }
                for p in items
            ],
        }
        for name, items in _group_by_field(in_force)
    ]
    front = _front_matter(
        settings,
        settings.title,
        "index",
        description=f"{len(in_force)} thủ tục hành chính đang áp dụng, theo lĩnh vực.",
    )
    return front + settings.templates.render(
        INDEX,
        total=len(in_force),
        groups=groups,
        ended=len(procedures) - len(in_force),
        changes_href=addresses.href(here, addresses.changes_src),
        archive_href=addresses.href(here, addresses.archive_src),
        changes_title=settings.changes_title,
        archive_title=settings.archive_title,
        levels=[(level.slug, online_label(level)) for level in OnlineLevel],
    )


# -- one procedure -----------------------------------------------------------------------------


def procedure_page(
    procedure: Procedure, by_code: dict[str, Procedure], settings: PageSettings
) -> str:
    """A citizen's page for one procedure, laid out to print on A4 for the one-stop desk."""
    addresses = settings.addresses
    src = addresses.procedure_src(procedure)
    ending = procedure.ending
    notice = None
    if ending is not None:
        abolished = ending.change is ChangeKind.ABOLISHED
        notice = {
            "title": "Đã bãi bỏ" if abolished else "Đã được thay thế",
            "abolished": abolished,
            "entry": ending,
            "successor": _link(settings, src, by_code.get(ending.replaced_by or "")),
        }
    history = [
        {
            "entry": entry,
            "label": change_label(entry.change),
            "successor": _link(settings, src, by_code.get(entry.replaced_by or "")),
        }
        for entry in procedure.history
    ]
    front = _front_matter(
        settings,
        procedure.name,
        "procedure",
        description=f"Thủ tục {procedure.name} (mã {procedure.code}), lĩnh vực {procedure.field}.",
        trangxa_status="in-force" if procedure.in_force else "ended",
        trangxa_address=addresses.absolute(src),
    )
    return front + settings.templates.render(
        PROCEDURE,
        procedure=procedure,
        notice=notice,
        online_label=online_label(procedure.online.level),
        channels="; ".join(_CHANNEL_LABELS[c] for c in procedure.channels),
        history=history,
        index_href=addresses.href(src, addresses.index_src),
    )


# -- archive and changes -----------------------------------------------------------------------


def archive_page(procedures: list[Procedure], settings: PageSettings) -> str:
    """Procedures no longer in force, newest withdrawal first, each linked to its page."""
    addresses = settings.addresses
    here = addresses.archive_src
    by_code = {p.code: p for p in procedures}
    ended = [p for p in procedures if p.ending is not None]
    ended.sort(key=lambda p: (-p.history[-1].posted.timestamp(), fold(p.name)))
    rows = [
        {
            "procedure": p,
            "ending": p.history[-1],
            "abolished": p.history[-1].change is ChangeKind.ABOLISHED,
            "href": addresses.href(here, addresses.procedure_src(p)),
            "successor": _link(settings, here, by_code.get(p.history[-1].replaced_by or "")),
        }
        for p in ended
    ]
    front = _front_matter(
        settings,
        settings.archive_title,
        "archive",
        description="Thủ tục hành chính đã bãi bỏ hoặc đã được thay thế.",
    )
    return front + settings.templates.render(ARCHIVE, rows=rows)


def changes_page(procedures: list[Procedure], settings: PageSettings) -> str:
    """Every published change, newest first, grouped by year, with the feed linked."""
    addresses = settings.addresses
    here = addresses.changes_src
    by_year: dict[int, list[dict[str, Any]]] = {}
    for c in all_changes(procedures):
        by_year.setdefault(c.entry.posted.year, []).append(
            {
                "entry": c.entry,
                "procedure": c.procedure,
                "label": change_label(c.entry.change),
                "href": addresses.href(here, addresses.procedure_src(c.procedure), c.anchor),
            }
        )
    front = _front_matter(
        settings,
        settings.changes_title,
        "changes",
        description="Thủ tục hành chính mới ban hành, sửa đổi, bổ sung, thay thế, bãi bỏ.",
        trangxa_feed=addresses.feed_path,
        trangxa_feed_title=settings.changes_title,
    )
    return front + settings.templates.render(
        CHANGES,
        feed_href=addresses.href(here, addresses.feed_path),
        years=[{"year": year, "rows": rows} for year, rows in by_year.items()],
    )


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
