"""Finding actors and places in a document: names, titled persons, references, places.

Three ways to a person (DESIGN.md): the gazetteer of known actors; offices and titles that
introduce a name ("وزير الخارجية الروسي سيرغي لافروف"، "نظيره الصيني وانغ يي"); and references
resolved later inside the article (a surname alone, "الرئيس السوري", "الوزير الروسي", "جلالته").
Countries come from CLDR names and nisba adjectives, places from GeoNames (where a place is
expected), organisations from the gazetteer and from the shapes their names take.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import chain
from operator import or_
from typing import NamedTuple

from kg.extract import gazetteer as gz
from kg.extract.lexicon import (
    WordTest,
    clitic_stems,
    clitic_variants,
    date_words,
    honorifics,
    is_stopword,
    positions,
    read_list,
    read_table,
    reporting_cues,
    stopwords,
    titles,
    topic_phrases,
    triggers,
)
from kg.text.document import BODY, DATELINE, ITEM_MARKS, NOISE, Document, Sentence
from kg.text.normalize import normalize

PERSON, ORGANIZATION, COUNTRY, PLACE = "Person", "Organization", "Country", "Place"

# Parts of a name that stand between its words: "محمد بن سلمان", "أحمد أبو الغيط", "عبد الله"
_PARTICLES = frozenset(
    normalize(w)
    for w in (
        "بن", "بنت", "ابن", "أبو", "أبي", "أبا", "عبد", "آل", "ولد", "دي", "دا", "فان", "فون", "ديل", "أم", "ذو", "بو",
    )
)
# "إلى سورية", "لدى دمشق", "بشأن ليبيا": a country after these is where the office works, not whom it serves
_AND_COMPASS = frozenset(normalize(w) for w in ("وشمال", "وجنوب", "وشرق", "وغرب", "ووسط"))
_REGION_ADJECTIVES = frozenset(normalize(w) for w in ("الأدنى", "الأوسط", "الأقصى", "الكبير", "الكبرى"))
_DESTINATION = frozenset(normalize(w) for w in ("إلى", "لدى", "في", "بشأن", "حول", "لشؤون", "بشؤون"))
# Adjectives that tie an office to an organisation rather than a country: "المبعوث الأممي"
_ORG_ADJECTIVES = {normalize(w): key for w, key in (("الأممي", "org:un"), ("الأممية", "org:un"))}
# "جلالته"، "سموه": the person last called "جلالة ..."، "سمو ..."
_HONORIFIC_PRONOUNS = {
    normalize(pronoun): normalize(base)
    for pronoun, base in (
        ("جلالته", "جلالة"), ("جلالتها", "جلالة"), ("سموه", "سمو"), ("سموها", "سمو"), ("فخامته", "فخامة"),
        ("معاليه", "معالي"), ("معاليها", "معالي"), ("سعادته", "سعادة"), ("دولته", "دولة"), ("سيادته", "سيادة"),
        ("سماحته", "سماحة"),
    )
}  # fmt: skip
# honorifics that are offices too ("الملك عبد الله الثاني"); الأمير and الشيخ are ranks, not offices
_ROYAL_HONORIFICS = frozenset(normalize(w) for w in ("الملك", "السلطان", "الملكة"))
# ranks that stand inside a name before the father's name ("بن السلطان إسكندر"، "بن الشيخ زايد")
_NAME_RANKS = frozenset(normalize(w) for w in ("السلطان", "الملك", "الأمير", "الشيخ", "الإمام"))
_MAX_NAME_WORDS = 4
_MAX_COMPLEMENT = 12


class ActorMention(NamedTuple):
    """A stretch of text naming or meaning an actor or place (a NamedTuple, not a frozen dataclass:
    some fifty are made and changed an article, and a tuple is made several times faster)."""

    first: int  # token indexes [first, last)
    last: int
    start: int  # original character offsets, a clitic before the name left out
    end: int
    type: str
    key: str  # identity key where known ("person:vladimir-putin", "country:SY"), else ""
    name: tuple[str, ...]  # normalised words of the name (or of the reference)
    text: str  # the original spelling
    named: bool = True  # False for references without the name: a title alone, نظيره, جلالته
    role: str = ""  # the office the text gives, for persons
    represents: str = ""  # key of the country or organisation the office serves
    title_first: int = -1  # token where the office (or honorific) begins, when there is one
    number: int = 1  # 2 or 3 for "الرئيسان", "الوزراء"
    weak: bool = False  # a surname alone from the gazetteer: kept only with support
    counterpart: bool = False  # "نظيره الصيني وانغ يي": holds the same office as the person before
    in_title: bool = False  # a country or body inside an office ("وزير خارجية روسيا")
    honorific: str = ""  # "معالي", "سمو": the honorific before the name, or the one a pronoun stands for
    extra_roles: tuple[str, ...] = ()  # royal honorifics that are offices too ("الملك")

    @property
    def head(self) -> int:
        """Where the whole mention starts, office and honorifics included."""
        return self.title_first if self.title_first >= 0 else self.first


@dataclass(frozen=True, slots=True)
class _Context:
    doc: Document
    norms: Sequence[str]
    sentence: Sentence
    surnames: frozenset[str] = frozenset()  # last words of the persons named in full in earlier sentences
    family: frozenset[str] = frozenset()  # and every such last word, foreign ones without ال too
    # token -> the known name found there: each token is asked about many times (as a name's
    # start, inside an office's complement, after a nisba), and the answer never changes
    best: dict = field(default_factory=dict, compare=False, hash=False)


@cache
def given_names() -> dict[str, bool]:
    """Normalised given name -> whether it is also an everyday word (أمل، سلام، كريم). A name whose
    normalised form is a function word ("آن" and "أن") counts as everyday too."""
    names: dict[str, bool] = {}
    for row in read_table("given_names.tsv"):
        for variant in _compound_variants(normalize(row["name_ar"])):
            # "فيصل" is not ف + "يصل": only the word itself counts as a function word here
            everyday = row.get("ambiguous", "0") == "1" or variant in stopwords() or variant in everyday_words()
            names[variant] = names.get(variant, False) or everyday
    return names


@cache
def _arabic_given_names() -> frozenset[str]:
    """The given names of Arabic origin (given_names.tsv): a name that has one may end in an ال-word."""
    found: set[str] = set()
    for row in read_table("given_names.tsv"):
        if row.get("origin") == "arabic":
            found.update(_compound_variants(normalize(row["name_ar"])))
    return frozenset(found)


def _compound_variants(norm: str) -> list[str]:
    """"عبد الله" and "عبدالله" are one name."""
    variants = [norm]
    if norm.startswith("عبد "):
        variants.append(norm.replace(" ", "", 1))
    elif norm.startswith("عبدال"):
        variants.append("عبد " + norm[3:])
    return [v for v in variants if " " not in v] or variants


@cache
def office_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_list("office_words.txt"))


@cache
def name_syllables() -> frozenset[str]:
    """Syllables of East-Asian names, Arabic words among them (name_syllables.txt)."""
    return frozenset(normalize(w) for w in read_list("name_syllables.txt"))


@cache
def person_nouns() -> frozenset[str]:
    """Occupations and kinship words that follow a name in apposition (person_nouns.txt)."""
    return frozenset(normalize(w) for w in read_list("person_nouns.txt"))


@cache  # (a test of the word alone, asked of the same words over and over)
def _person_noun(norm: str) -> bool:
    if person_nouns().isdisjoint(clitic_stems(norm)):
        return False  # (nearly every word)
    return any(stem in person_nouns() for taken, stem in clitic_variants(norm) if taken <= 1)


@cache
def everyday_words() -> frozenset[str]:
    """Words of prose that are also names somewhere (a town, a surname): never taken alone as one.
    The one-word entries of kg's word lists (offices, topics, meeting and reporting words,
    titles, date words) and common_words.txt."""
    found = set(office_words()) | {normalize(w) for w in read_list("common_words.txt")}
    for index in (topic_phrases(), triggers(), reporting_cues(), titles(), date_words()):
        for bucket in index._by_first.values():
            found.update(phrase[0] for phrase, _ in bucket if len(phrase) == 1)
    return frozenset(found)


def find_mentions(doc: Document) -> list[ActorMention]:
    """Every actor and place mention of the document, in text order (references not yet resolved)."""
    norms = doc.token_norms
    mentions: list[ActorMention] = []
    surnames: frozenset[str] = frozenset()
    family: frozenset[str] = frozenset()
    for sentence in doc.sentences:
        if sentence.kind == NOISE:
            continue
        context = _Context(doc, norms, sentence, surnames, family)
        in_sentence: list[ActorMention] = []
        last_person = -9  # where the last named person of the sentence so far ends
        last_role = ""  # the office the text gave that person
        next_index = sentence.first  # the first token past what has been read
        for index in _words_to_read(context):
            if index < next_index:
                continue  # inside a mention read before
            found, index_after = _mentions_at(context, index, last_person, last_role)
            next_index = index_after if index_after > index else index + 1
            if not found:  # most words: nothing to filter or record
                continue
            found = [m for m in found if _kept(context, m, last_person)]
            if any(m.counterpart and not m.role for m in found):
                # "وقال خلال مؤتمر صحفي مع نظيرته": with the subject left out, the counterpart is of
                # the one the sentence before spoke of
                speaking_of = in_sentence if any(m.type == PERSON for m in in_sentence) else mentions[-8:]
                found = _counterpart_roles(found, speaking_of, norms)
            in_sentence.extend(found)
            for mention in found:
                if mention.type == PERSON and mention.named and mention.last >= last_person:
                    last_person, last_role = mention.last, mention.role
        if any(m.type == PERSON and not m.named and m.number in (2, 3) for m in in_sentence):
            in_sentence = _offices_shared_out(context, in_sentence)
        if any(m.type == PERSON and m.role and not m.represents for m in in_sentence):
            in_sentence = _countries_of_lists(context, in_sentence)
        if any(m.type == COUNTRY for m in in_sentence):
            in_sentence = _envoys_after_their_countries(context, in_sentence)
        if not _IN_CAPACITY.isdisjoint(norms[sentence.first : sentence.last]):
            in_sentence = _offices_in_capacity(norms, in_sentence)
        if norms[sentence.first] in ITEM_MARKS and (office := office_listed_under(doc, sentence)):
            in_sentence = _envoy_of_list_item(context, in_sentence, office)
        mentions.extend(in_sentence)
        surnames = surnames | _surnames_of(in_sentence)
        family = family | {m.name[-1] for m in in_sentence if m.type == PERSON and m.named and len(m.name) >= 2}
    return mentions


def _kept(ctx: _Context, mention: ActorMention, last_person: int) -> bool:
    """Whether find_mentions keeps a mention _mentions_at found."""
    if mention.type == PERSON and ctx.sentence.kind == DATELINE:
        return False  # "القاهرة - كتب: أحمد سمير": the writer
    if _after_byline(ctx.norms, mention.head, ctx.sentence.first):
        return False
    # "الشيخ عبدالله بن زايد آل نهيان بالجهود": no second name inside the one just read; "(د ب أ)":
    # an agency's letters, not "د." and a name
    if mention.type == PERSON and mention.named and (
        mention.first < last_person or all(len(w) == 1 for w in mention.name)
    ):
        return False
    return not _writer_before_dateline(ctx, mention)


DELEGATION_WORDS = frozenset(normalize(w) for w in ("الوفد", "وفد", "وفدا", "وفداً"))
_ACCOMPANYING_WORDS = frozenset(normalize(w) for w in ("المرافق", "المرافقة", "المرافقين", "مرافق", "مرافقا"))
_DELEGATION_KINDS = frozenset(normalize(w) for w in (
    "الحكومي", "حكومي", "حكوميا", "الرسمي", "رسمي", "رسميا", "البرلماني", "برلماني", "برلمانيا", "العسكري",
    "عسكري", "عسكريا", "الأمني", "أمني", "أمنيا", "الاقتصادي", "اقتصادي", "اقتصاديا", "الوزاري", "وزاري", "وزاريا",
    "رفيع", "الرفيع",
))  # fmt: skip
# words after which those named attend or host, no longer the delegation's members
_NOT_MEMBERS = frozenset(normalize(w) for w in ("حضر", "وحضر", "بحضور", "حضره", "وحضره", "استقبله", "التقى"))


def _delegations_in(norms, first: int, last: int) -> list[tuple[int, str]]:
    """(token, country key) of each delegation named by its country's nisba between first and last:
    "الوفد الأمريكي"، "وفداً صينياً"، "الوفد الحكومي الأمريكي"، "الوفد الوزاري المرافق للرئيس الإيراني"."""
    found = []
    for k in positions(map(DELEGATION_WORDS.__contains__, norms[first : last - 2]), first):  # (walked in C)
        at = k + 2 if norms[k + 1] in _DELEGATION_KINDS else k + 1
        country = _nisba_country(norms[at])
        if not country and norms[at] in _ACCOMPANYING_WORDS and at + 2 < last:
            country = _nisba_country(norms[at + 2])  # "الوفد الوزاري المرافق للرئيس الإيراني"
        if country:
            found.append((k, f"country:{country}"))
    return found


def _nisba_country(norm: str) -> str:
    """The country of a nisba, also in the indefinite accusative ("وفداً صينياً")."""
    found = gz.nisba_index().get((norm,)) or (norm[-1:] == "ا" and gz.nisba_index().get((norm[:-1],)))
    return found[0] if found and len(found) == 1 else ""


def _member_of_delegation(ctx: _Context, mention: ActorMention, delegations) -> list[str]:
    """ "استقبل X الوفد الحكومي الأمريكي الذي ترأسه منسق ... Y، وضم ... Z": an official whose office
    names no country, listed after a delegation of a country, is one of it (unless a word between
    says those named attend it instead)."""
    known = gz.known(mention.key) if mention.key else None
    if known is not None and known.represents:
        return []
    return [
        key
        for k, key in delegations
        if k < mention.head <= k + _MEMBERS_REACH and _NOT_MEMBERS.isdisjoint(ctx.norms[k : mention.head])
    ][-1:]


_MEMBERS_REACH = 45


# offices held abroad: those beside them in a list are often the hosts
_FOREIGN_KINDS = frozenset({"diplomat", "envoy", "counterpart"})
_SIDE_WORDS = frozenset(normalize(w) for w in ("الجانب", "الطرف", "الوفد"))


def _countries_of_lists(ctx: _Context, found: list[ActorMention]) -> list[ActorMention]:
    """Officials whose office names no country, in a sentence that says whose they are:
    "وحضره من الجانب الكويتي X، وY" (the side named before them), and "وزير الخارجية السوري X
    ووزير شؤون رئاسة الجمهورية Y" (the one before in a list joined by و, of another office)."""
    norms = ctx.norms
    sides = []  # (token, country key) of "الجانب الكويتي"
    first, last = ctx.sentence.first + 1, ctx.sentence.last - 1
    for k in positions(map(_SIDE_WORDS.__contains__, norms[first:last]), first):  # (words walked in C)
        if norms[k - 1] in ("من", "ومن", "عن", "وعن"):
            nisba = gz.nisba_index().longest_at(norms, k + 1, ctx.sentence.last, clitics=False)
            if nisba is not None:
                sides.append((k, f"country:{nisba.payload}"))
    delegations = _delegations_in(norms, ctx.sentence.first, ctx.sentence.last)
    result: list[ActorMention] = []
    for mention in found:
        if mention.type == PERSON and mention.role and not mention.represents and not mention.counterpart:
            side = [key for k, key in sides if k < mention.head] or _member_of_delegation(ctx, mention, delegations)
            before = result[-1] if result else None
            principal = _principal_of_pronoun(ctx, mention, result)
            if side:
                mention = mention._replace(represents=side[-1])
            elif principal:
                mention = mention._replace(represents=principal)  # "الرئيس النيجيري ... عبر مبعوثه الخاص X"
            elif (
                before is not None
                and before.type == PERSON
                and before.named
                and before.represents.startswith("country:")
                and before.role
                and mention.head == before.last
                and norms[mention.head][:1] == "و"
                and _role_kind(mention.role) not in _FOREIGN_KINDS
                and _role_kind(before.role) not in _FOREIGN_KINDS  # "السفيرة الأميركية X ونائب رئيس مجلس النواب Y"
            ):
                mention = mention._replace(represents=before.represents)
        result.append(mention)
    return result


# an office said once in the plural for a list of holders, and the office of each
_PLURAL_OFFICES = {normalize(p): s for p, s in (("السفراء", "سفير"), ("سفراء", "سفير"), ("القناصل", "قنصل"))}
_PLURAL_MINISTERS = frozenset(normalize(w) for w in ("وزراء", "ووزراء"))
_FOREIGN_AFFAIRS = frozenset(normalize(w) for w in ("خارجية", "الخارجية"))
_PLURAL_COUNTERPARTS = frozenset(normalize(w) for w in ("نظرائه", "نظرائها", "نظرائهم", "بنظرائه", "مع نظرائه"))
_PLURAL_WORDS = frozenset(_PLURAL_OFFICES) | _PLURAL_MINISTERS | _PLURAL_COUNTERPARTS  # (and a clitic on the first)
_EACH_OF = frozenset(normalize(w) for w in ("كل", "لكل", "كلا", "كلاً", "كلًا", "وكل"))
_PLURAL_WORD = WordTest(lambda norm: norm in _PLURAL_WORDS or norm[1:] in _PLURAL_OFFICES)


def _envoys_after_their_countries(ctx: _Context, found: list[ActorMention]) -> list[ActorMention]:
    """ "أوراق اعتماد السفراء الجدد لكل من مملكة البحرين السيد X، وجمهورية مالطا السيد Y"، "سفراء
    أستراليا X، وباكستان Y"، "وزراء خارجية غرينادا، X، وفنلندا، Y"، "مع نظرائه من إيرلندا، X":
    holders of an office said once, in the plural, each named after the country he serves."""
    norms = ctx.norms
    office, listed_from = "", -1
    first, last = ctx.sentence.first, ctx.sentence.last - 2
    # (nearly every word holds no plural office: the others are found in C)
    for k in positions(map(_PLURAL_WORD.__getitem__, norms[first:last]), first):
        office, after = _plural_office_at(ctx, found, k)
        if not office:
            continue
        if after + 1 < ctx.sentence.last and norms[after] in (":", "："):
            after += 1  # "وتضمنت الدفعة سفراء: أستراليا X، كوبا Y"
        each = next((j for j in range(after, min(after + 4, ctx.sentence.last - 1))
                     if norms[j] in _EACH_OF and norms[j + 1] == "من"), None)  # fmt: skip
        if each is not None:
            listed_from = each
        elif norms[after] == "من" or _country_at(found, after):
            listed_from = after - 1  # "نظرائه من إيرلندا"، "سفراء أستراليا"
        if listed_from >= 0:
            break
    if listed_from < 0:
        return found
    result: list[ActorMention] = []
    country = None  # the last country of the list read
    # "X، سفير جمهورية كوريا، وY، سفير كندا": a country in one envoy's own office names no next one
    owned = {
        m.first
        for m in found
        for office in found
        if m.type == COUNTRY and office.type == PERSON and not office.named and office.number == 1
        and office.first < m.first < office.last
    }
    for mention in found:
        if mention.type == COUNTRY and mention.key and mention.first > listed_from and mention.first not in owned:
            country = mention
        elif (
            mention.type == PERSON
            and mention.named
            and mention.first > listed_from
            and not mention.represents
            and country is not None
            and _listed_after(ctx, country) in (mention.first, mention.title_first)
        ):
            role = office if not mention.role or mention.title_first <= listed_from + 1 else mention.role
            mention = mention._replace(role=role, represents=country.key)
            country = None
        result.append(mention)
    # "وفنلندا، ماتي لاين، والنمسا، هيلغا برانت.": names no list knows, set off after their country
    taken = {m.first for m in result} | {m.title_first for m in result}
    for mention in list(result):
        if mention.type == COUNTRY and mention.key and mention.first > listed_from and mention.first not in owned:
            start = _listed_after(ctx, mention)
            name = _words_set_off(ctx, start, closing=True) if start not in taken and start > mention.last else None
            name = name or _list_item_name(ctx, start, result)
            if name is not None:
                result = [m for m in result if not (m.type == PERSON and start <= m.first < name.last)]
                result.append(name._replace(role=office, represents=mention.key))
    return sorted(result, key=lambda m: (m.first, m.last)) if len(result) > len(found) else result


_ITEM_ENDS = frozenset(("،", ",", "؛", ";", ".", ":"))
_ITEM_REACH = 5

_LIST_ITEMS = 40  # the items of one list of envoys under its heading, at most
# what sets an item's name off from the country after it ("X – تركيا"، "X (كندا)")
_ITEM_SEPARATORS = frozenset(("-", "–", "—", "،", ",", "(", ":"))


def office_listed_under(doc: Document, sentence: Sentence) -> str:
    """The office of each holder a list names, one a line, under a heading in the plural that ends
    on a colon ("السفراء الجدد المعتمدون لدى المملكة:"، "وفي ما يلي قائمة سفراء تونس الجدد:")."""
    norms = doc.token_norms
    at = sentence.index - 1
    floor = max(-1, sentence.index - _LIST_ITEMS)  # (a list runs so long at most: time stays linear)
    while at > floor and norms[doc.sentences[at].first] in ITEM_MARKS:
        at -= 1  # past the items read before
    if at <= floor:
        return ""
    heading = doc.sentences[at]
    if heading.last - heading.first < 2 or norms[heading.last - 1] != ":":
        return ""
    heading_words = norms[heading.first : heading.last]
    office = next((_PLURAL_OFFICES.get(w) or _PLURAL_OFFICES[w[1:]]
                   for w in heading_words if w in _PLURAL_OFFICES or w[1:] in _PLURAL_OFFICES), "")  # fmt: skip
    if not office and not _ATTENDANCE.isdisjoint(heading_words):
        return ATTENDEES  # "جرى اللقاء بحضور السادة:": those present, each with an office of his own
    return office


# "جرى اللقاء بحضور السادة:"، "وحضر اللقاء كل من:": a heading of those present, one a line
_ATTENDANCE = frozenset(normalize(w) for w in ("بحضور", "حضر", "وحضر", "حضره", "وحضره", "حضرها", "وحضرها"))
ATTENDEES = "*"  # office_listed_under's answer for such a heading: no office of its own


def _envoy_of_list_item(ctx: _Context, found: list[ActorMention], office: str) -> list[ActorMention]:
    """An item of a list of envoys: "- مصطفى إلكر كيليش – تركيا" (the name, then the state he
    serves) or "*محمد كريم بودالي سفيرا لتونس لدى الكويت" (the name, then his own office): the words
    before are all the name, however foreign."""
    norms, end = ctx.norms, ctx.sentence.last
    start = _skip_honorifics(ctx, ctx.sentence.first + 1, excellency=True)[0]
    tail = end - 1 if norms[end - 1] in (".", ")") else end
    country = next((m for m in found if m.type == COUNTRY and m.key and m.last == tail), None)
    if country is None and tail - 1 > start and (code := gz.ambiguous_country_names().get(norms[tail - 1])):
        # "- فافري كامارا – مالي": after the name's dash, مالي is the state, not "financial"
        country = _span_mention(ctx, tail - 1, tail, 0, COUNTRY, [norms[tail - 1]], key=f"country:{code}")
        found = [*found, country]
    own_office = next((m for m in found if m.type == PERSON and not m.named and m.role and m.first > start + 1), None)
    if office != ATTENDEES and country is not None and country.first - 1 > start + 1 and (
        norms[country.first - 1] in _ITEM_SEPARATORS
    ):
        close, role, represents = country.first - 1, office, country.key
    elif own_office is not None:
        # ("– X، مديرة ديوان الوزير الأول": the office set off by a comma)
        comma = norms[own_office.first - 1] in ("،", ",")
        close, role, represents = own_office.first - comma, own_office.role, own_office.represents
    else:
        return found
    name = _item_name(ctx, start, close, found)
    if name is None:
        return found
    kept = [m for m in found if not (m.type == PERSON and m.named and start <= m.first < close)]
    return sorted([*kept, name._replace(role=role, represents=represents)], key=lambda m: (m.first, m.last))


def _item_name(ctx: _Context, start: int, close: int, found: list[ActorMention]) -> ActorMention | None:
    """The two to six words [start, close) as a person's name, when each may be a name's word."""
    norms = ctx.norms
    read = next((m for m in found if m.type == PERSON and m.named and (m.first, m.last) == (start, close)), None)
    if read is not None:
        return read  # "سامي بن عبد الله بن عثمان الصالح": a name already read whole
    if not 2 <= close - start <= _MAX_NAME_WORDS + 2:
        return None
    if any(m.type != PERSON and start <= m.first < close for m in found) or not _item_words(ctx, start, close):
        return None
    return _span_mention(ctx, start, close, 0, PERSON, norms[start:close])


def _item_words(ctx: _Context, start: int, close: int) -> bool:
    """May each word of a list item's [start, close) be a name's, however foreign? No function word,
    office, word of what a person is, nor everyday word that is no given name."""
    norms, end = ctx.norms, ctx.sentence.last
    return all(
        _is_arabic_word(norms[m]) and not _function_word(norms[m]) and not _person_noun(norms[m])
        and (norms[m] not in everyday_words() or norms[m] in given_names())
        and titles().longest_at(norms, m, end) is None
        for m in range(start, close)
    )  # fmt: skip


def _list_item_name(ctx: _Context, start: int, found: list[ActorMention]) -> ActorMention | None:
    """ "سفراء: أستراليا ربيكا استير غريندلاي، كوبا ألكسندر بيليسر موراغا، ...": in a list of envoys
    after their countries, the two to five words up to the item's end are the name, however foreign
    (a name read shorter than that is only its start)."""
    norms, end = ctx.norms, ctx.sentence.last
    close = next((c for c in range(start + 2, min(end, start + _ITEM_REACH) + 1)
                  if c == end or norms[c] in _ITEM_ENDS), None)  # fmt: skip
    if close is None or any(m.type != PERSON and start <= m.first < close for m in found):
        return None
    if not _item_words(ctx, start, close) or any(norms[m][:1] == "و" for m in range(start + 1, close)):
        return None
    known = next((m for m in found if m.type == PERSON and m.first == start and m.key), None)
    if known is not None and (known.last >= close or gz.known(known.key) is not None):
        return None  # a name already read whole, or one the gazetteer knows
    return _span_mention(ctx, start, close, 0, PERSON, norms[start:close])


def _listed_after(ctx: _Context, country: ActorMention) -> int:
    """Where the holder's name starts after his country in a list: past a comma and honorifics."""
    at = country.last + (_peek(ctx.norms, country.last, ctx.sentence.last) in ("،", ","))
    return _skip_honorifics(ctx, at)[0]


def _plural_office_at(ctx: _Context, found: list[ActorMention], k: int) -> tuple[str, int]:
    """(the office of each, the token after the plural office) where k holds one, else ("", k)."""
    norms = ctx.norms
    plural = _PLURAL_OFFICES.get(norms[k]) or _PLURAL_OFFICES.get(norms[k][1:])
    if plural:
        return plural, k + 1
    if norms[k] in _PLURAL_MINISTERS and _peek(norms, k + 1, ctx.sentence.last) in _FOREIGN_AFFAIRS:
        return "وزير الخارجية", k + 2
    if norms[k] in _PLURAL_COUNTERPARTS:
        # "أجرى بوريطة مباحثات مع نظرائه من ...": the office of the one they are counterparts of
        holder = next((m for m in reversed(found) if m.type == PERSON and m.last <= k and _office_known(m)), None)
        if holder is not None:
            return _counterpart_office(_office_known(holder)), k + 1
    return "", k


def _country_at(found: list[ActorMention], k: int) -> bool:
    return any(m.type == COUNTRY and m.first == k for m in found)


_MINISTERS = normalize("وزراء")


