"""`kg validate GRAPH...`: check graphs against the contract's SHACL shapes (ontology/shapes.ttl)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli._common import add_source_arguments, note, resolve_sources
from kg.errors import GraphError, UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check a graph against the ontology's SHACL shapes",
        description="Check graphs (the union of all their named graphs) against kg's SHACL shapes "
        "and print one line per violation. Exit status: 0 the graph conforms (warnings allowed), "
        "1 there are violations, 2 the command could not run (bad arguments, a missing or "
        "unreadable file).",
    )
    add_source_arguments(parser)
    parser.add_argument("--shapes", type=Path, metavar="FILE",
                        help="a SHACL shapes file to use instead of kg's own ontology/shapes.ttl (with --store: "
                        "checks everything with pyshacl, as --full does)")
    parser.add_argument("--full", action="store_true",
                        help="with --store: run pyshacl over the whole store (in memory) instead of reading the "
                        "checks made when each article was built and checking across articles with SPARQL")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.sources import load_dataset
    from kg.validate import format_report, validate

    resolve_sources(args)
    graphs = list(args.graph)
    if not graphs and args.store is None:
        raise UsageError("no graph given: pass graph files or a store folder (or --graph FILE, --store DIR)")
    for path in graphs:
        if not path.is_file():
            raise UsageError(f"{path}: no such graph file")
    try:
        # An unreadable input means nothing was checked: a usage error, so that exit 1 keeps
        # meaning "the graph has violations".
        if args.store is not None and not graphs and not args.full and args.shapes is None:
            from kg.engine import open_engine
            from kg.validate import validate_store

            report, check = validate_store(open_engine(store=args.store))
            note("validate", str(check))  # stdout holds the report alone
        else:
            report = validate(load_dataset(graphs, args.store), shapes_path=args.shapes)
    except GraphError as err:
        raise UsageError(str(err)) from err
    print(format_report(report))
    return 0 if report.conforms else 1
