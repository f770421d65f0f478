"""Starting positions for large views, so the browser's physics refines a layout instead of
untangling a random one (on a few thousand nodes vis-network needs ~100 ms a step: too few steps
fit in a few seconds to get anywhere from random positions).

Nodes that meet, speak and are spoken of together form communities (Louvain, fixed seed); each
community is a disc of nodes on a sunflower (Vogel) spiral, best connected in the middle, and the
discs sit on a larger spiral, biggest first. Topics, which link everything, start at the middle
of what they are linked to; nodes with no link start on a ring outside. Pure Python, O(edges)
apart from the community search, and the same view always gives the same positions.
"""

from __future__ import annotations

import math

import networkx as nx

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
HUB_CLASSES = frozenset({"Topic"})  # linked to everything: left out of the communities


def initial_positions(view: nx.MultiDiGraph, spacing: float = 90.0, seed: int = 7) -> dict[str, tuple[float, float]]:
    """(x, y) for every node of the view, in vis-network's canvas units."""
    linked = nx.Graph()
    linked.add_nodes_from(n for n, d in view.nodes(data=True) if d["class"] not in HUB_CLASSES)
    linked.add_edges_from((a, b) for a, b in view.edges() if a != b and a in linked and b in linked)
    lonely = sorted(n for n in linked if linked.degree(n) == 0)
    linked.remove_nodes_from(lonely)

    communities = nx.community.louvain_communities(linked, seed=seed) if linked.number_of_edges() else []
    ordered = sorted((sorted(c) for c in communities), key=lambda members: (-len(members), members[0]))
    positions: dict[str, tuple[float, float]] = {}
    placed = 0
    for number, members in enumerate(ordered):
        # the disc's centre: far enough out on the big spiral to leave room for the discs before it
        radius = spacing * math.sqrt(placed + len(members) / 2)
        angle = number * GOLDEN_ANGLE
        centre_x, centre_y = radius * math.cos(angle), radius * math.sin(angle)
        members.sort(key=lambda node: (-linked.degree(node), node))
        for index, node in enumerate(members):
            r, a = 0.8 * spacing * math.sqrt(index), index * GOLDEN_ANGLE
            positions[node] = (centre_x + r * math.cos(a), centre_y + r * math.sin(a))
        placed += len(members)

    for node in sorted(n for n, d in view.nodes(data=True) if d["class"] in HUB_CLASSES):
        near = [positions[other] for other in nx.all_neighbors(view, node) if other in positions]
        if near:
            positions[node] = (sum(x for x, _ in near) / len(near), sum(y for _, y in near) / len(near))
        else:
            lonely.append(node)

    outer = spacing * (math.sqrt(placed) + 3)
    for index, node in enumerate(lonely):
        angle = 2 * math.pi * index / max(len(lonely), 1)
        positions[node] = (outer * math.cos(angle), outer * math.sin(angle))
    return positions
