"""The Pagefind indexes of a built site, and the worker that lets Material's search box read them.

The first index holds every page marked for search, the newest posts among them by their title
and the opening of their summary: what a query fetches from it stays small however many posts
there are. The second holds the title and whole text of every post; the worker asks it only after the first one's
results are shown, and only when they are few (bench/README.md). Pagefind holds everything it
indexes in memory until it writes the index, so the second is built in shards of a bounded
number of posts, one Pagefind run after another, the newest posts in the first shard; each
shard keeps only its index, and the worker runs one copy of Pagefind for them all.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from mkdocs.exceptions import PluginError

from trangxa.search.entries import body_document
from trangxa.site import names

# Pagefind writes its indexes and scripts here, below the site's root; worker.js expects them.
BUNDLE_DIR = "pagefind"
BODY_BUNDLE_DIR = "pagefind-body"
# Material's page script starts the worker it names in its settings; the file keeps that name.
MATERIAL_WORKERS = "assets/javascripts/workers"
WORKER_SCRIPT = Path(__file__).parent / "worker.js"
# Posts in one shard of the second index: Pagefind's memory while indexing grows with them
# (bench/README.md).
SHARD_SIZE = 1500
# Posts in the first shard, the newest. The worker asks it alone first, and the parts of an
# index a common word needs grow with the posts it holds: a small first shard lists the newest
# posts holding a word sooner (bench/README.md).
NEWEST_SHARD_SIZE = 100
# Posts the first index holds, the newest: the parts of that index a query fetches grow with
# the posts it holds (bench/README.md).
TITLE_INDEX_POSTS = 250

T = TypeVar("T")


def pagefind_executable() -> Path:
    """The Pagefind program the pagefind-bin package installs."""
    try:
        import pagefind_bin

        path: Path = pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise PluginError(
            f"{names.SEARCH} cần chương trình Pagefind để lập chỉ mục tìm kiếm nhưng không tìm "
            "thấy. Cài lại trangxa (gói pagefind-bin đi kèm), ví dụ `pip install -e .`."
        ) from error
    return path


def _run_pagefind(site_dir: Path, arguments: list[str]) -> str:
    command = [str(pagefind_executable()), *arguments]
    result = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
    )
    if result.returncode != 0:
        raise PluginError(
            f"Pagefind không lập được chỉ mục tìm kiếm cho {site_dir} (mã {result.returncode}):\n"
            f"{(result.stdout + result.stderr).strip()}"
        )
    return result.stdout


def build_index(site_dir: Path) -> str:
    """Index the built pages marked data-pagefind-body; return what Pagefind printed."""
    return _run_pagefind(site_dir, ["--site", str(site_dir), "--output-subdir", BUNDLE_DIR])


def page_path(url: str) -> Path:
    """The file a page's address is served from, relative to the site's root."""
    return Path(url + "index.html" if url == "" or url.endswith("/") else url)


def shards(posts: list[T], size: int, newest: int = NEWEST_SHARD_SIZE) -> list[list[T]]:
    """Posts in consecutive groups, each post in exactly one: the first `newest` (at most
    `size`), then groups of at most `size`."""
    if size < 1:
        raise PluginError(
            f"Số bài mỗi phần của chỉ mục toàn văn (`full_text_shard_size` dưới `{names.SEARCH}` "
            f"trong mkdocs.yml) phải từ 1 trở lên, không phải {size}: sửa lại hoặc bỏ dòng đó."
        )
    if not posts:
        return []
    first = max(1, min(newest, size))
    rest = posts[first:]
    return [posts[:first]] + [rest[start : start + size] for start in range(0, len(rest), size)]


def build_body_index(
    site_dir: Path, posts: Iterable[tuple[str, str, str]], shard_size: int = SHARD_SIZE
) -> int:
    """Index the whole text of each post, given as (address, title, HTML of the text), in
    shards of at most `shard_size` posts; return the number of shards.

    Pagefind indexes files, so each post is written as a small page of its own at its address
    in a folder of its own, and each shard's index is written below the site, in
    pagefind-body/0/, pagefind-body/1/… Pagefind writes no index without pages: a site
    without posts has none (and its worker does not ask for it).
    """
    output = site_dir / BODY_BUNDLE_DIR
    shutil.rmtree(output, ignore_errors=True)
    groups = shards(list(posts), shard_size)
    for number, group in enumerate(groups):
        with tempfile.TemporaryDirectory(prefix="trangxa-search-") as folder:
            for url, title, content in group:
                path = Path(folder) / page_path(url)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(body_document(title, content), encoding="utf-8")
            shard = output / str(number)
            _run_pagefind(site_dir, ["--site", folder, "--output-path", str(shard)])
            keep_index_only(shard)
    return len(groups)


# What a shard of the second index keeps: its description, word lists and page texts. Pagefind
# writes its scripts and WebAssembly beside every index; the worker runs those of the first
# index for every shard, so a phone downloads them once (bench/README.md).
SHARD_FILES = ("pagefind-entry.json", "*.pf_meta")


def keep_index_only(shard: Path) -> None:
    """Remove the files of a shard's folder the worker never asks for."""
    for path in shard.iterdir():
        if path.is_file() and not any(path.match(pattern) for pattern in SHARD_FILES):
            path.unlink()


# The lines of worker.js giving the number of shards of the second index, of title files
# (trangxa.search.titles) and of code files (trangxa.search.codes); the build writes the
# site's numbers there, 0 when it has none.
BODY_SHARDS_LINE = "const BODY_SHARDS = 1;"
TITLE_FILES_LINE = "const TITLE_FILES = 0;"
CODE_FILES_LINE = "const CODE_FILES = 0;"


def count_line(name: str, count: int) -> str:
    """The worker's line giving the number `name` counts."""
    return f"const {name} = {count};"


def worker_script(body_shards: int, title_files: int, code_files: int) -> str:
    """The worker's text, naming as many shards of the index of post texts, title files and
    code files as the site has."""
    script = WORKER_SCRIPT.read_text(encoding="utf-8")
    lines = {
        BODY_SHARDS_LINE: count_line("BODY_SHARDS", body_shards),
        TITLE_FILES_LINE: count_line("TITLE_FILES", title_files),
        CODE_FILES_LINE: count_line("CODE_FILES", code_files),
    }
    for line, written in lines.items():
        if line not in script:
            raise PluginError(f"{WORKER_SCRIPT} thiếu dòng `{line}`: cài lại trangxa.")
        script = script.replace(line, written)
    return script


def replace_material_worker(
    site_dir: Path, body_shards: int, title_files: int, code_files: int
) -> Path:
    """Put trangxa's worker where Material's page script looks for its search worker."""
    workers = sorted((site_dir / MATERIAL_WORKERS).glob("search.*.min.js"))
    if not workers:
        raise PluginError(
            f"Trang đã dựng không có tệp {MATERIAL_WORKERS}/search.*.min.js của Material, nên ô "
            f"tìm kiếm không chạy được. Kiểm tra theme trong mkdocs.yml là `material`."
        )
    for worker in workers:
        worker.write_text(worker_script(body_shards, title_files, code_files), encoding="utf-8")
        # The source map describes Material's worker, no longer the file beside it.
        worker.with_name(worker.name + ".map").unlink(missing_ok=True)
    return workers[0]
