"""`validate` and `kg validate` on a hand-written graph (tests/fixtures/ontology) and broken variants of it."""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.cli import main
from kg.errors import GraphError
from kg.graphio import read_graphs, write_graph
from kg.rdf.namespaces import DIP, DIPR_IRI, DIPT, PREFIXES
from kg.resources import ontology_path
from kg.validate import ValidationReport, format_report, validate

FIXTURE = Path(__file__).parent / "fixtures" / "ontology" / "conforming.trig"

R = DIPR_IRI
A1, A2 = URIRef(R + "article/amman-talks"), URIRef(R + "article/cairo-muscat-call")
MEETING = URIRef(R + "meeting/2023-03-12-9cac03b70a")
CALL = URIRef(R + "meeting/2023-03-13-78d66c1f79")
KHATIB = URIRef(R + "person/samer-al-khatib-6b4597")
MANSOUR = URIRef(R + "person/karim-mansour-15fa35")
QUOTED = URIRef(R + "statement/68f1c007e617")  # al-Khatib, in quotation marks
REPORTED = URIRef(R + "statement/62673a604d24")  # Mansour, reported speech
BOTH_SIDES = URIRef(R + "statement/60484cc708f0")  # "الجانبان": two speakers
AMMAN = URIRef(R + "place/amman-250441")
JORDAN, EGYPT = URIRef(R + "country/JO"), URIRef(R + "country/EG")
MENA = URIRef(R + "org/mena")
NOBODY = URIRef(R + "person/nobody-000000")
OUTSIDE_TOPIC = URIRef("https://example.org/topic/trade")

# SPARQL Update prologue: the contract's prefixes, and dipr: as the base so <meeting/...> reads short.
PROLOGUE = f"BASE <{R}>\n" + "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
MEETING_LABEL = "مباحثات: سامر الخطيب، كريم منصور"


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    """The union of the fixture's named graphs."""
    union = Graph()
    for graph in read_graphs([FIXTURE]).graphs():
        union += graph
    return union


def changed(base: Graph, update: str) -> Graph:
    graph = Graph()
    graph += base
    graph.update(PROLOGUE + update)
    return graph


def found(report: ValidationReport, severity: str = "Violation") -> set[tuple[URIRef, str]]:
    return {(v.focus, v.shape) for v in report.violations if v.severity == severity}


# --- the conforming graph -----------------------------------------------------------------------


def test_fixture_conforms_with_no_results():
    report = validate(read_graphs([FIXTURE]))
    assert report.conforms
    assert report.violations == ()
    assert report.triples == 158


def test_fixture_has_one_named_graph_per_article():
    dataset = read_graphs([FIXTURE])
    assert {g.identifier for g in dataset.graphs() if len(g)} == {A1, A2}


def test_dataset_is_validated_as_the_union_of_its_graphs():
    """Each article graph may hold part of a shared node; only together do they satisfy the shapes."""
    dataset = read_graphs([FIXTURE])
    first, second = dataset.graph(A1), dataset.graph(A2)
    first.remove((MEETING, DIP.participant, MANSOUR))
    second.add((MEETING, DIP.participant, MANSOUR))
    assert validate(dataset).conforms
    alone = validate(first)
    assert (MEETING, "dipsh:Meeting-participant") in found(alone)


# --- broken variants: each gives exactly the expected results -----------------------------------

