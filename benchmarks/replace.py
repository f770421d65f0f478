"""Replacing articles in a store, and checking it: what the atomic replace of issue 15 costs.

    .venv/bin/python benchmarks/replace.py STORE [--articles 2000]

STORE is copied first (nothing is written into it). The first `--articles` article graphs of the
copy are written again, as kg.batch.sink writes a batch: graphs the store holds are replaced in
one transaction per 8 MB of N-Quads (kg.store.write_nquads), the union kept exact. The same
graphs are then bulk-loaded into an empty store (the path of new articles), for comparison, and
`kg store check` is timed on the copy. Wall and CPU seconds are printed for each step.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox

from kg.store import check_store, named_graphs, open_store, write_nquads

PART_BYTES = 8 * 2**20


def timed(label: str, action):
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    print(f"{label:<58} {time.perf_counter() - wall:8.1f} s wall {time.process_time() - cpu:8.1f} s CPU")
    return result


def parts(store: ox.Store, graphs: list[str]):
    """The graphs' N-Quads, a part of about PART_BYTES at a time, as (graphs, data, union)."""
    chosen, data, union, size = [], [], [], 0
    for graph in graphs:
        quads = list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        triples = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
        chosen.append(graph)
        data.append(text)
        union.append(triples)
        size += len(text)
        if size >= PART_BYTES:
            yield chosen, b"".join(data), b"".join(union)
            chosen, data, union, size = [], [], [], 0
    if chosen:
        yield chosen, b"".join(data), b"".join(union)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-replace-") as scratch:
        copy = Path(scratch) / "store"
        timed(f"copy {args.store}", lambda: shutil.copytree(args.store, copy))
        store = open_store(copy)
        graphs = named_graphs(store)[: args.articles]
        batches = timed(f"read {len(graphs)} article graphs as N-Quads", lambda: list(parts(store, graphs)))
        quads = sum(data.count(b"\n") for _, data, _ in batches)
        print(f"{len(graphs)} graphs, {quads} quads, {len(batches)} transactions of about {PART_BYTES >> 20} MB")

        def replace():
            for chosen, data, union in batches:
                write_nquads(store, data, chosen, lenient=True, union=union)

        timed("replace them (one transaction per part)", replace)
        empty = open_store(Path(scratch) / "empty")

        def load_new():
            for chosen, data, union in batches:
                write_nquads(empty, data, chosen, lenient=True, union=union)

        timed("write them into an empty store (bulk path of new graphs)", load_new)
        check = timed("kg store check on the copy", lambda: check_store(store, str(copy)))
        for line in check.lines():
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
