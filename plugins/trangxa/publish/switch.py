"""Moving kept paths into the store, switching the target to a new version, tidying leftovers."""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from pathlib import Path, PurePosixPath

from trangxa.publish import PublishError, manifest
from trangxa.publish.store import Store, remove_tree

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(first: Path, second: Path) -> bool:
    """Swap two names in one step (Linux renameat2); False where the system cannot.

    This is what lets a real folder become a link without a moment where neither exists.
    """
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def link_into(folder: Path, rel: str, store: Store, *, from_version: bool) -> None:
    """Put a link to kept/<rel> at folder/<rel>, creating the folders above it."""
    place = folder / rel
    # Folders between the top and the kept path; the top itself may be the target's link.
    for parent in reversed(PurePosixPath(rel).parents[:-1]):
        step = folder / parent
        if step.is_symlink() or (step.exists() and not step.is_dir()):
            raise PublishError(
                f"Không giữ được {rel}: trong trang mới, {parent.as_posix()} là một tệp chứ "
                "không phải thư mục. Bỏ --keep này hoặc đổi tên trang tương ứng."
            )
        step.mkdir(exist_ok=True)
    in_version, in_target = manifest.kept_link_texts(rel, store.root.name)
    os.symlink(in_version if from_version else in_target, place)


def move_to_kept(live: Path, rel: str, store: Store, *, from_version: bool) -> None:
    """Move live/<rel> into the store and leave a link in its place, so it keeps being served."""
    destination = store.kept_dir / rel
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = live / rel
    if source.is_symlink() and not os.path.isabs(os.readlink(source)):
        # A relative link (uploads -> ../shared/uploads) would point elsewhere from the store.
        here = os.path.realpath(os.path.dirname(source))
        os.symlink(os.path.normpath(os.path.join(here, os.readlink(source))), destination)
        source.unlink()
    else:
        os.rename(source, destination)
    link_into(live, rel, store, from_version=from_version)


def retire(store: Store, number: int, path: Path, notes: list[str]) -> None:
    """Delete a version or former folder trangxa made; set aside one that holds anything else."""
    own = manifest.read(path)
    strangers = manifest.foreign_entries(path, own, set(), store.root.name)
    if strangers:
        aside = store.entry("replaced", number)
        os.rename(path, aside)
        notes.append(
            f"dữ liệu không do trangxa tạo ({', '.join(strangers[:5])}) không bị xóa mà được "
            f"chuyển sang {aside}. Xóa tay khi không cần."
        )
        return
    trash = store.entry("trash", number)
    # Renamed first: a publish killed half-way through deleting leaves a name that says "delete".
    os.rename(path, trash)
    remove_tree(trash)


def tidy(store: Store, notes: list[str]) -> None:
    """Remove what a killed publish left, and versions older than the current and previous one."""
    entries = store.entries()
    if not os.path.lexists(store.target):
        # Only a two-rename switch (systems without an exchange) can leave the target absent.
        for kind, _, path in entries:
            if kind in ("old", "link") and path.is_dir() and not path.is_symlink():
                os.rename(path, store.target)
                notes.append(f"Đã đưa bản trang trước về lại {store.target}.")
                entries = store.entries()
                break
    current = store.current()
    older = [n for kind, n, _ in entries if kind == "site" and current is not None and n < current]
    previous = max(older, default=None)
    for kind, number, path in entries:
        if kind in ("building", "trash"):
            remove_tree(path)
        elif kind in ("link", "old"):
            if path.is_symlink():
                path.unlink()
            else:
                settle_former_folder(store, number, path, notes)
        elif (
            kind == "site"
            and number != current
            and (
                number != previous
                or manifest.foreign_entries(path, manifest.read(path), set(), store.root.name)
            )
        ):
            retire(store, number, path, notes)


def settle_former_folder(store: Store, number: int, path: Path, notes: list[str]) -> None:
    """The target's former real folder: a version when trangxa wrote it all, else set aside."""
    own = manifest.read(path)
    strangers = manifest.foreign_entries(path, own, set(), store.root.name)
    if own is not None and not strangers and not store.entry("site", number).exists():
        os.rename(path, store.entry("site", number))
    else:
        retire(store, number, path, notes)
