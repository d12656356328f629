"""A site replaces a procedure template from overrides/ and it still escapes every value."""

from __future__ import annotations

from pathlib import Path

from tests.security.corpus import write_hostile_site
from tests.sitebuild import build_site


def test_an_overridden_procedure_template_is_used_and_escapes(tmp_path: Path) -> None:
    config = write_hostile_site(tmp_path)
    text = config.read_text("utf-8").replace(
        "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n"
    )
    config.write_text(text, encoding="utf-8")
    folder = tmp_path / "overrides" / "trangxa"
    folder.mkdir(parents=True)
    (folder / "procedure-page.html").write_text(
        '<p class="xa-rieng">Thủ tục của xã: {{ data.procedure.name }}</p>\n', encoding="utf-8"
    )
    page = (build_site(tmp_path).site_dir / "thu-tuc" / "moi" / "index.html").read_text("utf-8")
    assert '<p class="xa-rieng">Thủ tục của xã: Đăng ký Tin &lt;img src=x id=pwned-img' in page
    assert "<img src=x id=pwned" not in page
