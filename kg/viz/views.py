"""What the page shows, as networkx graphs: the full graph, the actor network, one actor's neighbourhood.

A view is an `nx.MultiDiGraph` whose nodes and edges carry what the page needs and nothing of
RDF or of vis-network:

- node: `class`, `label` (Arabic, whole), `label_en`, `alt_labels`, `degree` (in the whole view,
  before any `--max-nodes` cut), `topics` (topic keys, for the topic filter) and `rows`, the
  tooltip as `(field, value)` pairs where value is a string or a tuple of strings;
- edge (keyed by relation): `relation`, `weight`, `topics` (actor network only) and `rows`; edges
  point the way their relation reads ("X شارك في meeting", "X قال statement");
- graph: `view` (its name), `focus` (the actor of an `actor:` view), `total_nodes`, `notes`
  (`(arabic, english)` sentences the page shows above the legend).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset

from kg.errors import UsageError
from kg.network import (
    ACTOR_CLASSES,
    MEETING_CLASSES,
    actor_network,
    compact_iri,
    fact_graph,
    find_actor,
    related,
    topic_key,
)

ASSETS = Path(__file__).resolve().parent / "assets"
VIEW_CHOICES = ("full", "actors", "actor:NAME")
_EVENT_CLASSES = (*MEETING_CLASSES, "Statement")


@cache
def vocabulary() -> dict[str, Any]:
    """Class styles, relation wording, meeting kinds and tooltip field names (assets/vocabulary.json)."""
    return json.loads((ASSETS / "vocabulary.json").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """Which view to draw: `full`, `actors`, or `actor` with the actor's name or IRI."""

    kind: str
    actor: str = ""

    @classmethod
    def parse(cls, text: str) -> ViewSpec:
        """`full`, `actors` or `actor:NAME` (NAME a label in any spelling, or an IRI)."""
        text = text.strip()
        if text in ("full", "actors"):
            return cls(text)
        if text.startswith("actor:"):
            name = text[len("actor:"):].strip()
            if not name:
                raise UsageError("--view actor:NAME needs a name or IRI after 'actor:', e.g. actor:لافروف")
            return cls("actor", name)
        raise UsageError(f"unknown view {text!r}; expected one of: {', '.join(VIEW_CHOICES)}")

    def __str__(self) -> str:
        return f"actor:{self.actor}" if self.kind == "actor" else self.kind


def build_view(source: Dataset | nx.MultiDiGraph, spec: ViewSpec | str = "full",
               max_nodes: int | None = None) -> nx.MultiDiGraph:
    """The graph one view shows, cut to the `max_nodes` most connected nodes when given."""
    spec = ViewSpec.parse(spec) if isinstance(spec, str) else spec
    if max_nodes is not None and max_nodes < 1:
        raise UsageError(f"--max-nodes must be a positive number, not {max_nodes}")
    facts = source if isinstance(source, nx.MultiDiGraph) else fact_graph(source)
    if spec.kind == "actors":
        view = _actors_view(facts)
    else:
        view = _full_view(facts)
        if spec.kind == "actor":
            view = _neighbourhood(view, facts, find_actor(facts, spec.actor))
    view.graph["view"] = str(spec)
    for node, degree in view.degree():
        view.nodes[node]["degree"] = degree
    view.graph["total_nodes"] = view.number_of_nodes()
    return _keep_most_connected(view, max_nodes) if max_nodes is not None else view


# ---------------------------------------------------------------------------------------------
# The full view


def _full_view(facts: nx.MultiDiGraph) -> nx.MultiDiGraph:
    relations = vocabulary()["relations"]
    topics = _node_topics(facts)
    view = nx.MultiDiGraph(view="full", notes=[], focus="")
    for node, data in facts.nodes(data=True):
        view.add_node(node, **{"class": data["class"]}, label=data["label_ar"], label_en=data["label_en"],
                      alt_labels=data["alt_labels"], topics=tuple(sorted(topics.get(node, ()))),
                      rows=tuple(_node_rows(facts, node)))
    for source, target, relation in facts.edges(keys=True):
        if relations[relation]["reverse"]:
            source, target = target, source
        view.add_edge(source, target, key=relation, relation=relation, weight=1, topics=(), rows=())
    return view


