"""The views (what each page shows) and the page itself, without a browser (see tests/browser)."""

from __future__ import annotations

import json
import math
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import UsageError
from kg.sources import load_dataset
from kg.viz import ViewSpec, build_view, render_html, write_viz
from kg.viz.html import LABEL_LENGTH, _canvas_label, _strays
from kg.viz.layout import initial_positions

FIXTURE = Path(__file__).parent / "fixtures" / "viz.trig"
R = "https://w3id.org/dipkg/resource/"
T = "https://w3id.org/dipkg/topic/"
LAVROV, SAFADI, SHOUKRY = f"{R}person/sergey-lavrov", f"{R}person/ayman-safadi", f"{R}person/sameh-shoukry"
GUTERRES = f"{R}person/antonio-guterres"
XSS = "<img src=x onerror=alert(1)>"
SCRIPT_END = "</script><script>alert(2)</script>"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset([FIXTURE])


def page_data(html: str) -> dict:
    """The JSON the page hands to its script, read back the way the browser reads it."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "the page has no data block"
    return json.loads(match.group(1))


# --- views ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "spec"), [
    ("full", ViewSpec("full")),
    ("actors", ViewSpec("actors")),
    ("actor:لافروف", ViewSpec("actor", "لافروف")),
    ("actor: سامح شكري ", ViewSpec("actor", "سامح شكري")),
    ("actor:dipr:person/x", ViewSpec("actor", "dipr:person/x")),
])
def test_view_names(text, spec):
    assert ViewSpec.parse(text) == spec


@pytest.mark.parametrize(("text", "message"), [
    ("everything", "unknown view 'everything'; expected one of: full, actors, actor:NAME"),
    ("actors:x", "unknown view 'actors:x'"),
    ("", "unknown view ''"),
    ("actor:", "--view actor:NAME needs a name or IRI after 'actor:'"),
])
def test_unknown_views_are_refused_with_the_choices(text, message):
    with pytest.raises(UsageError) as caught:
        ViewSpec.parse(text)
    assert message in str(caught.value)


def test_full_view_has_every_node_and_reads_edges_the_way_the_relation_does(dataset):
    view = build_view(dataset, "full")
    assert (view.number_of_nodes(), view.number_of_edges()) == (29, 42)
    meeting = f"{R}meeting/2023-03-10-a1b2c3d4e5"
    assert view.has_edge(LAVROV, meeting, key="participant")  # "لافروف شارك في" the meeting
    assert view.has_edge(LAVROV, f"{R}statement/0a0a0a0a0a01", key="speaker")  # "لافروف قال" it
    assert view.has_edge(meeting, f"{R}place/moscow-524901", key="location")
    assert view.nodes[LAVROV]["degree"] == 7


@pytest.mark.parametrize(("node", "field", "value"), [
    (f"{R}meeting/2023-03-15-c1d2e3f4a5", "date", "2023-03-15"),
    (f"{R}meeting/2023-03-15-c1d2e3f4a5", "place", ("عَمّان (Amman)",)),
    (f"{R}meeting/2023-03-15-c1d2e3f4a5", "participants",
     ("أيمن الصفدي (Ayman Safadi)", "فيصل المقداد (Faisal Mekdad)", "سامح شكري (Sameh Shoukry)")),
    (f"{R}meeting/2023-03-12-b7c8d9e0f1", "kind", "اتصال هاتفي (phone call)"),
    (f"{R}statement/0a0a0a0a0a01", "words", XSS),
    (f"{R}statement/0a0a0a0a0a01", "speaker", ("سيرغي لافروف (Sergey Lavrov)",)),
    (f"{R}statement/0a0a0a0a0a03", "addressee", ("سيرغي لافروف (Sergey Lavrov)",)),
    (f"{R}statement/0a0a0a0a0a03", "direct", "كلام منقول (reported speech)"),
    (LAVROV, "roles", ("وزير الخارجية",)),
    (LAVROV, "meetings", "3"),
])
def test_tooltip_rows(dataset, node, field, value):
    rows = dict(build_view(dataset, "full").nodes[node]["rows"])
    assert rows[field] == value


def test_meeting_tooltip_names_every_source_article(dataset):
    rows = dict(build_view(dataset, "full").nodes[f"{R}meeting/2023-03-15-c1d2e3f4a5"]["rows"])
    assert len(rows["sources"]) == 2
    assert rows["sources"][1] == "غوتيريش يلتقي شكري ويدعو إلى تثبيت التهدئة — 2023-03-18 — نشرة المثال"


@pytest.mark.parametrize(("node", "topics"), [
    (f"{R}meeting/2023-03-12-b7c8d9e0f1", ("refugees",)),
    (GUTERRES, ("ceasefire",)),
    (f"{R}org/un", ("ceasefire",)),  # through Guterres, who represents it
    (f"{R}place/amman-250441", ("humanitarian-aid", "refugees")),
    (f"{T}security", ("security",)),
    (f"{R}org/sana", ()),
])
def test_topics_each_node_is_filtered_under(dataset, node, topics):
    assert build_view(dataset, "full").nodes[node]["topics"] == topics


def test_actors_view_links_actors_who_met(dataset):
    view = build_view(dataset, "actors")
    assert set(view.nodes) == {LAVROV, SAFADI, SHOUKRY, GUTERRES, f"{R}person/faisal-mekdad"}
    # six pairs met; Safadi and Lavrov also spoke by phone: calls are an edge of their own
    assert view.number_of_edges() == 7
    assert len({frozenset((a, b)) for a, b in view.edges()}) == 6
    (data,) = [d for a, b, d in view.edges(data=True) if {a, b} == {SHOUKRY, GUTERRES}]
    assert data["weight"] == 1 and data["topics"] == ("ceasefire",)
    kinds = {k: d["weight"] for a, b, k, d in view.edges(keys=True, data=True) if {a, b} == {SAFADI, LAVROV}}
    assert kinds == {"met": 1, "call": 1}
    assert "6 actors who met no other actor are not shown." in [en for _, en in view.graph["notes"]]


def two_who_met(days: list[tuple[str | None, tuple[str, ...]]]):
    """Two actors (names written for the test) who met on each of `days`, about the topics given."""
    from rdflib import XSD, Dataset, Literal, URIRef
    from rdflib.namespace import PROV, RDF, RDFS, SKOS

    from kg.rdf.namespaces import DIP, DIPR_IRI, DIPT_IRI

    dataset = Dataset(default_union=True)
    people = [URIRef(f"{DIPR_IRI}person/t-{key}") for key in ("a", "b")]
    names = {"security": "الأمن", "energy": "الطاقة", "trade": "التجارة"}
    for number, (day, topics) in enumerate(days):
        article = URIRef(f"{DIPR_IRI}article/t{number}")
        graph = dataset.graph(article)
        meeting = URIRef(f"{DIPR_IRI}meeting/m{number}")
        graph.add((meeting, RDF.type, DIP.Meeting))
        graph.add((meeting, RDFS.label, Literal(f"لقاء رقم {number}", lang="ar")))
        graph.add((meeting, PROV.wasDerivedFrom, article))
        if day:
            graph.add((meeting, DIP.date, Literal(day, datatype=XSD.date)))
        for person, name in zip(people, ("هاني الراشد", "سعاد المنصور"), strict=True):
            graph.add((meeting, DIP.participant, person))
            graph.add((person, RDF.type, DIP.Person))
            graph.add((person, RDFS.label, Literal(name, lang="ar")))
        for key in topics:
            graph.add((meeting, DIP.topic, URIRef(f"{DIPT_IRI}{key}")))
            graph.add((URIRef(f"{DIPT_IRI}{key}"), RDF.type, DIP.Topic))
            graph.add((URIRef(f"{DIPT_IRI}{key}"), SKOS.prefLabel, Literal(names[key], lang="ar")))
    return dataset


def test_a_link_tooltip_counts_its_topics_and_names_its_latest_meetings(monkeypatch):
    from kg.viz import views

    dataset = two_who_met([("2023-01-05", ("security",)), ("2023-03-01", ("security", "energy")),
                           (None, ("trade",)), ("2023-02-11", ("security", "energy"))])
    ((_, _, data),) = build_view(dataset, "actors").edges(data=True)
    rows = dict(data["rows"])
    assert rows["weight"] == "4" and data["topics"] == ("energy", "security", "trade")
    assert rows["topics"] == ("الأمن ×3", "الطاقة ×2", "التجارة ×1")  # the most frequent first
    assert rows["meetings"] == ("2023-03-01 لقاء رقم 1", "2023-02-11 لقاء رقم 3", "2023-01-05 لقاء رقم 0", "… +1")
    monkeypatch.setattr(views, "LISTED_TOPICS", 1)
    monkeypatch.setattr(views, "MEETING_LINE", 12)
    ((_, _, data),) = build_view(dataset, "actors").edges(data=True)
    rows = dict(data["rows"])
    assert rows["topics"] == ("الأمن ×3", "… +2")
    assert rows["meetings"][0] == "2023-03-01…"  # cut: a summit's label names everyone there


@pytest.mark.parametrize(("name", "inside", "outside"), [
    ("غوتيريش", {GUTERRES, SHOUKRY, f"{R}org/un", f"{R}statement/0a0a0a0a0a04", f"{T}ceasefire"},
     {LAVROV, SAFADI, f"{T}refugees"}),
    ("ايمن الصفدى", {SAFADI, LAVROV, SHOUKRY, f"{R}place/amman-250441", f"{R}country/JO"},
     {GUTERRES, f"{R}country/RU", f"{R}statement/0a0a0a0a0a01"}),
])
def test_actor_view_is_the_actors_neighbourhood(dataset, name, inside, outside):
    view = build_view(dataset, f"actor:{name}")
    assert inside <= set(view.nodes)
    assert not outside & set(view.nodes)


def test_actor_view_of_an_unknown_actor_is_a_usage_error(dataset):
    with pytest.raises(UsageError, match="no actor in the graph is called 'زيد'"):
        build_view(dataset, "actor:زيد")


def test_max_nodes_keeps_the_most_connected_and_says_what_was_left_out(dataset):
    view = build_view(dataset, "full", max_nodes=10)
    full = build_view(dataset, "full")
    assert view.number_of_nodes() == 10
    lowest_kept = min(full.nodes[n]["degree"] for n in view)
    assert all(full.nodes[n]["degree"] <= lowest_kept for n in full if n not in view)
    assert sum(view.graph["left_out"].values()) == 19
    ar, en = view.graph["notes"][-1]
    assert "Showing the 10 most connected of 29 nodes (--max-nodes 10); left out 19" in en
    assert "من أصل 29" in ar


def test_max_nodes_keeps_the_actor_of_an_actor_view(dataset):
    view = build_view(dataset, "actor:سانا", max_nodes=1)
    assert list(view.nodes) == [f"{R}org/sana"]


def test_max_nodes_must_be_positive(dataset):
    with pytest.raises(UsageError, match="--max-nodes"):
        build_view(dataset, "full", max_nodes=0)


# --- the page ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(dataset):
    return render_html(build_view(dataset, "full"))


def test_page_is_self_contained(page):
    assert not re.search(r"""(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", page, re.I)
    assert "@import" not in page
    assert "<link" not in page
    assert "vis.Network" in page and "vis-network" in page  # the library itself is inlined
    assert "default-src 'none'" in page  # and the page may fetch nothing


def test_article_text_never_reaches_the_page_as_markup(page):
    assert XSS not in page
    assert SCRIPT_END not in page
    assert "onerror=alert" in page  # it is there, as escaped data
    quotes = {row[1] for node in page_data(page)["nodes"] for row in node["rows"] if row[0] == "words"}
    assert XSS in quotes
    assert any(SCRIPT_END in quote and '"' in quote and "'" in quote for quote in quotes)


def test_page_data_holds_the_view(dataset, page):
    data = page_data(page)
    view = build_view(dataset, "full")
    assert {node["id"] for node in data["nodes"]} == set(view.nodes)
    assert len(data["edges"]) == view.number_of_edges()
    lavrov = next(node for node in data["nodes"] if node["id"] == LAVROV)
    assert (lavrov["label"], lavrov["en"], lavrov["group"]) == ("سيرغي لافروف", "Sergey Lavrov", "Person")
    assert {edge["label"] for edge in data["edges"]} >= {"شارك في", "قال", "تناول", "عُقد في"}


def test_legend_and_topic_filter_use_arabic_labels(page):
    assert re.search(r'data-class="PhoneCall"[^>]*>\s*<svg', page)
    assert "اتصال هاتفي" in page
    assert re.search(r'<option value="refugees">اللاجئون · refugees \(\d+\)</option>', page)


@pytest.mark.parametrize(("label", "drawn"), [
    ("سيرغي لافروف", "سيرغي لافروف"),
    ("SANA", "\u2066SANA\u2069"),  # isolated left-to-right inside the right-to-left canvas
    ("«UN» الأمم المتحدة", "\u2066«UN» الأمم المتحدة\u2069"),
    ("ا" * 60, "ا" * (LABEL_LENGTH - 1) + "…"),
])
def test_canvas_labels(label, drawn):
    assert _canvas_label(label) == drawn


def test_write_viz_summary(dataset, tmp_path):
    summary = write_viz(dataset, tmp_path / "out" / "graph.html", view="actors")
    assert (summary.nodes, summary.edges, summary.view) == (5, 7, "actors")
    assert summary.path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- the command ---------------------------------------------------------------------------------------


def run_kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, env=env, check=False)


