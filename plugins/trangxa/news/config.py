"""Options of the news plugin, as written under `trangxa-news:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from trangxa.news.defaults import DEFAULT_CATEGORIES, DEFAULT_POSTS_DIR


class NewsConfig(base.Config):
    """Where posts live, how they are addressed, listed and fed."""

    enabled = c.Type(bool, default=True)
    posts_dir = c.Type(str, default=DEFAULT_POSTS_DIR)
    url_prefix = c.Type(str, default="tin-tuc")
    title = c.Type(str, default="Tin tức")
    categories = c.ListOfItems(c.Type(str), default=list(DEFAULT_CATEGORIES))
    categories_url_prefix = c.Type(str, default="chuyen-muc")
    cchc_category = c.Type(str, default="Cải cách hành chính")
    archive_url_prefix = c.Type(str, default="luu-tru")
    tags_url_prefix = c.Type(str, default="the")
    pagination_per_page = c.Type(int, default=10)
    # Archives and tags list titles only, so a page holds more of them.
    archive_per_page = c.Type(int, default=50)
    feed_items = c.Type(int, default=20)
    home_latest = c.Type(int, default=6)
    summary_length = c.Type(int, default=280)
    words_per_minute = c.Type(int, default=220)
    authors = c.Type(dict, default={})
    drafts_on_serve = c.Type(bool, default=True)
    # Build part of the posts in a second process when that pays (see engine.prerender).
    parallel = c.Type(bool, default=True)
