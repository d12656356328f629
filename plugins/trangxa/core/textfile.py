"""Text files read the same way whatever Windows tool saved them: UTF-8, LF, NFC."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from trangxa.core.problems import ContentError, Problem, Severity

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Letters that only Vietnamese text has, and the tone marks Windows-1258 stores apart.
_VIETNAMESE_LETTERS = frozenset("ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323")

# In TCVN3 (ABC) these bytes are Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ à ả ã á ạ ằ ẳ ẵ ắ, among the
# commonest letters; in Windows-1258 they are symbols hardly ever typed (¡ … § ¨ © « ® µ ¹ ¾).
_TCVN3_ONLY = (
    frozenset(range(0xA1, 0xAF)) | frozenset(range(0xB5, 0xBA)) | frozenset(range(0xBB, 0xBF))
)

_SAVE_AS_UTF8 = (
    "Mở tệp bằng Notepad, chọn Tệp > Lưu thành… (File > Save As), ở ô Mã hóa (Encoding) "
    "chọn UTF-8 rồi lưu lại."
)
_UNIKEY = (
    "Nếu văn bản được gõ bằng phông TCVN3 (.VnTime), trước hết hãy chép nội dung, mở công cụ "
    "chuyển mã của Unikey (Ctrl+Shift+F6), chọn nguồn TCVN3 (ABC), đích Unicode, bấm "
    "Chuyển mã, rồi dán lại vào tệp và lưu bằng UTF-8."
)


class SourceText(NamedTuple):
    """Decoded text of a file, and what had to be undone to get it."""

    text: str
    had_bom: bool
    had_crlf: bool
    # Lines (1-based) that held characters XML cannot carry; they were removed.
    control_lines: tuple[int, ...] = ()


# Characters no XML page or feed can carry: C0 controls other than tab, LF and CR (Word's
# Shift+Enter gives VT), the non-characters U+FFFE and U+FFFF, and lone surrogates.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# The same C0 controls as bytes, with CR; UTF-8 never uses these bytes inside a longer
# character. Strict UTF-8 decoding refuses surrogates, and U+FFFE and U+FFFF (with the
# rest of U+FFF0-U+FFFF) begin with the bytes EF BF.
_SPECIAL_BYTES = bytes(byte for byte in range(0x20) if byte not in (0x09, 0x0A))
_NOT_CHARACTERS = b"\xef\xbf"


def control_problem(display_path: str, line: int, severity: Severity = "warning") -> Problem:
    """The message for a line that held an invisible control character."""
    return Problem(
        display_path,
        line,
        "Dòng này có ký tự điều khiển không nhìn thấy (thường do chép từ Word, ví dụ "
        "Shift+Enter, hoặc từ PDF). Trang web và RSS không chứa được ký tự đó nên khi dựng "
        "trang nó bị bỏ đi. Hãy xóa dòng này rồi gõ lại bằng tay để tệp sạch hẳn.",
        severity,
    )


def has_control(text: str) -> bool:
    """Whether a text holds a character XML cannot carry."""
    return _NOT_IN_XML.search(text) is not None


def remove_controls(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without characters XML cannot carry, and the lines that held them."""
    if _NOT_IN_XML.search(text) is None:
        return text, ()
    lines: list[int] = []
    position, line = 0, 1
    for match in _NOT_IN_XML.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    # Word's line and page breaks stand between words: a space keeps the words apart.
    return _NOT_IN_XML.sub(_replacement, text), tuple(lines)


def _replacement(match: re.Match[str]) -> str:
    return " " if match.group(0) in "\x0b\x0c" else ""


def nfc(text: str) -> str:
    """Text in Unicode NFC, the form every comparison in the project uses."""
    return unicodedata.normalize("NFC", text)


def _line_of(data: bytes, offset: int) -> int:
    """1-based line of a byte offset, counting CRLF, LF and lone CR as one line break each."""
    head = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return head.count(b"\n") + 1


def _looks_tcvn3(data: bytes) -> bool:
    high = [byte for byte in data if byte >= 0x80]
    letters = sum(1 for byte in high if byte in _TCVN3_ONLY)
    # One stray symbol in a long Windows-1258 text must not tip the guess.
    return letters > 0 and letters * 10 >= len(high)


def _looks_cp1258(data: bytes) -> bool:
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return False
    return any(char in _VIETNAMESE_LETTERS for char in text)


