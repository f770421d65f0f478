"""`kg viz`: draw the graph as one self-contained, offline HTML page (vis-network through pyvis)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kg.cli._common import add_source_arguments, resolve_sources


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "viz",
        help="draw the graph as an interactive network page (HTML, opens offline)",
        description="Draw the graph as one self-contained HTML page: nodes coloured by kind, Arabic "
        "labels, tooltips with dates, places, participants, quotes and sources, search and filters. "
        "The page fetches nothing from the network.",
    )
    add_source_arguments(parser, endpoint=True)
    parser.add_argument("-o", "--output", type=Path, default=Path("exports/graph.html"), metavar="FILE",
                        help="the page to write (default: exports/graph.html)")
    parser.add_argument("--view", default="actors", metavar="VIEW",
                        help="actors (the default: who met whom, edge weight = meetings, with the full graph one click "
                        "away on small graphs), full (everything), or "
                        "actor:NAME (one actor's neighbourhood; NAME in any spelling, or an IRI)")
    parser.add_argument("--max-nodes", type=int, metavar="N",
                        help="keep only the N most connected nodes; the page says what was left out "
                        "(default: 2000 for a larger view)")
    parser.add_argument("--max-edges", type=int, metavar="N",
                        help="keep only the N strongest links (default: 5000 for a larger view)")
    parser.add_argument("--title", default="", help="the page's title")
    parser.add_argument("--png", type=Path, metavar="FILE",
                        help="also write a screenshot of the settled page (needs Playwright and Chromium)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.cli._common import check_outputs
    from kg.engine import open_engine
    from kg.viz import write_viz

    resolve_sources(args, endpoint=True)
    check_outputs({"the page": args.output, "the screenshot": args.png},
                  [*args.graph, *([args.store] if args.store else [])])
    engine = open_engine(args.graph, args.store, args.endpoint)
    summary = write_viz(engine, args.output, view=_utf8(args.view), max_nodes=args.max_nodes,
                        max_edges=args.max_edges, title=_utf8(args.title))
    print(summary)
    if args.png is not None:
        from kg.viz.browser import screenshot

        print(f"wrote {screenshot(summary.path, args.png)}")
    return 0


def _utf8(text: str) -> str:
    """Arabic typed under a C locale reaches Python as escaped bytes: read them as the UTF-8 they are."""
    try:
        return os.fsencode(text).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):  # already text (kg's main decodes arguments)
        return text
