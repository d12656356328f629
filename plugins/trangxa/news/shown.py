"""A post as one build shows it: the parsed post, and what the build adds to it.

A parsed Post never changes, so posts read once serve every rebuild of `mkdocs serve` as
they are. Whatever depends on the build (the address among the other posts, the state
as of the build's moment, the Markdown with its links rewritten, the HTML and what is taken
from it, the files found beside it) lives here, made anew by each build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

from trangxa.news.attachments import Attachment
from trangxa.news.picture import Picture
from trangxa.news.post import Post

_WORD = re.compile(r"\w+")


@dataclass(eq=False)
class ShownPost:
    """One shown post of this build; templates read the post's fields through it."""

    post: Post
    url: str
    # "published", "draft" or "scheduled", as of the build's moment.
    status: str
    # The post's Markdown with links to other posts pointing at their pages.
    body: str
    html: str = ""
    summary: str = ""
    # The first described image of the post, for its card on the home page.
    picture: Picture | None = None
    attachments: list[Attachment] = field(default_factory=list)

    @cached_property
    def words(self) -> int:
        """Words in the body, for the reading time; counted only when a page shows it."""
        return len(_WORD.findall(self.body))

    @property
    def source(self) -> str:
        """The post's file as staff see it in messages."""
        return self.post.source

    @property
    def abs_path(self) -> str:
        """The post's file."""
        return self.post.abs_path

    @property
    def folder(self) -> Path:
        """Folder that relative links in the post are resolved against."""
        return self.post.folder

    @property
    def title(self) -> str:
        """The post's title."""
        return self.post.title

    @property
    def date(self) -> datetime:
        """When the post is published."""
        return self.post.date

    @property
    def updated(self) -> datetime | None:
        """When the post was last updated, if the author said."""
        return self.post.updated

    @property
    def categories(self) -> list[str]:
        """The post's categories."""
        return self.post.categories

    @property
    def tags(self) -> list[str]:
        """The post's tags."""
        return self.post.tags

    @property
    def authors(self) -> list[str]:
        """The post's authors, as keys of the authors list."""
        return self.post.authors

    @property
    def description(self) -> str | None:
        """The author's description of the post."""
        return self.post.description

    @property
    def image(self) -> str | None:
        """The post's image for social cards."""
        return self.post.image

    @property
    def body_line(self) -> int:
        """Line of the post's file where the body starts."""
        return self.post.body_line

    @property
    def readtime(self) -> int | None:
        """The author's reading time in minutes, if given."""
        return self.post.readtime

    @property
    def pinned(self) -> bool:
        """Whether the post is shown first in its listings."""
        return self.post.pinned

    @property
    def draft(self) -> bool:
        """Whether the post is a draft."""
        return self.post.draft
