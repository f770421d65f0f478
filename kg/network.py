"""The knowledge graph as networkx graphs, read with SPARQL through an engine (kg.engine), for
the viz, the statistics and Gephi. Only what is asked for is read, so memory follows the answer:

- `class_counts`: nodes per class, counted in the store;
- `meeting_actors` and `actor_network`: actors linked when they took part in the same meeting,
  weighted by the meetings they shared. One SELECT gives each meeting's actors (grouped in the
  store, one row a meeting) and the pairs are weighted as the rows stream by;
- `fact_graph`: every actor, place, meeting, statement and topic with its labels and details, and
  the relations between them (participant, speaker, location, topic, madeDuring, addressee,
  represents) as directed edges keyed by the relation's name, for the whole graph or for some
  nodes only (what a page draws of a large graph), with what the rest of the graph says of them
  (how many meetings an actor took part in, the topics of its events) counted in the store.

Every function takes an engine, or anything `kg.engine.as_engine` takes (an rdflib Dataset, a
pyoxigraph Store). `export_actor_network` writes the actor network as GraphML or GEXF.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, combinations
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.engine import Engine, as_engine, distinct, select_for
from kg.errors import UsageError, unknown_choice
from kg.rdf.namespaces import DIP_IRI, DIPT_IRI, PREFIXES
from kg.text.normalize import normalize

# The classes a node can show as, most specific first (a PhoneCall is also a Meeting).
CLASSES: tuple[str, ...] = (
    "Person", "Organization", "Country", "Place", "PhoneCall", "Meeting", "Statement", "Topic",
)
ACTOR_CLASSES: tuple[str, ...] = ("Person", "Organization", "Country")
MEETING_CLASSES: tuple[str, ...] = ("Meeting", "PhoneCall")
EVENT_CLASSES: tuple[str, ...] = (*MEETING_CLASSES, "Statement")
_CLASS_RANK = {f"{DIP_IRI}{name}": rank for rank, name in enumerate(CLASSES)}

# RDF property -> relation name on fact-graph edges.
RELATIONS: dict[str, str] = {
    f"{DIP_IRI}{name}": name
    for name in ("participant", "speaker", "addressee", "location", "topic", "madeDuring", "represents")
}
# The relations an event has to what it involves, whose topics those take on (see `_topics`).
_INVOLVES = ("participant", "speaker", "addressee", "location")
# The relations whose sources a node's `incoming` counts (and dip:topic, by the kind of source).
_COUNTED = ("participant", "speaker", "location")

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_DCTERMS = "http://purl.org/dc/terms/"
_WIKIDATA = "http://www.wikidata.org/entity/"
# predicate -> (what it tells, the attribute's name)
_READ: dict[str, tuple[str, str]] = {
    _RDF_TYPE: ("type", ""), _RDFS_LABEL: ("label", ""), f"{_SKOS}prefLabel": ("label", ""),
    f"{_SKOS}altLabel": ("alt", ""), "http://www.w3.org/2002/07/owl#sameAs": ("same", ""),
    **{iri: ("relation", name) for iri, name in RELATIONS.items()},
    **{f"{DIP_IRI}{p}": ("detail", name) for p, name in (
        ("role", "roles"), ("date", "date"), ("meetingKind", "meeting_kind"), ("quote", "quote"),
        ("direct", "direct"), ("evidence", "evidence"))},
    "http://www.w3.org/ns/prov#wasDerivedFrom": ("detail", "sources"),
    **{iri: ("article", name) for iri, name in (
        (f"{_DCTERMS}title", "title"), (f"{_DCTERMS}date", "date"), (f"{_DCTERMS}publisher", "publisher"),
        ("https://schema.org/url", "url"), (f"{DIP_IRI}articleId", "id"))},
}  # fmt: skip
_ARTICLE = f"{DIP_IRI}Article"

EXPORT_FORMATS: tuple[str, ...] = ("graphml", "gexf")
LIST_SEPARATOR = "; "  # how list attributes are joined for GraphML / GEXF, which hold scalars only


def _values(variable: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def each_of(variable: str, iris: Iterable[str], subject: str = "?s", obj: str = "?o") -> str:
    """`{ ?s <p1> ?o BIND(<p1> AS ?p) } UNION ...`: the triples of some predicates, each read by its
    own lookup. Where a query binds subjects with VALUES, a FILTER on the predicate reads every
    triple of the subject first (an actor of an archive is dip:mentionedIn thousands of articles)."""
    return " UNION ".join(f"{{ {subject} <{iri}> {obj} BIND(<{iri}> AS ?{variable}) }}" for iri in iris)


def one_of(variable: str, iris: Iterable[str]) -> str:
    """`FILTER(?variable IN (...))`: where a query binds nodes with VALUES, other choices must be
    filters, not VALUES too (Oxigraph would join the two blocks by reading the pattern whole)."""
    return f"FILTER(?{variable} IN ({', '.join(f'<{i}>' for i in iris)}))"


def _class_iris(classes: Iterable[str]) -> list[str]:
    return [f"{DIP_IRI}{name}" for name in classes]


_CLASS_VALUES = _values("c", _CLASS_RANK)
_READ_VALUES = _values("p", _READ)
_IS_CLASS = one_of("c", _CLASS_RANK)


# ---------------------------------------------------------------------------------------------
# Classes and counts


def classify(source, nodes: Iterable[str] | None = None) -> dict[str, str]:
    """The most specific class (of CLASSES) of every node that has one, or of the nodes given."""
    engine = as_engine(source)
    best: dict[str, int] = {}
    if nodes is None:
        for iri, rank in _CLASS_RANK.items():
            for (node,) in engine.select(f"SELECT ?s WHERE {{ ?s a <{iri}> }}"):
                if isinstance(node, ox.NamedNode) and rank < best.get(node.value, 99):
                    best[node.value] = rank
    else:
        query = f"SELECT ?s ?c WHERE {{ {{values}} ?s a ?c {_IS_CLASS} }}"
        for node, cls in select_for(engine, "s", nodes, query):
            rank = _CLASS_RANK[cls.value]
            if rank < best.get(node.value, 99):
                best[node.value] = rank
    return {node: CLASSES[rank] for node, rank in best.items()}


def class_counts(source) -> dict[str, int]:
    """Nodes per class, each node counted once, by its most specific class (counted in the store;
    kg mints no blank nodes, so none is told apart: asking would cost a decoding of every node)."""
    engine = as_engine(source)
    counts = dict.fromkeys(CLASSES, 0)
    name_of = {iri: name for name, iri in zip(CLASSES, _CLASS_RANK, strict=True)}
    once = distinct(engine)  # a node typed by many graphs of an endpoint counts once
    query = f"SELECT ?c (COUNT({once}?s) AS ?n) WHERE {{ {_CLASS_VALUES} ?s a ?c }} GROUP BY ?c"
    for cls, number in engine.select(query):
        counts[name_of[cls.value]] = int(number.value)
    # a node typed with two classes (PhoneCall and Meeting) counts as the more specific one only
    query = (f"SELECT ?s WHERE {{ {_CLASS_VALUES} ?s a ?c }} "
             f"GROUP BY ?s HAVING (COUNT({once}?c) > 1)")  # fmt: skip
    several = [node.value for (node,) in engine.select(query)]
    if several:
        best = classify(engine, several)
        query = f"SELECT ?s ?c WHERE {{ {{values}} ?s a ?c {_IS_CLASS} }}"
        for node, cls in select_for(engine, "s", several, query):
            if name_of[cls.value] != best[node.value]:
                counts[name_of[cls.value]] -= 1
    return counts


def node_count(source) -> int:
    """How many nodes have a class of CLASSES: `class_counts`' total, counted in one pass."""
    engine = as_engine(source)
    for (number,) in engine.select(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {_CLASS_VALUES} ?s a ?c }}"):
        return int(number.value)
    return 0


