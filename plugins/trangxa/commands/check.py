"""`trangxa check`: read every post and procedure as a build would, and account for each file."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from trangxa.commands.site import Site, SiteConfigError, add_config_option, load_site
from trangxa.core import clock
from trangxa.core.dates import format_vn_datetime
from trangxa.core.problems import Problem
from trangxa.core.vnformat import format_number
from trangxa.core.walk import is_routine, walk_folder
from trangxa.news import state as news_state
from trangxa.news.collect import relative_source
from trangxa.site import names

# Every file lands in exactly one of these groups; the labels are what staff read.
POST_GROUPS = {
    "published": "Đã đăng",
    "draft": "Bản nháp",
    "scheduled": "Hẹn giờ đăng",
    "invalid": "Lỗi, không đăng được",
    "attachment": "Tệp đính kèm, ảnh",
    "ignored": "Bỏ qua",
}
PROCEDURE_GROUPS = {
    "in_force": "Đang áp dụng",
    "ended": "Đã bãi bỏ, thay thế",
    "invalid": "Lỗi, không đăng được",
    "ignored": "Bỏ qua",
}

_WORD_SUFFIXES = frozenset({".doc", ".docx", ".odt", ".rtf"})


@dataclass
class FolderTally:
    """Every file of one content folder, by group, in path order."""

    folder: str
    labels: dict[str, str]
    groups: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in self.labels:
            self.groups.setdefault(key, [])

    def add(self, group: str, source: str) -> None:
        """Put one file in one group."""
        self.groups[group].append(source)

    @property
    def total(self) -> int:
        """Number of files accounted for."""
        return sum(len(sources) for sources in self.groups.values())


@dataclass
class CheckReport:
    """What `trangxa check` found: the tallies, the problems, and why files were ignored."""

    now: datetime
    posts: FolderTally
    procedures: FolderTally | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ignored: list[Problem] = field(default_factory=list)
    upcoming: list[tuple[str, datetime]] = field(default_factory=list)

    @property
    def invalid(self) -> int:
        """Files that cannot be published as they are."""
        count = len(self.posts.groups["invalid"])
        if self.procedures is not None:
            count += len(self.procedures.groups["invalid"])
        return count


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `trangxa check`."""
    parser = subparsers.add_parser(
        "check",
        help="kiểm tra mọi bài viết và thủ tục mà không dựng trang",
        description=(
            "Đọc mọi tệp trong posts/ và procedures/ như khi dựng trang, đếm từng loại và in "
            "mọi lỗi, cảnh báo dưới dạng tệp:dòng: nội dung. Trả mã 0 khi không có lỗi."
        ),
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="coi cảnh báo cũng là lỗi (như khi đăng trang bằng trangxa publish)",
    )
    add_config_option(parser)


def check_site(site: Site, now: datetime) -> CheckReport:
    """Read every post and procedure; each file under both folders ends in one group."""
    report = CheckReport(now, FolderTally(site.news.posts_dir, POST_GROUPS), None)
    _check_posts(site, now, report)
    _check_procedures(site, now, report)
    report.errors.sort(key=_order)
    report.warnings.sort(key=_order)
    report.ignored.sort(key=_order)
    return report


def _order(problem: Problem) -> tuple[str, int]:
    return (problem.path, problem.line or 0)


def _check_posts(site: Site, now: datetime, report: CheckReport) -> None:
    news = site.news
    # The build's own loader, with drafts and scheduled posts shown so their links are checked.
    state = news_state.load(
        site.root, news, now, show_unpublished=True, docs_dir=Path(site.mkdocs.docs_dir)
    )
    report.errors.extend(state.errors)
    report.warnings.extend(state.warnings)
    broken = {problem.path for problem in state.errors}
    tally = report.posts
    collection = state.collection
    for group, posts in (
        ("published", collection.published),
        ("draft", collection.drafts),
        ("scheduled", collection.scheduled),
    ):
        for post in posts:
            tally.add("invalid" if post.source in broken else group, post.source)
            if group == "scheduled" and post.source not in broken:
                report.upcoming.append((post.source, post.date))
    for problem in collection.errors:
        tally.add("invalid", problem.path)
    for skipped in collection.skipped:
        tally.add("ignored", skipped.path)
        (report.ignored if is_routine(skipped) else report.warnings).append(skipped)
    linked = {path.resolve() for path in state.attachment_sources.values()}
    for source in collection.other_files:
        if (site.root / source).resolve() in linked:
            tally.add("attachment", source)
        else:
            tally.add("ignored", source)
            report.ignored.append(Problem(source, None, _why_post_file_ignored(source)))
    report.upcoming.sort(key=lambda item: item[1])


def _why_post_file_ignored(source: str) -> str:
    path = Path(source)
    if path.name.startswith("."):
        return "tệp ẩn (thường do hệ điều hành tạo ra), không được đăng."
    if path.suffix.lower() == ".txt":
        return (
            "tệp .txt không được đọc như bài viết. Nếu đây là bài viết, đổi đuôi tệp thành .md "
            "và thêm phần khai báo ở đầu tệp."
        )
    if path.suffix.lower() in _WORD_SUFFIXES:
        return (
            "tệp văn bản Word không phải bài viết và chưa bài nào liên kết tới nên không được "
            "đăng. Chép nội dung vào một bài mới (trangxa new), hoặc liên kết tệp này từ một "
            "bài để đăng làm tệp đính kèm."
        )
    return (
        "không phải bài viết (.md) và chưa bài nào liên kết tới nên không được đăng. Liên kết "
        "tệp này từ một bài viết cùng thư mục, hoặc xóa tệp nếu không dùng."
    )


