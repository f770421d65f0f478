"""The facts kg reads from an article, as small immutable values.

Extraction produces these and knows nothing of RDF; the RDF stage turns them into triples.
Every fact points back to its article and to the sentence it was read from.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Country", "Place")

# A lone surrogate (a JSON escape such as \ud800 decodes to one) is no character: nothing can write
# it as UTF-8. One for one, so that every offset into the text stays right.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the input, before any analysis."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    publisher: str = ""
    source: str = ""  # where it was read from: "path" or "path:line"

    def __post_init__(self):
        for name in ("id", "text", "title", "url", "publisher"):
            value = getattr(self, name)
            if isinstance(value, str) and _LONE_SURROGATE.search(value):
                object.__setattr__(self, name, _LONE_SURROGATE.sub("\ufffd", value))


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the article's text: `text == article.text[start:end]`."""

    start: int
    end: int
    text: str
    sentence: int = -1  # index of the sentence holding it, -1 where not known


@dataclass(frozen=True, slots=True)
class Entity:
    """An actor or place the article mentions, merged over all its mentions in the article.

    `key` is its identity across articles: a gazetteer key ("person:vladimir-putin"),
    an ISO code ("country:SY"), a GeoNames id ("place:170654"), or a normalised full name.
    `mentions` are where the text names it; `references` where it is meant without its name
    (a nisba adjective, a title alone, "نظيره", "من جهته").
    """

    key: str
    type: str  # one of ENTITY_TYPES
    label: str  # Arabic, as the article spells the fullest name
    label_en: str = ""
    wikidata: str = ""
    roles: tuple[str, ...] = ()  # persons: offices as the text gives them
    represents: str = ""  # persons: key of the country or organisation they speak for
    aliases: tuple[str, ...] = ()  # other spellings the article uses
    mentions: tuple[Mention, ...] = ()
    references: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting the article reports as held (planned or hypothetical ones are left out)."""

    participants: tuple[str, ...]  # entity keys, sorted
    kind: str  # summit, talks, visit, reception, call, conference, meeting
    phone: bool
    place: str | None  # entity key of a Place or Country: the city (or country) it was held in
    date: dt.date | None
    trigger: Mention
    evidence: str  # the sentence it was read from
    topics: tuple[str, ...] = ()
    venue: str | None = None  # a palace or office within the place ("قصر الحسينية")


@dataclass(frozen=True, slots=True)
class Statement:
    """Something an actor said: quoted (`direct`) or reported."""

    speakers: tuple[str, ...]  # entity keys; two for "الجانبان"
    quote: str
    direct: bool
    span: Mention  # the words in the text
    evidence: str
    addressee: str | None = None
    meeting: int | None = None  # index into ArticleFacts.meetings
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything read from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    statements: tuple[Statement, ...] = ()
    topics: tuple[str, ...] = ()  # topic keys of the whole article
    reported_by: tuple[str, ...] = ()  # keys of news agencies the article cites
    warnings: tuple[str, ...] = field(default=())

    def entity(self, key: str) -> Entity | None:
        return next((e for e in self.entities if e.key == key), None)
