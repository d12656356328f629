"""read_post on each kind of bad input staff produce: the message names file, line and fix."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from trangxa.core.problems import ContentError, Problem
from trangxa.news.post import Post, read_post

CATEGORIES = ["Tin tức", "Thông báo", "Cải cách hành chính", "Kinh tế - Nông nghiệp"]
SOURCE = "posts/2024/bai.md"


def write(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "bai.md"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def read(tmp_path: Path, content: str | bytes) -> Post:
    return read_post(write(tmp_path, content), SOURCE, CATEGORIES)


def error_of(tmp_path: Path, content: str | bytes) -> Problem:
    with pytest.raises(ContentError) as caught:
        read(tmp_path, content)
    problem = caught.value.problem
    assert problem.path == SOURCE
    assert problem.severity == "error"
    return problem


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: letters it has whole, other tone marks as separate bytes."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            base, marks = decomposed[0], list(decomposed[1:])
            try:
                out += unicodedata.normalize("NFC", base + marks[0]).encode("cp1258")
                marks = marks[1:]
            except UnicodeEncodeError:
                out += base.encode("cp1258")
            out += "".join(marks).encode("cp1258")
    return bytes(out)


def post(front: str, body: str = "Nội dung bài.") -> str:
    return f"---\n{front}\n---\n\n{body}\n"


GOOD = "title: Họp dân thôn Hòa Bình\ndate: 15/03/2024 08:30\ncategories: [Tin tức]"


def test_good_post_reads_in_vietnam_time(tmp_path: Path) -> None:
    result = read(tmp_path, post(GOOD))
    assert result.title == "Họp dân thôn Hòa Bình"
    assert result.date.isoformat() == "2024-03-15T08:30:00+07:00"
    assert result.categories == ["Tin tức"]
    assert result.warnings == []


@pytest.mark.parametrize(
    ("front", "line", "fragments"),
    [
        ("date: 15/03/2024", 1, ["chưa có tiêu đề", 'title: "Tiêu đề bài viết"']),
        ('title: ""\ndate: 15/03/2024', 2, ["chưa có tiêu đề"]),
        ('title: "   "\ndate: 15/03/2024', 2, ["chưa có tiêu đề"]),
        ("title: Bài\n", 1, ["chưa có ngày đăng", "date: 15/03/2024"]),
        ("title: Bài\ndate:", 3, ["chưa có ngày đăng"]),
        ('title: Bài\ndate: ""', 3, ["chưa có ngày đăng"]),
        ("title: Bài\ndate: 31/02/2024", 3, ['"31/02/2024" không có thật', "chỉ có 29 ngày"]),
        ("title: Bài\ndate: 15/03/2024 24:61", 3, ["Giờ", "không có thật", "từ 00 đến 23"]),
        ("title: Bài\ndate: 15/3/24", 3, ["2 chữ số", "15/03/2024"]),
        ("title: Bài\ndate: hôm qua", 3, ['Không đọc được ngày "hôm qua"', "15/03/2024"]),
        ("title: Bài\ndate: 0001-01-01T00:00+23:59", 3, ["nằm ngoài khoảng"]),
    ],
)
def test_title_and_date_errors(
    tmp_path: Path, front: str, line: int, fragments: list[str]
) -> None:
    problem = error_of(tmp_path, post(front))
    assert problem.line == line
    for fragment in fragments:
        assert fragment in problem.message


def test_year_typo_is_a_warning_on_the_date_line(tmp_path: Path) -> None:
    result = read(tmp_path, post("title: Bài\ncategories: [Tin tức]\ndate: 15/03/0224"))
    assert result.date.year == 224
    [warning] = result.warnings
    assert (warning.line, warning.severity) == (4, "warning")
    assert "Năm 224 có vẻ gõ nhầm" in warning.message


def test_unknown_category_suggests_the_nearest(tmp_path: Path) -> None:
    problem = error_of(tmp_path, post("title: Bài\ndate: 15/03/2024\ncategories: [Thong bao]"))
    assert problem.line == 4
    assert 'Chuyên mục "Thong bao" chưa được khai báo' in problem.message
    assert 'Có phải ý bạn là "Thông báo"?' in problem.message
    assert "Các chuyên mục hiện có: Tin tức, Thông báo" in problem.message


def test_category_far_from_any_lists_them_without_guessing(tmp_path: Path) -> None:
    problem = error_of(tmp_path, post("title: Bài\ndate: 15/03/2024\ncategories: [Quốc phòng]"))
    assert "Có phải ý bạn là" not in problem.message
    assert "Các chuyên mục hiện có" in problem.message


@pytest.mark.parametrize(
    ("key", "suggested"),
    [
        ("titel", "title"),
        ("catgories", "categories"),
        ("category", "categories"),
        ("chuyên mục", "categories"),
        ("Tiêu đề", "title"),
        ("ngay_dang", "date"),
        ("mô tả", "description"),
        ("Draft", "draft"),
    ],
)
def test_unknown_key_is_a_warning_with_the_nearest_key(
    tmp_path: Path, key: str, suggested: str
) -> None:
    result = read(tmp_path, post(f"title: Bài\ndate: 15/03/2024\n{key}: x"))
    [warning] = result.warnings
    assert (warning.line, warning.severity) == (4, "warning")
    assert f'Khóa "{key}" không được dùng và sẽ bị bỏ qua' in warning.message
    assert f'Có phải ý bạn là "{suggested}"?' in warning.message


def test_unrelated_unknown_key_gets_no_guess(tmp_path: Path) -> None:
    [warning] = read(tmp_path, post("title: Bài\ndate: 15/03/2024\nxyz: 1")).warnings
    assert "Có phải ý bạn là" not in warning.message
    assert "Các khóa hợp lệ:" in warning.message


@pytest.mark.parametrize(
    ("front", "line", "fragment"),
    [
        ("title: Thông báo: lịch tiếp dân\ndate: 15/03/2024", 2, "dấu hai chấm ở chỗ không được phép"),
        ("title: Bài\ndate 15/03/2024\ncategories: [Tin tức]", 3, "thiếu dấu hai chấm"),
        ('title: "Bài chưa đóng ngoặc\ndate: 15/03/2024', 2, "mở bằng dấu ngoặc kép ở dòng này"),
        ("title: Bài\ncategories: [Tin tức, Thông báo\ndate: 15/03/2024", 3, "chưa được đóng bằng ]"),
        ("title: Bài\ndate: 15/03/2024\ntags:\n  - một\n - hai", 6, "thụt lề không đều"),
        ("title: @xahoaan thông báo\ndate: 15/03/2024", 2, "ký tự YAML dành riêng"),
        ("title: Bài\ndate: 15/03/2024\ntitle: Bài khác", 4, 'Khóa "title" được viết hai lần'),
    ],
)
def test_yaml_syntax_errors_are_explained_in_vietnamese(
    tmp_path: Path, front: str, line: int, fragment: str
) -> None:
    problem = error_of(tmp_path, post(front))
    assert problem.line == line
    assert fragment in problem.message
    for english in ("mapping values", "could not find", "while scanning", "expected"):
        assert english not in problem.message


def test_tab_in_front_matter(tmp_path: Path) -> None:
    problem = error_of(tmp_path, post("title: Bài\ndate: 15/03/2024\ntags:\n\t- một"))
    assert problem.line == 5
    assert "ký tự Tab" in problem.message and "dấu cách" in problem.message


def test_unclosed_front_matter(tmp_path: Path) -> None:
    problem = error_of(tmp_path, "---\ntitle: Bài\ndate: 15/03/2024\n\nNội dung.\n")
    assert problem.line == 1
    assert "không có dòng --- đóng lại" in problem.message


def test_missing_front_matter(tmp_path: Path) -> None:
    problem = error_of(tmp_path, "# Bài không có khai báo\n\nNội dung.\n")
    assert "thiếu phần khai báo" in problem.message


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    problem = error_of(tmp_path, content)
    assert "Tệp trống" in problem.message


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    text = post("title: Họp dân\r\ndate: 15/03/2024\r\ncategories: [Tin tức]", "Dòng một.\r\n")
    result = read(tmp_path, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert result.title == "Họp dân"
    assert "\r" not in result.body and "\ufeff" not in result.title
    assert result.warnings == []


def test_nfd_title_and_category_are_normalised(tmp_path: Path) -> None:
    front = "title: Cải cách hành chính xã Hòa An\ndate: 15/03/2024\ncategories: [Cải cách hành chính]"
    result = read(tmp_path, post(unicodedata.normalize("NFD", front)))
    assert result.title == unicodedata.normalize("NFC", "Cải cách hành chính xã Hòa An")
    assert result.categories == ["Cải cách hành chính"]
    assert result.slug == "cai-cach-hanh-chinh-xa-hoa-an"


def test_windows_1258_file_says_how_to_convert(tmp_path: Path) -> None:
    text = post("title: Thông báo họp dân\ndate: 15/03/2024", "Đề nghị bà con đến đúng giờ.")
    data = cp1258(text)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text
    problem = error_of(tmp_path, data)
    assert problem.line == 2
    assert "không phải mã UTF-8" in problem.message
    assert "Windows-1258" in problem.message
    assert "UTF-8 rồi lưu lại" in problem.message


def test_tcvn3_file_says_how_to_convert(tmp_path: Path) -> None:
    # "Thông báo họp dân" and "Nội dung" typed with a .VnTime font (TCVN3 bytes).
    data = b"---\ntitle: Th\xabng b\xb8o h\xe4p d\xa9n\ndate: 15/03/2024\n---\n\nN\xe9i dung.\n"
    problem = error_of(tmp_path, data)
    assert "TCVN3" in problem.message and "Unikey" in problem.message


@pytest.mark.parametrize(
    ("slug", "fragment"),
    [
        ("tin/2024", 'có dấu gạch chéo "/"'),
        ("../../etc", 'hai dấu chấm liền nhau ".."'),
        ("lich tiep dan", "có dấu cách"),
        ("Lịch-tiếp-dân", "có chữ in hoa"),
    ],
)
def test_bad_explicit_slugs(tmp_path: Path, slug: str, fragment: str) -> None:
    problem = error_of(tmp_path, post(f'title: Bài\ndate: 15/03/2024\nslug: "{slug}"'))
    assert problem.line == 4
    assert fragment in problem.message
    assert "chữ thường không dấu" in problem.message


def test_html_in_title_and_description_stays_plain_text(tmp_path: Path) -> None:
    front = (
        "title: <script>alert('x')</script> Lịch <b>họp</b>\n"
        'description: "Họp lúc 8 giờ & <i>đúng giờ</i>"\ndate: 15/03/2024'
    )
    result = read(tmp_path, post(front))
    assert result.title == "<script>alert('x')</script> Lịch <b>họp</b>"
    assert result.description == "Họp lúc 8 giờ & <i>đúng giờ</i>"
    assert result.slug == "script-alert-x-script-lich-b-hop-b"


def test_title_over_several_lines_becomes_one_line(tmp_path: Path) -> None:
    result = read(tmp_path, post("title: >\n  Thông báo\n  lịch họp\u00a0dân\ndate: 15/03/2024"))
    assert result.title == "Thông báo lịch họp dân"


def test_very_large_post_reads_with_a_warning(tmp_path: Path) -> None:
    paragraph = "Ủy ban nhân dân xã Hòa An thông báo kết quả thực hiện kế hoạch năm. " * 20
    body = "\n\n".join([paragraph] * 1_600)
    result = read(tmp_path, post("title: Báo cáo dài\ndate: 15/03/2024", body))
    assert len(body.encode("utf-8")) > 2_000_000
    assert result.body.rstrip().endswith(paragraph.rstrip())
    [warning] = result.warnings
    assert warning.severity == "warning"
    assert "Bài viết rất lớn (2," in warning.message and "MB" in warning.message
    assert "PDF" in warning.message


def test_large_post_with_pasted_pictures_names_the_cause(tmp_path: Path) -> None:
    picture = "![ảnh](data:image/png;base64," + "A" * 1_100_000 + ")"
    result = read(tmp_path, post("title: Ảnh hội nghị\ndate: 15/03/2024", picture))
    [warning] = result.warnings
    assert "data:image" in warning.message and "![mô tả](ten-anh.jpg)" in warning.message


def test_placeholder_body_left_by_trangxa_new_is_a_warning(tmp_path: Path) -> None:
    from trangxa.news.post import BODY_PLACEHOLDER

    result = read(tmp_path, post("title: Bài\ndate: 15/03/2024", BODY_PLACEHOLDER))
    [warning] = result.warnings
    assert warning.line == 6
    assert "đoạn mẫu" in warning.message


def test_draft_must_be_true_or_false(tmp_path: Path) -> None:
    problem = error_of(tmp_path, post('title: Bài\ndate: 15/03/2024\ndraft: "chưa"'))
    assert problem.line == 4
    assert "true" in problem.message and "false" in problem.message


def test_invisible_control_character_pasted_into_front_matter(tmp_path: Path) -> None:
    problem = error_of(tmp_path, post("title: Họp\x7f dân\ndate: 15/03/2024"))
    assert problem.line == 2
    assert "ký tự điều khiển không nhìn thấy (mã U+007F)" in problem.message
