"""Find every post under the posts folder, sort it into a state, and give it a URL."""

from __future__ import annotations

import operator
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trangxa import engine
from trangxa.console import name_file
from trangxa.core.problems import ContentError, Problem
from trangxa.core.textfile import read_bytes_and_stat
from trangxa.core.walk import Walk, walk_folder
from trangxa.news.post import Post, read_post

if TYPE_CHECKING:
    from trangxa.engine import EarlyReading

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# A memo already pickled: the sources in order, and parts that line up with them once read.
PickledMemo = tuple[list[str], list[bytes]]


@dataclass
class PostCollection:
    """Every file under the posts folder, accounted for."""

    published: list[Post] = field(default_factory=list)
    drafts: list[Post] = field(default_factory=list)
    scheduled: list[Post] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    other_files: list[str] = field(default_factory=list)
    # Hidden and editor files, broken links: listed, never read (see trangxa.core.walk).
    skipped: list[Problem] = field(default_factory=list)
    parsed: int = 0
    # A first reading in two processes, as pickled parts the memo file can store as they are
    # (trangxa.engine.postmemo): sources in order, and the parts.
    pickled_memo: PickledMemo | None = None
    # Each post's address by source, once given (see assign_urls): the posts themselves
    # never change.
    urls: dict[str, str] = field(default_factory=dict)

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


# What a file was read into, keyed by its path; the signature says whether it is still valid.
FileSignature = tuple[int, int, int]
PostMemo = dict[str, tuple[FileSignature, "Post | Problem"]]


def signature(path: str | Path) -> FileSignature:
    """Size, modification time and inode: a file rewritten in any way changes one of them."""
    return signature_of(os.stat(path))


def signature_of(stat: os.stat_result) -> FileSignature:
    """The signature (see signature) of what the system said of a file."""
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def is_post_file(path: str) -> bool:
    """Whether a file under the posts folder is a post: Markdown, by its suffix as
    os.path.splitext takes it (a third of the time: this runs for every file, before the
    second reading process can start)."""
    dot = path.rfind(".")
    if dot < 0 or path[dot:].lower() not in MARKDOWN_SUFFIXES:
        return False
    start = max(path.rfind("/"), path.rfind(os.sep), path.rfind(os.altsep or os.sep)) + 1
    # No suffix for a name that is only dots before it (".md", "..md").
    return path[start:dot].strip(".") != ""


def _signature_or_none(path: str | Path) -> FileSignature | None:
    try:
        return signature(path)
    except OSError:
        # Gone or unreadable since the walk: reading it reports the problem with the file,
        # and nothing is remembered of it.
        return None


def _parse(
    source_path: tuple[str, str], allowed: list[str], keep_body: bool, data: bytes | None = None
) -> Post | Problem:
    source, path = source_path
    # As console.reading does, without its context manager's cost for each of ten thousand posts.
    try:
        # Counting needs no body; leaving it out keeps the memo on disk small and quick to load.
        return read_post(path, source, allowed, keep_body, data)
    except ContentError as exc:
        return exc.problem
    except Exception as exc:
        name_file(exc, source)
        raise


SignedPost = tuple[FileSignature | None, "Post | Problem"]


def signed_reader(allowed: list[str], keep_body: bool) -> Callable[[tuple[str, str]], SignedPost]:
    """How a file missing from the memo is read: (source, path) to its signature and post."""

    def signed(item: tuple[str, str]) -> SignedPost:
        # Taken of the very file read, in whichever process reads: a first reading of
        # thousands of files shares the stat calls with the second process too.
        try:
            data, stat = read_bytes_and_stat(item[1])
        except OSError:
            # Gone or unreadable: reading it reports the problem, nothing is remembered.
            return None, _parse(item, allowed, keep_body)
        return signature_of(stat), _parse(item, allowed, keep_body, data)

    return signed


@dataclass
class EarlyPosts:
    """Posts being read by a second process since before the site's settings were loaded.

    Taken up by collect_posts only when the settings turn out to be the ones guessed.
    """

    posts_dir: Path
    allowed: tuple[str, ...]
    keep_body: bool
    walk: Walk
    reading: EarlyReading[tuple[str, str], SignedPost]

    def matches(self, posts_dir: Path, allowed: list[str], keep_body: bool) -> bool:
        """Whether the posts were read as they would be now."""
        return (self.posts_dir, self.allowed, self.keep_body) == (
            posts_dir,
            tuple(allowed),
            keep_body,
        )


