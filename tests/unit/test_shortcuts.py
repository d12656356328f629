"""Each shortcut taken to read posts faster gives exactly what the general way gives.

The shortcuts: read_source skips its search for control characters when the bytes show
there are none, and reads with plain system calls; split_front_matter finds the closing line
with one search; slugify drops marks through a per-character table, and cuts Latin text into
words with bytes.translate; the plain front-matter reader spells the characters it refuses
instead of those it keeps; dates in plain ISO form are read by the standard library;
is_post_file finds a file's suffix without os.path.splitext. Each is compared here with the
general way on varied and hostile text, on the sample site's posts and on posts of the
benchmark generator.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from trangxa.core import dates, plainyaml, slugs
from trangxa.core.frontmatter import FrontMatter, load_yaml_mapping, split_front_matter
from trangxa.core.problems import ContentError, Problem
from trangxa.core.textfile import (
    SourceText,
    clean_text,
    read_bytes,
    read_bytes_and_stat,
    read_source,
)
from trangxa.news import collect

from tests.security.corpus import HOSTILE, post_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_POSTS = sorted((ROOT / "posts").rglob("*.md"))

# Pieces that each take one of the ways: control characters, CR, U+FFFx, surrogates written
# as UTF-8, NFD, a BOM, bytes that are not UTF-8, front-matter lines and plain text.
PIECES = [
    "---\n",
    "title: Tin\n",
    "date: 15/03/2024\n",
    "\r\n",
    "\r",
    "\n",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1f",
    "\t",
    "\ufffe",
    "\uffff",
    "\ufff9",
    "\ufeff",
    "Hòa An",
    "Hoa\u0300 An",
    "ệ",
    "e\u0302\u0323",
    "\u2028",
    "\x85",
    "...\n",
    "--- \n",
    "# Tiêu đề\n",
    "a",
    " ",
]
PIECE_BYTES = [piece.encode("utf-8") for piece in PIECES] + [
    b"\xef\xbb\xbf",
    b"\xed\xa0\x80",
    b"\xff",
    b"\xc3",
    b"\xa1",
]


def _read(path: Path) -> SourceText | Problem:
    try:
        return read_source(path, "posts/bai.md")
    except ContentError as exc:
        return exc.problem


def _general(data: bytes) -> SourceText | None:
    """What the general way makes of text that decodes; None for files read_source refuses."""
    had_bom = data.startswith(b"\xef\xbb\xbf")
    try:
        decoded = data[3 if had_bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not decoded.strip() or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return clean_text(decoded, had_bom)


# Each example writes the same file again, so the folder may be shared.
@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(PIECE_BYTES), max_size=30).map(b"".join))
@example(b"---\ntitle: Tin\n---\nN\xe1\xbb\x99i dung\n")
@example(b"a\x0bb\r\nc\xef\xbf\xbe")
def test_read_source_gives_what_the_general_way_gives(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bai.md"
    path.write_bytes(data)
    read = _read(path)
    expected = _general(data)
    if expected is None:
        assert isinstance(read, Problem)
    else:
        assert read == expected


@pytest.mark.parametrize("path", SAMPLE_POSTS, ids=lambda path: path.name)
def test_sample_posts_read_as_the_general_way_reads_them(path: Path) -> None:
    assert read_source(path, "bai.md") == _general(path.read_bytes())


def _split_by_lines(text: str, path: str) -> FrontMatter:
    """The front matter found by walking the text line by line, as an oracle."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return FrontMatter({}, text, 1, {}, has_block=False)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            meta, key_lines = load_yaml_mapping("\n".join(lines[1:index]), path, first_line=2)
            return FrontMatter(meta, "\n".join(lines[index + 1 :]), index + 2, key_lines)
    raise ContentError(Problem(path, 1, "không đóng"))


def _outcome(split: object, text: str) -> tuple[object, ...]:
    try:
        front = split(text, "posts/bai.md")  # type: ignore[operator]
    except ContentError as exc:
        return ("lỗi", exc.problem.line)
    assert isinstance(front, FrontMatter)
    return (front.meta, front.body, front.body_line, front.key_lines, front.has_block)


