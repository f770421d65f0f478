"""SHACL for small graphs, in plain Python: the core constraints kg's shapes use.

pyshacl takes about 50 ms to check one article's graph, so a build of 100,000 articles cannot ask
it. `compile_shapes` reads a shapes graph once into plain values; `Shapes.check(triples)` then
gives, in well under a millisecond for an article, the results pyshacl gives for the same data
without inference: the same focus nodes, paths, values, severities, messages and source shapes
(the tests compare the two on kg's shapes and on many broken graphs). A shapes graph that uses
anything else (SPARQL constraints, complex paths, sh:node...) raises `Unsupported`, and callers
fall back to pyshacl.

`check(..., focus=...)` limits the results to some focus nodes, for checking a few nodes of a
large graph from a sample of it (kg.validate does that across the articles of a store).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

EVALUATOR_VERSION = 1  # raise it when a change here changes results: stored ones are then checked again
_TYPE, _SUBCLASS = RDF.type, RDFS.subClassOf
SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_STRING, _LANG_STRING, _LITERAL, _DATATYPE = XSD.string, RDF.langString, RDFS.Literal, RDFS.Datatype
# Predicates of a shape that say nothing to check.
_DESCRIPTIVE = frozenset({
    SH.name, SH.description, SH.message, SH.severity, SH.deactivated, SH.path, SH.targetClass, SH.targetNode,
    SH.targetObjectsOf, SH.targetSubjectsOf, SH.property, SH.order, SH.group, SH.defaultValue, SH.flags,
    RDF.type, RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy,
})  # fmt: skip
_KINDS = {
    SH.IRI: (URIRef,), SH.Literal: (Literal,), SH.BlankNode: (BNode,), SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}  # fmt: skip


class Unsupported(ValueError):
    """The shapes use something this module does not evaluate (pyshacl must be asked instead)."""


@dataclass(frozen=True, slots=True)
class Result:
    """One validation result, as pyshacl would report it."""

    focus: Node
    path: URIRef | None  # the property of a property shape; None for a check of the node itself
    value: Node | None
    severity: str  # "Violation", "Warning" or "Info"
    message: str
    shape: Node  # the shape that found it (sh:sourceShape)


# ---------------------------------------------------------------------------- the data


class Data:
    """A small graph indexed for checking: each subject's values by predicate, and types."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        self.out: dict[Node, dict[Node, set[Node]]] = {}
        self.objects_of: dict[Node, set[Node]] = {}
        self.subjects_of: dict[Node, set[Node]] = {}
        out, objects_of, subjects_of = self.out, self.objects_of, self.subjects_of
        for s, p, o in triples:
            by_p = out.get(s)
            if by_p is None:
                by_p = out[s] = {}
            values = by_p.get(p)
            if values is None:
                values = by_p[p] = set()
                subjects_of.setdefault(p, set()).add(s)
            values.add(o)
            objects_of.setdefault(p, set()).add(o)
        self._by_type: dict[Node, set[Node]] = {}
        for s in subjects_of.get(_TYPE, ()):
            for t in out[s][_TYPE]:
                self._by_type.setdefault(t, set()).add(s)
        subclass = [(s, o) for s in subjects_of.get(_SUBCLASS, ()) for o in out[s][_SUBCLASS]]
        self._supers = _closure(subclass) if subclass else {}

    def values(self, node: Node, predicate: Node) -> set[Node]:
        return self.out.get(node, {}).get(predicate, set())

    def is_instance(self, node: Node, cls: Node) -> bool:
        """rdf:type/rdfs:subClassOf* cls, as SHACL's class checks read the data."""
        types = self.values(node, _TYPE)
        if cls in types:
            return True
        return any(cls in self._supers.get(t, ()) for t in types)

    def instances(self, cls: Node) -> set[Node]:
        found = set(self._by_type.get(cls, ()))
        for sub, supers in self._supers.items():
            if cls in supers:
                found |= self._by_type.get(sub, set())
        return found


