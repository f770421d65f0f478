"""kg's JSON-LD @context, made from the ontology, and the prefixes kg writes instance IRIs with.

Here rather than in kg.export: reading a JSON-LD file that names kg's context (kg.guard serves
it from the package) needs it, and the data layer imports no command back.
"""

from __future__ import annotations

import json
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import GraphError
from kg.rdf.namespaces import DIP_IRI, PREFIXES, RESOURCE_PREFIXES
from kg.resources import ontology_path

_STANDARD_TERMS: dict[str, object] = {
    "label": "rdfs:label",
    "comment": "rdfs:comment",
    "altLabel": "skos:altLabel",
    "prefLabel": "skos:prefLabel",
    "inScheme": {"@id": "skos:inScheme", "@type": "@id"},
    "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "title": "dcterms:title",
    "published": {"@id": "dcterms:date", "@type": "xsd:date"},
    "publisher": "dcterms:publisher",
    "url": {"@id": "schema:url", "@type": "@id"},
}


@cache
def jsonld_context() -> dict[str, object]:
    """A compact JSON-LD @context from the ontology: a term for each dip: class and property,
    object properties coerced to IRIs, datatype properties to their range (xsd:date, xsd:boolean),
    plain strings (range xsd:string) marked as having no language, since text is Arabic by
    default ("@language": "ar"), so a label or quote reads as a plain string."""
    ontology = Graph()
    try:
        ontology.parse(ontology_path(), format="turtle")
    except (OSError, FileNotFoundError) as err:
        raise GraphError(f"cannot read the ontology for the JSON-LD context ({err})") from err
    context: dict[str, object] = {**PREFIXES, **RESOURCE_PREFIXES, "@language": "ar"}
    for term in sorted({s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(DIP_IRI)}):
        name = term[len(DIP_IRI) :]
        if not name:
            continue
        curie = f"dip:{name}"
        kinds = set(ontology.objects(term, RDF.type))
        ranges = [r for r in ontology.objects(term, RDFS.range) if isinstance(r, URIRef)]
        if OWL.Class in kinds:
            context[name] = curie
        elif OWL.ObjectProperty in kinds:
            context[name] = {"@id": curie, "@type": "@id"}
        elif OWL.DatatypeProperty in kinds:
            datatype = ranges[0] if ranges else None
            if datatype == XSD.string:
                context[name] = {"@id": curie, "@language": None}
            elif datatype is not None and datatype.startswith(str(XSD)):
                context[name] = {"@id": curie, "@type": f"xsd:{datatype[len(str(XSD)):]}"}
            else:  # rdf:langString, rdfs:Literal: the default language applies
                context[name] = curie
    for name, value in _STANDARD_TERMS.items():
        context.setdefault(name, value)
    return context


def context_document() -> str:
    """The context as a stand-alone JSON-LD document (for publishing next to the data)."""
    return json.dumps({"@context": jsonld_context()}, ensure_ascii=False, indent=1) + "\n"
