#!/usr/bin/env python3
"""How fast kg reads articles into facts and into a graph, and how much memory it takes.

    .venv/bin/python benchmarks/extract.py                   # the examples repeated to 2,000 articles
    .venv/bin/python benchmarks/extract.py --articles 5000
    .venv/bin/python benchmarks/extract.py --tracemalloc     # also the Python heap's peak (much slower)

The bundled examples (examples/) are read once and repeated, each copy with its own id, until there
are --articles of them; everything runs in this one process. It prints:

- the time to load the gazetteer and word lists (the first extraction pays it);
- articles per second for extraction alone (Article -> ArticleFacts);
- articles per second for extraction and graph building (Article -> facts -> rdflib Dataset, one
  named graph per article), and the graph's size;
- the process's peak resident memory (getrusage), and with --tracemalloc the peak of the Python heap
  during extraction + graph building.

Rates are given by the wall clock and by the process's CPU time: on a machine busy with other work
the CPU figure is the one that describes kg. Figures only, no assertions. Aim (issue 2): at least
200 articles per second.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from kg import Article, build_graph, read_articles
from kg.api import extract

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def repeated(articles: list[Article], count: int) -> list[Article]:
    """`count` articles cycling through the given ones, each copy with its own id."""
    return [
        dataclasses.replace(articles[n % len(articles)], id=f"{articles[n % len(articles)].id}-{n // len(articles)}")
        for n in range(count)
    ]


def peak_rss_mb() -> float:
    """The process's peak resident set size so far (ru_maxrss is in KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def timed(label: str, count: int, run):
    """Run and print the rate by the clock and by this process's CPU time (the two differ on a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<34} {count:>6} articles in {wall:7.2f} s = {count / wall:7.1f} articles/s "
          f"(CPU {cpu:.2f} s = {count / cpu:.1f} articles/s)")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="how many articles (default 2000)")
    parser.add_argument("--input", type=Path, default=EXAMPLES, help="articles to repeat (default examples/)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap (slow)")
    args = parser.parse_args(argv)

    source = [a for a in read_articles([args.input]) if isinstance(a, Article)]
    if not source:
        print(f"no articles in {args.input}", file=sys.stderr)
        return 1
    articles = repeated(source, args.articles)
    chars = sum(len(a.text) for a in articles)
    print(f"kg extraction benchmark: {len(source)} distinct articles from {args.input}, repeated to "
          f"{len(articles)} ({chars / len(articles):.0f} characters each on average)")

    start = time.perf_counter()
    extract(source[0])
    print(f"{'first extraction (loads the data)':<34} {time.perf_counter() - start:7.2f} s")
    print(f"{'peak memory after loading':<34} {peak_rss_mb():7.1f} MB (resident)")

    facts = timed("extraction", len(articles), lambda: [extract(a) for a in articles])
    print(f"{'':<34} {sum(len(f.entities) for f in facts)} entities, {sum(len(f.meetings) for f in facts)} "
          f"meetings, {sum(len(f.statements) for f in facts)} statements")
    del facts

    def extract_and_build():
        def facts() -> Iterator:
            for article in articles:
                yield extract(article)

        return build_graph(facts())

    if args.tracemalloc:
        tracemalloc.start()
    dataset = timed("extraction + graph building", len(articles), extract_and_build)
    if args.tracemalloc:
        _, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{'peak Python heap (tracemalloc)':<34} {heap_peak / 2**20:7.1f} MB")
    graphs = sum(1 for g in dataset.graphs() if len(g))
    print(f"{'':<34} {len(dataset)} quads in {graphs} named graphs")
    print(f"{'peak memory of the process':<34} {peak_rss_mb():7.1f} MB (resident)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
