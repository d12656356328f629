"""The engine's shortcuts every page of a site shares, run by the site layer when switched on.

Material's parts drawn once per folder (fragments), its texts looked up once and templates
kept compiled (jinja), the engine's stand-in templates (theme/), and while serving the
previous rebuild's files left in place (serve_output). With the shortcuts off the site layer
makes none of this, and MkDocs and Material do it all their own way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from trangxa.engine import fragments, jinja, serve_output
from trangxa.site import theme


@dataclass
class SiteShortcuts:
    """What the site's shortcuts keep: for as long as the process serves the site."""

    compiled_templates: jinja.CompiledTemplates = field(default_factory=jinja.CompiledTemplates)
    fragments: fragments.FragmentMemo = field(default_factory=fragments.FragmentMemo)
    previous: serve_output.PreviousOutput = field(default_factory=serve_output.PreviousOutput)
    command: str = "build"
    dirty: bool = False
    holding: bool = False
    trust_previous: bool = True
    filtering_kept_pages: bool = False

    @property
    def keeps_output(self) -> bool:
        """Unchanged pages keep their files between rebuilds of `mkdocs serve`."""
        return self.command == "serve" and not self.dirty

    def begin(self, config: MkDocsConfig, command: str, dirty: bool) -> None:
        """The engine's templates in place; while serving, MkDocs' notice about kept pages hidden."""
        self.command, self.dirty = command, dirty
        # After trangxa's folder, so it comes first: its templates stand in for trangxa's.
        theme.register(config, fragments.TEMPLATES_DIR)
        if command == "serve" and not self.filtering_kept_pages:
            logging.getLogger("mkdocs.commands.build").addFilter(
                serve_output.KeptPageFilter(self.previous)
            )
            self.filtering_kept_pages = True

    def pre_build(self, config: MkDocsConfig) -> None:
        """While serving, shield the previous output from MkDocs' cleaning (see serve_output)."""
        self.previous.start()
        self.holding = False
        if self.keeps_output and self.trust_previous:
            self.holding = serve_output.hold(config.site_dir)
        self.trust_previous = True

    def files(self, config: MkDocsConfig) -> None:
        """MkDocs has cleaned the site folder: put the previous output back."""
        if self.holding:
            self.previous.mark_ns = serve_output.restore(config.site_dir)
            self.holding = False

    def nav(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Learn which theme parts can be drawn once per folder in this build."""
        self.fragments.begin(config, files, nav)

    def env(self, env: Environment, config: MkDocsConfig) -> None:
        """Material's parts drawn once per folder, its texts looked up once, templates kept."""
        fragments.add_original_templates(env)
        jinja.use_plain_template_cache(env)
        env.globals["trangxa_translate"] = jinja.material_translator(
            env, str(config.theme["language"])
        )
        env.globals["trangxa_fragments"] = self.fragments
        if self.command == "serve":
            env.bytecode_cache = self.compiled_templates

    def post_build(self, config: MkDocsConfig) -> None:
        """Drop the files of pages that are gone since the previous rebuild."""
        if self.previous.mark_ns is not None:
            serve_output.prune(config.site_dir, self.previous.mark_ns, self.previous.kept)
