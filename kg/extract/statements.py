"""Who said what: direct quotations and reported speech, with speaker and addressee.

A statement starts at a reporting word (قال، أكد، أشار إلى أن، أعرب عن ...). Its speaker is
the actor named right after it ("وقال الأسد", "أكد سمو ولي العهد") or right before it ("الرئيس
السيسي أكد"), the previous speaker for a continuation ("مشيراً إلى أن") or a verb without a
subject ("وأضاف:"), the body that issued a statement ("أصدرت الرئاسة بياناً أكدت فيه"), the
other party after "من جهته"، "بدوره", both parties for "الجانبان", everyone at the meeting for
"وأكد القادة". Agency copy adds more: the author of a letter ("رسالة من X ... أعرب فيها"), the one
in "في تصريح لـ X،", a ministry named before ("وقالت الخارجية"، "المصدر ذاته"), the issuer of "جاء
في بيان صادر عن X", "الأخير", a name after "لـ" being whom it was told ("وقال لقناة X"). What the
agency or an outlet itself reports ("أفادت الوكالة بأن") is nobody's statement; when the words open
with another speaker ("قال المتحدث إن الرئيس أكد ...") the statement is the inner speaker's (the outer
one's whole when the inner verb gives no words: "إن البرهان أبدى ترحيبه"), a verb after "أنه" is the
speaker's own ("مؤكداً أنه دعا X إلى"), and a communiqué quoted at length reports the people it names.
Reporting words that are also other words ("عبر" via, "أبرز" most prominent, "اثني" twelve, "اطّلع"
was briefed) count only with what they take.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from kg.extract import gazetteer as gz
from kg.extract.actors import (
    COUNTRY,
    ORGANIZATION,
    PERSON,
    PLACE,
    ActorMention,
    everyday_words,
    reporting_cues_in,
)
from kg.extract.lexicon import (
    ReportingCue,
    clitic_stems,
    date_words,
    dual_reporting_verbs,
    honorifics,
    positions,
    reporting_cues,
    titles,
    triggers,
)
from kg.extract.meetings import COMMUNIQUE_NOUNS, GROUP_WORDS, new_ones, said_during_it
from kg.text.document import BODY, FRONT, ITEM_MARKS, Document, Sentence
from kg.text.normalize import normalize

GROUP = "@group"  # "الجانبان": the parties of the meeting at hand
OTHER = "@other"  # "من جهته، أكد أن": the party that did not speak last
EVERYONE = "@everyone"  # "وأكد القادة/المشاركون": all who took part in the meeting at hand
GUESTS = "@guests"  # "من جانبهم، أعرب السفراء": those the host received

_TURN_WORDS = (("من", "جهته"), ("من", "جانبه"), ("بدوره",), ("من", "جهتها"), ("من", "جانبها"), ("بدورها",))
# who reports without being a party: the agency, sources, the paper ("أفادت الوكالة", "ذكرت مصادر")
_NOT_SPEAKERS = frozenset(normalize(w) for w in (
    "الوكالة", "وكالة", "المصادر", "مصادر", "مصدر", "المصدر", "التقارير", "تقارير", "الصحيفة", "صحيفة",
    "وسائل", "البيان", "بيان", "التقرير", "القناة", "الموقع", "المكتب", "الأنباء", "الإعلام", "مراسل",
    "موقع", "قناة", "جريدة", "مجلة", "إذاعة",
))  # fmt: skip
_COMPLEMENTIZERS = frozenset(
    normalize(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم", "أنّ")
)
# "أنه دعا"، "بأنها أكدت": the verb's subject is the pronoun, the one the words are about
_PRONOUN_COMPLEMENTIZERS = frozenset(
    normalize(w) for w in ("أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم", "بأنهم", "أنهما", "بأنهما")
)
_ABOUT = frozenset(normalize(w) for w in ("عن", "حول", "بشأن"))  # "تحدث/غرد عن": the matter, not the words
_CLAUSE_ENDS = frozenset(normalize(w) for w in ("فيما", "بينما", "وفيما", "وبینما", "حين", "؛", ";"))
# "فيما بينهم"، "فيما يتعلق بـ": "فيما" heading a phrase, not a new clause
_FIMA_PHRASES = frozenset(normalize(w) for w in ("بين", "بينهم", "بينهما", "بينها", "يتعلق", "يخص", "يتصل"))
# "حسبما أعلنت الوزارة"، "وفق ما أفادت الوكالة"، "ما صرح به": an aside naming a source, or what was said
_ASIDES = frozenset(normalize(w) for w in ("حسبما", "وحسبما", "بحسبما", "مثلما", "ومثلما", "ما", "لما", "بما"))
# "صرح بذلك وانغ"، "قال ذلك": the words were given before
_PASSIVE_HEADS = frozenset(normalize(w) for w in ("جرى", "تم", "وتم", "وجرى", "جري", "يجري", "سيتم"))
_BACK_REFERENCES = frozenset(normalize(w) for w in ("بذلك", "ذلك", "بهذا"))
_RELATIVES = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللذان"))
# "التي دعا خلالها"، "الذي أكد فيه": the occasion the relative clause names, during which one spoke
_DURING = tuple(normalize(w) for w in ("فيه", "فيها", "خلاله", "خلالها"))
# words between a reporting verb and its subject or its words: "أعلن فيه"، "قال أيضاً"
_FILLERS = frozenset(normalize(w) for w in (
    "فيه", "فيها", "خلاله", "خلالها", "أيضا", "كذلك", "بدوره", "بدورها", "اليوم", "أمس", "مجددا", "له", "لها",
))  # fmt: skip
# an outlet the article cites, not a party: "ذكرت وكالة "سانا""، "أشار موقع روسيا اليوم"
_MEDIA_WORDS = frozenset(normalize(w) for w in (
    "وكالة", "الوكالة", "صحيفة", "الصحيفة", "جريدة", "الجريدة", "مجلة", "المجلة", "قناة", "القناة", "موقع", "الموقع",
    "إذاعة", "الإذاعة", "تلفزيون", "التلفزيون", "شبكة", "الشبكة",
))  # fmt: skip
# whom one welcomes or praises in person ("رحب بالضيف"، "أشاد بأصحاب المعالي"): a greeting, not words
_VISIT_NOUNS = frozenset(normalize(w) for w in ("زيارة", "قدوم", "وصول", "مشاركة"))
_GUEST_WORDS = frozenset(normalize(w) for w in (
    "الضيف", "الضيوف", "ضيفه", "ضيوفه", "الوفد", "الوفود", "وفد", "الزائر", "الزوار", "أصحاب",
    "السفير", "السفراء", "الوزير", "الوزراء", "الرئيس", "نظيره", "نظيرته", "المشاركين", "الحضور",
))  # fmt: skip
# "وأكد القادة الثلاثة"، "وشدد المشاركون": the people of a meeting of more than two, never one of them
_PLURAL_GROUPS = frozenset(normalize(w) for w in (
    "القادة", "الزعماء", "الرؤساء", "الوزراء", "المشاركون", "المشاركين", "المجتمعون", "المجتمعين", "الحاضرون",
))  # fmt: skip
_GUEST_GROUPS = frozenset(normalize(w) for w in (
    "السفراء", "الضيوف", "الوفود", "المبعوثون", "المبعوثين", "السفيران", "السفيرين", "الضيفان", "الضيفين",
))  # fmt: skip
# "وأضاف المصدر ذاته": the source just quoted goes on
_SAME_SOURCE = (frozenset(normalize(w) for w in ("المصدر", "البيان", "البلاغ")), frozenset(("ذاته", "نفسه")))
# "وقالت الخارجية"، "وأضافت الوزارة": the body named in full earlier in the article
_BODY_WORDS = frozenset(normalize(w) for w in (
    "الخارجية", "الوزارة", "الرئاسة", "الحكومة", "السفارة", "الديوان", "الأمانة", "المنظمة", "الجامعة",
))  # fmt: skip
# "وفي تصريح للمتحدث ... X، ذكر أن": the words of the one the statement belongs to
_FRAME_NOUNS = frozenset(normalize(w) for w in (
    "تصريح", "تصريحات", "حديث", "كلمة", "مقابلة", "بيان", "تغريدة", "منشور", "رسالة",
))  # fmt: skip
# "تسلم رسالة من X ... أعرب فيها": whoever wrote a letter or a cable speaks in it
_MESSAGE_NOUNS = frozenset(normalize(w) for w in ("رسالة", "برقية", "رسالتين", "كلمة", "خطاب"))
# a clause of time or occasion after the speaker ("خلال لقائه ..."، "لدى استقباله ..."), the words after it
_CIRCUMSTANTIAL = frozenset(normalize(w) for w in ("خلال", "لدى", "أثناء", "عقب", "في", "على"))
# words with a leading ل that call for nothing ("دعا X لها")
_NOT_CALLS = frozenset(normalize(w) for w in ("لها", "لهم", "لهما", "لدى", "لكن", "لذلك", "لقد", "لدي", "لكل"))
# the head of a body's name ("وأعربت وزارة الشؤون الخارجية ... عن"): someone speaks, even when the list
# does not know the body, so the last speaker does not go on
_BODY_HEADS = frozenset(normalize(w) for w in (
    "وزارة", "رئاسة", "سفارة", "حكومة", "هيئة", "لجنة", "حركة", "مفوضية", "منظمة", "دائرة", "قيادة", "مجلس",
    "المجلس",
))  # fmt: skip
_LATTER = frozenset(normalize(w) for w in ("الأخير", "الأخيرة"))  # "أشار الأخير": the person named last
_ATTRIBUTION = frozenset(normalize(w) for w in ("وفق", "وفقا", "بحسب", "حسب", "طبقا", "نقلا"))
_MAX_GAP = 16  # words between the speaker and the start of the words
_COMMUNIQUE_WORDS = 12  # a quotation this long may be a communiqué that reports others' words
_MIN_WORDS = 3
_NAME_QUOTES = frozenset(('"', "«", "»", "“", "”"))
_MIN_WORDS_AFTER_QUOTE = 3  # 'أن "X" يعد خطوة حاسمة': the words go on past a quoted phrase
_MIN_QUOTED_WORDS = 2  # "الأجواء إيجابية" in quotation marks is a statement
_QUOTE_MARKS = frozenset('"«“\'')


class StatementDraft(NamedTuple):  # (a NamedTuple: made and changed often, faster than a dataclass)
    speakers: tuple[str, ...]  # entity keys, or GROUP / OTHER / EVERYONE to resolve against meetings
    start: int  # original offsets of the words
    end: int
    direct: bool
    sentence: int
    cue: int  # token index of the reporting word
    addressee: str | None = None
    speaker_first: int = -1  # token where the speaker's mention starts, -1 when implicit
    yields: bool = False  # the words open with another's reporting: kept only if that gives no words
    in_relative: bool = False  # the cue is in a relative clause ("التي دعا خلالها"), its speaker found before it

    @property
    def words_given(self) -> bool:
        """False for "صرح بذلك وانغ": who spoke in this sentence, the words given before."""
        return self.end > self.start


def find_statements(doc: Document, mentions: Sequence[ActorMention]) -> list[StatementDraft]:
    """Statements of the body sentences, in text order."""
    index = _MentionIndex(mentions)
    drafts: list[StatementDraft] = []
    last_speaker: tuple[str, ...] | None = None
    last_feminine = False  # the last speaker was the subject of a feminine verb ("وقالت ساندرز")
    last_paragraph = -1
    announced: tuple[tuple[str, ...], int] | None = None  # a speaker whose words open the next sentence
    turn: tuple[tuple[str, ...], int] | None = None  # a transcript's speaker and the sentences of his turn
    body_seen = False
    release: tuple[int, tuple[str, ...] | None] = (-9, None)  # "بيان صحفي" on a line, the person on the next
    told_of: tuple[tuple[str, ...], int] | None = None  # the person the last body sentence was about, its paragraph
    for sentence in doc.sentences:
        release = _release_lines(doc, sentence, index, release)
        if release[1] is not None and sentence.kind == BODY and turn is None:
            turn, release = (release[1], sentence.index), (-9, None)  # the release's text begins
        # a transcript's label line may be short enough to pass for a headline ("الوزير بوريطة: شكرا.")
        may_label = sentence.kind == BODY or (body_seen and sentence.kind == FRONT)
        label = _speaker_label(doc, sentence, index) if may_label else None
        if label is None and may_label:
            label = _release_header(doc, sentence, index)
        # ("الرئيس التركي: ..." then "▪️ بحثنا ..." a line: his words go on after a bullet, though short)
        item_of_turn = turn is not None and doc.token_norms[sentence.first] in ITEM_MARKS
        if sentence.kind != BODY and label is None and not item_of_turn:
            turn = None
            continue
        body_seen = True
        if label is not None or turn is not None:
            turn = _transcript_turn(doc, sentence, index, label, turn, drafts)
            if turn is not None:
                last_speaker, last_paragraph = turn[0], sentence.paragraph
                continue
        if sentence.paragraph > last_paragraph + 1:
            last_speaker = None  # a speaker carries over to the next paragraph, no further
        elif last_speaker and _tells_the_occasion(doc.token_norms, sentence):
            last_paragraph = sentence.paragraph  # "جاء ذلك في مؤتمر صحفي ...": he goes on in the next one
        in_sentence: tuple[str, ...] | None = None
        used_quotes: set[int] = set()
        cues = [c for c in reporting_cues_in(doc, sentence) if _cue_counts(doc, c, index)]
        cues = [c for i, c in enumerate(cues) if i == 0 or not _inside_words(doc, cues[i - 1], c, index)]
        cues = [c for i, c in enumerate(cues) if i == 0 or not _object_of_verb(doc, cues[i - 1], c, index)]
        if announced is not None and sentence.index == announced[1] + 1:
            draft = _announced_words(doc, sentence, announced[0], cues)
            if draft is not None:
                drafts.append(draft)
                used_quotes.update(q.open for q in doc.quotes if draft.start <= q.start < draft.end)
                last_paragraph = sentence.paragraph
        announced = None
        opening = _attributed_opening(doc, sentence, index, cues[0].first if cues else sentence.last)
        if opening is not None:
            # "ووفق البيت الأبيض فإن الرئيسين ناقشا ...، لافتاً إلى": the words run to the first reporting word
            drafts.append(opening)
            last_speaker = in_sentence = opening.speakers
            last_paragraph = sentence.paragraph
        held: StatementDraft | None = None  # words opening with another's reporting, kept if it says nothing
        unknown_spoke = False  # a reporting word of the sentence found no speaker
        for position, cue in enumerate(cues):
            next_cue = cues[position + 1].first if position + 1 < len(cues) else sentence.last
            after_next = cues[position + 2].first if position + 2 < len(cues) else sentence.last
            previous = in_sentence if cue.payload.kind == "participle" and in_sentence else last_speaker
            about = told_of[0] if told_of is not None and told_of[1] >= sentence.paragraph - 1 else None
            draft, speaker = _statement_at(
                doc, sentence, cue, next_cue, index, previous, last_feminine, position == 0, after_next, about
            )
            unknown_spoke = unknown_spoke or not speaker
            if speaker is not None and not (speaker and last_speaker and _relayed(doc.token_norms, cue, sentence)):
                # ("ونقل عن الأمير تأكيده أن ..." then "وأضاف": he who relayed the words goes on)
                if speaker and speaker != last_speaker:
                    last_feminine = _feminine(cue) and cue.payload.kind == "verb"
                last_speaker = speaker or None
                in_sentence = speaker or in_sentence
            if held is not None and draft is None:
                draft = held  # "قال السفير إن البرهان أبدى ترحيبه": the inner verb gave no words
            held = None
            if draft is not None and draft.yields:
                held, draft = draft._replace(yields=False), None
            if draft is not None:
                drafts.append(draft)
                used_quotes.update(q.open for q in doc.quotes if draft.start <= q.start < draft.end)
                last_paragraph = sentence.paragraph
            elif speaker and position == len(cues) - 1 and doc.token_norms[sentence.last - 1] == ":":
                announced = (speaker, sentence.index)  # "قال الوزير:" at a line's end, the words below
                last_paragraph = sentence.paragraph
        if announced is None or announced[1] != sentence.index:
            author = _author_of_text_below(doc.token_norms, index, sentence)
            if author is not None:
                announced = ((author.key,), sentence.index)  # "تصريحاً لوزير الخارجية X، جاء نصه كالتالي:"
                last_paragraph = sentence.paragraph
        drafts.extend(_trailing_attributions(doc, sentence, index, used_quotes))
        if unknown_spoke:
            told_of = None  # "قال موقع CNN إن الوزير X ...": what follows may still be the site's
        elif (opener := _opening_subject(doc, index, sentence)) is not None:
            told_of = ((opener.key,), sentence.paragraph) if opener.type == PERSON else None
    return _unique(drafts)


def _opening_subject(doc, index: _MentionIndex, sentence: Sentence) -> ActorMention | None:
    """The actor a sentence opens with ("الرئيس X استقبل") or names right after its first verb
    ("استقبل الرئيس X ..."، "وفي هذا الصدد، بحث X ..."; "كما" and a short opening phrase passed)."""
    norms = doc.token_norms
    k = sentence.first + (norms[sentence.first] in _AS_WELL)
    comma = next((j for j in range(k, min(k + 5, sentence.last)) if norms[j] in ("،", ",")), None)
    k = comma + 1 if comma is not None and comma + 1 < sentence.last else k
    subject = index.by_first.get(k) or index.by_first.get(_skip(doc, k + 1, sentence.last, index))
    return subject if subject is not None and not subject.in_title else None


_TURN_SENTENCES = 12  # a transcript's turn goes on for at most this many sentences without a label
_LABEL_WORDS = 6  # "وزير الخارجية أنتوني بلينكن:": the office and the name before the colon
_HEADING_WORDS = 25  # "رئيس الوزراء X خلال مؤتمر صحفي مشترك مع الرئيس Y في بغداد:": a heading of items


_APPOSITION_REACH = 12


def _named_then_office(norms, index: _MentionIndex, comma: int, floor: int) -> ActorMention | None:
    """ "أيمن الصفدي، وزير الخارجية الأردني، قال"، "أنور قرقاش، المستشار الدبلوماسي لرئيس الدولة،
    يقول": a person named, then his office set off by commas, then the verb."""
    opening = next((k for k in range(comma - 2, max(floor, comma - _APPOSITION_REACH) - 1, -1)
                    if norms[k] in ("،", ",")), None)  # fmt: skip
    name = index.by_last.get(opening) if opening is not None else None
    if name is None or name.type != PERSON or not name.named or not name.key or name.head > floor:
        return None  # (the subject opens the sentence: not "أجرى اتصالاً مع X، office، أعرب فيه")
    office = index.by_first.get(opening + 1)
    return name if office is not None and office.type == PERSON and not office.named else None


