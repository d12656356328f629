"""`trangxa serve`: preview the site at a local address, rebuilt on every save."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

from trangxa.commands.mkdocs_run import BuildStopped, explain_abort, load, vietnamese_logs
from trangxa.commands.site import add_config_option


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `trangxa serve`."""
    parser = subparsers.add_parser(
        "serve",
        help="xem thử trang trên máy này; tự dựng lại mỗi khi lưu tệp",
        description=(
            "Dựng trang và mở máy chủ xem thử tại http://127.0.0.1:8000/. Mỗi lần lưu một bài "
            "viết hay thủ tục, trang được dựng lại và trình duyệt tự tải lại. Bài có lỗi hiện "
            "thông báo ngay trên trang xem thử. Nhấn Ctrl+C để dừng."
        ),
    )
    parser.add_argument(
        "-a",
        "--dev-addr",
        metavar="ĐỊA_CHỈ:CỔNG",
        help="địa chỉ và cổng của máy chủ xem thử (mặc định 127.0.0.1:8000)",
    )
    add_config_option(parser)


def _serve_url(config: MkDocsConfig) -> str:
    host, port = config.dev_addr
    path = urlsplit(config.site_url or "/").path or "/"
    return f"http://{host}:{port}{path if path.endswith('/') else path + '/'}"


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl+C; 1 when the site cannot be built or the port is taken."""
    site_dir = tempfile.mkdtemp(prefix="trangxa-xem-thu-")
    options: dict[str, object] = {"site_dir": site_dir}
    if args.dev_addr:
        options["dev_addr"] = args.dev_addr
    try:
        with vietnamese_logs():
            return _serve(args.config_file, options)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _serve(config_file: str, options: dict[str, object]) -> int:
    try:
        config = load(config_file, **options)
    except BuildStopped as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
    config.plugins.on_startup(command="serve", dirty=False)
    url = _serve_url(config)
    config.site_url = url

    def builder(fresh: MkDocsConfig | None = None) -> None:
        current = fresh
        if current is None:
            try:
                current = load(config_file, **options)
            except BuildStopped as exc:
                # livereload prints a SystemExit's text as it is and keeps serving.
                raise SystemExit(f"LỖI: {exc}") from exc
            current.site_url = url
        try:
            build(current, serve_url=url)
        except Abort as exc:
            raise SystemExit(f"LỖI: {explain_abort(exc)}") from exc

    host, port = config.dev_addr
    try:
        try:
            builder(config)
        except SystemExit as exc:
            print(exc, file=sys.stderr)
            return 1
        try:
            server = LiveReloadServer(
                builder=builder,
                host=host,
                port=port,
                root=str(config.site_dir),
                mount_path=urlsplit(url).path,
            )
        except OSError as exc:
            print(
                f"LỖI: không mở được cổng {port} trên {host} ({exc.strerror}). Có thể một cửa sổ "
                "xem thử khác đang chạy: đóng cửa sổ đó (Ctrl+C), hoặc chọn cổng khác, ví dụ "
                f"trangxa serve -a {host}:{port + 1}",
                file=sys.stderr,
            )
            return 1
        server.error_handler = lambda code: _error_page(Path(config.site_dir), code)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    except KeyboardInterrupt:
        pass
    finally:
        config.plugins.on_shutdown()
    print("Đã dừng xem thử.", file=sys.stderr)
    return 0


def _error_page(site_dir: Path, code: int) -> bytes | None:
    """The site's own 404 page for an address that does not exist."""
    page = site_dir / f"{code}.html"
    if code in (404, 500) and page.is_file():
        return page.read_bytes()
    return None
