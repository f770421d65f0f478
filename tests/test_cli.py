"""`kg build` and `kg extract` on good input (bad input is in test_bad_input.py).

`kg extract` prints one JSON object per article, one a line; every mention's start/end slices the
article's text (as kg.io reads it) to the mention's text, also for an article with tashkeel,
tatweel, CRLF, a byte-order mark and Eastern Arabic digits.
"""

from __future__ import annotations

import json
import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from kg import Article, read_articles
from kg.cli import main
from kg.rdf.namespaces import DIP

# Written for this test: every awkward form of Arabic input in one short article.
MIXED_TEXT = (
    "\ufeffدمشـــق - سانا\r\n\r\n"
    "استقبلَ الرئيسُ السوريُّ بشّارُ الأسـد في دِمَشق اليومَ وزيرَ الخارجية العُماني بدر البوسعيدي، "
    "وبحث معه العلاقات الثنائية وسبل تعزيز التعاون الاقتصادي.\r\n"
    "وقال الأسد: «إنّ سوريا تقدّر مواقف سلطنة عُمان الثابتة منذ ١٢ عاماً»، مشيراً إلى أن التبادل التجاري "
    "بين البلدين بلغ ٣٫٥ مليون دولار في ٢٠٢٣.\r\n"
    "من جهته، أكد البوسعيدي أن بلاده تدعم كل جهد يعيد الاستقرار إلى المنطقة."
)
MIXED_TITLE = "الرئيس الأسد يستقبل وزير الخارجية العُماني"


def extract_lines(capsys, *args) -> tuple[int, list[dict], str]:
    status = main(["extract", *map(str, args)])
    out, err = capsys.readouterr()
    lines = out.splitlines()
    return status, [json.loads(line) for line in lines], err


def spans_of(record: dict) -> list[tuple[str, dict]]:
    """Every (what, {start, end, text}) a record of `kg extract` holds."""
    spans = []
    for entity in record["entities"]:
        spans += [(entity["key"], m) for m in entity["mentions"] + entity["references"]]
    spans += [("meeting trigger", m["trigger"]) for m in record["meetings"]]
    spans += [("statement", {"start": s["start"], "end": s["end"], "text": s["quote"]}) for s in record["statements"]]
    return spans


def assert_spans_slice(record: dict, text: str) -> int:
    spans = spans_of(record)
    for what, span in spans:
        assert 0 <= span["start"] < span["end"] <= len(text), (what, span)
        assert text[span["start"] : span["end"]] == span["text"], (what, span)
    return len(spans)


# --- kg extract ---------------------------------------------------------------------------------

def test_extract_prints_one_json_object_per_article_per_line(capsys, examples_dir, example_articles):
    status, records, err = extract_lines(capsys, examples_dir)
    assert (status, err) == (0, "")
    assert [r["id"] for r in records] == [a.id for a in example_articles]
    for record in records:
        assert set(record) >= {"id", "iri", "title", "published", "entities", "meetings", "statements", "topics"}
        for entity in record["entities"]:
            assert entity["type"] in ("Person", "Organization", "Country", "Place")
            assert entity["label"] and entity["iri"].startswith("https://w3id.org/dipkg/resource/")


def test_extract_formats_json_and_jsonl_are_the_same(capsys, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "m", "text": MIXED_TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    _, as_json, _ = extract_lines(capsys, path, "--format", "json")
    _, as_jsonl, _ = extract_lines(capsys, path, "--format", "jsonl")
    assert as_json == as_jsonl and len(as_json) == 1


def test_every_offset_slices_the_examples(capsys, examples_dir, example_articles):
    _, records, _ = extract_lines(capsys, examples_dir)
    texts = {a.id: a.text for a in example_articles}
    assert sum(assert_spans_slice(r, texts[r["id"]]) for r in records) > 300


def test_every_offset_slices_an_article_with_every_awkward_form_given_as_jsonl(capsys, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "mixed", "text": MIXED_TEXT, "published": "2024-04-09"}) + "\n",
                    encoding="utf-8")
    status, (record,), _ = extract_lines(capsys, path)
    assert status == 0
    assert assert_spans_slice(record, MIXED_TEXT) >= 6
    mentions = {m["text"] for e in record["entities"] for m in e["mentions"]}
    # the article's own spellings
    assert {"بشّارُ الأسـد", "بدر البوسعيدي", "دِمَشق", "دمشـــق", "سلطنة عُمان"} <= mentions
    assert any("١٢" in s["quote"] for s in record["statements"])


def test_every_offset_slices_an_article_with_every_awkward_form_given_as_txt(capsys, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(("\ufeff" + MIXED_TITLE + "\r\n" + MIXED_TEXT.lstrip("\ufeff")).encode("utf-8"))
    (article,) = [a for a in read_articles([path]) if isinstance(a, Article)]
    status, (record,), _ = extract_lines(capsys, path, "--date", "2024-04-09")
    assert status == 0
    assert record["title"] == MIXED_TITLE and record["published"] == "2024-04-09"
    assert assert_spans_slice(record, article.text) >= 6


def test_extract_names_nodes_as_build_does(capsys, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "mixed", "text": MIXED_TEXT, "published": "2024-04-09"}) + "\n",
                    encoding="utf-8")
    _, (record,), _ = extract_lines(capsys, path)
    out = tmp_path / "out.ttl"
    assert main(["build", str(path), "-o", str(out), "-q"]) == 0
    graph = Graph().parse(out, format="turtle")
    for entity in record["entities"]:
        assert (URIRef(entity["iri"]), None, None) in graph
    for meeting in record["meetings"]:
        assert (URIRef(meeting["iri"]), RDF.type, None) in graph
    for statement in record["statements"]:
        assert (URIRef(statement["iri"]), RDF.type, DIP.Statement) in graph
    assert (URIRef(record["iri"]), RDF.type, DIP.Article) in graph


