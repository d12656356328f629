"""`trangxa count`: the figures of one reporting period, read from the posts without a build."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from trangxa.commands.site import Site, SiteConfigError, add_config_option, load_site
from trangxa.core import clock
from trangxa.core.dates import DateParseError, parse_as_of
from trangxa.core.problems import Problem
from trangxa.news.collect import PostCollection, assign_urls
from trangxa.procedures.collection import load_procedures
from trangxa.procedures.model import Procedure
from trangxa.report.config import (
    agency_of,
    counts_procedures,
    period_mode_of,
)
from trangxa.report.count import PeriodCount, count_period, to_json_dict
from trangxa.report.periods import MODES, Mode, parse_period
from trangxa.report.text import render_text
from trangxa.site import names

if TYPE_CHECKING:
    from trangxa.report.appendix import Appendix
    from trangxa.report.visits import VisitCount

FORMATS = ("text", "json", "csv", "docx", "xlsx")
# Word and Excel files are not text: they are written to a file named with -o.
FILE_FORMATS = ("docx", "xlsx")
EXIT_USAGE = 1
EXIT_INVALID_CONTENT = 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `trangxa count` and its options."""
    parser = subparsers.add_parser(
        "count",
        help="đếm tin, bài và thủ tục hành chính của một kỳ báo cáo",
        description=(
            "Đếm tin, bài đã đăng và thủ tục hành chính đã cập nhật trong một kỳ báo cáo, "
            "đọc thẳng từ các tệp bài viết (không cần xây dựng trang)."
        ),
    )
    parser.add_argument(
        "--period",
        required=True,
        metavar="KỲ",
        help="kỳ báo cáo: 2024, 2024-Q1 … 2024-Q4, 2024-H1, 2024-H2, 2024-9M, 2024-03",
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        help="cách tính kỳ: nd09 (từ ngày 15 tháng trước đến ngày 14, theo Nghị định "
        "09/2019/NĐ-CP) hoặc calendar (theo lịch); mặc định lấy period_mode của "
        f"{names.REPORT} trong mkdocs.yml, nếu không có thì nd09",
    )
    parser.add_argument(
        "--as-of",
        dest="as_of",
        metavar="NGÀY",
        help="tính số liệu đến thời điểm này, ví dụ 30/06/2025 (cả ngày) hoặc "
        "2025-06-30 17:00; mặc định là bây giờ",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: câu chữ và bảng để dán vào báo cáo; json; csv: danh sách tin, bài cho "
        "Excel; docx: phụ lục Word khổ A4 để đính kèm báo cáo (cần -o); xlsx: sổ tính Excel "
        "với số liệu và các danh sách (cần -o)",
    )
    parser.add_argument(
        "--csv-separator",
        dest="csv_separator",
        choices=("semicolon", "comma"),
        default="semicolon",
        help="dấu ngăn cột của tệp csv: semicolon (;, mặc định, để Excel với cài đặt vùng "
        "Việt Nam tách đúng cột khi mở bằng cách bấm đúp) hoặc comma (,)",
    )
    parser.add_argument(
        "--access-log",
        dest="access_logs",
        action="append",
        default=[],
        metavar="TỆP",
        help="nhật ký truy cập của máy chủ web (dạng combined của nginx, Apache; tệp thường "
        "hoặc .gz) để đếm lượt truy cập trong kỳ; lặp lại cho nhiều tệp",
    )
    add_config_option(parser)
    parser.add_argument("-o", "--output", metavar="TỆP", help="ghi kết quả ra tệp này")


