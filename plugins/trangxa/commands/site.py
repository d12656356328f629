"""Read mkdocs.yml the way a build does, without building, for the commands."""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

import trangxa
from trangxa.core import clock
from trangxa.news.collect import PostCollection, PostMemo, collect_posts
from trangxa.news.config import NewsConfig
from trangxa.news.settings import check_news_settings, check_site_labels
from trangxa.site import names


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

    def posts(self, now: datetime) -> PostCollection:
        """Every post file, read and sorted into published, drafts, scheduled and errors.

        Files unchanged since the previous command are taken from .cache/trangxa/ instead
        of being parsed again, so a count over thousands of posts answers at once.
        """
        news = self.news
        categories = list(news.categories)
        cache = PostMemoFile(self.root / CACHE_FILE, (tuple(categories), clock.today()))
        with collector_paused():
            memo = cache.load()
            # Commands count and list posts but never render them: no body, and the first
            # reading of a large site shared with a second process.
            collection = collect_posts(
                self.root / news.posts_dir,
                self.root,
                categories,
                now,
                memo,
                parallel=True,
                keep_body=False,
            )
            if collection.parsed:
                cache.save(memo)
        return collection


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while tens of thousands of objects are made at once.

    Posts hold no reference cycles, yet each few hundred new objects make the collector walk
    everything made so far: with it on, unpickling the memo of 10,000 posts took three times
    as long.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


CACHE_FILE = ".cache/trangxa/posts.pickle"
# Raised whenever what is stored (the Post class) changes shape; 5 holds posts without body,
# 6 adds pin and the updated date, 7 leaves out what each build adds (news.shown).
CACHE_FORMAT = 7


@dataclass
class PostMemoFile:
    """The posts memo on disk, valid for one trangxa version, category list and day."""

    path: Path
    key: tuple[object, ...]

    def load(self) -> PostMemo:
        """The stored memo, or an empty one when absent, unreadable or made for other settings."""
        try:
            with self.path.open("rb") as handle:
                stored = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception:
            # A cut-off or damaged file raises almost anything while unpickling.
            print(
                f"Cảnh báo: bộ nhớ đệm {CACHE_FILE} bị hỏng nên được bỏ đi và tạo lại.",
                file=sys.stderr,
            )
            return {}
        if not isinstance(stored, dict) or stored.get("header") != self._header():
            return {}
        memo: PostMemo = stored["memo"]
        return memo

    def save(self, memo: PostMemo) -> None:
        """Write the memo; a read-only site folder only means the next run parses again."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".tmp")
            with partial.open("wb") as handle:
                pickle.dump({"header": self._header(), "memo": memo}, handle, protocol=5)
            partial.replace(self.path)
        except OSError:
            return

    def _header(self) -> tuple[object, ...]:
        return (trangxa.__version__, CACHE_FORMAT, self.key)


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """The -f option every command shares: which mkdocs.yml to read."""
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", metavar="TỆP", help="tệp mkdocs.yml của trang"
    )


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
