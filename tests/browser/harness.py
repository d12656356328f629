"""Plain helpers that build, serve and check a site in headless Chromium."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from pypdf import PdfReader
from selenium import webdriver
from selenium.common.exceptions import WebDriverException

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL_HINT = "Chạy `bash scripts/test.sh` (cài Chromium, Java và công cụ npm) rồi thử lại."

# Fixed so every run sees the same layout; 375 px checks override it per page.
WINDOW_WIDTH = 1280
WINDOW_HEIGHT = 900
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
# A4 (210 x 297 mm) in inches, the unit Page.printToPDF takes.
A4_WIDTH_IN = 210 / 25.4
A4_HEIGHT_IN = 297 / 25.4


class HarnessError(RuntimeError):
    """A tool the browser tests rely on is missing or failed to run."""


def require_file(path: Path, what: str) -> Path:
    """Return the path, or raise with an install hint when it does not exist."""
    if not path.is_file():
        raise HarnessError(f"Không tìm thấy {what} tại {path}. {INSTALL_HINT}")
    return path


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Build a site with `mkdocs build --strict` and return the built folder."""
    require_file(config_file, "tệp cấu hình MkDocs")
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(config_file),
        "-d",
        str(site_dir),
    ]
    result = subprocess.run(
        command,
        cwd=config_file.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise HarnessError(
            f"`{' '.join(command)}` thất bại (mã {result.returncode}):\n{result.stdout}"
        )
    return site_dir


# The longest a held request waits, so that a failed test never leaves a server thread behind.
HELD_SECONDS = 60


@dataclass
class Held:
    """Requests whose path starts with one of `prefixes` are answered once `released` is set."""

    prefixes: tuple[str, ...]
    released: threading.Event = field(default_factory=threading.Event)


class _QuietHandler(SimpleHTTPRequestHandler):
    # Chromium opens sockets ahead of need and may never send a request on them; a handler
    # thread waiting on such a socket gives up after this many seconds, so it can be joined.
    timeout = 2

    # Where the paths asked are noted, when a test wants them.
    seen: list[str] | None = None
    # Requests a test holds back for a while.
    held: Held | None = None

    def log_message(self, format: str, *args: Any) -> None:
        # Request lines would drown pytest's own output.
        pass

    def send_head(self) -> Any:
        path = urlparse(self.path).path
        if self.seen is not None:
            self.seen.append(path)
        if self.held is not None and path.startswith(self.held.prefixes):
            self.held.released.wait(HELD_SECONDS)
        return super().send_head()


@contextmanager
def serve_folder(
    folder: Path, seen: list[str] | None = None, held: Held | None = None
) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 and yield its base URL; note paths asked in seen,
    and answer the requests `held` names only once it is released."""
    attributes = {"seen": seen, "held": held}
    handler = partial(type("Handler", (_QuietHandler,), attributes), directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # Request threads are tracked and joined by server_close(): tests that fork a second
    # process afterwards (tests/news/test_two_processes.py) need no other thread running.
    server.daemon_threads = False
    server.block_on_close = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        if held is not None:
            held.released.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def start_chromium(user_data_dir: Path) -> webdriver.Chrome:
    """Start headless Chromium through chromedriver with a fresh profile."""
    require_file(CHROMIUM, "Chromium")
    require_file(CHROMEDRIVER, "chromedriver")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={user_data_dir}")
    options.add_argument(f"--window-size={WINDOW_WIDTH},{WINDOW_HEIGHT}")
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    try:
        driver = webdriver.Chrome(options=options, service=service)
    except WebDriverException as error:
        raise HarnessError(f"Không khởi động được Chromium: {error.msg}. {INSTALL_HINT}") from error
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    keep_to_local_server(driver)
    return driver


def keep_to_local_server(driver: webdriver.Chrome) -> None:
    """Refuse every http(s) request except to 127.0.0.1, so pages never wait on the Internet."""
    # The first matching pattern wins; data: URLs (Material's icons) match none.
    patterns = [
        {"urlPattern": "http://127.0.0.1:*/*", "block": False},
        {"urlPattern": "http://*", "block": True},
        {"urlPattern": "https://*", "block": True},
    ]
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urlPatterns": patterns})


_OUTSIDE_RESOURCES = """
const here = location.origin;
const urls = new Set(performance.getEntriesByType("resource").map((entry) => entry.name));
const loaded = "script[src], img[src], iframe[src], source[src], video[src], audio[src], "
  + "link[rel~=stylesheet], link[rel~=preconnect], link[rel~=preload], link[rel~=icon], "
  + "link[rel~=modulepreload], link[rel~=dns-prefetch], link[rel~=manifest]";
for (const element of document.querySelectorAll(loaded)) {
  urls.add(element.src || element.href);
}
return [...urls].filter((url) => {
  const target = new URL(url, location.href);
  return target.protocol.startsWith("http") && target.origin !== here;
}).sort();
"""


def outside_resources(driver: webdriver.Chrome, url: str) -> list[str]:
    """Load a page and list what it fetches, or asks the browser to fetch, from other sites."""
    driver.get(url)
    found: list[str] = driver.execute_script(_OUTSIDE_RESOURCES)
    return found


def run_axe(driver: webdriver.Chrome, url: str) -> list[dict[str, Any]]:
    """Load a page, run axe-core on it and return its violations."""
    source = require_file(AXE_SCRIPT, "axe-core").read_text(encoding="utf-8")
    driver.get(url)
    driver.execute_script(source)
    outcome = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ["violations"]})
          .then((results) => done({violations: results.violations}))
          .catch((error) => done({error: String(error)}));
        """
    )
    if "error" in outcome:
        raise HarnessError(f"axe-core lỗi trên {url}: {outcome['error']}")
    violations: list[dict[str, Any]] = outcome["violations"]
    return violations