def _offices_shared_out(ctx: _Context, found: list[ActorMention]) -> list[ActorMention]:
    """ "ووزراء الخارجية، مولود جاويش أوغلو، والاقتصاد نهاد زيبكجي، والزراعة والثروة الحيوانية X"،
    "وزيرا العدل X والخارجية Y": ministers said once in the plural or the dual, each holder named
    after his ministry (read as a name after an office, whatever kg knows of its words)."""
    norms, doc, end = ctx.norms, ctx.doc, ctx.sentence.last
    result = list(found)
    for plural in found:
        if not (plural.type == PERSON and not plural.named and plural.number in (2, 3)):
            continue
        head = norms[plural.first]
        if plural.last - plural.first < 2 or not (
            head[-len(_MINISTERS) :] == _MINISTERS or (plural.number == 2 and head in _DUAL_MINISTERS)
        ):
            continue
        ministry = [doc.tokens[k].text for k in range(plural.first + 1, plural.last)]
        if not _fields_at(ctx, plural.first + 1, plural.last):
            continue  # "وزراء خارجية الدول الأعضاء"، "وزيرا للخارجية": no ministries shared out
        k, represents, last_ministry = plural.last, plural.represents, ministry
        while k < end:
            while k < end and norms[k] in ("،", ","):
                k += 1
            if k >= end:
                break  # (the sentence ends on a comma)
            nisba = gz.nisba_index().longest_at(norms, k, end) if not ministry and norms[k][:1] == "و" else None
            if nisba is not None and nisba.clitic:
                # "وزيري الخارجية سامح شكري والعراقي فؤاد حسين": the same ministry, another state's
                ministry, represents, k = last_ministry, f"country:{nisba.payload}", nisba.last
            if not ministry:
                field = k  # the next ministry: "والاقتصاد"، "والزراعة والثروة الحيوانية"
                while k < end and k - field < 4 and _fields_at(ctx, k, k + 1):
                    k += 1
                ministry = [doc.tokens[m].text for m in range(field, k)]
                if not ministry or not norms[field].startswith("وال"):
                    break
                ministry[0] = ministry[0][1:]
            own = next((m for m in result if m.type == PERSON and m.first == k), None)
            if own is not None and own.role:
                break  # a holder with an office of his own
            name = _name_after(ctx, k, after_title=True)
            if name is None or name.type != PERSON or not name.named:
                # "والطاقة ألب أرسلان بيرقدار، والدفاع يشار غولر": a name not read, the list goes on past its comma
                comma = next((m for m in range(k, min(end, k + _MAX_NAME_WORDS + 1)) if norms[m] in ("،", ",")), end)
                if comma + 1 >= end or not norms[comma + 1].startswith("وال"):
                    break
                last_ministry, ministry, k = ministry, [], comma + 1
                continue
            name = name._replace(role="وزير " + " ".join(ministry), represents=name.represents or represents)
            result = [m for m in result if not (m.type == PERSON and m.named and k <= m.first < name.last)]
            at = next((n for n, m in enumerate(result) if m.first >= name.first and m is not plural), len(result))
            result.insert(at, name)
            last_ministry, ministry, k = ministry, [], name.last
    return result


def _fields_at(ctx: _Context, first: int, last: int) -> bool:
    """Are the words first..last a ministry's definite fields ("العدل"، "والثروة الحيوانية"), written
    with the article (not a foreign name in أل: "ألب أرسلان") and no nisba ("والعراقي")?"""
    return first < last and all(
        ctx.doc.tokens[m].text.startswith(("ال", "وال"))
        and not gz.nisba_index().longest_at(ctx.norms, m, m + 1)
        and not _title_word(ctx.norms[m])
        for m in range(first, last)
    )


_DUAL_MINISTERS = frozenset(normalize(w) for w in ("وزيرا", "وزيري"))


_ENVOY_STEMS = frozenset(normalize(w) for w in ("مبعوث", "ممثل", "مستشار", "سفير", "رسول"))


def _principal_of_pronoun(ctx: _Context, mention: ActorMention, before: list[ActorMention]) -> str:
    """ "مبعوثه الخاص"، "ممثله": whom the pronoun points at, the person named before, serves the
    country the envoy serves."""
    if mention.title_first < 0:
        return ""
    text = ctx.doc.tokens[mention.title_first].text
    if not text.endswith("ه") or normalize(text[:-1]) not in _ENVOY_STEMS:
        return ""
    person = next((m for m in reversed(before) if m.type == PERSON and m.named), None)
    return person.represents if person is not None and person.represents.startswith("country:") else ""


def _surnames_of(mentions: list[ActorMention]) -> frozenset[str]:
    """"المالكي" of "رياض المالكي": the family names (ال-words) that end the names read so far."""
    return frozenset(
        m.name[-1]
        for m in mentions
        if m.type == PERSON and m.named and len(m.name) >= 2 and m.name[-1].startswith("ال")
        and m.name[-1] not in office_words() and m.name[-1] not in everyday_words()
    )


_BYLINE_CUES = frozenset(normalize(w) for w in ("كتب", "كتبت", "بقلم", "تصوير", "متابعة", "إعداد", "تحرير"))


def _after_byline(norms, head: int, first: int) -> bool:
    """"كتبت: هند باسم أجرى الوزير ...": a writer's name run into the first line of the body."""
    return head - 2 >= first and norms[head - 1] in (":", "-") and norms[head - 2] in _BYLINE_CUES


def _writer_before_dateline(ctx: _Context, mention: ActorMention) -> bool:
    """"أحمد جودة - القاهرة - التقى ...": a name opening a line, then a dash and a city, is the writer's."""
    if mention.type != PERSON or mention.title_first >= 0 or mention.first != ctx.sentence.first:
        return False
    norms, end = ctx.norms, ctx.sentence.last
    if _peek(norms, mention.last, end) not in ("-", "–", "—"):
        return False
    place = _best_entity(ctx, mention.last + 1) if mention.last + 1 < end else None
    return place is not None and place.payload.entity.type in (PLACE, COUNTRY)


def _same_kind_of_office(role: str, title) -> bool:
    """No office yet, or one of the same kind ("الرئيس بول كاغامي رئيس جمهورية رواندا")."""
    if not role:
        return True
    before = titles().longest_at(tuple(normalize(role).split()), 0, clitics=True)
    return before is None or before.payload.kind == title.payload.kind


def _counterpart_roles(found: list[ActorMention], before: list[ActorMention], norms) -> list[ActorMention]:
    """"نظيره" holds the office of the person the sentence spoke of before."""
    result = []
    for mention in found:
        if mention.counterpart and not mention.role:
            holder = next(
                (m for m in reversed(before) if m.type == PERSON and _office_known(m) and not m.counterpart), None
            )
            if holder is not None:
                role = _counterpart_office(_office_known(holder))
                title_word = norms[mention.title_first] if mention.title_first >= 0 else ""
                if not _FEMININE_COUNTERPART.isdisjoint(clitic_stems(title_word)):
                    role = _feminine_office(role)  # "نظيرته الروسية": the woman who holds it
                mention = mention._replace(role=role)
        result.append(mention)
    return result


def _office_known(mention: ActorMention) -> str:
    """The office the text gives the person here, else the one kg knows him by ("وقال فيدان")."""
    if mention.role and normalize(mention.role) not in _NAME_RANKS:
        return mention.role
    known = gz.known(mention.key) if mention.key and mention.named else None
    if known is not None and known.type == PERSON and known.role:
        return known.role  # "الأمير فيصل ... بنظيره": his office, not his rank
    return mention.role


_FEMININE_COUNTERPART = frozenset(normalize(w) for w in ("نظيرته", "نظيرتها"))


def _feminine_office(role: str) -> str:
    """"المتحدث باسم وزارة الخارجية" held by a woman: "المتحدثة باسم وزارة الخارجية"."""
    head, _, rest = role.partition(" ")
    if head.endswith(("ة", "ه")) or not head:
        return role
    return f"{head}ة {rest}".strip()


def _counterpart_office(role: str) -> str:
    """The office a counterpart holds: a minister's in its common name ("وزير الشؤون الخارجية
    والتعاون الإفريقي" is Morocco's name for it, the counterpart is "وزير الخارجية"), any other
    without whose it is."""
    words = tuple(normalize(role).split())
    # ("نائب رئيس مجلس الوزراء وزير الخارجية": of offices stacked, the minister's is the counterpart's)
    for start in range(len(words)):
        for size in range(min(4, len(words) - start), 0, -1):
            common = _ministers_by_phrase().get(words[start : start + size])
            if common:
                return common
    return _office_only(role)


@cache
def _ministers_by_phrase() -> dict[tuple[str, ...], str]:
    """Normalised phrases of a minister's office class (office_classes.tsv) -> the class's first phrase."""
    first: dict[str, str] = {}
    found: dict[tuple[str, ...], str] = {}
    for row in read_table("office_classes.tsv"):
        common = first.setdefault(row["class"], row["phrase"])
        if common.startswith("وزير"):
            found[tuple(normalize(row["phrase"]).split())] = common
    return found


def _office_only(role: str) -> str:
    """"وزير الخارجية" of "وزير الخارجية الروسي": the office without whose it is."""
    kept = []
    for word in role.split():
        norm = normalize(word)
        if gz.nisba_index().longest_at((norm,), 0, clitics=False) or gz.name_index().longest_at((norm,), 0):
            break
        kept.append(word)
    return " ".join(kept) or role


def _mentions_at(ctx: _Context, i: int, last_person: int = -9, last_role: str = "") -> tuple[list[ActorMention], int]:
    norms, end = ctx.norms, ctx.sentence.last
    norm = norms[i]
    word = _WORDS[norm]
    if not word.arabic:
        if ctx.doc.tokens[i].text[:1].isupper() and norm[:1].isascii():
            # "(CNN)"، "شركة IBM": a name the gazetteer writes in Latin letters, capitalised as names are
            entity = _best_entity(ctx, i)
            if entity is not None:
                return [_entity_mention(ctx, entity)], entity.last
        return [], i + 1
    if ctx.family:
        if norm in ctx.family and norm not in given_names() and _office_word_alone(ctx, i):
            # "وجدد رئيسي خلال اللقاء": the surname of "إبراهيم رئيسي" named before, not "my president"
            return [_span_mention(ctx, i, i + 1, 0, PERSON, [norm])], i + 1
        if norm in ctx.family and _surname_alone(ctx, i):
            # "مولود جاويش أوغلو ..." then "وأضاف أوغلو،": the surname of one named before
            return [_span_mention(ctx, i, i + 1, 0, PERSON, [norm])], i + 1
        if norm[:1] == "و" and norm[1:] in ctx.family and _surname_alone(ctx, i, clitic=1):
            return [_span_mention(ctx, i, i + 1, 1, PERSON, [norm[1:]])], i + 1  # "أوغلو وبوقادوم"
    # names no list knows, by where they stand: after a nisba that stands for a person, as the
    # subject of a reporting verb, before an office in apposition
    unlisted = None
    if word.nisba:
        unlisted = _name_after_nationality(ctx, i)
    elif i > ctx.sentence.first and _REPORTING.get(norms[i - 1], True) and _reporting_verb(norms[i - 1]):
        unlisted = _subject_of_reporting_verb(ctx, i)
    if unlisted is not None:
        return [unlisted], unlisted.last
    after_list = norms[i - 1] in _LIST_MARKS and i > ctx.sentence.first
    if word.starts_nothing and not after_list:
        return [], i + 1  # (most words of prose: none of the readings below begins at them)
    airport = _airport_at(ctx, i) if word.airport else None
    if airport is not None:
        return [airport], airport.last
    palace = (_palace_at(ctx, i) or _seat_palace_at(ctx, i)) if word.palace else None
    if palace is not None:
        return [palace], palace.last
    if word.met_by_name and _met_by_name(ctx, i):
        name = _name_after(ctx, i, after_title=False, met=True)
        if name:
            return [name], name.last
    listed = _name_listed_before_office(ctx, i) if after_list else None
    if listed is not None:
        return [listed], listed.last
    if not word.mention:
        name = _name_before_office(ctx, i) if word.unknown_name else None
        return ([name], name.last) if name is not None else ([], i + 1)
    if word.no_office_nor_body:
        # (most words left: a known name or a given name may start here, but no office nor body)
        entity = _best_entity(ctx, i)
        if entity is not None and not _adjective_alias(ctx, entity):
            return [_entity_mention(ctx, entity)], entity.last
        return _unlisted_name_at(ctx, i)
    pronoun = _honorific_pronoun(ctx, i)
    if pronoun is not None:
        return [pronoun], i + 1
    entity = _best_entity(ctx, i)
    title = titles().longest_at(norms, i, end)
    if title is not None and title.payload.number == 2 and (
        _accusative_envoy(ctx.doc, title, end) or (i == last_person and _envoy_in_accusative_at(ctx, i))
    ):
        # "سفيراً فوق العادة": the accusative of one envoy, not the dual "سفيرا" (two envoys of)
        title = title._replace(payload=replace(title.payload, number=1))
    if title is not None and title.payload.kind == "deputy" and i > ctx.sentence.first and norms[i - 1] in _HELP_BEFORE:
        title = None  # "حرص بلاده على مساعدة الشعب": help, a verbal noun, not an assistant
    if title is not None and _preposition_written(ctx, title):
        title = None  # "وإلى الملكة": "and to", which normalises to the governor's office "والي"
    if (
        title is not None and title.last == i + 1 and not norms[i].startswith("ال")
        and norms[i] in given_names() and _peek(norms, i + 1, end) in ("بن", "ابن")
    ):  # fmt: skip
        # "سلطان بن عبدالله العنقري": a given name, then his father's, not the office of a sultan
        name = _name_after(ctx, i, after_title=True)
        if name is not None:
            return [name], name.last
        title = None
    if title is not None and not _entity_covers(entity, title):
        # "هاكان فيدان وزير الخارجية ومحمد شيمشك": an office right after a name describes that name
        # ("استقبل الرئيس بشار الأسد وزير الخارجية الإيراني": a name its office came before takes
        # no second one right after it; the office after it is whom he received)
        apposition = not title.clitic and (
            (i == last_person and _same_kind_of_office(last_role, title))
            or (i == last_person + 1 and norms[i - 1] in ("،", ",", ")"))
            # "أوراق اعتماد مامادو حيدرا سفيراً فوق العادة": an envoy's office in the accusative, his
            or (i == last_person and _envoy_in_accusative_at(ctx, i))
            # "وحضر اللقاء السفيرة X مساعد الوزير ...": in a list of those present no verb takes an object
            or (i == last_person and among_those_present(ctx.norms, i, ctx.sentence.first))
        )
        found, after = _titled(ctx, title, apposition)
        if found:
            return _honoured_office(ctx, i, found), after
    k, honorific, _ = _skip_honorifics(ctx, i, excellency=True)
    if k > i and k + 2 < end and norms[k] == "(":
        # "استقبل السيد (محمد المعلول) القائم بأعمال ...": a name the page sets off in brackets
        name = _name_after(ctx, k + 1, after_title=True)
        if name is not None and name.last < end and norms[name.last] == ")":
            return [name._replace(title_first=i, honorific=honorific)], name.last + 1
    if k > i and not (entity is not None and entity.last >= k and entity.payload.entity.type == PERSON):
        name = _name_after(ctx, k, after_title=True, woman=norms[k - 1] in _LADY)
        if name is None and (norms[k - 1] in _MISTER or norms[k - 1][1:] in _MISTER):
            name = _mister_before_office(ctx, k)
        elif name is not None and (norms[k - 1] in _MISTER or norms[k - 1][1:] in _MISTER):
            name = _extended_to_office(ctx, name)
        if name is not None:
            roles = (normalize_role(_span_text(ctx.doc, i, i + 1)),) if honorific in _ROYAL_HONORIFICS else ()
            return [name._replace(title_first=i, honorific=honorific, extra_roles=roles)], name.last
        if titles().longest_at(norms, k, end) is not None:
            return [], k  # "سمو ولي العهد": the office is read next
    if entity is not None and _adjective_alias(ctx, entity):
        entity = None  # "بالعاصمة العمانية مسقط": the adjective, not the agency it also names
    if entity is not None:
        return [_entity_mention(ctx, entity)], entity.last
    organisation = _organisation_at(ctx, i) or _named_body_at(ctx, i) or _office_of_holder_at(ctx, i)
    if organisation is not None:
        return [organisation], organisation.last
    return _unlisted_name_at(ctx, i)


def _preposition_written(ctx: _Context, title) -> bool:
    """Is the governor's office "والي" written "وإلى"، "والى" (the preposition "and to")?"""
    if title.phrase[0] != "والي" or title.clitic:
        return False
    written = ctx.doc.tokens[title.first].text
    return written.endswith("ى") or "إ" in written


def _unlisted_name_at(ctx: _Context, i: int) -> tuple[list[ActorMention], int]:
    """_mentions_at's last readings: a name that begins with a given name (or a kunya), though no
    list knows it whole."""
    norms = ctx.norms
    if not _given_name_opens(norms[i]):
        return [], i + 1  # (most words: none of the readings below begins at them)
    if i > ctx.sentence.first and norms[i - 1] in _RELATIVE_PRONOUNS:
        return [], i + 1  # "الأزمة التي نشأت بسبب": after "التي" a verb, not a name ("نشأت")
    if (
        _starts_with_given_name(norms[i])
        or (norms[i][:1] == "و" and _starts_with_given_name(norms[i][1:]))
        or (norms[i][:1] == "و" and norms[i][1:] in given_names() and _surname_follows(ctx, i + 1))
        or (norms[i] in given_names() and _surname_follows(ctx, i + 1))
        or _kunya_at(ctx, i)
    ):
        name = _name_after(ctx, i, after_title=False, joined=norms[i][:1] == "و" and norms[i][1:] in given_names())
        if name:
            return [name], name.last
    # (a given name whose two words end at a comma or an office: the cheap tests first)
    closed = norms[i] in given_names() and (
        (after_two := _peek(norms, i + 2, ctx.sentence.last)) in ("،", ",") or _title_word(after_two)
    )
    if closed and _best_entity(ctx, i) is None:
        # "حضر اللقاء رضا عامري، سفير ...": a given name, even one that is a word too, and a surname
        # no list knows, set off before an office
        name = _name_before_office(ctx, i)
        if (
            name is not None
            and name.last == i + 2  # (two words, closed as tested above)
            and not name.name[1].startswith("ال")
            and name.name[1] not in everyday_words()
            and not _prose_shape(name.name[1])
        ):
            return [name], name.last

    return [], i + 1


@cache
def _given_name_opens(norm: str) -> bool:
    """A given name, with or without و, or "أبو": the words _unlisted_name_at's readings begin at."""
    return norm in given_names() or (norm[:1] == "و" and norm[1:] in given_names()) or norm == "ابو"


def _adjective_here(ctx: _Context, title, name: ActorMention) -> bool:
    """Is a profession's word an adjective of the definite noun before it ("المؤتمر الصحفي"، "المشهد
    الإعلامي"), the words after it no name of a person ("حضر اللقاء الكاتب علي رجب" is one)?"""
    i = title.first
    if title.clitic or i <= ctx.sentence.first or not ctx.norms[i - 1].startswith(("ال", "لل")):
        return False
    return not (name.key and gz.known(name.key)) and name.name[0] not in given_names()


class _Word:
    """What _mentions_at's first tests ask of a word alone, worked out once for each word (_WORDS):
    read as attributes of one object, they spare it a call for each."""

    __slots__ = ("airport", "arabic", "honorific", "mention", "met_by_name", "nisba", "nisba_start",
                 "no_office_nor_body", "office", "palace", "starts_nothing", "unknown_name")  # fmt: skip

    def __init__(self, norm: str):
        self.arabic = _is_arabic_word(norm)
        self.nisba = self.arabic and _may_be_nisba(norm)
        self.starts_nothing = _starts_nothing(norm)
        self.airport = "مطار" in norm
        self.palace = "قصر" in norm
        # (the word's own part of _met_by_name's test: ب on a given name)
        self.met_by_name = norm[:1] == "ب" and norm[1:] in given_names() and norm not in given_names()
        self.mention = _may_start_mention(norm)
        self.unknown_name = _may_start_unknown_name(norm)
        self.no_office_nor_body = _no_office_nor_body(norm)
        # and for _complement: may an honorific, an office, a nisba start at the word (through its clitics)?
        self.honorific = honorifics().may_match(norm)
        self.office = _title_word(norm)
        self.nisba_start = gz.nisba_index().may_match(norm)


_WORDS = WordTest(_Word)


@cache
def _no_office_nor_body(norm: str) -> bool:
    """No office, honorific (nor "سعادة"), honorific pronoun, ministry, bank, body or bureau can
    begin at this word: of _mentions_at's readings after the quick ones, only a known name's and
    _unlisted_name_at's may. Cached: at such a word ("في"، "اليوم"، "الدول"، "علي") those readings
    would each be asked in turn and each find nothing."""
    stems = clitic_stems(norm)
    return (
        not _title_word(norm)
        and honorifics()._by_first.keys().isdisjoint(stems)
        and norm not in _EXCELLENCY
        and _HONORIFIC_PRONOUNS.keys().isdisjoint(stems)
        and _ORG_HEADS.isdisjoint(stems)
        and _BANK_HEADS.isdisjoint(stems)
        and _BODY_HEADS.isdisjoint(stems)
        and _OFFICE_WORD not in norm
    )


@cache
def _starts_nothing(norm: str) -> bool:
    """No reading of _mentions_at after the nisba's and the reporting verb's can begin at this word,
    whatever stands around it (but a list's mark, asked apart): it holds no airport or palace,
    is no ب on a given name, and no mention nor unknown name may start with it. Cached: most
    words of prose are such words, and this spares them the tests one by one."""
    return not (
        "مطار" in norm
        or "قصر" in norm
        or (norm[:1] == "ب" and norm[1:] in given_names() and norm not in given_names())  # _met_by_name
        or _may_start_mention(norm)
        or _may_start_unknown_name(norm)
    )


def _words_to_read(ctx: _Context) -> list[int]:
    """The tokens of the sentence that _mentions_at has to be asked about, in order: all but the
    quiet words (_quiet_word) that stand neither after a reporting verb or a list's mark nor are,
    with or without و, the surname of someone named before; at those _mentions_at would find
    nothing, after the same tests. The words are walked in C (map, compress), not in Python."""
    first, last = ctx.sentence.first, ctx.sentence.last
    words = ctx.norms[first:last]
    read = map(_READ_ALONE.__getitem__, words)
    read = map(or_, read, chain((False,), map(_OPENS_NEXT.__getitem__, words)))  # (the first word follows nothing)
    if ctx.family:
        family_words = ctx.family | {"و" + word for word in ctx.family}  # "أوغلو وبوقادوم"
        read = map(or_, read, map(family_words.__contains__, words))
    return positions(read, first)


def _quiet_word(norm: str) -> bool:
    """A word at which _mentions_at finds nothing, unless it follows a reporting verb or a list's
    mark or is a surname named before: an Arabic word that is no nisba and starts nothing
    (_starts_nothing), or a mark or number (no capitalised Latin name). Cached: most words are."""
    if not _is_arabic_word(norm):
        return not (norm[:1].isascii() and norm[:1].isalpha())
    return not _may_be_nisba(norm) and _starts_nothing(norm)


def _opens_next_word(norm: str) -> bool:
    """A reporting verb (its subject may follow) or a list's mark: the next word is read whatever it is."""
    return norm in _LIST_MARKS or _reporting_verb(norm)


# (asked of every word of a text: kept as dicts, which map() looks words up in, in C)
_READ_ALONE = WordTest(lambda norm: not _quiet_word(norm))
_OPENS_NEXT = WordTest(_opens_next_word)


def _subject_of_verb_before(ctx: _Context, i: int, clitic: int) -> bool:
    """Right after a meeting or reporting verb, with no name going on after it: the verb's subject."""
    if clitic or i <= ctx.sentence.first or given_names().get(ctx.norms[i]) is not False:
        return False  # (only names that are no everyday words: not "أمل"، "سلام")
    before = ctx.norms[i - 1]
    trigger = triggers().longest_at(ctx.norms, i - 1, i)
    return _reporting_verb(before) or (trigger is not None and trigger.payload.pos == "verb")


def _surname_alone(ctx: _Context, i: int, clitic: int = 0) -> bool:
    """A surname no list holds alone (too common a word, or a weak one), of a person the article
    named before: no given name, no ال-word, no everyday word, and no name goes on after it."""
    norm = ctx.norms[i][clitic:]
    if norm in given_names() and not _subject_of_verb_before(ctx, i, clitic):
        return False  # ("فقد أجرى عمار مكالمة" after "نبيل عمّار": a given name as a surname, the verb's subject)
    if norm.startswith("ال") or len(norm) < 4 or norm in everyday_words():
        return False
    if is_stopword(norm) or _title_word(norm) or _best_entity(ctx, i) is not None:
        return False  # (a surname the gazetteer reads in context is read so: "وقال فيدان")
    following = _peek(ctx.norms, i + 1, ctx.sentence.last)
    return not (following in given_names() or _known_name_word(following)) or following in ctx.family


_HELP_BEFORE = frozenset(("علي", "في"))  # normalised على، في: "على مساعدة" is help, not an assistant
_AIRPORT_WORD = frozenset((normalize("مطار"),))
_INTERNATIONAL = frozenset(normalize(w) for w in ("الدولي", "الدولية", "الجوية"))


def _airport_at(ctx: _Context, i: int) -> ActorMention | None:
    """ "مطار الدوحة الدولي"، "مطار \"أيفاتو\" الدولي"، "مطار قاعدة الرياض الجوية": an airport no list
    knows, named up to الدولي (or الجوية) within a few words, is a place where guests are met."""
    norms, end = ctx.norms, ctx.sentence.last
    known = _best_entity(ctx, i)
    if known is not None and known.last > i + 1:
        return None  # an airport the gazetteer knows
    last = next((j + 1 for j in range(i + 2, min(end, i + 7)) if norms[j] in _INTERNATIONAL), None)
    if last is None or any(norms[j] in ("،", ",", ".", "؛") for j in range(i + 1, last)):
        return None
    clitic = next((t for t, stem in clitic_variants(norms[i]) if stem in _AIRPORT_WORD), None)
    if clitic is None:
        return None  # "مطارات": no airport's name
    words = [norms[i][clitic:], *(w for w in norms[i + 1 : last] if _is_arabic_word(w))]
    return _span_mention(ctx, i, last, clitic, PLACE, words, key="place:" + "_".join(words))


_PALACE_WORD = frozenset((normalize("قصر"),))


def _palace_at(ctx: _Context, i: int) -> ActorMention | None:
    """ "بقصر السيف"، "في قصر يمامة": a palace no list knows, its name one or two words after "قصر",
    is where a meeting was held."""
    norms, end = ctx.norms, ctx.sentence.last
    known = _best_entity(ctx, i)
    if known is not None and known.last > i + 1:
        return None  # a palace the gazetteer knows
    clitic = next((t for t, stem in clitic_variants(norms[i]) if stem in _PALACE_WORD and t <= 1), None)
    if clitic is None or i + 1 >= end:
        return None
    last = i + 1
    while last < end and last - i <= 2 and _palace_name_word(ctx, last):
        last += 1
    if last == i + 1:
        return None
    words = [norms[i][clitic:], *norms[i + 1 : last]]
    return _span_mention(ctx, i, last, clitic, PLACE, words, key="place:" + "_".join(words))


_SEAT_PALACE = frozenset((normalize("القصر"), normalize("قصر")))
# the palace a head of state receives in, named by whose it is: "القصر الجمهوري"، "القصر الرئاسي القبرصي"
_SEAT_ADJECTIVES = frozenset(normalize(w) for w in (
    "الجمهوري", "الرئاسي", "الملكي", "الأميري", "السلطاني", "الرئاسة", "الجمهورية",
))  # fmt: skip


def _seat_palace_at(ctx: _Context, i: int) -> ActorMention | None:
    """ "بالقصر الجمهوري"، "في القصر الرئاسي القبرصي": a head of state's palace, no list knows
    which (the nisba after it, when there is one, says whose country's)."""
    norms, end = ctx.norms, ctx.sentence.last
    clitic = next((t for t, stem in clitic_variants(norms[i]) if stem in _SEAT_PALACE and t <= 1), None)
    if clitic is None or i + 1 >= end or norms[i + 1] not in _SEAT_ADJECTIVES:
        return None
    if not norms[i][clitic:].startswith("ال") and norms[i + 1] not in ("الرياسه", "الجمهوريه"):
        return None  # "قصر الرئاسة" but not "قصر الجمهوري"
    last = i + 2
    nisba = gz.nisba_index().longest_at(norms, last, end, clitics=False) if last < end else None
    if nisba is not None:
        last = nisba.last
    known = _best_entity(ctx, i)
    if known is not None and known.last >= last:
        return None  # a palace the gazetteer knows ("القصر الجمهوري في بعبدا")
    words = [norms[i][clitic:], *norms[i + 1 : last]]
    return _span_mention(ctx, i, last, clitic, PLACE, words, key="place:" + "_".join(words))


def is_seat_palace(key: str) -> bool:
    """A head of state's palace named without its country ("place:القصر_الجمهوري")."""
    words = key.removeprefix("place:").split("_")
    return len(words) == 2 and words[0] in _SEAT_PALACE and words[1] in _SEAT_ADJECTIVES


def _palace_name_word(ctx: _Context, j: int) -> bool:
    norm = ctx.norms[j]
    if not _is_arabic_word(norm) or _function_word(norm) or _with_tanween(ctx.doc.tokens[j].text):
        return False
    if date_words().longest_at((norm,), 0, clitics=False) or titles().longest_at(ctx.norms, j, ctx.sentence.last):
        return False  # "في قصر اليوم"، "قصر الرئيس": no name of a palace
    if norm in _HONORIFIC_PRONOUNS:
        return False  # "بقصر سموه بالرياض": his palace, in the city after it
    known = _best_entity(ctx, j)
    return known is None or (known.payload.entity.type == PLACE and not known.clitic)


