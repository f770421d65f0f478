"""Arguments several commands share."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_source_arguments(parser: argparse.ArgumentParser, *, endpoint: bool = False) -> None:
    """--graph FILE... / --store DIR (and --endpoint URL where the command can use one)."""
    parser.add_argument("--graph", "-g", nargs="+", type=Path, default=[], metavar="FILE",
                        help="graph files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML)")
    parser.add_argument("--store", type=Path, metavar="DIR", help="an embedded Oxigraph store folder")
    if endpoint:
        parser.add_argument("--endpoint", metavar="URL", help="a remote SPARQL 1.1 endpoint")
