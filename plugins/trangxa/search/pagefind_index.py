"""The Pagefind index of a built site, and the worker that lets Material's search box read it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

# Pagefind writes its index and scripts here, below the site's root; worker.js expects it.
BUNDLE_DIR = "pagefind"
# Material's page script starts the worker it names in its settings; the file keeps that name.
MATERIAL_WORKERS = "assets/javascripts/workers"
WORKER_SCRIPT = Path(__file__).parent / "worker.js"


def pagefind_executable() -> Path:
    """The Pagefind program the pagefind-bin package installs."""
    try:
        import pagefind_bin

        path: Path = pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise PluginError(
            "trangxa-search cần chương trình Pagefind để lập chỉ mục tìm kiếm nhưng không tìm "
            "thấy. Cài lại trangxa (gói pagefind-bin đi kèm), ví dụ `pip install -e .`."
        ) from error
    return path


def build_index(site_dir: Path) -> str:
    """Index the built pages marked data-pagefind-body; return what Pagefind printed."""
    command = [str(pagefind_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR]
    result = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
    )
    if result.returncode != 0:
        raise PluginError(
            f"Pagefind không lập được chỉ mục tìm kiếm cho {site_dir} (mã {result.returncode}):\n"
            f"{(result.stdout + result.stderr).strip()}"
        )
    return result.stdout


def replace_material_worker(site_dir: Path) -> Path:
    """Put trangxa's worker where Material's page script looks for its search worker."""
    workers = sorted((site_dir / MATERIAL_WORKERS).glob("search.*.min.js"))
    if not workers:
        raise PluginError(
            f"Trang đã dựng không có tệp {MATERIAL_WORKERS}/search.*.min.js của Material, nên ô "
            f"tìm kiếm không chạy được. Kiểm tra theme trong mkdocs.yml là `material`."
        )
    for worker in workers:
        shutil.copyfile(WORKER_SCRIPT, worker)
        # The source map describes Material's worker, no longer the file beside it.
        worker.with_name(worker.name + ".map").unlink(missing_ok=True)
    return workers[0]
