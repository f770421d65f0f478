"""One direction for the data layer (issue 10): the engine interface and what it stands on (kg.engine,
kg.sparql, kg.store, kg.remote, kg.sources, kg.guard, kg.graphio) import none of the commands that
use them, not even inside a function, so that no import goes round in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kg"
DATA_LAYER = ("kg.engine", "kg.sparql", "kg.store", "kg.remote", "kg.sources", "kg.guard", "kg.graphio")
COMMANDS = ("kg.query", "kg.stats", "kg.viz", "kg.export", "kg.validate", "kg.network", "kg.cli")


def module_file(name: str) -> Path | None:
    relative = Path(*name.split("."))
    for candidate in (PACKAGE.parent / relative.with_suffix(".py"), PACKAGE.parent / relative / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported(name: str) -> set[str]:
    """The kg modules a module imports anywhere in its text (functions included; TYPE_CHECKING blocks not)."""
    path = module_file(name)
    if path is None or name == "kg":
        return set()  # kg/__init__.py loads its public names lazily, when first used
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    typing_only = [n for n in ast.walk(tree) if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)]
    skipped = {id(n) for node in typing_only for child in node.body for n in ast.walk(child)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("kg"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("kg"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names if module_file(f"{node.module}.{a.name}"))
    return {m for m in found if module_file(m) is not None}


def reachable(start: str) -> dict[str, str]:
    """Every kg module that importing `start` may load (at once or later), with the one that imports it."""
    seen: dict[str, str] = {start: ""}
    todo = [start]
    while todo:
        current = todo.pop()
        for name in imported(current):
            if name not in seen:
                seen[name] = current
                todo.append(name)
    return seen


def chain(seen: dict[str, str], name: str) -> str:
    links = [name]
    while seen[links[-1]]:
        links.append(seen[links[-1]])
    return " <- ".join(links)


@pytest.mark.parametrize("module", DATA_LAYER)
def test_the_data_layer_imports_no_command(module):
    seen = reachable(module)
    back = [chain(seen, name) for name in seen if name.startswith(COMMANDS)]
    assert back == []


def test_the_walk_finds_imports_inside_functions():
    # kg.engine opens endpoints only when asked, with an import inside open_engine
    assert "kg.remote" in imported("kg.engine")
    assert "kg.engine" in reachable("kg.query")
