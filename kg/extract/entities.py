"""From mentions to the article's entities: identity keys, coreference, roles and whom persons represent.

Within an article: a shorter name that ends a longer one is the same person ("أبو الغيط" →
"أحمد أبو الغيط"); a surname alone refers back to the full name; an office without a name
("الرئيس السوري", "الوزير الروسي", "الأمين العام") refers to the person who holds it here, and an
office right after a name ("علي شمخاني أمين المجلس الأعلى") describes that person; "جلالته"
and "سموه" point at the person last called "جلالة ..." or "سمو ...".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from kg.extract import gazetteer as gz
from kg.extract.actors import (
    COUNTRY,
    ORGANIZATION,
    PERSON,
    PLACE,
    ActorMention,
    among_those_present,
    everyday_words,
    given_names,
    is_seat_palace,
    known_surname_is_word,
    name_syllables,
    nisbas_mentioned,
    office_words,
    ruling_houses,
)
from kg.extract.lexicon import clitic_forms, clitic_variants, is_stopword, positions, read_table, titles
from kg.model import Entity, Mention
from kg.text.document import Document
from kg.text.normalize import normalize

# Kingdoms "المملكة" may stand for, when the article gives no other clue
_PARTICLES = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "أبو", "آل"))
_KINGDOMS = ("SA", "JO", "MA", "BH", "GB", "NL", "BE", "ES", "SE", "NO", "DK")
_NATIONAL_BODY_KINDS = frozenset({"ministry", "army", "news-agency", "party", "company", "other", "agency"})
# classes of offices one person holds for a country at a time: "الرئيس الروسي" is Russia's president
_OFFICE_OF_ONE = frozenset({
    "رييس", "رييسه", "monarch", "head-of-state", "head-of-government", "crown-prince", "emir", "سفير", "سفيره",
    "spokesperson",
})  # fmt: skip  ("السفير الإيراني"، "المتحدث باسم الحكومة البريطانية" is no one the article gave another office)
# words for any official ("الدبلوماسية الروسية"), not offices of their own ("نائب رئيس الوزراء")
_ANY_OFFICIAL = frozenset(normalize(w) for w in ("الدبلوماسي", "الدبلوماسية", "المسؤول", "المسؤولة"))
_GENERIC_ROLES = frozenset(normalize(w) for w in ("الرئيس", "الوزير", "الوزيرة", "رئيس", "وزير", "الملك", "الأمير"))


@dataclass(frozen=True, slots=True)
class Resolved:
    """The mentions with their keys, and the entities they make up."""

    mentions: tuple[ActorMention, ...]
    entities: tuple[Entity, ...]
    dateline_place: str | None  # key of the place a dateline names
    dateline_country: str | None  # ISO2 of the country of the dateline's place


def resolve(doc: Document, mentions: list[ActorMention]) -> Resolved:
    """Give every mention a key and build the entities of the article."""
    mentions = _surnames_of_named(mentions)
    mentions = _drop_unsupported(mentions)
    mentions = _kingdom(doc, mentions)
    mentions = _key_persons(mentions)
    mentions = [_key_body(m) for m in mentions]
    mentions = mentions + _surname_mentions(doc, mentions)
    mentions.sort(key=lambda m: (m.first, -m.last))
    mentions = _respectively(doc, mentions)
    dateline_place, dateline_country = _dateline(doc, mentions)
    home = _home_agency_country(doc, mentions) or dateline_country
    mentions = _resolve_references(mentions, doc.token_norms, home)
    officials_home = None if home else _home_of_officials(mentions)
    mentions = _home_ministries(mentions, home or officials_home)
    mentions = _home_seats(mentions, home or officials_home)
    entities = _entities(doc, mentions, home, officials_home)
    return Resolved(tuple(mentions), entities, dateline_place, dateline_country)


_RESPECTIVELY = normalize("التوالي")
_THEY_ARE = frozenset(normalize(w) for w in ("هم", "وهم", "وهما", "هما"))


def _respectively(doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "بسفراء كل من مصر، إيطاليا، وإسبانيا، وهم: X، Y، وZ على التوالي": the names listed after the
    countries, in the same order, are those countries' envoys."""
    norms = doc.token_norms
    result = list(mentions)
    for sentence in doc.sentences:
        words = norms[sentence.first : sentence.last - 1]
        if _THEY_ARE.isdisjoint(words):
            continue  # (nearly every sentence: no "وهم" to list them after)
        respectively = _RESPECTIVELY in norms[sentence.first : sentence.last]
        # ("وهم: X من الكويت، ..." needs its colon; a list closed by "على التوالي" does not)
        they = next((k for k in positions(map(_THEY_ARE.__contains__, words), sentence.first)
                     if respectively or norms[k + 1] == ":"), None)  # fmt: skip
        if they is None:
            continue
        if not respectively:
            result = _each_from_country(doc, result, they + 2, sentence.last)
            continue
        end = next((k - 1 for k in range(they, sentence.last) if norms[k] == _RESPECTIVELY), None)
        if end is None:
            continue  # ("على التوالي" before the names: no list it closes)
        countries = [m for m in result if m.type == COUNTRY and m.key and not m.in_title
                     and sentence.first <= m.first < they]  # fmt: skip
        items = _listed_items(doc, they + 1 + (norms[they + 1] == ":"), end)
        if len(countries) < 2 or len(items) != len(countries):
            continue
        # the names as the list gives them whole (a word no list knows may end one), each its country's
        kept = [m for m in result if not (m.type == PERSON and they < m.first < end)]
        kept += [
            _listed_person(doc, first, last, country.key)
            for (first, last), country in zip(items, countries, strict=True)
        ]
        result = sorted(kept, key=lambda m: (m.first, -m.last))
    return result


def _each_from_country(doc: Document, mentions: list[ActorMention], first: int, end: int) -> list[ActorMention]:
    """ "وهم: X من الكويت، Y من قطر، وZ من سلطنة عمان": each name listed with the country it comes from."""
    norms = doc.token_norms
    while end > first and norms[end - 1] in (".", "،", ","):
        end -= 1
    items = _listed_items(doc, first, end, longest=8)
    countries = {m.first: m for m in mentions if m.type == COUNTRY and m.key and first <= m.first < end}
    people = []
    for start, last in items:
        of = next((k for k in range(start + 2, last) if norms[k] == "من" and k + 1 in countries), None)
        if of is None or not 2 <= of - start <= 5:
            return mentions
        people.append((start, of, countries[of + 1].key))
    if len(people) < 2:
        return mentions
    kept = [m for m in mentions if not (m.type == PERSON and first <= m.first < end)]
    kept += [_listed_person(doc, start, last, country) for start, last, country in people]
    return sorted(kept, key=lambda m: (m.first, -m.last))


def _listed_person(doc: Document, first: int, last: int, country: str) -> ActorMention:
    """A name a list gives whole (its و left out), of one who serves this country."""
    norms = doc.token_norms
    clitic = 1 if norms[first][:1] == "و" and len(norms[first]) > 3 else 0
    words = (norms[first][clitic:], *norms[first + 1 : last])
    start = doc.tokens[first].start + _original_length(doc.tokens[first].text, clitic)
    end = doc.tokens[last - 1].end
    return ActorMention(
        first, last, start, end, PERSON, "person:" + "_".join(words), words, doc.text[start:end], represents=country
    )


