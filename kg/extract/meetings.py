"""Meetings held: who took part, where, when, in person or by phone.

A meeting word (التقى، استقبل، بحث مع، أجرى محادثات، قمة، اتصال هاتفي ...) opens a meeting whose
participants are the persons of its clause. Words that point back at one ("خلال القمة"،
"الاتصال"، "الرئيسان") join it rather than open another; "انضم إليه"، "حضر اللقاء"، "شارك في
القمة" add people to it. A meeting may be opened before its people are named ("استضافت
القاهرة قمة ... وشارك في القمة ...") and is kept only once it has two. Planned, hypothetical,
refused and past meetings are left out: future tense, "من المقرر"، "غداً", "كان قد التقى",
"القمة المقبلة".
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from operator import gt, or_

from kg.extract import gazetteer as gz
from kg.extract.actors import (
    COUNTRY,
    DELEGATION_WORDS,
    ORGANIZATION,
    PERSON,
    PLACE,
    ActorMention,
    office_listed_under,
    office_words,
    reporting_cues_in,
)
from kg.extract.dates import FUTURE, PAST, DateMention, find_dates
from kg.extract.lexicon import (
    PhraseIndex,
    WordTest,
    clitic_stems,
    phone_markers,
    positions,
    read_table,
    reporting_cues,
    triggers,
)
from kg.text.document import BODY, DATELINE, ITEM_MARKS, Document, Sentence
from kg.text.normalize import normalize

_CLAUSE_BREAKS = frozenset(
    normalize(w)
    for w in ("حيث", "فيما", "بينما", "وفيما", "وبينما", "الذي", "التي", "الذين", "؛", ";", "جدير", "والجدير")
)  # "جدير بالذكر أن ...": an aside about something else
GROUP_WORDS = frozenset(normalize(w) for w in (
    "الجانبان", "الجانبين", "الطرفان", "الطرفين", "الرئيسان", "الرئيسين", "الوزيران", "الوزيرين",
    "الزعيمان", "الزعيمين", "البلدين", "البلدان", "المسؤولان", "المسؤولين", "العاهلان", "العاهلين", "الملكان",
    "الملكين", "الأميران", "الأميرين",
))  # fmt: skip
_TOPIC_NOUNS = frozenset(normalize(w) for w in (
    "الأوضاع", "الوضع", "التطورات", "المستجدات", "الأزمة", "الحرب", "القتال", "الصراع", "الأحداث",
    "السلام", "الاستقرار", "الأمن", "التصعيد", "العدوان", "الهجوم", "الهجمات", "العمليات", "التوتر",
    "الانتخابات", "الاستثمار", "الاستثمارات", "المشاريع", "الأزمات", "أوضاع", "تطورات", "الحل", "التسوية",
    "الحرب", "النزاع", "المعارك", "الحصار", "العدوان", "الإبادة", "سكان", "أهالي", "المدنيين",
))  # fmt: skip
_PLACE_WORDS = frozenset(
    normalize(w)
    for w in ("العاصمة", "مدينة", "المدينة", "قصر", "مقر", "منتجع", "ولاية", "إقليم", "بمكتبه", "مكتبه", "مطار")
)
# the person after these is no party: whom a letter is from, on whose behalf, whose absence is noted
_EXCLUDING_WORDS = frozenset(normalize(w) for w in (
    "عن", "رسالة", "برسالة", "رسالته", "نيابة", "باسم", "لنقل", "غياب", "بغياب", "دون", "بدون",
    "صحة", "سلامة",  # "للاطمئنان على صحة السلطان": whose health they asked about
    "حكومة", "إدارة", "عهد",  # "وزير الخارجية في حكومة الرئيس X": whose government the guest serves
))  # fmt: skip
_AS_WELL_AS = frozenset(normalize(w) for w in ("فضلاً", "وفضلاً"))  # "فضلاً عن سفير المملكة X": and also
_ABSENT = frozenset(normalize(w) for w in ("غياب", "بغياب", "دون", "بدون"))
_SIDELINE = (normalize("هامش"), normalize("بهامش"))
# "في وقت سابق"، "قبل ذلك"، "بعد ذلك": another meeting of the same day, not the one just read
# "عقد اجتماعاً منفصلاً مع نظيره"، "التقاه على انفراد": a meeting of its own, though its people met before
_APART = frozenset(normalize(w) for w in ("منفصلا", "منفصلاً", "منفصل", "منفصلة", "انفراد", "منفرد", "منفردا"))
_SIDELINE_OR_APART = frozenset(_SIDELINE) | _APART
_ANOTHER_TIME = (("وقت", "سابق"), ("وقت", "لاحق"), ("قبل", "ذلك"), ("بعد", "ذلك"))
_ANOTHER_TIME_FIRST = frozenset(first for first, _ in _ANOTHER_TIME)
_PAST_LIMIT_DAYS = 10  # a meeting dated further back than this is background, not news
_SHORT_QUOTE_WORDS = 6  # "قمة القاهرة للسلام" in quote marks is a name, not speech


@dataclass
class MeetingDraft:
    kind: str
    phone: bool
    participants: list[str]
    sentence: int  # the sentence that reports it
    trigger: int  # token index of the word that opened it
    place: str | None = None
    venue: str | None = None  # a palace or office it was held in, besides the city
    date: dt.date | None = None
    dated: bool = False  # the date was read from the text, not assumed
    sentences: set[int] = field(default_factory=set)  # every sentence that speaks of it
    ceremony: bool = False  # credentials handed over: later sentences may add envoys to it
    welcome: bool = False  # those who met a guest on arrival ("كان في استقباله")
    companions: dict[str, str] = field(default_factory=dict)  # who accompanied whom ("يرافقه"، "برفقة")
    bilaterals: bool = False  # "لقاءات ثنائية مع نظرائه": one meeting of the first with each of the others


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
    """The meetings the body reports as held, with participants, place and date (possibly with
    fewer than two participants: the caller keeps those that reach two)."""
    norms = doc.token_norms
    mentions = _in_order(mentions)
    meetings: list[MeetingDraft] = []
    met_apart: set[str] = set()  # hosts who met guests one by one: "كما استقبل ..." goes on so
    speakers = _speaker_mentions(doc, mentions)
    told_day = _dateline_day(doc, published)  # the day the article's story has reached so far
    series: MeetingDraft | None = None  # "أجرى ... عدة لقاءات ...:" then one item a line
    roster: MeetingDraft | None = None  # "تسلم ... أوراق اعتماد كل من:" then one guest a line
    scene: str | None = None  # "شهد قصر بعبدا اليوم سلسلة لقاءات": where the meetings told next were held
    for sentence in doc.sentences:
        if sentence.kind != BODY:
            continue
        if series is not None:
            item = _listed_meeting(doc, sentence, mentions, series)
            if item is not None:
                meetings.append(item)
                continue
            series = None
        roster = _roster_of(doc, sentence, meetings) or roster
        if roster is not None:
            # "تسلم الملك أوراق اعتماد كل من:" then "– سعادة السيد X سفير Y." a line: the guests, one a line
            guest = _listed_guest(doc, sentence, mentions) if norms[sentence.first] in ITEM_MARKS else None
            if guest is not None:
                _add(roster, [guest], sentence)
                continue
            roster = None
        dates = find_dates(norms, sentence.first, sentence.last, published)
        scene = _scene(norms, sentence, mentions) or scene
        day_before = told_day
        stated = [d.date for d in dates if d.date is not None and d.exact and d.relation != FUTURE]
        if stated:
            told_day = stated[-1]
        blocked_from = sentence.last  # once a planned meeting is read, the rest of the clause is planned too
        apart_from = sentence.last  # once guests are met one by one, "وبحث معهم" speaks of those meetings
        if not any(sentence.index in m.sentences for m in meetings):
            by_hand = _letter_by_hand(doc, sentence, mentions)
            if by_hand is not None:
                by_hand.date, by_hand.dated = _date(dates, by_hand.trigger, None, _last_told(meetings) or day_before)
                meetings.append(by_hand)
                continue
        for match in triggers().scan(norms, sentence.first, sentence.last):
            info = match.payload
            if not _trigger_counts(doc, match, info):
                if meetings and info.pos == "verb" and info.tense == "past" and _in_long_quote(doc, match):
                    _restated(doc, sentence, match, info, mentions, speakers, meetings)
                last = meetings[-1] if meetings else None
                if (
                    last is not None
                    and info.pos == "noun"
                    and len(last.participants) > 2
                    and 0 < sentence.index - last.sentence <= 2
                    and _told_one_by_one(norms[match.last : sentence.last])
                    and _in_long_quote(doc, match)
                ):
                    # "وأضاف أنه «تم خلال اللقاءات التي جرت مع السفراء كلاً على حدة ...»": the office's
                    # own words say the ceremony just read was one meeting with each
                    _split_one_by_one(meetings, last, mentions)
                continue
            if (
                match.first > blocked_from
                and not (info.pos == "verb" and info.tense == "past")  # "اجتمع" after "القمة التي تعقد غداً"
                and not _clause_break_between(norms, blocked_from, match.first)
            ):
                continue
            if (
                match.first > apart_from
                and info.kind != "join"
                and not _clause_break_between(norms, apart_from, match.first)
            ):
                continue
            if _not_held(doc, sentence, match, info, dates, published):
                blocked_from = min(blocked_from, match.first)
                continue
            if _gathering_spoken_of(doc, mentions, match, info):
                continue
            during = _during_the_meeting(norms, match, info, sentence, meetings)
            if during is not None:
                # "استقبل الوزير X" then "وتسلم الوزير خلال اللقاء رسالة من Y لـZ": done in that meeting
                during.sentences.add(sentence.index)
                continue
            if info.kind == "welcome":
                welcome = _welcome(doc, sentence, match, mentions, speakers, dateline_place)
                again = meetings[-1] if meetings and meetings[-1].welcome else None
                as_well = norms[sentence.first] in _AS_WELL_OPENERS and _guest_by_office(mentions, match, sentence)
                if welcome is not None and again is not None and (
                    again.participants[0] == welcome.participants[0] or as_well
                ) and welcome.sentence - again.sentence <= 2:
                    # ("كما كان في استقبال ولي العهد كل من ...": the guest named by his office again)
                    # "وكان في استقباله أيضاً ...": more of those who met the same guest on arrival
                    _add(again, welcome.participants[1:], sentence)
                    continue
                if welcome is not None:
                    welcome.date, welcome.dated = _date(dates, match.first, None, _last_told(meetings) or day_before)
                    meetings.append(welcome)
                continue
            window = _window(doc, sentence, match, info, mentions)
            in_quote = _in_long_quote(doc, match)
            # ('إن "ذلك جاء خلال استقبال الرئيس ... السفير X"': those a communiqué tells of are parties)
            told_in_communique = in_quote and _communique_tells(doc, match, info)
            persons = _persons(mentions, window, speakers, doc, in_speech=told_in_communique)
            opening = _first_person_teller(doc, match) if in_quote else None
            if opening is not None:
                # "وقال X في تغريدة: «تلقيت اتصالاً من Y ...»": X, who tells it, and Y
                teller = next((m.key for m in reversed(mentions) if m.type == PERSON and m.key
                               and sentence.first <= m.first < opening), None)  # fmt: skip
                if teller is None:
                    continue
                told = _persons(mentions, window, speakers, doc, in_speech=True)
                persons = [teller, *(p for p in told if p != teller)]
            if info.pos == "verb" and info.kind != "join" and len(persons) == 1:
                # "التقى الوزير X الذي وصل ... للمشاركة في الاجتماع ...، اليوم، مع نظيره Y": the partner
                # named after مع past the asides
                window = _partner_after(doc, mentions, window, sentence) or window
                persons = _persons(mentions, window, speakers, doc)
            if info.pos == "verb" and len(persons) == 1:
                # "وأوضح السفير X بعد الزيارة أنه بحث مع الرئيس ...": he who says it held the talks
                teller = _teller(doc, mentions, sentence, match)
                if teller is not None and teller not in persons:
                    persons = [teller, *persons]
            received = _guests_received_again(doc, meetings, sentence, match, info, persons)
            if received is not None:
                # "تقبل الرئيس أوراق اعتماد X وY" then "واستقبل الرئيس السفيرين كلاً على حدة في قصر
                # الشعب": the reception already read, told again with where and how it was held
                place, venue = _in_city(*_place(doc, mentions, window, match, info, None))
                vague = received.venue is None and (received.place is None or received.place.startswith("country:"))
                for meeting in _told_together(meetings, received):
                    meeting.sentences.add(sentence.index)
                    if vague and (place or venue) and not meeting.phone:
                        meeting.place, meeting.venue = place, venue
                if len(received.participants) > 2 and _told_one_by_one(norms[match.last : sentence.last]):
                    _split_one_by_one(meetings, received, mentions)
                    apart_from = match.last
                continue
            again = _reception_again(meetings, info, persons)
            if again is not None:
                # "استقبل الرئيس X ..." then "وجرت لفخامته مراسم استقبال رسمية": the same reception
                again.sentences.add(sentence.index)
                if len(again.participants) > 2 and _told_one_by_one(norms[match.last : sentence.last]):
                    # "تسلم الرئيس أوراق اعتماد X وY" then "خلال استقبال السفراء كلاً على حدة": each apart
                    _split_one_by_one(meetings, again, mentions)
                    apart_from = match.last
                continue
            opened = _opened_for_guests(meetings, info, persons, sentence)
            if opened is not None:
                # "أقام الرئيس مراسم استقبال ... لتسلّم أوراق اعتماد عدد من السفراء" then "وجرى خلال هذا
                # الاحتفال استقبال كل من X، Y": the guests of the reception the host opened
                _add(opened, persons, sentence)
                continue
            if info.kind != "join" and len(persons) == 1:
                # "بلقاء وزير الخارجية التركي": an official left unnamed stands for his country
                unnamed = _unnamed_officials(mentions, window)
                if info.pos == "verb":  # ("لقاء الرئيس بالوفد الإسباني": the meeting told again)
                    unnamed += _delegations_of_countries(norms, window)
                persons += [c for c in dict.fromkeys(unnamed) if c != _country_of(persons[0], None)]
            referenced = _meeting_named(meetings, sentence)
            if info.kind == "join":
                # "انضم إليه"، "حضر اللقاء"، "شارك في القمة": people join the meeting at hand
                joining = [p for p in persons if _named_after(p, match.first, mentions)]
                if match.phrase[0] in _JOINED_IN_PLURAL:
                    # "وتجدر الإشارة إلى أن X، وY، وZ شاركوا في هذه المقابلة": those named before the verb
                    joining = list(dict.fromkeys(
                        m.key for m in mentions
                        if m.type == PERSON and m.key and m.named and sentence.first <= m.first < match.first
                    ))  # fmt: skip
                joining += [k for k in _envoys_of_states(mentions, window, match.last) if k not in joining]
                if not joining and _STATES_LISTED.intersection(norms[match.last : window[1]]):
                    # "شاركت في الاجتماع 11 دولة هي: مصر، السعودية، ...": the states that took part
                    joining = [m.key for m in mentions if m.type == COUNTRY and m.key
                               and match.last <= m.first < window[1] and not m.in_title]  # fmt: skip
                target = referenced or (meetings[-1] if meetings else None)
                several = not _MEETINGS_NOUN.isdisjoint(norms[window[0] : window[1]])
                if target is not None and several and len(target.participants) == 1 and len(joining) > 1:
                    # "التقى الوزير بعدد من المبعوثين ... وشملت اللقاءات كلاً من X، Y": one meeting each
                    for guest in joining:
                        meetings.append(replace(target, participants=[target.participants[0], guest],
                                                sentences={target.sentence, sentence.index}))  # fmt: skip
                    meetings.remove(target)
                    continue
                if target is not None:
                    # "استقبل ... كلاً على حدة ... وحضر المراسم": those present attended each;
                    # "حضر اللقاءين": the last two meetings of the same host
                    held_apart = (target.trigger, target.sentence)
                    both = _both_meetings(norms, window, meetings, target)
                    for meeting in meetings:
                        if meeting is target or (meeting.trigger, meeting.sentence) == held_apart or meeting in both:
                            _add(meeting, joining, sentence)
                    if match.phrase[0] in _ACCOMPANYING:
                        # "وكان الوزير مرفوقاً بوزير الدولة X": X is on the side of the one he accompanies
                        before = [m.key for m in mentions if m.type == PERSON and m.key
                                  and sentence.first <= m.first < match.first]  # fmt: skip
                        guest = target.participants[1] if len(target.participants) > 1 else ""
                        side = before[-1] if before else guest
                        target.companions.update({k: side for k in joining if k.startswith("person:") and side})
                continue
            grouped = len(persons) < 2 and not GROUP_WORDS.isdisjoint(norms[window[0] : window[1]])
            # "وعلى هامش الدورة، ترأس ... الاجتماع الوزاري المشترك": a meeting beside the one read
            beside = _beside(norms, sentence.first, match.first)
            held_now = info.kind != "visit" and _did_hold(norms, sentence, match)  # "قام بزيارة": what he is there for
            reference = _is_reference(norms, match, info) and not beside and not held_now
            # "وبحث اللقاء ..."، "وتناول الاتصال ...": the meeting word after the verb is its subject
            subject = _meeting_subject(norms, match, info, sentence) if not persons else None
            if (reference or subject is not None) and not meetings and len(persons) < 2:
                # "أطلع الوزير X نظيره Y على ..." then "وتناول اللقاء ...": the words before told
                # the meeting this one names, though with a verb that is not one of meeting
                told = _told_before(doc, sentence, mentions)
                during = match.first > sentence.first and norms[match.first - 1] in _DURING_WORDS
                persons = told or (during and _whole_sentence(doc, sentence, mentions, speakers)) or persons
            between = _named_between(norms, match, sentence, mentions, persons) if reference and meetings else []
            pair = _pair_between(norms, match, sentence, mentions) if reference and meetings else []
            if pair and not any(set(pair) <= set(m.participants) for m in meetings):
                # "الاتصال الهاتفي بين ابن علوي ونظيره العراقي": a call between two not yet read together
                reference, persons = False, pair
            if reference and meetings:
                # "خلال القمة"، "استهلت القمة باجتماع": the meeting already read; people join it only
                # when the words name them ("اللقاء بين X وY")
                target = referenced or _standing_for(meetings, persons, mentions) or _last_of_kind(meetings, info)
                # ("مباحثات مصرية قطرية في الدوحة" above the story: talks no one was named in yet)
                unnamed = not target.participants and len(persons) >= 2
                # "تسلم الرئيس رسالة خطية من نظيره" then "جاء ذلك خلال استقباله السفير X": the one who
                # handed it over, of a meeting told with only its host
                half_told = (
                    len(target.participants) == 1
                    and any(p != target.participants[0] for p in persons)
                    and _needed_word(norms, target.trigger + 1, len(norms), _HANDED_OVER, _NEEDED_REACH)
                )
                _add(target, between or (persons if unnamed or half_told else []), sentence)
                if unnamed and target.date is None:
                    target.date, target.dated = _date(dates, match.first, None, None)
                elif target.date is None and _held_on(norms, match, sentence):
                    # "ناقش X مع Y ..." then "وأفاد المكتب أن الاجتماع الذي عقد الخميس ...": its day
                    target.date, target.dated = _date(dates, match.first, None, None)
                if len(target.participants) > 2 and _told_one_by_one(norms[match.last : sentence.last]):
                    # "تسلّم الرئيس أوراق اعتماد السفراء ..." then "خلال لقائه السفراء كلاً على حدة":
                    # the ceremony was one meeting with each
                    _split_one_by_one(meetings, target, mentions)
                    continue
                if (
                    info.kind == "call"
                    and _phone_near(norms, match, sentence, window)
                    and not target.phone
                    and _two_sides(target)
                ):
                    # "بحث X مع Y ..." then "خلال اتصال هاتفي أجراه X بنظيره": the talks were a call
                    target.phone, target.kind, target.place, target.venue = True, "call", None, None
                    continue
                if target.place is None and not target.phone:
                    # "خلال اللقاء الذي جرى في قصر البحر في أبوظبي": where the meeting was
                    held_at = _held_at(norms, match, sentence)
                    if held_at is not None:
                        target.place, target.venue = _in_city(*_place(doc, mentions, held_at, match, info, None))
                    elif info.pos == "verb":
                        # "بحث الرئيس مع السفراء ..." then "تسلم الرئيس في قصر السلام ببغداد أوراق اعتماد ...":
                        # the meeting told again with a verb, and where it was
                        target.place, target.venue = _in_city(*_place(doc, mentions, window, match, info, None))
                    else:
                        # "بحث X مع Y ..." then "جاء ذلك بعد وصول X إلى العاصمة الليبية طرابلس": the
                        # visit the meeting was part of
                        target.place = _visited(doc, mentions, sentence)
                continue
            stated = _date(dates, match.first, None, None)[0]
            apart = _each_already_met(meetings, persons)
            if apart:
                # "تلقى X اتصالات من A وB وC" then "وبحث X مع A وB وC": the calls already read, each
                for meeting in apart:
                    meeting.sentences.add(sentence.index)
                continue
            target = _target(meetings, info, persons, grouped, norms, sentence, stated)
            if target is not None:
                _add(target, persons, sentence)
                if len(target.participants) > 2 and _told_one_by_one(norms[match.last : sentence.last]):
                    # "التقى الرئيس بوزيري خارجية قطر وسوريا" then "استقبل بشكل منفصل X ...، وY": each apart
                    _split_one_by_one(meetings, target, mentions)
                    continue
                # "عقد ... اجتماعاً عبر تقنية الاتصال المرئي": the noun's own clause says how it was held
                remote = info.phone or _phone_near(norms, match, sentence, window)
                if remote and not target.phone and _two_sides(target):
                    target.phone, target.kind, target.place = True, "call", None
                elif not target.phone and target.place is None:
                    # "سلم السفير دعوة ..." then "واستقبل ... السفير بمقر المجلس في طرابلس": where it was
                    target.place, target.venue = _in_city(*_place(doc, mentions, window, match, info, None))
                if target.date is None:
                    target.date, target.dated = _date(dates, match.first, None, None)
                continue
            if subject is not None and referenced is None and meetings:
                referenced = _last_of_kind(meetings, subject.payload)
            if referenced is not None and info.pos == "verb" and not persons:
                # "وجرى خلال اللقاء استعراض ... وبحث آليات ...": more of what the meeting at hand did
                referenced.sentences.add(sentence.index)
                continue
            host = meetings[-1].participants[:1] if meetings else []
            then_clause = (
                window[0] > sentence.first and norms[window[0]] in _THEN_WORDS and host and host[0] not in persons
            )
            if (
                info.pos == "verb"
                and (then_clause or not _subject_before(mentions, sentence, match))
                and host
                and persons
                and not _subject_then_partner(norms, mentions, match, window)
            ):
                # "كما التقى ..."، "واستقبل في وقت لاحق ...": the subject is the host of the last meeting
                persons = [host[0], *[p for p in persons if p != host[0]]]
                target = _target(meetings, info, persons, grouped, norms, sentence, stated)
                if target is not None:
                    _add(target, persons, sentence)
                    continue
            if referenced is not None and persons and set(persons) <= set(referenced.participants) and (
                info.kind != "call" and not info.phone and not beside
                and _SIDELINE_OR_APART.isdisjoint(norms[sentence.first : sentence.last])
            ):  # fmt: skip
                # "وفي مستهل اللقاء نقل الوزير الجزائري رسالة ...": more of the meeting the sentence names
                referenced.sentences.add(sentence.index)
                continue
            if len(persons) == 1 and info.pos == "noun" and _opens_on_reporting_verb(doc, mentions, sentence, match):
                # "وثمّن في مؤتمر صحفي مشترك مع نظيره ..." after "أكد الوزير X ...": the speaker the
                # story follows held it
                subject = _arriving(doc, mentions, sentence)
                if subject is not None and subject not in persons:
                    persons = [subject, *persons]
            elif len(persons) == 1 and info.pos == "noun" and _with_someone(norms, match, sentence):
                # "وقال X خلال مؤتمر صحافي مشترك مع نظيره Y": who speaks held it with the one named
                speaker = next((m.key for m in mentions if id(m) in speakers and m.type == PERSON and m.key
                                and sentence.first <= m.first < match.first), None)  # fmt: skip
                if speaker is not None and speaker not in persons:
                    persons = [speaker, *persons]
            parties = (
                persons
                if len(persons) >= 2
                else persons + [k for k in _parties(mentions, window, doc, speakers) if k not in persons]
            )
            if info.pos == "verb" and len(parties) == 1 and parties[0].startswith("person:"):
                # "ويقوم الوزير الصيني وانغ يي بجولة ... وقد التقى الوزير السعودي في الرياض": the
                # subject left out is the one the story follows
                subject = _arriving(doc, mentions, sentence)
                if subject is not None and subject not in parties:
                    parties = [subject, *parties]
            if info.kind == "reception" and info.pos == "noun" and _credentials(norms, sentence):
                # "شهد القصر تقديم أوراق اعتماد ستة سفراء ... الذين يقدمون أوراق اعتمادهم لرئيس الجمهورية"
                taker = _credentials_taker(doc, mentions, sentence, match)
                if taker is not None and taker not in parties:
                    parties = [taker, *parties]
            kind = _kind(norms, match, info, sentence)
            phone = info.phone or kind == "call" or _phone_near(norms, match, sentence, window)
            place, venue = (None, None) if phone else _place(doc, mentions, window, match, info, dateline_place)
            date, dated = _date(dates, match.first, referenced, _last_told(meetings) or day_before, norms, match)
            if not phone and place is None:
                place = (
                    _visited(doc, mentions, sentence)
                    or _event_city(doc, mentions, sentence, window)
                    or _same_day_place(meetings, date)
                    or scene
                    or _arrival_told_next(doc, mentions, sentence, parties)
                    or _visit_of_a_party(doc, mentions, sentence, parties)
                )
            place, venue = _in_city(place, venue)
            groups = [list(dict.fromkeys(parties))]
            if phone and len(groups[0]) > 2 and _several_calls(norms, window):
                # "أجرى اتصالين هاتفيين مع X ومع Y": one call with each
                groups = [[groups[0][0], other] for other in groups[0][1:]]
            elif len(groups[0]) > 2:
                apart = _one_by_one(doc, sentence, window, match, mentions, groups[0], met_apart)
                if apart:
                    groups, apart_from = apart, match.last
                    met_apart.add(apart[0][0])
            for group in groups:
                same = next(
                    (m for m in meetings if m.sentence == sentence.index and set(m.participants) == set(group)), None
                )
                if same is not None:
                    continue  # "قدّم السفراء ... حيث التقى الوزير السفراء كلاً على حدة": told twice
                # ("كما استقبل الرئيس السيد X الذي سلمه أوراق اعتماده": a reception of its own, each envoy apart)
                one_ceremony = len(groups) == 1 and match.phrase[0] not in _RECEIVED_SOMEONE
                ceremony = _ceremony_goes_on(meetings, norms, sentence, group, date) if one_ceremony else None
                if ceremony is not None:
                    _add(ceremony, group[1:], sentence)
                    continue
                meeting = MeetingDraft(
                    kind="call" if phone else kind,
                    phone=phone,
                    participants=group,
                    sentence=sentence.index,
                    trigger=match.first,
                    place=place,
                    venue=venue,
                    date=date,
                    dated=dated,
                    ceremony=len(groups) == 1 and _credentials(norms, sentence),
                    bilaterals=len(groups) == 1 and _bilaterals(norms, match, sentence),  # (or already apart)
                )
                meeting.sentences.add(sentence.index)
                meetings.append(meeting)
                if norms[sentence.last - 1] == ":" and not _MEETINGS_NOUN.isdisjoint(norms[window[0] : window[1]]):
                    series = meeting
    return [
        pair
        for m in meetings
        if not _visit_told_by_its_meetings(m, meetings)
        for pair in (_one_each(m) if m.bilaterals and len(m.participants) > 2 else [m])
    ]


_PLURAL_MEETINGS = frozenset(normalize(w) for w in ("لقاءات", "اجتماعات", "مباحثات", "محادثات", "مقابلات"))
_APART = frozenset(normalize(w) for w in ("ثنائية", "منفصلة"))


def _bilaterals(norms, match, sentence: Sentence) -> bool:
    """ "أجرى ... لقاءات ثنائية مع العديد من نظرائه": several meetings of two, not one of them all."""
    for k in range(match.first, min(sentence.last - 1, match.last + 4)):
        if not _PLURAL_MEETINGS.isdisjoint(clitic_stems(norms[k])) and norms[k + 1] in _APART:
            return True
    return False


def _one_each(meeting: MeetingDraft) -> list[MeetingDraft]:
    """The first party's meeting with each of the others."""
    host, *guests = meeting.participants
    persons = [g for g in guests if g.startswith("person:")]
    guests = persons or guests  # (the body whose meeting brought them together is no one's partner)
    return [
        replace(meeting, participants=[host, guest], sentences=set(meeting.sentences), companions={}, bilaterals=False)
        for guest in guests
    ]


