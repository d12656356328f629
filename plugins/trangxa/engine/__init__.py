"""The engine's shortcuts: the one part of trangxa that leans on MkDocs' or Material's insides.

Everything here makes a build faster, or a rebuild of `mkdocs serve` quicker, by copying,
patching or depending on code that MkDocs 1.6.1 and Material for MkDocs 9.8.1 do not offer as
a public interface, and every cache of trangxa lives here. The rest of trangxa uses only
public interfaces (plugin events, `File.generated`, `Page`, templates) and may import from
this package only what `__all__` lists below. The package itself loads no module of its own
and not MkDocs either: reading posts in a second process (`trangxa count`) stays light.

The switch
----------
Environment variable `TRANGXA_ENGINE_SHORTCUTS`: unset or `1` turns the shortcuts on (the
default); `0` turns them off. Off, posts are rendered by MkDocs' own `Page.render` through the
usual events, the build runs in one process, nothing is cached or reused, Material's templates
are used as they are and MkDocs' log is left alone. The output is byte for byte the same
(tests/engine/test_switch.py and tests/engine/test_golden.py); only the time differs. Turn
them off when an engine update breaks something here, or to tell whether a fault comes from
this package.

Modules
-------
- render: posts converted with one Markdown parser reset between posts; listing headings made
  without Markdown; post HTML kept between rebuilds.
- prerender: a second, forked process builds the older posts while this one builds the rest.
- twoprocess: a second process shares the reading of the post files (`trangxa count`, first
  reading), or begins reading them before the site's settings are loaded.
- cache, pagecache: post HTML and finished pages kept between rebuilds of `mkdocs serve`.
- serve_output: the previous rebuild's files left in place when unchanged.
- fragments, theme/: parts of Material's page drawn once per folder of pages and reused.
- jinja: compiled templates kept while serving, a plain template cache, Material's texts
  looked up once per key.
- pagesteps: MkDocs' private steps for one page, as the second process runs them.
- postmemo: posts read by `trangxa count` and `mkdocs serve`, kept until their file changes.
- search: Material's search index left empty without indexing every page.
- siteshortcuts: what the site layer (trangxa.site.layer) runs for every page when on.
- shortcuts: what the news plugin hands its events to when the shortcuts are on.

Private names used, and the upstream line each mirrors
------------------------------------------------------
MkDocs 1.6.1 (https://github.com/mkdocs/mkdocs/blob/1.6.1/...):

- `Page.render` copied in render.Converter.render:
  mkdocs/structure/pages.py#L263-L292
- `mkdocs.structure.pages._RawHTMLPreprocessor` and its `_register`:
  mkdocs/structure/pages.py#L522 and #L534
- `mkdocs.structure.pages._ExtractAnchorsTreeprocessor` and its `_register`:
  mkdocs/structure/pages.py#L329 and #L342
- `mkdocs.structure.pages._RelativePathTreeprocessor` and its `_register`:
  mkdocs/structure/pages.py#L346 and #L518
- `mkdocs.structure.pages._ExtractTitleTreeprocessor` and its `_register`:
  mkdocs/structure/pages.py#L552 and #L563
- `Page._title_from_render` (render.Converter.render, render.heading_without_markdown):
  mkdocs/structure/pages.py#L57, read by Page.title at #L247-L248
- `mkdocs.commands.build._populate_page` mirrored in pagesteps.populate_page:
  mkdocs/commands/build.py#L147-L182
- `mkdocs.commands.build._build_page` mirrored in pagesteps.build_page:
  mkdocs/commands/build.py#L185-L246
- `MkDocsConfig._current_page` (pagesteps.current_page): mkdocs/config/defaults.py#L201, as
  mkdocs/commands/build.py#L149 and #L195
- MkDocs' log text "Page skipped: ... Generated empty output." (serve_output.KeptPageFilter)
  and the skipping of an empty page it announces: mkdocs/commands/build.py#L229-L234
- MkDocs' cleaning of the site folder, which leaves hidden entries (serve_output.hold):
  mkdocs/commands/build.py#L272, mkdocs/utils/__init__.py#L134-L143

Material for MkDocs 9.8.1 (https://github.com/squidfunk/mkdocs-material/blob/9.8.1/...):

- the `t` macro of material/templates/partials/language.html#L5-L7, replaced by
  theme/partials/language.html and jinja.material_translator
- material/templates/partials/nav.html and partials/search.html, wrapped by
  theme/partials/nav.html and search.html and included from Material's folder under a prefix
- the blocks `styles`, `tabs`, `footer`, `config`, `scripts` of material/templates/base.html,
  drawn once per folder (fragments): this relies on what they read of the page
- `SearchIndex.add_entry_from_context` of material/plugins/search/plugin.py#L181, replaced on
  the plugin's `search_index` (plugin.py#L99, called at #L131) by search.skip_material_index

Jinja's `Environment.cache` (an LRU cache with a lock) is replaced by a plain dict
(jinja.use_plain_template_cache).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from trangxa.engine.postmemo import PostMemoFile as PostMemoFile
    from trangxa.engine.serve_output import PreviousOutput as PreviousOutput
    from trangxa.engine.shortcuts import Shortcuts as Shortcuts
    from trangxa.engine.siteshortcuts import SiteShortcuts as SiteShortcuts
    from trangxa.engine.twoprocess import EarlyReading as EarlyReading
    from trangxa.news.state import NewsState

# Types the rest of trangxa may name in annotations (imported under TYPE_CHECKING only).
PUBLIC_TYPES = ("EarlyReading", "PostMemoFile", "PreviousOutput", "Shortcuts", "SiteShortcuts")

__all__ = [
    "POSTS_MEMO_FILE",
    "PUBLIC_TYPES",
    "SWITCH",
    "map_in_two",
    "post_page",
    "posts_memo_file",
    "read_early",
    "render_heading",
    "shortcuts_for",
    "shortcuts_on",
    "site_shortcuts_for",
    "skip_material_index",
]

SWITCH = "TRANGXA_ENGINE_SHORTCUTS"
# The commands' memo of read posts, relative to the folder of mkdocs.yml.
POSTS_MEMO_FILE = ".cache/trangxa/posts.pickle"

T = TypeVar("T")
R = TypeVar("R")


def shortcuts_on() -> bool:
    """Whether the engine's shortcuts are on: unless TRANGXA_ENGINE_SHORTCUTS is 0."""
    return os.environ.get(SWITCH, "1").strip() != "0"


