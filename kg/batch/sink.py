"""Where extracted articles go: the embedded store (in batches), an rdflib Dataset, the errors file.

Writing to the store is resumable: an article's graph carries its dip:contentHash triple (with a
note of the extractor that wrote it), the mark of a complete graph. Replacing graphs the store
holds is one transaction per few megabytes (old graphs out, new quads, union and marks in), so
a run stopped anywhere leaves each article as it was or as it is now; new graphs are bulk-loaded
and marked last, so a run stopped half-way leaves them unmarked, and an unmarked graph is never
taken as unchanged: the next run replaces it.
"""

from __future__ import annotations

import datetime as dt
import json
import queue
import threading
import time
from collections import Counter, deque
from functools import cache
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.namespace import DCTERMS

from kg.batch.stop import at_once
from kg.batch.work import Extracted, Failed, dated
from kg.errors import GraphError
from kg.model import Article, ArticleFacts
from kg.rdf.iri import mint_iri
from kg.rdf.namespaces import DIP, DIPR_IRI
from kg.resources import extractor_fingerprint
from kg.sparql import from_oxigraph, to_oxigraph

_CONTENT_HASH = ox.NamedNode(str(DIP.contentHash))
_DATE = ox.NamedNode(str(DCTERMS.date))
_REPLACE_BYTES = 8 * 2**20  # N-Quads replaced in one transaction (held in memory a few times over)


def article_graph(article: Article, base: str = DIPR_IRI) -> str:
    """The IRI naming an article's graph (the article's own IRI), known before extraction."""
    return str(mint_iri("article", article.id, base))