def describe_violations(violations: Sequence[dict[str, Any]]) -> str:
    """One readable line per axe violation and the elements it names."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({len(targets)} phần tử: {'; '.join(targets[:5])})"
        )
    return "\n".join(lines)


def run_vnu(paths: Sequence[Path]) -> list[dict[str, Any]]:
    """Check HTML files with the Nu Html Checker in one run; return its error messages."""
    if not paths:
        raise HarnessError("Không có tệp HTML nào để kiểm tra bằng vnu.")
    jar = require_file(VNU_JAR, "vnu.jar")
    java = shutil.which("java")
    if java is None:
        raise HarnessError(f"Không tìm thấy lệnh java. {INSTALL_HINT}")
    command = [
        java,
        "-jar",
        str(jar),
        "--format",
        "json",
        "--errors-only",
        "--stdout",
        *map(str, paths),
    ]
    # vnu exits 1 whenever it reports an error, so the JSON decides, not the code.
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        raise HarnessError(
            f"vnu không trả về JSON (mã {result.returncode}):\n{result.stdout}{result.stderr}"
        ) from error
    messages: list[dict[str, Any]] = report["messages"]
    return messages


def vnu_messages_for(messages: Sequence[dict[str, Any]], path: Path) -> list[dict[str, Any]]:
    """The vnu messages that concern one file."""
    return [m for m in messages if _file_url_path(m.get("url", "")) == path.resolve()]


def _file_url_path(url: str) -> Path | None:
    if not url.startswith("file:"):
        return None
    return Path(unquote(urlparse(url).path)).resolve()


def vnu_messages_by_file(messages: Sequence[dict[str, Any]]) -> dict[Path, list[dict[str, Any]]]:
    """vnu messages grouped by the file they concern."""
    grouped: dict[Path, list[dict[str, Any]]] = {}
    for message in messages:
        path = _file_url_path(message.get("url", ""))
        if path is not None:
            grouped.setdefault(path, []).append(message)
    return grouped


def describe_vnu(messages: Sequence[dict[str, Any]]) -> str:
    """One readable line per vnu message."""
    return "\n".join(
        f"dòng {m.get('lastLine', '?')}, cột {m.get('firstColumn', '?')}: {m.get('message')}"
        f" — {m.get('extract', '').strip()!r}"
        for m in messages
    )


@dataclass(frozen=True)
class ScrollWidth:
    """How wide a page's content is against its viewport."""

    scroll_width: int
    client_width: int
    too_wide: tuple[str, ...]

    @property
    def scrolls_sideways(self) -> bool:
        """True when the page can be scrolled horizontally."""
        return self.scroll_width > self.client_width


