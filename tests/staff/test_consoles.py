"""Every command on consoles that are not UTF-8: no crash, Vietnamese still readable."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.sitebuild import copy_fixture
from tests.staff.commands import serving, trangxa

FIXTURE = "staff/fixtures/site"


def readable(text: str) -> str:
    """Text as a reader sees it: cp1258 writes tone marks apart from their letters."""
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_fixture(FIXTURE, tmp_path_factory.mktemp("consoles"))


@pytest.mark.parametrize("console", ["cp1258", "lang-c"])
def test_check_writes_vietnamese_to_a_redirected_file(project: Path, console: str) -> None:
    run = trangxa("check", cwd=project, console=console)
    assert run.code == 0, run.err
    assert "Traceback" not in run.err
    assert "Kết quả: ĐẠT" in readable(run.out)
    assert "Tin bài trong posts/" in readable(run.out)


def test_output_redirected_from_a_non_vietnamese_locale_is_utf8(project: Path) -> None:
    run = trangxa("check", cwd=project, console="redirected")
    assert run.code == 0, run.err
    assert "Kết quả: ĐẠT" in run.out


def test_check_on_an_ascii_console_drops_only_the_marks(project: Path) -> None:
    run = trangxa("check", cwd=project, console="ascii")
    assert run.code == 0, run.err
    assert "Ket qua: DAT" in run.out


def test_count_text_on_an_ascii_console_drops_only_the_marks(project: Path) -> None:
    run = trangxa("count", "--period", "2024", "--mode", "calendar", cwd=project, console="ascii")
    assert run.code == 0, run.err
    assert "So lieu nam 2024" in run.out


@pytest.mark.parametrize("console", ["cp1258", "lang-c"])
def test_new_prints_the_path_and_advice_readably(tmp_path: Path, console: str) -> None:
    site = copy_fixture(FIXTURE, tmp_path)
    run = trangxa(
        "new", "Thông báo lịch tiếp dân", "--date", "05/03/2024 08:00", cwd=site, console=console
    )
    assert run.code == 0, run.err
    assert run.out.strip() == "posts/2024/03/thong-bao-lich-tiep-dan.md"
    assert "Mở tệp để viết nội dung" in readable(run.err)
    written = (site / "posts/2024/03/thong-bao-lich-tiep-dan.md").read_text(encoding="utf-8")
    assert 'title: "Thông báo lịch tiếp dân"' in written


@pytest.mark.parametrize("console", ["cp1258", "lang-c"])
def test_count_and_publish_help(project: Path, console: str) -> None:
    count = trangxa("count", "--period", "2024", "--mode", "calendar", cwd=project, console=console)
    assert count.code == 0, count.err
    assert "Traceback" not in count.err
    # The text figures go through the console's own code page, so they read right there.
    assert "Số liệu năm 2024" in readable(count.out)
    publish = trangxa("publish", "--help", cwd=project, console=console)
    assert publish.code == 0
    assert "cách dùng: trangxa publish" in readable(publish.out)
    assert "tùy chọn:" in readable(publish.out)


@pytest.mark.parametrize("console", ["cp1258", "lang-c"])
def test_build_reports_in_vietnamese(tmp_path: Path, console: str) -> None:
    site = copy_fixture(FIXTURE, tmp_path)
    run = trangxa("build", "--strict", "-d", str(tmp_path / "out"), cwd=site, console=console)
    assert run.code == 0, run.err
    assert "Dựng xong trong" in readable(run.err)
    assert (tmp_path / "out/index.html").is_file()
    (site / "posts/2024/loi.md").write_text("---\ntitle: Lỗi\ndate: 31/02/2024\n---\n\nx\n")
    broken = trangxa("build", "-d", str(tmp_path / "out2"), cwd=site, console=console)
    assert broken.code == 1
    assert "Traceback" not in broken.err
    assert "Aborted" not in broken.err
    assert "posts/2024/loi.md:3" in broken.err
    assert "Dựng trang dừng lại" in readable(broken.err)


@pytest.mark.parametrize("console", ["cp1258", "lang-c"])
def test_serve_starts_and_stops_cleanly(tmp_path: Path, console: str) -> None:
    site = copy_fixture(FIXTURE, tmp_path)
    with serving(site, console=console) as server:
        assert "Xem thử trang tại " + server.url in readable(server.output())
        assert "Nhấn Ctrl+C để dừng" in readable(server.output())
    assert server.process.returncode == 0
    shown = readable(server.output())
    assert "Đã dừng xem thử." in shown
    assert "Traceback" not in shown
    assert "KeyboardInterrupt" not in shown


@pytest.mark.parametrize("command", ["serve", "build"])
def test_outside_the_site_folder_says_where_to_run(tmp_path: Path, command: str) -> None:
    run = trangxa(command, cwd=tmp_path, console="cp1258")
    assert run.code == 1
    shown = readable(run.err)
    assert "Không tìm thấy tệp cấu hình mkdocs.yml" in shown
    assert "Mở cửa sổ lệnh tại thư mục trang" in shown
    assert "Traceback" not in shown and "Config file" not in shown
