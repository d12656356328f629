"""The files posts link to: other posts, attachments, and files no post links to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from trangxa.core.problems import Problem
from trangxa.news import attachments, links
from trangxa.news.authors import authors_file
from trangxa.news.collect import PostCollection
from trangxa.news.shown import ShownPost

if TYPE_CHECKING:
    from trangxa.news.state import NewsState


def link_targets(
    state: NewsState, root: Path, docs_dir: Path, posts_dir: Path
) -> links.LinkTargets:
    """Every post file by its path: shown ones with their address, the others by name only."""
    targets = links.LinkTargets(root, docs_dir, posts_dir)
    for post in state.shown:
        targets.posts[links.nfc_key(Path(post.abs_path).resolve())] = post
    others = [Path(post.abs_path) for post in state.collection.valid]
    others += [root / problem.path for problem in state.collection.errors]
    for path in others:
        key = links.nfc_key(path.resolve())
        if key not in targets.posts:
            targets.unpublished.add(key)
    return targets


def unlinked_files(
    collection: PostCollection, root: Path, state: NewsState, posts_dir: Path
) -> list[Problem]:
    """Files under posts/ that no post links to: they would silently stay unpublished."""
    # Compared after NFC: a name saved in NFD (Mac, phone) matches the link typed in NFC.
    linked = {links.nfc_key(path) for path in state.attachment_sources.values()}
    # Material's list of authors, read by the plugin itself.
    linked.add(links.nfc_key(authors_file(posts_dir).resolve()))
    for post in collection.valid:
        url = collection.urls.get(post.source)
        if url and f"{url}index.md" in state.posts_by_uri:
            continue
        for target in attachments.local_targets(post.body):
            linked.add(links.nfc_key((post.folder / target).resolve()))
    return [
        Problem(
            source,
            None,
            "Tệp này nằm trong thư mục bài viết nhưng không bài nào liên kết tới nên sẽ không "
            "được đăng. Liên kết tới tệp từ một bài viết, hoặc chuyển tệp ra khỏi thư mục này.",
            "warning",
        )
        for source in collection.other_files
        if links.nfc_key((root / source).resolve()) not in linked
    ]


def find_attachments(post: ShownPost, posts_root: Path, state: NewsState) -> None:
    """Record the files a post links to; a link to a missing file is a warning.

    posts_root is the resolved posts folder.
    """
    for target in attachments.local_targets(post.body):
        line = attachments.line_of(post.body, target, post.body_line)
        path, problem = attachments.resolve(post.folder, target, line, post.source)
        if path is not None and not path.is_relative_to(posts_root):
            path, problem = (
                None,
                Problem(
                    post.source,
                    line,
                    f'Liên kết "{target}" trỏ ra ngoài thư mục bài viết. '
                    "Chép tệp vào cạnh bài viết rồi liên kết theo tên tệp.",
                    "warning",
                ),
            )
        if problem is not None:
            state.warnings.append(problem)
            continue
        assert path is not None
        uri = attachments.published_uri(post.url, target)
        state.attachment_sources[uri] = path
        if path.suffix.lower() not in attachments.IMAGE_SUFFIXES:
            post.attachments.append(
                attachments.Attachment(
                    path.name, uri, attachments.kind_of(path), path.stat().st_size
                )
            )