FRONT_PIECES = [
    "---",
    "...",
    "\n",
    " ",
    "\t",
    "\x85",
    "\u2028",
    "\xa0",
    "\u3000",
    "title: Tin",
    "date: x",
    "-- -",
    "----",
    "--- a",
    "x",
    "\n---\n",
    "\n...\n",
    "tags:\n  - a",
    "#",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(FRONT_PIECES), max_size=24).map("".join))
@example("---\ntitle: Tin\n--- \t\nThân bài\n")
@example("---\n---")
@example("---\ntitle: a\n...\n---\n")
def test_split_front_matter_finds_the_line_a_line_walk_finds(text: str) -> None:
    assert _outcome(split_front_matter, text) == _outcome(_split_by_lines, text)


@pytest.mark.parametrize("path", SAMPLE_POSTS, ids=lambda path: path.name)
def test_sample_front_matter_splits_as_a_line_walk_splits(path: Path) -> None:
    text = read_source(path, "bai.md").text
    assert _outcome(split_front_matter, text) == _outcome(_split_by_lines, text)


def test_hostile_post_splits_as_a_line_walk_splits() -> None:
    text = post_text(HOSTILE)
    assert _outcome(split_front_matter, text) == _outcome(_split_by_lines, text)


def _slug_by_whole_text(text: str) -> str:
    """slugify's letters taken from the whole text at once: lower, NFD, marks dropped."""
    normalized = unicodedata.normalize("NFC", text)
    return slugs._NOT_SLUG.sub("-", slugs._strip_marks(normalized)).strip("-")


def _slug_by_table(text: str) -> str:
    normalized = unicodedata.normalize("NFC", text)
    return slugs._NOT_SLUG.sub("-", normalized.translate(slugs._SLUG_LETTERS)).strip("-")


@settings(max_examples=1000, deadline=None)
@given(st.text())
@example("ΑΣ ΟΔΟΣ Σ")  # Greek capital sigma lowers to ς at the end of a word only
@example("İstanbul Ǆ ß ﬁ")  # lowering or folding to more than one letter
@example("Hoa\u0300 An \u1100\u1161\u11a8 한국")  # NFD Vietnamese, Hangul jamo and syllables
@example("a\u0323\u0302 e\u0302\u0301 \u0dd9\u0dcf")  # marks written in another order
def test_slug_letters_through_the_table_are_those_of_the_whole_text(text: str) -> None:
    assert _slug_by_table(text) == _slug_by_whole_text(text)


def test_slug_letters_of_every_character_between_letters() -> None:
    # Every code point outside the surrogates, between letters, a block of them at a time.
    for start in range(0, sys.maxunicode + 1, 4096):
        codes = range(start, min(start + 4096, sys.maxunicode + 1))
        text = " ".join(f"a{chr(code)}Σ" for code in codes if not 0xD800 <= code <= 0xDFFF)
        assert _slug_by_table(text) == _slug_by_whole_text(text), hex(start)


def _slug_by_plain_latin(text: str) -> str:
    return slugs._slug_words(unicodedata.normalize("NFC", text))


LATIN = slugs._latin_letters()


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(f"{LATIN}aAzZ09 -.,:;()/\"'!?đĐ\t\n")))
@example("Hội Nông dân xã tập huấn kỹ thuật trồng lúa (đợt 6)")
@example("ĐĂNG KÝ KHAI SINH: İ Ÿ ÿ Ǘ Ơ ư")
def test_slug_letters_of_plain_latin_text_are_those_of_the_table(text: str) -> None:
    assert slugs._PLAIN_LATIN.fullmatch(text)
    assert _slug_by_plain_latin(text) == _slug_by_table(text)


def test_slug_letters_of_every_character_the_plain_latin_way_accepts() -> None:
    # Each ASCII character and each letter of the list, alone and between letters.
    for char in [chr(code) for code in range(128)] + list(LATIN):
        for text in (char, f"a{char}b", f"{char}{char.upper()}{char.lower()}"):
            if slugs._PLAIN_LATIN.fullmatch(text):
                assert _slug_by_plain_latin(text) == _slug_by_table(text), repr(text)


