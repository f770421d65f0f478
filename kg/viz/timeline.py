"""When things happened, for the page's time slider and side panel: each meeting's day and kind,
and the source URLs of the latest PANEL_LIMIT of each actor shown; how many statements each of
them made in each month, and its latest PANEL_LIMIT statements with their days and source URLs.

Read from the store with a few SELECTs whose answers follow what the page shows, not the size of
the archive: the meetings in one; the statements counted per speaker and month in the store, then
only the latest of each speaker read out. Or from a fact graph read whole. A statement's day is
the day of the meeting it was made at, else its article's (as in queries/most-active-actors.rq);
an event's source is the first of its articles' URLs.

Each relation an archive-wide join reads sits in a sub-SELECT of its own: Oxigraph then joins by
hash, where a lookup per statement (dip:madeDuring, then dip:date) costs about 5 µs each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox
from rdflib import URIRef

from kg.engine import Engine, select_for
from kg.network import MEETING_CLASSES, MeetingActors, actor_classes, related, topic_key
from kg.rdf.namespaces import DIP_IRI
from kg.sparql import sparql_term

PANEL_LIMIT = 30  # an actor's latest statements the side panel lists (it says how many more there are)

_PROV = "http://www.w3.org/ns/prov#"
_DCTERMS = "http://purl.org/dc/terms/"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_URL = "https://schema.org/url"
_BATCH = 2000  # speakers a query names at once: the page draws at most this many (views.DEFAULT_MAX_NODES)


@dataclass(frozen=True, slots=True)
class MeetingTime:
    """A meeting's day ('' when unknown), and whether it was a phone call."""

    date: str
    call: bool


@dataclass(frozen=True, slots=True)
class StatementTime:
    """A statement as the side panel lists it: its speaker, day ('' when unknown), IRI, label and source URL."""

    speaker: str
    date: str
    iri: str
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Statements:
    """The statements of some speakers: how many each made per month ('YYYY-MM', '' when undated),
    and the latest `limit` of each speaker, the latest first (undated ones last)."""

    months: Mapping[str, Mapping[str, int]]
    latest: tuple[StatementTime, ...]

    def total(self, speaker: str) -> int:
        return sum(self.months.get(speaker, {}).values())

    def of(self, speakers: Iterable[str]) -> Statements:
        """The statements of some of the speakers only."""
        wanted = set(speakers)
        return Statements({s: counts for s, counts in self.months.items() if s in wanted},
                          tuple(s for s in self.latest if s.speaker in wanted))


def meeting_times(engine: Engine | None, facts: nx.MultiDiGraph | None) -> dict[str, MeetingTime]:
    """Every meeting and phone call of the graph."""
    if engine is None:
        assert facts is not None
        return {node: MeetingTime(data.get("date", ""), data["class"] == "PhoneCall")
                for node, data in facts.nodes(data=True) if data["class"] in MEETING_CLASSES}  # fmt: skip
    query = (f"SELECT ?m ?c (MIN(?d) AS ?date) WHERE {{ "
             f"VALUES ?c {{ <{DIP_IRI}Meeting> <{DIP_IRI}PhoneCall> }} ?m a ?c "
             f"OPTIONAL {{ SELECT ?m ?d WHERE {{ ?m <{DIP_IRI}date> ?d }} }} }} GROUP BY ?m ?c")
    found: dict[str, MeetingTime] = {}
    for m, c, d in engine.select(query):
        call = c.value.endswith("PhoneCall")
        if m.value not in found or call:  # a PhoneCall is typed so alone, but be sure a call wins
            found[m.value] = MeetingTime(_day(d), call)
    return found


def meeting_urls(engine: Engine | None, facts: nx.MultiDiGraph | None, meetings: Iterable[str]) -> dict[str, str]:
    """The source URL of each of the `meetings` that has one: the first of its articles'."""
    if engine is None:
        assert facts is not None
        urls = _article_urls(facts)
        found = {m: _first_url(urls, facts.nodes[m]) for m in meetings if m in facts}
        return {m: url for m, url in found.items() if url}
    query = (f"SELECT ?m (MIN(STR(?link)) AS ?url) WHERE {{ {{values}} "
             f"?m <{_PROV}wasDerivedFrom> ?a . ?a <{_URL}> ?link }} GROUP BY ?m")
    return {m.value: url.value for m, url in select_for(engine, "m", meetings, query) if url is not None}


