"""Material's search index left empty without Material reading every page.

trangxa-search answers Material's search box from a Pagefind index, so Material's own index
must stay empty. Material's search plugin reads the whole HTML of every page to index it
(about a third of a build's time at 1,000 posts); replacing its indexing method on the
plugin's index object skips that work. With the shortcuts off, trangxa-search empties the
written index instead, through the file Material writes (trangxa.search.plugin).
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page


def _skip_page(page: Page) -> None:
    """Stands in for Material's indexer: the index is Pagefind's, built after the site."""


def skip_material_index(material_search: Any) -> None:
    """Make Material's search plugin index no page in this build."""
    # Material 9.8.1's SearchIndex.add_entry_from_context, called for every page from
    # SearchPlugin.on_page_context on the plugin's `search_index`:
    # https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/plugins/search/plugin.py#L131
    # https://github.com/squidfunk/mkdocs-material/blob/9.8.1/material/plugins/search/plugin.py#L181
    material_search.search_index.add_entry_from_context = _skip_page
