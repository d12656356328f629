"""What the generated pages need from the rest of the site, and the error when it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.sitebuild import build_site, captured_logs, copy_fixture


def failed_build(project: Path) -> str:
    """Build, expect MkDocs to stop, and return what was logged."""
    with captured_logs() as records, pytest.raises(Abort):
        build_site(project)
    return "\n".join(record.getMessage() for record in records)


def test_report_without_the_news_plugin_says_what_to_add(tmp_path: Path) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - trangxa-news:\n", "  - trangxa-news:\n      enabled: false\n"),
        encoding="utf-8",
    )
    logged = failed_build(project)
    assert "trangxa-news chưa được bật" in logged
    assert "Thêm trangxa-news vào mục plugins của mkdocs.yml" in logged
    assert not (project / "site/thong-ke/so-lieu.json").exists()


@pytest.mark.parametrize(
    ("page", "fix"),
    [
        ("thong-ke/index.md", "đổi url của trangxa-report trong mkdocs.yml"),
        ("thu-tuc/index.md", "đổi url_prefix của trangxa-procedures trong mkdocs.yml"),
    ],
)
def test_a_docs_page_at_a_generated_address_is_refused(tmp_path: Path, page: str, fix: str) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    (project / "docs" / page).parent.mkdir()
    (project / "docs" / page).write_text("# Trang viết tay\n", encoding="utf-8")
    logged = failed_build(project)
    assert f'"{page}" trong thư mục docs trùng địa chỉ' in logged
    assert fix in logged
