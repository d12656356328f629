"""Parts of the theme rendered once per folder of pages instead of once per page.

Material draws the same navigation, tabs, footer, search box and script settings on every
page; only links differ, since MkDocs writes them relative to the page. For a page outside
the navigation nothing in those parts is marked active, so what they show depends on the
page only through its relative links, and those are the same for every page in one folder:
`tin-tuc/2024/a/` and `tin-tuc/2024/b/` both reach `tin-tuc/` as `../../`. Only a link to
somewhere inside the page's own folder would differ, so a page that has anything of the
navigation or any static file inside its folder is left out and renders as usual.

The templates in trangxa's theme wrap each such part in the `fragment` macro
(`trangxa/fragment.html`); the parts of Material it wraps are included from Material's own
folder under a prefix (ORIGINAL_PREFIX), so Material's files are used as they are. When the
site overrides any template in its own theme folder, every page renders in full: trangxa
cannot know what an override reads of the page.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir

ORIGINAL_PREFIX = "trangxa-material"
# The engine's templates: the caching `fragment` macro, wrappers of Material's partials.
TEMPLATES_DIR = Path(__file__).parent / "theme"
FragmentKey = tuple[Hashable, ...]


def folder_prefixes(url: str) -> Iterable[str]:
    """Every folder address a link to `url` passes through, with the trailing slash."""
    parts = url.split("/")
    for end in range(1, len(parts)):
        yield "/".join(parts[:end]) + "/"


def site_overrides_templates(config: MkDocsConfig) -> bool:
    """Whether the site's own theme folder holds any template."""
    custom = config.theme.custom_dir
    if not custom:
        return False
    return any(name.endswith(".html") for _, _, names in os.walk(custom) for name in names)


@dataclass
class FragmentMemo:
    """This build's rendered parts, by part, folder and page options."""

    enabled: bool = False
    in_nav: set[int] = field(default_factory=set)
    # Folders that hold a page of the navigation or a static file.
    occupied: set[str] = field(default_factory=set)
    store: dict[FragmentKey, str] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def begin(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Start a build: forget every part, learn which pages and folders are left out."""
        self.store = {}
        self.hits = self.misses = 0
        self.enabled = not site_overrides_templates(config)
        self.in_nav = {id(page) for page in nav.pages}
        targets = [page.url for page in nav.pages]
        targets += [item.url for item in _links(nav.items)]
        targets += [file.url for file in files.static_pages()]
        targets += [file.url for file in files.media_files()]
        homepage = config.extra.get("homepage")
        if isinstance(homepage, str):
            targets.append(homepage)
        self.occupied = {prefix for url in targets for prefix in folder_prefixes(url)}

    def key(self, name: str, page: Any) -> FragmentKey | None:
        """Key of a part on this page, or None when the page must render it itself."""
        if not self.enabled or not isinstance(page, Page) or id(page) in self.in_nav:
            return None
        # Links are written relative to this folder: `a/b/` and `a/b` are read from inside b,
        # `a/b.html` from inside a (see mkdocs.utils.get_relative_url).
        head, _, last = page.url.rpartition("/")
        base = page.url if "." not in last else head
        if base and not base.endswith("/"):
            base += "/"
        if base in self.occupied:
            return None
        parent = base.rstrip("/").rpartition("/")[0]
        return (name, parent, base.count("/"), repr(page.meta.get("hide")))

    def has(self, key: FragmentKey | None) -> bool:
        """Whether the part was rendered for this folder already."""
        found = key is not None and key in self.store
        if found:
            self.hits += 1
        return found

    def get(self, key: FragmentKey) -> str:
        """The part as rendered for the first page of this folder."""
        return self.store[key]

    def keep(self, key: FragmentKey | None, output: str) -> str:
        """Remember a freshly rendered part and pass it on."""
        if key is not None:
            self.misses += 1
            self.store[key] = output
        return output


def _links(items: Iterable[Any]) -> Iterable[Link]:
    for item in items:
        if isinstance(item, Link):
            yield item
        yield from _links(getattr(item, "children", None) or [])


def add_original_templates(env: Environment) -> None:
    """Let wrappers include Material's own version of a template they stand in for."""
    original = PrefixLoader({ORIGINAL_PREFIX: FileSystemLoader(get_theme_dir("material"))})
    if env.loader is not None:
        env.loader = ChoiceLoader([env.loader, original])
    else:
        env.loader = original
