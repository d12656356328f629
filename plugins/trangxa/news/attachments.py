"""Files linked from a post that live beside it: copied to the post's address and listed."""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from trangxa.core.problems import Problem


@dataclass(frozen=True)
class Attachment:
    """A file placed next to a post and linked from it, such as a PDF plan."""

    name: str
    url: str
    kind: str
    size: int


# Markdown links and images, src/href attributes of raw HTML, and reference definitions
# such as `[Ảnh]: anh/so-do.png`.
_LINK = re.compile(
    r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|(?:src|href)=\"([^\"]+)\""
    r"|^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)",
    re.M,
)
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"})
KIND_NAMES = {
    ".pdf": "PDF",
    ".doc": "Word",
    ".docx": "Word",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".odt": "OpenDocument",
    ".zip": "ZIP",
    ".csv": "CSV",
}


@lru_cache(maxsize=16384)
def local_targets(markdown: str) -> tuple[str, ...]:
    """Relative link targets that point at files, in order, without duplicates.

    Remembered by text: each rebuild of `mkdocs serve` asks again about every unchanged post.
    """
    found: dict[str, None] = {}
    for match in _LINK.finditer(markdown):
        target = match.group(1) or match.group(2) or match.group(3) or ""
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith(("#", "/", "mailto:")):
            continue
        path = unicodedata.normalize("NFC", unquote(parts.path))
        if not path or path.endswith("/") or Path(path).suffix.lower() in {".md", ".html", ""}:
            continue
        found.setdefault(path, None)
    return tuple(found)


def resolve(
    post_folder: Path, target: str, line: int, source: str
) -> tuple[Path | None, Problem | None]:
    """The file a link names, or a problem saying the file is missing."""
    candidate = (post_folder / target).resolve()
    if candidate.is_file():
        return candidate, None
    same = _same_name_in_nfc(candidate)
    if same is not None:
        return same, None
    return None, Problem(
        source,
        line,
        f'Liên kết tới tệp "{target}" nhưng không có tệp này cạnh bài viết. '
        "Đặt tệp vào cùng thư mục với bài viết, hoặc sửa lại tên tệp trong liên kết.",
        "warning",
    )


def _same_name_in_nfc(candidate: Path) -> Path | None:
    """The file whose name equals the link's after NFC: Macs and phones save names in NFD."""
    wanted = unicodedata.normalize("NFC", candidate.name)
    try:
        names = os.listdir(candidate.parent)
    except OSError:
        return None
    for name in names:
        if unicodedata.normalize("NFC", name) == wanted and (candidate.parent / name).is_file():
            return candidate.parent / name
    return None


def line_of(markdown: str, target: str, body_line: int) -> int:
    """Line of the first mention of target, counted from the top of the file."""
    index = markdown.find(target)
    return body_line + (markdown.count("\n", 0, index) if index >= 0 else 0)


def published_uri(post_url: str, target: str) -> str:
    """Where the file is published: beside the post's page, so relative links keep working."""
    return posixpath.normpath(posixpath.join(post_url, target))


def kind_of(path: Path) -> str:
    """A short type name citizens recognise."""
    return KIND_NAMES.get(path.suffix.lower(), path.suffix.lstrip(".").upper() or "Tệp")
