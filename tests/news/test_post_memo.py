"""Posts read again only when their file changed: the memo never returns stale posts."""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime
from pathlib import Path

import pytest
from trangxa.commands.site import load_site
from trangxa.core.dates import VN_TZ
from trangxa.engine.postmemo import CACHE_FILE
from trangxa.news.collect import PostMemo, collect_posts

from tests.sitebuild import copy_fixture

NOW = datetime(2026, 1, 1, tzinfo=VN_TZ)
CATEGORIES = ["Tin tức", "Thông báo", "Cải cách hành chính"]


def titles(project: Path, memo: PostMemo) -> list[str]:
    collection = collect_posts(project / "posts", project, CATEGORIES, NOW, memo)
    return [post.title for post in collection.published]


def test_memo_follows_edits_additions_and_removals(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    memo: PostMemo = {}
    first = titles(project, memo)
    assert len(first) == 4 and len(memo) == 5

    again = collect_posts(project / "posts", project, CATEGORIES, NOW, memo)
    assert again.parsed == 0
    assert [post.title for post in again.published] == first

    post = project / "posts/2023/hop-thon.md"
    post.write_text(post.read_text(encoding="utf-8").replace("Họp thôn", "Họp các thôn"))
    (project / "posts/2024/thong-bao-lich-tiep-dan.md").unlink()
    (project / "posts/2024/moi.md").write_text(
        "---\ntitle: Bài mới\ndate: 2024-05-05\n---\n\nNội dung.\n", encoding="utf-8"
    )
    changed = collect_posts(project / "posts", project, CATEGORIES, NOW, memo)
    assert changed.parsed == 3
    assert sorted(p.title for p in changed.published) == sorted(
        [
            "Bài mới",
            "Đăng ký khai sinh trực tuyến",
            "Kế hoạch tuyên truyền cải cách hành chính năm 2024",
            "Họp các thôn cuối năm",
        ]
    )
    assert "posts/2024/thong-bao-lich-tiep-dan.md" not in memo


def test_the_memo_hands_every_build_the_same_unchangeable_posts(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    memo: PostMemo = {}
    collection = collect_posts(project / "posts", project, CATEGORIES, NOW, memo)
    with pytest.raises(dataclasses.FrozenInstanceError):
        collection.published[0].title = "Đã đổi"  # type: ignore[misc]
    again = collect_posts(project / "posts", project, CATEGORIES, NOW, memo)
    # Nothing a build does can reach into a post, so it need not be copied for the next one.
    assert [id(post) for post in again.valid] == [id(post) for post in collection.valid]


def test_commands_keep_the_memo_on_disk_and_notice_changes(tmp_path: Path) -> None:
    project = copy_fixture("news/fixtures/basic", tmp_path)
    site = load_site(project / "mkdocs.yml")
    assert len(site.posts(NOW).published) == 4
    stored = project / CACHE_FILE
    assert stored.is_file()
    post = project / "posts/2023/hop-thon.md"
    text = post.read_text(encoding="utf-8").replace("Họp thôn cuối năm", "Họp thôn tháng Chạp")
    post.write_text(text, encoding="utf-8")
    os.utime(post, ns=(post.stat().st_atime_ns, post.stat().st_mtime_ns + 1_000_000))
    titles_now = [p.title for p in load_site(project / "mkdocs.yml").posts(NOW).published]
    assert "Họp thôn tháng Chạp" in titles_now and "Họp thôn cuối năm" not in titles_now
    stored.write_bytes(b"not a pickle")
    assert len(load_site(project / "mkdocs.yml").posts(NOW).published) == 4
