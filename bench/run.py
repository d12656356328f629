"""Time full builds of the same posts with trangxa-news and Material's blog plugin."""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import generate

BENCH_DIR = Path(__file__).resolve().parent
WORK_DIR = BENCH_DIR / ".work"
TOOLS = ("trangxa", "material")
GNU_TIME = Path("/usr/bin/time")
MATERIAL_MAX_DEFAULT = 3000
# The plugin's `url_prefix` default; generate.trangxa_config() leaves it unset.
TRANGXA_NEWS_PREFIX = "tin-tuc"
BUILD_TIMEOUT_S = 4 * 3600


@dataclass
class Measurement:
    """One build of one site: how long, how much memory, and whether its output is whole."""

    size: int
    tool: str
    wall_s: float
    cpu_s: float
    peak_mb: float
    ok: bool
    load_before: float = 0.0
    pages_found: int = 0
    missing_pages: list[str] = field(default_factory=list)
    sample_url: str = ""
    feed_note: str = ""
    error: str = ""


def nfc(text: str) -> str:
    """NFC form, so titles compare equal however they were composed."""
    return unicodedata.normalize("NFC", text)


def generator_fingerprint() -> str:
    """Hash of the generator's source, so cached sites follow changes to it."""
    return hashlib.sha256((BENCH_DIR / "generate.py").read_bytes()).hexdigest()[:12]


def cached_sites(size: int, seed: int) -> Path:
    """Directory holding both generated sites for this size and seed, generated if absent."""
    out = WORK_DIR / f"n{size}-s{seed}-{generator_fingerprint()}"
    if not (out / "posts.json").exists():
        print(f"Sinh {size} bài (seed {seed}) vào {out} ...", flush=True)
        generate.write_sites(out, size, seed)
    return out


def load_manifest(sites: Path) -> dict[str, Any]:
    """The generator's list of posts and the numbers both sites were configured with."""
    data: dict[str, Any] = json.loads((sites / "posts.json").read_text(encoding="utf-8"))
    return data


def build_env() -> dict[str, str]:
    """Environment for child builds: no end-of-life banner, unbuffered logs."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


@dataclass
class RunStats:
    """What one child process cost."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    returncode: int
    stderr_tail: str


def timed_run(command: Sequence[str], cwd: Path) -> RunStats:
    """Run a command; measure wall time, user+system CPU time and peak RSS."""
    if GNU_TIME.exists():
        stats = cwd.parent / f".time-v-{cwd.name}.txt"
        wrapped = [str(GNU_TIME), "-v", "-o", str(stats), *command]
    else:
        # A fresh interpreter per build, so RUSAGE_CHILDREN holds this build's peak only.
        probe = (
            "import resource, subprocess, sys;"
            "rc = subprocess.call(sys.argv[1:]);"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
            "sys.stderr.write('\\nPEAK_KB=%d CPU_S=%f\\n'"
            " % (u.ru_maxrss, u.ru_utime + u.ru_stime));"
            "sys.exit(rc)"
        )
        wrapped = [sys.executable, "-c", probe, *command]
    start = time.perf_counter()
    proc = subprocess.run(
        wrapped, cwd=cwd, env=build_env(), capture_output=True, text=True,
        timeout=BUILD_TIMEOUT_S, check=False,
    )
    wall = time.perf_counter() - start
    if GNU_TIME.exists():
        report = stats.read_text(encoding="utf-8", errors="replace")
        stats.unlink()
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
        user = re.search(r"User time \(seconds\): ([\d.]+)", report)
        system = re.search(r"System time \(seconds\): ([\d.]+)", report)
        cpu = float(user.group(1)) + float(system.group(1)) if user and system else float("nan")
    else:
        peak = re.search(r"PEAK_KB=(\d+)", proc.stderr)
        found = re.search(r"CPU_S=([\d.]+)", proc.stderr)
        cpu = float(found.group(1)) if found else float("nan")
    peak_mb = int(peak.group(1)) / 1024 if peak else float("nan")
    tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
    return RunStats(wall, cpu, peak_mb, proc.returncode, tail)


