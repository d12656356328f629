"""A news post read from its Markdown file, checked field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from trangxa.core.dates import is_suspicious_year
from trangxa.core.frontmatter import split_front_matter
from trangxa.core.problems import ContentError, Problem
from trangxa.core.safehtml import unsafe_url_in, unsafe_url_message
from trangxa.core.textfile import control_problem, read_source
from trangxa.news import postfields as fields
from trangxa.news.related import related_markdown

# The body `trangxa new` writes; a post still carrying it was published unfinished.
BODY_PLACEHOLDER = (
    "Viết nội dung bài ở đây. Để trống một dòng giữa hai đoạn văn. Cách chèn ảnh và tệp đính "
    "kèm có trong Hướng dẫn cho cán bộ."
)

# Beyond this a post is almost always a Word paste with pictures embedded as text.
LARGE_POST_BYTES = 1_000_000


@dataclass(frozen=True)
class Post:
    """One post as read from its file; it never changes (see news.shown for the build's part)."""

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
    # Material's `readtime:`, minutes written by the author instead of the estimate.
    readtime: int | None = None
    # Material's `pin: true`: shown first in the news index and its category listings.
    pinned: bool = False
    # Material's `date: {updated: …}`, shown on the post beside the date it was published.
    updated: datetime | None = None

    @property
    def folder(self) -> Path:
        """Folder that relative links in the post are resolved against."""
        return Path(self.abs_path).parent


def read_post(
    abs_path: str | Path,
    source: str,
    allowed_categories: list[str],
    keep_body: bool = True,
    data: bytes | None = None,
) -> Post:
    """Read and check one post; raise ContentError naming file and line on the first error.

    Without keep_body the post is checked the same way but made without its body (for counting).
    `data` is the file's bytes when they were read already.
    """
    read = read_source(abs_path, source, data)
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
    warnings += fields.unknown_key_warnings(front, source)
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
    body, title, body_line = fields.title_and_body(front, source)
    if not body or body.isspace():
        warnings.append(
            Problem(
                source,
                body_line,
                "Bài viết chỉ có phần khai báo, chưa có nội dung. Viết nội dung bài bên dưới "
                "dòng --- đóng phần khai báo, hoặc đánh dấu draft: true nếu chưa muốn đăng.",
                "warning",
            )
        )
    date = fields.post_date(meta, front, source)
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
    categories = fields.categories_of(meta, front, source, allowed_categories)
    tags = fields.string_list(meta, "tags", front, source)
    authors = fields.string_list(meta, "authors", front, source)
    slug, explicit = fields.slug_of(meta, front, source, title)
    for key in ("links", "image"):
        unsafe = unsafe_url_in(meta.get(key))
        if unsafe is not None:
            raise ContentError(Problem(source, front.line_of(key), unsafe_url_message(key, unsafe)))
    draft = fields.flag(
        meta,
        "draft",
        front,
        source,
        "Khóa draft chỉ nhận true (bản nháp, chưa đăng) hoặc false (đăng bình thường).",
    )
    pinned = fields.flag(
        meta,
        "pin",
        front,
        source,
        "Khóa pin chỉ nhận true (ghim bài lên đầu danh sách tin) hoặc false.",
    )
    return Post(
        source=source,
        abs_path=str(abs_path),
        title=title,
        date=date,
        categories=categories,
        tags=tags,
        description=fields.optional_text(meta, "description", front, source),
        slug=slug,
        slug_explicit=explicit,
        draft=draft,
        authors=authors,
        image=fields.optional_text(meta, "image", front, source),
        body=body + related_markdown(meta.get("links")) if keep_body else "",
        readtime=fields.readtime_minutes(meta.get("readtime")),
        pinned=pinned,
        updated=fields.updated_date(meta, front, source),
        body_line=body_line,
        warnings=warnings,
    )


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
