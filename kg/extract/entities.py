"""From mentions to the article's entities: identity keys, coreference, roles and whom persons represent.

Within an article: a shorter name that ends a longer one is the same person ("أبو الغيط" →
"أحمد أبو الغيط"); a surname alone refers back to the full name; an office without a name
("الرئيس السوري", "الوزير الروسي", "الأمين العام") refers to the person who holds it here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from kg.extract import gazetteer as gz
from kg.extract.actors import COUNTRY, ORGANIZATION, PERSON, PLACE, ActorMention, given_names, office_words
from kg.extract.lexicon import clitic_variants, is_stopword
from kg.model import Entity, Mention
from kg.text.document import DATELINE, Document
from kg.text.normalize import normalize


@dataclass(frozen=True, slots=True)
class Resolved:
    """The mentions with their keys, and the entities they make up."""

    mentions: tuple[ActorMention, ...]
    entities: tuple[Entity, ...]
    dateline_place: str | None  # key of the place a dateline names
    dateline_country: str | None  # ISO2 of the country of the dateline's place


def resolve(doc: Document, mentions: list[ActorMention], required: frozenset[str] = frozenset()) -> Resolved:
    """Give every mention a key and build the entities; `required` keys become entities even unnamed."""
    mentions = _drop_unsupported(mentions)
    mentions = _key_persons(mentions)
    mentions = mentions + _surname_mentions(doc, mentions)
    mentions.sort(key=lambda m: (m.first, -m.last))
    mentions = _resolve_references(mentions)
    dateline_place, dateline_country = _dateline(doc, mentions)
    entities = _entities(doc, mentions, dateline_country, required)
    return Resolved(tuple(mentions), entities, dateline_place, dateline_country)


def _drop_unsupported(mentions: list[ActorMention]) -> list[ActorMention]:
    """A surname alone from the gazetteer stays when the article names the person in full too,
    or when the surname is distinctive (not a given name, not an everyday word)."""
    strong = {m.key for m in mentions if m.key and not m.weak}
    kept = []
    for mention in mentions:
        if mention.weak and mention.key not in strong:
            word = mention.name[-1] if mention.name else ""
            if word in given_names() or len(word) < 4 or is_stopword(word) or _everyday_word(word):
                continue
        kept.append(mention)
    return kept


def _everyday_word(word: str) -> bool:
    """"العربي" is a nisba and an office word before it is anyone's surname."""
    return word in office_words() or bool(gz.nisba_index().get((word,)))


def _key_persons(mentions: list[ActorMention]) -> list[ActorMention]:
    """Keys for named persons the gazetteer does not know, merging shorter forms into longer ones."""
    persons = [m for m in mentions if m.type == PERSON and m.named]
    full_names: list[tuple[tuple[str, ...], str]] = []
    for mention in sorted(persons, key=lambda m: -len(m.name)):
        if mention.key:
            full_names.append((_bare(mention.name), mention.key))
    keyed: dict[int, str] = {}
    for mention in sorted(persons, key=lambda m: -len(m.name)):
        name = _bare(mention.name)
        if mention.key:
            continue
        key = _longer_name_key(name, full_names) or _surname_key(name)
        if key is None:
            key = "person:" + "_".join(name)
            full_names.append((name, key))
        keyed[id(mention)] = key
    return [replace(m, key=keyed[id(m)]) if id(m) in keyed else m for m in mentions]


def _bare(name: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in name if w)


def _longer_name_key(name: tuple[str, ...], full_names: list[tuple[tuple[str, ...], str]]) -> str | None:
    """The key of a longer name this one ends or begins ("بيدرسون" in "غير بيدرسون")."""
    size = len(name)
    for longer, key in full_names:
        if len(longer) > size and (longer[-size:] == name or (size >= 2 and longer[:size] == name)):
            return key
        if longer == name:
            return key
    return None


def _surname_key(name: tuple[str, ...]) -> str | None:
    """A gazetteer person with this surname, when only one has it ("سيرجي لافروف" → lavrov)."""
    surname = name[-1]
    if len(surname) < 4 or surname in given_names():
        return None
    found = {e.entity.key for e in gz.name_index().get((surname,)) if e.entity.type == PERSON}
    return found.pop() if len(found) == 1 else None