_RELAY_VERBS = frozenset(normalize(w) for w in ("نقل", "ونقل", "نقلا", "ناقلا", "نقلت", "ونقلت", "نقلاً"))


def _relayed(norms, cue, sentence: Sentence) -> bool:
    """ "ونقل عن سمو الأمير تأكيده أن ...": words the subject of the sentence relays from another."""
    return any(
        norms[k] == "عن" and norms[k - 1] in _RELAY_VERBS
        for k in range(max(sentence.first + 1, cue.first - 8), cue.first)
    )


def _speaker_label(doc, sentence: Sentence, index: _MentionIndex) -> tuple[ActorMention, int] | None:
    """ "الصفدي: تعاملنا مع ..."، "الوزير بلينكن: يسرني ...": a line of a transcript opening with the
    person who speaks and a colon, at the sentence's start or on a line of its own inside it (a page's
    lines without a full stop run together); (the person, the token his words start at)."""
    norms = doc.token_norms
    reach = min(sentence.last - 3, sentence.first + 40)
    if ":" not in norms[sentence.first + 1 : reach]:
        return _heading_of_items(doc, sentence, index) if norms[sentence.last - 1] == ":" else None
    for colon in range(sentence.first + 1, reach):
        if norms[colon] != ":":
            continue
        person = index.by_last.get(colon)
        # ("الرئيس التركي: الاتفاقيات التي وقعناها ...": an office the article gave a name before)
        if person is None or person.type != PERSON or not person.key or colon - person.head > _LABEL_WORDS:
            continue
        if not person.named and (person.head != sentence.first or colon == sentence.last - 1):
            continue
        start = doc.tokens[person.head].start
        if start > 0 and "\n" not in doc.text[max(0, start - 3) : start]:
            continue  # a label opens its line
        if any(m.key == person.key for m in index.all if colon < m.head < sentence.last):
            return None  # "الرئيس نواف سلام: إلى ذلك، عرض الرئيس عون مع ... نواف سلام": a section's heading
        return person, colon + 1
    return _heading_of_items(doc, sentence, index)


def _heading_of_items(doc, sentence: Sentence, index: _MentionIndex) -> tuple[ActorMention, int] | None:
    """ "رئيس الوزراء X خلال مؤتمر صحفي مع Y:" on a line of its own, then his words one a line, each
    after a bullet: a heading that opens with the speaker and tells no reporting of its own."""
    norms = doc.token_norms
    last = sentence.last - 1
    if norms[last] != ":" or last - sentence.first > _HEADING_WORDS or sentence.index + 1 >= len(doc.sentences):
        return None
    items = doc.sentences[sentence.index + 1]
    if norms[items.first] not in ITEM_MARKS or any(c.payload.kind == "verb" for c in reporting_cues_in(doc, sentence)):
        return None  # ("وقال الوزير في المؤتمر:" is read as the words announced)
    person = next((m for m in index.all if sentence.first <= m.head < last and m.type == PERSON and m.key), None)
    if person is None or not person.named or person.head - sentence.first > 3:
        return None
    start = doc.tokens[sentence.first].start
    if start > 0 and "\n" not in doc.text[max(0, start - 3) : start]:
        return None  # the heading is a line of its own
    return person, sentence.last


_RELEASE_WORDS = frozenset(
    tuple(normalize(w).split()) for w in ("بيان صحفي", "بيان صحافي", "بيان", "بيان إعلامي", "تصريح صحفي", "تصريح")
)


_RELEASE_HEADS = frozenset(words[0] for words in _RELEASE_WORDS)


def _release_header(doc, sentence: Sentence, index: _MentionIndex) -> tuple[ActorMention, int] | None:
    """ "بيان صحفي" / "المتحدث باسم وزارة الخارجية نيد برايس" / a date, each on a line of its own, then the
    text: a press release whose words, from the first line after a blank one, are the person's own;
    (the person, the token his words start at)."""
    norms = doc.token_norms
    if _RELEASE_HEADS.isdisjoint(norms[sentence.first : sentence.last]):
        return None  # (most sentences: no need to look at their lines)
    line_starts = [k for k in range(sentence.first + 1, sentence.last) if "\n" in _gap_before(doc, k)]
    lines = list(zip([sentence.first, *line_starts], [*line_starts, sentence.last], strict=True))
    for (first, last), (p_first, p_last) in itertools.pairwise(lines):
        if tuple(norms[first:last]) not in _RELEASE_WORDS:
            continue
        person = index.by_last.get(p_last)
        if person is None or person.type != PERSON or not person.named or person.head != p_first:
            return None
        blank = next((k for k in range(p_last, sentence.last) if "\n\n" in _gap_before(doc, k)), None)
        return (person, blank) if blank is not None and blank < sentence.last - 3 else None
    return None


def _release_lines(doc, sentence: Sentence, index: _MentionIndex, release):
    """A press release's heading told line by line: "بيان صحفي", then its spokesman's office and name
    alone on the next line; (the line of "بيان صحفي", the spokesman once his line is read)."""
    norms = doc.token_norms
    if tuple(norms[sentence.first : sentence.last]) in _RELEASE_WORDS:
        return sentence.index, None
    if release[0] == sentence.index - 1 and release[1] is None:
        person = index.by_last.get(sentence.last)
        if person is not None and person.type == PERSON and person.named and person.head == sentence.first:
            return release[0], (person.key,)
        return -9, None
    return release


def _gap_before(doc, k: int) -> str:
    """The text between token k and the one before it."""
    return doc.text[doc.tokens[k - 1].end : doc.tokens[k].start]


def _transcript_turn(doc, sentence: Sentence, index, label, turn, drafts: list[StatementDraft]):
    """The words of a transcript's turn: from its label to the next label, every sentence the speaker's
    own, until one reports or tells something (a reporting word) or the turn grows too long."""
    if label is not None:
        person, first = label
        speakers, opened, cue, speaker_first = (person.key,), sentence.index, person.first, person.head
    else:
        speakers, opened = turn
        first, cue, speaker_first = sentence.first, sentence.first, -1
        while first < sentence.last - 1 and doc.token_norms[first] in _ITEM_OPENERS:
            first += 1  # "▪️ نتمسك بعدم السماح ...": the words after the item's bullet
        if sentence.index - opened > _TURN_SENTENCES or reporting_cues_in(doc, sentence):
            return None
        if "http" in doc.text[sentence.start : sentence.end]:
            return None  # "للاطلاع على النص الأصلي: https://...": the page's own lines after the words
    start, end = doc.tokens[first].start, doc.tokens[sentence.last - 1].end
    while end > start and doc.text[end - 1] in "،,.:؛ ":
        end -= 1
    if len(doc.text[start:end].split()) >= _MIN_WORDS:
        drafts.append(StatementDraft(speakers, start, end, True, sentence.index, cue, None, speaker_first))
    return speakers, opened


