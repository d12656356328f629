"""Only trangxa.engine leans on MkDocs' and Material's insides, and each time it says where.

Read as source code, not run: every module outside plugins/trangxa/engine/ may import from
the engine only the names its `__all__` lists, and touches no private name of MkDocs or
Material (one starting with a single underscore, defined in their code); no template outside the engine's own folder uses what
the engine's templates provide. Inside the engine, each private name used carries, a few lines
above, a link to the upstream line it mirrors.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import material
import mkdocs
import trangxa
from trangxa import engine

PACKAGE = Path(trangxa.__file__).parent
ENGINE = PACKAGE / "engine"
# What the engine's templates hand to each other; nothing else may rely on it.
ENGINE_TEMPLATE_NAMES = ("trangxa_fragments", "trangxa_translate", "trangxa_cached_output")
UPSTREAM = re.compile(
    r"https://github\.com/(mkdocs/mkdocs/blob/1\.6\.1|squidfunk/mkdocs-material/blob/9\.8\.1)/"
)
LINK_DISTANCE = 12


def modules(inside_engine: bool) -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if (ENGINE in path.parents) == inside_engine:
            yield path


@cache
def upstream_private_names() -> frozenset[str]:
    """Every name starting with one underscore that MkDocs or Material defines or assigns."""
    names = set()
    for package in (mkdocs, material):
        for path in Path(package.__file__).parent.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_bytes())):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                    names.add(node.name)
                elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                    names.add(node.attr)
                elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    names.add(node.id)
    return frozenset(n for n in names if n.startswith("_") and not n.startswith("__"))


def is_private(name: str) -> bool:
    return name in upstream_private_names()


def private_uses(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Private names read on anything but the object's own class or instance."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            owner = node.value
            if not (isinstance(owner, ast.Name) and owner.id in {"self", "cls"}):
                yield node.lineno, node.attr
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                if is_private(alias.name) and not node.module.startswith("trangxa"):
                    yield node.lineno, alias.name


def engine_imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Imports of the engine's inner modules, and names of the engine outside its `__all__`."""
    public = {*engine.__all__, *engine.PUBLIC_TYPES}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("trangxa.engine."):
                yield node.lineno, node.module
            elif node.module == "trangxa.engine":
                yield from ((node.lineno, a.name) for a in node.names if a.name not in public)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("trangxa.engine"):
                    yield node.lineno, alias.name
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "engine"
            and node.attr not in public
        ):
            yield node.lineno, f"engine.{node.attr}"


def test_the_checks_see_what_they_look_for() -> None:
    """Each check finds a use planted in a sample, so a pass below means something."""
    sample = ast.parse(
        "from trangxa.engine.render import Converter\n"
        "from trangxa import engine\n"
        "engine.FragmentMemo\n"
        "from mkdocs.structure.pages import _RawHTMLPreprocessor\n"
        "config._current_page = None\n"
        "self._own = 1\n"
        "os._exit(0)\n"
    )
    assert [line for line, _ in engine_imports(sample)] == [1, 3]
    assert list(private_uses(sample)) == [(4, "_RawHTMLPreprocessor"), (5, "_current_page")]


def test_modules_outside_the_engine_use_only_its_public_names() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {name}"
        for path in modules(inside_engine=False)
        for line, name in engine_imports(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_modules_outside_the_engine_touch_no_private_name() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}: {name}"
        for path in modules(inside_engine=False)
        for line, name in private_uses(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []


def test_templates_outside_the_engine_rely_on_nothing_of_it() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.html")):
        if ENGINE in path.parents:
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(PACKAGE)}: {n}" for n in ENGINE_TEMPLATE_NAMES if n in text]
        if "trangxa-material/" in text:
            found.append(f"{path.relative_to(PACKAGE)}: trangxa-material/")
    assert found == []


def test_every_private_name_in_the_engine_links_the_upstream_line() -> None:
    unlinked = []
    seen = 0
    for path in modules(inside_engine=True):
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, name in private_uses(ast.parse("\n".join(lines))):
            seen += 1
            above = lines[max(0, line - 1 - LINK_DISTANCE) : line]
            if not any(UPSTREAM.search(text) for text in above):
                unlinked.append(f"{path.relative_to(PACKAGE)}:{line}: {name}")
    assert seen > 5
    assert unlinked == []
