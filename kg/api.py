"""The Python API: what `kg build` and `kg extract` do, for notebooks and pipelines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Dataset

from kg.errors import Problem
from kg.io import article_from_text, read_articles
from kg.model import Article, ArticleFacts
from kg.rdf.namespaces import DIPR_IRI


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