def count_articles(source) -> int:
    engine = as_engine(source)
    for (number,) in engine.select(f"SELECT (COUNT({distinct(engine)}?s) AS ?n) WHERE {{ ?s a <{_ARTICLE}> }}"):
        return int(number.value)
    return 0


# ---------------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True, slots=True)
class Names:
    """What a node is called: its Arabic and English labels and its other spellings."""

    ar: str
    en: str
    alt: tuple[str, ...]


def names(source, nodes: Iterable[str]) -> dict[str, Names]:
    """The labels of some nodes (rdfs:label and skos:prefLabel, the first in code-point order in
    each language; skos:altLabel for other spellings); a node without one is called by its IRI's
    last part."""
    engine = as_engine(source)
    nodes = list(dict.fromkeys(nodes))
    labels: dict[str, dict[str, list[str]]] = {}
    alts: dict[str, set[str]] = {}
    wanted = each_of("p", (_RDFS_LABEL, f"{_SKOS}prefLabel", f"{_SKOS}altLabel"), obj="?l")
    query = f"SELECT ?s ?p ?l WHERE {{ {{values}} {wanted} }}"
    for node, predicate, label in select_for(engine, "s", nodes, query):
        if not isinstance(label, ox.Literal):
            continue
        if predicate.value == f"{_SKOS}altLabel":
            alts.setdefault(node.value, set()).add(label.value)
        else:
            labels.setdefault(node.value, {}).setdefault(_language(label), []).append(label.value)
    return {node: _names(node, labels.get(node, {}), alts.get(node, ())) for node in nodes}


