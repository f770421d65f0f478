"""Checking a graph against the SHACL shapes of the graph contract (ontology/shapes.ttl).

`validate` runs pyshacl over the union of a graph's named graphs, without inference: the shapes
are written so that they need none (actor values are checked with sh:or over the concrete
classes), which keeps a graph of tens of thousands of triples to a second or two.

`validate_store` gives the same report for a store of any size without loading it: each article
graph was checked when it was built (kg.shacl, its results kept in the store's layout graph), so
what is left are the checks whose outcome depends on several articles, done with SPARQL over the
union: nodes typed differently in different graphs, and values that only together break a
sh:maxCount or sh:uniqueLang. Those nodes, and the nodes an article's check found, are checked
again over the union (their own triples and their values' types, read for them alone), which is
what pyshacl over the whole union would say of them; every other node conforms there as it did
in its articles. Graphs without a current check (written by another program, or before the
shapes changed) are checked one by one as they are read.

The report is a small immutable value; `format_report` prints it one violation a line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.engine import StoreEngine, select_for
from kg.errors import GraphError, UsageError
from kg.rdf.namespaces import PREFIXES
from kg.resources import ontology_path
from kg.shacl import Data, Result, Shapes, kg_shapes, result_from_json
from kg.sparql import Converter, from_oxigraph, sparql_term
from kg.store import LAYOUT_GRAPH, SHACL_RESULT, VALIDATED_WITH

SHAPES_IRI = "https://w3id.org/dipkg/shapes#"

# Longest namespace first, so dipr:... wins over a shorter prefix that also matches.
_CURIE_PREFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {**PREFIXES, "dipsh": SHAPES_IRI, "sh": str(SH)}.items(),
        key=lambda item: len(item[1]),
        reverse=True,
    )
)
_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True, slots=True)
class Violation:
    """One result of the shapes: which node, which property, which value, and what is wrong."""

    focus: Node  # the node that fails (an IRI, or a blank node)
    label: str  # its Arabic label where the graph gives one, else ""
    path: str  # the property as a CURIE ("dip:participant"), "" for a check on the node itself
    value: Node | None  # the offending value, where there is one
    severity: str  # "Violation", "Warning" or "Info"
    message: str  # what is wrong, in English
    shape: str  # the shape that found it, as a CURIE ("dipsh:Meeting-participants")


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of `validate`: conforms unless there is at least one Violation (warnings don't count)."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int  # size of the union that was checked

    def count(self, severity: str) -> int:
        """How many results have this severity ("Violation", "Warning", "Info")."""
        return sum(1 for v in self.violations if v.severity == severity)


def validate(data: Graph | Dataset, *, shapes_path: str | Path | None = None) -> ValidationReport:
    """Check a graph (for a Dataset: the union of all its graphs) against the contract's shapes.

    `shapes_path` names another SHACL file to use instead of kg's own `ontology/shapes.ttl`.
    """
    import pyshacl  # heavy import, needed only here

    shapes = load_shapes(shapes_path)
    union = _union(data)
    try:
        _, results, _ = pyshacl.validate(
            union,
            shacl_graph=shapes,
            inference="none",
            allow_infos=True,
            allow_warnings=True,
            inplace=True,  # `union` is our own copy
        )
    except Exception as err:  # pyshacl reports broken shapes with several exception types
        where = shapes_path or ontology_path("shapes.ttl")
        raise GraphError(f"{where}: cannot run these shapes ({_first_line(err)})") from err
    violations = tuple(sorted(_read_results(results, union), key=_sort_key))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms=conforms, violations=violations, triples=len(union))


def load_shapes(shapes_path: str | Path | None = None) -> Graph:
    """Parse a SHACL shapes file (kg's own by default) into a Graph."""
    path = Path(shapes_path) if shapes_path is not None else ontology_path("shapes.ttl")
    if not path.is_file():
        raise UsageError(f"{path}: no such shapes file")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as err:  # rdflib raises many kinds; all mean the file is not Turtle
        raise GraphError(f"{path}: not valid Turtle ({_first_line(err)})") from err


def format_report(report: ValidationReport) -> str:
    """The report as text: one line per result (node as a CURIE, its Arabic label), then a summary."""
    lines = [_format_line(v) for v in report.violations]
    lines.append(_summary(report))
    return "\n".join(lines)


def curie(term: Node | None) -> str:
    """A short readable form of a term: dipr:person/x, "text"@ar, "2021"^^xsd:date, _:b0."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, iri in _CURIE_PREFIXES:
            if term.startswith(iri):
                return f"{prefix}:{term[len(iri):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term)
        text = text if len(text) <= 60 else text[:59] + "…"
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None:
            return f'"{text}"^^{curie(term.datatype)}'
        return f'"{text}"'
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _first_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text[:200] or type(err).__name__


def _union(data: Graph | Dataset) -> Graph:
    """A plain Graph holding every triple of every graph (pyshacl would otherwise see one graph)."""
    union = Graph()
    for graph in data.graphs() if isinstance(data, Dataset) else (data,):
        union += graph
    return union


def _read_results(results: Graph, data: Graph) -> Iterable[Violation]:
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        yield Violation(
            focus=focus,
            label=_arabic_label(data, focus),
            path=curie(path) if isinstance(path, URIRef) else ("" if path is None else "(complex path)"),
            value=results.value(result, SH.value),
            severity=_SEVERITIES.get(results.value(result, SH.resultSeverity), "Violation"),
            message=_message(results, result),
            shape=curie(results.value(result, SH.sourceShape)),
        )


def _message(results: Graph, result: Node) -> str:
    messages = sorted(results.objects(result, SH.resultMessage), key=lambda m: (m.language not in (None, "en"), m))
    if messages:
        return str(messages[0])
    component = results.value(result, SH.sourceConstraintComponent)
    return f"fails {curie(component)}"


def _arabic_label(data: Graph, node: Node | None) -> str:
    if node is None or isinstance(node, Literal):
        return ""
    for predicate in (RDFS.label, SKOS.prefLabel):
        arabic = sorted(
            str(o) for o in data.objects(node, predicate) if isinstance(o, Literal) and _is_arabic(o)
        )
        if arabic:
            return arabic[0]
    return ""


def _is_arabic(literal: Literal) -> bool:
    return bool(literal.language) and literal.language.lower().split("-")[0] == "ar"


def _sort_key(v: Violation) -> tuple[int, str, str, str, str]:
    """Violations before warnings before infos; then by node, so a node's results stay together."""
    rank = list(_SEVERITIES.values()).index(v.severity) if v.severity in _SEVERITIES.values() else 0
    return (rank, str(v.focus), v.path, v.message, str(v.value))


def _format_line(v: Violation) -> str:
    node = curie(v.focus)
    if v.label:
        node += f" «{v.label}»"
    where = f" {v.path}" if v.path else ""
    value = f" = {curie(v.value)}" if v.value is not None and v.value != v.focus else ""
    return f"{v.severity:<9} {node}{where}{value}: {v.message}"


def _summary(report: ValidationReport) -> str:
    counts = [
        f"{n} {name.lower()}{'s' if n != 1 else ''}"
        for name in ("Violation", "Warning", "Info")
        if (n := report.count(name))
    ]
    nodes = len({v.focus for v in report.violations})
    if report.conforms:
        extra = f" ({', '.join(counts)} on {nodes} node{'s' if nodes != 1 else ''})" if counts else ""
        return f"conforms: {report.triples} triples, no violations{extra}"
    return (
        f"does not conform: {report.triples} triples, {', '.join(counts)} "
        f"on {nodes} node{'s' if nodes != 1 else ''}"
    )


# ---------------------------------------------------------------------------- a store, in bounded memory


@dataclass(frozen=True, slots=True)
class StoreCheck:
    """How `validate_store` came to its report."""

    graphs: int  # named graphs in the store
    checked_when_built: int  # of them, checked when written (their results read back)
    checked_now: int  # checked now, graph by graph (no current check in the store)
    rechecked: int  # nodes checked again over the union of all the graphs

    def __str__(self) -> str:
        return (f"{self.graphs:,} graphs: {self.checked_when_built:,} checked when built, {self.checked_now:,} "
                f"checked now; {self.rechecked:,} nodes checked across articles")  # fmt: skip


_RECHECK_BATCH = 200


def validate_store(engine: StoreEngine, shapes: Shapes | None = None) -> tuple[ValidationReport, StoreCheck]:
    """What `validate` says of the union of a store's graphs, from the checks made when they were
    built and SPARQL over the union (see the module's docstring); memory follows the results."""
    shapes = shapes or kg_shapes()
    store = engine.store
    layout = ox.NamedNode(LAYOUT_GRAPH)
    current = ox.Literal(shapes.fingerprint)
    checked = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(VALIDATED_WITH), current, layout)}
    suspects: set[Node] = set()  # focus nodes whose results over the union must be known
    kept: list[Result] = []  # results of blank nodes, which no query can name again
    graphs = now = 0
    for graph in store.named_graphs():
        if graph == layout:
            continue
        graphs += 1
        if isinstance(graph, ox.NamedNode) and graph.value in checked:
            continue
        now += 1
        convert = Converter(from_oxigraph)
        triples = [(convert(q.subject), convert(q.predicate), convert(q.object))
                   for q in store.quads_for_pattern(None, None, None, graph)]  # fmt: skip
        _suspect(shapes.check(triples), suspects, kept)
    for note in store.quads_for_pattern(None, ox.NamedNode(SHACL_RESULT), None, layout):
        if note.subject.value in checked:
            _suspect([result_from_json(note.object.value)], suspects, kept)
    suspects |= _types_disagree(engine) | _over_limits(engine, shapes)
    results = kept + _recheck(engine, shapes, sorted(suspects, key=str))
    labels = _labels_in_store(engine, {r.focus for r in results if isinstance(r.focus, URIRef)})
    violations = tuple(sorted((_violation(r, labels.get(r.focus, "")) for r in results), key=_sort_key))
    conforms = not any(v.severity == "Violation" for v in violations)
    check = StoreCheck(graphs, graphs - now, now, len(suspects))
    return ValidationReport(conforms=conforms, violations=violations, triples=engine.triples()), check


