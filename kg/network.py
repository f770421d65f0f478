"""The knowledge graph as networkx graphs, for the viz, the statistics and Gephi.

Two graphs are read from an rdflib Dataset:

- the *fact graph* (`fact_graph`): every actor, place, meeting, statement and topic as a node with
  its labels and details, and every relation between them (participant, speaker, location, topic,
  madeDuring, addressee, represents) as a directed edge keyed by the relation's name, in the
  direction the RDF gives it;
- the *actor network* (`actor_network`): actors only, linked when they took part in the same
  meeting, with the number of such meetings as the edge weight and the meetings and their topics
  on the edge.

`export_actor_network` writes the actor network as GraphML or GEXF for Gephi, Cytoscape or yEd.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg.errors import GraphError, UsageError, unknown_choice
from kg.rdf.namespaces import DIP, DIPT_IRI, PREFIXES, SCHEMA
from kg.text.normalize import normalize

# The classes a node can show as, most specific first (a PhoneCall is also a Meeting).
CLASSES: tuple[str, ...] = (
    "Person", "Organization", "Country", "Place", "PhoneCall", "Meeting", "Statement", "Topic",
)
ACTOR_CLASSES: tuple[str, ...] = ("Person", "Organization", "Country")
MEETING_CLASSES: tuple[str, ...] = ("Meeting", "PhoneCall")
_CLASS_BY_IRI = {DIP[name]: name for name in CLASSES}

# RDF property -> relation name on fact-graph edges.
RELATIONS: dict[URIRef, str] = {
    DIP.participant: "participant",
    DIP.speaker: "speaker",
    DIP.addressee: "addressee",
    DIP.location: "location",
    DIP.topic: "topic",
    DIP.madeDuring: "madeDuring",
    DIP.represents: "represents",
}

EXPORT_FORMATS: tuple[str, ...] = ("graphml", "gexf")
LIST_SEPARATOR = "; "  # how list attributes are joined for GraphML / GEXF, which hold scalars only


# ---------------------------------------------------------------------------------------------
# Reading the RDF


def fact_graph(dataset: Dataset) -> nx.MultiDiGraph:
    """Every node of `CLASSES` with its attributes, and every relation between two of them.

    Node attributes: `class`, `label_ar`, `label_en`, `alt_labels` (tuple), and where the graph has
    them `roles`, `date`, `meeting_kind`, `quote`, `direct`, `evidence`, `sources` (article IRIs),
    `wikidata`. Edge keys are relation names (`RELATIONS`). `graph.graph["articles"]` maps each
    article IRI to its `title`, `date`, `publisher` and `url`.
    """
    classes: dict[str, str] = {}
    labels: dict[str, dict[str, list[str]]] = {}  # node -> language ("ar", "en", "") -> labels
    alt_labels: dict[str, list[str]] = {}
    details: dict[str, dict[str, list[str]]] = {}
    articles: dict[str, dict[str, str]] = {}
    relations: set[tuple[str, str, str]] = set()

    # One pass over the triples, dispatched on the predicate (a dict lookup, not a chain of
    # comparisons: this loop is most of the time `kg viz` takes on a large graph).
    handlers: dict[URIRef, tuple[str, str]] = {RDF.type: ("type", ""), RDFS.label: ("label", ""),
                                               SKOS.prefLabel: ("label", ""), SKOS.altLabel: ("alt", ""),
                                               OWL.sameAs: ("same", "")}
    handlers.update({p: ("relation", name) for p, name in RELATIONS.items()})
    handlers.update({p: ("detail", name) for p, name in (
        (DIP.role, "roles"), (DIP.date, "date"), (DIP.meetingKind, "meeting_kind"), (DIP.quote, "quote"),
        (DIP.direct, "direct"), (DIP.evidence, "evidence"), (PROV.wasDerivedFrom, "sources"))})
    handlers.update({p: ("article", name) for p, name in (
        (DCTERMS.title, "title"), (DCTERMS.date, "date"), (DCTERMS.publisher, "publisher"),
        (SCHEMA.url, "url"), (DIP.articleId, "id"))})
    class_names = {str(iri): name for iri, name in _CLASS_BY_IRI.items()}
    article_class = str(DIP.Article)

    for s, p, o in dataset.triples((None, None, None)):
        handler = handlers.get(p)
        if handler is None or not isinstance(s, URIRef):
            continue
        kind, name = handler
        subject = str(s)
        if kind == "type":
            if o == article_class:
                articles.setdefault(subject, {})
            found = class_names.get(str(o))
            if found is not None and _more_specific(found, classes.get(subject)):
                classes[subject] = found
        elif kind == "label":
            if isinstance(o, Literal):
                language = (o.language or "").split("-")[0].lower()
                labels.setdefault(subject, {}).setdefault(language, []).append(str(o))
        elif kind == "alt":
            if isinstance(o, Literal):
                alt_labels.setdefault(subject, []).append(str(o))
        elif kind == "relation":
            if isinstance(o, URIRef):
                relations.add((subject, name, str(o)))
        elif kind == "detail":
            details.setdefault(subject, {}).setdefault(name, []).append(str(o))
        elif kind == "same":
            if str(o).startswith("http://www.wikidata.org/entity/"):
                details.setdefault(subject, {}).setdefault("wikidata", []).append(str(o).rsplit("/", 1)[-1])
        else:  # an article's own data
            articles.setdefault(subject, {})[name] = str(o)

    graph = nx.MultiDiGraph()
    graph.graph["articles"] = dict(sorted(articles.items()))
    for node in sorted(classes):
        node_labels = labels.get(node, {})
        attributes: dict[str, object] = {
            "class": classes[node],
            "label_ar": _first(node_labels.get("ar")) or _first(node_labels.get("")) or _local_name(node),
            "label_en": _first(node_labels.get("en")),
            "alt_labels": tuple(sorted(set(alt_labels.get(node, ())))),
        }
        for name, values in details.get(node, {}).items():
            unique = tuple(sorted(set(values)))
            attributes[name] = unique if name in ("roles", "sources", "evidence") else unique[0]
        if "direct" in attributes:
            attributes["direct"] = attributes["direct"] in ("true", "1")
        graph.add_node(node, **attributes)
    for subject, relation, obj in sorted(relations):
        if subject in classes and obj in classes:
            graph.add_edge(subject, obj, key=relation, relation=relation)
    return graph


def _more_specific(new: str, old: str | None) -> bool:
    # Only PhoneCall/Meeting are nested; CLASSES lists PhoneCall first, so its order decides.
    return old is None or CLASSES.index(new) < CLASSES.index(old)


def _first(values: list[str] | None) -> str:
    return min(values) if values else ""


def _local_name(node: str) -> str:
    return re.split(r"[/#]", node.rstrip("/#"))[-1]


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
    """The nodes of the given classes, in IRI order."""
    wanted = set(classes)
    return [node for node, data in graph.nodes(data=True) if data["class"] in wanted]


def related(graph: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    """Objects of `node`'s outgoing edges for one relation, in IRI order."""
    return sorted(target for _, target, key in graph.out_edges(node, keys=True) if key == relation)


