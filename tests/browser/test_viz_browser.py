"""The generated page in headless Chromium, opened from file:// with the network cut off."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kg.network import search_key
from kg.viz import write_viz
from kg.viz.browser import PageLog, screenshot

pytestmark = pytest.mark.browser

R = "https://w3id.org/dipkg/resource/"
LAVROV, SAFADI = f"{R}person/sergey-lavrov", f"{R}person/ayman-safadi"
XSS_STATEMENT, QUOTES_STATEMENT = f"{R}statement/0a0a0a0a0a01", f"{R}statement/0a0a0a0a0a02"
XSS = "<img src=x onerror=alert(1)>"
ARABIC = range(0x0600, 0x0700)
PROJECT = Path(__file__).resolve().parents[2]
FIXTURE = PROJECT / "tests" / "fixtures" / "viz.trig"


def assert_clean(log: PageLog) -> None:
    """Nothing went wrong on the page, no dialog opened and no request tried to leave it."""
    assert log.page_errors == []
    assert log.console_errors == []
    assert log.blocked_requests == []
    assert log.dialogs == []


def shown_nodes(page) -> set[str]:
    return set(page.evaluate("kgViz.shownNodeIds()"))


def drawn_share(page) -> float:
    """The share of the canvas that is not background: the network was drawn."""
    return page.evaluate("""() => {
        const canvas = document.querySelector('#kg-network canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 0 && (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)) inked++;
        }
        return inked / (pixels.length / 4);
    }""")


def hover(page, node: str) -> None:
    """Bring a node to the middle of the canvas and move the mouse onto it."""
    # vis-network learns a node's hit box when it draws it: under load the first frame after
    # focus may not have been drawn yet, so draw and ask again for a while before giving up
    for _ in range(50):
        point = page.evaluate("""id => {
            const network = kgViz.network;
            network.focus(id, {scale: 2.5, animation: false});
            network.redraw();
            const dom = network.canvasToDOM(network.getPosition(id));
            return {x: dom.x, y: dom.y, under: network.getNodeAt(dom)};
        }""", node)
        if point["under"] == node:
            break
        page.wait_for_timeout(100)
    assert point["under"] == node, f"another node covers {node}"
    box = page.locator("#kg-network").bounding_box()
    page.mouse.move(box["x"] + point["x"] + 1, box["y"] + point["y"] + 1)
    page.locator("#kg-tooltip").wait_for(state="visible", timeout=5000)


@pytest.mark.parametrize("name", ["full", "actors", "guterres", "cut"])
def test_page_draws_offline_with_the_views_nodes_and_edges(pages, views, open_settled, name):
    page, log = open_settled(pages[name])
    view = views[name]
    assert set(page.evaluate("kgViz.nodes.getIds()")) == set(view.nodes)
    assert page.evaluate("kgViz.edges.length") == view.number_of_edges()
    edges = page.evaluate("kgViz.edges.get().map(e => [e.from, e.to])")
    assert {(a, b) for a, b in edges} == {(a, b) for a, b in view.edges()}
    labels = page.evaluate("kgViz.nodes.get().map(n => n.label || n.short)")  # the actor network draws its own
    assert all(any(ord(c) in ARABIC for c in label) for label in labels if "SANA" not in label)
    assert page.evaluate("kgViz.network.physics.options.enabled") is False  # settled, then stopped
    # vis-network draws labels on the canvas, which lays text out in the canvas's direction
    assert page.evaluate("getComputedStyle(document.querySelector('#kg-network canvas')).direction") == "rtl"
    context_direction = "document.querySelector('#kg-network canvas').getContext('2d').direction"
    assert page.evaluate(context_direction) in ("rtl", "inherit")
    assert drawn_share(page) > 0.002
    assert_clean(log)


def test_page_says_what_max_nodes_left_out(pages, open_settled):
    page, log = open_settled(pages["cut"])
    note = page.locator("#kg-notes").inner_text()
    assert "Showing the 10 most connected of 29 nodes (--max-nodes 10)" in note
    assert "من أصل 29" in note
    assert_clean(log)


@pytest.mark.parametrize(("query", "expected"), [
    ("ايمن الصفدى", {SAFADI, f"{R}meeting/2023-03-11-f6e5d4c3b2", f"{R}meeting/2023-03-12-b7c8d9e0f1",
                      f"{R}meeting/2023-03-15-c1d2e3f4a5"}),
    ("عمان", {f"{R}place/amman-250441"}),  # the label is written عَمّان
    ("الامم المتحده", {f"{R}org/un"}),
    ("نشدد", {f"{R}statement/0a0a0a0a0a04"}),  # the label is written نُشدِّد
    ("LAVROV", {LAVROV}),  # English labels too, in any case
    ("المقداد", {f"{R}person/faisal-mekdad", f"{R}meeting/2023-03-10-a1b2c3d4e5",
                 f"{R}meeting/2023-03-11-f6e5d4c3b2", f"{R}meeting/2023-03-15-c1d2e3f4a5", QUOTES_STATEMENT}),
    ("زيد", set()),
])
def test_search_finds_labels_in_any_spelling_and_dims_the_rest(pages, open_settled, query, expected):
    page, log = open_settled(pages["full"])
    page.fill("#kg-search", query)
    assert set(page.evaluate("kgViz.state.matches")) == expected
    assert set(page.evaluate("kgViz.network.getSelectedNodes()")) == expected
    dimmed = set(page.evaluate("kgViz.nodes.getIds({filter: n => n.dimmed})"))
    assert dimmed == (shown_nodes(page) - expected if expected else set(page.evaluate("kgViz.nodes.getIds()")))
    results = page.locator("#kg-results button").all_inner_texts()
    assert len(results) == len(expected)
    page.fill("#kg-search", "")
    assert page.evaluate("kgViz.nodes.getIds({filter: n => n.dimmed}).length") == 0
    assert_clean(log)


def test_search_in_the_page_folds_like_the_python_side(pages, open_settled):
    page, log = open_settled(pages["full"])
    samples = ["أيمن الصفدي", "الأمم المتحدة", "عَمّان", "مسؤول", "الرئيـــس", "إعادة الإعمار", "Sergey  Lavrov",
               "کشور ایران", "قمة ٢٠٢٣", "\ufef7\ufee3\ufef4\ufee6", "\u200fبوتين\u200e", "مُسْتَشار\u00a0الأمن"]
    assert page.evaluate("texts => texts.map(kgViz.searchKey)", samples) == [search_key(s) for s in samples]
    assert_clean(log)


def test_clicking_a_search_result_focuses_and_describes_the_node(pages, open_settled):
    page, log = open_settled(pages["full"])
    page.fill("#kg-search", "عمان")
    page.locator("#kg-results button").first.click()
    tooltip = page.locator("#kg-tooltip")
    assert "عَمّان" in tooltip.inner_text() and "Amman" in tooltip.inner_text()
    assert_clean(log)


def test_unticking_a_kind_hides_its_nodes_and_their_edges(pages, views, open_settled):
    page, log = open_settled(pages["full"])
    view = views["full"]
    page.locator('#kg-legend input[data-class="Statement"]').uncheck()
    statements = {n for n, d in view.nodes(data=True) if d["class"] == "Statement"}
    assert shown_nodes(page) == set(view.nodes) - statements
    shown_edges = page.evaluate("kgViz.edges.get(kgViz.shownEdgeIds()).map(e => [e.from, e.to])")
    assert shown_edges and not any(a in statements or b in statements for a, b in shown_edges)
    assert page.locator("#kg-shown-nodes").inner_text() == str(len(view) - len(statements))
    page.locator('#kg-legend input[data-class="Statement"]').check()
    assert shown_nodes(page) == set(view.nodes)
    assert len(page.evaluate("kgViz.shownEdgeIds()")) == view.number_of_edges()
    assert_clean(log)


@pytest.mark.parametrize(("name", "topic"), [("full", "refugees"), ("full", "ceasefire"), ("actors", "security")])
def test_choosing_a_topic_keeps_what_is_about_it(pages, views, open_settled, name, topic):
    page, log = open_settled(pages[name])
    view = views[name]
    page.select_option("#kg-topic", topic)
    expected = {n for n, d in view.nodes(data=True) if topic in d["topics"]}
    assert expected and shown_nodes(page) == expected
    shown_edges = page.evaluate("kgViz.edges.get(kgViz.shownEdgeIds())")
    assert all(e["from"] in expected and e["to"] in expected for e in shown_edges)
    if name == "actors":
        assert all(topic in e["topics"] for e in shown_edges)
    page.click("#kg-reset")
    assert shown_nodes(page) == set(view.nodes)
    assert_clean(log)


@pytest.mark.parametrize(("node", "must_show"), [
    (XSS_STATEMENT, [XSS, "سيرغي لافروف (Sergey Lavrov)", "لافروف يستقبل المقداد في موسكو"]),
    (QUOTES_STATEMENT, ['"السوري-السوري"', "'الضمانات'", "</script><script>alert(2)</script>"]),
    (f"{R}meeting/2023-03-15-c1d2e3f4a5", ["2023-03-15", "عَمّان (Amman)", "سامح شكري (Sameh Shoukry)",
                                           "غوتيريش يلتقي شكري ويدعو إلى تثبيت التهدئة"]),
])
def test_tooltips_show_article_text_as_text_and_run_nothing(pages, open_settled, node, must_show):
    page, log = open_settled(pages["full"])
    hover(page, node)
    text = page.locator("#kg-tooltip").inner_text()
    for piece in must_show:
        assert piece in text
    assert page.locator("#kg-tooltip img, #kg-tooltip script").count() == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.wait_for_timeout(200)  # time for an onerror handler to have fired, had one been made
    assert_clean(log)


def test_edge_tooltip_reads_the_relation(pages, open_settled):
    page, log = open_settled(pages["actors"])
    point = page.evaluate("""() => {
        const network = kgViz.network;
        const edge = kgViz.edges.get().find(e => e.value === 2);
        const middle = network.body.edges[edge.id].edgeType.getPoint(0.5);  // edges are curved
        network.moveTo({position: middle, scale: 1.5, animation: false});
        const dom = network.canvasToDOM(middle);
        return {x: dom.x, y: dom.y, edge: edge.id, under: network.getEdgeAt(dom)};
    }""")
    assert point["under"] == point["edge"]
    box = page.locator("#kg-network").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("#kg-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "التقى" in tooltip.inner_text() and "meetings together" in tooltip.inner_text()
    assert_clean(log)


def assert_png(path: Path, width: int, height: int) -> None:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (width, height)
    assert len(data) > 20_000  # a drawn network, not a blank page


def test_screenshot_in_the_same_browser(pages, browser, tmp_path):
    png = screenshot(pages["full"], tmp_path / "shots" / "graph.png", width=1200, height=800, browser=browser)
    assert_png(png, 1200, 800)


@pytest.mark.parametrize("how", ["kg viz --png", "scripts/screenshot.py"])
def test_screenshot_commands(pages, tmp_path, how):
    png = tmp_path / "graph.png"
    if how == "kg viz --png":
        command = [sys.executable, "-m", "kg", "viz", "--graph", str(FIXTURE), "-o", str(tmp_path / "g.html"),
                   "--png", str(png)]
    else:
        command = [sys.executable, str(PROJECT / "scripts" / "screenshot.py"), str(pages["actors"]), str(png)]
    result = subprocess.run(command, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert f"wrote {png}" in result.stdout.decode("utf-8")
    assert_png(png, 1600, 1000)


def _build_examples(out: Path) -> None:
    from kg.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if "build" not in commands:
        pytest.skip("`kg build` is not there yet: the examples' graph cannot be built")
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(PROJECT / "examples"), "-o", str(out)],
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")


def test_examples_graph_draws_offline_with_arabic_labels(tmp_path, open_settled):
    from kg.sources import load_dataset

    graph = tmp_path / "graph.ttl"
    _build_examples(graph)
    summary = write_viz(load_dataset([graph]), tmp_path / "graph.html")
    page, log = open_settled(summary.path)
    assert page.evaluate("kgViz.nodes.length") == summary.nodes > 10
    labels = page.evaluate("kgViz.nodes.get().map(n => n.full)")
    assert sum(any(ord(c) in ARABIC for c in label) for label in labels) == len(labels)
    assert drawn_share(page) > 0.002
    assert_clean(log)


def test_an_empty_graph_gives_a_page_that_opens_and_settles(tmp_path, open_settled):
    from rdflib import Dataset

    summary = write_viz(Dataset(), tmp_path / "empty.html")
    page, log = open_settled(summary.path)
    assert page.evaluate("kgViz.nodes.length") == 0
    page.fill("#kg-search", "لافروف")
    assert page.evaluate("kgViz.state.matches") == []
    assert_clean(log)


def test_the_examples_page_names_every_stray_and_its_labels_cover_no_busier_node(tmp_path, open_settled):
    # at the default zoom: labels apart from one another, each under, above or beside its node where
    # that covers no other node (failing that, only less busy ones), and the strays gathered under
    # the network each in a cell as wide as its name
    from kg.sources import load_dataset

    graph = tmp_path / "graph.ttl"
    _build_examples(graph)
    page, log = open_settled(write_viz(load_dataset([graph]), tmp_path / "graph.html").path)
    labels = page.evaluate("kgViz.drawnLabels()")
    discs = page.evaluate("""(() => {
        const net = kgViz.network, scale = net.getScale(), at = net.getPositions();
        return kgViz.nodes.get({filter: n => !n.hidden}).map(n => {
            const p = net.canvasToDOM(at[n.id]);
            const r = Math.max(2, net.body.nodes[n.id].options.size * scale);
            return {id: n.id, x: p.x, y: p.y, r: r, value: n.value};
        });
    })()""")
    strays = set(page.evaluate("kgViz.nodes.get({filter: n => n.stray !== undefined}).map(n => n.id)"))
    assert strays and strays <= {label["id"] for label in labels}
    value = {disc["id"]: disc["value"] for disc in discs}
    for i, one in enumerate(labels):
        for other in labels[i + 1:]:
            assert (one["x"] + one["w"] <= other["x"] or other["x"] + other["w"] <= one["x"]
                    or one["y"] + one["h"] <= other["y"] or other["y"] + other["h"] <= one["y"]), (one, other)
        for disc in discs:
            covers = (one["x"] < disc["x"] + disc["r"] and disc["x"] - disc["r"] < one["x"] + one["w"]
                      and one["y"] < disc["y"] + disc["r"] and disc["y"] - disc["r"] < one["y"] + one["h"])
            assert not (covers and disc["id"] != one["id"] and disc["value"] > value[one["id"]]), (one["text"], disc)
    assert len(labels) >= 0.75 * len(discs)  # 44 of 55 in a 1400 x 900 window (34 before the places were tried)
    assert_clean(log)
