"""Read mkdocs.yml the way a build does, without building, for the commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from trangxa.commands.postmemo import CACHE_FILE, add_config_option, read_posts
from trangxa.news.collect import EarlyPosts, PostCollection
from trangxa.news.config import NewsConfig
from trangxa.news.settings import check_news_settings
from trangxa.site import names
from trangxa.site.agency import check_site_labels

__all__ = ["CACHE_FILE", "Site", "SiteConfigError", "add_config_option", "load_site"]


class SiteConfigError(Exception):
    """mkdocs.yml could not be read or lacks the news plugin; the message is for staff."""


@dataclass
class Site:
    """The site's configuration as the plugins see it."""

    config_file: Path
    mkdocs: MkDocsConfig

    @property
    def root(self) -> Path:
        """Folder of mkdocs.yml: paths in messages are relative to it."""
        return self.config_file.parent

    @property
    def news(self) -> NewsConfig:
        """Options of the news plugin."""
        plugin: Any = self.mkdocs.plugins[names.NEWS]
        config: NewsConfig = plugin.config
        return config

    def plugin_config(self, name: str) -> Any | None:
        """Options of another trangxa plugin, or None when the site does not use it."""
        plugin: Any = self.mkdocs.plugins.get(name)
        return None if plugin is None else plugin.config

    def posts(self, now: datetime, early: EarlyPosts | None = None) -> PostCollection:
        """Every post file, read and sorted into published, drafts, scheduled and errors.

        Files unchanged since the previous command are taken from .cache/trangxa/ instead
        of being parsed again, so a count over thousands of posts answers at once. `early`
        is a first reading begun before mkdocs.yml was loaded (commands.earlyread).
        """
        news = self.news
        return read_posts(self.root, news.posts_dir, list(news.categories), now, early=early)


def load_site(config_file: str | Path = "mkdocs.yml") -> Site:
    """Load mkdocs.yml with its plugins' option schemas; no page is built."""
    path = Path(config_file).resolve()
    if not path.is_file():
        raise SiteConfigError(
            f"Không tìm thấy tệp cấu hình {config_file}. Chạy lệnh trong thư mục có mkdocs.yml "
            "hoặc chỉ đường dẫn bằng -f."
        )
    try:
        config = load_config(config_file=str(path))
    except (ConfigurationError, Abort) as exc:
        raise SiteConfigError(f"Tệp {config_file} có lỗi cấu hình: {exc}") from exc
    if names.NEWS not in config.plugins:
        raise SiteConfigError(
            f"Tệp {config_file} chưa bật plugin {names.NEWS}; thêm nó vào mục plugins."
        )
    site = Site(path, config)
    # The same cross-checks as the build, so check and count do not pass what build refuses.
    try:
        check_site_labels(config)
        if site.news.enabled:
            check_news_settings(site.news)
    except PluginError as exc:
        raise SiteConfigError(str(exc)) from exc
    return site
