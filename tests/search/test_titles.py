"""Title files: older posts filed under the hash of their title in the worker's form."""

from __future__ import annotations

import json
from pathlib import Path

from trangxa.search.titles import (
    TITLES_DIR,
    title_file_count,
    title_hash,
    title_key,
    write_title_files,
)


def test_title_key_is_lower_case_without_marks_or_punctuation() -> None:
    assert title_key("Đăng ký nhận cha, mẹ, con") == "dang ky nhan cha me con"
    # Old and new tone placement, composed or not, give one key.
    assert title_key("Hoà giải") == title_key("Hòa giải") == title_key("Ho\u0300a gia\u0309i")
    # A dot between numbers is part of a code; other dots are punctuation.
    assert title_key("Mẫu 2.046 thôi dùng.") == "mau 2.046 thoi dung"
    assert title_key("<b>Lễ hội</b> làng  Đông") == "le hoi lang dong"


def test_title_hash_is_fnv1a_of_the_utf8_bytes() -> None:
    # Published FNV-1a (32 bits) values.
    assert title_hash("") == 0x811C9DC5
    assert title_hash("a") == 0xE40C292C
    assert title_hash("foobar") == 0xBF9CF968
    assert title_hash("dang ky") != title_hash("dang ky ")


def test_every_post_is_in_the_file_its_title_names(tmp_path: Path) -> None:
    posts = [
        (f"tin-tuc/2020/bai-{number}/", f"Bài số {number}: Đường làng", f"Tóm tắt <{number}>")
        for number in range(40)
    ]
    count = write_title_files(tmp_path, posts)
    assert count == title_file_count(len(posts)) == 5
    files = sorted((tmp_path / TITLES_DIR).iterdir())
    assert [path.name for path in files] == [f"{number}.json" for number in range(count)]
    for url, title, summary in posts:
        number = title_hash(title_key(title)) % count
        entries = json.loads((tmp_path / TITLES_DIR / f"{number}.json").read_text("utf-8"))
        assert ["/" + url, title, summary.replace("<", "&lt;").replace(">", "&gt;")] in entries
    listed = [json.loads(path.read_text("utf-8")) for path in files]
    assert sum(len(entries) for entries in listed) == len(posts)


def test_no_older_posts_leave_no_title_files(tmp_path: Path) -> None:
    (tmp_path / TITLES_DIR).mkdir()
    (tmp_path / TITLES_DIR / "0.json").write_text("[]", encoding="utf-8")
    assert write_title_files(tmp_path, []) == 0
    assert not (tmp_path / TITLES_DIR).exists()
