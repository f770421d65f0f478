"""The embedded store: a persistent Oxigraph (pyoxigraph) folder holding one named graph per article.

Writing an article replaces its named graph (the graph name is the article IRI), so building the
same article again leaves no duplicates and adding articles is incremental. Nodes several articles
share have deterministic IRIs, so they stay one node across graphs. Queries run on Oxigraph's own
SPARQL engine with the default graph as the union of all graphs.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import GraphError, QueryError
from kg.graphio import format_for
from kg.query import QueryResult, query_form
from kg.rdf.namespaces import DIP_IRI

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True, slots=True)
class StoreWriteSummary:
    """What `write_articles` did."""

    store: str  # the store folder
    graphs: int  # named graphs (articles) written
    replaced: int  # of those, how many the store held already and were replaced
    quads: int  # quads written, over all graphs
    default_quads: int  # triples outside any named graph, added to the store's default graph
    seconds: float

    def __str__(self) -> str:
        new = self.graphs - self.replaced
        extra = f", {self.default_quads} in the default graph" if self.default_quads else ""
        return (
            f"{self.store}: wrote {self.graphs} article graphs ({new} new, {self.replaced} replaced), "
            f"{self.quads} quads{extra}, in {self.seconds:.2f} s"
        )


def open_store(path: str | Path, *, read_only: bool = False) -> ox.Store:
    """Open (or, for writing, create) the store folder."""
    path = Path(path)
    if read_only and not path.is_dir():
        raise GraphError(f"{path}: no such store folder (build one with `kg build ... --store {path}`)")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as err:
        reason = str(err)
        if "lock" in reason.lower():
            reason = "another process has it open for writing"
        raise GraphError(f"{path}: cannot open the store ({reason})") from err


def write_articles(store_dir: str | Path | ox.Store, dataset: Dataset) -> StoreWriteSummary:
    """Write each named graph of `dataset` into the store, replacing the graph of the same name.

    `store_dir` is a store folder (created if missing) or an open `pyoxigraph.Store`. Triples in
    the dataset's default graph are added to the store's default graph (a set: adding them
    twice changes nothing). The graphs being replaced are removed first, then the new quads are
    written in large batches (one pass over the dataset, no per-graph transactions): an
    interrupted write leaves some graphs missing or partial, never doubled, and writing again
    repairs them.
    """
    started = time.perf_counter()
    store = store_dir if isinstance(store_dir, ox.Store) else open_store(store_dir)
    name = "store" if isinstance(store_dir, ox.Store) else str(store_dir)
    convert = _ToOxigraph()
    node = convert.node
    default = ox.DefaultGraph()
    targets = {
        context.identifier: node(context.identifier)
        for context in dataset.contexts()
        if context.identifier != DATASET_DEFAULT_GRAPH_ID
    }
    quads = default_quads = 0
    try:
        replaced = [g for g in targets.values() if store.contains_named_graph(g)]
        for graph in replaced:
            store.remove_graph(graph)
        batch: list[ox.Quad] = []
        for s, p, o, g in dataset.quads((None, None, None, None)):
            target = targets.get(g)
            if target is None:
                target = default
                default_quads += 1
            batch.append(ox.Quad(node(s), node(p), node(o), target))
            if len(batch) >= _BATCH:
                _add(store, batch)
                quads += len(batch)
                batch = []
        _add(store, batch)
        quads += len(batch)
        store.flush()
    except OSError as err:
        raise GraphError(f"{name}: writing failed ({err})") from err
    graphs = sum(1 for g in targets.values() if next(iter(store.quads_for_pattern(None, None, None, g)), None))
    return StoreWriteSummary(
        name, graphs, len(replaced), quads - default_quads, default_quads, time.perf_counter() - started
    )


_BATCH = 200_000  # quads handed to Oxigraph at once: large enough to amortise, small enough for memory
_SMALL = 20_000  # below this a write is one transaction; above, Oxigraph's faster bulk path


def _add(store: ox.Store, quads: list[ox.Quad]) -> None:
    if len(quads) < _SMALL:
        store.extend(quads)
    elif quads:
        store.bulk_extend(quads)


def count_quads(store: ox.Store, graph: str | None = None) -> int:
    """Quads in the store, or in one named graph."""
    if graph is None:
        return len(store)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def named_graphs(store: ox.Store) -> list[str]:
    """Every named graph of the store, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def article_graphs(store: ox.Store) -> list[str]:
    """The article graphs: named graphs that describe their own name as a dip:Article, sorted."""
    article = ox.NamedNode(f"{DIP_IRI}Article")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    found = []
    for graph in store.named_graphs():
        if isinstance(graph, ox.NamedNode) and next(
            iter(store.quads_for_pattern(graph, rdf_type, article, graph)), None
        ):
            found.append(graph.value)
    return sorted(found)


def article_hashes(store: ox.Store) -> dict[str, str]:
    """dip:contentHash of each article graph, so a rebuild can skip articles that did not change."""
    result = store.query(
        f"SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?g <{DIP_IRI}contentHash> ?hash }} }}"
    )
    return {solution["g"].value: solution["hash"].value for solution in result}


