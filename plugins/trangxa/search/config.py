"""Options of the search plugin, as written under `trangxa-search:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SearchConfig(base.Config):
    """Folding can be switched off to compare with Material's plain search."""

    enabled = c.Type(bool, default=True)
