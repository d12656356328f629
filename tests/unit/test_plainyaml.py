"""The hand reader of plain front matter answers exactly what PyYAML answers, or steps aside."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from trangxa.core.frontmatter import _StringDatesLoader, load_with_pyyaml, load_yaml_mapping
from trangxa.core.plainyaml import read_plain_mapping
from trangxa.core.problems import ContentError

RESOLVERS = _StringDatesLoader.yaml_implicit_resolvers


def plain(text: str) -> tuple[dict[str, object], dict[str, int]] | None:
    return read_plain_mapping(text, RESOLVERS, first_line=2)


def pyyaml(text: str) -> tuple[dict[str, object], dict[str, int]] | None:
    """PyYAML's reading, or None where it reports a problem."""
    try:
        return load_with_pyyaml(text, "posts/bai.md", first_line=2)
    except ContentError:
        return None


TYPICAL = (
    'title: "Đăng ký khai sinh trực tuyến: người dân cần chuẩn bị gì?"\n'
    "date: 15/03/2024 08:30\n"
    "categories: [Cải cách hành chính, Thông báo]\n"
    "tags: [hộ tịch, dịch vụ công]\n"
    "description: Một câu tóm tắt hiện trong danh sách tin và RSS.\n"
    "slug: dang-ky-khai-sinh\n"
    "draft:\n"
    "image: anh/le-hoi.jpg\n"
    "authors:\n"
    "  - vhxh\n"
    '  - "vpts"\n'
    "keywords:\n"
    "- một\n"
    "- hai\n"
)


def test_a_typical_post_is_read_by_hand_as_pyyaml_reads_it() -> None:
    result = plain(TYPICAL)
    assert result is not None
    assert result == pyyaml(TYPICAL)
    meta, lines = result
    assert meta["categories"] == ["Cải cách hành chính", "Thông báo"]
    assert meta["date"] == "15/03/2024 08:30"
    assert meta["draft"] is None
    assert lines["title"] == 2
    assert lines["tags"] == 5
    assert meta["authors"] == ["vhxh", "vpts"]
    assert meta["keywords"] == ["một", "hai"]
    assert lines["keywords"] == 13


@pytest.mark.parametrize(
    "text",
    [
        "draft: true\n",
        "draft: yes\n",
        "pin: 1\n",
        "readtime: 2.5\n",
        "title: null\n",
        "title: ~\n",
        "tags: [2024, hộ tịch]\n",
        "tags: [on, off]\n",
        "on: Tin tức\n",
        "date:\n  created: 2024-03-15\n",
        "authors:\n  - name: vhxh\n",
        "tags:\n  - a\n    - b\n",
        "tags:\n  - a\n   - b\n",
        "tags:\n  - [a]\n",
        "tags:\n  - - a\n",
        "tags:\n  -\n",
        "tags:\n  - a\n  b\n",
        "tags:\n  -a\n",
        "title: Tin tức # ghi chú\n",
        "title: Lịch tiếp dân: thứ Năm\n",
        "title: 'Phong trào ''Xanh'''\n",
        'title: "Dòng \\"một\\""\n',
        "title: Tin\n  nối dòng\n",
        "description: |\n  Đoạn văn\n",
        "title: Tin\ntitle: Tin khác\n",
        "title:Tin\n",
        "categories: [Tin tức\n",
        "tags: [a, , b]\n",
        "tags: [a?b]\n",
        "title: &neo Tin\n",
        "title: *neo\n",
        "title: Tin\x07\n",
        "title: Tin\u2028mới\n",
        "- Tin tức\n",
    ],
)
def test_anything_else_is_left_to_pyyaml(text: str) -> None:
    assert plain(text) is None


def test_errors_still_come_from_pyyaml_with_their_line() -> None:
    text = "title: Tin\ndate: 15/03/2024\ntitle: Tin khác\n"
    with pytest.raises(ContentError) as caught:
        load_yaml_mapping(text, "posts/bai.md", first_line=2)
    assert caught.value.problem.line == 4


