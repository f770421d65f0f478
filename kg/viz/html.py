"""A view drawn as one self-contained HTML page with pyvis and the vis-network it ships.

pyvis's `Network` holds the nodes, edges and options. They are put into its lists directly:
`Network.add_node`/`add_edge` check membership in lists, which is quadratic and takes minutes on a
20k-node graph. pyvis's own template is not used either: it loads Bootstrap from a CDN whatever
`cdn_resources` says, and its select/filter menus list node ids, not labels. The page here inlines
vis-network's script and styles from the pyvis package, the data as JSON, and a small search and
filter panel of its own, under a Content-Security-Policy that allows no request at all.
"""

from __future__ import annotations

import base64
import hashlib
import json
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from pyvis.network import Network

from kg.errors import GraphError
from kg.network import CLASSES, topic_key
from kg.viz.layout import initial_positions
from kg.viz.timeline import Statements
from kg.viz.views import ASSETS, vocabulary

VIS_VERSION = "9.1.2"
# system fonts only (a web font would be a request); the first with Arabic glyphs wins
FONT_FACE = "Noto Naskh Arabic, Noto Sans Arabic, Segoe UI, Tahoma, DejaVu Sans, sans-serif"
LABEL_LENGTH = 48  # characters of a label drawn on the canvas; the tooltip has the whole of it
LAYOUT_FROM = 150  # views with more nodes start from kg.viz.layout; smaller ones from vis-network's own
SETTLE_BUDGET_S = 3.0  # the page stops the physics after this long, settled or not (it opens in < 5 s)
STRAY_GROUP = 3  # groups of this many nodes or fewer, apart from the rest, are tucked under it
PANEL_WORDS = 140  # characters of a statement's label the side panel shows (the page stays small at archive scale)
_LTR_ISOLATE, _POP_ISOLATE = "\u2066", "\u2069"


def render_html(view: nx.MultiDiGraph, *, title: str = "", full: nx.MultiDiGraph | None = None) -> str:
    """The page for a view (see kg.viz.views) as a string; with `full`, the full view too, one
    click away on the page."""
    net = _pyvis_network(view)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    classes = vocabulary()["classes"]
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "view": view.graph.get("view", "full"),
        # the actor network draws its own labels (kg.viz.assets/viz.js: by importance, none overlapping)
        "labelLayer": "timeline" in view.graph,
        "time": _time_payload(view, nodes),
        "communities": _community_legend(view),
        "classes": {key: {"ar": c["ar"], "en": c["en"]} for key, c in classes.items()},
        "relations": {key: {"ar": r["ar"], "en": r["en"]} for key, r in vocabulary()["relations"].items()},
        "fields": vocabulary()["fields"],
        "settleBudgetMs": int(SETTLE_BUDGET_S * 1000),
        # actors a cut left out: the search still finds them, and says how to draw one
        "leftOut": view.graph.get("left_out_names", []),
    }
    counts = {name: 0 for name in CLASSES}
    for _, data in view.nodes(data=True):
        counts[data["class"]] += 1
    legend = [
        {"key": key, "ar": classes[key]["ar"], "en": classes[key]["en"], "count": counts[key],
         "swatch": _swatch(classes[key]["shape"], classes[key]["color"])}
        for key in classes
    ]
    if full is not None:
        full_net = _pyvis_network(full)
        full_nodes, full_edges, *_rest, full_options = full_net.get_network_data()
        payload["alt"] = {"view": "full", "nodes": full_nodes, "edges": full_edges,
                          "options": json.loads(full_options), "time": _time_payload(full, full_nodes)}
    vis_js, vis_css, app_js = _asset_text()
    page = _template().render(
        title=title or _default_title(view),
        view=view.graph.get("view", "full"),
        node_count=view.number_of_nodes(),
        edge_count=view.number_of_edges(),
        notes=view.graph.get("notes", ()),
        has_full=full is not None,
        has_time=bool(payload["time"]["months"]) or any(payload["time"]["undated"]),
        communities=payload["communities"],
        legend=legend,
        topics=_topic_choices(view),
        data_json=Markup(_script_json(payload)),
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        app_css=Markup(_read_asset("viz.css")),
        app_js=Markup(app_js),
        script_hashes=" ".join(f"'sha256-{_sha256(text)}'" for text in (vis_js, app_js)),
    )
    return page


def write_html(view: nx.MultiDiGraph, path: str | Path, *, title: str = "",
               full: nx.MultiDiGraph | None = None) -> Path:
    """Write the page as UTF-8 (whatever the locale says), whole or not at all, and return its path."""
    path = Path(path)
    text = render_html(view, title=title, full=full)
    from kg.atomic import write_output

    return write_output(path, text, "the page")  # whole or not at all


