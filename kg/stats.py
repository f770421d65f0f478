"""Figures about a graph: how many of each kind, the most central actors, and their communities.

Everything is read with SPARQL through an engine (kg.engine), so a store of 100k articles is
never loaded: the counts are made in the store, and the actor network comes from one SELECT of
each meeting's actors (kg.network.meeting_actors); labels are read for the actors shown only.

Centrality is read off the actor network: `meetings` is how many meetings an actor took part in,
`partners` how many other actors it met (degree), `strength` the meetings counted once per
partner (weighted degree), `betweenness` how often it lies on the shortest paths between other
actors, where actors who met more often are closer (distance = 1 / meetings together); on a large
network it is estimated from a sample of sources, as many as a few seconds of work allow.
Communities are Louvain communities over the meeting weights, with a fixed seed so the same graph
always gives the same answer.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from kg.engine import as_engine
from kg.errors import unknown_choice
from kg.network import ACTOR_CLASSES, class_counts, count_articles, meeting_actors, names

STATS_FORMATS = ("table", "json")
EXACT_BETWEENNESS_LIMIT = 2000  # above this many actors, betweenness is estimated from a sample
BETWEENNESS_SAMPLE = 500  # sources sampled at most
# Shortest-path searches cost about one edge each per source: above this many edges times sources,
# fewer sources are sampled (at least BETWEENNESS_MIN_SAMPLE), so statistics stay a matter of seconds.
BETWEENNESS_WORK = 4_000_000
BETWEENNESS_MIN_SAMPLE = 16


@dataclass(frozen=True, slots=True)
class ActorRank:
    """One actor's place in the actor network."""

    iri: str
    label_ar: str
    label_en: str
    kind: str
    meetings: int
    partners: int
    strength: int
    betweenness: float
    community: int  # 1-based number in GraphStats.communities, 0 when it met no one


@dataclass(frozen=True, slots=True)
class Community:
    """Actors who met among themselves more than with others, strongest first."""

    number: int
    members: tuple[ActorRank, ...]


@dataclass(frozen=True, slots=True)
class GraphStats:
    """Counts per class, the most central actors and the communities of the actor network."""

    counts: tuple[tuple[str, int], ...]  # (class, number of nodes) in CLASSES order
    articles: int
    triples: int
    actors: tuple[ActorRank, ...]  # the `top` most central, most meetings first
    communities: tuple[Community, ...]
    betweenness_exact: bool
    betweenness_sample: int = 0  # sources the estimate was made from (0 when exact)

    def to_json(self) -> dict[str, Any]:
        """The figures as plain JSON-ready values."""
        return {
            "counts": dict(self.counts),
            "articles": self.articles,
            "triples": self.triples,
            "central_actors": [asdict(actor) for actor in self.actors],
            "communities": [
                {"number": c.number, "size": len(c.members),
                 "members": [{"iri": m.iri, "label_ar": m.label_ar, "label_en": m.label_en} for m in c.members]}
                for c in self.communities
            ],
            "betweenness_exact": self.betweenness_exact,
            **({} if self.betweenness_exact else {"betweenness_sample": self.betweenness_sample}),
        }


