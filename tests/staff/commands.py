"""Run the `trangxa` command as staff do: a separate process, on a console of a chosen encoding."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# What a Windows console (cp1258 is Windows' Vietnamese code page) or a bare server gives.
CONSOLES = {
    "cp1258": {"PYTHONIOENCODING": "cp1258"},
    "lang-c": {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": ""},
    "ascii": {"PYTHONIOENCODING": "ascii"},
    # A locale without Vietnamese letters and no code page chosen: the file gets UTF-8.
    "redirected": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
}


@dataclass
class Run:
    """Exit code and raw output of one command."""

    code: int
    stdout: bytes
    stderr: bytes
    encoding: str

    @property
    def out(self) -> str:
        """Standard output as the console shows it."""
        return self.stdout.decode(self.encoding)

    @property
    def err(self) -> str:
        """Standard error as the console shows it."""
        return self.stderr.decode(self.encoding)


def console_env(console: str) -> dict[str, str]:
    """The environment of a process started on that console."""
    env = dict(os.environ)
    for key, value in CONSOLES[console].items():
        if value:
            env[key] = value
        else:
            env.pop(key, None)
    if "PYTHONUTF8" not in CONSOLES[console]:
        env.pop("PYTHONUTF8", None)
    return env


def console_encoding(console: str) -> str:
    """How the console reads the bytes the command writes."""
    # Under LANG=C Python switches to UTF-8 by itself (PEP 538/540).
    return {"cp1258": "cp1258", "lang-c": "utf-8", "ascii": "ascii", "redirected": "utf-8"}[console]


def trangxa(*args: str, cwd: Path, console: str = "cp1258", timeout: float = 240) -> Run:
    """`python -m trangxa ARGS` in cwd, output captured as bytes."""
    done = subprocess.run(
        [sys.executable, "-m", "trangxa", *args],
        cwd=cwd,
        env=console_env(console),
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr, console_encoding(console))


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    """A running `trangxa serve` and the address it printed."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path
    encoding: str

    def output(self) -> str:
        """Everything it printed so far, as the console shows it."""
        return self.log.read_bytes().decode(self.encoding, errors="replace")


@contextmanager
def serving(
    project: Path, console: str = "cp1258", timeout: float = 240, tool: str = "trangxa"
) -> Iterator[Server]:
    """`trangxa serve` (or `mkdocs serve`) on a free port, stopped with Ctrl+C at the end."""
    port = free_port()
    log = project.parent / f"serve-{port}.log"
    # Ctrl+C must reach the server as it does from a terminal. A test run started in the
    # background of a shell has SIGINT ignored, and an ignored signal stays ignored in every
    # program started after; a handled one goes back to its default there.
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", tool, "serve", "-a", f"127.0.0.1:{port}"],
                cwd=project,
                env=console_env(console),
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
    finally:
        signal.signal(signal.SIGINT, inherited)
    server = Server(process, f"http://127.0.0.1:{port}/", log, console_encoding(console))
    try:
        deadline = time.monotonic() + timeout
        while server.url not in server.output():
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"trangxa serve did not start:\n{server.output()}")
            time.sleep(0.2)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
