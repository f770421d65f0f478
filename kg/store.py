"""The embedded store: a persistent Oxigraph (pyoxigraph) folder holding one named graph per article.

Writing an article replaces its named graph (the graph name is the article IRI), so building the
same article again leaves no duplicates and adding articles is incremental. Nodes several articles
share have deterministic IRIs, so they stay one node across graphs.

The store's default graph holds the union of the article graphs, each triple once, kept up to
date by every write and delete; queries run on Oxigraph's own SPARQL engine over it. Querying
Oxigraph's on-the-fly union instead would see a triple once per article that repeats it: an actor
named by 500 articles would match 500 times, and a join on it 500² times. A small named graph,
`urn:x-kg:store`, records this layout; reading, exporting and pushing leave it and the derived
union out.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import GraphError, QueryError
from kg.graphio import format_for
from kg.rdf.namespaces import DIP_IRI
from kg.sparql import Converter, QueryResult, from_oxigraph, one_line, query_form, to_oxigraph

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LAYOUT_GRAPH = "urn:x-kg:store"
DEFAULT_DATA_GRAPH = "urn:x-kg:default"  # where triples given outside any named graph are kept
_LAYOUT = ox.Quad(ox.NamedNode(LAYOUT_GRAPH), ox.NamedNode("urn:x-kg:layout"), ox.Literal("union-default-graph/1"),
                  ox.NamedNode(LAYOUT_GRAPH))  # fmt: skip
_LAYOUT_NODE = ox.NamedNode(LAYOUT_GRAPH)
_EXTRACTED_WITH = ox.NamedNode("urn:x-kg:extractedWith")  # article graph -> the extractor that wrote it
VALIDATED_WITH = "urn:x-kg:validatedWith"  # article graph -> the shapes it was checked with (kg.shacl)
SHACL_RESULT = "urn:x-kg:shaclResult"  # article graph -> one result of that check, as JSON
_DEFAULT = ox.DefaultGraph()
_DEFAULT_DATA = ox.NamedNode(DEFAULT_DATA_GRAPH)
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
    default_quads: int  # triples outside any named graph (they join the union only)
    seconds: float

    def __str__(self) -> str:
        new = self.graphs - self.replaced
        extra = ""
        if self.default_quads:
            extra = f", {self.default_quads} outside any article (kept in {DEFAULT_DATA_GRAPH})"
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
    """Write each named graph of `dataset` into the store, replacing the graph of the same name,
    and keep the store's union up to date.

    `store_dir` is a store folder (created if missing) or an open `pyoxigraph.Store`. Triples in
    the dataset's default graph are added (never replaced) to the named graph urn:x-kg:default,
    since the store's own default graph is the union it derives. The graphs being replaced are
    removed first, then the new quads are written in large batches (one pass over the dataset, no
    per-graph transactions): an interrupted write leaves some graphs missing or partial, never
    doubled, and writing again repairs them.
    """
    started = time.perf_counter()
    store = store_dir if isinstance(store_dir, ox.Store) else open_store(store_dir)
    name = "store" if isinstance(store_dir, ox.Store) else str(store_dir)
    convert = _ToOxigraph()
    node = convert.node
    targets = {
        context.identifier: node(context.identifier)
        for context in dataset.graphs()
        if context.identifier != DATASET_DEFAULT_GRAPH_ID
    }
    quads = default_quads = 0
    try:
        ensure_union(store)
        replaced = _remove_graphs(store, [g.value for g in targets.values()])
        batch: list[ox.Quad] = []
        union: set[ox.Triple] = set()
        for s, p, o, g in dataset.quads((None, None, None, None)):
            target = targets.get(g)
            if target is None:
                default_quads += 1
                target = _DEFAULT_DATA
            triple = ox.Triple(node(s), node(p), node(o))
            union.add(triple)
            batch.append(ox.Quad(triple.subject, triple.predicate, triple.object, target))
            if len(batch) >= _BATCH:
                _add(store, batch)
                quads += len(batch)
                batch = []
        _add(store, batch)
        quads += len(batch)
        _settle_union(store, replaced, union)
        _add_to_union(store, union)
        _finish(store, replaced)
    except (OSError, SyntaxError) as err:
        raise GraphError(f"{name}: writing failed ({err})") from err
    graphs = sum(1 for g in targets.values() if next(iter(store.quads_for_pattern(None, None, None, g)), None))
    return StoreWriteSummary(
        name, graphs, replaced.graphs, quads - default_quads, default_quads, time.perf_counter() - started
    )


def write_nquads(
    store_dir: str | Path | ox.Store,
    data: bytes,
    graphs: Sequence[str],
    *,
    lenient: bool = False,
    then: Iterable[ox.Quad] = (),
    union: bytes | None = None,
) -> StoreWriteSummary:
    """Write article graphs given as N-Quads (the fast path for batch builds): the named graphs
    listed are removed, `data` (which should hold quads of those graphs only) is loaded and the
    union brought up to date; the quads `then` (completion marks, say) come last, with their
    union copies, in one transaction of their own, so a write cut short before them leaves them
    out. `lenient` skips Oxigraph's IRI checks, for data kg wrote itself.
    `union`, when the caller has it, is `data` as N-Triples (the graph names dropped): it goes to
    the union as it is, which spares parsing `data` here.

    Every writer of a store must go through this function or `write_articles`, or the union the
    queries read goes stale.
    """
    started = time.perf_counter()
    store = store_dir if isinstance(store_dir, ox.Store) else open_store(store_dir)
    name = "store" if isinstance(store_dir, ox.Store) else str(store_dir)
    graphs = list(dict.fromkeys(graphs))
    try:
        ensure_union(store)
        replaced = _remove_graphs(store, graphs)
        if len(data) < _SMALL_LOAD:
            store.load(data, ox.RdfFormat.N_QUADS, lenient=lenient)
        else:
            store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=lenient)
        added: set[ox.Triple] = set()
        quads = 0
        if union is None:
            for quad in ox.parse(data, ox.RdfFormat.N_QUADS, lenient=lenient):
                added.add(quad.triple)
                quads += 1
        else:  # after the load, a triple the new graphs hold has a holder: _settle_union keeps it
            quads = data.count(b"\n")  # kg writes one quad a line
            if len(union) < _SMALL_LOAD:
                store.load(union, ox.RdfFormat.N_TRIPLES, to_graph=_DEFAULT, lenient=lenient)
            else:
                store.bulk_load(union, ox.RdfFormat.N_TRIPLES, to_graph=_DEFAULT, lenient=lenient)
        _settle_union(store, replaced, added)
        _add_to_union(store, added)
        marks = list(then)
        store.extend(marks + [ox.Quad(q.subject, q.predicate, q.object, _DEFAULT) for q in marks if _in_union(q)])
        quads += len(marks)
        _finish(store, replaced)
    except (OSError, SyntaxError) as err:
        raise GraphError(f"{name}: writing failed ({err})") from err
    return StoreWriteSummary(name, len(graphs), replaced.graphs, quads, 0, time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class _Removed:
    graphs: int  # named graphs that were there and are gone
    triples: frozenset  # what they held: candidates to leave the union


def rebuild_union(store: ox.Store) -> int:
    """Build the union again from the article graphs (after another program wrote the store
    without keeping it); returns the number of distinct triples in it."""
    store.clear_graph(_DEFAULT)
    store.remove(_LAYOUT)
    ensure_union(store)
    store.flush()
    return count_union(store)


def _remove_graphs(store: ox.Store, graphs: Sequence[str]) -> _Removed:
    """Remove named graphs, and the layout graph's notes about them (which extractor wrote them,
    how they were checked); what they held may then leave the union (see `_settle_union`)."""
    present = [g for g in graphs if g != LAYOUT_GRAPH and store.contains_named_graph(ox.NamedNode(g))]
    held: set[ox.Triple] = set()
    for graph in present:
        node = ox.NamedNode(graph)
        held.update(quad.triple for quad in store.quads_for_pattern(None, None, None, node))
        store.remove_graph(node)
        for note in list(store.quads_for_pattern(node, None, None, _LAYOUT_NODE)):
            store.remove(note)
    return _Removed(len(present), frozenset(held))


def _in_union(quad: ox.Quad) -> bool:
    """A quad of an article graph: its triple belongs in the union (the layout notes do not)."""
    return isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value != LAYOUT_GRAPH


def _settle_union(store: ox.Store, removed: _Removed, added: set[ox.Triple]) -> None:
    """Take out of the union what the removed graphs held and no named graph holds any more."""
    for triple in removed.triples:
        if triple in added:
            continue  # written again: still in the union
        holders = store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
        if not any(_in_union(q) for q in holders):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, _DEFAULT))


def _add_to_union(store: ox.Store, triples: set[ox.Triple]) -> None:
    # written in bulk: the store ignores a triple the union holds already
    _add(store, [ox.Quad(t.subject, t.predicate, t.object, _DEFAULT) for t in triples])


def _finish(store: ox.Store, replaced: _Removed) -> None:
    store.flush()
    if replaced.graphs > _COMPACT_AFTER_GRAPHS:
        store.optimize()  # many deletions leave tombstones that slow every later scan


def compact_store(store: ox.Store) -> None:
    """Compact the store (RocksDB): a batch build leaves its data in many overlapping files, and
    every later read looks in each; compacted, reading a term back costs a third (stats, viz,
    validate and export all read terms). A few seconds per 10k articles, once per build."""
    store.optimize()


def has_union(store: ox.Store) -> bool:
    """True for a store kg wrote: its default graph is the deduplicated union of its articles."""
    marks = store.quads_for_pattern(_LAYOUT.subject, _LAYOUT.predicate, None, _LAYOUT.graph_name)
    return next(iter(marks), None) is not None


def ensure_union(store: ox.Store) -> None:
    """Give a store the union layout: nothing to do for an empty store or one kg wrote; a store
    filled otherwise gets its union built from what it holds."""
    if has_union(store):
        return
    if next(iter(store), None) is not None:
        union = store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        _add(store, [ox.Quad(t.subject, t.predicate, t.object, _DEFAULT) for t in union])
    store.add(_LAYOUT)


_BATCH = 200_000  # quads handed to Oxigraph at once: large enough to amortise, small enough for memory
_SMALL = 20_000  # below this a write is one transaction; above, Oxigraph's faster bulk path
_COMPACT_AFTER_GRAPHS = 1_000  # replaced graphs above which a write ends with a compaction
COMPACT_AFTER_WRITING = 1_000  # graphs a batch build writes, above which it ends with a compaction
_SMALL_LOAD = 1 << 20  # N-Quads bytes below which a load is one transaction


def _add(store: ox.Store, quads: list[ox.Quad]) -> None:
    if len(quads) < _SMALL:
        store.extend(quads)
    elif quads:
        store.bulk_extend(quads)


def count_quads(store: ox.Store, graph: str | None = None) -> int:
    """Quads in one named graph, or in all the article graphs (the union and the layout note left out)."""
    if graph is not None:
        return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{LAYOUT_GRAPH}>) }}")
    return int(next(iter(result))["n"].value)


def count_union(store: ox.Store) -> int:
    """Distinct triples over all articles (what queries see)."""
    if not has_union(store):
        return sum(1 for _ in store.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True))
    result = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # counted in Rust: 20x faster
    return int(next(iter(result))["n"].value)


def named_graphs(store: ox.Store) -> list[str]:
    """Every named graph of the store (the layout note left out), sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value != LAYOUT_GRAPH)


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




