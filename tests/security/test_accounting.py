"""Every file under posts/ is accounted for the same way by check, count and build."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest
from trangxa.core.walk import skip_reason, walk_folder

from tests.security.corpus import write_hostile_site
from tests.security.runner import run_module

SKIPPED = {
    "posts/2025/.an.md",
    "posts/2025/._an.md",
    "posts/2025/.#an.md",
    "posts/2025/~$bao-cao.docx",
    "posts/2025/an.md~",
    "posts/2025/hong.md",
    "posts/vong/",
}
NFD_NAME = unicodedata.normalize("NFD", "Kế hoạch năm.pdf")


def _post(title: str, body: str = "Nội dung.\n") -> str:
    return (
        f"---\ntitle: {title}\ndate: 15/03/2025 08:00\ncategories: [Cải cách hành chính]\n"
        f"---\n\n{body}"
    )


def messy_site(root: Path) -> Path:
    """A site holding every kind of file phones, Macs, editors and shared folders leave."""
    write_hostile_site(root, "thường")
    posts = root / "posts"
    folder = posts / "2025"
    outside = root.parent / f"{root.name}-ngoai"
    (outside / "2025").mkdir(parents=True)
    (outside / "2025" / "ngoai.md").write_text(_post("Tin thư mục liên kết"), "utf-8")
    (posts / "lien-ket").symlink_to(outside, target_is_directory=True)
    (posts / "vong").symlink_to(posts, target_is_directory=True)
    (folder / ".an.md").write_text(_post("Tin ẩn"), "utf-8")
    (folder / "._an.md").write_bytes(b"\x00\x05\x16\x07Mac OS X\x00\x00")
    (folder / ".#an.md").symlink_to("nguoi@may.1234:1700000000")
    (folder / "~$bao-cao.docx").write_bytes(b"\x00lock")
    (folder / "an.md~").write_text(_post("Bản cũ"), "utf-8")
    (folder / "hong.md").symlink_to(root / "khong-co.md")
    (folder / NFD_NAME).write_bytes(b"%PDF-1.4\n%%EOF\n")
    link = unicodedata.normalize("NFC", "Kế%20hoạch%20năm.pdf")
    (folder / "ke-hoach.md").write_text(_post("Kế hoạch", f"[Tải]({link})\n"), "utf-8")
    (folder / "trong.md").write_text(_post("Chỉ khai báo", ""), "utf-8")
    cache = root / ".cache" / "trangxa"
    cache.mkdir(parents=True)
    (cache / "posts.pickle").write_bytes(b"\x80\x05\x95garbage")
    return root


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return messy_site(tmp_path_factory.mktemp("messy") / "site-root")


def _named(output: str) -> set[str]:
    return {path for path in SKIPPED if re.search(re.escape(path) + r"[:;\s]", output + "\n")}


@pytest.mark.parametrize("name", [".x.md", "._x.md", ".#x.md", "~$x.docx", "x.md~", "#x.md#"])
def test_hidden_and_editor_names_are_skipped(name: str) -> None:
    assert skip_reason(name) is not None


@pytest.mark.parametrize("name", ["x.md", "ke-hoach.pdf", "a~b.md", "x#.md"])
def test_ordinary_names_are_read(name: str) -> None:
    assert skip_reason(name) is None


def test_the_walk_follows_linked_folders_once_and_lists_the_rest(messy: Path) -> None:
    walk = walk_folder(messy / "posts", messy)
    sources = [source for _, source in walk.files]
    assert "posts/lien-ket/2025/ngoai.md" in sources
    assert unicodedata.normalize("NFC", f"posts/2025/{NFD_NAME}") in sources
    assert {problem.path for problem in walk.skipped} == SKIPPED
    assert not any("/vong/" in source for source in sources)


def test_check_lists_every_skipped_file(messy: Path) -> None:
    run = run_module(messy, "trangxa", "check")
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    assert _named(output) == SKIPPED
    assert "posts/2025/trong.md:6:" in output and "chưa có nội dung" in output


def test_count_rebuilds_a_damaged_cache_and_lists_the_same_files(messy: Path) -> None:
    run = run_module(messy, "trangxa", "count", "--period", "2025")
    assert run.returncode == 0, run.stderr
    assert "bộ nhớ đệm" in run.stderr and "bị hỏng" in run.stderr
    assert _named(run.stderr) == SKIPPED
    # Two posts of the corpus, the linked folder's, the attachment's and the bodiless one.
    assert "đã đăng tải 5 tin, bài" in run.stdout
    again = run_module(messy, "trangxa", "count", "--period", "2025")
    assert "bị hỏng" not in again.stderr and again.stdout == run.stdout


def test_build_lists_the_same_files_and_publishes_what_check_counts(messy: Path) -> None:
    run = run_module(messy, "mkdocs", "build")
    assert run.returncode == 0, run.stderr
    assert _named(run.stderr) == SKIPPED
    assert "Traceback" not in run.stderr
    site = messy / "site" / "tin-tuc" / "2025"
    assert (site / "tin-thu-muc-lien-ket" / "index.html").is_file()
    page = (site / "ke-hoach" / "index.html").read_text("utf-8")
    assert unicodedata.normalize("NFC", "Kế hoạch năm.pdf") in unicodedata.normalize("NFC", page)
    assert "không có tệp này" not in run.stderr
    published = {os.path.basename(p) for p in os.listdir(site)}
    assert "tin-an" not in published and "ban-cu" not in published


def test_strict_build_stops_on_a_broken_link_and_a_looping_folder(messy: Path) -> None:
    run = run_module(messy, "mkdocs", "build", "--strict", "-d", str(messy / "site-strict"))
    assert run.returncode != 0
    assert "posts/2025/hong.md" in run.stderr and "posts/vong/" in run.stderr
