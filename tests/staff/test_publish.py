"""`trangxa publish`: switches the target to a complete new version, never deletes others' files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from trangxa.cli import main

from tests.staff.publishing import (
    POST_PAGE,
    leftovers,
    project,
    publish,
    published,
    site_problem,
    store_of,
    versions,
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def shared_web_root(tmp_path: Path) -> Path:
    """A folder a web server already serves: an old home page, uploads, an ACME challenge."""
    root = tmp_path / "www" / "hoaan"
    (root / "uploads").mkdir(parents=True)
    (root / "uploads" / "anh-le-hoi.jpg").write_bytes(b"\xff\xd8 anh")
    (root / ".well-known" / "acme-challenge").mkdir(parents=True)
    (root / ".well-known" / "acme-challenge" / "ma-xac-minh").write_text("abc.def")
    (root / "index.html").write_text("<h1>Trang cũ</h1>", encoding="utf-8")
    return root


def test_first_publish_links_the_target_to_a_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    target = tmp_path / "www" / "hoaan"
    code, out = publish(site, target, capsys)
    assert code == 0, out
    assert "Đã đăng trang vào" in out
    assert site_problem(target) is None
    assert os.readlink(target) == "hoaan.trangxa/site-000001"
    assert leftovers(target) == []


def test_later_publishes_replace_content_and_keep_one_previous_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, target = published(tmp_path, capsys)
    (site / "posts/2024/moi.md").write_text(
        "---\ntitle: Tin mới đăng\ndate: 10/05/2024\n---\n\nNội dung mới.\n", encoding="utf-8"
    )
    for _ in range(3):
        code, out = publish(site, target, capsys)
        assert code == 0, out
    assert (target / "tin-tuc/2024/tin-moi-dang/index.html").is_file()
    assert versions(target) == ["site-000003", "site-000004"]
    (site / "posts/2024/moi.md").unlink()
    assert publish(site, target, capsys)[0] == 0
    assert not (target / "tin-tuc/2024/tin-moi-dang").exists()
    assert versions(target) == ["site-000004", "site-000005"]
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
    site, target = published(tmp_path, capsys)
    before = snapshot(target)
    (site / "posts/2024/loi.md").write_text(broken, encoding="utf-8")
    code, out = publish(site, target, capsys)
    assert code == 1
    assert "posts/2024/loi.md:" in out
    assert "CHƯA ĐĂNG" in out and "vẫn phục vụ trang như trước" in out
    assert snapshot(target) == before
    assert versions(target) == ["site-000001"]
    assert leftovers(target) == []


def test_refuses_a_folder_that_would_delete_the_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    before = snapshot(site)
    for target in (site, tmp_path, site / "docs"):
        code, out = publish(site, target, capsys)
        assert code == 1
        assert "CHƯA ĐĂNG" in out and "mã nguồn" in out
    assert snapshot(site) == before


def test_shared_web_root_is_refused_naming_what_would_be_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    target = shared_web_root(tmp_path)
    before = snapshot(target)
    code, out = publish(site, target, capsys)
    assert code == 1
    assert "sẽ mất: .well-known/, index.html, uploads/." in out
    assert "--keep" in out and "--replace-existing" in out and "thư mục trống" in out
    code, out = publish(site, target, capsys, "--keep", ".well-known", "--keep", "uploads/")
    assert code == 1
    assert "sẽ mất: index.html." in out
    assert snapshot(target) == before
    # A refusal writes nothing, not even the store.
    assert sorted(p.name for p in target.parent.iterdir()) == ["hoaan"]


def test_kept_paths_survive_every_publish_and_the_old_page_is_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    target = shared_web_root(tmp_path)
    options = ("--keep", ".well-known", "--keep", "uploads", "--replace-existing")
    code, out = publish(site, target, capsys, *options)
    assert code == 0, out
    assert "Giữ nguyên qua mỗi lần đăng: .well-known, uploads." in out
    assert site_problem(target) is None
    assert (target / "uploads/anh-le-hoi.jpg").read_bytes() == b"\xff\xd8 anh"
    assert (target / ".well-known/acme-challenge/ma-xac-minh").read_text() == "abc.def"
    aside = [p for p in store_of(target).iterdir() if p.name.startswith("replaced-")]
    assert len(aside) == 1 and (aside[0] / "index.html").read_text() == "<h1>Trang cũ</h1>"
    assert f"(index.html) không bị xóa mà được chuyển sang {aside[0]}" in out
    # The server keeps writing through the target; later publishes need no option.
    (target / "uploads/bien-ban.pdf").write_bytes(b"%PDF")
    for _ in range(3):
        code, out = publish(site, target, capsys)
        assert code == 0, out
    assert (target / "uploads/bien-ban.pdf").read_bytes() == b"%PDF"
    assert (target / ".well-known/acme-challenge/ma-xac-minh").read_text() == "abc.def"
    assert leftovers(target) == []


def test_a_kept_path_that_does_not_exist_yet_is_created_in_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, target = published(tmp_path, capsys, "--keep", ".well-known/acme-challenge")
    (target / ".well-known/acme-challenge/ma").write_text("xyz")
    assert publish(site, target, capsys)[0] == 0
    assert (target / ".well-known/acme-challenge/ma").read_text() == "xyz"


def test_files_written_into_the_live_site_are_not_deleted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, target = published(tmp_path, capsys)
    (target / "uploads").mkdir()
    (target / "uploads/anh.jpg").write_bytes(b"anh")
    with (target / "index.html").open("a", encoding="utf-8") as page:
        page.write("<!-- sửa tay -->")
    code, out = publish(site, target, capsys)
    assert code == 1
    assert "sẽ mất: index.html, uploads/." in out
    code, out = publish(site, target, capsys, "--keep", "uploads")
    assert code == 1 and "sẽ mất: index.html." in out
    code, out = publish(site, target, capsys, "--keep", "uploads", "--replace-existing")
    assert code == 0, out
    assert (target / "uploads/anh.jpg").read_bytes() == b"anh"
    assert site_problem(target) is None
    aside = [p for p in store_of(target).iterdir() if p.name.startswith("replaced-")]
    assert [p.name for p in aside] == ["replaced-000001"]
    assert (aside[0] / "index.html").read_text(encoding="utf-8").endswith("<!-- sửa tay -->")
    assert leftovers(target) == []


def test_a_real_folder_holding_trangxa_output_becomes_the_previous_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    first = tmp_path / "mot"
    assert publish(site, first, capsys)[0] == 0
    target = tmp_path / "hai"
    shutil.copytree(first, target)
    code, out = publish(site, target, capsys)
    assert code == 0, out
    assert target.is_symlink() and site_problem(target) is None
    assert versions(target) == ["site-000001", "site-000002"]
    assert (store_of(target) / "site-000001" / POST_PAGE).is_file()
    assert leftovers(target) == []


def test_an_empty_folder_is_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = project(tmp_path)
    target = tmp_path / "www"
    target.mkdir()
    assert publish(site, target, capsys)[0] == 0
    assert target.is_symlink() and site_problem(target) is None
    assert leftovers(target) == []


@pytest.mark.parametrize(
    ("keep", "message"),
    [
        ("../ngoai", "không dùng đường dẫn tuyệt đối hay '..'"),
        ("C:/Windows", "không dùng đường dẫn tuyệt đối hay '..'"),
        ("", "không dùng đường dẫn tuyệt đối hay '..'"),
        (".trangxa-manifest.json", "không giữ được"),
    ],
)
def test_bad_keep_paths_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], keep: str, message: str
) -> None:
    site = project(tmp_path)
    target = tmp_path / "www"
    code, out = publish(site, target, capsys, "--keep", keep)
    assert code == 1 and message in out
    assert not os.path.lexists(target) and not store_of(target).exists()


def test_targets_trangxa_did_not_make_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    (tmp_path / "tep").write_text("x")
    os.symlink("noi-khac", tmp_path / "lien-ket")
    (tmp_path / "www.trangxa").mkdir()
    (tmp_path / "www.trangxa" / "so-lieu.xlsx").write_text("x")
    cases = {
        "tep": "là một tệp",
        "lien-ket": "mà trangxa không tạo",
        "www": "không do trangxa tạo (có so-lieu.xlsx)",
    }
    for name, message in cases.items():
        code, out = publish(site, tmp_path / name, capsys)
        assert code == 1 and message in out, out
    assert not os.path.lexists(tmp_path / "www")
    assert os.readlink(tmp_path / "lien-ket") == "noi-khac"


def test_os_errors_become_messages_naming_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    (tmp_path / "khoa").write_text("x")
    code, out = publish(site, tmp_path / "khoa" / "www", capsys)
    assert code == 1
    assert f"không đọc, ghi được {tmp_path / 'khoa'}" in out
    assert "một phần của đường dẫn là tệp chứ không phải thư mục" in out
    (tmp_path / "www.trangxa").write_text("x")
    code, out = publish(site, tmp_path / "www", capsys)
    assert code == 1 and f"{tmp_path / 'www.trangxa'} đã có và không phải thư mục" in out
    assert "Traceback" not in out


def test_a_kept_path_removed_from_the_store_is_no_longer_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, target = published(tmp_path, capsys, "--keep", "uploads")
    shutil.rmtree(store_of(target) / "kept" / "uploads")
    code, out = publish(site, target, capsys)
    assert code == 0, out
    assert not os.path.lexists(target / "uploads")
    assert (store_of(target) / "kept.txt").read_text() == ""
    assert leftovers(target) == []


def test_guide_readme_and_help_describe_what_publish_touches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    repo = Path(__file__).resolve().parents[2]
    guide = (repo / "docs/can-bo/index.md").read_text(encoding="utf-8")
    readme = (repo / "README.md").read_text(encoding="utf-8")
    for fragment in (
        "--keep",
        "--replace-existing",
        "kept.txt",
        "lock",
        "replaced-",
        "Chỉ xóa những gì chính nó đã tạo",
        "mới được kiểm thử trên Linux",
    ):
        assert fragment in guide, fragment
    assert "`trangxa publish --to /var/www/xa --keep .well-known`" in readme
    with pytest.raises(SystemExit):
        main(["publish", "--help"])
    shown = capsys.readouterr().out
    assert "--keep ĐƯỜNG_DẪN" in shown and "--replace-existing" in shown


def test_a_kept_file_wins_over_the_same_page_from_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site, target = published(tmp_path, capsys)
    (target / "404.html").write_text("<h1>Trang riêng của máy chủ</h1>", encoding="utf-8")
    code, out = publish(site, target, capsys, "--keep", "404.html")
    assert code == 0, out
    assert "Trang mới cũng có 404.html; bản được giữ lại được dùng." in out
    assert publish(site, target, capsys)[0] == 0
    assert (target / "404.html").read_text(encoding="utf-8") == "<h1>Trang riêng của máy chủ</h1>"
    assert leftovers(target) == []


def test_a_target_left_missing_between_two_renames_is_put_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Where the system has no exchange, a kill between the two renames of a first switch
    # leaves the former folder in the store as old-… and no target at all.
    site, first = published(tmp_path, capsys)
    target = tmp_path / "hai"
    shutil.copytree(first, target)
    store_of(target).mkdir()
    shutil.copy(store_of(first) / "trangxa-publish.txt", store_of(target))
    target.rename(store_of(target) / "old-000001")
    code, out = publish(site, target, capsys)
    assert code == 0, out
    assert f"Đã đưa bản trang trước về lại {target}." in out
    assert target.is_symlink() and site_problem(target) is None
    assert versions(target) == ["site-000001", "site-000002"]
    assert leftovers(target) == []


def test_a_kept_relative_link_still_points_to_the_same_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = project(tmp_path)
    (tmp_path / "anh-chung").mkdir()
    (tmp_path / "anh-chung" / "anh.jpg").write_bytes(b"anh")
    target = tmp_path / "web"
    target.mkdir()
    os.symlink("../anh-chung", target / "uploads")
    code, out = publish(site, target, capsys, "--keep", "uploads")
    assert code == 0, out
    assert (target / "uploads/anh.jpg").read_bytes() == b"anh"
    assert publish(site, target, capsys)[0] == 0
    assert (target / "uploads/anh.jpg").read_bytes() == b"anh"
    assert leftovers(target) == []