def _listed_items(doc: Document, first: int, end: int, longest: int = 5) -> list[tuple[int, int]]:
    """The items of a list of names between commas ("X، Y، وZ"): two to five Arabic words each."""
    norms = doc.token_norms
    items, start = [], first
    for k in range(first, end + 1):
        if k == end or norms[k] in ("،", ","):
            if not 2 <= k - start <= longest or not all("\u0621" <= norms[j][:1] <= "\u064a" for j in range(start, k)):
                return []
            items.append((start, k))
            start = k + 1
    return items


def _home_ministries(mentions: list[ActorMention], home: str | None) -> list[ActorMention]:
    """"وزارة الخارجية" with no country is the ministry of the country the article is told from; with
    none known, it names no one."""
    if not home:
        return mentions
    return [
        _key_body(m._replace(represents=f"country:{home}"))
        if m.type == ORGANIZATION and not m.key and m.name[:1] in (("وزاره",), ("رياسه",))
        else m
        for m in mentions
    ]


def _home_seats(mentions: list[ActorMention], home: str | None) -> list[ActorMention]:
    """"القصر الجمهوري" with no country is the palace of the country the article is told from (its
    key says so: Djibouti's is not Sudan's); with none known, it stays the palace of nobody known."""
    if not home:
        return mentions
    return [
        m._replace(key=f"{m.key}_{home.lower()}") if m.type == PLACE and "_" in m.key and is_seat_palace(m.key) else m
        for m in mentions
    ]


def _surnames_of_named(mentions: list[ActorMention]) -> list[ActorMention]:
    """"رياض المالكي ... وقال الوزير المالكي": a surname alone that the gazetteer gives to someone
    else (نوري المالكي) is the one person the article names in full with it; it is left for
    _key_persons to key."""
    persons = [m for m in mentions if m.type == PERSON and m.named]
    alone = [m for m in persons if m.key and len(m.name) == 1]
    if not alone:
        return mentions
    named: dict[str, list[ActorMention]] = defaultdict(list)
    for mention in persons:
        # "محمد بن سلمان" ends with his father's name, which is no surname of his ("الملك سلمان")
        if not mention.weak and len(mention.name) >= 2 and mention.name[-2] not in _PARTICLES:
            named[_plain(mention.name)[-1]].append(mention)
    changed = {}
    for mention in alone:
        others = named.get(_plain(mention.name)[-1], [])
        keys = {m.key for m in others}
        # "الفريق أول ركن عبد الفتاح البرهان" read with a rank in it is still the gazetteer's البرهان
        theirs = _name_words_of(mention.key)
        if any(_ends_with(_plain(m.name), _plain(n)) for m in others for n in theirs if len(n) >= 2):
            continue
        if len(keys) == 1 and mention.key not in keys:
            changed[id(mention)] = mention._replace(key="", weak=False)
    return [changed.get(id(m), m) for m in mentions] if changed else mentions


def _ends_with(name: tuple[str, ...], end: tuple[str, ...]) -> bool:
    return len(name) >= len(end) and name[len(name) - len(end) :] == end


def _drop_unsupported(mentions: list[ActorMention]) -> list[ActorMention]:
    """A surname alone from the gazetteer stays when the article names the person in full too,
    or when the surname is distinctive (not a given name, not an everyday word)."""
    strong = {m.key for m in mentions if m.key and not m.weak}
    kept = []
    for mention in mentions:
        if mention.weak and mention.type == PERSON and mention.key not in strong:
            word = mention.name[-1] if mention.name else ""
            if word in given_names() or len(word) < 4 or is_stopword(word) or known_surname_is_word((word,)):
                continue
        kept.append(mention)
    return kept


