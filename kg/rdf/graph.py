"""Facts to triples: one named graph per article, under the ontology of ONTOLOGY.md.

The shape of what is written is documented in docs/instance-data.md. A node shared by several
articles (an actor, a place, a topic, a meeting reported twice) gets its triples in each article's
graph, so the union is the merged graph and an article's graph can be replaced on its own.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import cache, lru_cache

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.model import ArticleFacts, Entity, Meeting, Statement
from kg.rdf.iri import entity_iri, mint_iri, short_hash, slug
from kg.rdf.namespaces import DIP, DIPR_IRI, DIPT, SCHEMA, WD, bind_prefixes
from kg.text.normalize import normalize

_CLASS = {"Person": DIP.Person, "Organization": DIP.Organization, "Country": DIP.Country, "Place": DIP.Place}
_MEETING_WORD = {
    "summit": "قمة",
    "talks": "مباحثات",
    "visit": "زيارة",
    "reception": "استقبال",
    "call": "اتصال هاتفي",
    "conference": "مؤتمر",
    "meeting": "لقاء",
}


def build_graph(facts: Iterable[ArticleFacts], *, base: str = DIPR_IRI, dataset: Dataset | None = None) -> Dataset:
    """A Dataset holding one named graph per article (named by the article's IRI)."""
    dataset = dataset if dataset is not None else Dataset(default_union=True)
    bind_prefixes(dataset)
    for article_facts in facts:
        add_article(dataset, article_facts, base=base)
    return dataset


def article_iri(facts: ArticleFacts, base: str = DIPR_IRI) -> URIRef:
    return mint_iri("article", facts.article.id, base)


def add_article(dataset: Dataset, facts: ArticleFacts, *, base: str = DIPR_IRI) -> URIRef:
    """Write one article's facts into its own named graph (replacing what that graph held)."""
    node = article_iri(facts, base)
    graph = dataset.graph(node)
    graph.remove((None, None, None))
    for triple in article_triples(facts, base):
        graph.add(triple)
    return node


def article_triples(facts: ArticleFacts, base: str = DIPR_IRI) -> Iterable[tuple]:
    """The triples of one article's graph."""
    article = facts.article
    node = article_iri(facts, base)
    yield node, RDF.type, DIP.Article
    label = article.title or " ".join(article.text.split()[:12])
    yield node, RDFS.label, Literal(label, lang="ar")
    if article.title:
        yield node, DCTERMS.title, Literal(article.title, lang="ar")
    if article.published:
        yield node, DCTERMS.date, Literal(article.published.isoformat(), datatype=XSD.date)
    if article.publisher:
        yield node, DCTERMS.publisher, Literal(article.publisher, lang="ar")
    if article.url and _safe_url(article.url):
        yield node, SCHEMA.url, URIRef(article.url)
    yield node, DIP.articleId, Literal(article.id)
    digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    yield node, DIP.contentHash, Literal(digest)

    entity_nodes = {e.key: entity_iri(e.key, base) for e in facts.entities}
    labels = {e.key: e.label for e in facts.entities}
    for entity in facts.entities:
        yield from _entity_triples(entity, entity_nodes, node)
    for key in facts.reported_by:
        if key in entity_nodes:
            yield node, DIP.reportedBy, entity_nodes[key]

    meeting_nodes = []
    for meeting in facts.meetings:
        meeting_node = meeting_iri(meeting, base)
        meeting_nodes.append(meeting_node)
        yield from _meeting_triples(meeting, meeting_node, entity_nodes, labels, node)
    topics: set[str] = set()
    for meeting in facts.meetings:
        topics.update(meeting.topics)
    for statement in facts.statements:
        topics.update(statement.topics)
        yield from _statement_triples(statement, entity_nodes, labels, meeting_nodes, node, base)
    for key in sorted(topics):
        yield from _topic_triples(key)


def meeting_iri(meeting: Meeting, base: str = DIPR_IRI) -> URIRef:
    """Same participants, place and day: the same meeting, whichever article reports it."""
    parts = sorted(str(entity_iri(p, base)) for p in meeting.participants)
    place = str(entity_iri(meeting.place, base)) if meeting.place else ""
    day = meeting.date.isoformat() if meeting.date else "undated"
    identity = "|".join([*parts, place, day, "call" if meeting.phone else "met"])
    return mint_iri("meeting", f"{day}-{short_hash(identity, 10)}", base)


def statement_iri(statement: Statement, base: str = DIPR_IRI) -> URIRef:
    speakers = sorted(str(entity_iri(s, base)) for s in statement.speakers)
    identity = "|".join([*speakers, " ".join(normalize(statement.quote).split())])
    return mint_iri("statement", short_hash(identity, 12), base)


def _entity_triples(entity: Entity, nodes: dict[str, URIRef], article: URIRef):
    node = nodes[entity.key]
    yield node, RDF.type, _CLASS[entity.type]
    yield node, RDFS.label, _name(entity.label)
    if entity.label_en:
        yield node, RDFS.label, _name(entity.label_en, "en")
    for alias in entity.aliases:
        yield node, SKOS.altLabel, _name(alias)
    for role in entity.roles:
        yield node, DIP.role, _name(role)
    if entity.represents:
        yield node, DIP.represents, entity_iri(entity.represents)
    if entity.wikidata:
        yield node, OWL.sameAs, WD[entity.wikidata]
    yield node, DIP.mentionedIn, article


def _meeting_triples(meeting: Meeting, node: URIRef, entities, labels, article: URIRef):
    yield node, RDF.type, DIP.PhoneCall if meeting.phone else DIP.Meeting
    names = "، ".join(labels.get(p, p) for p in meeting.participants)
    yield node, RDFS.label, Literal(f"{_MEETING_WORD.get(meeting.kind, 'لقاء')}: {names}", lang="ar")
    yield node, DIP.meetingKind, _plain(meeting.kind)
    for participant in meeting.participants:
        yield node, DIP.participant, entities.get(participant) or entity_iri(participant)
    for place in (meeting.place, meeting.venue):
        if place:
            yield node, DIP.location, entities.get(place) or entity_iri(place)
    if meeting.date:
        yield node, DIP.date, Literal(meeting.date.isoformat(), datatype=XSD.date)
    for topic in meeting.topics:
        yield node, DIP.topic, DIPT[topic]
    yield node, PROV.wasDerivedFrom, article
    yield node, DIP.evidence, Literal(meeting.evidence, lang="ar")


def _statement_triples(statement: Statement, entities, labels, meetings, article, base):
    node = statement_iri(statement, base)
    yield node, RDF.type, DIP.Statement
    speaker = "، ".join(labels.get(s, s) for s in statement.speakers)
    words = statement.quote.split()
    preview = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    yield node, RDFS.label, Literal(f"{speaker}: {preview}", lang="ar")
    for key in statement.speakers:
        yield node, DIP.speaker, entities.get(key) or entity_iri(key)
    yield node, DIP.quote, Literal(statement.quote, lang="ar")
    yield node, DIP.direct, _plain(statement.direct)
    if statement.addressee:
        yield node, DIP.addressee, entities.get(statement.addressee) or entity_iri(statement.addressee)
    if statement.meeting is not None and statement.meeting < len(meetings):
        yield node, DIP.madeDuring, meetings[statement.meeting]
    for topic in statement.topics:
        yield node, DIP.topic, DIPT[topic]
    yield node, PROV.wasDerivedFrom, article
    yield node, DIP.evidence, Literal(statement.evidence, lang="ar")


@cache
def _topic_triples(key: str) -> tuple[tuple, ...]:
    node = DIPT[key]
    triples = [(node, RDF.type, DIP.Topic), (node, RDF.type, SKOS.Concept), (node, SKOS.inScheme, DIPT[""])]
    for lang, label in topic_labels().get(key, {}).items():
        triples += [(node, SKOS.prefLabel, Literal(label, lang=lang)), (node, RDFS.label, Literal(label, lang=lang))]
    return tuple(triples)


# Names, roles and kinds come back article after article (a Literal costs more to make than to look
# up); quotes and evidence hardly ever repeat, so they are made afresh.
@lru_cache(maxsize=1 << 16)
def _name(text: str, lang: str = "ar") -> Literal:
    return Literal(text, lang=lang)


@lru_cache(maxsize=256)
def _plain(value: str | bool) -> Literal:
    return Literal(value)


@cache
def topic_labels() -> dict[str, dict[str, str]]:
    """Topic key -> {language: prefLabel}, read from the ontology's topic scheme."""
    import pyoxigraph as ox  # its parser reads the ontology 20 times faster than rdflib's, at every start

    from kg.resources import ontology_path

    scheme, pref_label = str(DIPT[""]), str(SKOS.prefLabel)
    found: dict[str, dict[str, str]] = {}
    for triple in ox.parse(path=str(ontology_path("diplomacy.ttl")), format=ox.RdfFormat.TURTLE):
        concept, label = triple.subject, triple.object
        if (triple.predicate.value == pref_label and isinstance(concept, ox.NamedNode)
                and concept.value.startswith(scheme) and isinstance(label, ox.Literal) and label.language):
            found.setdefault(concept.value[len(scheme):], {})[label.language] = label.value
    return found


_NOT_IN_AN_IRI = re.compile(r'[\x00-\x20\x7f-\x9f<>"{}|\\^`\ud800-\udfff]')  # RFC 3987: no controls, spaces


def _safe_url(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not _NOT_IN_AN_IRI.search(url)


def article_slug(article_id: str) -> str:
    return slug(article_id)
