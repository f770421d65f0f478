"""The ontology file, the namespaces module and the contract (ONTOLOGY.md) agree; the shapes load."""

from __future__ import annotations

import pyoxigraph
import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_ns
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS

from kg.rdf.namespaces import DIP, DIP_IRI, DIPT, DIPT_IRI, PREFIXES, SCHEMA, SEM, TOPIC_KEYS
from kg.resources import ontology_path
from kg.validate import validate

ONTOLOGY_IRI = URIRef("https://w3id.org/dipkg/ontology")
SCHEME = DIPT[""]
DIP_TERMS = tuple(DIP.__annotations__)
# XSD is not kept as a module attribute: pytest probes those, and rdflib's XSD warns on unknown names.
XSD_DATE, XSD_BOOLEAN, XSD_STRING = rdflib_ns.XSD.date, rdflib_ns.XSD.boolean, rdflib_ns.XSD.string


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("diplomacy.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def languages(graph: Graph, subject, predicate) -> list[str]:
    return sorted(o.language or "" for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def members(graph: Graph, node) -> set:
    """The classes a domain or range names: the class itself, or the members of its owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    return set(Collection(graph, union)) if union is not None else {node}


# --- parsing ------------------------------------------------------------------------------------


def test_ontology_parses_in_rdflib_and_pyoxigraph_to_the_same_triples(onto):
    store = pyoxigraph.Store()
    store.load(path=str(ontology_path("diplomacy.ttl")), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(onto) > 500


def test_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert languages(onto, ONTOLOGY_IRI, DCTERMS.title) == ["ar", "en"]
    assert languages(onto, ONTOLOGY_IRI, DCTERMS.description) == ["ar", "en"]


def test_ontology_uses_only_the_contract_prefixes(onto):
    declared = {prefix: str(iri) for prefix, iri in onto.namespaces() if prefix in PREFIXES}
    text = ontology_path("diplomacy.ttl").read_text(encoding="utf-8")
    prefixes = {line.split()[1].rstrip(":") for line in text.splitlines() if line.startswith("@prefix")}
    assert prefixes <= set(PREFIXES)
    assert all(declared[p] == PREFIXES[p] for p in prefixes)


# --- namespaces module <-> ontology file, term for term -----------------------------------------


@pytest.mark.parametrize("name", DIP_TERMS)
def test_every_dip_term_is_defined_with_labels_and_comment(onto, name):
    term = DIP[name]
    kinds = set(onto.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"{name} is not defined"
    assert languages(onto, term, RDFS.label) == ["ar", "en"]
    assert "en" in languages(onto, term, RDFS.comment)
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in onto


def test_every_dip_term_of_the_ontology_is_in_the_namespaces_module(onto):
    defined = {
        str(s)[len(DIP_IRI):]
        for s in onto.subjects()
        if isinstance(s, URIRef) and str(s).startswith(DIP_IRI)
    }
    assert defined == set(DIP_TERMS)


def test_topic_keys_are_the_concepts_of_the_scheme(onto):
    concepts = {str(c)[len(DIPT_IRI):] for c in onto.subjects(SKOS.inScheme, SCHEME)}
    assert concepts == set(TOPIC_KEYS)
    assert set(DIPT._extras) == set(TOPIC_KEYS) | {""}
    assert {str(c)[len(DIPT_IRI):] for c in onto.objects(SCHEME, SKOS.hasTopConcept)} == set(TOPIC_KEYS)


def test_topic_scheme_is_a_concept_scheme_with_labels(onto):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in onto
    assert languages(onto, SCHEME, RDFS.label) == ["ar", "en"]
    assert languages(onto, SCHEME, SKOS.prefLabel) == ["ar", "en"]


@pytest.mark.parametrize("key", TOPIC_KEYS)
def test_every_topic_is_a_described_concept(onto, key):
    topic = DIPT[key]
    assert {DIP.Topic, SKOS.Concept} <= set(onto.objects(topic, RDF.type))
    assert (topic, SKOS.inScheme, SCHEME) in onto
    assert (topic, SKOS.topConceptOf, SCHEME) in onto
    assert (topic, RDFS.isDefinedBy, ONTOLOGY_IRI) in onto
    assert languages(onto, topic, SKOS.prefLabel) == ["ar", "en"]
    assert languages(onto, topic, RDFS.label) == ["ar", "en"]
    assert set(onto.objects(topic, SKOS.prefLabel)) == set(onto.objects(topic, RDFS.label))
    assert "en" in languages(onto, topic, SKOS.definition)
    alt = set(onto.objects(topic, SKOS.altLabel))
    assert len(alt) >= 4 and all(label.language == "ar" for label in alt)
    assert not alt & set(onto.objects(topic, SKOS.prefLabel)), "SKOS: pref and alt labels are disjoint"


def test_no_arabic_wording_names_two_topics(onto):
    owners: dict[str, set] = {}
    for predicate in (SKOS.prefLabel, SKOS.altLabel):
        for topic, label in onto.subject_objects(predicate):
            if (topic, SKOS.inScheme, SCHEME) in onto and label.language == "ar":
                owners.setdefault(str(label), set()).add(topic)
    assert {label: topics for label, topics in owners.items() if len(topics) > 1} == {}


# The wordings ONTOLOGY.md gives for each topic: each is the topic's prefLabel or an altLabel.
CONTRACT_WORDINGS = {
    "bilateral-relations": ["العلاقات الثنائية", "التعاون الثنائي", "تعزيز العلاقات"],
    "economic-cooperation": ["التعاون الاقتصادي", "الاستثمار", "التبادل التجاري", "التجارة"],
    "counter-terrorism": ["مكافحة الإرهاب", "التنظيمات الإرهابية"],
    "military-cooperation": ["التعاون العسكري", "الدفاع", "التعاون بين الجيشين"],
    "political-process": ["العملية السياسية", "الحل السياسي", "المفاوضات", "الحوار", "اللجنة الدستورية"],
    "refugees": ["اللاجئين", "النازحين", "عودة اللاجئين"],
    "sanctions": ["العقوبات", "الحصار الاقتصادي"],
    "sovereignty": ["السيادة", "وحدة الأراضي", "القوات الأجنبية", "التدخل الخارجي"],
    "reconstruction": ["إعادة الإعمار"],
    "regional-situation": ["الأوضاع الإقليمية", "المستجدات الإقليمية والدولية"],
    "ceasefire": ["وقف إطلاق النار", "التهدئة", "الهدنة", "وقف التصعيد"],
    "humanitarian-aid": ["المساعدات الإنسانية", "الإغاثة", "الممرات الإنسانية"],
    "energy": ["الطاقة", "النفط", "الغاز", "الكهرباء"],
    "security": ["الأمن الإقليمي", "الاستقرار", "أمن الملاحة", "الحدود"],
    "nuclear": ["الملف النووي", "الاتفاق النووي"],
    "diplomatic-relations": ["استئناف العلاقات الدبلوماسية", "إعادة فتح السفارات", "تبادل السفراء"],
    "palestinian-question": ["القضية الفلسطينية", "الدولة الفلسطينية", "القدس"],
    "water": ["المياه", "سد النهضة", "الأمن المائي"],
}


def test_contract_wordings_cover_every_topic():
    assert set(CONTRACT_WORDINGS) == set(TOPIC_KEYS)


@pytest.mark.parametrize(("key", "wording"), [(k, w) for k, ws in CONTRACT_WORDINGS.items() for w in ws])
def test_contract_wording_is_a_label_of_its_topic(onto, key, wording):
    labels = set(onto.objects(DIPT[key], SKOS.prefLabel)) | set(onto.objects(DIPT[key], SKOS.altLabel))
    assert Literal(wording, lang="ar") in labels


# --- the contract's tables ----------------------------------------------------------------------

CLASSES = [  # class, what ONTOLOGY.md makes it a subclass of
    ("Actor", {PROV.Agent, SEM.Actor}),
    ("Person", {DIP.Actor, SCHEMA.Person, FOAF.Person}),
    ("Organization", {DIP.Actor, SCHEMA.Organization}),
    ("Country", {DIP.Actor, SCHEMA.Country}),
    ("Place", {SCHEMA.Place, SEM.Place}),
    ("Meeting", {SEM.Event, SCHEMA.Event}),
    ("PhoneCall", {DIP.Meeting}),
    ("Statement", {SCHEMA.Quotation}),
    ("Topic", {SKOS.Concept}),
    ("Article", {SCHEMA.NewsArticle, PROV.Entity}),
]


@pytest.mark.parametrize(("name", "parents"), CLASSES)
def test_class_has_exactly_the_contract_alignments(onto, name, parents):
    assert (DIP[name], RDF.type, OWL.Class) in onto
    assert set(onto.objects(DIP[name], RDFS.subClassOf)) == parents


def test_the_contract_classes_are_all_the_classes(onto):
    assert {s for s in onto.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)} == {
        DIP[name] for name, _ in CLASSES
    }


OBJ, DATA = OWL.ObjectProperty, OWL.DatatypeProperty
PROPERTIES = [  # property, kind, domain, range, superproperties (ONTOLOGY.md, plus kg's own three)
    ("participant", OBJ, {DIP.Meeting}, {DIP.Actor}, {SEM.hasActor}),
    # A meeting may be placed in a country when the text names no city (docs/instance-data.md).
    ("location", OBJ, {DIP.Meeting}, {DIP.Place, DIP.Country}, {SEM.hasPlace}),
    ("date", DATA, {DIP.Meeting}, {XSD_DATE}, {SEM.hasTimeStamp}),
    ("topic", OBJ, {DIP.Meeting, DIP.Statement}, {DIP.Topic}, {DCTERMS.subject}),
    ("speaker", OBJ, {DIP.Statement}, {DIP.Actor}, {SCHEMA.spokenByCharacter}),
    ("quote", DATA, {DIP.Statement}, {RDF.langString}, {SCHEMA.text}),
    ("direct", DATA, {DIP.Statement}, {XSD_BOOLEAN}, set()),
    ("madeDuring", OBJ, {DIP.Statement}, {DIP.Meeting}, set()),
    ("addressee", OBJ, {DIP.Statement}, {DIP.Actor}, set()),
    ("role", DATA, {DIP.Person}, {RDF.langString}, {SCHEMA.jobTitle}),
    ("represents", OBJ, {DIP.Person}, {DIP.Country, DIP.Organization}, set()),
    ("mentionedIn", OBJ, {DIP.Actor, DIP.Place}, {DIP.Article}, set()),
    ("evidence", DATA, {DIP.Meeting, DIP.Statement}, {RDFS.Literal}, set()),
    ("reportedBy", OBJ, {DIP.Article}, {DIP.Organization}, set()),
    ("meetingKind", DATA, {DIP.Meeting}, {XSD_STRING}, set()),
    ("articleId", DATA, {DIP.Article}, {XSD_STRING}, {DCTERMS.identifier}),
    ("contentHash", DATA, {DIP.Article}, {XSD_STRING}, set()),
]


@pytest.mark.parametrize(("name", "kind", "domain", "range_", "parents"), PROPERTIES)
def test_property_has_the_contract_kind_domain_range_and_alignments(onto, name, kind, domain, range_, parents):
    prop = DIP[name]
    assert (prop, RDF.type, kind) in onto
    assert [members(onto, d) for d in onto.objects(prop, RDFS.domain)] == [domain]
    assert [members(onto, r) for r in onto.objects(prop, RDFS.range)] == [range_]
    assert set(onto.objects(prop, RDFS.subPropertyOf)) == parents


def test_the_contract_properties_are_all_the_properties(onto):
    defined = set(onto.subjects(RDF.type, OBJ)) | set(onto.subjects(RDF.type, DATA))
    assert defined == {DIP[name] for name, *_ in PROPERTIES}


def test_single_valued_properties_are_functional(onto):
    functional = set(onto.subjects(RDF.type, OWL.FunctionalProperty))
    assert functional == {DIP.date, DIP.direct, DIP.articleId, DIP.contentHash}


# --- shapes.ttl ---------------------------------------------------------------------------------


def test_shapes_are_valid_shacl(shapes):
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_empty_graph_conforms():
    report = validate(Graph())
    assert report.conforms and report.violations == ()


def test_the_ontology_itself_conforms_to_the_shapes(onto):
    """The topic scheme is instance data too: its concepts satisfy the Topic shape."""
    report = validate(onto)
    assert report.conforms and report.violations == ()


def test_every_named_shape_has_a_name_and_a_message(shapes):
    named = {
        s
        for kind in (SH.NodeShape, SH.PropertyShape)
        for s in shapes.subjects(RDF.type, kind)
        if isinstance(s, URIRef)
    }
    assert len(named) > 20
    for shape in named:
        assert shapes.value(shape, SH.name) is not None, shape
        assert shapes.value(shape, SH.message) is not None, shape


def test_shapes_only_name_terms_of_the_ontology(shapes, onto):
    used = {
        o
        for p in (SH.path, SH.targetClass, SH["class"], SH.targetObjectsOf, SH.targetSubjectsOf)
        for o in shapes.objects(None, p)
        if isinstance(o, URIRef) and str(o).startswith(DIP_IRI)
    }
    assert used and all(DIP[str(term)[len(DIP_IRI):]] in onto.subjects() for term in used)
