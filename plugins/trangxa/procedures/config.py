"""Options of the procedures plugin, as written under `trangxa-procedures:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class ProceduresConfig(base.Config):
    """Where the records live, where their pages go, and what the pages say."""

    enabled = c.Type(bool, default=True)
    procedures_dir = c.Type(str, default="procedures")
    url_prefix = c.Type(str, default="thu-tuc")
    title = c.Type(str, default="Thủ tục hành chính")
    changes_title = c.Type(str, default="Cập nhật thủ tục hành chính")
    archive_title = c.Type(str, default="Thủ tục đã bãi bỏ, thay thế")
    feed_items = c.Type(int, default=30)
    print_heading = c.Optional(c.Type(str))
    index_in_nav = c.Type(bool, default=True)
    # Codes of the procedures the home page lists first: those most asked for at the counter.
    featured = c.ListOfItems(c.Type(str), default=[])
