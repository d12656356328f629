"""The news section's MkDocs files: post pages and attachment copies (listings: listing_pages)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel

from trangxa import engine
from trangxa.news.state import NewsState


def generated_files(state: NewsState, config: MkDocsConfig, root: Path) -> list[File]:
    """Pages for posts, and copies of attachments, none of them in docs/.

    Each page object is made here, so MkDocs uses ours instead of making a plain one. The
    listings (news.listing_pages) are added before these.
    """
    files = []
    for uri, post in state.posts_by_uri.items():
        file = File.generated(config, uri, content=post.body, inclusion=InclusionLevel.NOT_IN_NAV)
        engine.post_page(file, config)
        files.append(file)
    for uri, path in state.attachment_sources.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files