def _visit_told_by_its_meetings(visit: MeetingDraft, meetings: list[MeetingDraft]) -> bool:
    """ "وصل الوزير X إلى مسقط في زيارة لسلطنة عمان" then "وكان في استقباله الوزير العماني Y": the
    visit of X to a country is told by the meetings X held there with its people."""
    guests = [p for p in visit.participants if p.startswith("person:")]
    hosts = set(visit.participants) - set(guests)
    if visit.kind != "visit" or len(guests) != 1 or not hosts or not all(h.startswith("country:") for h in hosts):
        return False
    known = gz.known(visit.place) if visit.place else None
    if known is not None and known.country:
        hosts = hosts | {f"country:{known.country}"}  # "زيارة رسمية إلى تونس": the city's country is visited
    return any(
        other is not visit and guests[0] in other.participants
        # ("زيارة رسمية إلى تونس، محطته الثانية في جولة زار خلالها ليبيا": the tour's other stops go with it)
        and hosts & {_country_of(p, None) for p in other.participants if p != guests[0]}
        for other in meetings
    )  # fmt: skip



def _roster_of(doc, sentence, meetings: list[MeetingDraft]) -> MeetingDraft | None:
    """The reception told in the sentence before, when that sentence ends on a colon ("كل من:")."""
    if sentence.index == 0:
        return None
    before = doc.sentences[sentence.index - 1]
    if before.last <= before.first or doc.token_norms[before.last - 1] != ":":
        return None
    told = next((m for m in reversed(meetings) if before.index in m.sentences and m.kind == "reception"), None)
    if told is None and meetings and meetings[-1].ceremony and office_listed_under(doc, sentence):
        # "أشرف الرئيس على موكب تسليم أوراق اعتماد سفراء جدد ..." then "وفي ما يلي قائمة السفراء:":
        # the envoys of the ceremony told before, one a line
        return meetings[-1]
    if told is not None and not told.participants:
        # "فقد تسلم صاحب الجلالة أوراق اعتماد كل من:": the ceremony the sentence before it told, with its host
        told = next((m for m in reversed(meetings) if m.kind == "reception" and m.participants
                     and before.index - m.sentence <= 2), None)  # fmt: skip
    return told


