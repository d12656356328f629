"""The `trangxa` command itself: Vietnamese help and errors, --version, no traceback ever."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from trangxa.cli import main
from trangxa.news import collect

from tests.sitebuild import copy_fixture
from tests.staff.commands import console_env, trangxa

FIXTURE = "staff/fixtures/site"
ENGLISH = re.compile(
    r"usage:|options:|show this help|error:|required|invalid choice|positional arguments"
)


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    "args",
    [
        ["-h"],
        ["serve", "-h"],
        ["build", "-h"],
        ["check", "-h"],
        ["new", "--help"],
        ["publish", "-h"],
        ["count", "-h"],
    ],
)
def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, _ = run_main(capsys, *args)
    assert code == 0
    assert out.startswith("cách dùng: trangxa")
    assert "tùy chọn:" in out
    assert "in hướng dẫn này rồi thoát" in out
    assert not ENGLISH.search(out), out


def test_every_staff_command_is_listed(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_main(capsys, "-h")
    for command in ("serve", "build", "check", "new", "publish", "count"):
        assert re.search(rf"^    {command}\s+\S", out, re.M), command


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "lỗi: thiếu tham số bắt buộc: LỆNH"),
        (["new"], "trangxa new: lỗi: thiếu tham số bắt buộc: TIÊU_ĐỀ"),
        (["publish"], "thiếu tham số bắt buộc: --to"),
        (["vebai"], "tham số LỆNH: lựa chọn không có: 'vebai'"),
        (["count", "--period", "2024", "--format", "pdf"], "lựa chọn không có: 'pdf'"),
        (["check", "--nhanh"], "không hiểu tham số: --nhanh"),
        (["new", "x", "--date"], "cần một giá trị sau tùy chọn này"),
    ],
)
def test_argument_errors_are_vietnamese(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    code, _, err = run_main(capsys, *args)
    assert code == 2
    assert expected in err
    assert err.startswith("cách dùng: trangxa")
    assert not ENGLISH.search(err), err


def test_version_comes_from_the_installed_package(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, "--version")
    assert code == 0
    assert out.strip() == f"trangxa {version('trangxa')}"


def test_python_dash_m_is_the_same_tool(tmp_path: Path) -> None:
    run = trangxa("--version", cwd=tmp_path, console="lang-c")
    assert run.code == 0
    assert run.out.strip() == f"trangxa {version('trangxa')}"


def test_unexpected_failure_names_the_file_and_saves_details(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = copy_fixture(FIXTURE, tmp_path)
    real = collect.read_post

    def fails_on_one(
        path: str | Path,
        source: str,
        allowed: list[str],
        keep_body: bool = True,
        data: bytes | None = None,
    ) -> object:
        if Path(path).name == "lich-tiep-cong-dan.md":
            raise RuntimeError("hỏng bất ngờ")
        return real(path, source, allowed, keep_body, data)

    # A fault no content can trigger today, put where posts are read.
    monkeypatch.setattr(collect, "read_post", fails_on_one)
    monkeypatch.chdir(site)
    code, _, err = run_main(capsys, "check")
    assert code == 3
    assert "Traceback" not in err
    assert "khi đang xử lý tệp posts/2024/lich-tiep-cong-dan.md" in err
    assert "RuntimeError: hỏng bất ngờ" in err
    saved = re.search(r"đã được ghi vào (\S+)\.", err)
    assert saved is not None
    details = Path(saved.group(1)).read_text(encoding="utf-8")
    assert "Traceback" in details and "fails_on_one" in details


def test_strict_build_stops_in_vietnamese(tmp_path: Path) -> None:
    site = copy_fixture(FIXTURE, tmp_path)
    (site / "docs/index.md").write_text("# Trang chủ\n\n[Liên hệ](khong-co.md)\n", encoding="utf-8")
    run = trangxa("build", "--strict", "-d", str(tmp_path / "out"), cwd=site, console="lang-c")
    assert run.code == 1
    assert "CẢNH BÁO: Trang index.md có liên kết khong-co.md" in run.err
    assert "Dựng trang dừng lại vì có 1 cảnh báo ở chế độ nghiêm ngặt" in run.err
    assert "Aborted" not in run.err
    assert "Traceback" not in run.err


def test_plain_mkdocs_build_has_no_end_of_life_banner(tmp_path: Path) -> None:
    site = copy_fixture(FIXTURE, tmp_path)
    with (site / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(
            "markdown_extensions:\n  - toc:\n"
            "      slugify: !!python/name:trangxa.core.slugs.heading_slug\n"
        )
    env = console_env("lang-c")
    env.pop("NO_MKDOCS_2_WARNING", None)
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-d", str(tmp_path / "out")],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "end of life" not in done.stderr
    assert "NO_MKDOCS_2_WARNING" not in done.stderr
