"""Exports for pipelines: the graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, and
the actor network as GraphML or GEXF for Gephi.

Turtle, N-Triples and RDF/XML hold the union of the article graphs (each triple once); N-Quads
and TriG keep one named graph per article; JSON-LD keeps them too, under a compact @context
built from the ontology. Every RDF export parses back to the same graph.

N-Quads, N-Triples, TriG and Turtle stream from Oxigraph's serializer to the file or standard
output, in memory that does not grow with the store: the union (which a store kg wrote keeps in
its default graph) is dumped as it is, and the article graphs one by one. A file is written
by kg.atomic: under a temporary name in its own folder, renamed once whole, so a reader never
sees half an export. JSON-LD and RDF/XML are made in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import GraphError, UsageError, unknown_choice
from kg.nqlog import graph_nquads
from kg.rdf.context import jsonld_context
from kg.rdf.namespaces import PREFIXES, RESOURCE_PREFIXES

# format -> (file suffix, keeps named graphs)
RDF_FORMATS: dict[str, tuple[str, bool]] = {
    "turtle": (".ttl", False),
    "nt": (".nt", False),
    "nquads": (".nq", True),
    "trig": (".trig", True),
    "jsonld": (".jsonld", True),
    "rdfxml": (".rdf", False),
}
NETWORK_FORMATS: dict[str, str] = {"graphml": ".graphml", "gexf": ".gexf"}
FORMATS: tuple[str, ...] = (*RDF_FORMATS, *NETWORK_FORMATS)
_SUFFIXES = {suffix: fmt for fmt, (suffix, _) in RDF_FORMATS.items()} | {
    suffix: fmt for fmt, suffix in NETWORK_FORMATS.items()
} | {".turtle": "turtle", ".nquads": "nquads", ".json": "jsonld", ".xml": "rdfxml", ".owl": "rdfxml"}
_OX = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote."""

    path: str  # "-" for standard output
    format: str
    triples: int  # triples (union formats) or quads (formats that keep named graphs); 0 for networks
    graphs: int  # named graphs kept (0 for union formats and networks)
    seconds: float

    def __str__(self) -> str:
        if self.format in NETWORK_FORMATS:
            return f"{self.path}: the actor network as {self.format}, in {self.seconds:.2f} s"
        kept = f" in {self.graphs} named graphs" if self.graphs else ""
        unit = "quads" if RDF_FORMATS[self.format][1] else "triples"
        return f"{self.path}: {self.triples} {unit}{kept} as {self.format}, in {self.seconds:.2f} s"


def export_format(path: str | Path | None, given: str | None = None) -> str:
    """The export format: the one given, else the one the file suffix says."""
    if given:
        if given.lower() in NETWORK_FORMATS:
            return given.lower()
        from kg.graphio import FORMAT_NAMES

        if given.strip().lower() not in FORMAT_NAMES:  # ttl, nq, json-ld, xml... as rdflib and Jena name them
            raise unknown_choice("export format", given, FORMATS)
        return FORMAT_NAMES[given.strip().lower()]
    if path is not None and Path(path).suffix.lower() in _SUFFIXES:
        return _SUFFIXES[Path(path).suffix.lower()]
    raise UsageError(f"say which format to write with --format ({', '.join(FORMATS)})")


def export(
    output: str | Path | None,
    fmt: str | None = None,
    *,
    graphs: Sequence[str | Path] = (),
    store: str | Path | None = None,
) -> ExportSummary:
    """Export graph files and/or a store folder to `output` (None: standard output)."""
    fmt = export_format(output, fmt)
    if not graphs and store is None:
        raise UsageError("no graph given: pass --graph FILE... or --store DIR")
    if fmt in NETWORK_FORMATS:
        from kg.engine import open_engine

        return _export_network(open_engine(graphs, store), output, fmt)
    if fmt == "jsonld":
        from kg.sources import load_dataset

        return export_dataset(load_dataset(graphs, store), output, fmt)
    from kg.store import load_files, open_store

    if store is not None and not graphs:
        return export_store(open_store(store, read_only=True), output, fmt, store_dir=store)
    return export_store(load_files(graphs, store), output, fmt)


