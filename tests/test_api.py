"""The Python API as a notebook user meets it: `import kg` and the names it documents."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import inspect
import json
import typing

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import to_isomorphic
from rdflib.namespace import RDF

import kg
from kg.facts_json import facts_to_dict
from kg.rdf.namespaces import DIP, DIPR_IRI

TEXT = "استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي، وبحث معه العلاقات الثنائية."
DAY = dt.date(2024, 4, 9)


def union_of(dataset: Dataset) -> Graph:
    union = Graph()
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    return union


def test_the_documented_names_import():
    from kg import build_graph, extract, load_dataset, read_articles, write_graph  # noqa: F401

    for name in kg.__all__:
        assert hasattr(kg, name), name


@pytest.mark.parametrize("name", ["extract", "build_graph", "read_articles", "write_graph", "load_dataset",
                                  "build_from_paths", "extract_all", "analyse", "normalize", "read_graphs"])
def test_public_functions_are_documented_and_typed(name):
    from kg import api, graphio, io, sources, text

    function = {
        "extract": api.extract, "build_graph": api.build_graph, "build_from_paths": api.build_from_paths,
        "extract_all": api.extract_all, "read_articles": io.read_articles, "write_graph": graphio.write_graph,
        "read_graphs": graphio.read_graphs, "load_dataset": sources.load_dataset, "analyse": text.analyse,
        "normalize": text.normalize,
    }[name]
    assert inspect.getdoc(function)
    hints = typing.get_type_hints(function)
    assert "return" in hints
    assert all(p in hints for p in inspect.signature(function).parameters)


def test_py_typed_ships_with_the_package(project_dir):
    assert importlib.resources.files("kg").joinpath("py.typed").is_file()
    assert 'packages = ["kg"]' in (project_dir / "pyproject.toml").read_text(encoding="utf-8")


def test_kg_extract_stays_the_function_after_an_extraction():
    kg.api.extract(TEXT, published=DAY)  # loads kg.extract.pipeline, as any first call does
    assert callable(kg.extract)
    from kg import extract

    assert extract is kg.api.extract


def test_extract_a_text():
    facts = kg.api.extract(TEXT, published=DAY, title="الأسد يستقبل البوسعيدي", id="assad-busaidi")
    assert isinstance(facts, kg.ArticleFacts)
    assert facts.article == kg.Article(id="assad-busaidi", text=TEXT, title="الأسد يستقبل البوسعيدي", published=DAY)
    (meeting,) = facts.meetings
    assert set(meeting.participants) == {"person:bashar-al-assad", "person:badr-albusaidi"}
    assert facts.topics == ("bilateral-relations",)


def test_extract_an_article_and_a_text_alike():
    article = kg.Article(id="a", text=TEXT, published=DAY)
    assert kg.api.extract(article) == kg.api.extract(TEXT, id="a", published=DAY)


def test_an_article_without_an_id_is_named_by_its_text():
    first, again = kg.api.extract(TEXT), kg.api.extract(TEXT)
    assert first.article.id == again.article.id and first.article.id
    assert kg.api.extract(TEXT + " ").article.id != first.article.id


def test_facts_are_immutable_values():
    facts = kg.api.extract(TEXT, published=DAY)
    with pytest.raises(AttributeError):
        facts.meetings = ()  # type: ignore[misc]
    assert hash(facts.meetings[0])


def test_extract_all_is_lazy_and_in_order():
    articles = [kg.Article(id=str(n), text=TEXT) for n in range(3)]
    facts = kg.extract_all(iter(articles))
    assert not isinstance(facts, list | tuple)
    assert [f.article.id for f in facts] == ["0", "1", "2"]


def test_build_graph_from_facts_articles_or_texts():
    facts = kg.api.extract(TEXT, id="a", published=DAY)
    from_facts = kg.build_graph([facts])
    from_article = kg.build_graph([kg.Article(id="a", text=TEXT, published=DAY)])
    assert isinstance(from_facts, Dataset)
    assert to_isomorphic(from_facts.graph(URIRef(f"{DIPR_IRI}article/a"))) == to_isomorphic(
        from_article.graph(URIRef(f"{DIPR_IRI}article/a"))
    )
    from_text = kg.build_graph([TEXT])
    assert len(set(from_text.subjects(RDF.type, DIP.Article))) == 1


def test_build_graph_with_another_base():
    dataset = kg.build_graph([kg.api.extract(TEXT, id="a", published=DAY)], base="https://example.org/kg/")
    nodes = {s for s in dataset.subjects() if isinstance(s, URIRef) and "/topic/" not in str(s)}
    assert nodes and all(str(n).startswith("https://example.org/kg/") for n in nodes)


def test_the_round_trip_of_the_module_docstring(tmp_path):
    facts = kg.api.extract(TEXT, published=DAY)
    graph = kg.build_graph([facts])
    out = tmp_path / "out.ttl"
    text = kg.write_graph(graph, out)
    assert out.read_text(encoding="utf-8") == text
    loaded = kg.load_dataset([out])
    assert to_isomorphic(union_of(loaded)) == to_isomorphic(union_of(graph))
    assert kg.write_graph(graph, None, "nt").count("\n") == len(union_of(graph))


def test_trig_keeps_the_named_graphs(tmp_path):
    graph = kg.build_graph([kg.api.extract(TEXT, id="a", published=DAY), kg.api.extract(TEXT + " وغادر.", id="b")])
    out = tmp_path / "out.trig"
    kg.write_graph(graph, out)
    loaded = kg.load_dataset([out])
    assert {str(g.identifier) for g in loaded.graphs() if len(g)} == {f"{DIPR_IRI}article/a", f"{DIPR_IRI}article/b"}


def test_read_articles_and_build_from_paths(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان\n" + TEXT, encoding="utf-8")
    items = list(kg.read_articles([tmp_path / "a.txt", tmp_path / "missing.txt"], date=DAY))
    assert [type(i) for i in items] == [kg.Article, kg.Problem]
    dataset, problems = kg.build_from_paths([tmp_path], date=DAY)
    assert problems == []
    assert len(set(dataset.subjects(RDF.type, DIP.Meeting))) == 1


def test_load_dataset_needs_a_source():
    with pytest.raises(kg.UsageError):
        kg.load_dataset()


def test_facts_as_json_are_plain_json():
    record = facts_to_dict(kg.api.extract(TEXT, id="a", published=DAY))
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record
    assert record["meetings"][0]["date"] == "2024-04-09"
