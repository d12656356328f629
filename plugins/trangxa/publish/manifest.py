"""The list of what one publish wrote, kept inside the published site so trangxa knows its own files."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = ".trangxa-manifest.json"
# Written into every manifest; a JSON file without it is somebody else's, whatever its name.
MARKER = "trangxa publish: danh sách tệp do trangxa tạo"
KEPT_DIR = "kept"


@dataclass
class Manifest:
    """Files (with sizes) and folders one publish wrote, relative to the site's top folder."""

    files: dict[str, int] = field(default_factory=dict)
    dirs: set[str] = field(default_factory=set)


def kept_link_texts(rel: str, store_name: str) -> tuple[str, str]:
    """What a link to a kept path holds: seen from a version folder, and from the target itself.

    Versions live in the store beside kept/; a target that is still a real folder sits beside
    the store. Relative links keep working when the web root and its store move together.
    """
    up = "../" * (rel.count("/") + 1)
    return f"{up}{KEPT_DIR}/{rel}", f"{up}{store_name}/{KEPT_DIR}/{rel}"


def scan(root: Path) -> Manifest:
    """Everything under root, links excluded (kept paths are linked in, not made by the build)."""
    manifest = Manifest()
    for folder, dirnames, filenames in os.walk(root):
        base = Path(folder).relative_to(root)
        for name in dirnames:
            path = Path(folder, name)
            if not path.is_symlink():
                manifest.dirs.add((base / name).as_posix())
        for name in filenames:
            path = Path(folder, name)
            if not path.is_symlink() and name != MANIFEST_NAME:
                manifest.files[(base / name).as_posix()] = path.stat().st_size
    return manifest


def write(root: Path, manifest: Manifest) -> None:
    """Store the manifest at the top of root and make sure it reaches the disk."""
    data = {"marker": MARKER, "files": manifest.files, "dirs": sorted(manifest.dirs)}
    path = root / MANIFEST_NAME
    with path.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=0, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())


def read(root: Path) -> Manifest | None:
    """The manifest at the top of root, or None when there is none that trangxa wrote."""
    try:
        data = json.loads((root / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("marker") != MARKER:
        return None
    files, dirs = data.get("files"), data.get("dirs")
    if not isinstance(files, dict) or not isinstance(dirs, list):
        return None
    if not all(isinstance(k, str) and isinstance(v, int) for k, v in files.items()):
        return None
    return Manifest(dict(files), {d for d in dirs if isinstance(d, str)})


def foreign_entries(
    root: Path, manifest: Manifest | None, allowed: set[str], store_name: str
) -> list[str]:
    """Entries under root that trangxa did not write, topmost only; folders end with '/'.

    A file counts as trangxa's only while it has the size the manifest recorded, so a page
    someone edited by hand is reported rather than silently replaced. Paths in `allowed`
    (those about to be kept) and links to kept paths are not looked into.
    """
    known = manifest or Manifest()
    found: list[str] = []

    def visit(folder: Path, prefix: str) -> None:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
        for entry in listed:
            rel = prefix + entry.name
            if rel in allowed or (manifest is not None and rel == MANIFEST_NAME):
                continue
            if entry.is_symlink():
                if os.readlink(entry.path) not in kept_link_texts(rel, store_name):
                    found.append(rel)
            elif entry.is_dir():
                if rel in known.dirs:
                    visit(Path(entry.path), rel + "/")
                else:
                    found.append(rel + "/")
            elif known.files.get(rel) != entry.stat().st_size:
                found.append(rel)

    visit(root, "")
    return found