def _listed_guest(doc, sentence, mentions) -> str | None:
    """The first person a list item names ("– سعادة السيد X سفير جمهورية Y.")."""
    return next((m.key for m in mentions if m.type == PERSON and m.key and m.named
                 and sentence.first < m.first < sentence.last), None)  # fmt: skip


def _listed_meeting(doc, sentence, mentions, series: MeetingDraft) -> MeetingDraft | None:
    """ "* بوريطة مع وزير الخارجية الغامبي مامادو تانغارا.": an item of a list of meetings announced
    before ("أجرى ... عدة لقاءات ...:"), one meeting of the announcer with the person after مع."""
    norms = doc.token_norms
    if norms[sentence.first] not in ITEM_MARKS:
        return None
    with_at = next((k for k in range(sentence.first + 1, sentence.last) if norms[k] == "مع"), None)
    if with_at is None:
        return None
    guest = next((m.key for m in mentions if m.type == PERSON and m.key and with_at < m.first < sentence.last
                  and m.key != series.participants[0]), None)  # fmt: skip
    if guest is None:
        return None
    meeting = MeetingDraft(kind=series.kind, phone=series.phone, participants=[series.participants[0], guest],
                           sentence=sentence.index, trigger=with_at, place=series.place, venue=series.venue,
                           date=series.date, dated=series.dated)  # fmt: skip
    meeting.sentences.add(sentence.index)
    return meeting


_AS_WELL_OPENERS = frozenset(normalize(w) for w in ("كما", "وكما"))


def _guest_by_office(mentions, match, sentence) -> bool:
    """The guest after "في استقبال" is named by his office alone ("في استقبال ولي العهد")."""
    guest = next((m for m in mentions if m.type == PERSON and m.key and match.last <= m.first < sentence.last), None)
    return guest is not None and not guest.named


def _welcome(doc, sentence, match, mentions, speakers, dateline_place) -> MeetingDraft | None:
    """ "وكان في استقباله لدى وصوله X وY"، "كان في استقبال الوزير المالكي ..."، "على رأس مستقبليه":
    those who met an arriving guest. The guest is named after "في استقبال", or is the one whose
    arrival the sentence before told ("وصل الرئيس X إلى ...")."""
    persons = _persons(mentions, (sentence.first, sentence.last), speakers, doc)
    pronoun = match.phrase[-1].endswith(("ه", "ها"))
    if pronoun:
        # "وصل الوزير X إلى ...، وكان في استقباله Y": the one arriving, this sentence or the one before
        norms = doc.token_norms
        arrived = next((k for k in range(sentence.first, match.first) if norms[k] in _ARRIVED), None)
        guest = next((m.key for m in mentions if m.type == PERSON and m.key and arrived is not None
                      and arrived < m.first < match.first), None) or _arriving(doc, mentions, sentence)  # fmt: skip
    else:
        guest = next((m.key for m in mentions if m.type == PERSON and m.key and m.first >= match.last
                      and m.first < sentence.last), None)  # fmt: skip
    if guest is None:
        return None
    participants = list(dict.fromkeys([guest, *persons]))
    if len(participants) < 2:
        return None
    place, venue = _place(doc, mentions, (sentence.first, sentence.last), match, _WELCOME_INFO, None)
    arrived_in = _arrived_in(doc, mentions, sentence)
    if place is None and sentence.index > 0:
        place = arrived_in or dateline_place
    elif place is not None and place.startswith("country:") and arrived_in and not arrived_in.startswith("country:"):
        place = arrived_in  # "الوزير المسؤول عن الشؤون الخارجية بسلطنة عمان": the city he arrived in is nearer
    place, venue = _in_city(place, venue)
    draft = MeetingDraft("reception", False, participants, sentence.index, match.first, place=place, venue=venue,
                         welcome=True)
    draft.sentences.add(sentence.index)
    return draft


_ACCOMPANYING = frozenset(normalize(w) for w in (
    "يرافقه", "ترافقه", "يرافقها", "يرافقهم", "رافقه", "رافقته", "برفقة", "مرفوقا", "بصحبة", "يصحبه",
))  # fmt: skip
_ARRIVED = frozenset(normalize(w) for w in ("وصل", "ووصل", "وصلت", "ووصلت", "حط", "وحط"))


@dataclass(frozen=True, slots=True)
class _WelcomeInfo:
    kind: str = "visit"  # a place after "إلى" counts, as for a visit


_WELCOME_INFO = _WelcomeInfo()


def _arriving(doc, mentions, sentence) -> str | None:
    """The first person named in the body sentence before: the one who arrived."""
    for index in range(sentence.index - 1, max(-1, sentence.index - 3), -1):
        before = doc.sentences[index]
        if before.kind != BODY:
            continue
        found = next((m.key for m in mentions if m.type == PERSON and m.key and before.first <= m.first < before.last
                      and doc.quote_at(m.start) is None), None)  # fmt: skip
        if found is not None:
            return found
    return None


def _envoys_of_states(mentions, window, after: int) -> list[str]:
    """ "وشارك في اللقاء سفراء تركيا واليمن والاتحاد الأوروبي": envoys the text leaves unnamed, of the
    states and bodies listed after them, stand for those states and bodies."""
    found: list[str] = []
    listing = False
    for mention in _mentions_within(mentions, max(window[0], after), window[1]):  # in text order
        if mention.type == PERSON and not mention.key and mention.number == 3:
            listing = True
            if mention.represents:
                found.append(mention.represents)
        elif listing and mention.type in (COUNTRY, ORGANIZATION) and mention.key and not mention.in_title:
            found.append(mention.key)
        elif listing and mention.type == PERSON and not mention.key and mention.represents:
            found.append(mention.represents)  # "والمبعوث الخاص للأمين العام للأمم المتحدة"
        elif mention.type == PERSON and mention.key:
            listing = False
    return list(dict.fromkeys(found))


def _unnamed_officials(mentions, window) -> list[str]:
    """The countries of the one-person offices in the window that name nobody ("وزير الخارجية التركي")."""
    return list(dict.fromkeys(
        m.represents for m in mentions
        if window[0] <= m.first < window[1] and m.type == PERSON and not m.key and not m.named and m.number == 1
        and m.role and m.represents.startswith("country:")
    ))  # fmt: skip


def _delegations_of_countries(norms, window) -> list[str]:
    """ "لقاءات جمعت الوفد التركي بالرئيس X": the country of a delegation named by its nisba alone."""
    found = []
    for k in range(window[0], window[1] - 1):
        if norms[k] in _DELEGATIONS or norms[k][1:] in _DELEGATIONS:  # ("بالوفد"، "والوفد")
            countries = gz.nisba_index().get((norms[k + 1],))
            if countries and len(countries) == 1:
                found.append(f"country:{countries[0]}")
    return found


def _partner_after(doc, mentions, window, sentence) -> tuple[int, int] | None:
    """The window stretched to "مع" + a named person further on in the sentence, when nothing but
    asides (commas, a relative clause, the day) stands between."""
    norms = doc.token_norms
    for k in range(window[1], sentence.last - 1):
        if norms[k] in (".", "؛"):
            return None
        verb = triggers().longest_at(norms, k, sentence.last) if k > window[1] else None
        if verb is not None and verb.payload.pos == "verb":
            return None  # another meeting verb: its own partner
        if norms[k] == "مع":
            partner = next((m for m in mentions if m.type == PERSON and m.key and m.named
                            and k < m.first <= k + 6 and m.first < sentence.last), None)  # fmt: skip
            return (window[0], partner.last) if partner is not None else None
    return None


def _opens_on_reporting_verb(doc, mentions, sentence, match) -> bool:
    """ "وأكد خلال لقائه ..."، "وثمن في مؤتمر صحفي ...": the sentence opens on a reporting verb whose
    subject is left out (no person named before the meeting word)."""
    norms = doc.token_norms
    cue = reporting_cues().longest_at(norms, sentence.first, match.first)
    # "جاء ذلك خلال لقاء جمعه مع ...": the words just told were said at a meeting of their speaker
    told_at = norms[sentence.first] in _CAME and norms[sentence.first + 1 : sentence.first + 2] == (normalize("ذلك"),)
    return (
        ((cue is not None and cue.payload.kind == "verb") or told_at)
        and not any(m.type == PERSON and sentence.first <= m.first < match.first for m in mentions)
    )


_HADRAH = normalize("حضره")
_CAME = frozenset(normalize(w) for w in ("جاء", "وجاء", "جاءت", "وجاءت"))


def _trigger_counts(doc: Document, match, info) -> bool:
    """A verb carries only و/ف before it ("لبحث" is "to discuss"); a meeting word inside a long
    quotation is speech; a word that needs another ("أجرى محادثات") must have it."""
    norms = doc.token_norms
    if info.pos == "verb" and match.clitic and norms[match.first][: match.clitic] not in ("و", "ف"):
        return False
    if match.phrase[-1] == _HADRAH and doc.tokens[match.last - 1].text.endswith("ة"):
        return False  # "حضرة صاحب السمو": the honorific, not "حضره" (attended it)
    if match.phrase == (_CHAIRED_BY,) and not any(
        not _CHAIRED_THINGS.isdisjoint(clitic_stems(norms[k])) for k in range(max(0, match.first - 4), match.first)
    ):
        return False  # "قادت الكويت برئاسة أميرها مبادرة ...": led by, no delegation or meeting chaired
    listing = info.kind == "join" and any(need[0] in _EACH for need in info.needs)
    if (
        _in_long_quote(doc, match)
        and not listing
        and not _communique_tells(doc, match, info)
        and _first_person_teller(doc, match) is None
    ):
        return False  # ("ضمت قائمة السفراء كلا من ...": a statement's list of who was there is no speech)
    if _hands_over(info) and _said_before(doc, match.first) and not (
        _in_long_quote(doc, match) and _communique_tells(doc, match, info)
    ):
        return False  # "وقال لافروف إنه نقل إلى الرئيس رسالة": told in the meeting already read
    # "تسلّم الرئيس ...، اليوم ... في قصر ... ببغداد، أوراق اعتماد"، "تلقى الرئيس ...، مساء أول أمس
    # الخميس، مكالمتين": what is handed over, or the call, may come after the subject, the day and the
    # place, within the sentence
    return not info.needs or _needed_word(norms, match.last, len(norms), info.needs, _needed_reach(info))


_WITH = ((normalize("مع"),),)


def _needed_reach(info) -> int:
    """How far after the trigger the word it needs may stand."""
    if info.kind == "meeting" and info.pos == "verb":
        # "عقدت وزير الخارجية X يوم الأحد الموافق 23 مايو من العام الجاري، مؤتمراً صحفياً": past the date
        return _HELD_REACH
    # "ناقش الوزير X اليوم على هامش قمة ... في هافانا مع نظيره Y": with whom, past where and when
    if _hands_over(info) or info.kind == "call" or info.needs == _WITH:
        return _HANDED_REACH
    return _NEEDED_REACH


_FIRST_PERSON = frozenset(normalize(w) for w in ("تلقيت", "التقيت", "أجريت"))
_FIRST_PERSON_REACH = 3


def _first_person_teller(doc: Document, match) -> int | None:
    """ "وقال X في تغريدة: «تلقيت اتصالاً من ...»": where the quoted words open on a meeting told in
    the first person, the token before the quotation (its teller is named before it); else None."""
    if match.clitic or match.phrase[0] not in _FIRST_PERSON:
        return None
    quote = doc.quote_at(doc.tokens[match.first].start)
    if quote is None:
        return None
    first = match.first
    while first > 0 and doc.tokens[first - 1].start >= quote.start:
        first -= 1
        if match.first - first > _FIRST_PERSON_REACH:
            return None  # (the words open with it: "تلقيت"، "اليوم تلقيت")
    return first


def _in_long_quote(doc: Document, match) -> bool:
    quote = doc.quote_at(doc.tokens[match.first].start)
    return quote is not None and len(doc.text[quote.start : quote.end].split()) > _SHORT_QUOTE_WORDS


_DURING = frozenset(normalize(w) for w in ("خلال", "لدى", "أثناء", "عند"))
_CHAIRED_BY = normalize("برئاسة")
# what "برئاسة X" is chaired or led by X when it joins a meeting: a delegation, a meeting, talks
_CHAIRED_THINGS = frozenset(normalize(w) for w in (
    "وفد", "الوفد", "وفدا", "اجتماع", "الاجتماع", "اجتماعا", "جلسة", "الجلسة", "لجنة", "اللجنة", "مباحثات",
    "المباحثات", "محادثات", "المحادثات", "الجانب", "المشترك", "المشتركة", "رفيع", "المستوى", "وزاري", "الوزاري",
))  # fmt: skip
COMMUNIQUE_NOUNS = frozenset(normalize(w) for w in ("بيان", "البيان", "بلاغ", "البلاغ"))
_COMMUNIQUE = COMMUNIQUE_NOUNS | {normalize("بيانا"), normalize("بلاغا")}  # ("أصدر بياناً قال فيه إن")
# words between "بيان" and the quotation it opens: "بيان لمكتب رئيس الوزراء العراقي إن"، "بيان لحكومة
# الإقليم تلقت #الوكالة نسخة منه أن"
_COMMUNIQUE_REACH = 12


def _communique_tells(doc: Document, match, info) -> bool:
    """ 'وقال بيان لمكتب رئيس الوزراء إن "عبد المهدي استقبل سفير ..."': a communiqué quoted tells
    in the past tense what its office did ('إن "ذلك جاء خلال استقبال الرئيس ...": or the occasion of
    its words); that is a report of a meeting, not speech."""
    norms = doc.token_norms
    during = match.phrase[0] in _DURING or (match.first > 0 and norms[match.first - 1] in _DURING)
    if not (info.pos == "verb" and info.tense == "past") and not (info.pos == "noun" and during):
        return False
    quote = doc.quote_at(doc.tokens[match.first].start)
    opening = match.first
    while opening > 0 and doc.tokens[opening - 1].start > quote.open:
        opening -= 1
    opening -= 1  # the opening mark's own token
    return any(
        norms[k] in _COMMUNIQUE or norms[k][1:] in _COMMUNIQUE
        for k in range(max(0, opening - _COMMUNIQUE_REACH), opening)
    )


def _restated(doc, sentence, match, info, mentions, speakers, meetings: list[MeetingDraft]) -> None:
    """ "وأفاد بيان الرئاسة أن "الرئيس استقبل بعد ظهر اليوم بقصر قرطاج السيد ..."": a statement that
    tells again a meeting already read gives no meeting, but may tell where it was held."""
    window = _window(doc, sentence, match, info, mentions)
    persons = _persons(mentions, window, speakers, doc, in_speech=True)
    if len(persons) < 2:
        return
    target = next((m for m in reversed(meetings) if set(persons) <= set(m.participants)), None)
    if target is not None and target.place is None and not target.phone:
        target.place, target.venue = _in_city(*_place(doc, mentions, window, match, info, None, in_speech=True))


def _hands_over(info) -> bool:
    """ "تسلم رسالة"، "نقل رسالة"، "قدم أوراق اعتماده": a letter or credentials handed over."""
    return not _HANDED_OVER.isdisjoint(info.needs)


_HANDED_OVER = frozenset({(normalize("رسالة"),), (normalize("اوراق"),)})


def _said_before(doc: Document, token: int) -> bool:
    sentence = doc.sentences[doc.tokens[token].sentence]
    return any(cue.first < token for cue in reporting_cues().scan(doc.token_norms, sentence.first, token))


def _clause_break_between(norms, start, end) -> bool:
    return not _CLAUSE_BREAKS_OR_STOPS.isdisjoint(norms[start:end])


_CLAUSE_BREAKS_OR_STOPS = _CLAUSE_BREAKS | {".", "؛"}


def _named_after(person: str, token: int, mentions: Sequence[ActorMention]) -> bool:
    """Those who join come after "انضم"، "حضر" (or are the pronoun's person: "حضره")."""
    return any(m.key == person and m.first > token for m in mentions)


