"""A lean install: `make demo` sets up only what the demo runs; servers and the browser are the tests' own."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
TEST_ONLY = {"playwright", "oxigraph", "pytest", "hypothesis", "ruff"}


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements}


def recipe(target: str) -> tuple[str, list[str]]:
    """A Makefile target's prerequisites and its command lines."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{target}:"))
    commands = []
    for line in lines[start + 1:]:
        if not line.startswith("\t"):
            break
        commands.append(line.strip())
    return lines[start].split(":", 1)[1], commands


def test_kg_itself_needs_no_test_server_and_no_browser():
    assert not names(PROJECT["dependencies"]) & TEST_ONLY
    extras = PROJECT["optional-dependencies"]
    assert {"playwright", "oxigraph", "pytest"} <= names(extras["test"])
    assert names(extras["browser"]) == {"playwright"}


def test_the_demo_installs_no_system_package_and_takes_no_screenshot():
    prerequisites, commands = recipe("demo")
    assert "system-deps" not in prerequisites and ".installed-test" not in prerequisites
    assert commands and not any("--png" in c or "system-deps" in c or "[test]" in c for c in commands)
    assert "$(VENV)/.installed" in prerequisites


def test_the_tests_set_up_their_servers_and_browser():
    prerequisites, _ = recipe("test")
    assert "system-deps" in prerequisites and ".installed-test" in prerequisites
    _, install = recipe("$(VENV)/.installed-test")
    assert any("'.[test]'" in line for line in install)
    script = (ROOT / "scripts" / "system-deps.sh").read_text(encoding="utf-8")
    assert "virtuoso-opensource" in script and "chromium" in script