@cache
def _first_words() -> frozenset[str]:
    """Every word a mention can start with: first words of known names, offices, honorifics,
    the heads of bodies, given names, honorific pronouns."""
    found: set[str] = set(given_names()) | set(_HONORIFIC_PRONOUNS) | set(_ORG_HEADS) | set(_BODY_HEADS) | {"ابو"}
    found |= _EXCELLENCY
    found |= _BANK_HEADS | _HOLDERS_OFFICE
    for index in (gz.name_index(), titles(), honorifics()):
        found.update(index._by_first)
    return frozenset(found)


_NOUN_NISBA_BEFORE = frozenset(("،", ",", "(", ":", '"', "«", "»", "."))
# particles a noun follows, never a noun a nisba would be the adjective of
_PARTICLES_BEFORE_NOUN = frozenset(normalize(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "أمام", "ضد", "بعد", "قبل", "عند", "لدى", "حول", "و",
    "أو", "ثم", "لكن", "لكن", "أن", "إن", "بأن", "حيث", "إذ", "كما", "فيما", "بينما", "سوى", "مثل", "أما", "وأما",
    "ومع", "وبين", "وعلى", "وفي", "ومن", "لان", "لأن", "يد", "بيد",
))  # fmt: skip


def _name_after_nationality(ctx: _Context, i: int) -> ActorMention | None:
    """"والياباني هاروكي موراكامي"، "على الأسباني ألبرت بورتاس"، "مع الأمريكي جون كيري": a nisba
    that modifies no noun before it stands for a person of that country, whose name follows
    (the caller has seen a nisba at token i)."""
    norms, end = ctx.norms, ctx.sentence.last
    if i + 1 >= end:
        return None
    nisba = gz.nisba_index().longest_at(norms, i, i + 1)
    if nisba is None or not nisba.phrase[0].endswith(("ي", "يه")):
        return None  # a plural or dual nisba ("الإيرانيين") is no one person
    if _best_entity(ctx, i) is not None:
        return None  # "أن السعودية ستخفض": the name of a country
    if nisba.clitic and i > ctx.sentence.first and gz.nisba_index().longest_at(norms, i - 1, i, clitics=False):
        return None  # "الجانبين المصري والسوداني": adjectives in a row
    after_noun = False
    if not nisba.clitic and i > ctx.sentence.first:
        before = norms[i - 1]
        # after a noun ("العاصمة الفلبينية", "الجيش الفرنسي") the nisba is its adjective; not after
        # a word for a person ("المهاجم البرازيلي"، "الكاتب المسرحي البريطاني"), nor after a word
        # without ال, which a definite adjective cannot follow ("فوز التشيكي"، "فاز الأمريكي")
        if (
            before not in _NOUN_NISBA_BEFORE
            and before not in _PARTICLES_BEFORE_NOUN
            and not _verb_before(before)
            and not _indefinite_before(before, nisba.phrase[0])
        ):
            if not _person_before(ctx, i):
                return None
            after_noun = True
    known = _best_entity(ctx, i + 1)
    if known is not None and known.payload.entity.type != PERSON:
        # "التشيكي ميلان كونديرا": a town's name that a foreign surname follows is a given name
        town_as_name = known.payload.entity.type == PLACE and known.last == i + 2 and i + 2 < end
        if not (town_as_name and _foreign_word_shape(norms[i + 2]) and norms[i + 2] not in given_names()):
            return None
    if _past_verb_shape(norms[i + 1]):
        return None  # "المستشارة الألمانية تعرضت خلاله": a verb, not a name
    name = _name_after(ctx, i + 1, after_title=True)
    if name is None or (name.key and name.weak):
        return None
    first = name.name[0]
    foreign_rest = len(name.name) >= 2 and all(_foreign_word_shape(w) for w in name.name[1:])
    if first not in given_names() and len(first) == 4 and first[0] in "بلك" and not foreign_rest:
        return None  # "بشكل مطرد": a preposition on a noun ("كيمي رايكونن" is a name)
    if after_noun:
        # after a noun only what looks like a name is one: a given name, or foreign words without
        # a pronoun on them ("شركة إنرون الأمريكية تعاملها"); a foreign name ends before ال
        looks_foreign = _foreign_word_shape(first) and (foreign_rest or len(name.name) == 1)
        if not (given_names().get(first) is False or looks_foreign):
            return None
        if any(w.endswith(("هما", "هم", "ها", "كم")) and w not in given_names() for w in name.name):
            return None
        if len(name.name) >= 2 and first not in given_names() and name.name[-1].startswith("ال"):
            name = _span_mention(ctx, name.first, name.last - 1, 0, PERSON, name.name[:-1])
    if len(name.name) < 2 and not name.key and given_names().get(name.name[0]) is not False:
        if not _foreign_word_shape(name.name[0]):
            return None
        if _peek(norms, name.last, end) not in _NOUN_NISBA_BEFORE and not is_stopword(_peek(norms, name.last, end)):
            return None  # one unknown word: only when what follows closes it ("والفرنسي بيولي .")
    return name._replace(represents=name.represents or f"country:{nisba.payload}", title_first=i)


_RELATIVE_PRONOUNS = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"))


def _past_verb_shape(norm: str) -> bool:
    """ "تعرضت"، "تحدثت": the feminine past of تفعّل, which no name has the shape of."""
    return len(norm) == 5 and norm[0] == "ت" and norm[-1] == "ت" and norm not in given_names()


def _person_before(ctx: _Context, i: int) -> bool:
    """"المهاجم البرازيلي"، "للكاتب المسرحي البريطاني": a word for a person before the nisba, an
    adjective of his between them at most."""
    norms, first = ctx.norms, ctx.sentence.first
    k = i - 1
    if k > first and norms[k].startswith("ال") and norms[k].endswith("ي") and not _person_noun(norms[k]):
        k -= 1  # "المسرحي"، "الفني"، "الصاعد"
    return k >= first and _person_noun(norms[k])


def _indefinite_before(before: str, nisba: str) -> bool:
    """A word without ال before a nisba with it: the nisba is no adjective of that word."""
    return (
        nisba.startswith("ال")
        and _is_arabic_word(before)
        and not before.startswith(("ال", "وال", "بال", "لل", "فال", "كال", "ولل", "فلل", "وبال", "وكال"))
        and not before.endswith(("ه", "ها", "هم", "هما", "كم", "نا"))  # "نظيره الروسي": his counterpart
        and len(before) >= 3
    )


# what follows the subject of "قال": the words (إن، أن، :), an office in apposition, where or to whom
_AFTER_SPEAKER = frozenset(normalize(w) for w in (
    "إن", "أن", "بأن", ":", "،", ",", "في", "خلال", "أمام", "لدى", "قائلا", "قائلة",
))  # fmt: skip


def _subject_of_reporting_verb(ctx: _Context, i: int) -> ActorMention | None:
    """"وقال جورج هوفمان إن ..."، "وأضاف سري سكيك المتحدث باسم ...": the subject of a reporting
    verb, a name of two words or more that the words, an office or a media name follow (the
    caller has seen the verb before token i)."""
    norms, end = ctx.norms, ctx.sentence.last
    if i + 1 >= end:
        return None
    first = norms[i]
    following = _peek(norms, i + 1, end)
    # "وأضاف كامينين في بيان": where the words were said, right after the one who said them
    said_in = following == "في" and _peek(norms, i + 2, end) in _SPEECH_NOUNS
    alone = following in _WORDS_FOLLOW or _to_media(following) or said_in
    foreign = _foreign_word_shape(first) or (alone and _foreign_word_shape(first, subject=True))
    if first == "عبد" and f"عبد{following}" in given_names():
        first = f"عبد{following}"  # "وأوضح عبد العزيز بن علي ...": a given name written in two words
    if first not in given_names() and not foreign and not _family_name_shape(first):
        return None
    if _best_entity(ctx, i) is not None:
        return None  # a name kg knows is read as such
    if (_family_name_shape(first) or (foreign and len(first) >= 5)) and alone:
        # "وقال الاعرجي إن"، "وأضاف كامينين أنه": a family name alone, the words right after it
        return _span_mention(ctx, i, i + 1, 0, PERSON, [first])
    if first not in given_names() and not foreign:
        return None
    name = _name_after(ctx, i, after_title=True)
    if name is None or name.key or len(name.name) < 2:
        return None
    if first not in given_names() and not all(_foreign_word_shape(w) or w in given_names() for w in name.name[1:]):
        return None
    following = _peek(norms, name.last, end)
    if following in _AFTER_SPEAKER or _to_media(following) or titles().longest_at(norms, name.last, end):
        return name
    return None


_WORDS_FOLLOW = frozenset(normalize(w) for w in ("إن", "أن", "بأن", "إنه", "أنه", ":", '"', "«"))
_SPEECH_NOUNS = frozenset(normalize(w) for w in (
    "بيان", "تصريح", "تصريحات", "مؤتمر", "حديث", "مقابلة", "كلمة", "خطاب", "رسالة", "تغريدة", "منشور",
))  # fmt: skip


def _family_name_shape(norm: str) -> bool:
    """"الاعرجي"، "الهاجري"، "الربيعي": a family name of the nisba shape (ال...ي) that is no
    country's nisba nor any word of kg's lists."""
    return len(norm) >= 7 and _short_family_name(norm) and not _verbal_noun(norm[2:]) and _name_word(norm)


def _family_in_ta_closing(ctx: _Context, j: int, words: list[str]) -> bool:
    """A word in ة after a name of two words or more, read after an office, that no list knows as a
    word of prose ("الشمرة"، "بامخرمة"، "مشرفة"), where the name ends: before a mark, an office, a
    relative, or the و of the next item or clause."""
    norms, end = ctx.norms, ctx.sentence.last
    norm = norms[j]
    stem = norm[2:] if norm.startswith("ال") else norm
    if not ctx.doc.tokens[j].text.endswith("ة") and not norm.endswith("الله"):
        return False  # "بصفته": a pronoun in ه, no ة (but "الجارالله")
    if len(stem) < 4 or norm in everyday_words() or stem in everyday_words() or norm in office_words():
        return False
    if _verbal_noun(stem) or _person_noun(norm) or gz.nisba_index().get((norm,)) or is_stopword(norm):
        return False
    if not all(w in given_names() or w in _PARTICLES or _known_name_word(w) for w in words[:1]):
        return False  # (the name opens on a given name: "يوسف"، "محمد"، "أيمن")
    following = _peek(norms, j + 1, end)
    if norm.startswith("ال"):
        # ("حضر الوزير ناصر الأحمد الجلسة."، "... الجلسة وألقى": a noun of prose; only an office after it
        # says the name ended there: "محمد الأمين الشمرة السفير مدير ...")
        return _title_word(following)
    return _closes_name(following) or _title_word(following) or (following[:1] == "و" and len(following) > 2)


def _family_in_ta(norm: str) -> bool:
    """"الطراونة"، "الخصاونة"، "العضايلة": a tribe's name of the plural shape فعالِلة, which prose
    gives only to plurals of persons ("الأساتذة") that no name is followed by; not the verbal
    nouns in م of that shape ("المشاركة"، "المعارضة")."""
    return (
        len(norm) == 8
        and norm.startswith("ال")
        and norm[4] == "ا"
        and norm[7] == "ه"
        and norm[2] != "م"
        and all(c not in "اوي" for c in norm[2:4])
        and norm not in everyday_words()
        and norm not in office_words()
        and not gz.nisba_index().get((norm,))
        and not _person_noun(norm)
    )


def _short_family_name(norm: str) -> bool:
    """"العمري"، "الحكيمي": the nisba shape alone, short names too, read only where a name is
    already expected (`_family_name_shape` asks more of a word read anywhere)."""
    return (
        norm.startswith("ال")
        and norm.endswith("ي")
        and len(norm) >= 5
        and not gz.nisba_index().get((norm,))
        and norm not in everyday_words()
        and not _person_noun(norm)
    )


@cache  # (a test of the word alone, asked of the same words over and over)
def _foreign_word_shape(norm: str, subject: bool = False) -> bool:
    """A word that may be a name nobody listed: none of prose's shapes (ال, the participles in م,
    the plurals in ون/ين/ات/اء, the verbs), no word of kg's lists. As a verb's subject a plural
    would end in ون, so a long word in ين (not the nisba's يين) may be a name there ("كامينين")."""
    if len(norm) < 3 or norm.startswith("ال") or norm in everyday_words() or _function_word(norm):
        return False
    if norm[0] == "م" and norm[1] not in "اوي":
        return False  # "مسؤول"، "مصدر"، "متحدث": an Arabic participle or noun of place
    in_in = norm.endswith("ين") and not (subject and len(norm) >= 6 and not norm.endswith("يين"))
    if norm.endswith(("ون", "ات", "اء")) or in_in or _prose_shape(norm) or _person_noun(norm):
        return False
    return _name_word(norm) and _plausible_first_name(norm)


def _to_media(norm: str) -> bool:
    """"لصحيفة"، "لوكالة": to whom the words were said."""
    return norm[:1] == "ل" and norm[1:] in _MEDIA_NOUNS


def _may_be_nisba(norm: str) -> bool:
    cached = _NISBA_WORD.get(norm)
    if cached is None:
        cached = _NISBA_WORD[norm] = gz.nisba_index().longest_at((norm,), 0) is not None
    return cached


_NISBA_WORD: dict[str, bool] = {}


def _verb_before(norm: str) -> bool:
    """A verb the nisba can be the subject or object of: a reporting or meeting word, a present tense."""
    if reporting_cues().longest_at((norm,), 0) or triggers().longest_at((norm,), 0):
        return True
    stem = norm[1:] if norm[:1] in "وف" and len(norm) > 4 else norm
    return stem[:1] in "يت" and 4 <= len(stem) <= 6 and stem not in given_names()  # "ويلاقي"، "وتغلب"


def _closes_name(norm: str) -> bool:
    """What may follow a name: a mark that ends it, the day ("اليوم"), the words (إن، أن), or a
    relative clause about the person ("الذي قال")."""
    return (
        norm in _NAME_ENDS
        or norm in _AFTER_SPEAKER
        or norm in ("الذي", "التي")
        or norm in _LIST_TAILS
        or bool(date_words().longest_at((norm,), 0, clitics=False))
    )


# the words that close a list of persons ("... محمود كارا أسلان وعدد من المسؤولين")
_LIST_TAILS = frozenset(normalize(w) for w in ("وعدد", "وجمع", "ولفيف", "وكبار", "وبعض"))


_CLOSING_MARKS = ("،", ",", "؛", ";")
# what may follow the last word of a name: a comma, a full stop, a closing quote mark, the end
_NAME_ENDS = frozenset(("،", ",", ".", "", "؛", ";", '"', "”", "»", "'", ")"))


def _extended_to_apposition(ctx: _Context, name: ActorMention) -> ActorMention:
    """"السفير ريكاردو سيلفا سانتيستيبان بنزا، سفير جمهورية بيرو": a name between an office and
    ", office" runs to the comma, whatever its words look like (a month, a word in ة)."""
    norms, end = ctx.norms, ctx.sentence.last
    words = list(name.name)
    for j in range(name.last, min(end - 1, name.last + 3)):
        if norms[j] in _CLOSING_MARKS:
            found = titles().longest_at(norms, j + 1, end)
            if found is None or found.clitic or j == name.last:
                return name
            return _span_mention(ctx, name.first, j, 0, PERSON, words, represents=name.represents)
        if not _foreign_tail_word(ctx, j):
            return name
        words.append(norms[j])
    return name


def _extended_to_office(ctx: _Context, name: ActorMention) -> ActorMention:
    """ "سعادة السيد بارنبي ريتشارد جيرارد رايلي سفير نيوزيلندا": after "السيد" a name runs on over
    one or two more foreign words up to the office that follows it."""
    norms, end = ctx.norms, ctx.sentence.last
    for j in range(name.last, min(end - 1, name.last + 3)):
        found = titles().longest_at(norms, j, end)
        if found is not None and not found.clitic:
            if j == name.last:
                return name
            return _span_mention(ctx, name.first, j, 0, PERSON, norms[name.first : j], represents=name.represents)
        if not _foreign_tail_word(ctx, j) or norms[j] in given_names():
            return name
    return name


def _office_words_to_comma(ctx: _Context, k: int) -> int:
    """"وزير الشؤون الخارجية والتعاون الإفريقي [والمغاربة المقيمين بالخارج]، ناصر بوريطة،": the
    ال-words of a long ministry's name run on to the comma that sets off the holder's name."""
    norms, end = ctx.norms, ctx.sentence.last
    for j in range(k, min(end - 1, k + 5)):
        if norms[j] in ("،", ","):
            if j == k or _name_after(ctx, j + 1, after_title=True) is None:
                return k
            return j
        stem = next((s for t, s in clitic_variants(norms[j]) if t <= 1 and s.startswith("ال")), "")
        if not stem or len(stem) < 5 or is_stopword(stem) or _best_entity(ctx, j) is not None:
            return k
    return k


_MISTER = frozenset(normalize(w) for w in ("السيد", "السيدة"))


def _words_set_off(ctx: _Context, j: int, closing: bool = False, after_mister: bool = False) -> ActorMention | None:
    """"الأمينة العامة للمنظمة الدولية للفرنكوفونية، لويز موشيكيوابو،": two or three words between
    commas after an office, none a word kg knows, are the holder's name (though the first starts
    like ل + a word)."""
    norms, end = ctx.norms, ctx.sentence.last
    for close in range(j + 2, min(end + 1, j + 4)):
        # (closing: the list's last name, closed by the sentence's end)
        if close == end or norms[close] in _CLOSING_MARKS or (closing and norms[close] in (".", "،", ",", "؛")):
            if close == end and not closing:
                return None
            if all(_foreign_tail_word(ctx, m) and norms[m] not in given_names() for m in range(j, close)) and all(
                not _known_name_word(norms[m]) and not _prose_shape(norms[m])
                and (after_mister or not norms[m].endswith("ه"))
                for m in range(j, close)
            ):
                return _span_mention(ctx, j, close, 0, PERSON, norms[j:close])
            return None
    return None


def _mister_before_office(ctx: _Context, j: int) -> ActorMention | None:
    """ "والسيد اكور بلياف، نائب مدير إدارة ...": after "السيد" two or three words kg does not know,
    set off by a comma before an office, are a name."""
    name = _words_set_off(ctx, j, after_mister=True)
    if name is None or name.last + 1 >= ctx.sentence.last:
        return None
    if any(_function_word(w) or w in everyday_words() or w[:1] == "و" for w in name.name):
        return None  # "السيد كذا وكذا،": words of prose
    return name if titles().longest_at(ctx.norms, name.last + 1, ctx.sentence.last) is not None else None


_QUOTE_MARKS = frozenset(('"', "«", "»", "“", "”", "'"))


def _quoted_name(ctx: _Context, j: int) -> ActorMention | None:
    """ 'رئيس المجلس الرئاسي "محمد المنفي"': one to four name words in quote marks right after an
    office are its holder's name, whatever their shape."""
    norms, end = ctx.norms, ctx.sentence.last
    if j >= end or norms[j] not in _QUOTE_MARKS:
        return None
    close = next((c for c in range(j + 2, min(end, j + 6)) if norms[c] in _QUOTE_MARKS), None)
    if close is None:
        return None
    known = _person_at(ctx, j + 1, 0)
    if known is not None and known.last == close:
        return known
    entity = _best_entity(ctx, j + 1)
    if entity is not None and entity.payload.entity.type != PERSON:
        return None  # 'رئيس المكتب السياسي لحركة المقاومة الإسلامية "حماس"': a body's short name
    following = _peek(norms, close + 1, end)
    on = close + 1 < end and ctx.doc.tokens[close + 1].text.endswith("ى")  # "على هامش": "on", not Ali
    if following not in _NAME_ENDS and not on and (_starts_with_given_name(following) or following in given_names()):
        return None  # '... «التفاوض السورية» المعارضة نصر الحريري': the holder is named after the quote
    if not all(_is_arabic_word(norms[m]) and not _function_word(norms[m]) and not _prose_shape(norms[m])
               and titles().longest_at(norms, m, close) is None for m in range(j + 1, close)):  # fmt: skip
        return None
    return _span_mention(ctx, j + 1, close, 0, PERSON, norms[j + 1 : close])


def _foreign_tail_word(ctx: _Context, j: int) -> bool:
    norm = ctx.norms[j]
    return (
        _is_arabic_word(norm)
        and not _function_word(norm)
        and (norm not in everyday_words() or norm in given_names())  # "مجدي رمضان"
        and not _person_noun(norm)
        and not _with_tanween(ctx.doc.tokens[j].text)
        and titles().longest_at(ctx.norms, j, ctx.sentence.last) is None
        and not _sizeable_name(norm)
    )


def _name_before_office(ctx: _Context, i: int) -> ActorMention | None:
    """"هائل الفاهوم، سفير دولة فلسطين": two to four name words set off by a comma before an office
    describe a person, though the first name is none kg knows."""
    norms, end = ctx.norms, ctx.sentence.last
    stop = min(end, i + 6)
    window = norms[i + 2 : stop]
    if not any(map(_OFFICE_START.__getitem__, window)) and not (
        ("،" in window or "," in window)
        and any(norms[j] in _COMMAS and j + 1 < end and _title_word(norms[j + 1]) for j in range(i + 2, stop))
    ):
        return None  # no office two to five words on, nor right after a comma there
    # "، وطاكوجي هاناطاني، سفير اليابان": in a list, the و joins the name to the one before
    joined = i > ctx.sentence.first and norms[i - 1] in ("،", ",") and norms[i][:1] == "و" and len(norms[i]) > 3
    name = _name_after(ctx, i, after_title=True, joined=joined)
    if name is None or len(name.name) < 2 or name.key:
        return None
    first = name.name[0]
    body_office = first in given_names() and _office_of_a_body_after(ctx, name.last)
    if not (_office_set_off_after(ctx, name.last) or body_office or _envoy_in_accusative_at(ctx, name.last)):
        return None
    if first not in given_names() and (
        name.name[-1].endswith("ه") or (name.name[-1].startswith("ال") and _verbal_noun(name.name[-1][2:]))
    ):
        return None  # "ختام الزيارة، ..."، "أوراق الاعتماد، ...": a noun and its genitive, no name
    if len(name.name) > 4 and first not in given_names():
        return None  # five words: only a name that opens with a given name ("عز الدين سعيد أحمد الأصبحي")
    return name


_LIST_MARKS = frozenset((":", "؛", ";", "،", ","))
_COMMAS = frozenset(("،", ","))


def _name_listed_before_office(ctx: _Context, i: int) -> ActorMention | None:
    """"وشملت قائمة السفراء: إلير هوسا، سفير ...؛ وسيفاغ أفيديسيان، سفير ...": in a list, two or
    three words no list knows between its mark and ", office" are a name, though the first carries
    the list's و or begins like the article (إل، أل)."""
    norms, doc, end = ctx.norms, ctx.doc, ctx.sentence.last
    after = norms[i + 2 : min(i + 6, end - 1)]  # (where the comma before the office may stand)
    if "،" not in after and "," not in after:
        return None  # (nearly always)
    first = norms[i]
    rest = first[1:] if first[:1] == "و" else ""
    listing = bool(rest) and norms[i - 1] in ("،", ",") and _offices_listed_before(ctx, i)
    # ("، ولي لي، سفير ...": in a list of names and offices, و before a given name joins the list)
    clitic = int(bool(rest) and (
        (first not in given_names() and len(first) > 3)
        or rest in _COMPOUND_FIRST
        or (listing and rest in given_names())
    ))  # fmt: skip
    if clitic and norms[i - 1] in ("،", ",") and not listing:
        return None  # "، وX ..." after a comma may join anything; after ":" or "؛" it goes on with the list
    for close in (i + 2, i + 3, i + 4, i + 5):
        if close > i + 3 and first[clitic:] not in given_names() and first[clitic:] not in _COMPOUND_FIRST:
            break  # four or five words: a name that opens with a given name ("عبد الكريم هاشم مصطفى")
        if close + 1 >= end or norms[close] not in ("،", ",") or not _title_word(norms[close + 1]):
            continue
        words = [first[clitic:], *norms[i + 1 : close]]
        foreign_al = doc.tokens[i].text[clitic:].startswith(("إل", "أل"))
        if words[0].startswith("ال") and not foreign_al:
            return None
        if all(
            _is_arabic_word(w)
            and len(w) >= 2
            and not is_stopword(w)
            # (a word of prose that is a given name too, or the name of God after عبد: "سعيد"، "عبد الكريم")
            and (w not in everyday_words() or w in given_names() or w in _COMPOUND_FIRST
                 or (n and words[n - 1] in _COMPOUND_FIRST))
            and not _title_word(w)
            for n, w in enumerate(words)
        ) and all(_unknown_or_surname(_best_entity(ctx, k)) for k in range(i + 1, close)):
            return _span_mention(ctx, i, close, clitic, PERSON, words)
        return None
    return None


_COMPOUND_FIRST = frozenset(normalize(w) for w in ("عبد", "عز"))  # "عبد الكريم"، "عز الدين": a given name of two words


def _offices_listed_before(ctx: _Context, i: int) -> bool:
    """ "X، سفير بوركينا فاسو، وY، سفير اليمن": the sentence lists names with their offices after a
    comma, so "، وY" after one goes on with the list."""
    norms, first = ctx.norms, ctx.sentence.first
    return any(_title_word(norms[k + 1]) for k in positions(map(_COMMAS.__contains__, norms[first : i - 1]), first))


def _unknown_or_surname(known) -> bool:
    """No known name, or a known person's surname alone ("كوستا" of another Costa)."""
    return known is None or (known.payload.entity.type == PERSON and known.payload.weak)


def _may_start_mention(norm: str) -> bool:
    """A quick test that spares most words of a text the full lookups."""
    cached = _MAY_START.get(norm)
    if cached is None:
        firsts = _first_words()
        cached = _MAY_START[norm] = any(stem in firsts for _, stem in clitic_variants(norm))
    return cached


_MAY_START: dict[str, bool] = {}


def normalize_role(text: str) -> str:
    return " ".join(text.split())


def _entity_covers(entity, title) -> bool:
    """"الأمير محمد بن سلمان" is a known name that begins with a title: the name wins."""
    return entity is not None and entity.first == title.first and entity.last > title.last


def _honorific_pronoun(ctx: _Context, i: int) -> ActorMention | None:
    if _HONORIFIC_PRONOUNS.keys().isdisjoint(clitic_stems(ctx.norms[i])):
        return None  # (nearly every word)
    for taken, stem in clitic_variants(ctx.norms[i]):
        if stem in _HONORIFIC_PRONOUNS and taken <= 1:
            start = _char_after_clitic(ctx.doc, i, taken)
            token = ctx.doc.tokens[i]
            return ActorMention(
                i, i + 1, start, token.end, PERSON, "", (stem,), ctx.doc.text[start : token.end],
                named=False, honorific=_HONORIFIC_PRONOUNS[stem],
            )  # fmt: skip
    return None


def _honoured_office(ctx: _Context, i: int, found: list[ActorMention]) -> list[ActorMention]:
    """ "معالي وزير الخارجية"، "معالي السيد وزير الخارجية": the honorific before an office without a
    name is the office holder's too (a later "معاليه" may point back at it)."""
    first = found[0]
    if first.type != PERSON or first.head != i:
        return found
    for start in range(max(ctx.sentence.first, i - 3), i):
        k, honorific, _ = _skip_honorifics(ctx, start)
        if k == i and honorific:
            # ("سمو أمير البلاد الشيخ X": "سمو" before the office and "الشيخ" after it are both his)
            both = f"{honorific} {first.honorific}" if first.honorific else honorific
            return [first._replace(honorific=both), *found[1:]]
    return found


def _skip_honorifics(ctx: _Context, k: int, excellency: bool = False) -> tuple[int, str, int]:
    """Past "حضرة صاحب السمو الشيخ الدكتور": (where the name may start, the first honorific, how many);
    with `excellency`, past "سعادة" before a name too (not after an office, where it opens another)."""
    first, count = "", 0
    while k < ctx.sentence.last:
        found = honorifics().longest_at(ctx.norms, k, ctx.sentence.last)
        if found is None and excellency and _excellency_before_name(ctx, k):
            first, k, count = first or ctx.norms[k], k + 1, count + 1  # "سعادة ألفونسو كامارينا"
            continue
        if found is None or (found.clitic and ctx.norms[k][:1] not in "و"):
            break
        first = first or " ".join(found.phrase)
        k, count = found.last, count + 1
        if k + 1 < ctx.sentence.last and ctx.norms[k] == "/":
            k += 1  # "السيد/ عبد القادر حسين عمر": the form's slash after the honorific
    return k, first, count


