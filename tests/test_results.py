"""Results people can use (issue 11, items 3, 5 and 6): labels beside every IRI column of a
ready-made query in csv, tsv, json and xml; the W3C results formats for raw SPARQL; CONSTRUCT and
DESCRIBE answers in the RDF format asked for; the resource prefixes bound in every RDF output;
bidi isolates only on a terminal. On the hand-written fixture graph (tests/fixtures/small.trig)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from kg.cli import main
from kg.errors import UsageError
from kg.query import QueryResult, format_result, result_format_for, result_format_name, with_labels

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
R = "https://w3id.org/dipkg/resource/"
LAVROV = f"{R}person/sergey-lavrov"
MEKDAD = f"{R}person/faisal-mekdad"
CONSTRUCT = ("PREFIX dip: <https://w3id.org/dipkg/ontology#> CONSTRUCT { ?m dip:participant ?p } "
             "WHERE { ?m dip:participant ?p }")


def run(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def counterparts(capsys, fmt: str, *extra) -> str:
    status, out, err = run(capsys, "query", "counterparts-of-actor", FIXTURE, "-p", "actor=لافروف", "-f", fmt, *extra)
    assert status == 0, err
    return out


# --- names beside IRIs --------------------------------------------------------------------------

def test_csv_of_a_ready_made_query_has_arabic_and_english_names_beside_each_iri(capsys):
    rows = list(csv.DictReader(io.StringIO(counterparts(capsys, "csv"))))
    header = list(rows[0])
    for column in ("participant", "counterpart"):
        at = header.index(column)
        assert header[at + 1 : at + 3] == [f"{column}_ar", f"{column}_en"]
    mekdad = next(row for row in rows if row["counterpart"] == MEKDAD)
    assert (mekdad["counterpart_ar"], mekdad["counterpart_en"]) == ("فيصل المقداد", "Faisal Mekdad")
    assert {row["participant_ar"] for row in rows} == {"سيرغي لافروف"}
    assert all(not column.startswith("meetings_") for column in header)  # numbers get no names


def test_tsv_json_and_xml_carry_the_same_names(capsys):
    tsv = counterparts(capsys, "tsv").splitlines()
    assert "?counterpart_ar" in tsv[0].split("\t")
    assert any('"فيصل المقداد"@ar' in line for line in tsv[1:])
    doc = json.loads(counterparts(capsys, "json"))
    assert "counterpart_en" in doc["head"]["vars"]
    names = {b["counterpart_ar"]["value"]: b["counterpart_ar"]["xml:lang"] for b in doc["results"]["bindings"]}
    assert names["فيصل المقداد"] == "ar"
    xml = Result.parse(io.BytesIO(counterparts(capsys, "xml").encode("utf-8")), format="xml")
    assert Literal("Faisal Mekdad", lang="en") in {row.get(Variable("counterpart_en")) for row in xml.bindings}


def test_a_label_the_graph_lacks_is_left_unbound():
    meeting = URIRef(f"{R}meeting/x")
    result = QueryResult(vars=("m", "n"), rows=((meeting, Literal(2)),))
    labelled = with_labels(result, {meeting: {"ar": "لقاء تجريبي"}})
    assert labelled.vars == ("m", "m_ar", "m_en", "n")
    assert labelled.rows == ((meeting, Literal("لقاء تجريبي", lang="ar"), None, Literal(2)),)
    assert json.loads(format_result(labelled, "json"))["results"]["bindings"][0].keys() == {"m", "m_ar", "n"}


def test_raw_sparql_is_written_as_the_query_gave_it_and_labels_are_on_request(capsys):
    text = "SELECT ?p WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> 'سيرغي لافروف'@ar }"
    status, out, _ = run(capsys, "query", text, FIXTURE, "-f", "csv")
    assert (status, out.splitlines()) == (0, ["p", LAVROV])
    _, out, _ = run(capsys, "query", text, FIXTURE, "-f", "csv", "--labels")
    assert out.splitlines() == ["p,p_ar,p_en", f"{LAVROV},سيرغي لافروف,Sergey Lavrov"]
    _, out, _ = run(capsys, "query", "counterparts-of-actor", FIXTURE, "-p", "actor=لافروف", "-f", "csv",
                    "--no-labels")
    assert out.splitlines()[0] == "participant,counterpart,meetings,first,last,topics"


def test_sparql_xml_results_are_the_w3c_format(capsys):
    _, out, _ = run(capsys, "query", "ASK { ?s ?p ?o }", FIXTURE, "-f", "srx")
    assert Result.parse(io.BytesIO(out.encode()), format="xml").askAnswer is True
    text = "SELECT ?n WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?n FILTER(?n = 'روسيا'@ar) }"
    _, out, _ = run(capsys, "query", text, FIXTURE, "--format", "sparql-xml")
    parsed = Result.parse(io.BytesIO(out.encode()), format="xml")
    assert [row[Variable("n")] for row in parsed.bindings] == [Literal("روسيا", lang="ar")]


# --- graph answers ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, parse_as", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"),
                                           ("json", "json-ld"), ("rdfxml", "xml"), ("xml", "xml"),
                                           ("n-triples", "nt")])
def test_construct_writes_rdf_in_the_format_asked_for(capsys, fmt, parse_as):
    status, out, err = run(capsys, "query", CONSTRUCT, FIXTURE, "--format", fmt)
    assert status == 0, err
    graph = Graph().parse(data=out, format=parse_as)
    assert (None, None, URIRef(LAVROV)) in graph and len(graph) >= 10


def test_construct_follows_the_output_suffix_and_refuses_rows_formats(capsys, tmp_path):
    target = tmp_path / "answer.nt"
    status, _, _ = run(capsys, "query", CONSTRUCT, FIXTURE, "-o", target)
    assert status == 0 and len(Graph().parse(target, format="nt")) >= 10
    status, _, err = run(capsys, "query", CONSTRUCT, FIXTURE, "-f", "csv")
    assert status == 2 and "gives a graph" in err
    status, _, err = run(capsys, "query", "who-met-whom", FIXTURE, "-f", "ttl")
    assert status == 2 and "gives rows" in err


def test_describe_is_a_graph_too(capsys):
    status, out, _ = run(capsys, "query", f"DESCRIBE <{LAVROV}>", FIXTURE, "-f", "ttl")
    assert status == 0 and "سيرغي لافروف" in out and "person:sergey-lavrov" in out


def test_result_format_names():
    assert [result_format_name(n) for n in ("srj", "SPARQL-XML", "ttl", "nq", "json-ld", "rdf/xml")] == [
        "json", "xml", "turtle", "nquads", "jsonld", "rdfxml"]
    assert [result_format_for(Path(p)) for p in ("a.csv", "a.srj", "a.ttl", "a.txt")] == [
        "csv", "json", "turtle", "table"]
    with pytest.raises(UsageError, match="did you mean 'csv'"):
        result_format_name("cvs")


def test_results_files_are_written_whole(capsys, tmp_path):
    target = tmp_path / "pairs.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        main(["query", "who-met-whom", str(FIXTURE), "-o", str(target), "-f", "nosuch"])
    assert stopped.value.code == 2 and target.read_text(encoding="utf-8") == "old"
    assert "unknown result format 'nosuch'" in capsys.readouterr().err
    status, _, _ = run(capsys, "query", "who-met-whom", FIXTURE, "-o", target)
    assert status == 0 and target.read_text(encoding="utf-8").startswith("actor1,actor1_ar,actor1_en,")
    assert [p.name for p in tmp_path.iterdir()] == ["pairs.csv"]


# --- prefixes in every RDF output -----------------------------------------------------------------

RESOURCE_LINES = ("@prefix person: <https://w3id.org/dipkg/resource/person/> .",
                  "@prefix meeting: <https://w3id.org/dipkg/resource/meeting/> .",
                  "@prefix statement: <https://w3id.org/dipkg/resource/statement/> .",
                  "@prefix country: <https://w3id.org/dipkg/resource/country/> .")


def _has_prefixes(text: str) -> bool:
    lines = {line.strip() for line in text.splitlines()}
    lower = {line.replace("PREFIX", "@prefix").rstrip(" .") + " ." for line in lines if line.startswith("PREFIX")}
    return all(line in lines | lower for line in RESOURCE_LINES)


def test_build_export_and_construct_bind_the_resource_namespaces(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("لقاء في موسكو\nموسكو - استقبل وزير الخارجية الروسي سيرغي لافروف اليوم في موسكو نظيره "
                       "السوري فيصل المقداد، وقال لافروف إن البلدين يعملان معاً.\n", encoding="utf-8")
    for name in ("g.ttl", "g.trig"):
        assert main(["build", str(article), "-o", str(tmp_path / name), "--date", "2024-03-02", "-q"]) == 0
        assert _has_prefixes((tmp_path / name).read_text(encoding="utf-8")), name
    jsonld = json.loads(_build_jsonld(article, tmp_path))
    context = jsonld["@context"]
    assert context["person"] == f"{R}person/" and context["meeting"] == f"{R}meeting/"
    for fmt in ("ttl", "trig"):
        _, out, _ = run(capsys, "export", FIXTURE, "-f", fmt)
        assert _has_prefixes(out), fmt
    _, out, _ = run(capsys, "export", FIXTURE, "-f", "jsonld")
    assert json.loads(out)["@context"]["person"] == f"{R}person/"
    _, out, _ = run(capsys, "query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", FIXTURE, "-f", "ttl")
    assert _has_prefixes(out) and "person:sergey-lavrov" in out
    assert len(Dataset().parse(data=out, format="turtle")) > 100


def _build_jsonld(article: Path, tmp_path: Path) -> str:
    target = tmp_path / "g.jsonld"
    assert main(["build", str(article), "-o", str(target), "--date", "2024-03-02", "-q"]) == 0
    text = target.read_text(encoding="utf-8")
    assert len(Dataset().parse(data=text, format="json-ld")) == len(Dataset().parse(tmp_path / "g.trig"))
    return text


# --- isolates -----------------------------------------------------------------------------------

ISOLATES = ("\u2066", "\u2067", "\u2068", "\u2069")


def test_a_table_written_to_a_file_or_pipe_has_no_isolates(capsys, tmp_path):
    _, out, _ = run(capsys, "query", "who-met-whom", FIXTURE)
    assert "سيرغي لافروف" in out and not any(mark in out for mark in ISOLATES)
    target = tmp_path / "table.txt"
    assert main(["query", "who-met-whom", str(FIXTURE), "-o", str(target), "-f", "table"]) == 0
    assert not any(mark in target.read_text(encoding="utf-8") for mark in ISOLATES)


def test_a_table_on_a_terminal_isolates_arabic_cells(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    _, out, _ = run(capsys, "query", "who-met-whom", FIXTURE)
    assert "\u2068سيرغي لافروف\u2069" in out
    _, out, _ = run(capsys, "query", "who-met-whom", FIXTURE, "--no-isolates")
    assert "\u2068" not in out