def _names(node: str, labels: dict[str, list[str]], alts: Iterable[str]) -> Names:
    arabic = _first(labels.get("ar")) or _first(labels.get("")) or _local_name(node)
    return Names(arabic, _first(labels.get("en")), tuple(sorted(set(alts))))


def _language(label: ox.Literal) -> str:
    return (label.language or "").split("-")[0].lower()


def _first(values: list[str] | None) -> str:
    return min(values) if values else ""


def _local_name(node: str) -> str:
    return re.split(r"[/#]", node.rstrip("/#"))[-1]


# ---------------------------------------------------------------------------------------------
# The actor network


class MeetingActors:
    """Which actors took part in each meeting: what the actor network is made of.

    `order` holds the actors sorted by IRI; meetings name their actors by position in it.
    `meetings` are (meeting IRI, or "" when not read; its actors), in IRI order; `topics` the
    topic keys of each meeting, when its IRI was read."""

    def __init__(self, actors: dict[str, str], meetings: list[tuple[str, tuple[int, ...]]],
                 topics: dict[str, tuple[str, ...]] | None = None) -> None:
        self.actors = actors
        self.order = tuple(sorted(actors))
        self.position = {actor: index for index, actor in enumerate(self.order)}
        self.meetings = tuple(sorted(meetings))
        self.topics = topics or {}
        self._of: dict[int, list[str]] | None = None

    @classmethod
    def reading(cls, actors: dict[str, str], rows: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> MeetingActors:
        """From (meeting, its participants, its topic IRIs) as they come; participants that are
        not actors are left out, and so are meetings without one."""
        order = sorted(actors)
        position = {actor: index for index, actor in enumerate(order)}
        meetings, topics = [], {}
        keys: dict[str, str] = {}  # topic IRI -> key: a few topics, named again and again
        for meeting, participants, topic_iris in rows:
            members = tuple(sorted({position[p] for p in participants if p in position}))
            if members:
                meetings.append((meeting, members))
                if meeting:
                    found = {keys.get(t) or keys.setdefault(t, topic_key(t)) for t in topic_iris}
                    topics[meeting] = tuple(sorted(found))
        return cls(actors, meetings, topics)

    def weights(self) -> Counter[tuple[int, int]]:
        """Meetings shared by each pair of actors (positions in `order`, the smaller first)."""
        return Counter(chain.from_iterable(combinations(members, 2) for _, members in self.meetings))

    def meeting_counts(self) -> Counter[int]:
        """Meetings each actor took part in (by position)."""
        return Counter(member for _, members in self.meetings for member in members)

    def meetings_of(self, index: int) -> list[str]:
        """The meetings an actor shared with another actor, in IRI order."""
        if self._of is None:
            self._of = {}
            for meeting, members in self.meetings:
                if len(members) > 1:
                    for member in members:
                        self._of.setdefault(member, []).append(meeting)
        return self._of.get(index, [])

    def topics_of(self, meeting: str) -> tuple[str, ...]:
        return self.topics.get(meeting, ())


def meeting_actors(source, *, with_meetings: bool = False) -> MeetingActors:
    """Every actor, and the actors of each meeting: one SELECT, a row a meeting, grouped in the
    store. With `with_meetings`, the meetings' IRIs and topics too (reading them costs a few
    seconds at 100k articles, and statistics do without)."""
    engine = as_engine(source)
    actors = actor_classes(engine)
    # the subjects of dip:participant are the meetings (the shapes see that they are typed so):
    # the relation is read alone, without a type lookup per meeting, and the actors come back as
    # their places in IRI order (a VALUES block numbers them; other participants are no actors):
    # reading half a million participants' IRIs back from the store costs more than the rest
    numbered = " ".join(f"(<{actor}> {n})" for n, actor in enumerate(sorted(actors)))
    grouped = (f"SELECT ?m (GROUP_CONCAT(STR(?n); separator=' ') AS ?actors) WHERE {{ "
               f"VALUES (?a ?n) {{ {numbered} }} {{ SELECT ?m ?a WHERE {{ ?m <{DIP_IRI}participant> ?a }} }} "
               f"}} GROUP BY ?m")  # fmt: skip
    meetings: list[tuple[str, tuple[int, ...]]] = []
    topics: dict[str, tuple[str, ...]] = {}
    if not with_meetings:
        query = grouped.replace("SELECT ?m ", "SELECT ", 1)
        for (numbers,) in engine.select(query):  # a set: an endpoint's union of graphs may repeat one
            meetings.append(("", tuple(sorted(set(map(int, numbers.value.split()))))))
    else:
        about = (f"SELECT ?m (GROUP_CONCAT(DISTINCT STR(?k); separator=' ') AS ?topics) WHERE {{ "
                 f"?m <{DIP_IRI}topic> ?k }} GROUP BY ?m")  # fmt: skip
        query = f"SELECT ?m ?actors ?topics WHERE {{ {{ {grouped} }} OPTIONAL {{ {about} }} }}"
        keys: dict[str, str] = {}  # topic IRI -> key: a few topics, named again and again
        for m, numbers, found in engine.select(query):
            meetings.append((m.value, tuple(sorted(set(map(int, numbers.value.split()))))))
            iris = found.value.split(" ") if found is not None else ()
            topics[m.value] = tuple(sorted({keys.get(t) or keys.setdefault(t, topic_key(t)) for t in iris}))
    return MeetingActors(actors, meetings, topics)


def meeting_actors_of(facts: nx.MultiDiGraph) -> MeetingActors:
    """`meeting_actors` of a fact graph read whole."""
    actors = {node: facts.nodes[node]["class"] for node in nodes_of(facts, ACTOR_CLASSES)}
    rows = ((m, related(facts, m, "participant"), related(facts, m, "topic"))
            for m in nodes_of(facts, MEETING_CLASSES))  # fmt: skip
    return MeetingActors.reading(actors, rows)


def actor_network(source, *, details: bool = True) -> nx.Graph:
    """Actors linked when they took part in the same meeting.

    Nodes: every Person, Organization and Country, with `label_ar`, `label_en` and `class`.
    Edges: `weight` = number of shared meetings, and with `details`, `meetings` = their IRIs and
    `topics` = the topic keys of those meetings (both sorted lists).
    """
    engine = as_engine(source)
    found = meeting_actors(engine, with_meetings=details)
    network = nx.Graph()
    called = names(engine, found.order)
    for actor in found.order:
        network.add_node(actor, label_ar=called[actor].ar, label_en=called[actor].en,
                         **{"class": found.actors[actor]})  # fmt: skip
    for (first, second), weight in sorted(found.weights().items()):
        network.add_edge(found.order[first], found.order[second], weight=weight)
    if details:
        add_meetings(network, found)
    return network


def add_meetings(network: nx.Graph, found: MeetingActors) -> None:
    """The `meetings` and `topics` of each edge of the network (read `with_meetings`)."""
    for edge in network.edges:
        network.edges[edge].update(meetings=[], topics=set())
    for meeting, members in found.meetings:
        for first, second in combinations(members, 2):
            a, b = found.order[first], found.order[second]
            if network.has_edge(a, b):
                edge = network.edges[a, b]
                edge["meetings"].append(meeting)
                edge["topics"].update(found.topics_of(meeting))
    for edge in network.edges:
        network.edges[edge]["topics"] = sorted(network.edges[edge]["topics"])


def export_actor_network(source, path: Path, fmt: str) -> None:
    """Write the actor network as GraphML or GEXF (`fmt` "graphml" or "gexf"), UTF-8.

    Nodes carry `label` (the Arabic name, shown by Gephi), `label_ar`, `label_en` and `class`;
    edges `weight`, `meetings` and `topics`, the lists joined with "; " since both formats hold
    scalars only.
    """
    if fmt not in EXPORT_FORMATS:
        raise unknown_choice("network format", fmt, EXPORT_FORMATS)
    network = _scalar_attributes(actor_network(source))
    path = Path(path)
    from kg.atomic import atomic_open, output_error

    try:
        with atomic_open(path, "wb", encoding=None) as out:  # whole or not at all
            if fmt == "graphml":
                nx.write_graphml(network, out, encoding="utf-8")
            else:
                nx.write_gexf(network, out, encoding="utf-8")
    except OSError as err:
        raise output_error(path, err, f"the {fmt} file") from None


def _scalar_attributes(network: nx.Graph) -> nx.Graph:
    copy = nx.Graph()
    for node, data in network.nodes(data=True):
        # `label` is what Gephi and yEd show on a node: the Arabic name rather than the IRI
        copy.add_node(node, label=data["label_ar"], **{k: _scalar(v) for k, v in data.items()})
    for first, second, data in network.edges(data=True):
        copy.add_edge(first, second, **{k: _scalar(v) for k, v in data.items()})
    return copy


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, list | tuple | set | frozenset):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if value is None:
        return ""
    return value if isinstance(value, str | int | float | bool) else str(value)


