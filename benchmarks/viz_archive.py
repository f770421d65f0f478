#!/usr/bin/env python3
"""The page and the report of a whole archive: how long `kg viz` and `kg report` take to write them
from a store, and how long the page takes to open in headless Chromium (until its network has
settled and been drawn) and the report to load.

    .venv/bin/python benchmarks/viz_archive.py /work/bench-cache/store-10000 /work/bench-cache/store-100000

Prints, per store: wall and CPU seconds and peak memory of each command (a child process), the
page's size, and the browser's time to open each page. Aims (issue 12): written in < 1 min,
open in < 5 s at 100k articles.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.viz.browser import open_browser, open_page, wait_until_settled

ROOT = Path(__file__).resolve().parent.parent


def run(command: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of a child process, and its last line of output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return wall, cpu, done.stdout.strip().splitlines()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stores", nargs="+", type=Path)
    args = parser.parse_args()
    kg = str(Path(sys.executable).parent / "kg")
    with tempfile.TemporaryDirectory() as folder, open_browser() as browser:
        for store in args.stores:
            page, report = Path(folder) / "graph.html", Path(folder) / "report.html"
            wall, cpu, line = run([kg, "viz", "--store", str(store), "-o", str(page)])
            size = page.stat().st_size / 2**20
            print(f"{store.name}: kg viz     {wall:6.1f} s wall {cpu:6.1f} s CPU  {size:5.1f} MB  {line}")
            wall, cpu, line = run([kg, "report", "--store", str(store), "-o", str(report)])
            size = report.stat().st_size / 2**20
            print(f"{store.name}: kg report  {wall:6.1f} s wall {cpu:6.1f} s CPU  {size:5.1f} MB")
            started = time.perf_counter()
            with open_page(browser, page) as (opened, _log):
                settled_ms = wait_until_settled(opened, 120)
                print(f"{store.name}: page open   {time.perf_counter() - started:6.1f} s "
                      f"(settled after {settled_ms / 1000:.1f} s by the page's clock)")
            started = time.perf_counter()
            with open_page(browser, report) as (_opened, _log):
                print(f"{store.name}: report open {time.perf_counter() - started:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
