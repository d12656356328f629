"""The header's and footer's data: labels Material prints, and extra.agency in mkdocs.yml.

Every page shows them, whichever trangxa plugins the site uses; the site layer checks them
once per build (site/layer.py) and hands the agency's links to the templates.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from trangxa.core.safehtml import is_safe_url

# Settings under extra.agency that become a link or an image address on every page.
AGENCY_ADDRESSES = ("emblem", "site_map")
# Settings Material's own templates print without escaping.
MATERIAL_RAW_LABELS = ("site_name", "site_description", "site_author", "copyright")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def suggestion(name: str, declared: Iterable[str], list_all: bool = True) -> str:
    """The closest declared value to a mistyped one, and (list_all) every declared value."""
    declared = list(declared)
    by_fold = {_nfc(d).casefold(): d for d in declared}
    close = by_fold.get(_nfc(name).casefold())
    if close is None:
        found = difflib.get_close_matches(_nfc(name).casefold(), list(by_fold), n=1, cutoff=0.5)
        close = by_fold[found[0]] if found else None
    listed = ", ".join(f'"{d}"' for d in declared)
    hint = f' Có phải ý bạn là "{close}"?' if close else ""
    return f"{hint} Các giá trị đã khai báo: {listed}." if list_all else hint


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
    agency_links(config.get("extra"))


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


@dataclass(frozen=True)
class AgencyLink:
    """A banner on the home page to a site citizens use beside the commune's."""

    title: str
    url: str
    text: str


def agency_links(extra: Any) -> list[AgencyLink]:
    """extra.agency.links: each needs a title and a web address; a line of text is optional."""
    agency = extra.get("agency") if isinstance(extra, Mapping) else None
    items = agency.get("links") if isinstance(agency, Mapping) else None
    if items is None:
        return []
    example = (
        "Viết mỗi liên kết một mục, ví dụ:\n  links:\n    - title: Cổng Dịch vụ công quốc gia\n"
        "      url: https://dichvucong.gov.vn/\n      text: Nộp hồ sơ, tra cứu kết quả trực tuyến"
    )
    if not isinstance(items, list):
        raise PluginError(f"mkdocs.yml, extra.agency.links phải là một danh sách. {example}")
    links = []
    for number, item in enumerate(items, 1):
        where = f"mkdocs.yml, extra.agency.links, mục {number}"
        if not isinstance(item, Mapping):
            raise PluginError(f"{where}: cần có title và url. {example}")
        title, url, text = item.get("title"), item.get("url"), item.get("text", "")
        if not isinstance(title, str) or not title.strip():
            raise PluginError(f"{where}: thiếu title (tên trang hiện trên nút). {example}")
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise PluginError(
                f'{where} ("{title}"): url phải là địa chỉ web đầy đủ bắt đầu bằng https://, '
                f"nhưng đang là {url!r}."
            )
        if not is_safe_url(url):
            raise PluginError(f'{where} ("{title}"): url {url!r} có ký tự không được phép.')
        if not isinstance(text, str):
            raise PluginError(f'{where} ("{title}"): text phải là một dòng chữ.')
        unknown = sorted(set(item) - {"title", "url", "text"})
        if unknown:
            raise PluginError(
                f'{where} ("{title}"): không dùng khóa {", ".join(unknown)}; chỉ có title, url, text.'
            )
        links.append(AgencyLink(_nfc(title.strip()), url, _nfc(text.strip())))
    return links


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
            + suggestion(target, sorted({f.url for f in files.documentation_pages()}), False)
        )
