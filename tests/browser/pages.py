"""The pages of the sample site that the browser tests visit: add one line per page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    """A built page, named for test ids and addressed by its URL path."""

    name: str
    path: str
    printed: bool = False

    def url(self, base_url: str) -> str:
        """The page's address on the test server."""
        return base_url + self.path

    def file(self, site_dir: Path) -> Path:
        """The built HTML file behind the page."""
        target = site_dir / self.path
        return target / "index.html" if self.path == "" or self.path.endswith("/") else target


PAGES: list[Page] = [
    Page("home", ""),
    Page("news-index", "tin-tuc/"),
    Page("news-page-2", "tin-tuc/trang/2/"),
    Page(
        "post-with-table",
        "tin-tuc/2023/tong-ket-cong-tac-cai-cach-hanh-chinh-nam-2023/",
        printed=True,
    ),
    Page("post-with-figure", "tin-tuc/2024/ho-so-cua-ban-di-dau-sau-khi-nop-o-bo-phan-mot-cua/"),
    Page("cchc-category", "tin-tuc/chuyen-muc/cai-cach-hanh-chinh/"),
    Page("procedures-index", "thu-tuc/"),
    Page("procedure", "thu-tuc/ho-tich/dang-ky-khai-sinh/", printed=True),
    Page("procedure-updates", "thu-tuc/cap-nhat/"),
    Page("statistics", "thong-ke/"),
    Page("contact", "lien-he/"),
    Page("site-map", "so-do-trang/"),
    Page("not-found", "404.html"),
]
