"""kg.shacl, the fast evaluator of kg's shapes, against pyshacl on good and broken graphs."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.graphio import read_graphs
from kg.shacl import Unsupported, compile_shapes, kg_shapes, result_from_json, result_json
from kg.validate import _message, load_shapes

FIXTURES = Path(__file__).parent / "fixtures"
DIP = "https://w3id.org/dipkg/ontology#"
_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
# values a broken graph may hold where it should not: wrong kinds, types, languages, ill-typed literals
_ODD = [Literal("x"), Literal("x", lang="en"), Literal("2021-02-30", datatype=XSD.date),
        Literal("2021-02-03", datatype=XSD.date), Literal("yes", datatype=XSD.boolean), Literal(True),
        URIRef(DIP + "Meeting"), URIRef(DIP + "PhoneCall"), URIRef(DIP + "Person"), BNode("b1"), Literal("summit"),
        Literal("bogus"), URIRef("https://w3id.org/dipkg/topic/"), URIRef("http://www.wikidata.org/entity/Q5"),
        URIRef("http://example.org/x"), Literal("عربي", lang="ar"), Literal("عربي", lang="AR-sy"),
        Literal("abc", datatype=XSD.string), Literal("12", datatype=XSD.integer)]  # fmt: skip


def pyshacl_results(graph: Graph) -> Counter:
    _, results, _ = pyshacl.validate(graph, shacl_graph=load_shapes(), inference="none", allow_infos=True,
                                     allow_warnings=True)  # fmt: skip
    return Counter(
        (results.value(r, SH.focusNode), results.value(r, SH.resultPath), results.value(r, SH.value),
         _SEVERITY[results.value(r, SH.resultSeverity)], _message(results, r), results.value(r, SH.sourceShape))
        for r in results.objects(None, SH.result)
    )  # fmt: skip


def kg_results(graph: Graph) -> Counter:
    return Counter((r.focus, r.path, r.value, r.severity, r.message, r.shape) for r in kg_shapes().check(graph))


@pytest.fixture(scope="module")
def article_graphs() -> list[Graph]:
    dataset = read_graphs([FIXTURES / "viz.trig", FIXTURES / "small.trig"])
    graphs = []
    for named in dataset.graphs():
        if len(named):
            graph = Graph()
            graph += named
            graphs.append(graph)
    return graphs


def test_a_good_graph_has_no_results(article_graphs):
    for graph in article_graphs:
        assert kg_results(graph) == pyshacl_results(graph)


@pytest.mark.parametrize("seed", range(12))
def test_broken_graphs_give_what_pyshacl_gives(article_graphs, seed):
    rng = random.Random(seed)
    found = 0
    for _ in range(4):
        triples = list(rng.choice(article_graphs))
        rng.shuffle(triples)
        graph = Graph()
        for triple in triples[: int(len(triples) * rng.uniform(0.5, 1.0))]:
            graph.add(triple)
        subjects = [*sorted({s for s, _, _ in triples}), BNode("b1")]
        predicates = sorted({p for _, p, _ in triples} | {RDF.type})
        objects = sorted({o for _, _, o in triples}, key=str) + _ODD
        for _ in range(rng.randint(1, 12)):
            graph.add((rng.choice(subjects), rng.choice(predicates), rng.choice(objects)))
        expected = pyshacl_results(graph)
        assert kg_results(graph) == expected
        found += sum(expected.values())
    assert found  # the broken graphs do break


def test_focus_limits_the_results_to_some_nodes(article_graphs):
    graph = Graph()
    graph += article_graphs[0]
    meetings = sorted(graph.subjects(RDF.type, URIRef(DIP + "Meeting")))
    for meeting in meetings:
        graph.remove((meeting, URIRef(DIP + "evidence"), None))
    results = kg_shapes().check(graph, focus={meetings[0]})
    assert {r.focus for r in results} == {meetings[0]}
    assert len(kg_shapes().check(graph)) == len(meetings)


def test_results_go_to_json_and_back():
    meeting = URIRef("https://x.org/m")
    result = kg_shapes().check([(meeting, RDF.type, URIRef(DIP + "Meeting")),
                                (meeting, URIRef(DIP + "date"), Literal("2021-02-30", datatype=XSD.date))])
    assert result
    for item in result:
        assert result_from_json(result_json(item)) == item


def test_the_fingerprint_follows_the_shapes():
    other = compile_shapes(load_shapes(), "")
    assert other.fingerprint != kg_shapes().fingerprint  # not the file's own bytes
    assert kg_shapes().fingerprint == kg_shapes().fingerprint


@pytest.mark.parametrize("extra", [
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select 'SELECT $this WHERE {}' ] ; sh:message 'm' .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:T ; sh:message 'm' .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:minLength 2 ; sh:message 'm' .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:nodeKind sh:IRI .",  # no message: pyshacl would word its own
])
def test_what_it_cannot_evaluate_is_refused(extra):
    text = ("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n" + extra)
    with pytest.raises(Unsupported):
        compile_shapes(Graph().parse(data=text, format="turtle"))


def test_maximum_counts_and_unique_languages_are_known():
    limits = {(str(limit.path), limit.most, limit.unique_lang) for limit in kg_shapes().limits}
    assert (f"{DIP}date", 1, False) in limits
    assert (f"{DIP}direct", 1, False) in limits
    assert ("http://www.w3.org/2004/02/skos/core#prefLabel", None, True) in limits
