"""What the page shows, as networkx graphs: the full graph, the actor network, one actor's neighbourhood.

A view is an `nx.MultiDiGraph` whose nodes and edges carry what the page needs and nothing of
RDF or of vis-network:

- node: `class`, `label` (Arabic, whole), `label_en`, `alt_labels`, `degree` (in the whole view,
  before any `--max-nodes` cut), `topics` (topic keys, for the topic filter) and `rows`, the
  tooltip as `(field, value)` pairs where value is a string or a tuple of strings;
- edge (keyed by relation): `relation`, `weight`, `topics` (actor network only) and `rows`; edges
  point the way their relation reads ("X شارك في meeting", "X قال statement");
- graph: `view` (its name), `focus` (the actor of an `actor:` view), `total_nodes`, `notes`
  (`(arabic, english)` sentences the page shows above the legend), and `left_out`, the names of
  the actors a cut left out (the page's search still finds them).

A graph of up to READ_WHOLE nodes is read whole and cut in memory. A larger one (an archive) is
never read whole: the nodes a page can hold are chosen in the store (the most connected: counts
grouped by SPARQL; the actor network from one SELECT of each meeting's actors), then only those
are read, with what the rest of the graph says of them (kg.network.fact_graph). A large view is
cut to DEFAULT_MAX_NODES nodes and DEFAULT_MAX_EDGES links unless --max-nodes / --max-edges
say otherwise, and the page says what was left out.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.engine import Engine, as_engine, distinct, labels, select_for
from kg.errors import UsageError
from kg.network import (
    ACTOR_CLASSES,
    EVENT_CLASSES,
    MEETING_CLASSES,
    RELATIONS,
    MeetingActors,
    actor_classes,
    actor_names,
    class_counts,
    classify,
    compact_iri,
    fact_graph,
    find_actor,
    meeting_actors_of,
    names,
    node_count,
    nodes_of,
    one_of,
    related,
    topic_key,
)
from kg.viz import timeline

ASSETS = Path(__file__).resolve().parent / "assets"
VIEW_CHOICES = ("full", "actors", "actor:NAME")
DEFAULT_MAX_NODES = 2000  # a larger view shows its most connected nodes only, unless --max-nodes says
DEFAULT_MAX_EDGES = 5000  # and its strongest links only, unless --max-edges says
READ_WHOLE = 20_000  # graphs with at most this many nodes are read whole; larger ones are chosen from in the store
LISTED = 25  # the longest list a tooltip row holds (an actor's partners) before "+N"
LISTED_MEETINGS = 3  # the latest meetings a link's tooltip names (each a line), before "+N"
MEETING_LINE = 100  # characters of a meeting's line in a link's tooltip
LISTED_TOPICS = 5  # the topics a link's tooltip names (the most frequent, each with its count), before "+N"
_RELATION_VALUES = " ".join(f"<{iri}>" for iri in RELATIONS)


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


def build_view(source, spec: ViewSpec | str = "full", max_nodes: int | None = None,
               max_edges: int | None = None, *, size: int | None = None) -> nx.MultiDiGraph:
    """The graph one view shows, cut to the `max_nodes` most connected nodes and the `max_edges`
    strongest links (by default, DEFAULT_MAX_NODES and DEFAULT_MAX_EDGES for a larger view).

    `source` is an engine (kg.engine), anything kg.engine.as_engine takes (an rdflib Dataset, a
    pyoxigraph Store), or a fact graph read whole (kg.network.fact_graph); `size`, its number of
    nodes where the caller has counted them already."""
    spec = ViewSpec.parse(spec) if isinstance(spec, str) else spec
    for option, value in (("--max-nodes", max_nodes), ("--max-edges", max_edges)):
        if value is not None and value < 1:
            raise UsageError(f"{option} must be a positive number, not {value}")
    engine: Engine | None = None
    if isinstance(source, nx.MultiDiGraph):
        facts: nx.MultiDiGraph | None = source
    else:
        engine = as_engine(source)
        size = node_count(engine) if size is None else size
        facts = fact_graph(engine) if size <= READ_WHOLE else None
    if spec.kind == "actors":
        view = _actors_view(engine, facts, max_nodes, max_edges)
    elif facts is not None:
        view = _full_view(facts)
        if spec.kind == "actor":
            view = _neighbourhood(view, facts, find_actor(facts, spec.actor))
        _set_degrees(view)
        view = _keep_most_connected(view, _limit(max_nodes, view.number_of_nodes()))
    elif spec.kind == "full":
        view = _full_view_in_store(engine, max_nodes)
    else:
        view = _neighbourhood_in_store(engine, spec.actor, max_nodes)
    view.graph["view"] = str(spec)
    if spec.kind == "actors":  # cut by pairs already (a pair's meetings and calls are two edges)
        return view
    return _keep_strongest(view, _limit(max_edges, view.number_of_edges(), default=DEFAULT_MAX_EDGES))


def _limit(given: int | None, size: int, default: int | None = None) -> int | None:
    """The cut to make: the one asked for, else the default (of nodes, unless said) where the view is larger."""
    if given is not None:
        return given
    default = DEFAULT_MAX_NODES if default is None else default
    return default if size > default else None


def _set_degrees(view: nx.MultiDiGraph) -> None:
    for node, degree in view.degree():
        view.nodes[node]["degree"] = degree
    view.graph["total_nodes"] = view.number_of_nodes()


# ---------------------------------------------------------------------------------------------
# The full view


def _full_view(facts: nx.MultiDiGraph) -> nx.MultiDiGraph:
    relations = vocabulary()["relations"]
    view = nx.MultiDiGraph(view="full", notes=[], focus="")
    for node, data in facts.nodes(data=True):
        if data.get("context"):
            continue
        view.add_node(node, **{"class": data["class"]}, label=data["label_ar"], label_en=data["label_en"],
                      alt_labels=data["alt_labels"], topics=data["topics"], rows=tuple(_node_rows(facts, node)),
                      date=_event_date(facts, node))
    for source, target, relation in facts.edges(keys=True):
        if source not in view or target not in view:
            continue
        if relations[relation]["reverse"]:
            source, target = target, source
        view.add_edge(source, target, key=relation, relation=relation, weight=1, topics=(), rows=())
    return view


def _event_date(facts: nx.MultiDiGraph, node: str) -> str:
    """The day of a meeting or statement ('' for other nodes, or when unknown): a statement's is the
    day of the meeting it was made at, else its article's."""
    data = facts.nodes[node]
    if data["class"] in MEETING_CLASSES:
        return data.get("date", "")
    if data["class"] != "Statement":
        return ""
    during = [facts.nodes[m].get("date", "") for m in related(facts, node, "madeDuring")]
    articles = facts.graph.get("articles", {})
    from_articles = sorted(articles.get(a, {}).get("date", "") for a in data.get("sources", ()))
    return next((d for d in during if d), "") or next((d for d in from_articles if d), "")


