"""Arguments several commands share, and the one convention for naming where a graph is.

Every command that reads a graph takes it the same way: as positional SOURCE arguments (a graph
file, a store folder, or an endpoint URL where the command can query one), or through options
that each take exactly one value per use (`--source`, `--graph`, `--store`, `--endpoint`), so an
option never swallows the positional argument after it (`kg query --graph g.ttl who-met-whom`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_source_arguments(parser: argparse.ArgumentParser, *, endpoint: bool = False, positional: bool = True) -> None:
    """SOURCE... positionals and --source / --graph / --store (and --endpoint where the command can use one)."""
    where = "a graph file, a store folder" + (" or an endpoint URL" if endpoint else "")
    if positional:
        parser.add_argument("sources", nargs="*", metavar="SOURCE", default=[],
                            help=f"where the graph is: {where} (repeatable)")
    parser.add_argument("--source", "-s", action="append", default=[], metavar="SOURCE", dest="source",
                        help=f"{where}; one per use, repeatable")
    parser.add_argument("--graph", "-g", action="append", type=Path, default=[], metavar="FILE",
                        help="a graph file (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML); one per use, "
                        "repeatable")
    parser.add_argument("--store", type=Path, metavar="DIR", help="an embedded Oxigraph store folder")
    if endpoint:
        parser.add_argument("--endpoint", metavar="URL", help="a remote SPARQL 1.1 endpoint")
    parser.add_argument("--allow-network", action="store_true",
                        help="let graph files and queries reach the network: fetch the JSON-LD @context URLs a "
                        "file names, run SERVICE calls (off by default: graph files and queries are untrusted)")
    parser.add_argument("--max-graph-size", type=float, metavar="MB",
                        help="read graph files into memory up to this many MB together (default: 128 with rdflib, "
                        "1024 with Oxigraph); larger graphs belong in a store (--store)")


def resolve_sources(args: argparse.Namespace, *, endpoint: bool = False) -> None:
    """Sort the SOURCE positionals and --source values into args.graph, args.store and args.endpoint."""
    from kg.sources import split_sources

    values = [*getattr(args, "sources", []), *getattr(args, "source", [])]
    graphs, store, url = split_sources(values, endpoints=endpoint)
    if store is not None:
        if args.store is not None and Path(args.store) != store:
            from kg.errors import UsageError

            raise UsageError(f"one store at a time: {args.store} and {store}")
        args.store = store
    if url is not None:
        if getattr(args, "endpoint", None) and args.endpoint != url:
            from kg.errors import UsageError

            raise UsageError(f"one endpoint at a time: {args.endpoint} and {url}")
        args.endpoint = url
    args.graph = [*graphs, *args.graph]
    if not hasattr(args, "endpoint"):
        args.endpoint = None


def graph_format_option(value: str) -> str:
    """argparse type of a --format naming an RDF format: any name rdflib or Jena users type."""
    from kg.graphio import graph_format_name

    return _as_argument_error(graph_format_name, value)


def export_format_option(value: str) -> str:
    """argparse type of `kg export --format`: an RDF format by any usual name, graphml or gexf."""
    from kg.export import NETWORK_FORMATS

    if value.strip().lower() in NETWORK_FORMATS:
        return value.strip().lower()
    return graph_format_option(value)


def _as_argument_error(convert, value: str):
    from kg.errors import UsageError

    try:
        return convert(value)
    except UsageError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def note(command: str, text: str, *, to_stderr: bool = True) -> None:
    """An information line (a summary, how a result was fetched): on stdout, or on stderr when
    stdout carries the data, worded so that it never reads as an error (`kg CMD: note: ...`)."""
    if to_stderr:
        print(f"kg {command}: note: {text}", file=sys.stderr)
    else:
        print(text)
