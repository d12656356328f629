"""sitemap.xml and the readable site map of the built sample, against what the loaders read."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from trangxa.commands.site import Site, load_site
from trangxa.core.dates import VN_TZ
from trangxa.news.collect import PostCollection, assign_urls
from trangxa.news.listing import category_url
from trangxa.procedures.addresses import Addresses
from trangxa.procedures.collection import load_procedures
from trangxa.procedures.model import Procedure

from .harness import site_config_path

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITE_MAP_PAGE = "so-do-trang/"


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(site_config_path())


@pytest.fixture(scope="module")
def posts(site: Site) -> PostCollection:
    """Every post with the address the build gives it: published ones are numbered first."""
    collection = site.posts(datetime.now(VN_TZ))
    prefix = site.news.url_prefix
    assert not assign_urls(collection.published, prefix, collection.urls)
    assert not assign_urls([*collection.drafts, *collection.scheduled], prefix, collection.urls)
    return collection


@pytest.fixture(scope="module")
def procedures(site: Site) -> tuple[list[Procedure], Addresses]:
    options = site.plugin_config("trangxa-procedures")
    assert options is not None, "Trang mẫu chưa bật trangxa-procedures"
    records, problems = load_procedures(site.root, options.procedures_dir)
    assert not [p for p in problems if p.severity == "error"]
    addresses = Addresses(
        options.url_prefix, site.mkdocs.use_directory_urls, site.mkdocs.site_url or ""
    )
    return records, addresses


@pytest.fixture(scope="module")
def sitemap_urls(site_dir: Path) -> list[str]:
    tree = ET.parse(site_dir / "sitemap.xml")
    return [loc.text or "" for loc in tree.getroot().iterfind("sm:url/sm:loc", SITEMAP_NS)]


def absolute(site: Site, path: str) -> str:
    return urljoin(site.mkdocs.site_url or "", path)


def test_sitemap_lists_every_published_post(
    site: Site, posts: PostCollection, sitemap_urls: list[str]
) -> None:
    assert len(posts.published) >= 10
    listed = set(sitemap_urls)
    urls = posts.urls
    missing = [
        post.source for post in posts.published if absolute(site, urls[post.source]) not in listed
    ]
    assert not missing, f"sitemap.xml thiếu các bài đã đăng: {missing}"


def test_sitemap_lists_no_draft_or_scheduled_post(
    site: Site, posts: PostCollection, sitemap_urls: list[str]
) -> None:
    hidden = [*posts.drafts, *posts.scheduled]
    # The sample keeps one of each, so this check has something to catch.
    assert posts.drafts and posts.scheduled
    listed = set(sitemap_urls)
    leaked = [post.source for post in hidden if absolute(site, posts.urls[post.source]) in listed]
    assert not leaked, f"sitemap.xml lộ bài chưa đăng: {leaked}"


def test_sitemap_lists_every_procedure(
    site: Site,
    procedures: tuple[list[Procedure], Addresses],
    sitemap_urls: list[str],
) -> None:
    records, addresses = procedures
    assert len(records) >= 10
    listed = set(sitemap_urls)
    missing = [
        p.source
        for p in records
        if absolute(site, addresses.url(addresses.procedure_src(p))) not in listed
    ]
    assert not missing, f"sitemap.xml thiếu các thủ tục: {missing}"


def test_sitemap_has_no_dead_address(site: Site, site_dir: Path, sitemap_urls: list[str]) -> None:
    base = urlsplit(site.mkdocs.site_url or "").path
    dead = []
    for url in sitemap_urls:
        path = unquote(urlsplit(url).path)[len(base) :]
        target = site_dir / path
        if not (target / "index.html" if path == "" or path.endswith("/") else target).is_file():
            dead.append(url)
    assert not dead, f"sitemap.xml trỏ tới trang không có: {dead}"
    assert len(sitemap_urls) == len(set(sitemap_urls)), "sitemap.xml có địa chỉ lặp lại"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_of(site_dir: Path, page: str) -> set[str]:
    """Site-relative paths of every link on a built page, resolved from the page's folder."""
    parser = _Links()
    parser.feed((site_dir / page / "index.html").read_text(encoding="utf-8"))
    found = set()
    for href in parser.hrefs:
        if urlsplit(href).scheme or href.startswith("#"):
            continue
        path = unquote(urlsplit(href).path)
        joined = posixpath.normpath(posixpath.join("/" + page, path))
        found.add(joined.lstrip("/") + ("/" if path.endswith("/") or path in {".", ".."} else ""))
    return {"" if link in {"/", "./"} else link.replace("//", "/") for link in found}


def test_site_map_page_lists_sections_categories_years_and_procedures(
    site: Site,
    site_dir: Path,
    posts: PostCollection,
    procedures: tuple[list[Procedure], Addresses],
) -> None:
    links = links_of(site_dir, SITE_MAP_PAGE)
    expected = {
        "": "Trang chủ",
        f"{site.news.url_prefix}/": "Tin tức",
        **{category_url(site.news, name): name for name in site.news.categories},
        **{
            f"{site.news.url_prefix}/{site.news.archive_url_prefix}/{year}/": f"năm {year}"
            for year in {post.date.year for post in posts.published}
        },
        "lien-he/": "Liên hệ",
        "gioi-thieu/": "Giới thiệu",
    }
    records, addresses = procedures
    expected.update(
        {addresses.url(addresses.procedure_src(p)): p.name for p in records if p.in_force}
    )
    missing = sorted(name for url, name in expected.items() if url not in links)
    assert not missing, f"Sơ đồ trang thiếu: {missing}"
    ended = [p.name for p in records if not p.in_force]
    assert ended, "Trang mẫu cần một thủ tục đã bãi bỏ để kiểm tra"
    shown = [
        p.name
        for p in records
        if not p.in_force and addresses.url(addresses.procedure_src(p)) in links
    ]
    assert not shown, f"Sơ đồ trang liệt kê thủ tục đã hết hiệu lực như đang áp dụng: {shown}"


@pytest.mark.parametrize(
    "page", ["", "tin-tuc/2023/tong-ket-cong-tac-cai-cach-hanh-chinh-nam-2023/", "thu-tuc/"]
)
def test_footer_links_to_the_site_map(site_dir: Path, page: str) -> None:
    assert SITE_MAP_PAGE in links_of(site_dir, page)