def _full_view_in_store(engine: Engine, max_nodes: int | None) -> nx.MultiDiGraph:
    """The most connected nodes of a large graph, chosen in the store and read alone."""
    counts = class_counts(engine)
    total = sum(counts.values())
    limit = _limit(max_nodes, total) or total
    degrees = most_connected(engine, limit)
    view = _full_view(fact_graph(engine, degrees))
    for node in view:
        view.nodes[node]["degree"] = degrees[node]
    view.graph["total_nodes"] = total
    if view.number_of_nodes() < total:
        kept = Counter(data["class"] for _, data in view.nodes(data=True))
        _note_cut(view, limit, total, Counter({c: counts[c] - kept[c] for c in counts if counts[c] > kept[c]}))
        _index_left_out(view, engine)
    return view


def most_connected(engine: Engine, limit: int) -> dict[str, int]:
    """The `limit` nodes with the most relations (either way), most first, ties in IRI order,
    with their degree: counted and ranked in the store, only the top read out."""
    relations = f"VALUES ?p {{ {_RELATION_VALUES} }}"
    once = distinct(engine)  # a relation that many graphs of an endpoint state counts once
    counted = (f"{{ SELECT ?n (SUM(?d) AS ?deg) WHERE {{ "
               f"{{ SELECT ?n (COUNT({once}*) AS ?d) WHERE {{ {relations} ?n ?p ?o }} GROUP BY ?n }} UNION "
               f"{{ SELECT ?n (COUNT({once}*) AS ?d) WHERE {{ {relations} ?o ?p ?n }} GROUP BY ?n }} "
               f"}} GROUP BY ?n }}")  # fmt: skip
    query = f"SELECT ?n ?deg WHERE {counted} ORDER BY DESC(?deg) LIMIT {limit}"
    top = [(n.value, int(d.value)) for n, d in engine.select(query) if isinstance(n, ox.NamedNode)]
    if len(top) < limit:  # every node with a relation is in: the rest have none, and come in IRI order
        ranked = sorted(top, key=lambda item: (-item[1], item[0]))
        taken = {n for n, _ in top}
        ranked += [(n, 0) for n in sorted(set(classify(engine)) - taken)[: limit - len(top)]]
        return dict(ranked)
    # ties at the cut: the store's order among equals is arbitrary, IRI order is not; reading the
    # names of the nodes of the lowest degree kept only, and sorting them here, is cheap
    lowest = top[-1][1]
    above = [(n, d) for n, d in top if d > lowest]
    tied = sorted(n.value for (n,) in engine.select(f"SELECT ?n WHERE {{ {counted} FILTER(?deg = {lowest}) }}")
                  if isinstance(n, ox.NamedNode))
    ranked = above + [(n, lowest) for n in tied[: limit - len(above)]]
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return dict(ranked)