def _closure(pairs: list[tuple[Node, Node]]) -> dict[Node, set[Node]]:
    direct: dict[Node, set[Node]] = {}
    for sub, sup in pairs:
        direct.setdefault(sub, set()).add(sup)
    closed: dict[Node, set[Node]] = {}
    for start in direct:
        seen: set[Node] = set()
        todo = list(direct[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(direct.get(node, ()))
        closed[start] = seen
    return closed


# ---------------------------------------------------------------------------- the shapes

# A constraint: (data, focus, value nodes) -> the failing value nodes, None standing for a
# result without a value (counts, sh:hasValue); each failure is one result.
Check = Callable[[Data, Node, set[Node]], list[Node | None]]


@dataclass(frozen=True, slots=True)
class Shape:
    node: Node
    path: URIRef | None  # property shapes only
    checks: tuple[Check, ...]
    properties: tuple[Shape, ...]
    severity: str
    message: str
    targets: tuple[tuple[URIRef, Node], ...]  # (sh:targetClass | ..., its object)

    def value_nodes(self, data: Data, focus: Node) -> set[Node]:
        return data.values(focus, self.path) if self.path is not None else {focus}

    def results(self, data: Data, focus: Node) -> list[Result]:
        values = self.value_nodes(data, focus)
        found = [Result(focus, self.path, value, self.severity, self.message, self.node)
                 for check in self.checks for value in check(data, focus, values)]  # fmt: skip
        for prop in self.properties:
            found.extend(prop.results(data, focus))
        return found

    def conforms(self, data: Data, focus: Node) -> bool:
        values = self.value_nodes(data, focus)
        return all(not check(data, focus, values) for check in self.checks) and all(
            prop.conforms(data, focus) for prop in self.properties
        )

    def focus_nodes(self, data: Data) -> set[Node]:
        found: set[Node] = set()
        for kind, value in self.targets:
            if kind == SH.targetClass:
                found |= data.instances(value)
            elif kind == SH.targetNode:
                found.add(value)
            elif kind == SH.targetObjectsOf:
                found |= data.objects_of.get(value, set())
            else:  # sh:targetSubjectsOf
                found |= data.subjects_of.get(value, set())
        return found


@dataclass(frozen=True, slots=True)
class Limit:
    """A property shape whose outcome can change when the values of several graphs meet: at most
    `most` values (sh:maxCount), or one per language (sh:uniqueLang)."""

    path: URIRef
    most: int | None
    unique_lang: bool
    classes: tuple[URIRef, ...] | None  # the target classes of the shapes holding it (None: other targets)


@dataclass(frozen=True, slots=True)
class Shapes:
    """A compiled shapes graph: the shapes with targets, and what they read."""

    shapes: tuple[Shape, ...]
    fingerprint: str  # changes whenever the shapes or this module change
    limits: tuple[Limit, ...] = ()

    def predicates(self) -> set[URIRef]:
        """Every predicate the shapes read of a focus node: paths, targets, and rdf:type."""
        found = {_TYPE}
        todo = list(self.shapes)
        while todo:
            shape = todo.pop()
            if shape.path is not None:
                found.add(shape.path)
            found.update(value for kind, value in shape.targets if kind == SH.targetSubjectsOf)
            todo.extend(shape.properties)
        return found

    def objects_of(self) -> set[URIRef]:
        """The predicates whose objects are focus nodes (sh:targetObjectsOf)."""
        return {value for shape in self.shapes for kind, value in shape.targets if kind == SH.targetObjectsOf}

    def check(self, triples: Iterable[tuple[Node, Node, Node]] | Data, focus: set[Node] | None = None) -> list[Result]:
        """Every result of the shapes over the triples (only for the `focus` nodes, when given)."""
        data = triples if isinstance(triples, Data) else Data(triples)
        found: list[Result] = []
        for shape in self.shapes:
            nodes = shape.focus_nodes(data)
            if focus is not None:
                nodes &= focus
            for node in nodes:
                found.extend(shape.results(data, node))
        return found

@cache
def kg_shapes() -> Shapes:
    """kg's own shapes (ontology/shapes.ttl), compiled once per process."""
    from kg.resources import ontology_path

    return compile_file(ontology_path("shapes.ttl"))


def compile_file(path: str | Path) -> Shapes:
    path = Path(path)
    graph = Graph().parse(path, format="turtle")
    return compile_shapes(graph, fingerprint_of(path.read_bytes()))


def fingerprint_of(shapes_text: bytes) -> str:
    """A short hash of a shapes file and of the version of the code that evaluates it."""
    digest = hashlib.sha256(shapes_text)
    digest.update(f"kg.shacl/{EVALUATOR_VERSION}".encode())
    return f"shacl-{digest.hexdigest()[:16]}"


def compile_shapes(graph: Graph, fingerprint: str = "") -> Shapes:
    """The shapes of a shapes graph that have targets, ready to check data (Unsupported when the
    graph uses a feature outside SHACL core's value, count, string and logical constraints)."""
    targeted = {s for p in (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
                for s in graph.subjects(p, None)}  # fmt: skip
    compiler = _Compiler(graph)
    shapes = tuple(compiler.shape(node) for node in sorted(targeted, key=str))
    shapes = tuple(s for s in shapes if s is not None)
    limits = []
    for shape in shapes:
        classes = tuple(o for p, o in shape.targets if p == SH.targetClass)
        only_classes = len(classes) == len(shape.targets)
        for prop in (shape, *shape.properties):
            if prop.path is None:
                continue
            most, unique = compiler.limits.get(prop.node, (None, False))
            if most is not None or unique:
                limits.append(Limit(prop.path, most, unique, classes if only_classes else None))
    fingerprint = fingerprint or fingerprint_of(graph.serialize(format="nt", encoding="utf-8"))
    return Shapes(shapes, fingerprint, tuple(limits))


class _Compiler:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.done: dict[Node, Shape | None] = {}
        self.limits: dict[Node, tuple[int | None, bool]] = {}  # property shape -> (sh:maxCount, sh:uniqueLang)

    def shape(self, node: Node, reporting: bool = True) -> Shape | None:
        if node in self.done:
            return self.done[node]
        g = self.graph
        if g.value(node, SH.deactivated) == Literal(True):
            self.done[node] = None
            return None
        for predicate in set(g.predicates(node, None)):
            if predicate not in _DESCRIPTIVE and predicate not in _COMPONENTS:
                raise Unsupported(f"{node}: {predicate} is not supported")
        path = g.value(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise Unsupported(f"{node}: only a single predicate can be a sh:path")
        checks = tuple(_COMPONENTS[p](self, node) for p in _ORDER if (node, p, None) in g)
        checks = tuple(c for c in checks if c is not None)
        properties = tuple(s for s in (self.shape(p) for p in sorted(g.objects(node, SH.property), key=str)) if s)
        severity = SEVERITIES.get(g.value(node, SH.severity, default=SH.Violation), "Violation")
        # the English (or untagged) message first, as kg.validate picks it from pyshacl's results
        messages = sorted(g.objects(node, SH.message), key=_message_order)
        if reporting and checks and not messages:
            raise Unsupported(f"{node}: a shape without sh:message (pyshacl would word its own)")
        targets = tuple(sorted(((p, o) for p in (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
                                for o in g.objects(node, p)), key=str))  # fmt: skip
        if (node, RDF.type, RDFS.Class) in g:
            targets += ((SH.targetClass, node),)
        shape = Shape(node, path, checks, properties, severity, str(messages[0]) if messages else "", targets)
        self.done[node] = shape
        if path is not None:
            most = g.value(node, SH.maxCount)
            self.limits[node] = (None if most is None else int(most), g.value(node, SH.uniqueLang) == Literal(True))
        return shape

    def items(self, node: Node, predicate: URIRef) -> list[Node]:
        return list(Collection(self.graph, self.graph.value(node, predicate)))

    def nested(self, node: Node) -> Shape:
        shape = self.shape(node, reporting=False)
        if shape is None:
            raise Unsupported(f"{node}: a deactivated shape inside another")
        if shape.path is not None or shape.properties:
            raise Unsupported(f"{node}: only node-level constraints inside sh:or, sh:not and qualified shapes")
        return shape

    # --- components: each returns a Check, or None when it checks nothing

    def min_count(self, node: Node) -> Check:
        least = int(self.graph.value(node, SH.minCount))
        return lambda data, focus, values: [None] if len(values) < least else []

    def max_count(self, node: Node) -> Check:
        most = int(self.graph.value(node, SH.maxCount))
        return lambda data, focus, values: [None] if len(values) > most else []

    def datatype(self, node: Node) -> Check:
        wanted = self.graph.value(node, SH.datatype)
        actual = _actual(wanted)
        is_string, is_lang_string = wanted == _STRING, wanted == _LANG_STRING
        any_literal, any_typed = wanted == _LITERAL, wanted == _DATATYPE

        def fits(value: Node) -> bool:
            if not isinstance(value, Literal):
                return False
            datatype = value.datatype
            if datatype == wanted:
                return getattr(value, "ill_typed", None) is not True and actual(value.value)
            if any_literal or (any_typed and datatype):
                return True
            if is_string and datatype is None and value.language is None:
                return actual(value.value)
            return bool(is_lang_string and value.language) and actual(value.value)

        return lambda data, focus, values: [v for v in values if not fits(v)]

    def node_kind(self, node: Node) -> Check:
        kinds = _KINDS[self.graph.value(node, SH.nodeKind)]
        return lambda data, focus, values: [v for v in values if not isinstance(v, kinds)]

    def pattern(self, node: Node) -> Check:
        flags = self.graph.value(node, SH.flags)
        options = 0
        if flags is not None:
            text = str(flags).lower()
            options |= re.I if "i" in text else 0
            options |= re.M if "m" in text else 0
        regex = re.compile(str(self.graph.value(node, SH.pattern)), options)

        def fits(value: Node) -> bool:
            if isinstance(value, BNode):
                return False
            plain = isinstance(value, Literal) and value.datatype in (None, _LANG_STRING, _STRING)
            text = str(value.value) if plain and value.value is not None else str(value)
            return bool(regex.search(text))

        return lambda data, focus, values: [v for v in values if not fits(v)]

    def language_in(self, node: Node) -> Check:
        ranges = {str(item).lower() for item in self.items(node, SH.languageIn)}

        def fits(value: Node) -> bool:
            if not isinstance(value, Literal) or not value.language:
                return False
            lang = value.language.lower()
            return "*" in ranges or lang in ranges or lang.split("-")[0] in ranges

        return lambda data, focus, values: [v for v in values if not fits(v)]

    def unique_lang(self, node: Node) -> Check | None:
        if self.graph.value(node, SH.uniqueLang) != Literal(True):
            return None

        def check(data: Data, focus: Node, values: set[Node]) -> list[Node | None]:
            seen: set[str] = set()
            twice: set[str] = set()
            for value in values:
                if isinstance(value, Literal) and value.language:
                    lang = value.language.lower()
                    (twice if lang in seen else seen).add(lang)
            return [None] * len(twice)

        return check

    def class_(self, node: Node) -> Check:
        classes = list(self.graph.objects(node, SH["class"]))

        def check(data: Data, focus: Node, values: set[Node]) -> list[Node | None]:
            return [v for v in values for cls in classes
                    if isinstance(v, Literal) or not data.is_instance(v, cls)]  # fmt: skip

        return check

    def in_(self, node: Node) -> Check:
        allowed = set(self.items(node, SH["in"]))
        return lambda data, focus, values: [v for v in values if v not in allowed]

    def has_value(self, node: Node) -> Check:
        wanted = list(self.graph.objects(node, SH.hasValue))
        return lambda data, focus, values: [None for w in wanted if w not in values]

    def not_(self, node: Node) -> Check:
        shapes = [self.nested(n) for n in self.graph.objects(node, SH["not"])]
        return lambda data, focus, values: [v for v in values for s in shapes if s.conforms(data, v)]

    def or_(self, node: Node) -> Check:
        lists = [[self.nested(n) for n in Collection(self.graph, head)] for head in self.graph.objects(node, SH["or"])]

        def check(data: Data, focus: Node, values: set[Node]) -> list[Node | None]:
            return [v for v in values for shapes in lists if not any(s.conforms(data, v) for s in shapes)]

        return check

    def qualified(self, node: Node) -> Check | None:
        g = self.graph
        if g.value(node, SH.qualifiedValueShapesDisjoint) == Literal(True):
            raise Unsupported(f"{node}: sh:qualifiedValueShapesDisjoint")
        shape = self.nested(g.value(node, SH.qualifiedValueShape))
        least, most = g.value(node, SH.qualifiedMinCount), g.value(node, SH.qualifiedMaxCount)

        def check(data: Data, focus: Node, values: set[Node]) -> list[Node | None]:
            count = sum(1 for v in values if shape.conforms(data, v))
            failed: list[Node | None] = []
            if most is not None and count > int(most):
                failed.append(None)
            if least is not None and count < int(least):
                failed.append(None)
            return failed

        return check


def _message_order(message: Node) -> tuple[bool, Node]:
    return (getattr(message, "language", None) not in (None, "en"), message)


def _actual(datatype: Node) -> Callable[[object], bool]:
    """Whether rdflib's Python value of a literal is of the kind its datatype promises (as pyshacl
    tests it: an unknown datatype passes)."""
    import datetime as dt
    from decimal import Decimal

    kinds = {_STRING: (str, bytes), _LANG_STRING: (str, bytes), XSD.integer: int, XSD.float: float,
             XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: dt.date, XSD.time: dt.time,
             XSD.dateTime: dt.datetime}  # fmt: skip
    wanted = kinds.get(datatype)
    if wanted is None:
        return lambda value: True
    return lambda value: isinstance(value, wanted)


_COMPONENTS: dict[URIRef, Callable[[_Compiler, Node], Check | None]] = {
    SH["class"]: _Compiler.class_,
    SH.datatype: _Compiler.datatype,
    SH.nodeKind: _Compiler.node_kind,
    SH.minCount: _Compiler.min_count,
    SH.maxCount: _Compiler.max_count,
    SH.pattern: _Compiler.pattern,
    SH.languageIn: _Compiler.language_in,
    SH.uniqueLang: _Compiler.unique_lang,
    SH["in"]: _Compiler.in_,
    SH.hasValue: _Compiler.has_value,
    SH["not"]: _Compiler.not_,
    SH["or"]: _Compiler.or_,
    SH.qualifiedValueShape: _Compiler.qualified,
    SH.qualifiedMinCount: lambda compiler, node: None,  # read with sh:qualifiedValueShape
    SH.qualifiedMaxCount: lambda compiler, node: None,
    SH.qualifiedValueShapesDisjoint: lambda compiler, node: None,
}
_ORDER = tuple(_COMPONENTS)


# ---------------------------------------------------------------------------- results as text


def result_json(result: Result) -> str:
    """A result as one line of JSON (how a store keeps the results of an article's graph)."""
    return json.dumps([_term_json(result.focus), None if result.path is None else str(result.path),
                       _term_json(result.value), result.severity, result.message, _term_json(result.shape)],
                      ensure_ascii=False, separators=(",", ":"))  # fmt: skip


def result_from_json(text: str) -> Result:
    focus, path, value, severity, message, shape = json.loads(text)
    return Result(_json_term(focus), None if path is None else URIRef(path), _json_term(value), severity, message,
                  _json_term(shape))  # fmt: skip


def _term_json(term: Node | None) -> list | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ["i", str(term)]
    if isinstance(term, BNode):
        return ["b", str(term)]
    assert isinstance(term, Literal)
    return ["l", str(term), term.language or "", "" if term.datatype is None else str(term.datatype)]


def _json_term(data: list | None) -> Node | None:
    if data is None:
        return None
    if data[0] == "i":
        return URIRef(data[1])
    if data[0] == "b":
        return BNode(data[1])
    return Literal(data[1], lang=data[2] or None, datatype=URIRef(data[3]) if data[3] else None)
