"""Generated pages take the title mkdocs.yml's nav gives them, as pages in docs/ do."""

from __future__ import annotations

from pathlib import Path

from tests.sitebuild import build_site, copy_fixture

NAV = """nav:
  - Trang chủ: index.md
  - Tin tức:
      - tin-tuc/index.md
      - Tin báo mới: tin-tuc/chuyen-muc/thong-bao/index.md
      - Kho tin: tin-tuc/luu-tru/index.md
"""


def test_nav_titles_name_generated_pages_in_the_menu_and_their_heading(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    result = build_site(project)
    assert result.messages == []
    home = result.read("index.html")
    assert "Tin báo mới" in home and "Kho tin" in home
    # The archive's heading is its page title; a listing's heading stays the listing's own.
    # The browser's title bar keeps each page's own title, as for a page in docs/.
    archive = result.read("tin-tuc/luu-tru/index.html")
    assert "<h1>Kho tin</h1>" in archive
    assert "<title>Lưu trữ tin bài - Xã Thử Nghiệm</title>" in archive
    category = result.read("tin-tuc/chuyen-muc/thong-bao/index.html")
    assert "<h1>Thông báo</h1>" in category
    assert "<title>Thông báo - Xã Thử Nghiệm</title>" in category