def extraction_mark(graph: str, fingerprint: str) -> ox.Quad:
    """The note, in the layout graph, of which extractor wrote an article's graph (see
    kg.resources.extractor_fingerprint): a graph written by another one is extracted again."""
    return ox.Quad(ox.NamedNode(graph), _EXTRACTED_WITH, ox.Literal(fingerprint), _LAYOUT_NODE)


def validation_notes(graph: str, shapes: str, results: Iterable[str]) -> list[ox.Quad]:
    """The notes, in the layout graph, of an article graph's SHACL check: which shapes (their
    kg.shacl fingerprint) and each result, so `kg validate --store` need not check it again."""
    node = ox.NamedNode(graph)
    notes = [ox.Quad(node, ox.NamedNode(VALIDATED_WITH), ox.Literal(shapes), _LAYOUT_NODE)]
    notes += [ox.Quad(node, ox.NamedNode(SHACL_RESULT), ox.Literal(result), _LAYOUT_NODE) for result in results]
    return notes


def delete_article(store: ox.Store, graph: str) -> int:
    """Remove an article's named graph, and from the union what no other article holds; returns
    how many quads the graph held (0 if it was not there)."""
    if graph == LAYOUT_GRAPH or not store.contains_named_graph(ox.NamedNode(graph)):
        return 0
    removed = _remove_graphs(store, [graph])
    if has_union(store):
        _settle_union(store, removed, set())
    store.flush()
    return len(removed.triples)


