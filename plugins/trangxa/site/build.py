"""What the trangxa plugins of one build hand each other: the whole interface between them.

Plugins never read each other's attributes. Each publishes what others may use into the
build's SiteBuild, and reads only from it:

- trangxa-news publishes a NewsOffer in on_files: the posts it published, the moment it
  decided that at, its categories and each post's address. trangxa-report counts the
  posts; trangxa-search indexes their pages' text.
- trangxa-procedures publishes a ProceduresOffer in on_config (its options, no records yet)
  and again in on_files with the records it read. trangxa-report counts and links them;
  the site map (site/templates/trangxa/site-map.html) lists them as `trangxa_site.procedures`.
- news and procedures publish their problems in on_files; while previewing the site layer
  lists them on every page.
- trangxa-search does not join the site layer; it reads this build's SiteBuild through
  site.layer.build_of.

An offer that is None means mkdocs.yml does not list that plugin (or, for news, turns it off).
The site layer (site/layer.py) makes one SiteBuild per build and hands it to every plugin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from trangxa.site import names

if TYPE_CHECKING:
    from trangxa.core.problems import Problem
    from trangxa.news.post import Post
    from trangxa.procedures.model import Procedure


@dataclass(frozen=True)
class NewsOffer:
    """The news of this build as other plugins see it."""

    published: tuple[Post, ...]
    # When the news plugin decided what is published.
    as_of: datetime
    categories: tuple[str, ...]
    # Each post's address on the site, by source.
    urls: Mapping[str, str]

    def source_uri(self, post: Post) -> str | None:
        """The source path MkDocs knows a post's page by; None for a post without an address."""
        url = self.urls.get(post.source)
        # The news plugin files each post's page at its address.
        return None if url is None else f"{url}index.md"


@dataclass(frozen=True)
class ProceduresOffer:
    """The procedures of this build as other plugins see it."""

    # False when mkdocs.yml lists the plugin with `enabled: false`: it then reads no records.
    enabled: bool
    url_prefix: str
    # Sorted by field, then by name; empty until the plugin has read the records.
    records: tuple[Procedure, ...] = ()


# The order the preview lists problems in, whichever plugin published first.
_PROBLEM_ORDER = (names.NEWS, names.PROCEDURES)


@dataclass
class SiteBuild:
    """One build's published offers; a new build starts with an empty one."""

    news: NewsOffer | None = None
    procedures: ProceduresOffer | None = None
    problems_by_plugin: dict[str, list[Problem]] = field(default_factory=dict)

    def publish_problems(self, plugin: str, problems: list[Problem]) -> None:
        """Every problem a plugin found in its files, for the preview's list."""
        self.problems_by_plugin[plugin] = list(problems)

    def problems(self) -> list[Problem]:
        """Every published problem, news first."""
        return [p for name in _PROBLEM_ORDER for p in self.problems_by_plugin.get(name, [])]
