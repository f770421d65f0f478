"""An archive read in the store: stats, views and the actor network read with SPARQL (kg.engine)
give what kg gave before it stopped loading graphs into rdflib, on the examples, whether the
graph comes from a file, from an embedded store or from rdflib; large graphs are cut in the store
as they would be in memory."""

from __future__ import annotations

import json

import pytest
from archive_golden import CUT_VIEWS, EXAMPLES, GOLDEN, VIEWS, network_json, view_json

from kg.engine import StoreEngine, as_engine, open_engine
from kg.graphio import read_graphs
from kg.network import actor_network
from kg.stats import format_stats, graph_stats
from kg.store import open_store, write_articles
from kg.validate import format_report
from kg.viz import build_view, views

# what the page gained after the goldens were made (issue 12): events' days, the actor network's
# communities, meeting counts and timeline, and phone calls drawn apart from meetings in person
NEW_NODE_FIELDS = ("date", "community", "meetings")
NEW_GRAPH_FIELDS = ("communities", "timeline", "topic_names_ar", "topic_names")


def weighed_links(view: dict) -> dict:
    """A view's JSON with the tooltip of each link between actors reduced to its weight: since the
    page holds archives, the tooltip lists the link's most frequent topics with their counts and its
    latest meetings (tests/test_viz.py checks those), where the goldens list every topic and the
    first meetings."""
    def rows(key: str, data: dict) -> dict:
        if key not in ("met", "call"):
            return data
        return {**data, "rows": [row for row in data["rows"] if row[0] == "weight"]}

    return {**view, "edges": [[s, t, k, rows(k, data)] for s, t, k, data in view["edges"]]}


def as_golden(view: dict) -> dict:
    """A view's JSON as the goldens knew it: without what came later, a call a 'met' link."""
    def met(key: str) -> str:
        return "met" if key == "call" else key

    return weighed_links({
        "nodes": {node: {k: v for k, v in data.items() if k not in NEW_NODE_FIELDS}
                  for node, data in view["nodes"].items()},
        "edges": sorted([s, t, met(k), {f: met(v) if f == "relation" else v for f, v in data.items()}]
                        for s, t, k, data in view["edges"]),
        "graph": {k: v for k, v in view["graph"].items() if k not in NEW_GRAPH_FIELDS},
    })


@pytest.fixture(scope="module")
def from_file() -> dict:
    """Today's views of the examples read whole from the file: what the store's must equal, new fields too."""
    engine = open_engine([EXAMPLES])
    found = {name: view_json(build_view(engine, name)) for name in VIEWS}
    found.update({f"{name} {limit}": view_json(build_view(engine, name, max_nodes=limit)) for name, limit in CUT_VIEWS})
    return found


@pytest.fixture(scope="module")
def golden() -> dict:
    found = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for views_of in ("views", "cut_views"):
        found[views_of] = {name: weighed_links(view) for name, view in found[views_of].items()}
    return found


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive") / "store"
    write_articles(folder, read_graphs([EXAMPLES]))
    return folder


@pytest.fixture(scope="module")
def foreign_store_dir(tmp_path_factory):
    """A store another program wrote: article graphs only, no union kept in its default graph."""
    import pyoxigraph as ox

    folder = tmp_path_factory.mktemp("foreign") / "store"
    store = ox.Store(str(folder))
    store.load(path=str(EXAMPLES), format=ox.RdfFormat.TRIG)
    store.flush()
    del store  # closed: kg opens it read-only
    return folder


@pytest.fixture(scope="module", params=["file", "store", "foreign store", "rdflib"])
def engine(request, store_dir, foreign_store_dir):
    if request.param == "file":
        return open_engine([EXAMPLES])
    if request.param == "store":
        return open_engine(store=store_dir)
    if request.param == "foreign store":
        found = open_engine(store=foreign_store_dir)
        assert not found.union  # Oxigraph's union on the fly, which sees a triple once per graph
        return found
    return as_engine(read_graphs([EXAMPLES]))


def test_the_engines_are_what_they_say(store_dir):
    assert isinstance(open_engine(store=store_dir), StoreEngine) and open_engine(store=store_dir).union
    assert open_engine([EXAMPLES]).triples() == open_engine(store=store_dir).triples() == 2173


def test_stats_are_todays(engine, golden):
    assert graph_stats(engine, top=1000).to_json() == golden["stats"]
    assert format_stats(graph_stats(engine)) == golden["stats_table"]


def test_the_actor_network_is_todays(engine, golden):
    assert network_json(actor_network(engine)) == golden["network"]


@pytest.mark.parametrize("name", VIEWS)
def test_views_are_todays(engine, golden, from_file, name):
    view = view_json(build_view(engine, name))
    assert as_golden(view) == golden["views"][name]
    assert view == from_file[name]


