"""Links in posts written the MkDocs way: to another post's file or a page under docs/."""

from __future__ import annotations

import logging
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from trangxa.core.problems import Problem
from trangxa.core.safehtml import markdown_text
from trangxa.news.attachments import line_of
from trangxa.news.shown import ShownPost

# Inline links and images: [text](target "title"), and reference definitions: [id]: target.
INLINE = re.compile(r"(!?\[)([^\]]*)(\]\(\s*<?)([^)\s>]+)(>?(?:\s+\"[^\"]*\")?\s*\))")
REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:[ \t]*<?)([^\s>]+)", re.M)
_HEADING = re.compile(r"^(?:title:\s*[\"']?(.+?)[\"']?\s*|#\s+(.+?)\s*#*)$", re.M)


def nfc_key(path: Path) -> str:
    """A path as a lookup key: names typed on one system match files saved on another."""
    return unicodedata.normalize("NFC", str(path))


@dataclass
class LinkTargets:
    """Where each post file and docs page is published, for one build."""

    root: Path
    docs_dir: Path
    posts_dir: Path
    posts: dict[str, ShownPost] = field(default_factory=dict)
    unpublished: set[str] = field(default_factory=set)

    def find(self, post: ShownPost, path: str) -> Path | None:
        """The file a .md link means: beside the post, else from docs/ (as Material's links:
        are written), else from the site folder (posts/2024/bai.md)."""
        if path.startswith("/"):
            bases = [self.docs_dir]
            path = path.lstrip("/")
        else:
            bases = [post.folder, self.docs_dir, self.root]
        # A blog moved from docs/blog/posts/ keeps links such as blog/posts/bai.md: the
        # shortest tail of the path found under posts/ is the post meant.
        parts = Path(path).parts
        tails = [self.posts_dir / Path(*parts[i:]) for i in range(len(parts))]
        for candidate in [*(base / path for base in bases), *tails]:
            resolved = candidate.resolve()
            key = nfc_key(resolved)
            if key in self.posts or key in self.unpublished or resolved.is_file():
                return resolved
        return None

    def address(self, target: Path) -> tuple[str, str] | None:
        """The target's source address under the site, and its title, when it is published."""
        post = self.posts.get(nfc_key(target))
        if post is not None:
            return f"{post.url}index.md", post.title
        if target.is_relative_to(self.docs_dir.resolve()):
            uri = target.relative_to(self.docs_dir.resolve()).as_posix()
            return unicodedata.normalize("NFC", uri), _page_title(target)
        return None


def _page_title(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(4096)
    except (OSError, UnicodeDecodeError):
        return path.stem
    match = _HEADING.search(head)
    return (match.group(1) or match.group(2)) if match else path.stem


def rewrite(post: ShownPost, targets: LinkTargets) -> tuple[str, list[Problem], list[str]]:
    """The post's Markdown with .md links pointing where MkDocs finds the pages.

    Also the problems found and the link targets they are about (see ReportedLinks).
    """
    problems: list[Problem] = []
    broken: list[str] = []
    here = posixpath.dirname(f"{post.url}index.md")

    def new_target(target: str) -> tuple[str, str] | None:
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or target.startswith(("#", "mailto:")):
            return None
        path = unicodedata.normalize("NFC", unquote(parts.path))
        if not path.lower().endswith(".md"):
            return None
        found = targets.find(post, path)
        shown = found and targets.address(found)
        if not shown:
            problems.append(_broken(post, target, found, targets))
            broken.append(target)
            return None
        uri, title = shown
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return posixpath.relpath(uri, here) + fragment, title

    def inline(match: re.Match[str]) -> str:
        replaced = new_target(match.group(4))
        if replaced is None:
            return match.group(0)
        # A title filled in is staff text, not Markdown: escaped so it shows as typed.
        text = match.group(2) or markdown_text(replaced[1])
        return f"{match.group(1)}{text}{match.group(3)}{replaced[0]}{match.group(5)}"

    def reference(match: re.Match[str]) -> str:
        replaced = new_target(match.group(2))
        return match.group(0) if replaced is None else match.group(1) + replaced[0]

    body = REFERENCE.sub(reference, INLINE.sub(inline, post.body))
    # The same text, not a copy of it, when nothing changed: the parsed post holds it already.
    return (post.body if body == post.body else body), problems, broken


_NOT_FOUND = re.compile(r"Doc file '(.+?)' contains a link '(.+?)', but the target")


class ReportedLinks(logging.Filter):
    """Drops MkDocs' English notice for a post link trangxa already reported in Vietnamese."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        """False for MkDocs' notice about a (page, link) pair in pairs."""
        if not self.pairs or record.levelno < logging.WARNING:
            return True
        match = _NOT_FOUND.match(record.getMessage())
        return match is None or (match.group(1), match.group(2)) not in self.pairs


def _broken(post: ShownPost, target: str, found: Path | None, targets: LinkTargets) -> Problem:
    line = line_of(post.body, target, post.body_line)
    if found is not None and nfc_key(found) in targets.unpublished:
        reason = (
            "trỏ tới một bài chưa đăng (bản nháp, hẹn giờ hoặc đang có lỗi). Đăng bài đó "
            "trước, hoặc bỏ liên kết."
        )
    else:
        reason = (
            "không trỏ tới bài viết hay trang nào. Viết đường dẫn tới tệp .md tính từ thư mục "
            "của bài này (ví dụ ../2023/ra-quan-don-tet.md) hoặc từ docs/ (ví dụ /lien-he.md)."
        )
    return Problem(post.source, line, f'Bài có liên kết "{target}" {reason}', "warning")
