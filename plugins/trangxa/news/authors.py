"""Authors from Material's `.authors.yml`, kept beside the posts when a blog moves over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

AUTHORS_FILE = ".authors.yml"


def authors_file(posts_dir: Path) -> Path:
    """Where the file is looked for: at the top of the posts folder."""
    return posts_dir / AUTHORS_FILE


def load_authors(posts_dir: Path, configured: dict[str, Any]) -> dict[str, Any]:
    """The authors of `.authors.yml`, with those written in mkdocs.yml taking precedence."""
    path = authors_file(posts_dir)
    if not path.is_file():
        return configured
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PluginError(
            f"Không đọc được {path.name} trong thư mục bài viết ({exc.__class__.__name__}). "
            "Tệp phải có dạng authors: rồi mỗi tác giả một khóa, có name: Tên hiển thị."
        ) from exc
    found = data.get("authors") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        raise PluginError(
            f"{path.name} trong thư mục bài viết phải bắt đầu bằng dòng authors: và liệt kê "
            "mỗi tác giả một khóa, ví dụ:\nauthors:\n  vhxh:\n    name: Công chức Văn hóa - Xã hội"
        )
    return {**{str(key): value for key, value in found.items()}, **configured}
