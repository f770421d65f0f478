"""Topic phrases of the scheme (kg/data/topics.tsv) found in the body, with where they stand."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.lexicon import topic_phrases
from kg.text.document import BODY, Document


@dataclass(frozen=True, slots=True)
class TopicMention:
    key: str
    sentence: int
    start: int  # original offsets of the phrase
    end: int


def find_topics(doc: Document) -> list[TopicMention]:
    """Every topic phrase in the body sentences (quotations included), in text order."""
    found = []
    norms = doc.token_norms
    index = topic_phrases()
    for sentence in doc.sentences:
        if sentence.kind != BODY:
            continue
        for match in index.scan(norms, sentence.first, sentence.last):
            found.append(
                TopicMention(
                    match.payload, sentence.index, doc.tokens[match.first].start, doc.tokens[match.last - 1].end
                )
            )
    return found
