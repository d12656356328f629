"""A first count starts reading the posts in a second process while mkdocs.yml is loaded.

Loading mkdocs.yml the way a build does (MkDocs, its plugins, the theme) takes a third of a
second on one processor, and a first `trangxa count` of a large site then reads every post.
When mkdocs.yml is plain YAML, where the posts live and which categories exist can be read
from it directly; a forked process reads the posts with those settings (the same
read_posts the command would call) while this one loads mkdocs.yml in full. The posts are
used only when the full load agrees on the folder and the categories; otherwise, or if
anything goes wrong in the second process, the command reads the posts itself as before.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from trangxa.commands.postmemo import CACHE_FILE, collector_paused, read_posts
from trangxa.news.collect import PostCollection
from trangxa.site import names

# Below this many files reading in the command itself costs less than starting a process.
MIN_FILES = 1500


@dataclass(frozen=True)
class NewsPlace:
    """What reading the posts depends on in mkdocs.yml."""

    root: Path
    posts_dir: str
    categories: tuple[str, ...]


def plain_news_place(config_file: Path) -> NewsPlace | None:
    """posts_dir and categories of trangxa-news from a plain mkdocs.yml; None when unsure.

    Tags (!ENV, !relative, python names), INHERIT and anything unexpected mean only the full
    load can tell, so None is answered and the posts are read after it.
    """
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if "!" in text or "INHERIT" in text:
        return None
    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError:
        return None
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if not isinstance(plugins, list):
        return None
    options: Any = None
    for entry in plugins:
        if entry == names.NEWS:
            options = {}
        elif isinstance(entry, dict) and names.NEWS in entry:
            options = entry[names.NEWS] if entry[names.NEWS] is not None else {}
    if not isinstance(options, dict):
        return None
    posts_dir = options.get("posts_dir", "posts")
    categories = options.get("categories", [])
    if not isinstance(posts_dir, str) or not isinstance(categories, list):
        return None
    if not all(isinstance(name, str) for name in categories):
        return None
    return NewsPlace(config_file.parent, posts_dir, tuple(categories))


def _enough_files(folder: Path) -> bool:
    """Whether the folder holds at least MIN_FILES entries, counted no further than that."""
    found = 0
    pending = [folder]
    while pending:
        try:
            with os.scandir(pending.pop()) as listing:
                for entry in listing:
                    found += 1
                    if found >= MIN_FILES:
                        return True
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
        except OSError:
            continue
    return False


@dataclass
class EarlyRead:
    """Posts being read in a forked process, and how to get them back."""

    place: NewsPlace
    pid: int
    pipe: int
    received: bool = False

    def posts(self, root: Path, posts_dir: str, categories: list[str]) -> PostCollection | None:
        """What the second process read, if it used these settings and finished reading."""
        data = self._receive()
        collection: object = None
        if self.place == NewsPlace(root, posts_dir, tuple(categories)) and data:
            with collector_paused():
                try:
                    collection = pickle.loads(data)
                except Exception:
                    collection = None
        if not isinstance(collection, PostCollection):
            # Its memo would be for other settings: stopped before it can write it.
            self._stop()
            return None
        self.received = True
        return collection

    def finish(self) -> None:
        """Wait for the second process to write the memo, or stop it if its posts went unused."""
        if not self.received:
            self._stop()
        if self.pipe >= 0:
            os.close(self.pipe)
            self.pipe = -1
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)

    def _stop(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)

    def _receive(self) -> bytes:
        """The posts as the second process sent them: their size, then their pickle."""
        with os.fdopen(self.pipe, "rb") as stream:
            self.pipe = -1
            head = stream.read(_SIZE.size)
            if len(head) < _SIZE.size:
                return b""
            (size,) = _SIZE.unpack(head)
            data = stream.read(size)
        return data if len(data) == size else b""


_SIZE = struct.Struct("<Q")


def start(config_file: str, now: datetime) -> EarlyRead | None:
    """Fork a process reading the posts of a first count, when that can help."""
    if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() != 1:
        return None
    path = Path(config_file).resolve()
    place = plain_news_place(path)
    # Later runs read the memo, which is quick; only a first reading is worth a process.
    if place is None or (place.root / CACHE_FILE).exists():
        return None
    if not _enough_files(place.root / place.posts_dir):
        return None
    receiving, sending = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(receiving)
        status = 1
        try:
            with os.fdopen(sending, "wb") as stream:

                def send(collection: PostCollection) -> None:
                    # Sent before the memo is written: the count goes on while it is.
                    data = pickle.dumps(collection, protocol=5)
                    stream.write(_SIZE.pack(len(data)) + data)
                    stream.flush()

                read_posts(place.root, place.posts_dir, list(place.categories), now, send)
            status = 0
        finally:
            # Straight out: the parent's exit handlers and open files are not the child's.
            os._exit(status)
    os.close(sending)
    return EarlyRead(place, pid, receiving)
