"""The staff guide: built with the sample site, out of citizens' menus and search, kept in step."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from trangxa.news.postfields import OWN_KEYS

from tests.pagefind_pages import indexed_pages
from tests.sitebuild import BuildResult, build_site

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs/can-bo"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    project = tmp_path_factory.mktemp("sample") / "site"
    shutil.copytree(
        REPO, project, ignore=shutil.ignore_patterns(".git", ".venv", "site", "tests", "bench")
    )
    return build_site(project, strict=False)


@pytest.mark.parametrize(
    ("page", "heading"),
    [
        ("can-bo/index.html", "Hướng dẫn cho cán bộ"),
        ("can-bo/viet-bai/index.html", "Viết một bài tin"),
        ("can-bo/cai-dat/index.html", "Cài đặt và xem thử trên máy tính"),
        ("can-bo/doc-loi/index.html", "Đọc thông báo lỗi"),
        ("can-bo/so-lieu-bao-cao/index.html", "Số liệu cho báo cáo"),
    ],
)
def test_guide_pages_are_built(sample: BuildResult, page: str, heading: str) -> None:
    assert re.search(rf"<h1[^>]*>{heading}", sample.read(page))


def test_no_public_page_links_to_the_guide(sample: BuildResult) -> None:
    for page in sample.site_dir.rglob("*.html"):
        relative = page.relative_to(sample.site_dir).as_posix()
        if relative.startswith("can-bo/"):
            continue
        assert "can-bo/" not in page.read_text(encoding="utf-8"), relative


def test_guide_is_not_in_the_search_index(sample: BuildResult) -> None:
    pages = indexed_pages(sample.site_dir)
    assert "thu-tuc/ho-tich/dang-ky-khai-sinh/" in pages
    assert not [url for url in pages if url.startswith("can-bo")]


def test_guide_documents_every_front_matter_key() -> None:
    table = (GUIDE / "viet-bai.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z]+)` \|", table, re.M))
    assert documented == set(OWN_KEYS)


def test_guide_documents_the_three_commands_and_their_options() -> None:
    text = (GUIDE / "index.md").read_text(encoding="utf-8")
    for fragment in ("trangxa new", "--category", "--date", "--draft", "trangxa check", "--strict",
                     "trangxa publish --to", "tệp:dòng: nội dung"):
        assert fragment in text


def test_install_page_gives_both_paths_step_by_step() -> None:
    text = (GUIDE / "cai-dat.md").read_text(encoding="utf-8")
    for fragment in (
        "Add python.exe to PATH",
        "py -m pip install --upgrade .",
        "py -m trangxa --version",
        "py -m trangxa serve",
        "Ctrl+C",
        "py -m trangxa check",
        "trangxa publish --to",
        "python3 -m venv ~/trangxa-env",
        "~/trangxa-env/bin/python -m pip install --upgrade .",
        "chưa được thử trên một máy Windows thật",
    ):
        assert fragment in text, fragment
    # The address staff are told to open is the one `trangxa serve` prints.
    assert "Xem thử trang tại http://127.0.0.1:8000/ (mở địa chỉ này trong trình duyệt)" in text