def export_store(store: ox.Store, output: str | Path | None, fmt: str, *,
                 store_dir: str | Path | None = None) -> ExportSummary:
    """Write an Oxigraph store (persistent or in memory) in an RDF format; JSON-LD goes via rdflib.
    `store_dir`, the folder of a persistent store, lets worker processes read it too (large exports
    of named graphs are shared among the cores)."""
    started = time.perf_counter()
    fmt = export_format(output, fmt)
    if fmt in NETWORK_FORMATS or fmt == "jsonld":
        from kg.store import store_to_dataset

        return export_dataset(store_to_dataset(store), output, fmt)
    if fmt == "rdfxml":
        return _export_rdfxml(store, output, started)
    from kg.store import count_quads, count_union, has_union, named_graphs

    union = has_union(store)
    prefixes = {**PREFIXES, **RESOURCE_PREFIXES}
    graphs = 0
    try:
        with _target(output) as out:
            if RDF_FORMATS[fmt][1]:
                names = named_graphs(store)
                graphs = len(names)
                if union:  # the article graphs one by one: not kg's derived union, nor its layout notes
                    if fmt == "trig":
                        out.write("".join(f"@prefix {p}: <{iri}> .\n" for p, iri in prefixes.items()).encode() + b"\n")
                    _write_graphs(out, store, store_dir, names, fmt)
                    count = count_quads(store)
                else:  # files read into memory: all of it is data
                    store.dump(out, _OX[fmt], prefixes=prefixes if fmt == "trig" else None)
                    count = len(store)
            else:
                source = store if union else _union_store(store)
                source.dump(out, _OX[fmt], from_graph=ox.DefaultGraph(), prefixes=prefixes if fmt != "nt" else None)
                count = count_union(store) if union else len(source)
    except BrokenPipeError:  # `kg export | head` closed the pipe: the command ends quietly
        raise
    except OSError as err:
        if output is None or str(output) == "-":
            raise GraphError(f"cannot export the store as {fmt} ({err})") from err
        from kg.atomic import output_error

        raise output_error(output, err, "the export") from None
    except ValueError as err:
        raise GraphError(f"cannot export the store as {fmt} ({err})") from err
    return ExportSummary(_name(output), fmt, count, graphs, time.perf_counter() - started)


def _write_graphs(out: BinaryIO, store: ox.Store, store_dir: str | Path | None, names: list[str], fmt: str) -> None:
    """The named graphs, in order: copied from the store's N-Quads log (kg.nqlog) where it holds
    a graph as the store still marks it, dumped from the store otherwise."""
    logged = {}
    if fmt == "nquads" and store_dir is not None:
        from kg import nqlog

        logged = nqlog.usable(store, store_dir)
    if not logged:
        for chunk in _graph_chunks(store, store_dir, [names[i:i + _CHUNK] for i in range(0, len(names), _CHUNK)], fmt):
            out.write(chunk)
        return
    from kg.nqlog import copy_range

    with contextlib.ExitStack() as stack:
        files: dict[Path, BinaryIO | None] = {}
        for segment in {entry.segment for entry in logged.values()}:
            try:  # opened now: a build pruning the log later cannot take it from under the export
                files[segment] = stack.enter_context(segment.open("rb"))
            except OSError:
                files[segment] = None
        # runs of consecutive graphs: (segment, offset, length) copied, or names dumped
        runs: list[tuple[Path, int, int] | list[str]] = []
        for name in names:
            entry = logged.get(name)
            last = runs[-1] if runs else None
            if entry is None or files[entry.segment] is None:
                if isinstance(last, list) and len(last) < _CHUNK:
                    last.append(name)
                else:
                    runs.append([name])
            elif isinstance(last, tuple) and last[0] == entry.segment and last[1] + last[2] == entry.offset:
                runs[-1] = (last[0], last[1], last[2] + entry.length)
            else:
                runs.append((entry.segment, entry.offset, entry.length))
        dumped = _graph_chunks(store, store_dir, [run for run in runs if isinstance(run, list)], fmt)
        for run in runs:
            if isinstance(run, list):
                out.write(next(dumped))
            else:
                source = files[run[0]]
                assert source is not None
                copy_range(out, source, run[1], run[2])


