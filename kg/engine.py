"""Where SPARQL runs: one small interface over the places a graph can be, for every command.

    engine = open_engine(graphs=["graph.trig"])       # files, loaded into an in-memory Oxigraph store
    engine = open_engine(store="exports/store")       # an embedded store folder, read-only
    engine = open_engine(endpoint="http://…/query")   # a SPARQL 1.1 endpoint (kg.remote)

An engine answers `run(sparql)` with a whole `QueryResult` in rdflib terms (what `kg query`
prints) and `select(sparql)` with the rows of a SELECT as they come, as pyoxigraph terms (what
`kg stats`, `kg viz`, `kg validate` and kg.network count and draw with, in memory that follows
the size of the answer, not of the graph). Over a store the default graph is the union of the
article graphs, each triple once: kg.store keeps it for a store folder, and it is made here when
files are loaded, so a triple that several articles repeat is never counted twice.

`kg query`, `stats`, `viz`, `export` and `validate` and kg.network all read through here; this
module imports none of them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import QueryError, UsageError, unknown_choice
from kg.sparql import OxRow, QueryResult, iri_values, one_line, query_form, rows_of, to_oxigraph
from kg.store import count_union, has_union, load_files, open_store, quads_of, run_sparql

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class Engine(Protocol):
    """Something that runs SPARQL queries over one graph: the embedded store, rdflib, an endpoint."""

    description: str

    def run(self, sparql: str) -> QueryResult: ...

    def select(self, sparql: str) -> Iterator[OxRow]: ...

    def triples(self) -> int: ...


@dataclass
class StoreEngine:
    """Oxigraph's own SPARQL engine over a store, persistent or in memory.

    `union`: whether the store's default graph is the union of its named graphs (a store kg wrote,
    or files loaded by `load_graphs`); otherwise queries read Oxigraph's on-the-fly union, which
    sees a triple once per graph that holds it."""

    store: ox.Store
    description: str = "embedded store"
    union: bool | None = None

    def __post_init__(self) -> None:
        if self.union is None:
            self.union = has_union(self.store)

    def run(self, sparql: str) -> QueryResult:
        from kg.guard import check_query

        check_query(sparql, engine="Oxigraph")  # SERVICE would send requests
        return run_sparql(self.store, sparql, union=self.union)

    def select(self, sparql: str) -> Iterator[OxRow]:
        from kg.guard import check_query

        check_query(sparql, engine="Oxigraph")
        try:
            solutions = self.store.query(sparql, use_default_graph_as_union=not self.union)
            for solution in solutions:
                yield tuple(solution)
        except SyntaxError as err:
            raise QueryError(f"not valid SPARQL: {one_line(err)}") from err
        except (OSError, ValueError, RuntimeError) as err:
            raise QueryError(f"the query failed on the embedded store: {one_line(err)}") from err

    def triples(self) -> int:
        """Distinct triples over all the graphs (counted in Rust)."""
        if self.union:
            return count_union(self.store) if has_union(self.store) else count(self, _COUNT)
        return count(self, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")


OxigraphEngine = StoreEngine  # its name before stores and files shared it


@dataclass
class RdflibEngine:
    """rdflib's SPARQL engine over a Dataset (its default graph the union of the named graphs)."""

    dataset: Dataset
    description: str = "rdflib"

    def run(self, sparql: str) -> QueryResult:
        from kg.guard import check_query, sealed

        form = query_form(sparql)
        graphs = (str(g.identifier) for g in self.dataset.graphs())
        check_query(sparql, engine="rdflib", graphs=graphs)  # SERVICE and FROM <url> would send requests
        try:
            with sealed(), room_to_recurse():  # FROM names graphs of the dataset: no file or URL is read
                result = self.dataset.query(sparql)
                if form == "ASK":
                    return QueryResult(boolean=bool(result.askAnswer))
                if form in {"CONSTRUCT", "DESCRIBE"}:
                    return QueryResult(triples=tuple(result.graph))
                names = tuple(str(v) for v in result.vars)
                return QueryResult(vars=names, rows=tuple(tuple(row) for row in result))
        except RecursionError as err:
            raise QueryError("the query nests too deeply for rdflib's parser: run it on the embedded store "
                             "(the default engine)") from err
        except Exception as err:  # pyparsing and evaluation errors alike
            raise QueryError(f"the query failed on rdflib: {one_line(err)}") from err

    def select(self, sparql: str) -> Iterator[OxRow]:
        return rows_of(self.run(sparql))

    def triples(self) -> int:
        return len(set(self.dataset.triples((None, None, None))))


# rdflib parses SPARQL with pyparsing, one Python call per grammar rule: a query of 50 lines with
# subqueries nests some 750 calls deep, and once another library has turned on pyparsing's
# packrat cache for the whole process (matplotlib does, at `import matplotlib.pyplot`) each
# rule costs an extra call, past Python's default limit of 1000. Parsing and evaluation get a
# higher limit while they run (still far from the C stack's end: Python 3.11 calls Python
# functions without C recursion), and the process's own limit comes back afterwards.
RDFLIB_RECURSION_LIMIT = 6000


