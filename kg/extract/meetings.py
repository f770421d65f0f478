"""Meetings held: who took part, where, when, in person or by phone.

A meeting is opened by a meeting word (التقى، استقبل، بحث مع، أجرى محادثات، قمة، اتصال هاتفي ...)
whose participants are the persons of its clause. Later words that point back at it ("خلال
القمة"، "الاتصال"، "الرئيسان") join it rather than open another; "انضم إليه"، "حضر اللقاء"،
"شارك في القمة" add people to it. Planned, hypothetical, refused and past meetings are left out:
future tense, "من المقرر"، "غداً", "كان قد التقى", "القمة المقبلة".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from kg.extract import gazetteer as gz
from kg.extract.actors import COUNTRY, ORGANIZATION, PERSON, PLACE, ActorMention
from kg.extract.dates import FUTURE, PAST, DateMention, find_dates
from kg.extract.lexicon import PhraseIndex, phone_markers, read_table, reporting_cues, triggers, words
from kg.text.document import BODY, Document, Sentence
from kg.text.normalize import normalize

_CLAUSE_BREAKS = frozenset(normalize(w) for w in ("حيث", "فيما", "بينما", "وفيما", "وبينما", "الذي", "التي", "الذين", "؛", ";"))  # noqa: E501
_GROUP_WORDS = frozenset(normalize(w) for w in (
    "الجانبان", "الجانبين", "الطرفان", "الطرفين", "الرئيسان", "الرئيسين", "الوزيران", "الوزيرين",
    "الزعيمان", "الزعيمين", "البلدين", "البلدان", "الرئيسين", "الجانبين",
))  # fmt: skip
_TOPIC_NOUNS = frozenset(normalize(w) for w in (
    "الأوضاع", "الوضع", "التطورات", "المستجدات", "الأزمة", "الحرب", "القتال", "الصراع", "الأحداث",
    "السلام", "الاستقرار", "الأمن", "التصعيد", "العدوان", "الهجوم", "الهجمات", "العمليات", "التوتر",
    "الانتخابات", "الاستثمار", "الاستثمارات", "المشاريع", "الأزمات", "أوضاع", "تطورات", "الحل", "التسوية",
))  # fmt: skip
_PLACE_WORDS = frozenset(normalize(w) for w in ("العاصمة", "مدينة", "المدينة", "قصر", "مقر", "منتجع", "ولاية", "إقليم"))
_EXCLUDING_WORDS = frozenset(normalize(w) for w in ("عن", "رسالة", "برسالة", "رسالته", "نيابة", "باسم"))
_PAST_LIMIT_DAYS = 10  # a meeting dated further back than this is background, not news


@dataclass
class MeetingDraft:
    kind: str
    phone: bool
    participants: list[str]
    sentence: int  # the sentence that reports it
    trigger: int  # token index of the word that opened it
    place: str | None = None
    date: dt.date | None = None
    sentences: set[int] = field(default_factory=set)  # every sentence that speaks of it


@dataclass(frozen=True, slots=True)
class _Modality:
    before: PhraseIndex
    after: PhraseIndex


@cache
def _modality() -> _Modality:
    rows = read_table("meeting_modality.tsv")
    before: PhraseIndex = PhraseIndex((r["phrase"], r["effect"]) for r in rows if r["where"] == "before")
    after: PhraseIndex = PhraseIndex((r["phrase"], r["effect"]) for r in rows if r["where"] == "after")
    return _Modality(before, after)


def find_meetings(
    doc: Document,
    mentions: Sequence[ActorMention],
    published: dt.date | None,
    dateline_place: str | None = None,
) -> list[MeetingDraft]:
    """The meetings the body reports as held, with participants, place and date."""
    norms = doc.token_norms
    meetings: list[MeetingDraft] = []
    speakers = _speaker_mentions(doc, mentions)
    for sentence in doc.sentences:
        if sentence.kind != BODY:
            continue
        dates = find_dates(norms, sentence.first, sentence.last, published)
        for match in triggers().scan(norms, sentence.first, sentence.last):
            if doc.quote_at(doc.tokens[match.first].start) is not None:
                continue
            info = match.payload
            if info.needs and not _needed_word(norms, match.last, sentence.last, info.needs):
                continue
            if _not_held(doc, sentence, match, info, dates, published):
                continue
            window = _window(norms, sentence, match)
            persons = _persons(mentions, window, speakers, doc)
            grouped = any(norms[k] in _GROUP_WORDS for k in range(*window))
            if info.kind == "join":
                # "انضم إليه"، "حضر اللقاء"، "شارك في القمة": people join the meeting at hand
                if meetings:
                    joining = [p for p in persons if mentions_after(p, match.first, mentions)]
                    _add(_meeting_named(meetings, sentence) or meetings[-1], joining, sentence)
                continue
            target = _target(meetings, info, persons, grouped, sentence)
            if target is not None and (not persons or _compatible(target, persons, grouped)):
                _add(target, persons, sentence)
                continue
            if _is_reference(norms, match, info) and meetings and len(persons) < 2:
                continue
            parties = persons
            if len(parties) < 2:
                parties = parties + [k for k in _parties(mentions, window, doc) if k not in parties]
            if len(parties) < 2:
                continue
            phone = info.phone or _phone_near(norms, match, sentence)
            meeting = MeetingDraft(
                kind="call" if phone else info.kind,
                phone=phone,
                participants=list(dict.fromkeys(parties)),
                sentence=sentence.index,
                trigger=match.first,
                place=None if phone else (_place(doc, mentions, window, match, info) or dateline_place),
                date=_date(dates, match.first, published),
            )
            meeting.sentences.add(sentence.index)
            meetings.append(meeting)
    return meetings


def mentions_after(person: str, token: int, mentions: Sequence[ActorMention]) -> bool:
    """True when the person is named after the token (those who join come after "انضم"، "حضر")."""
    return any(m.key == person and m.first > token for m in mentions)


def _needed_word(norms, start, end, needs) -> bool:
    limit = min(end, start + 12)
    for k in range(start, limit):
        for need in needs:
            if tuple(norms[k : k + len(need)]) == need:
                return True
            if len(need) == 1 and norms[k].startswith(("و", "ب", "ل")) and norms[k][1:] == need[0]:
                return True
    return False


def _not_held(doc, sentence, match, info, dates, published) -> bool:
    norms = doc.token_norms
    if info.tense == "future":
        return True
    modality = _modality()
    for k in range(max(sentence.first, match.first - 4), match.first):
        found = modality.before.longest_at(norms, k, match.first)
        if found is not None:
            return True
    for k in range(match.last, min(sentence.last, match.last + 3)):
        found = modality.after.longest_at(norms, k, sentence.last)
        if found is not None:
            return True
    near = _nearest(dates, match.first)
    if near is not None:
        if near.relation == FUTURE:
            return True
        if near.relation == PAST and near.date and published and (published - near.date).days > _PAST_LIMIT_DAYS:
            return True
    return bool(info.tense == "present" and any(d.relation == FUTURE for d in dates))


def _nearest(dates: Sequence[DateMention], token: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.first - token), abs(d.last - token)))


def _date(dates: Sequence[DateMention], token: int, published: dt.date | None) -> dt.date | None:
    near = _nearest([d for d in dates if d.date is not None and d.exact], token)
    return near.date if near is not None else published


def _window(norms, sentence: Sentence, match) -> tuple[int, int]:
    """The clause around a meeting word: from the sentence start to the next clause break after it."""
    end = sentence.last
    for k in range(match.last, sentence.last):
        if norms[k] in _CLAUSE_BREAKS or (k > match.last + 2 and reporting_cues().longest_at(norms, k, end)):
            end = k
            break
    start = sentence.first
    for k in range(match.first - 1, sentence.first - 1, -1):
        if norms[k] in _CLAUSE_BREAKS:
            start = k + 1
            break
    return start, end


def _speaker_mentions(doc: Document, mentions: Sequence[ActorMention]) -> set[int]:
    """Mentions that are the subject of a reporting word: the reporter, not a party."""
    norms = doc.token_norms
    cue_tokens: set[int] = set()
    for sentence in doc.sentences:
        for cue in reporting_cues().scan(norms, sentence.first, sentence.last):
            cue_tokens.update((cue.first, cue.last - 1))
    found = set()
    for mention in mentions:
        start = mention.title_first if mention.title_first >= 0 else mention.first
        if start - 1 in cue_tokens or mention.last in cue_tokens:
            found.add(id(mention))
    return found


def _persons(mentions, window, speakers, doc) -> list[str]:
    start, end = window
    norms = doc.token_norms
    found = []
    for mention in mentions:
        if mention.type != PERSON or not mention.key or not start <= mention.first < end:
            continue
        if id(mention) in speakers or doc.quote_at(mention.start) is not None:
            continue
        head = mention.title_first if mention.title_first >= 0 else mention.first
        if (head > start and norms[head - 1] in _EXCLUDING_WORDS) or (
            head > start + 1 and norms[head - 2] in _EXCLUDING_WORDS and norms[head - 1] == "من"
        ):
            continue
        found.append(mention.key)
    return list(dict.fromkeys(found))


def _parties(mentions, window, doc) -> list[str]:
    """Countries and organisations of the clause, for meetings that name no two persons."""
    start, end = window
    found = []
    for mention in mentions:
        if mention.type in (COUNTRY, ORGANIZATION) and mention.key and start <= mention.first < end:
            known = gz.known(mention.key)
            if known is not None and known.kind == "news-agency":
                continue
            if doc.quote_at(mention.start) is None and not _is_place_phrase(doc.token_norms, mention):
                found.append(mention.key)
    return list(dict.fromkeys(found))


def _is_place_phrase(norms, mention) -> bool:
    return mention.first > 0 and norms[mention.first - 1] in ("في", "الي")


def _is_reference(norms, match, info) -> bool:
    """"القمة"، "اللقاء"، "خلال الاتصال"، "لقائه": a meeting word that points back at one."""
    if info.pos != "noun":
        return False
    word = match.phrase[0]
    return word.startswith("ال") or word.endswith(("ه", "ها", "هما")) or match.clitic > 0


def _target(meetings, info, persons, grouped, sentence) -> MeetingDraft | None:
    if not meetings:
        return None
    same_kind = [m for m in meetings if m.kind == info.kind or (info.phone and m.phone)]
    shared = [m for m in meetings if len(set(m.participants) & set(persons)) >= min(2, len(persons)) and persons]
    if shared:
        return shared[-1]
    if grouped or not persons:
        return (same_kind or meetings)[-1]
    return None


def _meeting_named(meetings: list[MeetingDraft], sentence: Sentence) -> MeetingDraft | None:
    """A meeting already known to this sentence (its words were met in it)."""
    return next((m for m in reversed(meetings) if sentence.index in m.sentences), None)


def _compatible(meeting: MeetingDraft, persons: list[str], grouped: bool) -> bool:
    overlap = set(meeting.participants) & set(persons)
    return grouped or len(overlap) >= min(2, len(persons)) or len(persons) <= 1


def _add(meeting: MeetingDraft, persons: list[str], sentence: Sentence) -> None:
    for person in persons:
        if person not in meeting.participants:
            meeting.participants.append(person)
    meeting.sentences.add(sentence.index)


def _phone_near(norms, match, sentence) -> bool:
    markers = phone_markers()
    for k in range(max(sentence.first, match.first - 3), min(sentence.last, match.last + 6)):
        if norms[k] in markers or (norms[k][:1] in "وب" and norms[k][1:] in markers):
            return True
    return False


def _place(doc, mentions, window, match, info) -> str | None:
    """The place "في موسكو"، "بالرياض"، "في العاصمة الصينية بكين", "زيارة إلى دمشق" says."""
    norms = doc.token_norms
    start, end = window
    candidates = []
    for mention in mentions:
        if mention.type not in (PLACE, COUNTRY) or not mention.key or not start <= mention.first < end:
            continue
        if doc.quote_at(mention.start) is not None:
            continue
        preposition = _preposition_before(norms, mention, start)
        if preposition is None:
            continue
        if preposition == "الي" and info.kind != "visit":
            continue
        candidates.append(mention)
    if not candidates:
        return None
    after = [m for m in candidates if m.first >= match.first]
    chosen = after[0] if after else candidates[-1]
    return chosen.key


def _preposition_before(norms, mention, floor) -> str | None:
    """"في"، "ب"، "إلى" before the place, over "العاصمة الصينية", "مدينة", "قصر ... في"."""
    if mention.start > 0 and norms[mention.first][:1] == "ب" and mention.name and not mention.name[0].startswith("ب"):
        return "في"
    k = mention.first - 1
    skipped = 0
    while k >= floor and skipped < 3 and (
        norms[k] in _PLACE_WORDS or gz.nisba_index().longest_at(norms, k, k + 1, clitics=False)
    ):
        k -= 1
        skipped += 1
    if k < floor:
        return None
    norm = norms[k]
    if norm in ("في", "الي"):
        if k - 1 >= floor and norms[k - 1] in _TOPIC_NOUNS:
            return None
        return norm
    if skipped and norm[:1] == "ب" and norm[1:] in _PLACE_WORDS:
        return "في"
    return None


def place_words() -> tuple[str, ...]:
    return tuple(words(w)[0] for w in ("في", "إلى"))
