"""Checks and settings that Material's own search plugin needs for folded Vietnamese search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

# Material registers its plugin under this name when mkdocs.yml says `- search`.
MATERIAL_SEARCH = "material/search"
LANGUAGE = "vi"
# Material's worker fetches this file for `lang: vi`; trangxa's version folds diacritics.
LANGUAGE_SCRIPT = "assets/javascripts/lunr/min/lunr.vi.min.js"
# Present only in trangxa's script, so a build can tell which one it shipped.
FOLDING_MARKER = "foldsDiacritics"

# Splits at spaces and punctuation, but keeps a dot followed by a digit, so a
# procedure code (1.001193) or a figure (1.126) stays one word a citizen can type.
VIETNAMESE_SEPARATOR = r"[\s\-–—_,;:!?=@\[\](){}\"“”‘’'/\\…]+|\.(?!\d)|&(?:amp|lt|gt|quot);"


def material_search_plugin(config: MkDocsConfig) -> BasePlugin[Any]:
    """Material's search plugin from mkdocs.yml, or an error saying how to add it."""
    plugin: BasePlugin[Any] | None = config.plugins.get(MATERIAL_SEARCH)
    if plugin is None or not plugin.config.get("enabled", True):
        raise PluginError(
            "trangxa-search cần plugin tìm kiếm của Material: trong mkdocs.yml, mục plugins, "
            "thêm dòng `- search` (với `lang: vi`) trước `- trangxa-search`."
        )
    return plugin


def search_languages(plugin: BasePlugin[Any], config: MkDocsConfig) -> list[str]:
    """The languages Material's search will index with, defaulting to the theme's."""
    configured = plugin.config.get("lang")
    if configured:
        return [str(lang) for lang in configured]
    return [str(config.theme["language"])]


def require_vietnamese(languages: list[str]) -> None:
    """Folding lives in the Vietnamese language script, so it must be the only language."""
    if languages != [LANGUAGE]:
        shown = ", ".join(languages) or "không có"
        raise PluginError(
            f"trangxa-search chỉ bỏ dấu khi tìm kiếm được đặt riêng tiếng Việt, nhưng plugin "
            f"search đang dùng ngôn ngữ: {shown}. Trong mkdocs.yml, đặt `lang: vi` dưới "
            f"`- search:` (chỉ một ngôn ngữ vi)."
        )


def use_vietnamese_separator(plugin: BasePlugin[Any]) -> bool:
    """Give Material the Vietnamese word separator unless mkdocs.yml sets one; True if given."""
    if plugin.config.get("separator"):
        return False
    plugin.config["separator"] = VIETNAMESE_SEPARATOR
    return True


def check_language_script(site_dir: Path) -> None:
    """Fail the build when another theme folder shadows trangxa's Vietnamese search script."""
    script = site_dir / LANGUAGE_SCRIPT
    text = script.read_text(encoding="utf-8") if script.is_file() else ""
    if FOLDING_MARKER not in text:
        raise PluginError(
            f"Trang đã dựng không có tệp {LANGUAGE_SCRIPT} của trangxa-search, nên tìm kiếm "
            f"không dấu sẽ không chạy. Nếu thư mục overrides/ của trang có tệp cùng tên, "
            f"hãy xoá tệp đó."
        )
