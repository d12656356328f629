"""What templates see of the news: the news object, date and size filters, page data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from jinja2 import Environment
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa.core.dates import format_vn_datetime, format_vn_long, format_vn_short, iso_vn
from trangxa.core.vnformat import format_size
from trangxa.news.config import NewsConfig
from trangxa.news.excerpt import reading_minutes
from trangxa.news.feedlists import FeedLink
from trangxa.news.listing import Listing, NewsSections, archive_url, category_url, tag_url
from trangxa.news.shown import ShownPost
from trangxa.news.state import NewsState


@dataclass
class TemplateNews:
    """What templates may ask of the news, besides the page at hand."""

    state: NewsState
    config: NewsConfig

    @property
    def latest(self) -> list[ShownPost]:
        """Newest posts for the home page."""
        return self.state.shown[: self.config.home_latest]

    @property
    def latest_cchc(self) -> list[ShownPost]:
        """Newest posts of the administrative reform column."""
        sections = self.state.sections
        if sections is None or self.config.cchc_category not in sections.categories:
            return []
        return sections.categories[self.config.cchc_category].posts[: self.config.home_latest]

    @property
    def sections(self) -> NewsSections | None:
        """All listings, for archive and category menus."""
        return self.state.sections

    @property
    def index_url(self) -> str:
        """Address of the news index."""
        return f"{self.config.url_prefix}/"

    @property
    def archive_url(self) -> str:
        """Address of the archive overview."""
        return archive_url(self.config)

    def quarters_of(self, listing: Listing) -> list[Listing]:
        """Quarters of a year listing."""
        if self.state.sections is None or listing.year is None:
            return []
        return self.state.sections.quarters_of(listing.year)

    @property
    def cchc_url(self) -> str:
        """Address of the administrative reform column."""
        return category_url(self.config, self.config.cchc_category)

    def category_url(self, name: str) -> str:
        """Address of a category."""
        return category_url(self.config, name)

    def tag_url(self, name: str) -> str:
        """Address of a tag."""
        return tag_url(self.config, name)

    def reading_minutes(self, post: ShownPost) -> int:
        """The author's reading time (Material's readtime:), else the estimate."""
        return post.readtime or reading_minutes(post.words, self.config.words_per_minute)

    def state_of(self, post: ShownPost) -> str | None:
        """'draft', 'scheduled' or None, for the marks shown while previewing."""
        return None if post.status == "published" else post.status


def register_template_helpers(env: Environment, state: NewsState, config: NewsConfig) -> None:
    """Filters for Vietnamese dates and sizes, and the news object, for every template."""
    env.filters["vn_date"] = format_vn_short
    env.filters["vn_date_long"] = format_vn_long
    env.filters["vn_datetime"] = format_vn_datetime
    env.filters["iso_vn"] = iso_vn
    env.filters["vn_size"] = format_size
    env.globals["trangxa_news"] = TemplateNews(state, config)


def page_context(
    context: TemplateContext, page: Page, state: NewsState, config: NewsConfig
) -> TemplateContext:
    """Add post or listing data, and feed links for autodiscovery."""
    # TemplateContext is a closed TypedDict; theme templates accept any extra names.
    extra = cast(dict[str, Any], context)
    src = page.file.src_uri
    sections = state.sections
    links: list[FeedLink] = list(extra.get("feed_links", []))
    post = state.posts_by_uri.get(src)
    if post is not None:
        index = state.position[post.source]
        extra["post"] = post
        extra["post_newer"] = state.shown[index - 1] if index > 0 else None
        extra["post_older"] = state.shown[index + 1] if index + 1 < len(state.shown) else None
    listing_page = state.listing_pages.get(src)
    if listing_page is not None:
        feed = listing_page.listing.feed_url
        if feed is not None:
            links.append(FeedLink(listing_page.listing.title, feed))
    if sections is not None and (page.is_homepage or listing_page is not None):
        site_feed = FeedLink(config.title, sections.index.feed_url or "")
        if site_feed.url not in {link.url for link in links}:
            links.insert(0, site_feed)
    extra["feed_links"] = links
    return context