def _node_rows(facts: nx.MultiDiGraph, node: str) -> list[tuple[str, str | tuple[str, ...]]]:
    data = facts.nodes[node]
    kind = data["class"]
    incoming = data.get("incoming", {})
    rows: list[tuple[str, str | tuple[str, ...]]] = []

    def labels(relation: str) -> tuple[str, ...]:
        return tuple(_label(facts, other) for other in related(facts, node, relation))

    def add(field: str, value: str | tuple[str, ...] | None) -> None:
        if value:
            rows.append((field, value))

    def counted(key: str) -> str:
        return str(incoming.get(key, 0) or "")

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
    elif kind in ACTOR_CLASSES:  # an archive gives some actors a hundred roles
        add("roles", _listed(list(data.get("roles", ())), LISTED))
        add("represents", _listed(list(labels("represents")), LISTED))
        add("meetings", counted("participant"))
        add("statements", counted("speaker"))
    elif kind == "Place":
        add("meetings", counted("location"))
    elif kind == "Topic":
        add("meetings", counted("topic meetings"))
        add("statements", counted("topic statements"))
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
# The actor network


def _actors_view(engine: Engine | None, facts: nx.MultiDiGraph | None, max_nodes: int | None,
                 max_edges: int | None) -> nx.MultiDiGraph:
    # every actor's statements first: what the store holds to date them is freed before the
    # meetings are read (at 100k articles the two at once would take 1.1 GB, one after the other 0.65)
    actors = actor_classes(engine) if facts is None else dict.fromkeys(nodes_of(facts, ACTOR_CLASSES))
    said = timeline.statements(engine, None if engine is not None else facts, actors)
    if facts is None:  # an archive: the meetings, their actors, topics, days and sources in one SELECT
        found, times = timeline.meetings(engine, actors)
    else:
        found, times = meeting_actors_of(facts), timeline.meeting_times(engine, facts)
    weights = found.weights()
    partners: dict[int, set[int]] = {}
    for first, second in weights:
        partners.setdefault(first, set()).add(second)
        partners.setdefault(second, set()).add(first)
    view = nx.MultiDiGraph(view="actors", notes=[], focus="")
    isolated = len(found.order) - len(partners)
    if isolated:
        view.graph["notes"].append((
            f"لا تظهر {isolated} جهة لم تشارك في أي لقاء مع جهة أخرى.",
            f"{isolated} actors who met no other actor are not shown.",
        ))
    linked = sorted(partners, key=lambda i: (-len(partners[i]), i))
    limit = _limit(max_nodes, len(linked))
    kept = set(linked[:limit] if limit else linked)
    drawn = sorted(found.order[i] for i in kept)
    if facts is None:  # the actors' names and details; their counts and topics come from the network
        facts = fact_graph(engine, drawn, summaries=False, sources=False)
    listed = {i: _partners(found, partners[i], weights, i) for i in kept}
    partner_names = _names_of(engine, facts, {found.order[o] for shown in listed.values() for o in shown[0]})
    # positions follow IRI order, so pairs sort as their actors' IRIs do
    drawn_pairs = sorted((pair, weight) for pair, weight in weights.items() if pair[0] in kept and pair[1] in kept)
    edge_limit = _limit(max_edges, len(drawn_pairs), default=DEFAULT_MAX_EDGES)
    if edge_limit is not None and len(drawn_pairs) > edge_limit:  # the strongest links only: read no more
        strongest = sorted(drawn_pairs, key=lambda item: (-item[1], item[0]))[:edge_limit]
        _note_strongest(view, edge_limit, len(drawn_pairs))
        drawn_pairs = sorted(strongest)
    shared = _shared_meetings(found, {pair for pair, _ in drawn_pairs})
    split = {pair: {kind: [m for m in meetings if (kind == "call") == (m in times and times[m].call)]
                    for kind in ("met", "call")} for pair, meetings in shared.items()}  # fmt: skip
    for kinds in split.values():  # the latest first, undated ones last; a day's in IRI order (a stable sort)
        for meetings in kinds.values():
            meetings.sort(key=lambda m: times[m].date if m in times else "", reverse=True)
    meeting_lines = _meeting_lines(engine, facts, {m for kinds in split.values() for ms in kinds.values()
                                                   for m in ms[:LISTED_MEETINGS]}, times)  # fmt: skip
    actor_topics = {i: sorted(topics) for i, topics in _actor_topics(found, kept).items()}
    used_topics = {t for topics in actor_topics.values() for t in topics}
    topic_names = _topic_names(engine, facts, used_topics)

    def topic_ar(key: str) -> str:
        return topic_names.get(key, key).partition(" (")[0]

    for index in sorted(kept):
        actor = found.order[index]
        data = facts.nodes[actor]
        shown, more = listed[index]
        topics = actor_topics[index]
        participants = tuple(partner_names[found.order[o]] for o in shown) + ((f"… +{more}",) if more else ())
        # the full view's counts are replaced by what this view is about; the IRI stays last
        rows = [row for row in _node_rows(facts, actor) if row[0] not in ("meetings", "statements")]
        rows[-1:-1] = [("meetings", str(len(found.meetings_of(index)))), ("participants", participants),
                       ("topics", tuple(topic_names.get(t, t) for t in topics))]
        view.add_node(actor, **{"class": data["class"]}, label=data["label_ar"], label_en=data["label_en"],
                      alt_labels=data["alt_labels"], topics=tuple(topics), rows=tuple(rows))
    for (first, second), _ in drawn_pairs:
        # one edge for the meetings in person, one for the phone calls: the page draws calls dashed
        for relation, meetings in split[first, second].items():
            if not meetings:
                continue
            about = Counter(t for m in meetings for t in found.topics_of(m))
            rows = (
                ("weight", str(len(meetings))),
                ("topics", _listed([f"{topic_ar(t)} ×{n}" for t, n in sorted(about.items(), key=_most_first)],
                                   LISTED_TOPICS)),
                ("meetings", _listed([meeting_lines[m] for m in meetings[:LISTED_MEETINGS]], LISTED_MEETINGS,
                                     len(meetings))),
            )
            view.add_edge(found.order[first], found.order[second], key=relation, relation=relation,
                          weight=len(meetings), topics=tuple(sorted(about)), rows=rows)
    view.graph["topic_names_ar"] = {key: topic_ar(key) for key in sorted(used_topics)}
    view.graph["topic_names"] = {key: topic_names.get(key, key) for key in sorted(used_topics)}
    _add_timeline(view, engine, facts, found, kept, times, said)
    _set_communities(view)
    _set_degrees(view)
    if len(kept) < len(linked):
        view.graph["total_nodes"] = len(linked)
        for actor in view:
            view.nodes[actor]["degree"] = len(partners[found.position[actor]])
        left_out = Counter(found.actors[found.order[i]] for i in linked if i not in kept)
        _note_cut(view, len(kept), len(linked), left_out)
        view.graph["left_out"] = dict(left_out)
        if engine is not None:
            _index_left_out(view, engine, [found.order[i] for i in linked if i not in kept])
    return view


