"""The count itself: mkdocs.yml loaded, the posts gathered, the figures printed or written."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from trangxa.commands.count import EXIT_INVALID_CONTENT, FILE_FORMATS, fail
from trangxa.commands.site import Site, SiteConfigError, load_site
from trangxa.core import clock
from trangxa.core.dates import DateParseError, parse_as_of
from trangxa.core.jsontext import dumps_indented
from trangxa.core.problems import Problem
from trangxa.news.collect import EarlyPosts, PostCollection, assign_urls
from trangxa.procedures.collection import load_procedures
from trangxa.procedures.model import Procedure
from trangxa.report.config import (
    agency_of,
    counts_procedures,
    period_mode_of,
)
from trangxa.report.count import PeriodCount, count_period, to_json_dict
from trangxa.report.periods import Mode, parse_period
from trangxa.report.text import render_text
from trangxa.site import names

if TYPE_CHECKING:
    from trangxa.report.appendix import Appendix
    from trangxa.report.visits import VisitCount


def run(args: argparse.Namespace, early: EarlyPosts | None = None) -> int:
    """Count one period and print or write the figures; invalid content stops the count.

    `early` is the reading of the posts begun before mkdocs.yml was loaded, if any.
    """
    try:
        site = load_site(args.config_file)
    except SiteConfigError as exc:
        return fail(str(exc))
    report_config = site.plugin_config(names.REPORT)
    mode = args.mode or period_mode_of(report_config)
    try:
        period = parse_period(args.period, cast(Mode, mode))
        as_of = parse_as_of(args.as_of) if args.as_of else now()
    except (ValueError, DateParseError) as exc:
        return fail(str(exc))
    try:
        want_procedures = counts_procedures(
            report_config.procedures if report_config is not None else "auto",
            site.plugin_config(names.PROCEDURES),
        )
    except ValueError as exc:
        return fail(str(exc))

    collection, procedures, errors, warnings = gather(site, as_of, want_procedures, early)
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
            return fail(str(exc))
    return _emit(count, visits, args, site)


def now() -> datetime:
    """The moment of counting, to the second, as the output shows it."""
    return clock.now()


def gather(
    site: Site, as_of: datetime, want_procedures: bool, early: EarlyPosts | None = None
) -> tuple[PostCollection, list[Procedure] | None, list[Problem], list[Problem]]:
    """Posts addressed as the site addresses them, procedures if counted, and every problem."""
    procedures: list[Procedure] | None = None
    problems: list[Problem] = []
    if want_procedures:
        # Read before the posts: a second process may still be reading posts meanwhile.
        procedures_config = site.plugin_config(names.PROCEDURES)
        assert procedures_config is not None
        procedures, problems = load_procedures(site.root, procedures_config.procedures_dir)
    collection = site.posts(as_of, early)
    errors = list(collection.errors)
    warnings = list(collection.warnings)
    # Same call as the news plugin, so each item's address is the one on the site.
    errors += assign_urls(collection.published, site.news.url_prefix, collection.urls)
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
        text = dumps_indented(document) + "\n"
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
