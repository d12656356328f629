"""`trangxa publish`: build strictly beside the live site and switch to it only on success."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from trangxa.commands.site import add_config_option
from trangxa.core.vnformat import format_number
from trangxa.publish import PublishError
from trangxa.publish.lock import LockBusy
from trangxa.publish.steps import Outcome, Request, publish_steps


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `trangxa publish`."""
    parser = subparsers.add_parser(
        "publish",
        help="dựng trang (nghiêm ngặt) rồi mới chuyển thư mục trang đang chạy sang bản mới",
        description=(
            "Dựng trang ở chế độ nghiêm ngặt vào THƯ_MỤC.trangxa/ cạnh THƯ_MỤC. Chỉ khi dựng "
            "thành công, THƯ_MỤC mới được chuyển sang bản mới trong một bước, nên lúc nào máy "
            "chủ cũng phục vụ một trang trọn vẹn. Không xóa dữ liệu không do trangxa tạo."
        ),
    )
    parser.add_argument(
        "--to", required=True, metavar="THƯ_MỤC", help="thư mục máy chủ web phục vụ trang"
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="ĐƯỜNG_DẪN",
        help="đường dẫn trong THƯ_MỤC được giữ qua mọi lần đăng (ví dụ .well-known); lặp lại được",
    )
    parser.add_argument(
        "--replace-existing",
        action="store_true",
        help="chuyển dữ liệu cũ không do trangxa tạo sang THƯ_MỤC.trangxa/replaced-… thay vì từ chối",
    )
    add_config_option(parser)


_OS_ERRORS = {
    errno.EACCES: "không có quyền",
    errno.EPERM: "không được phép",
    errno.ENOSPC: "đĩa hết chỗ trống",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOENT: "không tìm thấy",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục",
    errno.EISDIR: "là thư mục chứ không phải tệp",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.EXDEV: "nằm trên ổ đĩa khác với thư mục đích",
    errno.EDQUOT: "hết hạn mức dung lượng",
}


def _target_path(text: str) -> Path:
    """Absolute, with its folder resolved but not its last part, which may be trangxa's link."""
    absolute = Path(os.path.abspath(text))
    return absolute.parent.resolve() / absolute.name


def run(args: argparse.Namespace) -> int:
    """Publish; 1 when nothing changed at the target, with the reason."""
    target = _target_path(args.to)
    request = Request(
        Path(args.config_file).resolve(), target, list(args.keep), bool(args.replace_existing)
    )
    outcome = Outcome()
    try:
        for _ in publish_steps(request, outcome):
            pass
    except (Exception, KeyboardInterrupt) as exc:
        print(f"CHƯA ĐĂNG: {_reason(exc, request)}", file=sys.stderr)
        print(f"Thư mục {target} vẫn phục vụ trang như trước.", file=sys.stderr)
        for note in outcome.notes:
            print(f"Lưu ý: {note}", file=sys.stderr)
        return 1
    for note in outcome.notes:
        print(f"Lưu ý: {note}")
    print(f"Đã đăng trang vào {target}: {format_number(outcome.pages)} trang HTML.")
    if outcome.kept:
        print(f"Giữ nguyên qua mỗi lần đăng: {', '.join(outcome.kept)}.")
    return 0


def _reason(exc: BaseException, request: Request) -> str:
    target = request.target
    if isinstance(exc, PublishError):
        return str(exc)
    if isinstance(exc, LockBusy):
        return (
            f"đang có một lần đăng khác vào {target} ({exc}). Chờ lần đó xong rồi chạy lại; "
            "nếu tiến trình đó đã bị tắt, lần chạy sau sẽ tự dọn và đăng bình thường."
        )
    if isinstance(exc, KeyboardInterrupt):
        return "đã dừng theo yêu cầu. Lần đăng sau sẽ dọn phần còn dở."
    if isinstance(exc, OSError):
        where = exc.filename or target
        why = _OS_ERRORS.get(exc.errno or 0, exc.strerror or str(exc))
        return (
            f"không đọc, ghi được {where}: {why}. Kiểm tra quyền ghi vào thư mục này và chỗ "
            "trống trên đĩa; lần đăng sau sẽ dọn phần còn dở."
        )
    # A plugin or theme failing in a way nobody foresaw still gets a message, not a traceback.
    return (
        f"lỗi không lường trước khi dựng trang từ {request.config_file} "
        f"({type(exc).__name__}: {exc}). Chạy trangxa check để tìm tệp gây lỗi; nếu vẫn lỗi, "
        "gửi nguyên dòng này cho người quản trị kỹ thuật."
    )