_EXCELLENCY = frozenset(normalize(w) for w in ("سعادة", "وسعادة"))


def _excellency_after_office(ctx: _Context, k: int) -> bool:
    """"سعادة" right after an office's words, then an honorific or a given name: the office's holder
    (after a comma it opens another person: "X، وكيل الوزارة، سعادة Y")."""
    norms, end = ctx.norms, ctx.sentence.last
    if k + 1 >= end or norms[k] not in _EXCELLENCY or norms[k - 1] in ("،", ","):
        return False
    following = norms[k + 1]
    return (
        honorifics().longest_at(norms, k + 1, end) is not None
        or following in given_names()
        or _excellency_before_name(ctx, k)
    )


def _excellency_before_name(ctx: _Context, k: int) -> bool:
    """"سعادة" (Excellency, also "happiness") before a name no list knows: a foreign name in أل or a
    given name, not an office ("سعادة السفير" is read with its office) nor a pronoun's noun."""
    if ctx.norms[k] not in _EXCELLENCY or k + 1 >= ctx.sentence.last:
        return False
    following = ctx.norms[k + 1]
    if _title_word(following) or honorifics().longest_at(ctx.norms, k + 1, ctx.sentence.last):
        return False
    if following in name_syllables() and _syllable_name_at(ctx, k + 1) is not None:
        return True  # "سعادة دو بونغ كي، سفير جمهورية كوريا"
    return _foreign_al(ctx.doc.tokens[k + 1].text) or given_names().get(following) is False


_PREFERENCE = (COUNTRY, PERSON, ORGANIZATION, PLACE)


def _best_entity(ctx: _Context, i: int):
    """The known name at token i: the longest, and among names of the same length the likeliest
    kind here (an agency after a dateline's dash, a place only where a place is expected). A
    longer name that fails its context gives way to a shorter one ("روسيا اليوم الاثنين": روسيا)."""
    found = ctx.best.get(i, _UNASKED)  # (not a KeyError caught: most tokens are asked first here)
    if found is _UNASKED:
        found = ctx.best[i] = _find_best_entity(ctx, i)
    return found


_UNASKED = object()


def _find_best_entity(ctx: _Context, i: int):
    matches = gz.name_index().match_at(ctx.norms, i, ctx.sentence.last)
    if not matches:
        return None
    if len(matches) == 1:  # (most often: no lengths, clitics nor kinds to choose among)
        match = matches[0]
        kind = match.payload.entity.type
        return match if kind in _PREFERENCE and _fits_context(ctx, match, kind) else None
    preference = _PREFERENCE
    if _after_dateline_dash(ctx, i):
        preference = (ORGANIZATION, PLACE, COUNTRY, PERSON)
    elif _in_dateline(ctx, i):
        preference = (PLACE, COUNTRY, ORGANIZATION, PERSON)  # "الجزائر -": the city of the dateline
    for size in sorted({m.last - m.first for m in matches}, reverse=True):
        same = [m for m in matches if m.last - m.first == size]
        clitic = min(m.clitic for m in same)
        same = [m for m in same if m.clitic == clitic]
        city_abroad = len(same) > 1 and _city_abroad_meant(ctx, same)  # (a city and a country of one name)
        order = (PLACE, COUNTRY, PERSON, ORGANIZATION) if city_abroad else preference
        for kind in order:
            for match in same:
                if match.payload.entity.type == kind and _fits_context(ctx, match, kind):
                    return match
    return None


def _fits_context(ctx: _Context, match, kind: str) -> bool:
    if kind == PLACE and match.clitic and len(match.phrase) == 1 and _known_word_whole(ctx.norms[match.first]):
        return False  # "بابا" is no "ب" + a town "ابا": the whole word is one we know
    if kind == PLACE and not _place_in_context(ctx, match):
        return False
    if kind == PLACE and match.last < ctx.sentence.last and ctx.norms[match.last] in ("بن", "بنت"):
        return False  # "الشيخ زايد بن خليفة": a chain of names, not the town named after its first
    if kind == PLACE and match.clitic and len(match.phrase) == 1 and match.first > ctx.sentence.first:
        before = ctx.norms[match.first - 1]
        if before in given_names() and before not in _arabic_given_names():
            return False  # "دونالد بلوم": a foreign given name's surname, not "ب" + a town "لوم"
    if kind == PERSON and match.payload.weak and known_surname_is_word(match.phrase):
        return _nisba_surname_as_subject(ctx, match)
    if kind == PERSON and match.payload.weak and match.first > ctx.sentence.first and not match.clitic:
        # "ماهر الأسد"، "إلير كوستا": another given name before the surname is another person
        before = ctx.norms[match.first - 1]
        before = before[1:] if before[:1] == "و" and before[1:] in given_names() else before
        if before in given_names() and before not in normalize(match.payload.entity.label).split():
            return False
    if kind == PERSON and _longer_name_of_another(ctx, match):
        return False  # "السفير محمد مصطفى عرفي" is not "محمد مصطفى"
    return not (kind == ORGANIZATION and match.payload.weak and not _initials_in_context(ctx, match))


def _family_name_after_chain(norm: str) -> bool:
    """A family name in ال after a chain of given names, not a word of prose ("العيفان"، "الفايز")."""
    stem = norm[2:]
    return (
        len(stem) >= 3 and norm not in everyday_words() and stem not in everyday_words()
        and norm not in office_words() and not _verbal_noun(stem) and not gz.nisba_index().get((norm,))
        and not is_stopword(norm) and not _title_word(norm) and norm not in given_names()
        and norm not in _EPITHETS
    )  # fmt: skip


# the epithets a ruler's name takes ("السلطان هيثم بن طارق المعظم")
_EPITHETS = frozenset(normalize(w) for w in ("المعظم", "المفدى", "المبجل", "الموقر", "الراحل", "الأمين"))


def _longer_name_of_another(ctx: _Context, match) -> bool:
    """A known name that says little by itself, given names only ("محمد مصطفى") or a surname of more
    words ("عبد السلام"), followed by one more word of a name no list knows ("عرفي"، "هدليه"): the
    longer name of another person."""
    words = match.phrase
    label = normalize(match.payload.entity.label).split()
    generic = len(words) >= 2 and all(w in given_names() for w in words)
    surname_only = (
        len(words) >= 2
        and words[0] not in given_names()
        and not "".join(label).startswith(words[0])
        and words[0] in ("عبد", "ابو", "ال")
    )  # "عبد السلام" of "محمد عبد السلام"
    # "عبدالسلام" of the same, written as one word: a given name too ("عبدالسلام حسن علي")
    given_surname = len(words) == 1 and (words[0] in given_names() or words[0].startswith("عبد")) and (
        label[:1] != [words[0]]
    )
    # "عبدالله بن عبدالعزيز" of King Abdullah: given names joined by بن, no family name
    chain = len(words) >= 3 and all(w in given_names() or w in ("بن", "ابن", "بنت") for w in words) and (
        any(w in ("بن", "ابن", "بنت") for w in words)
    )
    # "بن علي" of Zine El Abidine Ben Ali: a father's name, which many a family name follows
    patronym = len(words) == 2 and words[0] in ("بن", "ابن")
    if not (generic or surname_only or given_surname or chain or patronym):
        return False
    k = _rest_of_name(ctx, match.payload.entity, words, match.last)
    if k >= ctx.sentence.last or k > match.last:
        return False  # the rest of his own name, or nothing after it
    norm = ctx.norms[k]
    if chain and norm.startswith("ال") and _family_name_after_chain(norm):
        return True  # "عبدالله بن عبدالعزيز العيفان": another man's family name closes the chain
    if patronym:
        # "بن علي الشريف": another man's family name ("أطلع بن علوي الصفدي": the next one, a man kg knows)
        return norm.startswith("ال") and _family_name_after_chain(norm) and (
            gz.name_index().longest_at(ctx.norms, k, ctx.sentence.last) is None
        )
    if given_surname:
        # "عبدالسلام حسن": a given name after it, though "حسن" is a word of prose too
        return norm in given_names() and not is_stopword(norm) and _best_entity(ctx, k) is None
    return (
        _is_arabic_word(norm)
        and len(norm) >= 3
        and not is_stopword(norm)
        and norm not in everyday_words()
        and norm not in office_words()
        and not _title_word(norm)
        and not gz.nisba_index().get((norm,))
        and _best_entity(ctx, k) is None
        and not _prose_shape(norm)
        and not norm.startswith(("ال", "و", "بال", "لل"))  # ("ومسؤولين"، "وكبار": the sentence goes on)
        and not (norm[:1] in "يتن" and len(norm) <= 4 and norm not in given_names())  # ("يصل": a verb)
    )


def _nisba_surname_as_subject(ctx: _Context, match) -> bool:
    """"وأشار السوداني"، "استقبل السوداني": a known person's surname that is also a nisba, right after
    a verb that reports words or a meeting, is the person (a nisba qualifies a noun, never a verb), in
    an article that names his country ("the Sudanese" is no one in an article about Iraq)."""
    if match.clitic or match.first <= ctx.sentence.first or not gz.nisba_index().get(match.phrase):
        return False
    before = match.first - 1
    if reporting_cues().longest_at(ctx.norms, before, match.first) is None and (
        triggers().longest_at(ctx.norms, before, match.first) is None
    ):
        return False
    served = match.payload.entity.represents
    code = served[len("country:") :] if served.startswith("country:") else ""
    return bool(code) and (code in countries_mentioned(ctx.doc) or code in _countries_of_places(ctx.doc))


def _countries_of_places(doc: Document) -> frozenset[str]:
    """ISO codes of the countries whose cities an article names ("في بغداد": Iraq; cached)."""
    cached = doc._cache.get("place-countries")
    if cached is None:
        cached = doc._cache["place-countries"] = frozenset(
            m.payload.entity.country
            for m in gz.name_index().scan(doc.token_norms)
            if m.payload.entity.type == PLACE and m.payload.entity.country
        )
    return cached


def _known_word_whole(norm: str) -> bool:
    return norm in everyday_words() or norm in given_names() or _known_name_word(norm)


def _city_abroad_meant(ctx: _Context, same) -> bool:
    """"عمّان" is Jordan's capital and "عُمان" a country: the city when the dateline names it,
    the word carries its shadda, or the article is about the city's country and not the other."""
    countries = [m.payload.entity for m in same if m.payload.entity.type == COUNTRY]
    cities = [m.payload.entity for m in same if m.payload.entity.type == PLACE]
    if not countries or not cities or cities[0].country == countries[0].country:
        return False
    doc = ctx.doc
    token = doc.tokens[same[0].first]
    if "\u0651" in token.text or (doc.dateline and doc.dateline[0] <= token.start < doc.dateline[1]):
        return True
    mentioned = countries_mentioned(doc)
    return cities[0].country in mentioned and countries[0].country not in mentioned


def nisbas_mentioned(doc: Document) -> frozenset[str]:
    """ISO codes of the countries an article writes nisbas of ("الروسي"، "السورية")."""
    cached = doc._cache.get("nisbas")
    if cached is None:
        cached = doc._cache["nisbas"] = frozenset(m.payload for m in gz.nisba_index().scan(doc.token_norms))
    return cached


def reporting_cues_in(doc: Document, sentence: Sentence) -> tuple:
    """The reporting words of a sentence, left to right (cached on the document: the readers of
    speakers and of statements both ask)."""
    by_sentence = doc._cache.setdefault("cues", {})
    cues = by_sentence.get(sentence.index)
    if cues is None:
        found = reporting_cues().scan(doc.token_norms, sentence.first, sentence.last)
        cues = by_sentence[sentence.index] = tuple(found)
    return cues


def countries_mentioned(doc: Document) -> frozenset[str]:
    """ISO codes of the countries an article names or writes nisbas of (cached on the document)."""
    cached = doc._cache.get("countries")
    if cached is None:
        norms = doc.token_norms
        found = set(nisbas_mentioned(doc))
        for match in gz.name_index().scan(norms):
            known = match.payload.entity
            if known.type == COUNTRY and match.phrase != ("عمان",):
                found.add(known.country)
        cached = doc._cache["countries"] = frozenset(found)
    return cached


# "قناة"، "موقع"، "مراسل": a channel's or site's short name is meant after these
_MEDIA_NOUNS = frozenset(normalize(w) for w in (
    "قناة", "قناه", "شبكة", "موقع", "صحيفة", "وكالة", "مراسل", "مراسلة", "تلفزيون", "إذاعة", "لقناة", "لموقع",
    "لصحيفة", "لوكالة", "لشبكة", "لتلفزيون", "لمراسل",
))  # fmt: skip


# "قادة القاعدة"، "عناصر فتح"، "ضد القاعدة": words that take a movement, not a base or an opening
_MEMBER_NOUNS = frozenset(normalize(w) for w in (
    "قادة", "قيادات", "قيادة", "زعيم", "زعماء", "عناصر", "أعضاء", "عضو", "مقاتلي", "مقاتلو", "مسلحي", "مسلحو",
    "كوادر", "أنصار", "خلايا", "خلية", "فرع", "فروع", "معاقل", "ضد", "مبايعة", "تنظيمي", "حركتي", "حركتا",
    "مسلحين", "مقاتلين", "قياديين", "قيادي",
))  # fmt: skip
# "وقال للجزيرة"، "في تصريحات للميادين": the outlet the words were given to
_GIVEN_TO = frozenset(normalize(w) for w in ("تصريحات", "تصريح", "حديث", "مقابلة", "تصريحاته", "حديثه"))


def _initials_in_context(ctx: _Context, match) -> bool:
    """An agency's initials or a channel's short name count in a dateline, set off by marks
    ("(بنا)"، "/أ ش أ/"، "- واس"، «الميادين»), after a media noun ("موقع روسيا اليوم"), as the
    outlet words were given to ("قال للجزيرة"); a movement's everyday-word name after a word for its
    members or leaders ("قادة القاعدة") or joined to another body's name ("فتح وحماس")."""
    doc = ctx.doc
    start = doc.tokens[match.first].start
    if doc.dateline is not None and doc.dateline[0] <= start < doc.dateline[1]:
        return True
    norms, end = ctx.norms, ctx.sentence.last
    if match.first > ctx.sentence.first:
        before_norm = norms[match.first - 1]
        if before_norm in _MEDIA_NOUNS or (not match.clitic and before_norm in _MEMBER_NOUNS):
            return True
        # "مسلحين من فتح"، "عناصر من القاعدة"
        if not match.clitic and before_norm == "من" and match.first - 2 >= ctx.sentence.first and (
            norms[match.first - 2] in _MEMBER_NOUNS
        ):
            return True
        if match.clitic == 1 and norms[match.first][:1] == "ل" and (
            before_norm in _GIVEN_TO or _reporting_verb(before_norm)
        ):
            return True
    if match.clitic == 1 and norms[match.first][:1] == "ل":
        # "وقال القيادي في الحركة للجزيرة أمس إن ...": the outlet told, right before the words
        following = _peek(norms, match.last, end)
        if following in _TIME_WORDS or date_words().longest_at((following,), 0, clitics=False):
            following = _peek(norms, match.last + 1, end)
        if following in _WORDS_FOLLOW:
            return True
    if _joined_to_a_body(ctx, match):
        return True
    before = doc.text[max(0, start - 2) : start].strip()
    after = doc.text[doc.tokens[match.last - 1].end : doc.tokens[match.last - 1].end + 2].strip()
    return before[-1:] in ("(", "/", '"', "«", "-", "“") or after[:1] in (")", "/", '"', "»", "”")


def _joined_to_a_body(ctx: _Context, match) -> bool:
    """"فتح وحماس"، "حماس وفتح": a body the gazetteer knows by a name no everyday word, right before
    (the name taking و) or right after (و on the other's name)."""
    norms, end = ctx.norms, ctx.sentence.last
    if match.last < end and norms[match.last][:1] == "و":
        other = gz.name_index().longest_at(norms, match.last, end)
        if other is not None and other.clitic == 1 and _strong_body(other):
            return True
    if match.clitic == 1 and norms[match.first][:1] == "و":
        for first in range(max(ctx.sentence.first, match.first - 4), match.first):
            other = gz.name_index().longest_at(norms, first, match.first, clitics=False)
            if other is not None and other.last == match.first and _strong_body(other):
                return True
    return False


def _strong_body(match) -> bool:
    return match.payload.entity.type == ORGANIZATION and not match.payload.weak


def known_surname_is_word(phrase: tuple[str, ...]) -> bool:
    """A one-word gazetteer alias that is also an everyday word or a month ("شعبان", "العربي")."""
    return len(phrase) == 1 and (phrase[0] in everyday_words() or bool(gz.nisba_index().get(phrase)))


def _in_dateline(ctx: _Context, i: int) -> bool:
    doc = ctx.doc
    return doc.dateline is not None and doc.dateline[0] <= doc.tokens[i].start < doc.dateline[1]


def _after_dateline_dash(ctx: _Context, i: int) -> bool:
    doc = ctx.doc
    if doc.dateline is None:
        return False
    start, end = doc.dateline
    offset = doc.tokens[i].start
    if not start <= offset < end:
        return False
    text = doc.text[start:offset]
    return any(mark in text for mark in "-_–—(/")


def _rest_of_name(ctx: _Context, known, phrase: tuple[str, ...], last: int) -> int:
    """"الشيخ نواف الأحمد" matched, "الجابر الصباح" follows: the rest of the gazetteer's full name
    ("صباح الخالد" of "صباح خالد الحمد الصباح": a word with or without ال is the same word)."""
    full, bare_full = _label_words(known.label)
    matched = [_without_al(w) for w in phrase if _without_al(w) in bare_full]
    if not matched:
        return last
    position = bare_full.index(matched[-1]) + 1
    norms, end = ctx.norms, ctx.sentence.last
    while position < len(full) and last < end and _same_name_word(norms[last], full[position]):
        last, position = last + 1, position + 1
    skipped_to_family = position < len(full) - 1 and last < end and _same_name_word(norms[last], full[-1])
    if skipped_to_family and norms[last] != norms[last - 1]:
        return last + 1  # "صباح الخالد الصباح" of "صباح خالد الحمد الصباح": a forefather left out
    # "خليفة بن سلمان بن حمد آل خليفة": a forefather the gazetteer leaves out, then the family name
    chain = last
    while chain + 1 < end and norms[chain] in ("بن", "ابن") and (step := _forefather_words(norms, chain + 1, end)):
        chain += 1 + step
    if chain > last:
        family = [w for w in full[position:] if w] or list(full[-2:])
        tail = chain
        for word in family:
            if tail < end and _same_name_word(norms[tail], word):
                tail += 1
        if tail > chain:
            return tail
        # "محمد بن سلمان بن عبدالعزيز (آل سعود)": forefathers the label leaves out, then maybe his house
        return chain + 2 if _house_at(norms, chain, end, known) else chain
    return last + 2 if _house_at(norms, last, end, known) else last


def _forefather_words(norms: tuple[str, ...], at: int, end: int) -> int:
    """How many words a forefather's given name after "بن" takes: "عبدالعزيز" one, "عبد العزيز" two."""
    if norms[at] in given_names():
        return 1
    return 2 if norms[at] == "عبد" and at + 1 < end and f"عبد{norms[at + 1]}" in given_names() else 0


def _house_at(norms: tuple[str, ...], at: int, end: int, known) -> bool:
    """"فيصل بن فرحان آل سعود": his house's name closes it, though the gazetteer leaves it out."""
    house = ruling_houses().get(("ال", norms[at + 1])) if at + 1 < end and norms[at] == "ال" else None
    return house is not None and f"country:{house}" in (known.represents, f"country:{known.country}")


@cache
def ruling_houses() -> dict[tuple[str, ...], str]:
    """("ال", "سعود") -> "SA": the houses whose name closes their members' full names."""
    return {tuple(normalize(row["family"]).split()): row["country"] for row in read_table("ruling_families.tsv")}


