"""The ready-made queries on the hand-written fixture graph, parameter binding, Arabic matching,
and the result formats, on both local engines (Oxigraph in memory and rdflib)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.cli import main
from kg.errors import QueryError, UsageError
from kg.query import (
    KINDS,
    OxigraphEngine,
    QueryResult,
    RdflibEngine,
    bind,
    display_width,
    find_query,
    fold_arabic,
    format_result,
    list_queries,
    match_key,
    parameter_term,
    parse_query_text,
    resolve_query,
    results_table,
    run_query,
    sparql_match_key,
    sparql_term,
    values_blocks,
)
from kg.remote import parse_results_json
from kg.sources import load_dataset
from kg.store import load_files

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
R = "https://w3id.org/dipkg/resource/"
T = "https://w3id.org/dipkg/topic/"


@pytest.fixture(scope="module")
def oxigraph():
    return OxigraphEngine(load_files([FIXTURE]))


@pytest.fixture(scope="module")
def rdflib_engine():
    return RdflibEngine(load_dataset([FIXTURE]))


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def engine(request, oxigraph, rdflib_engine):
    return oxigraph if request.param == "oxigraph" else rdflib_engine


def short(term) -> str | None:
    """An IRI without the resource or topic base, a literal as its text."""
    if term is None:
        return None
    text = str(term)
    for base in (R, T):
        if text.startswith(base):
            return text[len(base) :]
    return text


def column(result: QueryResult, var: str) -> list[str | None]:
    return [short(t) for t in result.column(var)]


def column_set(result: QueryResult, *names: str) -> set[tuple]:
    return {tuple(short(row[result.vars.index(n)]) for n in names) for row in result.rows}


def concat_set(value) -> set[str]:
    return set(str(value).split(" | ")) if value is not None else set()


# ---------------------------------------------------------------------------- the catalogue


def test_there_are_at_least_twelve_ready_made_queries():
    names = {q.name for q in list_queries()}
    assert len(names) >= 12
    assert {"meetings-of-actor", "who-met-whom", "statements-of-actor", "statements-with-phrase",
            "topics-between-countries", "meetings-in-place", "actors-by-role", "most-active-actors",
            "bilateral-timeline", "sources-of-meeting", "calls-vs-visits"} <= names  # fmt: skip


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_query_header_is_complete_and_agrees_with_its_body(query):
    assert query.summary and len(query.summary) < 200
    assert query.examples, "every query shows at least one example command"
    blocks = values_blocks(query.text)
    for param in query.params:
        assert param.kind in KINDS
        assert param.description
        held = [query.text[start:end].strip() for name, start, end in blocks if name == param.name]
        assert held, f"@param {param.name} has no VALUES ?{param.name} block"
        for content in held:
            if param.required:
                assert content != "UNDEF", "a required parameter's block holds an example value"
            elif param.default is None:
                assert content == "UNDEF"
            else:
                assert content == sparql_term(parameter_term(param, param.default))
    for index, example in enumerate(query.examples):
        assert example.startswith(f"kg query {query.name} ")
        for name in query.example_params(index):
            query.param(name)  # raises for an undeclared name


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_arabic_match_in_the_queries_is_the_shared_key_expression(query):
    # the normalisation is written out in each file; it must be exactly sparql_match_key's, so
    # that match_key (and fold_arabic) describe what every query does
    text = query.text
    arguments = []
    for match in re.finditer(r"LCASE\(", text):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        arguments.append(text[match.end() : end - 1])
    for argument in arguments:
        assert sparql_match_key(argument) in text, f"a hand-edited normalisation of {argument} in {query.name}"
    assert text.count("REPLACE(") == 5 * len(arguments), "every REPLACE belongs to a match key"


EXAMPLES = [(query, index) for query in list_queries() for index in range(len(query.examples))]


@pytest.mark.parametrize(("query", "example"), EXAMPLES, ids=[f"{q.name}-{i}" for q, i in EXAMPLES])
def test_every_example_gives_rows_on_both_engines_and_the_same_rows(query, example, oxigraph, rdflib_engine):
    text = bind(query, query.example_params(example))
    a, b = oxigraph.run(text), rdflib_engine.run(text)
    assert a.rows, "each example has an answer in the fixture"
    assert a.vars == b.vars
    assert sorted_rows(a) == sorted_rows(b)


def test_rdflib_parses_the_longest_examples_after_matplotlib_turned_on_packrat_parsing(rdflib_engine):
    """matplotlib turns on pyparsing's packrat cache for the whole process when pyplot is imported
    (`kg report`, any notebook), which makes rdflib's parser nest past Python's default recursion limit
    on actor-profile; the engine gives it room, and gives the process's own limit back."""
    import sys

    import matplotlib.pyplot  # noqa: F401
    import pyparsing

    assert pyparsing.ParserElement._packratEnabled
    limit = sys.getrecursionlimit()
    query = find_query("actor-profile")
    result = rdflib_engine.run(bind(query, query.example_params(0)))
    assert result.rows and sys.getrecursionlimit() == limit
    nested = "SELECT * WHERE " + "{ " * 400 + "?s ?p ?o" + " }" * 400
    with pytest.raises(QueryError, match="nests too deeply"):
        rdflib_engine.run(nested)


