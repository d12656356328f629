"""The first reading of the posts begun before MkDocs loads mkdocs.yml.

Loading the site's settings the way a build does (MkDocs with every plugin's option schema)
takes a fifth of a second, and a first count of ten thousand posts reads for a second more.
Both can go at once: the posts folder and categories are taken from mkdocs.yml as plain
YAML, and a second process starts reading while MkDocs loads the settings properly. The
reading is used only if the loaded settings turn out the same (news.collect.EarlyPosts);
otherwise it is dropped and the posts are read as usual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from trangxa import engine
from trangxa.commands.postmemo import CACHE_FILE
from trangxa.core.walk import walk_folder
from trangxa.news.collect import EarlyPosts, is_post_file, signed_reader
from trangxa.news.defaults import DEFAULT_CATEGORIES, DEFAULT_POSTS_DIR
from trangxa.site import names

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SettingsLoader(_Base):  # type: ignore[valid-type,misc]
    """Plain YAML, with the tags MkDocs adds (!ENV, !relative, !!python/name:…) read as
    nothing: only the news plugin's options are wanted, and MkDocs reads the rest."""


_SettingsLoader.add_constructor(None, lambda loader, node: None)


def start_reading(config_file: str) -> EarlyPosts | None:
    """Begin reading every post for a first count, or None when that would not help."""
    path = Path(config_file).resolve()
    root = path.parent
    if (root / CACHE_FILE).exists():
        # Not a first count: the memo of the previous one answers, and quickly.
        return None
    guess = news_settings(path)
    if guess is None:
        return None
    posts_dir, allowed = guess
    top = root / posts_dir
    if not top.is_dir():
        return None
    walk = walk_folder(top, root)
    items = [(source, full) for full, source in walk.paths if is_post_file(full)]
    reading = engine.read_early(items, signed_reader(list(allowed), keep_body=False))
    if reading is None:
        return None
    return EarlyPosts(top, allowed, False, walk, reading)


def news_settings(config_file: Path) -> tuple[str, tuple[str, ...]] | None:
    """posts_dir and categories of the news plugin as mkdocs.yml writes them, or None when
    the file cannot be read that simply (then MkDocs' reading is waited for)."""
    try:
        data = yaml.load(config_file.read_bytes(), Loader=_SettingsLoader)
    except (OSError, ValueError, yaml.YAMLError):
        return None
    if not isinstance(data, dict) or "INHERIT" in data:
        return None
    options = _plugin_options(data.get("plugins"), names.NEWS)
    if options is None:
        return None
    posts_dir = options.get("posts_dir", DEFAULT_POSTS_DIR)
    categories = options.get("categories", list(DEFAULT_CATEGORIES))
    if not isinstance(posts_dir, str) or not isinstance(categories, list):
        return None
    if not all(isinstance(category, str) for category in categories):
        return None
    return posts_dir, tuple(categories)


def _plugin_options(plugins: Any, name: str) -> dict[str, Any] | None:
    """A plugin's options in either form MkDocs accepts: a list of names and one-key
    mappings, or one mapping of names."""
    if isinstance(plugins, dict):
        return _options(plugins[name]) if name in plugins else None
    if not isinstance(plugins, list):
        return None
    for entry in plugins:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return _options(entry[name])
    return None


def _options(value: Any) -> dict[str, Any] | None:
    if value is None:
        return {}
    return value if isinstance(value, dict) else None
