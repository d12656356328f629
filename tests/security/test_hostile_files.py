"""Hostile and messy files: bounded work, duplicate keys and control characters.

Each hostile shape is read by the per-file readers (fast, many cases) and once through every
command as staff run them (slow, one site holding them all).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from trangxa.core.dates import VN_TZ
from trangxa.core.problems import ContentError
from trangxa.news.post import read_post
from trangxa.procedures.record import read_record

from tests.security.corpus import procedure_record, write_hostile_site
from tests.security.runner import run_module

NOW = datetime(2025, 6, 1, 8, 0, tzinfo=VN_TZ)
CATEGORIES = ["Cải cách hành chính"]


def alias_bomb(key: str) -> str:
    """Nine levels of nine aliases each: a billion strings from a few hundred bytes."""
    lines = [f'{key}: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"x{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines)


HOSTILE_YAML = {
    "alias-bomb": alias_bomb("tags"),
    "alias-bomb-in-slug": alias_bomb("slug"),
    "deep-brackets-in-slug": "slug: " + "[" * 5000,
    "deep-braces": "tags: " + "{a: " * 5000,
    "deep-dashes": "tags:\n  " + "- " * 3000 + "x",
    "alias-as-value": "title: *Quan trọng*",
}
DUPLICATES = {
    "nested-mapping": ("links: {created: a.md, created: b.md}", 4, "created"),
    "nested-block": ("links:\n  - a: https://a.example\n    a: https://b.example", 6, "a"),
}


def write_post(folder: Path, name: str, front: str, body: str = "Nội dung bài.\n") -> Path:
    path = folder / name
    path.write_text(
        f"---\ntitle: Tin thử\ndate: 15/03/2025 08:00\n{front}\n---\n\n{body}", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE_YAML))
def test_a_hostile_post_is_refused_naming_file_and_line(tmp_path: Path, case: str) -> None:
    path = write_post(tmp_path, "tin.md", HOSTILE_YAML[case])
    with pytest.raises(ContentError) as caught:
        read_post(path, "posts/tin.md", CATEGORIES)
    problem = caught.value.problem
    assert problem.path == "posts/tin.md"
    assert problem.line is not None and problem.line >= 4
    assert any(word in problem.message for word in ("YAML", "ngoặc"))


@pytest.mark.parametrize("case", sorted(HOSTILE_YAML))
def test_a_hostile_procedure_is_refused_naming_the_file(tmp_path: Path, case: str) -> None:
    path = tmp_path / "thu-tuc.yml"
    text = procedure_record("1.000001", "x").replace('"Hộ tịch x"', "Hộ tịch")
    path.write_text(HOSTILE_YAML[case].replace("slug", "ghi_chu") + "\n" + text, "utf-8")
    result = read_record(path, "procedures/thu-tuc.yml", NOW)
    assert result.procedure is None
    assert [p.path for p in result.problems] == ["procedures/thu-tuc.yml"]
    assert result.problems[0].line is not None


@pytest.mark.parametrize("case", sorted(DUPLICATES))
def test_a_key_written_twice_at_any_depth_is_an_error(tmp_path: Path, case: str) -> None:
    front, line, key = DUPLICATES[case]
    path = write_post(tmp_path, "tin.md", "\n".join(front.splitlines()))
    with pytest.raises(ContentError) as caught:
        read_post(path, "posts/tin.md", CATEGORIES)
    assert caught.value.problem.line == line
    assert f'Khóa "{key}" được viết hai lần' in caught.value.problem.message


def test_a_procedure_history_entry_with_a_key_twice_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "thu-tuc.yml"
    text = procedure_record("1.000001", "x")
    path.write_text(
        text.replace('"posted": "05/03/2025"', '"posted": "05/03/2025", "posted": "06/03/2025"'),
        "utf-8",
    )
    result = read_record(path, "procedures/thu-tuc.yml", NOW)
    assert result.procedure is None
    assert "được viết hai lần" in result.problems[0].message


CONTROLS = ["\x00", "\x0b", "\x0c", "\x1b", "\ufffe", "\uffff"]


@pytest.mark.parametrize("char", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_control_characters_are_removed_with_a_warning_at_their_line(
    tmp_path: Path, char: str
) -> None:
    path = write_post(
        tmp_path, "tin.md", f"description: Mô{char}tả", f"Dòng đầu.\n\nDòng{char}hai.\n"
    )
    post = read_post(path, "posts/tin.md", CATEGORIES)
    lines = [p.line for p in post.warnings if "ký tự điều khiển" in p.message]
    assert lines == [4, 9]
    assert all(p.severity == "warning" and p.path == "posts/tin.md" for p in post.warnings)
    assert char not in post.body and char not in (post.description or "")
    assert "Dòng" in post.body and "hai." in post.body


def test_control_characters_in_a_procedure_are_reported_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "thu-tuc.yml"
    text = procedure_record("1.000001", "x").replace('"Đăng ký x"', "Đăng ký\x0bx")
    path.write_text(text.replace('"Hộ tịch x"', "Hộ\x00 tịch"), "utf-8")
    result = read_record(path, "procedures/thu-tuc.yml", NOW)
    assert result.procedure is not None and result.procedure.name == "Đăng ký x"
    warned = [p for p in result.problems if "ký tự điều khiển" in p.message]
    assert [p.line for p in warned] == [2, 3]


@pytest.mark.parametrize("escape", ["\\u000b", "\\x00", "\\uFFFE"])
def test_a_control_character_written_as_an_escape_is_an_error(tmp_path: Path, escape: str) -> None:
    path = write_post(tmp_path, "tin.md", f'description: "Mô{escape}tả"')
    with pytest.raises(ContentError) as caught:
        read_post(path, "posts/tin.md", CATEGORIES)
    assert caught.value.problem.line == 4
    assert "mã điều khiển" in caught.value.problem.message


@pytest.fixture(scope="module")
def hostile_files_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-files")
    write_hostile_site(root, "thường")
    posts = root / "posts" / "2025"
    write_post(posts, "bom.md", "categories: [Cải cách hành chính]\n" + alias_bomb("tags"))
    write_post(posts, "sau.md", "categories: [Cải cách hành chính]\nslug: " + "[" * 5000)
    procedures = root / "procedures"
    (procedures / "sau.yml").write_text("ma: " + "{a: " * 5000, "utf-8")
    return root


@pytest.mark.parametrize(
    "command",
    [
        ("trangxa", "check"),
        ("trangxa", "count", "--period", "2025"),
        ("mkdocs", "build", "--strict"),
    ],
    ids=["check", "count", "build"],
)
def test_every_command_names_each_hostile_file(
    hostile_files_site: Path, command: tuple[str, ...]
) -> None:
    run = run_module(hostile_files_site, *command)
    output = run.stdout + run.stderr
    assert run.returncode != 0, output
    assert "Traceback" not in output and "RecursionError" not in output
    assert "posts/2025/bom.md" in output and "posts/2025/sau.md" in output
    # The build stops at the posts, before it reads procedures; check reads everything.
    if command[1] == "check":
        assert "procedures/sau.yml" in output


def test_check_reports_control_characters_strict_build_stops_plain_build_removes_them(
    tmp_path: Path,
) -> None:
    write_hostile_site(tmp_path, "thường")
    write_post(
        tmp_path / "posts" / "2025",
        "vt.md",
        "categories: [Cải cách hành chính]",
        "Dòng một\x0bvẫn tiếp, có NUL\x00 ở đây.\n",
    )
    check = run_module(tmp_path, "trangxa", "check")
    assert "posts/2025/vt.md:7: Dòng này có ký tự điều khiển" in check.stdout, check.stdout
    strict = run_module(tmp_path, "mkdocs", "build", "--strict")
    assert strict.returncode != 0
    assert "posts/2025/vt.md:7:" in strict.stderr and "Traceback" not in strict.stderr
    plain = run_module(tmp_path, "mkdocs", "build")
    assert plain.returncode == 0, plain.stderr
    page = (tmp_path / "site" / "tin-tuc" / "2025" / "tin-thu" / "index.html").read_text("utf-8")
    assert "Dòng một vẫn tiếp, có NUL ở đây." in page
    feed = (tmp_path / "site" / "tin-tuc" / "rss.xml").read_text("utf-8")
    assert "\x0b" not in feed and "\x00" not in feed