def sorted_rows(result: QueryResult) -> list[tuple]:
    """Rows comparable across engines: ' | ' lists sorted (GROUP_CONCAT has no order)."""
    out = []
    for row in result.rows:
        cells = []
        for term in row:
            text = "" if term is None else str(term)
            cells.append(" | ".join(sorted(text.split(" | "))) if " | " in text else text)
        out.append(tuple(cells))
    return sorted(out)


# ---------------------------------------------------------------------------- answers on the fixture


def run(engine, name: str, **params: str) -> QueryResult:
    return run_query(name, engine, params)


@pytest.mark.parametrize(
    ("actor", "meetings"),
    [
        ("بوتين", {"meeting/2021-09-14-3f9a1c07be"}),  # an alternate label, part of the full name
        ("فلاديمير بوتين", {"meeting/2021-09-14-3f9a1c07be"}),
        ("الاسد", {"meeting/2021-09-14-3f9a1c07be"}),  # no hamza on the alef, as people type it
        ("بَشّار الأسد", {"meeting/2021-09-14-3f9a1c07be"}),  # with tashkeel
        ("Lavrov", {"meeting/2021-09-13-8d21e4a0c5", "meeting/2022-03-01-c4e7a9120f",
                    "meeting/2022-03-01-5b0d3e8f71", "meeting/undated-7a3e91c5d2"}),
        ("person:faisal-bin-farhan", {"meeting/2023-04-12-e19f60b2d4"}),  # an IRI with a short prefix
        (f"{R}person/hossein-amir-abdollahian", {"meeting/2022-03-01-c4e7a9120f", "meeting/undated-7a3e91c5d2"}),
        ("عبد اللهيان", {"meeting/2022-03-01-c4e7a9120f", "meeting/undated-7a3e91c5d2"}),
        ("بوت", set()),  # names match as whole words, not parts of words
        ("أحد لا يعرفه أحد", set()),
    ],
)
def test_meetings_of_actor_by_name_or_iri(engine, actor, meetings):
    assert set(column(run(engine, "meetings-of-actor", actor=actor), "meeting")) == meetings


def test_meetings_of_actor_gives_place_date_kind_others_and_sources(engine):
    result = run(engine, "meetings-of-actor", actor="بوتين")
    (row,) = result.records()
    assert short(row["place"]) == "place/moscow-524901"
    assert row["date"] == Literal("2021-09-14", datatype=XSD_DATE)
    assert str(row["kind"]) == "summit"
    assert concat_set(row["others"]) == {"بشار الأسد"}
    assert int(row["sources"]) == 2  # the same summit, reported by two articles


def test_meetings_of_actor_in_a_time_window(engine):
    result = run(engine, "meetings-of-actor", actor="لافروف", **{"from": "2022-01-01", "to": "2022-12-31"})
    assert column_set(result, "meeting", "kind") == {
        ("meeting/2022-03-01-c4e7a9120f", "call"),
        ("meeting/2022-03-01-5b0d3e8f71", "reception"),
    }


def test_who_met_whom_and_how_often(engine):
    result = run(engine, "who-met-whom")
    pairs = {frozenset((short(a), short(b))): int(n) for a, b, n, *_ in result.rows}
    assert pairs == {
        frozenset(("person/faisal-mekdad", "person/sergey-lavrov")): 2,
        frozenset(("person/aleksandr-yefimov-4c19e2", "person/faisal-mekdad")): 1,
        frozenset(("person/aleksandr-yefimov-4c19e2", "person/sergey-lavrov")): 1,
        frozenset(("person/bashar-al-assad", "person/vladimir-putin")): 1,
        frozenset(("person/faisal-bin-farhan", "person/faisal-mekdad")): 1,
        frozenset(("person/hossein-amir-abdollahian", "person/sergey-lavrov")): 2,
    }
    often = run(engine, "who-met-whom", min="2")
    assert {frozenset((short(a), short(b))) for a, b, _ in often.rows} == {
        frozenset(("person/faisal-mekdad", "person/sergey-lavrov")),
        frozenset(("person/hossein-amir-abdollahian", "person/sergey-lavrov")),  # once on no known day
    }
    in_2022 = run(engine, "who-met-whom", **{"from": "2022-01-01", "to": "2022-12-31"})
    assert len(in_2022.rows) == 2  # the call and the reception; the undated meeting has no day to fall in


def test_counterparts_of_actor(engine):
    result = run(engine, "counterparts-of-actor", actor="لافروف")
    assert {short(r["counterpart"]): int(r["meetings"]) for r in result.records()} == {
        "person/faisal-mekdad": 2,
        "person/aleksandr-yefimov-4c19e2": 1,
        "person/hossein-amir-abdollahian": 2,
    }
    abdollahian = next(r for r in result.records() if short(r["counterpart"]) == "person/hossein-amir-abdollahian")
    assert (str(abdollahian["first"]), str(abdollahian["last"])) == ("2022-03-01", "2022-03-01")
    mekdad = next(r for r in result.records() if short(r["counterpart"]) == "person/faisal-mekdad")
    assert concat_set(mekdad["topics"]) == {"العملية السياسية", "المساعدات الإنسانية", "وقف إطلاق النار"}


