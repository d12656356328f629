"""CSV output of `trangxa count`, and refusal to count around invalid posts."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tests.report.cli import BOUNDARIES, LATE, Q1_TITLES, run_count


def copy_boundaries(tmp_path: Path) -> Path:
    target = tmp_path / "boundaries"
    shutil.copytree(BOUNDARIES, target)
    return target


def read_csv(data: bytes, delimiter: str = ";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_csv_starts_with_bom_and_splits_on_semicolons() -> None:
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "csv")
    assert run.code == 0
    assert run.stdout.startswith(b"\xef\xbb\xbfSTT;Ng")
    # No "sep=;" line: Excel would then ignore the byte-order mark.
    assert b"sep=" not in run.stdout
    rows = read_csv(run.stdout)
    assert rows[0] == ["STT", "Ngày đăng", "Tiêu đề", "Chuyên mục", "Đường dẫn", "Tệp nguồn"]
    assert [row[2] for row in rows[1:]] == Q1_TITLES
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert rows[1][1] == "15/12/2023 00:00"
    assert rows[5][3] == "Cải cách hành chính; Thông báo"
    assert rows[3][5] == "posts/2024/tin-gio-utc.md"
    # The title with a comma stays one cell without quotes, since only ";" separates.
    assert run.stdout.decode("utf-8-sig").splitlines()[3].split(";")[2] == Q1_TITLES[2]


def test_csv_with_commas_when_asked() -> None:
    run = run_count(
        "--period", "2024-Q1", "--as-of", LATE, "--format", "csv", "--csv-separator", "comma"
    )
    assert run.code == 0
    assert run.stdout.startswith(b"\xef\xbb\xbfSTT,Ng")
    rows = read_csv(run.stdout, ",")
    assert [row[2] for row in rows[1:]] == Q1_TITLES


def test_csv_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "danh-sach.csv"
    run = run_count("--period", "2024-Q3", "--as-of", LATE, "--format", "csv", "-o", str(target))
    assert run.code == 0 and run.stdout == b""
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_csv(data)
    assert [row[2] for row in rows[1:]] == ["Thông báo soạn trên Windows", "Bài trong thư mục con"]


FORMULA_TITLE = '=HYPERLINK("http://evil.example","Bấm")'


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    project = copy_boundaries(tmp_path)
    titles = {
        "cong-thuc.md": FORMULA_TITLE,
        "cong.md": "+84 263 3812 345 là số điện thoại",
        "tru.md": "-5 độ C đêm nay",
        "a-con.md": "@ubnd thông báo",
    }
    for name, title in titles.items():
        (project / "posts/2024" / name).write_text(
            f"---\ntitle: '{title}'\ndate: 01/02/2024\ncategories: [Tin tức]\n---\n\nNội dung.\n",
            encoding="utf-8",
        )
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "csv", project=project)
    assert run.code == 0, run.stderr
    cells = [row[2] for row in read_csv(run.stdout)[1:]]
    for title in titles.values():
        # The text stays whole behind one apostrophe, which the spreadsheet does not show.
        assert f"'{title}" in cells
        assert title not in cells
    assert set(Q1_TITLES) <= set(cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in read_csv(run.stdout) for cell in row)


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