@pytest.mark.parametrize(("name", "limit"), CUT_VIEWS)
def test_cut_views_are_todays(engine, golden, from_file, name, limit):
    view = view_json(build_view(engine, name, max_nodes=limit))
    assert view == from_file[f"{name} {limit}"]
    assert view["graph"].pop("left_out_names")  # new: the page's search finds the actors left out
    assert as_golden(view) == golden["cut_views"][f"{name} {limit}"]


@pytest.fixture
def in_store(monkeypatch):
    """Views chosen in the store, as for a graph too large to read whole."""
    monkeypatch.setattr(views, "READ_WHOLE", 0)


@pytest.mark.parametrize("name", VIEWS)
def test_views_chosen_in_the_store_are_the_same(in_store, store_dir, golden, from_file, name):
    view = view_json(build_view(open_engine(store=store_dir), name))
    assert as_golden(view) == golden["views"][name]
    assert view == from_file[name]


@pytest.mark.parametrize(("name", "limit"), CUT_VIEWS)
def test_cuts_made_in_the_store_are_the_same(in_store, store_dir, golden, from_file, name, limit):
    view = view_json(build_view(open_engine(store=store_dir), name, max_nodes=limit))
    expected = golden["cut_views"][f"{name} {limit}"]
    assert {k: v for k, v in view.items() if k != "graph"} == {k: v for k, v in from_file[f"{name} {limit}"].items()
                                                               if k != "graph"}
    left_out = view["graph"].pop("left_out_names")
    assert as_golden(view) == expected
    assert {entry["full"] for entry in left_out} >= {
        data["label"] for node, data in golden["views"][name]["nodes"].items()
        if node not in expected["nodes"] and data["class"] in ("Person", "Organization", "Country")
    }


def test_a_large_view_is_cut_by_default(in_store, store_dir, monkeypatch):
    monkeypatch.setattr(views, "DEFAULT_MAX_NODES", 30)
    monkeypatch.setattr(views, "DEFAULT_MAX_EDGES", 20)
    view = build_view(open_engine(store=store_dir), "full")
    assert view.number_of_nodes() == 30 and view.number_of_edges() == 20
    assert view.graph["total_nodes"] == 284
    notes = [en for _, en in view.graph["notes"]]
    assert any("most connected of 284 nodes (--max-nodes 30)" in n for n in notes)
    assert any("strongest of" in n and "(--max-edges 20)" in n for n in notes)


def test_the_store_is_read_only_for_what_the_page_draws(in_store, store_dir):
    store = open_store(store_dir, read_only=True)
    asked: list[str] = []
    engine = StoreEngine(store)
    real = engine.select

    def select(sparql):
        asked.append(sparql)
        return real(sparql)

    engine.select = select
    build_view(engine, "full", max_nodes=10)
    # no query reads every triple: each names its predicates, or nodes, or counts in the store
    assert all("?s ?p ?o }" not in q.replace("  ", " ") or "VALUES" in q for q in asked)


# ---------------------------------------------------------------------------- validation


def test_validation_of_the_examples_is_todays(store_dir, golden):
    from kg.validate import validate_store

    report, check = validate_store(open_engine(store=store_dir))
    assert format_report(report) == golden["validate"]
    assert (check.graphs, check.checked_now) == (14, 14)  # written without checks: checked as read


def _dataset_with(update: str, graph: str):
    """The validation fixture (two articles) with an update made inside one article's graph."""
    from rdflib import URIRef
    from test_validate import FIXTURE, PROLOGUE

    dataset = read_graphs([FIXTURE])
    dataset.graph(URIRef(graph)).update(PROLOGUE + update)
    return dataset


def _with_checks(store_dir, dataset) -> None:
    """Notes of each graph's check, as a build leaves them (kg.batch writes them with the graph)."""
    from kg.shacl import kg_shapes, result_json
    from kg.store import validation_notes

    store = open_store(store_dir)
    for graph in dataset.graphs():
        if len(graph):
            results = [result_json(r) for r in kg_shapes().check(graph)]
            store.extend(validation_notes(str(graph.identifier), kg_shapes().fingerprint, results))
    store.flush()


A1 = "https://w3id.org/dipkg/resource/article/amman-talks"
A2 = "https://w3id.org/dipkg/resource/article/cairo-muscat-call"
ACROSS = [  # (what, update, in which graph): breaks that only the union shows, or that the union mends
    ("a second date from the other article",
     'INSERT DATA { <meeting/2023-03-12-9cac03b70a> a dip:Meeting ; dip:date "2023-03-14"^^xsd:date }', A2),
    ("quoted here, reported there",
     "INSERT DATA { <statement/68f1c007e617> a dip:Statement ; dip:direct false }", A2),
    ("a call the other article calls a meeting held somewhere",
     "INSERT DATA { <meeting/2023-03-13-78d66c1f79> a dip:Meeting ; dip:location <place/amman-250441> }", A1),
    ("a participant typed only by the other article",
     "DELETE WHERE { <person/karim-mansour-15fa35> a ?t }", A1),
    ("a second Arabic preferred label from the other article",
     'INSERT DATA { dipt:ceasefire skos:prefLabel "الهدنة"@ar }', A2),
    ("a blank node that is a meeting and nothing else", "INSERT DATA { _:b1 a dip:Meeting }", A1),
]