def _subject_before(mentions, sentence, match) -> bool:
    """Is the verb's subject named: before it ("الوزير التقى") or right after it ("التقى الوزير")?"""
    return any(
        m.type == PERSON
        and m.key
        and (sentence.first <= m.first < match.first or m.head in (match.last, match.last + 1))
        for m in mentions
    )


_NEEDED_REACH, _HANDED_REACH, _HELD_REACH = 12, 32, 20


def _needed_word(norms, start, end, needs, reach: int = _NEEDED_REACH) -> bool:
    limit = min(end, start + reach)
    words, phrases = _needs_by_size(needs)
    for k in range(start, limit):
        norm = norms[k]
        if k > start + _NEEDED_REACH and norm in (".", "؛", "!", "?", "؟"):
            return False
        if norm in words or (norm[:1] in ("و", "ب", "ل") and norm[1:] in words):
            return True
        if norm[:2] == "ال" and norm[2:] in words:
            return True  # "وتسلم الرسالة ..."
        # (a phrase's first word is compared first: it rules out nearly every phrase)
        if any(tuple(norms[k : k + len(need)]) == need for need in phrases if not need or need[0] == norm):
            return True
    return False


@cache
def _needs_by_size(needs) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """What a trigger needs after it: the words needed alone (a set, to look each word up once),
    and the phrases of other lengths."""
    return frozenset(need[0] for need in needs if len(need) == 1), tuple(need for need in needs if len(need) != 1)


def _not_held(doc, sentence, match, info, dates, published) -> bool:
    norms = doc.token_norms
    if info.tense == "future":
        return True
    modality = _modality()
    near = _time_of(norms, dates, match)
    # "وكان لافروف قد أجرى في وقت سابق اليوم محادثات": told as background, yet held today
    recent = (
        near is not None
        and near.date is not None
        and published is not None
        and (0 <= (published - near.date).days <= 1)
    )
    for k in modality.before.may_start_in(norms, max(sentence.first, match.first - 4), match.first):
        found = modality.before.longest_at(norms, k, match.first)
        if found is not None and not (recent and found.payload == "past"):
            return True
    for k in modality.after.may_start_in(norms, match.last, min(sentence.last, match.last + 3)):
        found = modality.after.longest_at(norms, k, sentence.last)
        if found is not None and found.payload == "not-meeting" and _joint(norms, found.last, sentence.last):
            continue  # "مؤتمر صحفي مشترك مع نظيره": a press conference given together is a meeting
        if found is not None and not (recent and found.payload == "past"):
            return True
    if not recent and (_pluperfect(norms, sentence, match) or _background(norms, sentence)):
        # "يذكر أن الاستقبال حضره X": who attended the meeting at hand is no earlier event
        attended = triggers().longest_at(norms, match.last, sentence.last) if match.last < sentence.last else None
        told = info.kind == "join" or (
            _is_reference(norms, match, info) and attended is not None and attended.payload.kind == "join"
        )  # "يذكر أن الاستقبال حضره ..."
        return not (told and _background(norms, sentence) and not _pluperfect(norms, sentence, match))
    if near is not None and (near.exact or abs(near.first - match.last) <= 6) and _same_clause(norms, match, near):
        if near.relation == FUTURE:
            return True
        if near.relation == PAST and near.date and published and (published - near.date).days > _PAST_LIMIT_DAYS:
            return True
    return info.tense == "present" and any(d.relation == FUTURE for d in dates)


# ("مؤتمر صحفي بين الرئيس X والمستشارة الألمانية": between the two, given together)
_JOINT = frozenset(normalize(w) for w in ("مشترك", "مشتركا", "مشتركاً", "المشترك", "مع", "جمعه", "جمعهما", "بين"))


def _joint(norms, start: int, end: int) -> bool:
    """ "مؤتمر صحفي مشترك"، "مؤتمر صحافي عقده أمس الأحد (18 يناير) مع نظيره": given together (the
    words in brackets do not count)."""
    if start + 1 < end and norms[start][:1] == "ل" and (len(norms[start]) > 3 or norms[start] in ("له", "لها")):
        # "مؤتمر صحفي لبلينكن ورئيس الوزراء الإيطالي X": one given by two
        others = (norms[j] for j in range(start + 1, min(end, start + 4)))
        if any(n[:1] == "و" and (n[1:] in office_words() or "ال" + n[1:] in office_words() or n[1:2] == "ل")
               for n in others):  # fmt: skip
            return True
    counted, depth = 0, 0
    for k in range(start, end):
        depth += (norms[k] == "(") - (norms[k] == ")")
        if depth > 0 or norms[k] == ")":
            continue
        if norms[k] in _JOINT:
            return True
        counted += 1
        if counted >= 6:
            break
    return False


_KANA = frozenset(normalize(w) for w in ("كان", "كانت", "كانا", "كانوا", "كانتا", "وكان", "وكانت", "وكانا", "وكانوا"))


def _same_clause(norms, match, date: DateMention) -> bool:
    """ "قدّم السفراء أوراقهم ...، جدير بالذكر أنهم سيقدمونها غداً": a date far on, past a comma or
    a clause break, dates another event."""
    first, last = sorted((match.last, date.first))
    if last - first <= 12:
        return True
    return not any(norms[k] in _CLAUSE_BREAKS or norms[k] in ("،", ",", ".", "؛") for k in range(first, last))


def _pluperfect(norms, sentence, match) -> bool:
    """ "وكان الرئيس قد التقى ...": told as background, before the news."""
    window = range(max(sentence.first, match.first - 8), match.first)
    qad = [k for k in window if norms[k] in ("قد", "وقد")]
    return bool(qad) and any(norms[k] in _KANA for k in range(max(sentence.first, qad[0] - 7), qad[0]))


def _background(norms, sentence) -> bool:
    """ "يذكر أن ..."، "يشار إلى أن ...": a reminder of earlier events."""
    head = [n.lstrip("و") for n in norms[sentence.first : sentence.first + 2]]
    return bool(head) and head[0] in _REMINDERS


_REMINDERS = frozenset(normalize(w) for w in ("يذكر", "يشار", "وكان"))


def _nearest(dates: Sequence[DateMention], token: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: min(abs(d.first - token), abs(d.last - token)))


_OWN_TIME_REACH = 24  # "اجتمع الشيخ X، وزير الخارجية رئيس مجلس ... في دورته الحالية، مساء اليوم السبت"


def _time_of(norms, dates: Sequence[DateMention], match) -> DateMention | None:
    """The time the verb's own clause gives after it, else the nearest: a time just before the verb
    may close a relative clause ("الاجتماع الذي تستضيفه الكويت غدًا الأحد، اجتمع ... مساء اليوم")."""
    for date in dates:
        if match.last <= date.first <= match.last + _OWN_TIME_REACH:
            # "التقى ... وبحث معه الخطوات بعد إعلانه أمس السبت": another verb's or event's time
            if not (
                _clause_break_between(norms, match.last, date.first)
                or not _TIME_LINKS.isdisjoint(norms[match.last : date.first])
                or next(triggers().scan(norms, match.last, date.first), None) is not None
            ):
                return date
            break
    return _nearest(dates, match.first)


_TIME_LINKS = frozenset(normalize(w) for w in ("بعد", "قبل", "عقب", "منذ", "إثر", "وبعد", "وقبل"))


def _date(dates, token, referenced, told_day, norms=None, match=None) -> tuple[dt.date | None, bool]:
    """The day the sentence states; else the summit's it was held beside; else the day the story
    has reached ("وصل ... صباح اليوم" then "وعقد ... مباحثات"); a day no words state is none (the
    publication date is not a meeting's date)."""
    stated = [d for d in dates if d.date is not None and d.exact]
    near = _time_of(norms, stated, match) if match is not None else _nearest(stated, token)
    if near is not None:
        return near.date, True
    if referenced is not None and referenced.dated:
        return referenced.date, True  # "على هامش القمة": the day of the summit
    return told_day, told_day is not None


def _dateline_day(doc: Document, published: dt.date | None) -> dt.date | None:
    """ "طرابلس 15 يوليو 2021 (وال) -": the day an agency's dateline states is the story's day."""
    for sentence in doc.sentences:
        if sentence.kind == DATELINE:
            dates = find_dates(doc.token_norms, sentence.first, sentence.last, published)
            stated = [d.date for d in dates if d.date is not None and d.exact and d.relation != FUTURE]
            return stated[-1] if stated else None
        if sentence.kind == BODY:
            return None
    return None


def _last_told(meetings: list[MeetingDraft]) -> dt.date | None:
    return meetings[-1].date if meetings and meetings[-1].dated else None


def _window(doc, sentence: Sentence, match, info, mentions) -> tuple[int, int]:
    """The clause around a meeting word: from the last clause break before it (or the sentence
    start, when the clause has no subject of its own) to the next break after it."""
    norms = doc.token_norms
    end = sentence.last
    # "وأضافت بعد اجتماعها مع X ...، أن ...": the meeting an aside of a reporting verb; the words follow
    told_by = info.pos == "noun" and any(
        cue.payload.kind == "verb" and cue.last <= match.first for cue in reporting_cues_in(doc, sentence)
    )
    if info.kind != "join":
        skip_to = match.last
        cues = reporting_cues()
        for k in _clause_words(norms, match.last, sentence.last):
            if k < skip_to:
                continue
            if told_by and k > match.last + 2 and norms[k] in _WORDS_FOLLOW:
                end = k
                break
            aside = _relative_aside(norms, k, sentence.last) if norms[k] in _RELATIVES else None
            if aside is not None:
                skip_to = aside  # "التقى X، الذي كان يمثل الرئيس في ...، بالرئيس Y": the main clause goes on
                continue
            if norms[k] in _RELATIVES and k + 1 < end and norms[k + 1] in _HELD_IT and _holder_then_partner(
                norms, mentions, k + 2, end
            ):
                continue  # "المحادثات التي أجراها X مع Y": the talks' own relative clause names who held them
            if norms[k] in _RELATIVES and k + 1 < end and norms[k + 1] in _GRANTED_IT:
                continue  # "خلال الاستقبال الذي خص به الرئيس X ... الوزير Y": who granted it, and to whom
            if norms[k] in _RELATIVES and k + 1 < end and norms[k + 1] in _LED_IT and _delegation_before(norms, k):
                continue  # "استقبل X الوفد الأمريكي الذي ترأسه Y، وضم Z": the delegation's own members
            if norms[k] in _CLAUSE_BREAKS or (
                k > match.last + 2 and cues.may_match(norms[k]) and _reports(norms, cues.longest_at(norms, k, end), end)
            ):
                end = k
                break
            if (
                k > match.last + 2 and k + 1 < end and norms[k + 1] in _DURING_IT and norms[k] not in ("،", ",")
                and triggers().longest_at(norms, k, end) is None  # "زيارة ... التقى خلالها X": met during it
            ):  # fmt: skip
                end = k  # "مكالمة من ميركل، أعلمته فيها بإيفاد الوزير X": what was said in it, not who took part
                break
            if k > match.last + 1 and norms[k] in ("،", ",") and k + 1 < end and norms[k + 1] in _COMMENT_OPENERS:
                end = k  # "...، وهو اللقاء الأول منذ سنوات خصوصاً أن موقف الرئيس X": a comment, not the meeting
                break
            if k > match.last + 1 and norms[k] in ("،", ",") and _then_clause_at(norms, k + 1, end):
                end = k  # "استقبل X، ثم استقبل Y"، "... قبل أن يستقبل Y": a meeting of its own
                break
    start = sentence.first
    for k in range(match.first - 1, sentence.first - 1, -1):
        if norms[k] in _CLAUSE_BREAKS:
            own_subject = any(m.type == PERSON and k < m.first < match.first for m in mentions)
            start = k + 1 if own_subject else sentence.first
            break
    if info.pos == "verb":
        # "، ثم استقبل Y"، "، قبل أن يستقبل Y": the host left out, the guests are this clause's own
        for j in range(match.first - 1, max(start, match.first - 3) - 1, -1):
            if norms[j] in _THEN_WORDS and j > start and norms[j - 1] in ("،", ","):
                start = j
                break
    return start, end


def _clause_words(norms, start: int, end: int) -> list[int]:
    """The tokens of [start, end) at which _window's clause may end or an aside open: a relative
    pronoun, a clause break, a comma, a reporting word, the word the reported words open with, or
    a word before "فيها"، "خلاله". At the others _window does nothing: they are passed over in C."""
    words = norms[start:end]
    breaks = map(_CLAUSE_WORD.__getitem__, words)
    before_during = map(_DURING_IT.__contains__, itertools.chain(words[1:], ("",)))
    return positions(map(or_, breaks, before_during), start)


def _clause_word(norm: str) -> bool:
    return (
        norm in _RELATIVES
        or norm in _CLAUSE_BREAKS
        or norm in ("،", ",")
        or norm in _WORDS_FOLLOW
        or reporting_cues().may_match(norm)
    )


_CLAUSE_WORD = WordTest(_clause_word)  # (asked of the words of each meeting's clause: looked up in C)


_COMMENT_OPENERS = frozenset(normalize(w) for w in ("وهو", "وهي", "وهذا", "وهذه", "خصوصا", "خاصة", "علما"))
_RELATIVES = frozenset(normalize(w) for w in ("الذي", "التي"))
_WORDS_FOLLOW = frozenset(normalize(w) for w in ("أن", "إن", "بأن", "وأن"))  # the reported words open
# "التي أجراها"، "الذي عقده"، "التي جمعت": a relative clause that says who held the meeting just named
_HELD_IT = frozenset(normalize(w) for w in (
    "أجراها", "أجرتها", "أجرياها", "أجراه", "أجرته", "أجرياه", "عقدها", "عقدتها", "عقداها", "عقده", "عقدته",
    "عقداه", "جمعت", "جمع",
))  # fmt: skip
# "الاستقبال الذي خص به الرئيس X الوزير Y": the reception the host granted a guest
_GRANTED_IT = frozenset(normalize(w) for w in ("خص", "خصه", "خصت", "خصته", "خصها", "خصهم", "خصّ", "خصّه"))
_ASIDE_REACH = 30
# "الوفد الذي ترأسه"، "الوفد الذي يضم": a relative clause that names the delegation's members
_LED_IT = frozenset(normalize(w) for w in (
    "ترأسه", "يترأسه", "يرأسه", "رأسه", "ترأسها", "يترأسها", "يرأسها", "يقوده", "قاده", "تقوده", "قادته",
    "ضم", "يضم", "تضم", "ضمت",
))  # fmt: skip
_DELEGATIONS = DELEGATION_WORDS | frozenset(normalize(w) for w in ("الوفود", "وفود"))


def _delegation_before(norms, k: int) -> bool:
    """A delegation noun among the three words before k ("الوفد الحكومي الأمريكي الذي")."""
    return any(norms[j] in _DELEGATIONS for j in range(max(0, k - 3), k))


def _holder_then_partner(norms, mentions, k: int, end: int) -> bool:
    """A person right at k (past a title), then "مع" and another: "أجراها الوزير X أمس بالجزائر مع Y"."""
    holder = next((m for m in mentions if m.type == PERSON and k <= m.head <= k + 1), None)
    return holder is not None and _partner_with(norms, mentions, _with_at(norms, holder.last, end))


def _with_at(norms, start: int, end: int) -> int | None:
    """The first "مع" from start."""
    return next((j for j in range(start, end) if norms[j] == "مع"), None)


def _partner_with(norms, mentions, with_at: int | None) -> bool:
    """A person named right after this "مع" (past a title)."""
    return with_at is not None and any(m.type == PERSON and with_at < m.head <= with_at + 2 for m in mentions)


