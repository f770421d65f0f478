#!/usr/bin/env python3
"""How kg copes with a whole archive: batch builds into the store at 10k and 100k articles.

    .venv/bin/python benchmarks/scale.py                          # 10k and 100k, 1 and 2 workers
    .venv/bin/python benchmarks/scale.py --sizes 10000 --workers 2
    .venv/bin/python benchmarks/scale.py --profile 500            # where extraction spends its time

For each size it writes a synthetic corpus (benchmarks/corpus.py, same seed, so the same corpus
every time) and prints:

- the floor: articles per second of a pass that only reads and analyses the same text in one
  process (kg.io reading + kg.text.analyse: normalisation with offsets, paragraphs, sentences,
  tokens), the least any extraction has to do;
- for each worker count: `kg build CORPUS --store DIR --workers N` as a separate process, its
  articles per second, CPU seconds per article over the whole process tree, peak memory of the
  whole tree (sampled; the sum of every process's resident set), triples in the store, and the
  ratio of its throughput to the floor's;
- a second run over the same store (every article unchanged, so skipped): articles per second;
- the machine's load average, since other work on a shared machine slows everything down.

Aim: 100k articles into the store in < 15 minutes on a 2-core machine, peak memory < 2 GB,
extraction at ≥ 1/5 of the floor's throughput.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib

import corpus

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    articles: int
    seconds: float
    cpu_seconds: float
    peak_bytes: int | None
    triples: int  # distinct, in the store's union
    failed: int
    summary: str

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def floor(path: Path) -> tuple[int, float]:
    """Read and analyse every article in this process: (articles, seconds)."""
    from kg.batch import read_stream
    from kg.model import Article
    from kg.text import analyse

    started = time.perf_counter()
    count = 0
    for item in read_stream([path]):
        if isinstance(item, Article):
            analyse(item)
            count += 1
    return count, time.perf_counter() - started


def kg_build(path: Path, store: Path, workers: int, errors: Path) -> Run:
    """`kg build --store` in a child process, with its tree's peak memory and CPU time."""
    command = [sys.executable, "-m", "kg", "build", str(path), "--store", str(store), "--workers", str(workers),
               "--errors", str(errors), "--no-progress"]
    child = run_child(command)
    if child.status not in (0, 1):
        raise SystemExit(f"kg build failed ({child.status}):\n{child.err[-2000:]}")
    lines = child.out.strip().splitlines()
    summary = next(line for line in lines if "| written " in line)  # the run; then what the store holds
    seconds, cpu, peak = child.seconds, child.cpu_seconds, child.peak
    fields = dict(part.strip().split(" ", 1) for part in summary.split("|")[:4])
    articles = int(fields["articles"])
    triples = int(lines[-1].split("| triples ")[1].split()[0])
    return Run(articles, seconds, cpu, peak, triples, int(fields["failed"]), summary)


@dataclass(frozen=True)
class Child:
    """A finished child process: wall time, CPU time of its tree, peak memory of its tree, output."""

    seconds: float
    cpu_seconds: float  # user + system of the process and its descendants
    peak: int | None  # bytes; None without psutil
    status: int
    out: str
    err: str


def run_child(command: list[str]) -> Child:
    """Run a command from the project's root, sampling its tree's memory while it runs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak = PeakMemory(process.pid)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    peak.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Child(seconds, cpu, peak.bytes, process.returncode, out, err)


class PeakMemory:
    """Samples the resident memory of a process and all its descendants."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.bytes: int | None = None
        self._done = threading.Event()
        try:
            import psutil
        except ImportError:
            return
        self.bytes = 0
        self._thread = threading.Thread(target=self._sample, args=(psutil, pid, every), daemon=True)
        self._thread.start()

    def _sample(self, psutil, pid: int, every: float) -> None:
        try:
            root = psutil.Process(pid)
        except psutil.Error:
            return
        while not self._done.is_set():
            total = 0
            try:
                for process in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += process.memory_info().rss
            except psutil.Error:
                break
            self.bytes = max(self.bytes or 0, total)
            self._done.wait(every)

    def stop(self) -> None:
        self._done.set()


def profile(count: int, top: int = 25) -> None:
    """cProfile of extraction (and the graph's triples) over `count` synthetic articles, in one process."""
    from kg.extract.pipeline import extract
    from kg.model import Article
    from kg.rdf.graph import article_triples

    with tempfile.TemporaryDirectory() as folder:
        path = corpus.write_corpus(Path(folder) / "profile.jsonl", count)
        from kg.batch import read_stream

        articles = [a for a in read_stream([path]) if isinstance(a, Article)]
    extract(articles[0])  # word lists loaded before profiling
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for article in articles:
        try:
            list(article_triples(extract(article)))
        except Exception:
            continue
    profiler.disable()
    took = time.perf_counter() - started
    print(f"profile: {len(articles)} articles in {took:.1f} s under cProfile ({len(articles) / took:.1f}/s)")
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--work", type=Path, help="folder for corpora and stores (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the stores afterwards")
    parser.add_argument("--no-rerun", action="store_true", help="skip the second (all unchanged) run")
    parser.add_argument("--profile", type=int, metavar="N", help="only profile extraction over N articles")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile)
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load average {load_average()}; work folder {work}")
    for size in args.sizes:
        path = work / f"corpus-{size}.jsonl"
        if not path.exists():
            started = time.perf_counter()
            corpus.write_corpus(path, size)
            print(f"\n{size:,} articles: corpus written in {time.perf_counter() - started:.0f} s "
                  f"({path.stat().st_size / 2**20:.0f} MB)")
        else:
            print(f"\n{size:,} articles: corpus {path} ({path.stat().st_size / 2**20:.0f} MB)")
        read, seconds = floor(path)
        floor_rate = read / seconds
        print(f"  floor (read + analyse, 1 process): {floor_rate:8.1f} articles/s ({seconds:.0f} s)")
        for workers in args.workers:
            store = work / f"store-{size}-w{workers}"
            shutil.rmtree(store, ignore_errors=True)
            load = load_average()
            run = kg_build(path, store, workers, work / f"errors-{size}-w{workers}.jsonl")
            peak = f"{run.peak_bytes / 2**20:,.0f} MB" if run.peak_bytes is not None else "n/a (no psutil)"
            print(f"  kg build --workers {workers}: {run.rate:8.1f} articles/s ({run.seconds / 60:.1f} min), "
                  f"{run.cpu_seconds / run.articles * 1000:.1f} ms CPU/article, peak memory {peak}, "
                  f"{run.triples:,} triples in the store, {run.failed} failed, "
                  f"floor ratio 1/{floor_rate / run.rate:.1f}; load average before {load}")
            if not args.no_rerun:
                again = kg_build(path, store, workers, work / f"errors-{size}-w{workers}-again.jsonl")
                print(f"    re-run, every article unchanged: {again.rate:8.1f} articles/s ({again.seconds:.0f} s)")
            if not args.keep:
                shutil.rmtree(store, ignore_errors=True)
    print(f"\nload average at the end {load_average()}")
    return 0


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
