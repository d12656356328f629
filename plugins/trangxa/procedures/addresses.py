"""Where each procedures page lives, and relative links between them."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from trangxa.procedures.model import Procedure

CHANGES_PATH = "cap-nhat"
ARCHIVE_PATH = "da-bai-bo"
FEED_NAME = "rss.xml"


@dataclass(frozen=True)
class Addresses:
    """Source paths and URLs of the generated pages, as MkDocs will address them."""

    prefix: str
    use_directory_urls: bool = True
    site_url: str = ""

    def _under(self, path: str) -> str:
        prefix = self.prefix.strip("/")
        return f"{prefix}/{path}" if prefix else path

    @property
    def index_src(self) -> str:
        return self._under("index.md")

    @property
    def changes_src(self) -> str:
        return self._under(f"{CHANGES_PATH}/index.md")

    @property
    def archive_src(self) -> str:
        return self._under(f"{ARCHIVE_PATH}/index.md")

    @property
    def feed_path(self) -> str:
        return self._under(f"{CHANGES_PATH}/{FEED_NAME}")

    def procedure_src(self, procedure: Procedure) -> str:
        return self._under(f"{procedure.page_path}.md")

    def url(self, src_uri: str) -> str:
        """Site-relative URL MkDocs gives a page with this source path."""
        if not src_uri.endswith(".md"):
            return src_uri
        return File(src_uri, None, "", self.use_directory_urls).url

    def href(self, from_src: str, to_src: str, fragment: str = "") -> str:
        """Link from one page to another page (or file), relative so it works in any folder."""
        link = get_relative_url(self.url(to_src), self.url(from_src))
        return f"{link}#{fragment}" if fragment else link

    def absolute(self, src_uri: str, fragment: str = "") -> str:
        """Full address for feeds and print-outs; relative to / when site_url is not set."""
        base = self.site_url if self.site_url.endswith("/") else f"{self.site_url}/"
        url = urljoin(base, self.url(src_uri))
        return f"{url}#{fragment}" if fragment else url