@pytest.mark.parametrize(
    ("params", "statements"),
    [
        ({"actor": "بوتين"}, {"statement/5d0c2a9e71b4"}),
        ({"actor": "بوتين", "topic": "sovereignty"}, {"statement/5d0c2a9e71b4"}),
        ({"actor": "بوتين", "topic": "nuclear"}, set()),
        ({"actor": "المقداد"}, {"statement/e4b6d1a03c57", "statement/2f61ad8b04c7", "statement/61e0b5f9a3d2"}),
        ({"actor": "المقداد", "topic": "العملية السياسية"}, {"statement/e4b6d1a03c57", "statement/2f61ad8b04c7"}),
        ({"actor": "المقداد", "topic": f"{T}diplomatic-relations"}, {"statement/61e0b5f9a3d2"}),
        ({"actor": "لافروف"}, {"statement/2f61ad8b04c7"}),  # a joint statement: two speakers
    ],
)
def test_statements_of_actor_optionally_on_a_topic(engine, params, statements):
    assert set(column(run(engine, "statements-of-actor", **params), "statement")) == statements


def test_statements_of_actor_say_quoted_or_reported_and_the_day(engine):
    rows = {short(r["statement"]): r for r in run(engine, "statements-of-actor", actor="المقداد").records()}
    assert str(rows["statement/e4b6d1a03c57"]["form"]) == "quoted"
    assert str(rows["statement/61e0b5f9a3d2"]["form"]) == "reported"
    assert str(rows["statement/61e0b5f9a3d2"]["date"]) == "2023-04-12"  # the meeting's day
    assert short(rows["statement/e4b6d1a03c57"]["meeting"]) == "meeting/2021-09-13-8d21e4a0c5"


@pytest.mark.parametrize(
    ("phrase", "statements"),
    [
        ("اعادة الاعمار", {"statement/d7c90e4a1b28"}),  # the quote has إعادةِ الإعمارِ with tashkeel
        ("إعادة الإعمار", {"statement/d7c90e4a1b28"}),
        ("اعاده الاعمار", {"statement/d7c90e4a1b28"}),  # ه for ة
        ("الحلُّ السياسيُّ", {"statement/e4b6d1a03c57"}),  # tashkeel in the phrase, other marks in the quote
        ("تدخل خارجي", {"statement/e4b6d1a03c57"}),  # the quote writes تدخّل خارجيّ
        ("عقوب", {"statement/9c3a18f0e6b2"}),  # a stem inside a longer word
        ("اللاجئين", {"statement/d7c90e4a1b28"}),
        ("ـالعقوبـات", {"statement/9c3a18f0e6b2"}),  # tatweel
        ("مفاوضات سرية", set()),
    ],
)
def test_statements_with_a_phrase_ignore_tashkeel_tatweel_and_hamza_forms(engine, phrase, statements):
    assert set(column(run(engine, "statements-with-phrase", phrase=phrase), "statement")) == statements


def test_topics_between_two_countries_month_by_month(engine):
    result = run(engine, "topics-between-countries", country="سوريا", other="روسيا")
    assert column_set(result, "month", "topic") == {
        ("2021-09", "counter-terrorism"), ("2021-09", "bilateral-relations"), ("2021-09", "sovereignty"),
        ("2021-09", "political-process"), ("2021-09", "humanitarian-aid"),
        ("2022-03", "ceasefire"), ("2022-03", "political-process"),
    }  # fmt: skip
    by_iri = run(engine, "topics-between-countries", country="country:SY", other="country:RU")
    assert column_set(by_iri, "month", "topic") == column_set(result, "month", "topic")
    assert not run(engine, "topics-between-countries", country="سوريا", other="إيران").rows


@pytest.mark.parametrize(
    ("params", "meetings"),
    [
        ({"place": "موسكو"}, {"2021-09-13-8d21e4a0c5", "2021-09-14-3f9a1c07be", "2022-03-01-5b0d3e8f71"}),
        ({"place": "الرياض"}, {"2023-04-12-e19f60b2d4"}),
        ({"place": "Riyadh"}, {"2023-04-12-e19f60b2d4"}),
        ({"from": "2022-01-01", "to": "2022-12-31"}, {"2022-03-01-c4e7a9120f", "2022-03-01-5b0d3e8f71"}),
        ({"place": "موسكو", "from": "2022-01-01"}, {"2022-03-01-5b0d3e8f71"}),
        ({}, {"2021-09-13-8d21e4a0c5", "2021-09-14-3f9a1c07be", "2022-03-01-5b0d3e8f71",
              "2022-03-01-c4e7a9120f", "2023-04-12-e19f60b2d4", "undated-7a3e91c5d2"}),
    ],
)
def test_meetings_in_a_place_or_time_window(engine, params, meetings):
    result = run(engine, "meetings-in-place", **params)
    assert {m.removeprefix("meeting/") for m in column(result, "meeting")} == meetings


