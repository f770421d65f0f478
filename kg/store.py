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

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg import failpoint
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
EXTRACTED_WITH = "urn:x-kg:extractedWith"  # article graph -> the extractor that wrote it
_EXTRACTED_WITH = ox.NamedNode(EXTRACTED_WITH)
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
    """Open (or, for writing, create) the store folder.

    A folder RocksDB cannot open (its CURRENT file missing, a table file damaged, a file where the
    folder should be) is refused with one line that says so; nothing is ever written into it (a
    write would start a new, empty store over the damaged one's files)."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise GraphError(f"{path}: is a file, not a store folder (give a folder: a new one is created)")
    if read_only and not path.is_dir():
        raise GraphError(f"{path}: no such store folder (build one with `kg build ... --store {path}`)")
    if path.is_dir() and not (path / "CURRENT").is_file() and any(path.iterdir()):
        what = "its CURRENT file is missing or not a file" if any(path.glob("MANIFEST-*")) or any(
            path.glob("*.sst")) else "the folder holds other files"
        raise GraphError(f"{path}: not a store kg can open ({what}); kg writes nothing into it: "
                         f"{_DAMAGED_ADVICE}")
    try:
        if read_only:
            store = ox.Store.read_only(str(path))
        else:
            if (path / "CURRENT").is_file():  # damage shows here without touching the folder (a
                probe = ox.Store.read_only(str(path))  # read-write open would rotate its LOG)
                del probe
            path.mkdir(parents=True, exist_ok=True)
            store = ox.Store(str(path))
    except (OSError, RuntimeError) as err:  # RocksDB says Corruption with a RuntimeError
        reason = one_line(err)
        if "lock file" in reason.lower() or "/LOCK" in reason:
            raise GraphError(f"{path}: cannot open the store (another process has it open for writing)") from err
        raise GraphError(f"{path}: the store is damaged, RocksDB cannot open it ({reason[:200]}): "
                         f"{_DAMAGED_ADVICE}") from err
    return store


_DAMAGED_ADVICE = "build it again into a new folder (`kg build ARTICLES --store NEW`) or restore a copy"


def write_articles(store_dir: str | Path | ox.Store, dataset: Dataset) -> StoreWriteSummary:
    """Write each named graph of `dataset` into the store, replacing the graph of the same name,
    and keep the store's union up to date.

    `store_dir` is a store folder (created if missing) or an open `pyoxigraph.Store`. Triples in
    the dataset's default graph are added (never replaced) to the named graph urn:x-kg:default,
    since the store's own default graph is the union it derives. Replacing graphs is one
    transaction (see `write_nquads`); graphs that are all new are bulk-loaded.
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
    default_quads = 0
    quads: list[ox.Quad] = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        target = targets.get(g)
        if target is None:
            default_quads += 1
            target = _DEFAULT_DATA
        quads.append(ox.Quad(node(s), node(p), node(o), target))
    try:
        ensure_union(store)
        present = present_graphs(store, [g.value for g in targets.values()])
        if present:
            text = "".join(_sparql_quad(q) for q in quads) + "".join(_sparql_triple(q) for q in quads)
            _replace(store, [g.value for g in targets.values()], present, text, [])
        else:
            for start in range(0, len(quads), _BATCH):
                _add(store, quads[start:start + _BATCH])
            _add_to_union(store, {q.triple for q in quads})
        _finish(store, len(present))
    except (OSError, SyntaxError) as err:
        raise GraphError(f"{name}: writing failed ({one_line(err)})") from err
    graphs = sum(1 for g in targets.values() if next(iter(store.quads_for_pattern(None, None, None, g)), None))
    return StoreWriteSummary(
        name, graphs, len(present), len(quads) - default_quads, default_quads, time.perf_counter() - started
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
    listed are replaced by `data` (which should hold quads of those graphs only, one a line), the
    union brought up to date, and the quads `then` (completion marks, say) written with their
    union copies.

    When the store holds any of the graphs already, all of it is one Oxigraph transaction (a
    SPARQL update): readers and a run killed half-way see every graph either as it was or as it
    is now, and the union always equal to the graphs. The whole of `data` is then held in memory
    a few times over: callers replacing many graphs write them a few megabytes at a time (as
    kg.batch.sink does). Graphs that are all new are bulk-loaded instead (several times faster),
    the marks last, in a transaction of their own: a write cut short before them leaves graphs
    that are unmarked, which the next build replaces (and `kg store check` reports).
    `lenient` skips Oxigraph's IRI checks on that path, for data kg wrote itself.
    `union`, when the caller has it, is `data` as N-Triples (the graph names dropped).

    Every writer of a store must go through this function or `write_articles`, or the union the
    queries read goes stale.
    """
    started = time.perf_counter()
    store = store_dir if isinstance(store_dir, ox.Store) else open_store(store_dir)
    name = "store" if isinstance(store_dir, ox.Store) else str(store_dir)
    graphs = list(dict.fromkeys(graphs))
    marks = list(then)
    try:
        ensure_union(store)
        present = present_graphs(store, graphs)
        if present:
            text = data.decode("utf-8")
            union_text = union.decode("utf-8") if union is not None else _QUAD_GRAPH.sub(r"\1 .", text)
            _replace(store, graphs, present, _QUAD_LINE.sub(r"GRAPH \2 { \1 }", text) + union_text, marks)
        else:
            _load_new(store, data, union, marks, lenient)
        _finish(store, len(present))
    except (OSError, SyntaxError) as err:
        raise GraphError(f"{name}: writing failed ({one_line(err)})") from err
    quads = sum(1 for line in data.splitlines() if line.strip() and not line.startswith(b"#")) + len(marks)
    return StoreWriteSummary(name, len(graphs), len(present), quads, 0, time.perf_counter() - started)


# an N-Quads line of kg's (one quad a line, its graph named last): the triple, and the graph
_QUAD_LINE = re.compile(r"^(.*) (<[^<>\"\s]*>) \.$", re.MULTILINE)
_QUAD_GRAPH = re.compile(r"^(.*) <[^<>\"\s]*> \.$", re.MULTILINE)


def present_graphs(store: ox.Store, graphs: Sequence[str]) -> list[str]:
    """The graphs of `graphs` the store holds (writing them replaces them)."""
    return [g for g in graphs if g != LAYOUT_GRAPH and store.contains_named_graph(ox.NamedNode(g))]


def _replace(store: ox.Store, graphs: Sequence[str], present: Sequence[str], insert: str, marks: list[ox.Quad]) -> None:
    """One SPARQL update, so one transaction: take out of the union what only the graphs being
    replaced held, drop them and their notes, insert the new quads (`insert`: SPARQL triples and
    GRAPH blocks), their union copies and the marks."""
    leftovers = _leftovers(store, present, graphs)
    plain = [t for t in leftovers if not _has_blank(t)]
    parts = []
    if plain:
        parts.append("DELETE DATA {\n" + "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in plain) + "} ;\n")
    for graph in present:
        parts.append(f"DROP SILENT GRAPH <{graph}> ;\n"
                     f"DELETE WHERE {{ GRAPH <{LAYOUT_GRAPH}> {{ <{graph}> ?p ?o }} }} ;\n")
    marks_text = "".join(_sparql_quad(q) + (_sparql_triple(q) if _in_union(q) else "") for q in marks)
    parts.append("INSERT DATA {\n" + insert + marks_text + "}\n")
    failpoint.hit("store.before-commit")
    store.update("".join(parts))
    for triple in leftovers:  # blank nodes cannot be named in an update: these few go after it
        if _has_blank(triple):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, _DEFAULT))
    failpoint.hit("store.after-commit")


def _leftovers(store: ox.Store, present: Sequence[str], graphs: Sequence[str]) -> list[ox.Triple]:
    """The triples of the graphs being replaced that no other named graph holds: they leave the
    union (and the ones written again come back with the new quads)."""
    held: set[ox.Triple] = set()
    for graph in present:
        held.update(q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    leaving = {ox.NamedNode(g) for g in graphs} | {_LAYOUT_NODE}
    return [
        t for t in held
        if not any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in leaving
                   for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None))
    ]


def _has_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)


def _sparql_quad(quad: ox.Quad) -> str:
    if isinstance(quad.graph_name, ox.DefaultGraph):
        return _sparql_triple(quad)
    return f"GRAPH {quad.graph_name} {{ {quad.subject} {quad.predicate} {quad.object} }}\n"


def _sparql_triple(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} .\n"


def _load_new(store: ox.Store, data: bytes, union: bytes | None, marks: list[ox.Quad], lenient: bool) -> None:
    """Graphs the store does not hold: bulk-loaded, then their union copies, then the marks."""
    if len(data) < _SMALL_LOAD:
        store.load(data, ox.RdfFormat.N_QUADS, lenient=lenient)
    else:
        store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=lenient)
    failpoint.hit("store.after-load")
    if union is None:
        _add_to_union(store, {quad.triple for quad in ox.parse(data, ox.RdfFormat.N_QUADS, lenient=lenient)})
    elif len(union) < _SMALL_LOAD:
        store.load(union, ox.RdfFormat.N_TRIPLES, to_graph=_DEFAULT, lenient=lenient)
    else:
        store.bulk_load(union, ox.RdfFormat.N_TRIPLES, to_graph=_DEFAULT, lenient=lenient)
    failpoint.hit("store.after-union")
    store.extend(marks + [ox.Quad(q.subject, q.predicate, q.object, _DEFAULT) for q in marks if _in_union(q)])
    failpoint.hit("store.after-marks")


def rebuild_union(store: ox.Store) -> int:
    """Bring the union back to what the article graphs hold (after another program wrote the
    store without keeping it, or damage `check_store` found); returns the number of distinct
    triples in it."""
    if not has_union(store):
        ensure_union(store)
    else:
        repair_store(store)
    store.flush()
    return count_union(store)


@dataclass(frozen=True, slots=True)
class StoreCheck:
    """What `check_store` counted. The store is healthy when its union is exactly the triples its
    article graphs hold, every graph is marked complete and no note is about a graph not there."""

    store: str
    layout: bool  # the store has kg's union layout (False: written by another program)
    graphs: int  # named graphs (articles, and urn:x-kg:default if any)
    quads: int  # quads in them
    union: int  # triples in the union (what queries see)
    stale: int  # union triples no graph holds (an old version's, say)
    missing: int  # quads of the graphs whose triple the union lacks
    marked: int  # graphs marked complete (their dip:contentHash)
    unmarked: tuple[str, ...]  # graphs without that mark: left by an interrupted build
    orphan_notes: int  # notes (extractor, SHACL results) about graphs the store does not hold
    seconds: float
    logged: int = 0  # graphs in the store folder's N-Quads log (kg.nqlog)
    log_stale: int = 0  # of them, logged with marks the store no longer holds (export dumps those)

    @property
    def healthy(self) -> bool:
        return self.layout and not (self.stale or self.missing or self.unmarked or self.orphan_notes)

    def lines(self) -> list[str]:
        verdict = "healthy" if self.healthy else "NOT healthy"
        lines = [
            f"{self.store}: {verdict} (checked in {self.seconds:.1f} s)",
            f"  graphs {self.graphs} | quads {self.quads} | union triples {self.union} | marked complete {self.marked}",
            f"  stale union triples {self.stale} | quads missing from the union {self.missing} | "
            f"graphs without a completion mark {len(self.unmarked)} | notes about absent graphs {self.orphan_notes}",
        ]
        if self.logged:
            lines.append(f"  N-Quads log (export copies from it): {self.logged} graphs, {self.log_stale} stale "
                         "(informational: export dumps those from the store; `kg store repair` drops them)")
        if not self.layout:
            lines.append("  the store has no union of its own (another program wrote it): `kg store repair` builds it")
        if self.stale or self.missing or self.orphan_notes:
            lines.append("  `kg store repair` rebuilds the union from the graphs and drops the notes")
        if self.unmarked:
            shown = ", ".join(self.unmarked[:3]) + (" ..." if len(self.unmarked) > 3 else "")
            lines.append(f"  unmarked (an interrupted build): {shown}; run the same build again to replace them")
        return lines


_NOT_LAYOUT = f"FILTER(?g != <{LAYOUT_GRAPH}>)"
_STALE = f"?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} {_NOT_LAYOUT} }}"
_MISSING = f"GRAPH ?g {{ ?s ?p ?o }} {_NOT_LAYOUT} FILTER NOT EXISTS {{ ?s ?p ?o }}"
_ORPHAN = (f"GRAPH <{LAYOUT_GRAPH}> {{ ?g ?p ?o }} FILTER(?g != <{LAYOUT_GRAPH}>) "
           "FILTER NOT EXISTS { GRAPH ?g { ?a ?b ?c } }")


def check_store(store: ox.Store, name: str = "store", folder: str | Path | None = None) -> StoreCheck:
    """Count what `kg store check` shows, with queries the store answers itself (nothing is
    loaded into Python but the names of the unmarked graphs); with the store's `folder`, its
    N-Quads log too."""
    started = time.perf_counter()
    logged = log_stale = 0
    if folder is not None:
        from kg.nqlog import stale_count

        logged, log_stale = stale_count(store, folder)
    layout = has_union(store)
    graphs = named_graphs(store)
    content_hash = ox.NamedNode(f"{DIP_IRI}contentHash")
    unmarked = tuple(
        g for g in graphs
        if g != DEFAULT_DATA_GRAPH
        and next(iter(store.quads_for_pattern(ox.NamedNode(g), content_hash, None, ox.NamedNode(g))), None) is None
    )
    marked = len(graphs) - len(unmarked) - (DEFAULT_DATA_GRAPH in graphs)
    return StoreCheck(
        store=name,
        layout=layout,
        graphs=len(graphs),
        quads=count_quads(store),
        union=count_union(store) if layout else 0,
        stale=_count(store, _STALE) if layout else 0,
        missing=_count(store, _MISSING) if layout else 0,
        marked=marked,
        unmarked=unmarked,
        orphan_notes=_count(store, _ORPHAN),
        seconds=time.perf_counter() - started,
        logged=logged,
        log_stale=log_stale,
    )


def repair_store(store: ox.Store) -> None:
    """Rebuild the union from the graphs: what no graph holds leaves it, what it lacks joins it,
    and the notes about graphs not there go (one transaction: a repair cut short changes nothing)."""
    if not has_union(store):
        ensure_union(store)
        return
    store.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ {_STALE} }} ;\n"
                 f"INSERT {{ ?s ?p ?o }} WHERE {{ {_MISSING} }} ;\n"
                 f"DELETE {{ GRAPH <{LAYOUT_GRAPH}> {{ ?g ?p ?o }} }} WHERE {{ {_ORPHAN} }}")
    store.flush()


def _count(store: ox.Store, pattern: str) -> int:
    return int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")))["n"].value)


def _in_union(quad: ox.Quad) -> bool:
    """A quad of an article graph: its triple belongs in the union (the layout notes do not)."""
    return isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value != LAYOUT_GRAPH


def _add_to_union(store: ox.Store, triples: set[ox.Triple]) -> None:
    # written in bulk: the store ignores a triple the union holds already
    _add(store, [ox.Quad(t.subject, t.predicate, t.object, _DEFAULT) for t in triples])


def _finish(store: ox.Store, replaced: int) -> None:
    store.flush()
    if replaced > _COMPACT_AFTER_GRAPHS:
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
    # every quad less the default graph's triples and the layout note's: each counted in Rust
    # without reading a term (100k articles: 6 s, where counting GRAPH ?g's quads took 11 s)
    def counted(pattern: str) -> int:
        return int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")))["n"].value)

    return len(store) - counted("?s ?p ?o") - counted(f"GRAPH <{LAYOUT_GRAPH}> {{ ?s ?p ?o }}")


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
    """Remove an article's named graph, and from the union what no other article holds (one
    transaction); returns how many triples the graph held (0 if it was not there)."""
    if graph == LAYOUT_GRAPH or not store.contains_named_graph(ox.NamedNode(graph)):
        return 0
    size = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    ensure_union(store)
    _replace(store, [graph], [graph], "", [])
    store.flush()
    return size


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
