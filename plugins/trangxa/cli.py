"""The `trangxa` command: one tool for staff and the clerk, in Vietnamese on any console."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Protocol, cast

from mkdocs.exceptions import Abort

from trangxa import argtext, console
from trangxa.commands.mkdocs_run import explain_abort

# Each module offers add_parser(subparsers) and run(args) -> exit code.
COMMAND_MODULES = ("serve", "build", "check", "new", "publish", "count")


class CommandModule(Protocol):
    """What a subcommand module provides."""

    def add_parser(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        """Register the subcommand and its options."""

    def run(self, args: argparse.Namespace) -> int:
        """Carry out the subcommand; return the exit code."""


def installed_version() -> str:
    """The version pip installed, or the source tree's own when run from a checkout."""
    try:
        return version("trangxa")
    except PackageNotFoundError:
        import trangxa

        return trangxa.__version__


class Parser(argparse.ArgumentParser):
    """argparse with Vietnamese help layout for the command and every subcommand."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argtext.HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand that is installed (texts translated while built)."""
    parser = Parser(
        prog="trangxa",
        description=(
            "Công cụ của trang thông tin điện tử xã: xem thử, dựng và đăng trang, tạo và kiểm "
            "tra bài, đếm số liệu báo cáo."
        ),
        epilog="Xem hướng dẫn của từng lệnh: trangxa LỆNH -h (ví dụ trangxa serve -h).",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"trangxa {installed_version()}",
        help="in số phiên bản rồi thoát",
    )
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="LỆNH", title="các lệnh", parser_class=Parser
    )
    subparsers.required = True
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"trangxa.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"trangxa.commands.{name}":
                raise
            continue
        cast(CommandModule, module).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `trangxa` console script: never a traceback, always an exit code."""
    # The theme's end-of-life banner is noise in a clerk's terminal output.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    console.prepare_streams()
    try:
        with argtext.vietnamese_argparse():
            parser = build_parser()
            args = parser.parse_args(argv)
        module = cast(CommandModule, importlib.import_module(f"trangxa.commands.{args.command}"))
        return module.run(args)
    except KeyboardInterrupt:
        print("\nĐã dừng theo yêu cầu (Ctrl+C).", file=sys.stderr)
        return 130
    except Abort as exc:
        # MkDocs stops with an English SystemExit; say it in Vietnamese instead.
        print(f"LỖI: {explain_abort(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        return console.report_crash(exc)


if __name__ == "__main__":
    sys.exit(main())
