"""The folder beside the target where published versions, kept paths and the lock live.

For a target /var/www/xa the store is /var/www/xa.trangxa/:

    xa -> xa.trangxa/site-000007     the web server's root: a link to one complete version
    xa.trangxa/site-000006/           the previous version, kept for one more publish
    xa.trangxa/kept/.well-known/      paths kept across publishes, linked into every version
    xa.trangxa/kept.txt               which paths are kept
    xa.trangxa/lock                   held while a publish runs
    xa.trangxa/replaced-000005/       what --replace-existing moved aside; never deleted

Names with other prefixes (building-, link-, old-, trash-) exist only while a publish runs;
the next publish removes or finishes whatever a killed one left.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from trangxa.publish import PublishError, manifest

NOTE_NAME = "trangxa-publish.txt"
NOTE_TEXT = (
    "Thư mục này do lệnh trangxa publish tạo và quản lý: các bản trang đã đăng (site-…), "
    "các đường dẫn giữ lại qua mỗi lần đăng (kept/, danh sách trong kept.txt) và khóa (lock).\n"
    "Không sửa tay các thư mục site-…; thư mục replaced-… là dữ liệu cũ đã được chuyển sang "
    "đây thay vì xóa, có thể xóa tay khi không cần.\n"
)
_ENTRY = re.compile(r"^(site|building|link|old|trash|replaced)-(\d{6,})$")
_OWN_FILES = {NOTE_NAME, "lock", "kept.txt", "kept.txt.tmp", manifest.KEPT_DIR}


@dataclass(frozen=True)
class Store:
    """Paths of the store that belongs to one target folder."""

    target: Path

    @property
    def root(self) -> Path:
        return self.target.with_name(self.target.name + ".trangxa")

    @property
    def lock_file(self) -> Path:
        return self.root / "lock"

    @property
    def kept_dir(self) -> Path:
        return self.root / manifest.KEPT_DIR

    def entry(self, kind: str, number: int) -> Path:
        """site-000007, building-000008, …"""
        return self.root / f"{kind}-{number:06d}"

    def link_text(self, number: int) -> str:
        """What the target link holds: relative, so the pair can be moved or mounted elsewhere."""
        return f"{self.root.name}/site-{number:06d}"

    def entries(self) -> list[tuple[str, int, Path]]:
        """(kind, number, path) of every numbered entry, oldest first."""
        found = []
        for path in self.root.iterdir():
            match = _ENTRY.match(path.name)
            if match:
                found.append((match[1], int(match[2]), path))
        return sorted(found, key=lambda item: item[1])

    def next_number(self) -> int:
        """Numbers, not clock times, so a clock set back never reorders versions."""
        return max((number for _, number, _ in self.entries()), default=0) + 1

    def current(self) -> int | None:
        """The version the target links to, when the target is trangxa's link."""
        if not self.target.is_symlink():
            return None
        match = re.fullmatch(
            re.escape(self.root.name) + r"/site-(\d{6,})", os.readlink(self.target)
        )
        return int(match[1]) if match else None

    def check(self) -> None:
        """Refuse a file, link or folder of the store's name that trangxa did not make."""
        if self.root.is_symlink() or (self.root.exists() and not self.root.is_dir()):
            raise PublishError(
                f"{self.root} đã có và không phải thư mục của trangxa; trangxa cần tên này để "
                "lưu các bản trang. Đổi tên tệp đó hoặc đăng vào một THƯ_MỤC khác."
            )
        if self.root.is_dir() and not (self.root / NOTE_NAME).is_file():
            strangers = [p.name for p in self.root.iterdir() if p.name not in _OWN_FILES]
            if strangers:
                raise PublishError(
                    f"Thư mục {self.root} đã có sẵn và không do trangxa tạo (có "
                    f"{', '.join(sorted(strangers)[:5])}). trangxa cần tên này để lưu các bản "
                    "trang: đổi tên thư mục đó hoặc đăng vào một THƯ_MỤC khác."
                )

    def open(self) -> None:
        """Create the store when it is not there yet."""
        self.check()
        self.root.mkdir(exist_ok=True)

    def write_note(self) -> None:
        note = self.root / NOTE_NAME
        if not note.is_file():
            note.write_text(NOTE_TEXT, encoding="utf-8")

    def read_kept(self) -> list[str]:
        try:
            text = (self.root / "kept.txt").read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        return [line for line in text.splitlines() if line]

    def write_kept(self, kept: Iterable[str]) -> None:
        partial = self.root / "kept.txt.tmp"
        partial.write_text("".join(f"{rel}\n" for rel in kept), encoding="utf-8")
        partial.replace(self.root / "kept.txt")


def normalise_keep(text: str) -> str:
    """A kept path as stored: NFC, forward slashes, relative to the site's top folder."""
    cleaned = unicodedata.normalize("NFC", text.strip()).replace("\\", "/").strip("/")
    parts = PurePosixPath(cleaned).parts
    if not cleaned or any(part in ("..", ".") for part in parts) or ":" in cleaned:
        raise PublishError(
            f"--keep {text!r}: cần một đường dẫn bên trong THƯ_MỤC, ví dụ --keep .well-known "
            "hoặc --keep uploads; không dùng đường dẫn tuyệt đối hay '..'."
        )
    if parts[0] == manifest.MANIFEST_NAME:
        raise PublishError(
            f"--keep {text!r}: tệp này do trangxa ghi ở mỗi lần đăng, không giữ được."
        )
    return "/".join(parts)


def merge_kept(paths: Iterable[str]) -> list[str]:
    """Sorted, without paths that lie inside another kept path (keeping the folder keeps them)."""
    result: list[str] = []
    for rel in sorted(set(paths)):
        if not any(rel.startswith(outer + "/") for outer in result):
            result.append(rel)
    return result


def remove_tree(path: Path) -> None:
    """Delete a folder trangxa made; links inside are removed, never followed."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
