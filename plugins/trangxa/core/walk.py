"""The one walk over a content folder that build, check and count share.

Every file below the folder is either handed on or listed as skipped with the reason, so no
file disappears without a trace: hidden files and the lock and backup files editors leave
(`.x.md`, `._x.md`, `.#x.md`, `~$x.docx`, `x.md~`), links that lead nowhere, and folders
reached twice through symbolic links. Folders that are symbolic links are followed.
Paths are given in Unicode NFC, as staff type them in links, whatever form the disk keeps.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from trangxa.core.problems import Problem
from trangxa.core.textfile import nfc

HIDDEN = "tệp ẩn (thường do hệ điều hành hoặc trình soạn thảo tạo ra), không được đăng."
EDITOR = "tệp tạm hoặc tệp khóa của trình soạn thảo (Word, Emacs, Vim...), không được đăng."
HIDDEN_FOLDER = "thư mục ẩn, các tệp bên trong không được đăng."
DANGLING = (
    "liên kết (symlink) trỏ tới tệp không còn tồn tại, không được đăng. Xóa liên kết hoặc "
    "chép tệp thật vào đây."
)
LOOP = (
    "thư mục liên kết (symlink) dẫn về một thư mục đã đọc, nên không đọc lại. Xóa liên kết "
    "này nếu không cần."
)


# Skipped as a matter of course; a broken link or a looping folder may hide lost content.
ROUTINE = frozenset({HIDDEN, EDITOR, HIDDEN_FOLDER})


def is_routine(problem: Problem) -> bool:
    """Whether a skipped file is routine (logged as information) rather than a warning."""
    return problem.message in ROUTINE


@dataclass
class Walk:
    """Files to read (real path, path as staff see it) and what was skipped, both sorted."""

    # Real paths as text: a Path for each of ten thousand posts took 40-70 ms of a count.
    paths: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    top: str = ""

    @property
    def files(self) -> list[tuple[Path, str]]:
        """The files to read as (Path, path as staff see it)."""
        return [(Path(full), source) for full, source in self.paths]

    def relative(self, source: str) -> str:
        """A file's path below the walked folder."""
        return source[len(self.top) + 1 :]


def skip_reason(name: str) -> str | None:
    """Why a file of this name is not content, or None when it is."""
    if name.startswith("."):
        return HIDDEN
    if name.startswith("~$") or name.endswith("~") or (name.startswith("#") and name.endswith("#")):
        return EDITOR
    return None


def walk_folder(top: Path, site_root: Path) -> Walk:
    """Every file below top, and every file or folder skipped with its reason."""
    result = Walk()
    if not top.is_dir():
        return result
    root = str(site_root.resolve())
    start = str(top.absolute())
    # The folder as staff name it: relative to the site root when it lies inside it.
    shown_top = os.path.relpath(start, root) if start.startswith(root + os.sep) else start
    found: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()

    # os.scandir rather than os.walk: the entries say which names are links and folders
    # without a system call per file, and each folder's shown path is built once, not
    # through os.path.relpath for every file (ten thousand posts made that a tenth of a count).
    def visit(directory: str, shown_dir: str) -> None:
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            return
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in seen:
            return
        seen.add((info.st_dev, info.st_ino))
        folders: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                folders.append(entry)
                continue
            shown = nfc(f"{shown_dir}/{entry.name}")
            reason = skip_reason(entry.name)
            # Only a link can point at nothing: a plain file listed here exists.
            if reason is None and entry.is_symlink() and not os.path.exists(entry.path):
                reason = DANGLING
            if reason is not None:
                result.skipped.append(Problem(shown, None, reason, "warning"))
            else:
                found.append((shown, entry.path))
        kept = []
        for entry in sorted(folders, key=lambda folder: folder.name):
            shown = nfc(f"{shown_dir}/{entry.name}")
            if entry.name.startswith("."):
                result.skipped.append(Problem(shown + "/", None, HIDDEN_FOLDER, "warning"))
            elif entry.is_symlink() and _visited(entry.path, seen, start):
                result.skipped.append(Problem(shown + "/", None, LOOP, "warning"))
            else:
                kept.append(entry)
        for entry in kept:
            visit(entry.path, f"{shown_dir}/{entry.name}")

    visit(start, shown_top.replace(os.sep, "/"))
    found.sort()
    result.top = nfc(shown_top.replace(os.sep, "/"))
    result.paths = [(full, source) for source, full in found]
    result.skipped.sort()
    return result


def _visited(link: str, seen: set[tuple[int, int]], start: str) -> bool:
    """Whether a linked folder is one already read, or contains the folder being walked."""
    try:
        info = os.stat(link)
    except OSError:
        return True
    real, top = os.path.realpath(link), os.path.realpath(start)
    return (info.st_dev, info.st_ino) in seen or top.startswith(real + os.sep) or real == top
