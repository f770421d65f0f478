"""Checking a graph against the SHACL shapes of the graph contract (ontology/shapes.ttl).

`validate` runs pyshacl over the union of a graph's named graphs, without inference: the shapes
are written so that they need none (actor values are checked with sh:or over the concrete
classes), which keeps a graph of tens of thousands of triples to a second or two.
The report is a small immutable value; `format_report` prints it one violation a line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH, SKOS
from rdflib.term import Node

from kg.errors import GraphError, UsageError
from kg.rdf.namespaces import PREFIXES
from kg.resources import ontology_path

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
