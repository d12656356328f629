"""Work kept between rebuilds of `mkdocs serve`: post HTML and finished pages.

Every key holds all the inputs of what it stores, so a hit is by construction the output a
fresh render would give. Whatever touches many pages at once (mkdocs.yml, any template, the
set of files, the navigation) is folded into a per-build base hash; editing one post changes
only its own keys and those of the listing pages that show it. The cache lives in the serving
process only, so keys are plain tuples: Python hashes and compares them far faster than a
digest of their text could be made.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import TableOfContents

import trangxa
from trangxa.site import theme


def digest(*parts: object) -> str:
    """A stable hash of the parts' text forms."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def config_fingerprint(config: MkDocsConfig) -> str:
    """mkdocs.yml's bytes, the trangxa version and every template file's size and time."""
    config_file = Path(config.config_file_path)
    templates = []
    for folder in theme.template_dirs(config):
        for directory, _, names in os.walk(folder):
            for name in names:
                stat = os.stat(os.path.join(directory, name))
                templates.append((directory, name, stat.st_size, stat.st_mtime_ns))
    templates.sort()
    return digest(
        str(config_file), config_file.read_bytes(), trangxa.__version__, config.site_url, templates
    )


def files_fingerprint(files: Files) -> str:
    """The set of files: links between pages are rewritten against it."""
    return digest(sorted(file.src_uri for file in files))


def nav_outline(items: Iterable[Any], with_meta: bool = False) -> list[Any]:
    """The navigation as plain values: kind, title, address, children; front matter if asked."""

    def walk(items: Iterable[Any]) -> list[Any]:
        outline = []
        for item in items:
            entry: tuple[Any, ...] = (
                type(item).__name__,
                getattr(item, "title", None),
                getattr(item, "url", None),
            )
            if with_meta:
                entry += (repr(sorted((getattr(item, "meta", None) or {}).items(), key=str)),)
            outline.append((*entry, walk(getattr(item, "children", None) or [])))
        return outline

    return walk(items)


def nav_fingerprint(nav: Navigation) -> str:
    """Titles and addresses of the navigation every page shows."""
    return digest(nav_outline(nav.items))


@dataclass
class RenderedContent:
    """What Page.render produces for a post, and what it logged while doing it."""

    content: str
    toc: TableOfContents
    anchors: set[str]
    links_to_anchors: Any
    records: list[logging.LogRecord]


CacheKey = tuple[Hashable, ...]


@dataclass
class RenderCache:
    """Post HTML and finished pages of the previous rebuild, and what this build used."""

    contents: dict[CacheKey, RenderedContent] = field(default_factory=dict)
    pages: dict[CacheKey, str] = field(default_factory=dict)
    base: str = ""
    used_contents: set[CacheKey] = field(default_factory=set)
    used_pages: set[CacheKey] = field(default_factory=set)
    hits: int = 0
    misses: int = 0
    # Where post HTML missing from `contents` may still come from: another process's work.
    feed: Callable[[CacheKey], RenderedContent | None] | None = None

    def begin(self, base: str) -> None:
        """Start a build; entries the previous build did not use are dropped."""
        if self.used_contents or self.used_pages:
            self.contents = {k: v for k, v in self.contents.items() if k in self.used_contents}
            self.pages = {k: v for k, v in self.pages.items() if k in self.used_pages}
        self.base = base
        self.used_contents, self.used_pages = set(), set()
        self.hits = self.misses = 0

    def content_key(self, body: str, url: str) -> CacheKey:
        """Key of a post's HTML: its Markdown and address in this build's setting."""
        key = (self.base, body, url)
        self.used_contents.add(key)
        return key

    def page_key(self, *parts: Hashable) -> CacheKey:
        """Key of a finished page; every part must be hashable, so lists become tuples."""
        key = (self.base, *parts)
        self.used_pages.add(key)
        return key
