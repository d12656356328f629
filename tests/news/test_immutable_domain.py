"""A build leaves every parsed post and procedure exactly as it was read.

Posts read once serve every rebuild of `mkdocs serve`, and procedures are shared by the pages,
the feed and the statistics: what a build adds (addresses, rewritten links, HTML, summaries,
attachments, page addresses) must live beside them, never in them.
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest
from trangxa.news import state as news_state
from trangxa.news.collect import PostCollection
from trangxa.news.post import Post
from trangxa.procedures import plugin as procedures_plugin
from trangxa.procedures.model import Procedure
from trangxa.site import names

from tests.sitebuild import build_site

REPO = Path(__file__).resolve().parents[2]
PINNED_CLOCK = "1796094000"

# A post linking to another post and to an attachment: both get rewritten or recorded by the
# build, the two things that once changed the post itself.
LINKING_POST = (
    "---\ntitle: Bài có liên kết\ndate: 02/06/2025\ncategories: [Tin tức]\n---\n\n"
    "Xem [bài kia](bai-kia.md) và [kế hoạch](ke-hoach.pdf).\n\n![Sơ đồ xã](so-do.png)\n"
)
LINKED_POST = "---\ntitle: Bài kia\ndate: 01/06/2025\ncategories: [Thông báo]\n---\n\nHết.\n"


def sample(destination: Path) -> Path:
    project = destination / "sample"
    for name in ("docs", "posts", "procedures", "overrides"):
        shutil.copytree(REPO / name, project / name)
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    folder = project / "posts" / "2025"
    folder.mkdir(exist_ok=True)
    (folder / "co-lien-ket.md").write_text(LINKING_POST, encoding="utf-8")
    (folder / "bai-kia.md").write_text(LINKED_POST, encoding="utf-8")
    (folder / "ke-hoach.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "so-do.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return project


class Snapshots:
    """Every post and procedure as read, and a deep copy taken before the build used them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.posts: list[Post] = []
        self.post_copies: list[Post] = []
        self.procedures: list[Procedure] = []
        self.procedure_copies: list[Procedure] = []
        collect = news_state.collect_posts
        load = procedures_plugin.load_procedures

        def collect_and_copy(*args: Any, **kwargs: Any) -> PostCollection:
            collection = collect(*args, **kwargs)
            self.posts = collection.valid
            self.post_copies = copy.deepcopy(self.posts)
            return collection

        def load_and_copy(*args: Any, **kwargs: Any) -> Any:
            procedures, problems = load(*args, **kwargs)
            self.procedures = list(procedures)
            self.procedure_copies = copy.deepcopy(self.procedures)
            return procedures, problems

        monkeypatch.setattr(news_state, "collect_posts", collect_and_copy)
        monkeypatch.setattr(procedures_plugin, "load_procedures", load_and_copy)


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_build_changes_no_post_and_no_procedure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PINNED_CLOCK)
    seen = Snapshots(monkeypatch)
    result = build_site(sample(tmp_path), command=command, site_dir=tmp_path / "site")

    # The build did the work that used to be written into the posts.
    page = result.read("tin-tuc/2025/bai-co-lien-ket/index.html")
    assert 'href="../bai-kia/"' in page and "ke-hoach.pdf" in page
    assert len(seen.posts) > 10 and len(seen.procedures) > 5
    assert any(post.status == "draft" for post in _state(result).shown) == (command == "serve")
    # Yet every post and procedure is field for field what was read.
    assert seen.posts == seen.post_copies
    assert seen.procedures == seen.procedure_copies
    with pytest.raises(dataclasses.FrozenInstanceError):
        seen.posts[0].body = "đã sửa"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        seen.procedures[0].page_path = "khac"  # type: ignore[misc]


def _state(result: Any) -> news_state.NewsState:
    plugin: Any = result.config.plugins[names.NEWS]
    found: news_state.NewsState = plugin.state
    return found
