"""Drafts while previewing, addresses that never collide, errors that stop a build."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.news.test_site_build import add_scheduled_post
from tests.sitebuild import build_site, captured_logs, copy_fixture


def write_post(project: Path, name: str, front: str, body: str = "Nội dung.\n") -> None:
    path = project / "posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}", encoding="utf-8")


def test_serve_shows_drafts_and_scheduled_posts_marked(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    add_scheduled_post(project)
    result = build_site(project, command="serve")
    draft = result.read("tin-tuc/2023/bai-dang-viet-do/index.html")
    assert "Bản nháp" in draft and "tx-mark--draft" in draft
    scheduled = next(result.site_dir.glob("tin-tuc/*/bai-hen-gio-dang/index.html"))
    assert "Hẹn giờ đăng" in scheduled.read_text(encoding="utf-8")
    index = result.read("tin-tuc/index.html") + result.read("tin-tuc/trang/2/index.html")
    assert "Bản nháp</span>" in index + result.read("tin-tuc/trang/3/index.html")
    # Previewing never moves the address of a published post.
    assert (result.site_dir / "tin-tuc/2024/dang-ky-khai-sinh-truc-tuyen/index.html").is_file()


def test_same_titles_get_numbered_addresses_oldest_first(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    for name, day in (("b.md", "2024-05-03"), ("a.md", "2024-05-01"), ("c.md", "2024-05-02")):
        write_post(project, f"2024/trung/{name}", f"title: Họp dân\ndate: {day}")
    result = build_site(project)
    pages = {
        slug: result.read(f"tin-tuc/2024/{slug}/index.html")
        for slug in ("hop-dan", "hop-dan-2", "hop-dan-3")
    }
    assert 'datetime="2024-05-01T00:00:00+07:00"' in pages["hop-dan"]
    assert 'datetime="2024-05-02T00:00:00+07:00"' in pages["hop-dan-2"]
    assert 'datetime="2024-05-03T00:00:00+07:00"' in pages["hop-dan-3"]


def test_same_explicit_slug_is_an_error_naming_both_files(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    write_post(project, "2024/mot.md", "title: Một\ndate: 2024-06-01\nslug: trung-nhau")
    write_post(project, "2024/hai.md", "title: Hai\ndate: 2024-06-02\nslug: trung-nhau")
    with captured_logs() as records, pytest.raises(Abort):
        build_site(project)
    message = "\n".join(r.getMessage() for r in records)
    assert "posts/2024/hai.md" in message and "posts/2024/mot.md" in message
    assert "trung-nhau" in message


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("date: 2024-01-01", 1, "chưa có tiêu đề"),
        ("title: Không ngày", 1, "chưa có ngày đăng"),
        ("title: Ngày sai\ndate: 31/02/2024", 3, "31/02/2024"),
        ("title: Sai chuyên mục\ndate: 2024-01-01\ncategories: [Tin tuc]", 4, '"Tin tức"'),
        ('title: "Thiếu ngoặc\ndate: 2024-01-01', 2, "YAML"),
    ],
)
def test_bad_front_matter_fails_the_build_with_file_and_line(
    tmp_path: Path, front: str, line: int, words: str
) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    write_post(project, "2024/loi.md", front)
    with captured_logs() as records, pytest.raises(Abort):
        build_site(project)
    logged = "\n".join(r.getMessage() for r in records)
    assert f"posts/2024/loi.md:{line}:" in logged
    assert words in logged
    # Without --strict too: an invalid post is never silently left out.
    with pytest.raises(Abort):
        build_site(project, strict=False)


def test_warnings_fail_a_strict_build_only(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    write_post(project, "2024/khoa-la.md", "title: Khóa lạ\ndate: 2024-02-02\ncategory: [Tin tức]")
    with pytest.raises(Abort):
        build_site(project, strict=True)
    result = build_site(project, strict=False)
    assert any(
        "posts/2024/khoa-la.md:4:" in message and '"categories"' in message
        for message in result.messages
    )
    assert (result.site_dir / "tin-tuc/2024/khoa-la/index.html").is_file()


def test_a_file_no_post_links_to_is_a_warning(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    (project / "posts/2024/ke-hoach/ban-cu.docx").write_bytes(b"PK\x03\x04 old plan")
    result = build_site(project, strict=False)
    assert any(
        "posts/2024/ke-hoach/ban-cu.docx: " in message and "không bài nào liên kết" in message
        for message in result.messages
    )
    # The attachment the post does link to is not reported.
    assert not any("ke-hoach-2024.pdf" in message for message in result.messages)


def test_image_without_alt_text_is_a_warning(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    (project / "posts/2024/ke-hoach/so-do.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    write_post(
        project,
        "2024/ke-hoach/anh.md",
        "title: Bài có ảnh\ndate: 2024-02-02",
        "Mở đầu.\n\n![](so-do.png)\n",
    )
    with pytest.raises(Abort):
        build_site(project, strict=True)
    result = build_site(project, strict=False)
    assert any("posts/2024/ke-hoach/anh.md" in m and "so-do.png" in m for m in result.messages)
