"""Images without a text alternative: found in real Markdown output, reported with file and line."""

from __future__ import annotations

from pathlib import Path

import markdown
from trangxa.news.images import images_without_alt, missing_alt_problems
from trangxa.news.post import read_post

EXTENSIONS = ["attr_list", "md_in_html", "tables"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_markdown_image_without_description_is_found() -> None:
    # Python-Markdown writes alt="" for an empty description, which is what staff forget.
    html = to_html("Ảnh hội nghị:\n\n![](anh/hoi-nghi.jpg)\n")
    assert 'alt=""' in html
    assert images_without_alt(html) == ["anh/hoi-nghi.jpg"]


def test_described_images_pass() -> None:
    html = to_html(
        "![Bộ phận một cửa xã Hòa An](anh/mot-cua.jpg)\n\n"
        '<img src="anh/le-hoi.png" alt="Lễ hội đình làng Hòa An">\n'
    )
    assert images_without_alt(html) == []


def test_raw_html_without_alt_and_blank_alt_are_found_in_order() -> None:
    html = (
        '<p><img src="a.jpg"></p><p><img src="b.jpg" alt="   "></p>'
        '<p><img src="c.jpg" alt="Cánh đồng lúa"></p><p><img alt=""></p>'
    )
    assert images_without_alt(html) == ["a.jpg", "b.jpg", ""]


def test_upper_case_tags_are_found_and_pages_without_images_pass() -> None:
    assert images_without_alt('<P><IMG SRC="anh/den.jpg"></P>') == ["anh/den.jpg"]
    assert images_without_alt("<p>Không có ảnh, chỉ có chữ imgur và &lt;img&gt;.</p>") == []


def test_images_marked_decorative_are_not_reported() -> None:
    html = (
        '<img src="vien.png" alt="" role="presentation">'
        '<img src="hoa-van.svg" role="none">'
        '<img src="dau-cham.svg" aria-hidden="true">'
    )
    assert images_without_alt(html) == []


def test_attr_list_alt_counts() -> None:
    html = to_html('![](anh/cau.jpg){ alt="Cầu Hòa Bình mới khánh thành" }\n')
    assert images_without_alt(html) == []


def write_post(folder: Path, body: str) -> Path:
    path = folder / "anh-hoi-nghi.md"
    path.write_text(
        "---\n"
        "title: Hội nghị tổng kết năm\n"
        "date: 2024-12-20 08:00\n"
        "categories: [Tin tức]\n"
        "---\n" + body,
        encoding="utf-8",
    )
    return path


def test_problem_names_file_line_and_image(tmp_path: Path) -> None:
    body = "Toàn cảnh hội nghị.\n\n![Toàn cảnh](toan-canh.jpg)\n\n![](anh/%C4%91ai-bieu.jpg)\n"
    path = write_post(tmp_path, body)
    post = read_post(path, "posts/2024/anh-hoi-nghi.md", ["Tin tức"])
    html = to_html(post.body)

    [problem] = missing_alt_problems(post, html)

    assert problem.severity == "warning"
    assert problem.path == "posts/2024/anh-hoi-nghi.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.line is not None
    assert "đai-bieu.jpg" in lines[problem.line - 1].replace("%C4%91", "đ")
    assert "'đai-bieu.jpg'" in problem.message
    assert "alt" in problem.message
    assert str(problem).startswith(f"posts/2024/anh-hoi-nghi.md:{problem.line}: ")


def test_no_problem_when_every_image_is_described(tmp_path: Path) -> None:
    post = read_post(
        write_post(tmp_path, "![Lúa chín ở cánh đồng thôn Hòa Bình](lua.jpg)\n"),
        "posts/2024/anh-hoi-nghi.md",
        ["Tin tức"],
    )
    assert missing_alt_problems(post, to_html(post.body)) == []
