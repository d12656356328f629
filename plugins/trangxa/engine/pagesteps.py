"""MkDocs' own steps for one page, as its build runs them, for pages built in a second process.

MkDocs 1.6.1 keeps these steps in private functions of mkdocs.commands.build; engine.prerender
runs them in its forked process. ProperDocs 1.6.7 (properdocs/commands/build.py) takes the
same steps.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file


@contextlib.contextmanager
def current_page(config: MkDocsConfig, page: Page) -> Iterator[None]:
    """The page being built, where MkDocs keeps it while a page's events run.

    `MkDocsConfig._current_page` is private; MkDocs sets it around every page's events:
    https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/config/defaults.py#L201
    https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py#L149
    """
    config._current_page = page
    try:
        yield
    finally:
        config._current_page = None


# Mirrors MkDocs' private _populate_page, without its --dirty check and error logging:
# https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py#L147-L182
# (ProperDocs 1.6.7: properdocs/commands/build.py, _populate_page, the same steps).
def populate_page(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read, convert and hand a page to the plugins' events, as MkDocs' first pass does."""
    with current_page(config, page):
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        assert page.markdown is not None
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.render(config, files)
        assert page.content is not None
        page.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )


# Mirrors MkDocs' private _build_page for an included page, without its --dirty check, error
# logging and skipping of empty output (the child's pages are never empty):
# https://github.com/mkdocs/mkdocs/blob/1.6.1/mkdocs/commands/build.py#L185-L246
# (ProperDocs 1.6.7: properdocs/commands/build.py, _build_page, the same steps).
def build_page(page: Page, config: MkDocsConfig, doc_files: Any, nav: Navigation, env: Any) -> None:
    """Render a page with its template and write it, as MkDocs' second pass does."""
    page.active = True
    try:
        with current_page(config, page):
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = template.render(context)
            output = config.plugins.on_post_page(output, page=page, config=config)
            write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
    finally:
        page.active = False