# ---------------------------------------------------------------------------------------------
# The actor network


def actor_network(source: Dataset | nx.MultiDiGraph) -> nx.Graph:
    """Actors linked when they took part in the same meeting.

    Nodes: every Person, Organization and Country, with `label_ar`, `label_en` and `class`.
    Edges: `weight` = number of shared meetings, `meetings` = their IRIs, `topics` = topic keys
    of those meetings (both sorted lists).
    """
    facts = source if isinstance(source, nx.MultiDiGraph) else fact_graph(source)
    network = nx.Graph()
    for actor in nodes_of(facts, ACTOR_CLASSES):
        data = facts.nodes[actor]
        network.add_node(actor, label_ar=data["label_ar"], label_en=data["label_en"], **{"class": data["class"]})
    for meeting in nodes_of(facts, MEETING_CLASSES):
        participants = [p for p in related(facts, meeting, "participant") if p in network]
        topics = [topic_key(t) for t in related(facts, meeting, "topic")]
        for first, second in combinations(participants, 2):
            if network.has_edge(first, second):
                edge = network.edges[first, second]
                edge["weight"] += 1
                edge["meetings"].append(meeting)
                edge["topics"] = sorted(set(edge["topics"]) | set(topics))
            else:
                network.add_edge(first, second, weight=1, meetings=[meeting], topics=sorted(set(topics)))
    return network


def export_actor_network(dataset: Dataset, path: Path, fmt: str) -> None:
    """Write the actor network as GraphML or GEXF (`fmt` "graphml" or "gexf"), UTF-8.

    Nodes carry `label` (the Arabic name, shown by Gephi), `label_ar`, `label_en` and `class`;
    edges `weight`, `meetings` and `topics`, the lists joined with "; " since both formats hold
    scalars only.
    """
    if fmt not in EXPORT_FORMATS:
        raise unknown_choice("network format", fmt, EXPORT_FORMATS)
    network = _scalar_attributes(actor_network(dataset))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if fmt == "graphml":
            nx.write_graphml(network, path, encoding="utf-8")
        else:
            nx.write_gexf(network, path, encoding="utf-8")
    except OSError as err:
        raise GraphError(f"{path}: cannot write the {fmt} file ({err.strerror or err})") from err


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
# Finding an actor by name

def search_key(text: str) -> str:
    """A form of a label for matching: kg's Arabic normalisation (no tashkeel or tatweel, one
    alef, ى→ي, ة→ه, hamza seats, Persian look-alikes, Eastern digits, lower-case Latin) with
    spaces collapsed. The page's search box applies the same rules (assets/viz.js)."""
    return " ".join(normalize(unicodedata.normalize("NFC", text)).split())


def find_actor(facts: nx.MultiDiGraph, name: str) -> str:
    """The IRI of the one actor called `name` (Arabic-normalised, any label) or with that IRI.

    An exact match of a whole label wins; otherwise a label containing `name` as whole words.
    Raises UsageError when none or several actors match, naming them.
    """
    expanded = _expand_iri(name.strip())
    if expanded in facts:
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