def _add_timeline(view: nx.MultiDiGraph, engine: Engine | None, facts: nx.MultiDiGraph, found: MeetingActors,
                  kept: set[int], times: dict[str, timeline.MeetingTime], said: timeline.Statements) -> None:
    """What the page's time slider and side panel need (graph["timeline"]): each meeting of a
    shown actor with another actor (its day, whether a call, its shown actors, how many others,
    its source URL if it is among the latest PANEL_LIMIT of one of them: an archive's meetings
    each have their own), the shown actors' statements (counted per month, the latest of each
    listed, kg.viz.timeline), and each actor's meeting count (the size of its node and the order
    its label is drawn in)."""
    shown = [(meeting, members) for meeting, members in found.meetings
             if len(members) > 1 and not kept.isdisjoint(members)]  # fmt: skip
    latest: dict[int, list[str]] = {}
    day = {meeting: when.date for meeting, when in times.items()}
    for meeting, members in shown:
        day.setdefault(meeting, "")
        for member in members:
            if member in kept:
                latest.setdefault(member, []).append(meeting)
    linked: set[str] = set()
    for of_one in latest.values():  # the latest first; a day's in IRI order (as a stable sort has them)
        linked.update(heapq.nlargest(timeline.PANEL_LIMIT, of_one, key=day.__getitem__))
    urls = timeline.meeting_urls(engine, None if engine is not None else facts, linked)
    meetings = []
    for meeting, members in shown:
        inside = [found.order[m] for m in members if m in kept]
        when = times.get(meeting, timeline.MeetingTime("", False))
        meetings.append((when.date, when.call, tuple(inside), len(members) - len(inside), urls.get(meeting, "")))
    view.graph["timeline"] = {"meetings": meetings, "statements": said.of(view.nodes)}
    counts = found.meeting_counts()
    for actor in view:
        view.nodes[actor]["meetings"] = counts[found.position[actor]]