_ITEM_OPENERS = ITEM_MARKS | {"\ufe0f"}  # (the emoji form a bullet may carry is a token of its own)


_TEXT_BELOW = frozenset(normalize(w) for w in ("نصه", "نصها", "يلي", "التالي", "الآتي", "التالية", "الآتية", "النحو"))


def _author_of_text_below(norms, index: _MentionIndex, sentence: Sentence) -> ActorMention | None:
    """ "عممت الوزارة تصريحاً لوزير الخارجية X – جاء نصه على هذا النحو:": a line that announces a
    statement's text below it, and whose statement it is."""
    if sentence.last - sentence.first < 4 or norms[sentence.last - 1] != ":":
        return None
    if not any(norms[k] in _TEXT_BELOW for k in range(max(sentence.first, sentence.last - 7), sentence.last)):
        return None
    frame = next((k for k in range(sentence.first, sentence.last)
                  if not _FRAME_NOUNS.isdisjoint(clitic_stems(norms[k].removesuffix("ا").removeprefix("ال")))),
                 None)  # fmt: skip
    if frame is None:
        return None
    def author(m) -> bool:
        return m.type in (PERSON, ORGANIZATION) and (m.type != PERSON or m.named) and not _is_news_agency(m.key)

    after = next((m for m in index.all if frame < m.head < sentence.last and author(m)), None)
    # "ألقى الرئيس X مع رئيس قبرص الكلمة الآتية:": the subject before the frame gave it
    return after or next((m for m in index.all if sentence.first <= m.head < frame and author(m)), None)


_ACCORDING_TO = _ATTRIBUTION - {normalize("نقلا")}  # ("نقلاً عن": quoted from a source, not whose words)
_THAT_WORDS = frozenset(normalize(w) for w in ("فإن", "فان", "إن", "ان", "أن"))


def _attributed_opening(doc, sentence, index: _MentionIndex, words_end: int) -> StatementDraft | None:
    """ "ووفقاً للمتحدث باسم الرئاسة X، ركزت المباحثات على ..."، "وبحسب الوزير X فإن ...": a sentence
    that opens by naming whom it follows gives that speaker's words, up to `words_end` (its first
    reporting word, whose words are its own)."""
    norms = doc.token_norms
    k = sentence.first
    word = norms[k][1:] if norms[k][:1] == "و" and norms[k][1:] in _ACCORDING_TO else norms[k]
    if word not in _ACCORDING_TO or k + 2 >= sentence.last:
        return None
    j = k + 1 + (norms[k + 1] in ("ل", "لـ"))
    if norms[j] in _FRAME_NOUNS:
        j += 1  # "وحسب بيان لوزير الاتصال ...، فإن": the statement of the one named after it
    speaker = index.by_first.get(j)
    if speaker is None or speaker.type not in (PERSON, ORGANIZATION, COUNTRY) or speaker.head != j:
        return None
    if _is_outlet(norms, speaker) or _is_news_agency(speaker.key):
        return None  # "وبحسب وكالة الأنباء": where the news came from, no one who said it
    pos = speaker.last
    if pos + 1 < sentence.last and norms[pos] in ("،", ","):
        named = index.by_first.get(pos + 1)
        if named is not None and named.key == speaker.key:
            pos = named.last  # "لوزير الاتصال الناطق باسم الحكومة، السيد X،": the office, then its holder
    while pos < sentence.last and (norms[pos] in ("،", ",") or norms[pos] in _THAT_WORDS):
        pos += 1
    if words_end <= pos + 1:
        return None  # "وبحسب الوزير، أكد ...": the reporting verb gives the words
    start, end, direct = _span(doc, pos, words_end)
    if end <= start or len(doc.text[start:end].split()) < _MIN_WORDS:
        return None
    return StatementDraft((speaker.key,), start, end, direct, sentence.index, k, speaker_first=j)


def _issued(doc, sentence, cue, next_cue, index, last_speaker):
    """ "وجاء في بلاغ صادر عن وزارة الخارجية أن ...": the issuer named in the phrase speaks; "جاء في
    كلمته" the speaker before; else a country or body the words open with ("أن المملكة تعتبر ...")."""
    norms = doc.token_norms
    start_token = _words_start(doc, sentence, cue.last, cue.payload, next_cue, index)
    if start_token is None or start_token <= cue.last or start_token >= sentence.last:
        return None, None  # (nothing after "جاء في البيان:" where the page is cut off)
    issuer = next(
        (m for k in range(cue.last, start_token)
         if (m := index.by_first.get(k)) is not None and not m.in_title and m.first not in index.seats),
        None,
    )  # ("جاء في بيان الكرملين:" tells what was done, which the people it names did)
    if issuer is not None:
        speakers = (issuer.key,)
    elif norms[cue.last].endswith(("ه", "ها")) and norms[cue.last] not in ("بيانه",) and last_speaker:
        speakers = last_speaker  # "وجاء في كلمته"
    else:
        # 'أن "الصين تقدر ..."': the words may open with a quotation mark before the country
        first_word = start_token + 1 if norms[start_token] in _QUOTE_MARKS else start_token
        opening = index.by_first.get(first_word)
        if opening is None or opening.type not in (COUNTRY, ORGANIZATION) or _is_outlet(norms, opening):
            return None, None
        speakers = (opening.key,)
    if speakers[0] not in (GROUP, OTHER, EVERYONE, GUESTS) and _is_news_agency(speakers[0]):
        return None, ()
    end_token = _words_end(doc, sentence, start_token, next_cue)
    start, end, direct = _span(doc, start_token, end_token)
    if end - start <= 0 or len(doc.text[start:end].split()) < (_MIN_QUOTED_WORDS if direct else _MIN_WORDS):
        return None, speakers
    return StatementDraft(speakers, start, end, direct, sentence.index, cue.first), speakers


def _announced_words(doc: Document, sentence: Sentence, speakers, cues) -> StatementDraft | None:
    """The sentence after "وأضاف:" at a line's end: the words, quoted or not, up to a reporting word."""
    end_token = cues[0].first if cues else sentence.last
    start, end, direct = _span(doc, sentence.first, end_token)
    if end - start <= 0 or len(doc.text[start:end].split()) < (_MIN_QUOTED_WORDS if direct else _MIN_WORDS):
        return None
    return StatementDraft(speakers, start, end, direct, sentence.index, sentence.first)


def _cue_counts(doc: Document, cue, index: _MentionIndex | None = None) -> bool:
    """A reporting word in quotation marks is the speaker's own, unless a quoted communiqué reports
    someone it names; one right after "التي"/"الذي" ("المشاورات التي دعت إليها") describes something
    rather than reports it; only و/ف before a verb."""
    norms = doc.token_norms
    quote = doc.quote_at(doc.tokens[cue.first].start)
    if quote is not None and not (
        index is not None and (_reported_in_quote(doc, cue, quote, index) or _opens_quote(doc, cue, quote, index))
    ):
        return False
    if cue.clitic and norms[cue.first][: cue.clitic] not in ("و", "ف"):
        return False
    if new_ones(norms, cue):
        return False  # "تسلم أوراق اعتماد سفراء جدد": new ones, not "renewed"
    if cue.first > 0 and not cue.clitic and norms[cue.first - 1] in _ASIDES:
        return False  # "حسب ما أفادت الوكالة"، "ما صرح به": names a source or what was said, reports nothing
    if cue.first > 0 and norms[cue.first - 1] in _PASSIVE_HEADS and cue.payload.kind == "noun":
        return False  # "إنه خلال اللقاء جرى تأكيد ..."، "تم التأكيد على": inside the words, no speaker of its own
    sentence_end = doc.sentences[doc.tokens[cue.first].sentence].last
    if cue.payload.takes == {"an_about"} and not _expresses(doc, cue, sentence_end, index):
        return False  # "عبر تقنية الفيديو": "via", not "expressed"
    if cue.payload.takes == {"ala"} and "علي" not in norms[cue.last : sentence_end]:
        return False  # "اثني عشر شهراً": "twelve", not "praised"
    if cue.first > 1 and not cue.clitic and norms[cue.first - 1] == "كما" and norms[cue.first - 2][:1].isalnum():
        # "نهج قطر كما يؤكد الأمير يتركز في ...": an aside inside the words, unless it reports words of its own
        following = norms[cue.last : cue.last + 10]
        return any(n in _COMPLEMENTIZERS or n == ":" for n in following)
    if _describes(doc, cue):
        return False
    if cue.first > 0 and _is_relative(norms[cue.first - 1]):
        # "المشاورات التي دعت إليها": describes; "ميقاتي، الذي أكد ... أن"، "الزيارة التي دعا خلالها إلى": reports
        following = norms[cue.last : cue.last + 8]
        if following[:1] and following[0] in _DURING:
            return True
        antecedent = cue.first - 2 - (cue.first > 2 and norms[cue.first - 2] in ("،", ","))
        person = index.by_last.get(antecedent + 1) if index is not None else None
        if person is not None and person.type == PERSON:
            return True  # "السفير وليد بخاري، الذي لفت إلى حرص بلاده": a person's relative clause reports
        return any(n in _COMPLEMENTIZERS or n == ":" for n in following)
    return True


def _expresses(doc: Document, cue, sentence_end: int, index: _MentionIndex | None) -> bool:
    """ "أعرب/عبّر X عن": عن right after the verb or after its subject; "عبر الحوار" is "through"."""
    norms = doc.token_norms
    if "عن" not in norms[cue.last : sentence_end]:
        return False
    if cue.phrase[0] != "عبر":
        return True  # "أعرب" means nothing else
    k = _skip(doc, cue.last, sentence_end, index)
    if k >= sentence_end:
        return False
    word = norms[k]
    subject = (index is not None and k in index.by_first) or titles().longest_at(norms, k) is not None
    groups = word in GROUP_WORDS or word in _PLURAL_GROUPS or word in _GUEST_GROUPS
    return word == "عن" or subject or groups or word in _BODY_HEADS


def _reported_in_quote(doc: Document, cue, quote, index: _MentionIndex) -> bool:
    """ 'وقالت الرئاسة في بيان: "... وأكد الرئيس عون أن ..."': a communiqué quoted at length reports what
    someone it names said; the verb counts when that one is named right after it and the words follow."""
    norms = doc.token_norms
    if len(doc.text[quote.start : quote.end].split()) < _COMMUNIQUE_WORDS:
        return False
    if cue.payload.kind == "participle":
        # '"وأعرب الرئيس عن شكره ...، مؤكداً تلبيتها": goes on from a verb the communiqué reports before it
        first = cue.first
        while first > 0 and doc.tokens[first - 1].start >= quote.start:
            first -= 1  # (back to the quotation's first word)
        return any(
            other.payload.kind == "verb" and _reported_in_quote(doc, other, quote, index)
            for other in reporting_cues().scan(norms, first, cue.first)
        )
    if cue.payload.kind != "verb":
        return False
    inside = next((t.index for t in doc.tokens[cue.first :] if t.start >= quote.end), len(norms))
    subject = index.by_first.get(_skip(doc, cue.last, inside, index))
    # ("وأعرب الرئيس"، "كما عبر فخامته": an office or an honorific the article ties to a person speaks too)
    if subject is None or (subject.type != PERSON and not subject.named):
        return False
    if _is_outlet(norms, subject) or _is_news_agency(subject.key):
        return False
    if "direct" in cue.payload.takes:
        return True  # '"وجدد الملك بهذه المناسبة تضامنه ..."': a stance taken, its words right after
    following = norms[subject.last : min(inside, subject.last + 6)]
    return any(n in _COMPLEMENTIZERS or n in (":", "علي", "الي", "عن") for n in following)


def _describes(doc: Document, cue) -> bool:
    """ "مشاريع قرارات تدعو إلى وقف النار": a present-tense verb right after a common noun, with no و
    before it, describes that noun (a clause standing for "التي تدعو") rather than reports."""
    norms = doc.token_norms
    word = cue.phrase[0]
    if cue.clitic or cue.payload.kind != "verb" or word[:1] not in ("ي", "ت") or cue.first == 0:
        return False
    before = norms[cue.first - 1]
    sentence = doc.sentences[doc.tokens[cue.first].sentence]
    if cue.first - 1 < sentence.first or not before[:1].isalpha() or before.startswith("ال"):
        return False  # "الصين تدعو": a definite subject before its verb reports
    return not gz.name_index().longest_at(norms, cue.first - 1, cue.first) and before not in everyday_words()


