"""Topic phrases of the scheme (kg/data/topics.tsv) found in the headline and the body, with where they stand.

A phrase is read in its sentence before it counts, the way an analyst tags a story:
- an honorific or a holiday that holds a topic word is no topic ("سيادة الرئيس"، "عيد ... السيادة");
- cooperation qualified by a field is that field's topic ("تعزيز التعاون العسكري": military, not bilateral);
- what a plan is for is the policy of the country that adopts it ("الخطة الخمسية للتنمية الاقتصادية");
- a situation whose place is itself a topic is that topic ("الأوضاع في القدس": the Palestinian question);
  one state's situation is not the region's ("الأوضاع في السودان");
- a vague phrase gives way to a specific topic of its sentence (talks about a truce are the truce's);
- relations or cooperation with the two sides named after them, between two nations' adjectives,
  or with a state named after مع are bilateral relations ("العلاقات التي تجمع البلدين"، "العلاقات
  المصرية الفرنسية"، "تحسين العلاقات مع سوريا").
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from kg.extract import gazetteer as gz
from kg.extract.gazetteer import nisba_index
from kg.extract.lexicon import (
    PhraseIndex,
    PhraseMatch,
    TopicPhrase,
    WordTest,
    clitic_variants,
    honorifics,
    positions,
    reporting_cues,
    titles,
    topic_context_words,
    topic_phrase_entries,
    triggers,
)
from kg.text.document import BODY, FRONT, Document, Sentence
from kg.text.normalize import normalize

BILATERAL = "bilateral-relations"
SOVEREIGNTY = "sovereignty"
ECONOMIC = "economic-cooperation"
REGIONAL = "regional-situation"
_RELATION_SPAN = 6  # "العلاقات التاريخية الوثيقة التي تربط بين البلدين": the sides within six words
_PLAN_SPAN = 5  # "الخطة الخمسية الـ 15 للتنمية الاقتصادية": the plan within five words before
_HONORIFIC = normalize("سيادة")
_HONORIFIC_PRONOUN = normalize("سيادته")
_IN = normalize("في")
_BETWEEN = normalize("بين")
_WITH = normalize("مع")
_RELATION_WORD = TopicPhrase("", frozenset())  # "العلاقات"، "التعاون": bilateral only with the sides named


class TopicMention(NamedTuple):  # (a NamedTuple: made for every topic phrase, faster than a dataclass)
    key: str
    sentence: int
    start: int  # original offsets of the phrase
    end: int
    headline: bool = False  # in the headline block ahead of the body
    of_meeting: bool = False  # its sentence names a meeting again ("وجرى خلال اللقاء بحث ...")


def find_topics(doc: Document) -> list[TopicMention]:
    """Every topic phrase of the headline and the body sentences (quotations included), in text order."""
    found = []
    in_headline = True
    for sentence in doc.sentences:
        if sentence.kind == BODY:
            in_headline = False
        elif not (in_headline and sentence.kind == FRONT):
            continue
        topics = _sentence_topics(doc, sentence)
        of_meeting = bool(topics) and _names_a_meeting(doc.token_norms, sentence)
        for first, last, key in topics:
            start, end = doc.tokens[first].start, doc.tokens[last - 1].end
            found.append(TopicMention(key, sentence.index, start, end, in_headline, of_meeting))
    return found


def _names_a_meeting(norms, sentence: Sentence) -> bool:
    return any(map(_REFERS_TO_MEETING.__getitem__, norms[sentence.first : sentence.last]))


def _sentence_topics(doc: Document, sentence: Sentence) -> list[tuple[int, int, str]]:
    """(first token, last token, key) of the topics one sentence names."""
    norms = doc.token_norms
    end = sentence.last
    matches, heads = _phrases(norms, sentence.first, end)
    region = _situation_of_the_region(norms, sentence.first, end, matches)
    if not matches and not heads:
        return [region] if region else []
    keys = {m.payload.key for m in matches}
    found = []
    for n, match in enumerate(matches):
        if match.payload.gives_way_to & keys:
            continue
        if _place_is_a_topic(norms, match, matches[n + 1 : n + 2]) or _one_states_situation(norms, match, end):
            continue
        if match.payload.key == SOVEREIGNTY and (_is_honorific(norms, match, end) or _names_a_holiday(norms, match)):
            continue
        if match.payload.key == ECONOMIC and _names_a_plan(norms, match, sentence.first):
            continue
        found.append((match.first, match.last, match.payload.key))
    if heads:
        covered = {i for m in matches for i in range(m.first, m.last)}
        found.extend(_bilateral_by_sides(norms, heads, end, covered))
    if region and not any(key == REGIONAL for _, _, key in found):
        found.append(region)
    return sorted(found)


_REGION_REACH = 4


def _situation_of_the_region(norms, start: int, end: int, matches) -> tuple[int, int, str] | None:
    """ "آخر التطورات الجارية في المنطقة"، "التطورات والأحداث الراهنة على المستويين الإقليمي والدولي"،
    "قضايا وتحديات المنطقة": a word for the situation with the region a few words on, though no
    phrase of the list holds them together."""
    situation = positions(map(_SITUATION_WORD.__getitem__, norms[start:end]), start)
    if not situation:
        return None  # (nearly every sentence)
    covered = {i for m in matches for i in range(m.first, m.last)}
    for i in situation:
        if i in covered:
            continue
        for j in range(i + 1, min(end, i + 1 + _REGION_REACH)):
            if norms[j] in ("،", ",", ".", "؛"):
                break
            if "region" in _uses(norms[j]):
                return i, j + 1, REGIONAL
    return None


def _phrases(norms, start: int, end: int) -> tuple[list[PhraseMatch[TopicPhrase]], list[int]]:
    """Longest phrases left to right, and the relation words outside them ("العلاقات"، "التعاون");
    a generic relations phrase gives way to the field it strengthens ("بتعزيز التعاون العسكري"،
    "سبل تعزيز نفاذ المساعدات")."""
    index = _phrase_index()
    found = []
    heads = []
    free = start  # the first token after the phrases read so far
    for i in index.may_start_in(norms, start, end):  # (the few words a phrase may start at)
        if i < free:
            continue
        match = index.longest_at(norms, i, end)
        if match is None:
            continue
        if match.payload is _RELATION_WORD:
            heads.append(i)
            continue
        if match.payload.key == BILATERAL and match.last - match.first > 1:
            inner = index.longest_at(norms, match.last - 1, end)
            if inner is not None and inner.last > match.last and inner.payload.key not in (BILATERAL, ""):
                match = inner
        if (
            found
            and found[-1].payload.key == BILATERAL
            and found[-1].last == match.first
            and match.clitic == 0
            and match.payload.key != BILATERAL
            and "strengthening" in _uses(found[-1].phrase[-1])
        ):
            found.pop()  # "سبل تعزيز نفاذ المساعدات": what is strengthened is the topic
        found.append(match)
        free = match.last
    return found, heads


def _place_is_a_topic(norms, match, following) -> bool:
    """ "الأوضاع في القدس": the situation in a place that is a topic of its own is that topic."""
    return (
        match.phrase[-1] == _IN
        and bool(following)
        and following[0].first == match.last
        and following[0].payload.key != match.payload.key
    )


def _one_states_situation(norms, match, end: int) -> bool:
    """ "الأوضاع في السودان" is one state's affairs, not the region's; "الأوضاع في الشرق الأوسط"
    (a region) and "الأوضاع في السودان والصومال" (several states) are the regional situation."""
    if match.payload.key != REGIONAL or match.phrase[-1] != _IN or match.last >= end:
        return False
    name = gz.name_index().longest_at(norms, match.last, end)
    if name is None or name.payload.entity.type not in ("Country", "Place") or name.payload.entity.kind == "region":
        return False
    following = gz.name_index().longest_at(norms, name.last, end) if name.last < end else None
    return following is None or not norms[name.last].startswith("و")


def _is_honorific(norms, match, end: int) -> bool:
    """ "سيادة رئيس الجمهورية"، "وأكد سيادته": the honorific, not sovereignty."""
    if match.phrase == (_HONORIFIC,) and match.clitic == 0 and match.last < end:
        following = norms[match.last]
        return bool(titles().longest_at((following,), 0) or honorifics().longest_at((following,), 0))
    if match.phrase == (_HONORIFIC_PRONOUN,) and match.clitic == 0 and match.first > 0:
        return _is_verb(norms, match.first - 1)
    return False


def _is_verb(norms, k: int) -> bool:
    """A reporting or meeting verb ("وأكد"، "استقبل"), or a verb with its object ("يجريها")."""
    norm = norms[k]
    if reporting_cues().longest_at(norms, k, k + 1) or triggers().longest_at(norms, k, k + 1):
        return True
    return len(norm) >= 5 and norm[0] in "يت" and norm.endswith("ها")


def _names_a_plan(norms, match, floor: int) -> bool:
    """ "اعتماد الخطة الخمسية للتنمية الاقتصادية للصين": what a plan is for (ل) is the policy of the
    country that adopts it, not cooperation with another."""
    if not match.clitic or norms[match.first][match.clitic - 1] != "ل":
        return False
    return any("plan" in _uses(norms[k]) for k in range(max(floor, match.first - _PLAN_SPAN), match.first))


def _names_a_holiday(norms, match) -> bool:
    """ "الاحتفالات المخلدة للذكرى الستين لاسترجاع السيادة الوطنية": a national day, not the topic."""
    return any("national-day" in _uses(norms[i]) for i in range(max(0, match.first - 4), match.first))


def _bilateral_by_sides(norms, heads: list[int], end: int, covered: set[int]) -> list[tuple[int, int, str]]:
    nisbas = nisba_index()
    found = []
    for i in heads:
        if i in covered:
            continue
        # "العلاقات المصرية الفرنسية"، "العلاقات السعودية-الأمريكية"
        words = [n for n in norms[i + 1 : min(end, i + 4)] if n.isalnum()]
        nations = [nisbas.get((w,)) for w in words[:2]]
        if len(nations) == 2 and all(nations) and nations[0] != nations[1]:
            found.append((i, i + 1, BILATERAL))
            continue
        with_state = _with_a_state(norms, i + 1, end)
        if with_state:
            found.append((i, with_state, BILATERAL))
            continue
        for j in range(i + 1, min(end, i + 1 + _RELATION_SPAN)):
            if j in covered or "relation-head" in _uses(norms[j]):
                break
            if "two-sides" in _uses(norms[j]):
                found.append((i, j + 1, BILATERAL))
                break
            if norms[j] == _BETWEEN and (two := _two_states(norms, j + 1, end)):
                found.append((i, two, BILATERAL))  # "العلاقات التي تجمع بين الجزائر وإيران"
                break
    return found


def _state_at(norms, k: int, end: int):
    name = gz.name_index().longest_at(norms, k, end) if k < end else None
    if name is None or not (name.payload.entity.type == "Country" or name.payload.entity.kind == "capital"):
        return None
    return name


def _two_states(norms, k: int, end: int) -> int:
    """ "بين الجزائر وإيران": two states named after بين; the token after the second, else 0."""
    first = _state_at(norms, k, end)
    if first is None or first.last >= end or not norms[first.last].startswith("و"):
        return 0
    second = _state_at(norms, first.last, end)
    same = second is not None and second.payload.entity.key == first.payload.entity.key
    return second.last if second is not None and not same else 0


def _with_a_state(norms, k: int, end: int) -> int:
    """ "بناء العلاقات مع مصر"، "العلاقات الجيدة مع دمشق": relations with a state (or its capital) named
    after مع, one word between at most; the token after the state, else 0."""
    for j in range(k, min(end - 1, k + 2)):
        if norms[j] != _WITH:
            continue
        name = gz.name_index().longest_at(norms, j + 1, end)
        state = name is not None and (
            name.payload.entity.type == "Country" or name.payload.entity.kind == "capital"
        )
        return name.last if state else 0
    return 0


@cache
def _phrase_index() -> PhraseIndex[TopicPhrase]:
    """The scheme's phrases, and the relation words as phrases of no topic: one lookup per token."""
    relation_words = [(word, _RELATION_WORD) for word in topic_context_words()["relation-head"]]
    return PhraseIndex(topic_phrase_entries() + relation_words)


# two uses asked of every word of a sentence: cached on the word alone, for map() (the words walked in C)
def _refers_to_meeting(norm: str) -> bool:
    return "meeting-reference" in _uses(norm)


_REFERS_TO_MEETING = WordTest(_refers_to_meeting)


def _situation_word(norm: str) -> bool:
    return "situation" in _uses(norm)


_SITUATION_WORD = WordTest(_situation_word)  # (asked of every word: looked up in C)


@cache
def _uses(norm: str) -> frozenset[str]:
    """The uses (topic_context.tsv) of a token, through its clitics; most tokens have none."""
    stems = {rest for _, rest in clitic_variants(norm)}
    return frozenset(use for use, words in topic_context_words().items() if not stems.isdisjoint(words))
