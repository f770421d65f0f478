"""The fact graph and the actor network read from RDF, actor lookup, and the GraphML/GEXF export."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.errors import UsageError
from kg.network import (
    LIST_SEPARATOR,
    actor_network,
    export_actor_network,
    fact_graph,
    find_actor,
    nodes_of,
    related,
    search_key,
)
from kg.sources import load_dataset

FIXTURE = Path(__file__).parent / "fixtures" / "viz.trig"
R = "https://w3id.org/dipkg/resource/"
LAVROV, MEKDAD, SAFADI = f"{R}person/sergey-lavrov", f"{R}person/faisal-mekdad", f"{R}person/ayman-safadi"
SHOUKRY, GUTERRES = f"{R}person/sameh-shoukry", f"{R}person/antonio-guterres"
AMMAN_MEETING = f"{R}meeting/2023-03-15-c1d2e3f4a5"
CALL = f"{R}meeting/2023-03-12-b7c8d9e0f1"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset([FIXTURE])


@pytest.fixture(scope="module")
def facts(dataset):
    return fact_graph(dataset)


@pytest.mark.parametrize(("cls", "count"), [
    ("Person", 5), ("Organization", 2), ("Country", 4), ("Place", 2),
    ("Meeting", 4), ("PhoneCall", 1), ("Statement", 4), ("Topic", 7),
])
def test_fact_graph_counts_each_node_once_by_its_most_specific_class(facts, cls, count):
    assert len(nodes_of(facts, [cls])) == count


def test_a_node_repeated_in_several_article_graphs_is_one_node_with_every_source(facts):
    data = facts.nodes[AMMAN_MEETING]
    assert data["sources"] == (f"{R}article/viz-a2", f"{R}article/viz-a3")
    assert len(data["evidence"]) == 2
    assert related(facts, AMMAN_MEETING, "participant") == [SAFADI, MEKDAD, SHOUKRY]


@pytest.mark.parametrize(("node", "attribute", "value"), [
    (LAVROV, "label_ar", "سيرغي لافروف"),
    (LAVROV, "label_en", "Sergey Lavrov"),
    (LAVROV, "alt_labels", ("لافروف",)),
    (SAFADI, "roles", ("نائب رئيس الوزراء", "وزير الخارجية")),
    (CALL, "class", "PhoneCall"),
    (CALL, "date", "2023-03-12"),
    (CALL, "meeting_kind", "call"),
    (f"{R}statement/0a0a0a0a0a01", "quote", "<img src=x onerror=alert(1)>"),
    (f"{R}statement/0a0a0a0a0a01", "direct", True),
    (f"{R}statement/0a0a0a0a0a03", "direct", False),
    (f"{R}place/amman-250441", "label_ar", "عَمّان"),
    (f"{R}country/RU", "wikidata", "Q159"),
    ("https://w3id.org/dipkg/topic/refugees", "label_en", "refugees"),
])
def test_fact_graph_node_attributes(facts, node, attribute, value):
    assert facts.nodes[node][attribute] == value


def test_articles_are_kept_as_sources_not_nodes(facts):
    assert f"{R}article/viz-a1" not in facts
    assert facts.graph["articles"][f"{R}article/viz-a1"]["title"].startswith("لافروف يستقبل المقداد")


@pytest.mark.parametrize(("first", "second", "weight", "topics"), [
    (LAVROV, MEKDAD, 2, ["political-process", "reconstruction", "security"]),
    (LAVROV, SAFADI, 2, ["refugees", "security"]),
    (MEKDAD, SAFADI, 2, ["humanitarian-aid", "refugees", "security"]),
    (MEKDAD, SHOUKRY, 1, ["humanitarian-aid", "refugees"]),
    (SAFADI, SHOUKRY, 1, ["humanitarian-aid", "refugees"]),
    (SHOUKRY, GUTERRES, 1, ["ceasefire"]),
])
def test_actor_network_links_actors_who_met_weighted_by_meetings(dataset, first, second, weight, topics):
    network = actor_network(dataset)
    edge = network.edges[first, second]
    assert edge["weight"] == weight == len(edge["meetings"])
    assert edge["topics"] == topics


def test_actor_network_has_every_actor_and_only_actors(dataset):
    network = actor_network(dataset)
    assert network.number_of_nodes() == 11  # 5 persons, 2 organisations, 4 countries
    assert network.number_of_edges() == 6
    assert not network.has_edge(LAVROV, SHOUKRY)  # never in the same meeting
    assert network.nodes[LAVROV] == {"label_ar": "سيرغي لافروف", "label_en": "Sergey Lavrov", "class": "Person"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_parses_back_with_arabic_labels_and_weights(dataset, tmp_path, fmt):
    path = tmp_path / f"actors.{fmt}"
    export_actor_network(dataset, path, fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert set(back.nodes) == set(actor_network(dataset).nodes)
    assert back.nodes[MEKDAD]["label_ar"] == back.nodes[MEKDAD]["label"] == "فيصل المقداد"
    assert back.nodes[GUTERRES]["label_en"] == "António Guterres"
    edge = back.edges[LAVROV, MEKDAD]
    assert int(edge["weight"]) == 2
    assert edge["topics"].split(LIST_SEPARATOR) == ["political-process", "reconstruction", "security"]
    assert len(edge["meetings"].split(LIST_SEPARATOR)) == 2


def test_export_refuses_an_unknown_format(dataset, tmp_path):
    with pytest.raises(UsageError, match="gexf, graphml"):
        export_actor_network(dataset, tmp_path / "x.dot", "dot")


@pytest.mark.parametrize(("written", "typed"), [
    ("أيمن الصفدي", "ايمن الصفدى"),
    ("الأمم المتحدة", "الامم المتحده"),
    ("عَمّان", "عمان"),
    ("إعادة الإعمار", "اعاده الاعمار"),
    ("نُشدِّد", "نشدد"),
    ("مسؤول", "مسوول"),
    ("الرئيـــس", "الرئيس"),  # tatweel
    ("Sergey Lavrov", "sergey  LAVROV"),
])
def test_search_key_folds_spelling_variants(written, typed):
    assert search_key(written) == search_key(typed)


@pytest.mark.parametrize(("name", "actor"), [
    ("سيرغي لافروف", LAVROV),
    ("لافروف", LAVROV),  # an alternative label
    ("ايمن الصفدى", SAFADI),
    ("Sameh Shoukry", SHOUKRY),
    ("شكري", SHOUKRY),  # a whole word of a label
    ("الامم المتحده", f"{R}org/un"),
    ("dipr:country/RU", f"{R}country/RU"),
    (GUTERRES, GUTERRES),
])
def test_find_actor_by_any_spelling_or_iri(facts, name, actor):
    assert find_actor(facts, name) == actor


@pytest.mark.parametrize(("name", "message"), [
    ("زيد", "no actor in the graph is called"),
    ("وزير", "no actor in the graph is called"),  # a role is not a name
    ("", "an actor name is needed"),
])
def test_find_actor_says_when_nothing_matches(facts, name, message):
    with pytest.raises(UsageError, match=message):
        find_actor(facts, name)


def test_find_actor_lists_the_candidates_when_a_name_is_ambiguous():
    facts = nx.MultiDiGraph()
    for iri, label in ((f"{R}person/a", "محمد بن سلمان"), (f"{R}person/b", "محمد بن زايد")):
        facts.add_node(iri, **{"class": "Person"}, label_ar=label, label_en="", alt_labels=())
    with pytest.raises(UsageError, match=r"matches 2 actors: محمد بن سلمان .*محمد بن زايد"):
        find_actor(facts, "محمد")
