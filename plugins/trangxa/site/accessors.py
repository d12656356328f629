"""What one trangxa plugin may read of another's work in the same build, and nothing else.

Plugins reach each other only through these functions, so what each offers is listed here:
the news plugin its published posts, the moment it counted from and its categories; the
procedures plugin its options, its records and its problems. The plugin classes are imported
for their types only: the news and procedures plugins import this module themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig

from trangxa.site import names

if TYPE_CHECKING:
    from trangxa.core.problems import Problem
    from trangxa.news.post import Post
    from trangxa.procedures.config import ProceduresConfig
    from trangxa.procedures.model import Procedure


@dataclass(frozen=True)
class NewsOffer:
    """The news of this build as other plugins see it."""

    published: list[Post]
    # When the news plugin decided what is published; None before it read the posts.
    as_of: datetime | None
    categories: list[str]
    # Each post's address on the site, by source.
    urls: dict[str, str]

    def source_uri(self, post: Post) -> str | None:
        """The source path MkDocs knows a post's page by; None for a post without an address."""
        url = self.urls.get(post.source)
        # The news plugin files each post's page at its address.
        return None if url is None else f"{url}index.md"


def news(config: MkDocsConfig) -> NewsOffer | None:
    """The published news, or None when mkdocs.yml does not list the news plugin or turns it off."""
    plugin: Any = config.plugins.get(names.NEWS)
    if plugin is None or not getattr(plugin.config, "enabled", False):
        return None
    state = plugin.state
    collection = state.collection
    return NewsOffer(
        collection.published,
        getattr(state, "now", None),
        list(plugin.config.categories),
        collection.urls,
    )


def procedures_options(config: MkDocsConfig) -> ProceduresConfig | None:
    """Options of the procedures plugin, enabled or not; None when mkdocs.yml does not list it."""
    plugin: Any = config.plugins.get(names.PROCEDURES)
    if plugin is None:
        return None
    options: ProceduresConfig = plugin.config
    return options


def procedures(config: MkDocsConfig) -> list[Procedure]:
    """The procedure records this build read; none before the procedures plugin read them."""
    return list(getattr(config.plugins.get(names.PROCEDURES), "procedures", []))


def procedure_problems(config: MkDocsConfig) -> list[Problem]:
    """Every problem the procedures plugin found in this build, for the preview's list."""
    return list(getattr(config.plugins.get(names.PROCEDURES), "problems", []))
