"""Jinja shortcuts: compiled templates kept while serving, a plain template cache, Material's texts."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory between rebuilds of `mkdocs serve`.

    MkDocs makes a new template environment for each rebuild, which would compile Material's
    templates again every time. Jinja checks each stored entry against its template's source,
    so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from the store, if the template was compiled before."""
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a freshly compiled template."""
        self.store[bucket.key] = bucket.bytecode_to_string()


def use_plain_template_cache(env: Environment) -> None:
    """Keep loaded templates in a plain dict instead of Jinja's locked LRU cache.

    Material's pages include and import templates some thirty times each, and every one asks
    the cache; its lock and reordering were a visible share of rendering. A build loads a few
    dozen templates, so nothing needs evicting.
    """
    if env.cache is not None and not env.cache:
        env.cache = {}


def material_translator(env: Environment, language: str) -> Callable[[str], Any]:
    """Material's `t` macro as a function that looks each key up once per build.

    Material's macro builds its whole table of about eighty texts on every call, dozens of
    times per page. The texts come from the same templates, so an override of a language
    file in the site's own theme folder still applies.
    """
    # Template modules expose their macros as attributes Jinja cannot type.
    chosen: Any = env.get_template(f"partials/languages/{language}.html").module
    fallback: Any = env.get_template("partials/languages/en.html").module

    @cache
    def translate(key: str) -> Any:
        return chosen.t(key) or fallback.t(key) or key

    return translate
