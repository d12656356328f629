"""The news listings and the archive overview as generated pages, with plain data each."""

from __future__ import annotations

from dataclasses import dataclass

from trangxa.news.config import NewsConfig
from trangxa.news.listing import COMPACT_KINDS, Listing, ListingPage, NewsSections, archive_url
from trangxa.site.pages import GeneratedPage

LISTING_TEMPLATE = "trangxa/listing.html"
ARCHIVE_TEMPLATE = "trangxa/archive.html"
ARCHIVE_TITLE = "Lưu trữ tin bài"


@dataclass(frozen=True)
class SectionLink:
    """A category named on the news index, with its address and number of posts."""

    name: str
    url: str
    count: int


@dataclass(frozen=True)
class ListingData:
    """What trangxa/listing.html shows: one numbered page of a listing."""

    # The page: title, number, total, posts, previous, next, window() of page links.
    page: ListingPage
    # The categories, on the first page of the news index only.
    categories: tuple[SectionLink, ...]
    # The quarters of a year's archive that have posts, oldest first; empty for other lists.
    quarters: tuple[Listing, ...]
    archive_url: str

    @property
    def listing(self) -> Listing:
        """The whole listing the page belongs to: kind, title, url, feed_url, posts."""
        return self.page.listing


@dataclass(frozen=True)
class ArchiveYear:
    """A year of the archive overview, with its quarters."""

    listing: Listing
    quarters: tuple[Listing, ...]


@dataclass(frozen=True)
class ArchiveData:
    """What trangxa/archive.html shows: every year with its quarters, and every tag."""

    years: tuple[ArchiveYear, ...]
    tags: tuple[tuple[str, Listing], ...]


def listing_data(page: ListingPage, sections: NewsSections, config: NewsConfig) -> ListingData:
    """The data of one listing page."""
    listing = page.listing
    categories: tuple[SectionLink, ...] = ()
    if listing.kind == "index" and page.number == 1:
        categories = tuple(
            SectionLink(name, item.url, len(item.posts))
            for name, item in sections.categories.items()
        )
    quarters: tuple[Listing, ...] = ()
    if listing.kind == "year" and listing.year is not None:
        quarters = tuple(sections.quarters_of(listing.year))
    return ListingData(page, categories, quarters, archive_url(config))


def listing_meta(page: ListingPage) -> dict[str, object]:
    """Front matter of a listing page; only first pages of main lists go to the search."""
    # A listing is its own menu: the side columns would stand empty beside it.
    meta: dict[str, object] = {"hide": ["navigation", "toc"]}
    if page.number > 1 or page.listing.kind in COMPACT_KINDS:
        meta["search"] = {"exclude": True}
    return meta


def archive_data(sections: NewsSections) -> ArchiveData:
    """The data of the archive overview."""
    years = tuple(
        ArchiveYear(listing, tuple(sections.quarters_of(year)))
        for year, listing in sections.years.items()
    )
    return ArchiveData(years, tuple(sections.tags.items()))


def news_pages(sections: NewsSections, config: NewsConfig) -> list[GeneratedPage]:
    """Every listing page, index first, then the archive overview.

    Listings come before the posts in the site's files: MkDocs renders pages in that order,
    so when a second process builds the older posts, this one renders the listings meanwhile.
    """
    pages = [
        GeneratedPage(
            page.src_uri,
            page.title,
            LISTING_TEMPLATE,
            listing_data(page, sections, config),
            meta=listing_meta(page),
            in_nav=listing.kind == "index" and page.number == 1,
        )
        for listing in sections.all()
        for page in listing.pages
    ]
    pages.append(
        GeneratedPage(
            f"{archive_url(config)}index.md",
            ARCHIVE_TITLE,
            ARCHIVE_TEMPLATE,
            archive_data(sections),
        )
    )
    return pages
