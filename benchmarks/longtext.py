#!/usr/bin/env python3
"""Extraction time and peak memory for one very long sentence: they must grow linearly with its length.

    .venv/bin/python benchmarks/longtext.py                        # 10 KB to 1 MB
    .venv/bin/python benchmarks/longtext.py --sizes 100 1000 4000  # sizes in KB
    .venv/bin/python benchmarks/longtext.py --paragraphs           # the same text as normal sentences

The sentence is made of the example articles' own text with every full stop, question mark and line
break turned into a comma, repeated to the size asked for (UTF-8 bytes): real names, meeting
words and quotations, with no end in sight. Each size runs in a fresh process under a memory limit
(--memory-mb) and a time budget (--timeout), and the table gives the wall and CPU time, the CPU time
per KB (flat when growth is linear), the process's peak memory (ru_maxrss, which includes about
130 MB for Python, the word lists and the gazetteer) and what was found. With --paragraphs the text
keeps its full stops and line breaks: the same length as an ordinary (very long) article.

Before issue 15 a 400 KB sentence took 11 s, 800 KB 46 s and 3.5 GB: the extractors compare
mentions and quotations within a sentence and within an article, which grows with the square of
their length. Now a sentence is cut into segments of at most 2,000 characters
(kg.text.document.MAX_SENTENCE_CHARS) and an article of more than 8,000 tokens is read in windows
of whole sentences (kg.text.document.windows). Figures only, no assertions (tests/test_runaway.py
checks the growth).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

CHILD = r"""
import json, re, resource, sys, time
from kg import Article, read_articles
from kg.api import extract

size, paragraphs, examples = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3]
source = [a for a in read_articles([examples]) if isinstance(a, Article)]
if paragraphs:
    unit = "\n".join(a.text for a in source) + "\n"
else:
    unit = " ".join(re.sub(r"[.!?؟…\n]+", "،", a.text) for a in source) + " "
extract(Article(id="warm-up", text=unit[:2000]))  # word lists and gazetteer loaded before the clock starts
unit_bytes = len(unit.encode("utf-8"))
text = unit * (size // unit_bytes) + unit.encode("utf-8")[: size % unit_bytes].decode("utf-8", "ignore")
wall, cpu = time.perf_counter(), time.process_time()
facts = extract(Article(id="long", text=text))
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
import kg
print(json.dumps({"kg": kg.__file__, "bytes": len(text.encode("utf-8")), "chars": len(text), "wall": wall, "cpu": cpu,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "meetings": len(facts.meetings), "statements": len(facts.statements),
                  "entities": len(facts.entities)}))
"""


def run_size(size_kb: float, *, paragraphs: bool, memory_mb: int, timeout: float) -> dict:
    """Extract one text of `size_kb` KB in a fresh process; its figures, or why it did not finish."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    # -P: the kg that `import kg` finds (PYTHONPATH, the installed one), not one in the current folder
    command = [sys.executable, "-P", "-c", CHILD, str(int(size_kb * 1000)), "1" if paragraphs else "0", str(EXAMPLES)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return {"failed": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        memory = "MemoryError" in done.stderr or done.returncode < 0
        return {"failed": f"out of memory (limit {memory_mb:,} MB)" if memory else done.stderr.strip()[-200:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[10, 30, 100, 300, 1000],
                        help="sizes in KB (default 10 30 100 300 1000)")
    parser.add_argument("--paragraphs", action="store_true", help="keep full stops and line breaks")
    parser.add_argument("--memory-mb", type=int, default=4096, help="address-space limit per size (default 4096)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per size (default 600)")
    args = parser.parse_args(argv)

    kind = "an article of ordinary sentences" if args.paragraphs else "one sentence"
    print(f"kg long-text benchmark: {kind} made of the text of {EXAMPLES}")
    print(f"{'size':>8} {'characters':>11} {'wall s':>8} {'CPU s':>8} {'CPU ms/KB':>10} {'peak MB':>8} "
          f"{'meetings':>9} {'statements':>11} {'entities':>9}")
    for size in args.sizes:
        figures = run_size(size, paragraphs=args.paragraphs, memory_mb=args.memory_mb, timeout=args.timeout)
        label = f"{size:g} KB" if size < 1000 else f"{size / 1000:g} MB"
        if "failed" in figures:
            print(f"{label:>8} {'':>11} {figures['failed']}")
            continue
        if size == args.sizes[0]:
            print(f"(kg from {os.path.dirname(figures['kg'])})")
        per_kb = figures["cpu"] * 1000 / (figures["bytes"] / 1000)
        print(f"{label:>8} {figures['chars']:>11,} {figures['wall']:>8.2f} {figures['cpu']:>8.2f} {per_kb:>10.1f} "
              f"{figures['peak_mb']:>8.0f} {figures['meetings']:>9} {figures['statements']:>11} "
              f"{figures['entities']:>9}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"({time.perf_counter() - started:.0f} s in all)")
    sys.exit(status)
