"""The work done for each article, in a worker process or in this one: extraction to N-Quads.

A worker sends back compact values: the N-Quads bytes of the article's graph (Oxigraph bulk-loads
them as they are), with its identity, the counts the summary needs, or the reason it failed.
The article's dip:contentHash triple travels apart from the rest: the store writes it last, as
the mark that the article's graph is complete (see kg.batch.sink).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.batch.reading import source_and_line
from kg.model import Article, ArticleFacts
from kg.rdf.namespaces import DIP, DIPR_IRI
from kg.shacl import kg_shapes, result_json
from kg.sparql import to_oxigraph

_CONTENT_HASH = DIP.contentHash
_WRITTEN: dict[URIRef | BNode, str] = {}  # IRIs and blank nodes as N-Quads writes them
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article's graph, ready for the store."""

    graph: str  # the article's IRI, which names its graph
    article_id: str
    content_hash: str
    nquads: bytes  # every quad of the graph but the dip:contentHash one
    meetings: int
    statements: int
    topics: tuple[str, ...]
    facts: ArticleFacts | None = None  # only when extracted in this process
    checks: tuple[str, ...] | None = None  # the SHACL results of the graph (kg.shacl JSON); None: not checked


@dataclass(frozen=True, slots=True)
class Failed:
    """An article that could not be read or extracted: what the errors file records."""

    source: str
    line: int | None
    id: str | None
    reason: str
    stage: str  # "read", "extract" or "graph"

    def record(self) -> dict:
        return {"source": self.source, "line": self.line, "id": self.id, "stage": self.stage, "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


Outcome = Extracted | Failed


def init_worker(parent: int | None = None) -> None:
    """Start-up of a worker process: Ctrl-C is the parent's to handle (it stops the workers
    itself); the worker dies with its parent `parent`; the word lists are loaded once. SIGTERM
    keeps its default: the pool ends broken workers with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent is not None:
        die_with(parent)
    from kg.extract import pipeline

    pipeline.extract(Article(id="warm-up", text="التقى الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية."))
    kg_shapes()


def die_with(parent: int) -> None:
    """End this process when `parent` ends, however it ends (kill -9 included): on Linux the kernel
    sends SIGKILL (prctl PR_SET_PDEATHSIG); elsewhere a thread watches the parent's pid. A worker
    left behind would hold its memory (about 125 MB) and the pool's pipes forever, and keep
    multiprocessing's resource tracker running with it."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl: nothing would tell us
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), name="kg-parent-watch", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int, interval: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(1)


def dated(article: Article) -> Article:
    """The article with the date extraction gives it: its own, else its dateline's or first
    lines' (kg.extract.pipeline's own rule, so the two never disagree)."""
    if article.published is not None:
        return article
    from dataclasses import replace

    from kg.extract.pipeline import _stated_date
    from kg.text.document import analyse

    found = _stated_date(analyse(article))
    return article if found is None else replace(article, published=found)


def extract_chunk(
    articles: list[Article], base: str = DIPR_IRI, keep_facts: bool = False, nquads: bool = True
) -> list[Outcome]:
    """Extract each article of a chunk; one article's failure never affects the others."""
    return [extract_article(article, base, keep_facts, nquads) for article in articles]


def extract_article(
    article: Article, base: str = DIPR_IRI, keep_facts: bool = False, nquads: bool = True
) -> Outcome:
    """Extract one article (to its graph's N-Quads when `nquads`), or say why it could not be."""
    from kg.extract import pipeline
    from kg.rdf import graph as rdf

    try:
        facts = pipeline.extract(article)
    except Exception as err:  # one article's bug must not lose the batch: it goes to the errors file
        return _failed(article, "extract", "extraction failed", err)
    node = rdf.article_iri(facts, base)
    content_hash, data, checks = "", b"", None
    try:
        end = f" {_nt(node)} .\n"
        lines = []
        triples = list(rdf.article_triples(facts, base))
        for s, p, o in triples:
            if p == _CONTENT_HASH and s == node:
                content_hash = str(o)
            elif nquads:
                lines.append(f"{_nt(s)} {_nt(p)} {_nt(o)}{end}")
        if nquads:
            data = "".join(lines).encode("utf-8")
            # checked now, while the graph is small: `kg validate --store` reads the results
            checks = tuple(sorted(result_json(r) for r in kg_shapes().check(triples)))
    except Exception as err:  # e.g. text no RDF store can hold (a lone surrogate)
        return _failed(article, "graph", "its graph could not be written", err)
    return Extracted(
        graph=str(node),
        article_id=article.id,
        content_hash=content_hash,
        nquads=data,
        meetings=len(facts.meetings),
        statements=len(facts.statements),
        topics=facts.topics,
        facts=facts if keep_facts else None,
        checks=checks,
    )


def _failed(article: Article, stage: str, what: str, err: Exception) -> Failed:
    source, line = source_and_line(article)
    reason = f"{what} ({type(err).__name__}: {' '.join(str(err).split())[:300]})"
    return Failed(source, line, article.id, reason, stage)


def _nt(term) -> str:
    """A term as N-Quads writes it. Written here rather than by Oxigraph, which would need an
    object per term and per quad first; an IRI is still checked by Oxigraph, once."""
    if isinstance(term, Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f'"{text}"^^{_nt(term.datatype)}'
        return f'"{text}"'
    written = _WRITTEN.get(term)
    if written is None:
        checked = to_oxigraph(term)  # raises on an IRI or blank node id no store can hold
        written = f"<{checked.value}>" if isinstance(checked, ox.NamedNode) else f"_:{checked.value}"
        if len(_WRITTEN) > 1 << 16:
            _WRITTEN.clear()
        _WRITTEN[term] = written
    return written
