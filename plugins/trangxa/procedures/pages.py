"""Markdown sources of the procedures pages: index, one page per procedure, archive, changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from html import escape

from trangxa.core.dates import format_vn_long, format_vn_short
from trangxa.core.slugs import fold, slugify
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.html import block, inline, md_heading_text, one_line, yaml_string
from trangxa.procedures.model import HistoryEntry, Procedure
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
    lines = [
        "---",
        f"title: {yaml_string(title)}",
        f"template: {TEMPLATE}",
        f"trangxa_page: {kind}",
        f"trangxa_print_heading: {yaml_string(settings.print_heading)}",
        f"trangxa_built: {yaml_string(format_vn_short(settings.built))}",
    ]
    lines += [f"{key}: {yaml_string(value)}" for key, value in extra.items()]
    return "\n".join([*lines, "---", "", ""])


# -- the index ---------------------------------------------------------------------------------


def _group_by_field(procedures: Iterable[Procedure]) -> list[tuple[str, list[Procedure]]]:
    groups: dict[str, tuple[str, list[Procedure]]] = {}
    for procedure in procedures:
        groups.setdefault(fold(procedure.field), (procedure.field, []))[1].append(procedure)
    return [groups[key] for key in sorted(groups)]


def _entry(procedure: Procedure, href: str) -> str:
    facts = [
        ("Mã thủ tục", escape(procedure.code)),
        ("Thời hạn giải quyết", inline(one_line(procedure.processing_time))),
        ("Phí, lệ phí", inline(one_line(procedure.fees))),
        ("Trực tuyến", online_label(procedure.online.level)),
    ]
    items = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in facts)
    return (
        f'<li class="trangxa-entry" data-field="{slugify(procedure.field)}" '
        f'data-online="{procedure.online.level.slug}">'
        f'<a class="trangxa-entry__name" href="{escape(href)}">{escape(procedure.name)}</a>'
        f'<dl class="trangxa-entry__facts">{items}</dl></li>'
    )


def _filter_form(groups: list[tuple[str, list[Procedure]]]) -> str:
    fields = "".join(
        f'<option value="{slugify(name)}">{escape(name)} ({len(items)})</option>'
        for name, items in groups
    )
    levels = "".join(
        f'<option value="{level.slug}">{online_label(level)}</option>' for level in OnlineLevel
    )
    # Hidden until the script runs: without it the full list is the page, with no dead controls.
    return (
        '<form class="trangxa-filter" data-trangxa-filter hidden role="search" '
        'aria-label="Lọc danh sách thủ tục">'
        '<div class="trangxa-filter__control"><label for="trangxa-filter-field">Lĩnh vực</label>'
        '<select id="trangxa-filter-field" name="field">'
        f'<option value="">Tất cả lĩnh vực</option>{fields}</select></div>'
        '<div class="trangxa-filter__control">'
        '<label for="trangxa-filter-online">Dịch vụ công trực tuyến</label>'
        '<select id="trangxa-filter-online" name="online">'
        f'<option value="">Tất cả mức độ</option>{levels}</select></div>'
        '<button type="reset" class="md-button">Bỏ lọc</button>'
        '<p class="trangxa-filter__status" role="status" aria-live="polite"></p>'
        "</form>"
    )


def index_page(procedures: list[Procedure], settings: PageSettings) -> str:
    """The list of procedures in force, grouped by field with counts."""
    addresses = settings.addresses
    here = addresses.index_src
    in_force = [p for p in procedures if p.in_force]
    ended = len(procedures) - len(in_force)
    groups = _group_by_field(in_force)
    parts = [
        _front_matter(
            settings,
            settings.title,
            "index",
            description=f"{len(in_force)} thủ tục hành chính đang áp dụng, theo lĩnh vực.",
        ),
        f'<p class="trangxa-lead">Hiện có <strong data-trangxa-total>{len(in_force)}</strong> '
        f"thủ tục hành chính đang áp dụng, thuộc {len(groups)} lĩnh vực. Chọn tên thủ tục để "
        "xem giấy tờ cần chuẩn bị, trình tự, thời hạn và lệ phí; trang của từng thủ tục in "
        "được trên giấy A4.</p>",
        "",
        '<p class="trangxa-links">'
        f'<a href="{addresses.href(here, addresses.changes_src)}">'
        f"{escape(settings.changes_title)}</a>"
        f' · <a href="{addresses.href(here, addresses.archive_src)}">'
        f"{escape(settings.archive_title)} ({ended})</a></p>",
        "",
        _filter_form(groups),
        "",
    ]
    for name, items in groups:
        parts += [
            f"## {md_heading_text(name)} ({len(items)} thủ tục)",
            "",
            f'<ul class="trangxa-list" data-field="{slugify(name)}">'
            + "".join(_entry(p, addresses.href(here, addresses.procedure_src(p))) for p in items)
            + "</ul>",
            "",
        ]
    if not groups:
        parts.append("<p>Chưa có thủ tục nào đang áp dụng.</p>")
    return "\n".join(parts)


# -- one procedure -----------------------------------------------------------------------------


def _status_notice(
    procedure: Procedure, by_code: dict[str, Procedure], settings: PageSettings
) -> str:
    ending = procedure.ending
    if ending is None:
        return ""
    addresses = settings.addresses
    here = addresses.procedure_src(procedure)
    decided = f"theo {escape(ending.decision_text)}, đăng ngày {format_vn_short(ending.posted)}"
    if ending.change is ChangeKind.ABOLISHED:
        title = "Đã bãi bỏ"
        body = (
            f"Thủ tục này đã bị bãi bỏ {decided}. Bộ phận một cửa không còn tiếp nhận hồ sơ "
            "theo thủ tục này; nội dung dưới đây chỉ để tra cứu."
        )
    else:
        title = "Đã được thay thế"
        successor = by_code.get(ending.replaced_by or "")
        if successor is not None:
            link = (
                f'<a href="{addresses.href(here, addresses.procedure_src(successor))}">'
                f"{escape(successor.name)} (mã {escape(successor.code)})</a>"
            )
        else:
            link = f"thủ tục mã {escape(ending.replaced_by or '')}"
        body = f"Thủ tục này đã được thay thế {decided}. Hãy thực hiện theo thủ tục mới: {link}."
    return (
        f'<div class="admonition danger trangxa-status" role="note">'
        f'<p class="admonition-title">{title}</p><p>{body}</p></div>\n\n'
    )


def _summary(procedure: Procedure) -> str:
    online = online_label(procedure.online.level)
    if procedure.online.url:
        online += f' – <a href="{escape(procedure.online.url)}">{escape(procedure.online.url)}</a>'
    rows = [
        ("Mã thủ tục", escape(procedure.code)),
        ("Lĩnh vực", escape(procedure.field)),
        ("Cấp thực hiện", escape(procedure.level)),
        ("Cơ quan thực hiện", inline(procedure.agency)),
        ("Địa chỉ tiếp nhận", block(procedure.submit_at)),
        ("Cách thức thực hiện", "; ".join(_CHANNEL_LABELS[c] for c in procedure.channels)),
        ("Thời hạn giải quyết", block(procedure.processing_time)),
        ("Phí, lệ phí", block(procedure.fees)),
        ("Đối tượng thực hiện", block(procedure.applicants)),
        ("Dịch vụ công trực tuyến", online),
    ]
    body = "".join(
        f'<tr><th scope="row">{label}</th><td>{value}</td></tr>' for label, value in rows
    )
    return f'<div class="trangxa-summary"><table><tbody>{body}</tbody></table></div>'


def _documents(procedure: Procedure) -> str:
    rows = "".join(
        f"<tr><td>{number}</td><td>{inline(doc.name)}</td>"
        f"<td>{inline(doc.template) if doc.template else '–'}</td>"
        f"<td>{escape(doc.copies) if doc.copies else '01 bản'}</td></tr>"
        for number, doc in enumerate(procedure.documents, 1)
    )
    return (
        '<div class="trangxa-documents"><table>'
        '<thead><tr><th scope="col">STT</th><th scope="col">Tên giấy tờ</th>'
        '<th scope="col">Mẫu đơn, tờ khai</th><th scope="col">Số lượng</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _history(procedure: Procedure, by_code: dict[str, Procedure], settings: PageSettings) -> str:
    addresses = settings.addresses
    here = addresses.procedure_src(procedure)
    rows = []
    for number, entry in enumerate(procedure.history, 1):
        note = inline(entry.note) if entry.note else ""
        if entry.replaced_by:
            successor = by_code.get(entry.replaced_by)
            target = (
                f'<a href="{addresses.href(here, addresses.procedure_src(successor))}">'
                f"{escape(successor.name)} (mã {escape(successor.code)})</a>"
                if successor is not None
                else f"mã {escape(entry.replaced_by)}"
            )
            note = f"Thay thế bởi {target}." + (f" {note}" if note else "")
        rows.append(
            f'<tr id="thay-doi-{number}"><td>{format_vn_short(entry.posted)}</td>'
            f"<td>{change_label(entry.change)}</td><td>{escape(entry.decision_text)}</td>"
            f"<td>{note or '–'}</td></tr>"
        )
    return (
        '<div class="trangxa-history"><table>'
        '<thead><tr><th scope="col">Ngày đăng</th><th scope="col">Thay đổi</th>'
        '<th scope="col">Quyết định công bố</th><th scope="col">Ghi chú</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def procedure_page(
    procedure: Procedure, by_code: dict[str, Procedure], settings: PageSettings
) -> str:
    """A citizen's page for one procedure, laid out to print on A4 for the one-stop desk."""
    addresses = settings.addresses
    src = addresses.procedure_src(procedure)
    status = "in-force" if procedure.in_force else "ended"
    parts = [
        _front_matter(
            settings,
            procedure.name,
            "procedure",
            description=(
                f"Thủ tục {procedure.name} (mã {procedure.code}), lĩnh vực {procedure.field}."
            ),
            trangxa_status=status,
            trangxa_address=addresses.absolute(src),
        ),
        _status_notice(procedure, by_code, settings),
        _summary(procedure),
        "",
    ]
    if procedure.in_force and procedure.online.url:
        parts += [
            '<p class="trangxa-online"><a class="md-button md-button--primary" '
            f'href="{escape(procedure.online.url)}">Nộp hồ sơ trực tuyến: {escape(procedure.name)}'
            "</a></p>",
            "",
        ]
    steps = "".join(f"<li>{inline(step)}</li>" for step in procedure.steps)
    legal = "".join(f"<li>{inline(item)}</li>" for item in procedure.legal_basis)
    parts += [
        "## Trình tự thực hiện",
        "",
        f'<ol class="trangxa-steps">{steps}</ol>',
        "",
        "## Thành phần hồ sơ",
        "",
        _documents(procedure),
        "",
        "## Yêu cầu, điều kiện",
        "",
        f'<div class="trangxa-text">{block(procedure.requirements)}</div>',
        "",
        "## Kết quả thực hiện",
        "",
        f'<div class="trangxa-text">{block(procedure.result)}</div>',
        "",
        "## Căn cứ pháp lý",
        "",
        f'<ul class="trangxa-legal">{legal}</ul>',
        "",
        "## Lịch sử công bố",
        "",
        _history(procedure, by_code, settings),
        "",
        f'<p class="trangxa-back"><a href="{addresses.href(src, addresses.index_src)}">'
        f"Xem tất cả thủ tục hành chính</a></p>",
        "",
    ]
    return "\n".join(parts)


