#!/usr/bin/env python3
"""How fast `kg viz` draws large graphs, and how long the browser takes to settle them.

    .venv/bin/python benchmarks/viz.py                  # 1k, 5k and 20k nodes
    .venv/bin/python benchmarks/viz.py --sizes 5000 --no-browser

For each size it makes a synthetic graph shaped like kg's output (per-article named graphs; a few
actors take part in most meetings; meetings of 2-4 actors, some by phone; statements said at
meetings; 1-3 topics each) and prints:

- the time to read the graph into networkx, to build the view, to render the page, and in all;
- the page's size;
- the time pyvis's own `Network.add_node`/`add_edge` take to hold the same nodes and edges (kg
  fills pyvis's lists directly instead: add_edge scans every edge already added on an undirected
  network, and both scan the node list, so the cost grows with the square of the graph);
- in headless Chromium, offline, the page's own timeline: when its script started (the HTML
  read), when the network was made, when the physics stopped (stabilizationIterationsDone, or the
  page's time budget), when the settled network was drawn; and the steps of physics done.

Aim: 5k nodes generated in < 5 s and settled in < 15 s.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.network import fact_graph
from kg.rdf.namespaces import DIP, DIPR_IRI, DIPT_IRI, TOPIC_KEYS
from kg.viz import build_view, render_html

# shares of the nodes by class, close to what kg builds from news (statements and meetings dominate)
SHAPE = {"Person": 0.12, "Organization": 0.03, "Country": 0.02, "Place": 0.03,
         "Meeting": 0.25, "PhoneCall": 0.05, "Statement": 0.50}
FIRST = ["محمد", "أحمد", "سيرغي", "فيصل", "أيمن", "سامح", "هاكان", "وانغ", "أنطونيو", "عبد الله", "ناصر", "ليلى"]
LAST = ["العلي", "الحسن", "لافروف", "المقداد", "الصفدي", "شكري", "فيدان", "يي", "غوتيريش", "الزياني", "كنعاني"]
WORDS = ["ضرورة", "تعزيز", "التعاون", "الحل", "السياسي", "وقف", "التصعيد", "دعم", "الاستقرار", "في", "المنطقة",
         "عودة", "اللاجئين", "الحوار", "البناء", "الأمن", "المشترك", "والتنمية"]


def synthetic_graph(nodes: int, seed: int = 1) -> Dataset:
    """A graph of about `nodes` nodes in kg's shape, the same for the same seed."""
    rng = random.Random(seed)
    counts = {cls: max(2, round(nodes * share)) for cls, share in SHAPE.items()}
    dataset = Dataset(default_union=True)
    iri = lambda kind, i: URIRef(f"{DIPR_IRI}{kind}/{kind}-{i}")  # noqa: E731
    topics = [URIRef(DIPT_IRI + key) for key in TOPIC_KEYS]
    persons = [iri("person", i) for i in range(counts["Person"])]
    orgs = [iri("org", i) for i in range(counts["Organization"])]
    countries = [iri("country", i) for i in range(counts["Country"])]
    places = [iri("place", i) for i in range(counts["Place"])]
    actors = persons + orgs + countries
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(actors))]  # a few actors meet a lot
    articles = max(1, (counts["Meeting"] + counts["PhoneCall"]) // 2)
    graphs = [dataset.graph(URIRef(f"{DIPR_IRI}article/a{i}")) for i in range(articles)]

    def node(graph, subject: URIRef, cls: URIRef, label: str) -> None:
        graph.add((subject, RDF.type, cls))
        graph.add((subject, RDFS.label, Literal(label, lang="ar")))

    for i, topic in enumerate(topics):
        node(graphs[i % articles], topic, DIP.Topic, f"موضوع {TOPIC_KEYS[i]}")
        graphs[i % articles].add((topic, SKOS.prefLabel, Literal(TOPIC_KEYS[i], lang="en")))
    for i, person in enumerate(persons):
        graph = graphs[i % articles]
        node(graph, person, DIP.Person, f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}")
        graph.add((person, DIP.role, Literal("وزير الخارجية", lang="ar")))
        graph.add((person, DIP.represents, rng.choice(countries)))
    for kind, members, cls in (("منظمة", orgs, DIP.Organization), ("دولة", countries, DIP.Country),
                               ("مدينة", places, DIP.Place)):
        for i, member in enumerate(members):
            node(graphs[i % articles], member, cls, f"{kind} {i}")
    meetings = []
    for i in range(counts["Meeting"] + counts["PhoneCall"]):
        meeting, graph = iri("meeting", i), graphs[i % articles]
        phone = i >= counts["Meeting"]
        who = sorted(set(rng.choices(actors, weights, k=rng.choice((2, 2, 2, 3, 4)))))
        if len(who) < 2:
            who.append(rng.choice([a for a in actors if a not in who]))
        node(graph, meeting, DIP.PhoneCall if phone else DIP.Meeting, f"لقاء {i}")
        for actor in who:
            graph.add((meeting, DIP.participant, actor))
        if not phone:
            graph.add((meeting, DIP.location, rng.choice(places)))
        graph.add((meeting, DIP.date, Literal(f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                              datatype=XSD.date)))
        for topic in rng.sample(topics, rng.randint(1, 3)):
            graph.add((meeting, DIP.topic, topic))
        graph.add((meeting, PROV.wasDerivedFrom, graph.identifier))
        graph.add((meeting, DIP.evidence, Literal(" ".join(rng.choices(WORDS, k=20)), lang="ar")))
        meetings.append((meeting, who))
    for i in range(counts["Statement"]):
        statement, graph = iri("statement", i), graphs[i % articles]
        meeting, who = rng.choice(meetings)
        speaker = rng.choice(who)
        words = " ".join(rng.choices(WORDS, k=rng.randint(6, 25)))
        node(graph, statement, DIP.Statement, f"تصريح {i}: {words[:40]}")
        graph.add((statement, DIP.speaker, speaker))
        graph.add((statement, DIP.quote, Literal(words, lang="ar")))
        graph.add((statement, DIP.direct, Literal(rng.random() < 0.5)))
        if rng.random() < 0.7:
            graph.add((statement, DIP.madeDuring, meeting))
        for topic in rng.sample(topics, rng.randint(1, 2)):
            graph.add((statement, DIP.topic, topic))
        graph.add((statement, PROV.wasDerivedFrom, graph.identifier))
    return dataset


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def pyvis_add_edge_seconds(view, directed: bool, budget_s: float) -> str:
    """Seconds pyvis's own add_node/add_edge take for the view, or '>budget' when stopped early."""
    from pyvis.network import Network

    net = Network(directed=directed)
    start = time.perf_counter()
    for node, data in view.nodes(data=True):
        net.add_node(node, label=data["label"])
    edges = list(view.edges())
    for done, (source, target) in enumerate(edges, 1):
        net.add_edge(source, target)
        if done % 500 == 0 and time.perf_counter() - start > budget_s:
            share = done / len(edges)
            return f">{budget_s:.0f} ({share:.0%} of edges)"
    return f"{time.perf_counter() - start:.2f}"


def settle_in_browser(pages: list[Path]) -> list[dict[str, Any]]:
    """For each page: seconds from opening it until its physics stopped (wall clock, as seen from
    here), and the page's own timeline (ms since navigation started)."""
    from kg.viz.browser import open_browser, open_page, wait_until_settled

    figures = []
    with open_browser() as browser:
        for page_path in pages:
            start = time.perf_counter()
            with open_page(browser, page_path) as (page, log):
                wait_until_settled(page, timeout_s=900)
                wall = time.perf_counter() - start
                time.sleep(1)  # let the first frame after settling be drawn and timed
                timings = page.evaluate("() => kgViz.state.timings")
                if log.page_errors or log.console_errors or log.blocked_requests:
                    print(f"  problems on {page_path.name}: {log}", file=sys.stderr)
            origin = timings["scriptStart"]
            figures.append({
                "wall": wall, "loaded": origin / 1000, "constructed": (origin + timings["constructed"]) / 1000,
                "stopped": (origin + timings["settled"]) / 1000,
                "drawn": (origin + timings.get("firstFrameAfterSettling", timings["settled"])) / 1000,
                "iterations": timings.get("iterations", 0), "cut": bool(timings.get("cutShort")),
            })
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kg viz: generation time, page size and settling time")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--no-browser", action="store_true", help="skip the browser measurement")
    parser.add_argument("--pyvis-budget", type=float, default=60.0,
                        help="stop timing pyvis's add_edge after this many seconds (default 60)")
    args = parser.parse_args(argv)

    rows = []
    pages = []
    folder = Path(tempfile.mkdtemp(prefix="kg-viz-bench-"))
    for size in args.sizes:
        dataset, made_s = timed(lambda size=size: synthetic_graph(size))
        facts, facts_s = timed(lambda dataset=dataset: fact_graph(dataset))
        view, view_s = timed(lambda facts=facts: build_view(facts, "full"))
        html, render_s = timed(lambda view=view: render_html(view))
        page = folder / f"graph-{size}.html"
        page.write_text(html, encoding="utf-8")
        pages.append(page)
        undirected = pyvis_add_edge_seconds(view, directed=False, budget_s=args.pyvis_budget)
        directed = pyvis_add_edge_seconds(view, directed=True, budget_s=args.pyvis_budget)
        rows.append({
            "nodes": view.number_of_nodes(), "edges": view.number_of_edges(), "triples": len(dataset),
            "made": made_s, "read": facts_s, "view": view_s, "render": render_s,
            "total": facts_s + view_s + render_s, "mb": page.stat().st_size / 1e6,
            "pyvis_u": undirected, "pyvis_d": directed,
        })
        print(f"{size}: generated in {facts_s + view_s + render_s:.2f} s", file=sys.stderr)

    print(f"{'nodes':>7} {'edges':>7} {'triples':>8} {'read s':>7} {'view s':>7} {'render s':>8} "
          f"{'total s':>8} {'page MB':>8}  {'pyvis add_edge s (undirected / directed)':>40}")
    for r in rows:
        print(f"{r['nodes']:>7,} {r['edges']:>7,} {r['triples']:>8,} {r['read']:>7.2f} {r['view']:>7.2f} "
              f"{r['render']:>8.2f} {r['total']:>8.2f} {r['mb']:>8.1f}  {r['pyvis_u']:>24} / {r['pyvis_d']}")
    print("(total = reading the rdflib graph into networkx + building the view + rendering the page; "
          "the synthetic graph's own making is not counted)")
    if not args.no_browser:
        print()
        print("In headless Chromium, offline; seconds since the page was opened:")
        print(f"{'nodes':>7} {'script runs':>11} {'network made':>12} {'physics stopped':>15} "
              f"{'drawn':>6} {'iterations':>10}  {'seen stopped from Python':>24}")
        for r, f in zip(rows, settle_in_browser(pages), strict=True):
            cut = " (time budget)" if f["cut"] else ""
            print(f"{r['nodes']:>7,} {f['loaded']:>11.2f} {f['constructed']:>12.2f} {f['stopped']:>15.2f} "
                  f"{f['drawn']:>6.2f} {f['iterations']:>10}{cut:<14}  {f['wall']:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