def meetings(engine: Engine, actors: Mapping[str, str] | None = None) -> tuple[MeetingActors, dict[str, MeetingTime]]:
    """Every meeting with its actors and topics (kg.network.meeting_actors with its meetings), and
    its day and kind: one SELECT, a row a meeting (`actors`: every actor's class,
    kg.network.actor_classes, where the caller has read them). Actors and topics come back as
    numbers (VALUES blocks name them): reading the names of half a million participants back
    from the store would cost more than the rest of the query."""
    actors = dict(actor_classes(engine) if actors is None else actors)
    order = sorted(actors)
    topics = sorted(t.value for (t,) in engine.select(f"SELECT DISTINCT ?k WHERE {{ ?m <{DIP_IRI}topic> ?k }}")
                    if isinstance(t, ox.NamedNode))  # fmt: skip
    numbered = " ".join(f"({sparql_term(URIRef(a))} {n})" for n, a in enumerate(order))
    numbered_topics = " ".join(f"({sparql_term(URIRef(k))} {n})" for n, k in enumerate(topics))
    meeting = f"VALUES ?c {{ <{DIP_IRI}Meeting> <{DIP_IRI}PhoneCall> }} ?m a ?c"
    query = (
        f"SELECT ?m ?actors ?topics ?call ?date WHERE {{ "
        f"{{ SELECT ?m (GROUP_CONCAT(STR(?n); separator=' ') AS ?actors) WHERE {{ "
        f"VALUES (?a ?n) {{ {numbered} }} {{ SELECT ?m ?a WHERE {{ ?m <{DIP_IRI}participant> ?a }} }} }} "
        f"GROUP BY ?m }} "
        f"OPTIONAL {{ SELECT ?m (GROUP_CONCAT(STR(?n); separator=' ') AS ?topics) WHERE {{ "
        f"{{ SELECT ?m WHERE {{ {meeting} }} }} {{ SELECT ?m ?n WHERE {{ VALUES (?k ?n) {{ {numbered_topics} }} "
        f"{{ SELECT ?m ?k WHERE {{ ?m <{DIP_IRI}topic> ?k }} }} }} }} }} GROUP BY ?m }} "
        f"OPTIONAL {{ SELECT ?m ?date WHERE {{ ?m <{DIP_IRI}date> ?date }} }} "
        f"OPTIONAL {{ SELECT ?m (true AS ?call) WHERE {{ ?m a <{DIP_IRI}PhoneCall> }} }} }}"
    )  # fmt: skip
    keys = [topic_key(k) for k in topics]
    members: dict[str, tuple[int, ...]] = {}
    about: dict[str, tuple[str, ...]] = {}
    times: dict[str, MeetingTime] = {}
    combinations: dict[str, tuple[str, ...]] = {}  # a few sets of topics, met again and again
    for m, a, k, call, date in engine.select(query):
        name = m.value
        day = _day(date)
        if name in times:  # a meeting with several days: a row for each, the first kept
            day = min(filter(None, (times[name].date, day)), default="")
        else:  # an endpoint's union of graphs may repeat a number: a set
            members[name] = tuple(sorted(set(map(int, a.value.split()))))
            if k is not None:
                if k.value not in combinations:
                    combinations[k.value] = tuple(sorted({keys[int(n)] for n in k.value.split()}))
                about[name] = combinations[k.value]
        times[name] = MeetingTime(day, call is not None)
    found = MeetingActors(actors, list(members.items()), about)
    return found, times


