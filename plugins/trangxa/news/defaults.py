"""Defaults of the news plugin's options that are also needed without MkDocs loaded."""

from __future__ import annotations

DEFAULT_POSTS_DIR = "posts"
DEFAULT_CATEGORIES: tuple[str, ...] = ()
