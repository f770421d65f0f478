"""`kg build INPUT... -o OUT.ttl` / `--store DIR`: articles to a graph file and/or an embedded store.

Every build runs through kg.batch: articles are streamed, extracted here or in `--workers N`
processes, and written; into a store a batch at a time, skipping articles it holds unchanged, so
an archive's build can be stopped (Ctrl-C) and resumed. What fails goes to stderr or `--errors`.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
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
    parser.add_argument("--store", type=Path, metavar="DIR",
                        help="write into this embedded Oxigraph store, one named graph per article; articles it "
                        "holds unchanged are skipped, changed ones replaced (so an interrupted build resumes)")
    parser.add_argument("--format", help="graph format when the file name does not say")
    add_article_options(parser)
    parser.add_argument("--base", default=DIPR_IRI, help=f"base IRI of extracted nodes (default {DIPR_IRI})")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="worker processes for extraction (0 = in this process; default: one per core for "
                        f"--store builds of {_WORKERS_FROM} articles or more, else 0)")
    parser.add_argument("--errors", type=Path, metavar="FILE",
                        help="write what could not be read or extracted to FILE (JSON lines: source, line, id, "
                        "stage, reason) instead of to stderr")
    parser.add_argument("--force", action="store_true",
                        help="extract every article again, even those the store holds unchanged")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar or progress lines")
    parser.add_argument("--log-every", type=float, default=10.0, metavar="SECONDS",
                        help="seconds between progress lines when stderr is not a terminal (default %(default)s)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary and no progress")
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
    from rdflib import Dataset

    from kg.batch import BatchOptions, build, count_articles
    from kg.batch.stop import Stop
    from kg.graphio import output_format, write_graph
    from kg.progress import Progress
    from kg.rdf.namespaces import bind_prefixes

    if args.output is None and args.store is None:
        raise UsageError("say where the graph goes: -o FILE and/or --store DIR")
    if args.output is not None:
        output_format(args.output, args.format)  # an unknown format fails before any work
    if args.workers is not None and args.workers < 0:
        raise UsageError(f"--workers takes a number of processes (0 = extract in this process), got {args.workers}")
    total = count_articles(args.inputs)
    workers = args.workers if args.workers is not None else _default_workers(args, total)
    options = BatchOptions(workers=workers, base=args.base, force=args.force, date=args.date,
                           publisher=args.publisher, encoding=args.encoding, max_bytes=int(args.max_size * 2**20))
    dataset = None
    if args.output is not None:
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
    progress = Progress(total or None, label=f"kg {args.command}", interval=args.log_every,
                        enabled=not (args.quiet or args.no_progress))
    stop = Stop()

    def report(text: str) -> None:
        progress.message(f"kg {args.command}: {text}")

    try:
        with _stop_on_signals(stop):
            summary = build(args.inputs, store=args.store, dataset=dataset, options=options, errors=args.errors,
                            progress=progress, stop=stop, report=report)
    finally:
        progress.close()
    # a run that read nothing writes no file: an empty graph under the name would pass for a result
    nothing = summary.failed and not summary.written + summary.unchanged
    if summary.interrupted:
        kept = unwritten = ""
        if args.store is not None:
            kept = f"; {summary.written} articles written to {args.store}: run the same command again to resume"
        if args.output is not None:
            unwritten = f"; {args.output} not written"
        how = "stopped at once" if stop.now else "terminated" if stop.hurry else "interrupted"
        print(f"kg {args.command}: {how}{kept}{unwritten}", file=sys.stderr)
    elif dataset is not None and nothing:
        print(f"kg {args.command}: no article could be read; {args.output} not written", file=sys.stderr)
    elif dataset is not None:
        write_graph(dataset, args.output, args.format)
    if not args.quiet:
        # the run, then what each target holds, counted the same way for a file and a store
        print(summary, file=sys.stdout)
        if dataset is not None and not summary.interrupted and not nothing:
            from kg.counts import dataset_counts

            print(f"{dataset_counts(dataset)} -> {args.output}", file=sys.stdout)
        if args.store is not None and summary.triples is not None:
            from kg.counts import store_counts

            print(f"{store_counts(args.store)} -> {args.store}", file=sys.stdout)
    if summary.interrupted:
        return stop.exit_status  # 130 after Ctrl-C, 143 after SIGTERM
    return 1 if summary.failed else 0


def _default_workers(args, total: int) -> int:
    """In this process for -o and small inputs (starting workers costs about a second); else one per core."""
    from kg.batch import default_workers

    if args.store is None or total < _WORKERS_FROM:
        return 0
    return default_workers()


_WORKERS_FROM = 200  # articles


@contextlib.contextmanager
def _stop_on_signals(stop):
    """Ctrl-C asks the build to stop after the articles at hand, SIGTERM without them; a second
    signal stops at once (kg.batch.stop)."""

    def handler(signum, frame):
        stop.on_signal(signum)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
