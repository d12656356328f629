"""Find every post under the posts folder, sort it into a state, and give it a URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from trangxa.core.problems import ContentError, Problem
from trangxa.news.post import Post, read_post

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


@dataclass
class PostCollection:
    """Every file under the posts folder, accounted for."""

    published: list[Post] = field(default_factory=list)
    drafts: list[Post] = field(default_factory=list)
    scheduled: list[Post] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)

    @property
    def valid(self) -> list[Post]:
        """Posts that were read without error, whatever their state."""
        return [*self.published, *self.drafts, *self.scheduled]


def relative_source(path: Path, site_root: Path) -> str:
    """Path as staff see it in messages: relative to the mkdocs.yml folder, with slashes."""
    try:
        return path.relative_to(site_root).as_posix()
    except ValueError:
        return path.as_posix()


def collect_posts(
    posts_dir: Path, site_root: Path, allowed_categories: list[str], now: datetime
) -> PostCollection:
    """Read every Markdown file under posts_dir; nothing is dropped without a trace."""
    result = PostCollection()
    if not posts_dir.is_dir():
        return result
    for path in sorted(p for p in posts_dir.rglob("*") if p.is_file()):
        source = relative_source(path, site_root)
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            result.other_files.append(source)
            continue
        try:
            post = read_post(path, source, allowed_categories)
        except ContentError as exc:
            result.errors.append(exc.problem)
            continue
        result.warnings.extend(post.warnings)
        if post.draft:
            post.status = "draft"
            result.drafts.append(post)
        elif post.date > now:
            post.status = "scheduled"
            result.scheduled.append(post)
        else:
            result.published.append(post)
    for group in (result.published, result.drafts, result.scheduled):
        group.sort(key=newest_first)
    return result


def newest_first(post: Post) -> tuple[float, str]:
    """Sort key: newest date first, then by file path so ties are stable."""
    return (-post.date.timestamp(), post.source)


def assign_urls(posts: list[Post], url_prefix: str, taken: set[str] | None = None) -> list[Problem]:
    """Give each post a unique URL; same-title posts get -2, -3 in date order.

    Posts are numbered oldest first so that a new post never changes an old post's address.
    Two posts that ask for the same explicit slug are an error naming both files.
    """
    taken = taken if taken is not None else set()
    problems: list[Problem] = []
    owners: dict[str, Post] = {}
    oldest_first = sorted(posts, key=lambda p: (p.date.timestamp(), p.source))
    for post in oldest_first:
        if not post.slug_explicit:
            continue
        url = _url(url_prefix, post, post.slug)
        if url in owners or url in taken:
            other = owners.get(url)
            other_name = other.source if other else "một bài khác"
            problems.append(
                Problem(
                    post.source,
                    None,
                    f'Đường dẫn "{url}" trùng với bài {other_name} (cùng slug "{post.slug}" và '
                    "cùng năm). Đổi slug của một trong hai bài.",
                )
            )
            continue
        owners[url] = post
        post.url = url
    used = set(owners) | taken
    for post in oldest_first:
        if post.slug_explicit:
            continue
        candidate, number = _url(url_prefix, post, post.slug), 1
        while candidate in used:
            number += 1
            candidate = _url(url_prefix, post, f"{post.slug}-{number}")
        used.add(candidate)
        post.url = candidate
    taken.update(used)
    return problems


def _url(prefix: str, post: Post, slug: str) -> str:
    return f"{prefix}/{post.date.year}/{slug}/"