# ---------------------------------------------------------------------------------------------
# The fact graph


def fact_graph(source, nodes: Iterable[str] | None = None, *, summaries: bool = True,
               sources: bool = True) -> nx.MultiDiGraph:
    """Every node of `CLASSES` (or the `nodes` given, those of them that have a class) with its
    attributes, and every relation between two of them.

    Node attributes: `class`, `label_ar`, `label_en`, `alt_labels` (tuple), and where the graph has
    them `roles`, `date`, `meeting_kind`, `quote`, `direct`, `evidence`, `sources` (article IRIs),
    `wikidata`; `incoming`, how many nodes point to it as participant, speaker or location, and as
    topic ("topic meetings", "topic statements"); `topics`, the topic keys it is filed under.
    Edge keys are relation names. `graph.graph["articles"]` maps each article IRI to its `title`,
    `date`, `publisher` and `url` (for the nodes given: the articles they come from).

    With `nodes`, the nodes their relations point to but which are not among them are there too,
    marked `context` (for their names: a meeting's tooltip names all its participants); `incoming`
    and `topics` then come from the whole graph, counted in the store, unless `summaries` is false
    (they are left out: the actor network has its own); without `sources`, the nodes' articles
    are not read (an actor of an archive comes from thousands).
    """
    engine = as_engine(source)
    wanted = None if nodes is None else set(nodes)
    classes = classify(engine, wanted)
    reader = _Reader()
    if wanted is None:
        reader.read(engine.select(f"SELECT ?s ?p ?o WHERE {{ {_READ_VALUES} ?s ?p ?o }}"))
    else:
        read = [p for p, what in _READ.items() if sources or what != ("detail", "sources")]
        query = f"SELECT ?s ?p ?o WHERE {{ {{values}} {each_of('p', read)} }}"
        reader.read(select_for(engine, "s", sorted(classes), query))
        cited = {s for node in classes for s in reader.details.get(node, {}).get("sources", ())}
        reader.read(select_for(engine, "s", sorted(cited - set(reader.articles)), query), articles_only=True)
        targets = {o for s, _, o in reader.relations if s in classes} - set(classes)
        context = classify(engine, targets)
        context_names = names(engine, context)
    graph = nx.MultiDiGraph()
    graph.graph["articles"] = dict(sorted(reader.articles.items()))
    for node in sorted(classes):
        graph.add_node(node, **reader.attributes(node, classes[node]))
    if wanted is not None:
        for node in sorted(context):
            called = context_names[node]
            graph.add_node(node, **{"class": context[node]}, label_ar=called.ar, label_en=called.en,
                           alt_labels=called.alt, context=True)  # fmt: skip
    for subject, relation, obj in sorted(reader.relations):
        if subject in classes and obj in graph:
            graph.add_edge(subject, obj, key=relation, relation=relation)
    if wanted is None:
        _count_incoming(graph)
        _topics(graph)
    elif summaries:
        _count_incoming_in_store(engine, graph, sorted(classes))
        _topics_in_store(engine, graph, sorted(classes))
    return graph