@pytest.mark.parametrize(
    ("params", "persons"),
    [
        ({"role": "وزير الخارجية"}, {"sergey-lavrov", "faisal-mekdad", "hossein-amir-abdollahian",
                                     "faisal-bin-farhan"}),
        ({"role": "وزير الخارجية", "country": "روسيا"}, {"sergey-lavrov"}),
        ({"role": "وزير الخارجية", "country": "country:SA"}, {"faisal-bin-farhan"}),
        ({"role": "الرئيس"}, {"vladimir-putin", "bashar-al-assad"}),
        ({"role": "السفير"}, {"aleksandr-yefimov-4c19e2"}),
        ({"role": "وزارة الخارجية"}, {"maria-zakharova"}),
    ],
)
def test_actors_by_role_and_whom_they_represent(engine, params, persons):
    result = run(engine, "actors-by-role", **params)
    assert {p.removeprefix("person/") for p in column(result, "person")} == persons


def test_foreign_ministers_represent_their_countries(engine):
    result = run(engine, "actors-by-role", role="وزير الخارجية")
    assert column_set(result, "person", "represents") == {
        ("person/sergey-lavrov", "country/RU"),
        ("person/faisal-mekdad", "country/SY"),
        ("person/hossein-amir-abdollahian", "country/IR"),
        ("person/faisal-bin-farhan", "country/SA"),
    }


def test_most_active_actors(engine):
    result = run(engine, "most-active-actors")
    rows = {short(r["actor"]): (int(r["meetings"]), int(r["statements"])) for r in result.records()}
    assert short(result.rows[0][0]) == "person/faisal-mekdad"
    assert rows["person/faisal-mekdad"] == (3, 3)
    assert rows["person/sergey-lavrov"] == (4, 1)
    assert rows["person/maria-zakharova"] == (0, 1)
    windowed = run(engine, "most-active-actors", **{"from": "2023-01-01"})
    assert {short(r["actor"]) for r in windowed.records()} == {"person/faisal-mekdad", "person/faisal-bin-farhan"}


def test_bilateral_timeline(engine):
    result = run(engine, "bilateral-timeline", country="سوريا", other="روسيا")
    assert column_set(result, "date", "kind", "event", "speaker") == {
        ("2021-09-13", "talks", "meeting/2021-09-13-8d21e4a0c5", None),
        ("2021-09-13", "statement", "statement/e4b6d1a03c57", "person/faisal-mekdad"),
        ("2021-09-14", "summit", "meeting/2021-09-14-3f9a1c07be", None),
        ("2021-09-14", "statement", "statement/5d0c2a9e71b4", "person/vladimir-putin"),
        ("2021-09-14", "statement", "statement/a81f3c6d20e9", "person/bashar-al-assad"),
        ("2022-03-01", "reception", "meeting/2022-03-01-5b0d3e8f71", None),
        ("2022-03-01", "statement", "statement/2f61ad8b04c7", "person/faisal-mekdad"),
        ("2022-03-01", "statement", "statement/2f61ad8b04c7", "person/sergey-lavrov"),
    }
    assert column(result, "date") == sorted(column(result, "date"))


def test_sources_behind_a_meeting(engine):
    result = run(engine, "sources-of-meeting", min="2")
    assert column_set(result, "event", "article", "published") == {
        ("meeting/2021-09-14-3f9a1c07be", "article/fx-summit-hadaf", "2021-09-14"),
        ("meeting/2021-09-14-3f9a1c07be", "article/fx-summit-sana", "2021-09-14"),
    }
    evidence = {short(r["article"]): str(r["evidence"]) for r in result.records()}
    assert evidence["article/fx-summit-hadaf"].startswith("عقد الرئيسان")  # each article's own sentence
    assert evidence["article/fx-summit-sana"].startswith("التقى السيد الرئيس")
    by_words = run(engine, "sources-of-meeting", meeting="استقبال")
    assert set(column(by_words, "event")) == {"meeting/2022-03-01-5b0d3e8f71"}
    by_iri = run(engine, "sources-of-meeting", meeting="meeting:2023-04-12-e19f60b2d4")
    assert set(column(by_iri, "article")) == {"article/fx-mekdad-riyadh"}


def test_calls_versus_visits(engine):
    result = run(engine, "calls-vs-visits")
    counts = {short(r["participant"]): tuple(int(r[k]) for k in ("calls", "visits", "otherInPerson", "total"))
              for r in result.records()}  # fmt: skip
    assert counts["person/sergey-lavrov"] == (1, 0, 3, 4)
    assert counts["person/faisal-mekdad"] == (0, 1, 2, 3)
    assert counts["person/faisal-bin-farhan"] == (0, 1, 0, 1)
    assert set(column(run(engine, "calls-vs-visits", actor="لافروف"), "participant")) == {"person/sergey-lavrov"}


def test_topics_overview(engine):
    result = run(engine, "topics-overview")
    counts = {short(r["topic"]): (int(r["meetings"]), int(r["statements"])) for r in result.records()}
    assert counts["political-process"] == (2, 2)
    assert counts["sanctions"] == (0, 1)
    assert counts["bilateral-relations"] == (2, 0)
    assert len(counts) == 13
    windowed = run(engine, "topics-overview", **{"from": "2022-01-01", "to": "2022-12-31"})
    assert {short(r["topic"]): (int(r["meetings"]), int(r["statements"])) for r in windowed.records()} == {
        "nuclear": (1, 1), "regional-situation": (1, 0), "ceasefire": (1, 1), "political-process": (1, 1),
        "sanctions": (0, 1),
    }  # fmt: skip


