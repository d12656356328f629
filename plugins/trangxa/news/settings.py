"""Settings of the news plugin that name something else in mkdocs.yml, checked against it."""

from __future__ import annotations

import unicodedata

from mkdocs.exceptions import PluginError

from trangxa.news.config import NewsConfig
from trangxa.site import names
from trangxa.site.agency import suggestion


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def check_news_settings(config: NewsConfig) -> None:
    """Stop the build when cchc_category names no declared category (exact, after NFC)."""
    categories = [_nfc(name) for name in config.categories]
    cchc = config.cchc_category
    if categories and _nfc(cchc) not in categories:
        raise PluginError(
            f'mkdocs.yml, {names.NEWS}: cchc_category "{cchc}" không trùng với chuyên mục nào '
            "trong categories (phải giống hệt, kể cả chữ hoa, chữ thường và dấu). Nếu để vậy, "
            "số tin cải cách hành chính sẽ mất khỏi báo cáo và trang chủ."
            + suggestion(cchc, config.categories)
        )
