"""Who said what: direct quotations and reported speech, with speaker and addressee.

A statement starts at a reporting word (قال، أكد، أشار إلى أن، أعرب عن ...). Its speaker is
the actor named right after it ("وقال الأسد", "أكد سمو ولي العهد") or right before it ("الرئيس
السيسي أكد"), the previous speaker for a continuation ("مشيراً إلى أن") or a verb without a
subject ("وأضاف:"), the body that issued a statement ("أصدرت الرئاسة بياناً أكدت فيه"), the
other party after "من جهته"، "بدوره", or both parties for "الجانبان". What the agency itself
reports ("أفادت الوكالة بأن") is nobody's statement; when the words open with another speaker
("قال المتحدث إن الرئيس أكد ...") the statement is the inner speaker's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.extract import gazetteer as gz
from kg.extract.actors import COUNTRY, ORGANIZATION, PERSON, ActorMention, everyday_words
from kg.extract.lexicon import ReportingCue, clitic_variants, honorifics, reporting_cues
from kg.extract.meetings import GROUP_WORDS
from kg.text.document import BODY, Document, Sentence
from kg.text.normalize import normalize

GROUP = "@group"  # "الجانبان": the parties of the meeting at hand
OTHER = "@other"  # "من جهته، أكد أن": the party that did not speak last

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
_CLAUSE_ENDS = frozenset(normalize(w) for w in ("فيما", "بينما", "وفيما", "وبینما", "حين", "؛", ";"))
# "فيما بينهم"، "فيما يتعلق بـ": "فيما" heading a phrase, not a new clause
_FIMA_PHRASES = frozenset(normalize(w) for w in ("بين", "بينهم", "بينهما", "بينها", "يتعلق", "يخص", "يتصل"))
# "حسبما أعلنت الوزارة"، "وفق ما أفادت الوكالة"، "ما صرح به": an aside naming a source, or what was said
_ASIDES = frozenset(normalize(w) for w in ("حسبما", "وحسبما", "بحسبما", "مثلما", "ومثلما", "ما", "لما", "بما"))
# "صرح بذلك وانغ"، "قال ذلك": the words were given before
_BACK_REFERENCES = frozenset(normalize(w) for w in ("بذلك", "ذلك", "بهذا"))
_RELATIVES = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللذان"))
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
_GUEST_WORDS = frozenset(normalize(w) for w in (
    "الضيف", "الضيوف", "ضيفه", "ضيوفه", "الوفد", "الوفود", "وفد", "الزائر", "الزوار", "أصحاب",
    "السفير", "السفراء", "الوزير", "الوزراء", "الرئيس", "نظيره", "نظيرته", "المشاركين", "الحضور",
))  # fmt: skip
_LATTER = frozenset(normalize(w) for w in ("الأخير", "الأخيرة"))  # "أشار الأخير": the person named last
_ATTRIBUTION = frozenset(normalize(w) for w in ("وفق", "وفقا", "بحسب", "حسب", "طبقا", "نقلا"))
_MAX_GAP = 16  # words between the speaker and the start of the words
_MIN_WORDS = 3
_MIN_QUOTED_WORDS = 2  # "الأجواء إيجابية" in quotation marks is a statement


@dataclass(frozen=True, slots=True)
class StatementDraft:
    speakers: tuple[str, ...]  # entity keys, or GROUP / OTHER to resolve against meetings
    start: int  # original offsets of the words
    end: int
    direct: bool
    sentence: int
    cue: int  # token index of the reporting word
    addressee: str | None = None
    speaker_first: int = -1  # token where the speaker's mention starts, -1 when implicit

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
    for sentence in doc.sentences:
        if sentence.kind != BODY:
            continue
        if sentence.paragraph > last_paragraph + 1:
            last_speaker = None  # a speaker carries over to the next paragraph, no further
        in_sentence: tuple[str, ...] | None = None
        used_quotes: set[int] = set()
        cues = [c for c in reporting_cues().scan(doc.token_norms, sentence.first, sentence.last) if _cue_counts(doc, c)]
        for position, cue in enumerate(cues):
            next_cue = cues[position + 1].first if position + 1 < len(cues) else sentence.last
            previous = in_sentence if cue.payload.kind == "participle" and in_sentence else last_speaker
            draft, speaker = _statement_at(doc, sentence, cue, next_cue, index, previous, last_feminine)
            if speaker is not None:
                if speaker and speaker != last_speaker:
                    last_feminine = _feminine(cue) and cue.payload.kind == "verb"
                last_speaker = speaker or None
                in_sentence = speaker or in_sentence
            if draft is not None:
                drafts.append(draft)
                used_quotes.update(q.open for q in doc.quotes if draft.start <= q.start < draft.end)
                last_paragraph = sentence.paragraph
        drafts.extend(_trailing_attributions(doc, sentence, index, used_quotes))
    return _unique(drafts)


def _cue_counts(doc: Document, cue) -> bool:
    """A reporting word in quotation marks is the speaker's own; one right after "التي"/"الذي"
    ("المشاورات التي دعت إليها") describes something rather than reports it; only و/ف before a verb."""
    norms = doc.token_norms
    if doc.quote_at(doc.tokens[cue.first].start) is not None:
        return False
    if cue.clitic and norms[cue.first][: cue.clitic] not in ("و", "ف"):
        return False
    if cue.first > 0 and not cue.clitic and norms[cue.first - 1] in _ASIDES:
        return False  # "حسب ما أفادت الوكالة"، "ما صرح به": names a source or what was said, reports nothing
    sentence_end = doc.sentences[doc.tokens[cue.first].sentence].last
    if cue.payload.takes == {"an_about"} and "عن" not in norms[cue.last : sentence_end]:
        return False  # "عبر تقنية الفيديو": "via", not "expressed"
    if cue.first > 1 and not cue.clitic and norms[cue.first - 1] == "كما" and norms[cue.first - 2][:1].isalnum():
        # "نهج قطر كما يؤكد الأمير يتركز في ...": an aside inside the words, unless it reports words of its own
        following = norms[cue.last : cue.last + 10]
        return any(n in _COMPLEMENTIZERS or n == ":" for n in following)
    if cue.first > 0 and norms[cue.first - 1] in _RELATIVES:
        # "المشاورات التي دعت إليها": describes; "ميقاتي، الذي أكد ... أن": reports
        following = norms[cue.last : cue.last + 8]
        return any(n in _COMPLEMENTIZERS or n == ":" for n in following)
    return True


class _MentionIndex:
    def __init__(self, mentions: Sequence[ActorMention]):
        self.by_first: dict[int, ActorMention] = {}
        self.by_last: dict[int, ActorMention] = {}
        self.all = [m for m in mentions if m.key]
        # offices the article never ties to a named person ("وأضاف المتحدث الرسمي"): someone unknown
        self.references = [m for m in mentions if m.type == PERSON and not m.key and not m.named and m.number == 1]
        self.unresolved = {m.head for m in self.references}
        for mention in self.all:
            if mention.type not in (PERSON, ORGANIZATION, COUNTRY):
                continue
            self.by_first.setdefault(mention.head, mention)
            self.by_first.setdefault(mention.first, mention)
            self.by_last[mention.last] = mention

    def named_after(self, head: int) -> ActorMention | None:
        """The named person right after an office that was read on its own."""
        end = next((m.last for m in self.references if m.head == head), None)
        found = self.by_first.get(end) if end is not None else None
        return found if found is not None and found.type == PERSON and found.named else None

    def actor_before(self, token: int, floor: int, kinds=(PERSON, ORGANIZATION, COUNTRY)) -> ActorMention | None:
        found = [m for m in self.all if floor <= m.head and m.last <= token and m.type in kinds and not m.in_title]
        return found[-1] if found else None


def _statement_at(doc, sentence, cue, next_cue, index, last_speaker, last_feminine=False):
    """(draft or None, speaker or None): the speaker is returned even when no draft is made."""
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
    pos = _skip(doc, cue.last, sentence.last, index)
    speakers: tuple[str, ...] | None = None
    speaker_first = -1
    subject = index.by_first.get(pos)
    if subject is None and pos < sentence.last and norms[pos] in _LATTER:
        subject = index.actor_before(cue.first, 0, (PERSON,))  # "بينما أشار الأخير": the person named last
        if subject is not None:
            subject = replace(subject, first=pos, last=pos + 1, title_first=-1)
    if subject is not None and _is_outlet(norms, subject):
        return None, ()
    if subject is not None and subject.type == COUNTRY and not _feminine(cue) and info.kind == "verb":
        subject = None  # "ودعا إسرائيل إلى ...": a country takes a feminine verb, so here it is called on
    if info.kind == "participle" or (info.kind == "noun" and cue.phrase[0].startswith("بال")):
        # "مؤكداً أن"، "بررت ... بالقول:": the one the sentence is about
        speakers = (
            last_speaker if info.kind == "participle" and last_speaker else _sentence_subject(index, cue, sentence)
        )
    elif subject is not None:
        speakers, speaker_first, pos = (subject.key,), pos, subject.last
        if norms[pos : pos + 1] and norms[pos] in GROUP_WORDS:
            pos += 1
    elif pos in index.unresolved and index.named_after(pos) is None:
        return None, ()
    elif pos in index.unresolved:
        subject = index.named_after(pos)  # "الوزير المقداد": the office, then the name read on its own
        speakers, speaker_first, pos = (subject.key,), pos, subject.last
    elif pos < sentence.last and norms[pos] in GROUP_WORDS:
        speakers, speaker_first, pos = (GROUP, *_group_nisbas(norms, pos + 1, sentence.last)), pos, pos + 1
    elif pos < sentence.last and _not_speaker(norms, pos):
        return None, ()
    else:
        before = index.by_last.get(cue.first)
        if before is None and cue.first - 1 > sentence.first and norms[cue.first - 1] in ("قد", "وقد"):
            before = index.by_last.get(cue.first - 1)  # "وكان غروندبرغ قد قال"
        if before is not None and before.head >= sentence.first:
            speakers, speaker_first = (before.key,), before.head
        elif _issuer(norms, cue, sentence):
            group = next((k for k in range(sentence.first, cue.first) if norms[k] in GROUP_WORDS), None)
            actor = index.actor_before(cue.first, sentence.first)
            if group is not None:  # "وأصدر الجانبان السعودي والإيراني بياناً أعلنا فيه"
                speakers = (GROUP, *_group_nisbas(norms, group + 1, sentence.last))
            else:
                speakers = (actor.key,) if actor else None
        elif _after_relative(norms, cue.first, sentence.first):
            person = index.actor_before(cue.first, sentence.first, (PERSON,))
            speakers = (person.key,) if person else None
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
            speakers = last_speaker
    if not speakers or ("subject" in info.takes and speaker_first < 0):
        return None, None
    if speakers[0] not in (GROUP, OTHER) and _is_news_agency(speakers[0]):
        return None, ()
    # "قال بوتين للرئيس الأسد": an addressee after ل
    target = index.by_first.get(pos)
    if target is not None and target.type == PERSON and norms[pos][:1] == "ل" and target.key not in speakers:
        addressee, pos = target.key, target.last
    elif "object" in info.takes:  # "أطلع ظريف الأسد على": whom he told, then what about
        if target is None or target.type != PERSON or target.key in speakers:
            return None, speakers
        addressee, pos = target.key, target.last
    else:
        addressee = None
    start_token = _words_start(doc, sentence, pos, info, next_cue)
    if start_token is None:
        return None, speakers
    if _opens_with_speaker(doc, start_token, next_cue, index):
        return None, speakers
    end_token = _words_end(doc, sentence, start_token, next_cue)
    if "bi" in info.takes and _welcomes_someone(doc, start_token, index):
        return None, speakers
    start, end, direct = _span(doc, start_token, end_token)
    if "quoted" in info.takes and not direct:
        return None, speakers
    if end - start <= 0 or len(doc.text[start:end].split()) < (_MIN_QUOTED_WORDS if direct else _MIN_WORDS):
        return None, speakers
    return (
        StatementDraft(speakers, start, end, direct, sentence.index, cue.first, addressee, speaker_first),
        speakers,
    )


def _skip(doc: Document, pos: int, end: int, index: _MentionIndex | None = None) -> int:
    """Past fillers and honorifics between a reporting verb and its subject: "أكد سمو ولي العهد"."""
    norms = doc.token_norms
    while pos < end and (index is None or pos not in index.by_first):
        if norms[pos] in _FILLERS or norms[pos] in ("،", ","):
            pos += 1
            continue
        honorific = honorifics().longest_at(norms, pos, end, clitics=False)
        if honorific is None:
            break
        pos = honorific.last
    return pos


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


def _sentence_subject(index: _MentionIndex, cue, sentence: Sentence) -> tuple[str, ...] | None:
    """ "وسلم الرئيس عون ...، مؤكداً أن": the person the sentence is about speaks."""
    person = next(
        (m for m in index.all if m.type == PERSON and sentence.first <= m.head < cue.first and not m.in_title), None
    )
    return (person.key,) if person else None


def _issuer(norms, cue, sentence) -> bool:
    """ "أصدرت الرئاسة بياناً أكدت فيه": the verb's subject is whoever issued the statement."""
    following = norms[cue.last] if cue.last < sentence.last else ""
    return following in ("فيه", "فيها")


