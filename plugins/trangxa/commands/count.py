"""`trangxa count`: the figures of one reporting period, read from the posts without a build.

This module holds only the options and the start: the posts begin to be read in a second
process before MkDocs and the report are even loaded (trangxa.commands.earlyread), and the
count itself (trangxa.commands.counting) is loaded meanwhile.
"""

from __future__ import annotations

import argparse
import gc
import sys

from trangxa.commands.earlyread import start_reading
from trangxa.commands.postmemo import add_config_option
from trangxa.report.periods import MODES
from trangxa.site import names

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
        return fail(f"Định dạng {args.format} cần tên tệp ghi ra: thêm -o phu-luc.{args.format}.")
    # The collector off for the whole count, not only while posts are read: loading MkDocs
    # has it pass many times, and each pass after the posts are read walks every one of them
    # (10 ms at 10,000 posts). A count leaves no cycles to free. Turned back on without a
    # context manager, whose exit would itself start a pass over everything made meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    early = None
    try:
        early = start_reading(args.config_file)
        # Loaded after the second process has started: MkDocs and the report modules take
        # a fifth of a second to import, time the posts are being read in.
        from trangxa.commands import counting

        return counting.run(args, early)
    finally:
        if early is not None:
            early.reading.cancel()
        if was_enabled:
            gc.enable()


def fail(message: str) -> int:
    """Say what is wrong with the command as typed, and give its exit code."""
    print(message, file=sys.stderr)
    return EXIT_USAGE