def test_actor_profile(engine):
    result = run(engine, "actor-profile", actor="المقداد")
    facts = {(str(r["field"]), short(r["value"])) for r in result.records()}
    assert ("4 role", "وزير الخارجية والمغتربين") in facts
    assert ("5 represents", "country/SY") in facts
    assert ("3 also called", "المقداد") in facts
    assert {(f, v) for f, v in facts if f[0] in "789"} == {("7 articles", "3"), ("8 meetings", "3"),
                                                          ("9 statements", "3")}  # fmt: skip


def test_articles_by_month(engine):
    result = run(engine, "articles-by-month")
    assert {(str(r["month"]), str(r["publisher"]), int(r["articles"])) for r in result.records()} == {
        ("2021-09", "موقع المرصد الدبلوماسي", 1),
        ("2021-09", "وكالة الأنباء العربية السورية", 1),
        ("2022-03", "نشرة الشؤون الخارجية", 1),
        ("2023-04", "موقع المرصد الدبلوماسي", 1),
    }
    recent = run(engine, "articles-by-month", **{"from": "2023-01-01"})
    assert [(str(r["month"]), int(r["articles"])) for r in recent.records()] == [("2023-04", 1)]


# ---------------------------------------------------------------------------- binding parameters safely

PROBE = parse_query_text("# Echo.\n# @param x string required Any text.\nSELECT ?x WHERE { VALUES ?x { UNDEF } }")
HOSTILE = [
    'x" } ; DROP ALL ; #',
    "x' } ; DROP ALL ; #",
    '"""',
    "\\",
    "back\\slash \\u0022 and \\n",
    "line\nbreak\r\ttab",
    "} UNION { ?s ?p ?o }",
    "<https://evil.example/> .",
    "# a comment",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_is_only_ever_a_string(engine, value):
    result = engine.run(bind(PROBE, {"x": value}))
    assert result.rows == ((Literal(value),),)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_phrase_finds_nothing_and_changes_nothing(oxigraph, value):
    before = len(oxigraph.store)
    assert run(oxigraph, "statements-with-phrase", phrase=value).rows == ()
    assert len(oxigraph.store) == before


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_any_string_round_trips_through_a_values_block(value):
    result = _PROBE_ENGINE.run(bind(PROBE, {"x": value}))
    assert result.rows == ((Literal(value),),)


_PROBE_ENGINE = OxigraphEngine(load_files([]))


@pytest.mark.parametrize("value", ["https://x.example/a b", "<urn:x>y>", 'https://x.example/"', "urn:x{"])
def test_an_iri_that_could_break_out_is_refused(value):
    with pytest.raises(UsageError):
        bind(find_query("meetings-of-actor"), {"actor": value})


@pytest.mark.parametrize(
    ("kind", "raw", "term"),
    [
        ("actor", "بُوتين", Literal("بوتين")),
        ("actor", "person:vladimir-putin", URIRef(R + "person/vladimir-putin")),
        ("actor", "dipr:person/vladimir-putin", URIRef(R + "person/vladimir-putin")),
        ("actor", "<urn:x:y>", URIRef("urn:x:y")),
        ("actor", "wd:Q7747", URIRef("http://www.wikidata.org/entity/Q7747")),
        ("topic", "sovereignty", URIRef(T + "sovereignty")),
        ("topic", "السيادة", Literal("السياده")),
        ("text", "  إعادةِ   الإعمار ", Literal("اعاده الاعمار")),
        ("string", " as is ", Literal(" as is ")),
        ("ar", "كما هو", Literal("كما هو", lang="ar")),
        ("date", "2021-09-14", Literal("2021-09-14", datatype=XSD_DATE)),
        ("integer", "12", Literal(12, datatype=XSD_INTEGER)),
        ("iri", "https://example.org/x", URIRef("https://example.org/x")),
    ],
)
def test_parameter_kinds(kind, raw, term):
    from kg.query import Param

    assert parameter_term(Param("p", kind, True, None, ""), raw) == term


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        ("date", "14/09/2021", "YYYY-MM-DD"),
        ("date", "2021-02-30", "YYYY-MM-DD"),
        ("integer", "twelve", "whole number"),
        ("topic", "sovereignity", "bilateral-relations"),  # an unknown key lists the valid ones
        ("iri", "not an iri", "not an IRI"),
        ("text", "   ", "empty"),
    ],
)
def test_bad_parameter_values_say_what_was_expected(kind, raw, message):
    from kg.query import Param

    with pytest.raises(UsageError, match=message):
        parameter_term(Param("p", kind, True, None, ""), raw)


def test_unknown_and_missing_parameters_are_usage_errors():
    query = find_query("meetings-of-actor")
    with pytest.raises(UsageError, match="actor, from, to"):
        bind(query, {"actr": "بوتين"})
    with pytest.raises(UsageError, match="--param actor="):
        bind(query, {})


