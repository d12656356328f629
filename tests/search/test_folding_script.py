"""The browser's folding agrees with Python's, and queries are widened to both spellings."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from trangxa.core.slugs import fold

from .node import call_script

REPO = Path(__file__).resolve().parents[2]
VOWELS = "aăâeêioôơuưy"
# Grave, acute, tilde, hook above, dot below: the five marked Vietnamese tones.
TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
CLAUSE = re.compile(r"^(?P<presence>[+-]?)(?P<word>[^*^~]+)(?P<wildcard>\*?)(?:\^(?P<boost>\d+))?$")


def vietnamese_letters() -> list[str]:
    """Every Vietnamese letter with every tone, in both cases, composed and decomposed."""
    letters = []
    for vowel in VOWELS:
        for tone in TONES:
            composed = unicodedata.normalize("NFC", vowel + tone)
            letters += [composed, composed.upper()]
    letters += ["d", "D", "đ", "Đ"]
    return letters + [unicodedata.normalize("NFD", letter) for letter in letters]


def sample_texts() -> list[str]:
    """The sample site's procedure records and posts, as staff wrote them."""
    paths = sorted((REPO / "procedures").rglob("*.yml")) + sorted((REPO / "posts").rglob("*.md"))
    return [path.read_text(encoding="utf-8") for path in paths]


def test_every_vietnamese_letter_folds_as_in_python() -> None:
    letters = vietnamese_letters()
    assert call_script("fold", letters) == [fold(letter) for letter in letters]


def test_folded_letters_are_plain_ascii() -> None:
    folded = call_script("fold", vietnamese_letters())
    assert all(letter.isascii() and letter.islower() for letter in folded), folded


def test_sample_content_folds_as_in_python() -> None:
    texts = sample_texts()
    assert len(texts) > 50, "thiếu nội dung mẫu trong procedures/ và posts/"
    folded = call_script("fold", texts)
    mismatched = [text[:60] for text, js in zip(texts, folded, strict=True) if js != fold(text)]
    assert not mismatched


def test_folding_twice_changes_nothing() -> None:
    once = call_script("fold", sample_texts())
    assert call_script("fold", once) == once


def clauses(query: str) -> dict[str, tuple[str, bool, int]]:
    """Widened query clauses by word: presence, whether a prefix, and boost (1 when none)."""
    result = {}
    for part in query.split():
        match = CLAUSE.match(part)
        assert match, f"mệnh đề không đúng cú pháp lunr: {part!r} trong {query!r}"
        # lunr lower-cases every query word itself.
        key = match["word"].lower() + match["wildcard"]
        result[key] = (match["presence"], bool(match["wildcard"]), int(match["boost"] or 1))
    return result


def test_plain_words_gain_a_whole_word_clause_and_keep_their_prefix() -> None:
    [widened] = call_script("widenQuery", ["dang* ky* 1.001193*"])
    found = clauses(widened)
    for word in ("dang", "ky", "1.001193"):
        assert found[word + "*"] == ("", True, 1)
        assert found[word][2] > 1, "cả từ phải được cộng điểm hơn tiền tố"


def test_marked_words_are_also_searched_folded_and_exact_spelling_weighs_most() -> None:
    [widened] = call_script("widenQuery", ["đăng* Ký*"])
    found = clauses(widened)
    for exact, folded in (("đăng", "dang"), ("ký", "ky")):
        assert found[exact + "*"] == found[folded + "*"] == ("", True, 1)
        assert found[exact][2] > found[folded][2] > 1


def test_decomposed_query_is_composed_before_widening() -> None:
    decomposed = unicodedata.normalize("NFD", "hộ*")
    [widened] = call_script("widenQuery", [decomposed])
    assert "hộ*" in widened.split()
    assert "ho*" in widened.split()


def test_required_word_is_required_in_either_spelling() -> None:
    [widened] = call_script("widenQuery", ["+hộ +tịch"])
    found = clauses(widened)
    assert found["ho"][0] == "+" and found["tich"][0] == "+"
    assert found["hộ"][0] == "" and found["tịch"][0] == ""


def test_prohibited_and_modified_words_are_left_alone() -> None:
    queries = ["-hồ*", "-ho", "hộ~1", "title:hộ*"]
    assert call_script("widenQuery", queries) == queries


def test_a_place_matched_in_both_spellings_is_marked_once() -> None:
    # Positions as Material's tokenizer packs them: block << 20 | index.
    metadata = {
        "hộ": {"title": {"position": [1, 2]}, "text": {"position": [7]}},
        "ho": {"title": {"position": [2, 3]}, "text": {"position": [7, 9]}},
    }
    [deduped] = call_script("dropRepeatedPositions", [metadata])
    for field in ("title", "text"):
        before = [p for term in metadata.values() for p in term[field]["position"]]
        after = [p for term in deduped.values() for p in term[field]["position"]]
        assert sorted(after) == sorted(set(before)), field
