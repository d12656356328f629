"""The previous rebuild's output, moved aside at once and removed while the server idles.

Before each rebuild MkDocs empties the site folder file by file; with thousands of pages that
deletion, and creating the same folders again right after it, take seconds on many disks.
Renaming the old tree into a hidden folder, which MkDocs' cleaning skips, takes one call per
top-level entry; the build then writes into an empty folder exactly as after MkDocs' own
cleaning, and the old tree is deleted in the background once the new site is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

PREFIX = ".trangxa-old-"


def set_aside(site_dir: str) -> Path | None:
    """Move every visible entry of site_dir into a new hidden folder inside it."""
    if not os.path.isdir(site_dir):
        return None
    entries = [entry for entry in os.scandir(site_dir) if not entry.name.startswith(".")]
    if not entries:
        return None
    aside = Path(tempfile.mkdtemp(prefix=PREFIX, dir=site_dir))
    for entry in entries:
        os.rename(entry.path, aside / entry.name)
    return aside


def remove_in_background(site_dir: str) -> threading.Thread | None:
    """Delete every folder set aside in site_dir, in a thread that never blocks a rebuild."""
    if not os.path.isdir(site_dir):
        return None
    old = [entry.path for entry in os.scandir(site_dir) if entry.name.startswith(PREFIX)]
    if not old:
        return None

    def remove() -> None:
        for path in old:
            shutil.rmtree(path, ignore_errors=True)

    thread = threading.Thread(target=remove, name="trangxa-remove-old-output", daemon=True)
    thread.start()
    return thread
