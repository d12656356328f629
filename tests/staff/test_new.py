"""`trangxa new`: the file it writes is a valid post, in the right place, never over another."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from trangxa.cli import main
from trangxa.commands.new import post_text
from trangxa.core.dates import VN_TZ
from trangxa.core.problems import ContentError
from trangxa.core.textfile import remove_controls
from trangxa.news.post import read_post

from tests.sitebuild import copy_fixture

FIXTURE = "staff/fixtures/site"
CATEGORIES = ["Tin tức", "Thông báo", "Cải cách hành chính"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_fixture(FIXTURE, tmp_path)


def new(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["new", *args, "-f", str(project / "mkdocs.yml")])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err


def test_creates_the_post_with_front_matter(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = new(
        project, capsys, "Thông báo: lịch tiếp dân", "--category", "Thông báo",
        "--date", "15/03/2024 08:30",
    )
    assert code == 0
    path = project / "posts/2024/03/thong-bao-lich-tiep-dan.md"
    assert Path(out) == path
    post = read_post(path, "posts/2024/03/thong-bao-lich-tiep-dan.md", CATEGORIES)
    assert post.title == "Thông báo: lịch tiếp dân"
    assert post.date == datetime(2024, 3, 15, 8, 30, tzinfo=VN_TZ)
    assert post.categories == ["Thông báo"]
    assert not post.draft
    text = path.read_text(encoding="utf-8")
    assert "date: 15/03/2024 08:30\n" in text
    assert "# Chuyên mục có sẵn: Tin tức, Thông báo, Cải cách hành chính" in text


def test_default_date_is_now_in_vietnam_time(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = datetime.now(VN_TZ).replace(second=0, microsecond=0)
    code, out, _ = new(project, capsys, "Tin sáng nay")
    after = datetime.now(VN_TZ)
    assert code == 0
    post = read_post(Path(out), "bai.md", CATEGORIES)
    assert before <= post.date <= after
    assert Path(out).parent == project / f"posts/{post.date:%Y}/{post.date:%m}"


def test_never_overwrites(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("Họp dân thôn Hòa Bình", "--date", "01/06/2024")
    assert new(project, capsys, *args)[0] == 0
    path = project / "posts/2024/06/hop-dan-thon-hoa-binh.md"
    path.write_text(path.read_text(encoding="utf-8") + "Nội dung đã viết.\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, err = new(project, capsys, *args)
    assert code == 1 and out == ""
    assert "Đã có tệp posts/2024/06/hop-dan-thon-hoa-binh.md, không ghi đè" in err
    assert path.read_bytes() == before


def test_unknown_category_suggests_the_nearest_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(project.rglob("*"))
    code, _, err = new(project, capsys, "Bài", "--category", "cai cach hanh chinh")
    assert code == 2
    assert 'Có phải ý bạn là "Cải cách hành chính"?' in err
    assert sorted(project.rglob("*")) == before


def test_bad_date_and_empty_title(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = new(project, capsys, "Bài", "--date", "24:61 31/02/2024")
    assert code == 2 and "--date: Không đọc được ngày" in err
    code, _, err = new(project, capsys, "Bài", "--date", "31/02/2024")
    assert code == 2 and "chỉ có 29 ngày" in err
    code, _, err = new(project, capsys, "   ")
    assert code == 2 and "Tiêu đề đang để trống" in err


def test_nfd_title_and_category_are_written_composed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = unicodedata.normalize("NFD", "Cải cách hành chính ở xã")
    category = unicodedata.normalize("NFD", "Cải cách hành chính")
    code, out, _ = new(project, capsys, title, "-c", category, "--date", "02/01/2025")
    assert code == 0
    text = Path(out).read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)
    assert Path(out).name == "cai-cach-hanh-chinh-o-xa.md"


def test_draft_and_scheduled_notes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(project, capsys, "Dự thảo", "--draft", "--date", "03/03/2024")
    assert code == 0 and "bản nháp" in err
    assert read_post(Path(out), "bai.md", CATEGORIES).draft
    ahead = datetime.now(VN_TZ) + timedelta(days=30)
    code, out, err = new(project, capsys, "Hẹn giờ", "--date", f"{ahead:%d/%m/%Y} 07:00")
    assert code == 0 and "Bài hẹn giờ: chỉ hiện trên trang từ" in err


def test_the_new_file_warns_until_its_body_is_written(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = new(project, capsys, "Bài chưa viết", "--date", "04/04/2024")
    post = read_post(Path(out), "bai.md", CATEGORIES)
    assert [w.severity for w in post.warnings] == ["warning"]
    assert "đoạn mẫu" in post.warnings[0].message


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(title=st.text(min_size=1, max_size=120).filter(lambda t: t.strip()))
@example(title='Thông báo: "lịch" \\ #1 - [khẩn] {a} @b *c &d %e |f >g')
@example(title="yes")
@example(title="---")
@example(title="15/03/2024")
def test_any_title_round_trips_through_the_written_front_matter(
    tmp_path: Path, title: str
) -> None:
    # `trangxa new` drops what no page can carry before the title reaches the file.
    expected = " ".join(remove_controls(unicodedata.normalize("NFC", title))[0].split())
    if not expected:
        return
    moment = datetime(2024, 3, 15, 8, 30, tzinfo=VN_TZ)
    path = tmp_path / "bai.md"
    path.write_text(post_text(expected, moment, ["Tin tức"], False, CATEGORIES), encoding="utf-8")
    post = read_post(path, "bai.md", CATEGORIES)
    assert post.title == expected
    assert post.date == moment
    assert post.categories == ["Tin tức"]


@pytest.mark.parametrize("quote_end", ['"\n', '"\ndate'])
def test_title_missing_its_closing_quote_is_reported_where_it_opens(
    project: Path, capsys: pytest.CaptureFixture[str], quote_end: str
) -> None:
    code, out, _ = new(project, capsys, "Lịch tiếp dân", "-c", "Thông báo", "-c", "Tin tức")
    assert code == 0
    path = Path(out)
    text = path.read_text(encoding="utf-8")
    # The most common slip: the closing quote of the title deleted while editing it.
    broken = text.replace('Lịch tiếp dân' + quote_end, 'Lịch tiếp dân tháng 3' + quote_end[1:], 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_post(path, "posts/x.md", CATEGORIES)
    problem = caught.value.problem
    assert problem.line == 2
    assert "mở bằng dấu ngoặc kép ở dòng này" in problem.message
