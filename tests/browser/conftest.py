"""Headless Chromium for the page tests: one browser for the session, pages opened offline.

A missing Chromium or Playwright fails these tests with a message saying what to install; it
never skips them (CI installs Chromium through scripts/system-deps.sh).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.sources import load_dataset
from kg.viz import build_view, write_html
from kg.viz.browser import BrowserError, PageLog, open_browser, open_page, wait_until_settled

FIXTURE = Path(__file__).parent.parent / "fixtures" / "viz.trig"

# name -> (view, max_nodes): the pages the tests open, written once per session
PAGES = {
    "full": ("full", None),
    "actors": ("actors", None),
    "guterres": ("actor:غوتيريش", None),
    "cut": ("full", 10),
}


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        with open_browser() as chromium:
            yield chromium
    except BrowserError as err:
        pytest.fail(f"the browser tests need headless Chromium and Playwright: {err}", pytrace=False)


@pytest.fixture(scope="session")
def dataset():
    return load_dataset([FIXTURE])


@pytest.fixture(scope="session")
def views(dataset) -> dict[str, Any]:
    return {name: build_view(dataset, view, max_nodes=cut) for name, (view, cut) in PAGES.items()}


@pytest.fixture(scope="session")
def pages(views, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    return {name: write_html(view, folder / f"{name}.html") for name, view in views.items()}


@pytest.fixture
def open_settled(browser):
    """Open a page offline and wait for its physics to stop: `open_settled(path) -> (page, log)`."""
    opened = []

    def opener(path: Path) -> tuple[Any, PageLog]:
        context = open_page(browser, path)
        page, log = context.__enter__()
        opened.append(context)
        wait_until_settled(page, timeout_s=60)
        return page, log

    yield opener
    for context in reversed(opened):
        context.__exit__(None, None, None)



# --- a small graph over four months, for the time slider (names and words written for the tests) ---

TIMELINE_ACTORS = {"a": "سالم الهادي", "b": "نادر الكرمي", "c": "وفاء الزين", "d": "ماجد العطار",
                   "e": "ريم السعدي", "f": "كمال الجبوري"}
# (meeting, day or None, call?, actors, article)
TIMELINE_MEETINGS = (
    ("m1", "2023-01-10", False, "ab", "t1"),
    ("m2", "2023-02-05", True, "bc", "t2"),
    ("m3", "2023-03-20", False, "cd", "t3"),
    ("m4", "2023-03-25", False, "ac", "t3"),
    ("m5", "2023-04-02", False, "ad", "t4"),
    ("m6", None, False, "ef", "t5"),
)


def timeline_dataset():
    from rdflib import XSD, Dataset, Literal, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

    from kg.rdf.namespaces import DIP, DIPR_IRI

    dataset = Dataset(default_union=True)
    person = {key: URIRef(f"{DIPR_IRI}person/t-{key}") for key in TIMELINE_ACTORS}
    for key, (meeting, day, call, who, article) in enumerate(TIMELINE_MEETINGS):
        graph = dataset.graph(URIRef(f"{DIPR_IRI}article/{article}"))
        source = URIRef(f"{DIPR_IRI}article/{article}")
        graph.add((source, RDF.type, DIP.Article))
        graph.add((source, DCTERMS.title, Literal(f"خبر رقم {key + 1}", lang="ar")))
        graph.add((source, URIRef("https://schema.org/url"), URIRef(f"https://news.example/{article}")))
        if day:
            graph.add((source, DCTERMS.date, Literal(day, datatype=XSD.date)))
        node = URIRef(f"{DIPR_IRI}meeting/{meeting}")
        graph.add((node, RDF.type, DIP.PhoneCall if call else DIP.Meeting))
        graph.add((node, RDFS.label, Literal(f"لقاء {meeting}", lang="ar")))
        graph.add((node, DIP.meetingKind, Literal("call" if call else "talks")))
        graph.add((node, PROV.wasDerivedFrom, source))
        if day:
            graph.add((node, DIP.date, Literal(day, datatype=XSD.date)))
        for letter in who:
            graph.add((node, DIP.participant, person[letter]))
            graph.add((person[letter], RDF.type, DIP.Person))
            graph.add((person[letter], RDFS.label, Literal(TIMELINE_ACTORS[letter], lang="ar")))
    said = URIRef(f"{DIPR_IRI}statement/t-s1")
    graph = dataset.graph(URIRef(f"{DIPR_IRI}article/t2"))
    graph.add((said, RDF.type, DIP.Statement))
    graph.add((said, RDFS.label, Literal("سالم الهادي: الحوار طريقنا", lang="ar")))
    graph.add((said, DIP.speaker, person["a"]))
    graph.add((said, DIP.quote, Literal("الحوار طريقنا", lang="ar")))
    graph.add((said, DIP.direct, Literal(True)))
    graph.add((said, PROV.wasDerivedFrom, URIRef(f"{DIPR_IRI}article/t2")))
    return dataset, {key: str(iri) for key, iri in person.items()}


@pytest.fixture(scope="session")
def timeline(tmp_path_factory):
    """The timeline graph's actor-network page (with the full view one click away), and its actors."""
    from kg.viz import write_viz

    dataset, person = timeline_dataset()
    path = tmp_path_factory.mktemp("timeline") / "timeline.html"
    write_viz(dataset, path)
    return path, person