def run(args: argparse.Namespace) -> int:
    """Count one period and print or write the figures; invalid content stops the count."""
    if args.format in FILE_FORMATS and not args.output:
        return _fail(f"Định dạng {args.format} cần tên tệp ghi ra: thêm -o phu-luc.{args.format}.")
    try:
        site = load_site(args.config_file)
    except SiteConfigError as exc:
        return _fail(str(exc))
    report_config = site.plugin_config(names.REPORT)
    mode = args.mode or period_mode_of(report_config)
    try:
        period = parse_period(args.period, cast(Mode, mode))
        as_of = parse_as_of(args.as_of) if args.as_of else now()
    except (ValueError, DateParseError) as exc:
        return _fail(str(exc))
    try:
        want_procedures = counts_procedures(
            report_config.procedures if report_config is not None else "auto",
            site.plugin_config(names.PROCEDURES),
        )
    except ValueError as exc:
        return _fail(str(exc))

    collection, procedures, errors, warnings = gather(site, as_of, want_procedures)
    if collection.skipped:
        # The same files build and check skip: listed so the count's basis is plain.
        listed = "; ".join(problem.path for problem in collection.skipped)
        print(
            f"Bỏ qua {len(collection.skipped)} tệp không phải bài viết: {listed}", file=sys.stderr
        )
    for problem in warnings:
        print(f"Lưu ý: {problem}", file=sys.stderr)
    if errors:
        print(
            f"Không đếm được: có {len(errors)} lỗi trong tin, bài hoặc hồ sơ thủ tục. Số liệu sẽ "
            "thiếu nếu bỏ qua các tệp này, nên chưa in ra. Sửa các lỗi sau rồi chạy lại:",
            file=sys.stderr,
        )
        for problem in errors:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID_CONTENT

    count = count_period(
        collection.published,
        procedures,
        period,
        as_of,
        list(site.news.categories),
        site.mkdocs.site_url or "",
        collection.urls,
    )
    visits = None
    if args.access_logs:
        # Loaded only with logs to read, like the bot list it brings in.
        from trangxa.report.accesslog import AccessLogError
        from trangxa.report.visits import count_visits

        try:
            visits = count_visits([Path(name) for name in args.access_logs], period, as_of)
        except AccessLogError as exc:
            return _fail(str(exc))
    return _emit(count, visits, args, site)


def now() -> datetime:
    """The moment of counting, to the second, as the output shows it."""
    return clock.now()


def gather(
    site: Site, as_of: datetime, want_procedures: bool
) -> tuple[PostCollection, list[Procedure] | None, list[Problem], list[Problem]]:
    """Posts addressed as the site addresses them, procedures if counted, and every problem."""
    collection = site.posts(as_of)
    errors = list(collection.errors)
    warnings = list(collection.warnings)
    # Same call as the news plugin, so each item's address is the one on the site.
    errors += assign_urls(collection.published, site.news.url_prefix, collection.urls)
    procedures: list[Procedure] | None = None
    if want_procedures:
        procedures_config = site.plugin_config(names.PROCEDURES)
        assert procedures_config is not None
        procedures, problems = load_procedures(site.root, procedures_config.procedures_dir)
        errors += [problem for problem in problems if problem.severity == "error"]
        warnings += [problem for problem in problems if problem.severity != "error"]
    return collection, procedures, errors, warnings


def _appendix(count: PeriodCount, visits: VisitCount | None, site: Site) -> Appendix:
    from trangxa.report.appendix import DEFAULT_REPORT_SYMBOL, build_appendix

    report_config = site.plugin_config(names.REPORT)
    symbol = report_config.report_symbol if report_config is not None else DEFAULT_REPORT_SYMBOL
    mkdocs = site.mkdocs
    return build_appendix(
        count,
        mkdocs.site_name,
        agency_of(mkdocs.extra, mkdocs.site_author, mkdocs.site_name),
        site.news.cchc_category,
        symbol,
        visits,
    )


def _emit(
    count: PeriodCount, visits: VisitCount | None, args: argparse.Namespace, site: Site
) -> int:
    site_name = site.mkdocs.site_name
    output = Path(args.output) if args.output else None
    if args.format in FILE_FORMATS:
        assert output is not None
        appendix = _appendix(count, visits, site)
        # Loaded only for these files: python-docx and openpyxl take long to import.
        if args.format == "docx":
            from trangxa.report.word import write_docx

            write_docx(appendix, output)
            what = "phụ lục"
        else:
            from trangxa.report.workbook import write_xlsx

            write_xlsx(appendix, output)
            what = "sổ tính"
        print(f"Đã ghi {what} {count.period.label} ({count.total} tin, bài) vào {output}.")
        return 0
    if args.format == "csv":
        from trangxa.report.csvfile import csv_bytes

        data = csv_bytes(count, args.csv_separator, visits)
    elif args.format == "json":
        document = to_json_dict(count)
        if visits is not None:
            from trangxa.report.visits import visits_json

            document["visits"] = visits_json(visits)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        data = text.encode("utf-8")
    else:
        cchc = unicodedata.normalize("NFC", site.news.cchc_category)
        text = render_text(count, site_name, cchc, visits)
        if output is None:
            # Text is for people: it goes through the console stream, which keeps it readable
            # on any code page. JSON and CSV stay exact UTF-8 bytes for the programs reading them.
            sys.stdout.write(text)
            sys.stdout.flush()
            return 0
        data = text.encode("utf-8")
    if output is not None:
        output.write_bytes(data)
        return 0
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_USAGE