def _feminine(cue) -> bool:
    word = cue.phrase[0]
    return word.endswith("ت") and word not in ("لفت", "التفت")


def _last_is_feminine(speakers: tuple[str, ...] | None) -> bool:
    return bool(speakers) and speakers[0].startswith(("org:", "country:"))


def _not_speaker(norms, pos) -> bool:
    return any(stem in _NOT_SPEAKERS for _, stem in clitic_variants(norms[pos]))


def _is_outlet(norms, subject: ActorMention) -> bool:
    """An outlet the article cites ("وكالة "سانا""، "موقع روسيا اليوم"): a known news agency, or an
    organisation the gazetteer does not know whose name starts with an outlet's word."""
    if subject.type != ORGANIZATION:
        return False
    if _is_news_agency(subject.key):
        return True
    return gz.known(subject.key) is None and any(s in _MEDIA_WORDS for _, s in clitic_variants(norms[subject.head]))


def _is_news_agency(key: str) -> bool:
    known = gz.known(key)
    return known is not None and known.kind == "news-agency"


def _after_relative(norms, cue_first, floor) -> bool:
    """ "زيلينسكي الذي ألقى كلمة دعا فيها": the speaker is the person the relative clause is about."""
    window = norms[max(floor, cue_first - 4) : cue_first]
    return any(n in _RELATIVES for n in window)


