"""Whatever trangxa plugins a site lists, every page gets the theme, its assets and its repairs.

The site layer (trangxa.site.layer) is set up by the first trangxa plugin of each build; these
sites have no news plugin, or list the report plugin first, so something other than the news
plugin must have done it, and done it once.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from trangxa.site import names, theme
from trangxa.site.htmlfix import DRAWER_BUTTON_NAME, SEARCH_DIALOG_NAME
from trangxa.site.layer import join, layer_of

from tests.sitebuild import BuildResult, build_site, copy_fixture

ASSETS = (
    "assets/trangxa/trangxa.css",
    "assets/trangxa/trangxa.js",
    "assets/trangxa/print-date.js",
)


def assert_site_page(result: BuildResult, path: str) -> None:
    """trangxa's frame, its assets loaded once each, and Material's faults repaired."""
    html = result.read(path)
    assert 'class="tx-agency' in html, f"{path}: thiếu phần đầu trang của trangxa"
    for asset in ASSETS:
        assert len(re.findall(rf'"[./]*{re.escape(asset)}', html)) == 1, f"{path}: {asset}"
    # The repairs of site/htmlfix.py: no autocomplete on a checkbox, a named menu button
    # that takes focus, a named search dialog.
    for tag in re.findall(r"<input\b[^>]*>", html):
        assert not ('type="checkbox"' in tag and "autocomplete" in tag), f"{path}: {tag}"
    assert f'tabindex="0"><span class="tx-visually-hidden">{DRAWER_BUTTON_NAME}' in html
    assert f'role="dialog" aria-label="{SEARCH_DIALOG_NAME}"' in html


def test_a_site_with_only_the_procedures_plugin_gets_the_site_layer(tmp_path: Path) -> None:
    project = copy_fixture("procedures/fixtures/basic", tmp_path)
    config_text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert names.NEWS not in config_text and names.REPORT not in config_text
    result = build_site(project)
    for asset in (*ASSETS, "assets/trangxa/procedures.css", "assets/trangxa/procedures.js"):
        assert (result.site_dir / asset).is_file(), asset
    assert_site_page(result, "thu-tuc/index.html")
    procedure = next((result.site_dir / "thu-tuc").glob("*/*/index.html"))
    assert_site_page(result, str(procedure.relative_to(result.site_dir)))
    assert_site_page(result, "index.html")
    # 404.html is written without on_post_page; the same repairs reach it all the same.
    assert_site_page(result, "404.html")
    assert result.config is not None
    assert layer_of(result.config).lead == names.PROCEDURES


def test_the_report_plugin_listed_first_sets_the_site_up_once(tmp_path: Path) -> None:
    project = copy_fixture("report/fixtures/boundaries", tmp_path)
    result = build_site(project)
    config = result.config
    assert config is not None
    assert list(config.plugins)[1:4] == [names.REPORT, names.PROCEDURES, names.NEWS]
    assert layer_of(config).lead == names.REPORT
    assert config.theme.dirs.count(str(theme.THEME_DIR)) == 1
    assert [str(s) for s in config.extra_javascript].count(theme.PRINT_DATE_SCRIPT) == 1
    assert config.extra_css.count(theme.STYLESHEET) == 1
    assert_site_page(result, "thong-ke/index.html")
    assert_site_page(result, "404.html")


def test_only_the_first_plugin_to_join_a_build_leads_it(tmp_path: Path) -> None:
    project = copy_fixture("procedures/fixtures/basic", tmp_path)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    first = join(config, names.PROCEDURES, "build", False)
    second = join(config, names.NEWS, "build", False)
    assert first.leads and not second.leads
    shared = first.build
    assert second.build is shared
    # The same plugin asking again in the same build still leads; nothing is added twice.
    assert join(config, names.PROCEDURES, "build", False).leads
    assert config.theme.dirs.count(str(theme.THEME_DIR)) == 1
    # Only the lead repairs, so a page is repaired once whichever plugins hand it over.
    toggle = '<input type="checkbox" id="__drawer" autocomplete="off">'
    assert first.post_page(toggle) == '<input type="checkbox" id="__drawer">'
    assert second.post_page(toggle) == toggle
    # A new build (a new config read from the same mkdocs.yml) starts afresh.
    again = load_config(config_file=str(project / "mkdocs.yml"))
    assert join(again, names.NEWS, "build", False).leads
    assert layer_of(again).build is not shared


@pytest.mark.parametrize("template", ["404.html", "sitemap.xml"])
def test_static_templates_are_repaired_only_when_they_are_html(
    tmp_path: Path, template: str
) -> None:
    project = copy_fixture("procedures/fixtures/basic", tmp_path)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    site = join(config, names.PROCEDURES, "build", False)
    html = '<input type="checkbox" id="__search" autocomplete="off">'
    repaired = site.post_template(html, template)
    assert ("autocomplete" in repaired) == template.endswith(".xml")
