"""Settings trangxa cannot work with stop the build with what to change, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import copy_fixture
from tests.staff.commands import trangxa


def with_config(tmp_path: Path, old: str, new: str) -> Path:
    site = copy_fixture("staff/fixtures/site", tmp_path)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return site


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "plugins:\n  - search\n",
            "plugins:\n  - search\n  - blog\n",
            'mkdocs.yml đang bật plugin "material/blog" (blog của Material)',
        ),
        (
            "plugins:\n  - search\n",
            "plugins:\n  - blog\n  - search\n",
            'xóa dòng "- blog" trong mục plugins',
        ),
        (
            "theme:\n  name: material\n",
            "theme:\n  name: mkdocs\n",
            'Trang đang dùng giao diện "mkdocs", nhưng trangxa chỉ chạy với giao diện Material',
        ),
        (
            "theme:\n  name: material\n",
            "theme:\n  name: readthedocs\n",
            "sửa mục theme thành:\n  theme:\n    name: material",
        ),
    ],
)
def test_build_stops_with_what_to_change(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    site = with_config(tmp_path, old, new)
    run = trangxa("build", "-d", str(tmp_path / "out"), cwd=site, console="lang-c")
    assert run.code == 1
    assert expected in run.err
    assert "Traceback" not in run.err
    assert "Error" not in run.err and "Aborted" not in run.err
    assert "Dựng trang dừng lại" in run.err
