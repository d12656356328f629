"""`trangxa check` on fixture sites: every file accounted for, problems as file:line, exit codes."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from trangxa.cli import main
from trangxa.commands.check import CheckReport, check_site
from trangxa.commands.site import load_site
from trangxa.core.dates import VN_TZ

from tests.sitebuild import copy_fixture

FIXTURE = "staff/fixtures/site"
REPO = Path(__file__).resolve().parents[2]


def run_check(project: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["check", "-f", str(project / "mkdocs.yml"), *extra])
    return code, capsys.readouterr().out


def count_line(output: str, label: str) -> int:
    match = re.search(rf"^  {re.escape(label)}\s+(\d+)$", output, re.M)
    assert match is not None, label
    return int(match.group(1))


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def assert_nothing_lost(report: CheckReport, project: Path) -> None:
    for tally, folder in ((report.posts, "posts"), (report.procedures, "procedures")):
        assert tally is not None
        on_disk = sorted(p.relative_to(project).as_posix() for p in files_under(project / folder))
        accounted = sorted(source for sources in tally.groups.values() for source in sources)
        assert accounted == on_disk
        assert tally.total == len(on_disk)


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    """The fixture plus one file of every kind staff leave in the folders."""
    project = copy_fixture(FIXTURE, tmp_path)
    posts = project / "posts"
    ahead = date.today() + timedelta(days=400)
    (posts / "2024/hen-gio.md").write_text(
        f"---\ntitle: Bài hẹn giờ\ndate: {ahead:%d/%m/%Y} 07:00\n---\n\nSắp đăng.\n", encoding="utf-8"
    )
    (posts / "2024/loi-ngay.md").write_text(
        "---\ntitle: Ngày sai\ndate: 31/02/2024\n---\n\nx\n", encoding="utf-8"
    )
    (posts / "2024/khoa-la.md").write_text(
        "---\ntitle: Khóa lạ\ndate: 02/02/2024\ntieu_de: x\n---\n\nx\n", encoding="utf-8"
    )
    (posts / "2024/ghi-chu.txt").write_text("Ghi chú riêng của cán bộ.\n", encoding="utf-8")
    (posts / "2024/bien-ban-hop.docx").write_bytes(b"PK\x03\x04 not really a document")
    (posts / "2024/.DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    procedures = project / "procedures"
    (procedures / "ho-tich/hong.yml").write_text("code: 1.000656\nname: [\n", encoding="utf-8")
    (procedures / "ho-tich/mau-don.pdf").write_bytes(b"%PDF-1.4\n")
    return project


def test_clean_fixture_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    code, out = run_check(project, capsys)
    assert code == 0
    assert count_line(out, "Đã đăng") == 3
    assert count_line(out, "Bản nháp") == 1
    assert count_line(out, "Tệp đính kèm, ảnh") == 2
    assert count_line(out, "Đang áp dụng") == 1
    assert "Tin bài trong posts/: 6 tệp" in out
    assert "Thủ tục hành chính trong procedures/: 2 tệp" in out
    assert "procedures/README.md: tệp hướng dẫn" in out
    assert "Kết quả: ĐẠT" in out


def test_every_file_is_in_exactly_one_group(messy: Path) -> None:
    report = check_site(load_site(messy / "mkdocs.yml"), datetime.now(VN_TZ))
    assert_nothing_lost(report, messy)
    posts = report.posts.groups
    assert posts["scheduled"] == ["posts/2024/hen-gio.md"]
    assert posts["invalid"] == ["posts/2024/loi-ngay.md"]
    assert "posts/2024/khoa-la.md" in posts["published"]
    assert sorted(posts["attachment"]) == [
        "posts/2024/ke-hoach-cchc/ke-hoach-05.pdf",
        "posts/2024/ke-hoach-cchc/so-do.png",
    ]
    assert sorted(posts["ignored"]) == [
        "posts/2024/.DS_Store",
        "posts/2024/bien-ban-hop.docx",
        "posts/2024/ghi-chu.txt",
    ]
    assert report.procedures is not None
    procedures = report.procedures.groups
    assert procedures["invalid"] == ["procedures/ho-tich/hong.yml"]
    assert procedures["in_force"] == ["procedures/ho-tich/dang-ky-khai-tu.yml"]
    assert sorted(procedures["ignored"]) == [
        "procedures/README.md",
        "procedures/ho-tich/mau-don.pdf",
    ]


def test_summary_problems_and_exit_code(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_check(messy, capsys)
    assert code == 1
    summary, _, details = out.partition("Lỗi phải sửa")
    assert count_line(summary, "Hẹn giờ đăng") == 1
    assert count_line(summary, "Lỗi, không đăng được") == 1  # one post; the procedure is below
    assert re.search(r"^  Lỗi, không đăng được\s+1$", summary.split("Thủ tục")[1], re.M)
    assert "Tin bài trong posts/: 12 tệp" in summary
    assert "posts/2024/loi-ngay.md:3: Ngày \"31/02/2024\" không có thật" in details
    assert 'posts/2024/khoa-la.md:4: Khóa "tieu_de" không được dùng' in details
    assert 'Có phải ý bạn là "title"?' in details
    assert "posts/2024/ghi-chu.txt: tệp .txt không được đọc như bài viết" in details
    assert "posts/2024/bien-ban-hop.docx: tệp văn bản Word" in details
    assert "procedures/ho-tich/hong.yml:" in details
    assert "procedures/ho-tich/mau-don.pdf:" in details
    assert "posts/2024/hen-gio.md: đăng từ" in details
    assert "Kết quả: CÓ LỖI. 2 tệp không đăng được" in out


def test_warnings_alone_pass_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    (project / "posts/2024/thieu-tep.md").write_text(
        "---\ntitle: Thiếu tệp\ndate: 03/03/2024\n---\n\n[Tờ khai](to-khai.docx)\n",
        encoding="utf-8",
    )
    code, out = run_check(project, capsys)
    assert code == 0
    assert 'posts/2024/thieu-tep.md:6: Liên kết tới tệp "to-khai.docx"' in out
    assert "Kết quả: KHÔNG CÓ LỖI, còn 1 cảnh báo" in out
    code, _ = run_check(project, capsys, "--strict")
    assert code == 1


def test_duplicate_slug_makes_both_files_accounted_and_one_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    for name, day in (("a", 1), ("b", 2)):
        (project / f"posts/2024/{name}.md").write_text(
            f"---\ntitle: Bài {name}\ndate: 0{day}/05/2024\nslug: hop-dan\n---\n\nx\n",
            encoding="utf-8",
        )
    report = check_site(load_site(project / "mkdocs.yml"), datetime.now(VN_TZ))
    assert_nothing_lost(report, project)
    assert report.posts.groups["invalid"] == ["posts/2024/b.md"]
    code, out = run_check(project, capsys)
    assert code == 1
    assert "posts/2024/b.md: Đường dẫn" in out and "posts/2024/a.md" in out


def test_missing_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-f", str(tmp_path / "mkdocs.yml")]) == 2
    assert "Không tìm thấy tệp cấu hình" in capsys.readouterr().err


def test_sample_site_summary_accounts_for_every_post_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run_check(REPO, capsys)
    report = check_site(load_site(REPO / "mkdocs.yml"), datetime.now(VN_TZ))
    on_disk = len(files_under(REPO / "posts"))
    assert report.posts.total == on_disk
    assert f"Tin bài trong posts/: {on_disk} tệp" in out
    assert report.posts.groups["invalid"] == []
    assert code == 0