BROKEN = [
    ("meeting with one participant",
     "DELETE DATA { <meeting/2023-03-12-9cac03b70a> dip:participant <person/karim-mansour-15fa35> }",
     {(MEETING, "dipsh:Meeting-participant")}),
    ("statement without speaker",
     "DELETE WHERE { <statement/62673a604d24> dip:speaker ?who }",
     {(REPORTED, "dipsh:Statement-speaker")}),
    ("statement with two dip:direct values",
     "INSERT DATA { <statement/68f1c007e617> dip:direct false }",
     {(QUOTED, "dipsh:Statement-direct")}),
    ("dip:direct as a string",
     'DELETE WHERE { <statement/68f1c007e617> dip:direct ?d } ;'
     ' INSERT DATA { <statement/68f1c007e617> dip:direct "true" }',
     {(QUOTED, "dipsh:Statement-direct")}),
    ("statement without words",
     "DELETE WHERE { <statement/68f1c007e617> dip:quote ?q }",
     {(QUOTED, "dipsh:Statement-quote")}),
    ("words without a language tag",
     'DELETE WHERE { <statement/68f1c007e617> dip:quote ?q } ;'
     ' INSERT DATA { <statement/68f1c007e617> dip:quote "نريد أن يتضاعف التبادل التجاري" }',
     {(QUOTED, "dipsh:Statement-quote")}),
    ("words tagged English",
     'INSERT DATA { <statement/68f1c007e617> dip:quote "We want trade to double"@en }',
     {(QUOTED, "dipsh:Statement-quote")}),
    ("person with only an English label",
     'DELETE WHERE { <person/samer-al-khatib-6b4597> rdfs:label ?l } ;'
     ' INSERT DATA { <person/samer-al-khatib-6b4597> rdfs:label "Samer al-Khatib"@en }',
     {(KHATIB, "dipsh:ArabicLabel")}),
    ("organization without labels",
     "DELETE WHERE { <org/mena> rdfs:label ?l }",
     {(MENA, "dipsh:ArabicLabel")}),
    ("meeting without label",
     "DELETE WHERE { <meeting/2023-03-12-9cac03b70a> rdfs:label ?l }",
     {(MEETING, "dipsh:ArabicLabel")}),
    ("role without a language tag",
     'DELETE WHERE { <person/samer-al-khatib-6b4597> dip:role ?r } ;'
     ' INSERT DATA { <person/samer-al-khatib-6b4597> dip:role "وزير الخارجية" }',
     {(KHATIB, "dipsh:Person-role")}),
    ("dip:date as a plain string",
     'DELETE WHERE { <meeting/2023-03-12-9cac03b70a> dip:date ?d } ;'
     ' INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:date "2023-03-12" }',
     {(MEETING, "dipsh:Meeting-date")}),
    ("dip:date that is no day of the calendar",
     'DELETE WHERE { <meeting/2023-03-12-9cac03b70a> dip:date ?d } ;'
     ' INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:date "2023-02-30"^^xsd:date }',
     {(MEETING, "dipsh:Meeting-date")}),
    ("meeting with two dates",
     'INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:date "2023-03-13"^^xsd:date }',
     {(MEETING, "dipsh:Meeting-date")}),
    ("unknown kind of meeting",
     'INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:meetingKind "banquet" }',
     {(MEETING, "dipsh:Meeting-kind")}),
    ("meeting without provenance",
     "DELETE WHERE { <meeting/2023-03-12-9cac03b70a> prov:wasDerivedFrom ?a }",
     {(MEETING, "dipsh:DerivedFrom")}),
    ("statement derived from something that is not an article",
     "INSERT DATA { <statement/60484cc708f0> prov:wasDerivedFrom <https://example.org/news/1> }",
     {(BOTH_SIDES, "dipsh:DerivedFrom")}),
    ("meeting without evidence",
     "DELETE WHERE { <meeting/2023-03-12-9cac03b70a> dip:evidence ?e }",
     {(MEETING, "dipsh:Evidence")}),
    ("dip:represents pointing at a dip:Place",
     "DELETE DATA { <person/samer-al-khatib-6b4597> dip:represents <country/JO> } ;"
     " INSERT DATA { <person/samer-al-khatib-6b4597> dip:represents <place/amman-250441> }",
     {(AMMAN, "dipsh:RepresentsValue")}),
    ("participant that is a place",
     "INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:participant <place/amman-250441> }",
     {(AMMAN, "dipsh:ParticipantValue")}),
    ("participant the graph says nothing about",
     "INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:participant <person/nobody-000000> }",
     {(NOBODY, "dipsh:ParticipantValue")}),
    ("speaker that is a topic",
     "INSERT DATA { <statement/60484cc708f0> dip:speaker dipt:ceasefire }",
     {(DIPT.ceasefire, "dipsh:SpeakerValue")}),
    ("addressee that is an article",
     "INSERT DATA { <statement/60484cc708f0> dip:addressee <article/cairo-muscat-call> }",
     {(A2, "dipsh:AddresseeValue")}),
    ("location that is a person",
     "DELETE WHERE { <meeting/2023-03-12-9cac03b70a> dip:location ?p } ;"
     " INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:location <person/samer-al-khatib-6b4597> }",
     {(KHATIB, "dipsh:LocationValue")}),
    ("statement made during an article",
     "DELETE WHERE { <statement/68f1c007e617> dip:madeDuring ?m } ;"
     " INSERT DATA { <statement/68f1c007e617> dip:madeDuring <article/amman-talks> }",
     {(A1, "dipsh:MadeDuringValue")}),
    ("topic outside the scheme",
     "INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:topic <https://example.org/topic/trade> }",
     {(OUTSIDE_TOPIC, "dipsh:TopicValue")}),
    ("topic without an Arabic preferred label",
     "DELETE DATA { dipt:ceasefire skos:prefLabel \"وقف إطلاق النار\"@ar }",
     {(DIPT.ceasefire, "dipsh:Topic-prefLabel")}),
    ("topic with two Arabic preferred labels",
     "INSERT DATA { dipt:ceasefire skos:prefLabel \"الهدنة\"@ar }",
     {(DIPT.ceasefire, "dipsh:Topic-onePrefLabelPerLanguage")}),
    ("owl:sameAs outside Wikidata",
     "INSERT DATA { <country/JO> owl:sameAs <http://dbpedia.org/resource/Jordan> }",
     {(JORDAN, "dipsh:SameAsWikidata")}),
    ("mentioned in something that is not an article",
     "INSERT DATA { <country/EG> dip:mentionedIn <person/karim-mansour-15fa35> }",
     {(EGYPT, "dipsh:MentionedInArticle")}),
    ("article citing a country as its agency",
     "DELETE WHERE { <article/cairo-muscat-call> dip:reportedBy ?o } ;"
     " INSERT DATA { <article/cairo-muscat-call> dip:reportedBy <country/EG> }",
     {(A2, "dipsh:Article-reportedBy")}),
    ("article without its id",
     "DELETE WHERE { <article/amman-talks> dip:articleId ?i }",
     {(A1, "dipsh:Article-articleId")}),
    ("content hash that is no SHA-256",
     'DELETE WHERE { <article/amman-talks> dip:contentHash ?h } ;'
     ' INSERT DATA { <article/amman-talks> dip:contentHash "652F69AF" }',
     {(A1, "dipsh:Article-contentHash")}),
    ("meeting that lost its type",
     "DELETE DATA { <meeting/2023-03-12-9cac03b70a> a dip:Meeting }",
     {(MEETING, "dipsh:TypedMeeting"), (MEETING, "dipsh:MadeDuringValue")}),
    ("statement that lost its type",
     "DELETE DATA { <statement/60484cc708f0> a dip:Statement }",
     {(BOTH_SIDES, "dipsh:TypedStatement")}),
]


