"""Problems found in content files, worded for the staff who must fix them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file: where it is, what is wrong and how to fix it."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised by loaders when a file cannot be used; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def unexpected_message(exc: Exception) -> str:
    """An error no check foresaw, naming the file being read when there was one.

    Readers mark an escaping exception with the file they were reading (see
    trangxa.console.reading); the build turns it into this message instead of a traceback.
    """
    source = getattr(exc, "trangxa_file", None)
    where = f"Không đọc được tệp {source}" if source else "Không dựng được trang"
    return (
        f"{where} do một lỗi không lường trước ({type(exc).__name__}: {exc}). Kiểm tra tệp "
        "mở được bằng trình soạn thảo và được lưu ở mã UTF-8; nếu tệp bình thường, hãy gửi "
        "tệp này cho người quản trị trang."
    )
