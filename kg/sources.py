"""Where a command reads a graph from: graph files, an embedded Oxigraph store, or an endpoint.

`split_sources` sorts what a user named (a path or URL) into graph files, a store folder and an
endpoint, the one rule every command and the Python API follow: an http(s) URL is an endpoint,
a folder is a store, anything else a graph file. `load_dataset` gives an rdflib Dataset
(per-article named graphs kept where the source has them), which the exports and SHACL work on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rdflib import Dataset

from kg.errors import UsageError


def is_endpoint(value: str | Path) -> bool:
    """Whether a source names a SPARQL endpoint (an http or https URL)."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def split_sources(
    values: Iterable[str | Path], *, endpoints: bool = True
) -> tuple[list[Path], Path | None, str | None]:
    """(graph files, a store folder, an endpoint URL) of what was named; UsageError for two stores,
    two endpoints, an endpoint where none can be used, or a path that is neither file nor folder."""
    from kg.graphio import known_suffix

    graphs: list[Path] = []
    store: Path | None = None
    endpoint: str | None = None
    for value in values:
        if is_endpoint(value):
            if not endpoints:
                raise UsageError(f"{value}: this command reads graph files or a store, not an endpoint")
            if endpoint is not None and endpoint != value:
                raise UsageError(f"one endpoint at a time: {endpoint} and {value}")
            endpoint = str(value)
            continue
        path = Path(value)
        if path.is_dir():
            if store is not None and store != path:
                raise UsageError(f"one store at a time: {store} and {path}")
            store = path
        elif path.exists() or known_suffix(path):
            graphs.append(path)
        else:
            raise UsageError(f"{path}: no such graph file or store folder")
    return graphs, store, endpoint


def load_dataset(graphs: Sequence[str | Path] = (), store: str | Path | None = None) -> Dataset:
    """Read graph files and/or an embedded store into one rdflib Dataset."""
    from kg.graphio import read_graphs

    if not graphs and store is None:
        raise UsageError("no graph given: pass a graph file or store folder (or --graph FILE, --store DIR)")
    dataset = read_graphs(graphs)
    if store is not None:
        from kg.store import open_store, store_to_dataset

        # quads go across as terms (no N-Quads text to write and parse again): ~3x faster
        store_to_dataset(open_store(store, read_only=True), dataset)
    return dataset
