"""The names the trangxa plugins are registered under, spelled in one place.

They must match the entry points in pyproject.toml: mkdocs.yml lists the plugins by these
names, and `config.plugins` is keyed by them. Templates cannot import this module; the one
that looks a plugin up (site/templates/trangxa/site-map.html) spells the name and says so.
"""

from __future__ import annotations

NEWS = "trangxa-news"
PROCEDURES = "trangxa-procedures"
REPORT = "trangxa-report"
SEARCH = "trangxa-search"