@lru_cache(maxsize=4096)
def _label_words(label: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The normalised words of a known name's label, and the same without ال."""
    full = tuple(normalize(label).split())
    return full, tuple(_without_al(w) for w in full)


def _same_name_word(written: str, known: str) -> bool:
    """ "ابن" inside a name is "بن" ("عبد الله الثاني ابن الحسين")."""
    return written == known or {written, known} == {"بن", "ابن"}


def _without_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _span_mention(ctx: _Context, first: int, last: int, clitic: int, type_: str, name, **extra) -> ActorMention:
    """A mention of tokens [first, last), a clitic of `clitic` letters left out of its text."""
    doc = ctx.doc
    return ActorMention(
        first=first,
        last=last,
        start=_char_after_clitic(doc, first, clitic),
        end=doc.tokens[last - 1].end,
        type=type_,
        key=extra.pop("key", ""),
        name=tuple(name),
        text=_span_text(doc, first, last, clitic),
        **extra,
    )


def _entity_mention(ctx: _Context, match) -> ActorMention:
    known = match.payload.entity
    first, last = match.first, match.last
    if known.type == PERSON:
        last = _rest_of_name(ctx, known, match.phrase, last)
    return ActorMention(
        first=first,
        last=last,
        start=_char_after_clitic(ctx.doc, first, match.clitic),
        end=ctx.doc.tokens[last - 1].end,
        type=known.type,
        key=known.key,
        name=match.phrase,
        text=_span_text(ctx.doc, first, last, match.clitic),
        # (a surname that is also a nisba was let in only as a verb's subject: that is its support)
        weak=match.payload.weak and not (known.type == PERSON and known_surname_is_word(match.phrase)),
    )


# --- places -------------------------------------------------------------------------------------

# Words after which a city name is a place: "في دمشق"، "العاصمة الصينية بكين"; weaker ones
# ("من"، "إلى"، "عن") count only for cities big enough to be written about from afar.
_PLACE_CUES = frozenset(normalize(w) for w in (
    "في", "مدينة", "المدينة", "العاصمة", "عاصمة", "بلدة", "محافظة", "منطقة", "ريف", "شمال", "جنوب", "شرق",
    "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "ضواحي", "مطار", "ميناء", "إقليم", "ولاية", "مقاطعة",
    "قضاء", "مخيم", "معبر", "أنحاء", "داخل", "خارج", "عاصمتها", "عاصمته", "مدن", "المدن", "لدى",
    "منتدى", "قمة", "مؤتمر", "ملتقى", "حوار", "اجتماعات",
))  # fmt: skip
_WEAK_PLACE_CUES = frozenset(normalize(w) for w in (
    "من", "إلى", "الى", "عن", "نحو", "قرب", "حتى", "و", "،", ",",
    # "الذي يزور الدوحة حالياً"، "زار المنامة": a visit's verb names where one went
    "زار", "وزار", "يزور", "ويزور", "تزور", "وتزور", "زارت", "وزارت", "يزوران", "زارا", "سيزور", "ستزور",
))  # fmt: skip
_BIG_CITY = 1_000_000
_CITY = 100_000


def _place_in_context(ctx: _Context, match) -> bool:
    """A GeoNames city name counts where a place is expected: after في/مدينة/العاصمة (or a nisba
    after them), with ب before it, in a dateline, or when it is a big city's distinctive name.
    Many small towns abroad carry Arabic names that are everyday words (حصار، وقف، لجنة)."""
    known = match.payload.entity
    if known.kind not in ("city", "capital") or match.last - match.first > 1:
        return True
    doc = ctx.doc
    if match.phrase[0] in everyday_words():
        return False
    in_dateline = doc.dateline is not None and doc.dateline[0] <= doc.tokens[match.first].start < doc.dateline[1]
    norm = ctx.norms[match.first]
    if ctx.sentence.kind == DATELINE or in_dateline:
        # not "وكالة" read as و + ك + a town's name: a dateline's place carries و or ب at most
        return match.clitic == 0 or (match.clitic == 1 and norm[0] in "وب")
    if match.clitic:
        if match.clitic == 1 and norm[0] == "ل":
            return known.kind == "capital" or known.population >= _BIG_CITY  # "توجه الوفد لبكين"
        return match.clitic == 1 and (norm[0] == "ب" or (norm[0] == "و" and _place_before(ctx, match.first)))
    k = match.first - 1
    while k >= ctx.sentence.first and (
        gz.nisba_index().longest_at(ctx.norms, k, k + 1, clitics=False) or ctx.norms[k] in _QUOTE_MARKS
    ):
        k -= 1  # past a nisba, and past quote marks around the name ('ب"مسقط"')
    cue = ctx.norms[k] if k >= ctx.sentence.first else ""
    if cue == "ب" and k + 1 < match.first:
        return True  # 'ب"مسقط"': the preposition the quote mark cut off
    if cue in _PLACE_CUES or (cue[:1] in "بو" and cue[1:] in _PLACE_CUES and len(cue) > 3):
        return True  # "في مدينة سوتشي"، "بمدينة سوتشي"
    if cue in _WEAK_PLACE_CUES and known.population >= _CITY:
        return cue not in ("و", "،", ",") or _place_before(ctx, k + 1)
    return known.population >= _BIG_CITY and len(match.phrase[0]) >= 4


def _place_before(ctx: _Context, k: int) -> bool:
    """"موسكو وبكين": a place right before (a list of places)."""
    j = k - 1
    while j >= ctx.sentence.first and ctx.norms[j] in ("و", "،", ","):
        j -= 1
    if j < ctx.sentence.first:
        return False
    for start in range(max(ctx.sentence.first, j - 2), j + 1):
        found = gz.name_index().longest_at(ctx.norms, start, j + 1)
        if found is not None and found.last == j + 1 and found.payload.entity.type in (PLACE, COUNTRY):
            return True
    return False


# --- offices ------------------------------------------------------------------------------------


def _titled(ctx: _Context, title, apposition: bool = False) -> tuple[list[ActorMention], int]:
    """An office and what follows it: the holder's name(s), or a reference when no name follows
    (or when the office describes the name just before it)."""
    norms, doc = ctx.norms, ctx.doc
    info = title.payload
    inner, k, role_last, represents = _complement(ctx, title)
    if role_last == k and info.number == 1:
        k = role_last = _office_words_to_comma(ctx, k)
    k = _past_brackets(ctx, k)  # "رئيس مجلس المستشارين (الغرفة الثانية للبرلمان)، X": what the body is
    role, written = _role_text(doc, title, role_last, info)
    name_start, honorific, _ = _skip_honorifics(ctx, k)
    if apposition and name_start > k and k < ctx.sentence.last and norms[k][:1] == "و":
        name_start, honorific = k, ""  # "السفيرة X مساعد الوزير والمستشار Y": the next one present
    if name_start == k and not apposition and _excellency_after_office(ctx, k):
        # "سفير موريتانيا في داكار سعادة السيد X": Excellency right after the office (no comma) is its holder's
        # (not after an office set off after a name: "X، رئيس الوزراء الصومالي سعادة Y سفير ...")
        name_start, honorific, _ = _skip_honorifics(ctx, k + 1)
        honorific = honorific or norms[k]
    extra = (normalize_role(_span_text(doc, k, k + 1)),) if honorific in _ROYAL_HONORIFICS else ()
    if written != role:
        extra += (written,)  # "وزير خارجية" of "وزير خارجية مصر", as the text gives it, beside the office
    names: list[ActorMention] = []
    set_off = None
    # (not after a name set off before the office: "X، وكيل الوزارة، سعادة Y، المدير": the office is X's)
    if name_start < ctx.sentence.last - 1 and norms[name_start] in ("،", ",") and name_start == k and not (
        apposition and norms[title.first - 1] in ("،", ",")
    ):
        # "المندوب الدائم للجزائر لدى الأمم المتحدة، عمار بن جامع،": the name set off by commas
        after_comma = _name_after(ctx, name_start + 1, after_title=True)
        if after_comma is not None and (
            after_comma.key or after_comma.name[0] in given_names() or after_comma.name[0] == "عبد"
            or _set_off(ctx, after_comma)
        ):
            name_start += 1
        elif after_comma is None:
            set_off = _words_set_off(ctx, name_start + 1)
    if set_off is None and name_start == k and name_start + 2 < ctx.sentence.last and norms[name_start] in ("،", ","):
        # "نظيره الكوبي، السيد “برونو إدواردو رودريغيز باريلا”": the name in quotes past a comma and an honorific
        after, _, count = _skip_honorifics(ctx, name_start + 1)
        if count and after < ctx.sentence.last and norms[after] in _QUOTE_MARKS:
            set_off = _quoted_name(ctx, after)
    quoted_after = name_start > k and name_start < len(norms) and norms[name_start] in _QUOTE_MARKS
    if set_off is None and (name_start == k or quoted_after):
        # 'السفيرة الفرنسية لدى ليبيا "بياتريس دوهيلين"'، also past an honorific: 'السيد “برونو باريلا”'
        set_off = _quoted_name(ctx, name_start)
    if apposition and honorific == "":
        name = _name_after(ctx, name_start, after_title=True)
        # "استقبل ميقاتي سفير اليمن عبد الله الدعيس"، "... سفير البرازيل هرمان تيليس": a name after an
        # office that says whom it serves is the guest's, though kg knows none of its words
        guest = name is not None and (
            name.key or name.name[0] in given_names() or name.name[0] in ("عبد", "ابو")
            or (len(name.name) >= 2 and represents and name.first == k)
        )
        # ("السفيرة X مساعد الوزير والمستشار Y": the next one present, after و, holds an office of his own)
        next_one = name_start < ctx.sentence.last and norms[name_start][:1] == "و" and (
            norms[name_start] not in given_names()
        )
        names = [name] if guest and not next_one else []
    elif info.number == 2 and title.phrase[0] in _DUAL_MINISTERS and _fields_at(ctx, title.last, role_last):
        pass  # "وزيرا العدل X والخارجية Y": each holder named after his ministry (_offices_shared_out)
    elif info.number == 2:
        # "السفيرين الإيراني مهدي سبحاني": the first nisba was read with the office
        nisba_before = gz.nisba_index().longest_at(norms, name_start - 1, name_start, clitics=False)
        names = _name_list(ctx, name_start, represents if nisba_before else "")
    elif info.number == 1 and (info.kind != "deputy" or role_last > title.last):
        woman = doc.tokens[title.first].text.endswith("ة") or honorific in _LADY
        name = set_off or _name_after(ctx, name_start, after_title=True, woman=woman)
        if name is None and honorific in _MISTER and name_start > k:
            # "وزير الخارجية الإثيوبي السيد/ ورقنه جبيوه،": after "السيد" a name is said to come,
            # two or three words kg does not know, up to a comma, though they end like nouns in ة
            name = _words_set_off(ctx, name_start, closing=True, after_mister=True)
        names = [name] if name is not None else []
    if info.kind == "profession" and (role_last > title.last or (names and _adjective_here(ctx, title, names[0]))):
        return [], title.last  # "المكتب الإعلامي لرئيس الحكومة X"، "المؤتمر الصحفي مشاريع العمل": no journalist
    if len(names) == 1 and not names[0].key:
        names = [_extended_to_apposition(ctx, names[0])]
    if names:
        placed = [
            n._replace(
                role=role,
                represents=n.represents or represents,
                title_first=title.first,
                counterpart=info.kind == "counterpart",
                honorific=honorific,
                extra_roles=extra,
            )
            for n in names
        ]
        return inner + placed, placed[-1].last
    if k == title.first:
        return inner, title.last
    if info.kind == "profession":
        return inner, title.last  # "وقال الكاتب إن ...": a writer or journalist no name follows points at no one
    reference = ActorMention(
        first=title.first,
        last=k,
        start=_char_after_clitic(doc, title.first, title.clitic),
        end=doc.tokens[k - 1].end,
        type=PERSON,
        key="",
        name=tuple(norms[title.first : k]),
        text=_span_text(doc, title.first, k, title.clitic),
        named=False,
        role=role,
        represents=represents,
        title_first=title.first,
        number=info.number,
        counterpart=info.kind == "counterpart",
        extra_roles=extra,  # ("X وزير خارجية روسيا": the office as written too, for the name it describes)
    )
    return [*inner, reference], max(k, title.last)


_PLENIPOTENTIARY = frozenset(normalize(w) for w in (
    "مفوض", "مفوضا", "مفوضة", "المفوض", "المفوضة", "ومفوض", "ومفوضا", "والمفوض", "والمفوضة", "ومفوضة",
))  # fmt: skip

_FULL = frozenset(normalize(w) for w in ("وكامل", "كامل"))
_POWER = frozenset(normalize(w) for w in ("السلطة", "الصلاحية", "الصلاحيات"))

# the parties an office's holder belongs to, said right after it: "السيناتور الديمقراطي"، "النائب الجمهوري"
_PARTY_ADJECTIVES = frozenset(normalize(w) for w in ("الديمقراطي", "الجمهوري", "الديمقراطية"))


# the epithets news gives a country after its name: "الكويت الشقيقة"، "كندا الصديقة"
_FRIENDLY = frozenset(normalize(w) for w in (
    "الشقيقة", "الشقيق", "الصديقة", "الصديق", "الشقيقه", "الصديقه",
))  # fmt: skip
# the words of a state's official name after its country ("جمهورية إثيوبيا الفيدرالية الديمقراطية")
_STATE_FORMS = frozenset(normalize(w) for w in (
    "الشعبية", "الديمقراطية", "الديموقراطية", "الاشتراكية", "الفيدرالية", "الفدرالية", "الاتحادية",
    "الإسلامية", "الهاشمية", "التعددية", "البوليفارية", "الدستورية",
))  # fmt: skip


def _state_named_at(ctx: _Context, k: int):
    """The state whose name starts at k, if one does."""
    known = _best_entity(ctx, k) if k < ctx.sentence.last else None
    return known if known is not None and known.payload.entity.type == COUNTRY else None


_BRACKETS_REACH = 10


def _past_brackets(ctx: _Context, k: int) -> int:
    """Past a few words in brackets at k that say what an office's body is, when a comma follows
    them (the holder's name set off after it); else k."""
    norms, end = ctx.norms, ctx.sentence.last
    if k >= end or norms[k] != "(":
        return k
    close = next((j for j in range(k + 1, min(end, k + _BRACKETS_REACH)) if norms[j] == ")"), None)
    if close is None or close + 2 >= end or norms[close + 1] not in ("،", ","):
        return k  # ("المستشارة (سهام العبيدي)": the name itself in brackets)
    return close + 1


def _complement(ctx: _Context, title) -> tuple[list[ActorMention], int, int, str]:
    """What continues an office: offices, countries, nisbas, bodies ("وزير الخارجية والمغتربين"،
    "الأمين العام لجامعة الدول العربية"، "المبعوث الخاص للأمين العام للأمم المتحدة إلى سورية").
    Returns the inner mentions, where the complement ends, where the role ends, whom it serves."""
    norms, end = ctx.norms, ctx.sentence.last
    info = title.payload
    inner: list[ActorMention] = []
    role_last = title.last
    represents = ""
    k = title.last
    destination = False
    epithet_end = -1
    overlapping = _best_entity(ctx, k - 1) if title.last - title.first > 1 else None
    if overlapping is not None and overlapping.payload.entity.type == ORGANIZATION and overlapping.last > k:
        # "رئيس الديوان الملكي الهاشمي": the office's last word begins the body it serves
        inner.append(_entity_mention(ctx, overlapping)._replace(in_title=True))
        represents = overlapping.payload.entity.key
        k = role_last = overlapping.last
    elif (
        overlapping is not None and overlapping.payload.entity.type == COUNTRY and overlapping.last > k
        and _state_named_at(ctx, k) is None  # ("أمير دولة الكويت": the state's own name follows the office)
    ):
        # "رئيس الجمهورية العربية الصحراوية الديمقراطية": the office's last word begins the state's name
        inner.append(_entity_mention(ctx, overlapping)._replace(in_title=True))
        represents = overlapping.payload.entity.key
        k = overlapping.last
    principal = _principal_after(ctx, k) if info.kind in ("diplomat", "envoy") and not represents else None
    if principal is not None:
        # "مبعوث حضرة صاحب السمو أمير البلاد الشيخ نواف الأحمد": whose envoy, honoured and titled
        represents = principal.payload.entity.represents
        as_office = titles().longest_at(principal.phrase, 0)
        if as_office is None or as_office.last < len(principal.phrase):
            # "مبعوث الرئيس الجزائري عبد المجيد تبون": the one who sent him is named, though no party
            # (not "سفير خادم الحرمين الشريفين", an office that only points at the king)
            inner.append(_entity_mention(ctx, principal)._replace(in_title=True))
        k = _rest_of_name(ctx, principal.payload.entity, principal.phrase, principal.last)
    while k < end and k - title.last < _MAX_COMPLEMENT:
        norm = norms[k]
        word = _WORDS[norm]  # (what may start at the word, known before the lookups)
        honoured = honorifics().longest_at(norms, k, end) if word.honorific else None
        if honoured is not None and norms[k - 1] in _SERVICE_WORDS:
            # "مدير مكتب جلالة الملك"، "مستشار جلالة الملك": the office of the honoured king's service
            served = titles().longest_at(norms, honoured.last, end)
            if served is not None and served.payload.kind in ("royal", "head", "government", "minister"):
                k = role_last = served.last
                continue
        if not word.arabic or honoured or norm in _HONORIFIC_PRONOUNS:
            break
        known = _best_entity(ctx, k) or (_place_governed(ctx, k) if info.kind == "official" else None)
        longer_title = titles().longest_at(norms, k, end) if word.office else None
        if known is not None and longer_title is not None and longer_title.last > known.last:
            known = None  # "القائم بالأعمال" is an office, not the Iraqi town القائم
        if known is not None and known.payload.entity.type == PLACE and represents and known.phrase[0] in given_names():
            break  # "وزير خارجية أفغانستان صلاح الدين رباني": a name, though a province bears it too
        if known is not None and known.payload.entity.type == PERSON and _envoy_of(info, known, represents):
            # "سفير خادم الحرمين الشريفين": the envoy of a head of state serves that head's country
            # (whose envoy he is is no part of his office: "سفير")
            represents = known.payload.entity.represents
            k = known.last
            continue
        if known is not None and _venue_where(ctx, known):
            break  # "سلطان عمان بقصر البركة العامر": where he received, no part of his office
        if known is not None and known.payload.entity.type != PERSON:
            kind = known.payload.entity.type
            inner.append(_entity_mention(ctx, known)._replace(in_title=True))
            if not destination and not represents and kind in (COUNTRY, ORGANIZATION):
                represents = known.payload.entity.key
            elif not destination and not represents and norms[k - 1] == "باسم" and _seat_of_power(known.payload.entity):
                represents = f"country:{known.payload.entity.country}"  # "المتحدثة باسم البيت الأبيض"
            if not destination and (kind == ORGANIZATION or (kind == PLACE and k == role_last > title.last)):
                role_last = known.last  # "وزير شؤون الديوان الأميري": a seat that an office word governs
            k = known.last
            continue
        if (norm in _FRIENDLY or norm in _STATE_FORMS) and inner and inner[-1].type == COUNTRY and (
            inner[-1].last == k or epithet_end == k
        ):
            # "وزيرة خارجية كندا الصديقة ميلاني جولي"، "سفير جمهورية بنغلادش الشعبية نور ...": the
            # country's epithet or the rest of its official name, then the holder's name
            k = epithet_end = k + 1
            continue
        body = (
            None
            if _BODY_HEADS.isdisjoint(clitic_stems(norm)) or (known is not None and known.last > k + 1)
            else _named_body_at(ctx, k)
        )
        if body is not None and body.last > k + 1:
            # "رئيس ائتلاف دولة القانون": a body no list knows, named after the office that heads it
            inner.append(body._replace(in_title=True))
            if not destination and not represents:
                represents = body.key or "org:" + "_".join(body.name)  # (the key entities gives a body)
            k = body.last
            if not destination:
                role_last = k
            continue
        embassy = _organisation_at(ctx, k) if _embassy_word(norm) else None
        if embassy is not None:
            # "القائم بأعمال سفارة السودان": whose embassy it is says whom the office serves
            inner.append(embassy._replace(in_title=True))
            if not destination and not represents:
                represents = embassy.represents
            k = embassy.last
            if not destination:
                role_last = k
            continue
        nisba = gz.nisba_index().longest_at(norms, k, end) if word.nisba_start else None
        if nisba is not None and norm in given_names() and _peek(norms, nisba.last, end) in ("بن", "ابن", "بنت"):
            break  # "الأمير تركي بن محمد": a given name that is also a nisba, then the name goes on
        if nisba is not None and k == title.last and info.kind == "minister" and norm in office_words():
            nisba = None  # "وزير المالية": the office's field (finance), not a Malian
        if nisba is not None and (nisba.clitic == 0 or norm[:1] in "لب"):
            if not destination and not represents:
                represents = f"country:{nisba.payload}"
            k = nisba.last
            continue
        stems = clitic_stems(norm)
        org_adjective = None if _ORG_ADJECTIVES.keys().isdisjoint(stems) else next(
            _ORG_ADJECTIVES[stem] for _, stem in clitic_variants(norm) if stem in _ORG_ADJECTIVES
        )
        if org_adjective:
            represents = represents or org_adjective
            k += 1
            continue
        if norm in _HOME_WORDS and k == title.last and info.kind in ("head", "royal"):
            k = role_last = k + 1  # "أمير البلاد الشيخ X"، "ملك البلاد": the head of the home state, then his name
            continue
        if norm in _PARTY_ADJECTIVES and k == title.last and info.kind == "official":
            k += 1  # "السيناتور الديمقراطي رون وايدن": the holder's party, then his name
            continue
        if norm == "غير" and _peek(norms, k + 1, end) in ("المقيم", "المقيمه", "مقيم", "مقيمه"):
            k += 2  # "السفير غير المقيم لجمهورية زامبيا": an envoy accredited from abroad
            if not destination:
                role_last = k
            continue
        if norm in _PLENIPOTENTIARY and info.kind in ("diplomat", "envoy") and _peek(norms, k + 1, end) == "فوق":
            k += 1  # "سفيراً مفوضاً فوق العادة": plenipotentiary, before "extraordinary"
            if not destination:
                role_last = k
            continue
        if norm == "فوق" and info.kind in ("diplomat", "envoy") and _peek(norms, k + 1, end) == "العاده":
            # "سفيراً فوق العادة مفوضاً لجمهورية النمسا"، "سفير فوق العادة وكامل السلطة": extraordinary
            # and plenipotentiary
            if _peek(norms, k + 2, end) in _PLENIPOTENTIARY:
                k += 3
            elif _peek(norms, k + 2, end) in _FULL and _peek(norms, k + 3, end) in _POWER:
                k += 4
            else:
                k += 2
            if not destination:
                role_last = k
            continue
        if norm in ("لشوون", "بشوون", "للشوون") and k + 1 < end and norms[k + 1].startswith("ال"):
            # "المفوضة الأوروبية لشؤون المتوسط"، "وزير الدولة لشؤون الخليج العربي": the office's field
            k += 2
            # "للشؤون الدولية المتعددة": the field's own adjectives go on with it
            while (
                k < end
                and norms[k].startswith("ال")
                and (norms[k] in office_words() or norms[k].endswith("ه") or norms[k] in _REGION_ADJECTIVES)
                and honorifics().longest_at(norms, k, k + 1) is None  # ("... السيدة دانا سترول")
            ):
                k += 1  # ("لشؤون الشرق الأدنى"، "لشؤون الشرق الأوسط": a region's own adjective)
                if k + 1 < end and norms[k] in _AND_COMPASS:
                    k += 2  # "لشؤون الشرق الأوسط وشمال أفريقيا": a second region joined by و
            if not destination:
                role_last = k
            continue
        if norm[:1] == "ب" and len(norm) > 3 and norms[k - 1] in _CHARGED:
            # "المبعوث الخاص المكلف بملف الدول العربية": the file an office is charged with
            k = _charged_field(ctx, k + 1, inner)
            if not destination:
                role_last = k
            continue
        if norm in _DESTINATION:
            following = _best_entity(ctx, k + 1) if k + 1 < end else None
            if following is not None and following.payload.entity.type != PERSON:
                # "وزير الخارجية في دولة قطر" names whom the office serves; "السفير في دمشق" where it is
                serving = norm == "في" and info.kind not in ("diplomat", "envoy") and not represents
                destination = not serving
                k += 1
                continue
            if k + 1 < end and norms[k + 1] in office_words():
                k += 1
                continue
            held_in = norm == "في" and k + 2 < end and norms[k + 1] in _PLACE_NOUNS
            if held_in and _name_after(ctx, k + 2, after_title=True):
                # "ومدير الأمن في العاصمة محمود كارا أسلان": where the office is held, then its holder
                destination = True
                k += 2
                continue
            if norm == "في" and k + 1 < end and _embassy_word(norms[k + 1]) and norms[k + 1].startswith("ال"):
                # "المستشار الأول في السفارة ارنو بيشو"، "القائم بالأعمال في السفارة": the embassy at hand
                k += 2
                if not destination:
                    role_last = k
                continue
            break
        inner_title = longer_title  # (the office at k, read above)
        if inner_title is not None and _preposition_written(ctx, inner_title):
            break  # "ورئيس الكومنولث وإلى الملكة": "and to", another addressee
        if inner_title is not None and inner_title.clitic and norm[:1] == "ب":
            break  # "اجتمع وزير خارجية عمان بوزير خارجية إيران": whom he met, another person
        if (
            inner_title is not None and inner_title.clitic and norm[:1] == "ل" and represents.startswith("country:")
            and inner_title.payload.kind in ("envoy", "diplomat", "minister", "head", "government")
        ):
            break  # "استقبال الرئيس الجزائري للمبعوث الخاص": whom the reception was for, another person
        if inner_title is not None and inner_title.clitic and norm[:1] == "و" and k + 1 < end and (
            gz.nisba_index().longest_at(norms, inner_title.last, end, clitics=False) is not None
        ):
            break  # "رئيس الدولة والرئيس التركي": a second person
        if inner_title is not None and k == title.last and _bare_office(ctx, title):
            break  # "استقبل الرئيس وزير الخارجية الإيراني": the president receives the minister
        if inner_title is not None and k == title.last and _bare_envoy_then_leader(ctx, title, inner_title):
            break  # "وأبلغ السفير رئيس الوزراء الصومالي": the ambassador told the prime minister
        if inner_title is not None and _envoy_of_another_state(ctx, info, inner_title, represents):
            break  # "استقبل الرئيس اللبناني سفير ماليزيا": the president receives another state's envoy
        if (
            inner_title is not None and represents.startswith("country:") and inner_title.payload.number == 1
            and not inner_title.clitic and _serves_another_state(ctx, inner_title, represents)
        ):
            break  # "استقبل وزير الخارجية البحريني وزير الخارجية الموريتاني": the second office is the guest's
        if inner_title is not None and inner_title.payload.kind != "counterpart" and inner_title.payload.number == 1:
            k = inner_title.last
            if not destination:
                role_last = k
            continue
        if norm in ("وزراء", "الوزراء") and k > title.last and norms[k - 1] in _COUNCIL:
            k += 1  # "الأمين العام لمجلس وزراء حكومة الوحدة": the council of ministers, no new office
            if not destination:
                role_last = k
            continue
        if norm.startswith(("ولل", "وبال")) and k > title.last:
            break  # "الرئيس الصومالي وللشعب الصومالي": and to the people, another addressee
        if info.kind == "counterpart" and role_last == title.last:
            break  # "نظيره العراقي العلاقات": the office a counterpart holds starts with a title
        if not office_words().isdisjoint(stems) and not _is_surname_here(ctx, k):
            k += 1
            if not destination:
                role_last = k
            continue
        if norm[:1] == "ل" and len(norm) > 3 and _person_at(ctx, k, 1) is not None and _person_at(ctx, k, 0) is None:
            if _name_after(ctx, k + 1, after_title=True) is not None:
                k += 1  # "المستشار الإعلامي لبري علي حمدان": whose adviser
                continue
            break  # "نقل تحيات الرئيس المصري لغوتيريش": to whom
        if _unknown_office_word(ctx, k):
            k += 1
            if not destination:
                role_last = k
            continue
        field_end = _office_field(ctx, title, k) if k == role_last == title.last else k
        if field_end > k:
            k = role_last = field_end
            continue
        if k == role_last > title.last and not destination and _second_field_in_construct(ctx, k):
            k = role_last = k + 2  # "وزير التجارة وترقية الصادرات السيد/ X": a second field, a noun and its genitive
            continue
        if k == role_last > title.last and not destination and (
            _field_adjective(ctx, k, feminine=True) or _second_field(ctx, k)
        ):
            # "وزير الزراعة والثروة الحيوانية"، "وزير الطاقة والمناجم الجزائري": the field goes on
            k = role_last = k + 1
            continue
        break
    return inner, k, role_last, represents


# the places an office is held in, named by a common noun ("مدير الأمن في العاصمة")
_PLACE_NOUNS = frozenset(normalize(w) for w in (
    "العاصمة", "المدينة", "الولاية", "المحافظة", "المنطقة", "الإقليم", "البلاد", "المقاطعة",
))  # fmt: skip


def _serves_another_state(ctx: _Context, title, represents: str) -> bool:
    """Does the office at `title` name a state of its own, other than `represents`?"""
    _, _, _, other = _complement(ctx, title)
    return other.startswith("country:") and other != represents


_COUNCIL = frozenset(normalize(w) for w in ("مجلس", "لمجلس", "بمجلس", "ومجلس"))
_SERVICE_WORDS = frozenset(normalize(w) for w in ("مكتب", "ديوان", "مستشار", "مستشارة", "مستشارا"))

# heads of an office written in the construct state: the field they govern follows them
_CONSTRUCT_HEADS = frozenset(normalize(w) for w in (
    "وزير", "وزيرة", "رئيس", "رئيسة", "مدير", "مديرة", "قائد", "أمين", "محافظ", "مستشار", "مستشارة",
))  # fmt: skip


def _venue_where(ctx: _Context, known) -> bool:
    """A venue behind ب or after في: where something was held ("بقصر البركة"، "في البيت الأبيض")."""
    entity = known.payload.entity
    if entity.type != PLACE or entity.kind != "venue":
        return False
    return bool(known.clitic and ctx.norms[known.first][:1] == "ب") or ctx.norms[known.first - 1] == "في"


def _office_field(ctx: _Context, title, k: int) -> int:
    """"وزير الموارد الطبيعية"، "رئيس قسم الإعلام"، "قائد قاعدة الرياض الجوية": a head of an office
    in the construct state governs its field, indefinite nouns up to a definite one and that one's
    adjectives, though no list knows the words. Returns where the field ends (k: none)."""
    norms, end = ctx.norms, ctx.sentence.last
    head = norms[title.first][title.clitic :]
    if title.last - title.first != 1 or head not in _CONSTRUCT_HEADS:
        return k
    if _named_body_at(ctx, k) is not None or _organisation_at(ctx, k) is not None:
        return k  # "رئيس وكالة الاستخبارات المركزية": a body, read as one
    j = k
    while j < end and j - k < 2 and _field_noun(norms[j]) and not norms[j].startswith("ال"):
        j += 1  # "قسم"، "قاعدة": the construct goes on
    known = _best_entity(ctx, j) if j < end else None
    if known is not None and known.payload.entity.type in (PLACE, ORGANIZATION) and j > k:
        j = known.last  # "قاعدة الرياض": a field named after a place
    elif j < end and norms[j].startswith("ال") and _field_noun(norms[j]) and not _is_surname_here(ctx, j):
        j += 1
    else:
        return k
    while j < end and _field_adjective(ctx, j):
        j += 1  # "الطبيعية"، "الجوية"، "والثروة الحيوانية"
    return j


def _second_field(ctx: _Context, k: int) -> bool:
    """"والمناجم" between an office's field and whose office it is ("الجزائري"، "لجمهورية مالي")."""
    norms, end = ctx.norms, ctx.sentence.last
    if not norms[k].startswith("وال") or not _field_noun(norms[k][1:]) or len(norms[k]) < 6 or k + 1 >= end:
        return False
    if _best_entity(ctx, k) is not None or _is_surname_here(ctx, k):
        return False
    if gz.nisba_index().longest_at(norms, k + 1, end, clitics=False) is not None:
        return True
    following = _best_entity(ctx, k + 1)
    return following is not None and following.payload.entity.type == COUNTRY


def _second_field_in_construct(ctx: _Context, k: int) -> bool:
    """"وترقية الصادرات"، "وتنمية الأرياف" after an office's field, when the holder's honorific, a
    comma or whose office it is comes next: the office goes on."""
    norms, end = ctx.norms, ctx.sentence.last
    if k + 2 >= end or not norms[k].startswith("و") or norms[k].startswith("وال") or not norms[k].endswith("ه"):
        return False
    if not _field_noun(norms[k][1:]) or not norms[k + 1].startswith("ال") or not _field_noun(norms[k + 1]):
        return False
    after = k + 2
    return (
        norms[after] in ("،", ",")
        or honorifics().longest_at(norms, after, end) is not None
        or gz.nisba_index().longest_at(norms, after, end, clitics=False) is not None
    )


def _field_noun(norm: str) -> bool:
    return (
        _is_arabic_word(norm)
        and len(norm) >= 3
        and not is_stopword(norm)
        and norm not in given_names()
        and titles().longest_at((norm,), 0) is None
    )


def _field_adjective(ctx: _Context, j: int, feminine: bool = False) -> bool:
    """An adjective of an office's field, or a second field after و ("والثروة")); after a field the
    lists know, only a feminine one: "وزير الخارجية الصفدي" ends on a surname."""
    norm = ctx.norms[j]
    stem = norm[1:] if norm.startswith("وال") else norm
    return (
        stem.startswith("ال")
        and len(stem) >= 5
        and _field_noun(stem)
        and gz.nisba_index().longest_at(ctx.norms, j, ctx.sentence.last) is None
        and _best_entity(ctx, j) is None
        and not _is_surname_here(ctx, j)
        # ("وزير النفط والغاز X": a second field joined by و; a surname never starts with و)
        and (stem.endswith("ه") or (stem.endswith("ي") and not feminine) or norm.startswith("وال"))
    )


_CHARGED = frozenset(normalize(w) for w in ("المكلف", "المكلفة", "مكلف", "مكلفة", "المعني", "المعنية"))


_HOME_WORDS = frozenset(normalize(w) for w in ("البلاد", "الدولة"))


_ENVOY_KINDS = frozenset(normalize(w) for w in ("الشخصي", "الشخصية", "الخاص", "الخاصة"))


def _principal_after(ctx: _Context, k: int):
    """A head of state or king named after honorifics and his office ("حضرة صاحب السمو أمير البلاد
    الشيخ نواف"), right after an envoy's title: the one whose envoy he is."""
    norms, end = ctx.norms, ctx.sentence.last
    while k < end and norms[k] in _ENVOY_KINDS:
        k += 1  # "الموفد الشخصي للرئيس الفرنسي X إلى لبنان Y"
    j, _, count = _skip_honorifics(ctx, k)
    if not count:
        # "مبعوث الرئيس الجزائري عبد المجيد تبون": a head's office and his name, without honorifics
        office = titles().longest_at(norms, k, end)
        if office is None or office.payload.kind not in ("head", "royal"):
            return None
    for _ in range(6):
        known = _best_entity(ctx, j) if j < end else None
        if known is not None and known.payload.entity.type == PERSON:
            person = known.payload.entity
            head = person.represents.startswith("country:") and _role_kind(person.role) in ("head", "royal")
            return known if head and not known.payload.weak else None
        office = titles().longest_at(norms, j, end) if j < end else None
        if office is not None:
            j = office.last
        elif j < end and norms[j] in _HOME_WORDS:
            j += 1
        elif j < end and (nisba := gz.nisba_index().longest_at(norms, j, end, clitics=False)) is not None:
            j = nisba.last  # "الرئيس الجزائري"
        else:
            j, _, count = _skip_honorifics(ctx, j)
            if not count:
                return None
    return None


def _charged_field(ctx: _Context, k: int, inner: list[ActorMention]) -> int:
    """Past the words of the field an office is charged with ("بملف [الدول العربية]"،
    "بالشؤون [المغاربية]"): ال-words and the places or bodies they name, which the office
    deals with rather than serves."""
    norms, end = ctx.norms, ctx.sentence.last
    start = k
    while k < end and k - start < 4:
        known = _best_entity(ctx, k)
        if known is not None and known.payload.entity.type in (COUNTRY, PLACE, ORGANIZATION):
            inner.append(_entity_mention(ctx, known)._replace(in_title=True))
            k = known.last
            continue
        norm = norms[k]
        if norm == "غير" and _peek(norms, k + 1, end).startswith("ال"):
            k += 1  # "الهجرة غير النظامية"
            continue
        if not norm.startswith("ال") or is_stopword(norm) or norm in given_names() or _is_surname_here(ctx, k):
            break
        if titles().longest_at(norms, k, end) is not None or gz.nisba_index().longest_at(norms, k, end, clitics=False):
            break
        k += 1
    return k


_EMBASSY_WORDS = frozenset(normalize(w) for w in ("سفارة", "السفارة"))
# Offices that stand complete with the article alone: another office right after one is a second person
_BARE_OFFICE_KINDS = frozenset({"head", "minister", "government", "royal"})


def _seat_of_power(place) -> bool:
    """A palace or house that stands for a state's leadership (البيت الأبيض، الكرملين، الإليزيه),
    read after "باسم" only: names like "الديوان الأميري" are shared by several states."""
    return place.type == PLACE and place.kind == "venue" and bool(place.country)


def _embassy_word(norm: str) -> bool:
    return not _EMBASSY_WORDS.isdisjoint(clitic_stems(norm))


def _bare_office(ctx: _Context, title) -> bool:
    """"الرئيس"، "الوزير" alone: a one-word office with the article names its holder by itself."""
    word = ctx.norms[title.first][title.clitic :]
    return title.last - title.first == 1 and word.startswith("ال") and title.payload.kind in _BARE_OFFICE_KINDS


def _bare_envoy_then_leader(ctx: _Context, title, inner_title) -> bool:
    word = ctx.norms[title.first][title.clitic :]
    return (
        title.last - title.first == 1
        and word.startswith("ال")
        and title.payload.kind in ("diplomat", "envoy")
        and inner_title.payload.kind in _BARE_OFFICE_KINDS
    )


def _envoy_of_another_state(ctx: _Context, info, inner_title, represents: str) -> bool:
    """An envoy's office after another office, with a state of its own that is not the first
    office's ("رئيس الجمهورية سفير ماليزيا"، "وزير الخارجية المصري السفير الفرنسي"): a second person.
    An envoy's rank with no state after it stays the same person's ("مساعد وزير الخارجية السفير X")."""
    if info.kind in ("diplomat", "envoy") or inner_title.payload.kind not in ("diplomat", "envoy"):
        return False
    norms, end, k = ctx.norms, ctx.sentence.last, inner_title.last
    if k >= end:
        return False
    nisba = gz.nisba_index().longest_at(norms, k, end, clitics=False)
    if nisba is not None:
        state = f"country:{nisba.payload}"
    else:
        known = _best_entity(ctx, k)
        if known is None or known.payload.entity.type != COUNTRY:
            return False
        state = known.payload.entity.key
    return state != represents


def _envoy_of(info, known, represents: str) -> bool:
    """An ambassador or envoy of a known head of state or king ("مبعوث خادم الحرمين الشريفين")."""
    person = known.payload.entity
    return (
        info.kind in ("diplomat", "envoy")
        and not represents
        and not known.payload.weak
        and person.represents.startswith("country:")
        and _role_kind(person.role) in ("head", "royal")
    )


def _role_kind(role: str) -> str:
    found = titles().longest_at(tuple(normalize(role).split()), 0) if role else None
    return found.payload.kind if found is not None else ""


def _place_governed(ctx: _Context, k: int):
    """"حاكم دبي"، "محافظ حلب": a town after an office is where the office is, when its name is no
    given name or everyday word."""
    match = gz.name_index().longest_at(ctx.norms, k, ctx.sentence.last, clitics=False)
    if match is None or match.payload.entity.type != PLACE:
        return None
    word = match.phrase[0]
    return None if word in given_names() or word in everyday_words() else match


def _unknown_office_word(ctx: _Context, k: int) -> bool:
    """"مدير مكتب اللجنة المركزية للشؤون الخارجية": an unknown ال-word that more office follows."""
    norms, end = ctx.norms, ctx.sentence.last
    stem = next((s for _, s in clitic_variants(norms[k]) if s.startswith("ال")), "")
    if len(stem) < 4 or is_stopword(stem) or _is_surname_here(ctx, k) or k + 1 >= end:
        return False
    if norms[k] == stem and _verbal_noun(stem[2:]) and _title_ends_at(ctx, k):
        return False  # "أكد رئيس الوزراء التزام الحكومة": what he affirmed, a verbal noun
    following = norms[k + 1]
    if following in office_words() or following in _DESTINATION:
        return True
    if any(s.startswith("ال") and s in office_words() for _, s in clitic_variants(following)):
        return True
    known = _best_entity(ctx, k + 1)
    return known is not None and known.payload.entity.type != PERSON


def _title_ends_at(ctx: _Context, k: int) -> bool:
    """An office (of one or more words) ends right before token k."""
    return any(
        (found := titles().longest_at(ctx.norms, start, ctx.sentence.last)) is not None and found.last == k
        for start in range(max(ctx.sentence.first, k - 3), k)
    )


def _role_text(doc: Document, title, role_last: int, info) -> tuple[str, str]:
    """The office the title gives, and the words the text gives it in where they differ ("وزير
    خارجية" of "وزير خارجية مصر" is the office "وزير الخارجية")."""
    if not info.role:
        return "", ""  # "الضيف الروسي"، "المسؤول الروسي": words that point at a person, no office
    first, clitic = title.first, title.clitic
    if info.kind == "counterpart":
        if role_last <= title.last:
            return "", ""  # "نظيريه": the office of the person before, given later
        first, clitic = title.last, 0  # "نظيره وزير شؤون خارجية روسيا": the office the text gives
    elif info.number > 1 or (info.role != info.phrase and (
        _accusative_envoy(doc, title, len(doc.tokens)) or info.phrase.endswith("ا")  # "سفيرا" after a name
    )):
        return info.role, info.role  # "سفيراً فوق العادة مفوضاً": the office in its plain form, "سفير"
    text = _span_text(doc, first, max(role_last, title.last), clitic)
    return _office_of_text(text, title.last - title.first, title.clitic, info.phrase)


@lru_cache(maxsize=1 << 12)
def _office_of_text(text: str, size: int, clitic: int, phrase: str) -> tuple[str, str]:
    """_role_text's office of the words of the text, the title's `size` words first (cached: the
    same offices are written over and over)."""
    words = normalize_role(text).split()
    if len(words) > size + 1 and gz.nisba_index().longest_at((normalize(words[size]),), 0, clitics=False):
        del words[size]  # "المبعوث الجزائري الخاص": whose envoy is not part of the office
    words = _without_whom_it_serves(words, size)
    while len(words) > 1 and normalize(words[-1]) in _STATE_WORDS:
        words.pop()  # "وزير الخارجية في جمهورية [الجابون]": the state's title belongs to its name
    if words and clitic == 0 and words[0].endswith("ه") and phrase.endswith("ة"):
        words[0] = "ال" + words[0][:-1]  # "مبعوثه الخاص" (his special envoy) holds "المبعوث الخاص"
    return _definite_office(" ".join(words)), " ".join(words)


def _without_whom_it_serves(words: list[str], size: int) -> list[str]:
    """ "سفير الجمهورية الإسلامية الإيرانية لدى الدولة"، "وزير الخارجية الإيراني بالوكالة": the
    country the office serves and where its holder is accredited are no part of the office ("السفير"،
    "وزير الخارجية بالوكالة")."""
    if len(words) <= size:
        return words  # (the office's head alone: nothing to take out)
    norms = [normalize(w) for w in words]
    kept: list[str] = []
    served = False
    k = 0
    while k < len(words):
        if k >= size and norms[k] in _ACCREDITED_TO and kept:
            break  # "لدى الدولة"، "المعتمد لدى": to whom he is accredited, to the end
        country = gz.name_index().longest_at(norms, k, len(norms), clitics=False) if k >= size else None
        if country is not None and country.payload.entity.type == COUNTRY:
            while kept and normalize(kept[-1]) in _STATE_WORDS:
                kept.pop()
            k, served = country.last, True
            continue
        if (
            k > size
            and k + 1 < len(words)
            and norms[k].endswith(("ي", "يه"))
            and norms[k - 1] in office_words()
            and gz.nisba_index().longest_at(norms, k, k + 1, clitics=False)
        ):
            k += 1  # "وزير الخارجية الإيراني بالوكالة": whose office, inside it
            continue
        kept.append(words[k])
        k += 1
    if not kept:
        return words
    if served and size == 1 and not normalize(kept[0]).startswith("ال"):
        kept[0] = "ال" + kept[0]  # "سفير دولة الكويت" holds the office "السفير"
    return kept


_ACCREDITED_TO = frozenset(normalize(w) for w in ("لدى", "لدي", "المعتمد", "المعتمدة"))
_STATE_WORDS = frozenset(
    normalize(w)
    for w in ("في", "جمهورية", "بجمهورية", "لجمهورية", "دولة", "بدولة", "لدولة", "مملكة", "بمملكة", "لمملكة")
)


def _ministry_word(norm: str) -> bool:
    """"خارجية"، "دفاع": the name of a ministry without ال (not "شؤون", which a complement follows)."""
    return "ال" + norm in office_words() and (norm.endswith("يه") or norm in _MINISTRY_NOUNS)


_MINISTRY_NOUNS = frozenset(normalize(w) for w in ("دفاع", "عدل", "اقتصاد", "نفط", "تجارة", "طاقة", "صحة", "زراعة"))
_MINISTER_WORDS = frozenset(normalize(w) for w in ("وزير", "وزيرة", "ووزير", "ووزيرة"))


def _definite_office(role: str) -> str:
    """"وزير خارجية" (of "وزير خارجية مصر") is the office "وزير الخارجية"; "وزير شؤون رئاسة
    الجمهورية" stays as it is."""
    words = role.split()
    return " ".join(
        "ال" + w
        if position == len(words) - 1
        and position > 0
        and (
            (normalize(words[position - 1]) in _MINISTER_WORDS and _ministry_word(normalize(w)))
            or (normalize(words[position - 1]) in _HEAD_WORDS and normalize(w) in _HEADED)
        )
        else w
        for position, w in enumerate(words)
    )


# "رئيس وزراء" (of "رئيس وزراء الهند") is the office "رئيس الوزراء"; "رئيس جمهورية" "رئيس الجمهورية"
_HEAD_WORDS = frozenset(normalize(w) for w in ("رئيس", "رئيسة", "ورئيس", "مجلس"))
_HEADED = frozenset(normalize(w) for w in ("وزراء", "حكومة", "جمهورية"))


def _is_surname_here(ctx: _Context, k: int) -> bool:
    """"الرئيس الأسد": an office word that is a known surname, with no name after it, is the name."""
    norm = ctx.norms[k]
    if not norm.startswith("ال") or norm in office_words() or norm in everyday_words():
        return False
    if norm in ctx.surnames:
        return True  # "وصل رياض المالكي ... وكان في استقبال الوزير المالكي"
    known = gz.name_index().longest_at(ctx.norms, k, ctx.sentence.last)
    return known is not None and known.payload.entity.type == PERSON


# --- names --------------------------------------------------------------------------------------


def _name_list(ctx: _Context, k: int, represents: str = "") -> list[ActorMention]:
    """"الرئيسين بشار الأسد وفلاديمير بوتين", "الرئيسين الروسي فلاديمير بوتين والتركي رجب طيب أردوغان"
    (`represents`: the country of a nisba read just before k)."""
    norms, end = ctx.norms, ctx.sentence.last
    names: list[ActorMention] = []
    joined = False
    while k < end:
        nisba = gz.nisba_index().longest_at(norms, k, end)
        if nisba is not None and (nisba.clitic == 0 or (joined and norms[k].startswith("و"))):
            represents, k = f"country:{nisba.payload}", nisba.last
            joined = False
        name = _name_after(ctx, k, after_title=True, joined=joined)
        # a nisba before a name marks it as one however foreign ("والغامبي سيرين مودو نجي")
        if name is None or not (name.key or name.name[0] in given_names() or (represents and len(name.name) >= 2)):
            break
        names.append(name._replace(represents=represents or name.represents))
        represents = ""
        k = name.last
        if k < end and norms[k] in ("،", ","):
            k += 1
        if k >= end or not (norms[k].startswith("و") or norms[k - 1] in ("،", ",")):
            break
        joined = norms[k].startswith("و")
    return names


_LATIN_NAME_WORD = re.compile(r"[A-Z][a-z\u00e0-\u017f'-]+")
_LATIN_NAME_WORDS = (2, 4)  # a foreign name written in Latin letters after an office: two to four words


def _latin_name_at(ctx: _Context, k: int) -> ActorMention | None:
    """ "ورئيس جمهورية قبرص Nikos Christodoulides": a name the paper kept in Latin letters."""
    tokens, end = ctx.doc.tokens, ctx.sentence.last
    last = k
    while last < end and last - k < _LATIN_NAME_WORDS[1] and _LATIN_NAME_WORD.fullmatch(tokens[last].text):
        last += 1
    if last - k < _LATIN_NAME_WORDS[0]:
        return None
    return _span_mention(ctx, k, last, 0, PERSON, ctx.norms[k:last], named=True)


_PERSIAN_SON = normalize("زاده")  # "شمس زاده": the second word of a Persian family name, never feminine
_COMPOUND_SECONDS = frozenset(("الدين", _PERSIAN_SON))
_SYLLABLES_IN_NAME = (2, 4)


def _syllable_name_at(ctx: _Context, k: int) -> ActorMention | None:
    """ "سفير كوريا دو بونغ كي."، "المتحدث باسم الخارجية الصينية لو كان:": two to four syllables of an
    East-Asian name after an office, closed by a mark or the words said, are the holder's name, though
    some are Arabic words ("لو كان": if it was) that would end any other name."""
    norms, end = ctx.norms, ctx.sentence.last
    last = k
    while last < end and last - k < _SYLLABLES_IN_NAME[1] and norms[last] in name_syllables():
        last += 1
    for cut in range(last, k + _SYLLABLES_IN_NAME[0] - 1, -1):
        after = _peek(norms, cut, end)
        if after in _NAME_ENDS or after in _WORDS_FOLLOW or _title_word(after) or _reporting_verb(after):
            return _span_mention(ctx, k, cut, 0, PERSON, norms[k:cut])
    return None


def _name_after(
    ctx: _Context, k: int, *, after_title: bool, joined: bool = False, met: bool = False, woman: bool = False
) -> ActorMention | None:
    """A person's name starting at token k (after "و" when `joined` to a name before, after "ب" when
    `met` by the verb before: "التقى بناصر عبد الكريم"; after a woman's office or honorific when
    `woman`: "سفيرة بنغلادش ناهدة رحمن")."""
    norms, end, doc = ctx.norms, ctx.sentence.last, ctx.doc
    if k >= end:
        return None
    if after_title and not joined and not met and _LATIN_NAME_WORD.fullmatch(doc.tokens[k].text):
        return _latin_name_at(ctx, k)
    clitic = 0
    first_norm = norms[k]
    if met:
        clitic, first_norm = 1, first_norm[1:]
    elif after_title and _met_by_name(ctx, k):
        return None  # "اجتمع رئيس الوزراء بمحمد الحلبوسي": whom he met, not the office's holder
    elif joined:
        if first_norm.startswith("و") and len(first_norm) > 3:
            clitic, first_norm = 1, first_norm[1:]
        elif norms[k - 1] not in ("،", ","):
            return None
    known = _person_at(ctx, k, clitic)
    if known is not None:
        return known._replace(weak=False) if after_title else known
    syllables = _syllable_name_at(ctx, k) if after_title and not clitic and first_norm in name_syllables() else None
    if syllables is not None:
        return syllables
    named_before = first_norm in ctx.family and first_norm not in _arabic_given_names()
    if after_title and (first_norm in ctx.surnames or named_before):
        # "الوزير المالكي"، "الوزيرة جولي شكر ...": named before, and the name ends there
        return _span_mention(ctx, k, k + 1, clitic, PERSON, [first_norm])
    if _office_here(ctx, k):
        return None  # "سمو ولي العهد": an office, not a name
    # a given name that is also an office ("سلطان بن أحمد الجابر"، "أمير عبد اللهيان") when a name goes on
    following = _peek(norms, k + 1, end)
    given = (
        first_norm in given_names()
        and not _function_word(first_norm)
        and (after_title or given_names()[first_norm] is False)
        and (following in _PARTICLES or following in given_names() or _known_name_word(following))
        and not _office_here(ctx, k)
    ) or (after_title and (_ali_here(ctx, k) or _given_after_honorific(ctx, k, first_norm, following)))
    # "السفير الإيراني في مسقط علي نجفي،"، "المتحدث باسم الحكومة علي بهادري جهرمي": Ali after an
    # office, then last names that close the name
    closing = _peek(norms, k + 2, end)
    given = given or (
        after_title
        and first_norm == "علي"
        and (_closes_name(closing) or (_foreign_word_shape(closing) and _closes_name(_peek(norms, k + 3, end))))
        and _plausible_first_name(following)
        and not following.startswith("ال")
        and (following not in everyday_words() or _month_surname(ctx, k + 1))
    )
    # "وقال علي الأنصاري": written with ي, not ى, and a name after it: Ali, though no office precedes
    given = given or (clitic == 0 and doc.tokens[k].text.endswith("علي") and _ali_here(ctx, k))
    given = given or (clitic == 0 and _kunya_at(ctx, k))
    # "آن باترسون"، "آنا": written with madda, the given name is no particle ("أن"، "أنا")
    madda = after_title and clitic == 0 and doc.tokens[k].text.startswith("آن") and first_norm in given_names()
    given = given or (madda and _name_word(following) and following not in everyday_words())
    # "عيد بن محمد الثقفي": a word before "بن" and a given name is the first of a chain of names
    given = given or (
        after_title
        and following in ("بن", "بنت")
        and _peek(norms, k + 2, end) in given_names()
        and not first_norm.startswith("ال")
        and not _function_word(first_norm)
    )
    # "السيد الناني ولد اشروقه": a word before "ولد" and a name word is a Mauritanian name's first
    given = given or (
        after_title and following == "ولد" and _name_word(_peek(norms, k + 2, end)) and not _function_word(first_norm)
        and first_norm not in everyday_words() and first_norm not in office_words()
    )  # fmt: skip
    # "فخر الدين ألطون"، "نور الدين"، "عز الدين": a word with الدين after it is a compound given name;
    # "شمس زاده"، "خطيب زاده": a word with زاده ("born of") after it a Persian family name
    given = given or (
        following in _COMPOUND_SECONDS and 2 <= len(first_norm) <= 5 and not _function_word(first_norm) and after_title
    )
    # "سفيرة بنغلادش ناهدة رحمن": after a woman's office a word in ة that a name word follows is her
    # given name, though no list knows it
    in_ta = woman and not given and _woman_given_name(ctx, k, first_norm, following)
    given = given or in_ta
    # "المنسقة الخاصة ... جوانا ورونيكا": a woman's foreign given name in ا, though "جوان" is a month
    in_alif = woman and not given and first_norm.endswith("انا") and _name_word(following) and (
        following not in everyday_words()
    )
    # "سفير ماليزيا أزري مات يعقوب"، "أبشر عمر جامع": after an office, a word no list knows that a
    # given name and a third name word follow is the first of the holder's names, whatever its shape
    before_given = (
        after_title and not given and clitic == 0 and following in given_names() and _name_word(first_norm)
        and first_norm not in everyday_words() and not _tafil(first_norm) and len(first_norm) >= 3
        and first_norm[:1] != "و" and not first_norm.startswith(("ال", "لل"))
        and not first_norm.endswith(("ه", "ها", "هم", "هما", "كم"))  # ("المتحدث باسمها رامين ...")
        and (following != "علي" or _ali_here(ctx, k + 1))
        and k + 2 < end and (_name_word(norms[k + 2]) or norms[k + 2] in given_names())
        and norms[k + 2] not in everyday_words()
        and titles().longest_at(norms, k + 1, end) is None  # ("باقتراح ولي عهد السعودي": an office follows)
    )  # fmt: skip
    if _with_tanween(doc.tokens[k].text):
        return None
    if not given and not _name_word(first_norm):
        return None
    maghrebi = first_norm == "بن" and after_title and _peek(norms, k + 1, end) in given_names() and (
        _peek(norms, k + 2, end).startswith("ال")
    )  # "السيد بن علي الشريف": a family name in بن, right after the title
    if first_norm in ("بن", "ابن", "بنت", "ال") and not maghrebi:
        return None  # "... بن عبدالعزيز": the rest of a name already read
    if len(first_norm) <= 2 and not given and k + 1 >= end:
        return None  # "السفير نا": a name cut off where the page's text ends
    if not after_title and not _starts_with_given_name(first_norm) and not given and not (
        first_norm in given_names() and _surname_follows(ctx, k + 1)
    ):
        return None
    chain = (following in ("بن", "بنت") and _peek(norms, k + 2, end) in given_names()) or (
        following == "ولد" and _name_word(_peek(norms, k + 2, end))
    )  # "عيد بن محمد"، "الناني ولد اشروقه"
    if after_title and not (
        _plausible_first_name(first_norm)
        or _foreign_al(doc.tokens[k].text)
        or following in _COMPOUND_SECONDS
        or chain
        or in_ta
        or in_alif
        or before_given
    ):
        return None
    if after_title and not given and _tafil(first_norm) and first_norm not in given_names():
        if following.startswith("ال") and k + 2 < end and _name_word(norms[k + 2]):
            # "رئيس حكومة تسيير الأعمال مهدي جمعة": the verbal noun and its object end the office
            return _name_after(ctx, k + 2, after_title=True)
        return None  # "قرر الأمير تعيين ...": the verbal noun تفعيل, not a name
    if first_norm in _THANKS_WORDS and _peek(norms, k + 1, end).startswith("ال"):
        return None  # "قدم مبعوث الأمين العام خالص الشكر": sincere thanks, not a name
    everyday_given = given_names().get(first_norm) is not False
    if after_title and not given and first_norm in everyday_words() and _pronoun_on(_peek(norms, k + 1, end)):
        return None  # "وأكد رئيس الجمهورية نجاح زيارته": a noun the next word's pronoun hangs on, no name
    if not after_title and not given and everyday_given and not _surname_follows(ctx, k + 1):
        return None  # an everyday word that is also a name ("نيل"، "غير") starts no name on its own
    words = [first_norm]
    j = k + 1
    surname_first = (
        bool(gz.name_index().get((first_norm,)))
        and first_norm not in given_names()
        and not (j < end and _continues_name(ctx, j, words, after_title) and norms[j] not in everyday_words())
    )
    while not surname_first and j < end and _room_in_name(words, norms[j]):
        norm = norms[j]
        if norm == "-" and j + 1 < end and _hyphen_joins(doc, j):
            words[-1] = words[-1] + "-" + norms[j + 1]
            j += 2
            continue
        son_of_ali = norm in ("بن", "ابن", "بنت") and _peek(norms, j + 1, end) == "علي"  # "بن علي": Ali's son
        if norm in _PARTICLES and j + 1 < end and (_name_word(norms[j + 1]) or son_of_ali):
            words.append(norm)
            j += 1
            continue
        if norm == "الدين" and words[-1] not in _PARTICLES and len(words[-1]) >= 3:
            words.append(norm)  # "سراج الدين"، "صلاح الدين": one name in two words
            j += 1
            continue
        if norm in ("بن", "ابن", "بنت") and j + 2 < end and norms[j + 1] in _NAME_RANKS and _name_word(norms[j + 2]):
            words.extend((norm, norms[j + 1]))  # "السلطان إبراهيم بن السلطان إسكندر": the father's rank
            j += 2
            continue
        # "بن سلطان"، "بن أمير": after "بن" a given name that is also an office is the father's name
        father = words[-1] in ("بن", "ابن", "بنت") and norm in given_names() and not _function_word(norm)
        if not father and not _continues_name(ctx, j, words, after_title):
            break
        if norm in everyday_words() and norm not in given_names() and _pronoun_on(_peek(norms, j + 1, end)):
            break  # "وأكد الأمير تميم حرص بلاده على ...": a noun the next word's pronoun hangs on
        words.append(norm)
        j += 1
    if words[-1] in _PARTICLES:
        return None
    if len(words) == 1 and not after_title:
        return None
    # a known person further on ("تصريف الأعمال نجيب ميقاتي"): the words before belong to the office
    for m in range(k + 1, min(j, k + 3)):
        if norms[m] in ("بن", "ابن", "بنت") or norms[m - 1] in ("بن", "ابن", "بنت"):
            break  # "مكتوم بن محمد بن راشد": the father's name, part of this one
        if norms[m - 1] in given_names():
            break  # "ثامر جابر الأحمد الصباح": a given name before, so the known name is his father's
        inside = _person_at(ctx, m, 0)
        if inside is not None and not inside.weak and inside.name[0] in given_names():
            return inside
    return _span_mention(ctx, k, j, clitic, PERSON, words)


def _woman_given_name(ctx: _Context, k: int, first_norm: str, following: str) -> bool:
    """After a woman's office, is the word in ة at k her given name ("ناهدة")? Not a feminine noun
    ("زيارة"، "المشاركة") nor a verbal noun, and a name word, neither ال-word nor noun, follows it."""
    if len(first_norm) < 4 or not ctx.doc.tokens[k].text.endswith("ة") or first_norm.startswith("ال"):
        return False
    if first_norm in everyday_words() or _function_word(first_norm) or _person_noun(first_norm):
        return False
    if first_norm[0] in "وفبل" and (first_norm[1:] in everyday_words() or first_norm[1:3] == "ال"):
        return False  # "بالمشاركة"، "وزيارة": a clitic on a noun
    if _prose_shape(first_norm):
        return False
    if len(first_norm) == 6 and first_norm[0] == "م" and first_norm[2] == "ا":
        return False  # "مشاركة"، "مناقشة": the verbal noun مفاعلة
    if following in given_names() and not _function_word(following):
        return True  # "ناهدة كريم": her father's given name, though a word too
    return (
        _name_word(following)
        and not following.startswith("ال")
        and following not in everyday_words()
        and not _person_noun(following)
        and not _prose_shape(following)
    )


# adjectives of thanks and greeting that come right after an office as the object ("خالص الشكر")
_THANKS_WORDS = frozenset(normalize(w) for w in ("خالص", "جزيل", "عميق", "بالغ", "أسمى", "أصدق", "أطيب"))


def _pronoun_on(norm: str) -> bool:
    """ "زيارته"، "جهودها"، "بلادهم": an everyday word with a possessive pronoun on it."""
    for ending in ("هما", "هم", "ها", "ه"):
        if len(norm) > len(ending) + 2 and norm.endswith(ending) and norm[: -len(ending)] in everyday_words():
            return True
        if ending == "ه" and norm.endswith("ته") and (norm[:-2] + "ه") in everyday_words():
            return True  # "زيارته": the ة of "زيارة" written ت before the pronoun
    return False


_RELATIVE_WORDS = frozenset(normalize(w) for w in ("التي", "الذي", "اللتين", "اللذين"))


def _broken_plural(stem: str) -> bool:
    """ "مراحل"، "مسائل"، "مصالح": the plural pattern مفاعل (five letters, م then ا third)."""
    return len(stem) == 5 and stem[0] == "م" and stem[2] == "ا" and stem[-1] not in "يه"


def _tafil(norm: str) -> bool:
    """The verbal noun تفعيل ("تنديد"، "تأكيد"، "تعزيز"، "تعيين"): ت, two letters, ي, a letter."""
    return (
        len(norm) == 5 and norm[0] == "ت" and norm[3] == "ي" and norm[1] not in "ايو" and norm[2] not in "او"
        and (norm[2] != "ي" or norm[4] != "ي")
    )


def _office_word_alone(ctx: _Context, i: int) -> bool:
    """A word read as an office ("رئيسي") with nothing after it that an office would take."""
    title = titles().longest_at(ctx.norms, i, ctx.sentence.last)
    return title is not None and title.last == i + 1 and not title.clitic


def _foreign_al(text: str) -> bool:
    """ "ألبروس"، "ألكسندر"، "ألبرتو": أل with its hamza begins a foreign name; the article is ال."""
    return len(text) >= 5 and text.startswith("أل") and text[2:3] not in ("ا", "أ", "إ", "ى")


def _may_start_unknown_name(norm: str) -> bool:
    """A given name, or a word that is no everyday or function word and may begin a name (cached)."""
    cached = _UNKNOWN_START.get(norm)
    if cached is None:
        cached = _UNKNOWN_START[norm] = norm in given_names() or (
            norm not in everyday_words() and not _function_word(norm) and _plausible_first_name(norm)
        )
    return cached


_UNKNOWN_START: dict[str, bool] = {}


def _title_word(norm: str) -> bool:
    """Can an office start at this word? (a quick test before the full lookups)"""
    cached = _TITLE_START.get(norm)
    if cached is None:
        cached = _TITLE_START[norm] = titles().longest_at((norm,), 0) is not None or any(
            stem in titles()._by_first for _, stem in clitic_variants(norm)
        )
    return cached


_TITLE_START: dict[str, bool] = {}
_OFFICE_START = WordTest(_title_word)  # (the same, for map() to look words up in, in C)


def _reporting_verb(norm: str) -> bool:
    """Is this word a reporting verb ("وقال"، "أضاف")? Cached: it is asked of every word."""
    cached = _REPORTING.get(norm)
    if cached is None:
        cue = reporting_cues().longest_at((norm,), 0)
        cached = _REPORTING[norm] = cue is not None and cue.payload.kind == "verb"
    return cached


_REPORTING: dict[str, bool] = {}


def _office_set_off_after(ctx: _Context, j: int) -> bool:
    """"، سفير ..."، "، وزير ...": a comma, then an office (no preposition on it)."""
    if _peek(ctx.norms, j, ctx.sentence.last) not in ("،", ","):
        return False
    found = titles().longest_at(ctx.norms, j + 1, ctx.sentence.last)
    return found is not None and not found.clitic


_IN_CAPACITY = frozenset(normalize(w) for w in ("بصفته", "بصفتها"))
_CAPACITY_REACH = 8


def _offices_in_capacity(norms, found: list[ActorMention]) -> list[ActorMention]:
    """ "السيد X الذي سلمه أوراق اعتماده بصفته سفيراً مفوضاً فوق العادة لجمهورية Y": the office a
    relative clause right after a name gives him "in his capacity as" is his."""
    result: list[ActorMention] = []
    for mention in found:
        before = next((m for m in reversed(result) if m.type == PERSON and m.named), None)
        if (
            before is not None and mention.type == PERSON and not mention.named and mention.role
            and not before.role and mention.head > 0 and norms[mention.head - 1] in _IN_CAPACITY
            and mention.head - before.last <= _CAPACITY_REACH
            and norms[before.last + (norms[before.last] in ("،", ","))] in ("الذي", "التي")
        ):  # fmt: skip
            result[result.index(before)] = before._replace(role=mention.role, represents=mention.represents)
            continue
        result.append(mention)
    return result


_PRESENT = frozenset(normalize(w) for w in (
    "حضر", "وحضر", "حضره", "وحضره", "حضرها", "وحضرها", "بحضور", "وبحضور", "بمشاركة", "وبمشاركة",
    "يرافقه", "ويرافقه", "رافقه", "ورافقه", "يضم", "ويضم", "ضم", "وضم",
))  # fmt: skip


def among_those_present(norms, i: int, first: int) -> bool:
    """Is token i in the list that "وحضر اللقاء"، "بحضور"، "ويرافقه" opens, with no verb between?"""
    for k in range(i - 1, max(first, i - _MEMBERS_REACH) - 1, -1):
        if norms[k] in _PRESENT:
            return True
        if triggers().longest_at(norms, k, k + 1) is not None and not (k > first and norms[k - 1] in _PRESENT):
            return False  # "بحضور X، استقبل الرئيس Y وزير ...": the office after Y is whom he received
    return False


def _envoy_in_accusative_at(ctx: _Context, j: int) -> bool:
    """"أوراق اعتماد سباستيان زافالا سفيراً لجمهورية الأرجنتين": an envoy's office in the accusative
    right after the words says what they are: the name of the envoy it accredits."""
    found = titles().longest_at(ctx.norms, j, ctx.sentence.last)
    if found is None or found.clitic or found.payload.kind not in ("diplomat", "envoy"):
        return False
    return _with_tanween(ctx.doc.tokens[j].text) or ctx.norms[found.last - 1].endswith("ا")


def _office_of_a_body_after(ctx: _Context, j: int) -> bool:
    """"فيم دويسنبرج رئيس البنك المركزي الأوروبي": an office that heads a body named after it,
    right after the name, describes the name."""
    norms, end = ctx.norms, ctx.sentence.last
    found = titles().longest_at(norms, j, end)
    if found is None or found.clitic or found.payload.number != 1 or found.payload.kind == "counterpart":
        return False
    if norms[j].startswith("ال"):
        return False  # "الرئيس"، "الوزير" after a name: the object of a verb as often as an apposition
    following = _peek(norms, found.last, end)
    return following.startswith("ال") or _best_entity(ctx, found.last) is not None if found.last < end else False


def _adjective_alias(ctx: _Context, entity) -> bool:
    """A body known by a nisba alone ("العمانية" for the Oman News Agency), right after a definite
    noun it agrees with as an adjective ("العاصمة العمانية"، "الخارجية العمانية")."""
    if entity.payload.entity.type != ORGANIZATION or entity.last - entity.first != 1 or entity.first == 0:
        return False
    if not gz.nisba_index().longest_at(ctx.norms, entity.first, entity.last, clitics=False):
        return False
    before = ctx.norms[entity.first - 1]
    return before.startswith(("ال", "وال", "بال", "لل")) and before not in _NOT_NOUNS


_NOT_NOUNS = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "إلى", "الى", "إلا", "الا"))


