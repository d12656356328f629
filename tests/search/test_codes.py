"""Code files: the few posts holding a word with a digit, filed under the word's hash."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

from trangxa.search import titles
from trangxa.search.codes import (
    CODES_DIR,
    MOST_POSTS,
    code_file_count,
    code_table,
    code_words,
    write_code_files,
)
from trangxa.search.titles import plain

# Pieces of Vietnamese text with the characters plain() treats apart: letters with marks,
# composed or not, đ, digits and other numbers, dots, punctuation, underscores, tags.
PIECES = [
    "Đăng", "ký", "khai", "sinh", "Hoà", "Ho\u0300a", "gia\u0309i", "ĐỒNG", "mẫu", "xã",
    "2.046", "1.001193", "15/2024", "01.7.2024", "3²", "½", "Ⅻ", "٣", "v1.2b", "a.b", "x_y",
    ".", "..", ". ", ",", ";", "—", "(", ")", "&", "'", '"', "_", "…", "-", ":", "?", "!",
    "<b>", "</b>", '<a href="/x">', "</a>", "<br/>", " ", "  ", "\n", "\t", "\u00a0",
]  # fmt: skip


def generated_text(seed: int) -> str:
    chosen = random.Random(seed)
    return "".join(chosen.choice(PIECES) for _ in range(chosen.randint(0, 120)))


def _letter_or_number(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def reference_plain(text: str) -> str:
    """The worker's `plain` read character by character, as its regular expression reads
    text: composed, lower case, tags and punctuation as spaces; a dot stays only before a
    number. Slow, and plain in another way than the site's, to compare it with."""
    text = re.sub(r"<[^>]*>", " ", unicodedata.normalize("NFC", text).lower())
    out: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if _letter_or_number(char):
            out.append(char)
            at += 1
        elif char == ".":
            following = text[at + 1 : at + 2]
            out.append("." if following and unicodedata.category(following)[0] == "N" else " ")
            at += 1
        else:
            while at < len(text) and text[at] != "." and not _letter_or_number(text[at]):
                at += 1
            out.append(" ")
    return "".join(out).strip()


def test_plain_gives_the_text_the_workers_plain_gives() -> None:
    for seed in range(3000):
        text = generated_text(seed)
        assert plain(text) == reference_plain(text), repr(text)


def test_code_words_are_the_words_of_plain_holding_a_digit() -> None:
    for seed in range(3000):
        text = generated_text(seed)
        words = titles.fold(titles.plain(text)).split(" ")
        expected = {word for word in words if any(char.isdecimal() for char in word)}
        assert code_words("", text) == expected, repr(text)


def test_code_words_are_the_folded_words_holding_a_digit() -> None:
    words = code_words(
        "Thủ tục 1.001193 (mã Đ5)",
        "<p>Biểu mẫu <b>2.046</b> thôi dùng từ 01.7.2024, theo văn bản 15/2024/NĐ-CP.</p>"
        "<p>Số 3.000 người – không phải &#8211; số.</p>",
    )
    assert words == {"1.001193", "d5", "2.046", "01.7.2024", "15", "2024", "3.000"}


def post(number: int, text: str) -> tuple[str, str, str, str]:
    return (f"tin-tuc/2020/bai-{number}/", "Thông báo", text, f"Tóm tắt <{number}> & thêm")


def test_words_more_than_a_screen_of_posts_hold_are_left_out() -> None:
    posts = [post(n, f"<p>Năm 2024, mã {n}.{n}.</p>") for n in range(MOST_POSTS + 1)]
    posts += [post(100 + n, "<p>Biểu mẫu 2.046.</p>") for n in range(MOST_POSTS)]
    table = code_table(posts)
    assert "2024" not in table
    assert [entry[0] for entry in table["2.046"]] == [
        f"/tin-tuc/2020/bai-{100 + n}/" for n in range(MOST_POSTS)
    ]
    assert table["3.3"] == [["/tin-tuc/2020/bai-3/", "Thông báo", "Tóm tắt &lt;3&gt; &amp; thêm"]]
    assert set(table) == {f"{n}.{n}" for n in range(MOST_POSTS + 1)} | {"2.046"}


def test_every_word_is_in_the_file_its_hash_names(tmp_path: Path) -> None:
    (tmp_path / CODES_DIR).mkdir()
    (tmp_path / CODES_DIR / "999.json").write_text("{}", encoding="utf-8")
    posts = [post(n, f"<p>Hồ sơ số {n}/HS-UBND, mã 1.{n:06d}.</p>") for n in range(200)]
    count = write_code_files(tmp_path, posts)
    table = code_table(posts)
    assert count == code_file_count(table) > 1
    files = sorted((tmp_path / CODES_DIR).iterdir(), key=lambda path: int(path.stem))
    # Every file is written, and no file of an earlier build is left.
    assert [path.name for path in files] == [f"{number}.json" for number in range(count)]
    filed = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    for word, holders in table.items():
        assert filed[titles.title_hash(word) % count][word] == holders
    assert sum(len(words) for words in filed) == len(table) == 400
    assert max(path.stat().st_size for path in files) < 4000


def test_posts_without_rare_codes_leave_no_code_files(tmp_path: Path) -> None:
    (tmp_path / CODES_DIR).mkdir()
    assert write_code_files(tmp_path, [post(1, "<p>Không có số.</p>")]) == 0
    assert not (tmp_path / CODES_DIR).exists()