class _Reader:
    """One pass over (subject, predicate, object) rows, dispatched on the predicate."""

    def __init__(self) -> None:
        self.labels: dict[str, dict[str, list[str]]] = {}
        self.alt: dict[str, list[str]] = {}
        self.details: dict[str, dict[str, list[str]]] = {}
        self.articles: dict[str, dict[str, str]] = {}
        self.relations: set[tuple[str, str, str]] = set()

    def read(self, rows: Iterator, *, articles_only: bool = False) -> None:
        for s, p, o in rows:
            handler = _READ.get(p.value)
            if handler is None or not isinstance(s, ox.NamedNode):
                continue
            kind, name = handler
            subject = s.value
            if kind == "type":
                if o.value == _ARTICLE:
                    self.articles.setdefault(subject, {})
            elif kind == "article":
                self.articles.setdefault(subject, {})[name] = o.value
            elif articles_only:
                continue
            elif kind == "label":
                if isinstance(o, ox.Literal):
                    self.labels.setdefault(subject, {}).setdefault(_language(o), []).append(o.value)
            elif kind == "alt":
                if isinstance(o, ox.Literal):
                    self.alt.setdefault(subject, []).append(o.value)
            elif kind == "relation":
                if isinstance(o, ox.NamedNode):
                    self.relations.add((subject, name, o.value))
            elif kind == "detail":
                self.details.setdefault(subject, {}).setdefault(name, []).append(o.value)
            elif o.value.startswith(_WIKIDATA):  # owl:sameAs
                self.details.setdefault(subject, {}).setdefault("wikidata", []).append(o.value.rsplit("/", 1)[-1])

    def attributes(self, node: str, cls: str) -> dict[str, object]:
        called = _names(node, self.labels.get(node, {}), self.alt.get(node, ()))
        attributes: dict[str, object] = {"class": cls, "label_ar": called.ar, "label_en": called.en,
                                         "alt_labels": called.alt}  # fmt: skip
        for name, values in self.details.get(node, {}).items():
            unique = tuple(sorted(set(values)))
            attributes[name] = unique if name in ("roles", "sources", "evidence") else unique[0]
        if "direct" in attributes:
            attributes["direct"] = attributes["direct"] in ("true", "1")
        return attributes


