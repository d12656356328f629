"""Checks and settings of Material's search plugin, whose search box trangxa-search answers."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from trangxa.site import names

# Material registers its plugin under this name when mkdocs.yml says `- search`.
MATERIAL_SEARCH = "material/search"

# Splits at spaces and punctuation, but keeps a dot followed by a digit, so a procedure code
# (1.001193) stays one word when Material marks the words searched for on the page opened.
VIETNAMESE_SEPARATOR = r"[\s\-–—_,;:!?=@\[\](){}\"“”‘’'/\\…]+|\.(?!\d)|&(?:amp|lt|gt|quot);"


def material_search_plugin(config: MkDocsConfig) -> BasePlugin[Any]:
    """Material's search plugin from mkdocs.yml, or an error saying how to add it."""
    plugin: BasePlugin[Any] | None = config.plugins.get(MATERIAL_SEARCH)
    if plugin is None or not plugin.config.get("enabled", True):
        raise PluginError(
            f"{names.SEARCH} cần plugin tìm kiếm của Material (ô tìm kiếm trên đầu trang): trong "
            f"mkdocs.yml, mục plugins, thêm dòng `- search` trước `- {names.SEARCH}`."
        )
    return plugin


def use_vietnamese_separator(plugin: BasePlugin[Any]) -> bool:
    """Give Material the Vietnamese word separator unless mkdocs.yml sets one; True if given."""
    if plugin.config.get("separator"):
        return False
    plugin.config["separator"] = VIETNAMESE_SEPARATOR
    return True
