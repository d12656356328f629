"""The front-matter fields of a post, each read, checked and reported with its line."""

from __future__ import annotations

import difflib
import functools
import re
from datetime import datetime
from typing import Any

from trangxa.core.dates import DateParseError, parse_date, to_vn
from trangxa.core.frontmatter import FrontMatter
from trangxa.core.problems import ContentError, Problem
from trangxa.core.slugs import check_custom_slug, fold, slugify
from trangxa.core.textfile import nfc

# Keys trangxa reads, plus the ones Material's blog plugin accepts, so posts move over as-is.
OWN_KEYS = frozenset(
    {"title", "date", "categories", "tags", "description", "slug", "draft", "authors", "image"}
)
MATERIAL_KEYS = frozenset(
    {
        "readtime",
        "pin",
        "links",
        "hide",
        "search",
        "template",
        "comments",
        "status",
        "subtitle",
        "icon",
        "social",
    }
)
KNOWN_KEYS = OWN_KEYS | MATERIAL_KEYS

# Names staff reach for first, in Vietnamese or in the singular, folded as by fold().
KEY_ALIASES = {
    "tieu de": "title",
    "ten bai": "title",
    "ngay": "date",
    "ngay dang": "date",
    "thoi gian": "date",
    "chuyen muc": "categories",
    "danh muc": "categories",
    "category": "categories",
    "the": "tags",
    "tu khoa": "tags",
    "tag": "tags",
    "mo ta": "description",
    "tom tat": "description",
    "summary": "description",
    "tac gia": "authors",
    "author": "authors",
    "anh": "image",
    "hinh anh": "image",
    "anh dai dien": "image",
    "nhap": "draft",
    "ban nhap": "draft",
    "duong dan": "slug",
}

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def readtime_minutes(value: object) -> int | None:
    """Minutes as Material reads them; anything else leaves the estimate in place."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return int(value)
    return None


def unknown_key_warnings(front: FrontMatter, source: str) -> list[Problem]:
    found = []
    for key in front.meta:
        if key in KNOWN_KEYS:
            continue
        close = nearest_key(key)
        hint = f' Có phải ý bạn là "{close}"?' if close else ""
        found.append(
            Problem(
                source,
                front.line_of(key),
                f'Khóa "{key}" không được dùng và sẽ bị bỏ qua.{hint} '
                f"Các khóa hợp lệ: {', '.join(sorted(OWN_KEYS))}.",
                "warning",
            )
        )
    return found


def nearest_key(key: str) -> str | None:
    """The known key staff probably meant, from a typo, a Vietnamese name or a singular."""
    folded = " ".join(re.split(r"[\s_-]+", fold(key))).strip()
    if folded in KEY_ALIASES:
        return KEY_ALIASES[folded]
    if folded in KNOWN_KEYS:
        return folded
    close = difflib.get_close_matches(folded, sorted(OWN_KEYS), n=1, cutoff=0.6)
    close = close or difflib.get_close_matches(folded, sorted(KNOWN_KEYS), n=1, cutoff=0.6)
    return close[0] if close else None


def title_and_body(front: FrontMatter, source: str) -> tuple[str, str, int]:
    raw = front.meta.get("title")
    if raw is not None and not isinstance(raw, str | int | float):
        raise ContentError(
            Problem(source, front.line_of("title"), "Tiêu đề (title) phải là một dòng chữ.")
        )
    # A title pasted over several lines, or with Word's no-break spaces, reads as one line.
    title = " ".join(nfc(str(raw)).split()) if raw is not None else ""
    body, body_line = front.body, front.body_line
    if not title and raw is None:
        # Material's blog takes the title from the first heading; accept that too.
        lines = body.split("\n")
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            match = _H1.match(line)
            if match:
                title = match.group(1).strip()
                body = "\n".join(lines[index + 1 :])
                body_line += index + 1
            break
    if not title:
        raise ContentError(
            Problem(
                source,
                front.line_of("title"),
                'Bài viết chưa có tiêu đề. Thêm dòng title: "Tiêu đề bài viết" vào phần khai báo.',
            )
        )
    return body, title, body_line


def updated_date(meta: dict[str, Any], front: FrontMatter, source: str) -> datetime | None:
    value = meta.get("date")
    if not isinstance(value, dict) or value.get("updated") in (None, ""):
        return None
    try:
        return to_vn(parse_date(value["updated"]))
    except (DateParseError, OverflowError) as exc:
        raise ContentError(
            Problem(source, front.line_of("date"), f"Ngày cập nhật (updated): {exc}")
        ) from exc


def post_date(meta: dict[str, Any], front: FrontMatter, source: str) -> datetime:
    value = meta.get("date")
    if isinstance(value, dict):
        # Material's blog writes date: {created: ..., updated: ...}.
        value = value.get("created")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ContentError(
            Problem(
                source,
                front.line_of("date"),
                "Bài viết chưa có ngày đăng. Thêm dòng date: 15/03/2024 (hoặc 15/03/2024 08:30, "
                "hoặc 2024-03-15) vào phần khai báo.",
            )
        )
    try:
        return to_vn(parse_date(value))
    except DateParseError as exc:
        raise ContentError(Problem(source, front.line_of("date"), str(exc))) from exc
    except OverflowError as exc:
        # Only a YAML !!timestamp can still reach here with a zone pushing it past year 9999.
        raise ContentError(
            Problem(
                source,
                front.line_of("date"),
                "Ngày đăng nằm ngoài khoảng ngày tháng dùng được. Viết ngày theo dạng 15/03/2024.",
            )
        ) from exc


def string_list(meta: dict[str, Any], key: str, front: FrontMatter, source: str) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    seen: dict[str, None] = {}
    # Checked while read, in one pass: a value that is not a list is refused as its first
    # item would be.
    for item in value if isinstance(value, list) else (None,):
        if not isinstance(item, str | int):
            raise ContentError(
                Problem(
                    source,
                    front.line_of(key),
                    f"Khóa {key} phải là một danh sách, ví dụ {key}: [mục một, mục hai].",
                )
            )
        text = nfc(str(item)).strip()
        if text:
            seen.setdefault(text, None)
    return list(seen)


def unknown_category_message(name: str, allowed: list[str]) -> str | None:
    """Why a category cannot be used, with the nearest configured one; None when it can."""
    allowed = [nfc(item) for item in allowed]
    name = nfc(name)
    if not allowed or name in allowed:
        return None
    # Only the exact spelling counts: the CCHC count must not depend on a guess.
    by_fold = {fold(item): item for item in allowed}
    hint = difflib.get_close_matches(fold(name), list(by_fold), n=1, cutoff=0.5)
    suggestion = f' Có phải ý bạn là "{by_fold[hint[0]]}"?' if hint else ""
    return (
        f'Chuyên mục "{name}" chưa được khai báo trong mkdocs.yml.{suggestion} '
        f"Các chuyên mục hiện có: {', '.join(allowed)}. Sửa lại tên cho đúng, hoặc nhờ người "
        "quản trị thêm chuyên mục mới vào mkdocs.yml."
    )


def categories_of(
    meta: dict[str, Any], front: FrontMatter, source: str, allowed: list[str]
) -> list[str]:
    names = string_list(meta, "categories", front, source)
    known = _known_categories(tuple(allowed))
    for name in names:
        # string_list gives NFC text: a configured name is taken as it is, without the
        # normalising of every configured name unknown_category_message does.
        if name in known:
            continue
        message = unknown_category_message(name, allowed)
        if message is not None:
            raise ContentError(Problem(source, front.line_of("categories"), message))
    return names


@functools.lru_cache(maxsize=8)
def _known_categories(allowed: tuple[str, ...]) -> frozenset[str]:
    """The configured categories in NFC; every post of a site asks with the same list."""
    return frozenset(nfc(item) for item in allowed)


def slug_of(meta: dict[str, Any], front: FrontMatter, source: str, title: str) -> tuple[str, bool]:
    value = meta.get("slug")
    if value is None or value == "":
        return slugify(title), False
    text = nfc(str(value)).strip()
    message = check_custom_slug(text)
    if message:
        raise ContentError(Problem(source, front.line_of("slug"), message))
    return text, True


def optional_text(meta: dict[str, Any], key: str, front: FrontMatter, source: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ContentError(Problem(source, front.line_of(key), f"Khóa {key} phải là một dòng chữ."))
    text = nfc(str(value)).strip()
    return text or None


def flag(meta: dict[str, Any], key: str, front: FrontMatter, source: str, message: str) -> bool:
    """A true/false key, false when absent; anything else stops with the given message."""
    value = meta.get(key, False)
    if not isinstance(value, bool):
        raise ContentError(Problem(source, front.line_of(key), message))
    return value
