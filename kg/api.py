"""The Python API: what `kg build` and `kg extract` do, for notebooks and pipelines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset

from kg.errors import Problem
from kg.io import article_from_text, read_articles
from kg.model import Article, ArticleFacts
from kg.rdf.namespaces import DIPR_IRI

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

    from kg.engine import Engine
    from kg.rows import Rows


def extract(
    article: Article | str,
    *,
    title: str = "",
    published: dt.date | None = None,
    publisher: str = "",
    id: str = "",
) -> ArticleFacts:
    """The facts of one article: pass an Article, or the text itself (with what is known of it).

    >>> facts = extract("استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية الإيراني.",
    ...                 published=dt.date(2024, 1, 10))
    """
    from kg.extract.pipeline import extract as run

    if isinstance(article, str):
        article = article_from_text(article, title=title, published=published, publisher=publisher, id=id)
    return run(article)


def extract_all(articles: Iterable[Article]) -> Iterator[ArticleFacts]:
    """Facts of each article, lazily, in order."""
    for article in articles:
        yield extract(article)


def build_graph(
    items: Iterable[ArticleFacts | Article | str], *, base: str = DIPR_IRI, dataset: Dataset | None = None
) -> Dataset:
    """An RDF Dataset (one named graph per article) from facts, articles or texts."""
    from kg.rdf.graph import build_graph as to_graph

    def facts() -> Iterator[ArticleFacts]:
        for item in items:
            yield item if isinstance(item, ArticleFacts) else extract(item)

    return to_graph(facts(), base=base, dataset=dataset)


def build_from_paths(
    paths: Iterable[str | Path], *, date: dt.date | None = None, publisher: str | None = None
) -> tuple[Dataset, list[Problem]]:
    """Read articles from files or folders and build their graph; problems are returned, not raised."""
    problems: list[Problem] = []

    def articles() -> Iterator[Article]:
        for item in read_articles(paths, date=date, publisher=publisher):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                yield item

    return build_graph(articles()), problems


def open_source(source: Any, *, engine: str = "oxigraph", timeout: float = 60.0) -> Engine:
    """An engine (kg.engine) over a graph given as kg's commands take it: a graph file, a store
    folder or an endpoint URL, a list of them, or an engine, pyoxigraph Store or rdflib graph."""
    from kg.engine import as_engine, open_engine

    if isinstance(source, str | Path):
        source = [source]
    if isinstance(source, list | tuple):
        from kg.sources import split_sources

        graphs, store, endpoint = split_sources(source)
        return open_engine(graphs, store, endpoint, engine=engine, timeout=timeout)
    return as_engine(source)


def query(
    name_or_sparql: str, source: Any, /, *, labels: bool = True, langs: Sequence[str] = ("ar", "en"), **params: str
) -> Rows | Graph | bool:
    """Run a ready-made query (by name), a .rq file or SPARQL text on a graph, store or endpoint.

        rows = kg.query("meetings-of-actor", "exports/store", actor="بوتين")
        rows[0]["participant_ar"]       # 'فلاديمير بوتين'
        rows.to_records(); rows.to_pandas()

    Parameters are the query's own (`kg queries NAME` lists them), bound as RDF terms; one named
    like a Python keyword goes in a dict: `**{"from": "2022-01-01"}`. A SELECT gives `Rows`, with
    each IRI column's labels beside it (COLUMN_ar, COLUMN_en) unless `labels=False`; an ASK a bool;
    a CONSTRUCT or DESCRIBE an rdflib Graph with kg's prefixes bound."""
    from kg.query import bind, fetch_labels, resolve_query, with_labels
    from kg.rows import Rows

    engine = open_source(source)
    result = engine.run(bind(resolve_query(name_or_sparql), {k: str(v) for k, v in params.items()}))
    if result.boolean is not None:
        return result.boolean
    if result.triples is not None:
        from rdflib import Graph

        from kg.rdf.namespaces import bind_prefixes

        graph = Graph()
        bind_prefixes(graph)
        for triple in result.triples:
            graph.add(triple)
        return graph
    if labels and result.rows:
        result = with_labels(result, fetch_labels(engine, (t for row in result.rows for t in row)), langs)
    return Rows(result)


def actor_network(source: Any, *, details: bool = True) -> nx.Graph:
    """The who-met-whom network as a networkx Graph: actors (with their labels and kind) linked
    when they took part in the same meeting, `weight` the number of meetings they shared."""
    from kg.network import actor_network as network

    return network(open_source(source), details=details)
