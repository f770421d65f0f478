"""Exports: every RDF format parses back to the same graph; JSON-LD has a compact context from
the ontology; the network formats come from kg.network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.cli import main
from kg.errors import GraphError, UsageError
from kg.export import RDF_FORMATS, export, export_dataset, export_format, jsonld_context
from kg.graphio import read_graphs
from kg.rdf.namespaces import DIP, DIP_IRI
from kg.resources import ontology_path
from kg.store import write_articles

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
PARSERS = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld", "rdfxml": "xml"}


def fixture() -> Dataset:
    return read_graphs([FIXTURE])


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def assert_isomorphic(a: Graph, b: Graph, what: str) -> None:
    left, right = to_isomorphic(a), to_isomorphic(b)
    if left != right:
        _, only_a, only_b = graph_diff(left, right)
        pytest.fail(f"{what} differs:\n{only_a.serialize(format='nt')}---\n{only_b.serialize(format='nt')}")


def assert_round_trip(path: Path, fmt: str, expected: Dataset) -> None:
    if RDF_FORMATS[fmt][1]:  # named graphs kept: compare graph by graph
        back = Dataset()
        back.parse(path, format=PARSERS[fmt])
        names = {g.identifier for g in expected.graphs() if len(g)}
        assert names == {g.identifier for g in back.graphs() if len(g)}
        for name in names:
            assert_isomorphic(back.graph(name), expected.graph(name), f"{fmt} graph {name}")
    else:
        back = Graph()
        back.parse(path, format=PARSERS[fmt])
        assert_isomorphic(back, union(expected), fmt)


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
@pytest.mark.parametrize("source", ["graph", "store"])
def test_every_rdf_export_parses_back_to_the_same_graph(tmp_path, fmt, source):
    if source == "store":
        write_articles(tmp_path / "store", fixture())
        summary = export(tmp_path / f"out{RDF_FORMATS[fmt][0]}", store=tmp_path / "store")
    else:
        summary = export(tmp_path / f"out{RDF_FORMATS[fmt][0]}", graphs=[FIXTURE])
    assert summary.format == fmt
    assert_round_trip(tmp_path / f"out{RDF_FORMATS[fmt][0]}", fmt, fixture())
    if RDF_FORMATS[fmt][1]:
        assert (summary.triples, summary.graphs) == (480, 4)
    else:
        assert (summary.triples, summary.graphs) == (len(union(fixture())), 0)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld", "rdfxml"])
def test_oxigraph_reads_the_exports_too(tmp_path, fmt):
    path = tmp_path / f"out{RDF_FORMATS[fmt][0]}"
    export(path, graphs=[FIXTURE])
    store = ox.Store()
    store.load(path=str(path))
    expected = 480 if RDF_FORMATS[fmt][1] else len(union(fixture()))
    assert len(store) == expected


def test_turtle_uses_the_ontology_prefixes(tmp_path):
    export(tmp_path / "out.ttl", graphs=[FIXTURE])
    text = (tmp_path / "out.ttl").read_text(encoding="utf-8")
    for prefix in ("dip:", "dipt:", "dcterms:", "skos:", "prov:", "owl:", "wd:"):
        assert f"@prefix {prefix} <" in text
    assert "person:vladimir-putin" in text and "dip:participant" in text and "wd:Q7747" in text
    assert '"فلاديمير بوتين"@ar' in text  # Arabic as itself, not escaped


def test_the_same_input_gives_the_same_file(tmp_path):
    for name in ("a", "b"):
        export(tmp_path / f"{name}.ttl", graphs=[FIXTURE])
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_the_jsonld_context_is_built_from_the_ontology():
    context = jsonld_context()
    ontology = Graph().parse(ontology_path(), format="turtle")
    properties = {p for p in ontology.subjects(RDF.type, OWL.ObjectProperty) if p.startswith(DIP_IRI)}
    assert properties, "the ontology declares object properties"
    for prop in properties:
        assert context[prop[len(DIP_IRI) :]] == {"@id": f"dip:{prop[len(DIP_IRI):]}", "@type": "@id"}
    assert context["date"] == {"@id": "dip:date", "@type": "xsd:date"}
    assert context["direct"] == {"@id": "dip:direct", "@type": "xsd:boolean"}
    assert context["meetingKind"] == {"@id": "dip:meetingKind", "@language": None}
    assert context["Person"] == "dip:Person" and context["@language"] == "ar"
    assert context["dip"] == DIP_IRI


def test_jsonld_is_compact(tmp_path):
    export(tmp_path / "out.jsonld", graphs=[FIXTURE])
    doc = json.loads((tmp_path / "out.jsonld").read_text(encoding="utf-8"))
    text = json.dumps(doc, ensure_ascii=False)
    assert '"label": "فلاديمير بوتين"' in text or '"فلاديمير بوتين"' in text  # Arabic needs no @language
    assert '"participant":' in text and '"meetingKind": "summit"' in text
    assert DIP_IRI + "participant" not in text  # properties are terms, not full IRIs
    graphs = {node["@id"] for node in doc["@graph"] if "@graph" in node}
    assert len(graphs) == 4


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_actor_network_for_gephi(tmp_path, fmt):
    pytest.importorskip("kg.network")
    networkx = pytest.importorskip("networkx")
    summary = export(tmp_path / f"actors.{fmt}", graphs=[FIXTURE])
    assert summary.format == fmt
    read = networkx.read_graphml if fmt == "graphml" else networkx.read_gexf
    network = read(tmp_path / f"actors.{fmt}")
    assert network.number_of_nodes() >= 8 and network.number_of_edges() >= 6


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [("x.ttl", None, "turtle"), ("x.nq", None, "nquads"), ("x.json", None, "jsonld"), ("x.gexf", None, "gexf"),
     ("x.txt", "trig", "trig"), (None, "nt", "nt")],
)  # fmt: skip
def test_the_format_follows_the_suffix_unless_given(name, given, expected):
    assert export_format(name, given) == expected


def test_an_unknown_format_lists_the_valid_ones():
    with pytest.raises(UsageError, match="gexf, graphml, jsonld"):
        export_format("x.ttl", "parquet")
    with pytest.raises(UsageError, match="--format"):
        export_format("x.txt")


def test_kg_export_writes_a_file_and_a_summary(tmp_path, capsys):
    out = tmp_path / "graph.trig"
    assert main(["export", "--graph", str(FIXTURE), "-o", str(out), "--context", str(tmp_path / "ctx.jsonld")]) == 0
    printed = capsys.readouterr()
    assert printed.err == "" and printed.out.startswith(f"wrote {out}: 480 quads in 4 named graphs as trig")
    assert main(["export", str(FIXTURE), "-f", "nq"]) == 0  # the data on stdout, the note on stderr
    printed = capsys.readouterr()
    assert printed.err.startswith("kg export: note: wrote -: 480 quads") and len(printed.out.splitlines()) == 480
    assert_round_trip(out, "trig", fixture())
    assert json.loads((tmp_path / "ctx.jsonld").read_text(encoding="utf-8"))["@context"]["participant"]


def test_kg_export_to_stdout(capsysbinary):
    assert main(["export", "--graph", str(FIXTURE), "--format", "nt", "-q"]) == 0
    graph = Graph().parse(data=capsysbinary.readouterr().out.decode("utf-8"), format="nt")
    assert_isomorphic(graph, union(fixture()), "nt on stdout")


def test_kg_export_needs_a_source_and_a_format(capsys):
    assert main(["export", "-o", "x.ttl"]) == 2
    assert "--graph" in capsys.readouterr().err
    assert main(["export", "--graph", str(FIXTURE), "-o", "x.unknown"]) == 2


# ---------------------------------------------------------------------------- any content survives

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
SUBJECTS = [URIRef(f"https://w3id.org/dipkg/resource/person/p{i}") for i in range(4)]
GRAPHS = [URIRef(f"https://w3id.org/dipkg/resource/article/a{i}") for i in range(3)]
values = st.one_of(
    st.tuples(st.just(RDFS.label), st.builds(Literal, TEXT, lang=st.sampled_from(["ar", "en", "fr-ca"]))),
    st.tuples(st.just(DIP.quote), st.builds(Literal, TEXT, lang=st.just("ar"))),
    st.tuples(st.just(DIP.evidence), st.builds(Literal, TEXT)),
    st.tuples(st.just(DIP.meetingKind), st.builds(Literal, TEXT)),
    st.tuples(st.just(DIP.date), st.dates().map(lambda d: Literal(d.isoformat(), datatype=XSD.date))),
    st.tuples(st.just(DIP.direct), st.booleans().map(Literal)),
    st.tuples(st.just(DIP.participant), st.sampled_from(SUBJECTS)),
)
quads = st.lists(st.tuples(st.sampled_from(SUBJECTS), values, st.sampled_from(GRAPHS)), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(quads)
def test_any_text_survives_every_format(tmp_path_factory, content):
    dataset = Dataset()
    for subject, (predicate, value), graph in content:
        dataset.graph(graph).add((subject, predicate, value))
    folder = tmp_path_factory.mktemp("any")
    for fmt in RDF_FORMATS:
        path = folder / f"out{RDF_FORMATS[fmt][0]}"
        if fmt == "rdfxml" and any(NOT_XML.search(str(v)) for _, (_, v), _ in content):
            with pytest.raises(GraphError, match="RDF/XML cannot hold"):
                export_dataset(dataset, path, fmt)
            continue
        export_dataset(dataset, path, fmt)
        assert_round_trip(path, fmt, dataset)


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


AWKWARD = ["\r", "سطر\r\nسطر", "<b>&amp;</b>", '"مقتبس"', "\\", "\u200f\u202bعربي\u202c", "\u200d", " "]


@pytest.mark.parametrize("text", AWKWARD)
@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_awkward_text_survives(tmp_path, text, fmt):
    dataset = Dataset()
    dataset.graph(GRAPHS[0]).add((SUBJECTS[0], DIP.quote, Literal(text, lang="ar")))
    dataset.graph(GRAPHS[0]).add((SUBJECTS[0], DIP.meetingKind, Literal(text)))
    path = tmp_path / f"out{RDF_FORMATS[fmt][0]}"
    export_dataset(dataset, path, fmt)
    assert_round_trip(path, fmt, dataset)