def _node_topics(facts: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Topic keys per node: an event's own topics; an actor's or place's from its events; a
    country's or organisation's also from the persons who represent it; a topic is itself."""
    topics: dict[str, set[str]] = {}
    for node, data in facts.nodes(data=True):
        if data["class"] == "Topic":
            topics.setdefault(node, set()).add(topic_key(node))
        if data["class"] not in _EVENT_CLASSES:
            continue
        own = {topic_key(t) for t in related(facts, node, "topic")}
        topics.setdefault(node, set()).update(own)
        for relation in ("participant", "speaker", "addressee", "location"):
            for other in related(facts, node, relation):
                topics.setdefault(other, set()).update(own)
    for person, represented, relation in facts.edges(keys=True):
        if relation == "represents":
            topics.setdefault(represented, set()).update(topics.get(person, ()))
    return topics


def _node_rows(facts: nx.MultiDiGraph, node: str) -> list[tuple[str, str | tuple[str, ...]]]:
    data = facts.nodes[node]
    kind = data["class"]
    rows: list[tuple[str, str | tuple[str, ...]]] = []

    def labels(relation: str, incoming: bool = False) -> tuple[str, ...]:
        nodes = (sorted(s for s, _, k in facts.in_edges(node, keys=True) if k == relation) if incoming
                 else related(facts, node, relation))
        return tuple(_label(facts, other) for other in nodes)

    def add(field: str, value: str | tuple[str, ...] | None) -> None:
        if value:
            rows.append((field, value))

    if kind in MEETING_CLASSES:
        meeting_kind = vocabulary()["meeting_kinds"].get(data.get("meeting_kind", ""))
        add("kind", f"{meeting_kind['ar']} ({meeting_kind['en']})" if meeting_kind else data.get("meeting_kind"))
        add("date", data.get("date"))
        add("place", labels("location"))
        add("participants", labels("participant"))
        add("topics", labels("topic"))
        add("sources", _articles(facts, data))
        add("evidence", data.get("evidence"))
    elif kind == "Statement":
        add("words", data.get("quote"))
        if "direct" in data:
            form = vocabulary()["direct"][str(data["direct"]).lower()]
            add("direct", f"{form['ar']} ({form['en']})")
        add("speaker", labels("speaker"))
        add("addressee", labels("addressee"))
        add("during", labels("madeDuring"))
        add("topics", labels("topic"))
        add("article", _articles(facts, data))
        add("evidence", data.get("evidence"))
    elif kind in ACTOR_CLASSES:
        add("roles", data.get("roles"))
        add("represents", labels("represents"))
        add("meetings", str(len(labels("participant", incoming=True)) or ""))
        add("statements", str(len(labels("speaker", incoming=True)) or ""))
    elif kind == "Place":
        add("meetings", str(len(labels("location", incoming=True)) or ""))
    elif kind == "Topic":
        incoming = [s for s, _, k in facts.in_edges(node, keys=True) if k == "topic"]
        add("meetings", str(sum(facts.nodes[s]["class"] in MEETING_CLASSES for s in incoming) or ""))
        add("statements", str(sum(facts.nodes[s]["class"] == "Statement" for s in incoming) or ""))
    add("wikidata", data.get("wikidata"))
    add("iri", compact_iri(node))
    return rows


def _label(facts: nx.MultiDiGraph, node: str) -> str:
    data = facts.nodes[node]
    return f"{data['label_ar']} ({data['label_en']})" if data["label_en"] else data["label_ar"]


def _articles(facts: nx.MultiDiGraph, data: dict) -> tuple[str, ...]:
    articles = facts.graph.get("articles", {})
    described = []
    for iri in data.get("sources", ()):
        fields = articles.get(iri, {})
        parts = [fields.get("title") or compact_iri(iri), fields.get("date", ""), fields.get("publisher", "")]
        described.append(" — ".join(part for part in parts if part))
    return tuple(described)


# ---------------------------------------------------------------------------------------------
# The actor network and one actor's neighbourhood


def _actors_view(facts: nx.MultiDiGraph) -> nx.MultiDiGraph:
    network = actor_network(facts)
    isolated = [actor for actor in network if network.degree(actor) == 0]
    view = nx.MultiDiGraph(view="actors", notes=[], focus="")
    if isolated:
        view.graph["notes"].append((
            f"لا تظهر {len(isolated)} جهة لم تشارك في أي لقاء مع جهة أخرى.",
            f"{len(isolated)} actors who met no other actor are not shown.",
        ))
    topic_labels = {topic_key(n): _label(facts, n) for n, d in facts.nodes(data=True) if d["class"] == "Topic"}
    for actor in network:
        if network.degree(actor) == 0:
            continue
        data = facts.nodes[actor]
        met = sorted(network.neighbors(actor))
        topics = sorted({t for other in met for t in network.edges[actor, other]["topics"]})
        meetings = {m for other in met for m in network.edges[actor, other]["meetings"]}
        # the full view's counts are replaced by what this view is about; the IRI stays last
        rows = [row for row in _node_rows(facts, actor) if row[0] not in ("meetings", "statements")]
        rows[-1:-1] = [("meetings", str(len(meetings))), ("participants", tuple(_label(facts, o) for o in met)),
                       ("topics", tuple(topic_labels.get(t, t) for t in topics))]
        view.add_node(actor, **{"class": data["class"]}, label=data["label_ar"], label_en=data["label_en"],
                      alt_labels=data["alt_labels"], topics=tuple(topics), rows=tuple(rows))
    for first, second, data in network.edges(data=True):
        rows = (
            ("weight", str(data["weight"])),
            ("topics", tuple(topic_labels.get(t, t) for t in data["topics"])),
            ("meetings", tuple(_meeting_line(facts, m) for m in data["meetings"])),
        )
        view.add_edge(first, second, key="met", relation="met", weight=data["weight"],
                      topics=tuple(data["topics"]), rows=rows)
    return view


def _meeting_line(facts: nx.MultiDiGraph, meeting: str) -> str:
    data = facts.nodes[meeting]
    return f"{data.get('date', '')} {data['label_ar']}".strip()


def _neighbourhood(view: nx.MultiDiGraph, facts: nx.MultiDiGraph, actor: str) -> nx.MultiDiGraph:
    """The actor, everything linked to it, and for its meetings and statements everything linked
    to them (participants, places, topics): not the rest of a topic's or a country's world."""
    undirected = view.to_undirected(as_view=True)
    near = set(undirected.neighbors(actor))
    keep = {actor} | near
    for node in near:
        if view.nodes[node]["class"] in _EVENT_CLASSES:
            keep.update(undirected.neighbors(node))
    sub = view.subgraph(sorted(keep)).copy()
    label = _label(facts, actor)
    sub.graph.update(focus=actor, notes=[(f"محيط {facts.nodes[actor]['label_ar']}",
                                          f"Neighbourhood of {label}")])
    return sub


# ---------------------------------------------------------------------------------------------
# --max-nodes


def _keep_most_connected(view: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    if view.number_of_nodes() <= max_nodes:
        return view
    focus = view.graph.get("focus", "")
    ranked = sorted(view.nodes, key=lambda n: (n != focus, -view.nodes[n]["degree"], n))
    kept = ranked[:max_nodes]
    left_out = Counter(view.nodes[n]["class"] for n in ranked[max_nodes:])
    sub = view.subgraph(kept).copy()
    classes = vocabulary()["classes"]
    total, dropped = view.number_of_nodes(), view.number_of_nodes() - max_nodes
    which_ar = "، ".join(f"{count} من نوع «{classes[c]['ar']}»" for c, count in left_out.most_common())
    which_en = ", ".join(f"{classes[c]['en']}: {count:,}" for c, count in left_out.most_common())
    sub.graph["notes"] = [*view.graph.get("notes", ()), (
        f"تعرض الصفحة {max_nodes} عقدة من أصل {total} (الأكثر ارتباطاً، ‎--max-nodes {max_nodes}‎)؛ "
        f"لم تُعرض {dropped}: {which_ar}.",
        f"Showing the {max_nodes:,} most connected of {total:,} nodes (--max-nodes {max_nodes}); "
        f"left out {dropped:,}: {which_en}.",
    )]
    sub.graph["left_out"] = dict(left_out)
    return sub
