"""What a build keeps of a post's converted HTML: summary, picture, and HTML for feeds."""

from __future__ import annotations

from trangxa.news.config import NewsConfig
from trangxa.news.excerpt import summary_of
from trangxa.news.picture import first_picture
from trangxa.news.shown import ShownPost


def keep_content(post: ShownPost, content: str, config: NewsConfig, in_feed: bool) -> None:
    """Store the summary taken from the post's HTML, and the HTML itself if a feed needs it.

    Listings show summaries only; holding the HTML of thousands of posts no feed carries
    would double the memory their pages already take.
    """
    post.html = content if in_feed else ""
    post.summary = summary_of(post.description, content, config.summary_length)
    post.picture = first_picture(content, post.url)
