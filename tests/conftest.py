"""Shared fixtures: where things are, and the examples read, extracted and built once per session.

Building the bundled examples takes a second or two; every graph test shares the one build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLES = PROJECT / "examples"
KG_BIN = PROJECT / ".venv" / "bin" / "kg"


@pytest.fixture(scope="session")
def project_dir() -> Path:
    return PROJECT


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def kg_bin() -> Path:
    """The installed console script (`make setup` puts it there)."""
    if not KG_BIN.exists():
        pytest.skip(f"{KG_BIN} is not installed; run `make setup`")
    return KG_BIN


@pytest.fixture(scope="session")
def example_articles():
    """The bundled example articles, as kg.io reads them."""
    from kg import Article, read_articles

    items = list(read_articles([EXAMPLES]))
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) == len(items), [str(p) for p in items if not isinstance(p, Article)]
    return tuple(articles)


@pytest.fixture(scope="session")
def example_facts(example_articles):
    """The facts of each example article, in order."""
    from kg.api import extract

    return tuple(extract(article) for article in example_articles)


@pytest.fixture(scope="session")
def examples_dataset(example_facts):
    """The graph of all the examples (one named graph per article), built once. Do not modify it."""
    from kg import build_graph

    return build_graph(example_facts)


@pytest.fixture(scope="session")
def examples_union(examples_dataset):
    """The examples' graph as one rdflib Graph (the union of the named graphs)."""
    from rdflib import Graph

    union = Graph()
    for triple in examples_dataset.triples((None, None, None)):
        union.add(triple)
    return union


@pytest.fixture(scope="session")
def small_store(tmp_path_factory) -> Path:
    """A store folder holding tests/fixtures/small.trig, shared by the tests that only read it."""
    from rdflib import Dataset

    from kg.store import write_articles

    folder = tmp_path_factory.mktemp("small") / "store"
    dataset = Dataset()
    dataset.parse(PROJECT / "tests" / "fixtures" / "small.trig", format="trig")
    write_articles(folder, dataset)
    return folder