_ALREADY = frozenset(normalize(w) for w in ("لقد", "قد", "ولقد"))


def _inside_words(doc: Document, previous, cue, index) -> bool:
    """ "وأضاف أن الحوار الذي جرى أكد عمق العلاقات": a verb whose subject is a thing said (the talks,
    the visit) inside what the previous cue reports is part of the words, not a statement of its own."""
    norms = doc.token_norms
    if (
        cue.payload.kind == "verb" and norms[cue.first - 1] in _ALREADY and cue.first - 1 > previous.last
        and ":" in norms[previous.last : cue.first - 1]
    ):
        return True  # "كتب الرئيس على حسابه: لقد حذرت سابقاً من ...": he speaks of himself in his words
    if cue.clitic or cue.payload.kind != "verb" or norms[cue.first - 1] in ("،", ",", ":"):
        return False
    if norms[cue.first - 1] in _PRONOUN_COMPLEMENTIZERS and cue.first - 1 >= previous.last:
        return True  # "مؤكداً أنه دعا شي إلى زيارة ...": "he" is the speaker, the name after is whom he called on
    opening = next((k for k in range(cue.first - 1, previous.last - 1, -1) if norms[k] in _COMPLEMENTIZERS), None)
    if opening is None or cue.first - opening > 7:
        return False
    between = range(opening + 1, cue.first)
    if any(norms[k] in ("،", ",") or k in index.by_first for k in between):
        return False
    return _skip(doc, cue.last, len(norms), index) not in index.by_first


_OCCASION_OPENINGS = frozenset(normalize(w) for w in ("جاء", "وجاء", "يأتي", "ويأتي", "وجاءت", "جاءت", "وتأتي", "تأتي"))


def _tells_the_occasion(norms, sentence: Sentence) -> bool:
    """ "جاء ذلك في مؤتمر صحفي عقده الخميس"، "وجاءت تصريحاته خلال ...": where the words just given were
    said, which keeps their speaker for the paragraph after."""
    first = sentence.first
    if first + 2 >= sentence.last or norms[first] not in _OCCASION_OPENINGS:
        return False
    if norms[first + 1].startswith(("تصريح", "كلام", "حديث")):
        return True
    # not "جاء ذلك انطلاقاً من موقف ...": why it was done, not where it was said
    return norms[first + 1] in _BACK_REFERENCES and norms[first + 2] in _OCCASION_WORDS


_OCCASION_WORDS = frozenset(normalize(w) for w in ("في", "خلال", "لدى", "عقب", "أثناء", "ضمن", "على", "بعد", "أمام"))


def _object_of_verb(doc: Document, previous, cue, index) -> bool:
    """ "جدد وزير الخارجية، الأمير X، تأكيد مواقف بلاده": a reporting noun right after the speaker of a
    verb that takes its words directly opens those words; it is no statement of its own."""
    if cue.payload.kind != "noun" or previous.payload.kind != "verb" or "direct" not in previous.payload.takes:
        return False
    norms = doc.token_norms
    end = cue.first
    while end > previous.last and norms[end - 1] in ("،", ","):
        end -= 1
    if end == previous.last:
        return True
    speaker = index.by_first.get(_skip(doc, previous.last, end, index))
    return speaker is not None and speaker.last == end


_SEATS = tuple(normalize(w) for w in ("قصر", "البيت", "الكرملين"))


def _seat_of_power(key: str) -> str:
    """ "البيت الأبيض"، "الكرملين"، "قصر الإليزيه": a palace that stands for its state's leadership."""
    known = gz.known(key)
    if known is None or known.kind != "venue" or not known.country:
        return ""
    return f"country:{known.country}" if normalize(known.label).startswith(_SEATS) else ""


class _MentionIndex:
    def __init__(self, mentions: Sequence[ActorMention]):
        self.by_first: dict[int, ActorMention] = {}
        self.by_last: dict[int, ActorMention] = {}
        self.all = [m for m in mentions if m.key]
        # offices the article never ties to a named person ("وأضاف المتحدث الرسمي"): someone unknown
        self.references = [m for m in mentions if m.type == PERSON and not m.key and not m.named and m.number == 1]
        self.unresolved = {m.head for m in self.references}
        # offices in the plural ("وزراء خارجية الدول الثلاث"), by where they start
        self.plurals = {m.head: m for m in mentions if m.type == PERSON and not m.key and not m.named and m.number > 2}
        self.seats: set[int] = set()  # where a palace that speaks for its state is named
        for mention in self.all:
            if mention.type == PLACE and (state := _seat_of_power(mention.key)):
                # "وقال البيت الأبيض إن"، "وكان الكرملين أعلن": the seat speaks for its state
                mention = mention._replace(type=ORGANIZATION, key=state)  # (masculine: "قال البيت الأبيض")
                self.seats.add(mention.first)
            if mention.type not in (PERSON, ORGANIZATION, COUNTRY):
                continue
            self.by_first.setdefault(mention.head, mention)
            self.by_first.setdefault(mention.first, mention)
            held = self.by_last.get(mention.last)
            if held is None or mention.head <= held.head or held.type == PLACE:
                self.by_last[mention.last] = mention  # "أمير الكويت جدد": the office, not its country

    def named_after(self, head: int, norms=None) -> ActorMention | None:
        """The named person right after an office that was read on its own, or after the body it
        serves ("الممثلة العليا للشؤون الخارجية ... في الاتحاد الأوروبي كايا كالاس")."""
        end = next((m.last for m in self.references if m.head == head), None)
        if end is None:
            return None
        for k in range(end, end + 8 if norms is not None else end + 1):
            if norms is not None and k < len(norms) and (norms[k] in ("،", ",", ":") or norms[k] in _COMPLEMENTIZERS):
                return None
            found = self.by_first.get(k)
            if found is not None and found.type == PERSON:
                return found if found.named else None
        return None

    def actor_before(self, token: int, floor: int, kinds=(PERSON, ORGANIZATION, COUNTRY)) -> ActorMention | None:
        found = [m for m in self.all if floor <= m.head and m.last <= token and m.type in kinds and not m.in_title]
        return found[-1] if found else None