def _incoming_key(relation: str, source_class: str) -> str:
    if relation != "topic":
        return relation
    return "topic meetings" if source_class in MEETING_CLASSES else f"topic {source_class.lower()}s"


def _count_incoming(graph: nx.MultiDiGraph) -> None:
    for node in graph:
        graph.nodes[node]["incoming"] = {}
    for source, target, relation in graph.edges(keys=True):
        if relation not in _COUNTED and relation != "topic":
            continue
        counts = graph.nodes[target]["incoming"]
        key = _incoming_key(relation, graph.nodes[source]["class"])
        counts[key] = counts.get(key, 0) + 1


def _count_incoming_in_store(engine: Engine, graph: nx.MultiDiGraph, nodes: list[str]) -> None:
    wanted = set(nodes)
    for node in nodes:
        graph.nodes[node]["incoming"] = {}
    # what points to actors and places is grouped over the whole relation (a scan, faster than a
    # lookup per node), and kept for the nodes asked about
    for relation in _COUNTED:
        query = f"SELECT ?o (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s <{DIP_IRI}{relation}> ?o }} GROUP BY ?o"
        for node, number in engine.select(query):
            if node.value in wanted:
                graph.nodes[node.value]["incoming"][relation] = int(number.value)
    topics = [n for n in nodes if graph.nodes[n]["class"] == "Topic"]
    events = one_of("c", _class_iris(EVENT_CLASSES))
    query = (f"SELECT ?o ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {{values}} ?s <{DIP_IRI}topic> ?o . "
             f"?s a ?c {events} }} GROUP BY ?o ?c")  # fmt: skip
    for node, cls, number in select_for(engine, "o", topics, query):
        counts = graph.nodes[node.value]["incoming"]
        key = _incoming_key("topic", CLASSES[_CLASS_RANK[cls.value]])
        counts[key] = counts.get(key, 0) + int(number.value)