_MEASURE_WIDTH = """
const root = document.documentElement;
const limit = root.clientWidth;
const tooWide = [];
// Content inside its own scrolling box (a wide table's wrapper) does not move the page.
const clipped = (element) => {
  for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
    if (getComputedStyle(up).overflowX !== "visible") return true;
  }
  return false;
};
if (root.scrollWidth > limit) {
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > limit + 1 && !clipped(element)) {
      const id = element.id ? "#" + element.id : "";
      const cls = typeof element.className === "string" && element.className.trim()
        ? "." + element.className.trim().split(/\\s+/).join(".") : "";
      tooWide.push(element.tagName.toLowerCase() + id + cls + " (" + Math.round(box.right) + "px)");
    }
  }
}
return [root.scrollWidth, limit, tooWide.slice(0, 10)];
"""


def page_scroll_width(driver: webdriver.Chrome, url: str, width: int = 375) -> ScrollWidth:
    """Load a page in a phone-sized viewport and measure its width."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 812, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        driver.get(url)
        scroll, client, too_wide = driver.execute_script(_MEASURE_WIDTH)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return ScrollWidth(int(scroll), int(client), tuple(too_wide))


def print_to_pdf(driver: webdriver.Chrome, url: str) -> bytes:
    """Load a page and print it to an A4 PDF as the browser's print dialog would."""
    driver.get(url)
    result = driver.execute_cdp_cmd(
        "Page.printToPDF",
        {
            "paperWidth": A4_WIDTH_IN,
            "paperHeight": A4_HEIGHT_IN,
            "printBackground": True,
            "preferCSSPageSize": False,
        },
    )
    return base64.b64decode(result["data"])


def pdf_page_count(pdf: bytes) -> int:
    """Number of pages in a PDF."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of each PDF page, in points."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in pages]


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF, NFC-normalised so it compares with page text."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return unicodedata.normalize("NFC", text)


def site_config_path() -> Path:
    """The MkDocs config to build: TRANGXA_SITE_CONFIG if set, else the repository's."""
    override = os.environ.get("TRANGXA_SITE_CONFIG")
    return Path(override).resolve() if override else REPO_ROOT / "mkdocs.yml"


_FAILED_RESOURCES = """
const done = arguments[arguments.length - 1];
// Material fetches some files after the load event; give them time to answer.
setTimeout(() => done(performance.getEntriesByType("resource")
  .filter((entry) => entry.responseStatus >= 400)
  .map((entry) => `${entry.name} (${entry.responseStatus})`)), 1500);
"""


def failed_requests(driver: webdriver.Chrome, url: str) -> list[str]:
    """Load a page and list the requests that failed: error answers and network errors."""
    driver.get_log("browser")  # Drop what earlier pages logged.
    driver.get(url)
    failed: list[str] = driver.execute_async_script(_FAILED_RESOURCES)
    for entry in driver.get_log("browser"):
        if entry.get("source") == "network":
            failed.append(str(entry["message"]))
    return sorted(set(failed))


_HIDDEN_SIDEWAYS = """
const article = document.querySelector(".md-content article");
// Material lets tables reach the screen's edges on phones; past the screen is what is hidden.
const edge = document.documentElement.clientWidth + 1;
const clipped = (el) => {
  for (let up = el.parentElement; up && up !== article; up = up.parentElement) {
    const style = getComputedStyle(up);
    if (style.overflow === "hidden" && up.clientWidth <= 1) return true;
  }
  return false;
};
const found = [];
const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
  ? "." + el.className.trim().split(/\\s+/).join(".") : "");
for (const el of article.querySelectorAll("*")) {
  const style = getComputedStyle(el);
  if (style.display === "none" || style.visibility === "hidden") continue;
  if (el.closest("[hidden]") || el.getClientRects().length === 0 || clipped(el)) continue;
  const scrolls = ["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
  const right = el.getBoundingClientRect().right;
  if (scrolls) found.push(`${name(el)} cuộn ngang (${el.scrollWidth}px trong ${el.clientWidth}px)`);
  else if (right > edge && style.position !== "absolute") found.push(`${name(el)} vượt ra ngoài (${Math.round(right)}px > ${Math.round(edge)}px)`);
}
return found;
"""


def hidden_sideways(driver: webdriver.Chrome, url: str, width: int) -> list[str]:
    """Content a reader at this screen width could only reach by scrolling sideways.

    Lists every element of the page's content that scrolls sideways inside itself, or that
    reaches past the right edge of the screen; text kept for screen readers only is skipped.
    """
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    try:
        driver.get(url)
        found: list[str] = driver.execute_script(_HIDDEN_SIDEWAYS)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return found