def test_viz_writes_utf8_under_a_c_locale(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHON"))}
    env.update(LANG="C", LC_ALL="C", PYTHONUTF8="0", PYTHONIOENCODING="ascii")
    out = tmp_path / "graph.html"
    result = run_kg("viz", "--graph", str(FIXTURE), "-o", str(out), "--view", "actor:لافروف", env=env)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = out.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in text
    assert "سيرغي لافروف" in text


@pytest.mark.parametrize(("args", "status", "message"), [
    (["--view", "nowhere"], 2, "unknown view 'nowhere'"),
    (["--view", "actor:زيد"], 2, "no actor in the graph is called"),
    (["--max-nodes", "0"], 2, "--max-nodes must be a positive number"),
])
def test_viz_command_errors(tmp_path, args, status, message):
    result = run_kg("viz", "--graph", str(FIXTURE), "-o", str(tmp_path / "x.html"), *args)
    assert result.returncode == status
    assert message in result.stderr.decode("utf-8")
    assert not (tmp_path / "x.html").exists()


def test_viz_command_names_a_missing_graph_file(tmp_path):
    result = run_kg("viz", "--graph", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "x.html"))
    assert result.returncode == 1
    assert "missing.ttl: no such graph file" in result.stderr.decode("utf-8")


def test_viz_command_prints_what_it_wrote(tmp_path):
    result = run_kg("viz", "--graph", str(FIXTURE), "-o", str(tmp_path / "g.html"), "--view", "full",
                    "--max-nodes", "12")
    assert result.returncode == 0
    assert "view full, 12 nodes (of 29" in result.stdout.decode("utf-8")


