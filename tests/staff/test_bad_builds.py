"""Real strict builds of the staff fixture with one bad post each: they fail naming file and line."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import feedparser
import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import BuildResult, build_site, captured_logs, copy_fixture
from tests.staff.test_post_loader import cp1258

FIXTURE = "staff/fixtures/site"


def write_post(project: Path, relative: str, content: str | bytes) -> None:
    path = project / "posts" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)


def failed_build(project: Path, **options: object) -> str:
    """Build, expect MkDocs to abort, and return everything it logged."""
    with captured_logs() as records, pytest.raises(Abort):
        build_site(project, **options)  # type: ignore[arg-type]
    return "\n".join(record.getMessage() for record in records)


@pytest.mark.parametrize(
    ("content", "where", "fragment"),
    [
        ("---\ndate: 15/03/2024\n---\n\nKhông tiêu đề.\n", ":1:", "chưa có tiêu đề"),
        ('---\ntitle: ""\ndate: 15/03/2024\n---\n\nx\n', ":2:", "chưa có tiêu đề"),
        ("---\ntitle: Không ngày\n---\n\nx\n", ":1:", "chưa có ngày đăng"),
        ("---\ntitle: Ngày sai\ndate: 31/02/2024\n---\n\nx\n", ":3:", "chỉ có 29 ngày"),
        ("---\ntitle: Giờ sai\ndate: 15/03/2024 24:61\n---\n\nx\n", ":3:", "giờ chỉ từ 00 đến 23"),
        ("---\ntitle: Năm ngắn\ndate: 15/03/24\n---\n\nx\n", ":3:", "năm bằng 2 chữ số"),
        (
            "---\ntitle: Sai chuyên mục\ndate: 15/03/2024\ncategories: [Cai cach hanh chinh]\n"
            "---\n\nx\n",
            ":4:",
            'Có phải ý bạn là "Cải cách hành chính"?',
        ),
        (
            "---\ntitle: Thông báo: họp dân\ndate: 15/03/2024\n---\n\nx\n",
            ":2:",
            "dấu hai chấm ở chỗ không được phép",
        ),
        ("---\ntitle: Tab\ndate: 15/03/2024\ntags:\n\t- a\n---\n\nx\n", ":5:", "ký tự Tab"),
        ("---\ntitle: Không đóng\ndate: 15/03/2024\n\nx\n", ":1:", "không có dòng --- đóng lại"),
        ("", ": ", "Tệp trống"),
        (
            '---\ntitle: Slug sai\ndate: 15/03/2024\nslug: "../tin tuc"\n---\n\nx\n',
            ":4:",
            'hai dấu chấm liền nhau ".."',
        ),
        ('---\ntitle: Gạch chéo\ndate: 15/03/2024\nslug: a/b\n---\n\nx\n', ":4:", "gạch chéo"),
    ],
)
def test_invalid_post_fails_the_build_naming_file_and_line(
    tmp_path: Path, content: str, where: str, fragment: str
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    write_post(project, "2024/loi.md", content)
    logged = failed_build(project)
    assert f"posts/2024/loi.md{where}" in logged
    assert fragment in logged


@pytest.mark.parametrize(
    ("content", "where", "fragment"),
    [
        ("---\ntitle: Năm gõ nhầm\ndate: 15/03/0224\n---\n\nx\n", ":3:", "Năm 224 có vẻ gõ nhầm"),
        (
            "---\ntitle: Khóa lạ\ndate: 15/03/2024\ncatgories: [Tin tức]\n---\n\nx\n",
            ":4:",
            'Có phải ý bạn là "categories"?',
        ),
        (
            "---\ntitle: Thiếu tệp\ndate: 15/03/2024\n---\n\nĐoạn đầu.\n\n"
            "[Quyết định (PDF)](quyet-dinh-12.pdf)\n",
            ":8:",
            'Liên kết tới tệp "quyet-dinh-12.pdf" nhưng không có tệp này',
        ),
    ],
)
def test_warnings_fail_the_strict_build_naming_file_and_line(
    tmp_path: Path, content: str, where: str, fragment: str
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    write_post(project, "2024/canh-bao.md", content)
    logged = failed_build(project)
    assert f"posts/2024/canh-bao.md{where}" in logged
    assert fragment in logged
    # Without --strict the post is published and the warning still shown.
    result = build_site(project, strict=False)
    assert any(f"posts/2024/canh-bao.md{where}" in message for message in result.messages)


def test_duplicate_slug_fails_naming_both_files(tmp_path: Path) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    write_post(project, "2024/a.md", "---\ntitle: Một\ndate: 01/05/2024\nslug: hop-dan\n---\n\nx\n")
    write_post(project, "2024/b.md", "---\ntitle: Hai\ndate: 02/05/2024\nslug: hop-dan\n---\n\nx\n")
    logged = failed_build(project)
    assert "posts/2024/b.md" in logged and "posts/2024/a.md" in logged
    assert 'slug "hop-dan"' in logged


MOJIBAKE = re.compile("[ÃÂÐÊÔ][\u0080-\u00bf]|Ä‘|áº|á»|\ufffd")


def test_windows_1258_post_is_refused_and_never_shown_garbled(tmp_path: Path) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    text = "---\ntitle: Thông báo lịch họp dân\ndate: 15/03/2024\n---\n\nĐề nghị bà con đến họp.\n"
    write_post(project, "2024/cp1258.md", cp1258(text))
    logged = failed_build(project)
    assert "posts/2024/cp1258.md:2: Tệp không phải mã UTF-8" in logged
    assert "Windows-1258" in logged and "UTF-8 rồi lưu lại" in logged
    # Even the preview server, which shows the site despite errors, leaves the file out whole.
    preview = build_site(project, strict=False, command="serve")
    assert any("posts/2024/cp1258.md:2:" in message for message in preview.messages)
    pages = [p for p in preview.site_dir.rglob("*") if p.suffix in {".html", ".xml", ".json"}]
    for page in pages:
        assert not MOJIBAKE.search(page.read_text(encoding="utf-8")), page
    clean = build_site(copy_fixture(FIXTURE, tmp_path / "clean"), strict=False, command="serve")
    # One page more: the post's address explains the error instead of showing its text.
    error_page = Path("tin-tuc/2024/cp1258/index.html")
    assert {p.relative_to(preview.site_dir) for p in pages} == {
        p.relative_to(clean.site_dir)
        for p in clean.site_dir.rglob("*")
        if p.suffix in {".html", ".xml", ".json"}
    } | {error_page}
    shown = (preview.site_dir / error_page).read_text(encoding="utf-8")
    assert "Bài viết đang có lỗi" in shown and "Tệp không phải mã UTF-8" in shown


def test_bom_crlf_and_nfd_post_builds_with_composed_text(tmp_path: Path) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    text = (
        "---\r\ntitle: Tuyên truyền cải cách hành chính ở thôn Hòa Bình\r\ndate: 20/03/2024\r\n"
        "categories: [Cải cách hành chính]\r\n---\r\n\r\nNgười dân được hướng dẫn nộp hồ sơ.\r\n"
    )
    write_post(project, "2024/windows.md", b"\xef\xbb\xbf" + unicodedata.normalize("NFD", text).encode())
    result = build_site(project)
    assert result.messages == []
    nfc_title = unicodedata.normalize("NFC", "Tuyên truyền cải cách hành chính ở thôn Hòa Bình")
    page = result.read("tin-tuc/2024/tuyen-truyen-cai-cach-hanh-chinh-o-thon-hoa-binh/index.html")
    assert nfc_title in page
    assert "\ufeff" not in page and "\r" not in page
    category = result.read("tin-tuc/chuyen-muc/cai-cach-hanh-chinh/index.html")
    assert nfc_title in category


HOSTILE_TITLE = "<script>alert('tx')</script> Lịch <b>họp</b> & tiếp dân"
HOSTILE_DESCRIPTION = 'Họp lúc 8 giờ <img src=x onerror="alert(1)">'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_fixture(FIXTURE, tmp_path_factory.mktemp("hostile"))
    write_post(
        project,
        "2024/hostile.md",
        f'---\ntitle: "{HOSTILE_TITLE}"\ndescription: \'{HOSTILE_DESCRIPTION}\'\n'
        "date: 01/04/2024 09:00\ncategories: [Thông báo]\n---\n\nNội dung bình thường.\n",
    )
    return build_site(project)


HOSTILE_URL = "tin-tuc/2024/script-alert-tx-script-lich-b-hop-b-tiep-dan/"


def test_html_in_title_and_description_is_escaped_on_every_page(hostile: BuildResult) -> None:
    assert hostile.messages == []
    pages = [
        HOSTILE_URL + "index.html",
        "tin-tuc/index.html",
        "tin-tuc/chuyen-muc/thong-bao/index.html",
        "index.html",
    ]
    for path in pages:
        page = hostile.read(path)
        assert "<script>alert('tx')" not in page, path
        assert "<b>họp</b>" not in page, path
        assert 'onerror="alert(1)"' not in page, path
    post_page = hostile.read(HOSTILE_URL + "index.html")
    # Escaped exactly once: the reader sees the characters staff typed.
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", post_page, re.S)
    assert heading is not None and html.unescape(heading.group(1)) == HOSTILE_TITLE
    title = re.search(r"<title>(.*?)</title>", post_page, re.S)
    assert title is not None and html.unescape(title.group(1)).startswith(HOSTILE_TITLE)
    meta = re.search(r'<meta name="description" content="([^"]*)"', post_page)
    assert meta is not None and html.unescape(meta.group(1)) == HOSTILE_DESCRIPTION
    summary = re.search(r'class="tx-card__summary">(.*?)</p>', hostile.read("tin-tuc/index.html"))
    assert summary is not None and html.unescape(summary.group(1)) == HOSTILE_DESCRIPTION


def test_html_in_title_and_description_is_text_in_the_feeds(hostile: BuildResult) -> None:
    for path in ("tin-tuc/rss.xml", "tin-tuc/chuyen-muc/thong-bao/rss.xml"):
        feed = feedparser.parse((hostile.site_dir / path).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        [entry] = [e for e in feed.entries if "Lịch" in e.title]
        # Read back as the exact text staff typed: escaped once, not interpreted, not doubled.
        assert entry.title == HOSTILE_TITLE
        assert entry.title_detail.type == "text/plain"
        raw = hostile.read(path)
        assert "<script>" not in raw and "<img src=x" not in raw


def test_very_large_post_builds_whole_with_a_warning(tmp_path: Path) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    paragraph = "Ủy ban nhân dân xã Hòa An báo cáo kết quả thực hiện nhiệm vụ trong năm. " * 20
    body = "\n\n".join(f"Đoạn {n}. {paragraph}" for n in range(1, 1_501))
    write_post(project, "2024/dai.md", f"---\ntitle: Báo cáo rất dài\ndate: 05/05/2024\n---\n\n{body}\n")
    assert (project / "posts/2024/dai.md").stat().st_size > 2_000_000
    result = build_site(project, strict=False)
    assert any("posts/2024/dai.md: Bài viết rất lớn" in m for m in result.messages)
    page = result.read("tin-tuc/2024/bao-cao-rat-dai/index.html")
    assert "Đoạn 1. " in page and "Đoạn 1500. " in page
    assert "posts/2024/dai.md: Bài viết rất lớn" in failed_build(project)
