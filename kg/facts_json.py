"""Facts as JSON: what `kg extract` prints, one object per article."""

from __future__ import annotations

from kg.model import ArticleFacts, Mention
from kg.rdf.graph import article_iri, meeting_iri, statement_iri
from kg.rdf.iri import entity_iri
from kg.rdf.namespaces import DIPR_IRI


def facts_to_dict(facts: ArticleFacts, base: str = DIPR_IRI) -> dict:
    """A JSON-ready dict: entities with every mention's offsets into the article's text, meetings,
    statements and topics, nodes named by the IRIs `kg build` gives them."""
    article = facts.article
    meeting_iris = [str(meeting_iri(m, base)) for m in facts.meetings]

    def iri(key: str) -> str:
        return str(entity_iri(key, base))

    return {
        "id": article.id,
        "iri": str(article_iri(facts, base)),
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "publisher": article.publisher or None,
        "source": article.source or None,
        "entities": [
            {
                "type": e.type,
                "label": e.label,
                "label_en": e.label_en or None,
                "iri": iri(e.key),
                "key": e.key,
                "wikidata": e.wikidata or None,
                "roles": list(e.roles),
                "represents": iri(e.represents) if e.represents else None,
                "aliases": list(e.aliases),
                "mentions": [_mention(m) for m in e.mentions],
                "references": [_mention(m) for m in e.references],
            }
            for e in facts.entities
        ],
        "meetings": [
            {
                "iri": meeting_iris[i],
                "kind": m.kind,
                "phone": m.phone,
                "participants": [iri(p) for p in m.participants],
                "place": iri(m.place) if m.place else None,
                "venue": iri(m.venue) if m.venue else None,
                "date": m.date.isoformat() if m.date else None,
                "topics": list(m.topics),
                "trigger": _mention(m.trigger),
                "evidence": m.evidence,
            }
            for i, m in enumerate(facts.meetings)
        ],
        "statements": [
            {
                "iri": str(statement_iri(s, base)),
                "speakers": [iri(k) for k in s.speakers],
                "quote": s.quote,
                "direct": s.direct,
                "addressee": iri(s.addressee) if s.addressee else None,
                "made_during": meeting_iris[s.meeting] if s.meeting is not None else None,
                "topics": list(s.topics),
                "start": s.span.start,
                "end": s.span.end,
                "evidence": s.evidence,
            }
            for s in facts.statements
        ],
        "topics": list(facts.topics),
    }


def _mention(m: Mention) -> dict:
    return {"start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence}
