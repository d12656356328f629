"""Reading and checking procedure records, without a site build."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from trangxa.core.dates import VN_TZ
from trangxa.core.problems import Problem
from trangxa.procedures.collection import load_procedures
from trangxa.procedures.counting import changes_in, in_force_at
from trangxa.procedures.model import Procedure
from trangxa.procedures.schema import ChangeKind, OnlineLevel
from trangxa.report.periods import parse_period

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=VN_TZ)

RECORD = """\
code: "{code}"
name: {name}
field: Hộ tịch
agency: Ủy ban nhân dân xã Hòa An
submit_at: Trung tâm Phục vụ hành chính công xã Hòa An
channels: [trực tiếp, trực tuyến]
steps:
  - Nộp hồ sơ.
  - Nhận kết quả.
documents:
  - name: Tờ khai
    copies: 1
processing_time: Ngay trong ngày
fees: Miễn lệ phí
applicants: Công dân Việt Nam
result: Giấy khai sinh
legal_basis:
  - Luật Hộ tịch số 60/2014/QH13
online:
  level: toàn trình
  url: https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193
history:
  - change: mới ban hành
    decision: 2187/QĐ-UBND
    decision_date: 14/09/2023
    posted: 20/09/2023
"""


def record(code: str = "1.001193", name: str = "Đăng ký khai sinh", extra: str = "") -> str:
    """A valid record, with history lines appended."""
    return RECORD.format(code=code, name=name) + extra


def write(root: Path, relative: str, text: str) -> None:
    path = root / "procedures" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def load(root: Path) -> tuple[list[Procedure], list[Problem]]:
    return load_procedures(root, "procedures", now=NOW)


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


def test_valid_record_is_read_with_every_field(tmp_path: Path) -> None:
    write(tmp_path, "ho-tich/Đăng ký khai sinh.yml", record())
    procedures, problems = load(tmp_path)
    assert problems == []
    [procedure] = procedures
    assert procedure.code == "1.001193"
    assert procedure.page_path == "ho-tich/dang-ky-khai-sinh"
    assert procedure.level == "Cấp xã"
    assert procedure.requirements == "Không"
    assert procedure.steps == ["Nộp hồ sơ.", "Nhận kết quả."]
    assert procedure.documents[0].copies == "01 bản"
    assert procedure.online.level is OnlineLevel.FULL
    assert procedure.history[0].change is ChangeKind.NEW
    assert procedure.history[0].decision_text == "Quyết định số 2187/QĐ-UBND ngày 14/09/2023"
    assert procedure.in_force


def test_missing_required_field_names_file_and_field(tmp_path: Path) -> None:
    text = record().replace("fees: Miễn lệ phí\n", "")
    write(tmp_path, "a.yml", text)
    procedures, problems = load(tmp_path)
    assert procedures == []
    [problem] = problems
    assert problem.path == "procedures/a.yml"
    assert problem.severity == "error"
    assert 'Thiếu trường bắt buộc "fees" (phí, lệ phí)' in problem.message


def test_missing_field_inside_history_entry_names_the_entry(tmp_path: Path) -> None:
    text = record().replace("    posted: 20/09/2023\n", "")
    write(tmp_path, "a.yml", text)
    _, problems = load(tmp_path)
    [problem] = problems
    assert '"posted"' in problem.message and "history, mục 1" in problem.message
    assert problem.line == line_of(text, "  - change:")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("procesing_time", "processing_time"), ("le_phi", "fees"), ("Thời hạn", "processing_time")],
)
def test_unknown_field_suggests_the_nearest_known_one(
    tmp_path: Path, typed: str, meant: str
) -> None:
    text = record() + f"{typed}: 05 ngày\n"
    write(tmp_path, "a.yml", text)
    _, problems = load(tmp_path)
    [problem] = problems
    assert f'Trường "{typed}" không có trong mẫu' in problem.message
    assert f'Có phải ý bạn là "{meant}"' in problem.message
    assert problem.line == line_of(text, typed)


def test_unknown_key_in_a_document_is_reported_with_its_line(tmp_path: Path) -> None:
    text = record().replace("    copies: 1\n", "    copy: 1\n")
    write(tmp_path, "a.yml", text)
    _, problems = load(tmp_path)
    [problem] = problems
    assert 'Có phải ý bạn là "copies"' in problem.message
    assert problem.line == line_of(text, "    copy:")


def test_duplicate_code_names_both_files(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", record())
    write(tmp_path, "b.yml", record(name="Đăng ký khai sinh (bản sao)"))
    _, problems = load(tmp_path)
    [problem] = errors(problems)
    assert problem.path == "procedures/b.yml"
    assert "procedures/a.yml" in problem.message
    assert '"1.001193"' in problem.message


def test_replacement_pointing_to_no_procedure_is_an_error(tmp_path: Path) -> None:
    extra = (
        "  - change: thay thế\n    decision: 3218/QĐ-UBND\n    decision_date: 18/11/2024\n"
        '    posted: 20/11/2024\n    replaced_by: "1.999999"\n'
    )
    write(tmp_path, "a.yml", record(extra=extra))
    procedures, problems = load(tmp_path)
    [problem] = problems
    assert '"1.999999"' in problem.message
    assert problem.line == line_of(record(extra=extra), "  - change: thay thế")
    assert procedures == []


def test_replacement_to_an_existing_procedure_is_accepted(tmp_path: Path) -> None:
    extra = (
        "  - change: thay the\n    decision: 3218/QĐ-UBND\n    decision_date: 18/11/2024\n"
        '    posted: 20/11/2024\n    replaced_by: "1.000894"\n'
    )
    write(tmp_path, "old.yml", record(extra=extra))
    write(tmp_path, "new.yml", record(code="1.000894", name="Đăng ký kết hôn"))
    procedures, problems = load(tmp_path)
    assert problems == []
    old = next(p for p in procedures if p.code == "1.001193")
    assert not old.in_force
    assert old.replaced_by == "1.000894"


def test_replacement_without_successor_code_is_an_error(tmp_path: Path) -> None:
    extra = "  - change: thay thế\n    decision: 3218/QĐ-UBND\n    decision_date: 18/11/2024\n"
    extra += "    posted: 20/11/2024\n"
    write(tmp_path, "a.yml", record(extra=extra))
    _, problems = load(tmp_path)
    [problem] = problems
    assert "replaced_by" in problem.message


def test_history_out_of_date_order_is_an_error(tmp_path: Path) -> None:
    extra = (
        "  - change: sửa đổi, bổ sung\n    decision: 100/QĐ-UBND\n    decision_date: 10/01/2023\n"
        "    posted: 12/01/2023\n"
    )
    text = record(extra=extra)
    write(tmp_path, "a.yml", text)
    _, problems = load(tmp_path)
    assert problems, "an entry older than the one before it must be reported"
    problem = problems[0]
    assert "không theo thứ tự thời gian" in problem.message
    assert problem.line == line_of(text, "  - change: sửa đổi")


def test_change_after_abolition_is_an_error(tmp_path: Path) -> None:
    extra = (
        "  - change: bãi bỏ\n    decision: 100/QĐ-UBND\n    decision_date: 10/01/2024\n"
        "    posted: 12/01/2024\n"
        "  - change: sửa đổi, bổ sung\n    decision: 200/QĐ-UBND\n    decision_date: 10/02/2024\n"
        "    posted: 12/02/2024\n"
    )
    write(tmp_path, "a.yml", record(extra=extra))
    _, problems = load(tmp_path)
    [problem] = problems
    assert 'sau một lần "bãi bỏ"' in problem.message


def test_bad_date_gives_the_date_message_and_line(tmp_path: Path) -> None:
    text = record().replace("posted: 20/09/2023", "posted: 31/09/2023")
    write(tmp_path, "a.yml", text)
    _, problems = load(tmp_path)
    [problem] = problems
    assert "tháng 9 năm 2023 chỉ có 30 ngày" in problem.message
    assert "posted" in problem.message
    assert problem.line == line_of(text, "    posted:")


def test_future_posting_date_is_a_warning_not_an_error(tmp_path: Path) -> None:
    extra = (
        "  - change: sửa đổi, bổ sung\n    decision: 100/QĐ-UBND\n    decision_date: 10/01/2026\n"
        "    posted: 12/01/2027\n"
    )
    write(tmp_path, "a.yml", record(extra=extra))
    procedures, problems = load(tmp_path)
    [problem] = problems
    assert problem.severity == "warning"
    assert "chưa tới" in problem.message
    assert len(procedures) == 1


def test_unquoted_code_keeps_its_trailing_zero(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", record(code="1.000650").replace('"1.000650"', "1.000650"))
    procedures, problems = load(tmp_path)
    assert problems == []
    assert procedures[0].code == "1.000650"


@pytest.mark.parametrize("code", ["1001193", "1.00119", "1.001193.H35", "abc"])
def test_malformed_code_is_an_error(tmp_path: Path, code: str) -> None:
    write(tmp_path, "a.yml", record(code=code))
    _, problems = load(tmp_path)
    [problem] = problems
    assert "không đúng dạng" in problem.message


def test_province_variant_code_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", record(code="1.001193.000.00.00.H35"))
    procedures, problems = load(tmp_path)
    assert problems == []
    assert procedures[0].code == "1.001193.000.00.00.H35"


def test_unknown_channel_and_online_level_list_the_allowed_values(tmp_path: Path) -> None:
    text = record().replace("[trực tiếp, trực tuyến]", "[trực tiếp, fax]")
    text = text.replace("level: toàn trình", "level: mức độ 2")
    write(tmp_path, "a.yml", text)
    _, problems = load(tmp_path)
    messages = " ".join(p.message for p in problems)
    assert 'Cách thức "fax" không hợp lệ' in messages
    assert 'Mức độ "mức độ 2" không hợp lệ' in messages


def test_yaml_syntax_error_is_reported_with_its_line(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", record().replace("name: Đăng ký khai sinh", 'name: "Đăng ký'))
    _, problems = load(tmp_path)
    [problem] = problems
    assert problem.path == "procedures/a.yml"
    assert "YAML" in problem.message


def test_file_that_is_not_a_record_is_warned_about(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", record())
    write(tmp_path, "ghi-chu.txt", "không phải thủ tục")
    write(tmp_path, "README.md", "# Hướng dẫn")
    procedures, problems = load(tmp_path)
    [problem] = problems
    assert problem.path == "procedures/ghi-chu.txt"
    assert problem.severity == "warning"
    assert len(procedures) == 1


def test_record_taking_a_reserved_address_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "cap-nhat.yml", record())
    _, problems = load(tmp_path)
    [problem] = problems
    assert "trùng với trang chung" in problem.message


def test_same_field_spelt_two_ways_is_warned_about(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", record())
    write(tmp_path, "b.yml", record(code="1.000894", name="Kết hôn").replace("Hộ tịch", "hộ tịch"))
    _, problems = load(tmp_path)
    [problem] = problems
    assert problem.severity == "warning"
    assert '"hộ tịch"' in problem.message and '"Hộ tịch"' in problem.message


def test_counts_follow_the_posting_date_and_the_period(tmp_path: Path) -> None:
    amended = (
        "  - change: sửa đổi, bổ sung\n    decision: 3218/QĐ-UBND\n    decision_date: 10/12/2024\n"
        "    posted: 16/12/2024\n"
    )
    abolished = (
        "  - change: bãi bỏ\n    decision: 3300/QĐ-UBND\n    decision_date: 12/12/2024\n"
        "    posted: 14/12/2024\n"
    )
    write(tmp_path, "a.yml", record(extra=amended))
    write(tmp_path, "b.yml", record(code="1.000894", name="Kết hôn", extra=abolished))
    procedures, problems = load(tmp_path)
    assert problems == []
    # Under Nghị định 09/2019 a change posted on 16/12/2024 belongs to 2025, one on 14/12 to 2024.
    assert changes_in(procedures, parse_period("2023", "nd09")) == {
        "new": 2,
        "amended": 0,
        "replaced": 0,
        "abolished": 0,
    }
    assert changes_in(procedures, parse_period("2024", "nd09")) == {
        "new": 0,
        "amended": 0,
        "replaced": 0,
        "abolished": 1,
    }
    assert changes_in(procedures, parse_period("2025", "nd09")) == {
        "new": 0,
        "amended": 1,
        "replaced": 0,
        "abolished": 0,
    }
    assert changes_in(procedures, parse_period("2024-Q4", "calendar"))["amended"] == 1
    assert in_force_at(procedures, datetime(2023, 9, 19, tzinfo=VN_TZ)) == 0
    assert in_force_at(procedures, datetime(2023, 9, 20, 12, tzinfo=VN_TZ)) == 2
    assert in_force_at(procedures, datetime(2024, 12, 15, tzinfo=VN_TZ)) == 1


def test_sample_records_are_valid_and_cover_every_kind_of_change() -> None:
    root = Path(__file__).resolve().parents[2]
    procedures, problems = load_procedures(root, "procedures", now=NOW)
    assert problems == []
    assert len(procedures) >= 25
    assert len({p.field for p in procedures}) >= 5
    kinds = {entry.change for p in procedures for entry in p.history}
    assert kinds == set(ChangeKind)
