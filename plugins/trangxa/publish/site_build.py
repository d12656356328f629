"""The strict build a publish makes: where it may go, how mkdocs.yml is read, what it prints."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from trangxa.publish import PublishError

_LEVEL_NAMES = {logging.WARNING: "CẢNH BÁO", logging.ERROR: "LỖI", logging.CRITICAL: "LỖI"}


class _Printer(logging.Handler):
    """Shows MkDocs' warnings and errors to staff as they happen, and counts them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        label = _LEVEL_NAMES.get(record.levelno, "CẢNH BÁO")
        print(f"{label}: {record.getMessage()}", file=sys.stderr)


@contextmanager
def _printed_logs() -> Iterator[_Printer]:
    printer = _Printer()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(printer)
    try:
        yield printer
    finally:
        logger.removeHandler(printer)


def check_target(target: Path, config_file: Path, docs_dir: Path) -> None:
    """Refuse a target that is, or holds, the project's own sources."""
    project = config_file.parent
    if target in (project, docs_dir) or target in project.parents or docs_dir in target.parents:
        raise PublishError(
            f"Không thể đăng vào {target}: thư mục này chứa mã nguồn của trang (mkdocs.yml, "
            "posts/, docs/). Chọn một thư mục riêng cho trang đã dựng, ví dụ /var/www/trang-xa."
        )


def load_strict_config(config_file: Path, target: Path) -> MkDocsConfig:
    """mkdocs.yml loaded for a strict build; MkDocs itself refuses a target inside docs/."""
    try:
        return load_config(config_file=str(config_file), strict=True, site_dir=str(target))
    except (ConfigurationError, Abort) as exc:
        raise PublishError(
            f"Tệp {config_file.name} có lỗi cấu hình (chi tiết in ở trên). Sửa mkdocs.yml, hoặc "
            "chọn THƯ_MỤC khác nếu lỗi nói về site_dir."
        ) from exc


def build_into(config: MkDocsConfig, site_dir: Path) -> None:
    """Build strictly into site_dir, printing each warning and error as it comes."""
    config["site_dir"] = str(site_dir)
    with _printed_logs():
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except (Abort, MkDocsException) as exc:
            raise PublishError(
                "Dựng trang không thành công vì các lỗi, cảnh báo in ở trên. Sửa từng mục "
                "(tệp:dòng: nội dung) rồi chạy lại; trangxa check giúp xem lại toàn bộ."
            ) from exc
        finally:
            config.plugins.on_shutdown()
    if not (site_dir / "index.html").is_file():
        raise PublishError("Bản dựng không có trang chủ index.html nên không được đăng.")