def _suspect(results: Iterable[Result], suspects: set[Node], kept: list[Result]) -> None:
    for result in results:
        if isinstance(result.focus, URIRef):
            suspects.add(result.focus)
        else:
            kept.append(result)


def _types_disagree(engine: StoreEngine) -> set[Node]:
    """Nodes that some graph types otherwise than the union does, or describes without their type
    (a phone call that another article calls a meeting held somewhere): the union checks their
    triples against shapes that the graph alone does not. Grouped in the store a batch of nodes
    or graphs at a time, so that memory does not follow the store's size."""
    found: set[Node] = set()
    # nodes with several types in the union (most have one): a graph that gives fewer
    query = "SELECT ?s (COUNT(?t) AS ?n) WHERE { ?s a ?t } GROUP BY ?s HAVING (COUNT(?t) > 1)"
    several = {s.value: int(n.value) for s, n in engine.select(query) if isinstance(s, ox.NamedNode)}
    per_graph = (f"SELECT DISTINCT ?s ?k WHERE {{ {{ SELECT ?s ?g (COUNT(?t) AS ?k) WHERE {{ {{values}} "
                 f"GRAPH ?g {{ ?s a ?t }} FILTER(?g != <{LAYOUT_GRAPH}>) }} GROUP BY ?s ?g }} }}")  # fmt: skip
    for node, fewer in select_for(engine, "s", several, per_graph):
        if int(fewer.value) < several[node.value]:
            found.add(URIRef(node.value))
    # graphs where some subject has no type at all: their subjects typed elsewhere
    graphs = [g.value for g in engine.store.named_graphs() if isinstance(g, ox.NamedNode) and g.value != LAYOUT_GRAPH]
    typed_only = f"BIND(IF(?p = {sparql_term(RDF.type)}, ?s, ?nothing) AS ?typed)"
    counts = (f"SELECT ?g (COUNT(DISTINCT ?s) AS ?all) (COUNT(DISTINCT ?typed) AS ?types) WHERE {{ {{values}} "
              f"GRAPH ?g {{ ?s ?p ?o }} {typed_only} }} GROUP BY ?g")  # fmt: skip
    loose = [g.value for g, every, typed in select_for(engine, "g", graphs, counts) if every.value != typed.value]
    for graph in loose:
        quads = list(engine.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        typed = {q.subject for q in quads if q.predicate.value == str(RDF.type)}
        for subject in {q.subject for q in quads} - typed:
            if isinstance(subject, ox.NamedNode) and next(iter(engine.store.quads_for_pattern(
                    subject, ox.NamedNode(str(RDF.type)), None, None)), None) is not None:  # fmt: skip
                found.add(URIRef(subject.value))
    return found


def _over_limits(engine: StoreEngine, shapes: Shapes) -> set[Node]:
    """Nodes whose values, from several graphs, go over a sh:maxCount or repeat a language under
    sh:uniqueLang: grouped in the store, over the union."""
    found: set[Node] = set()
    for limit in shapes.limits:
        path = sparql_term(limit.path)
        typed = ""
        if limit.classes:
            typed = f"?s a ?c FILTER(?c IN ({', '.join(sparql_term(c) for c in limit.classes)}))"
        if limit.most == 0 and limit.classes:  # any value at all: start from the (few) nodes of the class
            queries = [f"SELECT DISTINCT ?s WHERE {{ {typed} ?s {path} ?v }}"]
        else:
            queries = []
            if limit.most is not None:
                queries.append(f"SELECT ?s WHERE {{ {{ SELECT ?s WHERE {{ ?s {path} ?v }} GROUP BY ?s "
                               f"HAVING (COUNT(DISTINCT ?v) > {limit.most}) }} {typed} }}")  # fmt: skip
            if limit.unique_lang:
                tagged = f"?s {path} ?v FILTER(LANG(?v) != \"\")"
                grouped = "GROUP BY ?s (LCASE(LANG(?v)) AS ?l) HAVING (COUNT(DISTINCT ?v) > 1)"
                queries.append(f"SELECT ?s WHERE {{ {{ SELECT ?s WHERE {{ {tagged} }} {grouped} }} {typed} }}")
        for query in queries:
            found.update(from_oxigraph(s) for (s, *_rest) in engine.select(query) if isinstance(s, ox.NamedNode))
    return found


def _recheck(engine: StoreEngine, shapes: Shapes, nodes: list[Node]) -> list[Result]:
    """The results of some nodes over the union: the shapes run on what they read of those nodes
    (their triples with the predicates the shapes use, their values' types, and whether they are
    the object of a predicate the shapes target the objects of), a batch at a time."""
    read = ", ".join(sparql_term(p) for p in sorted(shapes.predicates()))
    objects_of = sorted(shapes.objects_of())
    convert = Converter(from_oxigraph)
    query = f"SELECT ?s ?o WHERE {{ ?s {sparql_term(RDFS.subClassOf)} ?o }}"
    subclasses = [(convert(s), RDFS.subClassOf, convert(o)) for s, o in engine.select(query)]
    results: list[Result] = []
    for start in range(0, len(nodes), _RECHECK_BATCH):
        batch = [str(n) for n in nodes[start : start + _RECHECK_BATCH]]
        triples = list(subclasses)
        query = f"SELECT ?s ?p ?o WHERE {{ {{values}} ?s ?p ?o FILTER(?p IN ({read})) }}"
        for s, p, o in select_for(engine, "s", batch, query):
            triples.append((convert(s), convert(p), convert(o)))
        values = {str(o) for _, p, o in triples if isinstance(o, URIRef) and p != RDF.type}
        query = f"SELECT ?v ?t WHERE {{ {{values}} ?v {sparql_term(RDF.type)} ?t }}"
        for v, t in select_for(engine, "v", values, query):
            triples.append((convert(v), RDF.type, convert(t)))
        if objects_of:
            wanted = ", ".join(sparql_term(p) for p in objects_of)
            query = f"SELECT DISTINCT ?o ?p WHERE {{ {{values}} ?s ?p ?o FILTER(?p IN ({wanted})) }}"
            for o, p in select_for(engine, "o", batch, query):
                triples.append((_SOMEONE, convert(p), convert(o)))  # the node is an object of p: a target
        results.extend(shapes.check(Data(triples), focus={URIRef(n) for n in batch}))
    return results


_SOMEONE = URIRef("urn:x-kg:some-subject")


def _labels_in_store(engine: StoreEngine, nodes: set[Node]) -> dict[Node, str]:
    """Each node's Arabic label as `_arabic_label` picks it (rdfs:label, else skos:prefLabel)."""
    found: dict[Node, dict[str, list[str]]] = {}
    query = (f"SELECT ?s ?p ?l WHERE {{ {{values}} ?s ?p ?l "
             f"FILTER(?p IN ({sparql_term(RDFS.label)}, {sparql_term(SKOS.prefLabel)})) }}")  # fmt: skip
    for s, p, label in select_for(engine, "s", (str(n) for n in nodes), query):
        if isinstance(label, ox.Literal) and label.language and label.language.lower().split("-")[0] == "ar":
            found.setdefault(URIRef(s.value), {}).setdefault(p.value, []).append(label.value)
    return {node: min(by_p.get(str(RDFS.label)) or by_p[str(SKOS.prefLabel)]) for node, by_p in found.items()}


def _violation(result: Result, label: str) -> Violation:
    path = "" if result.path is None else curie(result.path)
    return Violation(focus=result.focus, label=label, path=path, value=result.value, severity=result.severity,
                     message=result.message, shape=curie(result.shape))  # fmt: skip
