"""Where the files that ship with kg live: the ontology, the ready-made queries and the word lists.

In a source checkout (and an editable install) they sit at the top of the project; in a wheel
they are copied into the package (see pyproject's force-include). Callers never care which.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_PROJECT = _PACKAGE.parent


@cache
def _folder(name: str) -> Path:
    for candidate in (_PACKAGE / f"_{name}", _PROJECT / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kg's {name} folder is missing (looked in {_PACKAGE} and {_PROJECT})")


def ontology_path(filename: str = "diplomacy.ttl") -> Path:
    """A file of the ontology folder: diplomacy.ttl, shapes.ttl."""
    return _folder("ontology") / filename


def queries_dir() -> Path:
    """The folder of ready-made SPARQL queries (*.rq)."""
    return _folder("queries")


def data_path(filename: str) -> Path:
    """A word list or gazetteer under kg/data."""
    return _PACKAGE / "data" / filename