def _cases():
    from test_validate import BROKEN

    yield from ((what, update, graph) for what, update, graph in ACROSS)
    yield from ((what, update, A2) for what, update, _ in BROKEN)


@pytest.mark.parametrize(("what", "update", "graph"), list(_cases()), ids=[c[0] for c in _cases()])
@pytest.mark.parametrize("checked", [False, True], ids=["checked as read", "checked when built"])
def test_the_store_reports_what_pyshacl_reports_over_the_union(tmp_path, what, update, graph, checked):
    from kg.validate import validate, validate_store

    dataset = _dataset_with(update, graph)
    write_articles(tmp_path / "store", dataset)
    if checked:
        _with_checks(tmp_path / "store", dataset)
    report, check = validate_store(open_engine(store=tmp_path / "store"))
    assert format_report(report) == format_report(validate(dataset))
    assert check.checked_now == (0 if checked else 2)


def test_the_command_reads_the_checks_a_build_made(tmp_path, capsys):
    from kg.cli import main

    store, trig = tmp_path / "store", tmp_path / "graph.trig"
    assert main(["build", "examples", "--store", str(store), "-o", str(trig), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["validate", "--store", str(store)]) == 0
    from_store = capsys.readouterr()
    assert "14 checked when built, 0 checked now" in from_store.err
    assert main(["validate", str(trig)]) == 0
    assert capsys.readouterr().out == from_store.out
    assert main(["validate", "--store", str(store), "--full"]) == 0
    assert capsys.readouterr().out == from_store.out


def test_communities_are_the_same_in_every_run():
    """Louvain over IRIs followed Python's string hashing, which changes from run to run."""
    import os
    import subprocess
    import sys

    script = ("import json; from kg.engine import open_engine; from kg.stats import graph_stats; "
              f"print(json.dumps(graph_stats(open_engine([{str(EXAMPLES)!r}])).to_json()['communities']))")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "5")}
    assert len(runs) == 1


# ---------------------------------------------------------------------------- a remote endpoint


@pytest.fixture(scope="module")
def endpoint_engine(tmp_path_factory):
    """The examples pushed to an Oxigraph server of this module's own (nothing else on it)."""
    from servers import oxigraph_serve

    from kg.remote import EndpointEngine, push
    from kg.store import load_files

    with oxigraph_serve(tmp_path_factory.mktemp("endpoint")) as server:
        endpoint = server.endpoint()
        assert push(load_files([EXAMPLES]), endpoint).mismatched == []
        yield EndpointEngine(endpoint)


@pytest.mark.server
def test_an_endpoint_gives_the_stats_and_network_a_file_gives(endpoint_engine, golden):
    assert endpoint_engine.triples() == 2173
    assert graph_stats(endpoint_engine, top=1000).to_json() == golden["stats"]
    assert network_json(actor_network(endpoint_engine)) == golden["network"]


@pytest.mark.server
@pytest.mark.parametrize("name", VIEWS)
def test_an_endpoint_gives_the_views_a_file_gives(endpoint_engine, golden, from_file, name):
    view = view_json(build_view(endpoint_engine, name))
    assert as_golden(view) == golden["views"][name]
    assert view == from_file[name]


@pytest.mark.server
@pytest.mark.parametrize(("name", "limit"), CUT_VIEWS)
def test_an_endpoint_cuts_views_in_the_store_as_a_file_does(in_store, endpoint_engine, golden, name, limit):
    view = view_json(build_view(endpoint_engine, name, max_nodes=limit))
    view["graph"].pop("left_out_names")
    assert as_golden(view) == golden["cut_views"][f"{name} {limit}"]


# ---------------------------------------------------------------------------- the page's timeline


def test_the_node_count_is_the_class_counts_total(engine):
    from kg.network import class_counts, node_count

    assert node_count(engine) == sum(class_counts(engine).values()) == 284


@pytest.mark.parametrize("limit", [1, 2, 30])
def test_the_latest_statements_chosen_in_the_store_are_those_a_graph_read_whole_gives(engine, limit):
    # small limits make the store guess a month to name statements from, and look up the speakers
    # whose guess fell short: the answer is the same as counting and sorting all of them in memory
    from kg.network import actor_classes, fact_graph
    from kg.viz import timeline

    actors = sorted(actor_classes(engine))
    found = timeline.statements(engine, None, actors, limit)
    whole = timeline.statements(None, fact_graph(engine), actors, limit)
    assert found == whole
    assert sum(found.total(a) for a in actors) >= len(found.latest) >= 10
    assert all(len([s for s in found.latest if s.speaker == a]) == min(limit, found.total(a)) for a in actors)
    assert any(s.url for s in found.latest) and all(s.label for s in found.latest)
