"""Where a command reads a graph from: graph files, an embedded Oxigraph store, or both.

`load_dataset` gives an rdflib Dataset (per-article named graphs kept where the source has them),
which is what the viz, the stats and the exports work on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset

from kg.errors import UsageError
from kg.graphio import read_graphs


def load_dataset(graphs: Sequence[str | Path] = (), store: str | Path | None = None) -> Dataset:
    """Read graph files and/or an embedded store into one rdflib Dataset."""
    if not graphs and store is None:
        raise UsageError("no graph given: pass --graph FILE... or --store DIR")
    dataset = read_graphs(graphs)
    if store is not None:
        from kg.store import open_store, store_to_dataset

        # quads go across as terms (no N-Quads text to write and parse again): ~3x faster
        store_to_dataset(open_store(store, read_only=True), dataset)
    return dataset
