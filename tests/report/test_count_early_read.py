"""A first count of a large site reads its posts in a second process while mkdocs.yml loads.

The figures, lists, warnings and errors must be exactly those of a count that reads the posts
itself after loading mkdocs.yml: both are compared on a site of 1,600 posts with drafts,
scheduled posts, NFD, BOM and CRLF, invisible characters, titles taken from headings, and
files that are not posts, then with posts in error.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from trangxa.commands import earlyread
from trangxa.core.dates import VN_TZ

from tests.report.cli import BOUNDARIES
from tests.security.corpus import HOSTILE, post_text

CATEGORIES = ("Tin tức", "Thông báo", "Cải cách hành chính")
# Written so the plain reading of mkdocs.yml steps aside; a comment changes nothing else.
NOT_PLAIN = "\n# Ghi chú: tệp này đọc theo cách đầy đủ!\n"
AS_OF = "2025-06-30"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: bytes
    stderr: str


def count(site: Path, *args: str) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "trangxa", "count", "--as-of", AS_OF, *args],
        cwd=site,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return Run(done.returncode, done.stdout, done.stderr.decode("utf-8"))


def write_many_posts(site: Path, number: int) -> None:
    folder = site / "posts" / "nhieu"
    folder.mkdir(parents=True)
    for index in range(number):
        day = 1 + index % 28
        month = 1 + (index // 28) % 12
        category = CATEGORIES[index % 3]
        title = f"Tin số {index} về thôn Hòa Bình"
        if index % 7 == 0:
            title = unicodedata.normalize("NFD", title)
        front = f'title: "{title}"\ndate: {day:02d}/{month:02d}/2024 08:{index % 60:02d}\n'
        if index % 5 == 0:
            front = f"date: 2024-{month:02d}-{day:02d}T10:00:00+07:00\n"
        front += f"categories: [{category}]\ntags: [thôn, tin {index % 4}]\n"
        if index % 97 == 0:
            front += "draft: true\n"
        body = f"Nội dung tin số {index}.\n"
        if index % 5 == 0:
            body = f"# Tin lấy tiêu đề từ dòng đầu số {index}\n\n{body}"
        text = f"---\n{front}---\n\n{body}"
        data = text.encode("utf-8")
        if index % 11 == 0:
            data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
        if index % 13 == 0:
            data += "Dòng có ký tự lạ\x0b ở giữa.\n".encode()
        (folder / f"tin-{index:04d}.md").write_bytes(data)
    # Published after the moment of counting, a file that is no post, an editor's backup.
    (folder / "sap-dang.md").write_text(
        "---\ntitle: Sắp đăng\ndate: 01/07/2025\ncategories: [Tin tức]\n---\n\nSau.\n",
        encoding="utf-8",
    )
    (folder / "ke-hoach.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (folder / "tin-0001.md~").write_text("bản lưu tạm", encoding="utf-8")
    # Hostile text in every field, under a declared category.
    hostile = re.sub(r"(?m)^categories: .*$", "categories: [Thông báo]", post_text(HOSTILE))
    (folder / "doc-hai.md").write_text(hostile, "utf-8")


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("lon") / "site"
    # Without the memo other tests leave in the fixture: this is a first count.
    shutil.copytree(BOUNDARIES, site, ignore=shutil.ignore_patterns(".cache"))
    write_many_posts(site, 1600)
    return site


def copy_of(site: Path, folder: Path, plain: bool) -> Path:
    copied = folder / ("plain" if plain else "full")
    shutil.copytree(site, copied)
    assert not (copied / ".cache").exists()
    if not plain:
        with (copied / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write(NOT_PLAIN)
    # The early reading is taken by the plain copy only.
    found = earlyread.plain_news_place(copied / "mkdocs.yml")
    assert (found is not None) == plain
    return copied


def test_the_site_takes_the_early_reading_and_its_copy_does_not(
    large_site: Path, tmp_path: Path
) -> None:
    plain = copy_of(large_site, tmp_path, plain=True)
    full = copy_of(large_site, tmp_path, plain=False)
    place = earlyread.plain_news_place(plain / "mkdocs.yml")
    assert place == earlyread.NewsPlace(plain, "posts", CATEGORIES)
    assert earlyread.plain_news_place(full / "mkdocs.yml") is None
    early = earlyread.start(str(plain / "mkdocs.yml"), datetime(2025, 6, 30, tzinfo=VN_TZ))
    assert early is not None
    collection = early.posts(plain, "posts", list(CATEGORIES))
    early.finish()
    assert collection is not None and len(collection.published) > 1500
    assert earlyread.start(str(full / "mkdocs.yml"), datetime(2025, 6, 30, tzinfo=VN_TZ)) is None


@pytest.mark.parametrize(
    "args",
    [
        ("--period", "2024", "--format", "json"),
        ("--period", "2024-H1", "--mode", "calendar", "--format", "text"),
    ],
)
def test_early_reading_counts_exactly_as_reading_after_loading(
    large_site: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    early = count(copy_of(large_site, tmp_path, plain=True), *args)
    late = count(copy_of(large_site, tmp_path, plain=False), *args)
    assert early.code == 0, early.stderr
    assert early == late
    assert "Traceback" not in early.stderr
    # Warnings of the invisible character and the skipped backup are there in both.
    assert "ký tự điều khiển" in early.stderr and "tin-0001.md~" in early.stderr


def test_the_memo_the_early_reading_leaves_gives_the_same_count(
    large_site: Path, tmp_path: Path
) -> None:
    site = copy_of(large_site, tmp_path, plain=True)
    first = count(site, "--period", "2024", "--format", "json")
    assert (site / ".cache/trangxa/posts.pickle").is_file()
    again = count(site, "--period", "2024", "--format", "json")
    assert first == again


def test_posts_in_error_stop_both_counts_with_the_same_messages(
    large_site: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(large_site, broken)
    folder = broken / "posts" / "nhieu"
    (folder / "tin-0003.md").write_bytes(b"---\ntitle: L\xe1i\ndate: 01/01/2024\n---\n")
    (folder / "tin-0004.md").write_text(
        "---\ntitle: Sai chuyên mục\ndate: 02/01/2024\ncategories: [Tin tuc]\n---\n", "utf-8"
    )
    (folder / "tin-0005.md").write_text("---\ntitle: Thiếu ngày\n---\n\nNội dung.\n", "utf-8")
    early = count(copy_of(broken, tmp_path / "a", plain=True), "--period", "2024")
    late = count(copy_of(broken, tmp_path / "b", plain=False), "--period", "2024")
    assert early.code == late.code == 2
    assert early == late
    for name in ("tin-0003.md", "tin-0004.md", "tin-0005.md"):
        assert name in early.stderr


def test_a_bad_mkdocs_yml_is_refused_as_before(large_site: Path, tmp_path: Path) -> None:
    site = copy_of(large_site, tmp_path, plain=True)
    config = site / "mkdocs.yml"
    declared = "      categories: [Tin tức, Thông báo, Cải cách hành chính]\n"
    text = config.read_text("utf-8")
    assert declared in text
    config.write_text(
        text.replace(declared, declared + "      cchc_category: cải cách hành chính\n"), "utf-8"
    )
    run = count(site, "--period", "2024")
    assert run.code != 0
    assert 'Có phải ý bạn là "Cải cách hành chính"?' in run.stderr
    assert "Traceback" not in run.stderr