def _kunya_at(ctx: _Context, k: int) -> bool:
    """"أبو جهاد الهاشمي"، "أبو مازن": أبو and a given name make a name (a kunya)."""
    if ctx.norms[k] != "ابو" or k + 1 >= ctx.sentence.last:
        return False
    following = ctx.norms[k + 1]
    return following in given_names() and not _function_word(following) and not _office_here(ctx, k + 1)


_LADY = frozenset(normalize(w) for w in ("السيدة", "والسيدة", "الآنسة", "السيدات"))


def _given_after_honorific(ctx: _Context, k: int, first_norm: str, following: str) -> bool:
    """"السيدة آلينا رومانوسكي": after an honorific, a given name that is also a function word
    ("إلينا") begins a name when a name word follows it; after "السيدة" any given name does ("آنا")."""
    if first_norm not in given_names() or not _name_word(following) or following in everyday_words():
        return False
    before = next(
        (found for start in range(max(ctx.sentence.first, k - 3), k)
         if (found := honorifics().longest_at(ctx.norms, start, k)) is not None and found.last == k),
        None,
    )  # fmt: skip
    if before is None:
        return False
    if given_names()[first_norm] is False or before.phrase[-1] in _LADY:
        return True
    if not _title_word(first_norm):
        return False
    # "الدكتور سلطان سالمين المنصوري": a given name that is also an office, not followed by a state
    place = _best_entity(ctx, k + 1)
    return place is None or place.payload.entity.type not in (COUNTRY, PLACE)