def _surname_mentions(doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "المقداد" alone after "فيصل المقداد": tokens that repeat a person's last word."""
    surnames: dict[str, str] = {}
    for mention in mentions:
        if mention.type == PERSON and mention.named and len(mention.name) >= 2:
            last = mention.name[-1]
            if len(last) >= 3 and last not in given_names() and not is_stopword(last):
                surnames.setdefault(last, mention.key)
    if not surnames:
        return []
    covered = {i for m in mentions for i in range(m.first, m.last)}
    found = []
    for token in doc.tokens:
        if token.index in covered or doc.sentences[token.sentence].kind == "noise":
            continue
        for taken, stem in clitic_variants(token.norm):
            key = surnames.get(stem)
            if key is not None:
                start = token.start + _original_length(token.text, taken)
                found.append(
                    ActorMention(
                        token.index,
                        token.index + 1,
                        start,
                        token.end,
                        PERSON,
                        key,
                        (stem,),
                        doc.text[start : token.end],
                    )
                )
                break
    return found


def _original_length(text: str, normalised_chars: int) -> int:
    seen = 0
    for offset, char in enumerate(text):
        if seen == normalised_chars:
            return offset
        if normalize(char):
            seen += 1
    return len(text)


def _resolve_references(mentions: list[ActorMention]) -> list[ActorMention]:
    """Offices without a name point at the person of the same office (and country) named before."""
    resolved: list[ActorMention] = []
    persons: list[ActorMention] = []  # named persons so far, in text order
    for mention in mentions:
        if mention.type == PERSON and mention.named:
            persons.append(mention)
        elif mention.type == PERSON and not mention.named and mention.number == 1 and mention.role:
            target = _holder(mention, persons) or _holder(mention, [m for m in mentions if m.named])
            if target is not None:
                mention = replace(mention, key=target.key)
        resolved.append(mention)
    return resolved


def _role_head(role: str) -> str:
    words = normalize(role).split()
    if not words:
        return ""
    head = words[0]
    for _, stem in clitic_variants(head):
        if stem.startswith("ال"):
            head = stem[2:]
            break
    return head


def _holder(reference: ActorMention, persons: list[ActorMention]) -> ActorMention | None:
    head = _role_head(reference.role)
    candidates = [
        p
        for p in persons
        if p.type == PERSON
        and p.named
        and (not reference.represents or _represents_of(p) == reference.represents)
        and (_role_head(p.role) == head or (not p.role and _known_role_head(p) == head))
    ]
    if not candidates:
        return None
    before = [p for p in candidates if p.first < reference.first]
    if before:
        return before[-1]
    # named only later: take it when the office points at one person only
    return candidates[0] if len({p.key for p in candidates}) == 1 or reference.represents else None


def _represents_of(mention: ActorMention) -> str:
    if mention.represents:
        return mention.represents
    known = gz.known(mention.key) if mention.key else None
    return known.represents if known else ""


def _known_role_head(mention: ActorMention) -> str:
    known = gz.known(mention.key) if mention.key else None
    return _role_head(known.role) if known else ""


def _dateline(doc: Document, mentions: list[ActorMention]) -> tuple[str | None, str | None]:
    if doc.dateline is None:
        return None, None
    start, end = doc.dateline
    for mention in mentions:
        if start <= mention.start < end and mention.type in (PLACE, COUNTRY):
            known = gz.known(mention.key)
            country = known.country if known else None
            return mention.key, country
    return None, None


def _entities(doc, mentions, dateline_country, required) -> tuple[Entity, ...]:
    by_key: dict[str, list[ActorMention]] = defaultdict(list)
    for mention in mentions:
        if mention.key:
            by_key[mention.key].append(mention)
    wanted: dict[str, None] = {}
    for key, group in by_key.items():
        if any(m.named for m in group):
            wanted[key] = None
    represents: dict[str, str] = {}
    for key in list(wanted):
        group = by_key[key]
        if group[0].type == PERSON:
            represents[key] = _person_represents(group, dateline_country, doc.article.published)
            if represents[key]:
                wanted.setdefault(represents[key], None)
    for key in required:
        wanted.setdefault(key, None)
    entities = []
    for key in wanted:
        entity = _entity(doc, key, by_key.get(key, []), represents.get(key, ""))
        if entity is not None:
            entities.append(entity)
    return tuple(entities)


def _person_represents(group: list[ActorMention], dateline_country: str | None, published) -> str:
    for mention in group:
        if mention.represents:
            return mention.represents
    known = gz.known(group[0].key)
    office = gz.office_at(known, published) if known is not None else None
    if office is not None and office.represents:
        return office.represents
    if dateline_country and any(m.role for m in group):
        return f"country:{dateline_country}"
    return ""


def _entity(doc: Document, key: str, group: list[ActorMention], represents: str) -> Entity | None:
    known = gz.known(key)
    named = [m for m in group if m.named]
    spellings = list(dict.fromkeys(" ".join(m.text.split()) for m in sorted(named, key=lambda m: -len(m.name))))
    if known is not None:
        label, label_en, wikidata, type_ = known.label, known.label_en, known.wikidata, known.type
    elif named:
        label, label_en, wikidata, type_ = spellings[0], "", "", named[0].type
    else:
        return None
    roles = tuple(dict.fromkeys(m.role for m in group if m.role)) if type_ == PERSON else ()
    if type_ == PERSON and not roles and known is not None:
        office = gz.office_at(known, doc.article.published)
        roles = (office.role,) if office is not None and office.role else ()
    aliases = tuple(s for s in spellings if normalize(s) != normalize(label))
    return Entity(
        key=key,
        type=type_,
        label=label,
        label_en=label_en,
        wikidata=wikidata,
        roles=roles,
        represents=represents if type_ == PERSON else "",
        aliases=aliases,
        mentions=tuple(_mention(doc, m) for m in named),
        references=tuple(_mention(doc, m) for m in group if not m.named),
    )


def _mention(doc: Document, m: ActorMention) -> Mention:
    return Mention(m.start, m.end, doc.text[m.start : m.end], doc.tokens[m.first].sentence)


def entity_types() -> tuple[str, ...]:
    return (PERSON, ORGANIZATION, COUNTRY, PLACE)


def is_dateline(doc: Document, mention: ActorMention) -> bool:
    return doc.sentences[doc.tokens[mention.first].sentence].kind == DATELINE