def statements(engine: Engine | None, facts: nx.MultiDiGraph | None, speakers: Iterable[str],
               limit: int = PANEL_LIMIT) -> Statements:
    """How many statements each of the `speakers` made per month, and its latest `limit` (a
    statement of two speakers counts for each; among a day's, the last in IRI order first).

    From the store each statement is dated once: one SELECT counts them per speaker and month,
    and names only those from a month on that the speaker's count makes likely to hold its latest
    `limit` (reading the IRIs of all would cost more than the dating); the few speakers whose
    guess fell short are asked again from their first month, their statements dated by lookups.
    Then the labels and source URLs of the statements kept are read, by their IRIs."""
    speakers = sorted(set(speakers))
    if engine is None:
        assert facts is not None
        return _statements_of(facts, speakers, limit)
    totals: dict[str, int] = {}
    query = f"SELECT ?sp (COUNT(*) AS ?n) WHERE {{ {{values}} ?s <{DIP_IRI}speaker> ?sp }} GROUP BY ?sp"
    for speaker, n in select_for(engine, "sp", speakers, query, batch=_BATCH):
        totals[speaker.value] = int(n.value)
    first, last = _span(engine)
    months: dict[str, dict[str, int]] = {}
    dated: dict[str, list[tuple[str, str]]] = {}
    asked = {s: _likely_from(totals[s], limit, first, last) for s in speakers if s in totals}
    by_hash = True
    while asked:
        short = {}
        for speaker, counts, named in _count_and_name(engine, asked, by_hash=by_hash):
            undated = totals[speaker] - sum(counts.values())  # not there when joined by hash
            if undated > 0:
                counts[""] = counts.get("", 0) + undated
            months[speaker], dated[speaker] = counts, named
            if len(named) < min(limit, totals[speaker]):
                short[speaker] = ""  # a guess too late, or undated ones to name: all, looked up
        asked, by_hash = short, False
    kept = {speaker: sorted(named, reverse=True)[:limit] for speaker, named in dated.items()}
    details: dict[str, tuple[str, str]] = {}
    query = (f"SELECT ?s (MIN(STR(?l)) AS ?label) (MIN(?u) AS ?url) WHERE {{ {{values}} "
             f"OPTIONAL {{ ?s <{_RDFS}label> ?l }} "
             f"OPTIONAL {{ ?s <{_PROV}wasDerivedFrom>/<{_URL}> ?link BIND(STR(?link) AS ?u) }} }} GROUP BY ?s")
    for s, label, url in select_for(engine, "s", {iri for named in kept.values() for _, iri in named}, query):
        details[s.value] = (label.value if label is not None else "", url.value if url is not None else "")
    latest = [StatementTime(speaker, date, iri, *details.get(iri, ("", "")))
              for speaker, named in sorted(kept.items()) for date, iri in named]  # fmt: skip
    return Statements(months, tuple(latest))


def _span(engine: Engine) -> tuple[str, str]:
    """The first and last month the articles were published in ('' when none is dated): the
    months most statements fall in (a meeting's day, read from its article, may lie after)."""
    query = f"SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{ ?x <{_DCTERMS}date> ?d }}"
    for first, last in engine.select(query):
        return _day(first)[:7], _day(last)[:7]
    return "", ""


_NEVER = '"9999-12-31"^^<http://www.w3.org/2001/XMLSchema#date>'  # after any day: "none" where MIN needs one


def _dated(speakers: str, by_hash: bool) -> str:
    """A sub-SELECT of (?k, ?s, ?from, ?date): each statement ?s of a speaker the VALUES block
    `speakers` numbers ?k, with its day (unbound when it has none): the first of its meetings'
    days, else of its articles'.

    Two branches give each statement its meetings' days (?d1) and its articles' days (?d2), their
    MINs taken together. `by_hash`: each relation read whole in a sub-SELECT, the small side of
    each join first (Oxigraph keeps a join's first side in memory and streams the other): for many
    speakers; a statement without a day is then not there. Else looked up statement by
    statement, with a third branch for each statement alone (an undated one is there too)."""
    said = f"{{ SELECT ?k ?s ?from WHERE {{ {speakers} ?s <{DIP_IRI}speaker> ?sp }} }}"
    if by_hash:  # the speakers' statements kept in memory once; every day of every subject streamed by
        days = (f"{said} {{ {{ SELECT ?s ?d1 WHERE {{ {{ SELECT ?m ?d1 WHERE {{ ?m <{DIP_IRI}date> ?d1 }} }} "
                f"{{ SELECT ?s ?m WHERE {{ ?s <{DIP_IRI}madeDuring> ?m }} }} }} }} UNION "
                f"{{ SELECT ?s ?d2 WHERE {{ {{ SELECT ?a ?d2 WHERE {{ ?a <{_DCTERMS}date> ?d2 }} }} "
                f"{{ SELECT ?s ?a WHERE {{ ?s <{_PROV}wasDerivedFrom> ?a }} }} }} }} }}")
    else:
        days = (f"{{ {speakers} ?s <{DIP_IRI}speaker> ?sp . ?s <{DIP_IRI}madeDuring> ?m . ?m <{DIP_IRI}date> ?d1 }} "
                f"UNION {{ {speakers} ?s <{DIP_IRI}speaker> ?sp . ?s <{_PROV}wasDerivedFrom> ?a . "
                f"?a <{_DCTERMS}date> ?d2 }} UNION {{ {said} }}")
    return (f"{{ SELECT ?k ?s ?from ?date WHERE {{ "
            f"{{ SELECT ?k ?s ?from (MIN(COALESCE(?d1, {_NEVER})) AS ?first) (MIN(COALESCE(?d2, {_NEVER})) AS ?then) "
            f"WHERE {{ {days} }} GROUP BY ?k ?s ?from }} "
            f"BIND(IF(?first < {_NEVER}, ?first, IF(?then < {_NEVER}, ?then, ?none)) AS ?date) }} }}")