# -- archive and changes -----------------------------------------------------------------------


def archive_page(procedures: list[Procedure], settings: PageSettings) -> str:
    """Procedures no longer in force, newest withdrawal first, each linked to its page."""
    addresses = settings.addresses
    here = addresses.archive_src
    by_code = {p.code: p for p in procedures}
    ended = [p for p in procedures if p.ending is not None]
    ended.sort(key=lambda p: (-p.history[-1].posted.timestamp(), fold(p.name)))
    parts = [
        _front_matter(
            settings,
            settings.archive_title,
            "archive",
            description="Thủ tục hành chính đã bãi bỏ hoặc đã được thay thế.",
        ),
        f"<p>Các thủ tục dưới đây không còn áp dụng ({len(ended)} thủ tục). Trang của mỗi thủ "
        "tục được giữ lại để tra cứu.</p>",
        "",
    ]
    if not ended:
        parts.append("<p>Chưa có thủ tục nào bị bãi bỏ hoặc thay thế.</p>")
        return "\n".join(parts)
    rows = []
    for procedure in ended:
        ending = procedure.history[-1]
        if ending.change is ChangeKind.ABOLISHED:
            state = "Đã bãi bỏ"
        else:
            successor = by_code.get(ending.replaced_by or "")
            state = "Đã được thay thế bởi " + (
                f'<a href="{addresses.href(here, addresses.procedure_src(successor))}">'
                f"{escape(successor.name)}</a> (mã {escape(successor.code)})"
                if successor is not None
                else f"mã {escape(ending.replaced_by or '')}"
            )
        rows.append(
            f'<tr class="trangxa-ended" data-change="{ending.change.count_key}">'
            f"<td>{escape(procedure.code)}</td>"
            f'<td><a href="{addresses.href(here, addresses.procedure_src(procedure))}">'
            f"{escape(procedure.name)}</a></td><td>{escape(procedure.field)}</td>"
            f"<td>{state}</td><td>{escape(ending.decision_text)}; đăng ngày "
            f"{format_vn_short(ending.posted)}</td></tr>"
        )
    parts.append(
        '<div class="trangxa-archive"><table><thead><tr><th scope="col">Mã</th>'
        '<th scope="col">Tên thủ tục</th><th scope="col">Lĩnh vực</th>'
        '<th scope="col">Tình trạng</th><th scope="col">Quyết định công bố</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return "\n".join([*parts, ""])


def changes_page(procedures: list[Procedure], settings: PageSettings) -> str:
    """Every published change, newest first, grouped by year, with the feed linked."""
    addresses = settings.addresses
    here = addresses.changes_src
    changes = all_changes(procedures)
    feed_href = addresses.href(here, addresses.feed_path)
    parts = [
        _front_matter(
            settings,
            settings.changes_title,
            "changes",
            description="Thủ tục hành chính mới ban hành, sửa đổi, bổ sung, thay thế, bãi bỏ.",
            trangxa_feed=addresses.feed_path,
            trangxa_feed_title=settings.changes_title,
        ),
        "<p>Thủ tục hành chính mới ban hành, được sửa đổi, bổ sung, bị thay thế hoặc bãi bỏ, "
        "theo ngày đăng lên trang, mới nhất ở trên. "
        f'<a class="trangxa-feed" href="{feed_href}" type="application/rss+xml">'
        "Theo dõi các cập nhật qua RSS</a>.</p>",
        "",
    ]
    by_year: dict[int, list[Change]] = {}
    for change in changes:
        by_year.setdefault(change.entry.posted.year, []).append(change)
    for year, items in by_year.items():
        rows = "".join(
            f'<tr data-change="{c.entry.change.count_key}">'
            f"<td>{format_vn_short(c.entry.posted)}</td><td>{change_label(c.entry.change)}</td>"
            f'<td><a href="{addresses.href(here, addresses.procedure_src(c.procedure), c.anchor)}">'
            f"{escape(c.procedure.name)}</a> (mã {escape(c.procedure.code)})</td>"
            f"<td>{escape(c.entry.decision_text)}</td></tr>"
            for c in items
        )
        parts += [
            f"## Năm {year} ({len(items)} cập nhật)",
            "",
            '<div class="trangxa-changes"><table><thead><tr><th scope="col">Ngày đăng</th>'
            '<th scope="col">Thay đổi</th><th scope="col">Thủ tục</th>'
            '<th scope="col">Quyết định công bố</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>",
            "",
        ]
    if not changes:
        parts.append("<p>Chưa có cập nhật nào.</p>")
    return "\n".join(parts)


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
