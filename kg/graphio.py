"""Reading graph files and writing graphs: the formats kg speaks and how it names them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import GraphError, unknown_choice
from kg.rdf.namespaces import bind_prefixes

# format name -> (rdflib plugin, file suffix, keeps named graphs)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "turtle": ("turtle", ".ttl", False),
    "nt": ("nt", ".nt", False),
    "nquads": ("nquads", ".nq", True),
    "trig": ("trig", ".trig", True),
    "jsonld": ("json-ld", ".jsonld", True),
    "rdfxml": ("xml", ".rdf", False),
}
_SUFFIXES = {suffix: name for name, (_, suffix, _) in FORMATS.items()} | {
    ".turtle": "turtle",
    ".n3": "turtle",
    ".ntriples": "nt",
    ".nquads": "nquads",
    ".json": "jsonld",
    ".xml": "rdfxml",
    ".owl": "rdfxml",
}


def format_for(path: str | Path, given: str | None = None) -> str:
    """The format name for a file: the one given, else the one its suffix says (Turtle by default)."""
    if given:
        if given not in FORMATS:
            raise unknown_choice("graph format", given, list(FORMATS))
        return given
    return _SUFFIXES.get(Path(path).suffix.lower(), "turtle")


def read_graphs(paths: Iterable[str | Path], dataset: Dataset | None = None) -> Dataset:
    """Parse graph files into one Dataset (quads formats keep their named graphs)."""
    dataset = dataset if dataset is not None else Dataset(default_union=True)
    bind_prefixes(dataset)
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise GraphError(f"{path}: no such graph file")
        fmt = format_for(path)
        plugin, _, quads = FORMATS[fmt]
        try:
            if quads:
                dataset.parse(path, format=plugin)
            else:
                dataset.default_graph.parse(path, format=plugin)
        except Exception as err:  # rdflib raises many kinds; all mean the same thing here
            raise GraphError(f"{path}: not valid {fmt} ({_first_line(err)})") from err
    return dataset


def write_graph(graph: Graph | Dataset, path: str | Path | None, fmt: str | None = None) -> str:
    """Serialise to a file (or return the text when path is None); the format follows the suffix."""
    fmt = format_for(path or "", fmt)
    plugin, _, quads = FORMATS[fmt]
    bind_prefixes(graph)
    target: Graph | Dataset = graph
    if not quads and isinstance(graph, Dataset):
        target = Graph()
        bind_prefixes(target)
        for triple in graph.triples((None, None, None)):
            target.add(triple)
    text = target.serialize(format=plugin, encoding="utf-8").decode("utf-8")
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(text, encoding="utf-8")
    return text


def _first_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text[:200] or type(err).__name__