KEYS = st.sampled_from(
    ["title", "date", "categories", "tags", "slug", "on", "yes", "null", "_x", "Title2"]
)
PIECES = st.sampled_from(
    [
        "Tin",
        "tức",
        "Đăng ký",
        " ",
        "  ",
        ":",
        ": ",
        "#",
        " #",
        ",",
        ", ",
        "[",
        "]",
        "{",
        "}",
        "'",
        '"',
        "\\",
        "-",
        "- ",
        "?",
        "!",
        "&",
        "*",
        "|",
        ">",
        "%",
        "@",
        "`",
        "~",
        "=",
        "<<",
        "0",
        "1",
        "2024",
        ".5",
        "1e3",
        "0x1F",
        "1_000",
        "12:30",
        "15/03/2024",
        "true",
        "no",
        "Null",
        "\u00a0",
        "\u0301",
        "\x7f",
        "\u2028",
        "\ufeff",
        "\r",
    ]
)
# Mostly words, so that many generated texts are plain enough to be read by hand.
WORDS = st.sampled_from(["Tin", "tức", "Đăng ký", "xã", "Hòa An", "2024", "08:30", "A1", " "])
VALUES = st.lists(st.one_of(WORDS, WORDS, WORDS, PIECES), max_size=6).map("".join)
PAIR = st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}")
LIST = st.tuples(KEYS, st.lists(VALUES, max_size=4)).map(
    lambda kv: f"{kv[0]}: [{', '.join(kv[1])}]"
)
BLOCK = st.tuples(KEYS, st.lists(VALUES, max_size=3), st.sampled_from(["", "  ", "    "])).map(
    lambda kiv: kiv[0] + ":" + "".join(f"\n{kiv[2]}- {item}" for item in kiv[1])
)
LINES = st.one_of(
    PAIR,
    BLOCK,
    PAIR,
    PAIR,
    LIST,
    LIST,
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]}:{kv[1]}"),
    VALUES,
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(LINES, max_size=4).map("\n".join))
@example("title: Tin tức\ncategories: [Tin tức, Thông báo]\n")
@example('title: Phong trào "Ngày Chủ nhật xanh" năm 2024\n')
@example("title: [a]b\n")
@example("tags: [ ]\n")
def test_whatever_is_read_by_hand_is_what_pyyaml_reads(text: str) -> None:
    result = plain(text)
    if result is not None:
        assert result == pyyaml(text)


SAFE_KEYS = st.sampled_from(["title", "date", "categories", "tags", "slug", "description"])
SAFE_VALUES = (
    st.lists(WORDS, min_size=1, max_size=5)
    .map("".join)
    .filter(lambda value: value.strip() == value and value != "")
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(SAFE_KEYS, SAFE_VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}"),
            st.tuples(SAFE_KEYS, st.lists(SAFE_VALUES, min_size=1, max_size=3)).map(
                lambda kv: kv[0] + ":" + "".join(f"\n  - {item}" for item in kv[1])
            ),
            # A colon inside a list item is always left to PyYAML.
            st.tuples(
                SAFE_KEYS, st.lists(SAFE_VALUES.filter(lambda v: ":" not in v), max_size=3)
            ).map(lambda kv: f"{kv[0]}: [{', '.join(kv[1])}]"),
        ),
        max_size=5,
        unique_by=lambda line: line.split(":")[0],
    ).map("\n".join)
)
def test_plain_front_matter_is_read_by_hand_and_agrees(text: str) -> None:
    result = plain(text)
    if re.search(r"(?:: |\[|, |- )[0-9]", text):
        # A value such as `2024` or `08:30` may be a number to YAML: either way they agree.
        assert result is None or result == pyyaml(text)
    else:
        assert result is not None
        assert result == pyyaml(text)
