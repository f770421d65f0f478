"""What tests/test_archive.py compares: stats, views and networks as plain JSON, and the goldens
made from tests/fixtures/archive/examples.trig by kg before its commands read stores with SPARQL
(run this file with that kg on the path to make them again: python tests/archive_golden.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

FOLDER = Path(__file__).parent / "fixtures" / "archive"
EXAMPLES = FOLDER / "examples.trig"
GOLDEN = FOLDER / "golden.json"
VIEWS = ("full", "actors", "actor:بوتين", "actor:لافروف", "actor:الأمم المتحدة")
CUT_VIEWS = (("full", 40), ("actors", 12), ("actor:بوتين", 9))


def view_json(view) -> dict:
    """A view (kg.viz.views) as JSON: its nodes, edges and notes."""
    return {
        "nodes": {node: {key: _plain(value) for key, value in sorted(data.items())}
                  for node, data in sorted(view.nodes(data=True))},
        "edges": sorted([source, target, key, {k: _plain(v) for k, v in sorted(data.items())}]
                        for source, target, key, data in view.edges(keys=True, data=True)),
        "graph": {key: _plain(value) for key, value in sorted(view.graph.items())},
    }


def network_json(network) -> dict:
    """The actor network (kg.network.actor_network) as JSON."""
    return {
        "nodes": {node: {k: _plain(v) for k, v in sorted(data.items())}
                  for node, data in sorted(network.nodes(data=True))},
        "edges": sorted([*sorted((a, b)), {k: _plain(v) for k, v in sorted(data.items())}]
                        for a, b, data in network.edges(data=True)),
    }


def _plain(value):
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value


def make() -> dict:
    from kg.network import actor_network
    from kg.sources import load_dataset
    from kg.stats import format_stats, graph_stats
    from kg.validate import format_report, validate
    from kg.viz import build_view

    dataset = load_dataset([EXAMPLES])
    stats = graph_stats(dataset, top=1000)
    return {
        "stats": stats.to_json(),
        "stats_table": format_stats(graph_stats(dataset)),
        "validate": format_report(validate(dataset)),
        "network": network_json(actor_network(dataset)),
        "views": {name: view_json(build_view(dataset, name)) for name in VIEWS},
        "cut_views": {f"{name} {limit}": view_json(build_view(dataset, name, max_nodes=limit))
                      for name, limit in CUT_VIEWS},
    }


if __name__ == "__main__":
    GOLDEN.write_text(json.dumps(make(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}", file=sys.stderr)