def graph_stats(source, *, top: int = 15, seed: int = 0) -> GraphStats:
    """Counts, the `top` most central actors and the communities of a graph (an engine, or what
    kg.engine.as_engine takes: an rdflib Dataset, a pyoxigraph Store)."""
    engine = as_engine(source)
    counts = class_counts(engine)
    found = meeting_actors(engine)
    network = nx.Graph()
    network.add_nodes_from(found.order)
    for (first, second), weight in found.weights().items():
        network.add_edge(found.order[first], found.order[second], weight=weight)
    per_position = found.meeting_counts()
    meetings = {actor: per_position[index] for index, actor in enumerate(found.order)}
    strength = dict(network.degree(weight="weight"))
    betweenness, sample = _betweenness(network, seed)
    groups = _communities(network, seed)
    community_of = {actor: number for number, members in enumerate(groups, 1) for actor in members}
    ranked = sorted(network, key=lambda a: (-meetings[a], -betweenness[a], -strength[a], a))[:top]
    called = names(engine, [*ranked, *community_of])

    def rank(actor: str) -> ActorRank:
        return ActorRank(actor, called[actor].ar, called[actor].en, found.actors[actor], meetings[actor],
                         network.degree(actor), strength[actor], round(betweenness[actor], 4),
                         community_of.get(actor, 0))  # fmt: skip

    communities = tuple(
        Community(number, tuple(rank(a) for a in sorted(members, key=lambda a: (-strength[a], a))))
        for number, members in enumerate(groups, 1)
    )
    return GraphStats(tuple((name, counts[name]) for name in counts), count_articles(engine), engine.triples(),
                      tuple(rank(a) for a in ranked), communities, sample is None, sample or 0)  # fmt: skip