@contextmanager
def room_to_recurse(limit: int = RDFLIB_RECURSION_LIMIT) -> Iterator[None]:
    """Python's recursion limit raised to at least `limit` inside the block."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def open_engine(
    graphs: Sequence[str | Path] = (),
    store: str | Path | None = None,
    endpoint: str | None = None,
    *,
    engine: str = "oxigraph",
    timeout: float = 60.0,
    page_size: int | None = None,
    auth: str | None = None,
    max_answer_mb: float | None = None,
) -> Engine:
    """The engine for a source: --endpoint URL, --store DIR, or --graph FILE... (in memory).
    `timeout`, `page_size` and `auth` apply to endpoints (see kg.remote.endpoint_from_url)."""
    given = sum(bool(x) for x in (graphs, store is not None, endpoint))
    if given == 0:
        raise UsageError("no graph given: pass --graph FILE..., --store DIR or --endpoint URL")
    if endpoint:
        if graphs or store is not None:
            raise UsageError("--endpoint queries the remote store only; leave out --graph and --store")
        from kg.remote import EndpointEngine, endpoint_from_url

        max_bytes = int(max_answer_mb * 2**20) if max_answer_mb else None
        return EndpointEngine(endpoint_from_url(endpoint, timeout=timeout, page_size=page_size, auth=auth,
                                                max_bytes=max_bytes))
    if engine not in ("oxigraph", "rdflib"):
        raise unknown_choice("engine", engine, ["oxigraph", "rdflib"])
    if engine == "rdflib":
        from kg.sources import load_dataset

        return RdflibEngine(load_dataset(graphs, store), description="rdflib in memory")
    if store is not None and not graphs:
        return StoreEngine(open_store(store, read_only=True), description=f"store {store}")
    return StoreEngine(load_graphs(graphs, store), description="Oxigraph in memory", union=True)


def load_graphs(paths: Sequence[str | Path], store: str | Path | None = None) -> ox.Store:
    """Graph files (and, if given, a copy of a store folder's article graphs) in an in-memory store
    whose default graph is the union of everything, each triple once: what a store folder's
    queries see. (Files' own default graphs stay in it; kg.store.load_files keeps them apart.)"""
    memory = load_files(paths, store)
    _add_union(memory)
    return memory


def as_engine(source: Engine | ox.Store | Dataset | Graph) -> Engine:
    """An engine over what a caller has: an engine, a pyoxigraph store, or an rdflib graph (copied
    into an in-memory store, with the union of its named graphs as its default graph)."""
    if isinstance(source, ox.Store):
        return StoreEngine(source)
    if isinstance(source, Dataset | Graph):
        memory = ox.Store()
        if isinstance(source, Dataset):
            memory.extend(quads_of(source))
        else:
            memory.extend(ox.Quad(*(to_oxigraph(t) for t in triple)) for triple in source)
        _add_union(memory)
        return StoreEngine(memory, description="Oxigraph in memory", union=True)
    return source


def _add_union(memory: ox.Store) -> None:
    # in Rust, not through Python: a large TriG file copies in seconds
    memory.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


# ---------------------------------------------------------------------------- small helpers


def distinct(engine: Engine) -> str:
    """"DISTINCT " where the engine's default graph may hold a triple more than once: an endpoint's
    union of graphs, and Oxigraph's on-the-fly union over a store another program wrote, see a
    triple once per graph that holds it; a store kg wrote, files loaded and rdflib see it once."""
    once = isinstance(engine, RdflibEngine) or (isinstance(engine, StoreEngine) and engine.union)
    return "" if once else "DISTINCT "


def count(engine: Engine, sparql: str) -> int:
    """The number a `SELECT (COUNT(...) AS ?n)` query gives (0 for no row)."""
    for row in engine.select(sparql):
        return int(row[0].value) if row and row[0] is not None else 0
    return 0


def select_for(engine: Engine, variable: str, iris: Iterable[str], query: str, *, batch: int = 500) -> Iterator[OxRow]:
    """The rows of a query run for many IRIs, a batch at a time: `{values}` in the query text
    becomes `VALUES ?variable { <iri> ... }` for each batch."""
    wanted = sorted(set(iris))
    for start in range(0, len(wanted), batch):
        yield from engine.select(query.replace("{values}", iri_values(variable, wanted[start : start + batch])))


def labels(engine: Engine, iris: Iterable[str], *, batch: int = 500) -> dict[str, dict[str, str]]:
    """rdfs:label of each IRI by language ("" for none): {iri: {"ar": ..., "en": ...}}; where a
    language has several labels (two spellings), the first in code-point order."""
    found: dict[str, dict[str, str]] = {}
    query = f"SELECT ?s ?l WHERE {{ {{values}} ?s <{RDFS_LABEL}> ?l }}"
    for subject, label in select_for(engine, "s", iris, query, batch=batch):
        if isinstance(subject, ox.NamedNode) and isinstance(label, ox.Literal):
            by_lang = found.setdefault(subject.value, {})
            lang = label.language or ""
            if lang not in by_lang or label.value < by_lang[lang]:
                by_lang[lang] = label.value
    return found


def fetch_labels(engine: Engine, nodes: Iterable[Node | None]) -> dict[URIRef, dict[str, str]]:
    """rdfs:label of each IRI among the nodes, by language ("" for none): {iri: {"ar": ..., "en": ...}}."""
    found = labels(engine, (str(n) for n in nodes if isinstance(n, URIRef)), batch=200)
    return {URIRef(iri): by_lang for iri, by_lang in found.items()}


def pick_label(by_lang: dict[str, str] | None, lang: str = "ar") -> str | None:
    """The label in `lang`, else Arabic, else English, else any."""
    if not by_lang:
        return None
    for choice in (lang, "ar", "en", ""):
        if choice in by_lang:
            return by_lang[choice]
    return next(iter(by_lang.values()))
