"""While previewing: every page shows the content errors, a broken post's address explains itself."""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from trangxa.core.problems import Problem
from trangxa.core.safehtml import escape
from trangxa.core.slugs import slugify
from trangxa.site import theme

SCRIPT = "assets/trangxa/preview.js"
STYLESHEET = "assets/trangxa/preview.css"
# Read by preview.js on every page load; pages kept between rebuilds still see the new list.
PROBLEMS_FILE = "assets/trangxa/preview-problems.json"
_YEAR = re.compile(r"(19|20)\d\d")


def add_assets(config: MkDocsConfig) -> None:
    """Load the banner's script and style on every previewed page."""
    theme.add_assets(config, STYLESHEET, SCRIPT)


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


def broken_post_pages(
    errors: list[Problem],
    url_prefix: str,
    known: dict[str, str],
    config: MkDocsConfig,
    files: Files,
) -> list[File]:
    """One page per unreadable post, at its address, saying what is wrong and where."""
    by_source: dict[str, list[Problem]] = {}
    for problem in errors:
        by_source.setdefault(problem.path, []).append(problem)
    pages = []
    for source, problems in by_source.items():
        uri = f"{broken_post_address(source, url_prefix, known)}index.md"
        if files.get_file_from_path(uri) is not None:
            continue
        content = _error_page(source, problems)
        pages.append(
            File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return pages


def _error_page(source: str, problems: list[Problem]) -> str:
    items = "\n".join(
        f"<li><code>{escape(source)}{'' if p.line is None else f', dòng {p.line}'}</code>: "
        f"{escape(p.message)}</li>"
        for p in problems
    )
    return (
        "---\ntitle: Bài viết đang có lỗi\nsearch:\n  exclude: true\n---\n\n"
        "# Bài viết đang có lỗi\n\n"
        '<div class="tx-preview-error" markdown="0">\n'
        f"<p>Tệp <code>{escape(source)}</code> chưa đọc được nên bài này chưa hiện trên trang, "
        "trong RSS và trong số liệu. Sửa lỗi dưới đây rồi lưu tệp: trang này tự tải lại.</p>\n"
        f"<ul>\n{items}\n</ul>\n</div>\n"
    )
