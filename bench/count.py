"""Time `trangxa count --period 2024 --format json` on a generated site: first run, then again.

The first run starts without `.cache/` (a fresh checkout); the repeated run reads the memo the
first one left. The runs count in a copy of the generated site, which stays as generated for
the other benchmarks. An untimed run first leaves Python's compiled modules in place, as any
earlier command would on a staff machine. Each run is a new process, timed by wall clock and by CPU
(user + system, the second reading process included). The machine may be shared, so every
round is kept with the load average before it, and the table gives medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import run

COMMAND = ("count", "--period", "2024", "--format", "json", "--as-of", "2025-06-30")


@dataclass
class Timing:
    """One run of the command."""

    kind: str
    wall_s: float
    cpu_s: float
    load: float


def trangxa_command() -> list[str]:
    """The trangxa of the interpreter running the benchmark."""
    script = Path(sys.executable).with_name("trangxa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "trangxa"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def count_env() -> dict[str, str]:
    """The environment of each run: Python's compiled modules kept, as on a staff machine.

    A shell with PYTHONDONTWRITEBYTECODE set would have every run compile trangxa's modules
    again (about 0.1 s); they are kept under bench/.work instead of beside the sources.
    """
    env = run.build_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(__file__).parent / ".work" / "pycache")
    return env


def timed(kind: str, site: Path) -> tuple[Timing, str]:
    load = os.getloadavg()[0]
    cpu_before = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [*trangxa_command(), *COMMAND],
        cwd=site,
        env=count_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"trangxa count thất bại:\n{done.stderr}")
    return Timing(kind, wall, children_cpu() - cpu_before, load), done.stdout


def median_of(timings: list[Timing], kind: str, field: str) -> float:
    return statistics.median(getattr(t, field) for t in timings if t.kind == kind)


def vn(seconds: float) -> str:
    """Seconds as the README writes them: 0,84."""
    return f"{seconds:.2f}".replace(".", ",")


def format_table(timings: list[Timing], posts: int) -> str:
    """Markdown table of the medians, every run and the load before it."""
    size = f"{posts:,}".replace(",", ".")
    lines = [
        f"`trangxa {' '.join(COMMAND)}`, {size} bài",
        "",
        "| lần chạy | thời gian, trung vị (s) | các lần (s) | CPU, trung vị (s) | tải trước mỗi lần |",
        "|---|---:|---|---:|---|",
    ]
    for kind, name in (("first", "lần đầu (chưa có .cache/)"), ("again", "lần sau")):
        rows = [t for t in timings if t.kind == kind]
        walls = " · ".join(vn(t.wall_s) for t in rows)
        loads = " · ".join(f"{t.load:.1f}".replace(".", ",") for t in rows)
        wall = vn(median_of(timings, kind, "wall_s"))
        cpu = vn(median_of(timings, kind, "cpu_s"))
        lines.append(f"| {name} | {wall} | {walls} | {cpu} | {loads} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo thời gian trangxa count lần đầu và lần sau.")
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="số vòng (lần đầu + lần sau)")
    parser.add_argument("--json", type=Path, help="ghi mọi lần chạy ra tệp JSON")
    args = parser.parse_args(argv)
    generated = run.cached_sites(args.posts, args.seed) / "trangxa"
    with tempfile.TemporaryDirectory(prefix="trangxa-count-") as work:
        timings = measure(working_copy(generated, Path(work)), args.repeat)
    print()
    print(format_table(timings, args.posts))
    print(f"\n{run.machine_note()}")
    if args.json:
        args.json.write_text(json.dumps([asdict(t) for t in timings], indent=2), encoding="utf-8")
    return 0


def working_copy(generated: Path, work: Path) -> Path:
    """The generated site copied into work, without any .cache/: counts write theirs there."""
    site = work / generated.name
    shutil.copytree(generated, site, ignore=shutil.ignore_patterns(".cache"))
    return site


def measure(site: Path, repeat: int) -> list[Timing]:
    """Rounds of a first run and a repeated one, printed as they come."""
    # One run not timed, so every timed one finds the compiled modules in place.
    timed("warm-up", site)
    timings: list[Timing] = []
    for _ in range(repeat):
        shutil.rmtree(site / ".cache", ignore_errors=True)
        first, first_out = timed("first", site)
        again, again_out = timed("again", site)
        if json.loads(first_out) != json.loads(again_out):
            raise SystemExit("Lần đầu và lần sau cho số liệu khác nhau.")
        timings += [first, again]
        print(
            f"lần đầu {first.wall_s:.2f} s (CPU {first.cpu_s:.2f}), lần sau {again.wall_s:.2f} s "
            f"(CPU {again.cpu_s:.2f}), tải {first.load:.1f}",
            flush=True,
        )
    return timings


if __name__ == "__main__":
    sys.exit(main())