def _relative_aside(norms, k: int, end: int) -> int | None:
    """ "، الذي كان يمثل الرئيس في الاجتماع ...، بـ": a relative clause set off by commas after the
    subject, with the verb's object (ب، مع) right after it; returns where the main clause resumes."""
    if norms[k] not in _RELATIVES or k == 0 or norms[k - 1] not in ("،", ","):
        return None
    for j in range(k + 1, min(end - 1, k + _ASIDE_REACH)):
        if norms[j] in ("،", ","):
            following = norms[j + 1]
            if following == "مع" or (following[:1] == "ب" and len(following) > 3):
                return j + 1
        if norms[j] in (".", "؛", ";"):
            return None
    return None


_DURING_IT = frozenset(normalize(w) for w in ("فيها", "فيه", "خلالها", "خلاله"))
_THEN_WORDS = frozenset(normalize(w) for w in ("ثم", "قبل", "بعد", "وبعد", "عقب", "كما"))


def _then_clause_at(norms, j: int, end: int) -> bool:
    """ "ثم استقبل"، "قبل أن يستقبل"، "وبعد ذلك استقبل": a clause that goes on to another meeting."""
    for t in range(j + 1, min(end, j + 4)):
        if _another_meeting_verb(norms, t, end):
            return any(norms[x] in _THEN_WORDS for x in range(j, t))
    return False


def _another_meeting_verb(norms, k: int, end: int) -> bool:
    found = triggers().longest_at(norms, k, end)
    return found is not None and found.payload.pos == "verb" and found.payload.kind not in ("join", "welcome")


def _speaker_mentions(doc: Document, mentions: Sequence[ActorMention]) -> set[int]:
    """Mentions that are the subject of a reporting word: the reporter, not a party."""
    norms = doc.token_norms
    cue_tokens: set[int] = set()
    for sentence in doc.sentences:
        for cue in reporting_cues_in(doc, sentence):
            if _reports(norms, cue, sentence.last) and not said_during_it(norms, cue, sentence.last):
                cue_tokens.update((cue.first, cue.last - 1))
    found = set()
    speaker_ends: dict[int, str] = {}
    for mention in mentions:
        head = mention.head
        if head - 1 in cue_tokens or mention.last in cue_tokens:
            found.add(id(mention))
            speaker_ends[mention.last] = mention.key
        elif mention.key and mention.key in (
            speaker_ends.get(head),
            speaker_ends.get(head - 1) if norms[head - 1] in ("،", ",") else None,
        ):
            found.add(id(mention))  # "صرح المستشار X، المتحدث الرسمي باسم الوزارة، بأن": his office, said after him
    return found


def said_during_it(norms, cue, end: int) -> bool:
    """ "أجرى X اتصالاً مع Y عبّر فيه عن ...": the verb says what was said during the call, by the one
    who made it; the name right before it is not its subject."""
    return cue.last < end and norms[cue.last] in _DURING_IT


def _reports(norms, cue, end: int) -> bool:
    """A reporting word that reports: "عبر" only with "عن" after it ("عبر تقنية الفيديو" is "via"),
    "جدد" not as the adjective of a plural ("سفراء جدد")."""
    if cue is None or new_ones(norms, cue):
        return False
    if cue.payload.takes <= _MARKED_ONLY:
        # "اختتم X كلمته بالقول:" reports; "اختتم X زيارته بعقد لقاءات" does not
        return any(n in _WORDS_MARKS for n in norms[cue.last : min(end, cue.last + _MARK_REACH)])
    return cue.payload.takes != {"an_about"} or "عن" in norms[cue.last : min(end, cue.last + 6)]


_MARKED_ONLY = frozenset({"colon", "quote"})  # a word that reports only words set off by a mark
_WORDS_MARKS = frozenset((":", '"', "«", "“", "”"))
_MARK_REACH = 10


_NEW_ONES = normalize("جدد")
# plurals of persons "جدد" (new) goes with: "سفراء جدد"، "أعضاء جدد" (not "أمير الكويت جدد دعوته")
_PEOPLE_PLURALS = frozenset(normalize(w) for w in (
    "سفراء", "السفراء", "أعضاء", "الأعضاء", "وزراء", "الوزراء", "قادة", "القادة", "رؤساء", "الرؤساء", "نواب",
    "مسؤولين", "مسؤولون", "موظفين", "دبلوماسيين", "ممثلين", "مبعوثين", "قناصل", "شركاء", "مستشارين", "سفيرين",
))  # fmt: skip


def new_ones(norms, cue) -> bool:
    """ "عدة سفراء جدد": "جدد" right after a plural of persons is the plural of "جديد", no verb reporting."""
    return cue.phrase == (_NEW_ONES,) and not cue.clitic and cue.first > 0 and norms[cue.first - 1] in _PEOPLE_PLURALS


_QUOTED_NAME_WORDS = 4  # a quotation of at most this many words around a name is the name set off


def _quoted_words(doc, offset: int) -> int:
    """The words of the quotation holding this offset (0 outside quotations)."""
    quote = doc.quote_at(offset)
    return 0 if quote is None else len(doc.text[quote.start : quote.end].split())


_LISTED_SHARE = 0.6  # of a quotation's letters inside names and offices: a list set off, not speech


def _listing(doc, offset: int, mentions) -> bool:
    """ "وهم: «سفير جمهورية بنين X، وسفير مملكة السويد Y، ...»": quote marks around a list of
    people (their offices, names and countries and little else) set the list off; it is no speech."""
    quote = doc.quote_at(offset)
    inside = [m for m in mentions if quote.start <= m.start < quote.end]
    if sum(1 for m in inside if m.type == PERSON) < 2:
        return False
    covered: set[int] = set()
    for mention in inside:
        covered.update(range(doc.tokens[mention.head].start, min(mention.end, quote.end)))
    text = doc.text
    letters = [i for i in range(quote.start, quote.end) if text[i].isalpha()]
    return sum(1 for i in letters if i in covered) >= _LISTED_SHARE * len(letters)


class _InOrder(tuple):
    """An article's mentions in text order (by first token, as resolve leaves them) and their first
    tokens: those of a window are found by bisection, not by a walk through them all."""

    firsts: list[int]

    def within(self, start: int, end: int) -> tuple[ActorMention, ...]:
        return self[bisect_left(self.firsts, start) : bisect_left(self.firsts, end)]


def _in_order(mentions: Sequence[ActorMention]) -> Sequence[ActorMention]:
    """The mentions as an _InOrder when they are in text order (else as they are)."""
    firsts = [m.first for m in mentions]
    if any(map(gt, firsts, firsts[1:])):
        return mentions
    ordered = _InOrder(mentions)
    ordered.firsts = firsts
    return ordered


def _mentions_within(mentions: Sequence[ActorMention], start: int, end: int) -> Sequence[ActorMention]:
    """The mentions whose first token is in [start, end), in their order."""
    if isinstance(mentions, _InOrder):
        return mentions.within(start, end)
    return [m for m in mentions if start <= m.first < end]


def _persons(mentions, window, speakers, doc, in_speech: bool = False) -> list[str]:
    """The parties named in a trigger's window (`in_speech`: a meeting told again inside a quotation)."""
    start, end = window
    norms = doc.token_norms
    found = []
    excluded: list[tuple[int, int]] = []  # "غياب وزير الخارجية X": the span, and every mention within it
    for k in positions(map(_RELATIVES.__contains__, norms[start:end]), start):  # (words walked in C)
        if (resumes := _relative_aside(norms, k, end)) is not None:
            excluded.append((k, resumes))  # "، الذي كان يمثل الرئيس X ...، بـ": X is no party
    absent: set[str] = set()  # "غياب X خلال اللقاء ... بطلب من الوزير": X took no part, however named again
    for mention in _mentions_within(mentions, start, end):
        if mention.type != PERSON or mention.in_title:
            continue  # ("الموفد الشخصي للرئيس الفرنسي X إلى لبنان Y": X sent the envoy, no party)
        if id(mention) in speakers or any(a <= mention.first < b for a, b in excluded):
            continue
        if (not in_speech and _quoted_words(doc, mention.start) > _QUOTED_NAME_WORDS
                and not _listing(doc, mention.start, mentions)):  # fmt: skip
            continue  # a name in speech, not a party; '"وليام بيرنز"' in quote marks is one
        if not mention.key:
            if mention.counterpart and mention.represents.startswith("country:") and mention.number == 1:
                found.append(mention.represents)  # "مع نظيرته الفرنسية": France, its envoy unnamed
            continue
        head = mention.head
        as_well_as = head > start + 1 and norms[head - 1] == "عن" and norms[head - 2] in _AS_WELL_AS
        if (not as_well_as and head > start and norms[head - 1] in _EXCLUDING_WORDS) or (
            head > start + 1 and norms[head - 2] in _EXCLUDING_WORDS and norms[head - 1] == "من"
        ):
            excluded.append((head, mention.last))
            if norms[head - 1] in _ABSENT:
                absent.add(mention.key)
            continue
        if _sender(norms, head, start):
            absent.add(mention.key)  # (and his office after his name: "الرئيس X رئيس دولة فلسطين")
            continue
        if _sent_the_envoy(norms, head, start):
            absent.add(mention.key)  # "بصفته مبعوثاً خاصاً لرئيس الوزراء X": whose envoy came, not he
            continue
        if head > start and _governing_noun(norms[head - 1]):
            continue  # "وزير خارجية الأسد"، "موقف الرئيس السيسي": whose minister or stance, no party
        found.append(mention.key)
    return [key for key in dict.fromkeys(found) if key not in absent]


_ENVOY_NOUNS = frozenset(normalize(w) for w in (
    "مبعوثا", "مبعوث", "موفدا", "موفد", "ممثلا", "ممثل", "مبعوثة", "موفدة", "ممثلة", "رسولا",
))  # fmt: skip


def _sent_the_envoy(norms, head: int, floor: int) -> bool:
    """ "مبعوثاً خاصاً لرئيس الوزراء X"، "موفداً من الرئيس X": the one who sent the envoy."""
    k = head - 1
    if k > floor and norms[k] == "من":
        k -= 1  # "موفداً من الرئيس X"
    elif norms[head][:1] != "ل":
        return False  # "مبعوثاً لرئيس الوزراء X"
    if norms[k] in ("خاصا", "خاص", "شخصيا", "شخصي", "خاصه"):
        k -= 1
    return k >= floor and norms[k] in _ENVOY_NOUNS


def _governing_noun(norm: str) -> bool:
    """A noun in the construct state (no ال: "نظام الأسد", not "النظام بشار الأسد"), maybe after و/ب/ل."""
    return norm in _GOVERNING_NOUNS or (norm[:1] in "وبل" and norm[1:] in _GOVERNING_NOUNS)


_GOVERNING_NOUNS = frozenset(normalize(w) for w in (
    "خارجية", "دفاع", "داخلية", "نظام", "حكومة", "قوات", "جيش", "إدارة", "ميليشيات", "مليشيات", "موقف", "مواقف",
    "أنصار", "مؤيدي",
))  # fmt: skip


_LETTERS = frozenset(normalize(w) for w in (
    "رسالة", "رسالتين", "برسالة", "رسالته", "رسالتها", "برقية", "دعوة", "تهنئة", "تحيات", "تحية",
))  # fmt: skip
_LETTER_ADJECTIVES = frozenset(normalize(w) for w in (
    "خطية", "شفهية", "شفوية", "مكتوبة", "رسمية", "تهنئة", "جوابية", "خاصة", "أخوية", "تتضمن",
))  # fmt: skip
_COURTESIES = frozenset(normalize(w) for w in ("فخامة", "سمو", "جلالة", "معالي", "سعادة", "دولة", "صاحب"))
_KIN = frozenset(normalize(w) for w in ("أخيه", "اخيه", "أخيها", "شقيقه", "شقيقها", "نظيره", "نظيرها"))


def _sender(norms, head: int, floor: int) -> bool:
    """ "رسالة خطية من أخيه الملك سلمان": whom a letter or greeting is from, no party to the meeting."""
    k = head - 1
    while k >= floor and (
        norms[k] in _KIN or norms[k] in _COURTESIES or (k > floor and norms[k - 1] in _KIN and _is_nisba(norms, k))
    ):
        k -= 1  # (and the nisba after a counterpart: "من نظيره العاجي الرئيس X"; "من أخيه فخامة الرئيس")
    if k < floor or norms[k] != "من":
        return False
    k -= 1
    while k >= floor and k >= head - 6 and (norms[k] in _LETTER_ADJECTIVES or norms[k] in ("،", ",")):
        k -= 1  # ("رسالة خطية، من أخيه ...": a comma between)
    return k >= floor and norms[k] in _LETTERS


def _is_nisba(norms, k: int) -> bool:
    return gz.nisba_index().longest_at(norms, k, k + 1, clitics=False) is not None


_LIST_OPENERS = frozenset(normalize(w) for w in ("من", "هم", "وهم", "هما", "وهما", "وهي", "هي"))


def _words_open(norms, k: int, start: int) -> bool:
    """Does what someone said start at token k ("أن"، ":")? Not a colon opening a list ("سفراء كل من:")."""
    if norms[k] in ("ان", "بان", "انه", "انها"):
        return True
    return norms[k] == ":" and not (k > start and norms[k - 1] in _LIST_OPENERS)


_ABOUT_WORDS = frozenset(normalize(w) for w in ("حول", "بشأن", "تتعلق", "تتناول", "تضمنت"))  # what it was about


def _parties(mentions, window, doc, speakers) -> list[str]:
    """Countries and organisations of the clause, for meetings that name no two persons; not those
    named in what someone said ("وقال ... إن مصر تدعم")."""
    start, end = window
    norms = doc.token_norms
    end = next((k for k in range(start, end) if _words_open(norms, k, start) or norms[k] in _ABOUT_WORDS), end)
    found = []
    # "وزراء خارجية فلسطين والصومال وتونس": the countries of unnamed officials named together
    plural = [(m.head, m.last) for m in mentions if m.type == PERSON and not m.named and m.number > 1]
    for mention in mentions:
        if id(mention) in speakers:
            continue  # "أعلنت وزارة الخارجية أن جولة المفاوضات ...": who tells of it, no party
        if not start <= mention.first < end:
            continue
        if mention.in_title and mention.type == COUNTRY and any(a <= mention.first < b for a, b in plural):
            found.append(mention.key)
            continue
        if mention.type == PERSON and not mention.named and not mention.key and mention.number == 1:
            if mention.represents.startswith("country:") and doc.quote_at(mention.start) is None:
                found.append(mention.represents)  # "القائم بأعمال سفارة السودان": Sudan, its envoy unnamed
            continue
        if mention.type in (COUNTRY, ORGANIZATION) and mention.key:
            known = gz.known(mention.key)
            if (known is not None and gz.is_outlet(known)) or mention.in_title:
                continue
            if (
                doc.quote_at(mention.start) is None
                and not _is_place_phrase(doc.token_norms, mention)
                and not _relations_with(doc.token_norms, mention)
                and not _names_a_gathering(doc.token_norms, mention)
            ):
                found.append(mention.key)
    return list(dict.fromkeys(found))


_RELATIONS = frozenset(normalize(w) for w in (
    "العلاقات", "علاقات", "علاقاته", "علاقاتها", "العلاقة", "علاقة", "التعاون", "تعاون", "الشراكة", "التنسيق",
))  # fmt: skip


_AT_GATHERING = frozenset(normalize(w) for w in ("في", "خلال", "هامش", "أعمال", "افتتاح", "اختتام", "لحضور"))


