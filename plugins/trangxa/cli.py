"""The `trangxa` command: one tool for staff and the clerk, in Vietnamese on any console."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeGuard, cast

from trangxa import argtext, console

if TYPE_CHECKING:
    from mkdocs.exceptions import Abort

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
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("trangxa")
    except PackageNotFoundError:
        import trangxa

        return trangxa.__version__


class _VersionAction(argparse.Action):
    """--version, asking the installed package only when used: the lookup takes a while."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        kwargs.pop("nargs", None)
        super().__init__(option_strings, dest, nargs=0, **kwargs)  # type: ignore[arg-type]

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"trangxa {installed_version()}")
        parser.exit()


def wanted_commands(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules the parser needs: only the one named, when one is.

    Every other command's module would be imported for nothing; the top-level options take
    no value, so the first word not starting with a dash is the command.
    """
    for word in argv:
        if not word.startswith("-"):
            return (word,) if word in COMMAND_MODULES else COMMAND_MODULES
    return COMMAND_MODULES


class Parser(argparse.ArgumentParser):
    """argparse with Vietnamese help layout for the command and every subcommand."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", argtext.HelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def build_parser(commands: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser with the given subcommands that are installed (texts translated while built)."""
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
        action=_VersionAction,
        default=argparse.SUPPRESS,
        help="in số phiên bản rồi thoát",
    )
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(
        dest="command", metavar="LỆNH", title="các lệnh", parser_class=Parser
    )
    subparsers.required = True
    for name in commands:
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
            words = sys.argv[1:] if argv is None else list(argv)
            parser = build_parser(wanted_commands(words))
            args = parser.parse_args(words)
        module = cast(CommandModule, importlib.import_module(f"trangxa.commands.{args.command}"))
        return module.run(args)
    except KeyboardInterrupt:
        print("\nĐã dừng theo yêu cầu (Ctrl+C).", file=sys.stderr)
        return 130
    except Exception as exc:
        if _is_mkdocs_abort(exc):
            # MkDocs stops with an English SystemExit; say it in Vietnamese instead.
            from trangxa.commands.mkdocs_run import explain_abort

            print(f"LỖI: {explain_abort(exc)}", file=sys.stderr)
            return 1
        return console.report_crash(exc)


def _is_mkdocs_abort(exc: Exception) -> TypeGuard[Abort]:
    # MkDocs is imported only here, once something failed: `trangxa count` starts reading
    # posts before MkDocs is loaded (trangxa.commands.earlyread).
    from mkdocs.exceptions import Abort as MkDocsAbort

    return isinstance(exc, MkDocsAbort)


# Commands that leave nothing to clean up once they have returned: no server, no thread, no
# temporary folder; their output is written and their files closed.
ENDS_AT_ONCE = frozenset({"count"})


def entry() -> int:
    """The console script and `python -m trangxa`: main, for a process about to end."""
    code = main()
    # What the command made stays until the process ends: Python's last collection would walk
    # every object only to free memory the system takes back anyway (40 ms after a count of
    # ten thousand posts).
    gc.freeze()
    command = wanted_commands(sys.argv[1:])
    if len(command) == 1 and command[0] in ENDS_AT_ONCE:
        # Nor are its objects freed one by one and its modules torn down (20 ms after a count
        # of ten thousand posts): once what it printed is out, the process ends here.
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            return code
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(entry())
