"""Reading text files saved by Windows tools: BOM, CRLF, NFD and legacy encodings."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from trangxa.core.problems import ContentError
from trangxa.core.textfile import SourceText, nfc, read_source

TEXT = "---\ntitle: Đăng ký khai sinh\n---\nNội dung bài viết.\n"


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "bai-viet.md"
    path.write_bytes(data)
    return path


def read_error(path: Path) -> ContentError:
    with pytest.raises(ContentError) as caught:
        read_source(path, "posts/2024/bai-viet.md")
    return caught.value


def test_plain_utf8(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, TEXT.encode()), "posts/bai-viet.md")
    assert source == SourceText(TEXT, had_bom=False, had_crlf=False)


def test_bom_and_crlf_from_notepad(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode()
    source = read_source(write(tmp_path, data), "posts/bai-viet.md")
    assert source.text == TEXT
    assert source.had_bom and source.had_crlf
    assert "\ufeff" not in source.text and "\r" not in source.text


def test_lone_carriage_returns_become_line_feeds(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, b"dong 1\rdong 2\r\ndong 3\n"), "a.md")
    assert source.text == "dong 1\ndong 2\ndong 3\n"
    assert source.had_crlf


def test_nfd_text_is_composed(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decomposed != TEXT
    source = read_source(write(tmp_path, decomposed.encode()), "a.md")
    assert source.text == TEXT


def test_nfc() -> None:
    assert nfc(unicodedata.normalize("NFD", "Hòa An")) == "Hòa An"
    assert len(nfc("o\u0300")) == 1


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    problem = read_error(write(tmp_path, data)).problem
    assert problem.path == "posts/2024/bai-viet.md"
    assert problem.message.startswith("Tệp trống")


def test_missing_file_is_a_content_error(tmp_path: Path) -> None:
    problem = read_error(tmp_path / "khong-co.md").problem
    assert problem.path == "posts/2024/bai-viet.md"
    assert "Không đọc được tệp" in problem.message


def test_windows_1258_is_recognised(tmp_path: Path) -> None:
    # "Đăng kí" in Windows-1258: Đ = D0, ă = E3, í = ED; on line 2.
    data = b"---\ntitle: \xd0\xe3ng k\xed khai sinh\n---\n"
    assert data.decode("cp1258") == "---\ntitle: Đăng kí khai sinh\n---\n"
    error = read_error(write(tmp_path, data))
    problem = error.problem
    assert problem.line == 2
    assert "không phải mã UTF-8" in problem.message
    assert "0xD0" in problem.message
    assert "Windows-1258" in problem.message
    assert "UTF-8" in problem.message and "Lưu thành" in problem.message
    assert str(error).startswith("posts/2024/bai-viet.md:2: ")


def test_windows_1258_tone_marks_stored_apart(tmp_path: Path) -> None:
    # "Hộ tịch": o + ^ is F4, the dot below is the separate mark F2; i is followed by F2 too.
    data = b"# H\xf4\xf2 ti\xf2ch\n"
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "# Hộ tịch\n"
    problem = read_error(write(tmp_path, data)).problem
    assert problem.line == 1
    assert "Windows-1258" in problem.message


def test_tcvn3_is_recognised(tmp_path: Path) -> None:
    # "Đăng ký khai sinh" and "Hòa An" typed with a .VnTime font (TCVN3): Đ = A7, ă = A8,
    # ý = FD, ò = DF.
    data = b"---\ntitle: Ti\xaau \xae\xaa\r\n---\n\xa7\xa8ng k\xfd khai sinh \xdf H\xdfa An\r\n"
    problem = read_error(write(tmp_path, data)).problem
    assert problem.line == 2
    assert "TCVN3" in problem.message and ".VnTime" in problem.message
    assert "Unikey" in problem.message and "Ctrl+Shift+F6" in problem.message
    assert "Windows-1258" not in problem.message


def test_short_tcvn3_title_is_not_taken_for_windows_1258(tmp_path: Path) -> None:
    # "Đăng ký" in TCVN3 also decodes cleanly as Windows-1258 ("§¨ng ký" with ư for ý).
    data = b"\xa7\xa8ng k\xfd\n"
    assert data.decode("cp1258") == "§¨ng kư\n"
    problem = read_error(write(tmp_path, data)).problem
    assert "TCVN3" in problem.message
    assert "Windows-1258" not in problem.message


def test_one_stray_symbol_in_windows_1258_text(tmp_path: Path) -> None:
    # « (AB) once, among many Windows-1258 letters: ê = EA, ơ = F5, ư = FD, đ = F0.
    data = b"\xabTi\xeau \xf0\xea \xf0\xf5n \xf0\xfd\xf5ng \xf0\xeam \xf0\xf5\xf5\xfd\n"
    problem = read_error(write(tmp_path, data)).problem
    assert "Windows-1258" in problem.message


def test_unknown_encoding_still_explains_both_fixes(tmp_path: Path) -> None:
    # Bytes 81 and 8D exist in no Vietnamese code page.
    data = b"dong 1\ndong 2\n\x81\x8d\n"
    problem = read_error(write(tmp_path, data)).problem
    assert problem.line == 3
    assert "0x81" in problem.message
    assert "Lưu thành" in problem.message and "Unikey" in problem.message


def test_line_counts_bom_and_crlf(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfmot\r\nhai\r\nba \xe3\r\n"
    problem = read_error(write(tmp_path, data)).problem
    assert problem.line == 3


def test_utf16_from_notepad(tmp_path: Path) -> None:
    data = "Đăng ký khai sinh\r\n".encode("utf-16")
    problem = read_error(write(tmp_path, data)).problem
    assert "UTF-16" in problem.message
    assert "UTF-8" in problem.message