# ---------------------------------------------------------------------------------------------
# Nodes, edges and options for vis-network


def _pyvis_network(view: nx.MultiDiGraph) -> Network:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    focus = view.graph.get("focus", "")
    relations = vocabulary()["relations"]
    positions = initial_positions(view) if view.number_of_nodes() > LAYOUT_FROM else {}
    strays = _strays(view)
    layered = "timeline" in view.graph  # the actor network: labels drawn by the page, by importance
    palette = vocabulary()["communities"]
    topic_ar = view.graph.get("topic_names_ar", {})
    for node, data in view.nodes(data=True):
        item: dict[str, Any] = {
            "id": node,
            "label": _canvas_label(data["label"]),
            "full": data["label"],
            "group": data["class"],
            "cls": data["class"],
            "value": data.get("degree", 0) + 1,
            "topics": list(data["topics"]),
            "rows": [list(row) for row in data["rows"]],
        }
        if data.get("date"):
            item["date"] = data["date"]
        if layered:
            item["short"] = item.pop("label")
            item["value"] = data.get("meetings", 0) + 1
            community = data.get("community")
            if community is not None:
                item["community"] = community
                if community < len(palette):
                    color = palette[community]
                    item["color"] = {"background": color, "border": _darker(color),
                                     "highlight": {"background": color, "border": "#111111"},
                                     "hover": {"background": color, "border": "#111111"}}
        if node in positions:
            item["x"], item["y"] = (round(value) for value in positions[node])
        if node in strays:
            # out of the physics (repulsion would push it to a far ring): the page puts strays in
            # a grid under the network once it has settled, each small group in adjacent cells
            item.update(stray=strays[node], physics=False)
        if data["label_en"]:
            item["en"] = data["label_en"]
        if data["alt_labels"]:
            item["alt"] = list(data["alt_labels"])
        if node == focus:
            color = vocabulary()["classes"][data["class"]]["color"]
            item.update(borderWidth=5, color={"background": color, "border": "#111111"})
        net.nodes.append(item)
    for number, (source, target, relation, data) in enumerate(view.edges(keys=True, data=True)):
        edge: dict[str, Any] = {"id": f"e{number}", "from": source, "to": target, "rel": relation}
        if relation in ("met", "call"):
            edge.update(value=data["weight"], topics=list(data["topics"]), rows=[list(r) for r in data["rows"]],
                        arrows={"to": {"enabled": False}}, weight=data["weight"],
                        text=_met_label(data, topic_ar))
            if relation == "call":
                edge["dashes"] = [6, 5]
            if not layered:
                edge["label"] = edge["text"]
        else:
            edge["label"] = relations[relation]["ar"]
        net.edges.append(edge)
    net.options = _options(view)
    return net


