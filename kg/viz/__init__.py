"""The graph as an interactive network page: one self-contained HTML file that opens offline.

    from kg.engine import open_engine
    from kg.viz import write_viz
    summary = write_viz(open_engine(store="exports/store"), "exports/graph.html", view="actors")

`build_view` gives the networkx graph a view shows (kg.viz.views), `render_html`/`write_html`
draw it (kg.viz.html), and kg.viz.browser opens a page in headless Chromium for a screenshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.viz.html import render_html, write_html
from kg.viz.views import VIEW_CHOICES, ViewSpec, build_view

FULL_INLINE = 3000  # the actor network's page holds the full view too up to this many nodes

__all__ = ["FULL_INLINE", "VIEW_CHOICES", "ViewSpec", "VizSummary", "build_view", "render_html", "write_html",
           "write_viz"]


@dataclass(frozen=True, slots=True)
class VizSummary:
    """What a page shows: its file, the view, the nodes and edges drawn and those left out."""

    path: Path
    view: str
    nodes: int
    edges: int
    total_nodes: int

    notes: tuple[str, ...] = ()  # what the page says of itself (in English): what a cut left out

    def __str__(self) -> str:
        cut = f" (of {self.total_nodes:,}; the rest left out by --max-nodes)" if self.total_nodes > self.nodes else ""
        line = f"wrote {self.path}: view {self.view}, {self.nodes:,} nodes{cut}, {self.edges:,} edges"
        return "\n".join([line, *(f"  {note}" for note in self.notes)])


def write_viz(source, path: str | Path, *, view: str | ViewSpec = "actors", max_nodes: int | None = None,
              max_edges: int | None = None, title: str = "") -> VizSummary:
    """Draw one view of the graph (an engine, or what kg.engine.as_engine takes) as an HTML page
    at `path` (UTF-8, self-contained). The actor network (the default) carries the full view too,
    one click away, when the whole graph has at most FULL_INLINE nodes."""
    import networkx as nx

    from kg.engine import as_engine
    from kg.network import node_count

    spec = ViewSpec.parse(view) if isinstance(view, str) else view
    source = source if isinstance(source, nx.MultiDiGraph) else as_engine(source)
    size = source.number_of_nodes() if isinstance(source, nx.MultiDiGraph) else node_count(source)
    shown = build_view(source, spec, max_nodes=max_nodes, max_edges=max_edges, size=size)
    full = None
    if spec.kind == "actors":
        if size <= FULL_INLINE:
            full = build_view(source, "full", size=size)
        else:
            shown.graph["notes"] = [*shown.graph.get("notes", ()), (
                f"الشبكة الكاملة ({size} عقدة) أكبر من أن تُضمّن هنا: ‎kg viz --view full‎ يرسمها.",
                f"The full graph ({size:,} nodes) is too large to include: kg viz --view full draws it.")]
    written = write_html(shown, path, title=title, full=full)
    notes = tuple(en for _, en in shown.graph.get("notes", ()) if "--max-" in en)
    return VizSummary(written, shown.graph["view"], shown.number_of_nodes(), shown.number_of_edges(),
                      shown.graph["total_nodes"], notes)
