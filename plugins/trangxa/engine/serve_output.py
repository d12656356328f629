"""While serving, the previous rebuild's files stay where they are when nothing changed them.

Before each rebuild MkDocs empties the site folder, then writes every page again. With
thousands of pages that deletion, and creating the same folders and files right after it,
take seconds on many disks, though a rebuild after editing one post changes a few dozen
files. So, while serving:

1. before MkDocs' cleaning, the visible entries of the site folder are moved into a hidden
   folder, which the cleaning skips (`hold`);
2. right after it they are moved back (`restore`), and a time mark is taken;
3. a page whose finished HTML is byte for byte what the previous rebuild wrote is not
   written again: its file is already there (`PreviousOutput.keep`);
4. once everything is written, every file older than the mark that was not kept is a
   leftover of a page or asset that no longer exists, and is deleted (`prune`).

The site folder then holds exactly what a build into an empty folder would have written.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

HELD = ".trangxa-previous"
MARK = ".trangxa-mark"
# The message MkDocs logs when a page's output is empty, which is how a kept page skips the write:
# https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py#L229-L234
_SKIPPED = "Page skipped: '{}'. Generated empty output."


def hold(site_dir: str) -> bool:
    """Move every visible entry of site_dir into the hidden folder; False if there is none.

    MkDocs' cleaning leaves entries whose name starts with a dot:
    https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/utils/__init__.py#L134-L143
    """
    held = os.path.join(site_dir, HELD)
    if os.path.isdir(held):
        # Left by a rebuild that failed before restoring: its files cannot be trusted.
        shutil.rmtree(held, ignore_errors=True)
    if not os.path.isdir(site_dir):
        return False
    entries = [entry for entry in os.scandir(site_dir) if not entry.name.startswith(".")]
    if not entries:
        return False
    os.mkdir(held)
    for entry in entries:
        os.rename(entry.path, os.path.join(held, entry.name))
    return True


def restore(site_dir: str) -> int:
    """Put the held entries back; return a time every file written from now on is newer than."""
    held = os.path.join(site_dir, HELD)
    for entry in os.scandir(held):
        os.rename(entry.path, os.path.join(site_dir, entry.name))
    os.rmdir(held)
    mark = os.path.join(site_dir, MARK)
    Path(mark).touch()
    mark_ns = os.stat(mark).st_ctime_ns
    # File times come from a coarse clock: wait for it to tick, so that a file written from
    # now on is strictly newer than the mark, never equal to it.
    while True:
        Path(mark).touch()
        if os.stat(mark).st_ctime_ns > mark_ns:
            break
        time.sleep(0.001)
    os.unlink(mark)
    return mark_ns


def prune(site_dir: str, mark_ns: int, kept: set[str]) -> list[str]:
    """Delete the files this rebuild neither wrote nor kept, then folders left empty.

    Hidden entries at the top of site_dir are left alone, as MkDocs' own cleaning does.
    """
    site_dir = os.path.normpath(site_dir)
    removed = []
    folders_seen = []
    for directory, folders, names in os.walk(site_dir):
        if directory == site_dir:
            folders[:] = [name for name in folders if not name.startswith(".")]
            names = [name for name in names if not name.startswith(".")]
        else:
            folders_seen.append(directory)
        for name in names:
            path = os.path.join(directory, name)
            if path in kept:
                continue
            if os.stat(path, follow_symlinks=False).st_ctime_ns <= mark_ns:
                os.unlink(path)
                removed.append(path)
    # Deepest first, so a folder emptied by removing its subfolders goes too.
    for directory in reversed(folders_seen):
        if not os.listdir(directory):
            os.rmdir(directory)
    return removed


@dataclass
class PreviousOutput:
    """The previous rebuild's files in the site folder, and the pages left as they were."""

    mark_ns: int | None = None
    kept: set[str] = field(default_factory=set)
    kept_sources: set[str] = field(default_factory=set)

    def start(self) -> None:
        """Forget the previous rebuild's choices."""
        self.mark_ns = None
        self.kept = set()
        self.kept_sources = set()

    def keep(self, src_uri: str, dest_path: str) -> bool:
        """Leave a page's file as the previous rebuild wrote it, if that file is there."""
        if self.mark_ns is None or not os.path.isfile(dest_path):
            return False
        self.kept.add(os.path.normpath(dest_path))
        self.kept_sources.add(src_uri)
        return True


class KeptPageFilter(logging.Filter):
    """Hides MkDocs' "Page skipped" notice for pages left in place on purpose."""

    def __init__(self, previous: PreviousOutput) -> None:
        super().__init__()
        self.previous = previous

    def filter(self, record: logging.LogRecord) -> bool:
        """False for the notice about a kept page; every other record passes."""
        if not self.previous.kept_sources or record.levelno != logging.INFO:
            return True
        message = record.getMessage()
        if not message.startswith("Page skipped: '"):
            return True
        source = message[len("Page skipped: '") : -len("'. Generated empty output.")]
        return not (source in self.previous.kept_sources and message == _SKIPPED.format(source))