@pytest.mark.parametrize(("update", "expected"), [pytest.param(u, e, id=i) for i, u, e in BROKEN])
def test_broken_variant_gives_the_expected_violations(fixture_graph, update, expected):
    report = validate(changed(fixture_graph, update))
    assert not report.conforms
    assert found(report) == expected


WARNED = [
    ("phone call with a place",
     "INSERT DATA { <meeting/2023-03-13-78d66c1f79> dip:location <place/amman-250441> }",
     {(CALL, "dipsh:PhoneCall-location")}),
    ("phone call also typed dip:Meeting",
     "INSERT DATA { <meeting/2023-03-13-78d66c1f79> a dip:Meeting }",
     {(CALL, "dipsh:PhoneCall-type")}),
]


@pytest.mark.parametrize(("update", "expected"), [pytest.param(u, e, id=i) for i, u, e in WARNED])
def test_warnings_are_reported_but_the_graph_conforms(fixture_graph, update, expected):
    report = validate(changed(fixture_graph, update))
    assert report.conforms
    assert found(report, "Warning") == expected
    assert found(report) == set()


ACCEPTED = [
    ("the same words in a second spelling",  # one statement IRI, two articles' spellings
     'INSERT DATA { <statement/68f1c007e617> dip:quote'
     ' "نُريد أن يتضاعفَ التبادلُ التجاري بين بلدينا خلال السنوات القليلة المقبلة"@ar }'),
    ("meeting held in a country",
     "DELETE WHERE { <meeting/2023-03-12-9cac03b70a> dip:location ?p } ;"
     " INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:location <country/JO> }"),
    ("meeting reported by two articles",
     "INSERT DATA { <meeting/2023-03-12-9cac03b70a> prov:wasDerivedFrom <article/cairo-muscat-call> }"),
    ("label with a regional language tag",
     'DELETE WHERE { <country/JO> rdfs:label ?l } ; INSERT DATA { <country/JO> rdfs:label "الأردن"@ar-JO }'),
    ("person with two offices",
     'INSERT DATA { <person/samer-al-khatib-6b4597> dip:role "نائب رئيس الوزراء"@ar }'),
    ("an organization speaking", "INSERT DATA { <statement/60484cc708f0> dip:speaker <org/mena> }"),
]


