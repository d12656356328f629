"""Every record in the procedures folder, read, checked against each other and addressed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from trangxa.console import reading
from trangxa.core import clock
from trangxa.core.problems import Problem
from trangxa.core.slugs import fold, slugify
from trangxa.core.walk import is_routine, walk_folder
from trangxa.procedures.model import Procedure
from trangxa.procedures.record import read_record
from trangxa.site import names

RECORD_SUFFIXES = frozenset({".yml", ".yaml"})
# Pages the plugin makes next to the procedures; a record may not take their address.
RESERVED_PATHS = frozenset({"cap-nhat", "da-bai-bo"})
_README_NAMES = frozenset({"readme.md", "readme.txt", "huong-dan.md"})


def load_procedures(
    site_dir_root: Path,
    procedures_dir: str,
    now: datetime | None = None,
    skipped: list[Problem] | None = None,
) -> tuple[list[Procedure], list[Problem]]:
    """Read and check every record under procedures_dir (relative to the mkdocs.yml folder).

    Returns the valid procedures sorted by field and name, and every problem found: errors
    for records that cannot be used, warnings for what looks wrong but can be shown.
    """
    now = now or clock.now()
    folder = site_dir_root / procedures_dir
    procedures: list[Procedure] = []
    problems: list[Problem] = []
    # Codes of files with errors too, so a broken successor is not also reported as missing.
    claimed: set[str] = set()
    if not folder.is_dir():
        problems.append(
            Problem(
                procedures_dir,
                None,
                f'Không tìm thấy thư mục thủ tục "{procedures_dir}" cạnh mkdocs.yml. Tạo thư mục '
                f"này, hoặc sửa procedures_dir của {names.PROCEDURES} trong mkdocs.yml.",
            )
        )
        return procedures, problems
    walk = walk_folder(folder, site_dir_root)
    for problem in walk.skipped:
        # Hidden and editor files go to the caller's list; a broken link is a warning.
        if not is_routine(problem):
            problems.append(problem)
        elif skipped is not None:
            skipped.append(problem)
    for path, source in walk.files:
        relative = Path(walk.relative(source))
        if path.suffix.lower() not in RECORD_SUFFIXES:
            if path.name.lower() not in _README_NAMES:
                problems.append(
                    Problem(
                        source,
                        None,
                        "Tệp này không phải hồ sơ thủ tục (chỉ đọc tệp .yml) nên không được "
                        "đăng. Đổi đuôi thành .yml nếu đây là một thủ tục, hoặc chuyển tệp ra "
                        "khỏi thư mục thủ tục.",
                        "warning",
                    )
                )
            continue
        with reading(source):
            result = read_record(path, source, now)
        problems.extend(result.problems)
        if result.code:
            claimed.add(result.code)
        if result.procedure is not None:
            parts = relative.with_suffix("").parts
            page_path = "/".join(slugify(part) for part in parts)
            procedures.append(replace(result.procedure, page_path=page_path))
    problems.extend(check_collection(procedures, claimed))
    broken = {p.path for p in problems if p.severity == "error"}
    valid = [p for p in procedures if p.source not in broken]
    valid.sort(key=lambda p: (fold(p.field), fold(p.name), p.code))
    return valid, sorted(problems, key=lambda p: (p.path, p.line or 0))


def check_collection(procedures: list[Procedure], claimed: set[str] | None = None) -> list[Problem]:
    """Checks across records: unique codes and addresses, real successors, one field spelling."""
    problems: list[Problem] = []
    by_code: dict[str, Procedure] = {}
    for procedure in procedures:
        other = by_code.get(procedure.code)
        if other is not None:
            problems.append(
                Problem(
                    procedure.source,
                    None,
                    f'Mã thủ tục "{procedure.code}" trùng với tệp {other.source}. Mỗi mã chỉ có '
                    "một tệp: gộp hai tệp, hoặc sửa mã của một tệp cho đúng.",
                )
            )
        else:
            by_code[procedure.code] = procedure
    by_path: dict[str, Procedure] = {}
    for procedure in procedures:
        first = procedure.page_path.split("/")[0]
        other = by_path.get(procedure.page_path)
        if first in RESERVED_PATHS or not procedure.page_path:
            problems.append(
                Problem(
                    procedure.source,
                    None,
                    f'Tên tệp cho địa chỉ trang "{procedure.page_path}", trùng với trang chung của '
                    "mục thủ tục. Đổi tên tệp, ví dụ theo tên thủ tục.",
                )
            )
        elif other is not None:
            problems.append(
                Problem(
                    procedure.source,
                    None,
                    f"Tệp này và tệp {other.source} cho cùng một địa chỉ trang "
                    f'"{procedure.page_path}" (tên tệp chỉ khác nhau ở dấu hoặc chữ hoa). '
                    "Đổi tên một trong hai tệp.",
                )
            )
        else:
            by_path[procedure.page_path] = procedure
    for procedure in procedures:
        ending = procedure.ending
        if ending is None or ending.replaced_by is None:
            continue
        if ending.replaced_by not in by_code and ending.replaced_by not in (claimed or set()):
            problems.append(
                Problem(
                    procedure.source,
                    ending.line,
                    f'Thủ tục được ghi là thay thế bởi mã "{ending.replaced_by}", nhưng không có '
                    "tệp thủ tục nào mang mã này. Thêm tệp cho thủ tục mới, hoặc sửa replaced_by "
                    "cho đúng mã.",
                )
            )
    spelling: dict[str, Procedure] = {}
    for procedure in procedures:
        earlier = spelling.setdefault(fold(procedure.field), procedure)
        if earlier.field != procedure.field:
            problems.append(
                Problem(
                    procedure.source,
                    None,
                    f'Lĩnh vực "{procedure.field}" viết khác với "{earlier.field}" ở tệp '
                    f"{earlier.source}. Viết thống nhất một cách để hai thủ tục nằm chung "
                    "một nhóm.",
                    "warning",
                )
            )
    return problems
