"""Options of the search plugin, as written under `trangxa-search:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SearchConfig(base.Config):
    """Folding can be switched off to compare with Material's plain search."""

    enabled = c.Type(bool, default=True)
    # The second index, of every post's whole text. Pagefind holds all of it in memory while
    # indexing (1.6 GB at 10,000 benchmark posts): a site built on a small machine may go
    # without, and posts are then found by title and summary only.
    full_text = c.Type(bool, default=True)