def _statement_at(
    doc, sentence, cue, next_cue, index, last_speaker, last_feminine=False, first_cue=False, after_next=None,
    told_of=None,
):
    """(draft or None, speaker or None): the speaker is returned even when no draft is made. Words that
    open with another's reporting ("قال السفير إن البرهان أبدى ...") run on to the cue after next, in a
    draft that yields to the inner reporting's own. `told_of`: the person the sentences before were about."""
    norms = doc.token_norms
    info: ReportingCue = cue.payload
    if cue.last < sentence.last and norms[cue.last] in _BACK_REFERENCES:
        # "صرح بذلك وانغ عندما ...": the words were given before; only who spoke, and where, is new
        # the one who said it is named after, or is the speaker of the words just reported
        subject = index.by_first.get(_skip(doc, cue.last + 1, sentence.last, index))
        said_it = (subject.key,) if subject is not None and subject.type == PERSON else last_speaker
        if not said_it:
            return None, None
        return StatementDraft(said_it, 0, 0, False, sentence.index, cue.first), None
    if "issued" in info.takes:
        return _issued(doc, sentence, cue, next_cue, index, last_speaker)
    pos = _skip(doc, cue.last, sentence.last, index)
    speakers: tuple[str, ...] | None = None
    speaker_first = -1
    in_relative = False
    carried = False  # the speaker is only the one the sentences before were about
    subject = index.by_first.get(pos)
    told = None
    if subject is not None and _said_to(doc, subject):
        # "وقال لقناة الميادين إن"، "وقال للرئيس الأسد إن": whom he told, the speaker is not named here
        told, pos = subject, _skip(doc, subject.last, sentence.last, index)
        subject = index.by_first.get(pos)
    if subject is None and pos < sentence.last and norms[pos] in _LATTER:
        subject = index.actor_before(cue.first, 0, (PERSON,))  # "بينما أشار الأخير": the person named last
        if subject is not None:
            subject = subject._replace(first=pos, last=pos + 1, title_first=-1)
    if subject is not None and _is_outlet(norms, subject):
        return None, ()
    named_before = index.by_last.get(cue.first)
    if subject is not None and "object" in info.takes and named_before is not None and named_before.type == PERSON:
        subject = None  # "إن هنية أطلع الرئيس أردوغان على": named before the verb, the one after is told
    if subject is not None and subject.type == COUNTRY and not _feminine(cue) and info.kind == "verb":
        subject = None  # "ودعا إسرائيل إلى ...": a country takes a feminine verb, so here it is called on
    if subject is not None and subject.type != PERSON and cue.phrase[0] in _DESCRIBING and (
        subject.last < sentence.last and norms[subject.last].startswith("ب")
    ):
        subject = None  # "وصفت موريتانيا بأنها شريك مهم": the country described, not who describes it
    embedded = _embedded_subject(doc, index, cue, sentence) if info.kind == "participle" else None
    if embedded is not None:
        # "قالت الوكالة إن نائب الوزير رحب بالضيف، مؤكداً ...": the one the reported clause is about
        speakers = (embedded.key,)
    elif info.kind == "participle" and subject is not None and subject.type == PERSON and not subject.named:
        # "مؤكداً سموه وقوف ...": the honorific pronoun after the participle says who speaks
        speakers, speaker_first, pos = (subject.key,), pos, subject.last
    elif info.kind == "participle" and _plural_participle(cue):
        # "أعرب السفراء عن ...، معبرين عن"، "استعرض الجانبان ...، مؤكدين": a group speaks, never one person
        speakers = _group_speaking(norms, cue, sentence, last_speaker)
    elif info.kind == "participle" or (info.kind == "noun" and cue.phrase[0].startswith("بال")):
        # "مؤكداً أن"، "بررت ... بالقول:": the one the sentence is about
        # ("بدوره هنأ X ...، مشيراً إلى": the person the sentence opens with, not the last speaker)
        own = _sentence_subject(index, cue, sentence, norms) if first_cue and info.kind == "participle" else None
        speakers = own or (
            last_speaker
            if info.kind == "participle" and last_speaker and not _singular_after_group(norms, cue, last_speaker)
            else _sentence_subject(index, cue, sentence)
        )
    elif subject is not None:
        speakers, speaker_first, pos = (subject.key,), pos, subject.last
        partner = index.by_first.get(pos) if cue.phrase[0].endswith("ا") and info.kind == "verb" else None
        if partner is not None and partner.type == PERSON and norms[pos].startswith("و") and partner.key != subject.key:
            speakers, pos = (subject.key, partner.key), partner.last  # "وأكدا أوغلو وبوقادوم على": both speak
        if norms[pos : pos + 1] and norms[pos] in GROUP_WORDS:
            pos += 1
    elif (plural := index.plurals.get(pos)) is not None and plural.start == doc.tokens[pos].start:
        # "وأكد وزراء خارجية الدول الثلاث ..."، "وأعرب السفراء الجدد عن ...": an office in the plural
        # speaks for all who took part in the meeting at hand, or for the envoys it received; one that
        # names its states speaks for them ("وأكد وزراء خارجية أستراليا وسريلانكا"); (not "أكد للسفراء":
        # whom he told)
        states = tuple(m.key for m in index.all if m.type == COUNTRY and plural.first <= m.first < plural.last)
        if states:
            group = _persons_of_countries(index, states, cue.first) or states
        elif normalize(plural.role).partition(" ")[0] in _GUEST_OFFICES:
            group = (GUESTS,)
        else:
            group = (EVERYONE,)
        speakers, speaker_first, pos = group, pos, _past_group_adjectives(norms, plural.last, sentence.last)
    elif pos in index.unresolved and index.named_after(pos, norms) is None:
        return None, ()
    elif pos in index.unresolved:
        subject = index.named_after(pos, norms)  # "الوزير المقداد": the office, then the name read on its own
        speakers, speaker_first, pos = (subject.key,), pos, subject.last
    elif pos < sentence.last and norms[pos] in GROUP_WORDS:
        nisbas = _group_nisbas(norms, pos + 1, sentence.last)
        # "وشدد الوزيران اليمني والسوري": the two ministers the article named, not their countries
        people = _persons_of_countries(index, nisbas, cue.first) if norms[pos] not in _SIDES else ()
        speakers, speaker_first, pos = people or (GROUP, *nisbas), pos, pos + 1
    elif pos < sentence.last and norms[pos] in _PLURAL_GROUPS:
        speakers, speaker_first, pos = (EVERYONE,), pos, _past_group_adjectives(norms, pos + 1, sentence.last)
    elif pos < sentence.last and norms[pos] in _GUEST_GROUPS:
        speakers, speaker_first, pos = (GUESTS,), pos, _past_group_adjectives(norms, pos + 1, sentence.last)
    elif pos + 1 < sentence.last and norms[pos] in _ONE_SIDE and (side := _group_nisbas(norms, pos + 1, pos + 2)):
        # "أعرب الجانب الروسي عن أمله": the side speaks for its state
        speakers, speaker_first, pos = side, pos, pos + 2
    elif pos + 1 < sentence.last and norms[pos] in _SAME_SOURCE[0] and norms[pos + 1] in _SAME_SOURCE[1]:
        if not last_speaker:
            return None, ()
        speakers, pos = last_speaker, pos + 2
    elif (body := _communique_issued_before(norms, index, pos, cue)) is not None:
        speakers, speaker_first, pos = (body.key,), pos, pos + 1  # "وأضاف البيان أن": the one who issued it
    elif (body := _body_named_before(norms, index, pos, cue)) is not None:
        speakers, speaker_first, pos = (body.key,), pos, pos + 1
    elif (issuer := _statement_issuer(norms, index, pos, sentence)) is not None:
        speakers, speaker_first, pos = (issuer.key,), pos, issuer.last
    elif pos < sentence.last and (bureau := _bureau_of(norms, index, pos)) is not None:
        speakers, speaker_first, pos = (bureau.key,), pos, bureau.last  # "نفى المكتب الإعلامي لرئيس الحكومة X"
    elif (
        pos + 1 < sentence.last and norms[pos] in _THE_COMMUNIQUE
        and (norms[pos + 1] in _COMPLEMENTIZERS or norms[pos + 1] in (":", "،", ","))  # (not "البيان الأوروبي")
        and last_speaker and last_speaker[0].startswith(("person:", "org:", "country:"))
    ):
        speakers, pos = last_speaker, pos + 1  # "نفى مكتب X ... واعتبر البيان أن": the denial's own communiqué
    elif pos < sentence.last and (_not_speaker(norms, pos) or norms[pos] in _BODY_HEADS):
        return None, ()
    else:
        # "الرئيس السيسي أكد": named right before the verb; not before "وأكد", which goes on from an earlier verb
        # ("أما العالول فأكد": ف after a subject put first counts too)
        before = index.by_last.get(cue.first) if not cue.clitic or norms[cue.first][:1] == "ف" else None
        if before is None and not cue.clitic:
            # "لافروف بدوره شدد على"، "الوزير من جهته أكد": the subject, then "for his part", then the verb
            aside = _for_his_part_before(norms, cue.first, sentence.first)
            before = index.by_last.get(aside) if aside is not None else None
        if before is not None and before.head > sentence.first and _governed(doc, before):
            # "الوزير عطاف في لقائه بنظيره التونسي أبدى ...": the one he met, not who spoke
            governed = before
            before = index.by_first.get(_skip(doc, sentence.first, cue.first, index))
            before = before if before is not None and before.type == PERSON and before.last < cue.first else None
            if before is None and said_during_it(norms, cue, len(norms)):
                # "أجرى السلطان اتصالاً بأخيه الشيخ تميم أعرب خلاله عن": who made the call speaks
                first = next((m for m in index.all if m.type == PERSON and sentence.first <= m.head < cue.first
                              and not m.in_title and m is not governed), None)  # fmt: skip
                before = first if first is not None and first.head < governed.first else None
        called_from = before is not None and any(
            m.key == before.key and sentence.first < min(m.head, m.first) < cue.first
            and norms[min(m.head, m.first) - 1] == "من"
            for m in index.all
        )  # "تلقى X اتصالاً من Y، office، أدان خلاله": Y made the call and speaks in it
        if before is not None and not cue.clitic and said_during_it(norms, cue, len(norms)) and not called_from:
            # "أجرى X مكالمة مع Y عبّر فيها عن": who made the call speaks in it, not the one just named
            maker = next((m for m in index.all if m.type == PERSON and m.key and sentence.first <= m.head < cue.first
                          and not m.in_title and m.key != before.key), None)  # fmt: skip
            before = maker if maker is not None and maker.last <= before.first else before
        if before is None and not cue.clitic and cue.first - 1 > sentence.first and norms[cue.first - 1] in ("،", ","):
            before = _named_then_office(norms, index, cue.first - 1, sentence.first)  # "أنور قرقاش، المستشار ...، قال"
        if before is None and cue.first - 1 > sentence.first and norms[cue.first - 1] in _OPENING_MARKS:
            before = _person_ending(index, cue.first - 1, sentence)  # 'فإن أمير قطر " أكد للرئيس ...
        if before is None and cue.first - 1 > sentence.first and norms[cue.first - 1] in ("قد", "وقد"):
            before = index.by_last.get(cue.first - 1)  # "وكان غروندبرغ قد قال"
        framed = _framed_speaker(norms, index, cue, sentence)
        if before is None and not cue.clitic and any(r.last == cue.first for r in index.references):
            return None, ()  # "نقلت رويترز عن المتحدث باسم الحكومة البريطانية قوله": someone unknown speaks
        if before is not None and before.head >= sentence.first:
            speakers, speaker_first = (before.key,), before.head
        elif framed is not None:
            speakers = (framed.key,)
        elif _issuer(norms, cue, sentence):
            group = next((k for k in range(sentence.first, cue.first) if norms[k] in GROUP_WORDS), None)
            if group is not None:  # "وأصدر الجانبان السعودي والإيراني بياناً أعلنا فيه"
                speakers = (GROUP, *_group_nisbas(norms, group + 1, sentence.last))
            else:
                actor = _issuer_of(norms, index, cue, sentence)
                speakers = (actor.key,) if actor else None
        elif _after_relative(norms, cue.first, sentence.first):
            person = index.actor_before(cue.first, sentence.first, (PERSON,))
            speakers = (person.key,) if person else None
            in_relative = True
        elif _after_turn(norms, cue.first, sentence.first):
            speakers = (OTHER,)
        elif cue.first > sentence.first and norms[cue.first - 1] in ("حيث", "وحيث"):
            speakers = _sentence_subject(index, cue, sentence)  # "حيث أعلن ...": the main clause's subject
        elif cue.first > sentence.first and norms[cue.first - 1] in GROUP_WORDS:
            speakers = (GROUP,)
        elif _feminine(cue) and not (_last_is_feminine(last_speaker) or last_feminine):
            actor = index.actor_before(cue.first, sentence.first, (ORGANIZATION,))
            speakers = (actor.key,) if actor else None
        else:
            # "قدّر مخبر عواطف الرئيس ... وأشار إلى": a verb joined to the sentence's first goes on with its subject
            subject = _clause_subject(doc, index, cue, sentence) if first_cue else None
            if subject is not None:
                speakers = (subject.key,)
            elif cue.phrase[0] in dual_reporting_verbs() and _two_sides_speak(norms, cue, sentence):
                speakers = (GROUP,)
            elif (
                last_speaker is None and info.kind == "verb" and not _feminine(cue)
                and _opens_sentence(norms, cue, sentence) and _words_follow(norms, pos, sentence, info)
            ):  # fmt: skip
                # "استقبل الوزير X السفير Y. وقال إن ...": a verb with no subject that opens its sentence goes
                # on with the one the sentences before were about
                speakers, carried = told_of, True
            else:
                speakers = last_speaker
    if not speakers or ("subject" in info.takes and speaker_first < 0):
        return None, None
    if speakers[0] not in (GROUP, OTHER, EVERYONE, GUESTS) and _is_news_agency(speakers[0]):
        return None, ()
    # "قال بوتين للرئيس الأسد": an addressee after ل
    target = index.by_first.get(pos)
    if told is not None:
        addressee = told.key if told.type == PERSON and told.key not in speakers else None
    elif target is not None and target.type == PERSON and norms[pos][:1] == "ل" and target.key not in speakers:
        addressee, pos = target.key, target.last
    elif "object" in info.takes:  # "أطلع ظريف الأسد على": whom he told, then what about
        if target is None or target.type != PERSON or target.key in speakers:
            return None, speakers
        addressee, pos = target.key, target.last
    else:
        addressee = None
    if "or_subject" in info.takes and (speaker_first > cue.first or _after_as_well(norms, cue)):
        # "أبرز الرئيس أهمية ..."، "كما أبرز ضرورة ...": a verb here, not "the most prominent", so its words
        # may follow without أن
        info = ReportingCue(info.phrase, info.kind, info.takes - {"that", "or_subject"})
    start_token = _words_start(doc, sentence, pos, info, next_cue, index)
    if start_token is None or start_token >= sentence.last:
        return None, speakers  # (nothing after "لفت X الانتباه إلى" where the page is cut off)
    yields = _opens_with_speaker(doc, start_token, next_cue, index)
    if yields and (after_next is None or doc.quote_at(doc.tokens[cue.first].start) is not None):
        return None, speakers
    end_token = _words_end(doc, sentence, start_token, after_next if yields else next_cue)
    if carried and _words_about_someone(index, speakers, start_token, end_token):
        return None, None  # "وأضاف أن البرهان تلقى ...": a spokesman's words about him, not his own
    if speakers and speakers[0].startswith(("org:", "country:")) and _tells_a_meeting(doc, start_token, index):
        return None, speakers  # 'وقال بيان الرئاسة إن "الرئيس استقبل ..."': the meeting, read as such
    if "bi" in info.takes and _welcomes_someone(doc, start_token, index):
        return None, speakers
    if doc.quote_at(doc.tokens[cue.first].start) is not None:
        # reported by a quoted communiqué: the words of the one it names, in the communiqué's wording
        start, end = doc.tokens[start_token].start, doc.tokens[end_token - 1].end
        while end > start and doc.text[end - 1] in "،,.:؛ \"”»":
            end -= 1
        direct = False
    else:
        start, end, direct = _span(doc, start_token, end_token)
    if "quoted" in info.takes and not direct:
        return None, speakers
    if end - start <= 0 or len(doc.text[start:end].split()) < (_MIN_QUOTED_WORDS if direct else _MIN_WORDS):
        return None, speakers
    if not direct and start_token == cue.last and _stance_verb(info) and doc.quote_at(start) is None:
        start = _after_clitic(doc, cue)  # "كما أشاد بدور الحكومة": the praise is part of what was said
    return (
        StatementDraft(
            speakers, start, end, direct, sentence.index, cue.first, addressee, speaker_first, yields, in_relative
        ),
        speakers,
    )


_EXCELLENCY = normalize("سعادة")
_AS_WELL = frozenset(normalize(w) for w in ("كما", "وكما"))
# "...، كما أبرز"، "...، حيث وصفت": words that open the next reporting verb's clause, not the words before
_NEXT_CLAUSE_OPENERS = _AS_WELL | frozenset(normalize(w) for w in ("حيث", "وحيث"))
_DESCRIBING = frozenset(normalize(w) for w in ("وصف", "وصفت"))
_ONE_SIDE = frozenset(normalize(w) for w in ("الجانب", "الطرف"))
_QUOTING_ONLY = frozenset({"colon", "quote", "subject", "about"})


def _after_as_well(norms, cue) -> bool:
    """ "كما أبرز ...": "as well" makes the word that follows a verb."""
    return cue.first > 0 and not cue.clitic and norms[cue.first - 1] in _AS_WELL


def _skip(doc: Document, pos: int, end: int, index: _MentionIndex | None = None) -> int:
    """Past fillers and honorifics between a reporting verb and its subject: "أكد سمو ولي العهد"."""
    norms = doc.token_norms
    while pos < end and (index is None or pos not in index.by_first):
        if norms[pos] in _FILLERS or norms[pos] in ("،", ","):
            pos += 1
            continue
        if norms[pos] == "(" and ")" in norms[pos + 1 : pos + 4]:
            pos = norms.index(")", pos + 1) + 1  # "دعت الصين اليوم (الجمعة) ..."
            continue
        if norms[pos] in _NAME_QUOTES and index is not None and pos + 1 in index.by_first:
            pos += 1  # 'وأكد "المنفي" على ...': a name the page sets in quote marks
            continue
        if norms[pos] == _EXCELLENCY and index is not None and pos + 1 in index.by_first:
            pos += 1  # "وأبلغ سعادة السفير": the courtesy before the office
            continue
        honorific = honorifics().longest_at(norms, pos, end, clitics=False)
        if honorific is None:
            break
        # "سمو الأمير": the honorific's last word may be the mention itself ("الأمير" standing for the emir)
        inside = next((k for k in range(pos + 1, honorific.last) if index is not None and k in index.by_first), None)
        pos = inside if inside is not None else honorific.last
    return pos


