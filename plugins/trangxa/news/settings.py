"""Settings that name something else in mkdocs.yml are checked against what is declared."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from trangxa.core.safehtml import is_safe_url
from trangxa.news.config import NewsConfig

# Settings under extra.agency that become a link or an image address on every page.
AGENCY_ADDRESSES = ("emblem", "site_map")
# Settings Material's own templates print without escaping.
MATERIAL_RAW_LABELS = ("site_name", "site_description", "site_author", "copyright")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _suggestion(name: str, declared: Iterable[str], list_all: bool = True) -> str:
    declared = list(declared)
    by_fold = {_nfc(d).casefold(): d for d in declared}
    close = by_fold.get(_nfc(name).casefold())
    if close is None:
        found = difflib.get_close_matches(_nfc(name).casefold(), list(by_fold), n=1, cutoff=0.5)
        close = by_fold[found[0]] if found else None
    listed = ", ".join(f'"{d}"' for d in declared)
    hint = f' Có phải ý bạn là "{close}"?' if close else ""
    return f"{hint} Các giá trị đã khai báo: {listed}." if list_all else hint


def check_news_settings(config: NewsConfig) -> None:
    """Stop the build when cchc_category names no declared category (exact, after NFC)."""
    categories = [_nfc(name) for name in config.categories]
    cchc = config.cchc_category
    if categories and _nfc(cchc) not in categories:
        raise PluginError(
            f'mkdocs.yml, trangxa-news: cchc_category "{cchc}" không trùng với chuyên mục nào '
            "trong categories (phải giống hệt, kể cả chữ hoa, chữ thường và dấu). Nếu để vậy, "
            "số tin cải cách hành chính sẽ mất khỏi báo cáo và trang chủ."
            + _suggestion(cchc, config.categories)
        )


def check_site_labels(config: Any) -> None:
    """Labels Material prints as they are may not hold the characters that make markup."""
    for key in MATERIAL_RAW_LABELS:
        value = config.get(key)
        if isinstance(value, str) and any(sign in value for sign in '<>"'):
            raise PluginError(
                f'mkdocs.yml, {key}: "{value}" có ký tự <, > hoặc " mà giao diện Material in '
                "nguyên văn vào trang, nên có thể chèn mã vào mọi trang. Bỏ các ký tự đó, dùng "
                'ngoặc đơn hoặc ngoặc kép kiểu chữ “ ” thay cho dấu ".'
            )
    check_agency_settings(config.get("extra"))


def check_agency_settings(extra: Any) -> None:
    """Addresses under extra.agency must be web or relative addresses."""
    agency = extra.get("agency") if isinstance(extra, Mapping) else None
    if not isinstance(agency, Mapping):
        return
    for key in AGENCY_ADDRESSES:
        value = agency.get(key)
        if isinstance(value, str) and not is_safe_url(value):
            raise PluginError(
                f'mkdocs.yml, extra.agency.{key}: địa chỉ "{value}" không được phép. Chỉ dùng '
                "địa chỉ bắt đầu bằng https:// hoặc đường dẫn trong trang (ví dụ so-do-trang/)."
            )


def check_agency_pages(extra: Any, files: Files) -> None:
    """extra.agency.site_map must name a page the site has."""
    agency = extra.get("agency") if isinstance(extra, Mapping) else None
    target = agency.get("site_map") if isinstance(agency, Mapping) else None
    if not isinstance(target, str) or "://" in target:
        return
    wanted = _nfc(target.strip("/"))
    urls = {_nfc(f.url.strip("/")): f.url for f in files.documentation_pages()}
    urls.update({_nfc(f.src_uri): f.src_uri for f in files.documentation_pages()})
    if wanted not in urls:
        raise PluginError(
            f'mkdocs.yml, extra.agency.site_map: không có trang "{target}" trong trang web.'
            + _suggestion(target, sorted({f.url for f in files.documentation_pages()}), False)
        )