def test_bench_posts_read_as_the_general_way_reads_them(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    generate.write_sites(tmp_path, 200, 3)
    paths = sorted((tmp_path / "trangxa" / "posts").rglob("*.md"))
    assert len(paths) == 200
    for path in paths:
        read = read_source(path, "bai.md")
        assert read == _general(path.read_bytes())
        assert _outcome(split_front_matter, read.text) == _outcome(_split_by_lines, read.text)
        title = split_front_matter(read.text, "bai.md").meta["title"]
        assert _slug_by_table(title) == _slug_by_whole_text(title)


def test_plain_reader_refuses_the_characters_it_refused_when_spelled_by_what_it_keeps() -> None:
    # The set as first written: everything outside YAML's printable characters, "#", and
    # line breaks other than "\n".
    not_kept = re.compile(
        "[^\x09\x0a\x20-\x22\x24-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    )
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    refused = [match.start() for match in plainyaml._REFUSED.finditer(every)]
    assert refused == [match.start() for match in not_kept.finditer(every)]
    assert 0x23 in refused and 0x2028 in refused and 0x0A not in refused


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 200_000])
def test_read_bytes_reads_every_byte(tmp_path: Path, size: int) -> None:
    path = tmp_path / "tep.bin"
    data = bytes(range(256)) * (size // 256) + bytes(range(size % 256))
    path.write_bytes(data)
    assert read_bytes(path) == data
    # The signature of the memo, asked of the open file, is what asking by name gives.
    read, stat = read_bytes_and_stat(path)
    by_name = os.stat(path)
    assert read == data
    assert (stat.st_size, stat.st_mtime_ns, stat.st_ino) == (
        by_name.st_size,
        by_name.st_mtime_ns,
        by_name.st_ino,
    )


def test_read_bytes_fails_as_the_file_object_fails(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "khong-co.md"):
        with pytest.raises(OSError) as ours:
            read_bytes(path)
        with pytest.raises(OSError) as theirs:
            path.read_bytes()
        assert ours.value.strerror == theirs.value.strerror


DATE_PIECES = [
    "2024",
    "0001",
    "9999",
    "-",
    "03",
    "3",
    "15",
    "31",
    "30",
    "29",
    "00",
    "13",
    "T",
    " ",
    ":",
    "08",
    "23",
    "24",
    "59",
    "60",
    "+07:00",
    "-00:00",
    "+23:59",
    "+24:00",
    "Z",
    ".5",
    "/",
    "\u0661",
]


def _general_date(text: str) -> object:
    try:
        return dates._parse_text(text)[0]
    except dates.DateParseError as exc:
        return str(exc)


def _date(text: str) -> object:
    try:
        return dates.parse_date(text)
    except dates.DateParseError as exc:
        return str(exc)


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=12).map("".join))
@example("2024-03-15T08:30:00+07:00")
@example("2024-02-30T08:30:00+07:00")
@example("0001-01-01T00:00+07:00")
@example("9999-12-31T23:59:59-23:59")
@example("2024-03-15 08:30")
@example("2024-03-15")
def test_plain_iso_dates_read_as_the_general_way_reads_them(text: str) -> None:
    fast, general = _date(text), _general_date(text)
    assert fast == general
    if isinstance(fast, datetime):
        assert isinstance(general, datetime)
        assert (fast.utcoffset(), fast.tzname()) == (general.utcoffset(), general.tzname())


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from("./\\amdMDrkonwAKR x"), max_size=16))
@example("posts/2024/tin.md")
@example("posts/.md")
@example("posts/..MarkDown")
@example("a.md/b")
@example("a\\.md")
@example(".md")
def test_post_files_told_by_suffix_as_splitext_tells_them(path: str) -> None:
    assert collect.is_post_file(path) == (
        os.path.splitext(path)[1].lower() in collect.MARKDOWN_SUFFIXES
    )
