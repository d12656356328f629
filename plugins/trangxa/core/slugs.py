"""Vietnamese text turned into URL slugs and into plain letters for searching."""

from __future__ import annotations

import re
import string
import unicodedata

# Unicode decomposition leaves the stroke of đ in place, so it is mapped by hand.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "d"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CUSTOM_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]*")


class _DropMarks(dict[int, int | None]):
    """str.translate table that drops combining marks, filled in as characters come.

    Asking unicodedata about each character of each title, one by one, was most of what
    making a slug cost; translate does the walk in C and each character is asked once.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_MARKS = _DropMarks()


class _SlugLetters(dict[int, str]):
    """str.translate table from a character to what _strip_marks makes of it alone.

    _strip_marks works character by character: lowering a letter, decomposing it and dropping
    its marks never looks at its neighbours, except the Greek final sigma and the order of
    combining marks, which both end up outside a-z and 0-9 and so cut the slug the same way.
    One translate through this table replaces the lowering, the decomposition and the dropping.
    """

    def __missing__(self, code: int) -> str:
        letters = _strip_marks(chr(code))
        self[code] = letters
        return letters


_SLUG_LETTERS = _SlugLetters()


def _strip_marks(text: str) -> str:
    """Lower case, đ → d, and every combining mark dropped."""
    lowered = text.lower().translate(_D_STROKE)
    return unicodedata.normalize("NFD", lowered).translate(_DROP_MARKS)


def fold(text: str) -> str:
    """Text without case or diacritics, spaces and punctuation kept: "Đăng ký" → "dang ky"."""
    # Recompose what is left, so letters of other scripts (Hangul, for one) stay whole.
    return unicodedata.normalize("NFC", _strip_marks(unicodedata.normalize("NFC", text)))


def _cut(slug: str, max_length: int) -> str:
    """Shorten to max_length, at a word boundary when there is one."""
    if len(slug) <= max_length:
        return slug
    head = slug[:max_length]
    if slug[max_length] != "-":
        boundary = head.rfind("-")
        if boundary > 0:
            head = head[:boundary]
    return head.strip("-")


def _latin_letters() -> str:
    """Letters beyond ASCII that lowering, decomposing and dropping marks makes ASCII: the
    Vietnamese ones and their Latin kin (a few hundred, found at start in a millisecond)."""
    kept = []
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        parts = unicodedata.normalize("NFD", chr(code).lower().translate(_D_STROKE))
        if all(part.isascii() or unicodedata.combining(part) for part in parts):
            kept.append(chr(code))
    return "".join(kept)


# Text of ASCII and such letters only (nearly every title): its slug letters come from
# lowering, decomposing and encoding to ASCII the whole text at once, which drops exactly the
# marks, in C. Any other character takes the table, one character at a time.
_PLAIN_LATIN = re.compile(f"[\x00-\x7f{re.escape(_latin_letters())}]*")


# Each byte kept in a slug as it is, every other byte a space: the words of a slug split at
# them.
_SLUG_BYTES = bytes(
    code if chr(code) in string.ascii_lowercase + string.digits else 0x20 for code in range(256)
)


def _slug_words(text: str) -> str:
    """The slug before cutting: its letters and digits, each run of anything else one "-"."""
    if _PLAIN_LATIN.fullmatch(text):
        lowered = text.lower().replace("đ", "d")
        letters = unicodedata.normalize("NFD", lowered).encode("ascii", "ignore")
        # What _NOT_SLUG.sub does, done by translate, split and join in C: a third of the time.
        return b"-".join(letters.translate(_SLUG_BYTES).split()).decode("ascii")
    return _NOT_SLUG.sub("-", text.translate(_SLUG_LETTERS)).strip("-")


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug of Vietnamese text: "Đăng ký khai sinh" → "dang-ky-khai-sinh"."""
    if max_length < 1:
        raise ValueError("max_length phải từ 1 trở lên")
    normalized = unicodedata.normalize("NFC", text)
    slug = _cut(_slug_words(normalized), max_length)
    if slug:
        return slug
    # Titles of only symbols or another script still need a stable, distinct address.
    # hashlib loaded only then: OpenSSL takes milliseconds to load, and every count loads this
    # module before its second reading process can start.
    import hashlib

    digest = hashlib.sha1(normalized.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return _cut(f"bai-{digest}", max_length)


def check_custom_slug(value: str) -> str | None:
    """A Vietnamese message when a slug chosen by staff cannot be used as a URL, else None."""
    text = unicodedata.normalize("NFC", value)
    if _CUSTOM_SLUG.fullmatch(text) and ".." not in text:
        return None
    reasons = []
    if not text.strip():
        reasons.append("đang để trống")
    if "/" in text or "\\" in text:
        reasons.append('có dấu gạch chéo "/"')
    if ".." in text:
        reasons.append('có hai dấu chấm liền nhau ".."')
    if any(char.isspace() for char in text):
        reasons.append("có dấu cách")
    if any(char.isupper() for char in text):
        reasons.append("có chữ in hoa")
    if not text.isascii():
        reasons.append("có chữ có dấu hoặc ký tự không phải chữ cái tiếng Anh")
    if not reasons:
        reasons.append(
            'có ký tự không dùng được trong đường dẫn hoặc bắt đầu bằng "-", "." hay "_"'
        )
    advice = (
        "hãy điền ví dụ dang-ky-khai-sinh, hoặc bỏ hẳn dòng này để đường dẫn được tạo từ tiêu đề"
        if not text.strip()
        else f"hãy viết {slugify(text)}"
    )
    return (
        f'Đường dẫn (slug) "{value.strip()}" {", ".join(reasons)}. Đường dẫn chỉ gồm chữ '
        f"thường không dấu (a-z), chữ số và dấu gạch ngang: {advice}."
    )


def heading_slug(value: str, separator: str = "-") -> str:
    """Anchor ids for headings (Markdown's toc `slugify` option): đ becomes d there too."""
    slug = slugify(value, max_length=120)
    return slug if separator == "-" else slug.replace("-", separator)