def _gathering_spoken_of(doc, mentions, match, info) -> bool:
    """ "وفقاً لمخرجات مؤتمر برلين": a conference or summit named after its city, with no word that
    puts anyone at it ("في"، "خلال"، "على هامش"), is spoken of, not held by those the clause names."""
    norms = doc.token_norms
    if info.pos != "noun" or info.kind not in ("conference", "summit") or match.clitic:
        return False
    named_after = any(m.first == match.last and m.type in (PLACE, COUNTRY) for m in mentions)
    return named_after and (match.first == 0 or norms[match.first - 1] not in _AT_GATHERING)


def _names_a_gathering(norms, mention) -> bool:
    """ "اجتماعات الجمعية العامة"، "مؤتمر برلين"، "قمة مجلس التعاون": the body or city a meeting
    word is named after is the gathering, not a party to it."""
    k = mention.first - 1
    if k >= 2 and norms[k] in _OF_STATES:
        # "الاجتماع الوزاري لدول الاتحاد من أجل المتوسط": the gathering of the body's states
        k -= 2 if norms[k - 1].startswith("ال") and triggers().longest_at(norms, k - 1, k) is None else 1
    found = triggers().longest_at(norms, k, k + 1) if k >= 0 else None
    if any(norms[j] in _SESSION for j in range(max(0, k - 2), k + 1)):
        return True  # "خلال أعمال الدورة الـ 80 للجمعية العامة": the body whose session it is
    return found is not None and found.payload.pos == "noun" and found.payload.kind not in ("join", "welcome", "call")


_OF_STATES = frozenset(normalize(w) for w in ("لدول", "للدول", "دول"))
_SESSION = frozenset(normalize(w) for w in ("الدورة", "دورة", "دورته", "دورتها", "أعمال"))


def _relations_with(norms, mention) -> bool:
    """ "بحث ... العلاقات مع الاتحاد الأوروبي": the party of the relations discussed, not of the talks."""
    k = mention.first - 1
    return k >= 1 and norms[k] == "مع" and norms[k - 1] in _RELATIONS


def _is_place_phrase(norms, mention) -> bool:
    """ "في ليبيا"، "إلى ليبيا"، "سفراء لدى السودان": where, not who."""
    return mention.first > 0 and norms[mention.first - 1] in ("في", "الي", "لدي")


def _named_gathering(norms, mention, floor: int) -> str | None:
    """ "على هامش منتدى الدوحة"، "خلال قمة الرياض": a gathering named after its city was held there."""
    k = mention.first - 1
    if k - 1 < floor or _EVENT_NOUNS.isdisjoint(clitic_stems(norms[k])):
        return None
    return "في" if norms[k - 1] in (*_SIDELINE, "في", "خلال") else None


_STATES_LISTED = frozenset(normalize(w) for w in ("دولة", "دول", "الدول", "دولتان", "دولتين"))


def _held_on(norms, match, sentence) -> bool:
    """ "الاجتماع الذي عقد الخميس": the meeting word's own clause says when it was held."""
    k = match.last
    return k + 1 < sentence.last and norms[k] in ("الذي", "التي") and norms[k + 1] in _HELD


_HELD = frozenset(normalize(w) for w in ("جرى", "جري", "عقد", "عقدت", "انعقد", "انعقدت", "أقيم", "أقيمت", "تم"))


def _held_at(norms, match, sentence) -> tuple[int, int] | None:
    """ "اللقاء الذي جرى في ..."، "القمة التي عقدت في ...": the clause that says where it was held."""
    k = match.last
    if k + 1 < sentence.last and norms[k] in ("الذي", "التي") and norms[k + 1] in _HELD:
        return k + 2, min(sentence.last, k + 12)
    if k + 1 < sentence.last and (norms[k] == "في" or norms[k] in _AT_PLACE):
        return k, min(sentence.last, k + 8)  # "جاء ذلك خلال لقائهما في العاصمة العمانية مسقط"
    return None


_AT_PLACE = frozenset(normalize(w) for w in ("بالعاصمة", "بمدينة", "بقصر", "بمقر", "بالقصر"))


def _beside(norms, first: int, token: int) -> bool:
    """ "وعلى هامش الدورة، ترأس ... الاجتماع": a meeting word past the "على هامش" phrase (a comma
    ends it) is another meeting; "على هامش القمة" itself names the one it was beside."""
    sideline = next((k for k in range(first, token) if norms[k] in _SIDELINE), None)
    return sideline is not None and any(norms[k] in ("،", ",") for k in range(sideline, token))


def _standing_for(meetings: list[MeetingDraft], persons: list[str], mentions) -> MeetingDraft | None:
    """ "وخلال المحادثات مع وزير الخارجية الفلسطيني رياض المالكي": of talks held with several
    countries' ministers one after another, the one with the country this person stands for; "وفي
    لقائه مع الوزير القطري" after meetings apart: the one he took part in."""
    countries = set()
    for person in persons:
        mention = next((m for m in mentions if m.key == person and m.represents), None)
        known = gz.known(person)
        countries.add(mention.represents if mention is not None else (known.represents if known else ""))
    countries.discard("")
    with_country = next((m for m in reversed(meetings) if countries & set(m.participants)), None)
    if with_country is not None:
        return with_country
    # (only among the meetings the last words told apart: one each with several guests)
    apart = _told_together(meetings, meetings[-1]) if meetings else []
    telling = [p for p in persons if not all(p in m.participants for m in apart)]
    return next((m for m in reversed(apart) if telling and set(telling) <= set(m.participants)), None)


def _meeting_subject(norms, match, info, sentence):
    """The meeting word right after a verb that has it for subject ("وبحث اللقاء")."""
    if info.pos != "verb":
        return None
    subject = triggers().longest_at(norms, match.last, sentence.last)
    if subject is None or subject.payload.kind == "join" or not _is_reference(norms, subject, subject.payload):
        return None
    return subject


_DURING_WORDS = frozenset(normalize(w) for w in ("خلال", "وخلال", "أثناء", "اثناء", "وأثناء", "عبر"))


def _whole_sentence(doc, sentence, mentions, speakers) -> list[str]:
    """ "تبادل X خلال الاتصال الهاتفي ... وجهات النظر مع Y": the article's first word of the meeting
    is a reference; its people are those of the whole sentence, when two or more."""
    found = _persons(mentions, (sentence.first, sentence.last), speakers, doc)
    return found if len(found) >= 2 else []


def _told_before(doc, sentence, mentions) -> list[str]:
    """The persons of the sentence before (speakers too: "أطلع X Y على" is a meeting of both),
    when there are two or more."""
    if sentence.index == 0 or doc.sentences[sentence.index - 1].kind != BODY:
        return []
    told = doc.sentences[sentence.index - 1]
    before = _persons(mentions, (told.first, told.last), frozenset(), doc)
    return before if len(before) >= 2 else []


def _subject_then_partner(norms, mentions, match, window) -> bool:
    """ "بحث سكرتير مجلس الأمن X، اليوم، مع وزير الخارجية Y": the verb's own subject right after it,
    then the one he met after "مع"; no host of an earlier meeting left out."""
    with_at = _with_at(norms, match.last, window[1])
    if with_at is None:
        return False
    subject = next((m for m in mentions if m.type == PERSON and match.last <= m.head and m.last <= with_at), None)
    if subject is None or norms[subject.head][:1] in ("ب", "ل"):
        return False
    return _partner_with(norms, mentions, with_at)


def _is_reference(norms, match, info) -> bool:
    """ "القمة"، "اللقاء"، "خلال الاتصال"، "لقائه": a meeting word that points back at one."""
    if info.pos != "noun":
        return False
    word = match.phrase[0]
    return word.startswith("ال") or word.endswith(("ه", "ها", "هما")) or match.clitic > 0


_DID = frozenset(normalize(w) for w in ("قام", "قامت", "وقام", "وقامت", "يقوم", "تقوم", "ويقوم", "وتقوم", "فقام"))


def _did_hold(norms, sentence, match) -> bool:
    """ "قام رئيس الوزراء ... بلقاء وزير الخارجية التركي": a meeting he held, not one already told."""
    if not match.clitic or norms[match.first][:1] != "ب":
        return False
    floor = max(sentence.first, match.first - 30)  # the subject between may be long: honorifics, office, name
    did = next((k for k in range(match.first - 1, floor - 1, -1) if norms[k] in _DID), None)
    return did is not None and not any(norms[k] in (".", "؛") for k in range(did, match.first))


def _meeting_named(meetings: list[MeetingDraft], sentence: Sentence) -> MeetingDraft | None:
    """A meeting already known to this sentence (its words were met in it)."""
    return next((m for m in reversed(meetings) if sentence.index in m.sentences), None)


def _last_of_kind(meetings: list[MeetingDraft], info) -> MeetingDraft:
    same_kind = [m for m in meetings if m.kind == info.kind or (info.phone and m.phone)]
    return (same_kind or meetings)[-1]


def _named_between(norms, match, sentence, mentions, persons: list[str]) -> list[str]:
    """Those "اللقاء بين X وY" names, up to the clause's end (not "على صحة السلطان" said after)."""
    if not _names_follow(norms, match, sentence):
        return []
    end = next((k for k in range(match.last, sentence.last) if norms[k] in ("،", ",", "؛")), sentence.last)
    named = {m.key for m in mentions if match.last <= m.first < end}
    return [p for p in persons if p in named]


def _pair_between(norms, match, sentence, mentions) -> list[str]:
    """ "الاتصال الهاتفي بين ابن علوي ونظيره العراقي محمد علي الحكيم": the two named right after بين
    (not "بين الرئيسين انضم إليه لاحقاً X وY": who joined them)."""
    k = next((j for j in range(match.last, min(sentence.last, match.last + 2)) if norms[j] == "بين"), None)
    if k is None:
        return []
    first = next((m for m in mentions if m.type == PERSON and m.key and m.head == k + 1), None)
    if first is None:
        return []
    after = norms[first.last] if first.last < sentence.last else ""
    joined = {first.last} if after.startswith("و") and after != "و" else {first.last + 1} if after == "و" else set()
    second = next((m for m in mentions if m.type == PERSON and m.key and m.key != first.key and m.head in joined), None)
    return [first.key, second.key] if second is not None else []


def _with_someone(norms, match, sentence) -> bool:
    """ "مؤتمر صحافي (عقده أمس) مع"، "لقائه مع": a meeting word that says with whom, a few words on."""
    following = range(match.last, min(sentence.last, match.last + 6))
    # ("مؤتمر صحفي له ولنظيره": his and his counterpart's)
    return any(norms[k] in ("مع", "بين") or (norms[k] in ("له", "لها") and k + 1 in following
                                              and norms[k + 1][:2] == "ول") for k in following)  # fmt: skip


def _names_follow(norms, match, sentence) -> bool:
    """ "اللقاء بين الرئيسين"، "لقائه مع": the meeting word is followed by who met."""
    following = norms[match.last : min(sentence.last, match.last + 3)]
    return any(n in ("بين", "مع") for n in following)


def _each_already_met(meetings: list[MeetingDraft], persons: list[str]) -> list[MeetingDraft]:
    """The meetings of two, one host with each of the others, that these three or more persons
    already had apart (none when any of them was not met apart)."""
    if len(persons) < 3:
        return []
    people = set(persons)
    pairs = [m for m in meetings if len(m.participants) == 2 and set(m.participants) <= people]
    hosts = set.intersection(*(set(m.participants) for m in pairs)) if len(pairs) >= 2 else set()
    if len(hosts) != 1 or set().union(*(set(m.participants) for m in pairs)) != people:
        return []
    return pairs


def _target(meetings, info, persons, grouped, norms, sentence, stated=None) -> MeetingDraft | None:
    """The meeting already read that these words are about, if any (not one of another day:
    "وكان فيلتمان قد التقى حمدوك أمس" is not today's meeting of the four)."""
    meetings = [m for m in meetings if not (stated and m.dated and m.date != stated)]
    if not meetings:
        return None
    # "على هامش القمة"، "كما التقى": another, smaller meeting of people already met
    sideline = (
        not _SIDELINE_OR_APART.isdisjoint(norms[sentence.first : sentence.last])
        or norms[sentence.first] in ("كما", "وكما")
        or (
            not _ANOTHER_TIME_FIRST.isdisjoint(norms[sentence.first : sentence.last])
            and any(tuple(norms[k : k + 2]) in _ANOTHER_TIME for k in range(sentence.first, sentence.last))
        )
    )
    people = set(persons)
    for meeting in reversed(meetings):
        present = set(meeting.participants)
        if not people:
            break
        if people == present or (len(people) >= 2 and people <= present and not sideline):
            return meeting
        if len(people) >= 2 and present <= people and len(present) >= 2 and not _hands_over(info):
            return meeting  # the same meeting, more of its people named (a letter handed on is another)
        stands_in = present - _persons_of(present)
        if not _only_persons(present) and people and _represented(people) >= stands_in >= people - _persons_of(people):
            return meeting  # "محادثات بين السعودية وإيران" then the envoys who held them
    if grouped:
        return _last_of_kind(meetings, info)
    return None


def _only_persons(keys: set[str]) -> bool:
    return all(k.startswith("person:") for k in keys)


def _persons_of(keys: set[str]) -> set[str]:
    return {k for k in keys if k.startswith("person:")}


def _represented(persons: set[str]) -> set[str]:
    found = set()
    for key in persons:
        known = gz.known(key)
        if known is not None and known.represents:
            found.add(known.represents)
    return found


def _add(meeting: MeetingDraft, persons: list[str], sentence: Sentence) -> None:
    represented = _represented({p for p in persons if p.startswith("person:")})
    if persons and not _only_persons(set(meeting.participants)):
        # the people who met replace the countries that stood for them
        meeting.participants[:] = [p for p in meeting.participants if p.startswith("person:") or p not in represented]
    for person in persons:
        if person not in meeting.participants:
            meeting.participants.append(person)
    meeting.sentences.add(sentence.index)


_EACH = frozenset(normalize(w) for w in ("كلا", "كل", "كلاً", "وكلا", "وكل"))


def _credentials_taker(doc, mentions, sentence, match) -> str | None:
    """The one credentials are handed to, named after ل or إلى past the words "أوراق اعتماد"."""
    norms = doc.token_norms
    papers = _credentials_at(norms, match.first, sentence.last)
    if papers is None:
        return None
    for mention in mentions:
        at = min(mention.head, mention.first)  # (the office before the name, where there is one)
        if mention.type != PERSON or not mention.key or not papers < at < sentence.last:
            continue
        if norms[at - 1] in ("الي", "إلى") or (norms[at][:1] == "ل" and norms[at][:2] != "ال"):
            return mention.key
    return None


def _credentials(norms, sentence) -> bool:
    """Does the sentence tell of credentials handed over ("أوراق اعتماد", "أوراق اعتمادهم")?"""
    return _credentials_at(norms, sentence.first, sentence.last) is not None


def _credentials_at(norms, first: int, last: int) -> int | None:
    """Where "أوراق اعتماد(هم)" first stands between first and last."""
    if "اوراق" not in norms[first : last - 1]:
        return None  # (nearly every sentence: its words are not walked one by one)
    return next((k for k in range(first, last - 1) if norms[k] == "اوراق" and norms[k + 1].startswith("اعتماد")), None)


_RECEIVED = frozenset(normalize(w) for w in ("تلقى", "وتلقى", "تلقت", "وتلقت", "استلم", "واستلم", "استلمت"))
_LETTER = frozenset(normalize(w) for w in ("رسالة", "رسالتين", "برقية"))
_LETTER_WORD = WordTest(lambda norm: not _LETTER.isdisjoint(clitic_stems(norm)))  # (looked up in C)
_BY_HAND = (("عن", "طريق"), ("بواسطه",), ("حملها",), ("نقلها",), ("سلمها",))


