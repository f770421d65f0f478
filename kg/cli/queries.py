"""`kg queries [NAME]`: the ready-made queries, what each answers and its parameters."""

from __future__ import annotations

import sys
import textwrap


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "queries",
        help="list the ready-made SPARQL queries and their parameters",
        description="List the ready-made queries `kg query NAME` runs; with a NAME, show it in full.",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="show this query: what it answers, its "
                        "parameters, examples")
    parser.add_argument("--sparql", action="store_true", help="with NAME: print the query's SPARQL text")
    parser.set_defaults(run=run)


def run(args) -> int:
    from kg.query import find_query, list_queries

    if args.name is None:
        sys.stdout.write(catalogue_text(list_queries()))
        return 0
    query = find_query(args.name)
    sys.stdout.write(query.text if args.sparql else query_text(query))
    return 0


def catalogue_text(queries) -> str:
    """One entry per query: its name and summary, then its parameters."""
    lines = []
    for query in queries:
        lines.append(query.name)
        lines.extend(textwrap.wrap(query.summary, 100, initial_indent="    ", subsequent_indent="    "))
        if query.params:
            lines.append("    parameters: " + ", ".join(p.usage() for p in query.params))
        lines.append("")
    lines.append("Run one with `kg query NAME --store DIR --param name=value`; `kg queries NAME` shows it in full.")
    return "\n".join(lines) + "\n"


def query_text(query) -> str:
    """A query in full: summary, description, parameters with their kinds, examples, file."""
    from kg.query import KINDS

    lines = [f"{query.name}: {query.summary}"]
    if query.description:
        lines += ["", *textwrap.wrap(query.description, 100)]
    if query.params:
        lines += ["", "parameters:"]
        for param in query.params:
            lines.append(f"  {param.usage()}")
            lines.extend(textwrap.wrap(param.description, 96, initial_indent="      ", subsequent_indent="      "))
            lines.append(f"      ({param.kind}: {KINDS[param.kind]})")
    if query.examples:
        lines += ["", "examples:", *(f"  {example}" for example in query.examples)]
    if query.path is not None:
        lines += ["", f"file: {query.path}"]
    return "\n".join(lines) + "\n"