def _listed(items: list[str], limit: int, total: int | None = None) -> tuple[str, ...]:
    """The first `limit` items, then "… +N" for the rest (of `total`, when more than the items given)."""
    total = len(items) if total is None else total
    return tuple(items[:limit]) + ((f"… +{total - limit}",) if total > limit else ())


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _set_communities(view: nx.MultiDiGraph) -> None:
    """`community` of each actor: Louvain communities of the meetings network (fixed seed), 0 the
    largest; graph["communities"] names each after its most active member."""
    weighted = nx.Graph()
    weighted.add_nodes_from(view)
    for first, second, data in view.edges(data=True):
        previous = weighted.get_edge_data(first, second, {"weight": 0})["weight"]
        weighted.add_edge(first, second, weight=previous + data["weight"])
    found = nx.community.louvain_communities(weighted, weight="weight", seed=7) if weighted.number_of_edges() else []
    ranked = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    named = []
    for number, members in enumerate(ranked):
        for actor in members:
            view.nodes[actor]["community"] = number
        head = max(members, key=lambda a: (view.nodes[a].get("meetings", 0), a))
        named.append((view.nodes[head]["label"], len(members)))
    view.graph["communities"] = named


def _shared_meetings(found: MeetingActors, pairs: set[tuple[int, int]]) -> dict[tuple[int, int], list[str]]:
    """The meetings of each pair drawn, in IRI order."""
    ends = {end for pair in pairs for end in pair}
    shared: dict[tuple[int, int], list[str]] = {pair: [] for pair in pairs}
    for number, (meeting, members) in enumerate(found.meetings):
        inside = [m for m in members if m in ends]
        for position, first in enumerate(inside):
            for second in inside[position + 1:]:
                if (first, second) in shared:
                    shared[first, second].append(meeting or str(number))
    return shared


def _actor_topics(found: MeetingActors, actors: set[int]) -> dict[int, set[str]]:
    """The topics of the meetings each of the `actors` shared with another actor."""
    topics: dict[int, set[str]] = {index: set() for index in actors}
    for meeting, members in found.meetings:
        about = found.topics_of(meeting)
        if len(members) > 1 and about:
            for member in members:
                if member in topics:
                    topics[member].update(about)
    return topics


def _partners(found: MeetingActors, met: set[int], weights: Counter, index: int) -> tuple[list[int], int]:
    """The partners an actor's tooltip names, in IRI order: all, or the LISTED it met most; and
    how many more there are."""
    if len(met) <= LISTED:  # positions follow IRI order
        return sorted(met), 0
    strongest = heapq.nsmallest(LISTED, ((-weights[(index, o) if index < o else (o, index)], o) for o in met))
    return sorted(o for _, o in strongest), len(met) - LISTED


def _names_of(engine: Engine | None, facts: nx.MultiDiGraph, nodes: set[str]) -> dict[str, str]:
    """`label_ar (label_en)` of nodes, from the facts where they are there, else from the store."""
    found = {node: _label(facts, node) for node in nodes if node in facts}
    missing = nodes - set(found)
    if missing and engine is not None:
        for node, called in names(engine, missing).items():
            found[node] = f"{called.ar} ({called.en})" if called.en else called.ar
    return found