def _betweenness(network: nx.Graph, seed: int) -> tuple[dict[str, float], int | None]:
    """Betweenness of every actor, and the number of sources it was estimated from (None: exact)."""
    for first, second, data in network.edges(data=True):
        network.edges[first, second]["distance"] = 1.0 / data["weight"]
    nodes, edges = network.number_of_nodes(), max(network.number_of_edges(), 1)
    if nodes <= EXACT_BETWEENNESS_LIMIT and nodes * edges <= BETWEENNESS_WORK:
        return betweenness_centrality(network), None
    sample = min(nodes, BETWEENNESS_SAMPLE, max(BETWEENNESS_MIN_SAMPLE, BETWEENNESS_WORK // edges))
    return betweenness_centrality(network, sample, seed), sample


def betweenness_centrality(network: nx.Graph, k: int | None = None, seed: int = 0) -> dict[str, float]:
    """`nx.betweenness_centrality(network, k, normalized=True, weight="distance", seed=seed)` of an
    undirected graph, to the last bit: the same sources (the same random sample), the same
    Dijkstra (ties broken by the order of discovery, neighbours in the graph's order) and the same
    sums in the same order, over lists indexed by number instead of dictionaries and a weight
    function (about three times as fast: an archive's network has a quarter of a million edges)."""
    import math
    import random
    from heapq import heappop, heappush

    order = list(network)
    n = len(order)
    if k == n:
        k = None
    number = {node: i for i, node in enumerate(order)}
    adjacency = [[(number[w], data.get("distance", 1)) for w, data in network.adj[v].items()] for v in order]
    sources = range(n) if k is None else [number[v] for v in random.Random(seed).sample(order, k)]
    betweenness = [0.0] * n
    for s in sources:
        sigma = [0.0] * n
        done = [False] * n
        seen: list[float | None] = [None] * n
        preds: list[list[int]] = [[] for _ in range(n)]
        found = []
        sigma[s] = 1.0
        seen[s] = 0
        queue = [(0, 0, s, s)]
        pushed = 0
        while queue:
            dist, _, pred, v = heappop(queue)
            if done[v]:
                continue
            sigma[v] += sigma[pred]
            found.append(v)
            done[v] = True
            for w, weight in adjacency[v]:
                vw_dist = dist + weight
                if not done[w] and (seen[w] is None or vw_dist < seen[w]):
                    seen[w] = vw_dist
                    pushed += 1
                    heappush(queue, (vw_dist, pushed, v, w))
                    sigma[w] = 0.0
                    preds[w] = [v]
                elif vw_dist == seen[w]:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = [0] * n
        while found:
            w = found.pop()
            coeff = (1 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                betweenness[w] += delta[w]
    # nx's _rescale (normalized, undirected, endpoints excluded)
    big_n = n - 1
    if big_n >= 2:
        if k is None:
            scale = 1 / (big_n * (big_n - 1))
            if scale != 1:
                betweenness = [value * scale for value in betweenness]
        else:
            scale_source = 1 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
            scale_other = 1 / (k * (big_n - 1))
            sampled = set(sources)
            betweenness = [value * (scale_source if i in sampled else scale_other)
                           for i, value in enumerate(betweenness)]
    return dict(zip(order, betweenness, strict=True))


def _communities(network: nx.Graph, seed: int) -> list[list[str]]:
    if network.number_of_edges() == 0:
        return []
    # Louvain's order of work must not follow Python's string hashing, which changes from run to
    # run (a subgraph view iterates a set of names; Louvain itself walks sets of nodes): it runs
    # on a graph of numbers (the actors in IRI order), built in that order
    actors = sorted(actor for actor in network if network.degree(actor) > 0)
    number = {actor: index for index, actor in enumerate(actors)}
    numbered = nx.Graph()
    numbered.add_nodes_from(range(len(actors)))
    numbered.add_weighted_edges_from(sorted((number[a], number[b], w) if number[a] < number[b] else
                                            (number[b], number[a], w) for a, b, w in network.edges(data="weight")))
    found = nx.community.louvain_communities(numbered, weight="weight", seed=seed)
    return sorted((sorted(actors[i] for i in group) for group in found), key=lambda group: (-len(group), group[0]))


# ---------------------------------------------------------------------------------------------
# Output


def format_stats(stats: GraphStats, fmt: str = "table") -> str:
    """The figures as a readable table or as JSON."""
    if fmt not in STATS_FORMATS:
        raise unknown_choice("stats format", fmt, STATS_FORMATS)
    if fmt == "json":
        return json.dumps(stats.to_json(), ensure_ascii=False, indent=2)
    return _table(stats)


def display_width(text: str) -> int:
    """Columns a terminal gives the text: marks (tashkeel) and format characters take none, wide
    East Asian characters two."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, *, right: bool = False) -> str:
    space = " " * max(0, width - display_width(text))
    return space + text if right else text + space


def _columns(header: list[str], rows: list[list[str]], numeric: set[int]) -> list[str]:
    # The last column (the Arabic name) is never padded: nothing follows it, so bidi in the
    # terminal cannot push the other columns around.
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [_pad(cell, widths[i], right=i in numeric) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def _table(stats: GraphStats) -> str:
    lines = ["Nodes per class"]
    lines += ["  " + line for line in _columns(
        ["class", "nodes", ""],
        [[name, str(count), ""] for name, count in stats.counts] + [["Article", str(stats.articles), ""]],
        numeric={1},
    )[1:]]
    lines.append(f"  triples  {stats.triples}")
    lines.append("")
    approx = "" if stats.betweenness_exact else f", estimated from {stats.betweenness_sample} samples"
    lines.append(f"Most central actors (most meetings first; betweenness weighted by meetings together{approx})")
    if stats.actors:
        header = ["#", "meetings", "partners", "strength", "betweenness", "community", "class", "name", "الاسم"]
        rows = [[str(i), str(a.meetings), str(a.partners), str(a.strength), f"{a.betweenness:.3f}",
                 str(a.community or "-"), a.kind, a.label_en or "-", a.label_ar]
                for i, a in enumerate(stats.actors, 1)]
        lines += ["  " + line for line in _columns(header, rows, numeric={0, 1, 2, 3, 4, 5})]
    else:
        lines.append("  (no actors)")
    lines.append("")
    lines.append("Communities (Louvain over meetings together)")
    if not stats.communities:
        lines.append("  (no two actors met)")
    for community in stats.communities:
        names = "، ".join(m.label_ar for m in community.members)
        lines.append(f"  {community.number}. {len(community.members)} actors: {names}")
    return "\n".join(lines)


__all__ = ["ACTOR_CLASSES", "ActorRank", "Community", "GraphStats", "display_width", "format_stats", "graph_stats"]
