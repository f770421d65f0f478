"""Exports for pipelines: the graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, and
the actor network as GraphML or GEXF for Gephi.

Turtle, N-Triples and RDF/XML hold the union of the article graphs (each triple once); N-Quads
and TriG keep one named graph per article; JSON-LD keeps them too, under a compact @context
built from the ontology. Every RDF export parses back to the same graph. The RDF formats other
than JSON-LD are written by Oxigraph, so a store of a million triples exports in seconds.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import GraphError, UsageError, unknown_choice
from kg.rdf.namespaces import DIP_IRI, PREFIXES, RESOURCE_PREFIXES
from kg.resources import ontology_path

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
    if fmt in NETWORK_FORMATS or fmt == "jsonld":
        from kg.sources import load_dataset

        return export_dataset(load_dataset(graphs, store), output, fmt)
    from kg.store import load_files, open_store

    source = open_store(store, read_only=True) if store is not None and not graphs else load_files(graphs, store)
    return export_store(source, output, fmt)


def export_store(store: ox.Store, output: str | Path | None, fmt: str) -> ExportSummary:
    """Write an Oxigraph store (persistent or in memory) in an RDF format; JSON-LD goes via rdflib."""
    started = time.perf_counter()
    fmt = export_format(output, fmt)
    if fmt in NETWORK_FORMATS or fmt == "jsonld":
        from kg.store import store_to_dataset

        return export_dataset(store_to_dataset(store), output, fmt)
    from kg.store import has_union, named_graphs

    prefixes = {**PREFIXES, **RESOURCE_PREFIXES}
    keeps_graphs = RDF_FORMATS[fmt][1]
    union = has_union(store)
    try:
        if keeps_graphs:
            names = named_graphs(store)
            counter = _Counter(_grouped_quads(store, names, include_default=not union))
            data = ox.serialize(counter, format=_OX[fmt], prefixes=prefixes if fmt == "trig" else None)
            count, graphs = counter.count, len(names)
        else:
            if union:  # a store kg wrote keeps the union, each triple once
                source = (quad.triple for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            else:
                source = store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
            triples = sorted(set(source), key=str)  # sorted: grouped by subject, and the same file every time
            if fmt == "rdfxml":
                _check_xml_text(triples)
            data = ox.serialize(triples, format=_OX[fmt], prefixes=prefixes if fmt != "nt" else None)
            if fmt == "rdfxml":  # a raw carriage return would be read back as a line feed (XML end-of-line rule)
                data = data.replace(b"\r", b"&#13;")
            count, graphs = len(triples), 0
    except (OSError, ValueError) as err:
        raise GraphError(f"cannot export the store as {fmt} ({err})") from err
    _write(output, data)
    return ExportSummary(_name(output), fmt, count, graphs, time.perf_counter() - started)


def _grouped_quads(store: ox.Store, names: list[str], *, include_default: bool):
    """Quads graph by graph (so TriG writes each graph once): the default graph first where it
    is data rather than kg's derived union, then the named graphs in order."""
    if include_default:
        yield from store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    for name in names:
        yield from store.quads_for_pattern(None, None, None, ox.NamedNode(name))


class _Counter:
    """An iterable that counts what passes through it."""

    def __init__(self, items):
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def export_dataset(dataset: Dataset, output: str | Path | None, fmt: str) -> ExportSummary:
    """Write an rdflib Dataset: JSON-LD with kg's context, the actor network, or any RDF format."""
    started = time.perf_counter()
    fmt = export_format(output, fmt)
    if fmt in NETWORK_FORMATS:
        if output is None:
            raise UsageError(f"{fmt} is written to a file: give -o FILE")
        from kg.network import export_actor_network  # the viz/stats work's module, loaded only here

        export_actor_network(dataset, Path(output), fmt)
        return ExportSummary(str(output), fmt, 0, 0, time.perf_counter() - started)
    if fmt != "jsonld":
        from kg.store import quads_of

        memory = ox.Store()
        memory.extend(quads_of(dataset))
        return export_store(memory, output, fmt)
    document, quads, named = compact_jsonld(dataset)
    _write(output, (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return ExportSummary(_name(output), fmt, quads, named, time.perf_counter() - started)


# ---------------------------------------------------------------------------- the JSON-LD context

_STANDARD_TERMS: dict[str, object] = {
    "label": "rdfs:label",
    "comment": "rdfs:comment",
    "altLabel": "skos:altLabel",
    "prefLabel": "skos:prefLabel",
    "inScheme": {"@id": "skos:inScheme", "@type": "@id"},
    "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "title": "dcterms:title",
    "published": {"@id": "dcterms:date", "@type": "xsd:date"},
    "publisher": "dcterms:publisher",
    "url": {"@id": "schema:url", "@type": "@id"},
}


@cache
def jsonld_context() -> dict[str, object]:
    """A compact JSON-LD @context from the ontology: a term for each dip: class and property,
    object properties coerced to IRIs, datatype properties to their range (xsd:date, xsd:boolean),
    plain strings (range xsd:string) marked as having no language, since text is Arabic by
    default ("@language": "ar"), so a label or quote reads as a plain string."""
    ontology = Graph()
    try:
        ontology.parse(ontology_path(), format="turtle")
    except (OSError, FileNotFoundError) as err:
        raise GraphError(f"cannot read the ontology for the JSON-LD context ({err})") from err
    context: dict[str, object] = {**PREFIXES, **RESOURCE_PREFIXES, "@language": "ar"}
    for term in sorted({s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(DIP_IRI)}):
        name = term[len(DIP_IRI) :]
        if not name:
            continue
        curie = f"dip:{name}"
        kinds = set(ontology.objects(term, RDF.type))
        ranges = [r for r in ontology.objects(term, RDFS.range) if isinstance(r, URIRef)]
        if OWL.Class in kinds:
            context[name] = curie
        elif OWL.ObjectProperty in kinds:
            context[name] = {"@id": curie, "@type": "@id"}
        elif OWL.DatatypeProperty in kinds:
            datatype = ranges[0] if ranges else None
            if datatype == XSD.string:
                context[name] = {"@id": curie, "@language": None}
            elif datatype is not None and datatype.startswith(str(XSD)):
                context[name] = {"@id": curie, "@type": f"xsd:{datatype[len(str(XSD)):]}"}
            else:  # rdf:langString, rdfs:Literal: the default language applies
                context[name] = curie
    for name, value in _STANDARD_TERMS.items():
        context.setdefault(name, value)
    return context


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


def context_document() -> str:
    """The context as a stand-alone JSON-LD document (for publishing next to the data)."""
    return json.dumps({"@context": jsonld_context()}, ensure_ascii=False, indent=1) + "\n"


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
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as err:
        raise GraphError(f"{path}: cannot write ({err.strerror or err})") from err


def _name(output: str | Path | None) -> str:
    return "-" if output is None else str(output)