def _kingdom(doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "المملكة" is the kingdom the article is about: the dateline's, or the one it names most."""
    countries = [m.key.split(":", 1)[1] for m in mentions if m.type == COUNTRY and m.key and m.name != ("المملكه",)]
    if doc.dateline is not None:
        for mention in mentions:
            if doc.dateline[0] <= mention.start < doc.dateline[1] and mention.key:
                known = gz.known(mention.key)
                if known is not None and known.country:
                    countries.insert(0, known.country)
                    countries.insert(0, known.country)
    named = [c for c in countries if c in _KINGDOMS]
    choice = max(named, key=named.count) if named else None
    result = []
    for mention in mentions:
        if mention.type == COUNTRY and mention.name == ("المملكه",):
            if choice is None:
                continue
            mention = mention._replace(key=f"country:{choice}")
        result.append(mention)
    return result


def _key_persons(mentions: list[ActorMention]) -> list[ActorMention]:
    """Keys for named persons the gazetteer does not know, merging shorter forms into longer ones."""
    persons = [m for m in mentions if m.type == PERSON and m.named]
    full_names: list[tuple[tuple[str, ...], str, str]] = []  # (name, key, office class)
    for mention in sorted(persons, key=lambda m: -len(m.name)):
        if mention.key:
            full_names.append((mention.name, mention.key, _office_class_of(mention)))
    # the gazetteer's full names of the known persons named here ("الملك سلمان" is also "سلمان بن عبد العزيز آل سعود")
    for key in dict.fromkeys(m.key for m in persons if m.key):
        office = _office_class_of(next(m for m in persons if m.key == key))
        full_names.extend((words, key, office) for words in _name_words_of(key))
    keyed: dict[int, str] = {}
    for mention in sorted(persons, key=lambda m: -len(m.name)):
        if mention.key:
            continue
        key = (
            _longer_name_key(mention.name, full_names, _office_class_of(mention))
            or _surname_key(mention.name)
            or _known_name_start(mention.name)
            or _known_name_after_one_word(mention.name)
            or _short_form_key(mention, full_names)
        )
        if key is None and (key := _spelled_otherwise(mention.name) or _known_with_words_left_out(mention.name)):
            full_names.append((mention.name, key, _office_class_of(mention)))  # ("بوقادوم" alone later)
        if key is None:
            key = "person:" + "_".join(mention.name)
            full_names.append((mention.name, key, _office_class_of(mention)))
        keyed[id(mention)] = key
    return [m._replace(key=keyed[id(m)]) if id(m) in keyed else m for m in mentions]


def _key_body(mention: ActorMention) -> ActorMention:
    """A key for a body found by its shape: a ministry by its office and country ("الخارجية الروسية"
    and "وزارة الخارجية الروسية" are one), any other by its name."""
    if mention.type != ORGANIZATION or mention.key:
        return mention
    if mention.name[:1] in (("وزاره",), ("رياسه",)) and not mention.represents:
        return mention  # a ministry or presidency with no country: keyed once the article's home is known
    words = [w for w in mention.name if w != "وزاره"]
    if mention.represents.startswith("country:"):
        code = mention.represents.split(":", 1)[1]
        office = [w for w in words if not gz.nisba_index().get((w,)) and not gz.name_index().get((w,))]
        return mention._replace(key=f"org:{code}-" + "_".join(office or words))
    return mention._replace(key="org:" + "_".join(mention.name))


def _plain(name: tuple[str, ...]) -> tuple[str, ...]:
    """Name words without the article and with "عبد ال..." joined: "أحمد الناصر" ~ "أحمد ناصر"."""
    joined: list[str] = []
    for word in name:
        if joined and joined[-1] == "عبد":
            joined[-1] = "عبد" + word
        else:
            joined.append(word)
    return tuple(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in joined)


def _longer_name_key(name: tuple[str, ...], full_names, office: str = "") -> str | None:
    """The key of a longer name this one ends or begins ("بيدرسون" in "غير بيدرسون"; "الملك عبد الله"
    in "الملك عبد الله الثاني" when both hold the same office)."""
    plain = _plain(name)
    size = len(plain)
    for longer, key, longer_office in full_names:
        other = _plain(longer)
        if other == plain:
            return key
        if len(other) > size and other[-size:] == plain:
            return key
        if len(other) > size and other[:size] == plain and (size >= 2 or (office and office == longer_office)):
            return key
    return None


def _office_class_of(mention: ActorMention) -> str:
    if mention.role:
        return _role_head(mention.role)
    known = gz.known(mention.key) if mention.key else None
    return _role_head(known.role) if known is not None and known.role else ""


def _surname_key(name: tuple[str, ...]) -> str | None:
    """A gazetteer person with this surname, when only one has it ("سيرجي لافروف" → lavrov)."""
    surname = name[-1]
    if len(surname) < 4 or surname in given_names() or surname in everyday_words():
        return None
    found = {e.entity.key for e in gz.name_index().get((surname,)) if e.entity.type == PERSON}
    if len(found) != 1:
        return None
    key = found.pop()
    # "ليزا جونسون" is not Boris Johnson: a first name that differs says another person
    # "أبو عمر البغدادي" is not "أبو بكر البغدادي": a kunya is two words
    size = 2 if name[0] in ("ابو", "ام") else 1
    # (a surname the gazetteer lists alone is no first name: "علي علاوي" is not "إياد علاوي")
    first_names = {tuple(_skeleton(w) for w in words[:size])
                   for n in _names_of(key) if len(words := normalize(n).split()) > size}  # fmt: skip
    return key if len(name) == 1 or tuple(_skeleton(w) for w in name[:size]) in first_names else None


def _skeleton(word: str) -> str:
    """A transliterated name without its long vowels and final ه: "خوسي" ~ "خوسيه"، "جوزيف" ~ "جوزف"."""
    return "".join(c for c in word.removesuffix("ه") if c not in "اوي") or word


def _short_form_key(mention: ActorMention, full_names) -> str | None:
    """The one longer name of the article this is a short form of: the first and the family name
    ("محمد الصباح" for "محمد عبد الله المبارك الصباح"), or the first name alone after an honorific
    ("الشيخ محمد")."""
    plain = _plain(mention.name)
    if len(plain) == 2:
        longer_names = [(_plain(longer), key) for longer, key, _ in full_names]
        found = {key for longer, key in longer_names if len(longer) > 2 and (longer[0], longer[-1]) == plain}
    elif len(plain) == 1 and mention.title_first >= 0 and plain[0] in given_names():
        found = {key for longer, key, _ in full_names if len(longer) > 1 and _plain(longer)[0] == plain[0]}
    else:
        return None
    return found.pop() if len(found) == 1 else None


_TITLE_AS_NAME = frozenset(normalize(w) for w in ("سيد", "حجت", "ملا"))  # titles news may write as a first name


def _known_name_after_one_word(name: tuple[str, ...]) -> str | None:
    """"سيد عباس عراقجي"، "حجت عباس عراقجي": a known person's full name of two words or more
    after one word more (a title news writes as a name) is that person."""
    if len(name) < 3 or name[1] in ("بن", "ابن", "ابو", "بنت") or name[1] not in given_names():
        return None  # ("كمال بن علي" is not "بن علي"; the known name begins with his given name)
    if name[0] in given_names() and name[0] not in _TITLE_AS_NAME:
        return None  # another given name before it: another person ("محمد عباس عراقجي")
    plain = _plain(name[1:])
    found = {key for known, key in _plain_person_names().get(plain[0], ()) if known == plain}
    return found.pop() if len(found) == 1 else None


def _known_name_start(name: tuple[str, ...]) -> str | None:
    """"سلمان بن عبد العزيز" begins the gazetteer's "سلمان بن عبد العزيز آل سعود": a name of three
    words or more that begins one known person's full name only is that person."""
    plain = _plain(name)
    if len(name) < 3 or len(plain) < 2:
        return None
    found = {key for known, key in _plain_person_names().get(plain[0], ()) if known[: len(plain)] == plain}
    return found.pop() if len(found) == 1 else None


@cache
def _plain_person_names() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The gazetteer's person names as _plain words, by their first word."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for key, names in _person_names().items():
        for written in names:
            plain = _plain(tuple(normalize(written).split()))
            if plain:
                by_first[plain[0]].append((plain, key))
    return dict(by_first)


def _names_of(key: str) -> list[str]:
    """Every way the gazetteer writes a person's name."""
    return _person_names().get(key, [])


@lru_cache(maxsize=4096)
def _name_words_of(key: str) -> tuple[tuple[str, ...], ...]:
    """The normalised words of each way the gazetteer writes a person's name."""
    return tuple(tuple(normalize(name).split()) for name in _names_of(key))


_NOT_A_GIVEN_NAME = frozenset(normalize(w) for w in ("أبو", "أم", "ابن", "بن", "ال"))


def _vowel_skeleton(word: str) -> str:
    """A word's letters without its long vowels after the first: "بوقادوم" and "بوقدوم" are "ب قدم"."""
    return word[:1] + "".join(c for c in word[1:] if c not in "اوي")


def _skeleton_of(name: tuple[str, ...]) -> tuple[str, ...]:
    return (name[0], *(_vowel_skeleton(w) for w in name[1:]))


@cache
def _persons_by_skeleton() -> dict[tuple[str, ...], frozenset[str]]:
    """Known persons' names of two or more words by their skeleton: the given name as written, the
    rest without long vowels."""
    found: dict[tuple[str, ...], set[str]] = {}
    for key in _person_names():
        for words in _name_words_of(key):
            if len(words) >= 2 and words[0] not in _NOT_A_GIVEN_NAME:
                found.setdefault(_skeleton_of(words), set()).add(key)
    return {skeleton: frozenset(keys) for skeleton, keys in found.items()}


def _spelled_otherwise(name: tuple[str, ...]) -> str | None:
    """ "صبري بوقادوم" for "صبري بوقدوم"، "هانس غرندبرغ" for "هانس غروندبرغ": a known person whose
    name news spells with a long vowel more or less (transliterations vary), when only one is."""
    if len(name) < 2 or name[0] in _NOT_A_GIVEN_NAME or len(name[0]) < 3:
        return None
    if any(w in name_syllables() for w in name):
        return None  # "لي تشونغ" is not "لي تشيانغ": East-Asian syllables differ by their vowels
    keys = _persons_by_skeleton().get(_skeleton_of(name), frozenset())
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    # Arabic names differ by their long vowels ("سليمان" is not "سلمان"): only words no list gives
    # as names may be spelled otherwise
    spelled = any(
        len(words) == len(name)
        and all(w == k or (w not in given_names() and k not in given_names()) for w, k in zip(name, words, strict=True))
        for words in _name_words_of(key)
    )
    return key if spelled else None


@cache
def _persons_by_ends() -> dict[tuple[str, str], frozenset[str]]:
    """Known persons' names of four or more words by their first and last words."""
    found: dict[tuple[str, str], set[str]] = {}
    for key in _person_names():
        for words in _name_words_of(key):
            if len(words) >= 4:
                found.setdefault((words[0], words[-1]), set()).add(key)
    return {ends: frozenset(keys) for ends, keys in found.items()}


def _known_with_words_left_out(name: tuple[str, ...]) -> str | None:
    """ "أحمد ناصر الصباح" for "أحمد ناصر المحمد الصباح": three words or more of one known person's
    longer name, in its order, with its first and last (when only one known name fits)."""
    if len(name) < 3:
        return None
    keys = _persons_by_ends().get((name[0], name[-1]), frozenset())
    fitting = {
        key for key in keys for words in _name_words_of(key) if len(words) > len(name) and _in_order(name, words)
    }
    return next(iter(fitting)) if len(fitting) == 1 else None


def _in_order(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    remaining = iter(whole)
    return all(word in remaining for word in part)


@cache
def _person_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for row in read_table("actors.tsv"):
        aliases = (a.lstrip("~+") for a in row.get("aliases_ar", "").split("|") if a)
        names[f"person:{row['key']}"] = [row["name_ar"], *aliases]
    return names


def _surname_mentions(doc: Document, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "المقداد" alone after "فيصل المقداد": tokens that repeat a person's last word."""
    surnames: dict[str, str] = {}
    for mention in mentions:
        if mention.type == PERSON and mention.named and len(mention.name) >= 2 and _family_name_first(mention):
            first = mention.name[0]
            # a Chinese family name may be listed as a given name too ("وانغ"): here it is the family's
            if given_names().get(first) is not True and not is_stopword(first) and first not in office_words():
                surnames.setdefault(first, mention.key)
        if mention.type == PERSON and mention.named and len(mention.name) >= 2:
            last, before = mention.name[-1], mention.name[-2]
            if before in ("ال", "بن", "ابو", "ابن", "عبد") or len(last) < 3 or last == "الدين":
                continue
            if is_stopword(last) or last in office_words():
                continue
            surnames.setdefault(last, mention.key)
    covered = {i for m in mentions for i in range(m.head, m.last)}
    found = _patronyms_alone(doc, mentions, covered)
    if not surnames:
        return found
    name_ends = {m.last for m in mentions if m.type == PERSON and m.named}
    # (most words hold no surname read before, with or without a clitic: only the others are read,
    # found by one set lookup a word among the forms the surnames may take behind clitics)
    forms = frozenset().union(*map(clitic_forms, surnames))
    for token in map(doc.tokens.__getitem__, positions(map(forms.__contains__, doc.token_norms))):
        if token.index in covered or doc.sentences[token.sentence].kind == "noise":
            continue
        if token.index in name_ends:
            continue  # "نواف الأحمد الجابر الصباح": the rest of the name before, not another person
        for taken, stem in clitic_variants(token.norm):
            key = surnames.get(stem)
            if key is None:
                continue  # (most words: the rest is asked only of a surname read before)
            following = doc.tokens[token.index + 1].norm if token.index + 1 < len(doc.tokens) else ""
            # "وجدد سعيّد التأكيد": a surname that is also a given name, when no name follows it
            name_follows = given_names().get(following) is False or following in _PARTICLES  # not "إن"، "أن"
            if stem in given_names() and name_follows:
                continue
            if taken <= 1:
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


_SON_OF = frozenset(("بن", "ابن", "وبن", "وابن"))


def _patronyms_alone(doc: Document, mentions: list[ActorMention], covered: set[int]) -> list[ActorMention]:
    """ "وقال بن زايد" after "الشيخ محمد بن زايد آل نهيان": "بن" and his father's name alone are
    the one person the article named with them before (not when two brothers were)."""
    fathers: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for mention in mentions:
        if mention.type != PERSON or not mention.named or not mention.key:
            continue
        at = next((k for k, word in enumerate(mention.name[:-1]) if k and word in ("بن", "ابن")), None)
        if at is not None:
            fathers[mention.name[at + 1]].append((mention.first, mention.key))
    if not fathers:
        return []
    found = []
    tokens = doc.tokens
    norms = doc.token_norms
    for k in positions(map(_SON_OF.__contains__, norms[:-1])):  # (words walked in C)
        if k in covered or k + 1 in covered:
            continue
        before = {key for first, key in fathers.get(tokens[k + 1].norm, ()) if first < k}
        if len(before) != 1 or tokens[k].sentence != tokens[k + 1].sentence:
            continue
        key = before.pop()
        if k + 2 < len(tokens) and tokens[k + 2].norm in ("بن", "ابن", "ال"):
            continue  # "بن زايد بن سلطان": a longer chain, another man's name
        taken = 1 if tokens[k].norm[:1] == "و" else 0
        start = tokens[k].start + _original_length(tokens[k].text, taken)
        found.append(ActorMention(k, k + 2, start, tokens[k + 1].end, PERSON, key, ("بن", tokens[k + 1].norm),
                                  doc.text[start : tokens[k + 1].end]))  # fmt: skip
    return found


_FAMILY_NAME_FIRST = frozenset({"CN", "TW", "KR", "KP", "JP", "VN", "HU"})


def _family_name_first(mention: ActorMention) -> bool:
    """Chinese, Korean, Japanese, Vietnamese names put the family name first: "ماو نينغ" → "ماو"."""
    represents = mention.represents or (gz.known(mention.key).represents if gz.known(mention.key) else "")
    return represents.split(":", 1)[-1] in _FAMILY_NAME_FIRST


def _original_length(text: str, normalised_chars: int) -> int:
    seen = 0
    for offset, char in enumerate(text):
        if seen == normalised_chars:
            return offset
        if normalize(char):
            seen += 1
    return len(text)


# the office classes (office_classes.tsv) an honorific pronoun goes with: جلالته a monarch, سموه an emir
# or a crown prince, فخامته a head of state ("الرئيس" alone is its own class)
_HONORIFIC_OFFICES = {
    normalize("جلالة"): frozenset({"monarch"}),
    normalize("سمو"): frozenset({"emir", "crown-prince"}),
    normalize("فخامة"): frozenset({"head-of-state", normalize("رئيس")}),
    # "سيادته": Iraq's and Lebanon's honorific for their presidents, speakers and prime ministers
    normalize("سيادة"): frozenset({"head-of-state", "speaker", "head-of-government", normalize("رئيس")}),
}


def _resolve_references(mentions: list[ActorMention], norms, home: str | None = None) -> list[ActorMention]:
    """Offices without a name, and "جلالته"/"سموه", point at the person they stand for."""
    resolved: list[ActorMention] = []
    persons: list[ActorMention] = []  # named persons so far, in text order
    offices: dict[str, set[str]] = {}  # key -> classes of the offices the article gave the person so far
    serving: dict[str, set[str]] = {}  # key -> whom the offices the article gave the person so far serve
    # office -> (holder, whom it serves) of "office، NAME" read so far: "رئيس الجمهورية، السيد X"
    comma_holders: dict[str, list[tuple[str, str]]] = {}
    for position, mention in enumerate(mentions):
        if mention.type == PERSON and mention.named:
            persons.append(mention)
            offices.setdefault(mention.key, set()).update(_classes_of(mention))
        elif mention.type == PERSON and not mention.named and mention.number == 1:
            target = _named_after_comma(mention, mentions[position + 1 :], norms, persons, comma_holders, offices)
            if target is not None:
                comma_holders.setdefault(_office_key(mention.role), []).append((target.key, mention.represents))
            elif mention.honorific and not mention.role:
                target = _honoured(mention, persons, offices, resolved)
            elif _unread_complement(mention, norms):
                target = None  # "رئيس «هيئة التفاوض»": whose office it is was not read
            elif mention.role or mention.represents:
                target = (
                    _apposition(mention, persons, norms)
                    or _holder(mention, persons, offices, home, serving)
                    or _holder(mention, [m for m in mentions if m.named and m.type == PERSON], offices, home, serving)
                )
            if target is not None:
                mention = mention._replace(key=target.key)
                if mention.role:
                    offices.setdefault(target.key, set()).add(_role_head(mention.role))
                if mention.represents:
                    serving.setdefault(target.key, set()).add(mention.represents)
        resolved.append(mention)
    return resolved


def _named_after_comma(
    reference: ActorMention,
    after: list[ActorMention],
    norms,
    before: list[ActorMention] = (),
    holders: dict[str, list[tuple[str, str]]] | None = None,
    offices: dict[str, set[str]] | None = None,
) -> ActorMention | None:
    """ "برئيس المخابرات العامة المصرية، الوزير حسن محمود رشاد": an office, a comma, then the holder
    named with a rank of his own (not when a name set off by a comma comes right before the office:
    "استقبل X، وكيل الوزارة، سعادة Y، المدير ...": the office is X's)."""
    if not reference.role or reference.last + 1 >= len(norms) or norms[reference.last] not in ("،", ","):
        return None
    comma_before = reference.first > 0 and norms[reference.first - 1] in ("،", ",")
    written = normalize(reference.text).split()[:1]
    joined = bool(written) and norms[reference.first] == "و" + written[0]  # "، ومدير مكتب ..." goes on with a list
    named_before = next((p for p in before if p.last == reference.first - 1), None) if comma_before else None
    # "وزير الخارجية، أحمد عطاف، وزير المالية، لعزيز فايد": the name before holds an office given
    # before it, so this office is the next name's, named without a rank of his own
    listed = named_before is not None and (
        (named_before.role and 0 <= named_before.title_first < named_before.first - 1
         and norms[named_before.first - 1] in ("،", ","))
        or _office_set_before(named_before, norms, before)
    )  # fmt: skip
    if named_before is not None and not joined and not listed:
        return None
    # the first person after (a body inside the holder's own office, "لحركة فتح", is passed by)
    following = next((m for m in after if m.first > reference.last and m.type == PERSON), None)
    if following is None or not following.named:
        return None
    if following.head != reference.last + 1 or (following.title_first < 0 and not listed):
        return None
    if _joined_by_and(norms, following):
        return None  # "X، السفير الجديد لبوركينا فاسو، والسيد Y": the list goes on, Y is not the holder
    head = _role_head(reference.role)
    bare = len(normalize(reference.role).split()) == 1  # "الأمير"، "الرئيس": the office alone, whose it is told before
    if bare and following.role and _role_head(following.role) != head and any(
        key != following.key and head in classes for key, classes in (offices or {}).items()
    ):
        # "استقبل أمير البلاد الشيخ X ..." then "واستقبل سمو الأمير، رئيس مجلس الوزراء الشيخ Y": the
        # office one named before holds is his, and the one after the comma, with an office of his own, the guest
        return None
    theirs = _represents_of(following)
    if reference.represents and theirs and _as_country(reference.represents) != theirs:
        return None
    # "استقبل رئيس الجمهورية، السيد X ..." then "كما استقبل رئيس الجمهورية، السيد Y الذي سلمه ...":
    # an office another person was named with before is his, and the name after it is the guest's
    if any(
        key != following.key and (not reference.represents or represents == reference.represents)
        for key, represents in (holders or {}).get(_office_key(reference.role), ())
    ):  # (not "سفير السودان، السيد X، وسفير تركيا، السيد Y": offices of the same name for other countries)
        return None
    return following


def _office_set_before(person: ActorMention, norms, before: list[ActorMention]) -> bool:
    """ "، وزير المالية، لعزيز فايد": a name with no rank whose office stands before it, set off by
    a comma (no name ends at that comma)."""
    comma = person.first - 1
    if person.title_first >= 0 or comma < 1 or norms[comma] not in ("،", ","):
        return False
    if any(p.last == comma for p in before):
        return False
    return any(titles().longest_at(norms, k, comma) is not None for k in range(max(0, comma - 6), comma))


def _joined_by_and(norms, mention: ActorMention) -> bool:
    """Does the mention begin with the conjunction و ("والسيد Y")? Not an office whose own first
    letter is و ("وزير التربية X")."""
    if norms[mention.head][:1] != "و":
        return False
    title = titles().longest_at(norms, mention.head, len(norms))
    return title is None or title.clitic > 0


def _unread_complement(mention: ActorMention, norms) -> bool:
    """A bare "رئيس"/"وزير" (no ال) needs the body it heads; unless that is "البلاد"، "الوزارة"
    (pointing back), an office cut short names nobody."""
    role = normalize(mention.role).split()
    if len(role) != 1 or role[0].startswith("ال") or mention.represents:
        return False
    following = norms[mention.last] if mention.last < len(norms) else ""
    return following not in _BACK_REFERENCES


def _classes_of(mention: ActorMention) -> set[str]:
    """The office classes of a named person: the office the text gives, and every one the gazetteer knows."""
    classes = {_role_head(mention.role)} if mention.role else set()
    known = gz.known(mention.key) if mention.key else None
    if known is not None:
        classes.update(_role_head(office.role) for office in known.offices if office.role)
    return classes


def _office_set_off(between) -> bool:
    """ "X، الوزير، مدير ديوان الرئيس": a first office set off by commas, then a second one for the same name."""
    if len(between) < 3 or between[0] not in ("،", ",") or between[-1] not in ("،", ","):
        return False
    words = tuple(between[1:-1])
    found = titles().longest_at(words, 0)
    return found is not None and found.last == len(words)


def _apposition(reference: ActorMention, persons: list[ActorMention], norms) -> ActorMention | None:
    """ "علي شمخاني أمين المجلس الأعلى للأمن القومي": an office right after a name describes it."""
    if not persons or reference.counterpart:
        return None
    previous = persons[-1]
    between = norms[previous.last : reference.first]
    written = normalize(reference.text).split()[:1]
    if written and norms[reference.first] != written[0] and norms[reference.first][:1] in "لبو":
        return None  # "ونقل لافروف لخادم الحرمين الشريفين تحيات ...": to the king, not a second office
    if (
        not between and previous.role and _role_head(previous.role) != _role_head(reference.role)
        and not among_those_present(norms, previous.first, 0)  # (it looks back a list's length at most)
    ):  # fmt: skip
        # "استقبل الرئيس بشار الأسد وزير الخارجية الإيراني": an office before the name, a guest after
        # (not in a list of those present: "وحضر اللقاء السفيرة X مساعد الوزير", where no verb takes one)
        return None
    if not (all(n in ("،", ",", ")") for n in between) and len(between) <= 1) and not _office_set_off(between):
        return None
    # "استقبل المنفي السفير الفرنسي": an office of another country is the verb's object, not a
    # description of the name before it
    # (a list that has him serve a body, not a state, does not know the office the text gives him, set off by a
    # comma: "محمود علي يوسف، وزير الشؤون الخارجية ... الجيبوتية" before he chaired the AU Commission)
    theirs = _represents_of(previous)
    serves_a_body = bool(between) and bool(theirs) and not theirs.startswith("country:")
    if reference.represents and theirs and _as_country(reference.represents) != theirs and not serves_a_body:
        return None
    return previous


def _honoured(
    reference: ActorMention, persons: list[ActorMention], offices: dict[str, set[str]], earlier: list[ActorMention]
):
    """ "جلالته"، "سموه": the last person given the same honorific, else the last one whose office the
    honorific goes with ("الملك عبدالله الثاني ... جلالته"), else the last person named."""
    base = _bare_word(reference.honorific)
    # "أجرى معالي السيد بدر البوسعيدي اتصالاً مع معالي سيرغي لافروف ... وبحث معالي وزير الخارجية
    # ... كما أجرى معاليه"، "سمو أمير البلاد ... سمو الشيخ جابر ... بعث سمو أمير البلاد ...، عبّر فيها
    # سموه": the one the story keeps calling so, by name or by office, not the last one it spoke to
    # (by name or office: not by another such pronoun, whose own reading may be wrong)
    given = [m for m in earlier if m.key and m.type == PERSON and m.honorific and (m.named or m.role)
             and base in {_bare_word(w) for w in m.honorific.split()}]  # fmt: skip
    if given:
        called = Counter(m.key for m in given)
        most = max(called.values())
        return next(m for m in reversed(given) if called[m.key] == most)
    fitting = [p for p in persons if offices.get(p.key, set()) & _HONORIFIC_OFFICES.get(base, frozenset())]
    if fitting:
        # the one spoken of last, by name or by an office read as his ("وأعرب الرئيس ...، كما عبر فخامته")
        keys = {p.key for p in fitting}
        last = next((m.key for m in reversed(earlier) if m.type == PERSON and m.key in keys), fitting[-1].key)
        return next(p for p in reversed(fitting) if p.key == last)
    return persons[-1] if persons else None


_PRESIDENT = normalize("رئيس")


@lru_cache(maxsize=4096)  # asked of every person for every office without a name: once per role is enough
def _role_head(role: str) -> str:
    """The class of an office (kg/data/office_classes.tsv), else its first word without ال."""
    words = tuple(_bare_word(w) for w in normalize(role).split())
    if not words:
        return ""
    classes = _office_classes()
    if words == (_PRESIDENT,):
        return _role_head("رئيس الجمهورية")  # "الرئيس" alone: the head of state, however the gazetteer words it
    for size in range(min(4, len(words)), 0, -1):
        found = classes.get(words[:size])
        if found:
            return found
    if len(words[0]) > 3 and words[0][-1] in "هة":
        return _role_head(" ".join((words[0][:-1], *words[1:])))  # "وزيرة الخارجية" holds a minister's office
    return words[0]


def _bare_word(word: str) -> str:
    for _, stem in clitic_variants(word):
        if stem.startswith("ال") and len(stem) > 3:
            return stem[2:]
    return word


@cache
def _office_classes() -> dict[tuple[str, ...], str]:
    return {
        tuple(_bare_word(w) for w in normalize(row["phrase"]).split()): row["class"]
        for row in read_table("office_classes.tsv")
    }


def _holder(
    reference: ActorMention,
    persons: list[ActorMention],
    offices: dict[str, set[str]],
    home: str | None = None,
    serving: dict[str, set[str]] | None = None,
) -> ActorMention | None:
    """The person an office without a name stands for: one given the very same office first, else
    one of the same class of office ("رئيس الدولة" for "رئيس الجمهورية"); among several, the one
    the article introduced first (an unqualified office points at the article's main actor)."""
    head = _role_head(reference.role)
    serving = serving or {}
    same_side = [
        p
        for p in persons
        if p.named
        and (
            not reference.represents
            or _represents_of(p) == reference.represents
            or reference.represents in serving.get(p.key, ())  # "خيري، رئيس الوزراء الصومالي" named before
        )
    ]
    exact = _office_key(reference.role)
    candidates = [p for p in same_side if p.role and _office_key(p.role) == exact]
    if not candidates:
        candidates = [
            p
            for p in same_side
            if (head in offices.get(p.key, ()) or _role_head(p.role) == head) and _same_body(exact, head, p)
        ]

    if len({p.key for p in candidates}) > 1 and len(exact.split()) == 1:
        # "بالملك" after "السلطان X" and "الملك Y": of two monarchs, the one whose office the word is
        word = _bare_word(exact)
        literal = [p for p in candidates if any(_bare_word(r.split()[0]) == word for r in _roles_of(p) if r)]
        candidates = literal or candidates
    if not candidates and len(exact.split()) == 1:
        # "الوزير" alone: any minister ("وزير الخارجية والمغتربين")
        word = _bare_word(exact)
        candidates = [p for p in same_side if any(_bare_word(r.split()[0]) == word for r in _roles_of(p) if r)]
    if not candidates and reference.represents and len({p.key for p in same_side}) == 1:
        # "الدبلوماسية الروسية": the one Russian of the article, unless the article gave that
        # person another office ("تحيات الرئيس الروسي" is not the Russian minister)
        candidates = [p for p in same_side if not offices.get(p.key) or head not in _OFFICE_OF_ONE]
        if reference.counterpart and head:  # "نظيرته الفرنسية" holds the host's office: not "الرئيس ماكرون" named later
            candidates = [p for p in candidates if not _classes_of(p) or head in _classes_of(p)]
        office = titles().longest_at(tuple(normalize(reference.role).split()), 0)
        if office is not None and normalize(reference.role) not in _ANY_OFFICIAL:
            # "وحضر اللقاء نائب رئيس الوزراء ووزير الخارجية الأردني" after "ملك الأردن": an office
            # of its own is not the one person's who holds an office of one
            held = {p.key: offices.get(p.key, set()) for p in candidates}
            candidates = [p for p in candidates if head in held[p.key] or not held[p.key] & _OFFICE_OF_ONE]
    marked = {p.key for p in same_side if p.represents} if candidates and not home and not reference.represents else ()
    if marked and all(p.key in marked for p in candidates):
        # "وبحث أمير عبداللهيان مع وزير خارجية سلطنة عمان ..." then "وأشار وزير الخارجية": the text
        # marks the foreigner's office with his country; the office alone is the one it leaves unmarked
        unmarked = [
            p for p in same_side
            if p.key not in marked and head in offices.get(p.key, ()) and _same_body(exact, head, p)
        ]  # fmt: skip
        candidates = unmarked or candidates
    if not candidates:
        return None
    if home and not reference.represents:
        # "وزير الخارجية" with no country, in a story told from Muscat: Oman's, not his guest's
        at_home = [p for p in candidates if _represents_of(p) == f"country:{home}"]
        candidates = at_home or candidates
    before = [p for p in candidates if p.first < reference.first]
    if before:
        return before[0] if not reference.represents else before[-1]
    # named only later: take it when the office points at one person only
    return candidates[0] if len({p.key for p in candidates}) == 1 or reference.represents else None


# words an office uses to point back at the body already named ("وكيل الوزارة"، "أمير البلاد")
_BACK_REFERENCES = frozenset(normalize(w) for w in (
    "الوزارة", "الدولة", "البلاد", "الحكومة", "المملكة", "الجمهورية", "الإمارة", "السلطنة", "المنظمة", "الجامعة",
))  # fmt: skip


def _same_body(office: str, head: str, person: ActorMention) -> bool:
    """"رئيس الجمعية الوطنية" is not "الرئيس": past a class of office kg knows, the words naming
    the body must be the person's own ("وكيل الوزارة" for "وكيل وزارة الخارجية") or point back."""
    words = office.split()
    if head in _office_classes().values() or len(words) == 1:
        return True
    theirs = {_bare_word(w) for role in _roles_of(person) for w in role.split()}
    # a country's name is checked through represents; one word of the body in common will do
    # ("رئيس وكالة الاستخبارات المركزية" for "مدير وكالة المخابرات المركزية")
    body = [w for w in words[1:] if w not in _BACK_REFERENCES and not gz.name_index().get((w,))]
    return not body or any(_bare_word(w) in theirs for w in body)


def _roles_of(mention: ActorMention) -> list[str]:
    known = gz.known(mention.key) if mention.key else None
    return [normalize(mention.role)] + ([normalize(o.role) for o in known.offices] if known is not None else [])


@lru_cache(maxsize=4096)
def _office_key(role: str) -> str:
    """The office of a role as _holder compares them (normalised, without the country's adjective)."""
    return normalize(_office_only_words(role))


def _office_only_words(role: str) -> str:
    """"الرئيس التونسي" -> "الرئيس": the office without the adjective of its country."""
    return " ".join(w for w in role.split() if not gz.nisba_index().get((normalize(w),)))


def _represents_of(mention: ActorMention) -> str:
    if mention.represents:
        return _as_country(mention.represents)
    known = gz.known(mention.key) if mention.key else None
    return _as_country(known.represents) if known else ""


def _as_country(key: str) -> str:
    """A national body (a ministry, an army, an agency) speaks for its country."""
    if not key.startswith("org:"):
        return key
    known = gz.known(key)
    if known is not None and known.country and known.kind in _NATIONAL_BODY_KINDS:
        return f"country:{known.country}"
    return key


def _known_role_head(mention: ActorMention) -> str:
    known = gz.known(mention.key) if mention.key else None
    return _role_head(known.role) if known else ""


# Wire services write every official with his country; a state agency names its own without it
# (and the foreign-language services of state agencies, which give their own officials a nisba: Xinhua
# Arabic writes from Tunis of Tunisians)
_WIRES = frozenset({
    "org:reuters", "org:afp", "org:ap", "org:bloomberg", "org:dpa", "org:efe", "org:ansa", "org:xinhua", "org:sputnik",
})


def _home_agency_country(doc: Document, mentions: list[ActorMention]) -> str | None:
    """The country of the state agency that wrote the article ("الرياض - واس"، publisher "كونا"):
    its copy gives its own officials an office and no country ("وزير الخارجية")."""
    agencies = []
    if doc.dateline is not None:
        start, end = doc.dateline
        agencies = [m.key for m in mentions if m.type == ORGANIZATION and m.key and start <= m.start < end]
    if doc.article.publisher:
        found = gz.name_index().longest_at(tuple(normalize(doc.article.publisher).split()), 0)
        if found is not None and found.last == len(normalize(doc.article.publisher).split()):
            agencies.append(found.payload.entity.key)
    for key in agencies:
        known = gz.known(key)
        if known is not None and known.kind in _OWN_VOICES and known.country and key not in _WIRES:
            return known.country
    return None


# a state agency's copy and a ministry's own site write their officials without a country
_OWN_VOICES = frozenset({"news-agency", "ministry"})


def _home_of_officials(mentions: list[ActorMention]) -> str | None:
    """"استقبل رئيس الجمهورية عبد المجيد تبون ...": an office written in full without a country,
    held by a known official of one country, says the article is told from that country."""
    found = set()
    for mention in mentions:
        if mention.type != PERSON or not mention.named or not mention.key or mention.represents:
            continue
        if not mention.role or normalize(mention.role) in _GENERIC_ROLES or mention.counterpart:
            continue
        known = gz.known(mention.key)
        if known is not None and known.represents.startswith("country:"):
            found.add(known.represents.split(":", 1)[1])
    return found.pop() if len(found) == 1 else None


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


def _entities(doc, mentions, home_country, officials_home=None) -> tuple[Entity, ...]:
    by_key: dict[str, list[ActorMention]] = defaultdict(list)
    for mention in mentions:
        if mention.key:
            by_key[mention.key].append(mention)
    wanted: dict[str, None] = {}
    for key, group in by_key.items():
        if any(m.named for m in group):
            wanted[key] = None
    represents: dict[str, str] = {}
    mentioned = {m.key for m in mentions if m.key} | {f"country:{c}" for c in nisbas_mentioned(doc)}
    if home_country:
        mentioned.add(f"country:{home_country}")  # "عمان -"، "(كونا)": the article is told from there
    # "بالجزائر العاصمة": a city named names its country too
    mentioned |= {f"country:{_country_of(m.key)}" for m in mentions if m.type == PLACE and _country_of(m.key)}
    if officials_home:
        home_country = officials_home  # told from a country the article names, not only its officials'
    for key in list(wanted):
        group = by_key[key]
        if group[0].type == PERSON:
            represents[key] = _person_represents(group, home_country, doc.article.published, mentioned)
            if represents[key]:
                wanted.setdefault(represents[key], None)
    for key in list(wanted):
        group = by_key.get(key)
        if group and group[0].type == PERSON and not represents.get(key):
            represents[key] = _boss_country(key, by_key, represents)
    entities = []
    words = _ArticleWords(f" {' '.join(doc.token_norms)} ", frozenset(doc.token_norms))
    for key in wanted:
        entity = _entity(doc, key, by_key.get(key, []), represents.get(key, ""), words)
        if entity is not None:
            entities.append(entity)
    return tuple(entities)


# "مساعد الوزير"، "مدير مكتب الوزير"، "المتحدث باسم الأمين العام": an office in the service of an office
_BOSSES = frozenset(normalize(w) for w in ("الوزير", "الوزيرة", "الرئيس", "الأمير", "الملك", "الأمين"))


def _boss_country(key: str, by_key, represents: dict[str, str]) -> str:
    """An aide of "الوزير"، "الرئيس" or "الأمين العام" serves the country (or body) of the
    minister, president or secretary-general the article names (only one such)."""
    bosses = {
        _bare_word(word)
        for m in by_key[key]
        if m.role
        for word in normalize(m.role).split()[1:]
        if word in _BOSSES
    }
    if not bosses:
        return ""
    found = {
        represents[other]
        for other, group in by_key.items()
        if other != key and represents.get(other)
        and any(m.role and _bare_word(normalize(m.role).split()[0]) in bosses for m in group)
    }
    return found.pop() if len(found) == 1 else ""


def _country_of(key: str) -> str:
    known = gz.known(key) if key else None
    return known.country if known is not None else ""


def _person_represents(group: list[ActorMention], home_country: str | None, published, mentioned) -> str:
    """Whom the text says the person speaks for; else the gazetteer's answer when the article
    names that country or body at all, or is told from it (a graph holds what its articles
    mention); else, for an official the text gives an office but no country, the country the
    article is told from (its state agency's, else its dateline's)."""
    for mention in group:
        if mention.represents:
            return _as_country(mention.represents)
    given_role = any(m.role for m in group)
    known = gz.known(group[0].key)
    office = _office_told(known, group, published) if known is not None else None
    if office is not None and office.represents:
        country = _as_country(office.represents)
        if country in mentioned or office.represents in mentioned:
            return country
        # "ولي العهد الأمير محمد بن سلمان" in a paper of his own country, which it never names:
        # the office the text gives is the one the gazetteer knows him in; a known leader named
        # with no office at all ("جلالة الملك عبدالله الثاني") holds the one he is known by
        if not given_role or (office.role and _same_office(office.role, group)):
            return country
    house = _ruling_house(group) or _citizens_served(group)
    if house:
        return f"country:{house}"
    if home_country and given_role:
        return f"country:{home_country}"
    return ""


def _office_told(known, group: list[ActorMention], published):
    """The known office the text gives the person ("وزير الخارجية" of one who later served the UN),
    else the one he held on the article's date."""
    if any(m.role for m in group):
        told = [o for o in known.offices if o.role and _same_office(o.role, group)]
        held = [o for o in told if published is None or o.held_in(published.year)]
        if held or told:
            return (held or told)[-1]
    return gz.office_at(known, published)


def _ruling_house(group: list[ActorMention]) -> str:
    """"الأمير فيصل بن بندر آل سعود": the house that closes a name, and the country it rules."""
    houses = ruling_houses()
    for mention in group:
        if mention.named and len(mention.name) > 2:
            country = houses.get(mention.name[-2:])
            if country:
                return country
    return ""


# "والموريتانيين في الخارج"، "وشؤون المصريين بالخارج": an office that serves a country's people abroad
_ABROAD = frozenset(normalize(w) for w in ("الخارج", "بالخارج", "المقيمين"))


def _citizens_served(group: list[ActorMention]) -> str:
    """"وزير الشؤون الخارجية والتعاون الإفريقي والموريتانيين في الخارج": the office names the
    people of its own country abroad (a plural nisba before في الخارج/بالخارج)."""
    for mention in group:
        words = normalize(mention.role).split()
        for k, word in enumerate(words[:-1]):
            found = gz.nisba_index().longest_at((word,), 0)
            if found is not None and found.phrase[0].endswith("ين") and _ABROAD & set(words[k + 1 : k + 3]):
                return found.payload
    return ""


def _same_office(known_role: str, group: list[ActorMention]) -> bool:
    """The text gives the person the office (or the class of office) the gazetteer knows."""
    head, known = _role_head(known_role), normalize(known_role)
    given = [r for m in group for r in (m.role, *m.extra_roles) if r]
    # "ولي العهد رئيس مجلس الوزراء": offices stacked in one role, any of them, on either side;
    # "رئيس الجمهورية" is the office the gazetteer calls "الرئيس"
    president = head == _bare_word(normalize("الرئيس"))
    return any(
        _role_head(r) == head
        or known in normalize(r)
        or (len(r.split()) > 1 and normalize(r) in known)
        or (president and _role_head(r) == "head-of-state")
        for r in given
    )


def _roles(group: list[ActorMention], known, published) -> tuple[str, ...]:
    """Offices as the text gives them; the gazetteer's when the text says only "الرئيس"/"الوزير"."""
    roles = list(dict.fromkeys(r for m in group for r in (m.role, *m.extra_roles) if r))
    office = gz.office_at(known, published) if known is not None else None
    if office is not None and office.role and all(normalize(r) in _GENERIC_ROLES for r in roles):
        roles.append(office.role)
    return tuple(dict.fromkeys(roles))


class _ArticleWords(NamedTuple):
    """An article's normalised words, to find which names of a country it writes."""

    joined: str  # the words between spaces, a space at each end
    each: frozenset[str]  # every word once: a form whose first word is not among them is not there

    def write(self, first_words: frozenset[str], forms: tuple[tuple[str, str], ...]) -> bool:
        """Whether any of the (" form ", its first word) is written in the article (none is when
        none of their first words is: most of a country's names, told in one set operation)."""
        if self.each.isdisjoint(first_words):
            return False
        return any(first in self.each and form in self.joined for form, first in forms)


def _entity(doc: Document, key: str, group: list[ActorMention], represents: str, words: _ArticleWords) -> Entity | None:
    known = gz.known(key)
    named = [m for m in group if m.named]
    spellings = list(dict.fromkeys(" ".join(m.text.split()) for m in sorted(named, key=lambda m: -len(m.name))))
    if known is not None and known.type == COUNTRY:
        # "سفير المملكة"، "سفارة الولايات المتحدة الأمريكية": the country's names the article writes,
        # inside an office or a body's name too, so that each is a label it can be found by
        spellings = list(dict.fromkeys(
            spellings
            + [n for n, first_words, forms in _country_name_forms(known.country) if words.write(first_words, forms)]
        ))
        # and by the name people write, when the label is the long official one
        if short := gz.country_short_name(known.country):
            spellings.append(short)
    if known is not None:
        label, label_en, wikidata, type_ = known.label, known.label_en, known.wikidata, known.type
    elif named:
        label, label_en, wikidata, type_ = spellings[0], "", "", named[0].type
    else:
        return None
    roles = _roles(group, known, doc.article.published) if type_ == PERSON else ()
    label_norm = normalize(label)
    aliases = tuple(s for s in spellings if normalize(s) != label_norm)
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


@lru_cache(maxsize=512)
def _country_name_forms(code: str) -> tuple[tuple[str, frozenset[str], tuple[tuple[str, str], ...]], ...]:
    """Each Arabic name of a country with the forms it takes among an article's words (" name ",
    behind و، ب، ف، ل), each with its first word, and those first words together, to find which
    names an article writes."""
    found = []
    for name in gz.country_names().get(code, ()):
        norm = normalize(name)
        forms = [norm, *(c + norm for c in "وبفل")]
        if norm.startswith("ال"):
            forms += ["لل" + norm[2:], "ولل" + norm[2:]]
        spaced = tuple((f" {form} ", form.split(" ")[0]) for form in forms)
        found.append((name, frozenset(first for _, first in spaced), spaced))
    return tuple(found)


def _mention(doc: Document, m: ActorMention) -> Mention:
    return Mention(m.start, m.end, doc.text[m.start : m.end], doc.tokens[m.first].sentence)


def kinds() -> tuple[str, ...]:
    return (PERSON, ORGANIZATION, COUNTRY, PLACE)


def office_word(norm: str) -> bool:
    return norm in office_words()
