"""`trangxa publish`: build strictly beside the live folder and swap it in only on success."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from trangxa.commands.site import add_config_option
from trangxa.core.vnformat import format_number

_LEVEL_NAMES = {logging.WARNING: "CẢNH BÁO", logging.ERROR: "LỖI", logging.CRITICAL: "LỖI"}


class PublishError(Exception):
    """The site was not published; the message says why and that the live folder is unchanged."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `trangxa publish`."""
    parser = subparsers.add_parser(
        "publish",
        help="dựng trang (nghiêm ngặt) rồi mới thay thư mục trang đang chạy",
        description=(
            "Dựng trang ở chế độ nghiêm ngặt vào một thư mục tạm cạnh THƯ_MỤC. Chỉ khi dựng "
            "thành công mới thay THƯ_MỤC bằng bản mới; nếu có lỗi hay cảnh báo, THƯ_MỤC giữ "
            "nguyên như cũ."
        ),
    )
    parser.add_argument(
        "--to", required=True, metavar="THƯ_MỤC", help="thư mục máy chủ web phục vụ trang"
    )
    add_config_option(parser)


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
    """Refuse a folder whose replacement would delete the project or someone's other files."""
    project = config_file.parent
    if target in (project, docs_dir) or target in project.parents or docs_dir in target.parents:
        raise PublishError(
            f"Không thể đăng vào {target}: thư mục này chứa mã nguồn của trang (mkdocs.yml, "
            "posts/, docs/). Chọn một thư mục riêng cho trang đã dựng, ví dụ /var/www/trang-xa."
        )
    if target.exists() and not target.is_dir():
        raise PublishError(f"{target} là một tệp, không phải thư mục. Chọn một thư mục khác.")
    if target.is_dir() and any(target.iterdir()) and not (target / "index.html").is_file():
        raise PublishError(
            f"Thư mục {target} có dữ liệu nhưng không phải trang đã dựng (không có index.html). "
            "Để không xóa nhầm dữ liệu, hãy chọn một thư mục trống hoặc thư mục trang đã đăng "
            "trước đây."
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


def swap_in(new: Path, target: Path) -> None:
    """Put the new build at target; the old one is moved aside first and deleted last."""
    if not target.exists():
        os.rename(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.cu-", dir=target.parent))
    old.rmdir()
    # Two renames on one filesystem: the live folder is missing only between them, never half
    # written, and a failure of the second rename puts the old site back.
    os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def publish(config_file: Path, target: Path) -> int:
    """Build and swap; raise PublishError leaving target untouched when anything fails."""
    if not config_file.is_file():
        raise PublishError(
            f"Không tìm thấy tệp cấu hình {config_file}. Chạy lệnh trong thư mục có mkdocs.yml "
            "hoặc chỉ đường dẫn bằng -f."
        )
    check_target(target, config_file, config_file.parent / "docs")
    config = load_strict_config(config_file, target)
    check_target(target, config_file, Path(config.docs_dir).resolve())
    target.parent.mkdir(parents=True, exist_ok=True)
    # Next to the target, so the final move is a rename on the same filesystem.
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.moi-", dir=target.parent))
    try:
        build_into(config, staging)
        if not (staging / "index.html").is_file():
            raise PublishError("Bản dựng không có trang chủ index.html nên không được đăng.")
        pages = sum(1 for _ in staging.rglob("*.html"))
        swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return pages


def run(args: argparse.Namespace) -> int:
    """Publish; 1 when the build failed and the live folder was left as it was."""
    config_file = Path(args.config_file).resolve()
    target = Path(args.to).resolve()
    try:
        pages = publish(config_file, target)
    except PublishError as exc:
        print(f"CHƯA ĐĂNG: {exc}", file=sys.stderr)
        print(f"Thư mục {target} được giữ nguyên như trước.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            f"CHƯA ĐĂNG: không ghi được vào {target} ({exc.strerror or exc}). Kiểm tra quyền "
            "ghi vào thư mục này và chỗ trống trên đĩa.",
            file=sys.stderr,
        )
        return 1
    print(f"Đã đăng trang vào {target}: {format_number(pages)} trang HTML.")
    return 0
