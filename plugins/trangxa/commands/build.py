"""`trangxa build`: the site built into site/ (MkDocs' build, messages in Vietnamese)."""

from __future__ import annotations

import argparse
import sys

from mkdocs.commands.build import build

from trangxa.commands.mkdocs_run import BuildStopped, guarded, load, vietnamese_logs
from trangxa.commands.site import add_config_option


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `trangxa build`."""
    parser = subparsers.add_parser(
        "build",
        help="dựng toàn bộ trang vào thư mục site/",
        description=(
            "Dựng toàn bộ trang thành các tệp HTML trong thư mục site/ (hoặc THƯ_MỤC). Bài viết "
            "có lỗi làm việc dựng dừng lại với thông báo ghi rõ tệp và dòng."
        ),
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="dừng lại cả khi chỉ có cảnh báo (như trangxa publish)",
    )
    parser.add_argument(
        "-d", "--site-dir", metavar="THƯ_MỤC", help="thư mục ghi trang đã dựng (mặc định site/)"
    )
    add_config_option(parser)


def run(args: argparse.Namespace) -> int:
    """Build once; 1 when the build stopped."""
    options: dict[str, object] = {"strict": args.strict}
    if args.site_dir:
        options["site_dir"] = args.site_dir
    with vietnamese_logs():
        try:
            config = load(args.config_file, **options)
        except BuildStopped as exc:
            print(f"LỖI: {exc}", file=sys.stderr)
            return 1

        def step() -> None:
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()

        stopped = guarded(step)
    if stopped:
        print(f"LỖI: {stopped}", file=sys.stderr)
        return 1
    print(f"Trang đã dựng xong trong thư mục {config.site_dir}.", file=sys.stderr)
    return 0
