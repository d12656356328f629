"""While previewing: every page shows the content errors, a broken post's address explains itself."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from trangxa.core.problems import Problem
from trangxa.core.slugs import slugify
from trangxa.site import theme
from trangxa.site.pages import GeneratedPage

SCRIPT = "assets/trangxa/preview.js"
STYLESHEET = "assets/trangxa/preview.css"
# Read by preview.js on every page load; pages kept between rebuilds still see the new list.
PROBLEMS_FILE = "assets/trangxa/preview-problems.json"
BROKEN_TEMPLATE = "trangxa/broken-post.html"
BROKEN_TITLE = "Bài viết đang có lỗi"
_YEAR = re.compile(r"(19|20)\d\d")


def add_assets(config: MkDocsConfig) -> None:
    """Load the banner's script and style on every previewed page."""
    theme.register(config, theme.THEME_DIR, [STYLESHEET], [SCRIPT])


def write_problems(site_dir: str, problems: list[Problem]) -> None:
    """The list preview.js shows: file, line, message, severity, errors first."""
    ordered = sorted(problems, key=lambda p: (p.severity != "error", p.path, p.line or 0))
    data = [
        {"file": p.path, "line": p.line, "message": p.message, "severity": p.severity}
        for p in ordered
    ]
    target = Path(site_dir) / PROBLEMS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def broken_post_address(source: str, url_prefix: str, known: dict[str, str]) -> str:
    """Where a post whose front matter cannot be read is shown while previewing.

    The address it had earlier in this preview, which is the page the browser has open and
    reloads; for a post never read successfully, one made from its file: the year of the
    first year-named folder and the file name (or folder name, for index.md) as slug.
    """
    if source in known:
        return known[source]
    path = PurePosixPath(source)
    name = path.parent.name if path.stem.lower() == "index" else path.stem
    years = [part for part in path.parts[:-1] if _YEAR.fullmatch(part)]
    year = years[0] if years else "loi"
    return f"{url_prefix}/{year}/{slugify(name) or 'bai-viet'}/"


@dataclass(frozen=True)
class BrokenPost:
    """What trangxa/broken-post.html shows: a post file that cannot be read, and why."""

    source: str
    problems: tuple[Problem, ...]


def broken_post_pages(
    errors: list[Problem], url_prefix: str, known: dict[str, str], files: Files
) -> list[GeneratedPage]:
    """One page per unreadable post, at its address, saying what is wrong and where."""
    by_source: dict[str, list[Problem]] = {}
    for problem in errors:
        by_source.setdefault(problem.path, []).append(problem)
    pages = []
    for source, problems in by_source.items():
        uri = f"{broken_post_address(source, url_prefix, known)}index.md"
        if files.get_file_from_path(uri) is not None:
            continue
        pages.append(
            GeneratedPage(
                uri,
                BROKEN_TITLE,
                BROKEN_TEMPLATE,
                BrokenPost(source, tuple(problems)),
                meta={"search": {"exclude": True}},
            )
        )
    return pages
