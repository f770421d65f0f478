"""When things happened, for the page's time slider and side panel: each meeting's day, kind and
article; each statement of the actors a view shows, with its day; the articles' titles and URLs.

Read from the store with a few SELECTs (the meetings in one, statements by batches of speakers,
articles by batches), or from a fact graph read whole. A statement's day is the day of the
meeting it was made at, else its article's (as in queries/most-active-actors.rq).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from kg.engine import Engine, select_for
from kg.network import MEETING_CLASSES, related
from kg.rdf.namespaces import DIP_IRI

_PROV = "http://www.w3.org/ns/prov#"
_DCTERMS = "http://purl.org/dc/terms/"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"


@dataclass(frozen=True, slots=True)
class MeetingTime:
    """A meeting's day ('' when unknown), whether it was a phone call, and its first article."""

    date: str
    call: bool
    article: str


@dataclass(frozen=True, slots=True)
class StatementTime:
    """A statement: its speaker, day ('' when unknown), label and first article."""

    iri: str
    speaker: str
    date: str
    label: str
    article: str


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    url: str
    date: str


def meeting_times(engine: Engine | None, facts: nx.MultiDiGraph | None) -> dict[str, MeetingTime]:
    """Every meeting and phone call of the graph."""
    if engine is None:
        assert facts is not None
        return {node: MeetingTime(data.get("date", ""), data["class"] == "PhoneCall",
                                  min(data.get("sources", ("",))))
                for node, data in facts.nodes(data=True) if data["class"] in MEETING_CLASSES}  # fmt: skip
    query = (f"SELECT ?m ?c (MIN(?d) AS ?date) (MIN(STR(?a)) AS ?article) WHERE {{ "
             f"VALUES ?c {{ <{DIP_IRI}Meeting> <{DIP_IRI}PhoneCall> }} ?m a ?c "
             f"OPTIONAL {{ ?m <{DIP_IRI}date> ?d }} OPTIONAL {{ ?m <{_PROV}wasDerivedFrom> ?a }} }} "
             f"GROUP BY ?m ?c")  # fmt: skip
    found: dict[str, MeetingTime] = {}
    for m, c, d, a in engine.select(query):
        call = c.value.endswith("PhoneCall")
        if m.value not in found or call:  # a PhoneCall is typed so alone, but be sure a call wins
            found[m.value] = MeetingTime(_day(d), call, a.value if a is not None else "")
    return found


def statement_times(engine: Engine | None, facts: nx.MultiDiGraph | None,
                    speakers: Iterable[str]) -> list[StatementTime]:
    """The statements of the `speakers`, one per (statement, speaker)."""
    speakers = sorted(set(speakers))
    if engine is None:
        assert facts is not None
        wanted = set(speakers)
        found = []
        for node, data in facts.nodes(data=True):
            if data["class"] != "Statement":
                continue
            during = [facts.nodes[m].get("date", "") for m in related(facts, node, "madeDuring")]
            article = min(data.get("sources", ("",)))
            known = facts.graph.get("articles", {}).get(article, {})
            date = next((d for d in during if d), "") or known.get("date", "")
            found += [StatementTime(node, s, date, data["label_ar"], article)
                      for s in related(facts, node, "speaker") if s in wanted]
        return sorted(found, key=_by_speaker)
    query = (f"SELECT ?sp ?s (MIN(?md) AS ?meetingDate) (MIN(?ad) AS ?articleDate) (SAMPLE(?l) AS ?label) "
             f"(MIN(STR(?a)) AS ?article) WHERE {{ {{values}} ?s <{DIP_IRI}speaker> ?sp "
             f"OPTIONAL {{ ?s <{_RDFS}label> ?l }} "
             f"OPTIONAL {{ ?s <{DIP_IRI}madeDuring>/<{DIP_IRI}date> ?md }} "
             f"OPTIONAL {{ ?s <{_PROV}wasDerivedFrom> ?a OPTIONAL {{ ?a <{_DCTERMS}date> ?ad }} }} }} "
             f"GROUP BY ?sp ?s")  # fmt: skip
    found = [StatementTime(s.value, sp.value, _day(md) or _day(ad), label.value if label is not None else "",
                           a.value if a is not None else "")
             for sp, s, md, ad, label, a in select_for(engine, "sp", speakers, query)]  # fmt: skip
    return sorted(found, key=_by_speaker)


def _by_speaker(statement: StatementTime) -> tuple[str, str]:
    """One order whichever way the statements were read (a store answers in its own order)."""
    return statement.speaker, statement.iri


def articles(engine: Engine | None, facts: nx.MultiDiGraph | None, iris: Iterable[str]) -> dict[str, Article]:
    """Title, URL and day of each article named."""
    iris = sorted({iri for iri in iris if iri})
    if engine is None:
        assert facts is not None
        known = facts.graph.get("articles", {})
        return {iri: Article(known.get(iri, {}).get("title", ""), known.get(iri, {}).get("url", ""),
                             known.get(iri, {}).get("date", "")) for iri in iris}  # fmt: skip
    query = (f"SELECT ?a (SAMPLE(?t) AS ?title) (SAMPLE(STR(?u)) AS ?url) (MIN(?d) AS ?date) WHERE {{ {{values}} "
             f"?a a <{DIP_IRI}Article> OPTIONAL {{ ?a <{_DCTERMS}title> ?t }} "
             f"OPTIONAL {{ ?a <https://schema.org/url> ?u }} OPTIONAL {{ ?a <{_DCTERMS}date> ?d }} }} "
             f"GROUP BY ?a")  # fmt: skip
    found = {iri: Article("", "", "") for iri in iris}
    for a, t, u, d in select_for(engine, "a", iris, query, batch=2000):
        found[a.value] = Article(t.value if t is not None else "", u.value if u is not None else "", _day(d))
    return found


def _day(term: ox.Literal | None) -> str:
    """An xsd:date's text, '' when unbound or not a date."""
    if term is None:
        return ""
    text = term.value
    return text[:10] if len(text) >= 10 and text[4] == "-" and text[7] == "-" else ""
