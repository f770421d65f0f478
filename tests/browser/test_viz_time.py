"""The time slider, the actor panel, double-click expansion and export, in headless Chromium."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.browser


def shown(page) -> set[str]:
    return set(page.evaluate("kgViz.shownNodeIds()"))


def slide(page, which: str, month: str) -> None:
    """Move one of the slider's handles to a month, as a person dragging it would (input events)."""
    index = page.evaluate("kgViz.months()").index(month)
    page.evaluate("""([which, index]) => {
        const input = document.getElementById(which);
        input.value = String(index);
        input.dispatchEvent(new Event('input', {bubbles: true}));
    }""", [which, index])


def poll(page, expression: str, predicate, timeout_s: float = 20.0):
    """Evaluate until the predicate holds (the page's CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(expression)
        if predicate(value):
            return value
        assert time.monotonic() < deadline, f"{expression} stayed {value!r}"
        page.wait_for_timeout(30)


def test_slider_keeps_the_actors_of_the_meetings_in_range_and_writes_the_url(timeline, open_settled):
    path, p = timeline
    page, log = open_settled(path)
    assert page.evaluate("kgViz.months()") == ["2023-01", "2023-02", "2023-03", "2023-04"]
    assert shown(page) == set(p.values())
    slide(page, "kg-from", "2023-02")
    slide(page, "kg-to", "2023-02")
    assert shown(page) == {p["b"], p["c"]} | {p["e"], p["f"]}  # undated meetings stay while the box is ticked
    assert page.evaluate("location.hash") == "#from=2023-02&to=2023-02"
    page.uncheck("#kg-undated")
    assert shown(page) == {p["b"], p["c"]}
    # the edge shown is the call, dashed, weighed by the meetings in range
    (edge,) = page.evaluate("kgViz.edges.get({filter: e => !e.hidden})")
    assert edge["rel"] == "call" and edge["dashes"] and edge["value"] == 1
    slide(page, "kg-to", "2023-03")
    assert shown(page) == {p["a"], p["b"], p["c"], p["d"]}
    assert page.evaluate("kgViz.edges.get({filter: e => !e.hidden}).map(e => e.value).sort()") == [1, 1, 1]
    assert "undated=0" in page.evaluate("location.hash")
    assert log.page_errors == [] and log.blocked_requests == []


def test_a_shared_url_opens_on_its_range(timeline, open_settled):
    path, p = timeline
    page, _ = open_settled(path)
    page.goto(path.as_uri() + "#from=2023-03&to=2023-03&undated=0")
    page.reload()
    poll(page, "Boolean(window.kgViz && kgViz.isSettled())", bool)
    assert page.evaluate("[kgViz.state.from, kgViz.state.to, kgViz.state.undated]") == [2, 2, False]
    assert shown(page) == {p["a"], p["c"], p["d"]}
    assert page.locator("#kg-range").inner_text() == "2023-03 – 2023-03"


def test_play_moves_through_the_months(timeline, open_settled):
    path, p = timeline
    page, _ = open_settled(path)
    page.uncheck("#kg-undated")
    page.evaluate("kgViz.state.playMs = 250")
    page.click("#kg-play")
    seen = {}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        at = page.evaluate("[kgViz.state.from, kgViz.state.to, kgViz.state.playing, kgViz.shownNodeIds()]")
        if at[0] == at[1]:
            seen.setdefault(at[0], set(at[3]))
        if not at[2]:
            break
        page.wait_for_timeout(20)
    assert not page.evaluate("kgViz.state.playing"), "play stops at the last month"
    assert sorted(seen) == [0, 1, 2, 3]  # one month at a time, the first to the last
    assert seen[0] == {p["a"], p["b"]} and seen[1] == {p["b"], p["c"]} and seen[3] == {p["a"], p["d"]}


def node_point(page, node: str) -> dict:
    """Where a node is drawn, once vis-network knows it is there (under load the frame may lag)."""
    return poll(page, f"""(() => {{
        const network = kgViz.network;
        network.redraw();
        const dom = network.canvasToDOM(network.getPosition({node!r}));
        return {{x: dom.x, y: dom.y, under: network.getNodeAt(dom)}};
    }})()""", lambda point: point["under"] == node)


def test_double_click_expands_the_neighbourhood(timeline, open_settled):
    path, p = timeline
    page, _ = open_settled(path)
    box = page.locator("#kg-network").bounding_box()
    point = node_point(page, p["b"])
    page.mouse.dblclick(box["x"] + point["x"], box["y"] + point["y"])
    poll(page, "kgViz.shownNodeIds().length", lambda n: n == 3)
    assert shown(page) == {p["a"], p["b"], p["c"]}
    assert page.locator("#kg-show-all").is_visible()
    point = node_point(page, p["c"])
    page.mouse.dblclick(box["x"] + point["x"], box["y"] + point["y"])
    poll(page, "kgViz.shownNodeIds().length", lambda n: n == 4)
    assert shown(page) == {p["a"], p["b"], p["c"], p["d"]}
    page.click("#kg-show-all")
    assert shown(page) == set(p.values())


def test_clicking_an_actor_lists_its_meetings_and_statements_in_date_order(timeline, open_settled):
    path, p = timeline
    page, _ = open_settled(path)
    box = page.locator("#kg-network").bounding_box()
    point = node_point(page, p["a"])
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.locator("#kg-actor").wait_for(state="visible")
    assert page.locator("#kg-actor-name").inner_text() == "سالم الهادي"
    items = page.locator("#kg-actor-events li")
    dates = [items.nth(i).get_attribute("data-date") for i in range(items.count())]
    kinds = [items.nth(i).get_attribute("data-kind") for i in range(items.count())]
    assert dates == ["2023-01-10", "2023-02-05", "2023-03-25", "2023-04-02"]
    assert kinds == ["meeting", "statement", "meeting", "meeting"]
    links = page.locator("#kg-actor-events a")
    assert links.nth(0).get_attribute("href") == "https://news.example/t1"
    assert "نادر الكرمي" in items.nth(0).inner_text()


def test_labels_never_overlap_and_the_busiest_actor_is_named(timeline, open_settled):
    path, p = timeline
    page, _ = open_settled(path)
    labels = page.evaluate("kgViz.drawnLabels()")
    assert labels and p["a"] in {label["id"] for label in labels}  # a and c took part in the most meetings
    for i, one in enumerate(labels):
        for other in labels[i + 1:]:
            apart = (one["x"] + one["w"] <= other["x"] or other["x"] + other["w"] <= one["x"]
                     or one["y"] + one["h"] <= other["y"] or other["y"] + other["h"] <= one["y"])
            assert apart, (one["text"], other["text"])


def test_export_png_and_svg_of_the_current_view(timeline, open_settled, tmp_path):
    path, p = timeline
    page, log = open_settled(path)
    slide(page, "kg-from", "2023-03")
    page.uncheck("#kg-undated")
    with page.expect_download() as caught:
        page.click("#kg-export-png")
    png = tmp_path / "view.png"
    caught.value.save_as(png)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000
    assert caught.value.suggested_filename == "kg-actors-2023-03-2023-04.png"
    with page.expect_download() as caught:
        page.click("#kg-export-svg")
    svg = tmp_path / "view.svg"
    caught.value.save_as(svg)
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    circles = {c.get("data-id") for c in root.iter(f"{ns}circle")}
    assert circles == shown(page) == {p["a"], p["c"], p["d"]}
    assert len(list(root.iter(f"{ns}line"))) == len(page.evaluate("kgViz.shownEdgeIds()"))
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "سالم الهادي" in texts
    assert log.blocked_requests == []


def test_the_full_graph_is_one_click_away_and_keeps_the_range(timeline, open_settled):
    path, p = timeline
    page, log = open_settled(path)
    slide(page, "kg-from", "2023-04")
    page.click("#kg-switch")
    poll(page, "kgViz.isSettled()", bool)
    ids = set(page.evaluate("kgViz.nodes.getIds()"))
    assert any("/meeting/" in i for i in ids)  # meetings are nodes now
    visible = shown(page)
    # April: one meeting, its two actors, and what is undated (the box is ticked)
    assert {i for i in visible if "/meeting/" in i} == {
        "https://w3id.org/dipkg/resource/meeting/m5", "https://w3id.org/dipkg/resource/meeting/m6"}
    assert {p["a"], p["d"]} <= visible and p["b"] not in visible
    assert "view=full" in page.evaluate("location.hash")
    assert log.page_errors == []