def _room_in_name(words: list[str], norm: str) -> bool:
    """Four words make a name; Gulf names run longer ("عبدالله علي عبدالله السالم الصباح") when
    the words past four are names too."""
    content = len([w for w in words if w not in _PARTICLES and w != "الدين"])
    if content < _MAX_NAME_WORDS:
        return True
    return content < _MAX_NAME_WORDS + 2 and (
        _known_name_word(norm) or given_names().get(norm) is False or norm in _family_names()
        or (_short_family_name(norm) and len(norm) >= 7)  # "... محمد صالح السهلاوي"
    )


@cache
def _family_names() -> frozenset[str]:
    """The ال-words that end the gazetteer's names ("الصباح"، "آل ثاني" ...), everyday words too."""
    found = set()
    for row in read_table("actors.tsv"):
        for name in [row["name_ar"], *row.get("aliases_ar", "").split("|")]:
            last = normalize(name.lstrip("~+")).split()[-1:] if name else []
            found.update(w for w in last if w.startswith("ال") and len(w) > 3)
    return frozenset(found - set(office_words()))


def _ali_here(ctx: _Context, j: int) -> bool:
    """"علي" (also written "على") is the name Ali, not the preposition, when a name goes on after
    it: "عبدالله علي عبدالله"، "على الصادق"، "علي بن ..."."""
    if ctx.norms[j] != "علي" or j + 1 >= ctx.sentence.last:
        return False
    following = ctx.norms[j + 1]
    if (
        following in ("عبد", "بن", "ابو", "ال")
        or given_names().get(following) is False
        or (following.startswith("ال") and following in given_names())  # "الصادق"، "الطيب"
        or (_known_name_word(following) and following not in everyday_words())
    ):
        return True
    if j > ctx.sentence.first and ctx.norms[j - 1] in given_names() and following in given_names() and (
        _peek(ctx.norms, j + 2, ctx.sentence.last) in _NAME_ENDS
    ):
        return True  # "حسن علي خيري،": between a given name and a last name that closes it
    if j > ctx.sentence.first and ctx.norms[j - 1] in _PILGRIM and following in _NAME_ENDS:
        return True  # "دفع الله الحاج علي،": the pilgrim's name, closing the name
    # a mark right after it: no preposition is left without its noun ("عبد السلام عبدي علي، لقاءين")
    closed = following in _NAME_ENDS or following == ":"
    before = ctx.norms[j - 2 : j] if j > ctx.sentence.first + 1 else ()
    if closed and before and all(w in given_names() or _name_word(w) for w in before):
        return True  # "السفير حسين عوض علي، وزير الخارجية"، "السيد عبد السلام عبدي علي.": a name closed by علي
    if j > ctx.sentence.first and ctx.norms[j - 1] in given_names() and _family_name_shape(following):
        return True  # "عبدالحميد علي الفيلكاوي": a family name of the nisba shape after him
    if ctx.doc.tokens[j].text == "علي" and following[:1] == "و" and j > ctx.sentence.first + 1 and all(
        _name_word(w) for w in ctx.norms[j - 2 : j]
    ):
        # "السفير السوري علي عبد الكريم علي وعرض معه": the name closes on علي, the next verb is joined by و
        end = ctx.sentence.last
        verb = triggers().longest_at(ctx.norms, j + 1, end) or reporting_cues().longest_at(ctx.norms, j + 1, end)
        if verb is not None and verb.first == j + 1 and verb.clitic:
            return True
    if (
        ctx.doc.tokens[j].text == "علي"
        and j > ctx.sentence.first
        and _name_word(ctx.norms[j - 1])
        and following.startswith("ال")
        and _name_word(following)
        and following not in everyday_words()
        and not _function_word(following)
        and _peek(ctx.norms, j + 2, ctx.sentence.last) in _NAME_ENDS
    ):
        return True  # "رئيس مجلس الأمة مرزوق علي الغانم،": written with ي between names, closed after
    # "الدكتور علي كابا": after an honorific, a foreign-looking surname (not "حصل الدكتور على جائزة")
    after_honorific = j > ctx.sentence.first and honorifics().longest_at(ctx.norms, j - 1, j) is not None
    third = _peek(ctx.norms, j + 2, ctx.sentence.last)
    fourth = _peek(ctx.norms, j + 3, ctx.sentence.last)
    if after_honorific and following in given_names() and (
        given_names().get(third) is False
        or _short_family_name(third)
        or (third in given_names() and (_title_word(fourth) or fourth in _NAME_ENDS))  # "علي مثنى حسن نائب"
    ):
        return True  # "الدكتور علي حسن العمري" (not "أكد الدكتور على حسن الجوار")
    closes = third in _NAME_ENDS
    return after_honorific and closes and _plausible_first_name(following) and not following.startswith("ال")


def _office_here(ctx: _Context, k: int) -> bool:
    """"ولي العهد" is an office though "ولي" is also a given name."""
    found = titles().longest_at(ctx.norms, k, ctx.sentence.last, clitics=False)
    return found is not None and found.last - found.first > 1


def _hyphen_joins(doc: Document, j: int) -> bool:
    """"توماس-غرينفيلد": a hyphen with no space on either side joins one name."""
    tokens = doc.tokens
    return tokens[j - 1].end == tokens[j].start and tokens[j].end == tokens[j + 1].start


def _person_at(ctx: _Context, k: int, clitic: int) -> ActorMention | None:
    matches = [
        m
        for m in gz.name_index().match_at(ctx.norms, k, ctx.sentence.last)
        if m.payload.entity.type == PERSON and m.clitic <= clitic
    ]
    if not matches:
        return None
    best = max(matches, key=lambda m: (m.last - m.first, not m.payload.weak))
    if best.payload.weak and known_surname_is_word(best.phrase):
        return None
    if best.payload.weak and best.last < ctx.sentence.last:
        following = ctx.norms[best.last]
        if _name_word(following) and following not in everyday_words() and not _known_surname_of(best, following):
            return None  # "قاسم الأعرجي"، "جيفري فيلتمان": someone else than the gazetteer's surname
    if _longer_name_of_another(ctx, best):
        return None  # "السفير محمد مصطفى عرفي"، "السيد عبد السلام هدليه عمر": another person's longer name
    return _entity_mention(ctx, best)


def _known_surname_of(match, following: str) -> bool:
    """Is the word after a gazetteer surname the next word of that person's own name?"""
    return following in normalize(match.payload.entity.label).split()


@cache  # (a test of the word alone, asked of the same words over and over)
def _plausible_first_name(norm: str) -> bool:
    """After an office, is this word the start of a name? Not an everyday word ("جلسة"), not a
    word with a preposition on it ("لعملية"), not a feminine noun that is no given name."""
    if not norm:
        return False  # (the text's end: no word after)
    if norm in given_names():
        return True
    if _person_noun(norm) or _past_verb_shape(norm):
        return False  # ("المستشارة الألمانية تعرضت خلاله": a verb)
    if norm in everyday_words() or norm.startswith(("لل", "بال", "وال", "فال", "كال", "ال")):
        return False  # a name does not start with ال unless it is a known surname ("الرئيس الأسد")
    if len(norm) > 3 and norm.endswith("ا") and (norm[:-1] in everyday_words() or _tafil(norm[:-1])):
        return False  # "قدم الرئيس دعما"، "تنديدا بالهجوم": an accusative noun whose tanween the page left out
    if len(norm) > 3 and norm[0] in "بل" and norm[1:] in everyday_words() and norm not in given_names():
        return False  # "بذكرى الوحدة": a preposition on an everyday word
    if norm[0] in "بل" and (_tafil(norm[1:]) or (len(norm) > 5 and _verbal_noun(norm[1:]))):
        return False  # "بتعزيز العلاقات"، "باقتراح ولي العهد": a preposition on a verbal noun
    if (norm.startswith("است") or (norm[:2] == "ات" and len(norm) == 5 and norm[3] == "ا")) and (
        not _known_name_word(norm)
    ):
        return False  # "أكد للرئيس الأمريكي اتخاذ الإجراءات"، "استئناف": a verbal noun, no name
    if norm[0] == "و" and not _known_name_word(norm):
        # "الوزير ونأمل"، "وزير الخارجية وتبع ذلك": و starts a new clause, not a name; a long
        # word that is nothing after و is a foreign name ("ويجيسينجهي")
        stem = norm[1:]
        prose = _prose_shape(stem) or stem.endswith("ه") or stem.startswith(("ال", "است", "ان", "ت"))
        prose = prose or (stem.endswith(("ها", "هم", "هما")) and len(stem) > 4)  # "وأعضائها": and its members
        return len(norm) >= 7 and _foreign_name_word(norm, [""]) and not prose
    if _prose_shape(norm):
        return False
    if norm.endswith("ه") and len(norm) > 3:
        return False
    if norm.endswith(("ها", "هما", "هم")) and len(norm) > 4 and not _known_name_word(norm):
        return False  # "المتحدث باسمها": a word with a pronoun on it
    if norm.endswith("ات") and len(norm) > 4:
        return False  # "تحيات": a feminine plural, not a name
    if len(norm) == 4 and norm[0] == "ا" and norm[1] != "ي":
        return False  # "اطلق"، "اعلن": a verb of the form أفعل written without its hamza (not "إيرج")
    if len(norm) == 5 and norm[0] == "ا" and (norm[2] == "ت" or norm[1] == "ط") and norm[1] not in "يو":
        return False  # "اجتمع"، "انتقل"، "اطمأن": a verb of the form افتعل (its ت as ط after ط)
    stem = norm[1:]
    if norm[0] in "وف" and (stem in given_names() or stem in everyday_words()):
        return False
    if norm[0] == "ل":
        return False  # "لبري": "for Berri", not a name
    if honorifics().longest_at((norm,), 0):
        return False  # "بسمو": an honorific behind a clitic
    if norm[0] == "ب" and len(norm) == 5 and norm[3] in "وا" and norm[1] not in "اوي" and norm[1:] not in given_names():
        return False  # "بحلول"، "بدوام": ب on a verbal noun (فعول، فعال), not a name
    return not (norm[0] in "لب" and (stem in everyday_words() or stem in office_words() or stem.endswith("ه")))


def _foreign_surname_after(words: list[str], norm: str) -> bool:
    """ "يوناس يونسون": after a foreign given name, a word shaped like a verb of the present tense
    ("يبحثون") is the surname."""
    return (
        len(words) == 1 and words[0] in given_names() and words[0] not in _arabic_given_names()
        and norm[0] == "ي" and norm.endswith(("ون", "ان"))
    )


@cache  # (a test of the word alone, asked of the same words over and over)
def _prose_shape(norm: str) -> bool:
    """Shapes of Arabic verbs and verbal nouns that no name takes: "يتسلم"، "تستضيف" (present
    tense), "اغتنم"، "اجتمع" (افتعل), "استعداد" (استفعال), "ادعاء"، "انتهاء" (nouns in اء), and
    words with a dual pronoun ("وتمنياتهما")."""
    if norm in given_names() or _known_name_word(norm):
        return False
    if norm.startswith(("يت", "يست", "تت", "تست", "نت", "نست")) and len(norm) >= 5:
        return True
    if len(norm) == 4 and norm[0] in "يت" and norm[1] not in "اوي":
        return True  # "يرفع"، "يقام"، "تعقد": the present tense of a three-letter verb
    if len(norm) == 5 and norm[0] in "يت" and norm[1] not in "اوي" and norm[2] == "ا":
        return True  # "يغادر"، "يناقش"، "تشارك": the present tense of فاعل
    if len(norm) == 5 and norm[:2] in ("ين", "تن") and norm[2] not in "اوي":
        return True  # "تندرج"، "ينعقد"، "تنطلق": the present tense of انفعل
    if len(norm) == 5 and norm[0] in "يت" and norm[2] == "ت" and norm[1] not in "اوي":
        return True  # "تعتزم"، "يجتمع": the present tense of افتعل
    if len(norm) == 5 and norm[0] == "ا" and norm[2] == "ت":
        return True
    if len(norm) == 7 and norm.startswith("است") and norm[5] == "ا":
        return True
    if len(norm) == 6 and norm[0] == "ا" and norm[4] == "ا" and (norm[2] == "ت" or norm[1] == "ن"):
        return True  # "اعتماد"، "اجتماع"، "انسحاب": the verbal nouns افتعال and انفعال
    if norm.startswith("است") and norm.endswith("ا") and len(norm) >= 6:
        return True  # "استنادا"، "استعدادا": a verbal noun as an adverb
    if norm[0] == "ي" and norm.endswith(("ان", "ون")) and 5 <= len(norm) <= 6:
        return True  # "يؤكدان"، "يبحثان": the present tense of two or more (not "تشوهان"، "تيكران")
    return norm.endswith(("اء", "هما", "كما")) and len(norm) >= 5


def _accusative_envoy(doc: Document, title, end: int) -> bool:
    """"سفيراً"، "سفيرا فوق العادة": one envoy in the accusative (a dual "سفيرا" is followed by whose
    envoys they are, never by فوق العادة); `end`: where the words may go on to."""
    return _with_tanween(doc.tokens[title.last - 1].text) or _peek(doc.token_norms, title.last, end) == "فوق"


def _with_tanween(token_text: str) -> bool:
    """"عدداً": an indefinite noun with its case ending, never a name."""
    return any(mark in token_text for mark in "\u064b\u064c\u064d")


_PERSIAN_FAMILY_ENDS = frozenset(normalize(w) for w in ("بور", "پور", "زاده"))


def _continues_name(ctx: _Context, j: int, words: list[str], after_title: bool = False) -> bool:
    """Does token j go on with the name of `words`? After an office, foreign names of three words
    ("تشو تاي يول") and surnames in ة ("سفيان القضاة") go on; without one, only likelier shapes."""
    norms, end = ctx.norms, ctx.sentence.last
    norm = norms[j]
    if len(norm) == 1 and j + 1 < end and norms[j + 1] == ".":
        return False  # "أنتوني ج. بلينكن": an initial the full stop after it cuts off (the surname is read alone)
    if norm == "علي" and words and words[-1] in ("بن", "ابن", "بنت"):
        return True  # "سيف بن هلال بن علي العمري": the son of Ali, never "on"
    if norm == "الشيخ" and words and words[-1] in given_names() and j + 1 < end and (
        _name_word(norms[j + 1]) and norms[j + 1] not in given_names() and norms[j + 1].startswith("ال")
    ):
        return True  # "محمد الشيخ الغزواني"، "محمد ولد الشيخ أحمد": الشيخ inside a name, before a family name
    if norm == "شيخ" and words and words[-1] not in _PARTICLES and j + 1 < end and (
        norms[j + 1] in given_names() or (after_title and _name_word(norms[j + 1]))
    ):
        return True  # "حسن شيخ محمود"، "فارح شيخ عبدالقادر": شيخ without ال inside a Somali name
    if norm in _PERSIAN_FAMILY_ENDS and words and words[-1] not in _PARTICLES and _name_word(words[-1]):
        return True  # "عيسى زارع بور": a Persian family name's last part, written apart
    if norm in _REGNAL_ORDINALS and len(words) >= 3 and any(w in ("بن", "ابن") for w in words[-3:-1]) and (
        words[-1] in given_names() or words[-2:] == ["عبد", "الله"]
    ):
        return True  # "حسين بن عبد الله الثاني": the father's name a king's ordinal closes
    if norm == "بيه" and "ولد" in words:
        return True  # "اسلكو ولد أحمد ازيد بيه": a Mauritanian name's last word, not "بي" + a pronoun
    if words and words[-1] == "ال" and _is_arabic_word(norm) and not is_stopword(norm):
        return True  # "عبدالله بن عبدالملك آل الشيخ": the family آل governs, though it is a rank too
    if norm in _PILGRIM and words and after_title and j + 1 < end and (
        _name_word(norms[j + 1]) or norms[j + 1] in given_names()
    ):
        return True  # "تثيرو الحاج عبدو كباسي"، "دفع الله الحاج علي": الحاج inside a name
    if (
        after_title
        and len(words) >= 2
        and norm in name_syllables()
        and _peek(norms, j + 1, end) in _NAME_ENDS
        and all(len(w) <= 5 and w not in _arabic_given_names() for w in words)
    ):
        return True  # "كيم بيل أو،"، "جو هان كي،": an East-Asian name's last syllable, not "or" (nothing follows it)
    if _with_tanween(ctx.doc.tokens[j].text) or (_prose_shape(norm) and not _foreign_surname_after(words, norm)):
        return False
    if _tafil(norm) and norm not in given_names() and not _known_name_word(norm):
        return False  # "السفيرة كارين تعزيز العلاقات": the verbal noun تفعيل ends the name
    if norm == "فور" and j + 1 < end and norms[j + 1].endswith(("ه", "ها", "هم", "هما")):
        return False  # "الرئيس شي جين بينغ فور وصوله": upon his arrival ("فور نياسينغبي" is a name)
    prefix = next((p for p in ("وبال", "بال", "لل") if norm.startswith(p)), "")
    if prefix and _verbal_noun(norm[len(prefix) :]):
        return False  # "هنأ الملك حمد بالتوقيع"، "الرئيس محمد للتأكيد": a preposition on a verbal noun
    if norm[:1] in "بل" and len(norm) >= 5 and _tafil(norm[1:]) and not _known_name_word(norm):
        return False  # "محمد بن سلمان بتنسيق من الرئيس": ب on the verbal noun تفعيل, no surname
    if norm[0] == "ل" and len(norm) > 2 and norm[1:] in everyday_words() and not _known_name_word(norm):
        return False  # "طرحها الرئيس محمد مرسي لحل الأزمة": "to solve", no part of the name
    family_after_chain = (
        len(words) >= 3
        and words[-2] in ("بن", "ابن", "بنت")
        and norm.startswith("ال")
        and _name_word(norm)
        and norm not in office_words()
        and not gz.nisba_index().get((norm,))
        and not _verbal_noun(norm[2:])
    )
    if family_after_chain:
        return True  # "عبدالعزيز بن إبراهيم الفايز": the family name after the father's, whatever else it means
    if _person_noun(norm) and not _known_name_word(norm) and norm not in given_names():
        return False  # "روبنز باريكيلو زميل ..."، "كريم العلمي المصنف": what the person is
    if not (_name_word(norm) or _ali_here(ctx, j) or _month_surname(ctx, j)) or (
        norm == "الله" and not _god_name_compound(words)
    ):
        return False  # "طيب الله ثراه"
    content = [w for w in words if w not in _PARTICLES and w != "الدين"]
    if norm[0] in "وف" and len(norm) > 2 and not _foreign_name_word(norm, words) and not (
        norm[0] == "و" and not _known_word(norm[1:]) and _third_word_closed(ctx, j, content)
    ):
        return False  # ("ساشيني جيا ورديني وخلال": a third word in و no list knows, the next clause after it)
    if honorifics().longest_at(norms, j, end):
        return False
    office = titles().longest_at(norms, j, end, clitics=False)
    if office is not None and office.last - office.first >= 2 and not _known_name_word(norm):
        return False  # "كمال بشر أمين عام الاتحاد": أمين is the office here, not a name
    if _preposition_on_office_or_place(ctx, j):
        return False
    if norm != "عبد" and _peek(norms, j + 1, end) == "الله" and _prayer_after(norms, j + 2, end):
        return False  # "ناصر المحمد طيب الله ثراه": a prayer after the name
    if len(words) == 2 and _country_inside_name(ctx, j - 1, words[:1], after_title):
        return True  # the surname after "خافيير سوريا"
    known = gz.name_index().longest_at(norms, j, end, clitics=False)
    if known is not None and known.payload.entity.type == COUNTRY and _country_inside_name(ctx, j, words, after_title):
        return True
    if known is not None and known.payload.entity.type in (COUNTRY, ORGANIZATION) and not (
        known.payload.weak and known.payload.entity.type == ORGANIZATION
    ):
        return False  # an agency's short name ("مهر") needs support: inside a name it is a name word
    if known is not None and known.payload.entity.type == PLACE and known.last - known.first > 1:
        return False
    kunya = words[0] in ("ابو", "ام") and len(words) == 2 and norm.startswith("ال")
    if gz.nisba_index().longest_at((norm,), 0, clitics=False) and not _known_name_word(norm) and not kunya:
        return False  # "وزير الخارجية سامح شكري المصري": the nisba is not his name ("أبو أيوب المصري" is)
    if words[-1] in _PARTICLES:
        return True  # "أبو عيطة"، "بن حمزة": the word a particle governs is a name, whatever its shape
    after_given = given_names().get(words[-1]) is False
    foreign_ending = after_given and len(norm) >= 5 and not norm.startswith("ال")
    # "حقوقهم": a word with a pronoun on it; "خافيير سولانا": a foreign surname after a given name
    pronoun_on = (
        (norm.endswith(("هم", "هما", "كم")) or (norm.endswith("نا") and _our(norm)))
        and not _known_name_word(norm)
        and norm not in given_names()
    )
    if pronoun_on and not (foreign_ending and norm.endswith("انا") and not _prose_shape(norm)):
        return False
    content = [w for w in words if w not in _PARTICLES and w != "الدين"]
    feminine = norm.endswith("ه") and norm not in given_names() and not _known_name_word(norm)
    if feminine and (foreign_ending or after_title) and ctx.doc.tokens[j].text.endswith(("يه", "اه")) and (
        not is_stopword(norm) and norm not in everyday_words()
    ):
        # "جان كلود تريشيه"، "السيد عبد السلام هدليه عمر"، "دينس ماكدوناه": ه, not ة, after a given name
        feminine = False
    if feminine and norm == _PERSIAN_SON and words[-1] not in _PARTICLES:
        feminine = False  # "خطيب زاده": born of, the end of a Persian family name
    if feminine and after_title and len(content) == 1 and ctx.doc.tokens[j].text.endswith("زه") and len(norm) >= 6:
        feminine = False  # "إيراكلي كوباخيدزه": the Georgian -dze, written with ه
    if feminine and after_title and len(content) == 1 and content[0] in given_names() and (
        _peek(norms, j + 1, end) in _NAME_ENDS
    ):
        feminine = False  # "وزير الدولة مهند شحادة.": a surname in ة closing a given name after an office
    if feminine and after_title and len(content) == 2 and _family_in_ta(norm):
        feminine = False  # "السفير خالد محمد الطراونة": a tribe's name in ة closing a name of three
    if feminine and after_title and len(content) >= 2 and _family_in_ta_closing(ctx, j, words):
        return True  # "السفير محمد سعيد بامخرمة والسفير ...": a family name in ة closing the name
    surname_in_ta = after_title and len(content) == 1 and norm.startswith("ال") and norm[2:] not in everyday_words()
    if feminine and not surname_in_ta:
        # "المشروعة": a feminine noun or adjective ("القضاة" after an office is a surname, "السفير محمد
        # الأهمية الكبيرة" is no name: an everyday noun)
        return False
    if norm.startswith("ال") and _broken_plural(norm[2:]) and _peek(norms, j + 1, end) in _RELATIVE_WORDS:
        return False  # "استعرض الوزير حسين المراحل التي": a plural of the pattern مفاعل that a clause describes
    if norm.startswith("ال") and _verbal_noun(norm[2:]) and not _known_name_word(norm) and norm not in given_names():
        return False  # "تمنى للسفير عيسى التوفيق": a verbal noun after the name, no surname
    # past two words, only what looks like a surname goes on: "محمد شياع السوداني", not "... تمسك"
    if len(content) < 2:
        return True
    arabic = "عبد" in words or any(w in _arabic_given_names() for w in content)  # ("عبد الله عبد الكريم الدعيس")
    if norm.startswith("ال") and not _known_name_word(norm) and not arabic:
        return False  # "أنجلينا جولي المركز الثاني": a foreign name takes no ال-surname
    if (norm.startswith("ال") and not _verbal_noun(norm[2:])) or norm in given_names() or words[-1] in _PARTICLES:
        return True
    if _known_name_word(norm):
        return True
    if len(content) == 2 and all(given_names().get(w) is False for w in content) and norm not in everyday_words():
        # "جان كلود تريشيه"، "خوان بابلو مونتويا": two given names, then the surname
        return not _prose_shape(norm) and (not norm.endswith("ه") or not feminine)
    if after_title and len(content) >= 2 and _foreign_run_to_comma(ctx, j, len(content)):
        return True
    if _third_word_closed(ctx, j, content):
        return True
    if not after_title or len(content) != 2 or norm in everyday_words():
        return False
    following = _peek(norms, j + 1, end)
    closes = _closes_name(following) or _title_word(following)  # "... كيليما سفيراً فوق العادة"
    if any(w in ("بن", "ابن", "بنت") for w in words):
        # "مريم بنت سالم ضيوف المهرجان": an Arabic chain of names takes no word the sentence goes on
        # after; "السفير عادل بن سراج مرداد،": a family name closing it before a mark does
        return closes and len(norm) >= 4 and _plausible_first_name(norm) and not _prose_shape(norm)
    # "تشو تاي يول": a third short foreign word after an office; "عبدالرزاق غي كامبوغو،": a third
    # foreign word that closes the name before a comma or the end of the sentence
    return len(norm) <= 4 or (closes and _plausible_first_name(norm))


