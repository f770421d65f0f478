"""Arguments several commands share."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def check_outputs(outputs: dict[str, Path | None], inputs: list[Path | str]) -> None:
    """Refuse, before any work, an output that is one of the inputs (or lies in an input folder
    such as a store) or that cannot be written. `outputs` maps what each is to its path."""
    from kg.atomic import check_output
    from kg.errors import OutputError

    for what, output in outputs.items():
        if output is None or str(output) == "-":
            continue
        target = _resolved(output)
        for given in inputs:
            source = _resolved(given)
            if target == source or (Path(given).is_dir() and source in target.parents and _is_store(Path(given))):
                raise OutputError(f"{output}: is one of the inputs ({given}); write {what} to another file")
        check_output(output, what)


def _resolved(path: Path | str) -> Path:
    return Path(os.path.realpath(path))


def _is_store(folder: Path) -> bool:
    return (folder / "CURRENT").is_file()


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