def _topics(graph: nx.MultiDiGraph) -> None:
    """Topic keys per node: an event's own topics; an actor's or place's from its events; a
    country's or organisation's also from the persons who represent it; a topic is itself."""
    topics: dict[str, set[str]] = {node: set() for node in graph}
    for node, data in graph.nodes(data=True):
        if data["class"] == "Topic":
            topics[node].add(topic_key(node))
        if data["class"] not in EVENT_CLASSES:
            continue
        own = {topic_key(t) for t in related(graph, node, "topic")}
        topics[node].update(own)
        for relation in _INVOLVES:
            for other in related(graph, node, relation):
                topics[other].update(own)
    for person, represented, relation in graph.edges(keys=True):
        if relation == "represents":
            topics[represented].update(topics[person])
    for node, keys in topics.items():
        graph.nodes[node]["topics"] = tuple(sorted(keys))


def _topics_in_store(engine: Engine, graph: nx.MultiDiGraph, nodes: list[str]) -> None:
    """`_topics` for some nodes of a large graph: the pairs (node, topic) of the whole graph are
    grouped in the store (the two patterns joined by hash, not one lookup per event)."""
    topics: dict[str, set[str]] = {node: set() for node in graph}
    for node in nodes:
        data = graph.nodes[node]
        if data["class"] == "Topic":
            topics[node].add(topic_key(node))
        if data["class"] in EVENT_CLASSES:
            topics[node].update(topic_key(t) for t in related(graph, node, "topic"))
    involves = _values("p", [p for p, name in RELATIONS.items() if name in _INVOLVES])
    query = (f"SELECT ?x ?t WHERE {{ {{ SELECT ?e ?t WHERE {{ ?e <{DIP_IRI}topic> ?t }} }} "
             f"{{ SELECT ?e ?x WHERE {{ {involves} ?e ?p ?x }} }} }} GROUP BY ?x ?t")  # fmt: skip
    involved: dict[str, set[str]] = {}
    for node, topic in engine.select(query):
        involved.setdefault(node.value, set()).add(topic_key(topic.value))
    # a country or organisation also takes the topics of the persons who represent it
    query = f"SELECT ?who ?x WHERE {{ {{values}} ?who <{DIP_IRI}represents> ?x }}"
    for who, node in select_for(engine, "x", nodes, query):
        topics[node.value] |= involved.get(who.value, set())
    for node in nodes:
        if graph.nodes[node]["class"] not in EVENT_CLASSES and graph.nodes[node]["class"] != "Topic":
            topics[node] |= involved.get(node, set())
    for node in graph:
        graph.nodes[node]["topics"] = tuple(sorted(topics[node]))


def topic_key(iri: str) -> str:
    """A topic's short name: the key of the topic scheme (`refugees`), or the IRI itself."""
    return iri[len(DIPT_IRI):] if iri.startswith(DIPT_IRI) else iri


