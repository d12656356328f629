"""The templates and assets trangxa adds to Material, and the one way to add them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

THEME_DIR = Path(__file__).parent / "templates"
STYLESHEET = "assets/trangxa/trangxa.css"
SCRIPT = "assets/trangxa/trangxa.js"
# One print date for posts and procedure sheets, in Vietnam time.
PRINT_DATE_SCRIPT = "assets/trangxa/print-date.js"


def register(
    config: MkDocsConfig,
    folder: Path,
    stylesheets: Sequence[str] = (),
    scripts: Sequence[str] = (),
) -> None:
    """The one way a part of trangxa adds templates and assets to the site.

    The folder goes after the site's own overrides (so `overrides/` can replace any of its
    templates) and before Material's. Files in it that are not templates, such as
    assets/trangxa/*.css, are copied into the site like Material's own. The stylesheets and
    scripts, given by their address in the site, are loaded on every page. Asking twice
    changes nothing, whichever plugin asks.
    """
    dirs = config.theme.dirs
    path = str(folder)
    if path not in dirs:
        custom = config.theme.custom_dir
        position = 1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0
        dirs.insert(position, path)
    for stylesheet in stylesheets:
        if stylesheet not in config.extra_css:
            config.extra_css.append(stylesheet)
    for script in scripts:
        if script not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(script)


def template_dirs(config: MkDocsConfig) -> list[str]:
    """The template folders in the order Jinja searches them: overrides, trangxa, Material."""
    return list(config.theme.dirs)


def require_material(config: MkDocsConfig) -> None:
    """Stop at once, with what to change, on a combination trangxa cannot build."""
    name = config.theme.name
    if name != "material":
        raise PluginError(
            f'Trang đang dùng giao diện "{name or "không tên"}", nhưng trangxa chỉ chạy với '
            "giao diện Material for MkDocs. Trong mkdocs.yml, sửa mục theme thành:\n"
            "  theme:\n    name: material\n    language: vi"
        )
    for key, plugin in config.plugins.items():
        if type(plugin).__module__.startswith("material.plugins.blog"):
            raise PluginError(
                f'mkdocs.yml đang bật plugin "{key}" (blog của Material) cùng với trangxa-news. '
                "Hai plugin cùng làm tin bài nên không dùng chung được: xóa dòng "
                f'"- {key.removeprefix("material/")}" trong mục plugins của mkdocs.yml; bài viết '
                "của blog chuyển vào thư mục posts/ (xem hướng dẫn cán bộ, mục chuyển từ blog "
                "của Material)."
            )
