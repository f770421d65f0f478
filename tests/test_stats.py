"""Counts per class, central actors and communities, as a table and as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.sources import load_dataset
from kg.stats import display_width, format_stats, graph_stats

FIXTURE = Path(__file__).parent / "fixtures" / "viz.trig"
R = "https://w3id.org/dipkg/resource/"
LAVROV, MEKDAD, SAFADI = f"{R}person/sergey-lavrov", f"{R}person/faisal-mekdad", f"{R}person/ayman-safadi"
SHOUKRY, GUTERRES = f"{R}person/sameh-shoukry", f"{R}person/antonio-guterres"


@pytest.fixture(scope="module")
def stats():
    return graph_stats(load_dataset([FIXTURE]))


def test_counts_per_class(stats):
    assert dict(stats.counts) == {"Person": 5, "Organization": 2, "Country": 4, "Place": 2,
                                  "PhoneCall": 1, "Meeting": 4, "Statement": 4, "Topic": 7}
    assert stats.articles == 3
    assert stats.triples == 247


@pytest.mark.parametrize(("actor", "meetings", "partners", "strength"), [
    (SAFADI, 3, 3, 5),
    (MEKDAD, 3, 3, 5),
    (LAVROV, 3, 2, 4),
    (SHOUKRY, 2, 3, 3),
    (GUTERRES, 1, 1, 1),
])
def test_actor_figures(stats, actor, meetings, partners, strength):
    rank = next(a for a in stats.actors if a.iri == actor)
    assert (rank.meetings, rank.partners, rank.strength) == (meetings, partners, strength)


def test_most_meetings_first_and_the_bridge_has_the_highest_betweenness(stats):
    assert [a.iri for a in stats.actors[:3]] == [SAFADI, MEKDAD, LAVROV]
    assert max(stats.actors, key=lambda a: a.betweenness).iri == SHOUKRY  # the only way to Guterres
    assert next(a for a in stats.actors if a.iri == GUTERRES).betweenness == 0


def test_communities_split_the_two_groups_and_are_stable():
    first, second = (graph_stats(load_dataset([FIXTURE]), seed=3) for _ in range(2))
    groups = [{m.iri for m in c.members} for c in first.communities]
    assert groups == [{LAVROV, MEKDAD, SAFADI}, {SHOUKRY, GUTERRES}]
    assert first == second
    assert {a.iri: a.community for a in first.actors}[SHOUKRY] == 2


def test_top_limits_the_actors_listed():
    assert len(graph_stats(load_dataset([FIXTURE]), top=2).actors) == 2


def test_table_lines_up_columns_and_ends_rows_with_the_arabic_name(stats):
    table = format_stats(stats, "table")
    rows = [line for line in table.splitlines() if line.lstrip().startswith(("#", "1 ", "2 ", "3 "))][:4]
    assert rows[0].split()[-2:] == ["name", "الاسم"]
    assert rows[1].endswith("أيمن الصفدي") and rows[2].endswith("فيصل المقداد")
    assert len({row.index("Person") for row in rows[1:]}) == 1
    assert "1. 3 actors: أيمن الصفدي، فيصل المقداد، سيرغي لافروف" in table


def test_json_carries_the_same_figures(stats):
    data = json.loads(format_stats(stats, "json"))
    assert data["counts"]["Statement"] == 4
    assert data["central_actors"][0]["label_ar"] == "أيمن الصفدي"
    assert [c["size"] for c in data["communities"]] == [3, 2]


def test_unknown_format_lists_the_valid_ones(stats):
    with pytest.raises(UsageError, match="json, table"):
        format_stats(stats, "yaml")


@pytest.mark.parametrize(("text", "width"), [
    ("سامح", 4),
    ("نُشدِّد", 4),  # marks take no column
    ("\u2066SANA\u2069", 4),  # nor do isolates
    ("北京", 4),
    ("", 0),
])
def test_display_width(text, width):
    assert display_width(text) == width


def test_stats_command_prints_json():
    result = subprocess.run([sys.executable, "-m", "kg", "stats", "--graph", str(FIXTURE), "--format", "json",
                             "--top", "1"], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    data = json.loads(result.stdout.decode("utf-8"))
    assert [a["label_en"] for a in data["central_actors"]] == ["Ayman Safadi"]


def test_stats_command_needs_a_graph():
    result = subprocess.run([sys.executable, "-m", "kg", "stats"], capture_output=True, check=False)
    assert result.returncode == 2
    assert "no graph given" in result.stderr.decode("utf-8")


def test_an_empty_graph_has_nothing_to_rank():
    from rdflib import Dataset

    stats = graph_stats(Dataset())
    assert stats.actors == () and stats.communities == ()
    table = format_stats(stats)
    assert "(no actors)" in table and "(no two actors met)" in table


@pytest.mark.parametrize("trial", range(12))
def test_betweenness_is_networkx_s_to_the_last_bit(trial):
    # kg.stats computes it over numbered lists (an archive's network has 270k edges): the same
    # sources, the same Dijkstra and sums, so the same floats, sampled or exact
    import math
    import random

    import networkx as nx

    from kg.stats import betweenness_centrality

    chance = random.Random(trial)
    graph = nx.gnm_random_graph(chance.randint(2, 60), chance.randint(1, 300), seed=trial)
    graph = nx.relabel_nodes(graph, {node: f"actor/{chance.random()}" for node in graph})
    for first, second in graph.edges:
        graph.edges[first, second]["distance"] = 1.0 / chance.choice([1, 1, 2, 3, 4, 7])
    for sample in (None, 1, 2, 5):
        if sample is not None and sample > len(graph):
            continue
        expected = nx.betweenness_centrality(graph, k=sample, weight="distance", normalized=True, seed=3)
        found = betweenness_centrality(graph, sample, 3)
        assert list(found) == list(expected)
        assert all(found[n] == expected[n] or (math.isnan(found[n]) and math.isnan(expected[n])) for n in expected)