@pytest.mark.parametrize("update", [pytest.param(u, id=i) for i, u in ACCEPTED])
def test_accepted_variant_conforms(fixture_graph, update):
    report = validate(changed(fixture_graph, update))
    assert report.conforms and report.violations == ()


def test_graph_merged_with_the_ontology_conforms(fixture_graph):
    merged = Graph()
    merged += fixture_graph
    merged.parse(ontology_path("diplomacy.ttl"), format="turtle")
    report = validate(merged)
    assert report.conforms and report.violations == ()


# --- what a violation holds, and how the report reads ------------------------------------------


@pytest.fixture(scope="module")
def broken_report(fixture_graph) -> ValidationReport:
    return validate(changed(fixture_graph, (
        'DELETE WHERE { <meeting/2023-03-12-9cac03b70a> dip:date ?d } ;'
        ' INSERT DATA { <meeting/2023-03-12-9cac03b70a> dip:date "2023-03-12" } ;'
        " INSERT DATA { <meeting/2023-03-13-78d66c1f79> dip:location <place/amman-250441> }"
    )))


def test_violation_holds_node_label_path_value_and_message(broken_report):
    violation = next(v for v in broken_report.violations if v.severity == "Violation")
    assert violation.focus == MEETING
    assert violation.label == MEETING_LABEL
    assert violation.path == "dip:date"
    assert violation.value == Literal("2023-03-12")
    assert violation.shape == "dipsh:Meeting-date"
    assert "xsd:date" in violation.message


def test_report_counts_by_severity(broken_report):
    assert (broken_report.count("Violation"), broken_report.count("Warning")) == (1, 1)
    assert not broken_report.conforms


def test_format_report_gives_a_line_per_result_and_a_summary(broken_report):
    lines = format_report(broken_report).splitlines()
    assert len(lines) == 3
    meeting_line, call_line, summary = lines  # violations first, then warnings
    assert meeting_line.startswith("Violation")
    assert f"dipr:meeting/2023-03-12-9cac03b70a «{MEETING_LABEL}» dip:date = \"2023-03-12\"" in meeting_line
    assert "xsd:date" in meeting_line
    assert call_line.startswith("Warning") and "dipr:meeting/2023-03-13-78d66c1f79" in call_line
    assert summary.startswith("does not conform") and "1 violation, 1 warning on 2 nodes" in summary


def test_format_report_of_a_conforming_graph_is_one_summary_line():
    text = format_report(validate(read_graphs([FIXTURE])))
    assert text.splitlines() == ["conforms: 158 triples, no violations"]


def test_missing_shapes_file_is_a_usage_error(tmp_path):
    from kg.errors import UsageError

    with pytest.raises(UsageError, match=r"no-shapes\.ttl"):
        validate(Graph(), shapes_path=tmp_path / "no-shapes.ttl")


# --- kg validate --------------------------------------------------------------------------------


@pytest.fixture
def broken_file(tmp_path, fixture_graph) -> Path:
    path = tmp_path / "broken.ttl"
    write_graph(changed(fixture_graph, "DELETE WHERE { <statement/62673a604d24> dip:speaker ?who }"), path)
    return path


def test_cli_exit_0_when_the_graph_conforms(capsys):
    assert main(["validate", str(FIXTURE)]) == 0
    assert capsys.readouterr().out.startswith("conforms")


def test_cli_exit_1_with_violations(capsys, broken_file):
    assert main(["validate", str(broken_file)]) == 1
    out = capsys.readouterr().out
    assert "dipr:statement/62673a604d24" in out and "dip:speaker" in out
    assert "does not conform" in out


def test_cli_reads_several_files_and_the_graph_option(capsys, broken_file):
    assert main(["validate", str(FIXTURE), "--graph", str(broken_file)]) == 0  # the union has the speaker
    capsys.readouterr()


