"""Search and first view on a low-end phone: trangxa beside Material's blog, in headless Chromium.

For each size the generated sites (see run.py) are built, then served one at a time and loaded
in Chromium emulating a cheap phone: CPU slowed 4x, 1.6 Mbit/s down, 150 ms latency, 375 px
wide, empty cache. For each query of QUERIES the home page is loaded, the query typed into the
header's search box, and two figures read: the time from the first key press to the first
result drawn, and the bytes the server sent for the search (its scripts and index, while the
page loaded and after typing; text is sent gzip-compressed, as a web server would). For trangxa the Largest Contentful Paint of the home page, a
post, the procedures index and a procedure is read too.

    .venv/bin/python bench/phone.py --sizes 3000 10000
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR.parent / "tests" / "browser"))

import run  # noqa: E402
from harness import start_chromium  # noqa: E402

# What citizens type, with and without marks, and a procedure code.
QUERIES = ("cai cach hanh chinh", "đăng ký khai sinh", "dang ky ket hon", "lễ hội", "1.001193")
# Words only in the text of the generated posts, never in a title or a summary's opening: a
# word in about two posts of five ("otp"), one typed without marks ("phan bon"), a number
# written in a few posts ("2.046").
BODY_QUERIES = ("otp", "phan bon", "2.046")
PHONE_WIDTH = 375
PHONE_HEIGHT = 740
CPU_SLOWDOWN = 4
DOWN_BYTES_PER_S = 1_600_000 / 8
UP_BYTES_PER_S = 750_000 / 8
LATENCY_MS = 150
# The longest wait for results or a page; Material's search at 3,000 posts takes minutes.
SEARCH_TIMEOUT_S = 180.0
# Paths the search box fetches: Material's worker and index, lunr, Pagefind.
SEARCH_PATHS = (
    "/assets/javascripts/workers/",
    "/search/",
    "/assets/javascripts/lunr/",
    "/pagefind/",
)


class _Log:
    """Bytes the server sent, with the path and the time sent."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[float, str, int]] = []

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((time.monotonic(), path, size))

    def since(self, start: float) -> list[tuple[float, str, int]]:
        with self.lock:
            return [entry for entry in self.sent if entry[0] >= start]


# What the search worker fetches itself. Chromium's network emulation, set on the page, does not
# slow a worker's requests (a 316 KB file: 1.75 s fetched by the page, 0.01 s by a worker), so
# the server sends these at the phone's speed and latency itself.
WORKER_PATHS = ("/pagefind/", "/pagefind-body/", "/search-titles/", "/assets/javascripts/lunr/")
# Bytes written at a time when sending at the phone's speed.
PACE_BYTES = 8192


class _Link:
    """The phone's one download link: requests wait their latency, then share its speed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free_at = 0.0

    def wait_latency(self) -> None:
        time.sleep(LATENCY_MS / 1000)

    def send(self, data: bytes, outputfile: Any) -> None:
        for start in range(0, len(data), PACE_BYTES):
            piece = data[start : start + PACE_BYTES]
            with self.lock:
                begin = max(time.monotonic(), self.free_at)
                self.free_at = begin + len(piece) / DOWN_BYTES_PER_S
                done = self.free_at
            time.sleep(max(0.0, done - time.monotonic()))
            outputfile.write(piece)


# Text a web server compresses, as nginx or Apache set up for a site would.
COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml")


class _CountingHandler(SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, counting the bytes sent."""

    log_of_server: _Log
    link: _Link

    def throttled(self) -> bool:
        return self.path.startswith(WORKER_PATHS)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        if self.throttled():
            self.link.wait_latency()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wanted and path.is_file() and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        start = source.tell()
        if self.throttled():
            self.link.send(source.read(), outputfile)
        else:
            super().copyfile(source, outputfile)
        self.log_of_server.add(self.path.split("?")[0], source.tell() - start)


