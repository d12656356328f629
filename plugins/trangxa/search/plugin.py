"""MkDocs plugin: Material's search finds "đăng ký khai sinh" when a citizen types "dang ky khai sinh"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from trangxa.search.config import SearchConfig
from trangxa.search.index_memo import EntryMemo
from trangxa.search.material_search import (
    check_language_script,
    material_search_plugin,
    require_vietnamese,
    search_languages,
    use_vietnamese_separator,
)
from trangxa.search.page_text import space_table_cells
from trangxa.theme import add_theme_dir, require_material

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"


class SearchPlugin(BasePlugin[SearchConfig]):
    """Ships the folding Vietnamese script to Material's search worker and tunes its index."""

    def __init__(self) -> None:
        # Kept across rebuilds of `mkdocs serve`; in a build, filled by trangxa-news's helper.
        self.memo = EntryMemo()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Nothing to set up; having this event makes MkDocs keep the plugin, and so its memo,
        from one rebuild of `mkdocs serve` to the next."""

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Material has made this build's index by now: let it skip pages indexed before."""
        if self.config.enabled:
            self.memo.begin()
            material: Any = material_search_plugin(config)
            self.memo.wrap(material.search_index)

    # Before Material's search plugin, so its options are set before it reads them.
    @event_priority(50)
    def on_config(self, config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig | None:
        """Check Material's search is Vietnamese only and give it the Vietnamese separator."""
        if not self.config.enabled:
            return config
        require_material(config)
        search = material_search_plugin(config)
        require_vietnamese(search_languages(search, config))
        if not use_vietnamese_separator(search):
            log.info(
                "Dùng `separator` đặt trong mkdocs.yml cho tìm kiếm thay cho mặc định của trangxa."
            )
        add_theme_dir(config, THEME_DIR)
        return config

    # Before Material's search plugin indexes the page in the same event.
    @event_priority(50)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Keep table cells apart so the indexer does not glue their words together."""
        if self.config.enabled and page.content:
            page.content = space_table_cells(page.content)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Fail when the built site would search without folding."""
        if self.config.enabled:
            check_language_script(Path(config.site_dir))
