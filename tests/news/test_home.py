"""The home page as a portal: banners from extra.agency.links and the posts' own pictures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import BuildResult, build_site, copy_fixture

# A 4 x 3 PNG, so the picture is a real image file the site copies.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000004000000030806000000b4f49e4b"
    "0000001049444154789c63f8cfc0f01f0b30a0060100b1f90b8d2e4bf8b40000000049454e44ae426082"
)
LINKS = """extra:
  agency:
    links:
      - title: Cổng Dịch vụ công quốc gia
        url: https://dichvucong.gov.vn/
        text: Nộp hồ sơ trực tuyến
      - title: Cổng thông tin tỉnh Thử
        url: https://thu.example.gov.vn/
"""


def with_links(project: Path, links: str) -> None:
    """Put the agency links into the fixture's mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("extra:\n  agency:\n", links, 1)
    config.write_text(text, encoding="utf-8")


def add_post_with_picture(project: Path) -> None:
    """A recent post whose first image is a described picture kept beside it."""
    folder = project / "posts/2024/ngay-hoi"
    folder.mkdir(parents=True)
    (folder / "anh-ngay-hoi.png").write_bytes(PNG)
    (folder / "index.md").write_text(
        "---\ntitle: Ngày hội đại đoàn kết\ndate: 2024-11-18T08:00:00+07:00\n"
        "categories: [Tin tức]\n---\n\nNgày hội ở thôn Một.\n\n"
        '![Người dân thôn Một múa lân & hát "quan họ"](anh-ngay-hoi.png)\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = copy_fixture("news/fixtures/basic", tmp_path_factory.mktemp("home"))
    with_links(project, LINKS)
    add_post_with_picture(project)
    return build_site(project)


def test_links_are_banners_on_the_home_page(built: BuildResult) -> None:
    home = built.read("index.html")
    found = re.findall(
        r'<a class="tx-portal" href="([^"]+)"><span class="tx-portal__title">([^<]+)', home
    )
    assert found == [
        ("https://dichvucong.gov.vn/", "Cổng Dịch vụ công quốc gia"),
        ("https://thu.example.gov.vn/", "Cổng thông tin tỉnh Thử"),
    ]
    assert '<span class="tx-portal__text">Nộp hồ sơ trực tuyến</span>' in home


def test_latest_post_shows_its_own_picture_sized_and_lazy(built: BuildResult) -> None:
    home = built.read("index.html")
    [tag] = re.findall(r'<img class="tx-card__picture"[^>]*>', home)
    src = re.search(r'src="([^"]+)"', tag)
    assert src is not None
    assert (built.site_dir / src.group(1)).read_bytes() == PNG
    assert 'alt="Người dân thôn Một múa lân &amp; hát &#34;quan họ&#34;"' in tag
    assert 'width="160" height="120"' in tag
    assert 'loading="lazy"' in tag


def test_posts_without_a_picture_have_none(built: BuildResult) -> None:
    home = built.read("index.html")
    assert home.count('class="tx-card__picture"') == 1


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ("extra:\n  agency:\n    links: https://dichvucong.gov.vn/\n", "phải là một danh sách"),
        ("extra:\n  agency:\n    links:\n      - url: https://a.example/\n", "thiếu title"),
        (
            "extra:\n  agency:\n    links:\n      - title: Cổng\n        url: dichvucong.gov.vn\n",
            "bắt đầu bằng https://",
        ),
        (
            "extra:\n  agency:\n    links:\n      - title: Cổng\n        url: https://a.example/\n"
            "        icon: x\n",
            "không dùng khóa icon",
        ),
    ],
)
def test_bad_links_stop_the_build_with_a_clear_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, links: str, expected: str
) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    with_links(project, links + "  agency_rest:\n")
    with pytest.raises(Abort):
        build_site(project)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("mkdocs.yml, extra.agency.links" in e and expected in e for e in errors), errors
