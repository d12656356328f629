"""The `trangxa` command: staff and clerk tools that work without a full build."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Protocol, cast

# Each module offers add_parser(subparsers) and run(args) -> exit code.
COMMAND_MODULES = ("count", "new", "check", "publish")


class CommandModule(Protocol):
    """What a subcommand module provides."""

    def add_parser(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        """Register the subcommand and its options."""

    def run(self, args: argparse.Namespace) -> int:
        """Carry out the subcommand; return the exit code."""


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand that is installed."""
    parser = argparse.ArgumentParser(
        prog="trangxa",
        description="Công cụ của trang thông tin điện tử xã: đếm số liệu, tạo và kiểm tra bài.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH")
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
    """Entry point of the `trangxa` console script."""
    # The theme's end-of-life banner is noise in a clerk's terminal output.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    module = cast(CommandModule, importlib.import_module(f"trangxa.commands.{args.command}"))
    return module.run(args)


if __name__ == "__main__":
    sys.exit(main())
