#!/usr/bin/env python3
"""What a researcher can do with a whole archive: stats, viz, validate, export and queries,
straight from the store `kg build --store` writes, at 10k and 100k articles.

    .venv/bin/python benchmarks/archive.py --cache /work/bench-cache            # 10k and 100k
    .venv/bin/python benchmarks/archive.py --cache /work/bench-cache --sizes 10000

For each size it builds the synthetic corpus (benchmarks/corpus.py, the same seed as
benchmarks/scale.py) into a store with `kg build --store --workers 2`, or reuses the store the
cache folder holds from an earlier run (with that build's own figures, kept next to it in
build.json). Then it runs each command as a child process and prints its wall time and the peak
memory of its process tree (sampled: the sum of every process's resident set), next to the
build's: `kg stats`, `kg viz --view actors`, `kg viz` (the default view), `kg validate --store`,
`kg export` as Turtle and as N-Quads, and three ready-made queries.

Aims (issue 10): at 100k articles stats < 20 s, viz --view actors < 30 s, validate --store < 3 min,
the N-Quads export < 1 min, each under 1 GB; at 10k each at most a fifth of the build's wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from scale import load_average, run_child

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 2
GB = 2**30
# (name, kg arguments after the store's, aim in seconds at 100k articles or None)
COMMANDS: tuple[tuple[str, list[str], float | None], ...] = (
    ("stats", ["stats"], 20),
    ("viz --view actors", ["viz", "--view", "actors", "-o", "{out}/actors.html"], 30),
    ("viz (default view)", ["viz", "-o", "{out}/graph.html"], None),
    ("validate --store", ["validate"], 180),
    ("export turtle", ["export", "--format", "turtle", "-o", "{out}/graph.ttl", "--quiet"], None),
    ("export nquads", ["export", "--format", "nquads", "-o", "{out}/graph.nq", "--quiet"], 60),
    ("query who-met-whom", ["query", "who-met-whom", "--format", "csv", "-o", "{out}/pairs.csv"], None),
    ("query most-active-actors", ["query", "most-active-actors", "-o", "{out}/active.txt"], None),
    ("query meetings-of-actor", ["query", "meetings-of-actor", "--param", "actor=بوتين", "--format", "csv",
                                 "-o", "{out}/putin.csv"], None),
)  # fmt: skip


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_bytes: int
    status: int
    output: str  # the last line the command printed (stdout, else stderr)
    cpu_seconds: float = 0.0  # user + system time of the process tree (a shared machine's wall time varies)


def run(command: list[str]) -> Measure:
    """A command as a child process: wall time, peak memory of its tree, exit status, last line."""
    child = run_child(command)
    lines = (child.out.strip() or child.err.strip()).splitlines()
    return Measure(child.seconds, child.peak or 0, child.status, lines[-1] if lines else "", child.cpu_seconds)


def built_store(cache: Path, size: int) -> tuple[Path, dict]:
    """The store of `size` synthetic articles, built now or found in the cache, with the build's figures."""
    store, notes = cache / f"store-{size}", cache / f"store-{size}.build.json"
    if store.is_dir() and notes.is_file():
        return store, json.loads(notes.read_text())
    source = cache / f"corpus-{size}.jsonl"
    if not source.exists():
        corpus.write_corpus(source, size)
    if store.exists():
        raise SystemExit(f"{store} exists without {notes.name}: remove it to build it again")
    measure = run([sys.executable, "-m", "kg", "build", str(source), "--store", str(store), "--workers",
                   str(WORKERS), "--errors", str(cache / f"errors-{size}.jsonl"), "--no-progress"])  # fmt: skip
    if measure.status not in (0, 1):
        raise SystemExit(f"kg build failed ({measure.status}): {measure.output}")
    figures = {**asdict(measure), "articles": size, "workers": WORKERS, "load": os.getloadavg()[0],
               "when": time.strftime("%Y-%m-%d %H:%M")}  # fmt: skip
    notes.write_text(json.dumps(figures, ensure_ascii=False, indent=1))
    return store, figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/kg-archive-bench"),
                        help="where corpora and stores are built and kept (default %(default)s)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="measure only the commands starting with these")
    parser.add_argument("--build-only", action="store_true", help="build (or find) the stores and stop")
    parser.add_argument("--rebuild", type=int, nargs="*", default=[], metavar="SIZE",
                        help="build these sizes again (their figures then come from the same hour as the rest)")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {load_average()}; cache {args.cache}")
    for size in args.sizes:
        if size in args.rebuild:
            shutil.rmtree(args.cache / f"store-{size}", ignore_errors=True)
            (args.cache / f"store-{size}.build.json").unlink(missing_ok=True)
        store, build = built_store(args.cache, size)
        compacted = ""
        if "compaction_seconds" in build:  # stores built before builds compacted: compacted afterwards
            compacted = f", of which {build['compaction_seconds']:.0f} s compacting"
        print(f"\n{size:,} articles: store {store}, built in {build['seconds']:.0f} s{compacted} "
              f"(peak {build['peak_bytes'] / 2**20:,.0f} MB, {build['when']}, load then {build['load']:.1f})")
        if args.build_only:
            continue
        out = args.cache / f"out-{size}"
        out.mkdir(exist_ok=True)
        print(f"  {'command':<26} {'wall':>8} {'cpu':>8} {'peak':>9} {'/build':>7} {'load':>14}  aim")
        for name, words, aim in COMMANDS:
            if args.only and not any(name.startswith(o) for o in args.only):
                continue
            command = [sys.executable, "-m", "kg", *(w.format(out=out) for w in words[:1]), "--store", str(store),
                       *(w.format(out=out) for w in words[1:])]  # fmt: skip
            load = load_average()  # before the command: what else the machine was doing
            measure = run(command)
            share = measure.seconds / build["seconds"]
            if size >= 100_000 and aim is not None:
                target = f"< {aim:.0f} s, < 1 GB: " + _ok(measure.seconds < aim and measure.peak_bytes < GB)
            elif size < 100_000:
                target = "≤ 1/5 of the build: " + _ok(share <= 0.2)
            else:
                target = ""
            status = "" if measure.status in (0, 1) else f"  (exit {measure.status}: {measure.output[:120]})"
            peak = measure.peak_bytes / 2**20
            print(f"  {name:<26} {measure.seconds:7.1f}s {measure.cpu_seconds:7.1f}s {peak:7,.0f}MB {share:7.3f} "
                  f"{load:>14}  {target}{status}", flush=True)
    print(f"\nload average at the end {load_average()}")
    return 0


def _ok(passed: bool) -> str:
    return "ok" if passed else "MISSED"


if __name__ == "__main__":
    sys.exit(main())
