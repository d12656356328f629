"""A blog written for Material's blog plugin builds under --strict once its categories are declared."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import BuildResult, build_site, captured_logs, copy_fixture

FIXTURE = "staff/fixtures/material-blog"
PLAN = "tin-tuc/2024/ke-hoach-cai-cach-hanh-chinh-2024/index.html"
WELCOME = "tin-tuc/2024/trang-thong-tin-dien-tu-xa-hoa-an-ra-mat-giao-dien-moi/index.html"
REVIEW = "tin-tuc/2024/so-ket-6-thang-dau-nam-2024/index.html"
ONLINE = "tin-tuc/2024/tiep-nhan-ho-so-ho-tich-truc-tuyen-tu-thang-3/index.html"


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_fixture(FIXTURE, tmp_path_factory.mktemp("material-blog"))
    return build_site(project, strict=True)


def links_in(result: BuildResult, page: str) -> list[tuple[str, str]]:
    html = result.read(page)
    content = html[html.index('class="tx-post"') :]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', content)


def test_builds_strictly_without_a_single_warning(blog: BuildResult) -> None:
    assert blog.messages == []
    posts = sorted(p.parent.name for p in (blog.site_dir / "tin-tuc/2024").glob("*/index.html"))
    assert len(posts) == 7
    assert "du-thao-quy-che-dan-chu-o-co-so" not in posts


def test_links_between_posts_and_to_docs_pages_reach_their_addresses(blog: BuildResult) -> None:
    welcome = links_in(blog, WELCOME)
    assert (
        "../ke-hoach-cai-cach-hanh-chinh-2024/",
        "kế hoạch cải cách hành chính năm 2024",
    ) in welcome
    assert ("../../../lien-he/", "địa chỉ liên hệ") in welcome
    online = links_in(blog, ONLINE)
    assert (
        "../ke-hoach-cai-cach-hanh-chinh-2024/#ke-hoach-cai-cach-hanh-chinh-nam-2024",
        "kế hoạch năm 2024",
    ) in online
    # A reference-style link to another post.
    assert ("../ke-hoach-cai-cach-hanh-chinh-2024/", "kế hoạch cải cách hành chính") in links_in(
        blog, REVIEW
    )


def test_material_links_show_as_related_pages(blog: BuildResult) -> None:
    html = blog.read(PLAN)
    related = html[html.index('id="bai-lien-quan"') :]
    found = re.findall(
        r'<a href="([^"]+)"[^>]*>([^<]+)</a>', related[: related.index("</ul>\n</li>") + 20]
    )
    assert found == [
        (
            "../tiep-nhan-ho-so-ho-tich-truc-tuyen-tu-thang-3/",
            "Tiếp nhận hồ sơ hộ tịch trực tuyến từ tháng 3",
        ),
        ("../../../lien-he/", "Liên hệ bộ phận một cửa"),
        (
            "../trang-thong-tin-dien-tu-xa-hoa-an-ra-mat-giao-dien-moi/",
            "Trang thông tin điện tử xã Hòa An ra mắt giao diện mới",
        ),
    ]
    assert "Bài cùng chủ đề" in related


def test_images_in_the_post_folder_and_reference_links_are_published(blog: BuildResult) -> None:
    folder = blog.site_dir / "tin-tuc/2024/ke-hoach-cai-cach-hanh-chinh-2024/ke-hoach-cchc-2024"
    assert (folder / "so-do.png").is_file()
    assert (folder / "ke-hoach.pdf").is_file()
    assert 'src="ke-hoach-cchc-2024/so-do.png"' in blog.read(PLAN)
    concert = "tin-tuc/2024/hoi-thi-van-nghe-cac-thon-chao-mung-ngay-19-thang-5/"
    assert (blog.site_dir / concert / "hoi-thi-van-nghe/doi-van-nghe.png").is_file()


def test_authors_come_from_the_authors_file(blog: BuildResult) -> None:
    html = blog.read(PLAN)
    assert "Văn phòng - Thống kê, Công chức Tư pháp - Hộ tịch" in html


def test_readtime_written_by_the_author_is_shown(blog: BuildResult) -> None:
    assert "Thời gian đọc khoảng 4 phút" in blog.read(PLAN)
    assert "Thời gian đọc khoảng 1 phút" in blog.read(REVIEW)


def test_broken_and_unpublished_links_name_the_post_and_fail_strict(tmp_path: Path) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    post = project / "posts/2024/ra-quan-ve-sinh.md"
    post.write_text(
        post.read_text(encoding="utf-8")
        + "\nXem [bài cũ](bai-khong-co.md), [dự thảo](du-thao-quy-che.md).\n"
        + "\n[so-do]: ../ke-hoach-cchc-2024/anh-khong-co.png\n",
        encoding="utf-8",
    )
    result = build_site(project, strict=False, site_dir=tmp_path / "out")
    messages = "\n".join(result.messages)
    assert (
        'posts/2024/ra-quan-ve-sinh.md:15: Bài có liên kết "bai-khong-co.md" không trỏ' in messages
    )
    assert 'Bài có liên kết "du-thao-quy-che.md" trỏ tới một bài chưa đăng' in messages
    assert "anh-khong-co.png" in messages
    # Reported once, in Vietnamese: MkDocs' own notice about the same link is left out.
    assert "Doc file" not in messages
    with pytest.raises(Abort):
        build_site(project, strict=True, site_dir=tmp_path / "strict")


def test_names_compared_after_nfc(tmp_path: Path) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    folder = project / "posts/2024"
    decomposed = unicodedata.normalize("NFD", "tờ-trình.pdf")
    (folder / decomposed).write_bytes(b"%PDF-1.4\n")
    post = folder / "ra-quan-ve-sinh.md"
    post.write_text(
        post.read_text(encoding="utf-8") + "\n[Tờ trình](tờ-trình.pdf)\n", encoding="utf-8"
    )
    result = build_site(project, strict=True, site_dir=tmp_path / "out")
    assert result.messages == []
    page = result.site_dir / "tin-tuc/2024/ra-quan-ve-sinh-moi-truong-khu-dan-cu"
    assert (page / "tờ-trình.pdf").is_file()


def card_order(result: BuildResult, page: str) -> list[str]:
    """Post addresses (from the year on) in the order a listing page shows them."""
    html = result.read(page)
    main = html[html.index("md-content") :]
    return re.findall(r'<a href="[^"]*?(2024/[^"/]+/)"', main)


def test_a_pinned_post_leads_the_index_and_its_categories_but_not_the_archive(
    blog: BuildResult,
) -> None:
    plan = "2024/ke-hoach-cai-cach-hanh-chinh-2024/"
    index = card_order(blog, "tin-tuc/index.html")
    assert index[0] == plan
    assert len(index) > 3
    category = card_order(blog, "tin-tuc/chuyen-muc/cai-cach-hanh-chinh/index.html")
    assert category[0] == plan
    assert "Bài ghim" in blog.read("tin-tuc/index.html")
    # The year archive answers "what was published when": date order, newest first.
    archive = card_order(blog, "tin-tuc/luu-tru/2024/index.html")
    assert archive[0] != plan
    assert archive.index(plan) > archive.index(
        "2024/tiep-nhan-ho-so-ho-tich-truc-tuyen-tu-thang-3/"
    )


def test_the_updated_date_is_shown_beside_the_published_one(blog: BuildResult) -> None:
    html = blog.read(PLAN)
    assert 'Cập nhật <time datetime="2024-03-04T00:00:00+07:00">04/03/2024</time>' in html
    assert "Cập nhật" not in blog.read(ONLINE)


@pytest.mark.parametrize(
    ("front", "words"),
    [
        ("pin: có", "Khóa pin chỉ nhận true"),
        ("date:\n  created: 2024-02-01\n  updated: 31/02/2024", "Ngày cập nhật"),
    ],
)
def test_a_wrong_pin_or_updated_date_names_the_post_and_line(
    tmp_path: Path, front: str, words: str
) -> None:
    project = copy_fixture(FIXTURE, tmp_path)
    post = project / "posts/2024/ra-quan-ve-sinh.md"
    text = post.read_text(encoding="utf-8")
    if front.startswith("pin"):
        text = text.replace("---\n", f"---\n{front}\n", 1)
    else:
        text = re.sub(r"^date: .*$", front, text, count=1, flags=re.M)
    post.write_text(text, encoding="utf-8")
    with captured_logs() as records, pytest.raises(Abort):
        build_site(project, strict=True)
    messages = [record.getMessage() for record in records]
    assert any("posts/2024/ra-quan-ve-sinh.md:2:" in m and words in m for m in messages), messages
