"""Slugs and folded text for Vietnamese titles."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from trangxa.core.slugs import check_custom_slug, fold, slugify

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Đăng ký khai sinh", "dang-ky-khai-sinh"),
        ("Quý I/2024", "quy-i-2024"),
        ("ĐẢNG BỘ XÃ HÒA AN", "dang-bo-xa-hoa-an"),
        ("Đường điện đã được đầu tư", "duong-dien-da-duoc-dau-tu"),
        ("Thủ tục: Cấp bản sao trích lục hộ tịch!", "thu-tuc-cap-ban-sao-trich-luc-ho-tich"),
        ("  --Hội nghị   tổng kết--  ", "hoi-nghi-tong-ket"),
        ("Tuyên truyền CCHC năm 2024 (đợt 2)", "tuyen-truyen-cchc-nam-2024-dot-2"),
        ("Ưu tiên người cao tuổi", "uu-tien-nguoi-cao-tuoi"),
        ("Nghị định 09/2019/NĐ-CP", "nghi-dinh-09-2019-nd-cp"),
        ("../../etc/passwd", "etc-passwd"),
        ("Mẫu_tờ_khai.docx", "mau-to-khai-docx"),
        ("Cà phê – trà", "ca-phe-tra"),
    ],
)
def test_vietnamese_titles(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_nfd_input_gives_the_same_slug() -> None:
    title = "Đăng ký kết hôn có yếu tố nước ngoài"
    decomposed = unicodedata.normalize("NFD", title)
    assert decomposed != title
    assert slugify(decomposed) == slugify(title) == "dang-ky-ket-hon-co-yeu-to-nuoc-ngoai"


def test_nothing_left_gives_a_stable_hash_slug() -> None:
    first = slugify("!!!")
    assert re.fullmatch(r"bai-[0-9a-f]{8}", first)
    assert slugify("!!!") == first
    assert slugify("???") != first
    assert re.fullmatch(r"bai-[0-9a-f]{8}", slugify(""))
    # The hash is taken after NFC, so the two spellings of a symbol-only title agree.
    assert slugify(unicodedata.normalize("NFD", "—̃—")) == slugify("—̃—")
    assert slugify("中文") == slugify("中文") != slugify("日本")


def test_long_titles_are_cut_on_a_word_boundary() -> None:
    title = "Hội nghị tổng kết công tác cải cách hành chính năm 2024 và triển khai nhiệm vụ 2025"
    assert slugify(title, max_length=30) == "hoi-nghi-tong-ket-cong-tac-cai"
    assert slugify(title, max_length=28) == "hoi-nghi-tong-ket-cong-tac"
    assert slugify(title, max_length=25) == "hoi-nghi-tong-ket-cong"
    assert slugify("a" * 100, max_length=10) == "a" * 10
    assert len(slugify(title)) <= 80


def test_default_cut_is_80() -> None:
    words = "-".join(["xa"] * 50)
    # 27 words fill exactly 80 characters (27 * 3 - 1); the 28th does not fit.
    assert slugify(words) == "-".join(["xa"] * 27)
    assert slugify(words + "x", max_length=81) == "-".join(["xa"] * 27)


def test_max_length_must_be_positive() -> None:
    with pytest.raises(ValueError):
        slugify("a", max_length=0)


@given(st.text(), st.integers(min_value=1, max_value=120))
@example("İstanbul", 80)
@example("\u212a", 80)  # Kelvin sign, lower-cases to ASCII k
@example("ß", 80)
@example("!!!", 3)
@example("a-b", 2)
def test_slug_properties(text: str, max_length: int) -> None:
    slug = slugify(text, max_length)
    assert slug
    assert slug.isascii()
    assert SLUG.fullmatch(slug), slug
    assert "/" not in slug and ".." not in slug
    assert len(slug) <= max_length
    assert slugify(text, max_length) == slug
    assert slugify(slug, max_length) == slug
    assert slugify(unicodedata.normalize("NFD", text), max_length) == slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("Quý I/2024", "quy i/2024"),
        ("ĐẢNG BỘ, chính quyền!", "dang bo, chinh quyen!"),
        ("  hai  dấu cách  ", "  hai  dau cach  "),
        ("dang ky", "dang ky"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_matches_nfd_and_keeps_other_scripts_whole() -> None:
    assert fold(unicodedata.normalize("NFD", "Hộ tịch")) == "ho tich"
    assert fold("한국") == "한국"


@given(st.text())
def test_fold_has_no_combining_marks_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert fold(folded) == folded
    assert "đ" not in folded and "Đ" not in folded
    assert not any(unicodedata.combining(char) for char in unicodedata.normalize("NFD", folded))


@pytest.mark.parametrize(
    "slug", ["dang-ky-khai-sinh", "quy-i-2024", "2024", "bao-cao_6-thang", "mau.01"]
)
def test_good_custom_slugs(slug: str) -> None:
    assert check_custom_slug(slug) is None


@pytest.mark.parametrize(
    ("slug", "fragments"),
    [
        ("Quý I/2024", ['"/"', "chữ in hoa", "dấu cách", "có dấu", "quy-i-2024"]),
        ("tin/tuc", ['"/"', "tin-tuc"]),
        ("../bi-mat", ['".."', "bi-mat"]),
        ("dang ky", ["dấu cách", "dang-ky"]),
        ("Dang-Ky", ["chữ in hoa", "dang-ky"]),
        ("đăng-ký", ["có dấu", "dang-ky"]),
        ("tin?id=3", ["không dùng được", "tin-id-3"]),
        ("-dang-ky", ["không dùng được", "dang-ky"]),
        ("", ["để trống"]),
    ],
)
def test_bad_custom_slugs(slug: str, fragments: list[str]) -> None:
    message = check_custom_slug(slug)
    assert message is not None
    for fragment in fragments:
        assert fragment in message
    assert "chữ thường không dấu" in message
