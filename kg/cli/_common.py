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
    parser.add_argument("--allow-network", action="store_true",
                        help="let graph files and queries reach the network: fetch the JSON-LD @context URLs a "
                        "file names, run SERVICE calls (off by default: graph files and queries are untrusted)")
    parser.add_argument("--max-graph-size", type=float, metavar="MB",
                        help="read graph files into memory up to this many MB together (default: 128 with rdflib, "
                        "1024 with Oxigraph); larger graphs belong in a store (--store)")
