"""The site layer: what every page needs, set up once per build whichever plugins a site uses.

trangxa-news, trangxa-procedures and trangxa-report each call `join` in on_config and keep
the Site it returns; from then on each hands the Site the same events, at the same priority
(SiteEvents holds those a plugin passes on unchanged).
The first plugin to join a build leads it, and only the lead's calls do anything, so a site
listing any one of the plugins, or all three in any order, gets:

- the theme folder (site/templates), trangxa's stylesheet and scripts and the one print-date
  script, and the engine's stand-in templates, registered through site.theme;
- the checks on the header's and footer's data and the agency's links for the templates
  (site.agency);
- the template settings every page relies on: autoescaping of trangxa's templates;
- the repairs of Material's HTML (site.htmlfix) on every page and on 404.html;
- while serving: the preview's assets and list of problems (site.preview);
- the engine's site-wide shortcuts, unless switched off (engine.siteshortcuts: theme parts
  drawn once per folder, Material's texts looked up once, the previous rebuild's files kept);
- the build's shared state (site.build.SiteBuild), the only thing the plugins exchange.

A Site lives as long as the process and is found by the path of mkdocs.yml, so what must
outlast one rebuild of `mkdocs serve` (compiled templates, the previous output) does; each new
build (a new config object) starts a new SiteBuild and a new lead.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from trangxa import engine
from trangxa.core.safehtml import autoescape_project_templates
from trangxa.site import agency, preview, theme
from trangxa.site.build import SiteBuild
from trangxa.site.htmlfix import fix_theme_html

if TYPE_CHECKING:
    from trangxa.engine import SiteShortcuts


@dataclass
class SiteLayer:
    """One site's shared parts; one plugin per build (the lead) sets them up and runs them."""

    build: SiteBuild = field(default_factory=SiteBuild)
    lead: str = ""
    command: str = "build"
    # The engine's site-wide shortcuts, kept while serving; None when switched off.
    shortcuts: SiteShortcuts | None = None
    config: weakref.ref[MkDocsConfig] | None = None

    def begin(self, config: MkDocsConfig, plugin: str, command: str, dirty: bool) -> bool:
        """Start a build with the first plugin that asks; True when `plugin` leads it."""
        if self.config is not None and self.config() is config:
            return self.lead == plugin
        self.config = weakref.ref(config)
        self.lead, self.command = plugin, command
        self.build = SiteBuild()
        theme.require_material(config)
        agency.check_site_labels(config)
        theme.register(
            config,
            theme.THEME_DIR,
            [theme.STYLESHEET],
            [theme.SCRIPT, theme.PRINT_DATE_SCRIPT],
        )
        self.shortcuts = engine.site_shortcuts_for(self.shortcuts, config, command, dirty)
        if command == "serve":
            preview.add_assets(config)
        return True

    def pre_build(self, config: MkDocsConfig) -> None:
        """While serving, shield the previous output from MkDocs' cleaning (engine shortcut)."""
        if self.shortcuts is not None:
            self.shortcuts.pre_build(config)

    def files(self, config: MkDocsConfig, files: Files) -> None:
        """Put the previous output back; check the pages the header links to."""
        if self.shortcuts is not None:
            self.shortcuts.files(config)
        agency.check_agency_pages(config.extra, files)

    def nav(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Learn which theme parts can be drawn once per folder in this build."""
        if self.shortcuts is not None:
            self.shortcuts.nav(config, files, nav)

    def env(self, env: Environment, config: MkDocsConfig) -> None:
        """What every template may use: escaping, the agency, Material's texts, this build."""
        autoescape_project_templates(env)
        env.globals["trangxa_agency_links"] = agency.agency_links(config.extra)
        env.globals["trangxa_site"] = self.build
        if self.shortcuts is not None:
            self.shortcuts.env(env, config)

    def post_build(self, config: MkDocsConfig) -> None:
        """List problems for the preview; drop files of pages that are gone."""
        if self.command == "serve":
            preview.write_problems(config.site_dir, self.build.problems())
        if self.shortcuts is not None:
            self.shortcuts.post_build(config)


@dataclass
class Site:
    """What one plugin holds of the site layer: every call does nothing unless it leads."""

    layer: SiteLayer
    leads: bool

    @property
    def build(self) -> SiteBuild:
        """This build's shared state: what the plugins publish for each other."""
        return self.layer.build

    @property
    def shortcuts(self) -> SiteShortcuts | None:
        """The engine's site-wide shortcuts of this build; None when switched off."""
        return self.layer.shortcuts

    def pre_build(self, config: MkDocsConfig) -> None:
        """on_pre_build."""
        if self.leads:
            self.layer.pre_build(config)

    def files(self, config: MkDocsConfig, files: Files) -> None:
        """on_files, before the plugin adds its own files."""
        if self.leads:
            self.layer.files(config, files)

    def nav(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """on_nav at priority -100, once every plugin has shaped the navigation."""
        if self.leads:
            self.layer.nav(config, files, nav)

    def env(self, env: Environment, config: MkDocsConfig) -> None:
        """on_env."""
        if self.leads:
            self.layer.env(env, config)

    def post_page(self, output: str) -> str:
        """on_post_page at priority -100: the page with Material's known faults repaired."""
        return fix_theme_html(output) if self.leads else output

    def post_template(self, output: str, template_name: str) -> str:
        """on_post_template: 404.html gets the same repairs as every other page."""
        if self.leads and template_name.endswith(".html"):
            return fix_theme_html(output)
        return output

    def post_build(self, config: MkDocsConfig) -> None:
        """on_post_build at priority -100."""
        if self.leads:
            self.layer.post_build(config)

    def build_error(self) -> None:
        """on_build_error: the site folder is half written, so the next rebuild starts clean."""
        if self.leads and self.layer.shortcuts is not None:
            self.layer.shortcuts.trust_previous = False


class SiteEvents:
    """The events a trangxa plugin hands to its Site unchanged, as plugin methods.

    news, procedures and report name it first among their base classes. A plugin with work
    of its own in one of these events defines the event itself and calls its Site there,
    at the same priority.
    """

    site: Site

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Hand the event to the site layer."""
        self.site.pre_build(config)

    # Last of all plugins, so the navigation is final.
    @event_priority(-100)
    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        """Hand the event to the site layer."""
        self.site.nav(config, files, nav)
        return nav

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Hand the event to the site layer."""
        return self.site.post_page(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Hand the event to the site layer."""
        return self.site.post_template(output_content, template_name)

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Hand the event to the site layer."""
        self.site.post_build(config)

    def on_build_error(self, *, error: Exception) -> None:
        """Hand the event to the site layer."""
        self.site.build_error()


_LAYERS: dict[str, SiteLayer] = {}


def layer_of(config: MkDocsConfig) -> SiteLayer:
    """The site layer of the site whose mkdocs.yml this config was read from."""
    return _LAYERS.setdefault(str(config.config_file_path), SiteLayer())


def join(config: MkDocsConfig, plugin: str, command: str, dirty: bool) -> Site:
    """Called by each trangxa plugin in on_config: the first one of a build sets the site up."""
    layer = layer_of(config)
    return Site(layer, layer.begin(config, plugin, command, dirty))


def build_of(config: MkDocsConfig) -> SiteBuild:
    """This build's shared state, for a plugin that only reads it (trangxa-search).

    Empty when no trangxa plugin has joined this build.
    """
    layer = _LAYERS.get(str(config.config_file_path))
    if layer is None or layer.config is None or layer.config() is not config:
        return SiteBuild()
    return layer.build