PARALLEL_FROM = 2_000  # named graphs from which an export shares the dumping among worker processes
_CHUNK = 250  # named graphs a worker dumps at a time


def _graph_chunks(store: ox.Store, store_dir: str | Path | None, chunks: list[list[str]], fmt: str) -> Iterator[bytes]:
    """The chunks of named graphs dumped (see `dump_graphs`), in order: by worker processes that
    each open the store read-only, when there are many and more than one core; at most a few
    chunks wait in memory."""
    workers = min(os.cpu_count() or 1, 4)
    if store_dir is None or sum(map(len, chunks)) < PARALLEL_FROM or workers < 2:
        for chunk in chunks:
            yield dump_graphs(store, chunk, fmt)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pending: deque = deque()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for chunk in chunks:
            pending.append(pool.submit(_dump_in_worker, str(store_dir), chunk, fmt))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


_WORKER_STORES: dict[str, ox.Store] = {}


def _dump_in_worker(store_dir: str, names: list[str], fmt: str) -> bytes:
    store = _WORKER_STORES.get(store_dir)
    if store is None:
        store = _WORKER_STORES[store_dir] = ox.Store.read_only(store_dir)
    return dump_graphs(store, names, fmt)


def dump_graphs(store: ox.Store, names: list[str], fmt: str) -> bytes:
    """Named graphs one after the other, each dumped by Oxigraph as a graph of its own: N-Quads
    as `graph_nquads` writes them; TriG blocks hold its Turtle, without the prefix lines (the
    file states them once, on top)."""
    prefixes = {**PREFIXES, **RESOURCE_PREFIXES}
    parts = []
    for name in names:
        graph = ox.NamedNode(name)
        if fmt == "nquads":
            parts.append(graph_nquads(store, name))  # (kg.nqlog keeps the log of the same bytes)
        else:
            data = store.dump(format=ox.RdfFormat.TURTLE, from_graph=graph, prefixes=prefixes)
            body = b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(b"@prefix "))
            parts.append(f"<{name}> {{\n".encode() + body.strip(b"\n") + b"\n}\n\n")
    return b"".join(parts)


def _union_store(store: ox.Store) -> ox.Store:
    """A store whose default graph is the union of another's graphs, each triple once (for files
    read into memory, and stores another program wrote)."""
    union = ox.Store()
    union.extend(ox.Quad(t.subject, t.predicate, t.object)
                 for t in store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True))  # fmt: skip
    return union


@contextlib.contextmanager
def _target(output: str | Path | None) -> Iterator[BinaryIO]:
    """Standard output, or the file, which appears only once written whole (kg.atomic)."""
    if output is None or str(output) == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    from kg.atomic import atomic_open

    with atomic_open(output, "wb", encoding=None) as out:
        yield out