@contextmanager
def serve(folder: Path) -> Iterator[tuple[str, _Log]]:
    """Serve a built site on 127.0.0.1, counting what it sends."""
    log = _Log()
    handler = type("Handler", (_CountingHandler,), {"log_of_server": log, "link": _Link()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/", log
    finally:
        server.shutdown()
        server.server_close()


def phone(driver: webdriver.Chrome) -> None:
    """Emulate the phone: narrow screen, slow CPU, slow network, nothing cached."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PHONE_WIDTH, "height": PHONE_HEIGHT, "deviceScaleFactor": 2, "mobile": True},
    )
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": DOWN_BYTES_PER_S,
            "uploadThroughput": UP_BYTES_PER_S,
        },
    )


_WATCH_RESULTS = """
window.__firstResult = null;
window.__typed = null;
window.__done = null;
// The worker may answer a query twice, first from titles, then from the posts' text: the
// answer is whole when every query sent is answered and the last answer is not `pending`.
const watch = {sent: 0, answered: 0, listening: false};
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  if (message && typeof message.data === "string") {
    watch.sent += 1;
    window.__done = null;
    if (!watch.listening) {
      watch.listening = true;
      this.addEventListener("message", (event) => {
        const data = event.data && event.data.data;
        if (!data || !Array.isArray(data.items)) return;
        watch.answered += 1;
        if (watch.answered >= watch.sent && !data.pending) {
          // Material draws the list on the same message; read the time once it has.
          setTimeout(() => { window.__done = performance.now(); }, 0);
        }
      });
    }
  }
  return post.call(this, message, ...rest);
};
const box = document.querySelector("input[data-md-component='search-query']");
box.addEventListener("keydown", () => { if (window.__typed === null) window.__typed = performance.now(); });
const list = document.querySelector(".md-search-result__list");
new MutationObserver(() => {
  if (window.__firstResult === null && list.querySelector(".md-search-result__item")) {
    window.__firstResult = performance.now();
  }
}).observe(list, {childList: true, subtree: true});
"""


@dataclass
class SearchRun:
    """One query on one site: to the first results drawn, and to the whole answer."""

    query: str
    seconds: float | None
    search_bytes: int
    results: int
    # The whole answer: with the posts found in their text, when the worker asked for them.
    whole_seconds: float | None = None
    whole_bytes: int = 0


def search_once(
    driver: webdriver.Chrome, base: str, log: _Log, query: str, pause: float = 0.0
) -> SearchRun:
    """Load the home page, open the search box, wait pause seconds, type the query, time the
    first result from the first key and count the bytes."""
    # Each query starts cold, as for a citizen opening the site for the first time.
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    loading = time.monotonic()
    driver.get(base)
    driver.execute_script(_WATCH_RESULTS)
    typed = time.monotonic()
    # On a phone the box opens from the magnifier button in the header.
    driver.find_element(By.CSS_SELECTOR, "header label[for='__search']").click()
    box = driver.find_element(By.CSS_SELECTOR, "input[data-md-component='search-query']")
    WebDriverWait(driver, 10).until(lambda d: box.is_displayed())
    # A citizen reads the box a moment before the first key; the index loads meanwhile.
    time.sleep(pause)
    box.send_keys(query)
    seconds: float | None = None
    whole: float | None = None
    first_seen = time.monotonic()
    try:
        WebDriverWait(driver, SEARCH_TIMEOUT_S, poll_frequency=0.1).until(
            lambda d: d.execute_script("return window.__firstResult !== null")
        )
        first_seen = time.monotonic()
        start, end = driver.execute_script("return [window.__typed, window.__firstResult]")
        seconds = (end - start) / 1000
        WebDriverWait(driver, SEARCH_TIMEOUT_S, poll_frequency=0.1).until(
            lambda d: d.execute_script("return window.__done !== null")
        )
        start, end = driver.execute_script("return [window.__typed, window.__done]")
        whole = (end - start) / 1000
        # Answers to later key presses may still be fetching; let them finish for the count.
        time.sleep(1.0)
    except TimeoutException:
        pass
    results = int(
        driver.execute_script("return document.querySelectorAll('.md-search-result__item').length")
    )
    sent = [
        (when, path, size)
        for when, path, size in log.since(loading)
        if when >= typed or path.startswith(SEARCH_PATHS)
    ]
    if os.environ.get("BENCH_PHONE_PATHS"):
        print(sent)
    # What was sent before the first results were seen on screen is what they cost.
    first = sum(size for when, _, size in sent if when <= first_seen or seconds is None)
    return SearchRun(query, seconds, first, results, whole, sum(size for _, _, size in sent))


_LCP = """
const done = arguments[arguments.length - 1];
let last = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) last = entry;
}).observe({type: "largest-contentful-paint", buffered: true});
setTimeout(() => done(last && {time: last.startTime, element: last.element ? last.element.tagName + "." + last.element.className : ""}), 1500);
"""


def lcp(driver: webdriver.Chrome, url: str) -> dict[str, Any]:
    """Largest Contentful Paint of a page loaded afresh, in seconds, and what it painted."""
    driver.get(url)
    found: dict[str, Any] | None = driver.execute_async_script(_LCP)
    if not found:
        return {"seconds": None, "element": ""}
    return {"seconds": round(found["time"] / 1000, 2), "element": found["element"]}


@dataclass
class SiteResult:
    """Everything measured on one built site."""

    size: int
    tool: str
    runs: list[SearchRun] = field(default_factory=list)
    lcp: dict[str, dict[str, Any]] = field(default_factory=dict)


def lcp_pages(site: Path, manifest: dict[str, Any]) -> dict[str, str]:
    """The pages whose first view is measured, as addresses below the site root."""
    pages = {"trang chủ": ""}
    newest = max(manifest["posts"], key=lambda p: p["date"])
    found = run.find_post_pages(site, [newest["title"]])
    [url, *_] = found[newest["title"]]
    pages["một bài"] = url
    if (site / "thu-tuc/index.html").is_file():
        pages["danh mục thủ tục"] = "thu-tuc/"
        pages["một thủ tục"] = "thu-tuc/ho-tich/dang-ky-khai-sinh/"
    return pages


def measure_site(
    size: int,
    tool: str,
    site: Path,
    manifest: dict[str, Any],
    queries: tuple[str, ...],
    pause: float = 0.0,
) -> SiteResult:
    """The queries, then the first views, on a fresh browser for this site."""
    result = SiteResult(size, tool)
    with serve(site) as (base, log), tempfile.TemporaryDirectory() as profile:
        driver = start_chromium(Path(profile))
        driver.set_page_load_timeout(SEARCH_TIMEOUT_S)
        driver.set_script_timeout(SEARCH_TIMEOUT_S)
        try:
            phone(driver)
            for query in queries:
                found = search_once(driver, base, log, query, pause)
                print(f"  {size} {tool} {query!r}: {found}", flush=True)
                result.runs.append(found)
            if tool == "trangxa":
                for name, url in lcp_pages(site, manifest).items():
                    result.lcp[name] = lcp(driver, base + url)
                    print(f"  {size} {tool} LCP {name}: {result.lcp[name]}", flush=True)
        finally:
            driver.quit()
    return result


def built_site(size: int, tool: str, sites: Path, manifest: dict[str, Any], reuse: bool) -> Path:
    """The built site, built now unless reuse is asked and a build is there."""
    site = sites / f"site-{tool}"
    if reuse and (site / "index.html").is_file():
        return site
    started = time.monotonic()
    measured = run.measure_build(size, tool, sites, manifest)
    if not measured.ok:
        raise SystemExit(f"Dựng {tool} {size} bài lỗi: {measured.error}")
    print(f"  dựng {tool} {size} bài: {time.monotonic() - started:.0f} s", flush=True)
    return site


def summary(result: SiteResult) -> str:
    """One table row: median and worst time to first results, bytes of the first query."""
    times = [r.seconds for r in result.runs if r.seconds is not None]
    missed = len(result.runs) - len(times)
    median = f"{statistics.median(times):.1f}".replace(".", ",") if times else "–"
    worst = f"{max(times):.1f}".replace(".", ",") if times else "–"
    if missed:
        worst = f"> {SEARCH_TIMEOUT_S:.0f} ({missed} truy vấn)"
    kilobytes = max(r.search_bytes for r in result.runs) / 1000
    first = result.runs[0].search_bytes / 1000
    return (
        f"| {result.size:,} | {result.tool} | {median} | {worst} | "
        f"{first:,.0f} | {kilobytes:,.0f} |".replace(",", ".")
    )


def _figure(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}".replace(".", ",")


def query_rows(result: SiteResult) -> list[str]:
    """One row per query: first results and the whole answer, time and bytes of each."""
    return [
        f"| {result.size} | {run.query} | {_figure(run.seconds)} | "
        f"{_figure(run.search_bytes / 1000, 0)} | {_figure(run.whole_seconds)} | "
        f"{_figure(run.whole_bytes / 1000, 0)} | {run.results} |"
        for run in result.runs
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=run.TOOLS)
    parser.add_argument("--material-queries", type=int, default=1, help="số truy vấn đo ở Material")
    parser.add_argument("--reuse", action="store_true", help="dùng trang đã dựng nếu có")
    parser.add_argument("--queries", nargs="+", help="chỉ đo các truy vấn này ở trangxa")
    parser.add_argument("--json", type=Path, help="ghi mọi số đo ra tệp")
    parser.add_argument(
        "--pause-before-typing",
        type=float,
        default=0.0,
        metavar="GIÂY",
        help="chờ chừng ấy giây giữa lúc mở ô tìm kiếm và phím đầu (mặc định 0: gõ ngay)",
    )
    args = parser.parse_args(argv)
    if shutil.which("chromedriver") is None and not Path("/usr/bin/chromedriver").exists():
        raise SystemExit("Cần Chromium và chromedriver: chạy `bash scripts/test.sh`.")
    print(f"Tải trung bình một phút: {os.getloadavg()[0]:.2f}", flush=True)
    results: list[SiteResult] = []
    for size in args.sizes:
        sites = run.cached_sites(size, args.seed)
        manifest = run.load_manifest(sites)
        for tool in [args.only] if args.only else list(run.TOOLS):
            site = built_site(size, tool, sites, manifest, args.reuse)
            # Material's box downloads and indexes its whole index before any query: one query
            # shows that, and each costs minutes at these sizes.
            every = tuple(args.queries) if args.queries else QUERIES + BODY_QUERIES
            queries = every if tool == "trangxa" else QUERIES[: args.material_queries]
            results.append(
                measure_site(size, tool, site, manifest, queries, args.pause_before_typing)
            )
    print("\n| bài | công cụ | trung vị (s) | chậm nhất (s) | KB truy vấn đầu | KB nhiều nhất |")
    print("|---:|---|---:|---:|---:|---:|")
    for result in results:
        print(summary(result))
    print(
        "\n| bài | truy vấn | kết quả đầu (s) | KB đến kết quả đầu | trọn (s) | KB trọn | kết quả |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    for result in results:
        if result.tool == "trangxa":
            print("\n".join(query_rows(result)))
    for result in results:
        for name, found in result.lcp.items():
            print(f"LCP {result.size} {name}: {found['seconds']} s ({found['element']})")
    if args.json:
        args.json.write_text(
            json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1), "utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
