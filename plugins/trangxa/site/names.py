"""The names the trangxa plugins are registered under, spelled in one place.

They must match the entry points in pyproject.toml: mkdocs.yml lists the plugins by these
names, and `config.plugins` is keyed by them. Templates never look a plugin up: what they
need of another plugin comes from the build's shared state (site/build.py).
"""

from __future__ import annotations

NEWS = "trangxa-news"
PROCEDURES = "trangxa-procedures"
REPORT = "trangxa-report"
SEARCH = "trangxa-search"