def page_heading(path: Path) -> tuple[str, str]:
    """The <title> text and the first <h1> text of a built page, unescaped and NFC."""
    text = path.read_text(encoding="utf-8", errors="replace")
    title = re.search(r"<title>(.*?)</title>", text, re.S)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S)

    def clean(match: re.Match[str] | None) -> str:
        if match is None:
            return ""
        return nfc(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip())

    return clean(title), clean(h1)


def iter_pages(site: Path) -> Iterator[Path]:
    """Every built HTML page of a site."""
    yield from sorted(site.rglob("index.html"))


def find_post_pages(site: Path, titles: Sequence[str]) -> dict[str, list[str]]:
    """Map each post title to the site-relative URLs of pages whose title or h1 is that title."""
    wanted = {nfc(t): t for t in titles}
    suffixes = tuple(f"{sep}{generate.SITE_NAME}" for sep in (" - ", " | ", " – "))
    found: dict[str, list[str]] = {t: [] for t in titles}
    for page in iter_pages(site):
        head, h1 = page_heading(page)
        for suffix in suffixes:
            head = head.removesuffix(suffix)
        match = wanted.get(head) or wanted.get(h1)
        if match is not None:
            url = page.parent.relative_to(site).as_posix() + "/"
            found[match].append(url)
    return found