def _check_procedures(site: Site, now: datetime, report: CheckReport) -> None:
    config: Any = site.plugin_config(names.PROCEDURES)
    enabled = config is not None and config.enabled
    folder_name = config.procedures_dir if config is not None else "procedures"
    folder = site.root / folder_name
    walk = walk_folder(folder, site.root)
    files = [path for path, _ in walk.files]
    if not enabled:
        if files:
            report.procedures = FolderTally(folder_name, PROCEDURE_GROUPS)
            for path in files:
                source = relative_source(path, site.root)
                # One warning for the folder below names the cause for all of them.
                report.procedures.add("ignored", source)
            report.warnings.append(
                Problem(
                    folder_name,
                    None,
                    f"Thư mục có {format_number(len(files))} tệp thủ tục nhưng mkdocs.yml chưa bật "
                    f"plugin {names.PROCEDURES}, nên không thủ tục nào được đăng. Thêm "
                    f"{names.PROCEDURES} vào mục plugins của mkdocs.yml.",
                    "warning",
                )
            )
        return

    # Imported here so a site without procedures does not need the plugin's modules.
    from trangxa.procedures.collection import load_procedures

    tally = report.procedures = FolderTally(folder_name, PROCEDURE_GROUPS)
    procedures, problems = load_procedures(site.root, folder_name, now)
    valid = {procedure.source: procedure for procedure in procedures}
    broken = {problem.path for problem in problems if problem.severity == "error"}
    flagged = {problem.path for problem in problems if problem.severity == "warning"}
    for problem in problems:
        (report.errors if problem.severity == "error" else report.warnings).append(problem)
    for skipped in walk.skipped:
        tally.add("ignored", skipped.path)
        if is_routine(skipped):
            report.ignored.append(skipped)
    for _, source in walk.files:
        if source in broken:
            tally.add("invalid", source)
        elif source in valid:
            tally.add("in_force" if valid[source].in_force else "ended", source)
        else:
            tally.add("ignored", source)
            if source not in flagged:
                reason = _why_procedure_file_ignored(Path(walk.relative(source)))
                report.ignored.append(Problem(source, None, reason))


def _why_procedure_file_ignored(relative: Path) -> str:
    if any(part.startswith(".") for part in relative.parts):
        return "tệp ẩn (thường do hệ điều hành tạo ra), không được đăng."
    return "tệp hướng dẫn, không phải hồ sơ thủ tục, không được đăng."


def format_report(report: CheckReport, config_file: str) -> str:
    """The summary, then every problem as file:line: message, then the verdict."""
    lines = [
        f"Kiểm tra nội dung của {config_file} lúc {format_vn_datetime(report.now)} (giờ Việt Nam)",
        "",
    ]
    tallies = [("Tin bài", report.posts)]
    if report.procedures is not None:
        tallies.append(("Thủ tục hành chính", report.procedures))
    width = max(len(label) for _, tally in tallies for label in tally.labels.values()) + 2
    for heading, tally in tallies:
        lines.append(f"{heading} trong {tally.folder}/: {format_number(tally.total)} tệp")
        for key, label in tally.labels.items():
            lines.append(f"  {label.ljust(width)}{format_number(len(tally.groups[key])):>6}")
    lines.append(f"Cảnh báo: {format_number(len(report.warnings))}")
    sections = [
        ("Lỗi phải sửa", [str(problem) for problem in report.errors]),
        ("Cảnh báo", [str(problem) for problem in report.warnings]),
        ("Tệp bị bỏ qua", [str(problem) for problem in report.ignored]),
        (
            "Bài hẹn giờ",
            [f"{source}: đăng từ {format_vn_datetime(date)}" for source, date in report.upcoming],
        ),
        ("Bản nháp", list(report.posts.groups["draft"])),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"{title} ({format_number(len(items))}):", *items]
    lines.append("")
    if report.invalid:
        lines.append(
            f"Kết quả: CÓ LỖI. {format_number(report.invalid)} tệp không đăng được; lệnh trangxa "
            "publish sẽ dừng lại cho đến khi sửa xong. Sửa từng lỗi ở trên (tệp:dòng: nội dung) "
            "rồi chạy lại trangxa check."
        )
    elif report.warnings:
        lines.append(
            f"Kết quả: KHÔNG CÓ LỖI, còn {format_number(len(report.warnings))} cảnh báo. Hãy xử "
            "lý các cảnh báo trước khi đăng: trangxa publish dừng lại khi bản dựng có cảnh báo."
        )
    else:
        lines.append("Kết quả: ĐẠT. Mọi tệp đều đọc được, không có lỗi hay cảnh báo.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the report; 1 when a file is invalid (or, with --strict, on any warning)."""
    try:
        site = load_site(args.config_file)
    except SiteConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    report = check_site(site, clock.now())
    print(format_report(report, args.config_file))
    if report.invalid or (args.strict and report.warnings):
        return 1
    return 0
