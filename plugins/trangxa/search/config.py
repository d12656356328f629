"""Options of the search plugin, as written under `trangxa-search:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from trangxa.search.pagefind_index import SHARD_SIZE, TITLE_INDEX_POSTS


class SearchConfig(base.Config):
    """Folding can be switched off to compare with Material's plain search."""

    enabled = c.Type(bool, default=True)
    # The second index, of every post's whole text. It costs a Pagefind run per shard (about
    # 280 MB for 1,500 benchmark posts): a site built on a very small machine may go without,
    # and posts are then found by title and summary only.
    full_text = c.Type(bool, default=True)
    # Posts in each shard of the second index (the first shard holds only the newest few,
    # fewer still when this is smaller): one Pagefind run indexes one shard, and its memory
    # grows with the posts it holds (bench/README.md); a smaller shard needs less.
    full_text_shard_size = c.Type(int, default=SHARD_SIZE)
    # Posts the first index holds, the newest, by title and summary opening. Every post in it
    # grows the parts of the index a query fetches; older posts are found through the second
    # index (title and whole text) and, typed as their exact title, through the title files
    # (bench/README.md). Without the second index (`full_text: false`, or while previewing)
    # the first holds every post.
    title_index_posts = c.Type(int, default=TITLE_INDEX_POSTS)
