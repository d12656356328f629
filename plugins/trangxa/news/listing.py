"""The news index, category, archive and tag listings, cut into pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

from trangxa.core.slugs import slugify
from trangxa.core.vnformat import roman
from trangxa.news.config import NewsConfig
from trangxa.news.shown import ShownPost

ListingKind = Literal["index", "category", "year", "quarter", "tag"]
# Listings a reader scans for a title rather than reads: no summaries, more posts per page.
COMPACT_KINDS: frozenset[ListingKind] = frozenset({"year", "quarter", "tag"})


@dataclass(frozen=True)
class Listing:
    """A list of posts with one address; long lists are cut into numbered pages."""

    kind: ListingKind
    title: str
    url: str
    posts: list[ShownPost]
    feed_url: str | None = None
    year: int | None = None
    per_page: int = 10

    @cached_property
    def pages(self) -> tuple[ListingPage, ...]:
        """The numbered pages, cut once when first asked; an empty listing still has one."""
        per_page = max(1, self.per_page)
        posts = self.posts
        chunks = [posts[i : i + per_page] for i in range(0, len(posts), per_page)]
        return tuple(
            ListingPage(
                self, number, chunk, self.url if number == 1 else f"{self.url}trang/{number}/"
            )
            for number, chunk in enumerate(chunks or [[]], start=1)
        )

    @property
    def compact(self) -> bool:
        """Titles and dates only, without summaries."""
        return self.kind in COMPACT_KINDS


@dataclass(frozen=True)
class ListingPage:
    """One numbered page of a listing; templates receive it, so it does not change."""

    listing: Listing
    number: int
    posts: list[ShownPost]
    url: str

    @property
    def src_uri(self) -> str:
        """Where the page pretends to live in docs/."""
        return f"{self.url}index.md"

    @property
    def total(self) -> int:
        """How many pages the listing has."""
        return len(self.listing.pages)

    @property
    def previous(self) -> ListingPage | None:
        """The page of newer posts."""
        return self.listing.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> ListingPage | None:
        """The page of older posts."""
        return self.listing.pages[self.number] if self.number < self.total else None

    def window(self, around: int = 2) -> list[ListingPage | None]:
        """First, last and nearby pages, None for a gap: constant size however long the list."""
        pages = self.listing.pages
        wanted = {1, self.total, *range(self.number - around, self.number + around + 1)}
        numbers = sorted(n for n in wanted if 1 <= n <= self.total)
        result: list[ListingPage | None] = []
        for previous, number in zip([0, *numbers], numbers, strict=False):
            if number - previous > 1:
                result.append(None)
            result.append(pages[number - 1])
        return result

    @property
    def title(self) -> str:
        """Title with the page number after the first page."""
        if self.number == 1:
            return self.listing.title
        return f"{self.listing.title} – trang {self.number}"


@dataclass
class NewsSections:
    """All listings of the site, and where each category and tag lives."""

    index: Listing
    categories: dict[str, Listing]
    years: dict[int, Listing]
    quarters: dict[tuple[int, int], Listing]
    tags: dict[str, Listing]

    def quarters_of(self, year: int) -> list[Listing]:
        """Quarters of a year that have posts, oldest first."""
        return [self.quarters[(year, q)] for q in range(1, 5) if (year, q) in self.quarters]

    def all(self) -> list[Listing]:
        """Every listing, index first."""
        return [
            self.index,
            *self.categories.values(),
            *self.years.values(),
            *self.quarters.values(),
            *self.tags.values(),
        ]


@lru_cache(maxsize=4096)
def _slug(name: str) -> str:
    # Listing cards ask for the same few category and tag addresses thousands of times.
    return slugify(name)


def category_url(config: NewsConfig, name: str) -> str:
    """Address of a category's first page."""
    return f"{config.url_prefix}/{config.categories_url_prefix}/{_slug(name)}/"


def tag_url(config: NewsConfig, name: str) -> str:
    """Address of a tag's first page."""
    return f"{config.url_prefix}/{config.tags_url_prefix}/{_slug(name)}/"


def archive_url(config: NewsConfig) -> str:
    """Address of the archive overview."""
    return f"{config.url_prefix}/{config.archive_url_prefix}/"


def year_url(config: NewsConfig, year: int) -> str:
    """Address of a year's archive."""
    return f"{archive_url(config)}{year}/"


def quarter_url(config: NewsConfig, year: int, quarter: int) -> str:
    """Address of a quarter's archive."""
    return f"{year_url(config, year)}quy-{quarter}/"


def build_sections(posts: list[ShownPost], config: NewsConfig) -> NewsSections:
    """Group posts (newest first) into listings; one pass over the posts."""
    by_category: dict[str, list[ShownPost]] = {name: [] for name in config.categories}
    by_year: dict[int, list[ShownPost]] = defaultdict(list)
    by_quarter: dict[tuple[int, int], list[ShownPost]] = defaultdict(list)
    by_tag: dict[str, list[ShownPost]] = defaultdict(list)
    for post in posts:
        for name in post.categories:
            by_category.setdefault(name, []).append(post)
        year, quarter = post.date.year, (post.date.month - 1) // 3 + 1
        by_year[year].append(post)
        by_quarter[(year, quarter)].append(post)
        for tag in post.tags:
            by_tag[tag].append(post)
    prefix = config.url_prefix
    full, compact = config.pagination_per_page, config.archive_per_page
    index = Listing(
        "index",
        config.title,
        f"{prefix}/",
        pinned_first(posts),
        feed_url=f"{prefix}/rss.xml",
        per_page=full,
    )
    categories = {
        name: Listing(
            "category",
            name,
            category_url(config, name),
            pinned_first(items),
            feed_url=f"{category_url(config, name)}rss.xml",
            per_page=full,
        )
        for name, items in by_category.items()
    }
    years = {
        year: Listing(
            "year", f"Năm {year}", year_url(config, year), items, year=year, per_page=compact
        )
        for year, items in sorted(by_year.items(), reverse=True)
    }
    quarters = {
        key: Listing(
            "quarter",
            f"Quý {roman(key[1])}/{key[0]}",
            quarter_url(config, *key),
            items,
            per_page=compact,
        )
        for key, items in sorted(by_quarter.items(), reverse=True)
    }
    tags = {
        name: Listing("tag", f"Thẻ: {name}", tag_url(config, name), items, per_page=compact)
        for name, items in sorted(by_tag.items())
    }
    return NewsSections(index, categories, years, quarters, tags)


def pinned_first(posts: list[ShownPost]) -> list[ShownPost]:
    """Pinned posts ahead of the rest, each group still newest first (the sort is stable).

    Archives and tags stay in date order: they answer "what was published when".
    """
    if not any(post.pinned for post in posts):
        return posts
    return sorted(posts, key=lambda post: not post.pinned)
