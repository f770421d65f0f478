#!/usr/bin/env python3
"""The page and the report of a whole archive: how long `kg viz` and `kg report` take to write them
from a store, and how long the page takes to open in headless Chromium (until its network has
settled and been drawn) and the report to load.

    .venv/bin/python benchmarks/viz_archive.py /work/bench-cache/store-10000 /work/bench-cache/store-100000

Prints, per store: wall and CPU seconds and peak memory of each command (a child process: the
sum of its processes' resident sets, sampled), the page's size, the browser's time to open each
page, and the load average around each figure (the machine may be shared). Aims (issue 12):
written in < 1 min, open in < 5 s at 100k articles.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import load_average, run_child

from kg.viz.browser import open_browser, open_page, wait_until_settled

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str]) -> tuple[float, float, float, str]:
    """Wall and CPU seconds of a child process, its peak memory in MB, and its first line of output."""
    child = run_child(command)
    if child.status:
        sys.exit(f"{' '.join(command)} failed: {child.err.strip()}")
    return child.seconds, child.cpu_seconds, (child.peak or 0) / 2**20, child.out.strip().splitlines()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stores", nargs="+", type=Path)
    args = parser.parse_args()
    kg = [sys.executable, "-m", "kg"]  # the kg of this checkout (run from its root), whatever is installed
    print(f"machine: load average {load_average()}")
    with tempfile.TemporaryDirectory() as folder, open_browser() as browser:
        for store in args.stores:
            page, report = Path(folder) / "graph.html", Path(folder) / "report.html"
            load = load_average()
            wall, cpu, peak, line = run([*kg, "viz", "--store", str(store), "-o", str(page)])
            size = page.stat().st_size / 2**20
            print(f"{store.name}: kg viz     {wall:6.1f} s wall {cpu:6.1f} s CPU {peak:6.0f} MB peak  "
                  f"page {size:5.1f} MB  (load {load} before)  {line}", flush=True)
            load = load_average()
            wall, cpu, peak, line = run([*kg, "report", "--store", str(store), "-o", str(report)])
            size = report.stat().st_size / 2**20
            print(f"{store.name}: kg report  {wall:6.1f} s wall {cpu:6.1f} s CPU {peak:6.0f} MB peak  "
                  f"page {size:5.1f} MB  (load {load} before)", flush=True)
            started = time.perf_counter()
            with open_page(browser, page) as (opened, _log):
                settled_ms = wait_until_settled(opened, 120)
                print(f"{store.name}: page open   {time.perf_counter() - started:6.1f} s "
                      f"(settled after {settled_ms / 1000:.1f} s by the page's clock; load {load_average()})")
            started = time.perf_counter()
            with open_page(browser, report) as (_opened, _log):
                print(f"{store.name}: report open {time.perf_counter() - started:6.1f} s (load {load_average()})")
    print(f"load average at the end {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
