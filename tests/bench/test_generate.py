"""Benchmark generator: deterministic, two matching layouts, a Material site that builds."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import generate
import pytest
import run
import yaml
from trangxa.core.rss import FeedChannel, FeedItem, render_rss

GENERATOR = Path(generate.__file__)
FIVE = {"Tin tức", "Thông báo", "Cải cách hành chính", "Kinh tế - Nông nghiệp", "Văn hóa - Xã hội"}


def cli(out: Path, posts: int, seed: int) -> None:
    """Run the generator the way the README tells people to."""
    subprocess.run(
        [sys.executable, str(GENERATOR), "--posts", str(posts), "--seed", str(seed), "--out",
         str(out)],
        check=True, capture_output=True,
    )


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """YAML front matter (parsed by PyYAML's safe loader, as MkDocs does) and body."""
    text = path.read_text(encoding="utf-8")
    _, block, body = text.split("---\n", 2)
    meta = yaml.safe_load(block)
    assert isinstance(meta, dict)
    return meta, body


def test_same_seed_writes_identical_files(tmp_path: Path) -> None:
    cli(tmp_path / "a", 25, 7)
    cli(tmp_path / "b", 25, 7)
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(first) > 50
    assert first == second


def test_other_seed_writes_other_posts(tmp_path: Path) -> None:
    cli(tmp_path / "a", 25, 7)
    cli(tmp_path / "b", 25, 8)
    assert tree(tmp_path / "a") != tree(tmp_path / "b")


def test_both_layouts_hold_the_same_posts(tmp_path: Path) -> None:
    cli(tmp_path, 60, 3)
    material = sorted((tmp_path / "material" / "docs" / "blog" / "posts").glob("*.md"))
    trangxa = sorted((tmp_path / "trangxa" / "posts").glob("*/*.md"))
    assert len(material) == 60
    assert len(trangxa) == 60

    seen_material = {}
    for path in material:
        meta, _ = front_matter(path)
        # PyYAML reads "2023-10-16 08:30:00+07:00" as an aware datetime, which the blog accepts.
        assert isinstance(meta["date"], datetime)
        assert meta["date"].utcoffset() == timedelta(hours=7)
        seen_material[path.stem] = (meta["title"], meta["date"], meta["categories"])

    seen_trangxa = {}
    for path in trangxa:
        meta, body = front_matter(path)
        date = datetime.fromisoformat(str(meta["date"])) if isinstance(meta["date"], str) \
            else meta["date"]
        assert date.utcoffset() == timedelta(hours=7)
        assert path.parent.name == str(date.year)
        assert 2019 <= date.year <= 2025
        assert set(meta["categories"]) <= FIVE
        assert 1 <= len(meta["categories"]) <= 2
        assert meta["tags"]
        assert unicodedata.is_normalized("NFC", meta["title"])
        paragraphs = body.strip().split("\n\n")
        assert paragraphs[1] == "<!-- more -->"
        assert "\n## " in body
        assert "\n- " in body
        assert "\n1. " in body
        assert "\n|---|" in body
        assert "](https://dichvucong.gov.vn/)" in body
        seen_trangxa[path.stem] = (meta["title"], date, meta["categories"])

    assert seen_material == seen_trangxa
    assert len({title for title, _, _ in seen_trangxa.values()}) == 60


def test_material_site_builds_strict_with_a_page_per_post(tmp_path: Path) -> None:
    cli(tmp_path, 30, 5)
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=tmp_path / "material", env=env, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr

    titles = []
    for path in (tmp_path / "material" / "docs" / "blog" / "posts").glob("*.md"):
        meta, _ = front_matter(path)
        # The blog's default post_url_format is {date}/{slug} with yyyy/MM/dd dates.
        page = site / "blog" / f"{meta['date']:%Y/%m/%d}" / meta["slug"] / "index.html"
        assert page.exists(), page
        assert f">{meta['title']}</h1>" in page.read_text(encoding="utf-8")
        titles.append(meta["title"])
    assert len(titles) == 30

    found = run.find_post_pages(site, titles)
    assert all(len(urls) == 1 for urls in found.values())

    # The runner must notice a post whose page is gone.
    victim = site / found[titles[0]][0] / "index.html"
    victim.unlink()
    assert run.find_post_pages(site, titles)[titles[0]] == []


def _manifest(count: int) -> dict[str, Any]:
    posts = generate.generate_posts(count, 11)
    return {"feed_items": 20, "posts": [p.manifest_entry() for p in posts]}


def _write_feed(site: Path, entries: list[dict[str, Any]]) -> None:
    items = [
        FeedItem(e["title"], f"{generate.SITE_URL}tin-tuc/{e['slug']}/",
                 datetime.fromisoformat(e["date"]), "Tóm tắt")
        for e in entries
    ]
    channel = FeedChannel("Tin tức", generate.SITE_URL, f"{generate.SITE_URL}tin-tuc/rss.xml", "")
    (site / "tin-tuc").mkdir(parents=True, exist_ok=True)
    (site / "tin-tuc" / "rss.xml").write_bytes(render_rss(channel, items))


@pytest.mark.parametrize("newest", [True, False])
def test_feed_check_wants_exactly_the_newest_posts(tmp_path: Path, newest: bool) -> None:
    manifest = _manifest(45)
    ordered = sorted(manifest["posts"], key=lambda p: p["date"], reverse=True)
    chosen = ordered[:20] if newest else ordered[1:21]
    _write_feed(tmp_path, chosen)
    ok, note = run.check_feed("trangxa", tmp_path, manifest)
    assert ok is newest, note


def test_feed_check_fails_without_a_feed(tmp_path: Path) -> None:
    ok, note = run.check_feed("trangxa", tmp_path, _manifest(5))
    assert not ok
    assert "RSS" in note
