"""Where a command reads a graph from: graph files, an embedded Oxigraph store, or both.

`load_dataset` gives an rdflib Dataset (per-article named graphs kept where the source has them),
which is what the viz, the stats and the exports work on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset

from kg.errors import GraphError, UsageError
from kg.graphio import read_graphs


def load_dataset(graphs: Sequence[str | Path] = (), store: str | Path | None = None) -> Dataset:
    """Read graph files and/or an embedded store into one rdflib Dataset."""
    if not graphs and store is None:
        raise UsageError("no graph given: pass --graph FILE... or --store DIR")
    dataset = read_graphs(graphs)
    if store is not None:
        import pyoxigraph

        path = Path(store)
        if not path.is_dir():
            raise GraphError(f"{path}: no such store folder (build one with `kg build ... --store {path}`)")
        try:
            oxi = pyoxigraph.Store.read_only(str(path))
            nquads = oxi.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        except OSError as err:
            raise GraphError(f"{path}: cannot open the store ({err})") from err
        dataset.parse(data=nquads.decode("utf-8"), format="nquads")
    return dataset
