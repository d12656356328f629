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
from typing import Generic, TypeVar, overload

from trangxa.news.attachments import Attachment
from trangxa.news.picture import Picture
from trangxa.news.post import Post

_WORD = re.compile(r"\w+")
T = TypeVar("T")


class _FromPost(Generic[T]):
    """A field of the parsed post, read from the shown post that holds it."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, shown: None, owner: type) -> _FromPost[T]: ...
    @overload
    def __get__(self, shown: ShownPost, owner: type) -> T: ...
    def __get__(self, shown: ShownPost | None, owner: type) -> _FromPost[T] | T:
        if shown is None:
            return self
        value: T = getattr(shown.post, self.name)
        return value


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

    # The parsed post's fields, read through: templates and listings ask the shown post.
    source = _FromPost[str]()
    abs_path = _FromPost[str]()
    folder = _FromPost[Path]()
    title = _FromPost[str]()
    date = _FromPost[datetime]()
    updated = _FromPost[datetime | None]()
    categories = _FromPost[list[str]]()
    tags = _FromPost[list[str]]()
    authors = _FromPost[list[str]]()
    description = _FromPost[str | None]()
    image = _FromPost[str | None]()
    body_line = _FromPost[int]()
    readtime = _FromPost[int | None]()
    pinned = _FromPost[bool]()
    draft = _FromPost[bool]()

    @cached_property
    def words(self) -> int:
        """Words in the body, for the reading time; counted only when a page shows it."""
        return len(_WORD.findall(self.body))