def compact_iri(iri: str) -> str:
    """`dipr:person/x` for display; other IRIs as they are."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def nodes_of(graph: nx.MultiDiGraph, classes: Iterable[str]) -> list[str]:
    """The nodes of the given classes, in IRI order (not the context of a partial fact graph)."""
    wanted = set(classes)
    return [node for node, data in graph.nodes(data=True) if data["class"] in wanted and not data.get("context")]


def related(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """Objects of `node`'s outgoing edges for one relation, in IRI order."""
    return sorted(target for _, target, key in graph.out_edges(node, keys=True) if key == relation)


# ---------------------------------------------------------------------------------------------
# Finding an actor by name

def search_key(text: str) -> str:
    """A form of a label for matching: kg's Arabic normalisation (no tashkeel or tatweel, one
    alef, ى→ي, ة→ه, hamza seats, Persian look-alikes, Eastern digits, lower-case Latin) with
    spaces collapsed. The page's search box applies the same rules (assets/viz.js)."""
    return " ".join(normalize(unicodedata.normalize("NFC", text)).split())


def actor_names(source) -> nx.MultiDiGraph:
    """Every actor with its names only (what `find_actor` searches), as fact-graph nodes."""
    engine = as_engine(source)
    found = actor_classes(engine)
    called = names(engine, found)
    graph = nx.MultiDiGraph()
    for actor, cls in sorted(found.items()):
        graph.add_node(actor, **{"class": cls}, label_ar=called[actor].ar, label_en=called[actor].en,
                       alt_labels=called[actor].alt)  # fmt: skip
    return graph


def actor_classes(source) -> dict[str, str]:
    """Every actor's IRI and class (Person, Organization or Country: the most specific)."""
    engine = as_engine(source)
    actors: dict[str, int] = {}
    query = f"SELECT ?s ?c WHERE {{ {_values('c', _class_iris(ACTOR_CLASSES))} ?s a ?c }}"
    for node, cls in engine.select(query):
        if isinstance(node, ox.NamedNode) and _CLASS_RANK[cls.value] < actors.get(node.value, 99):
            actors[node.value] = _CLASS_RANK[cls.value]
    return {actor: CLASSES[rank] for actor, rank in actors.items()}


def find_actor(facts: nx.MultiDiGraph, name: str) -> str:
    """The IRI of the one actor called `name` (Arabic-normalised, any label) or with that IRI.

    An exact match of a whole label wins; otherwise a label containing `name` as whole words.
    Raises UsageError when none or several actors match, naming them.
    """
    expanded = _expand_iri(name.strip())
    if expanded in facts and not facts.nodes[expanded].get("context"):
        return expanded
    wanted = search_key(name)
    if not wanted:
        raise UsageError("an actor name is needed: --view actor:NAME (a label or an IRI)")
    actors = nodes_of(facts, ACTOR_CLASSES)
    keys = {actor: {search_key(label) for label in _labels(facts.nodes[actor]) if label} for actor in actors}
    exact = [actor for actor in actors if wanted in keys[actor]]
    if len(exact) == 1:
        return exact[0]
    pattern = re.compile(rf"(?:^|\s){re.escape(wanted)}(?:\s|$)")
    partial = exact or [actor for actor in actors if any(pattern.search(key) for key in keys[actor])]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        known = ", ".join(sorted(facts.nodes[a]["label_ar"] for a in actors)[:15])
        raise UsageError(f"no actor in the graph is called {name!r}; actors include: {known or '(none)'}")
    listed = "; ".join(f"{facts.nodes[a]['label_ar']} ({compact_iri(a)})" for a in partial[:10])
    raise UsageError(f"{name!r} matches {len(partial)} actors: {listed}; give a fuller name or an IRI")


def _labels(data: dict) -> list[str]:
    return [data["label_ar"], data["label_en"], *data.get("alt_labels", ())]


def _expand_iri(name: str) -> str:
    prefix, _, rest = name.partition(":")
    if prefix in PREFIXES and rest and not rest.startswith("//"):
        return PREFIXES[prefix] + rest
    return name
