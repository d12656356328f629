"""The engine's shortcuts: everything in trangxa that leans on MkDocs' or Material's private code.

See the list of private names below; nothing outside this package uses them.
"""

from __future__ import annotations

from trangxa.engine.render import PostPage, render_heading

__all__ = ["PostPage", "render_heading"]
