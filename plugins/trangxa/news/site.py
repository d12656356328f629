"""Plain functions behind the news plugin's events; one NewsState per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa.core.dates import format_vn_datetime, format_vn_long, format_vn_short, iso_vn
from trangxa.core.problems import Problem
from trangxa.core.safehtml import safe_text
from trangxa.core.vnformat import format_size
from trangxa.news import attachments, links
from trangxa.news.authors import authors_file
from trangxa.news.collect import PostCollection, PostMemo, assign_urls, collect_posts, newest_first
from trangxa.news.config import NewsConfig
from trangxa.news.excerpt import reading_minutes, summary_of
from trangxa.news.listing import (
    Listing,
    ListingPage,
    NewsSections,
    archive_url,
    build_sections,
    category_url,
    tag_url,
)
from trangxa.news.pages import ListingDocPage, PostPage
from trangxa.news.picture import first_picture
from trangxa.news.post import Attachment, Post

CACHED_TEMPLATE = "trangxa/cached.html"
POST_TEMPLATE = "trangxa/post.html"
LISTING_TEMPLATE = "trangxa/listing.html"
ARCHIVE_TEMPLATE = "trangxa/archive.html"


@dataclass
class NewsState:
    """What one build knows about the news: posts, listings, lookups by page."""

    collection: PostCollection = field(default_factory=PostCollection)
    shown: list[Post] = field(default_factory=list)
    sections: NewsSections | None = None
    posts_by_uri: dict[str, Post] = field(default_factory=dict)
    listing_pages: dict[str, ListingPage] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    attachment_sources: dict[str, Path] = field(default_factory=dict)
    archive_uri: str = ""
    now: datetime | None = None
    # (page, link) pairs of broken post links already reported in Vietnamese.
    reported_links: set[tuple[str, str]] = field(default_factory=set)
    # Posts some feed carries in full; only these keep their HTML once converted.
    feed_sources: set[str] = field(default_factory=set)


def load(
    root: Path,
    config: NewsConfig,
    now: datetime,
    show_unpublished: bool,
    memo: PostMemo | None = None,
    docs_dir: Path | None = None,
) -> NewsState:
    """Read the posts, give them addresses, and group them into listings."""
    collection = collect_posts(root / config.posts_dir, root, list(config.categories), now, memo)
    state = NewsState(collection=collection, now=now)
    state.errors.extend(collection.errors)
    state.warnings.extend(collection.warnings)
    taken: set[str] = set()
    # Published posts are numbered first, so previewing a draft never moves a live address.
    state.errors.extend(assign_urls(collection.published, config.url_prefix, taken))
    unpublished = [*collection.drafts, *collection.scheduled]
    state.errors.extend(assign_urls(unpublished, config.url_prefix, taken))
    state.shown = list(collection.published)
    if show_unpublished:
        state.shown = sorted([*state.shown, *unpublished], key=newest_first)
    state.shown = [post for post in state.shown if post.url]
    state.sections = build_sections(state.shown, config)
    state.feed_sources = {
        post.source for listing in feed_listings(state, config) for post in listing.posts
    }
    posts_root = (root / config.posts_dir).resolve()
    targets = link_targets(state, root, docs_dir or root / "docs", root / config.posts_dir)
    for post in state.shown:
        post.body, problems, broken = links.rewrite(post, targets)
        state.warnings.extend(problems)
        state.reported_links.update((f"{post.url}index.md", target) for target in broken)
    for index, post in enumerate(state.shown):
        state.posts_by_uri[f"{post.url}index.md"] = post
        state.position[post.source] = index
        find_attachments(post, posts_root, state)
    for listing in state.sections.all():
        for page in listing.pages:
            state.listing_pages[page.src_uri] = page
    state.archive_uri = f"{archive_url(config)}index.md"
    state.warnings.extend(unlinked_files(collection, root, state, root / config.posts_dir))
    return state


def link_targets(
    state: NewsState, root: Path, docs_dir: Path, posts_dir: Path
) -> links.LinkTargets:
    """Every post file by its path: shown ones with their address, the others by name only."""
    targets = links.LinkTargets(root, docs_dir, posts_dir)
    for post in state.shown:
        targets.posts[links.nfc_key(Path(post.abs_path).resolve())] = post
    others = [Path(post.abs_path) for post in state.collection.valid]
    others += [root / problem.path for problem in state.collection.errors]
    for path in others:
        key = links.nfc_key(path.resolve())
        if key not in targets.posts:
            targets.unpublished.add(key)
    return targets


def unlinked_files(
    collection: PostCollection, root: Path, state: NewsState, posts_dir: Path
) -> list[Problem]:
    """Files under posts/ that no post links to: they would silently stay unpublished."""
    # Compared after NFC: a name saved in NFD (Mac, phone) matches the link typed in NFC.
    linked = {links.nfc_key(path) for path in state.attachment_sources.values()}
    # Material's list of authors, read by the plugin itself.
    linked.add(links.nfc_key(authors_file(posts_dir).resolve()))
    for post in collection.valid:
        if post.url and f"{post.url}index.md" in state.posts_by_uri:
            continue
        for target in attachments.local_targets(post.body):
            linked.add(links.nfc_key((post.folder / target).resolve()))
    return [
        Problem(
            source,
            None,
            "Tệp này nằm trong thư mục bài viết nhưng không bài nào liên kết tới nên sẽ không "
            "được đăng. Liên kết tới tệp từ một bài viết, hoặc chuyển tệp ra khỏi thư mục này.",
            "warning",
        )
        for source in collection.other_files
        if links.nfc_key((root / source).resolve()) not in linked
    ]


def find_attachments(post: Post, posts_root: Path, state: NewsState) -> None:
    """Record the files a post links to; a link to a missing file is a warning.

    posts_root is the resolved posts folder.
    """
    for target in attachments.local_targets(post.body):
        line = attachments.line_of(post.body, target, post.body_line)
        path, problem = attachments.resolve(post.folder, target, line, post.source)
        if path is not None and not path.is_relative_to(posts_root):
            path, problem = (
                None,
                Problem(
                    post.source,
                    line,
                    f'Liên kết "{target}" trỏ ra ngoài thư mục bài viết. '
                    "Chép tệp vào cạnh bài viết rồi liên kết theo tên tệp.",
                    "warning",
                ),
            )
        if problem is not None:
            state.warnings.append(problem)
            continue
        assert path is not None
        uri = attachments.published_uri(post.url, target)
        state.attachment_sources[uri] = path
        if path.suffix.lower() not in attachments.IMAGE_SUFFIXES:
            post.attachments.append(
                Attachment(path.name, uri, attachments.kind_of(path), path.stat().st_size)
            )


def generated_files(state: NewsState, config: MkDocsConfig, root: Path) -> list[File]:
    """Pages for listings and posts, and copies of attachments, none of them in docs/.

    Each page object is made here, so MkDocs uses ours instead of making a plain one. MkDocs
    renders pages in this order: listings come first so that, when a second process builds
    the older posts (news.prerender), this one renders the listings meanwhile.
    """
    files = []
    for uri, page in state.listing_pages.items():
        in_nav = page.listing.kind == "index" and page.number == 1
        file = File.generated(
            config,
            uri,
            content=f"# {page.title}\n",
            inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV,
        )
        ListingDocPage(file, config, page)
        files.append(file)
    files.append(
        File.generated(
            config,
            state.archive_uri,
            content="# Lưu trữ tin bài\n",
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
    )
    for uri, post in state.posts_by_uri.items():
        file = File.generated(config, uri, content=post.body, inclusion=InclusionLevel.NOT_IN_NAV)
        PostPage(None, file, config)
        files.append(file)
    for uri, path in state.attachment_sources.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def post_pages(state: NewsState, files: Files) -> list[PostPage]:
    """The page objects of the shown posts, in the order MkDocs builds them."""
    pages = []
    for uri in state.posts_by_uri:
        file = files.get_file_from_path(uri)
        if file is not None and isinstance(file.page, PostPage):
            pages.append(file.page)
    return pages


def post_meta(post: Post) -> dict[str, Any]:
    """Front matter MkDocs and Material read for a post page."""
    # Material prints these unescaped in <title> and <meta>; staff text is plain text.
    # Posts are out of the menu, so its column would stand empty beside them.
    meta: dict[str, Any] = {
        "title": safe_text(post.title),
        "template": POST_TEMPLATE,
        "hide": ["navigation"],
    }
    if post.description:
        meta["description"] = safe_text(post.description)
    return meta


def listing_meta(page: ListingPage) -> dict[str, Any]:
    """Front matter for a listing page; only first pages of main lists go to the search."""
    # A listing is its own menu: the side columns would stand empty beside it.
    meta: dict[str, Any] = {
        "title": safe_text(page.title),
        "template": LISTING_TEMPLATE,
        "hide": ["navigation", "toc"],
    }
    if page.number > 1 or page.listing.kind in ("year", "quarter", "tag"):
        meta["search"] = {"exclude": True}
    return meta


def keep_content(post: Post, content: str, config: NewsConfig, in_feed: bool) -> None:
    """Store the summary taken from the post's HTML, and the HTML itself if a feed needs it.

    Listings show summaries only; holding the HTML of thousands of posts no feed carries
    would double the memory their pages already take.
    """
    post.html = content if in_feed else ""
    post.summary = summary_of(post.description, content, config.summary_length)
    post.picture = first_picture(content, post.url)


@dataclass
class TemplateNews:
    """What templates may ask of the news, besides the page at hand."""

    state: NewsState
    config: NewsConfig

    @property
    def latest(self) -> list[Post]:
        """Newest posts for the home page."""
        return self.state.shown[: self.config.home_latest]

    @property
    def latest_cchc(self) -> list[Post]:
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

    def reading_minutes(self, post: Post) -> int:
        """The author's reading time (Material's readtime:), else the estimate."""
        return post.readtime or reading_minutes(post.words, self.config.words_per_minute)

    def state_of(self, post: Post) -> str | None:
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


@dataclass(frozen=True)
class FeedLink:
    """An RSS feed a page announces in its head."""

    title: str
    url: str


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
        extra["listing_page"] = listing_page
        feed = listing_page.listing.feed_url
        if feed is not None:
            links.append(FeedLink(listing_page.listing.title, feed))
    if sections is not None and (page.is_homepage or listing_page is not None):
        site_feed = FeedLink(config.title, sections.index.feed_url or "")
        if site_feed.url not in {link.url for link in links}:
            links.insert(0, site_feed)
    extra["feed_links"] = links
    return context


def feed_listings(state: NewsState, config: NewsConfig) -> list[Listing]:
    """The site feed and one per category, each with the newest published posts it carries."""
    sections = state.sections
    assert sections is not None
    published = set(id(post) for post in state.collection.published)
    feeds = []
    for listing in (sections.index, *sections.categories.values()):
        posts = [post for post in listing.posts if id(post) in published][: config.feed_items]
        feeds.append(
            type(listing)(listing.kind, listing.title, listing.url, posts, listing.feed_url)
        )
    return feeds