def _letter_by_hand(doc, sentence, mentions) -> MeetingDraft | None:
    """ "تلقى الرئيس X رسالة خطية من Y، وذلك عن طريق العضو السيادي Z": a letter brought by hand is a
    meeting of the one who received it and the one who brought it (never of the one who wrote it)."""
    norms = doc.token_norms
    first, last = sentence.first, sentence.last
    verb = next((k for k in range(first, min(last, first + 8)) if norms[k] in _RECEIVED), None)
    if verb is None:
        return None
    letter = next(iter(positions(map(_LETTER_WORD.__getitem__, norms[verb + 1 : last]), verb + 1)), None)
    if letter is None:
        return None
    hand = next((k + len(words) for k in range(letter + 1, last) for words in _BY_HAND
                 if tuple(norms[k : k + len(words)]) == words), None)  # fmt: skip
    if hand is None:
        return None
    receiver = next((m.key for m in mentions if m.type == PERSON and m.key and verb < m.first < letter), None)
    bearer = next((m.key for m in mentions if m.type == PERSON and m.key and hand <= m.first < last), None)
    if receiver is None or bearer is None or receiver == bearer:
        return None
    meeting = MeetingDraft("reception", False, [receiver, bearer], sentence.index, verb)
    meeting.sentences.add(sentence.index)
    return meeting


def _split_one_by_one(meetings: list[MeetingDraft], target: MeetingDraft, mentions=()) -> None:
    """The host met each guest of this meeting apart: one meeting of the host with each (an envoy
    and the country he serves, both named, are one guest)."""
    host, *guests = target.participants
    mention_of: dict[str, ActorMention] = {}
    for m in mentions:
        # (the mention that says whom he serves, where one does)
        if m.key and m.type == PERSON and (
            m.key not in mention_of or (m.represents and not mention_of[m.key].represents)
        ):
            mention_of[m.key] = m
    home = _country_of(host, mention_of.get(host))
    sides: dict[str, list[str]] = {}
    aides = []  # of the host's own side: they attended each meeting
    for guest in guests:
        side = _country_of(guest, mention_of.get(guest)) or guest
        if home and side in (home, guest) and guest.startswith("person:"):  # (or of no side the text gives)
            aides.append(guest)
        else:
            sides.setdefault(side, []).append(guest)
    at = meetings.index(target)
    meetings[at : at + 1] = [
        replace(target, participants=[host, *side, *aides], sentences=set(target.sentences), ceremony=False,
                companions={})
        for side in sides.values()
    ]  # fmt: skip


def _told_together(meetings: list[MeetingDraft], meeting: MeetingDraft) -> list[MeetingDraft]:
    """This meeting and those the same words told with it (one host meeting guests apart)."""
    return [m for m in meetings if (m.trigger, m.sentence) == (meeting.trigger, meeting.sentence)]


# the guests already named, spoken of again: "استقبل السفيرين"، "واستُقبل السفراء"، "استقبل ضيفه"
_GUESTS_AGAIN = frozenset(normalize(w) for w in (
    "السفيرين", "السفيران", "السفراء", "الضيف", "الضيفين", "الضيفان", "الضيوف", "ضيفه", "ضيفيه", "ضيوفه",
    "المبعوثين", "المبعوثان",
))  # fmt: skip
_GUESTS_REACH = 3  # words after the verb (or its subject) within which the guests are spoken of


def _guests_received_again(doc, meetings: list[MeetingDraft], sentence, match, info, persons: list[str]):
    """The reception just read, when a reception verb right after it has for its object only the
    guests already named ("السفيرين"، "الضيف") and no one new: its host or nobody as subject."""
    if info.kind != "reception" or info.pos != "verb" or not meetings:
        return None
    last = meetings[-1]
    if last.phone or len(last.participants) < 2 or not 0 < sentence.index - last.sentence <= 2:
        return None
    if not set(persons) <= set(last.participants[:1]):
        return None
    norms = doc.token_norms
    after = norms[match.last : min(sentence.last, match.last + len(persons) * 4 + _GUESTS_REACH)]
    return last if any(not _GUESTS_AGAIN.isdisjoint(clitic_stems(word)) for word in after) else None


# the meeting already told, named with ال after خلال ("خلال اللقاء"، "أثناء الاستقبال")
_THE_MEETING = frozenset(normalize(w) for w in ("اللقاء", "الاستقبال", "المقابلة", "الاجتماع", "المباحثات"))


def _during_the_meeting(norms, match, info, sentence, meetings: list[MeetingDraft]) -> MeetingDraft | None:
    """The meeting told in the sentences just before, which a verb's own clause says it was done
    during ("وتسلم الوزير خلال اللقاء رسالة خطية ...", "ونقل خلال الاستقبال تحيات ...")."""
    if info.pos != "verb" or not meetings or meetings[-1].phone:
        return None
    last = meetings[-1]
    if not 0 < sentence.index - last.sentence <= 3 or len(last.participants) < 2:
        return None
    stop = min(sentence.last, match.last + 6)
    told = any(norms[k] in _DURING_WORDS and norms[k + 1] in _THE_MEETING for k in range(match.last, stop - 1))
    return last if told else None


def _reception_before(meetings: list[MeetingDraft], info, persons: list[str]) -> MeetingDraft | None:
    """The reception told last, when a reception noun names persons after it."""
    if info.pos != "noun" or info.kind != "reception" or not persons or not meetings:
        return None
    last = meetings[-1]
    return last if last.kind == "reception" and not last.phone else None


def _reception_again(meetings: list[MeetingDraft], info, persons: list[str]) -> MeetingDraft | None:
    """The reception already told of the guest a reception noun names again, with nobody new."""
    last = _reception_before(meetings, info, persons)
    held = last is not None and len(last.participants) >= 2
    return last if held and set(persons) <= set(last.participants) else None


def _opened_for_guests(meetings: list[MeetingDraft], info, persons: list[str], sentence) -> MeetingDraft | None:
    """The reception just told with its host alone, which a reception noun naming only guests goes on."""
    last = _reception_before(meetings, info, persons)
    hosts = [p for p in last.participants if p.startswith("person:")] if last is not None else []
    if len(hosts) != 1 or hosts[0] in persons:
        return None
    return last if 0 < sentence.index - last.sentence <= 2 else None


_RECEIVED_SOMEONE = frozenset(normalize(w) for w in ("استقبل", "استقبلت"))


def _ceremony_goes_on(meetings: list[MeetingDraft], norms, sentence, group: list[str], date) -> MeetingDraft | None:
    """ "فقد تقبل الملك أوراق اعتماد ..." then "كما تقبل جلالته أوراق اعتماد ..."، "وتقبل السلطان
    أوراق اعتماد ..."، "الرئيس تسلم كذلك أوراق اعتماد ...": more envoys of the same ceremony (the same
    host, the same day), not another meeting."""
    if not _credentials(norms, sentence):
        return None
    return next((m for m in reversed(meetings) if m.ceremony and m.sentence < sentence.index
                 and m.participants[:1] == group[:1] and m.date == date), None)  # fmt: skip


_SAW = frozenset(normalize(w) for w in ("شهد", "وشهد", "تشهد", "يشهد"))


def _scene(norms, sentence, mentions: Sequence[ActorMention]) -> str | None:
    """ "شهد قصر بعبدا قبل ظهر اليوم سلسلة لقاءات": the place the meetings told next were held in."""
    if sentence.first >= sentence.last or norms[sentence.first] not in _SAW:
        return None
    if _MEETINGS_NOUN.isdisjoint(norms[sentence.first : sentence.last]):
        return None
    place = next((m for m in mentions if m.first == sentence.first + 1 and m.type in (PLACE, COUNTRY) and m.key), None)
    return place.key if place is not None else None


_HE_THAT = frozenset(normalize(w) for w in ("أنه", "بأنه", "وأنه", "أنها", "بأنها"))


def _teller(doc: Document, mentions: Sequence[ActorMention], sentence, match) -> str | None:
    """The person named before "أنه" right before the verb: the one who says he did it."""
    that = match.first - 1
    if that <= sentence.first or doc.token_norms[that] not in _HE_THAT:
        return None
    named = [m.key for m in mentions if m.type == PERSON and m.key and sentence.first <= m.first < that]
    return named[0] if named else None


_SEPARATELY = frozenset((("بشكل", "منفصل"), ("بصوره", "منفصله"), ("بشكل", "منفرد"), ("بصوره", "منفرده")))


def _told_one_by_one(words: Sequence[str]) -> bool:
    """ "كلاً على حدة"، "على التوالي"، "بشكل منفصل"، "في لقاءات منفصلة": one after another."""
    if _ONE_BY_ONE_LAST.isdisjoint(words[1:]):
        return False  # (nearly always: no word any of these phrases ends with)
    return any(
        (words[k] in ("حده", "التوالي") and words[k - 1] == "علي")
        or (words[k - 1], words[k]) in _SEPARATELY
        or (words[k] in _SEPARATE and (words[k - 1] in _MEETINGS_NOUN or words[k - 1] in _SEVERAL_MEETINGS))
        for k in range(1, len(words))
    )


def _one_by_one(
    doc, sentence, window, match, mentions, parties: list[str], met_apart: set[str] = frozenset()
) -> list[list[str]] | None:
    """ "استقبل ... كلاً على حدة"، "أوراق اعتماد سفراء ..."، "استقبل كلاً من وزير خارجية X ووزير
    خارجية Y": a host who met each guest (or each country's delegation) apart, one meeting each.
    Talks on the sidelines of a gathering are apart too, whether the sentence says so or the next
    ("جاء ذلك على هامش ..."), or the story counts them ("اللقاءين"، "لقاءات منفصلة"); and "كما
    استقبل X ..." after guests met one by one goes on with the same kind of meetings."""
    norms = doc.token_norms
    words = norms[sentence.first : sentence.last]
    apart = _told_one_by_one(words)
    credentials = _credentials(norms, sentence)
    listed = next((k for k in range(match.last, window[1] - 1) if norms[k] in _EACH and norms[k + 1] == "من"), None)
    # "التقى على هامش القمة X وY": talks aside, each apart (not "الاجتماع المشترك بين ..." held there)
    sideline = (
        match.payload.pos == "verb"
        and (any(w in _SIDELINE for w in words) or _told_apart_after(doc, sentence))
        and not any(norms[k] in _JOINT or norms[k] == "بين" for k in range(*window))
    )
    going_on = match.payload.pos == "verb" and sentence.first + 1 < sentence.last and norms[sentence.first] in _ALSO
    if not (apart or sideline or listed is not None or going_on) or (credentials and not apart):
        return None  # a credentials ceremony is one meeting of all the envoys, unless told apart
    position = {}
    for mention in mentions:
        if mention.key in parties and window[0] <= mention.first < window[1]:
            position.setdefault(mention.key, mention)
    list_end = _list_end(norms, mentions, listed + 2, window[1]) if listed is not None else 0
    in_list = [p for p in parties if p in position and listed is not None and listed < position[p].first < list_end]
    hosts = [p for p in parties if p not in in_list]
    host = next((p for p in hosts if p.startswith("person:")), hosts[0] if hosts else None)
    if host is None:
        return None
    guests = [p for p in parties if p != host]
    countries: dict[str, list[str]] = {}
    for guest in guests:
        country = _country_of(guest, position.get(guest))
        countries.setdefault(country or guest, []).append(guest)
    if apart:
        groups = list(countries.values()) if len(countries) > 1 else [[g] for g in guests]
    elif going_on and not (sideline or listed is not None):
        if host not in met_apart or len(countries) < 2 or "" in countries:
            return None
        groups = list(countries.values())
    elif len(countries) > 2 or (sideline and len(countries) > 1):
        # "استقبل كلاً من" three delegations or more: one by one; two may have come together
        groups = list(countries.values())
    else:
        return None
    return [[host, *group] for group in groups]


# "حضر اللقاءين": the two meetings just told (a definite dual)
_BOTH_MEETINGS = frozenset(normalize(w) for w in (
    "اللقاءين", "اللقائين", "اللقاءان", "الاجتماعين", "الاجتماعان", "المقابلتين", "المقابلتان",
))  # fmt: skip


def _both_meetings(norms, window, meetings: list[MeetingDraft], target: MeetingDraft) -> list[MeetingDraft]:
    """ "حضر اللقاءين ...": the meeting before the last, when its host is the last one's."""
    if _BOTH_MEETINGS.isdisjoint(norms[window[0] : window[1]]):
        return []
    index = next((i for i in range(len(meetings) - 1, -1, -1) if meetings[i] is target), -1)
    if index < 1 or meetings[index - 1].participants[:1] != target.participants[:1]:
        return []
    return [meetings[index - 1]]


_JOINED_IN_PLURAL = frozenset(normalize(w) for w in ("شاركوا", "حضروا"))
_ALSO = frozenset(normalize(w) for w in ("كما", "وكما"))
# "جاء ذلك على هامش ..."، "وذلك على هامش ...": the sentence before was told beside a gathering
_THAT = frozenset(normalize(w) for w in ("ذلك", "وذلك", "ذالك", "اللقاء", "اللقاءات", "اللقاءان", "اللقاءين"))
# the story counts the talks it told: two or more meetings, not one
_SEVERAL_MEETINGS = _BOTH_MEETINGS | frozenset(normalize(w) for w in ("لقاءين", "لقاءان", "اجتماعين", "مقابلتين"))
_SEPARATE = frozenset(normalize(w) for w in ("منفصلة", "منفصلين", "منفصلتين", "المنفصلة", "ثنائية", "الثنائية"))
# the last words of the phrases of _told_one_by_one
_ONE_BY_ONE_LAST = frozenset(("حده", "التوالي")) | {second for _, second in _SEPARATELY} | _SEPARATE
_MEETINGS_NOUN = frozenset(normalize(w) for w in ("لقاءات", "اللقاءات", "اجتماعات", "الاجتماعات", "مباحثات"))


def _told_apart_after(doc, sentence) -> bool:
    """The next sentence or two say the talks just told were held beside a gathering, or count them."""
    norms = doc.token_norms
    for after in doc.sentences[sentence.index + 1 : sentence.index + 3]:
        opening = norms[after.first : min(after.last, after.first + 5)]
        if any(w in _SIDELINE for w in opening) and any(w in _THAT for w in opening):
            return True
        words = norms[after.first : after.last]
        if any(w in _SEVERAL_MEETINGS for w in words):
            return True
        if any(w in _MEETINGS_NOUN and n in _SEPARATE for w, n in itertools.pairwise(words)):
            return True
    return False


def _list_end(norms, mentions, start: int, end: int) -> int:
    """Where the list after "كلاً من" ends: names, offices and countries joined by و and commas
    ("سفراء كل من بلجيكا وفنلندا، ومالطا نسخة ..." ends before "نسخة")."""
    starts: dict[int, int] = {}
    for mention in mentions:
        if start <= mention.head < end:
            starts[mention.head] = max(starts.get(mention.head, 0), mention.last)
    k = start
    while k < end:
        if k in starts:
            k = starts[k]
        elif norms[k] in ("و", "،", ","):
            k += 1
        else:
            break
    return k


def _country_of(key: str, mention: ActorMention | None) -> str:
    """Whom a guest stands for: the office's country in the text, else the gazetteer's."""
    if not key.startswith("person:"):
        return key
    if mention is not None and mention.represents:
        return mention.represents
    known = gz.known(key)
    return known.represents if known is not None else ""


_SEVERAL_CALLS = frozenset(normalize(w) for w in ("اتصالين", "اتصالات", "مكالمتين", "مكالمات", "الاتصالين"))


def _several_calls(norms, window) -> bool:
    return not _SEVERAL_CALLS.isdisjoint(norms[window[0] : window[1]])


