"""`kg query QUERY`: a ready-made query, a .rq file or SPARQL text, on graph files, a store or an endpoint."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli._common import add_source_arguments, note, resolve_sources
from kg.errors import UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a SPARQL query (a ready-made one, a .rq file or text) on a graph, store or endpoint",
        description="Run a SPARQL query on graph files, an embedded store or a remote endpoint. QUERY is "
        "the name of a ready-made query (`kg queries` lists them), a .rq file, or SPARQL text. "
        "Parameters are bound as RDF terms, never pasted into the query.",
    )
    parser.add_argument("query", metavar="QUERY", help="a ready-made query name, a .rq file, or SPARQL text")
    add_source_arguments(parser, endpoint=True)
    parser.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                        help="a parameter of the query (repeatable), e.g. --param actor=بوتين")
    parser.add_argument("--format", "-f", type=_format_option, metavar="FORMAT",
                        help="table (aligned, labels for IRIs; the default), or the SPARQL 1.1 results formats "
                        "csv, tsv, json (srj) and xml (srx); a CONSTRUCT or DESCRIBE query's graph in ttl, nt, "
                        "nq, trig, jsonld or rdfxml. Default: what the -o file's suffix says, else the table")
    parser.add_argument("--labels", action=argparse.BooleanOptionalAction, default=None,
                        help="after each column of IRIs, add its labels (COLUMN_ar, COLUMN_en) in csv, tsv, json "
                        "and xml (default: on for ready-made queries and .rq files, off for SPARQL text)")
    parser.add_argument("--lang", default="ar", help="language of the labels the table shows (default ar)")
    parser.add_argument("--iris", action="store_true", help="show IRIs (shortened) instead of labels in the table")
    parser.add_argument("--max-width", type=int, default=60, metavar="N",
                        help="cut table cells longer than N characters (0: never; default 60)")
    parser.add_argument("--no-isolates", action="store_true",
                        help="do not wrap Arabic table cells in Unicode isolates (they are only ever written to "
                        "a terminal; use this for terminals that show them)")
    parser.add_argument("--limit", type=int, metavar="N", help="print at most N rows")
    parser.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph",
                        help="SPARQL engine for --graph files (default oxigraph, in memory)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S", help="endpoint timeout in seconds")
    parser.add_argument("--page-size", type=int, metavar="N",
                        help="fetch endpoint results in pages of N rows (default: only when the server cuts them)")
    parser.add_argument("--auth", choices=("basic", "digest"),
                        help="HTTP auth for the endpoint, with KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD or netrc")
    parser.add_argument("--show-query", action="store_true",
                        help="print the query with its parameters bound, and do not run it")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the results here (UTF-8)")
    parser.set_defaults(run=run)


def parse_params(pairs: list[str]) -> dict[str, str]:
    """NAME=VALUE pairs as a dict (UsageError for a pair without '=')."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise UsageError(f"--param {pair!r}: expected NAME=VALUE, e.g. --param actor=بوتين")
        params[name.strip()] = value
    return params


def run(args) -> int:
    from dataclasses import replace

    from kg.query import (
        QueryResult,
        bind,
        fetch_labels,
        format_result,
        open_engine,
        resolve_query,
        result_format_for,
        with_labels,
    )

    resolve_sources(args, endpoint=True)
    fmt = result_format_for(args.output, args.format)  # a wrong format fails before the query runs
    query = resolve_query(args.query)
    text = bind(query, parse_params(args.param))
    if args.show_query:
        _write(args, text if text.endswith("\n") else text + "\n")
        return 0
    if args.limit is not None and args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    engine = open_engine(args.graph, args.store, args.endpoint, engine=args.engine, timeout=args.timeout,
                         page_size=args.page_size, auth=args.auth)  # fmt: skip
    result: QueryResult = engine.run(text)
    for line in result.notes:
        note("query", line)
    if args.limit is not None and result.triples is None and result.boolean is None:
        result = replace(result, rows=result.rows[: args.limit])
    labels = None
    wants_labels = args.labels if args.labels is not None else query.path is not None
    table = fmt == "table"
    if result.rows and ((table and not args.iris) or (not table and wants_labels)):
        labels = fetch_labels(engine, (term for row in result.rows for term in row))
    if labels is not None and not table:
        result = with_labels(result, labels)
    # isolates are for a terminal's bidi display; in a file or a pipe they are only noise
    isolate = not args.no_isolates and args.output is None and sys.stdout.isatty()
    _write(args, format_result(result, fmt, labels=labels, lang=args.lang, max_width=args.max_width,
                               isolate=isolate))
    return 0


def _format_option(value: str) -> str:
    from kg.cli._common import _as_argument_error
    from kg.query import result_format_name

    return _as_argument_error(result_format_name, value)


def _write(args, text: str) -> None:
    if args.output is None:
        sys.stdout.write(text)
        return
    from kg import atomic

    atomic.write_text(args.output, text, encoding="utf-8", newline="")