def test_cli_reads_a_store(capsys, tmp_path):
    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.load(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TRIG)
    store.flush()
    del store
    gc.collect()  # release the store's lock before kg opens it read-only
    assert main(["validate", "--store", str(tmp_path / "store")]) == 0
    assert capsys.readouterr().out.startswith("conforms")


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        pytest.param(["validate", "missing.ttl"], "missing.ttl", id="missing file"),
        pytest.param(["validate", "--graph", "gone.trig"], "gone.trig", id="missing --graph file"),
        pytest.param(["validate"], "no graph given", id="no graph"),
        pytest.param(["validate", str(FIXTURE), "--shapes", "none.ttl"], "none.ttl", id="missing shapes"),
        pytest.param(["validate", "--store", "no-store-here"], "no-store-here", id="missing store"),
    ],
)
def test_cli_exit_2_for_usage_errors(capsys, argv, named):
    assert main(argv) == 2
    assert named in capsys.readouterr().err


def test_cli_exit_2_for_a_file_that_is_not_rdf(capsys, tmp_path):
    path = tmp_path / "notes.ttl"
    path.write_text("these are not triples\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert "notes.ttl" in capsys.readouterr().err


def test_cli_gives_the_line_and_the_reason_of_a_turtle_syntax_error(capsys, tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(
        "@prefix dipr: <https://w3id.org/dipkg/resource/> .\n"
        'dipr:ayman-safadi dipr:label "أيمن الصفدي"@ar .\n'
        'dipr:sameh-shoukry dipr:label "سامح شكري\n'  # the string is never closed
        "dipr:x dipr:label \"x\" .\n",
        encoding="utf-8",
    )
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == f"kg validate: {path}:3: not valid turtle (newline found in string literal)\n"


def test_cli_says_where_a_graph_file_stops_being_utf8(capsys, tmp_path):
    path = tmp_path / "x.ttl"
    path.write_bytes(b"\x85\x00\xff\x10binary\x00" * 50)
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == f"kg validate: {path}: not UTF-8 text (byte 0x85 at offset 0)\n"


@pytest.mark.parametrize("suffix", [".nt", ".nq", ".trig"])
def test_a_bad_byte_deep_in_a_graph_file_is_counted_from_the_start_of_the_file(tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    good = "".join(f'<urn:x:s{n}> <urn:x:label> "وزير الخارجية {n}" .\n' for n in range(3000)).encode("utf-8")
    path.write_bytes(good + b'<urn:x:t> <urn:x:label> "caf\xe9" .\n')
    offset = len(good) + len(b'<urn:x:t> <urn:x:label> "caf')
    with pytest.raises(GraphError) as raised:
        read_graphs([path])
    assert str(raised.value) == f"{path}: not UTF-8 text (byte 0xe9 at offset {offset})"


def test_a_trig_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "graph.trig"
    path.write_text("<urn:x:g> {\n  <urn:x:a> <urn:x:b> <urn:x:c> .\n  <urn:x:a> <urn:x:b> .\n}\n", encoding="utf-8")
    with pytest.raises(GraphError, match=r"graph\.trig:3: not valid trig \([^\n]+\)$"):
        read_graphs([path])


@pytest.mark.parametrize(
    "shapes_text",
    [
        pytest.param("this is not turtle", id="not Turtle"),
        pytest.param(
            "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix dip: <https://w3id.org/dipkg/ontology#> .\n"
            "<urn:x:S> a sh:NodeShape ; sh:targetClass dip:Meeting ; sh:or <urn:x:not-a-list> .",
            id="not SHACL",
        ),
    ],
)
def test_cli_exit_2_for_shapes_that_cannot_run(capsys, tmp_path, shapes_text):
    shapes = tmp_path / "my-shapes.ttl"
    shapes.write_text(shapes_text, encoding="utf-8")
    assert main(["validate", str(FIXTURE), "--shapes", str(shapes)]) == 2
    assert "my-shapes.ttl" in capsys.readouterr().err


def test_dataset_input_is_not_modified():
    dataset = read_graphs([FIXTURE])
    before = len(list(dataset.quads()))
    validate(dataset)
    assert len(list(dataset.quads())) == before
    assert isinstance(dataset, Dataset)