def test_unknown_query_names_list_the_valid_ones():
    with pytest.raises(UsageError) as caught:
        resolve_query("meetings-of-actorr")
    for query in list_queries():
        assert query.name in str(caught.value)


def test_a_query_can_be_a_file_or_sparql_text(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# Mine.\n# @param who actor required Someone.\nSELECT ?who WHERE { VALUES ?who { UNDEF } }",
                    encoding="utf-8")  # fmt: skip
    assert resolve_query(str(path)).params[0].name == "who"
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }").params == ()
    with pytest.raises(QueryError, match="no such query file"):
        resolve_query(str(tmp_path / "missing.rq"))


@pytest.mark.parametrize(
    "header",
    [
        "# @param actor person required x",  # unknown kind
        "# @param Actor actor required x",  # bad name
        "# @param actor actor sometimes x",  # neither required, optional nor default=
        "# @parameter actor actor required x",  # unknown tag
    ],
)
def test_a_wrong_header_names_the_file_and_line(tmp_path, header):
    path = tmp_path / "bad.rq"
    path.write_text(f"# Summary.\n{header}\nSELECT * WHERE {{ ?s ?p ?o }}", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bad\.rq:2"):
        resolve_query(str(path))


# ---------------------------------------------------------------------------- Arabic matching

ARABIC_PIECES = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوية") + list("أإآٱىئؤءة") + list("\u064b\u064c\u064d\u064e\u064f"
    "\u0650\u0651\u0652\u0670\u0640") + [" ", "A", "b", "Y", "é", "İ"]  # fmt: skip
arabic_text = st.lists(st.sampled_from(ARABIC_PIECES), min_size=0, max_size=25).map("".join)


@settings(max_examples=150, deadline=None)
@given(arabic_text)
def test_the_sparql_key_and_its_python_mirror_agree(text):
    query = f"SELECT ({sparql_match_key('?t')} AS ?k) WHERE {{ VALUES ?t {{ {sparql_term(Literal(text))} }} }}"
    ((key,),) = _PROBE_ENGINE.run(query).rows
    assert str(key) == match_key(text)


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_folding_a_value_changes_nothing_the_queries_can_see(text):
    assert match_key(fold_arabic(text)) == " ".join(match_key(text).split())


@pytest.mark.parametrize(
    ("a", "b"),
    [("إعادةُ الإعمار", "اعاده الاعمار"), ("مؤتمر", "موتمر"), ("رئيس", "رييس"), ("مسؤول", "مسوول"), ("مستشفى", "مستشفي"),
     ("آمال", "امال"), ("ٱلحمد", "الحمد"), ("العربيـــة", "العربية")],
)  # fmt: skip
def test_match_key_equates_spellings(a, b):
    assert match_key(a) == match_key(b)


# ---------------------------------------------------------------------------- writing results


@pytest.fixture(scope="module")
def sample(oxigraph):
    return run(oxigraph, "meetings-of-actor", actor="لافروف")


def test_json_results_parse_back(sample):
    doc = json.loads(format_result(sample, "json"))
    assert doc["head"]["vars"] == list(sample.vars)
    assert parse_results_json(doc) == sample


def test_csv_results(sample):
    text = format_result(sample, "csv")
    lines = text.split("\r\n")
    assert lines[0] == ",".join(sample.vars)
    assert len([line for line in lines if line]) == len(sample.rows) + 1
    assert f"{R}person/sergey-lavrov" in text


def test_tsv_results(sample):
    lines = format_result(sample, "tsv").splitlines()
    assert lines[0].split("\t") == [f"?{v}" for v in sample.vars]
    assert all(line.startswith(f"<{R}person/sergey-lavrov>\t") for line in lines[1:])
    assert any('\t"2021-09-13"^^<http://www.w3.org/2001/XMLSchema#date>\t' in line for line in lines[1:])


def test_ask_results():
    result = QueryResult(boolean=True)
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(result, "table") == "yes\n"


def test_the_table_shows_labels_in_the_language_asked(sample, oxigraph):
    from kg.query import fetch_labels

    labels = fetch_labels(oxigraph, (t for row in sample.rows for t in row))
    arabic = results_table(sample, labels=labels, isolate=False)
    english = results_table(sample, labels=labels, lang="en", isolate=False)
    assert "سيرغي لافروف" in arabic and "موسكو" in arabic
    assert "Sergey Lavrov" in english and "Moscow" in english
    assert "person:sergey-lavrov" in results_table(sample, isolate=False)  # no labels: short IRIs


def test_the_table_isolates_arabic_cells_and_aligns_by_display_width(sample, oxigraph):
    from kg.query import fetch_labels

    labels = fetch_labels(oxigraph, (t for row in sample.rows for t in row))
    lines = results_table(sample, labels=labels).splitlines()
    assert "\u2068سيرغي لافروف\u2069" in lines[2]
    widths = {display_width(line.replace("\u2068", "").replace("\u2069", "")) for line in lines[:-1]}
    assert len(widths) <= 2  # header, rule and rows line up (trailing spaces are trimmed on some)
    assert lines[-1] == "(4 rows)"


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("بُوتين", 5), ("漢字", 4), ("\u2068ا\u2069", 1), ("", 0)])
def test_display_width(text, width):
    assert display_width(text) == width


