"""`kg stats`: counts per class, the most central actors and their communities."""

from __future__ import annotations

import argparse

from kg.cli._common import add_source_arguments, resolve_sources


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="counts per class, the most central actors and communities",
        description="Counts of actors, places, meetings, statements and topics; the most central "
        "actors of the who-met-whom network (meetings, partners, betweenness weighted by meetings); "
        "and its communities (Louvain, fixed seed).",
    )
    add_source_arguments(parser, endpoint=True)
    parser.add_argument("--format", "-f", choices=("table", "json"), default="table",
                        help="a readable table (default) or JSON")
    parser.add_argument("--top", type=int, default=15, metavar="N", help="how many actors to list (default 15)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the community search (default 0)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from kg.engine import open_engine
    from kg.errors import UsageError
    from kg.stats import format_stats, graph_stats

    resolve_sources(args, endpoint=True)
    if args.top < 0:
        raise UsageError(f"--top must be 0 or more, not {args.top}")
    stats = graph_stats(open_engine(args.graph, args.store, args.endpoint), top=args.top, seed=args.seed)
    print(format_stats(stats, args.format))
    return 0