# --- starting layout and strays ------------------------------------------------------------------


def two_groups_and_strays() -> nx.MultiDiGraph:
    """Two tight groups of twelve joined by one edge, a pair apart, and a node with no link."""
    view = nx.MultiDiGraph(focus="")
    groups = {"a": [f"a{i:02d}" for i in range(12)], "b": [f"b{i:02d}" for i in range(12)]}
    for members in groups.values():
        for node in members:
            view.add_node(node, **{"class": "Person"})
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                view.add_edge(first, second, key="met")
    view.add_edge("a00", "b00", key="met")
    view.add_node("pair1", **{"class": "Person"})
    view.add_node("pair2", **{"class": "Country"})
    view.add_edge("pair1", "pair2", key="represents")
    view.add_node("alone", **{"class": "Organization"})
    return view


def test_starting_layout_keeps_groups_together_and_is_the_same_every_time():
    view = two_groups_and_strays()
    positions = initial_positions(view)
    assert set(positions) == set(view.nodes)
    assert positions == initial_positions(view)
    within = statistics.mean(math.dist(positions[a], positions[b]) for a in view for b in view
                             if a != b and a[0] == b[0] and a[0] in "ab")
    across = statistics.mean(math.dist(positions[a], positions[b]) for a in view for b in view
                             if a[0] == "a" and b[0] == "b")
    assert within < across / 2


