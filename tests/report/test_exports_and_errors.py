"""CSV and Word outputs of `trangxa count`, and refusal to count around invalid posts."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import docx

from tests.report.cli import BOUNDARIES, run_count

LATE = "2025-06-30"
Q1_TITLES = [
    "Thông báo lúc đầu ngày 15/12/2023",
    "Chúc mừng năm mới lúc đêm 31/12/2023",
    "Tin ghi giờ UTC, sang ngày 01/01/2024 giờ Việt Nam",
    "Cải cách hành chính đầu ngày 14/3/2024",
    "Bài hai chuyên mục lúc cuối ngày 14/3/2024",
]


def copy_boundaries(tmp_path: Path) -> Path:
    target = tmp_path / "boundaries"
    shutil.copytree(BOUNDARIES, target)
    return target


def test_csv_starts_with_bom_and_reads_back_with_the_csv_module() -> None:
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "csv")
    assert run.code == 0
    assert run.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(run.stdout.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn", "Tệp nguồn"]
    assert [row[2] for row in rows[1:]] == Q1_TITLES
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert rows[1][1] == "15/12/2023 00:00"
    assert rows[5][3] == "Cải cách hành chính; Thông báo"
    assert rows[3][5] == "posts/2024/tin-gio-utc.md"


def test_csv_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "danh-sach.csv"
    run = run_count("--period", "2024-Q3", "--as-of", LATE, "--format", "csv", "-o", str(target))
    assert run.code == 0 and run.stdout == b""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row[2] for row in rows[1:]] == ["Thông báo soạn trên Windows", "Bài trong thư mục con"]


def test_docx_appendix_has_title_period_and_one_row_per_post(tmp_path: Path) -> None:
    target = tmp_path / "phu-luc.docx"
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "docx", "-o", str(target))
    assert run.code == 0, run.stderr
    document = docx.Document(str(target))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "PHỤ LỤC"
    assert "QUÝ I NĂM 2024" in paragraphs[1]
    assert "từ ngày 15/12/2023 đến ngày 14/3/2024" in paragraphs[2]
    table = document.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn"]
    assert [row[2] for row in cells[1:]] == Q1_TITLES
    assert cells[3][1] == "01/01/2024"
    assert cells[3][4] == (
        "https://hoaan.lacson.gov.vn/tin-tuc/2024/tin-ghi-gio-utc-sang-ngay-01-01-2024-gio-viet-nam/"
    )
    assert "Tổng số: 5 tin, bài." in paragraphs


def test_docx_needs_an_output_file() -> None:
    run = run_count("--period", "2024-Q1", "--format", "docx")
    assert run.code == 1
    assert "-o" in run.stderr


def test_invalid_posts_stop_the_count_and_every_file_is_named(tmp_path: Path) -> None:
    project = copy_boundaries(tmp_path)
    (project / "posts/2024/ngay-sai.md").write_text(
        "---\ntitle: Ngày sai\ndate: 31/02/2024\ncategories: [Tin tức]\n---\n\nNội dung.\n",
        encoding="utf-8",
    )
    (project / "posts/2024/cchc/chuyen-muc-la.md").write_text(
        "---\ntitle: Chuyên mục lạ\ndate: 01/03/2024\ncategories: [Tin vui]\n---\n\nNội dung.\n",
        encoding="utf-8",
    )
    for output in ("text", "json", "csv"):
        run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", output, project=project)
        assert run.code == 2
        assert run.stdout == b""
        assert "posts/2024/ngay-sai.md:3: " in run.stderr
        assert "tháng 2 năm 2024 chỉ có 29 ngày" in run.stderr
        assert "posts/2024/cchc/chuyen-muc-la.md:4: " in run.stderr
        assert 'Chuyên mục "Tin vui"' in run.stderr


def test_an_invalid_post_outside_the_period_still_stops_the_count(tmp_path: Path) -> None:
    project = copy_boundaries(tmp_path)
    (project / "posts/2023/thieu-tieu-de.md").write_text(
        "---\ndate: 01/03/2023\n---\n\nBài chưa có tiêu đề.\n", encoding="utf-8"
    )
    run = run_count("--period", "2024-Q1", "--as-of", LATE, project=project)
    assert run.code == 2
    assert "posts/2023/thieu-tieu-de.md" in run.stderr
    assert "tiêu đề" in run.stderr


def test_invalid_procedure_record_stops_the_count(tmp_path: Path) -> None:
    project = copy_boundaries(tmp_path)
    record = project / "procedures/ho-tich/dang-ky-khai-sinh.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("posted: 10/01/2024", "posted: 32/01/2024"),
        encoding="utf-8",
    )
    run = run_count("--period", "2024-Q1", "--as-of", LATE, project=project)
    assert run.code == 2
    assert "procedures/ho-tich/dang-ky-khai-sinh.yml" in run.stderr


def test_missing_config_file_is_explained(tmp_path: Path) -> None:
    run = run_count("--period", "2024-Q1", project=tmp_path)
    assert run.code == 1
    assert "mkdocs.yml" in run.stderr