def _export_rdfxml(store: ox.Store, output: str | Path | None, started: float) -> ExportSummary:
    """RDF/XML, made in memory: sorted triples (grouped by subject), and control characters refused."""
    from kg.store import has_union

    if has_union(store):  # a store kg wrote keeps the union, each triple once
        source = (quad.triple for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    else:
        source = store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    triples = sorted(set(source), key=str)
    _check_xml_text(triples)
    try:
        data = ox.serialize(triples, format=_OX["rdfxml"], prefixes={**PREFIXES, **RESOURCE_PREFIXES})
    except (OSError, ValueError) as err:
        raise GraphError(f"cannot export the store as rdfxml ({err})") from err
    # a raw carriage return would be read back as a line feed (XML end-of-line rule)
    _write(output, data.replace(b"\r", b"&#13;"))
    return ExportSummary(_name(output), "rdfxml", len(triples), 0, time.perf_counter() - started)


def export_dataset(dataset: Dataset, output: str | Path | None, fmt: str) -> ExportSummary:
    """Write an rdflib Dataset: JSON-LD with kg's context, the actor network, or any RDF format."""
    started = time.perf_counter()
    fmt = export_format(output, fmt)
    if fmt in NETWORK_FORMATS:
        return _export_network(dataset, output, fmt)
    if fmt != "jsonld":
        from kg.store import quads_of

        memory = ox.Store()
        memory.extend(quads_of(dataset))
        return export_store(memory, output, fmt)
    document, quads, named = compact_jsonld(dataset)
    _write(output, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return ExportSummary(_name(output), fmt, quads, named, time.perf_counter() - started)


def _export_network(source, output: str | Path | None, fmt: str) -> ExportSummary:
    """The actor network of a graph (an engine, or what kg.engine.as_engine takes) for Gephi."""
    started = time.perf_counter()
    if output is None:
        raise UsageError(f"{fmt} is written to a file: give -o FILE")
    from kg.network import export_actor_network  # the viz/stats work's module, loaded only here

    export_actor_network(source, Path(output), fmt)
    return ExportSummary(str(output), fmt, 0, 0, time.perf_counter() - started)


# ---------------------------------------------------------------------------- JSON-LD


def compact_jsonld(dataset: Dataset) -> tuple[dict, int, int]:
    """(the JSON-LD document, quads in it, named graphs in it): one node object per subject and
    graph, properties as the context's terms where a value fits the term's coercion, otherwise
    as compact IRIs with explicit value objects, so that nothing is lost whatever the data.
    Written here rather than by rdflib's serializer, which drops empty strings when compacting."""
    context = jsonld_context()
    writer = _JsonLdWriter(context)
    default: list[dict] = []
    named: list[dict] = []
    quads = 0
    by_graph: dict[object, list] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        by_graph.setdefault(g, []).append((s, p, o))
        quads += 1
    for graph, triples in sorted(by_graph.items(), key=lambda item: str(item[0])):
        nodes = writer.nodes(triples)
        if graph is None or str(graph) == "urn:x-rdflib:default":
            default.extend(nodes)
        else:
            named.append({"@id": writer.iri(graph), "@graph": nodes})
    return {"@context": context, "@graph": default + named}, quads, len(named)


class _JsonLdWriter:
    def __init__(self, context: dict[str, object]):
        self.prefixes = sorted(
            ((name, value) for name, value in context.items()
             if isinstance(value, str) and value.endswith(("/", "#"))),
            key=lambda item: -len(item[1]),
        )  # fmt: skip
        self.context = context
        self.terms: dict[str, tuple[str, object]] = {}  # property IRI -> (term, its definition)
        self.classes: dict[str, str] = {}
        for name, value in context.items():
            if name.startswith("@"):
                continue
            iri = self.expand(value["@id"] if isinstance(value, dict) else value)
            if isinstance(value, dict) or name[0].islower():
                self.terms.setdefault(iri, (name, value))
            else:
                self.classes[iri] = name
        self.default_language = context.get("@language")

    def expand(self, curie: str) -> str:
        prefix, colon, rest = curie.partition(":")
        value = self.context.get(prefix)
        return f"{value}{rest}" if colon and isinstance(value, str) and not rest.startswith("//") else curie

    def iri(self, term) -> str:
        if isinstance(term, BNode):
            return f"_:{term}"
        text = str(term)
        for name, namespace in self.prefixes:
            if text.startswith(namespace) and len(text) > len(namespace) and not text[len(namespace):].startswith("//"):
                return f"{name}:{text[len(namespace):]}"
        return text

    def nodes(self, triples: list) -> list[dict]:
        subjects: dict[object, dict[object, list]] = {}
        for s, p, o in triples:
            subjects.setdefault(s, {}).setdefault(p, []).append(o)
        out = []
        for subject in sorted(subjects, key=str):
            node: dict[str, object] = {"@id": self.iri(subject)}
            for predicate in sorted(subjects[subject], key=str):
                for key, value in self.entries(predicate, sorted(set(subjects[subject][predicate]), key=_order)):
                    existing = node.get(key)
                    node[key] = value if existing is None else [*_listed(existing), *_listed(value)]
            if "@type" in node:  # @id, then @type, then the properties
                node = {"@id": node.pop("@id"), "@type": node.pop("@type"), **node}
            out.append(node)
        return out

    def entries(self, predicate, objects: list) -> list[tuple[str, object]]:
        if predicate == RDF.type and all(isinstance(o, URIRef) for o in objects):
            return [("@type", _single([self.classes.get(str(o)) or self.iri(o) for o in objects]))]
        term, definition = self.terms.get(str(predicate), (None, None))
        if term is None:
            return [(self.iri(predicate), _single([self.value_object(o) for o in objects]))]
        # a value that fits the term's coercion is a plain string; any other stays a value object
        # under the same term (coercion applies to plain strings only), so nothing is lost
        values = []
        for obj in objects:
            compact = self.with_term(obj, definition)
            values.append(compact if compact is not None else self.value_object(obj))
        return [(term, _single(values))]

    def with_term(self, obj, definition) -> object | None:
        """The compact value under the term, or None when the value does not fit its coercion."""
        coercion = definition.get("@type") if isinstance(definition, dict) else None
        language = definition.get("@language", self.default_language) if isinstance(definition, dict) else (
            self.default_language
        )
        if coercion == "@id":
            return self.iri(obj) if isinstance(obj, URIRef | BNode) else None
        if not isinstance(obj, Literal):
            return None
        if coercion is not None:
            return str(obj) if obj.datatype is not None and self.iri(obj.datatype) == coercion else None
        if language is None:
            return str(obj) if obj.language is None and obj.datatype in (None, XSD.string) else None
        return str(obj) if obj.language == language else None

    def value_object(self, obj) -> object:
        if isinstance(obj, URIRef | BNode):
            return {"@id": self.iri(obj)}
        if obj.language:
            return {"@value": str(obj), "@language": obj.language}
        if obj.datatype is not None and obj.datatype != XSD.string:
            return {"@value": str(obj), "@type": self.iri(obj.datatype)}
        return {"@value": str(obj)}


def _order(term) -> tuple[str, ...]:
    language, datatype = getattr(term, "language", None), getattr(term, "datatype", None)
    return (type(term).__name__, str(term), str(language or ""), str(datatype or ""))


def _single(values: list) -> object:
    return values[0] if len(values) == 1 else values


def _listed(value: object) -> list:
    return value if isinstance(value, list) else [value]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _check_xml_text(triples: list[ox.Triple]) -> None:
    """RDF/XML cannot hold control characters (XML 1.0 forbids them): refuse rather than write a
    file no parser reads."""
    for triple in triples:
        for term in (triple.subject, triple.object):
            found = _NOT_XML.search(term.value)
            if found:
                raise GraphError(
                    f"RDF/XML cannot hold the control character U+{ord(found.group()):04X} in {term}; "
                    "export as Turtle, N-Triples, N-Quads, TriG or JSON-LD instead"
                )


def _write(output: str | Path | None, data: bytes) -> None:
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from kg.atomic import write_output

    write_output(output, data, "the export")  # whole or not at all


def _name(output: str | Path | None) -> str:
    return "-" if output is None else str(output)