def test_long_cells_are_cut_with_an_ellipsis(sample, oxigraph):
    table = results_table(sample, max_width=10, isolate=False)
    assert "…" in table
    cells = [cell for line in table.splitlines()[2:-1] for cell in re.split(r"\s{2,}", line.strip())]
    assert cells and all(display_width(cell) <= 10 for cell in cells)


# ---------------------------------------------------------------------------- the commands


def test_kg_query_prints_a_table(capsys):
    assert main(["query", "meetings-of-actor", "--graph", str(FIXTURE), "--param", "actor=بوتين"]) == 0
    out = capsys.readouterr().out
    assert "فلاديمير بوتين" in out and "قمة: بشار الأسد، فلاديمير بوتين" in out and "(1 row)" in out


@pytest.mark.parametrize("engine_name", ["oxigraph", "rdflib"])
def test_kg_query_json_on_either_engine(capsys, engine_name):
    args = ["query", "who-met-whom", "--graph", str(FIXTURE), "--format", "json", "--engine", engine_name]
    assert main(args) == 0
    assert len(json.loads(capsys.readouterr().out)["results"]["bindings"]) == 6


def test_kg_query_show_query_binds_without_running(capsys):
    value = 'x" } ; DROP ALL ; #'
    assert main(["query", "statements-with-phrase", "--param", f"phrase={value}", "--show-query"]) == 0
    out = capsys.readouterr().out
    assert 'VALUES ?phrase { "x\\" } ; drop all ; #" }' in out  # folded to lower case, quote escaped


def test_kg_query_store_and_output_file(tmp_path, capsys):
    from kg.store import write_articles

    write_articles(tmp_path / "store", load_dataset([FIXTURE]))
    out = tmp_path / "out.csv"
    args = ["query", "articles-by-month", "--store", str(tmp_path / "store"), "-f", "csv", "-o", str(out)]
    assert main(args) == 0
    assert out.read_bytes().count(b"\r\n") == 5


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["query", "meetings-of-actorr", "--graph", str(FIXTURE)], 2, "who-met-whom"),
        (["query", "meetings-of-actor", "--graph", str(FIXTURE)], 2, "--param actor="),
        (["query", "meetings-of-actor", "--graph", str(FIXTURE), "--param", "actor"], 2, "NAME=VALUE"),
        (["query", "articles-by-month"], 2, "--graph"),
        (["query", "SELECT ?x WHERE { ?x ?y }", "--graph", str(FIXTURE)], 1, "not valid SPARQL"),
        (["query", "DELETE WHERE { ?s ?p ?o }", "--graph", str(FIXTURE)], 1, "updates are not run"),
        (["query", "articles-by-month", "--graph", "missing.ttl"], 1, "missing.ttl"),
        (["query", "articles-by-month", "--store", "missing-store"], 1, "missing-store"),
    ],
)
def test_kg_query_errors_are_one_line(capsys, args, status, message):
    assert main(args) == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_kg_queries_lists_every_query_with_its_parameters(capsys):
    assert main(["queries"]) == 0
    out = capsys.readouterr().out
    for query in list_queries():
        assert query.name in out
    assert "actor (actor, required)" in out


def test_kg_queries_name_shows_one_in_full(capsys):
    assert main(["queries", "statements-with-phrase"]) == 0
    out = capsys.readouterr().out
    assert "phrase (text, required)" in out and "kg query statements-with-phrase" in out


# ---------------------------------------------------------------------------- country pairs

_DISAGREEING_ARTICLES = """
@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix article: <https://w3id.org/dipkg/resource/article/> .
@prefix meeting: <https://w3id.org/dipkg/resource/meeting/> .
@prefix person: <https://w3id.org/dipkg/resource/person/> .
@prefix country: <https://w3id.org/dipkg/resource/country/> .
article:a1 {
  meeting:m1 a dip:Meeting ; dip:participant person:p1 , person:p2 .
  person:p1 a dip:Person ; dip:represents country:AA .
  person:p2 a dip:Person ; dip:represents country:BB .
  country:AA a dip:Country . country:BB a dip:Country .
}
article:a2 {
  meeting:m2 a dip:Meeting ; dip:participant person:p1 , person:p3 .
  person:p1 a dip:Person ; dip:represents country:CC .
  person:p3 a dip:Person ; dip:represents country:DD .
  country:CC a dip:Country . country:DD a dip:Country .
}
"""


def test_country_pairs_take_each_person_s_country_from_the_article_that_tells_the_meeting(tmp_path):
    # an article that disagrees about whom p1 stands for does not pair AA with DD or CC with BB
    from kg.engine import open_engine

    path = tmp_path / "two.trig"
    path.write_text(_DISAGREEING_ARTICLES, encoding="utf-8")
    rows = {(str(a).rsplit("/", 1)[-1], str(b).rsplit("/", 1)[-1], int(n))
            for a, b, n in run_query("country-pairs", open_engine([path])).rows}  # fmt: skip
    assert rows == {("AA", "BB", 1), ("CC", "DD", 1)}