def run_sparql(store: ox.Store, text: str, *, union: bool | None = None) -> QueryResult:
    """Run a query on the store's own engine over the union of its article graphs (`union`: whether
    the store's default graph is that union; by default, whether kg wrote the store)."""
    form = query_form(text)
    union = has_union(store) if union is None else union
    try:
        result = store.query(text, use_default_graph_as_union=not union)
        if form == "ASK":
            return QueryResult(boolean=bool(result))
        if form in {"CONSTRUCT", "DESCRIBE"}:
            return QueryResult(triples=tuple(_triple(t) for t in result))
        variables = tuple(v.value for v in result.variables)
        convert = Converter(from_oxigraph)  # terms repeat across rows (days, kinds, actors): convert each once
        rows = tuple(tuple(None if t is None else convert(t) for t in solution) for solution in result)
    except SyntaxError as err:
        raise QueryError(f"not valid SPARQL: {one_line(err)}") from err
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"the query failed on the embedded store: {one_line(err)}") from err
    return QueryResult(vars=variables, rows=rows)


def article_quads(store: ox.Store) -> Iterable[ox.Quad]:
    """The quads of the data itself: for a store kg wrote, its named graphs (not the union it
    keeps, nor the layout note); for any other store, everything."""
    if not has_union(store):
        yield from store
        return
    for quad in store:
        graph = quad.graph_name
        if isinstance(graph, ox.NamedNode) and graph.value != LAYOUT_GRAPH:
            yield quad