def _options(view: nx.MultiDiGraph) -> dict[str, Any]:
    size = view.number_of_nodes()
    large = size > 1500
    groups = {
        key: {"shape": c["shape"], "color": {"background": c["color"], "border": _darker(c["color"]),
                                             "highlight": {"background": c["color"], "border": "#111111"},
                                             "hover": {"background": c["color"], "border": "#111111"}}}
        for key, c in vocabulary()["classes"].items()
    }
    groups["Topic"]["font"] = {"color": "#ffffff", "strokeWidth": 0}
    return {
        "groups": groups,
        "nodes": {
            "font": {"size": 14, "face": FONT_FACE, "color": "#1f2933", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # labels grow with the node so that the busiest stay legible in the overview (vis-network
            # 9.1.2's maxVisible does not cap the drawn size: the range itself must stay moderate)
            "scaling": {"min": 8, "max": 34,
                        "label": {"enabled": True, "min": 14, "max": 30, "drawThreshold": 5}},
            "borderWidth": 1,
        },
        "edges": {
            "color": {"color": "#9aa5b1", "highlight": "#1f2933", "hover": "#1f2933"},
            "font": {"size": 10, "color": "#52606d", "strokeWidth": 2, "strokeColor": "#ffffff", "align": "middle"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "scaling": {"min": 1, "max": 8, "label": {"enabled": False}},
            # the actor network: straight edges, so that their labels sit at their middles
            "smooth": False if large or "timeline" in view.graph else {"enabled": True, "type": "continuous",
                                                                      "roundness": 0.3},
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            # a coarser Barnes-Hut approximation on large graphs: more steps in the same time
            "barnesHut": {"gravitationalConstant": -12000, "centralGravity": 0.35, "springLength": 150,
                          "springConstant": 0.03, "damping": 0.5, "avoidOverlap": 0 if large else 0.3,
                          "theta": 0.9 if large else 0.5},
            "minVelocity": 1.0,
            # small batches on large graphs: the page checks its time budget between batches
            "stabilization": {"enabled": True, "iterations": _iterations(size),
                              "updateInterval": max(1, min(10, 20_000 // max(size, 1))), "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "multiselect": True},
        "layout": {"randomSeed": 7, "improvedLayout": size <= LAYOUT_FROM},
    }


def _strays(view: nx.MultiDiGraph) -> dict[str, int]:
    """Nodes with no link, and groups of at most STRAY_GROUP linked only among themselves, when
    the view also has a network of at least ten nodes: node -> its group's number."""
    parts = sorted((sorted(part) for part in nx.weakly_connected_components(view)), key=lambda p: (len(p), p))
    if not parts or len(parts[-1]) < 10:
        return {}
    small = [part for part in parts if len(part) <= STRAY_GROUP and view.graph.get("focus") not in part]
    small.sort(key=lambda part: (view.nodes[part[0]]["class"], len(part), part))
    return {node: number for number, part in enumerate(small) for node in part}


def _iterations(size: int) -> int:
    """Stabilisation steps: enough for a small graph to settle fully; fewer for large ones, which
    start from kg.viz.layout and whose steps cost about n log n (SETTLE_BUDGET_S bounds them too)."""
    if size <= LAYOUT_FROM:
        return 1000
    return max(50, min(200, 50_000 // size))


def _canvas_label(label: str) -> str:
    """A label for the canvas: cut to LABEL_LENGTH, and isolated left-to-right when it starts
    with a left-to-right letter (the canvas lays text out right-to-left)."""
    if len(label) > LABEL_LENGTH:
        label = label[: LABEL_LENGTH - 1].rstrip() + "…"
    if _first_strong_is_ltr(label):
        label = f"{_LTR_ISOLATE}{label}{_POP_ISOLATE}"
    return label


def _first_strong_is_ltr(text: str) -> bool:
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return True
        if direction in ("R", "AL"):
            return False
    return False


def _met_label(data: dict, topic_ar: dict[str, str]) -> str:
    """`×N · topic، topic…`, the topics by their Arabic names (the scheme's @ar labels)."""
    topics = "، ".join(topic_ar.get(t, t) for t in data["topics"][:2])
    more = "…" if len(data["topics"]) > 2 else ""
    return f"×{data['weight']}" + (f" · {topics}{more}" if topics else "")


def _topic_choices(view: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for _, data in view.nodes(data=True):
        if data["class"] != "Topic":
            for key in data["topics"]:
                counts[key] = counts.get(key, 0) + 1
    names = _topic_names(view)
    return [{"key": key, "ar": names.get(key, (key, ""))[0], "en": names.get(key, (key, ""))[1], "count": count}
            for key, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _topic_names(view: nx.MultiDiGraph) -> dict[str, tuple[str, str]]:
    names = {topic_key(n): (d["label"], d["label_en"]) for n, d in view.nodes(data=True) if d["class"] == "Topic"}
    for key, name in view.graph.get("topic_names", {}).items():  # the actor view has no topic nodes
        ar, _, en = name.partition(" (")
        names.setdefault(key, (ar, en.removesuffix(")")))
    return names


def _default_title(view: nx.MultiDiGraph) -> str:
    focus = view.graph.get("focus", "")
    if focus in view:
        data = view.nodes[focus]
        return f"محيط {data['label']} · around {data['label_en'] or data['label']}"
    if view.graph.get("view") == "actors":
        return "شبكة الفاعلين · who met whom"
    return "شبكة الدبلوماسية · diplomacy network"


def _darker(color: str) -> str:
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * 0.7):02x}" for c in (red, green, blue))


# ---------------------------------------------------------------------------------------------
# Legend swatches: small SVG shapes in each class's colour

_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "hexagon": '<polygon points="8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5"/>',
    "triangle": '<polygon points="8,1.5 14.5,14 1.5,14"/>',
    "triangleDown": '<polygon points="1.5,2 14.5,2 8,14.5"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
    "box": '<rect x="1" y="4" width="14" height="8" rx="2"/>',
}


def _swatch(shape: str, color: str) -> Markup:
    return Markup(
        f'<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" '
        f'fill="{escape(color)}" stroke="{escape(_darker(color))}">{_SHAPES[shape]}</svg>'
    )


# ---------------------------------------------------------------------------------------------
# Assets


@cache
def _template():
    env = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("page.html")


@cache
def _asset_text() -> tuple[str, str, str]:
    """vis-network's script and styles from the pyvis package, and this page's own script."""
    folder = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        # the browser hashes scripts after turning CRLF into LF: hash the same text
        vis_js = (folder / "vis-network.min.js").read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        vis_css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise GraphError(f"pyvis's vis-network {VIS_VERSION} files are missing under {folder} ({err})") from err
    app_js = _read_asset("viz.js")
    for name, text in (("vis-network.min.js", vis_js), ("viz.js", app_js), ("vis-network.css", vis_css)):
        if "</script" in text.lower() or "</style" in text.lower():  # would end the inline element early
            raise GraphError(f"{name} cannot be inlined: it contains a closing script or style tag")
    return vis_js, vis_css, app_js


def _read_asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _script_json(payload: dict[str, Any]) -> str:
    """JSON that is safe inside <script type="application/json">: no <, > or & left to end it."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# ---------------------------------------------------------------------------------------------
# Time: the slider's months, the histogram above it, and the events the page filters by them

_EVENT_KIND = {"Meeting": 0, "PhoneCall": 1, "Statement": 2}


def _months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ('YYYY-MM'), both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _time_payload(view: nx.MultiDiGraph, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """The slider's months (the first dated event's to the last's), events per month (meetings,
    calls, statements) and undated events; for the actor network also its meetings, its actors'
    latest statements and their articles; in the other views each event node gets its `month`."""
    timeline = view.graph.get("timeline")
    if timeline is None:
        events = [(node["date"][:7], _EVENT_KIND[node["cls"]], 1) for node in nodes
                  if node["cls"] in _EVENT_KIND and node.get("date")]  # fmt: skip
        undated = [0, 0, 0]
        for node in nodes:
            if node["cls"] in _EVENT_KIND and not node.get("date"):
                undated[_EVENT_KIND[node["cls"]]] += 1
    else:
        said: Statements = timeline["statements"]
        speakers = {node["id"] for node in nodes}
        events = [(date[:7], 1 if call else 0, 1) for date, call, *_ in timeline["meetings"] if date]
        events += [(month, 2, n) for speaker, months in said.months.items() if speaker in speakers
                   for month, n in months.items() if month]  # fmt: skip
        undated = [sum(1 for m in timeline["meetings"] if not m[0] and not m[1]),
                   sum(1 for m in timeline["meetings"] if not m[0] and m[1]),
                   sum(months.get("", 0) for speaker, months in said.months.items() if speaker in speakers)]
    months = _months_between(min(e[0] for e in events), max(e[0] for e in events)) if events else []
    number = {month: i for i, month in enumerate(months)}
    histogram = [[0, 0, 0] for _ in months]
    for month, kind, count in events:
        histogram[number[month]][kind] += count
    payload: dict[str, Any] = {"months": months, "histogram": histogram, "undated": undated}
    if timeline is None:
        for node in nodes:
            if node["cls"] in _EVENT_KIND:
                node["month"] = number[node["date"][:7]] if node.get("date") else -1
        return payload
    index = {node["id"]: i for i, node in enumerate(nodes)}
    urls: dict[str, int] = {}  # each source URL once: events name theirs by its place in payload["urls"]

    def source(url: str) -> int:
        return urls.setdefault(url, len(urls)) if url else -1

    payload["meetings"] = [
        [number[date[:7]] if date else -1, int(call), [index[a] for a in inside], others, source(url), date]
        for date, call, inside, others, url in sorted(timeline["meetings"], key=lambda m: (m[0] or "9", m[2]))
    ]  # fmt: skip
    payload["statements"] = [[number[s.date[:7]] if s.date else -1, index[s.speaker], s.date, _shorter(s.label),
                              source(s.url)]
                             for s in said.latest if s.speaker in index]  # fmt: skip
    listed = Counter(s.speaker for s in said.latest if s.speaker in index)
    payload["moreStatements"] = {index[speaker]: said.total(speaker) - n for speaker, n in sorted(listed.items())
                                 if said.total(speaker) > n}  # fmt: skip
    payload["urls"] = list(urls)
    return payload


def _shorter(text: str) -> str:
    return text if len(text) <= PANEL_WORDS else text[: PANEL_WORDS - 1].rstrip() + "…"


def _community_legend(view: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The coloured communities, each named after its most active member."""
    palette = vocabulary()["communities"]
    return [{"color": palette[number], "name": name, "size": size}
            for number, (name, size) in enumerate(view.graph.get("communities", ())[: len(palette)])]