def _read_all(
    files: list[tuple[str, str]],
    allowed: list[str],
    memo: PostMemo | None,
    memo_changes: list[str],
    parallel: bool,
    keep_body: bool,
    early: EarlyReading[tuple[str, str], SignedPost] | None = None,
) -> tuple[list[Post | Problem], PickledMemo | None]:
    """Each file read, or taken from the memo when unchanged; the reading in two processes
    when asked and worth it. With it, the memo as pickled parts when they can be stored."""

    def parse(item: tuple[str, str]) -> Post | Problem:
        return _parse(item, allowed, keep_body)

    def parse_all(items: list[tuple[str, str]]) -> list[Post | Problem]:
        return engine.map_in_two(items, parse) if parallel else [parse(item) for item in items]

    signed = signed_reader(allowed, keep_body)
    if memo is None:
        return parse_all([(source, path) for path, source in files]), None
    results: list[Post | Problem | None] = []
    missing: list[tuple[int, str, str]] = []
    for path, source in files:
        known = memo.get(source)
        if known is not None and known[0] == _signature_or_none(path):
            results.append(known[1])
        else:
            missing.append((len(results), source, path))
            results.append(None)
    to_read = [(source, path) for _, source, path in missing]
    pickled_memo: PickledMemo | None = None
    if early is not None and early.items == to_read:
        parsed = early.finish(signed, keep_pickled=True)
        if early.pickled is not None and not memo:
            # The memo is exactly what was read, so its parts may be stored as pickled.
            pickled_memo = ([source for source, _ in to_read], early.pickled)
    else:
        if early is not None:
            early.cancel()
        parsed = engine.map_in_two(to_read, signed) if parallel else [signed(i) for i in to_read]
    for (index, source, _), (sig, item) in zip(missing, parsed, strict=True):
        if sig is not None:
            memo[source] = (sig, item)
            memo_changes.append(source)
        results[index] = item
    # Posts never change, so the memo's serve every build as they are (see news.shown).
    return [item for item in results if item is not None], pickled_memo


def collect_posts(
    posts_dir: Path,
    site_root: Path,
    allowed_categories: list[str],
    now: datetime,
    memo: PostMemo | None = None,
    *,
    parallel: bool = False,
    keep_body: bool = True,
    early: EarlyPosts | None = None,
) -> PostCollection:
    """Read every Markdown file under posts_dir; nothing is dropped without a trace.

    With a memo, files unchanged since they were last read are not parsed again; entries
    of files that are gone are dropped from it. With parallel, many files to read are read
    in two processes; without keep_body, posts are read without their body (for counting).
    `early` is a reading begun before the settings were known, used if they match.
    """
    result = PostCollection()
    if early is not None and not early.matches(posts_dir, allowed_categories, keep_body):
        early.reading.cancel()
        early = None
    if not posts_dir.is_dir():
        if early is not None:
            early.reading.cancel()
        if memo is not None:
            memo.clear()
        return result
    seen: set[str] = set()
    changes: list[str] = []
    markdown: list[tuple[str, str]] = []
    # The early reading walked the folder a moment ago; its list is the one it reads.
    walk = early.walk if early is not None else walk_folder(posts_dir, site_root)
    result.skipped = walk.skipped
    for path, source in walk.paths:
        if not is_post_file(path):
            result.other_files.append(source)
            continue
        seen.add(source)
        markdown.append((path, source))
    items, result.pickled_memo = _read_all(
        markdown,
        allowed_categories,
        memo,
        changes,
        parallel,
        keep_body,
        early.reading if early is not None else None,
    )
    for item in items:
        if isinstance(item, Problem):
            result.errors.append(item)
            continue
        post = item
        result.warnings.extend(post.warnings)
        if post.draft:
            result.drafts.append(post)
        elif post.date > now:
            result.scheduled.append(post)
        else:
            result.published.append(post)
    result.parsed = len(changes) if memo is not None else len(seen)
    if memo is not None:
        for gone in set(memo) - seen:
            del memo[gone]
            result.parsed += 1
    for group in (result.published, result.drafts, result.scheduled):
        sort_newest_first(group)
    return result


def sort_newest_first(posts: list[Post]) -> None:
    """Sort posts newest first, then by file path so ties are stable: by attribute in two
    stable passes, with no key to make in Python for each of ten thousand posts."""
    posts.sort(key=_BY_SOURCE)
    # Aware datetimes compare as the instants they are, as their timestamps do.
    posts.sort(key=_BY_DATE, reverse=True)


def oldest_first(posts: list[Post]) -> list[Post]:
    """The posts by date, oldest first, then by file path."""
    ordered = sorted(posts, key=_BY_SOURCE)
    ordered.sort(key=_BY_DATE)
    return ordered


_BY_SOURCE = operator.attrgetter("source")
_BY_DATE = operator.attrgetter("date")


def assign_urls(posts: list[Post], url_prefix: str, urls: dict[str, str]) -> list[Problem]:
    """Give each post a unique URL in `urls`, by source; same-title posts get -2, -3 in date order.

    Addresses already in `urls` stay taken. Posts are numbered oldest first so that a new
    post never changes an old post's address. Two posts that ask for the same explicit slug
    are an error naming both files; the second gets no address.
    """
    taken = set(urls.values())
    problems: list[Problem] = []
    owners: dict[str, Post] = {}
    by_date = oldest_first(posts)
    for post in by_date:
        if not post.slug_explicit:
            continue
        url = f"{_url_base(url_prefix, post)}/"
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
        urls[post.source] = url
    used = set(owners) | taken
    for post in by_date:
        if post.slug_explicit:
            continue
        base = _url_base(url_prefix, post)
        candidate, number = f"{base}/", 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}/"
        used.add(candidate)
        urls[post.source] = candidate
    return problems


def _url_base(prefix: str, post: Post) -> str:
    """A post's address without its final "/": a number may follow for a second post."""
    return f"{prefix}/{post.date.year}/{post.slug}"