def _likely_from(total: int, limit: int, first: str, last: str) -> str:
    """The month from which a speaker of `total` statements over the months `first` to `last`
    would have made twice its latest `limit`, were they spread evenly ('' for all of them)."""
    if total <= 2 * limit or not first or not last:
        return ""
    span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    back = -(-span * 2 * limit // total)  # rounded up
    year, month = divmod(int(last[:4]) * 12 + int(last[5:7]) - 1 - back, 12)
    start = f"{year:04d}-{month + 1:02d}"
    return start if start > first else ""


def _count_and_name(engine: Engine, asked: Mapping[str, str], *,
                    by_hash: bool = True) -> Iterator[tuple[str, dict[str, int], list]]:
    """For each speaker asked, with a month: its statements counted per month ('' undated), and
    the (day, IRI) of those from that month on (of all for ''). One SELECT a batch of speakers;
    the relations that date them joined `by_hash` (see `_dated`)."""
    speakers = sorted(asked)
    for start in range(0, len(speakers), _BATCH):
        batch = speakers[start : start + _BATCH]
        values = " ".join(f"({sparql_term(URIRef(s))} {n} '{asked[s]}')" for n, s in enumerate(batch))
        query = (
            f"SELECT ?k ?month (COUNT(*) AS ?n) (GROUP_CONCAT(?named; separator=' ') AS ?names) WHERE {{ "
            f"{_dated(f'VALUES (?sp ?k ?from) {{ {values} }}', by_hash)} "
            f"BIND(COALESCE(STR(?date), '') AS ?day) BIND(SUBSTR(?day, 1, 7) AS ?month) "
            # only the statements asked for are named: each IRI costs a read from the store
            f"BIND(IF(?day >= ?from, CONCAT(?day, '|', STR(?s)), '') AS ?named) "
            f"}} GROUP BY ?k ?month"
        )  # fmt: skip
        counts: dict[int, dict[str, int]] = {}
        named: dict[int, list[tuple[str, str]]] = {}
        for k, month, n, names in engine.select(query):
            counts.setdefault(int(k.value), {})[month.value] = int(n.value)
            for entry in names.value.split(" ") if names is not None else ():
                if entry:
                    day, _, iri = entry.partition("|")
                    named.setdefault(int(k.value), []).append((_day_text(day), iri))
        for n, speaker in enumerate(batch):
            yield speaker, counts.get(n, {}), named.get(n, [])


def _latest(found: Iterable[StatementTime], limit: int) -> tuple[StatementTime, ...]:
    """The latest `limit` statements of each speaker, the latest first, undated ones last; among
    a day's, the last in IRI order first (as the store's are chosen)."""
    by_speaker: dict[str, list[StatementTime]] = {}
    for statement in found:
        by_speaker.setdefault(statement.speaker, []).append(statement)
    kept: list[StatementTime] = []
    for speaker in sorted(by_speaker):
        kept += sorted(by_speaker[speaker], key=lambda s: (s.date, s.iri), reverse=True)[:limit]
    return tuple(kept)


def _statements_of(facts: nx.MultiDiGraph, speakers: list[str], limit: int) -> Statements:
    """`statements` of a fact graph read whole."""
    wanted = set(speakers)
    known = facts.graph.get("articles", {})
    urls = _article_urls(facts)
    months: dict[str, dict[str, int]] = {}
    found: list[StatementTime] = []
    for node, data in facts.nodes(data=True):
        if data["class"] != "Statement":
            continue
        during = sorted(d for m in related(facts, node, "madeDuring") if (d := facts.nodes[m].get("date", "")))
        from_articles = sorted(d for a in data.get("sources", ()) if (d := known.get(a, {}).get("date", "")))
        date = (during or from_articles or [""])[0]
        for speaker in related(facts, node, "speaker"):
            if speaker in wanted:
                counts = months.setdefault(speaker, {})
                counts[date[:7]] = counts.get(date[:7], 0) + 1
                found.append(StatementTime(speaker, date, node, data["label_ar"], _first_url(urls, data)))
    return Statements(months, _latest(found, limit))


def _article_urls(facts: nx.MultiDiGraph) -> dict[str, str]:
    return {iri: fields["url"] for iri, fields in facts.graph.get("articles", {}).items() if fields.get("url")}


def _first_url(urls: Mapping[str, str], data: Mapping) -> str:
    return min((urls[a] for a in data.get("sources", ()) if a in urls), default="")


def _day(term: ox.Literal | None) -> str:
    """An xsd:date's text, '' when unbound or not a date."""
    return "" if term is None else _day_text(term.value)


def _day_text(text: str) -> str:
    return text[:10] if len(text) >= 10 and text[4] == "-" and text[7] == "-" else ""
