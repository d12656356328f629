"""`trangxa new`: start a post file with its front matter filled in and checked."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

from trangxa.commands.site import SiteConfigError, add_config_option, load_site
from trangxa.core import clock
from trangxa.core.dates import DateParseError, format_vn_datetime, parse_date, to_vn
from trangxa.core.slugs import slugify
from trangxa.core.textfile import nfc, remove_controls
from trangxa.news.post import BODY_PLACEHOLDER
from trangxa.news.postfields import unknown_category_message


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `trangxa new`."""
    parser = subparsers.add_parser(
        "new",
        help="tạo tệp bài viết mới với phần khai báo điền sẵn",
        description=(
            "Tạo tệp posts/<năm>/<tháng>/<đường-dẫn>.md với tiêu đề, ngày giờ (giờ Việt Nam) "
            "và chuyên mục điền sẵn. Không bao giờ ghi đè tệp có sẵn."
        ),
    )
    parser.add_argument("title", metavar="TIÊU_ĐỀ", help="tiêu đề bài viết, đặt trong ngoặc kép")
    parser.add_argument(
        "-c",
        "--category",
        action="append",
        default=[],
        metavar="CHUYÊN_MỤC",
        help="chuyên mục đã khai báo trong mkdocs.yml; lặp lại để chọn nhiều chuyên mục",
    )
    parser.add_argument(
        "--date",
        metavar="NGÀY",
        help="ngày đăng, ví dụ 15/03/2024 08:30; mặc định là lúc này theo giờ Việt Nam",
    )
    parser.add_argument("--draft", action="store_true", help="tạo bài ở dạng bản nháp")
    add_config_option(parser)


def yaml_quoted(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly text."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif (
            0x20 <= code <= 0x7E
            or 0xA0 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or (code >= 0x10000)
        ):
            out.append(char)
        else:
            # YAML refuses control characters written as they are; an escape keeps them exact.
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def post_text(
    title: str, date: datetime, categories: list[str], draft: bool, known: list[str]
) -> str:
    """The new file: front matter with hints for the optional keys, then a body to replace."""
    lines = [
        "---",
        f"title: {yaml_quoted(title)}",
        f"date: {format_vn_datetime(date)}",
        f"categories: [{', '.join(yaml_quoted(name) for name in categories)}]",
    ]
    if known:
        lines.append(f"# Chuyên mục có sẵn: {', '.join(known)}")
    lines += [
        "tags: []",
        '# description: "Một hai câu tóm tắt, hiện trong danh sách tin và khi chia sẻ"',
    ]
    if draft:
        lines.append("draft: true")
    lines += ["---", "", BODY_PLACEHOLDER, ""]
    return "\n".join(lines)


def shown_path(path: Path) -> str:
    """Path relative to the current folder when it is below it, so it can be opened as printed."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def run(args: argparse.Namespace) -> int:
    """Write the new post; 2 for bad input, 1 when the file already exists."""
    try:
        site = load_site(args.config_file)
    except SiteConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    # Invisible control characters come from pasting out of Word or PDF; a title never needs them.
    visible = "".join(
        ch
        for ch in remove_controls(nfc(args.title))[0]
        if unicodedata.category(ch) != "Cc" or ch.isspace()
    )
    title = " ".join(visible.split())
    if not title:
        print(
            'Tiêu đề đang để trống. Ví dụ: trangxa new "Thông báo lịch tiếp dân"', file=sys.stderr
        )
        return 2
    try:
        date = to_vn(parse_date(args.date)) if args.date else clock.now()
    except DateParseError as exc:
        print(f"--date: {exc}", file=sys.stderr)
        return 2
    date = date.replace(second=0, microsecond=0)
    known = [nfc(name) for name in site.news.categories]
    categories: list[str] = []
    for raw in args.category:
        name = " ".join(nfc(raw).split())
        message = unknown_category_message(name, known)
        if message is not None:
            print(f"--category: {message}", file=sys.stderr)
            return 2
        if name not in categories:
            categories.append(name)

    relative = Path(site.news.posts_dir) / f"{date.year:04d}" / f"{date.month:02d}"
    relative = relative / f"{slugify(title)}.md"
    target = site.root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        # Mode "x" refuses an existing file in the same call that creates it: no race, no loss.
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(post_text(title, date, categories, args.draft, known))
    except FileExistsError:
        print(
            f"Đã có tệp {relative.as_posix()}, không ghi đè. Mở tệp đó để sửa, hoặc đặt tiêu đề "
            "khác cho bài mới.",
            file=sys.stderr,
        )
        return 1
    print(shown_path(target))
    if args.draft:
        note = "Bài đang là bản nháp: xóa dòng draft: true khi muốn đăng."
    elif date > clock.now():
        note = f"Bài hẹn giờ: chỉ hiện trên trang từ {format_vn_datetime(date)}."
    else:
        note = "Mở tệp để viết nội dung, rồi chạy trangxa check trước khi đăng."
    print(note, file=sys.stderr)
    return 0
