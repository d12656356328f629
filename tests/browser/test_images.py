"""Every image of the built sample site has a text alternative."""

from __future__ import annotations

from pathlib import Path

from trangxa.news.images import images_without_alt


def test_every_image_of_the_sample_has_alt_text(site_dir: Path, built_pages: list[Path]) -> None:
    with_images = 0
    missing: dict[str, list[str]] = {}
    for path in built_pages:
        html = path.read_text(encoding="utf-8")
        with_images += "<img" in html
        found = images_without_alt(html)
        if found:
            missing[str(path.relative_to(site_dir))] = found
    # The agency emblem is on every page, so images are there to be checked.
    assert with_images == len(built_pages)
    assert not missing, f"Ảnh không có mô tả (alt): {missing}"