def post_page(file: File, config: MkDocsConfig) -> Page:
    """A post's page: one converted by the shortcuts, or MkDocs' own when they are off."""
    if not shortcuts_on():
        from mkdocs.structure.pages import Page

        return Page(None, file, config)
    from trangxa.engine.render import PostPage

    return PostPage(None, file, config)


def render_heading(page: Page, title: str, config: MkDocsConfig, files: Files) -> None:
    """Render a page whose whole Markdown is `# title`: without Markdown when the shortcuts
    are on, by MkDocs' own Page.render when they are off."""
    if not shortcuts_on():
        from mkdocs.structure.pages import Page

        Page.render(page, config, files)
        return
    from trangxa.engine.render import heading_without_markdown

    heading_without_markdown(page, title, config)


def site_shortcuts_for(
    kept: SiteShortcuts | None, config: MkDocsConfig, command: str, dirty: bool
) -> SiteShortcuts | None:
    """The site layer's shortcuts for this build, or None when the shortcuts are off.

    The site layer lives as long as the process (every rebuild of `mkdocs serve`), so the
    switch is read for each build and the shortcuts of the previous build kept.
    """
    if not shortcuts_on():
        return None
    if kept is None:
        from trangxa.engine.siteshortcuts import SiteShortcuts

        kept = SiteShortcuts()
    kept.begin(config, command, dirty)
    return kept


def shortcuts_for(
    kept: Shortcuts | None, state: NewsState, command: str, site: SiteShortcuts | None
) -> Shortcuts | None:
    """The object the news plugin hands its events to, or None when the shortcuts are off.

    MkDocs keeps a plugin across builds in one process (every rebuild of `mkdocs serve`), so
    the switch is read for each build and the shortcuts of the previous build kept. `site` is
    the site layer's part, whose record of the previous rebuild's files the news pages share.
    """
    if not shortcuts_on() or site is None:
        return None
    if kept is None:
        from trangxa.engine.shortcuts import Shortcuts

        kept = Shortcuts(state, command, site.previous)
    # The same plugin may serve a `build` after a `serve` in one process (tests do).
    kept.command, kept.previous = command, site.previous
    return kept


def posts_memo_file(root: Path, key: tuple[object, ...]) -> PostMemoFile | None:
    """The commands' memo of read posts under `root`, or None when the shortcuts are off."""
    if not shortcuts_on():
        return None
    from trangxa.engine.postmemo import PostMemoFile

    return PostMemoFile(root / POSTS_MEMO_FILE, key)


def skip_material_index(material_search: Any) -> bool:
    """Keep Material's search plugin from indexing pages; False when the shortcuts are off."""
    if not shortcuts_on():
        return False
    from trangxa.engine.search import skip_material_index as skip

    skip(material_search)
    return True


def map_in_two(items: Sequence[T], read: Callable[[T], R]) -> list[R]:
    """[read(item) for item in items]; with the shortcuts on, a forked second process reads
    part of them when there are many."""
    if not shortcuts_on():
        return [read(item) for item in items]
    from trangxa.engine import twoprocess

    return twoprocess.map_in_two(items, read)


def read_early(items: Sequence[T], read: Callable[[T], R]) -> EarlyReading[T, R] | None:
    """A forked second process reading items while this one does other work;
    None when the shortcuts are off or a second process would not help."""
    if not shortcuts_on():
        return None
    from trangxa.engine.twoprocess import EarlyReading

    return EarlyReading.start(items, read)
