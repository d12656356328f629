"""Visits from the web server's access log, against logs counted by hand.

tests/report/fixtures/logs/older.log (given to the command gzip-compressed, as logrotate leaves
it) and access.log, line by line, for 2024-Q1 under the statutory windows (15/12/2023 00:00 to
14/3/2024 23:59:59, Vietnam time):

older.log
 1  198.51.100.7 A  14/12 23:59:59 +0700  GET /            one second before the period
 2  198.51.100.7 A  14/12 17:00 +0000     GET /tin-tuc/    = 15/12 00:00 +0700: view 1, visit 1
 3  198.51.100.7 A  15/12 00:30          GET page          view 2, 30 min later: same visit
 4  198.51.100.7 A  15/12 01:01          GET page 304      view 3, 31 min later: visit 2
 5-6 asset files (.css, .svg)                              not pages
 7  Googlebot                                              bot
 8  404; 9 HEAD                                            not views
10  203.0.113.9 B   15/12 02:11          GET /tin-tuc/?trang=2   view 4, visit 3 (query ignored)
11  203.0.113.9 B   15/12 02:12          GET …/index.html        view 5, same visit
12  user agent "-"                                          bot
13  not a log line; 14 date 31/Feb                         skipped
15  POST; 16 rss.xml; 17 301                                not views
access.log
18  198.51.100.7 B  10/3 09:00           GET /            view 6, visit 4 (same address, other agent)
19  198.51.100.7 A  10/3 09:10           GET /tin-tuc/    view 7, visit 5 (months after line 4)
20  192.0.2.44 A    14/3 16:59:59 +0000  GET /            = 14/3 23:59:59 +0700: view 8, visit 6
21  192.0.2.44 A    14/3 17:00 +0000     GET /tin-tuc/    = 15/3 00:00 +0700: after the period
22  192.0.2.44 A    15/3 07:30           GET /            after the period; the last line
23  empty line                                              skipped
24  request "-", 400                                        not a view
25  192.0.2.51, agent with escaped quotes, 11/3 08:00       view 9, visit 7
26  curl                                                    bot

So 9 page views, 7 visits, 26 lines, 3 skipped, first 14/12/2023 23:59:59, last 15/3/2024 07:30.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.report.cli import FIXTURES, LATE, run_count

LOGS = FIXTURES / "logs"
VISIT_KEYS = ["page_views", "visits", "first", "last", "lines", "skipped"]


@pytest.fixture
def logs(tmp_path: Path) -> tuple[Path, Path]:
    """access.log as it is and older.log compressed, as logrotate names them."""
    current = tmp_path / "access.log"
    shutil.copyfile(LOGS / "access.log", current)
    rotated = tmp_path / "access.log.1.gz"
    with gzip.open(rotated, "wb") as handle:
        handle.write((LOGS / "older.log").read_bytes())
    return current, rotated


def count_json(*args: str) -> dict[str, object]:
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "json", *args)
    assert run.code == 0, run.stderr
    visits: dict[str, object] = run.json()["visits"]
    return visits


def test_hand_counted_logs(logs: tuple[Path, Path]) -> None:
    current, rotated = logs
    visits = count_json("--access-log", str(rotated), "--access-log", str(current))
    assert list(visits) == VISIT_KEYS
    assert visits == {
        "page_views": 9,
        "visits": 7,
        "first": "2023-12-14T23:59:59+07:00",
        "last": "2024-03-15T07:30:00+07:00",
        "lines": 26,
        "skipped": 3,
    }


def test_order_of_the_files_does_not_matter(logs: tuple[Path, Path]) -> None:
    current, rotated = logs
    newest_first = count_json("--access-log", str(current), "--access-log", str(rotated))
    oldest_first = count_json("--access-log", str(rotated), "--access-log", str(current))
    assert newest_first == oldest_first


def test_calendar_quarter_takes_other_lines(logs: tuple[Path, Path]) -> None:
    current, rotated = logs
    run = run_count(
        "--period",
        "2024-Q1",
        "--mode",
        "calendar",
        "--as-of",
        LATE,
        "--format",
        "json",
        "--access-log",
        str(rotated),
        "--access-log",
        str(current),
    )
    assert run.code == 0, run.stderr
    visits = run.json()["visits"]
    # 1/1 to 31/3/2024: lines 18, 19, 20, 21, 22 and 25. Lines 20 and 21 are one second apart
    # (one visit); line 22 comes 7.5 hours later (another).
    assert (visits["page_views"], visits["visits"]) == (6, 5)


def test_logs_short_of_the_period_are_called_partial(logs: tuple[Path, Path]) -> None:
    current, _ = logs
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--access-log", str(current))
    assert run.code == 0, run.stderr
    text = run.text
    assert (
        "Lưu ý: Nhật ký truy cập chỉ có từ 10/03/2024 09:00 đến 15/03/2024 07:30, không phủ hết "
        "kỳ báo cáo" in text
    )
    assert "số của cả quý I năm 2024 chưa tính được" in text
    assert "Lượt truy cập\t4\n" in text
    assert "Lượt xem trang\t4\n" in text


def test_text_output_of_complete_logs(logs: tuple[Path, Path]) -> None:
    current, rotated = logs
    run = run_count(
        "--period",
        "2024-Q1",
        "--as-of",
        LATE,
        "--access-log",
        str(rotated),
        "--access-log",
        str(current),
    )
    assert run.code == 0, run.stderr
    text = run.text
    assert "Lưu ý: Nhật ký" not in text
    assert (
        "Theo nhật ký truy cập của máy chủ, trong quý I năm 2024 trang có 7 lượt truy cập "
        "(9 lượt xem trang)." in text
    )
    assert "Nhật ký từ\t14/12/2023 23:59\n" in text
    assert "Số dòng sai định dạng, bỏ qua\t3\n" in text


def test_visits_in_csv_word_and_excel(logs: tuple[Path, Path], tmp_path: Path) -> None:
    current, rotated = logs
    log_args = ("--access-log", str(rotated), "--access-log", str(current))
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "csv", *log_args)
    assert run.code == 0, run.stderr
    lines = run.stdout.decode("utf-8-sig").split("\r\n")
    assert "Lượt truy cập;7" in lines and "Lượt xem trang;9" in lines
    # The posts come first, then an empty row, then the visits.
    assert lines.index("") == 6
    word = tmp_path / "phu-luc.docx"
    xlsx = tmp_path / "so-lieu.xlsx"
    for output in (word, xlsx):
        run = run_count(
            "--period",
            "2024-Q1",
            "--as-of",
            LATE,
            "--format",
            output.suffix[1:],
            "-o",
            str(output),
            *log_args,
        )
        assert run.code == 0, run.stderr
    paragraphs = [paragraph.text for paragraph in docx.Document(str(word)).paragraphs]
    assert (
        "Theo nhật ký truy cập của máy chủ, trong quý I năm 2024 trang có 7 lượt truy cập "
        "(9 lượt xem trang)." in paragraphs
    )
    sheet = openpyxl.load_workbook(xlsx)["Tổng hợp"]
    figures = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert figures["Lượt truy cập"] == 7 and figures["Lượt xem trang"] == 9


def test_without_logs_the_json_has_no_visits() -> None:
    run = run_count("--period", "2024-Q1", "--as-of", LATE, "--format", "json")
    assert run.code == 0
    assert "visits" not in run.json()


def test_missing_log_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.log"
    run = run_count("--period", "2024-Q1", "--access-log", str(missing))
    assert run.code == 1 and run.stdout == b""
    assert f"Không đọc được tệp nhật ký truy cập {missing}: không có tệp này" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x1f\x8b\x08\x00garbage that is not deflate data", "tệp nén gzip bị hỏng"),
        (
            b"198.51.100.7 - - plain text named .gz\n",
            "tệp có đuôi .gz nhưng không phải tệp nén gzip",
        ),
    ],
)
def test_unreadable_gzip_is_named(tmp_path: Path, content: bytes, reason: str) -> None:
    broken = tmp_path / "access.log.2.gz"
    broken.write_bytes(content)
    run = run_count("--period", "2024-Q1", "--access-log", str(broken))
    assert run.code == 1 and run.stdout == b""
    assert f"Không đọc được tệp nhật ký truy cập {broken}: {reason}" in run.stderr


def test_truncated_gzip_is_named(tmp_path: Path) -> None:
    whole = gzip.compress((LOGS / "older.log").read_bytes())
    cut = tmp_path / "access.log.3.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    run = run_count("--period", "2024-Q1", "--access-log", str(cut))
    assert run.code == 1
    assert f"{cut}: tệp nén gzip bị hỏng hoặc chưa chép hết" in run.stderr
