"""A news post read from its Markdown file, checked field by field."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from trangxa.core.dates import DateParseError, is_suspicious_year, parse_date, to_vn
from trangxa.core.frontmatter import FrontMatter, split_front_matter
from trangxa.core.problems import ContentError, Problem
from trangxa.core.safehtml import unsafe_url_in, unsafe_url_message
from trangxa.core.slugs import check_custom_slug, fold, slugify
from trangxa.core.textfile import control_problem, nfc, read_source
from trangxa.news.picture import Picture
from trangxa.news.related import related_markdown

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

# The body `trangxa new` writes; a post still carrying it was published unfinished.
BODY_PLACEHOLDER = (
    "Viết nội dung bài ở đây. Để trống một dòng giữa hai đoạn văn. Cách chèn ảnh và tệp đính "
    "kèm có trong Hướng dẫn cho cán bộ."
)

# Beyond this a post is almost always a Word paste with pictures embedded as text.
LARGE_POST_BYTES = 1_000_000

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Attachment:
    """A file placed next to a post and linked from it, such as a PDF plan."""

    name: str
    url: str
    kind: str
    size: int


@dataclass
class Post:
    """Everything the site, the feeds and the count need to know about one post."""

    source: str
    # Text, not Path: thousands of posts are pickled by the command-line cache.
    abs_path: str
    title: str
    date: datetime
    categories: list[str]
    tags: list[str]
    description: str | None
    slug: str
    slug_explicit: bool
    draft: bool
    authors: list[str]
    image: str | None
    body: str
    body_line: int
    warnings: list[Problem] = field(default_factory=list)
    url: str = ""
    status: str = "published"
    html: str = ""
    summary: str = ""
    # The first described image of the post, for its card on the home page.
    picture: Picture | None = None
    attachments: list[Attachment] = field(default_factory=list)
    # Material's `readtime:`, minutes written by the author instead of the estimate.
    readtime: int | None = None
    # Material's `pin: true`: shown first in the news index and its category listings.
    pinned: bool = False
    # Material's `date: {updated: …}`, shown on the post beside the date it was published.
    updated: datetime | None = None

    @cached_property
    def words(self) -> int:
        """Words in the body, for the reading time; counted only when a page shows it."""
        return len(_WORD.findall(self.body))

    @property
    def folder(self) -> Path:
        """Folder that relative links in the post are resolved against."""
        return Path(self.abs_path).parent


def _readtime(value: object) -> int | None:
    """Minutes as Material reads them; anything else leaves the estimate in place."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return int(value)
    return None


def read_post(abs_path: Path, source: str, allowed_categories: list[str]) -> Post:
    """Read and check one post; raise ContentError naming file and line on the first error."""
    read = read_source(abs_path, source)
    text = read.text
    front = split_front_matter(text, source)
    if not front.has_block:
        raise ContentError(
            Problem(
                source,
                1,
                "Bài viết thiếu phần khai báo ở đầu tệp. Dòng đầu tiên phải là ---, tiếp theo "
                "là title: và date:, rồi một dòng --- đóng lại.",
            )
        )
    meta = front.meta
    warnings = [control_problem(source, line) for line in read.control_lines]
    warnings += _unknown_key_warnings(front, source)
    size_warning = _size_warning(text, source)
    if size_warning is not None:
        warnings.append(size_warning)
    if BODY_PLACEHOLDER in front.body:
        warnings.append(
            Problem(
                source,
                front.body_line + front.body[: front.body.index(BODY_PLACEHOLDER)].count("\n"),
                'Bài còn đoạn mẫu "Viết nội dung bài ở đây…" do lệnh trangxa new tạo ra. '
                "Thay đoạn này bằng nội dung thật của bài.",
                "warning",
            )
        )
    body, title, body_line = _title_and_body(front, source)
    if not body.strip():
        warnings.append(
            Problem(
                source,
                body_line,
                "Bài viết chỉ có phần khai báo, chưa có nội dung. Viết nội dung bài bên dưới "
                "dòng --- đóng phần khai báo, hoặc đánh dấu draft: true nếu chưa muốn đăng.",
                "warning",
            )
        )
    date = _date(meta, front, source)
    if is_suspicious_year(date):
        warnings.append(
            Problem(
                source,
                front.line_of("date"),
                f"Năm {date.year} có vẻ gõ nhầm (ví dụ 0224 thay cho 2024). "
                "Kiểm tra lại ngày đăng.",
                "warning",
            )
        )
    categories = _categories(meta, front, source, allowed_categories)
    tags = _string_list(meta, "tags", front, source)
    authors = _string_list(meta, "authors", front, source)
    slug, explicit = _slug(meta, front, source, title)
    for key in ("links", "image"):
        unsafe = unsafe_url_in(meta.get(key))
        if unsafe is not None:
            raise ContentError(Problem(source, front.line_of(key), unsafe_url_message(key, unsafe)))
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        raise ContentError(
            Problem(
                source,
                front.line_of("draft"),
                "Khóa draft chỉ nhận true (bản nháp, chưa đăng) hoặc false (đăng bình thường).",
            )
        )
    pinned = meta.get("pin", False)
    if not isinstance(pinned, bool):
        raise ContentError(
            Problem(
                source,
                front.line_of("pin"),
                "Khóa pin chỉ nhận true (ghim bài lên đầu danh sách tin) hoặc false.",
            )
        )
    return Post(
        source=source,
        abs_path=str(abs_path),
        title=title,
        date=date,
        categories=categories,
        tags=tags,
        description=_optional_text(meta, "description", front, source),
        slug=slug,
        slug_explicit=explicit,
        draft=draft,
        authors=authors,
        image=_optional_text(meta, "image", front, source),
        body=body + related_markdown(meta.get("links")),
        readtime=_readtime(meta.get("readtime")),
        pinned=pinned,
        updated=_updated(meta, front, source),
        body_line=body_line,
        warnings=warnings,
    )


