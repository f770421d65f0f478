"""`kg build INPUT... -o OUT.ttl`: articles to a graph file and/or an embedded store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import Problem, UsageError
from kg.io import DEFAULT_MAX_BYTES, parse_date_option
from kg.rdf.namespaces import DIPR_IRI


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "build",
        help="read articles and write their knowledge graph",
        description="Read articles (.txt, .jsonl, .html, or folders of them) and write their graph: "
        "one named graph per article, as Turtle (or the format the file name says) and/or into a store.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    parser.add_argument("-o", "--output", type=Path, help="graph file to write (.ttl, .trig, .nq, .nt, .jsonld)")
    parser.add_argument("--store", type=Path, metavar="DIR", help="also load into this embedded Oxigraph store")
    parser.add_argument("--format", help="graph format when the file name does not say")
    add_article_options(parser)
    parser.add_argument("--base", default=DIPR_IRI, help=f"base IRI of extracted nodes (default {DIPR_IRI})")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary")
    parser.set_defaults(run=run)


def add_article_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=parse_date_option, help="publication date for inputs that do not give one")
    parser.add_argument("--publisher", help="publisher for inputs that do not give one")
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the inputs (default utf-8)")
    parser.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 2**20, metavar="MB",
                        help="skip single articles larger than this (default %(default)s MB)")


def read_inputs(args):
    """Articles of the inputs; problems are reported on stderr as they come and collected."""
    from kg.io import read_articles

    problems: list[Problem] = []

    def articles():
        for item in read_articles(args.inputs, date=args.date, publisher=args.publisher,
                                  encoding=args.encoding, max_bytes=int(args.max_size * 2**20)):
            if isinstance(item, Problem):
                print(f"kg {args.command}: {item}" + ("" if item.fatal else " (warning)"), file=sys.stderr)
                problems.append(item)
            else:
                yield item

    return articles, problems


def run(args) -> int:
    from kg.extract.pipeline import extract
    from kg.graphio import format_for, write_graph
    from kg.rdf.graph import build_graph

    if args.output is None and args.store is None:
        raise UsageError("say where the graph goes: -o FILE and/or --store DIR")
    if args.output is not None:
        format_for(args.output, args.format)  # an unknown format fails before any work
    articles, problems = read_inputs(args)
    counts = {"articles": 0, "meetings": 0, "statements": 0}
    topics: set[str] = set()
    failed = 0

    def facts():
        nonlocal failed
        for article in articles():
            try:
                result = extract(article)
            except Exception as err:  # one article's bug must not lose the batch; it is reported
                failed += 1
                print(f"kg build: {article.source or article.id}: extraction failed ({type(err).__name__}: {err})",
                      file=sys.stderr)
                continue
            counts["articles"] += 1
            counts["meetings"] += len(result.meetings)
            counts["statements"] += len(result.statements)
            topics.update(result.topics)
            yield result

    dataset = build_graph(facts(), base=args.base)
    if args.output is not None:
        write_graph(dataset, args.output, args.format)
    if args.store is not None:
        from kg.store import write_articles

        write_articles(args.store, dataset)
    if not args.quiet:
        print(_summary(dataset, counts, topics, args), file=sys.stdout)
    fatal = [p for p in problems if p.fatal]
    return 1 if fatal or failed else 0


def _summary(dataset, counts, topics, args) -> str:
    from rdflib.namespace import RDF

    from kg.rdf.namespaces import DIP

    union = dataset
    kinds = {name: len(set(union.subjects(RDF.type, cls))) for name, cls in (
        ("persons", DIP.Person), ("organizations", DIP.Organization), ("countries", DIP.Country),
        ("places", DIP.Place), ("meetings", DIP.Meeting), ("calls", DIP.PhoneCall), ("statements", DIP.Statement),
    )}
    actors = kinds["persons"] + kinds["organizations"] + kinds["countries"]
    triples = len(set(union.triples((None, None, None))))
    where = " and ".join(str(p) for p in (args.output, args.store) if p is not None)
    return (
        f"articles {counts['articles']} | actors {actors} (persons {kinds['persons']}, organizations "
        f"{kinds['organizations']}, countries {kinds['countries']}) | places {kinds['places']} | meetings "
        f"{kinds['meetings'] + kinds['calls']} ({kinds['calls']} by phone) | statements {kinds['statements']} | "
        f"topics {len(topics)} | triples {triples} -> {where}"
    )