def feed_items(path: Path) -> list[str]:
    """Item titles of an RSS 2.0 or Atom file, in document order; empty if it is neither."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return []
    atom = "{http://www.w3.org/2005/Atom}"
    if root.tag == "rss":
        return [nfc(item.findtext("title") or "") for item in root.iter("item")]
    if root.tag == f"{atom}feed":
        return [nfc(e.findtext(f"{atom}title") or "") for e in root.iter(f"{atom}entry")]
    return []


def trangxa_main_feed(site: Path) -> Path | None:
    """Where trangxa-news writes its site-wide feed: `<url_prefix>/rss.xml`."""
    main = site / TRANGXA_NEWS_PREFIX / "rss.xml"
    if main.exists():
        return main
    # Fall back to any feed near the top, so a moved feed is still found and named.
    for path in sorted(site.glob("*.xml")) + sorted(site.glob("*/*.xml")):
        if "sitemap" not in path.name and feed_items(path):
            return path
    return None


def check_feed(tool: str, site: Path, manifest: dict[str, Any]) -> tuple[bool, str]:
    """For trangxa, the main feed must hold exactly the newest `feed_items` posts."""
    if tool != "trangxa":
        return True, "không có (blog không tạo RSS nếu thiếu plugin rss)"
    feed = trangxa_main_feed(site)
    if feed is None:
        return False, "không tìm thấy tệp RSS"
    posts = sorted(manifest["posts"], key=lambda p: p["date"], reverse=True)
    expected = [nfc(p["title"]) for p in posts[: manifest["feed_items"]]]
    items = feed_items(feed)
    name = feed.relative_to(site).as_posix()
    if sorted(items) != sorted(expected):
        return False, f"{name}: {len(items)} mục, cần đúng {len(expected)} bài mới nhất"
    return True, f"{name}: {len(items)} mục"


def build_command(site_dir: Path) -> list[str]:
    """`mkdocs build -q -d <site>` with the interpreter running this script."""
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)]


def measure_build(size: int, tool: str, sites: Path, manifest: dict[str, Any]) -> Measurement:
    """Build one site from scratch and check every post got its page."""
    project = sites / tool
    site_dir = sites / f"site-{tool}"
    if site_dir.exists():
        shutil.rmtree(site_dir)
        # The file system frees the old pages' blocks in the background; let it finish before
        # the clock starts, so neither tool pays for the other's previous output.
        os.sync()
    load = os.getloadavg()[0]
    stats = timed_run(build_command(site_dir), project)
    result = Measurement(
        size, tool, stats.wall_s, stats.cpu_s, stats.peak_mb, stats.returncode == 0, load
    )
    if stats.returncode != 0:
        result.error = stats.stderr_tail or f"mã thoát {stats.returncode}"
        return result
    titles = [p["title"] for p in manifest["posts"]]
    found = find_post_pages(site_dir, titles)
    result.pages_found = sum(1 for urls in found.values() if urls)
    result.missing_pages = [t for t, urls in found.items() if not urls]
    result.sample_url = next((urls[0] for urls in found.values() if urls), "")
    feed_ok, result.feed_note = check_feed(tool, site_dir, manifest)
    result.ok = not result.missing_pages and feed_ok
    return result


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def post_source(tool: str, sites: Path, post: dict[str, Any]) -> Path:
    """The Markdown file of one post in one layout."""
    if tool == "material":
        return sites / "material" / "docs" / "blog" / "posts" / f"{post['slug']}.md"
    year = str(post["date"])[:4]
    return sites / "trangxa" / "posts" / year / f"{post['slug']}.md"


def measure_rebuild(
    tool: str, sites: Path, manifest: dict[str, Any], timeout: float, edits: int = 3
) -> list[float]:
    """Seconds from saving an edited post to `mkdocs serve` reloading browsers, per edit.

    Each edit touches a different post once the server has been quiet for two seconds (about
    the least a person takes between two saves); NaN for an edit the server never reloaded
    after.
    """
    command = [
        sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}",
    ]
    proc = subprocess.Popen(
        command, cwd=sites / tool, env=build_env(), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True,
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put((time.perf_counter(), line))

    threading.Thread(target=pump, daemon=True).start()

    def wait_for(marker: str, deadline: float, after: float = 0.0) -> float | None:
        while time.perf_counter() < deadline:
            try:
                stamp, line = lines.get(timeout=0.5)
            except queue.Empty:
                if proc.poll() is not None:
                    return None
                continue
            if marker in line and stamp >= after:
                return stamp
        return None

    def settle(quiet: float = 2.0) -> None:
        """Wait until the server has printed nothing for `quiet` seconds.

        A save can reach the watcher as two events and start a second rebuild; its reload
        line must not be taken for the next edit's.
        """
        while True:
            time.sleep(quiet)
            if lines.empty():
                return
            while not lines.empty():
                lines.get_nowait()

    posts = manifest["posts"]
    sources = [
        post_source(tool, sites, posts[(len(posts) * (k + 1)) // (edits + 1)]) for k in range(edits)
    ]
    originals = {source: source.read_bytes() for source in sources}
    seconds: list[float] = []
    try:
        if wait_for("Serving on", time.perf_counter() + BUILD_TIMEOUT_S) is None:
            return [float("nan")]
        for number, source in enumerate(sources, start=1):
            settle()
            edited = originals[source] + f"\nĐoạn bổ sung lần {number} để đo.\n".encode()
            saved = time.perf_counter()
            source.write_bytes(edited)
            reloaded = wait_for("Reloading browsers", saved + timeout, after=saved)
            seconds.append(float("nan") if reloaded is None else reloaded - saved)
            if reloaded is None:
                break
        return seconds
    finally:
        for source, original in originals.items():
            source.write_bytes(original)
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def fastest_of(results: list[Measurement]) -> Measurement:
    """The fastest run (the first failure if any run failed); other load only slows runs down."""
    failed = [r for r in results if not r.ok]
    if failed:
        return failed[0]
    return min(results, key=lambda r: r.wall_s)


def format_table(rows: list[Measurement], rebuilds: dict[tuple[int, str], float]) -> str:
    """Markdown table of the fastest runs, with trangxa/Material ratios of wall and CPU time."""
    lines = [
        "| bài | công cụ | thời gian (s) | CPU (s) | ms/bài | RSS đỉnh (MB) | trang bài "
        "| dựng lại (s) | trangxa/Material |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    by_key = {(r.size, r.tool): r for r in rows}
    for r in rows:
        ratio = ""
        material = by_key.get((r.size, "material"))
        if r.tool == "trangxa" and r.ok and material and material.ok:
            ratio = (
                f"{r.wall_s / material.wall_s:.2f} (CPU {r.cpu_s / material.cpu_s:.2f})"
            )
        rebuild = rebuilds.get((r.size, r.tool))
        rebuild_text = "" if rebuild is None else f"{rebuild:.1f}"
        if r.ok:
            lines.append(
                f"| {r.size} | {r.tool} | {r.wall_s:.1f} | {r.cpu_s:.1f} "
                f"| {1000 * r.wall_s / r.size:.1f} | {r.peak_mb:.0f} "
                f"| {r.pages_found}/{r.size} | {rebuild_text} | {ratio} |"
            )
        else:
            lines.append(
                f"| {r.size} | {r.tool} | lỗi | | | | {r.pages_found}/{r.size} | | |"
            )
    return "\n".join(lines)


def machine_note() -> str:
    """CPU count, memory, and the Python, MkDocs and Material versions in use."""
    from importlib.metadata import version

    mem = "?"
    meminfo = Path("/proc/meminfo")
    found = re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()) if meminfo.exists() else None
    if found:
        mem = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB"
    return (
        f"{os.cpu_count()} CPU, {mem} RAM, Python {sys.version.split()[0]}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description="Đo thời gian dựng trang: trangxa và Material.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=TOOLS)
    parser.add_argument("--repeat", type=int, default=1, help="số lần dựng mỗi trang")
    parser.add_argument(
        "--material-max", type=int, default=MATERIAL_MAX_DEFAULT,
        help="bỏ qua Material ở cỡ lớn hơn số này (mặc định 3000; 0 = không giới hạn)",
    )
    parser.add_argument(
        "--rebuild", action="store_true",
        help="đo thêm thời gian dựng lại trong mkdocs serve sau khi sửa một bài",
    )
    parser.add_argument("--rebuild-timeout", type=float, default=600.0)
    parser.add_argument(
        "--rebuild-edits", type=int, default=3,
        help="số lần sửa bài khi đo dựng lại; bảng lấy trung vị",
    )
    parser.add_argument("--json", type=Path, help="ghi kết quả thô ra tệp JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Generate (or reuse) each size, build both sites in turns, print the table."""
    args = parse_args(argv)
    tools = [args.only] if args.only else list(TOOLS)
    fastest: list[Measurement] = []
    rebuilds: dict[tuple[int, str], float] = {}
    all_runs: list[Measurement] = []
    print(machine_note(), flush=True)
    for size in args.sizes:
        sites = cached_sites(size, args.seed)
        manifest = load_manifest(sites)
        size_tools = [
            t for t in tools
            if not (t == "material" and args.material_max and size > args.material_max
                    and args.only != "material")
        ]
        runs: dict[str, list[Measurement]] = {t: [] for t in size_tools}
        for round_no in range(args.repeat):
            # Alternate the order so neither tool always runs with a warmer cache.
            order = size_tools if round_no % 2 == 0 else size_tools[::-1]
            for tool in order:
                result = measure_build(size, tool, sites, manifest)
                runs[tool].append(result)
                all_runs.append(result)
                status = "đạt" if result.ok else "LỖI"
                print(
                    f"  {size} bài, {tool}: {result.wall_s:.1f} s, CPU {result.cpu_s:.1f} s, "
                    f"{result.peak_mb:.0f} MB, tải trước đó {result.load_before:.1f}, "
                    f"{result.pages_found}/{size} trang bài, {status}"
                    + (f" — {result.feed_note}" if result.feed_note else ""),
                    flush=True,
                )
                if result.missing_pages:
                    print(f"    thiếu trang, ví dụ: {result.missing_pages[:3]}", flush=True)
                if result.error:
                    print("    " + result.error.replace("\n", "\n    "), flush=True)
        for tool in size_tools:
            fastest.append(fastest_of(runs[tool]))
            if args.rebuild:
                each = measure_rebuild(
                    tool, sites, manifest, args.rebuild_timeout, args.rebuild_edits
                )
                rebuilds[(size, tool)] = statistics.median(each)
                listed = ", ".join(f"{value:.2f}" for value in each)
                print(f"  {size} bài, {tool}: dựng lại sau mỗi lần sửa một bài: {listed} s")
    print()
    print(format_table(fastest, rebuilds))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": machine_note(), "runs": [asdict(r) for r in all_runs],
                 "rebuilds": {f"{s}-{t}": v for (s, t), v in rebuilds.items()}},
                ensure_ascii=False, indent=1,
            ),
            encoding="utf-8",
        )
    return 0 if all(r.ok for r in fastest) else 1


if __name__ == "__main__":
    sys.exit(main())
