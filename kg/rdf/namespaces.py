"""The namespaces of the graph contract (ONTOLOGY.md) as closed vocabularies.

`DIP.Meetnig` raises instead of minting a wrong IRI (rdflib's DefinedNamespace with `_fail`).
A test checks these names against `ontology/diplomacy.ttl` term for term.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

DIP_IRI = "https://w3id.org/dipkg/ontology#"
DIPT_IRI = "https://w3id.org/dipkg/topic/"
DIPR_IRI = "https://w3id.org/dipkg/resource/"


class DIP(DefinedNamespace):
    """Classes and properties of the diplomacy ontology."""

    _NS = Namespace(DIP_IRI)
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Place: URIRef
    Meeting: URIRef
    PhoneCall: URIRef
    Statement: URIRef
    Topic: URIRef
    Article: URIRef

    # properties fixed by the contract
    participant: URIRef
    location: URIRef
    date: URIRef
    topic: URIRef
    speaker: URIRef
    quote: URIRef
    direct: URIRef
    madeDuring: URIRef
    addressee: URIRef
    role: URIRef
    represents: URIRef
    mentionedIn: URIRef
    evidence: URIRef
    reportedBy: URIRef

    # additions of kg's own (defined in the ontology file too)
    meetingKind: URIRef  # Meeting -> literal: summit, talks, visit, reception, call, conference
    articleId: URIRef  # Article -> the id the input gave it (or a hash of its text)
    contentHash: URIRef  # Article -> sha256 of its text, so a rebuild can tell changed articles


class DIPT(DefinedNamespace):
    """The topic scheme: `DIPT[""]` is the ConceptScheme itself, the rest are its concepts."""

    _NS = Namespace(DIPT_IRI)
    _fail = True
    _extras = [  # noqa: RUF012 - DefinedNamespace reads this class attribute
        "",
        "bilateral-relations",
        "economic-cooperation",
        "counter-terrorism",
        "military-cooperation",
        "political-process",
        "refugees",
        "sanctions",
        "sovereignty",
        "reconstruction",
        "regional-situation",
        "ceasefire",
        "humanitarian-aid",
        "energy",
        "security",
        "nuclear",
        "diplomatic-relations",
        "palestinian-question",
        "water",
    ]


SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")

# Prefixes bound in every graph and export, in the order they read best in Turtle.
PREFIXES: dict[str, str] = {
    "dip": DIP_IRI,
    "dipt": DIPT_IRI,
    "dipr": DIPR_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "sem": str(SEM),
    "wd": str(WD),
}

# Instance IRIs by kind (kg.rdf.iri.KINDS): person:vladimir-putin reads better than
# dipr:person\/vladimir-putin, so every graph and export binds these too (topics are dipt:).
RESOURCE_KINDS: tuple[str, ...] = ("article", "person", "org", "country", "place", "meeting", "statement")
RESOURCE_PREFIXES: dict[str, str] = {kind: f"{DIPR_IRI}{kind}/" for kind in RESOURCE_KINDS}
ALL_PREFIXES: dict[str, str] = {**PREFIXES, **RESOURCE_PREFIXES}

TOPIC_KEYS: tuple[str, ...] = tuple(k for k in DIPT._extras if k)


def bind_prefixes(graph) -> None:
    """Bind the contract's prefixes and the resource namespaces on an rdflib Graph or Dataset
    (replacing rdflib's defaults)."""
    for prefix, iri in ALL_PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
