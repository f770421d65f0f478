"""`kg report`: one offline page of charts and tables for an analyst, with each chart as PNG."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.cli._common import add_source_arguments, resolve_sources


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="write an analyst's report: charts and tables from the ready-made queries (HTML, offline)",
        description="Write one offline HTML page of charts and tables: meetings and calls per month, the "
        "most active actors, meetings between countries, topics over time, the most quoted speakers. "
        "Each chart is also written as PNG in FILE's <stem>_files/ folder. Every figure is the answer "
        "of a ready-made query (kg queries), so kg query gives the same numbers.",
    )
    add_source_arguments(parser, endpoint=True)
    parser.add_argument("-o", "--output", type=Path, default=Path("exports/report.html"), metavar="FILE",
                        help="the page to write (default: exports/report.html)")
    parser.add_argument("--title", default="", help="the page's title")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.engine import open_engine
    from kg.report import write_report

    resolve_sources(args, endpoint=True)
    engine = open_engine(args.graph, args.store, args.endpoint)
    print(write_report(engine, args.output, title=args.title))
    return 0
