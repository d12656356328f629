"""The templates and assets trangxa adds to Material: header, footer, news pages."""

from __future__ import annotations

from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig

THEME_DIR = Path(__file__).parent / "theme"
STYLESHEET = "assets/trangxa/trangxa.css"
SCRIPT = "assets/trangxa/trangxa.js"


def add_theme_dir(config: MkDocsConfig, folder: Path) -> None:
    """Put a template folder after the site's own overrides and before Material's."""
    dirs = config.theme.dirs
    path = str(folder)
    if path in dirs:
        return
    custom = config.theme.custom_dir
    position = 1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0
    dirs.insert(position, path)


def add_assets(config: MkDocsConfig, stylesheet: str, script: str | None = None) -> None:
    """Load an asset on every page, once."""
    if stylesheet not in config.extra_css:
        config.extra_css.append(stylesheet)
    if script and script not in [str(s) for s in config.extra_javascript]:
        config.extra_javascript.append(script)


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory between rebuilds of `mkdocs serve`.

    MkDocs makes a new template environment for each rebuild, which would compile Material's
    templates again every time. Jinja checks each stored entry against its template's source,
    so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from the store, if the template was compiled before."""
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template."""
        self.store[bucket.key] = bucket.bytecode_to_string()