def load_files(paths: Sequence[str | Path], store: str | Path | None = None) -> ox.Store:
    """An in-memory store holding graph files (and, if given, a copy of a store folder)."""
    memory = ox.Store()
    if store is not None:
        memory.extend(article_quads(open_store(store, read_only=True)))
    from kg import guard

    paths = [Path(path) for path in paths]
    guard.check_sizes(paths, engine="oxigraph")
    for path in paths:
        if not path.is_file():
            raise GraphError(f"{path}: no such graph file")
        fmt = format_for(path)
        text = guard.checked_graph_file(path, fmt)  # refuses entity bombs, resolves JSON-LD contexts
        try:
            if text is None:
                memory.load(path=str(path), format=_OX_FORMATS[fmt])
            else:
                memory.load(text, format=_OX_FORMATS[fmt], base_iri=path.resolve().as_uri())
        except (SyntaxError, ValueError, OSError) as err:
            raise GraphError(f"{path}: not valid {fmt} ({one_line(err)})") from err
    return memory


def store_to_dataset(store: ox.Store, dataset: Dataset | None = None) -> Dataset:
    """Copy the store's data into an rdflib Dataset (named graphs kept; the union is the Dataset's own)."""
    dataset = dataset if dataset is not None else Dataset(default_union=True)
    convert = Converter(from_oxigraph)
    contexts: dict[object, Graph] = {}
    batch: list[tuple[Node, Node, Node, Graph]] = []
    for quad in article_quads(store):
        graph_name = quad.graph_name
        context = contexts.get(graph_name)
        if context is None:
            identifier = (
                DATASET_DEFAULT_GRAPH_ID if isinstance(graph_name, ox.DefaultGraph) else convert(graph_name)
            )
            context = contexts[graph_name] = dataset.graph(identifier)
        batch.append((convert(quad.subject), convert(quad.predicate), convert(quad.object), context))
        if len(batch) >= 50_000:
            dataset.addN(batch)
            batch.clear()
    dataset.addN(batch)
    return dataset


# ---------------------------------------------------------------------------- term conversion


class _ToOxigraph:
    """rdflib terms to pyoxigraph terms, each once (IRIs and literals repeat a lot)."""

    def __init__(self) -> None:
        self.node = Converter(_checked)

    def quad(self, s: Node, p: Node, o: Node, g) -> ox.Quad:
        node = self.node
        return ox.Quad(node(s), node(p), node(o), g)


def _checked(term: Node):
    try:
        return to_oxigraph(term)
    except TypeError as err:
        raise GraphError(f"cannot store the term {term!r}") from err


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
