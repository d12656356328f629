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


def test_a_docs_page_at_the_statistics_address_is_refused(tmp_path: Path) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    (project / "docs/thong-ke").mkdir()
    (project / "docs/thong-ke/index.md").write_text("# Thống kê viết tay\n", encoding="utf-8")
    logged = failed_build(project)
    assert 'Tệp "thong-ke/index.md" trong thư mục docs trùng địa chỉ' in logged
    assert "đổi url của trangxa-report trong mkdocs.yml" in logged


def test_a_docs_page_at_the_procedures_address_is_refused(tmp_path: Path) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    (project / "docs/thu-tuc").mkdir()
    (project / "docs/thu-tuc/index.md").write_text("# Thủ tục viết tay\n", encoding="utf-8")
    logged = failed_build(project)
    assert '"thu-tuc/index.md" trong thư mục docs trùng địa chỉ' in logged
    assert "đổi url_prefix của trangxa-procedures trong mkdocs.yml" in logged
