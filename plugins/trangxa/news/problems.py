"""What the news plugin says about the posts it read, and what it offers the other plugins."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from trangxa.core import clock
from trangxa.core.problems import Problem
from trangxa.core.walk import is_routine
from trangxa.news.config import NewsConfig
from trangxa.news.state import NewsState
from trangxa.site import names
from trangxa.site.build import NewsOffer, SiteBuild

log = get_plugin_logger(__name__)

# When a page in docs/ has the address of a listing page the news plugin makes.
PAGE_REFUSAL = (
    'Trang "{src_uri}" trong thư mục docs trùng địa chỉ với trang danh sách tin bài tự tạo. '
    "Đổi tên hoặc xóa tệp trong docs, hoặc đổi url_prefix của "
    f"{names.NEWS} trong mkdocs.yml."
)


def log_problems(news: NewsState, fail: bool) -> None:
    """Log every problem; errors stop a build so no post silently goes missing."""
    for skipped in news.collection.skipped:
        # Listed so a file never vanishes silently; only a broken link is worth a warning.
        line = f"{skipped.path}: bỏ qua, {skipped.message}"
        log.info(line) if is_routine(skipped) else log.warning(line)
    for problem in news.warnings:
        log.warning(str(problem))
    for problem in news.errors:
        log.error(str(problem))
    if news.errors and fail:
        listed = "\n".join(f"  - {problem}" for problem in news.errors)
        raise PluginError(
            f"Có {len(news.errors)} bài viết lỗi nên không thể xây dựng trang (nếu bỏ qua, các "
            f"bài này sẽ vắng mặt trên trang, trong RSS và trong số liệu báo cáo):\n{listed}"
        )


def preview_problems(news: NewsState) -> list[Problem]:
    """What the preview lists on every page: errors, warnings, files skipped for a reason."""
    skipped = [p for p in news.collection.skipped if not is_routine(p)]
    return [*news.errors, *news.warnings, *skipped]


def publish(build: SiteBuild, news: NewsState, config: NewsConfig) -> None:
    """Hand this build's news and its problems to the other plugins and the preview."""
    build.news = offer(news, config)
    build.publish_problems(names.NEWS, preview_problems(news))


def offer(news: NewsState, config: NewsConfig) -> NewsOffer:
    """The news of this build as the other plugins may see it (see site/build.py)."""
    as_of = news.now or clock.now()
    collection = news.collection
    return NewsOffer(tuple(collection.published), as_of, tuple(config.categories), collection.urls)