def test_strays_are_lone_nodes_and_tiny_groups_apart_from_the_network():
    strays = _strays(two_groups_and_strays())
    assert set(strays) == {"pair1", "pair2", "alone"}
    assert strays["pair1"] == strays["pair2"] != strays["alone"]


def test_no_strays_without_a_network_to_tuck_them_under():
    view = two_groups_and_strays()
    view.remove_nodes_from([n for n in list(view) if n[0] == "b" or n in ("a10", "a11", "a09")])
    assert _strays(view) == {}  # the largest part has nine nodes


def test_the_focus_of_an_actor_view_is_never_a_stray():
    view = two_groups_and_strays()
    view.graph["focus"] = "alone"
    assert "alone" not in _strays(view)


def test_viz_and_stats_read_an_embedded_store(tmp_path):
    import pyoxigraph

    store_dir = tmp_path / "store"
    store = pyoxigraph.Store(str(store_dir))
    store.load(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store  # close it: kg opens the store read-only
    viz = run_kg("viz", "--store", str(store_dir), "-o", str(tmp_path / "g.html"), "--view", "actors")
    assert viz.returncode == 0, viz.stderr.decode("utf-8")
    assert "view actors, 5 nodes" in viz.stdout.decode("utf-8")
    stats = run_kg("stats", "--store", str(store_dir), "--format", "json")
    assert json.loads(stats.stdout.decode("utf-8"))["counts"]["Statement"] == 4