def _encoding_problem(data: bytes, error: UnicodeDecodeError, display_path: str) -> Problem:
    line = _line_of(data, error.start)
    byte = data[error.start]
    opening = f"Tệp không phải mã UTF-8: byte 0x{byte:02X} ở dòng {line} không đọc được."
    if _looks_tcvn3(data):
        message = f"{opening} Có vẻ văn bản được gõ bằng phông TCVN3 (ABC, như .VnTime). {_UNIKEY}"
    elif _looks_cp1258(data):
        message = (
            f"{opening} Có vẻ tệp được lưu bằng mã Windows-1258 (tiếng Việt của Windows). "
            f"{_SAVE_AS_UTF8} Nếu chữ hiện sai trong Notepad, dùng công cụ chuyển mã của "
            "Unikey (Ctrl+Shift+F6), chọn nguồn Vietnamese locale CP 1258, đích Unicode."
        )
    else:
        message = f"{opening} {_SAVE_AS_UTF8} {_UNIKEY}"
    return Problem(display_path, line, message)


def read_bytes(path: str | Path) -> bytes:
    """The whole file, like Path.read_bytes.

    Straight system calls: the buffered file object Path.read_bytes builds asks the system
    about the file twice before reading, which was half the cost of reading a short post.
    """
    descriptor = os.open(path, os.O_RDONLY)
    try:
        return _read_all(descriptor)
    finally:
        os.close(descriptor)


def read_bytes_and_stat(path: str | Path) -> tuple[bytes, os.stat_result]:
    """The whole file and what the system says of the very file read (size, time, inode):
    asked of the open file, which costs a fraction of asking by name.

    Asked before reading: a change made while the file is read shows in the next stat,
    so a memo keyed on it never keeps the older text as current.
    """
    descriptor = os.open(path, os.O_RDONLY)
    try:
        stat = os.fstat(descriptor)
        return _read_all(descriptor), stat
    finally:
        os.close(descriptor)


def _read_all(descriptor: int) -> bytes:
    chunks = [os.read(descriptor, _CHUNK)]
    # A short read is the end of a file on disk; the loop also ends on an empty read.
    while chunks[-1] and (len(chunks) > 1 or len(chunks[0]) == _CHUNK):
        chunks.append(os.read(descriptor, _CHUNK))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_CHUNK = 1 << 16


def read_source(path: str | Path, display_path: str, data: bytes | None = None) -> SourceText:
    """Read a text file as NFC text with LF line ends; a bad file raises ContentError.

    `data` is the file's bytes when they were read already.
    """
    try:
        if data is None:
            data = read_bytes(path)
    except OSError as exc:
        raise ContentError(
            Problem(
                display_path,
                None,
                f"Không đọc được tệp ({exc.strerror or exc}). Hãy kiểm tra tệp còn đó và "
                "không bị chương trình khác khóa.",
            )
        ) from exc

    if data.startswith(_UTF16_BOMS):
        raise ContentError(
            Problem(
                display_path,
                1,
                "Tệp đang ở mã UTF-16 (Notepad gọi là Unicode), không phải UTF-8. " + _SAVE_AS_UTF8,
            )
        )

    had_bom = data.startswith(_BOM)
    body = data[len(_BOM) :] if had_bom else data
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Report positions in the file as saved, BOM included, so the line count is right.
        shifted = UnicodeDecodeError(
            exc.encoding, data, exc.start + len(data) - len(body), exc.end, exc.reason
        )
        raise ContentError(_encoding_problem(data, shifted, display_path)) from exc

    if not decoded or decoded.isspace():
        raise ContentError(
            Problem(
                display_path,
                None,
                "Tệp trống, không có nội dung nào. Hãy viết nội dung vào tệp, hoặc xóa tệp "
                "nếu không dùng đến.",
            )
        )

    if len(body.translate(None, _SPECIAL_BYTES)) == len(body) and (
        # One byte is looked for far faster than two; Vietnamese text never has it.
        _NOT_CHARACTERS[:1] not in body or _NOT_CHARACTERS not in body
    ):
        # Nearly every file: no CR, no control character and no U+FFFx, so there is nothing
        # to replace or remove; the bytes say so faster than clean_text's search of the text.
        return SourceText(nfc(decoded), had_bom, False, ())
    return clean_text(decoded, had_bom)


def clean_text(decoded: str, had_bom: bool = False) -> SourceText:
    """Decoded text with LF line ends, without characters XML cannot carry, in NFC."""
    had_crlf = "\r" in decoded
    text, control_lines = remove_controls(decoded.replace("\r\n", "\n").replace("\r", "\n"))
    return SourceText(nfc(text), had_bom, had_crlf, control_lines)
