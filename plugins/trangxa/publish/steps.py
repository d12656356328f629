"""A publish as a sequence of steps; between any two the disk is in a state the next one repairs.

The steps are yielded so that a caller can stop between any two of them: the command runs them
all, and the tests kill a real process at each boundary to prove that the target keeps serving a
complete site and that the next publish leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from trangxa.publish import PublishError, manifest
from trangxa.publish.lock import describe, publish_lock
from trangxa.publish.site_build import build_into, check_target, load_strict_config
from trangxa.publish.store import Store, merge_kept, normalise_keep, remove_tree
from trangxa.publish.switch import exchange, link_into, move_to_kept, tidy


@dataclass
class Request:
    """What staff asked for on the command line."""

    config_file: Path
    target: Path
    keep: list[str] = field(default_factory=list)
    replace_existing: bool = False


@dataclass
class Outcome:
    """What a finished publish reports."""

    pages: int = 0
    kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _target_kind(store: Store) -> str:
    """absent, empty (a real empty folder), link (trangxa's link) or folder (a real folder)."""
    target = store.target
    if not os.path.lexists(target):
        return "absent"
    if target.is_symlink():
        if store.current() is None:
            raise PublishError(
                f"{target} là một liên kết (symlink) tới {os.readlink(target)} mà trangxa không "
                "tạo. Hãy đăng vào chính thư mục mà máy chủ web phục vụ, hoặc xóa liên kết này "
                "nếu không còn dùng."
            )
        return "link"
    if not target.is_dir():
        raise PublishError(f"{target} là một tệp, không phải thư mục. Chọn một thư mục khác.")
    return "folder" if any(target.iterdir()) else "empty"


def _is_kept_link(path: Path, rel: str, store: Store) -> bool:
    return path.is_symlink() and os.readlink(path) in manifest.kept_link_texts(rel, store.root.name)


def _holds_real(store: Store, rel: str) -> bool:
    """The live site has rel itself, not a link to the store's copy (which may be gone)."""
    place = store.target / rel
    return os.path.lexists(place) and not _is_kept_link(place, rel, store)


def _kept_paths(store: Store, live: bool, requested: list[str]) -> list[str]:
    """Requested paths plus those kept before that still exist somewhere."""
    target = store.target
    stored = [
        rel
        for rel in store.read_kept()
        if os.path.lexists(store.kept_dir / rel) or (live and _holds_real(store, rel))
    ]
    kept = merge_kept(requested + stored)
    for rel in kept:
        place = target / rel
        if (
            live
            and os.path.lexists(store.kept_dir / rel)
            and os.path.lexists(place)
            and not _is_kept_link(place, rel, store)
        ):
            raise PublishError(
                f"{rel} vừa có trong {target} vừa có trong {store.kept_dir}: không biết giữ bản "
                "nào. Gộp hai bản vào một chỗ (trong kept/) rồi đăng lại."
            )
    return kept


def _refuse_strangers(store: Store, kept: list[str], replace_existing: bool) -> None:
    target = store.target
    current = store.current()
    # The version itself, not the link: a switch by another publish must not change it mid-scan.
    live = target if current is None else store.entry("site", current)
    strangers = manifest.foreign_entries(live, manifest.read(live), set(kept), store.root.name)
    if not strangers or replace_existing:
        return
    shown = ", ".join(strangers[:10])
    more = f" và {len(strangers) - 10} mục khác" if len(strangers) > 10 else ""
    raise PublishError(
        f"{target} có dữ liệu không do trangxa đăng, nên không thay thư mục này. Nếu đăng, "
        f"các mục sau sẽ mất: {shown}{more}.\n"
        "Cách làm tiếp, tùy trường hợp:\n"
        "  - mục máy chủ web cần giữ (ví dụ .well-known, thư mục ảnh tải lên): thêm "
        "--keep ĐƯỜNG_DẪN cho từng mục, ví dụ --keep .well-known --keep uploads;\n"
        "  - mục là trang cũ có thể thay (kể cả trang do trangxa bản cũ đăng): thêm "
        f"--replace-existing; chúng được chuyển sang {store.root}/replaced-…, không bị xóa;\n"
        "  - hoặc đăng vào một thư mục trống."
    )


def _inspect(store: Store, requested: list[str], replace_existing: bool) -> tuple[str, list[str]]:
    """The target's kind and the kept paths; refuses a target holding what trangxa did not make."""
    store.check()
    kind = _target_kind(store)
    live = kind in ("link", "folder")
    kept = _kept_paths(store, live, requested)
    if live and store.target.is_dir():
        _refuse_strangers(store, kept, replace_existing)
    return kind, kept


def _switch_to_new_version(
    store: Store,
    config: MkDocsConfig,
    kind: str,
    kept: list[str],
    number: int,
    outcome: Outcome,
) -> Iterator[str]:
    """Build into building-N, seal it as site-N, bring kept paths into the store, switch."""
    target = store.target
    live = kind in ("link", "folder")
    link = store.entry("link", number)
    try:
        os.symlink(store.link_text(number), link)
    except OSError as exc:
        raise PublishError(
            f"Không tạo được liên kết (symlink) {link}: {exc.strerror or exc}. trangxa "
            "chuyển trang bằng liên kết để người xem luôn thấy một trang trọn vẹn. Trên "
            "Windows, bật Developer Mode (Cài đặt > Dành cho nhà phát triển) hoặc chạy lệnh "
            "với quyền quản trị; ổ FAT/exFAT không có liên kết: chọn thư mục trên ổ khác."
        ) from exc
    yield "checked"
    building = store.entry("building", number)
    building.mkdir()
    build_into(config, building)
    yield "built"
    for rel in kept:
        if os.path.lexists(building / rel):
            remove_tree(building / rel)
            outcome.notes.append(f"Trang mới cũng có {rel}; bản được giữ lại được dùng.")
        link_into(building, rel, store, from_version=True)
    sealed = manifest.scan(building)
    manifest.write(building, sealed)
    os.rename(building, store.entry("site", number))
    store.write_kept(kept)
    outcome.pages = sum(1 for rel in sealed.files if rel.endswith(".html"))
    outcome.kept = kept
    yield "sealed"
    for rel in kept:
        if os.path.lexists(store.kept_dir / rel):
            continue
        if live and _holds_real(store, rel):
            move_to_kept(target, rel, store, from_version=kind == "link")
            yield "kept"
        else:
            # Created now so the server's writes land in the store, not in one version.
            (store.kept_dir / rel).mkdir(parents=True)
    if kind == "empty":
        os.rmdir(target)
        yield "emptied"
    if kind == "folder":
        if exchange(link, target):
            yield "exchanged"
            os.rename(link, store.entry("old", number - 1))
        else:
            # Without an exchange the target is missing between these two renames.
            os.rename(target, store.entry("old", number - 1))
            yield "moved-aside"
            os.replace(link, target)
    else:
        os.replace(link, target)
    yield "switched"


def _tidy_quietly(store: Store, notes: list[str]) -> None:
    # The failure being reported matters more than one in tidying; the next publish tidies again.
    with contextlib.suppress(OSError):
        tidy(store, notes)


def publish_steps(request: Request, outcome: Outcome) -> Iterator[str]:
    """Build, seal a version, switch the target to it, tidy; yields after each step."""
    config_file, target = request.config_file, request.target
    if not config_file.is_file():
        raise PublishError(
            f"Không tìm thấy tệp cấu hình {config_file}. Chạy lệnh trong thư mục có mkdocs.yml "
            "hoặc chỉ đường dẫn bằng -f."
        )
    check_target(target, config_file, config_file.parent / "docs")
    requested = [normalise_keep(text) for text in request.keep]
    config = load_strict_config(config_file, target)
    check_target(target, config_file, Path(config.docs_dir).resolve())
    store = Store(target)
    # Checked once before anything is written, so a refusal leaves no trace, and again under
    # the lock, since another publish may have changed the target in between.
    _inspect(store, requested, request.replace_existing)
    target.parent.mkdir(parents=True, exist_ok=True)
    store.open()
    with publish_lock(store.lock_file) as left_by_killed:
        store.write_note()
        if left_by_killed:
            outcome.notes.append(
                f"Lần đăng trước ({describe(left_by_killed)}) đã bị dừng giữa chừng; phần còn "
                "sót lại đã được dọn."
            )
        yield "locked"
        tidy(store, outcome.notes)
        yield "tidied"
        kind, kept = _inspect(store, requested, request.replace_existing)
        # A real folder keeps its own number as the previous version; the new one comes after.
        number = store.next_number() + (1 if kind == "folder" else 0)
        try:
            yield from _switch_to_new_version(store, config, kind, kept, number, outcome)
        except BaseException:
            if store.current() != number:
                # What this run made goes now, as the next publish would remove it anyway.
                _tidy_quietly(store, outcome.notes)
            raise
        tidy(store, outcome.notes)
        yield "done"