class StoreSink:
    """Article graphs into an Oxigraph store, a batch at a time, replacing each article's graph.

    Batches are written by a thread of their own (Oxigraph lets go of the GIL while it loads), so
    extraction results keep coming in while a batch is on its way to disk; at most one batch
    waits behind the one being written. Once `stop` says to stop at once (kg.batch.stop), the
    batches not yet being written are dropped; a batch being written is never cut in half.
    """

    def __init__(self, store: ox.Store, name: str, base: str = DIPR_IRI, stop: threading.Event | None = None,
                 log: Path | None = None) -> None:
        self.store, self.name, self.base = store, name, base
        self._stop = stop
        self.fingerprint = extractor_fingerprint()
        self._log = None  # the store folder's N-Quads log (kg.nqlog), which export copies from
        if log is not None:
            from kg.nqlog import LogWriter

            try:
                self._log = LogWriter(log, self.fingerprint)
            except OSError as err:
                raise GraphError(f"{self.name}: cannot write its N-Quads log ({err})") from err
        from kg.shacl import kg_shapes  # here: only a build into a store checks shapes as it writes

        self.shapes = kg_shapes().fingerprint
        self._batch: dict[str, Extracted] = {}  # graph -> its latest version (the last one read wins)
        self._adds: Counter[str] = Counter()
        self._bytes = 0
        self._since = time.monotonic()
        self.written = self.replaced = 0
        self._queue: queue.Queue[tuple[dict[str, Extracted], Counter[str]] | None] = queue.Queue(maxsize=1)
        self._finished: deque[Counter[str]] = deque()  # what each written batch held, for the caller
        self._error: BaseException | None = None
        self._raised = False
        self._writer = threading.Thread(target=self._write_batches, name="kg-store-writer", daemon=True)
        self._writer.start()

    def unchanged(self, article: Article) -> bool:
        """True when the store holds this article's complete graph for the same text and metadata."""
        graph = ox.NamedNode(article_graph(article, self.base))
        predicates = _metadata_predicates()
        stored = {
            (q.predicate, q.object)
            for q in self.store.quads_for_pattern(graph, None, None, graph)
            if q.predicate in predicates
        }
        if not any(p == _CONTENT_HASH for p, _ in stored):
            return False  # never written, or left incomplete by an interrupted run
        from kg.store import extraction_mark  # here: a build to a file (-o) never loads kg.store

        if extraction_mark(graph.value, self.fingerprint) not in self.store:
            return False  # written by another version of kg, or of its word lists
        if article.published is None and any(p == _DATE for p, _ in stored):
            # extraction dates an undated article from its dateline: the stored graph holds that
            # date, so it is what the article must be compared with (not the missing one)
            article = dated(article)
        return stored == _metadata(article, self.base)

    def add(self, outcome: Extracted) -> None:
        previous = self._batch.pop(outcome.graph, None)
        if previous is not None:
            self._bytes -= len(previous.nquads)
        self._batch[outcome.graph] = outcome
        self._adds[outcome.graph] += 1
        self._bytes += len(outcome.nquads)

    def due(self, articles: int, size: int, seconds: float) -> bool:
        """Whether the batch at hand is large enough (or old enough) to write."""
        return bool(self._batch) and (
            len(self._batch) >= articles or self._bytes >= size or time.monotonic() - self._since >= seconds
        )

    def flush(self) -> Counter[str]:
        """Send the batch at hand to be written (waiting while the writer is a batch behind).

        Returns how many times each graph of the batches written since the last call was added.
        """
        self._raise_if_failed()
        if self._batch and self._error is None:
            self._queue.put((self._batch, self._adds))
            self._batch, self._adds, self._bytes, self._since = {}, Counter(), 0, time.monotonic()
        return self.written_since()

    def written_since(self) -> Counter[str]:
        """The graphs of the batches written since the last call (with how often each was added)."""
        adds: Counter[str] = Counter()
        while self._finished:
            adds.update(self._finished.popleft())
        return adds

    def close(self, *, compact: bool = False) -> Counter[str]:
        """Write what is left and wait for the writer; raises what made writing fail. With
        `compact`, a run that wrote many graphs ends by compacting the store (see kg.store.compact_store)."""
        if self._writer.is_alive():
            if self._error is None and self._batch and not at_once(self._stop):
                self._queue.put((self._batch, self._adds))
                self._batch, self._adds = {}, Counter()
            self._queue.put(None)
            self._writer.join()
        self._raise_if_failed()
        try:
            self.store.flush()
            if self._log is not None:
                self._log.prune()
            if compact:
                from kg import store

                if self.written >= store.COMPACT_AFTER_WRITING:
                    store.compact_store(self.store)
        except OSError as err:
            raise GraphError(f"{self.name}: writing article graphs failed ({err})") from err
        return self.written_since()

    def _raise_if_failed(self) -> None:
        """Raise the writer's failure (once); after it nothing more is written."""
        if self._error is not None and not self._raised:
            self._raised = True
            reason = " ".join(str(self._error).removeprefix("store: ").split())[:300]  # kg.store's own name
            raise GraphError(f"{self.name}: writing article graphs failed ({reason})") from self._error

    def _write_batches(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is not None or at_once(self._stop):
                continue  # keep taking batches so that no one waits on a writer that has given up
            batch, adds = item
            try:
                self._write(batch)
            except BaseException as err:  # handed to the caller's thread, raised there
                self._error = err.with_traceback(None)  # whose frames would hold the store open
                continue
            self.written += len(batch)
            self._finished.append(adds)

    def _write(self, batch: dict[str, Extracted]) -> None:
        """New graphs in one bulk write; graphs the store holds replaced a few megabytes at a time,
        each part one transaction (kg.store.write_nquads): an article is replaced whole or not at all."""
        from kg import failpoint
        from kg.store import present_graphs

        present = set(present_graphs(self.store, list(batch)))
        new = {graph: outcome for graph, outcome in batch.items() if graph not in present}
        if new:
            self._write_part(new)
        part: dict[str, Extracted] = {}
        size = 0
        for graph in present:
            part[graph] = batch[graph]
            size += len(batch[graph].nquads)
            if size >= _REPLACE_BYTES:
                self._write_part(part)
                part, size = {}, 0
        if part:
            self._write_part(part)
        if self._log is not None:  # after the store committed the graphs: an entry never runs ahead
            self._log.append((graph, outcome.nquads, outcome.content_hash) for graph, outcome in batch.items())
        failpoint.hit("sink.after-batch")

    def _write_part(self, batch: dict[str, Extracted]) -> None:
        from kg.store import extraction_mark, validation_notes, write_nquads

        data = b"".join(outcome.nquads for outcome in batch.values())
        # the same quads as triples, for the union: each line of an article's N-Quads ends with its
        # graph's name (a literal holds no raw newline), so dropping it is a plain bytes replace
        union = b"".join(
            outcome.nquads.replace(f" <{graph}> .\n".encode(), b" .\n") for graph, outcome in batch.items()
        )
        # the marks of complete graphs (and of the extractor that wrote them): kg.store writes them
        # with the graphs (a replace) or last (new graphs), so a run stopped before leaves them unmarked
        marks = []
        for graph, outcome in batch.items():
            node = ox.NamedNode(graph)
            marks += [ox.Quad(node, _CONTENT_HASH, ox.Literal(outcome.content_hash), node),
                      extraction_mark(graph, self.fingerprint)]
            if outcome.checks is not None:  # the graph's SHACL results, next to its extraction mark
                marks += validation_notes(graph, self.shapes, outcome.checks)
        # kg.store removes the graphs, loads the new quads and keeps the store's union up to date;
        # the quads come from kg.batch.work's checked terms, so the IRIs need no second check
        summary = write_nquads(self.store, data, list(batch), lenient=True, then=marks, union=union)
        self.replaced += summary.replaced


class DatasetSink:
    """Article graphs into an rdflib Dataset (for `-o FILE`): the same graphs as `kg.build_graph`."""

    def __init__(self, dataset: Dataset, base: str = DIPR_IRI) -> None:
        self.dataset, self.base = dataset, base

    def add(self, outcome: Extracted) -> None:
        """An extracted article (its facts came back with it: kg.rdf.graph makes the graph)."""
        from kg.rdf.graph import add_article

        if outcome.facts is None:
            raise ValueError(f"{outcome.graph}: extracted without its facts, which a dataset needs")
        add_article(self.dataset, outcome.facts, base=self.base)

    def copy(self, store: ox.Store, graph: str) -> None:
        """An article the store holds unchanged: its graph as the store has it."""
        target = self.dataset.graph(URIRef(graph))
        name = ox.NamedNode(graph)
        target.addN(
            (from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object), target)
            for q in store.quads_for_pattern(None, None, None, name)
        )


class ErrorLog:
    """The errors file: one JSON object a line (source, line, id, stage, reason), flushed as written."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.count = 0
        self._file: TextIO | None = None
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = self.path.open("w", encoding="utf-8")
            except OSError as err:
                raise GraphError(f"{self.path}: cannot write the errors file ({err.strerror or err})") from err

    def write(self, failure: Failed) -> None:
        self.count += 1
        if self._file is not None:
            self._file.write(json.dumps(failure.record(), ensure_ascii=False) + "\n")
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _metadata(article: Article, base: str) -> set[tuple]:
    """The article node's own triples (title, date, hash...) as the store would hold them."""
    from kg.rdf.graph import article_triples

    node = URIRef(article_graph(article, base))
    return {
        (to_oxigraph(p), to_oxigraph(o))
        for s, p, o in article_triples(ArticleFacts(article=article), base)
        if s == node
    }


@cache
def _metadata_predicates() -> frozenset:
    """Every predicate the article node gets from the article itself (not from extraction)."""
    full = Article(
        id="x", text="x", title="x", url="https://example.org/x", published=dt.date(2000, 1, 1), publisher="x"
    )
    return frozenset(p for p, _ in _metadata(full, DIPR_IRI))
