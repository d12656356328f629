"""Build a real MkDocs site from a fixture folder and capture what it logged."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

FIXTURES = Path(__file__).parent


@dataclass
class BuildResult:
    """The built folder and every log record at warning level or above."""

    site_dir: Path
    records: list[logging.LogRecord] = field(default_factory=list)
    config: MkDocsConfig | None = None

    @property
    def messages(self) -> list[str]:
        """Logged messages, as text."""
        return [record.getMessage() for record in self.records]

    def read(self, path: str) -> str:
        """A built file's text."""
        return (self.site_dir / path).read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def every_file(site_dir: Path) -> dict[str, bytes]:
    """Every file of a built site by its path inside it: for comparing two builds byte for byte."""
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


@contextmanager
def captured_logs() -> Iterator[list[logging.LogRecord]]:
    """Collect warnings and errors logged by MkDocs and its plugins."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def copy_fixture(relative: str, destination: Path) -> Path:
    """Copy a fixture site so a test may change it freely."""
    target = destination / Path(relative).name
    shutil.copytree(FIXTURES / relative, target)
    return target


def build_site(
    project: Path,
    *,
    strict: bool = True,
    command: str = "build",
    site_dir: Path | None = None,
    extensions: list[object] | None = None,
) -> BuildResult:
    """Build project/mkdocs.yml as `mkdocs build` (or the first build of `serve`) would."""
    site_dir = site_dir or project / "site"
    config = load_config(
        config_file=str(project / "mkdocs.yml"), strict=strict, site_dir=str(site_dir)
    )
    if extensions:
        config.markdown_extensions.extend(extensions)  # type: ignore[arg-type]
    with captured_logs() as records:
        config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return BuildResult(site_dir, list(records), config)