def _meeting_lines(engine: Engine | None, facts: nx.MultiDiGraph, meetings: set[str],
                   times: dict[str, timeline.MeetingTime]) -> dict[str, str]:
    """`date label` of each meeting (its label from the facts read whole, else from the store),
    cut to MEETING_LINE characters: a summit's label names every one there."""
    if engine is None or all(m in facts for m in meetings):
        called = {m: facts.nodes[m]["label_ar"] for m in meetings}
    else:
        # rdfs:label alone (one lookup a meeting, not three: a meeting has no other names), then
        # as kg.network.names would: Arabic, else without a language, else the IRI's last part
        found = labels(engine, meetings)
        called = {m: found.get(m, {}).get("ar") or found.get(m, {}).get("") or compact_iri(m).rsplit("/", 1)[-1]
                  for m in meetings}  # fmt: skip
    lines = {}
    for m in meetings:
        line = f"{times[m].date if m in times else ''} {called[m]}".strip()
        lines[m] = line if len(line) <= MEETING_LINE else line[: MEETING_LINE - 1].rstrip() + "…"
    return lines


def _topic_names(engine: Engine | None, facts: nx.MultiDiGraph, keys: set[str]) -> dict[str, str]:
    """How the page names topic keys: `label_ar (label_en)`, as a topic node's label reads."""
    found = {topic_key(n): _label(facts, n) for n, d in facts.nodes(data=True) if d["class"] == "Topic"}
    missing = {key for key in keys if key not in found}
    if engine is not None and missing:
        from kg.rdf.namespaces import DIPT_IRI

        iris = {key if "://" in key else f"{DIPT_IRI}{key}": key for key in missing}
        for iri, called in names(engine, iris).items():
            found[iris[iri]] = f"{called.ar} ({called.en})" if called.en else called.ar
    return found


# ---------------------------------------------------------------------------------------------
# One actor's neighbourhood


def _neighbourhood(view: nx.MultiDiGraph, facts: nx.MultiDiGraph, actor: str) -> nx.MultiDiGraph:
    """The actor, everything linked to it, and for its meetings and statements everything linked
    to them (participants, places, topics): not the rest of a topic's or a country's world."""
    undirected = view.to_undirected(as_view=True)
    near = set(undirected.neighbors(actor))
    keep = {actor} | near
    for node in near:
        if view.nodes[node]["class"] in EVENT_CLASSES:
            keep.update(undirected.neighbors(node))
    sub = view.subgraph(sorted(keep)).copy()
    _note_focus(sub, facts, actor)
    return sub


def _note_focus(view: nx.MultiDiGraph, facts: nx.MultiDiGraph, actor: str) -> None:
    view.graph.update(focus=actor, notes=[(f"محيط {facts.nodes[actor]['label_ar']}",
                                           f"Neighbourhood of {_label(facts, actor)}")])


def _neighbourhood_in_store(engine: Engine, name: str, max_nodes: int | None) -> nx.MultiDiGraph:
    """`_neighbourhood` of an actor of a large graph: its nodes found in the store, the most
    connected of them (within the neighbourhood) read alone."""
    actor = find_actor(actor_names(engine), name)
    near = _linked(engine, [actor])
    classes = classify(engine, near | {actor})
    events = [n for n in near if classes.get(n) in EVENT_CLASSES]
    around = _linked(engine, events) - set(classes)
    classes.update(classify(engine, around))
    edges: set[tuple[str, str, str]] = set()
    query = f"SELECT ?s ?p ?o WHERE {{ {{values}} ?s ?p ?o {one_of('p', RELATIONS)} }}"
    for s, p, o in select_for(engine, "s", classes, query):
        if o.value in classes:
            edges.add((s.value, RELATIONS[p.value], o.value))
    degrees = Counter()
    for s, _, o in edges:
        degrees[s] += 1
        degrees[o] += 1
    ranked = sorted(classes, key=lambda n: (n != actor, -degrees[n], n))
    limit = _limit(max_nodes, len(ranked))
    kept = ranked[:limit] if limit else ranked
    facts = fact_graph(engine, kept)
    view = _full_view(facts)
    for node in view:
        view.nodes[node]["degree"] = degrees[node]
    view.graph["total_nodes"] = len(ranked)
    _note_focus(view, facts, actor)
    if len(kept) < len(ranked):
        _note_cut(view, len(kept), len(ranked), Counter(classes[n] for n in ranked[len(kept):]))
        _index_left_out(view, engine, [n for n in ranked[len(kept):] if classes[n] in ACTOR_CLASSES])
    return view