def _after_turn(norms, cue_first, floor) -> bool:
    for words in _TURN_WORDS:
        size = len(words)
        for shift in (1, 2):  # "من جهته، أكد" has a comma between
            begin = cue_first - size - shift + 1
            if begin >= floor and tuple(_strip_waw(norms[begin + k]) for k in range(size)) == words:
                return True
    return False


def _strip_waw(norm: str) -> str:
    return norm[1:] if norm.startswith("و") and len(norm) > 2 and norm[1:] in ("من", "بدوره", "بدورها") else norm


def _words_start(doc, sentence, pos, info, next_cue) -> int | None:
    """The token where the words begin: after a colon, a complementizer, or a preposition the cue
    takes right after the speaker ("أعرب X عن"، "أكد X على"), or a quotation; else the words follow
    the speaker directly ("أكد الرئيس ضرورة ...", "أكد حرص الجزائر على ...")."""
    norms = doc.token_norms
    limit = min(sentence.last, next_cue, pos + _MAX_GAP)
    takes = info.takes
    k = pos
    while k < limit:
        norm = norms[k]
        quote = doc.quote_at(doc.tokens[k].start)
        if quote is not None and len(doc.text[quote.start : quote.end].split()) > 2:
            return k
        if norm == ":":
            return k + 1
        if norm in _COMPLEMENTIZERS:
            return _with_subjunctive(doc, k)
        if norm in ("الي", "علي") and k + 1 < limit and norms[k + 1] in _COMPLEMENTIZERS:
            return _with_subjunctive(doc, k + 1)
        # a preposition the verb takes belongs to it only next to the speaker or after an aside
        near = k == pos or norms[k - 1] in ("،", ",")
        if near and norm == "عن" and "an_about" in takes:
            return k + 1
        if norm == "الي" and "ila" in takes and (near or k - pos <= 4):
            return k + 1  # "دعا الدول العربية إلى دعم ...": whom he called on, then what for
        if near and norm == "علي" and "ala" in takes:
            return k + 1
        if near and norm == "من" and "min" in takes:
            return k + 1
        if "bi" in takes and norm.startswith("ب") and near:
            return k
        if norm in _ATTRIBUTION:  # "وفق البيان"، "بحسب مصادر": a source, then the words
            k += 2
            continue
        if norm in _CLAUSE_ENDS:
            return None
        k += 1
    first = pos
    while first < limit and (norms[first] in ("،", ",") or norms[first] in _ATTRIBUTION):
        first += 2 if norms[first] in _ATTRIBUTION else 1
    if first >= limit or ("ila" in takes and "direct" not in takes and "bi" not in takes and "ala" not in takes):
        return None
    return first


def _welcomes_someone(doc, k: int, index: _MentionIndex) -> bool:
    """ "رحب سموه بجلالة ملك ماليزيا"، "أشاد بالوفد": the object after ب is a person, not a matter."""
    norms = doc.token_norms
    if k >= len(norms) or not norms[k].startswith("ب"):
        return False
    found = index.by_first.get(k)
    if found is not None:
        return found.type == PERSON
    word = norms[k][1:]
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
    for k in range(start_token, end):
        if norms[k] in _CLAUSE_ENDS and doc.quote_at(doc.tokens[k].start) is None and k > start_token:
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
    if opening is not None:
        return opening.start, opening.end, True
    while end > start and doc.text[end - 1] in "،,.:؛ ":
        end -= 1
    # a quoted fragment completing reported speech makes it a quotation: 'أن العلاقات "أخوية ومتينة"'
    quoted = any(q.start < end and q.end > start and len(doc.text[q.start : q.end].split()) >= 2 for q in doc.quotes)
    return start, end, quoted


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
