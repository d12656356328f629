"""Options of the search plugin, as written under `trangxa-search:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from trangxa.search.pagefind_index import SHARD_SIZE


class SearchConfig(base.Config):
    """Folding can be switched off to compare with Material's plain search."""

    enabled = c.Type(bool, default=True)
    # The second index, of every post's whole text. It costs a Pagefind run per shard (about
    # 280 MB for 1,500 benchmark posts): a site built on a very small machine may go without,
    # and posts are then found by title and summary only.
    full_text = c.Type(bool, default=True)
    # Posts in each shard of the second index (the first holds the newest 250, or fewer when
    # this is smaller): one Pagefind run indexes one shard, and its memory grows with the
    # posts it holds (bench/README.md); a smaller shard needs less.
    full_text_shard_size = c.Type(int, default=SHARD_SIZE)
