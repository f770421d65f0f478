"""Reading graph files and writing graphs: the formats kg speaks and how it names them."""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg import atomic, guard
from kg.errors import GraphError, UsageError, unknown_choice
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


# What users of rdflib, Jena and the W3C specs call the formats (and their media types).
FORMAT_NAMES: dict[str, str] = {name: name for name in FORMATS} | {
    "ttl": "turtle",
    "text/turtle": "turtle",
    "n-triples": "nt",
    "ntriples": "nt",
    "application/n-triples": "nt",
    "nq": "nquads",
    "n-quads": "nquads",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "json-ld": "jsonld",
    "application/ld+json": "jsonld",
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
    "rdf-xml": "rdfxml",
    "application/rdf+xml": "rdfxml",
}


def graph_format_name(given: str) -> str:
    """kg's name of an RDF format from any usual name of it (ttl, nt, nq, jsonld, json-ld, xml,
    rdfxml, a media type); UsageError, with the nearest names, for one it does not know."""
    name = FORMAT_NAMES.get(given.strip().lower())
    if name is None:
        raise unknown_choice("graph format", given, sorted(set(FORMAT_NAMES) - {k for k in FORMAT_NAMES if "/" in k}))
    return name


def known_suffix(path: str | Path) -> bool:
    """Whether a file's suffix names a graph format."""
    return Path(path).suffix.lower() in _SUFFIXES


def format_for(path: str | Path, given: str | None = None) -> str:
    """The format name for a file: the one given, else the one its suffix says (Turtle by default)."""
    if given:
        return graph_format_name(given)
    return _SUFFIXES.get(Path(path).suffix.lower(), "turtle")


def output_format(path: str | Path, given: str | None = None) -> str:
    """The format to write a file in: the one given, else the one its suffix names. A suffix that
    names none ("x.csv", "graph") is a usage error rather than Turtle under a misleading name."""
    if given:
        return format_for(path, given)
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        known = ", ".join(sorted(_SUFFIXES))
        said = f"the suffix {suffix!r}" if suffix else "a name without a suffix"
        raise UsageError(f"{path}: cannot tell a graph format from {said}; use one of {known}, or say "
                         f"--format ({', '.join(FORMATS)})")
    return _SUFFIXES[suffix]


def read_graphs(paths: Iterable[str | Path], dataset: Dataset | None = None) -> Dataset:
    """Parse graph files into one Dataset (quads formats keep their named graphs)."""
    dataset = dataset if dataset is not None else Dataset(default_union=True)
    bind_prefixes(dataset)
    paths = [Path(path) for path in paths]
    guard.check_sizes(paths, engine="rdflib")
    for path in paths:
        if not path.is_file():
            raise GraphError(f"{path}: no such graph file")
        fmt = format_for(path)
        plugin, _, quads = FORMATS[fmt]
        text = guard.checked_graph_file(path, fmt)  # refuses entity bombs, resolves JSON-LD contexts
        target = dataset if quads else dataset.default_graph
        try:
            with guard.sealed(path):  # the parser opens no other file and no URL
                if text is None:
                    target.parse(path, format=plugin)
                else:
                    target.parse(data=text, format=plugin, publicID=path.resolve().as_uri())
        except Exception as err:  # rdflib raises many kinds; all mean the same thing here
            raise GraphError(_parse_failure(path, fmt, err)) from err
    return dataset


def write_graph(graph: Graph | Dataset, path: str | Path | None, fmt: str | None = None) -> str:
    """Serialise to a file (or return the text when path is None); the format follows the suffix.

    The file is written atomically (see kg.atomic): it appears whole or not at all. A file whose
    suffix names no graph format needs `fmt` (else UsageError)."""
    fmt = output_format(path, fmt) if path is not None else format_for("", fmt)
    plugin, _, quads = FORMATS[fmt]
    bind_prefixes(graph)
    target: Graph | Dataset = graph
    if not quads and isinstance(graph, Dataset):
        target = Graph()
        bind_prefixes(target)
        for triple in graph.triples((None, None, None)):
            target.add(triple)
    options = {}
    if fmt == "jsonld":  # the same prefixes as a compact @context: "person:vladimir-putin", not the whole IRI
        from kg.rdf.namespaces import ALL_PREFIXES

        options["context"] = dict(ALL_PREFIXES)
    if fmt == "trig":
        text = _trig(target)
    else:
        text = target.serialize(format=plugin, encoding="utf-8", **options).decode("utf-8")
    if fmt in ("nquads", "nt"):  # rdflib writes them in hash order: sorted, two runs give the same bytes
        text = "".join(sorted(line + "\n" for line in text.split("\n") if line.strip()))  # not splitlines: U+2028
    if path is not None:
        try:
            atomic.write_text(path, text, encoding="utf-8")
        except OSError as err:
            raise atomic.output_error(path, err, "the graph") from None
    return text


def _trig(dataset: Graph | Dataset) -> str:
    """TriG with its graphs in the order of their names (rdflib takes them in hash order, which
    changes from one run to the next; within a graph it sorts the subjects itself)."""
    import io

    from rdflib.plugins.serializers.trig import TrigSerializer

    serializer = TrigSerializer(dataset)
    serializer.contexts.sort(key=lambda context: (context.identifier == DATASET_DEFAULT_GRAPH_ID,
                                                  str(context.identifier)))
    out = io.BytesIO()
    serializer.serialize(out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def _parse_failure(path: Path, fmt: str, err: Exception) -> str:
    """One line for a file the parser refused: where, and why in the parser's words (not its
    dump of the text around the error, which for Turtle is a run of Python bytes literals)."""
    from rdflib.plugins.parsers.notation3 import BadSyntax  # (Turtle, TriG, N3)

    if isinstance(err, UnicodeDecodeError):
        return f"{path}: {_not_utf8(path, err)}"
    if isinstance(err, BadSyntax):
        why = getattr(err, "_why", "") or "bad syntax"
        return f"{path}:{err.lines + 1}: not valid {fmt} ({_first_line(why)})"  # its lines count from 0
    return f"{path}: not valid {fmt} ({_first_line(err)})"


def _not_utf8(path: Path, err: UnicodeDecodeError) -> str:
    """The first byte that is not UTF-8, at its offset in the file: the parser's own offset may be
    within a piece it was decoding (N-Triples reads the file in blocks)."""
    found = _first_bad_byte(path)
    if found is None:  # the bytes were not the file's own (a JSON-LD context it names)
        return f"not UTF-8 text (byte 0x{err.object[err.start : err.start + 1].hex()})"
    offset, byte = found
    return f"not UTF-8 text (byte 0x{byte.hex()} at offset {offset})"


def _first_bad_byte(path: Path) -> tuple[int, bytes] | None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0  # where the next block starts in the file
    try:
        with path.open("rb") as file:
            while True:
                block = file.read(1 << 20)
                pending = len(decoder.getstate()[0])  # the start of a character cut by the last block
                try:
                    decoder.decode(block, final=not block)
                except UnicodeDecodeError as bad:
                    return offset - pending + bad.start, bad.object[bad.start : bad.start + 1]
                if not block:
                    return None
                offset += len(block)
    except OSError:
        return None


def _first_line(err: object) -> str:
    text = " ".join(str(err).split())
    return text[:200] or type(err).__name__