def _singular_after_group(norms, cue, last_speaker: tuple[str, ...]) -> bool:
    """ "أشاد السفراء ..." then "وتقدم الوكيل ...، معرباً عن": a singular participle goes on with the
    sentence's own subject, not with a group that spoke before."""
    return last_speaker[:1] in ((GUESTS,), (EVERYONE,), (GROUP,)) and not norms[cue.first].endswith(("ين", "ون", "ان"))


_SIDES = frozenset(normalize(w) for w in ("الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدين", "البلدان"))
# plural subjects after which a plural participle speaks for the guests ("أعرب السفراء الجدد عن ...، معبرين")
_GUEST_OFFICES = frozenset(normalize(w) for w in ("السفير", "سفير", "القنصل", "قنصل", "المبعوث", "مبعوث"))
_GUESTS_PLURAL = frozenset(normalize(w) for w in ("سفراء", "أعضاء", "ممثلو", "ممثلي", "المبعوثون"))


def _plural_participle(cue) -> bool:
    """ "مؤكدين"، "معبرين"، "مؤكدان": a participle for two or more (the singular ends in ا or ة)."""
    return cue.phrase[-1].endswith(("ين", "ان"))


def _group_speaking(norms, cue, sentence: Sentence, last_speaker: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Who a plural participle speaks for: the two sides, the guests or all present that its sentence
    names before it, else a group that spoke just before; never a single person."""
    words = norms[sentence.first : cue.first]
    if any(w in GROUP_WORDS for w in words):
        return (GROUP,)
    if any(w in _GUEST_GROUPS or w in _GUESTS_PLURAL or w[1:] in _GUESTS_PLURAL for w in words):
        return (GUESTS,)
    if any(w in _PLURAL_GROUPS for w in words):
        return (EVERYONE,)
    if last_speaker and (len(last_speaker) >= 2 or last_speaker[:1] in ((GROUP,), (GUESTS,), (EVERYONE,))):
        return last_speaker
    return None


def _persons_of_countries(index: _MentionIndex, countries: tuple[str, ...], before: int) -> tuple[str, ...]:
    """The person named last before `before` for each country, when every country has one."""
    found = []
    for country in countries:
        person = next((m.key for m in reversed(index.all) if m.type == PERSON and m.key and m.last <= before
                       and _country_of_person(m) == country), None)  # fmt: skip
        if person is None:
            return ()
        found.append(person)
    return tuple(dict.fromkeys(found)) if len(set(found)) == len(countries) else ()


def _country_of_person(mention: ActorMention) -> str:
    if mention.represents:
        return mention.represents
    known = gz.known(mention.key)
    return known.represents if known is not None else ""


def _group_nisbas(norms, k, end) -> tuple[str, ...]:
    """ "الجانبان السعودي والإيراني": the countries of the two sides."""
    found = []
    while k < end:
        nisba = gz.nisba_index().longest_at(norms, k, end)
        if nisba is None:
            break
        found.append(f"country:{nisba.payload}")
        k = nisba.last
    return tuple(found)


_OPENING_MARKS = frozenset(('"', "“", "«", "”"))


_KIN_CALLED = frozenset(normalize(w) for w in ("بأخيه", "لأخيه", "بشقيقه", "لشقيقه", "بأخيها", "لأخيها"))


def _governed(doc: Document, mention: ActorMention) -> bool:
    """A name governed by a preposition ("بنظيره"، "مع الرئيس"): the object of the words before."""
    norms, token = doc.token_norms, doc.tokens[mention.head]
    clitic = mention.first == mention.head and token.start < mention.start and norms[mention.head][:1] in "بل"
    # "اتصالاً هاتفياً بأخيه الشيخ تميم": the brother he called, before the honorific
    before_title = norms[mention.first - 1] if mention.first > 0 else ""
    return clitic or norms[mention.head - 1] == "مع" or before_title == "مع" or before_title in _KIN_CALLED


def _person_ending(index: _MentionIndex, last: int, sentence: Sentence) -> ActorMention | None:
    person = index.actor_before(last, sentence.first, (PERSON,))
    return person if person is not None and person.last == last and person.key else None


def _opens_quote(doc: Document, cue, quote, index: _MentionIndex) -> bool:
    """ 'فإن أمير قطر " أكد للرئيس بايدن ضرورة ..."': a communiqué's words quoted from the verb on,
    the speaker named right before the quotation mark."""
    norms = doc.token_norms
    if cue.payload.kind != "verb" or doc.tokens[cue.first].start > quote.start + 2 or cue.first < 2:
        return False
    if norms[cue.first - 1] not in _OPENING_MARKS:
        return False
    sentence = doc.sentences[doc.tokens[cue.first].sentence]
    return _person_ending(index, cue.first - 1, sentence) is not None


def _embedded_subject(doc, index: _MentionIndex, cue, sentence: Sentence) -> ActorMention | None:
    """The person a clause after أن/إن opens with, when a participle later in that clause goes on
    from its verb ("أن نائب وزير الخارجية رحب بالوزير، مؤكداً ...")."""
    norms = doc.token_norms
    opening = next((k for k in range(cue.first - 1, sentence.first - 1, -1) if norms[k] in _COMPLEMENTIZERS), None)
    if opening is None:
        return None
    quoted = doc.quote_at(doc.tokens[min(opening + 2, cue.first - 1)].start)
    if quoted is not None and quoted.end <= doc.tokens[cue.first].start:
        return None  # 'أن "الرئيس ماكرون أرجأ زيارته"، موضحاً': the quote is the speaker's own, closed
    for between in reporting_cues().scan(norms, opening + 1, cue.first):
        after = _skip(doc, between.last, cue.first, index)
        named = index.by_first.get(after)
        if named is not None and named.type == PERSON and norms[after][:1] not in "بل":
            return None  # "أن X تحدث ...، في حين غرد Y ... قائلا": the participle goes on from Y's verb
    subject = index.by_first.get(_skip(doc, opening + 1, cue.first, index))
    if subject is None or subject.type != PERSON or not subject.key or subject.last >= cue.first:
        return None
    verb_at = subject.last + (norms[subject.last] in ("،", ","))
    if verb_at < cue.first and norms[verb_at].startswith(_FUTURE_PREFIXES):
        return None  # "أكد X أن السفير Y سيتوجه إلى طرابلس، مشيراً": what Y will do; X goes on speaking
    return subject


_FUTURE_PREFIXES = ("سي", "ست", "سن")


def _sentence_subject(index: _MentionIndex, cue, sentence: Sentence, norms=()) -> tuple[str, ...] | None:
    """ "وسلم الرئيس عون ...، مؤكداً أن": the person the sentence is about speaks (not one met "مع",
    named in an opening phrase: "في لقائه مع نظيره X، بحث Y ...، مؤكداً")."""
    person = next(
        (m for m in index.all if m.type == PERSON and sentence.first <= m.head < cue.first and not m.in_title
         and not (norms and m.head > sentence.first and norms[m.head - 1] in ("مع", "ومع"))),
        None,
    )  # fmt: skip
    return (person.key,) if person else None


def _stance_verb(info: ReportingCue) -> bool:
    """A verb that says what stance was taken and takes its object right after it ("أشاد ب"، "جدد
    دعوته"، "أدان"): the verb is part of the words when nothing stands between them."""
    if info.kind == "participle":
        return True  # "مشيداً بجهود ..."، "معتبراً الزيارة نقطة تحول": the words follow the participle itself
    return info.kind == "verb" and ("bi" in info.takes or "direct" in info.takes)


def _after_clitic(doc: Document, cue) -> int:
    """Where the cue's word starts in the text, past a و or ف joined to it ("وأشاد" -> "أشاد")."""
    token = doc.tokens[cue.first]
    start = token.start
    if cue.clitic and doc.text[start : start + 1] in "وفبل":
        start += 1
        while start < token.end and "\u064b" <= doc.text[start] <= "\u0652":
            start += 1  # (a diacritic on the clitic)
    return start


def _words_about_someone(index: _MentionIndex, speakers, start: int, end: int) -> bool:
    """Do the words open with a person, or name the speaker himself?"""
    return any(
        m.type == PERSON and start <= m.head < end and (m.head < start + 3 or m.key in speakers) for m in index.all
    )


_WORDS_OPENINGS = (
    _COMPLEMENTIZERS | _PRONOUN_COMPLEMENTIZERS | _CIRCUMSTANTIAL | _OPENING_MARKS
    | frozenset(normalize(w) for w in (":", "عن", "إلى", "الى", "بأن", "بان", "بأنه"))
)  # fmt: skip


def _words_follow(norms, pos: int, sentence: Sentence, info: ReportingCue) -> bool:
    """"وقال إن"، "وأضاف في كلمته أن"، "كما أعرب عن"، "كما أشاد بـ": no subject stands after the verb."""
    return pos < sentence.last and (
        norms[pos] in _WORDS_OPENINGS or ("bi" in info.takes and norms[pos][:1] == "ب")
    )


_NUMBER_WORDS = frozenset(normalize(w) for w in (
    "الجدد", "الثلاثة", "الثلاث", "الأربعة", "الأربع", "الخمسة", "الستة", "السبعة", "الثمانية", "المعتمدون",
    "المعتمدين", "المشاركون", "المشاركين", "العرب", "الأجانب", "المقيمون", "المقيمين",
))  # fmt: skip


def _past_group_adjectives(norms, k: int, end: int) -> int:
    """"السفراء الجدد"، "الوزراء الثلاثة"، "وزراء خارجية الدول الثلاث": past what counts or describes them."""
    while k < end and norms[k] in _NUMBER_WORDS:
        k += 1
    return k


def _opens_sentence(norms, cue, sentence: Sentence) -> bool:
    """"وقال إن"، "كما أكد أن": the verb is the first word of its sentence (past كما)."""
    return cue.first == sentence.first or (cue.first == sentence.first + 1 and norms[sentence.first] in _AS_WELL)


def _two_sides_speak(norms, cue, sentence: Sentence) -> bool:
    """A dual verb with no subject after it speaks for the two of the meeting at hand when it opens its
    sentence ("كما شددا على") or goes on from "الجانبان" ("واستعرض الجانبان ...، وأكدا"); mid-sentence
    after other people ("الرئيس ووزير خارجيته ...، وأكدا") it speaks for those two."""
    if _opens_sentence(norms, cue, sentence):
        return True
    return any(norms[k] in GROUP_WORDS for k in range(sentence.first, cue.first))


def _clause_subject(doc, index: _MentionIndex, cue, sentence: Sentence) -> ActorMention | None:
    """The person right after the sentence's first verb ("وفي هذا الصدد، قدّر مخبر ..."), when the
    reporting verb is joined to it by و or "كما" further on ("ونقل X تقدير اليمن ...، كما أشاد بـ")."""
    norms = doc.token_norms
    joined = cue.clitic and norms[cue.first][:1] == "و"
    also = cue.first > sentence.first + 1 and norms[cue.first - 1] in ("كما", "وكما") and norms[cue.first - 2] in (
        "،", ","
    )
    if not (joined or also):
        return None
    verb = sentence.first
    comma = next((k for k in range(sentence.first, min(sentence.first + 5, cue.first)) if norms[k] in ("،", ",")), None)
    if comma is not None:
        verb = comma + 1  # past "وفي هذا الصدد،"
    if verb + 1 >= cue.first or verb in index.by_first:
        return None
    subject = index.by_first.get(_skip(doc, verb + 1, cue.first, index))
    return subject if subject is not None and subject.type == PERSON and not subject.in_title else None


def _issuer(norms, cue, sentence) -> bool:
    """ "أصدرت الرئاسة بياناً أكدت فيه": the verb's subject is whoever issued the statement."""
    following = norms[cue.last] if cue.last < sentence.last else ""
    return following in ("فيه", "فيها")


def _issuer_of(norms, index: _MentionIndex, cue, sentence: Sentence) -> ActorMention | None:
    """Who speaks "فيه/فيها": the author of a letter or cable ("رسالة من X ... أعرب فيها"), else the
    subject of the sentence, a body for a feminine verb ("أصدرت الرئاسة بياناً أكدت فيه"), a person
    for a masculine one ("أجرى X اتصالاً مع Y، أعرب فيه"); else the actor named last."""
    for k in range(sentence.first, cue.first):
        if not _MESSAGE_NOUNS.isdisjoint(clitic_stems(norms[k])):
            source = next((j for j in range(k + 1, min(k + 4, cue.first)) if norms[j] == "من"), None)
            author = next((index.by_first[j] for j in range(source + 1, min(source + 4, cue.first))
                           if j in index.by_first), None) if source is not None else None  # fmt: skip
            if author is not None:
                return author
    kinds = (ORGANIZATION, COUNTRY) if _feminine(cue) else (PERSON,)
    subject = next(
        (m for m in index.all if sentence.first <= m.head < cue.first and m.type in kinds and not m.in_title), None
    )
    return subject or index.actor_before(cue.first, sentence.first)


def _framed_speaker(norms, index: _MentionIndex, cue, sentence: Sentence) -> ActorMention | None:
    """ "وفي تصريح للمتحدث الرسمي ... أحمد حافظ، ذكر أن": the one whose statement frames the sentence."""
    opening = [k for k in range(sentence.first, min(sentence.first + 2, cue.first)) if norms[k] in ("في", "وفي")]
    if not opening or opening[0] + 1 >= cue.first or norms[opening[0] + 1] not in _FRAME_NOUNS:
        return None
    found = [
        m
        for m in index.all
        if opening[0] + 1 < m.head and m.last <= cue.first and m.type in (PERSON, ORGANIZATION) and not m.in_title
    ]
    first = found[0] if found else None
    return first if first is not None and norms[first.head].startswith("ل") else None


def _body_named_before(norms, index: _MentionIndex, pos: int, cue) -> ActorMention | None:
    """ "وقالت الخارجية": the ministry (presidency, embassy ...) the article named in full before."""
    if pos >= len(norms) or norms[pos] not in _BODY_WORDS:
        return None
    word = norms[pos]
    bare = word[2:]
    found = [
        m
        for m in index.all
        if m.type == ORGANIZATION and m.last <= cue.first and (word in m.name or (m.name and m.name[0] == bare))
    ]
    return found[-1] if found else None


_THE_COMMUNIQUE = frozenset(normalize(w) for w in ("البيان", "البلاغ"))
_COMMUNIQUE_REACH = 300  # tokens back to the body the communiqué was said to come from


_BUREAUS = frozenset(normalize(w) for w in ("المكتب", "مكتب"))
_BUREAU_KINDS = frozenset(normalize(w) for w in ("الإعلامي", "الصحفي", "الصحافي", "الخاص", "الرسمي"))


def _bureau_of(norms, index: _MentionIndex, pos: int) -> ActorMention | None:
    """ "المكتب الإعلامي لرئيس الحكومة نجيب ميقاتي"، "مكتب الرئيس X": the bureau speaks for the named
    person it serves."""
    if norms[pos] not in _BUREAUS:
        return None
    k = pos + 1 if pos + 1 < len(norms) and norms[pos + 1] in _BUREAU_KINDS else pos
    served = index.by_first.get(k + 1)
    if served is None or served.type != PERSON or served.head != k + 1 or not served.named:
        return None
    return served


def _communique_issued_before(norms, index: _MentionIndex, pos: int, cue) -> ActorMention | None:
    """ "وفق ما نشرت وزارة الخارجية السورية في بيان لها. وأضاف البيان أن": the communiqué named
    before speaks for the body that issued it (the last body written next to a communiqué)."""
    if pos >= len(norms) or norms[pos] not in _THE_COMMUNIQUE:
        return None
    for mention in reversed(index.all):
        if mention.last > cue.first or mention.type not in (ORGANIZATION, COUNTRY) or mention.in_title:
            continue
        if mention.last < cue.first - _COMMUNIQUE_REACH:
            return None
        if _issued_by(norms, mention) and not (_is_outlet(norms, mention) or _is_news_agency(mention.key)):
            return mention
    return None


def _issued_by(norms, mention: ActorMention) -> bool:
    """Is a communiqué written right next to the body: "X في بيان"، "أصدرت X بياناً"، "بيان X"،
    "بيان للخارجية"، "بيان صادر عن X"?"""
    after = norms[mention.last : mention.last + 2]
    if after[:1] and (_communique(after[0]) or (after[0] == "في" and len(after) == 2 and _communique(after[1]))):
        return True
    before = norms[max(0, mention.first - 3) : mention.first]
    return bool(before) and (
        _communique(before[-1]) or (len(before) == 3 and before[1:] == ("صادر", "عن") and _communique(before[0]))
    )


def _communique(norm: str) -> bool:
    return norm.startswith(("بيان", "بلاغ")) or (norm[1:].startswith(("بيان", "بلاغ")) and norm[0] in "وب")


_IN_HIS_ROLE = frozenset(normalize(w) for w in ("بدوره", "بدورها"))
_FOR_HIS_PART = _IN_HIS_ROLE | frozenset(normalize(w) for w in ("جهته", "جهتها", "جانبه", "جانبها"))  # after من


def _for_his_part_before(norms, first: int, floor: int) -> int | None:
    """Where "بدوره"، "من جهته"، "من جانبه" starts right before token `first`, else None."""
    k = first - 1
    if k < floor or norms[k] not in _FOR_HIS_PART:
        return None
    if norms[k] not in _IN_HIS_ROLE:
        k -= 1
        if k < floor or norms[k] != "من":
            return None
    return k


def _feminine(cue) -> bool:
    word = cue.phrase[0]
    return word.endswith("ت") and word not in ("لفت", "التفت")


def _last_is_feminine(speakers: tuple[str, ...] | None) -> bool:
    return bool(speakers) and speakers[0].startswith(("org:", "country:"))


_ISSUED = frozenset(normalize(w) for w in ("صادر", "الصادر", "صدر"))


def _statement_issuer(norms, index: _MentionIndex, pos: int, sentence: Sentence) -> ActorMention | None:
    """ "وأوضح بيان للخارجية الجزائرية أن"، "وأفاد بيان صادر عن الرئاسة بأن": a statement a body
    issued speaks for it (not one an outlet put out)."""
    if pos + 1 >= sentence.last or norms[pos] not in COMMUNIQUE_NOUNS:
        return None
    first = pos + 1
    if norms[first] in _ISSUED and first + 2 < sentence.last and norms[first + 1] == "عن":
        first += 2
    issuer = index.by_first.get(first)
    if issuer is None or issuer.type not in (ORGANIZATION, COUNTRY) or issuer.in_title or _is_outlet(norms, issuer):
        return None
    return issuer


def _not_speaker(norms, pos) -> bool:
    return not _NOT_SPEAKERS.isdisjoint(clitic_stems(norms[pos]))


def _said_to(doc: Document, mention: ActorMention) -> bool:
    """ "لقناة الميادين"، "للرئيس الأسد": the mention carries ل, so it is whom the words were said to."""
    token = doc.tokens[mention.head]
    if not token.norm.startswith("ل"):
        return False
    if mention.title_first < 0:
        return mention.start > token.start  # the name was read past a clitic
    title = titles().longest_at(doc.token_norms, mention.head, mention.first)
    return title is not None and title.clitic > 0


def _is_outlet(norms, subject: ActorMention) -> bool:
    """An outlet the article cites ("وكالة "سانا""، "موقع روسيا اليوم"): a known news agency, or an
    organisation the gazetteer does not know whose name starts with an outlet's word."""
    if subject.type != ORGANIZATION:
        return False
    if _is_news_agency(subject.key):
        return True
    return gz.known(subject.key) is None and not _MEDIA_WORDS.isdisjoint(clitic_stems(norms[subject.head]))


def _is_news_agency(key: str) -> bool:
    known = gz.known(key)
    return known is not None and known.kind == "news-agency"


def _after_relative(norms, cue_first, floor) -> bool:
    """ "زيلينسكي الذي ألقى كلمة دعا فيها": the speaker is the person the relative clause is about."""
    window = norms[max(floor, cue_first - 4) : cue_first]
    return any(_is_relative(n) for n in window)


def _is_relative(norm: str) -> bool:
    """ "التي"، and "والتي" joining a second relative clause to the first."""
    return norm in _RELATIVES or (norm[:1] == "و" and norm[1:] in _RELATIVES)


def _after_turn(norms, cue_first, floor) -> bool:
    for words in _TURN_WORDS:
        size = len(words)
        for shift in (1, 2):  # "من جهته، أكد" has a comma between
            begin = cue_first - size - shift + 1
            if begin >= floor and tuple(_strip_waw(norms[begin + k]) for k in range(size)) == words:
                return True
    return False


def _turn_at(norms, k: int) -> int:
    """How many words "من جانبه"، "بدوره" take at k, else 0."""
    for words in _TURN_WORDS:
        if tuple(_strip_waw(n) for n in norms[k : k + len(words)]) == words:
            return len(words)
    return 0


def _strip_waw(norm: str) -> str:
    return norm[1:] if norm.startswith("و") and len(norm) > 2 and norm[1:] in ("من", "بدوره", "بدورها") else norm


def _words_in(text: str) -> int:
    """Words with letters in them: a dash or a number between is no word."""
    return sum(1 for piece in text.split() if any(c.isalpha() for c in piece))


def _words_start(doc, sentence, pos, info, next_cue, index: _MentionIndex | None = None) -> int | None:
    """The token where the words begin: after a colon, a complementizer, or a preposition the cue
    takes right after the speaker ("أعرب X عن"، "أكد X على"), or a quotation; else the words follow
    the speaker directly ("أكد الرئيس ضرورة ...", "أكد حرص الجزائر على ...")."""
    norms = doc.token_norms
    if pos < sentence.last and norms[pos] in _NAME_QUOTES and pos > 0 and norms[pos - 1] != norms[pos] and (
        doc.quote_at(doc.tokens[pos - 1].start) is not None
    ):
        pos += 1  # the mark closing a name in quote marks: 'وأكد "المنفي" على'
    while pos < min(sentence.last, next_cue) and (norms[pos] in _FILLERS or norms[pos] in ("(", *_DASHES)):
        if norms[pos] in _DASHES:
            # "وقال سموه – خلال اللقاء الذي حضره ... – إن": an aside set off by dashes
            reach = min(sentence.last, pos + _DASH_ASIDE)
            closing = next((k for k in range(pos + 1, reach) if norms[k] in _DASHES), None)
            if closing is None:
                break
            pos = closing + 1
            continue
        if norms[pos] == "(" and ")" not in norms[pos + 1 : pos + 4]:
            break
        pos = norms.index(")", pos + 1) + 1 if norms[pos] == "(" else pos + 1  # "اليوم (الجمعة)"
    # a clause of the occasion ("خلال لقائه X، على هامش ..."، "لدى استقباله ...") may stand before the words
    gap = 2 * _MAX_GAP if pos < len(norms) and norms[pos] in _CIRCUMSTANTIAL else _MAX_GAP
    limit = min(sentence.last, next_cue, pos + gap)
    takes = info.takes
    k = pos
    while k < limit:
        norm = norms[k]
        quote = doc.quote_at(doc.tokens[k].start)
        opens = quote is not None and quote.open >= doc.tokens[k].start - 1
        if opens and _words_in(doc.text[quote.start : quote.end]) > 2:  # (not "“إكس – وتابعها”": a name)
            return k  # a quotation opens here
        if norm == ":":
            return k + 1
        if norm in _COMPLEMENTIZERS:
            return _with_subjunctive(doc, k)
        if norm in ("الي", "علي") and k + 1 < limit and norms[k + 1] in _COMPLEMENTIZERS:
            return _with_subjunctive(doc, k + 1)
        # a preposition the verb takes belongs to it only next to the speaker or after an aside
        # ("أكد الرئيس في رسالته على ...": after where he said it, too)
        near = k == pos or norms[k - 1] in ("،", ",") or (k == pos + 2 and norms[pos] in _WHERE_SAID)
        if near and norm == "عن" and "an_about" in takes:
            return k + 1
        if norm == "الي" and "ila" in takes and (near or k - pos <= 4):
            return k + 1  # "دعا الدول العربية إلى دعم ...": whom he called on, then what for
        if near and norm == "علي" and "ala" in takes and norms[k + 1 : k + 2] != ("هامش",):
            return k + 1  # not "على هامش القمة": where, not what
        if near and norm == "من" and "min" in takes:
            return k + 1
        if "bi" in takes and norm.startswith("ب") and near:
            return k
        if norm in _ATTRIBUTION:  # "وفق البيان"، "بحسب مصادر": a source, then the words
            k += 2
            continue
        if norm in _CLAUSE_ENDS and not (k + 1 < limit and norms[k + 1] in _FIMA_PHRASES):
            if "direct" in takes and k > pos + 1:
                break  # "وأبدى فخامته خلال الاستقبال دعم بلاده ...، فيما": the words follow, up to the clause's end
            return None  # ("فيما يتعلق بـ": regarding, no new clause)
        if k > pos and norm in ("،", ",") and _new_clause(norms, k + 1):
            break  # "أكد X ضرورة ...، ونقل ... أن": the أن of another verb; the words follow the speaker
        k += 1
    end = min(sentence.last, next_cue)
    if k == pos + gap < end and norms[pos] in _CIRCUMSTANTIAL:
        # "وأضاف خلال لقائه X رئيس ... ضمن أعمال القمة أن ...": a long "while meeting" clause, then the words
        found = next((j for j in range(k, end) if norms[j] in _COMPLEMENTIZERS or norms[j] == ":"), None)
        if found is not None:
            return found + 1 if norms[found] == ":" else _with_subjunctive(doc, found)
    first = pos
    while first < limit and (norms[first] in ("،", ",") or norms[first] in _ATTRIBUTION or _turn_at(norms, first)):
        first += 2 if norms[first] in _ATTRIBUTION else _turn_at(norms, first) or 1  # "، من جانبه، حرص ..."
    if "issued" in takes or "that" in takes:
        return None  # "جاء في إطار ..."، "أبرز القضايا": no words without أن or a colon
    if takes <= _QUOTING_ONLY:
        return None  # "اختتم الرئيسان اجتماعاً": a verb that reports only what a colon or quote marks give
    if "ila" in takes and "direct" not in takes and index is not None:
        called = _called_to(norms, index, pos, limit)  # "دعا الاتحاد الأوروبي لإعادة النظر"
        if called is not None:
            return called
    if first >= limit or ("ila" in takes and "direct" not in takes and "bi" not in takes and "ala" not in takes):
        return None
    if norms[first] in _ABOUT and "about" in takes:
        return None  # "غرد X عن المكالمة، قائلاً إن": what he spoke about, the words come later
    return _after_occasion(norms, first, limit, index)


_DASHES = ("–", "—", "-")
_DASH_ASIDE = 40
_WHERE_SAID = frozenset(normalize(w) for w in ("في", "خلال", "عبر"))


def _after_occasion(norms, first: int, limit: int, index: _MentionIndex | None) -> int:
    """ "وثمّن في مؤتمر صحفي مشترك مع نظيره ...، الإثنين، مواقف ...": where he spoke, with whom,
    set off by a comma, and the day, are no part of the words."""
    if norms[first] not in _CIRCUMSTANTIAL or not any(
        (found := triggers().longest_at(norms, k, limit)) is not None and found.payload.pos == "noun"
        for k in range(first + 1, min(limit, first + 3))
    ):
        return first
    comma = next((k for k in range(first + 2, limit) if norms[k] in ("،", ",")), None)
    opened = any(norms[k] in ("عن", "علي", "الي") or norms[k] in _COMPLEMENTIZERS for k in range(first, comma or first))
    partner = index.by_last.get(comma) if index is not None and comma is not None else None
    if comma is None or opened or partner is None or partner.type != PERSON:
        return first  # "أعرب خلال لقائه بالسفراء عن رغبة ...": the words were opened before the comma
    k = comma
    while k < limit and (norms[k] in ("،", ",") or date_words().longest_at(norms, k, limit) is not None):
        k += 1
    return k if k < limit else first


# "وهو"، "وذلك"; "والتي طالعتها الصحيفة": an aside about the source, no clause of its own
_NOT_NEW_CLAUSE = frozenset(normalize(w) for w in ("وهو", "وهي", "وذلك", "والتي", "والذي", "والتى"))


def _new_clause(norms, k: int) -> bool:
    """ "، ونقل"، "، وبحث": a comma, then a word joined by و that is no name, source or pronoun."""
    if k >= len(norms) or not norms[k].startswith("و") or len(norms[k]) < 4:
        return False
    word = norms[k]
    if word in _ATTRIBUTION or word in _NOT_NEW_CLAUSE or titles().longest_at(norms, k, clitics=False):
        return False  # "، وزير المالية": an office whose و is its own first letter
    return not gz.name_index().longest_at(norms, k)


def _called_to(norms, index: _MentionIndex, pos: int, limit: int) -> int | None:
    """ "دعا X الاتحاد الأوروبي لإعادة النظر": after whom he called on, لـ and what he called for."""
    for k in range(pos, min(limit, pos + 8)):
        callee = index.by_first.get(k)
        if callee is None:
            continue
        after = callee.last
        if after < limit and norms[after].startswith("ل") and len(norms[after]) > 3 and norms[after] not in _NOT_CALLS:
            return after
        return None
    return None


def _welcomes_someone(doc, k: int, index: _MentionIndex) -> bool:
    """ "رحب سموه بجلالة ملك ماليزيا"، "أشاد بالوفد": the object after ب is a person, not a matter."""
    norms = doc.token_norms
    if k >= len(norms) or not norms[k].startswith("ب"):
        return False
    found = index.by_first.get(k)
    if found is not None:
        return found.type == PERSON
    word = norms[k][1:]
    if word in _VISIT_NOUNS and k + 1 < len(norms):
        # "رحب بزيارة وزير الخارجية السعودي": the visit of a person, no words of his
        visitor = index.by_first.get(k + 1)
        return (visitor is not None and visitor.type == PERSON) or norms[k + 1] in _GUEST_WORDS
    return word in _GUEST_WORDS or bool(honorifics().get(word))


def _with_subjunctive(doc, k: int) -> int:
    """After "أن": "أن تضطلع الولايات المتحدة بدور" keeps its أن (a verb follows: what is called
    for); "أن موسكو ترحب" does not (a clause follows: what is said)."""
    norms = doc.token_norms
    following = norms[k + 1] if k + 1 < len(norms) else ""
    verb_like = len(following) >= 4 and following[0] in "يت" and following not in everyday_words()
    bare = doc.tokens[k].text.strip("ًٌٍَُِّْ") in ("أن", "ان")
    if bare and verb_like and not gz.name_index().longest_at(norms, k + 1, min(len(norms), k + 4)):
        return k
    return k + 1


_MEETING_REPORT_REACH = 8  # "رئيس الجمهورية قيس سعيد استقبل": the subject, named with his office


def _tells_a_meeting(doc, start_token, index) -> bool:
    """The words a body gives open with a person and a verb of meeting: a report of the meeting."""
    norms = doc.token_norms
    while start_token < len(norms) - 1 and norms[start_token] in _NAME_QUOTES:
        start_token += 1  # ': "تلقى ...': past the mark that opens the quotation
    opening = triggers().longest_at(norms, start_token, min(len(norms), start_token + 2))
    if opening is not None and opening.payload.pos == "verb" and opening.payload.kind in _HELD_KINDS and (
        not opening.payload.needs or _needed_after(norms, opening)
    ):
        # "إن "التقى نائب رئيس الوزراء ..."", ': "تلقى الأمير X اتصالاً هاتفياً': the meeting verb itself
        return True
    for k in range(start_token, min(len(norms), start_token + _MEETING_REPORT_REACH)):
        mention = index.by_first.get(k)
        if mention is not None and mention.type == PERSON and mention.last < len(norms):
            after = mention.last + (norms[mention.last] in ("،", ","))
            after += after < len(norms) and norms[after] in ("قد", "وقد")  # "أحمد عطاف، قد تلقى"
            found = triggers().longest_at(norms, after, after + 2)
            if found is None and (office_end := _apposed_office_end(norms, mention)) is not None:
                # "أن بان كي مون الأمين العام للأمم المتحدة التقى": the name's office in apposition first
                found = triggers().longest_at(norms, office_end, office_end + 2)
            return found is not None and found.payload.pos == "verb"
    return False


def _needed_after(norms, opening) -> bool:
    """The word a meeting verb needs ("تلقى اتصالاً") comes after it, past its subject."""
    end = min(len(norms), opening.last + 9)
    return any(norms[k : k + len(need)] == need for k in range(opening.last, end) for need in opening.payload.needs)


_HELD_KINDS = frozenset({"meeting", "talks", "reception", "call", "summit", "conference"})


def _apposed_office_end(norms, mention) -> int | None:
    """Where an office set right after a name ends ("بان كي مون الأمين العام للأمم المتحدة"), if one is."""
    k = mention.last + (mention.last < len(norms) and norms[mention.last] in ("،", ","))
    office = titles().longest_at(norms, k, min(len(norms), k + 12)) if k < len(norms) else None
    if office is None:
        return None
    j = office.last
    while j < min(len(norms), office.last + 8) and norms[j] not in ("،", ",", ".") and triggers().longest_at(
        norms, j, j + 2
    ) is None:
        j += 1
    return j + (j < len(norms) and norms[j] in ("،", ","))


def _opens_with_speaker(doc, start_token, next_cue, index) -> bool:
    """ "إن الرئيس السيسي أكد ...": the words open with someone else's reporting."""
    mention = index.by_first.get(start_token)
    if mention is None:
        return (
            start_token < len(doc.tokens)
            and doc.token_norms[start_token] in GROUP_WORDS
            and (next_cue == start_token + 1)
        )
    return mention.last <= next_cue <= mention.last + 1


def _words_end(doc, sentence, start_token, next_cue) -> int:
    norms = doc.token_norms
    end = min(sentence.last, next_cue)
    if next_cue < sentence.last and next_cue - 1 >= start_token and norms[next_cue - 1] in ("،", ",", "و"):
        end = next_cue - 1
    elif next_cue < sentence.last and next_cue - 2 >= start_token and norms[next_cue - 1] in _NEXT_CLAUSE_OPENERS:
        end = next_cue - 1 - (norms[next_cue - 2] in ("،", ","))
    for k in positions(map(_CLAUSE_ENDS.__contains__, norms[start_token:end]), start_token):  # (walked in C)
        if doc.quote_at(doc.tokens[k].start) is None and k > start_token:
            if norms[k] in ("فيما", "وفيما") and norms[k + 1 : k + 2] and norms[k + 1] in _FIMA_PHRASES:
                continue
            return k
    return end


def _span(doc: Document, first: int, last: int) -> tuple[int, int, bool]:
    """Character span of the words and whether they are a quotation (mostly inside quote marks)."""
    if first >= last:
        return 0, 0, False
    start, end = doc.tokens[first].start, doc.tokens[last - 1].end
    quote = doc.quote_at(doc.tokens[first].start)
    if quote is not None and quote.open < start:
        return quote.start, quote.end, True
    opening = next((q for q in doc.quotes if start - 1 <= q.open < start + 2), None)
    while end > start and doc.text[end - 1] in "،,.:؛ ":
        end -= 1
    if opening is not None:
        # 'أكد أن "تعليق القانون" يعد خطوة حاسمة': a quoted phrase the reported words go on from
        rest = doc.text[opening.close + 1 : end] if opening.close < end else ""
        if len(rest.split()) >= _MIN_WORDS_AFTER_QUOTE and rest[:1].isspace():
            return opening.start, end, True
        return opening.start, opening.end, True
    # a quoted fragment completing reported speech makes it a quotation: 'أن العلاقات "أخوية ومتينة"'
    quoted = any(q.start < end and q.end > start and len(doc.text[q.start : q.end].split()) >= 2 for q in doc.quotes)
    return start, end, quoted


_AS_TOLD = frozenset(normalize(w) for w in ("بحسبما", "حسبما", "وحسبما", "كما", "مثلما"))


def _trailing_attributions(doc, sentence, index, used_quotes) -> list[StatementDraft]:
    """«...»، قال الوزير / «...»، بحسب X: a quotation whose speaker comes after it."""
    drafts = []
    norms = doc.token_norms
    for quote in doc.quotes:
        if quote.open in used_quotes or not sentence.start <= quote.open < sentence.end:
            continue
        if len(doc.text[quote.start : quote.end].split()) < 4:
            continue
        after = next((t.index for t in doc.tokens[sentence.first : sentence.last] if t.start > quote.close), None)
        if after is None:
            continue
        k = after
        while k < sentence.last and norms[k] in ("،", ",", "-"):
            k += 1
        cue = reporting_cues().longest_at(norms, k, sentence.last) if k < sentence.last else None
        if cue is not None and cue.payload.kind == "verb":
            pos = _skip(doc, cue.last, sentence.last, index)
        elif k < sentence.last and norms[k] in _ATTRIBUTION:
            pos = k + 1
        elif k + 2 < sentence.last and norms[k] in _AS_TOLD:
            pos = _skip(doc, k + 2, sentence.last, index)  # "، بحسبما شارك رئيس الوزراء على حسابه"
        else:
            continue
        subject = index.by_first.get(pos)
        if subject is None or _is_news_agency(subject.key):
            continue
        drafts.append(StatementDraft((subject.key,), quote.start, quote.end, True, sentence.index, k, None, pos))
    return drafts


def _unique(drafts: list[StatementDraft]) -> list[StatementDraft]:
    seen: set[tuple] = set()
    kept = []
    for draft in drafts:
        identity = (draft.speakers, draft.start, draft.end)
        if identity not in seen:
            seen.add(identity)
            kept.append(draft)
    return kept


def quote_of(doc: Document, draft: StatementDraft) -> str:
    """The words as the article gives them."""
    return " ".join(doc.text[draft.start : draft.end].split())