def _linked(engine: Engine, nodes: list[str]) -> set[str]:
    """The nodes a relation links to any of `nodes`, either way."""
    related_by = one_of("p", RELATIONS)
    query = f"SELECT DISTINCT ?x WHERE {{ {{values}} {{ ?n ?p ?x {related_by} }} UNION {{ ?x ?p ?n {related_by} }} }}"
    return {x.value for (x,) in select_for(engine, "n", nodes, query) if isinstance(x, ox.NamedNode)}


# ---------------------------------------------------------------------------------------------
# Cuts


def _keep_most_connected(view: nx.MultiDiGraph, max_nodes: int | None) -> nx.MultiDiGraph:
    if max_nodes is None or view.number_of_nodes() <= max_nodes:
        return view
    focus = view.graph.get("focus", "")
    ranked = sorted(view.nodes, key=lambda n: (n != focus, -view.nodes[n]["degree"], n))
    kept = ranked[:max_nodes]
    left_out = Counter(view.nodes[n]["class"] for n in ranked[max_nodes:])
    sub = view.subgraph(kept).copy()
    _note_cut(sub, max_nodes, view.number_of_nodes(), left_out)
    sub.graph["left_out_names"] = [_index_entry(n, view.nodes[n]) for n in ranked[max_nodes:]
                                   if view.nodes[n]["class"] in ACTOR_CLASSES]  # fmt: skip
    return sub


def _note_cut(view: nx.MultiDiGraph, max_nodes: int, total: int, left_out: Counter) -> None:
    classes = vocabulary()["classes"]
    dropped = total - view.number_of_nodes()
    which_ar = "، ".join(f"{count} من نوع «{classes[c]['ar']}»" for c, count in left_out.most_common())
    which_en = ", ".join(f"{classes[c]['en']}: {count:,}" for c, count in left_out.most_common())
    view.graph["notes"] = [*view.graph.get("notes", ()), (
        f"تعرض الصفحة {max_nodes} عقدة من أصل {total} (الأكثر ارتباطاً، ‎--max-nodes {max_nodes}‎)؛ "
        f"لم تُعرض {dropped}: {which_ar}.",
        f"Showing the {max_nodes:,} most connected of {total:,} nodes (--max-nodes {max_nodes}); "
        f"left out {dropped:,}: {which_en}.",
    )]
    view.graph["left_out"] = dict(left_out)


def _index_left_out(view: nx.MultiDiGraph, engine: Engine, actors: list[str] | None = None) -> None:
    """The names of the actors a cut left out, for the page's search (which then says how to draw
    one's neighbourhood): all of them by default."""
    if actors is None:
        actors = [a for a in sorted(actor_classes(engine)) if a not in view]
    called = names(engine, actors)
    classes = classify(engine, actors)
    view.graph["left_out_names"] = [
        _index_entry(a, {"class": classes.get(a, "Person"), "label": called[a].ar, "label_en": called[a].en,
                         "alt_labels": called[a].alt})
        for a in actors
    ]  # fmt: skip


def _index_entry(node: str, data: dict) -> dict[str, Any]:
    entry = {"id": compact_iri(node), "full": data["label"], "cls": data["class"]}
    if data.get("label_en"):
        entry["en"] = data["label_en"]
    if data.get("alt_labels"):
        entry["alt"] = list(data["alt_labels"])
    return entry


def _keep_strongest(view: nx.MultiDiGraph, max_edges: int | None) -> nx.MultiDiGraph:
    """At most `max_edges` links: the heaviest (then in the order of their ends)."""
    if max_edges is None or view.number_of_edges() <= max_edges:
        return view
    ranked = sorted(view.edges(keys=True, data=True), key=lambda e: (-e[3].get("weight", 1), e[0], e[1], e[2]))
    _note_strongest(view, max_edges, view.number_of_edges())
    view.remove_edges_from([(a, b, k) for a, b, k, _ in ranked[max_edges:]])
    return view


def _note_strongest(view: nx.MultiDiGraph, max_edges: int, total: int) -> None:
    view.graph["notes"] = [*view.graph.get("notes", ()), (
        f"تعرض الصفحة أقوى {max_edges} صلة من أصل {total} (‎--max-edges {max_edges}‎).",
        f"Showing the {max_edges:,} strongest of {total:,} links (--max-edges {max_edges}).",
    )]