_REGNAL_ORDINALS = frozenset(normalize(w) for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"))


def _third_word_closed(ctx: _Context, j: int, content: list[str]) -> bool:
    """ "ميغيل أنخل إيسيدر وسفير ..."، "ساشيني جيا ورديني وخلال اللقاء"، "موسى بيحي عبدي الذي وصل":
    a third word no list knows after two of a name, which the next clause or list item closes."""
    return len(content) == 2 and _clause_opens(_peek(ctx.norms, j + 1, ctx.sentence.last)) and (
        _last_name_word(ctx.norms[j])
    )


def _known_word(norm: str) -> bool:
    """A word some list knows: a given name, an everyday word, a function word, an office."""
    return norm in given_names() or norm in everyday_words() or _function_word(norm) or _title_word(norm)


def _clause_opens(norm: str) -> bool:
    """Does a new clause or list item open at this word, so that the word before ends a name? A
    mark, "الذي"، or و on an office, a verb, a preposition or a function word ("وسفير"، "وحضر"،
    "وخلال"، "وتمحور")."""
    if norm in _NAME_ENDS or norm in ("الذي", "التي"):
        return True
    if len(norm) < 3 or norm[0] != "و":
        return False
    rest = norm[1:]
    return (
        _title_word(rest) or is_stopword(rest) or rest in _DURING_PREPOSITIONS or _past_verb_form(rest)
        or bool(triggers().longest_at((rest,), 0)) or bool(reporting_cues().longest_at((rest,), 0))
    )  # fmt: skip


_DURING_PREPOSITIONS = frozenset(normalize(w) for w in ("خلال", "أثناء", "اثناء", "بعد", "قبل", "عقب", "في"))


def _past_verb_form(norm: str) -> bool:
    """ "تمحور"، "تناول"، "حضر": a past verb's shape after و (تفعّل, تفاعل, or a verb kg's lists know)."""
    return (len(norm) == 5 and norm[0] == "ت" and norm[1] not in "اوي" and norm not in given_names()) or (
        norm in _CLAUSE_VERBS
    )


_CLAUSE_VERBS = frozenset(normalize(w) for w in ("حضر", "شارك", "جرى", "تم", "أكد", "قال", "بحث", "كان"))


def _last_name_word(norm: str) -> bool:
    """May this word end a name no list knows? A name's word, of no shape of prose, not ال-, not a
    word of everyday Arabic, a verbal noun or what a person is."""
    return (
        len(norm) >= 3 and _name_word(norm) and not norm.startswith("ال") and norm not in everyday_words()
        and not _prose_shape(norm) and not _person_noun(norm) and not _verbal_noun(norm)
        and not _pronoun_on(norm) and not norm.endswith(("ون", "ات", "ين"))
    )  # fmt: skip


def _month_surname(ctx: _Context, j: int) -> bool:
    """ "الكاتب الصحفي علي رجب،"، "السفير أحمد رمضان:": a month that is a given name too, closing the
    name of the one before it (a date goes on: "رجب الماضي"، "رمضان المبارك")."""
    norm = ctx.norms[j]
    if norm not in given_names() or not date_words().longest_at((norm,), 0, clitics=False):
        return False
    following = _peek(ctx.norms, j + 1, ctx.sentence.last)
    return following in _NAME_ENDS or following == ":"


_OUR_STEMS = frozenset(normalize(w) for w in ("علي", "بين", "عند", "لدي", "الي", "إلي", "اخوان", "ابناء", "ابناو"))


def _our(norm: str) -> bool:
    """"بلادنا"، "حكومتنا"، "علاقاتنا": نا as "our" on a noun; "كامارينا"، "مارينا" end a foreign name."""
    stem = norm[:-2]
    # (a short word no list knows, after a given name, is a surname: "عمر أوسونا")
    return len(norm) <= 4 or stem.endswith(("ت", "ه")) or stem in everyday_words() or stem in _OUR_STEMS


def _foreign_run_to_comma(ctx: _Context, j: int, taken: int) -> bool:
    """ "سفير سريلانكا تشاندرا تاباتو موديان جيويجيراتني،": after an office, words of no Arabic
    shape that run on to the comma closing the name (five words at most) are all the name's."""
    norms, end = ctx.norms, ctx.sentence.last
    for k in range(j, min(end, j + _MAX_NAME_WORDS + 1 - taken)):
        closing = _peek(norms, k + 1, end) in _NAME_ENDS
        # ("... جان باتريك ندوهونجيريه،": a last foreign word in ه, written so, not ة)
        in_ha = closing and ctx.doc.tokens[k].text.endswith("ه") and len(norms[k]) >= 6 and _name_word(norms[k])
        if not (_foreign_word_shape(norms[k]) or in_ha) or not _foreign_tail_word(ctx, k):
            return False
        if closing:
            return True
    return False


_PILGRIM = frozenset(normalize(w) for w in ("الحاج", "الحاجة", "حاج"))  # ("فوزية يوسف حاج آدم": Somali names)


def _prayer_after(norms: Sequence[str], j: int, end: int) -> bool:
    """The word closing "طيب الله ثراه"، "رضي الله عنه"، "سبحانه وتعالى": a pronoun or تعالى."""
    word = _peek(norms, j, end)
    return word.endswith(("ه", "ها", "هم")) or word in ("تعالي", "وتعالي")


def _set_off(ctx: _Context, name: ActorMention) -> bool:
    """"سفير تركيا، كوفن بيقيتش،": an unknown name of two or more words between commas after an office."""
    after = _peek(ctx.norms, name.last, ctx.sentence.last)
    if len(name.name) < 2 or not (after in _NAME_ENDS or after == ":"):
        return False  # (a colon: "نائب المتحدث باسم الخارجية، تاكيرو موساشي: ...", the words he said follow)
    if after == ":" and any(w.startswith("ال") or (w[0] == "م" and w.endswith("ا")) for w in name.name):
        return False  # "وقال الوزير، مخاطبا الحضور:": how he spoke, and to whom
    # "شمس زاده": a Persian family name, whatever its first word means
    return name.name[0] not in everyday_words() or (len(name.name) == 2 and name.name[1] == _PERSIAN_SON)


def _country_inside_name(ctx: _Context, j: int, words: list[str], after_title: bool) -> bool:
    """"السفير خافيير سوريا كينتانا،": a one-word country name between a given name and an unknown
    surname that ends the name (Spanish and Portuguese names carry such words)."""
    norms, end = ctx.norms, ctx.sentence.last
    if not after_title or len(words) != 1 or given_names().get(words[0]) is not False or j + 1 >= end:
        return False
    surname = norms[j + 1]
    return (
        _name_word(surname)
        and not surname.startswith("ال")
        and surname not in everyday_words()
        and surname not in given_names()
        and gz.name_index().longest_at(norms, j + 1, end) is None
        and _peek(norms, j + 2, end) in _NAME_ENDS
    )


def _preposition_on_office_or_place(ctx: _Context, j: int) -> bool:
    """"لولي عهد الكويت"، "لمصر"، "بالقاهرة": ل or ب before an office or a known place ends a name."""
    norm = ctx.norms[j]
    if norm[:1] not in "لب" or len(norm) < 4:
        return False
    if _known_name_word(norm) or norm in given_names():
        return False
    found = titles().longest_at(ctx.norms, j, ctx.sentence.last)
    if found is not None and found.clitic:
        return True
    known = gz.name_index().longest_at(ctx.norms, j, ctx.sentence.last)
    if known is None or known.clitic != 1:
        return False
    place = known.payload.entity
    if place.type == PLACE and place.kind == "city" and place.population < _CITY:
        return False  # "جيمس بليك": a foreign surname, not ب and a small town abroad ("ليك")
    before = ctx.norms[j - 1]
    one_word = known.last - known.first == 1
    if place.type == PLACE and one_word and before in given_names() and before not in _arabic_given_names():
        return False  # "دونالد بلوم": after a foreign given name, its surname ("لومي" is a capital)
    return place.type in (COUNTRY, PLACE, ORGANIZATION)


_GOD_NAME_FIRSTS = frozenset(normalize(w) for w in (
    "عطا", "عطاء", "فتح", "جار", "خير", "عوض", "فضل", "نصر", "سعد", "هبة", "ضيف", "حمد", "رزق", "نور", "سيف",
))  # fmt: skip


def _god_name_compound(words: list[str]) -> bool:
    """"عبد الله"، and names of one word and "الله" ("عين الله"، "نصر الله"), not "طيب الله ثراه"
    after a name nor "رحمه الله" (a pronoun on the word before)."""
    if words[-1] == "عبد":
        return True
    first = words[0]
    if len(words) == 1 and first in _GOD_NAME_FIRSTS:
        return True  # "عطا الله العنزي"، "فتح الله"، "جار الله": given names that are words too
    return (
        len(words) == 1
        and len(first) >= 3
        and not first.endswith("ه")
        and given_names().get(first) is not True
        and first not in everyday_words()
        and not _prose_shape(first)
    )


def _foreign_name_word(norm: str, words: list[str]) -> bool:
    """"بيني وونغ"، "ماورو فييرا": a surname that starts with و or ف, not "و" + a word. Only
    right after a given name, and only when what follows the letter is no word or name we know."""
    stem = norm[1:]
    if _known_name_word(norm):
        return True
    if len(words) != 1 and not (norm[0] == "ف" and len(words) == 2):
        return False  # ("محمد صادق فضلي": a third word in ف, seldom the conjunction inside a name)
    return not (
        stem in given_names()
        or stem in everyday_words()
        or is_stopword(stem)
        or titles().longest_at((stem,), 0, clitics=False)
        or _sizeable_name(stem)
        or gz.nisba_index().longest_at((stem,), 0, clitics=False)
    )


def _sizeable_name(word: str) -> bool:
    """A known name other than a small town abroad ("ورك" is Warwick, and "وورك" a name)."""
    found = gz.name_index().longest_at((word,), 0, clitics=False)
    if found is None:
        return False
    known = found.payload.entity
    return known.type != PLACE or known.kind not in ("city", "capital") or known.population >= _CITY


_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "كم", "نا", "ه")


@cache  # (a test of the word alone, asked of the same words over and over)
def _name_word(norm: str) -> bool:
    if not norm or not _is_arabic_word(norm) or _function_word(norm):
        return False
    for suffix in _PRONOUN_SUFFIXES:  # "بينهما"، "عليها": a preposition with a pronoun
        if norm.endswith(suffix) and is_stopword(norm[: -len(suffix)]):
            return False
    if titles().longest_at((norm,), 0, clitics=False) or honorifics().longest_at((norm,), 0, clitics=False):
        return False
    if triggers().longest_at((norm,), 0) or reporting_cues().longest_at((norm,), 0):
        return False
    if date_words().longest_at((norm,), 0, clitics=False):
        return False
    return not gz.nisba_index().longest_at((norm,), 0, clitics=False) or norm.startswith("ال")


@cache  # (a test of the word alone, asked of the same words over and over)
def _function_word(norm: str) -> bool:
    """A stopword, also behind a clitic ("وخلال"), unless the whole word is a given name ("فيصل")."""
    return norm in stopwords() or (is_stopword(norm) and norm not in given_names())


_MEETING_VERBS_WITH_BA = frozenset(normalize(w) for w in (
    "التقى", "التقت", "يلتقي", "تلتقي", "اجتمع", "اجتمعت", "يجتمع", "تجتمع", "اتصل", "اتصلت", "يتصل", "تتصل",
))  # fmt: skip


def _met_by_name(ctx: _Context, i: int) -> bool:
    """"التقى بناصر عبد الكريم": ب on a given name right after a verb of meeting, and a name goes on."""
    norm = ctx.norms[i]
    return (
        norm[:1] == "ب"
        and norm[1:] in given_names()
        and norm not in given_names()
        and any(
            stem in _MEETING_VERBS_WITH_BA
            for j in range(max(ctx.sentence.first, i - 5), i)
            for _, stem in clitic_variants(ctx.norms[j])
        )
        and (given_names().get(norm[1:]) is False or _surname_follows(ctx, i + 1))
    )


def _starts_with_given_name(norm: str) -> bool:
    return given_names().get(norm) is False


def _surname_follows(ctx: _Context, j: int) -> bool:
    """"حسن البنا"، "سعيد جليلي": after a given name that is also a word, a word that can only be a
    surname (a known one, or an ال-word that is no everyday word, office or nisba)."""
    if j >= ctx.sentence.last:
        return False
    norm = ctx.norms[j]
    if _known_name_word(norm) or (norm in given_names() and given_names()[norm] is False):
        return True
    if norm in ("الله", "الاله"):
        return False  # "طيب الله ثراه"
    if norm.startswith("ابو") and len(norm) >= 6 and (norm[3:] in given_names() or norm[3:] in _family_names()):
        return True  # "ناصر أبوشريف"، "أحمد أبوزيد": a kunya written as one word, a family name
    if given_names().get(ctx.norms[j - 1]):
        # "سلامة السدود": an everyday word that is also a name needs a known surname, or a family
        # name of the nisba shape ("أيمن الظواهري"، "سعيد الهاجري"): an indefinite noun takes no
        # definite adjective after it, so a long ال-word in ي there is a surname
        return (
            norm.startswith("ال")
            and norm.endswith("ي")
            and len(norm) >= 7
            and _name_word(norm)
            and norm not in everyday_words()
            and norm not in office_words()
            and not gz.nisba_index().get((norm,))
        )
    return (
        norm.startswith("ال")
        and len(norm) > 4
        and _name_word(norm)
        and norm not in everyday_words()
        and not _verbal_noun(norm[2:])
        and not gz.nisba_index().get((norm,))
    )


def _verbal_noun(stem: str) -> bool:
    """"تأكيد"، "تعاون"، "استئناف"، "اجتماع": the shapes of verbal nouns, which no surname takes."""
    return (
        (stem[:1] == "ت" and ((len(stem) == 5 and stem[3] in "يا") or len(stem) == 4))
        or stem.startswith(("است", "انت"))
        or (stem[:1] == "ا" and len(stem) == 6 and stem[4] == "ا")
        or (stem[:2] == "ات" and len(stem) == 5 and stem[3] == "ا")  # "اتخاذ"، "اتفاق": افتعال of a و/ء root
    )


@cache
def _known_name_words() -> frozenset[str]:
    """Words of the gazetteer's names, offices and everyday words left out ("العهد" of an alias)."""
    found = set()
    for row in read_table("actors.tsv"):
        for name in [row["name_ar"], *row.get("aliases_ar", "").split("|")]:
            found.update(normalize(name.lstrip("~+")).split())
    return frozenset(
        w for w in found if w and not _function_word(w) and w not in office_words() and w not in everyday_words()
    )


def _known_name_word(norm: str) -> bool:
    return norm in _known_name_words()


def _peek(norms: Sequence[str], j: int, end: int) -> str:
    return norms[j] if j < end else ""


# --- organisations by shape -------------------------------------------------------------------

_ORG_HEADS = frozenset(normalize(w) for w in ("وزارة", "الخارجية", "رئاسة", "الرئاسة", "حكومة", "سفارة", "السفارة"))
# "البنك المركزي الإيطالي"، "مصرف سورية المركزي": a country's central bank
_BANK_HEADS = frozenset(normalize(w) for w in ("البنك", "المصرف", "بنك", "مصرف"))
_CENTRAL, _BANK = normalize("المركزي"), normalize("البنك")


def _organisation_at(ctx: _Context, i: int) -> ActorMention | None:
    """"وزارة الخارجية الروسية", "الخارجية الروسية", "سفارة فرنسا": an office of a country."""
    norms, end = ctx.norms, ctx.sentence.last
    if _ORG_HEADS.isdisjoint(clitic_stems(norms[i])):
        return _central_bank_at(ctx, i)  # (nearly every word: no ministry nor embassy)
    variants = clitic_variants(norms[i])
    head = next(((taken, stem) for taken, stem in variants if stem in _ORG_HEADS), None)
    if head is None:
        return _central_bank_at(ctx, i)
    taken, stem = head
    j = i + 1
    if stem == "وزاره":
        while j < end and norms[j] in office_words() and norms[j] not in _DESTINATION and j - i < 4:
            j += 1
        if j == i + 1:
            return None
    country = None
    if j < end:
        nisba = gz.nisba_index().longest_at(norms, j, end, clitics=False)
        known = gz.name_index().longest_at(norms, j, end, clitics=False)
        if nisba is not None:
            country, j = f"country:{nisba.payload}", nisba.last
        elif known is not None and known.payload.entity.type == COUNTRY:
            country, j = known.payload.entity.key, known.last
    if country is None and stem == _PRESIDENCY and j < end and norms[j] == _REPUBLIC and _speaks_here(ctx, i) and (
        not _state_named_after(ctx, j + 1)
    ):
        # "وأكدت رئاسة الجمهورية أن ..."، "بيان صادر عن رئاسة الجمهورية": the home country's presidency
        return _span_mention(ctx, i, j + 1, taken, ORGANIZATION, [stem, norms[j]])
    if country is None and stem == _MINISTRY and j > i + 1 and _speaks_here(ctx, i) and not _state_named_after(ctx, j):
        # "وزارة الشؤون الخارجية والجالية الوطنية بالخارج": its fields go on through و and their adjectives
        while j < end and j - i < 8 and (
            norms[j].startswith("وال") or (norms[j].startswith("ال") and norms[j - 1].startswith("وال"))
            or norms[j] == _ABROAD
        ):
            j += 1
        # "وأشارت وزارة الشؤون الخارجية إلى": a ministry with no country is the home country's, which
        # only the whole article tells (entities.py gives it the home country, or drops it)
        return _span_mention(ctx, i, j, taken, ORGANIZATION, [stem, *norms[i + 1 : j]])
    if country is None:
        return None
    return _span_mention(ctx, i, j, taken, ORGANIZATION, [stem, *norms[i + 1 : j]], represents=country)


_OFFICE_WORD = normalize("مكتب")
_HOLDERS_OFFICE = frozenset((_OFFICE_WORD, normalize("المكتب")))
_HOLDER_KINDS = frozenset({"head", "government", "minister", "royal"})


def _office_of_holder_at(ctx: _Context, i: int) -> ActorMention | None:
    """"مكتب رئيس مجلس السيادة السوداني"، "مكتب رئيس الوزراء الإسرائيلي": the office (the bureau) of a
    head of state or government or of a minister is a body of its own, which issues words."""
    norms, end = ctx.norms, ctx.sentence.last
    if _OFFICE_WORD not in norms[i]:
        return None  # (nearly every word)
    head = next(((t, s) for t, s in clitic_variants(norms[i]) if s in _HOLDERS_OFFICE and t <= 1), None)
    if head is None or i + 2 >= end:
        return None
    title = titles().longest_at(norms, i + 1, end)
    if title is None or title.clitic or title.payload.number != 1 or title.payload.kind not in _HOLDER_KINDS:
        return None
    inner, k, role_last, represents = _complement(ctx, title)
    if not represents.startswith("country:") or any(m.type == PERSON for m in inner):
        return None
    name = [_OFFICE_WORD, *norms[i + 1 : role_last]]
    return _span_mention(ctx, i, k, head[0], ORGANIZATION, name, represents=represents)


_MINISTRY = normalize("وزارة")
_PRESIDENCY = normalize("رئاسة")
_REPUBLIC = normalize("الجمهورية")
_ABROAD = normalize("بالخارج")


def _speaks_here(ctx: _Context, i: int) -> bool:
    """Right after a reporting verb ("وأشارت وزارة ...") or a communiqué ("بيان لوزارة ...")."""
    if i <= ctx.sentence.first:
        return False
    before = ctx.norms[i - 1]
    if before == "عن" and i - 2 >= ctx.sentence.first and ctx.norms[i - 2] in _ISSUED:
        return True  # "بيان صادر عن وزارة الخارجية"
    return before.startswith(("بيان", "بلاغ")) or reporting_cues().longest_at(ctx.norms, i - 1, i) is not None


_ISSUED = frozenset(normalize(w) for w in ("صادر", "الصادر", "صادرا", "صدر"))


def _state_named_after(ctx: _Context, j: int) -> bool:
    """"وزارة الخارجية في جمهورية الصومال"، "وزارة الخارجية لدولة ليبيا": whose ministry is said a word on."""
    norms, end = ctx.norms, ctx.sentence.last
    for k in (j, j + 1):
        if k >= end:
            break
        known = _best_entity(ctx, k)
        if known is not None and known.payload.entity.type in (COUNTRY, ORGANIZATION):
            return True
        if known is None and gz.nisba_index().longest_at(norms, k, end) is not None:
            return True
    return False


def _central_bank_at(ctx: _Context, i: int) -> ActorMention | None:
    """"البنك المركزي المصري"، "بنك إيطاليا المركزي": the central bank of a country."""
    norms, end = ctx.norms, ctx.sentence.last
    if _BANK_HEADS.isdisjoint(clitic_stems(norms[i])):
        return None  # (nearly every word)
    head = next(((t, s) for t, s in clitic_variants(norms[i]) if s in _BANK_HEADS and t <= 1), None)
    if head is None or i + 2 >= end:
        return None
    country, j = None, i + 1
    if norms[j] == _CENTRAL:  # "البنك المركزي الإيطالي"
        nisba = gz.nisba_index().longest_at(norms, j + 1, end, clitics=False)
        if nisba is not None:
            country, j = f"country:{nisba.payload}", nisba.last
    elif not head[1].startswith("ال"):  # "بنك إيطاليا المركزي"
        known = gz.name_index().longest_at(norms, j, end, clitics=False)
        if known is not None and known.payload.entity.type == COUNTRY and _peek(norms, known.last, end) == _CENTRAL:
            country, j = known.payload.entity.key, known.last + 1
    if country is None:
        return None
    # one key for both word orders: the bank of the country
    return _span_mention(ctx, i, j, head[0], ORGANIZATION, [_BANK, _CENTRAL], represents=country)


# Bodies named by what they are: "الجبهة الشعبية لتحرير فلسطين"، "حزب التجمع"، "صحيفة الأهرام"
_BODY_HEADS = frozenset(normalize(w) for w in (
    "حركة", "حزب", "جبهة", "الجبهة", "جماعة", "تنظيم", "منظمة", "صحيفة", "جريدة", "قناة", "شبكة", "وكالة",
    "شركة", "مؤسسة", "جامعة", "ميليشيا", "ميليشيات", "فصائل", "كتائب", "سرايا", "لواء", "مجموعة", "المجموعة",
    "ائتلاف", "تيار", "كتلة",
))  # fmt: skip
_MAX_BODY_WORDS = 5


def _named_body_at(ctx: _Context, i: int) -> ActorMention | None:
    """A body the gazetteer does not know, named by its kind and then its name: the words after
    the head are adjectives and nouns with ال, a country, or a quoted name."""
    norms, end = ctx.norms, ctx.sentence.last
    if _BODY_HEADS.isdisjoint(clitic_stems(norms[i])):
        return None  # (nearly every word)
    head = next(((t, s) for t, s in clitic_variants(norms[i]) if s in _BODY_HEADS and t <= 1), None)
    if head is None or i + 1 >= end:
        return None
    j = i + 1
    construct = False
    while j < end and j - i <= _MAX_BODY_WORDS:
        norm = norms[j]
        if norm in _MISTER or honorifics().longest_at(norms, j, end) or titles().longest_at(norms, j, end):
            break  # "رئيس ائتلاف دولة القانون السيد نوري المالكي": the holder's name comes next
        if norm.isdigit() or (date_words().longest_at((norm,), 0, clitics=False) and j > i + 1):
            j += 1  # "حركة 23 مارس"
            continue
        if norm in ('"', "«", "»", "“", "”") and j + 1 < end:
            closing = next((k for k in range(j + 1, min(end, j + 5)) if norms[k] in ('"', "»", "”")), None)
            if closing is None:
                break
            j = closing + 1
            continue
        known = gz.name_index().longest_at(norms, j, end, clitics=False)
        if known is not None and known.payload.entity.type in (COUNTRY, PLACE):
            j = known.last
            continue
        stem = next((s for t, s in clitic_variants(norm) if s.startswith("ال") and t <= 1), "")
        if stem and len(stem) > 3 and not is_stopword(stem) and stem not in _TIME_WORDS:
            j += 1
            continue
        if j == i + 1 and norm in _CONSTRUCT_NOUNS and j + 1 < end and norms[j + 1].startswith("ال"):
            j += 2  # "ائتلاف دولة القانون": a noun in construct and its ال-word name the body
            construct = True
            continue
        if norm[:1] == "ل" and j + 1 < end and len(norm) > 3 and (
            norms[j + 1].startswith("ال") or gz.name_index().longest_at(norms, j + 1, end, clitics=False)
        ):
            j += 1  # "لتحرير فلسطين"، "لدول الخليج"
            continue
        break
    while j > i + 1 and is_stopword(norms[j - 1]):
        j -= 1
    if j == i + 1 or not (construct or _names_a_body(ctx, j - 1)):
        return None
    return _span_mention(ctx, i, j, head[0], ORGANIZATION, norms[i:j])


# nouns a body's name holds in construct right after its kind ("ائتلاف دولة القانون"، "حزب جبهة التحرير")
_CONSTRUCT_NOUNS = frozenset(normalize(w) for w in ("دولة", "جبهة", "قوى", "أنصار", "شباب", "أبناء", "إعلان"))


def _names_a_body(ctx: _Context, last: int) -> bool:
    """The last word of a body's name: an adjective ("الشعبية"، "الإسلامية"), a country or place
    ("لتحرير فلسطين"), a quoted name or a number ("حركة 23 مارس") — not "حركة الأشخاص والبضائع"."""
    norm = ctx.norms[last]
    if norm in ('"', "»", "”") or norm.isdigit() or date_words().longest_at((norm,), 0, clitics=False):
        return True
    if gz.name_index().longest_at(ctx.norms, last, last + 1, clitics=False):
        return True
    stem = next((s for t, s in clitic_variants(norm) if s.startswith("ال")), norm)
    return stem.endswith(("يه", "ي")) and len(stem) > 4


_TIME_WORDS = frozenset(
    normalize(w) for w in ("الماضي", "المقبل", "الجاري", "الحالي", "اليوم", "الأسبوع", "الشهر", "العام")
)


# --- text offsets -------------------------------------------------------------------------------


@cache  # (asked of every token, several times over)
def _is_arabic_word(norm: str) -> bool:
    return bool(norm) and "\u0621" <= norm[0] <= "\u064a"


def _char_after_clitic(doc: Document, index: int, clitic: int) -> int:
    """The original offset in token `index` after `clitic` normalised letters."""
    token = doc.tokens[index]
    if not clitic:
        return token.start
    seen = 0
    for offset, char in enumerate(token.text):
        if normalize(char):
            if seen == clitic:
                return token.start + offset
            seen += 1
    return token.start


def _span_text(doc: Document, first: int, last: int, clitic: int = 0) -> str:
    start = _char_after_clitic(doc, first, clitic)
    text = doc.text[start : doc.tokens[last - 1].end]
    token = doc.tokens[first]
    if clitic and token.norm[clitic - 1 : clitic + 1] == "لل" and token.norm.startswith(("لل", "ولل", "فلل")):
        text = "ا" + text  # "للرئيس" is ل + "الرئيس" with its alef dropped
    return text


def in_body(doc: Document, mention: ActorMention) -> bool:
    return doc.sentences[doc.tokens[mention.first].sentence].kind == BODY