# --- kg build -----------------------------------------------------------------------------------

SUMMARY = re.compile(
    r"^articles (\d+) \| actors (\d+) \(persons (\d+), organizations (\d+), countries (\d+)\) \| places (\d+) \| "
    r"meetings (\d+) \(\d+ by phone\) \| statements (\d+) \| topics (\d+) \| triples (\d+) -> (.+)$"
)


def test_build_writes_turtle_and_prints_a_summary_that_agrees_with_it(capsys, tmp_path, examples_dir):
    out = tmp_path / "graph.ttl"
    assert main(["build", str(examples_dir), "-o", str(out)]) == 0
    stdout, stderr = capsys.readouterr()
    assert stderr == ""
    run, line = stdout.splitlines()
    assert run.startswith("articles 14 | written 14 (14 new, 0 replaced) | unchanged 0 | failed 0")
    match = SUMMARY.match(line)
    assert match, line
    articles, actors, persons, orgs, countries, places, meetings, statements, _topics, triples = map(
        int, match.groups()[:-1]
    )
    assert match.group(11) == str(out)
    graph = Graph().parse(out, format="turtle")

    def count(cls):
        return len(set(graph.subjects(RDF.type, cls)))

    assert articles == count(DIP.Article) >= 8
    assert (persons, orgs, countries) == (count(DIP.Person), count(DIP.Organization), count(DIP.Country))
    assert actors == persons + orgs + countries
    assert places == count(DIP.Place)
    assert meetings == count(DIP.Meeting) + count(DIP.PhoneCall)
    assert statements == count(DIP.Statement)
    assert triples == len(graph)


def test_build_to_trig_keeps_one_named_graph_per_article(tmp_path, examples_dir, example_articles):
    out = tmp_path / "graph.trig"
    assert main(["build", str(examples_dir), "-o", str(out), "-q"]) == 0
    dataset = Dataset()
    dataset.parse(out, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {f"https://w3id.org/dipkg/resource/article/{a.id}" for a in example_articles}


@pytest.mark.parametrize(("fmt", "parser"), [("nt", "nt"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_build_format_option(tmp_path, fmt, parser):
    source = tmp_path / "a.txt"
    source.write_text(MIXED_TITLE + "\n" + MIXED_TEXT, encoding="utf-8")
    out = tmp_path / "graph.out"
    assert main(["build", str(source), "-o", str(out), "--format", fmt, "-q"]) == 0
    dataset = Dataset()
    dataset.parse(out, format=parser)
    assert len(dataset) > 20 or sum(len(g) for g in dataset.graphs()) > 20


def test_build_date_publisher_and_base_options(tmp_path):
    source = tmp_path / "assad-busaidi.txt"
    source.write_text(MIXED_TITLE + "\n" + MIXED_TEXT, encoding="utf-8")
    out = tmp_path / "graph.ttl"
    base = "https://example.org/kg/"
    status = main(["build", str(source), "-o", str(out), "-q", "--date", "2024-04-09",
                   "--publisher", "وكالة الأنباء العمانية", "--base", base])
    assert status == 0
    graph = Graph().parse(out, format="turtle")
    article = URIRef(base + "article/assad-busaidi")
    assert graph.value(article, DCTERMS.date) == Literal("2024-04-09", datatype=XSD.date)
    assert graph.value(article, DCTERMS.publisher) == Literal("وكالة الأنباء العمانية", lang="ar")
    assert graph.value(article, DCTERMS.title) == Literal(MIXED_TITLE, lang="ar")
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    extracted = {s for s in subjects if not str(s).startswith("https://w3id.org/dipkg/topic/")}
    assert extracted and all(str(s).startswith(base) for s in extracted)
    # the meeting "today" is dated by --date
    meeting = next(graph.subjects(RDF.type, DIP.Meeting))
    assert graph.value(meeting, DIP.date) == Literal("2024-04-09", datatype=XSD.date)


def test_build_reads_several_inputs_of_several_kinds(tmp_path):
    txt = tmp_path / "one.txt"
    txt.write_text(MIXED_TITLE + "\n" + MIXED_TEXT, encoding="utf-8")
    jsonl = tmp_path / "two.jsonl"
    jsonl.write_text(json.dumps({"id": "two", "text": MIXED_TEXT}) + "\n", encoding="utf-8")
    html = tmp_path / "three.html"
    html.write_text(f"<html><head><title>{MIXED_TITLE}</title></head><body><p>{MIXED_TEXT}</p></body></html>",
                    encoding="utf-8")
    out = tmp_path / "graph.trig"
    assert main(["build", str(txt), str(jsonl), str(html), "-o", str(out), "-q"]) == 0
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="trig")
    ids = {str(o) for o in dataset.objects(None, DIP.articleId)}
    assert ids == {"one", "two", "three"}


def test_help_lists_build_and_extract(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["--help"])
    assert raised.value.code == 0
    out = capsys.readouterr().out
    assert "build" in out and "extract" in out
