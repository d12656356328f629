"""`trangxa publish`: a good build replaces the live folder; a bad one leaves it untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from trangxa.cli import main

from tests.sitebuild import copy_fixture

FIXTURE = "staff/fixtures/site"
POST_PAGE = "tin-tuc/2024/thong-bao-lich-tiep-cong-dan-quy-ii-nam-2024/index.html"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def publish(project: Path, target: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["publish", "--to", str(target), "-f", str(project / "mkdocs.yml")])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def leftovers(target: Path) -> list[str]:
    """Staging or set-aside folders left next to the target."""
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


def test_first_publish_creates_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    target = tmp_path / "www" / "hoaan"
    code, out = publish(project, target, capsys)
    assert code == 0, out
    assert "Đã đăng trang vào" in out
    assert (target / "index.html").is_file()
    assert (target / POST_PAGE).is_file()
    assert leftovers(target) == []


def test_second_publish_replaces_old_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    target = tmp_path / "www"
    assert publish(project, target, capsys)[0] == 0
    old_page = target / "tin-tuc/2023/ra-quan-don-ve-sinh-don-tet/index.html"
    assert old_page.is_file()
    (project / "posts/2023/ra-quan-don-tet.md").unlink()
    (project / "posts/2024/moi.md").write_text(
        "---\ntitle: Tin mới đăng\ndate: 10/05/2024\n---\n\nNội dung mới.\n", encoding="utf-8"
    )
    code, out = publish(project, target, capsys)
    assert code == 0, out
    assert (target / "tin-tuc/2024/tin-moi-dang/index.html").is_file()
    assert not old_page.exists()
    assert not list(target.glob("tin-tuc/2023/*/index.html"))
    assert leftovers(target) == []


@pytest.mark.parametrize(
    "broken",
    [
        "---\ntitle: Bài lỗi\ndate: 31/02/2024\n---\n\nx\n",
        "---\ntitle: Bài có cảnh báo\ndate: 01/02/2024\n---\n\n[Tệp](khong-co.pdf)\n",
    ],
)
def test_broken_post_fails_and_leaves_the_live_site_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    target = tmp_path / "www"
    assert publish(project, target, capsys)[0] == 0
    before = snapshot(target)
    (project / "posts/2024/loi.md").write_text(broken, encoding="utf-8")
    code, out = publish(project, target, capsys)
    assert code == 1
    assert "posts/2024/loi.md:" in out
    assert "CHƯA ĐĂNG" in out and "được giữ nguyên như trước" in out
    assert snapshot(target) == before
    assert leftovers(target) == []


def test_refuses_a_folder_that_would_delete_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    before = snapshot(project)
    for target in (project, tmp_path, project / "docs"):
        code, out = publish(project, target, capsys)
        assert code == 1
        assert "CHƯA ĐĂNG" in out
    assert snapshot(project) == before


def test_refuses_a_folder_holding_other_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    target = tmp_path / "du-lieu"
    target.mkdir()
    (target / "so-sach.xlsx").write_bytes(b"PK")
    code, out = publish(project, target, capsys)
    assert code == 1
    assert "không phải trang đã dựng" in out
    assert snapshot(target) == {"so-sach.xlsx": b"PK"}
