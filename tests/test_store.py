"""The embedded Oxigraph store: one named graph per article, replaced on rewrite, incremental."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import DCTERMS, RDFS

from kg.errors import GraphError, QueryError
from kg.graphio import read_graphs
from kg.sources import load_dataset
from kg.store import (
    DEFAULT_DATA_GRAPH,
    article_graphs,
    article_hashes,
    count_quads,
    count_union,
    delete_article,
    has_union,
    load_files,
    named_graphs,
    open_store,
    rebuild_union,
    run_sparql,
    store_to_dataset,
    write_articles,
    write_nquads,
)

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
R = "https://w3id.org/dipkg/resource/"
ARTICLES = sorted(f"{R}article/{name}" for name in
                  ("fx-summit-hadaf", "fx-summit-sana", "fx-lavrov-day", "fx-mekdad-riyadh"))  # fmt: skip
PUTIN = URIRef(f"{R}person/vladimir-putin")
SUMMIT = URIRef(f"{R}meeting/2021-09-14-3f9a1c07be")
SOURCE = "http://www.w3.org/ns/prov#wasDerivedFrom"


def fixture_dataset() -> Dataset:
    return read_graphs([FIXTURE])


def one_article(dataset: Dataset, name: str) -> Dataset:
    """A dataset holding only one named graph of another."""
    single = Dataset()
    source = dataset.graph(URIRef(name))
    target = single.graph(URIRef(name))
    for triple in source:
        target.add(triple)
    return single


def quads(store: ox.Store) -> set[str]:
    return {str(q) for q in store}


def assert_same_graphs(a: Dataset, b: Dataset) -> None:
    names = {c.identifier for c in a.graphs() if len(c)} | {c.identifier for c in b.graphs() if len(c)}
    for name in names:
        left, right = to_isomorphic(a.graph(name)), to_isomorphic(b.graph(name))
        if left != right:
            _, only_a, only_b = graph_diff(left, right)
            pytest.fail(f"graph {name} differs:\n{only_a.serialize(format='nt')}\n---\n{only_b.serialize(format='nt')}")


def test_writing_articles_makes_one_named_graph_each(tmp_path):
    summary = write_articles(tmp_path / "store", fixture_dataset())
    assert (summary.graphs, summary.replaced, summary.quads, summary.default_quads) == (4, 0, 480, 0)
    store = open_store(tmp_path / "store", read_only=True)
    assert article_graphs(store) == ARTICLES == named_graphs(store)
    assert count_quads(store) == 480
    assert count_quads(store, f"{R}article/fx-lavrov-day") == len(fixture_dataset().graph(URIRef(ARTICLES[0])))
    assert "4 new, 0 replaced" in str(summary)


def test_the_store_gives_back_exactly_what_was_written(tmp_path):
    write_articles(tmp_path / "store", fixture_dataset())
    assert_same_graphs(store_to_dataset(open_store(tmp_path / "store", read_only=True)), fixture_dataset())
    assert_same_graphs(load_dataset(store=tmp_path / "store"), fixture_dataset())


def test_writing_the_same_articles_again_leaves_no_duplicates(tmp_path):
    write_articles(tmp_path / "store", fixture_dataset())
    before = quads(open_store(tmp_path / "store", read_only=True))
    summary = write_articles(tmp_path / "store", fixture_dataset())
    assert (summary.graphs, summary.replaced) == (4, 4)
    store = open_store(tmp_path / "store", read_only=True)
    assert quads(store) == before
    # the summit is one node with two sources, whatever the number of writes
    result = run_sparql(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ <{SUMMIT}> <{SOURCE}> ?s }}")
    assert int(result.rows[0][0]) == 2


def test_adding_articles_one_by_one_gives_the_same_store(tmp_path):
    dataset = fixture_dataset()
    write_articles(tmp_path / "all", dataset)
    store = open_store(tmp_path / "one-by-one")
    for name in ARTICLES:
        write_articles(store, one_article(dataset, name))
    assert quads(store) == quads(open_store(tmp_path / "all", read_only=True))
    assert article_graphs(store) == ARTICLES


def test_rewriting_a_changed_article_replaces_only_its_graph(tmp_path):
    dataset = fixture_dataset()
    write_articles(tmp_path / "store", dataset)
    name = f"{R}article/fx-summit-hadaf"
    changed = one_article(dataset, name)
    graph = changed.graph(URIRef(name))
    graph.remove((URIRef(name), DCTERMS.title, None))
    graph.add((URIRef(name), DCTERMS.title, Literal("عنوان مصحح للمقال", lang="ar")))
    graph.remove((PUTIN, None, None))  # the corrected article no longer names Putin
    write_articles(tmp_path / "store", changed)
    store = open_store(tmp_path / "store", read_only=True)
    titles = run_sparql(store, f"SELECT ?t WHERE {{ <{name}> <{DCTERMS.title}> ?t }}").column("t")
    assert titles == [Literal("عنوان مصحح للمقال", lang="ar")]
    # Putin is still described by the other article that names him, and only by it
    graphs = run_sparql(store, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{PUTIN}> <{RDFS.label}> ?l }} }}")
    assert [str(g) for g in graphs.column("g")] == [f"{R}article/fx-summit-sana"]
    assert article_graphs(store) == ARTICLES


def test_deleting_an_article_removes_only_what_it_alone_said(tmp_path):
    write_articles(tmp_path / "store", fixture_dataset())
    store = open_store(tmp_path / "store")
    size = count_quads(store, f"{R}article/fx-summit-hadaf")
    assert delete_article(store, f"{R}article/fx-summit-hadaf") == size > 0
    assert delete_article(store, f"{R}article/fx-summit-hadaf") == 0
    assert article_graphs(store) == [a for a in ARTICLES if not a.endswith("fx-summit-hadaf")]
    labels = run_sparql(store, f"SELECT DISTINCT ?l WHERE {{ <{PUTIN}> <{RDFS.label}> ?l }}").column("l")
    assert Literal("فلاديمير بوتين", lang="ar") in labels  # still named by fx-summit-sana
    sources = run_sparql(store, f"SELECT DISTINCT ?s WHERE {{ <{SUMMIT}> <{SOURCE}> ?s }}")
    assert [str(s) for s in sources.column("s")] == [f"{R}article/fx-summit-sana"]


def test_article_hashes_say_which_articles_the_store_holds(tmp_path):
    write_articles(tmp_path / "store", fixture_dataset())
    hashes = article_hashes(open_store(tmp_path / "store", read_only=True))
    assert sorted(hashes) == ARTICLES
    assert hashes[f"{R}article/fx-summit-sana"].startswith("c0ffee11")


def test_triples_outside_named_graphs_are_kept_once_in_a_graph_of_their_own(tmp_path):
    dataset = Dataset()
    dataset.default_graph.add((PUTIN, RDFS.label, Literal("Putin", lang="en")))
    for _ in range(2):
        summary = write_articles(tmp_path / "store", dataset)
    assert (summary.graphs, summary.quads, summary.default_quads) == (0, 0, 1)
    store = open_store(tmp_path / "store", read_only=True)
    assert count_quads(store) == 1 and named_graphs(store) == [DEFAULT_DATA_GRAPH]
    assert article_graphs(store) == []
    back = store_to_dataset(store)
    assert (PUTIN, RDFS.label, Literal("Putin", lang="en")) in back.graph(URIRef(DEFAULT_DATA_GRAPH))
    assert run_sparql(store, f'ASK {{ <{PUTIN}> <{RDFS.label}> "Putin"@en }}').boolean


def test_the_union_holds_each_triple_once_and_follows_writes_and_deletes(tmp_path):
    dataset = fixture_dataset()
    write_articles(tmp_path / "store", dataset)
    store = open_store(tmp_path / "store")
    distinct = len(set(dataset.triples((None, None, None))))
    assert has_union(store) and count_union(store) == distinct
    label = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{PUTIN}> <{RDFS.label}> ?l }}"
    assert int(run_sparql(store, label).rows[0][0]) == 2  # not once per article that names him
    for name in ARTICLES:
        delete_article(store, name)
    assert count_union(store) == 0 and count_quads(store) == 0


def test_a_store_filled_by_other_means_gets_its_union_when_kg_first_writes(tmp_path):
    import pyoxigraph

    other = pyoxigraph.Store(str(tmp_path / "store"))
    other.load(path=str(FIXTURE))
    assert not has_union(other)
    assert int(run_sparql(other, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{PUTIN}> <{RDFS.label}> ?l }}").rows[0][0]) == 4
    write_articles(other, one_article(fixture_dataset(), ARTICLES[0]))
    assert has_union(other) and count_union(other) == len(set(fixture_dataset().triples((None, None, None))))
    del other


def test_queries_run_on_the_stores_own_engine_over_all_graphs(tmp_path):
    write_articles(tmp_path / "store", fixture_dataset())
    store = open_store(tmp_path / "store", read_only=True)
    assert run_sparql(store, f"ASK {{ <{PUTIN}> ?p ?o }}").boolean is True
    triples = run_sparql(store, f"CONSTRUCT {{ <{PUTIN}> <{RDFS.label}> ?l }} WHERE {{ <{PUTIN}> <{RDFS.label}> ?l }}")
    assert {str(o) for _, _, o in triples.triples} == {"فلاديمير بوتين", "Vladimir Putin"}
    with pytest.raises(QueryError, match="not valid SPARQL"):
        run_sparql(store, "SELECT ?x WHERE { ?x }")
    with pytest.raises(QueryError, match="updates are not run"):
        run_sparql(store, "DROP ALL")


def test_opening_a_missing_or_busy_store_is_a_clear_error(tmp_path):
    with pytest.raises(GraphError, match="no such store folder"):
        open_store(tmp_path / "missing", read_only=True)
    writer = open_store(tmp_path / "busy")
    with pytest.raises(GraphError, match="another process has it open"):
        open_store(tmp_path / "busy")
    del writer


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"])
def test_graph_files_load_into_memory_in_every_format(tmp_path, suffix):
    from kg.graphio import write_graph

    path = tmp_path / f"graph{suffix}"
    write_graph(fixture_dataset(), path)
    store = load_files([path])
    # formats with named graphs keep them; the others hold the union (shared triples once)
    expected = 480 if suffix in (".nq", ".trig", ".jsonld") else len(set(fixture_dataset().triples((None, None, None))))
    assert len(store) == expected


def test_a_broken_graph_file_names_the_file(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("<urn:a> <urn:b> .", encoding="utf-8")
    with pytest.raises(GraphError, match=r"broken\.ttl: not valid turtle"):
        load_files([path])
    with pytest.raises(GraphError, match="no such graph file"):
        load_files([tmp_path / "missing.ttl"])


def test_articles_written_as_nquads_match_articles_written_from_rdflib(tmp_path):
    dataset = fixture_dataset()
    write_articles(tmp_path / "from-rdflib", dataset)
    data = dataset.serialize(format="nquads").encode("utf-8")
    done = pyoxigraph_quad(ARTICLES[0])
    for _ in range(2):  # the second write replaces: nothing doubles
        summary = write_nquads(tmp_path / "from-nquads", data, ARTICLES, then=[done])
    assert (summary.graphs, summary.replaced, summary.quads) == (4, 4, 481)
    a, b = open_store(tmp_path / "from-rdflib"), open_store(tmp_path / "from-nquads")
    assert count_union(b) == count_union(a) + 1  # the extra quad given as `then` joins the union
    extra = quads(b) - quads(a)
    assert len(extra) == 2 and str(done) in extra  # the mark in its graph, and in the union


def pyoxigraph_quad(graph: str):
    import pyoxigraph

    node = pyoxigraph.NamedNode(graph)
    return pyoxigraph.Quad(node, pyoxigraph.NamedNode("urn:x-test:done"), pyoxigraph.Literal("yes"), node)


def test_replacing_an_article_takes_out_of_the_union_only_what_no_one_else_says(tmp_path):
    dataset = fixture_dataset()
    write_articles(tmp_path / "store", dataset)
    name = f"{R}article/fx-summit-hadaf"
    changed = one_article(dataset, name)
    graph = changed.graph(URIRef(name))
    graph.remove((PUTIN, None, None))
    graph.remove((URIRef(f"{R}org/un"), None, None))
    write_articles(tmp_path / "store", changed)
    store = open_store(tmp_path / "store")
    assert count_union(store) == len(set(
        (s, p, o) for s, p, o, g in store_to_dataset(store).quads((None, None, None, None))
    ))  # fmt: skip
    assert run_sparql(store, f"ASK {{ <{PUTIN}> <{RDFS.label}> ?l }}").boolean  # fx-summit-sana still names him
    assert not run_sparql(store, f"ASK {{ <{R}org/un> ?p ?o }}").boolean  # only fx-summit-hadaf did


def test_a_union_gone_stale_under_another_writer_is_rebuilt(tmp_path):
    import pyoxigraph

    write_articles(tmp_path / "store", one_article(fixture_dataset(), ARTICLES[0]))
    store = open_store(tmp_path / "store")
    other = pyoxigraph.Store()
    other.load(path=str(FIXTURE))
    store.extend(q for q in other if q.graph_name.value != ARTICLES[0])  # written behind kg.store's back
    assert count_union(store) < len(set(fixture_dataset().triples((None, None, None))))
    assert rebuild_union(store) == len(set(fixture_dataset().triples((None, None, None))))
