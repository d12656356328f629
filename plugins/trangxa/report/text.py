"""The figures of a period as sentences and a table the clerk pastes into the report."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from trangxa.core.dates import format_vn_datetime, format_vn_short, to_vn
from trangxa.core.vnformat import format_number
from trangxa.report.count import PeriodCount
from trangxa.report.periods import Period

if TYPE_CHECKING:
    from trangxa.report.visits import VisitCount

MODE_NAMES = {
    "nd09": "chốt số liệu theo Điều 12 Nghị định 09/2019/NĐ-CP",
    "calendar": "theo lịch",
}

CHANGE_NAMES = {
    "new": "mới ban hành",
    "amended": "sửa đổi, bổ sung",
    "replaced": "thay thế",
    "abolished": "bãi bỏ",
}


def day_text(dt: datetime) -> str:
    """A day as written in the running text of a report: 14/3/2024."""
    local = to_vn(dt)
    return f"{local.day}/{local.month}/{local.year}"


def window_text(period: Period) -> str:
    """Window in running text: "từ ngày 15/12/2023 đến ngày 14/3/2024"."""
    return f"từ ngày {day_text(period.start)} đến ngày {day_text(period.end)}"


def posts_phrase(n: int) -> str:
    """Number of posts in words: "12 tin, bài"."""
    return f"{format_number(n)} tin, bài"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def summary_sentences(count: PeriodCount, site_name: str, cchc_category: str | None) -> list[str]:
    """The paragraph of the report: posts, the reform column, procedure changes."""
    period = count.period
    cchc_category = unicodedata.normalize("NFC", cchc_category) if cchc_category else None
    opening = f"Trong {period.label}, {site_name} đã đăng tải {posts_phrase(count.total)}"
    if cchc_category and cchc_category in count.by_category:
        opening += (
            f", trong đó {posts_phrase(count.by_category[cchc_category])} về "
            f"{_lower_first(cchc_category)}"
        )
    sentences = []
    procedures = count.procedures
    if procedures is None:
        sentences.append(opening + ".")
    else:
        changes = procedures.by_change
        changed = sum(changes.values())
        # Semicolons, because "sửa đổi, bổ sung" has a comma of its own.
        detail = "; ".join(
            f"{name}: {format_number(changes[key])}" for key, name in CHANGE_NAMES.items()
        )
        sentences.append(
            f"{opening}; cập nhật {format_number(changed)} thủ tục hành chính ({detail})."
        )
        sentences.append(
            f"Đến ngày {day_text(procedures.in_force_at)}, trang đang công khai "
            f"{format_number(procedures.in_force)} thủ tục hành chính còn hiệu lực."
        )
    return sentences


def visits_lines(visits: VisitCount) -> list[str]:
    """The visits block of the text output: a warning when the logs fall short, the sentence, a table."""
    from trangxa.report.visits import coverage_note, visits_figures, visits_sentence

    note = coverage_note(visits)
    lines = [f"Lưu ý: {note}"] if note else []
    lines += [visits_sentence(visits), "", "Lượt truy cập\tSố liệu"]
    lines += [f"{label}\t{format_number(value)}" for label, value in visits_figures(visits)]
    covered = "—" if visits.first is None else format_vn_datetime(visits.first)
    until = "—" if visits.last is None else format_vn_datetime(visits.last)
    lines += [
        f"Nhật ký từ\t{covered}",
        f"Nhật ký đến\t{until}",
        f"Số dòng nhật ký đã đọc\t{format_number(visits.lines)}",
        f"Số dòng sai định dạng, bỏ qua\t{format_number(visits.skipped)}",
    ]
    return lines


def render_text(
    count: PeriodCount,
    site_name: str,
    cchc_category: str | None,
    visits: VisitCount | None = None,
) -> str:
    """Heading, window, sentences, then tab-separated tables that paste into Word or Excel."""
    period = count.period
    lines = [
        f"Số liệu {period.label}",
        f"Thời gian lấy số liệu: {window_text(period)} ({MODE_NAMES[period.mode]}).",
    ]
    if not count.complete:
        lines.append(
            f"Lưu ý: kỳ báo cáo chưa kết thúc; số liệu tính đến {format_vn_datetime(count.as_of)}."
        )
    lines.append("")
    lines.extend(summary_sentences(count, site_name, cchc_category))
    lines += ["", "Chuyên mục\tSố tin, bài"]
    lines += [f"{name}\t{format_number(n)}" for name, n in count.by_category.items()]
    lines.append(f"Tổng số tin, bài\t{format_number(count.total)}")
    if len(count.by_category) > 1:
        lines.append(
            "(Một tin, bài thuộc nhiều chuyên mục được tính ở mỗi chuyên mục nhưng chỉ tính "
            "một lần trong tổng số.)"
        )
    if count.procedures is not None:
        lines += ["", "Thủ tục hành chính\tSố thủ tục"]
        lines += [
            f"{name[:1].upper()}{name[1:]}\t{format_number(count.procedures.by_change[key])}"
            for key, name in CHANGE_NAMES.items()
        ]
        lines.append(
            f"Còn hiệu lực đến ngày {format_vn_short(count.procedures.in_force_at)}\t"
            f"{format_number(count.procedures.in_force)}"
        )
    if visits is not None:
        lines += ["", *visits_lines(visits)]
    return "\n".join(lines) + "\n"