# ---------------------------------------------------------------------------- the report's months

_MONTHS = """
@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix article: <https://w3id.org/dipkg/resource/article/> .
@prefix meeting: <https://w3id.org/dipkg/resource/meeting/> .
@prefix statement: <https://w3id.org/dipkg/resource/statement/> .
@prefix dipt: <https://w3id.org/dipkg/topic/> .
article:a1 {
  article:a1 a dip:Article ; dcterms:date "2023-03-01"^^xsd:date .
  meeting:m1 a dip:Meeting ; dip:date "2023-01-05"^^xsd:date ; dip:topic dipt:bilateral-relations .
  meeting:m2 a dip:Meeting ; dip:date "2023-02-07"^^xsd:date ; dip:topic dipt:security .
  # made at two meetings of different months: counted in each
  statement:s1 a dip:Statement ; dip:madeDuring meeting:m1 , meeting:m2 ; prov:wasDerivedFrom article:a1 ;
    dip:topic dipt:bilateral-relations .
  statement:s4 a dip:Statement ; dip:madeDuring meeting:m1 ; dip:topic dipt:energy .
  # not a dip:Statement: counted nowhere
  statement:s6 dip:madeDuring meeting:m1 ; prov:wasDerivedFrom article:a1 ; dip:topic dipt:energy .
  # two articles, no meeting: the articles' months
  statement:s8 a dip:Statement ; prov:wasDerivedFrom article:a1 , article:a5 ; dip:topic dipt:energy .
}
article:a2 {
  article:a2 a dip:Article ; dcterms:date "2023-04-01"^^xsd:date .
  article:a3 a dip:Article ; dcterms:date "2023-05-01"^^xsd:date .
  meeting:m3 a dip:Meeting ; dip:topic dipt:energy .
  # its meeting has no day: its articles' months
  statement:s2 a dip:Statement ; dip:madeDuring meeting:m3 ; prov:wasDerivedFrom article:a2 , article:a3 ;
    dip:topic dipt:security .
}
article:a4 {
  article:a4 a dip:Article .
  meeting:m5 a dip:Meeting ; dip:topic dipt:bilateral-relations .
  # no day anywhere: the empty month
  statement:s3 a dip:Statement ; prov:wasDerivedFrom article:a4 ; dip:topic dipt:energy .
}
article:a5 {
  article:a5 a dip:Article ; dcterms:date "2023-01-20"^^xsd:date .
  meeting:m4 a dip:Meeting ; dip:date "2023-06-01"^^xsd:date , "2023-07-01"^^xsd:date ; dip:topic dipt:security .
  meeting:p1 a dip:PhoneCall ; dip:date "2023-02-10"^^xsd:date ; dip:topic dipt:security .
  # one dated meeting wins over the undated one and over the articles
  statement:s7 a dip:Statement ; dip:madeDuring meeting:m4 , meeting:m5 ; prov:wasDerivedFrom article:a4 , article:a5 ;
    dip:topic dipt:security .
}
"""


@pytest.mark.parametrize("engine_name", ["oxigraph", "rdflib"])
def test_topics_and_meetings_by_month_count_meetings_and_statements_in_their_months(tmp_path, engine_name):
    # a statement's months are its meetings' days', else its articles', else none; statements are
    # never counted as meetings (the classes' VALUES block of a ready-made query is not a parameter)
    path = tmp_path / "months.trig"
    path.write_text(_MONTHS, encoding="utf-8")
    engine = OxigraphEngine(load_files([path])) if engine_name == "oxigraph" else RdflibEngine(load_dataset([path]))
    topics = {(str(m), str(t).rsplit("/", 1)[-1], int(a), int(b))
              for m, t, a, b in run_query("topics-by-month", engine).rows}  # fmt: skip
    assert topics == {
        ("", "bilateral-relations", 1, 0), ("", "energy", 1, 1),
        ("2023-01", "bilateral-relations", 1, 1), ("2023-01", "energy", 0, 2),
        ("2023-02", "bilateral-relations", 0, 1), ("2023-02", "security", 2, 0),
        ("2023-03", "energy", 0, 1),
        ("2023-04", "security", 0, 1), ("2023-05", "security", 0, 1),
        ("2023-06", "security", 1, 1), ("2023-07", "security", 1, 1),
    }  # fmt: skip
    months = [(str(m), int(a), int(b)) for m, a, b in run_query("meetings-by-month", engine).rows]
    assert months == [("", 2, 0), ("2023-01", 1, 0), ("2023-02", 1, 1), ("2023-06", 1, 0), ("2023-07", 1, 0)]


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_a_ready_made_query_binds_only_its_declared_parameters(query):
    declared = {param.name for param in query.params}
    kept = [text for name, start, end in values_blocks(query.text) if name not in declared
            for text in [query.text[start:end]]]  # fmt: skip
    bound = bind(query, query.example_params(0))
    for block in kept:
        assert block in bound, f"{query.name}: a VALUES block that is no parameter was emptied"
    with pytest.raises(UsageError):
        bind(query, {"class": "dip:Meeting"})
