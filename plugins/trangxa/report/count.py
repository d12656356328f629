"""The figures of one reporting period: the one function the command, the page and the JSON share."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trangxa.core.dates import iso_vn, to_vn
from trangxa.news.collect import PostCollection
from trangxa.news.post import Post
from trangxa.procedures.counting import changes_in, in_force_at
from trangxa.procedures.model import Procedure
from trangxa.report.periods import Period

CHANGE_KEYS = ("new", "amended", "replaced", "abolished")


@dataclass(frozen=True)
class CountedPost:
    """A post counted in a period, with what the appendix of a report lists about it."""

    title: str
    date: datetime
    url: str
    categories: tuple[str, ...]
    source: str
    # Site-relative address, for links between pages of the site.
    path: str


@dataclass(frozen=True)
class CountedChange:
    """A procedure change posted in a period."""

    code: str
    name: str
    change: str
    change_label: str
    decision: str
    posted: datetime
    procedure: Procedure


@dataclass(frozen=True)
class ProcedureCount:
    """Procedure changes posted in the period and procedures in force at its end."""

    by_change: dict[str, int]
    in_force: int
    in_force_at: datetime
    changes: tuple[CountedChange, ...]


@dataclass(frozen=True)
class PeriodCount:
    """Everything counted for one period, as of one moment."""

    period: Period
    as_of: datetime
    items: tuple[CountedPost, ...]
    by_category: dict[str, int]
    procedures: ProcedureCount | None

    @property
    def total(self) -> int:
        """Posts counted, each once whatever its number of categories."""
        return len(self.items)

    @property
    def complete(self) -> bool:
        """Whether the period had ended at the moment of counting."""
        # Moments are kept to the second, so the last second of the period is its end.
        return self.as_of >= self.period.end.replace(microsecond=0)

    def items_in(self, category: str) -> list[CountedPost]:
        """Counted posts filed under one category."""
        name = _nfc(category)
        return [item for item in self.items if name in item.categories]


@dataclass(frozen=True)
class _Window:
    """The period cut at the moment of counting: what was posted after it cannot count yet."""

    period: Period
    as_of: datetime

    @property
    def last(self) -> datetime:
        """The last moment that counts: the period's end, or the moment of counting."""
        return min(self.period.end, self.as_of)

    def contains(self, dt: datetime) -> bool:
        return self.period.start <= to_vn(dt) <= self.last


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def post_url(path: str, site_url: str) -> str:
    """Full address of a post when the site's address is known, else its site-relative path."""
    if not site_url:
        return path
    # Post addresses are plain relative paths, so joining is concatenation; urljoin made
    # the statistics of a 10,000-post site take seconds.
    return f"{site_url.rstrip('/')}/{path.lstrip('/')}"


def count_period(
    posts: PostCollection | Iterable[Post],
    procedures: Sequence[Procedure] | None,
    period: Period,
    as_of: datetime,
    categories: Sequence[str],
    site_url: str = "",
    urls: Mapping[str, str] | None = None,
) -> PeriodCount:
    """Count the posts and procedure changes of a period as they stood at as_of.

    `urls` holds each post's address by source (see news.collect.assign_urls); a
    PostCollection brings its own.
    """
    if urls is None:
        urls = posts.urls if isinstance(posts, PostCollection) else {}
    as_of = to_vn(as_of)
    candidates = posts.valid if isinstance(posts, PostCollection) else posts
    window = _Window(period, as_of)
    # A post counts when it is not a draft and dated within the window. Its date is aware
    # (news.post), so it is compared with both ends as it is: calling contains for each of
    # ten thousand posts took half of the count.
    first, last = period.start, window.last
    counted = sorted(
        (post for post in candidates if not post.draft and first <= post.date <= last),
        key=lambda post: (post.date.timestamp(), post.source),
    )
    by_category = {_nfc(name): 0 for name in categories}
    items: list[CountedPost] = []
    for post in counted:
        names = tuple(dict.fromkeys(_nfc(name) for name in post.categories))
        for name in names:
            # A category missing from mkdocs.yml only happens when none are configured;
            # it is still counted rather than dropped.
            by_category[name] = by_category.get(name, 0) + 1
        path = urls.get(post.source, "")
        items.append(
            CountedPost(post.title, post.date, post_url(path, site_url), names, post.source, path)
        )
    procedure_count = None
    if procedures is not None:
        procedure_count = _count_procedures(procedures, period, as_of)
    return PeriodCount(period, as_of, tuple(items), by_category, procedure_count)


def _count_procedures(
    procedures: Sequence[Procedure], period: Period, as_of: datetime
) -> ProcedureCount:
    window = _Window(period, as_of)
    by_change = changes_in(procedures, window)
    moment = window.last
    changes = sorted(
        (
            CountedChange(
                procedure.code,
                procedure.name,
                entry.change.count_key,
                entry.change.value,
                entry.decision_text,
                entry.posted,
                procedure,
            )
            for procedure in procedures
            for entry in procedure.history
            if window.contains(entry.posted)
        ),
        key=lambda change: (change.posted.timestamp(), change.code),
    )
    return ProcedureCount(
        {key: by_change.get(key, 0) for key in CHANGE_KEYS},
        in_force_at(procedures, moment),
        moment,
        tuple(changes),
    )


def period_json(period: Period) -> dict[str, str]:
    """The period as the JSON output names it."""
    return {
        "id": period.id,
        "mode": period.mode,
        "label": period.label,
        "start": iso_vn(period.start),
        "end": iso_vn(period.end),
    }


def to_json_dict(count: PeriodCount, include_items: bool = True) -> dict[str, Any]:
    """The shape of `trangxa count --format json` and of each entry of thong-ke/so-lieu.json."""
    posts: dict[str, Any] = {"total": count.total, "by_category": dict(count.by_category)}
    if include_items:
        posts["items"] = [
            {
                "title": item.title,
                "date": iso_vn(item.date),
                "url": item.url,
                "categories": list(item.categories),
                "source": item.source,
            }
            for item in count.items
        ]
    procedures: dict[str, Any] | None = None
    if count.procedures is not None:
        procedures = {
            "by_change": dict(count.procedures.by_change),
            "in_force": count.procedures.in_force,
        }
    return {
        "period": period_json(count.period),
        "as_of": iso_vn(count.as_of),
        "complete": count.complete,
        "posts": posts,
        "procedures": procedures,
    }