def delete_article(store: ox.Store, graph: str) -> int:
    """Remove an article's named graph; returns how many quads it held (0 if it was not there)."""
    target = ox.NamedNode(graph)
    if not store.contains_named_graph(target):
        return 0
    size = count_quads(store, graph)
    store.remove_graph(target)
    store.flush()
    return size


def run_sparql(store: ox.Store, text: str) -> QueryResult:
    """Run a query on the store's own engine, all graphs as the default graph."""
    form = query_form(text)
    try:
        result = store.query(text, use_default_graph_as_union=True)
        if form == "ASK":
            return QueryResult(boolean=bool(result))
        if form in {"CONSTRUCT", "DESCRIBE"}:
            return QueryResult(triples=tuple(_triple(t) for t in result))
        variables = tuple(v.value for v in result.variables)
        indices = range(len(variables))
        rows = tuple(tuple(from_oxigraph(solution[i]) for i in indices) for solution in result)
    except SyntaxError as err:
        raise QueryError(f"not valid SPARQL: {_one_line(err)}") from err
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"the query failed on the embedded store: {_one_line(err)}") from err
    return QueryResult(vars=variables, rows=rows)


def load_files(paths: Sequence[str | Path], store: str | Path | None = None) -> ox.Store:
    """An in-memory store holding graph files (and, if given, a copy of a store folder)."""
    memory = ox.Store()
    if store is not None:
        memory.load(open_store(store, read_only=True).dump(format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise GraphError(f"{path}: no such graph file")
        fmt = format_for(path)
        try:
            memory.load(path=str(path), format=_OX_FORMATS[fmt])
        except (SyntaxError, ValueError, OSError) as err:
            raise GraphError(f"{path}: not valid {fmt} ({_one_line(err)})") from err
    return memory


def store_to_dataset(store: ox.Store, dataset: Dataset | None = None) -> Dataset:
    """Copy every quad of the store into an rdflib Dataset (named graphs kept)."""
    dataset = dataset if dataset is not None else Dataset(default_union=True)
    convert = _ToRdflib()
    contexts: dict[object, Graph] = {}
    batch: list[tuple[Node, Node, Node, Graph]] = []
    for quad in store:
        graph_name = quad.graph_name
        context = contexts.get(graph_name)
        if context is None:
            identifier = (
                DATASET_DEFAULT_GRAPH_ID if isinstance(graph_name, ox.DefaultGraph) else convert.node(graph_name)
            )
            context = contexts[graph_name] = dataset.graph(identifier)
        batch.append((convert.node(quad.subject), convert.node(quad.predicate), convert.node(quad.object), context))
        if len(batch) >= 50_000:
            dataset.addN(batch)
            batch.clear()
    dataset.addN(batch)
    return dataset


# ---------------------------------------------------------------------------- term conversion


class _ToOxigraph:
    """rdflib terms to pyoxigraph terms, remembering IRIs and literals (they repeat a lot)."""

    def __init__(self) -> None:
        self._cache: dict[Node, object] = {}

    def node(self, term: Node):
        cached = self._cache.get(term)
        if cached is not None:
            return cached
        if isinstance(term, URIRef):
            made = ox.NamedNode(str(term))
        elif isinstance(term, Literal):
            if term.language:
                made = ox.Literal(str(term), language=term.language)
            elif term.datatype is not None:
                made = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            else:
                made = ox.Literal(str(term))
        elif isinstance(term, BNode):
            made = ox.BlankNode(str(term))
        else:
            raise GraphError(f"cannot store the term {term!r}")
        if len(self._cache) < 1_000_000:
            self._cache[term] = made
        return made

    def quad(self, s: Node, p: Node, o: Node, g) -> ox.Quad:
        node = self.node
        return ox.Quad(node(s), node(p), node(o), g)


class _ToRdflib:
    def __init__(self) -> None:
        self._cache: dict[object, Node] = {}

    def node(self, term) -> Node:
        cached = self._cache.get(term)
        if cached is not None:
            return cached
        made = from_oxigraph(term)
        if len(self._cache) < 1_000_000:
            self._cache[term] = made
        return made


def from_oxigraph(term) -> Node | None:
    """A pyoxigraph term as the rdflib term kg works with (xsd:string literals plain)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"unexpected term from the store: {term!r}")


def _triple(triple) -> tuple[Node, Node, Node]:
    return (from_oxigraph(triple.subject), from_oxigraph(triple.predicate), from_oxigraph(triple.object))


def quads_of(dataset: Dataset) -> Iterable[ox.Quad]:
    """The dataset's quads as pyoxigraph Quads (the default graph as the default graph)."""
    convert = _ToOxigraph()
    for graph in dataset.graphs():
        target = (
            ox.DefaultGraph() if graph.identifier == DATASET_DEFAULT_GRAPH_ID else convert.node(graph.identifier)
        )
        for s, p, o in graph:
            yield convert.quad(s, p, o, target)


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return text[:300] or type(err).__name__
