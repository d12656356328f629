"""MkDocs pages of the news section: listings skip Markdown altogether."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from trangxa import engine
from trangxa.news.listing import ListingPage


class ListingDocPage(Page):
    """A listing page: its template writes the body, so its only content is the title heading."""

    def __init__(self, file: File, config: MkDocsConfig, listing_page: ListingPage) -> None:
        super().__init__(None, file, config)
        self.listing_page = listing_page

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """The heading Markdown would make of `# title`, and its table of contents."""
        engine.render_heading(self, self.listing_page.title, config)