def _unknown_key_warnings(front: FrontMatter, source: str) -> list[Problem]:
    found = []
    for key in front.meta:
        if key in KNOWN_KEYS:
            continue
        close = _nearest_key(key)
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


def _nearest_key(key: str) -> str | None:
    """The known key staff probably meant, from a typo, a Vietnamese name or a singular."""
    folded = " ".join(re.split(r"[\s_-]+", fold(key))).strip()
    if folded in KEY_ALIASES:
        return KEY_ALIASES[folded]
    if folded in KNOWN_KEYS:
        return folded
    close = difflib.get_close_matches(folded, sorted(OWN_KEYS), n=1, cutoff=0.6)
    close = close or difflib.get_close_matches(folded, sorted(KNOWN_KEYS), n=1, cutoff=0.6)
    return close[0] if close else None


def _size_warning(text: str, source: str) -> Problem | None:
    # A character takes at most four bytes: most posts are ruled out without encoding them.
    if len(text) * 4 <= LARGE_POST_BYTES:
        return None
    size = len(text.encode("utf-8"))
    if size <= LARGE_POST_BYTES:
        return None
    megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
    embedded = "data:image" in text
    cause = (
        "Bài có ảnh dán thẳng vào nội dung dưới dạng chữ (data:image), thường do chép từ Word. "
        "Hãy lưu ảnh thành tệp .jpg hoặc .png cạnh bài viết rồi chèn bằng ![mô tả](ten-anh.jpg)."
        if embedded
        else "Nếu đây là văn bản dài, hãy đăng phần tóm tắt và đính kèm toàn văn bằng tệp PDF "
        "cạnh bài viết."
    )
    return Problem(
        source,
        None,
        f"Bài viết rất lớn ({megabytes} MB), trang sẽ tải chậm trên điện thoại. {cause}",
        "warning",
    )


def _title_and_body(front: FrontMatter, source: str) -> tuple[str, str, int]:
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


def _updated(meta: dict[str, Any], front: FrontMatter, source: str) -> datetime | None:
    value = meta.get("date")
    if not isinstance(value, dict) or value.get("updated") in (None, ""):
        return None
    try:
        return to_vn(parse_date(value["updated"]))
    except (DateParseError, OverflowError) as exc:
        raise ContentError(
            Problem(source, front.line_of("date"), f"Ngày cập nhật (updated): {exc}")
        ) from exc


def _date(meta: dict[str, Any], front: FrontMatter, source: str) -> datetime:
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


def _string_list(meta: dict[str, Any], key: str, front: FrontMatter, source: str) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise ContentError(
            Problem(
                source,
                front.line_of(key),
                f"Khóa {key} phải là một danh sách, ví dụ {key}: [mục một, mục hai].",
            )
        )
    seen: dict[str, None] = {}
    for item in value:
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


def _categories(
    meta: dict[str, Any], front: FrontMatter, source: str, allowed: list[str]
) -> list[str]:
    names = _string_list(meta, "categories", front, source)
    for name in names:
        message = unknown_category_message(name, allowed)
        if message is not None:
            raise ContentError(Problem(source, front.line_of("categories"), message))
    return names


def _slug(meta: dict[str, Any], front: FrontMatter, source: str, title: str) -> tuple[str, bool]:
    value = meta.get("slug")
    if value is None or value == "":
        return slugify(title), False
    text = nfc(str(value)).strip()
    message = check_custom_slug(text)
    if message:
        raise ContentError(Problem(source, front.line_of("slug"), message))
    return text, True


def _optional_text(meta: dict[str, Any], key: str, front: FrontMatter, source: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ContentError(Problem(source, front.line_of(key), f"Khóa {key} phải là một dòng chữ."))
    text = nfc(str(value)).strip()
    return text or None