def _kind(norms, match, info, sentence) -> str:
    """ "عقد ... قمة" is a summit, "أجرى ... محادثات" talks: the noun the verb needs says the kind."""
    if info.pos != "verb" or not info.needs or _hands_over(info):
        return info.kind
    for k in range(match.last, min(sentence.last, match.last + _needed_reach(info))):  # (where it was found)
        noun = triggers().longest_at(norms, k, sentence.last)
        if noun is not None and noun.payload.pos == "noun" and noun.payload.kind != "join":
            return noun.payload.kind
    return info.kind


def _two_sides(meeting: MeetingDraft) -> bool:
    """At most two persons (a country beside them is one of theirs): what a call can join."""
    return sum(1 for p in meeting.participants if not p.startswith("country:")) <= 2 and len(meeting.participants) <= 3


def _phone_near(norms, match, sentence, window) -> bool:
    """ "اتصالاً هاتفياً"، "اجتماعاً عبر تقنية الاتصال المرئي": a call or video word in the clause."""
    return any(map(_PHONE_WORD.__getitem__, norms[max(window[0], match.first - 3) : min(window[1], match.last + 20)]))


def _phone_word(norm: str) -> bool:
    markers = phone_markers()
    return norm in markers or (norm[:1] in "وب" and norm[1:] in markers)


_PHONE_WORD = WordTest(_phone_word)  # (the words of a clause looked up in C)


_WITNESSED = frozenset(normalize(w) for w in ("شهد", "وشهد", "شهدت", "وشهدت"))


def _place(
    doc, mentions, window, match, info, dateline_place, in_speech: bool = False
) -> tuple[str | None, str | None]:
    """(city or country, venue): "في موسكو"، "بالرياض"، "في العاصمة الصينية بكين"، "زيارة إلى
    دمشق"، "استضافت القاهرة"، "في قصر اليمامة بالرياض"; the dateline's place when the clause
    names none, or names only a venue in the dateline's country."""
    start, end = window
    candidates = []
    # 'إن "الرئيس تسلم في قصر السلام ببغداد أوراق ..."': a communiqué quoted tells the meeting and its place
    told_in = doc.quote_at(doc.tokens[match.first].start)
    witnessed = None
    for mention in _mentions_within(mentions, start, end):
        if mention.type not in (PLACE, COUNTRY) or not mention.key:
            continue
        # (a place in quote marks of its own, "في العاصمة “طهران”", is no speech)
        if _quoted_words(doc, mention.start) > _QUOTED_NAME_WORDS and not in_speech and (
            told_in is None or doc.quote_at(mention.start) is not told_in
        ):
            continue
        if _region(mention.key) or (mention.in_title and mention.type != PLACE):
            # (a region is no meeting's place; an office's country; "والمستشارة الألمانية ببرلين": where she was)
            continue
        if info.kind == "reception" and mention.first == match.last and match.phrase[0].startswith("استضاف"):
            candidates.append(mention)  # "استضافت القاهرة قمة ..."
            continue
        if mention.last <= match.first <= mention.last + 2 and mention.first > start and (
            doc.token_norms[mention.first - 1] in _WITNESSED
        ):
            witnessed = mention  # "شهد قصر بعبدا (اليوم) تقديم أوراق اعتماد ...": the place saw it
            break
        preposition = _preposition_before(doc, mention, start) or _named_gathering(doc.token_norms, mention, start)
        if preposition is None or (preposition == "الي" and info.kind != "visit"):
            continue
        if any(doc.token_norms[k] in _AHEAD for k in range(max(start, mention.first - 4), mention.first)):
            continue  # "لحضور قمة مرتقبة في باريس": where a gathering still to come will be
        if mention.first > start + 1 and doc.token_norms[mention.first - 2] in _SITUATION_WORDS:
            continue  # "بحث ... الأوضاع والتطورات في اليمن": the place of what was discussed
        candidates.append(mention)
    after = [m for m in candidates if m.first >= match.first]
    chosen = witnessed or (after[0] if after else (candidates[-1] if candidates else None))
    if chosen is None:
        return dateline_place, None
    known = gz.known(chosen.key)
    if known is None and chosen.type == PLACE:
        # "في مطار الدوحة الدولي": a venue no list knows; its city is the one its name holds
        city = next((found.payload.entity.key for k in range(chosen.first + 1, chosen.last)
                     if (found := gz.name_index().longest_at(doc.token_norms, k, chosen.last)) is not None
                     and found.payload.entity.type == PLACE), None)  # fmt: skip
        # "في قصر الضيافة بمدينة سوتشي": the city named right after it
        city = city or next((m.key for m in candidates if chosen.last <= m.first <= chosen.last + 6), None)
        return (city or dateline_place, chosen.key) if city or dateline_place else (chosen.key, None)
    if known is not None and known.type == COUNTRY and _capital_word_before(doc.token_norms, chosen, start):
        capital = gz.capital_of(known.country)
        if capital is not None:
            return capital, None  # "في العاصمة السعودية": Riyadh
    dateline_known = gz.known(dateline_place) if dateline_place else None
    in_dateline_country = dateline_known is not None and dateline_known.type == PLACE
    if known is not None and known.type == COUNTRY and in_dateline_country and dateline_known.country == known.country:
        return dateline_place, None  # "زيارة إلى ليبيا" under "طرابلس -": the city
    if known is not None and known.kind == "venue":
        city = next((m for m in candidates if m.first > chosen.first and m.first <= chosen.last + 2), None)
        if city is not None:
            return city.key, chosen.key
        if known.city:
            return known.city, chosen.key  # "بقصر السيف": in Kuwait City
        dateline_known = gz.known(dateline_place) if dateline_place else None
        if dateline_known is not None and dateline_known.country == known.country:
            return dateline_place, chosen.key
    return chosen.key, None


def _region(key: str) -> bool:
    """A region (الشرق الأوسط، القرن الأفريقي): an envoy's charge, never where a meeting was."""
    known = gz.known(key)
    return known is not None and known.kind == "region"


_UNLISTED_VENUES = ("place:" + normalize("قصر"), "place:" + normalize("مطار"))


def _in_city(place: str | None, venue: str | None) -> tuple[str | None, str | None]:
    """A palace or airport found as the place stands in a city: the city is the place."""
    known = gz.known(place) if place else None
    if known is not None and known.kind == "venue" and known.city:
        return known.city, venue or place
    if known is None and place and place.startswith(_UNLISTED_VENUES) and not venue:
        return None, place  # "بقصر السيف": a palace no list knows, in a city the text may not name
    return place, venue


def _capital_word_before(norms, mention, floor: int) -> bool:
    k = mention.first - 1
    return k >= floor and "العاصمه" in clitic_stems(norms[k])


_VISIT_WORDS = frozenset(
    normalize(w)
    for w in (
        "زار", "يزور", "تزور", "زارت", "زيارة", "زيارته", "زيارتها", "وصل", "وصلت", "يصل", "وصول", "وصوله", "وصولها",
        "وصولهما", "وصولهم", "حل", "حلت", "يحل", "قدم", "قدومه",
    )
)  # fmt: skip


def _visited(doc, mentions, sentence) -> str | None:
    """ "لافروف، الذي يزور الجزائر العاصمة"، "في زيارة رسمية إلى دمشق": the place of the visit."""
    norms = doc.token_norms
    for mention in mentions:
        if mention.type not in (PLACE, COUNTRY) or not mention.key or mention.in_title:
            continue
        if not sentence.first <= mention.first < sentence.last or doc.quote_at(mention.start) is not None:
            continue
        before = [n for n in norms[max(sentence.first, mention.first - 3) : mention.first]]
        if any(not _VISIT_WORDS.isdisjoint(clitic_stems(n)) for n in before):
            return mention.key
        # "وصل الرئيس التوغولي فور نياسيغبي اليوم إلى نواكشوط": the visit word further back
        to = mention.first - 1
        if to > sentence.first and _is_nisba(norms, to):
            to -= 1  # "بالعاصمة الموريتانية نواكشوط"
        at_city = to >= sentence.first and norms[to][:1] == "ب" and norms[to][1:] in _CITY_WORDS
        if to > sentence.first and norms[to] in _CITY_WORDS:
            to -= 1  # "إلى مدينة إسطنبول"
        if to >= sentence.first and (norms[to] in ("الي", "إلى") or at_city):  # ("حل ... بالعاصمة X")
            earlier = norms[max(sentence.first, mention.first - 12) : mention.first - 1]
            if any(not _VISIT_WORDS.isdisjoint(clitic_stems(n)) for n in earlier):
                return mention.key
            if not _VISIT_WORDS.isdisjoint(clitic_stems(norms[sentence.first])):
                return mention.key  # "حل وزير ... [his long office], ناصر بوريطة، مساء أمس، بالعاصمة X"
    return None


def _arrived_in(doc, mentions, sentence) -> str | None:
    """Where the guest arrived, as the body sentences before the welcome tell it: the city, where
    one names it ("وصل ... إلى مسقط" before "زيارته لسلطنة عمان")."""
    found = [
        place
        for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1)
        if doc.sentences[index].kind == BODY and (place := _visited(doc, mentions, doc.sentences[index]))
    ]
    return next((p for p in found if not p.startswith("country:")), found[0] if found else None)


_CITY_WORDS = frozenset(normalize(w) for w in ("مدينة", "العاصمة"))


def _arrival_told_next(doc, mentions, sentence, parties) -> str | None:
    """ "أجرى أردوغان مباحثات مع أمير قطر ..." then "ووصل أمير قطر أمس إلى مدينة إسطنبول": where
    one of them had arrived, told right after."""
    following = sentence.index + 1
    if following >= len(doc.sentences) or doc.sentences[following].kind != BODY:
        return None
    after = doc.sentences[following]
    norms = doc.token_norms
    if not any(norms[k] in _ARRIVED for k in range(after.first, min(after.last, after.first + 3))):
        return None
    named = {m.key for m in mentions if after.first <= m.first < after.last and m.type == PERSON}
    return _visited(doc, mentions, after) if named & set(parties) else None


_VISIT_REACH = (3, 2)  # body sentences before and after the meeting's own
_VISITING_NOW = frozenset(normalize(w) for w in ("يزور", "تزور", "يزوران", "يقوم", "تقوم"))


def _visit_of_a_party(doc, mentions, sentence, parties) -> str | None:
    """ "حل بالعاصمة التونسية تونس الوزير X" then "واستقبل X من طرف الرئيس ..."؛ "ويناقش بلينكن مع
    بوريطة، الذي يزور واشنطن": where one of the parties came on his visit, told in a sentence near
    the meeting's that names him (the nearest such sentence; a city before a country)."""
    wanted = set(parties)
    before, after = _VISIT_REACH
    order = sorted(
        (i for i in range(sentence.index - before, sentence.index + after + 1) if i != sentence.index),
        key=lambda i: (abs(i - sentence.index), i),
    )
    for index in order:
        if not 0 <= index < len(doc.sentences) or doc.sentences[index].kind != BODY:
            continue
        near = doc.sentences[index]
        if not any(m.key in wanted for m in mentions if near.first <= m.first < near.last and m.type == PERSON):
            continue
        norms = doc.token_norms[near.first : near.last]
        if index > sentence.index and _VISITING_NOW.isdisjoint(norms) and "قد" not in norms[:6]:
            continue  # told after: a visit going on ("الذي يزور") or made before ("وكان X قد وصل"), not the next stop
        place = _visited(doc, mentions, near)
        if place is not None:
            return place
    return None


def _same_day_place(meetings: list[MeetingDraft], date) -> str | None:
    """A meeting of the same day and trip as the last one, when its own sentence names no place."""
    if meetings and meetings[-1].place and not meetings[-1].phone and meetings[-1].date == date:
        return meetings[-1].place
    return None


_EVENT_NOUNS = frozenset(normalize(w) for w in (
    "الدورة", "دورة", "أعمال", "اعمال", "أعمالها", "اعمالها", "الاجتماع", "اجتماع", "الاجتماعات", "اجتماعات",
    "المؤتمر", "مؤتمر", "القمة", "قمة", "المنتدى", "منتدى", "الملتقى", "ملتقى",
))  # fmt: skip
_SITUATION_WORDS = frozenset(normalize(w) for w in (
    "الأوضاع", "والأوضاع", "التطورات", "والتطورات", "الوضع", "والوضع", "الأزمة", "والأزمة", "الأحداث",
    "المستجدات", "والمستجدات", "مستجدات", "تطورات", "أوضاع",
))  # fmt: skip
_AHEAD = frozenset(normalize(w) for w in (
    "المقرر", "المقبل", "المقبلة", "المزمع", "المزمعة", "المرتقب", "المرتقبة", "القادم", "القادمة", "ستعقد",
    "مقررة", "مقرر", "مقبلة", "مقبل", "مزمعة", "مرتقبة", "مرتقب", "قادمة",
    "سيعقد", "تعقد", "ستنطلق", "تنطلق", "غدا", "غداً", "ستستضيف", "تستضيف",
))  # fmt: skip


_GATHERING_BEFORE_CLAUSE = 2


def _event_city(doc, mentions, sentence, window) -> str | None:
    """ "استقبل ... المشاركين في الدورة ... التي افتتحت أعمالها اليوم في أبوظبي": met at the
    gathering the sentence names, in its city, unless that gathering is still to come."""
    norms = doc.token_norms
    rest = range(window[1], sentence.last)
    # (the gathering may close the window: "على هامش الاجتماعات التي استضافتها السعودية في الرياض")
    named = range(max(window[0], window[1] - _GATHERING_BEFORE_CLAUSE), sentence.last)
    if all(_EVENT_NOUNS.isdisjoint(clitic_stems(norms[k])) for k in named):
        return None
    for k in rest:
        if norms[k] in _AHEAD:
            return None
        mention = next((m for m in mentions if m.first == k and m.type == PLACE and m.key), None)
        if mention is not None and (norms[k - 1] == "في" or doc.tokens[k].norm[:1] == "ب"):
            return mention.key
    return None


_RESIDENT = frozenset(normalize(w) for w in ("مقيم", "مقيمين", "مقيما", "مقيمًا", "المقيم", "المقيمين", "ومقره"))


_OPENING_QUOTES = frozenset(('"', "«", "“", "'", "„"))


def _preposition_before(doc, mention, floor) -> str | None:
    """ "في"، "ب"، "إلى" before the place, over "العاصمة الصينية", "مدينة", "قصر ... في"."""
    norms = doc.token_norms
    token = doc.tokens[mention.first]
    if mention.first > floor and norms[mention.first - 1] in _RESIDENT:
        return None  # "سفراء غير مقيمين بالقاهرة": where they live, not where they met
    if token.start < mention.start and token.norm[:1] == "ب":
        return "في"
    k = mention.first - 1
    if k > floor and norms[k] in _OPENING_QUOTES:
        k -= 1  # 'في العاصمة "طهران"': the name set off in quote marks
    skipped = 0
    while (
        k >= floor
        and skipped < 3
        and (norms[k] in _PLACE_WORDS or gz.nisba_index().longest_at(norms, k, k + 1, clitics=False))
    ):
        k -= 1
        skipped += 1
    if k < floor:
        return None
    norm = norms[k]
    if not skipped and norm[:1] == "ب" and norm[1:] in _PLACE_WORDS:
        return "في"  # "بمدينة موسكو"، "بالعاصمة طرابلس"
    if norm in ("في", "الي"):
        if k - 1 >= floor and not _TOPIC_NOUNS.isdisjoint(clitic_stems(norms[k - 1])):
            return None  # "الأوضاع في ليبيا": what was discussed, not where
        if k - 2 >= floor and norms[k - 1].startswith("ال") and not _TOPIC_NOUNS.isdisjoint(clitic_stems(norms[k - 2])):
            return None  # "التطورات الأخيرة في اليمن"، "الأوضاع الإنسانية في غزة": with its adjective
        return norm
    if skipped and norm[:1] == "ب" and norm[1:] in _PLACE_WORDS:
        return "في"
    return None
