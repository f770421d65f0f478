"""An article as paragraphs, sentences and tokens, each with offsets into the original text.

Quotations are found before sentences are split, so a quoted passage with full stops inside
stays in one sentence. Paragraphs are classed so page noise never becomes a fact: menus,
headlines and captions ahead of the body ("front"), a dateline ("موسكو _ بوابة الهدف"),
trailing links ("اقرأ أيضاً") and the body proper.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice, pairwise
from operator import attrgetter
from typing import NamedTuple

from kg.model import Article
from kg.text.normalize import _MARKS, NormalizedText, end_with_marks, normalize, normalize_with_offsets

BODY, FRONT, DATELINE, NOISE = "body", "front", "dateline", "noise"


class Token(NamedTuple):
    index: int
    start: int  # offsets into the original text
    end: int
    text: str  # as written
    norm: str  # normalised form (see kg.text.normalize)
    sentence: int

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: the marks at `open` and `close` (original offsets), the words between them."""

    open: int
    close: int  # offset of the closing mark, or the paragraph's end when it never closes
    mark: str

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    first: int  # token indexes [first, last)
    last: int
    kind: str  # body | front | dateline | noise


@dataclass(frozen=True)
class Document:
    article: Article
    norm: NormalizedText
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[tuple[int, int, str], ...]  # (start, end, kind)
    quotes: tuple[Quote, ...]
    dateline: tuple[int, int] | None = None  # original span of a dateline prefix or line
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.first : sentence.last]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation whose words hold this original offset, if any (the first one, when a
        quotation left open holds another). A binary search, not a walk through every quotation:
        the first quotation ending after the offset is the only one that can hold it."""
        reach = self._quote_reach
        index = bisect_right(reach, offset)  # quotes before it all end at or before the offset
        if index < len(reach) and self.quotes[index].start <= offset:
            return self.quotes[index]
        return None

    @cached_property
    def _quote_opens(self) -> list[int]:
        return [quote.open for quote in self.quotes]

    @cached_property
    def _quote_reach(self) -> list[int]:
        """How far the quotations reach so far, in their order (by opening mark): the running
        maximum of their ends."""
        reach, furthest = [], -1
        for quote in self.quotes:
            furthest = max(furthest, quote.end)
            reach.append(furthest)
        return reach

    @cached_property
    def token_norms(self) -> tuple[str, ...]:
        return tuple(map(_NORM_OF, self.tokens))

    def window(self, first: int, last: int) -> Document:
        """Sentences [first, last) as a document of their own: tokens and sentences numbered from 0,
        offsets still into the whole text, the quotations that reach into them (see windows())."""
        t0, t1 = self.sentences[first].first, self.sentences[last - 1].last
        tokens = tuple(Token(t.index - t0, t.start, t.end, t.text, t.norm, t.sentence - first)
                       for t in self.tokens[t0:t1])
        sentences = tuple(Sentence(s.index - first, s.start, s.end, s.paragraph, s.first - t0, s.last - t0, s.kind)
                          for s in self.sentences[first:last])
        start, end = sentences[0].start, sentences[-1].end
        lo = bisect_left(self._quote_reach, start)  # the quotations before lo all end before the window
        hi = bisect_left(self._quote_opens, end)  # and those from hi on open after it
        quotes = tuple(q for q in self.quotes[lo:hi] if q.close >= start)
        return Document(self.article, self.norm, tokens, sentences, self.paragraphs, quotes, self.dateline)


_NORM_OF = attrgetter("norm")
_MATCH_START, _MATCH_END, _MATCH_TEXT = re.Match.start, re.Match.end, re.Match.group
# "#عون": a hashtag marks a word, it is none; "#محمد_الغالي_علي": the underscores of a hashtag join words.
# A word's letters, or one mark: any but # before a letter and _ between two. (Each branch begins with
# a character, not a lookaround, so the search passes over spaces in C without trying the branches.)
_WORD = re.compile(r"[^\W_]+|[^\s#_]|#(?![^\W_])|_(?:(?<![^\W_]_)|(?![^\W_]))")
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_STRAIGHT = '"'
_TERMINATORS = frozenset(".!?؟…")
# the characters the paragraph scans act on: every other one is passed over in C, not in Python
_QUOTE_MARKS = re.compile("[" + re.escape("".join({*_QUOTE_PAIRS, *_QUOTE_PAIRS.values(), _STRAIGHT})) + "]")
_TERMINATOR = re.compile("[" + re.escape("".join(_TERMINATORS)) + "]")
_NOISE_LINES = frozenset(
    normalize(w)
    for w in (
        "menu", "القائمة", "الرئيسية", "شارك", "شارك الخبر", "مشاركة", "طباعة", "تويتر", "فيسبوك",
        "واتساب", "تلغرام", "انستغرام", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "تابعونا", "إعلان",
        "الأكثر قراءة", "أخبار ذات صلة", "مواضيع ذات صلة", "الوسوم", "كلمات مفتاحية", "تعليقات",
        "search", "home", "share", "print", "advertisement", "خبر عاجل", "عاجل", "شارك عبر", "شارك على",
        "شارك هذا المقال", "انسخ الرابط", "نسخ الرابط", "حجم الخط", "النشرة البريدية", "قد يعجبك أيضا",
        "قد يعجبك أيضاً", "ذات صلة", "موضوعات متعلقة", "اخترنا لك", "المزيد", "إقرأ أيضا",
    )
)  # fmt: skip
# "آخر تحديث: 17/03/2021 - 18:42": a page's time stamp, not a dateline
_STAMPS = tuple(
    normalize(w) for w in ("آخر تحديث", "اخر تحديث", "تاريخ النشر", "نشر في", "تم النشر", "تحديث:", "نشر بتاريخ")
)
_TRAILER_START = tuple(
    normalize(w) for w in (
        "اقرأ أيضا", "اقرأ أيضاً", "المصدر:", "المصدر :", "اقرأ ايضا", "للمزيد", "تابع", "اقرأ المزيد",
        "اقرأ كذلك", "شاهد أيضا", "شاهد ايضا", "طالع أيضا", "طالع ايضا", "شارك على", "شارك عبر",
        "الوسوم", "كلمات مفتاحية", "كلمات دلالية", "مواضيع ذات صلة", "أخبار ذات صلة", "ذات صلة",
        "نوصي بقراءة", "ننصح بقراءة", "قد يهمك", "يهمك أيضا", "اقرأ كمان",
    )
)  # fmt: skip
# "كتب: أحمد سمير"، "بقلم - سامي يوسف"، "| كتبت: منى علي |": a byline, the writer not a party. A
# cue, a mark or not, then at most five words of name up to the line's end or a separator.
_BYLINE = re.compile(
    r"(?:^|[|\-–—_/،,]\s*)(?:كتب|كتبت|كتبه|بقلم|متابعة|إعداد|اعداد|تحرير|تصوير|ترجمة|مراسل|مراسلة|مراسلنا)"
    r"\s*(?:[:：\-–—]\s*)?(?:[^\W\d_]+\s*){1,5}(?=$|[|\-–—_/(،,])"
)
# "رئيس مجلسي الإدارة والتحرير محمد الباز", "رئيس التحرير": the masthead over a paper's page
_MASTHEAD = tuple(
    normalize(w)
    for w in ("رئيس التحرير", "رئيس مجلس الإدارة", "رئيس مجلسي الإدارة", "رئيس مجلسى الإدارة", "مدير التحرير",
              "رئيس تحرير", "المدير العام ورئيس التحرير")
)  # fmt: skip
# "دمشق - سانا", "بكين (وكالات) -", "موسكو _ بوابة الهدف", "الرياض - واس:": short prefix, then a dash
# "دمشق - سانا", "بكين (وكالات) -", "موسكو _ بوابة الهدف", "عمان 14 آب (بترا) -",
# "القاهرة في 14 يوليو /أ ش أ/", "أبوظبي في 19 يوليو / وام /": a place, maybe a date, then an agency
# in brackets or slashes and/or a dash
_DATELINE = re.compile(
    r"\s*(?P<place>[^\W\d_][^\n_–—:(/]{0,50}?)\s*"
    r"(?:(?P<agency>\([^)\n]{1,40}\)|/[^/\n]{1,40}/|:\s*«[^»\n]{1,30}»)\s*(?P<dash>[-_–—]{1,2})?|(?P<bare>[-_–—]{1,2}))\s*"
    r"(?P<colon>[^\W\d_]{2,8}\s*:\s*)?"  # "الرياض - واس: ..."
)
# "الخرطوم 27-12-2022 (سونا)-", "الكويت - ١٦ - ٣ (كونا) --": a date with dashes, read up to the agency
_DATELINE_TO_AGENCY = re.compile(
    r"\s*(?P<place>[^\W\d_][^\n_–—:(/]{0,50}?)\s*"
    r"(?P<agency>\([^)\n]{1,40}\)|/[^/\n]{1,40}/)\s*(?P<dash>[-_–—]{1,2})?\s*"
    r"(?P<colon>[^\W\d_]{2,8}\s*:\s*)?"
)
_DIGIT = re.compile(r"[0-9٠-٩]")
# a dateline's place is a city's name: never an honorific, nor the verb of a sentence
_NO_DATELINE_WORDS = frozenset(normalize(w) for w in (
    "السيد", "السيدة", "الشيخ", "الدكتور", "سعادة", "معالي", "سمو", "فخامة", "استقبل", "التقى", "بحث", "أكد",
    "قال", "أعلن", "زار", "وصل", "تلقى", "أجرى",
))  # fmt: skip
# "الثلاثاء 27 ديسمبر 2022 07:58 مساءً - الخرطوم 27-12-2022 (سونا)- ...": the page's time stamp
# before the agency's dateline, both opening the first paragraph
_STAMP_PREFIX = re.compile(
    r"\s*(?:[^\W\d_]+\s+)?[0-9٠-٩]{1,2}\s+[^\W\d_]+\s+[0-9٠-٩]{4}\s*"
    r"(?:[0-9٠-٩]{1,2}:[0-9٠-٩]{2}\s*(?:[^\s\d\-–—|]{1,8}\s*)?)?[-–—|]\s*"
)
_FRONT_MAX_TOKENS = 24


def analyse(article: Article) -> Document:
    """Split an article into paragraphs, sentences and tokens (the input of every extractor)."""
    text = article.text
    norm = normalize_with_offsets(text)
    words = _Words(norm.text)  # (found once: a paragraph's first words and a sentence's are read off them)
    paragraphs = _paragraphs(text)
    paragraph_quotes = [_quotes(text, start, end) for start, end in paragraphs]
    quotes = [quote for found in paragraph_quotes for quote in found]
    kinds = _classify(text, paragraphs, article.title, norm, words)
    dateline = _dateline(text, paragraphs, kinds)

    tokens: list[Token] = []
    sentences: list[Sentence] = []
    offsets = norm.offsets
    # token positions are found on the normalised text, then mapped back to the original
    norm_index = _NormIndex(offsets)
    size, marks = len(text), _MARKS
    new_tuple = tuple.__new__  # (Token(...) passes through a __new__ written in Python: twice as slow)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        kind = kinds[p_index]
        p_quotes = paragraph_quotes[p_index]
        for s_start, s_end in _capped(text, _sentence_spans(text, p_start, p_end, p_quotes, dateline)):
            first = len(tokens)
            n_start, n_end = norm_index.lookup(s_start), norm_index.lookup(s_end)
            s_index = len(sentences)
            for m_start, m_end, word in words.spans(n_start, n_end):
                o_start, o_end = offsets[m_start], offsets[m_end - 1] + 1
                if o_end < size and text[o_end] in marks:  # (rare: a word is seldom followed by marks)
                    o_end = end_with_marks(text, o_end)
                fields = (len(tokens), o_start, o_end, text[o_start:o_end], word, s_index)
                tokens.append(new_tuple(Token, fields))
            if len(tokens) == first:
                continue
            sentence_kind = DATELINE if dateline and (s_start, s_end) == dateline else kind
            sentences.append(Sentence(len(sentences), s_start, s_end, p_index, first, len(tokens), sentence_kind))
    return Document(
        article=article,
        norm=norm,
        tokens=tuple(tokens),
        sentences=tuple(sentences),
        paragraphs=tuple((s, e, kinds[i]) for i, (s, e) in enumerate(paragraphs)),
        quotes=tuple(quotes),
        dateline=dateline,
    )


WINDOW_TOKENS = 8000  # news articles run to 600 tokens, long reports to a few thousand


def windows(doc: Document, size: int = WINDOW_TOKENS) -> list[tuple[int, int]]:
    """Runs of whole sentences, [first, last), of about `size` tokens each, that extraction reads
    one at a time: the extractors compare mentions within an article, which grows with the square
    of its length, so a text of megabytes is read in windows and its time grows linearly. An
    article of up to `size` tokens (every real one) is one window."""
    if len(doc.tokens) <= size:
        return [(0, len(doc.sentences))]
    found, first = [], 0
    for sentence in doc.sentences:
        if sentence.last - doc.sentences[first].first > size and sentence.index > first:
            found.append((first, sentence.index))
            first = sentence.index
    found.append((first, len(doc.sentences)))
    return found


class _Words:
    """The words (_WORD) of a whole normalised text, with where each starts and ends, found in one
    search: a stretch's words are read off them rather than searched for again."""

    def __init__(self, text: str):
        self.text = text
        self.starts = starts = []
        self.ends = ends = []
        self.words = words = []
        at = 0  # where the piece starts
        # a piece between spaces that is all letters and digits is one word, the one _WORD finds
        # there (its [^\W_]+ is str.isalnum's test): only the other pieces are searched
        for piece in text.split(" "):
            if piece.isalnum():
                starts.append(at)
                words.append(piece)
                at += len(piece)
                ends.append(at)
            elif piece:
                found = list(_WORD.finditer(text, at, at + len(piece)))
                starts += map(_MATCH_START, found)
                ends += map(_MATCH_END, found)
                words += map(_MATCH_TEXT, found)
                at += len(piece)
            at += 1

    def within(self, start: int, end: int) -> tuple[int, int] | None:
        """The words [first, last) that _WORD finds in [start, end) searched alone: those of the whole
        text there, unless one runs over an edge or the stretch ends in a mark whose reading looks
        past its end (# and _: then None, and the stretch is searched alone)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if (first and self.ends[first - 1] > start) or (last and self.ends[last - 1] > end):
            return None
        if end > start and self.text[end - 1] in "#_":
            return None
        return first, last

    def spans(self, start: int, end: int):
        """(start, end, word) of each word of [start, end)."""
        found = self.within(start, end)
        if found is None:
            return ((m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text, start, end))
        first, last = found
        return zip(self.starts[first:last], self.ends[first:last], self.words[first:last], strict=True)


class _NormIndex:
    """Maps an original offset to the first normalised offset at or after it."""

    def __init__(self, offsets):
        self.offsets = offsets

    def lookup(self, original: int) -> int:
        return bisect_left(self.offsets, original, 0, len(self.offsets) - 1)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            lines.append((start, end))
    broken = _breaks_sentences(text, lines)
    spans: list[tuple[int, int]] = []
    for line in lines:
        if spans and _runs_on(text, spans[-1], line, broken):
            spans[-1] = (spans[-1][0], line[1])  # "وسفير\nالسعودية لدى\nالكويت": a line the page broke
        else:
            spans.append(line)
    return spans


_TERMINAL = ".!?؟:»\"”)"
_BROKEN_SHARE = 0.2  # lines of prose left open and closed by the next, of all lines of prose


def _breaks_sentences(text: str, lines: list[tuple[int, int]]) -> bool:
    """A page that breaks its sentences across lines: many lines of prose end without a full stop
    while the lines after them end with one."""
    prose = [(s, e) for s, e in lines if len(text[s:e].split(maxsplit=1)) >= 2]  # (two words or more)
    if len(prose) < 6:
        return False
    open_then_closed = sum(
        1
        for (_, e), (_, e2) in pairwise(prose)
        if text[e - 1] not in _TERMINAL and text[e2 - 1] in _TERMINAL
    )
    return (open_then_closed >= 3 and open_then_closed / len(prose) >= _BROKEN_SHARE) or _wrapped(text, lines)


_WRAPPED_LINES = 8  # long lines, at least, of a page wrapped at a fixed width
_WRAPPED_OPEN = 0.75  # of them, the share that ends inside a sentence
_WRAPPED_EVEN = 0.7  # and the share whose length is within 15% of the middle one's


def _wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """A page printed at a fixed width ("قال وزير" / "الخارجية السعودي ... هي للتوصل" / "إلى وقف
    ..."): nearly all its long lines are of one length and end inside a sentence."""
    long = [(s, e) for s, e in lines if len(text[s:e].split(maxsplit=4)) >= 5]  # (five words or more)
    if len(long) < _WRAPPED_LINES:
        return False
    left_open = sum(1 for _, e in long if text[e - 1] not in _TERMINAL + "؛،,")
    middle = sorted(e - s for s, e in long)[len(long) // 2]
    even = sum(1 for s, e in long if abs((e - s) - middle) <= 0.15 * middle)
    return left_open >= _WRAPPED_OPEN * len(long) and even >= _WRAPPED_EVEN * len(long)


# words a sentence cannot end on: prepositions, and offices or ranks whose complement or name follows
_OPEN_ENDINGS = frozenset(
    normalize(w)
    for w in (
        "في", "من", "إلى", "على", "عن", "مع", "بين", "لدى", "و", "سفير", "وسفير", "وزير", "ووزير", "رئيس",
        "ورئيس", "نائب", "ونائب", "الملك", "الأمير", "الشيخ", "عهد", "خادم", "سمو", "معالي", "فخامة",
        "مدير", "ومدير", "مساعد", "ومساعد", "مستشار", "ومستشار", "وكيل", "ووكيل", "قائد", "وقائد", "أمين",
        "وأمين", "سفيرة", "وسفيرة", "وزيرة", "ووزيرة", "السيد", "السيدة", "الدكتور", "المهندس", "اللواء",
        "العميد", "الفريق", "العقيد", "سيما",
    )
)  # fmt: skip
_ADJECTIVE_START = re.compile(r"^(ال|وال)\w{3,}(ي|ية|يه)[،,]?$")


def _quote_left_open(line: str) -> bool:
    """A quotation opens on this line and does not close on it."""
    if line.count("«") > line.count("»") or line.count("“") > line.count("”"):
        return True
    return line.count('"') % 2 == 1 and not line.rstrip().endswith('"')


def _runs_on(text: str, line: tuple[int, int], following: tuple[int, int], broken: bool = False) -> bool:
    """Does a line break inside a sentence: the line ends on a word that leaves it open, or the
    next line starts with an adjective (a nisba: "الكويتي، الشيخ ..."), or the page breaks its
    sentences across lines and this one has not ended?"""
    # (of the line, its last word and whether it has two, three or four words; of the next line, its
    # first two words and whether it has one or more: a line's other words are not split out)
    line_words = text[line[0] : line[1]].rsplit(maxsplit=3)
    last = line_words[-1]
    if last[-1:] in _TERMINAL + "؛":
        return False
    words = text[following[0] : following[1]].split(maxsplit=2)
    if words[0].endswith((":", "-")) or words[1:2] in (["-"], [":"], ["–"]):
        return False  # "تابعونا على" then "الرياض: «الشرق الأوسط»": a dateline starts its own line
    if last[-1:] in "،,":
        return len(words) >= 2  # "... صبري بوقادوم،" then "في أنقرة ...": the sentence goes on
    if broken and len(line_words) >= 2 and len(words) >= 2:
        return True
    if len(line_words) >= 3 and len(words) >= 2 and _quote_left_open(text[line[0] : line[1]]):
        return True  # 'قالت الوزارة: "تلقى الأمير' then 'اتصالاً هاتفياً ..."': the quotation goes on
    if len(words) == 1 and words[0][-1] in ".؟!" and len(line_words) >= 4:
        return True  # "... اللواء أحمد" then "حسني.": a lone word that closes the sentence
    adjective = bool(_ADJECTIVE_START.match(words[0])) and len(line_words) >= 3  # (not a menu)
    return normalize(last) in _OPEN_ENDINGS or adjective


_WORDS_OPEN = re.compile(r"(?:(?:^|\s)(?:إن|أن|ان)|:)\s*$")


def _opens_words(text: str, start: int, i: int) -> bool:
    """Does the mark at i follow "إن"، "أن" or a colon, where reported words begin?"""
    return _WORDS_OPEN.search(text, max(start, i - 6), i) is not None


def _quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in one paragraph: «…», “…”, and straight "…" paired in order; also the mismatched
    pairs of Arabic pages, ”…” and “…“ (one mark used at both ends)."""
    found: list[Quote] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for mark in _QUOTE_MARKS.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        top = stack[-1][0] if stack else ""
        if len(stack) == 1 and (top, char) in (("”", "”"), ("”", "“"), ("“", "“")):
            found.append(Quote(stack.pop()[1], i, top))  # ”…” and “…“: one mark at both ends
        elif char == "”" and not stack and straight_open is None and text.find("”", i + 1, end) >= 0:
            stack.append((char, i))  # a closing mark that opens, closed by the same mark further on
        elif char == "”" and not stack and straight_open is None and text.find("“", i + 1, end) >= 0:
            stack.append((char, i))  # ” … “: the pair typed the wrong way round
        elif char == "”" and not stack and straight_open is None and _opens_words(text, start, i):
            stack.append((char, i))  # 'إن ” سفراءنا ...': a closing mark that opens words, left open
        elif char in _QUOTE_PAIRS and not (char == "“" and top == "„"):
            stack.append((char, i))
        elif stack and char == _QUOTE_PAIRS.get(top):
            mark, opened = stack.pop()
            if not stack:
                found.append(Quote(opened, i, mark))
        elif char == _STRAIGHT and not stack:
            if straight_open is None:
                straight_open = i
            else:
                found.append(Quote(straight_open, i, _STRAIGHT))
                straight_open = None
    # a quotation left open runs to the paragraph's end (news often closes it a paragraph later)
    dangling = [i for _, i in stack[:1]] + ([straight_open] if straight_open is not None else [])
    if dangling:
        opened = min(dangling)
        if end - opened > 3 and not any(q.open < opened < q.close for q in found):
            found.append(Quote(opened, end, text[opened]))
    found.sort(key=lambda q: q.open)
    return found


def _sentence_spans(text, start, end, quotes, dateline):
    """Sentence spans of a paragraph: split after . ! ? ؟ … outside quotations."""
    opens, reach, furthest = [], [], -1  # quotes by opening mark, and how far they reach so far
    for quote in quotes:
        furthest = max(furthest, quote.close)
        opens.append(quote.open)
        reach.append(furthest)

    def quoted(i: int) -> bool:  # inside a quotation: opened before i, closed after it
        before = bisect_left(opens, i)
        return before > 0 and reach[before - 1] > i

    cut_points = []
    if dateline and start == dateline[0] and dateline[1] < end:
        cut_points.append(dateline[1])
    i = start
    while i < end:
        found = _TERMINATOR.search(text, i, end)
        if found is None:
            break
        i, char = found.start(), found.group()
        if not quoted(i):
            j = i
            while j + 1 < end and (text[j + 1] in _TERMINATORS or text[j + 1] in "»”\")"):
                j += 1
            # "3.5", "أ.ش.أ": a full stop between letters or digits does not end a sentence
            next_char = text[j + 1] if j + 1 < end else " "
            abbreviation = char == "." and _is_abbreviation(text, i)
            ends = (next_char.isspace() and not abbreviation) or _glued(text, i, j + 1, end)
            if ends and not _colon_next(text, j + 1, end):
                cut_points.append(j + 1)
            i = j + 1
            continue
        i += 1
    spans, current = [], start
    for cut in sorted(set(cut_points)):
        if current < cut <= end:
            spans.append((current, cut))
            current = cut
    spans.append((current, end))
    cleaned = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            cleaned.append((s, e))
    return cleaned


def _colon_next(text: str, i: int, end: int) -> bool:
    """ "... تابعتها “المعالي نيوز”. : “تلقيت ...”": a colon right after a full stop opens the words
    the sentence announced; it goes on."""
    while i < end and text[i] in " \t":
        i += 1
    return i < end and text[i] == ":"


MAX_SENTENCE_CHARS = 2000  # news sentences run to 600 characters; the extractors' work grows with the square
_CUT_AFTER = re.compile(r"[،,؛;:]\s+|\s+")


def _capped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences of at most MAX_SENTENCE_CHARS: a longer run of text without a full stop (a list,
    a page with no punctuation, a crafted input) is cut into segments after its last comma, or
    else at its last space, before the limit, so extraction time grows linearly with its length."""
    if all(end - start <= MAX_SENTENCE_CHARS for start, end in spans):
        return spans
    capped = []
    for start, end in spans:
        while end - start > MAX_SENTENCE_CHARS:
            cut = _cut_point(text, start, start + MAX_SENTENCE_CHARS)
            capped.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            capped.append((start, end))
    return capped


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end a segment that may run to `limit`: after the last comma (or semicolon, colon)
    in its last quarter, else at the last space there, else at the limit itself."""
    after_comma = at_space = None
    for match in _CUT_AFTER.finditer(text, max(start + 1, limit - MAX_SENTENCE_CHARS // 4), limit):
        if match.group()[0] in "،,؛;:":
            after_comma = match.start() + 1
        else:
            at_space = match.start()
    return after_comma or at_space or limit


_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]{3}")


def _glued(text: str, stop: int, after: int, end: int) -> bool:
    """ "والاقتصادية.وكان الوكيل": a page that lost the space after a full stop between two words
    of three letters or more (an abbreviation's letters stand alone: "أ.ش.أ")."""
    word_end = stop
    while word_end > 0 and text[word_end - 1] in "»”\")":  # "... لي تشن».وتقدم"
        word_end -= 1
    return (
        text[stop] in ".؟!"
        and word_end >= 3
        and _ARABIC_LETTERS.fullmatch(text, word_end - 3, word_end) is not None
        and _ARABIC_LETTERS.match(text, after, min(end, after + 3)) is not None
    )


def _is_abbreviation(text: str, i: int) -> bool:
    """A full stop after a single letter ("أ. ش. أ") belongs to an abbreviation."""
    before = text[max(0, i - 2) : i]
    return len(before) == 2 and before[0].isspace() and before[1].isalpha()


def _classify(
    text: str, paragraphs: list[tuple[int, int]], title: str, norm: NormalizedText, found: _Words
) -> list[str]:
    kinds = []
    title_norm = " ".join(_WORD.findall(normalize(title))) if title else ""
    # a line is told by its first words and by how many it has, up to _FRONT_MAX_TOKENS (or the
    # headline's count, to match the headline): a longer paragraph's other words are not split out
    enough = max(_FRONT_MAX_TOKENS, title_norm.count(" ") + 1) + 1
    body_started = False
    in_links = False  # the lines under a bare "اقرأ أيضاً" are link headlines
    masthead = False  # "رئيس التحرير" on a line of its own: the editor's name is on the next one
    listing = False  # the body's last line opened a list ("كل من:") or was one of its items
    for start, end in paragraphs:
        raw = text[start:end]
        words = _first_words(norm, found, raw, start, end, enough)
        joined = " ".join(words)
        if not body_started and (joined.startswith(_MASTHEAD) or (masthead and len(words) <= 4)):
            masthead = joined.startswith(_MASTHEAD) and len(words) <= 5
            kinds.append(NOISE)  # a page's masthead: its editors are no party to the news
            continue
        masthead = False
        # headlines end without a full stop, or with "..": "بين الأسد وبوتين.."
        stripped = raw.rstrip()
        ends_sentence = stripped[-1:] in ".!?؟:\"»”)" and not stripped.endswith("..")
        if (
            joined in _NOISE_LINES
            or (len(words) <= 4 and raw.isascii())
            or (not body_started and _name_then_colon(stripped, words))
            or joined.startswith(_STAMPS)
            or (_is_byline(raw, words, ends_sentence) and not _is_dateline_line(raw))
            or _is_tag_line(raw)
        ):
            in_links = joined.startswith(_TRAILER_START)
            kinds.append(NOISE)
            continue
        if body_started and joined.startswith(_TRAILER_START):
            in_links = len(words) <= 3
            kinds.append(NOISE)
            continue
        if in_links and not ends_sentence and len(words) <= 16:
            kinds.append(NOISE)
            continue
        in_links = False
        if title_norm and joined == title_norm:
            kinds.append(FRONT)
            continue
        if not body_started and len(words) <= 16 and _is_dateline_line(raw):
            kinds.append(DATELINE)
            continue
        if not body_started and len(words) <= _FRONT_MAX_TOKENS and not ends_sentence and not _lead_line(words):
            kinds.append(FRONT)
            continue
        # "السفراء الجدد:" then "- X – تركيا" a line: the items of a list the body opened are body
        item = listing and stripped.lstrip()[:1] in ITEM_MARKS
        if body_started and len(words) <= 10 and not ends_sentence and not item:
            kinds.append(FRONT)  # a caption or sub-heading inside the body
            listing = False
            continue
        listing = item or stripped.endswith(":")
        body_started = True
        kinds.append(BODY)
    return kinds


# the marks that open the items of a list, one a line
ITEM_MARKS = frozenset("*-•–·▪")


def _first_words(norm: NormalizedText, found: _Words, raw: str, start: int, end: int, count: int) -> list[str]:
    """The first `count` words of normalize(raw), the paragraph [start, end): read off the article's
    normalised text (its words, `found`), which holds the paragraph's characters normalised one by
    one as normalize() does (so the paragraph is not normalised a second time), unless a space was
    put after a tanween inside it (normalize() leaves the two words glued) or it holds a capital
    sigma (whose lower case depends on the letters around it)."""
    if "Σ" in raw or any(start <= glued < end for glued in norm.glued):
        return [word.group() for word in islice(_WORD.finditer(normalize(raw)), count)]
    last = len(norm.offsets) - 1
    n_start, n_end = bisect_left(norm.offsets, start, 0, last), bisect_left(norm.offsets, end, 0, last)
    within = found.within(n_start, n_end)
    if within is None:
        return _WORD.findall(norm.text, n_start, n_end)[:count]
    first, last = within
    return found.words[first : min(last, first + count)]


# the past tense a story's first sentence opens with ("استقبل ..."، "بحث ..."); a headline says "يستقبل"
_LEAD_VERBS = frozenset(
    normalize(w)
    for w in (
        "استقبل", "التقى", "بحث", "أجرى", "تلقى", "تسلم", "اجتمع", "عقد", "أكد", "قال", "شدد", "أعرب", "هنأ",
        "وصل", "زار", "اتصل", "استقبلت", "التقت", "بحثت", "أجرت", "تلقت", "تسلمت", "اجتمعت", "عقدت", "أكدت",
        "قالت", "شددت", "أعربت", "هنأت", "وصلت", "زارت", "اتصلت", "دعا", "دعت", "أدان", "أدانت", "رحب", "رحبت",
    )
)  # fmt: skip
_LEAD_WORDS = 16  # a headline seldom runs this long


def _lead_line(words: list[str]) -> bool:
    """ "استقبل سمو الشيخ X وزير الخارجية سعادة Y المدير العام ..." without its full stop: a long line
    opening with a verb in the past tense is the story's first sentence, not its headline."""
    return len(words) >= _LEAD_WORDS and words[0] in _LEAD_VERBS


def _name_then_colon(stripped: str, words: list[str]) -> bool:
    """ "رباب سعيد:" on a line of its own above the story: the writer's name, a byline without its cue."""
    return stripped.endswith(":") and 2 <= len(words) <= 3 and _SAYING.isdisjoint(words)


# "وقال الوزير:"، "وأضاف السفير:": a speaker announced, not a byline (kg.text does not read kg.extract's lists)
_SAYING = frozenset(
    normalize(p + w)
    for w in ("قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "تابع", "تابعت", "أوضح", "أوضحت", "أردف", "مضيفا")
    for p in ("", "و", "ف")
)


def _is_byline(raw: str, words: list[str], ends_sentence: bool) -> bool:
    """A short line that holds a byline ("السبت 06-09-2014 | كتب: جمعة حمد الله |")."""
    return len(words) <= 16 and not ends_sentence and _BYLINE.search(raw.strip()) is not None


def _is_tag_line(raw: str) -> bool:
    """"#جنيف #سوريا": a line of hashtags."""
    if "#" not in raw:
        return False  # (nearly every line: no need to look at its words one by one)
    pieces = raw.split()
    return bool(pieces) and sum(p.startswith("#") for p in pieces) * 2 >= len(pieces)


def _is_dateline_line(raw: str) -> bool:
    """A line of its own: "دمشق - سانا", or a place and a date ("الرياض 18 شعبان 1442 هـ ... واس")."""
    match = _dateline_prefix(raw, 0, len(raw))
    rest = raw[match.end() :].strip() if match is not None else ""
    if match is not None and len(rest.split()) <= 4 and rest[-1:] not in ".؟!\"»”":
        return True
    words = raw.split()
    dated = bool(_DIGIT.search(raw)) and not _DIGIT.search(words[0])
    return len(words) <= 16 and dated and raw.strip()[-1:] not in ".؟!"


def _dateline_prefix(text: str, start: int, end: int):
    """The dateline at the start of a span: a place of at most three words before the date, then
    an agency in brackets or slashes or a dash (at least one of the two)."""
    match = _DATELINE.match(text, start, end)
    if not match:
        return None
    place = match.group("place")
    if match.group("bare") and _DIGIT.search(place):
        match = _DATELINE_TO_AGENCY.match(text, start, end)  # "الكويت - ١٦ - ٣ (كونا) --"
        if not match:
            return None
        place = match.group("place")
    if "-" in place and not match.group("agency"):
        return None
    words_before_date = _DIGIT.split(place)[0].split()
    if not words_before_date or len(words_before_date) > 3 or len(place.split()) > 10:
        return None
    if any(normalize(word) in _NO_DATELINE_WORDS for word in words_before_date):
        return None  # "استقبل السيد (محمد المعلول) ...": a sentence with a name in brackets
    return match


def _dateline(text, paragraphs, kinds) -> tuple[int, int] | None:
    """The dateline: a short line of its own, or the prefix of the first body paragraph."""
    for index, (start, end) in enumerate(paragraphs):
        kind = kinds[index]
        if kind == DATELINE:
            return (start, end)
        if kind == BODY:
            stamp = _STAMP_PREFIX.match(text, start, end)
            match = _dateline_prefix(text, stamp.end() if stamp else start, end)
            if match is None and stamp:
                match = _dateline_prefix(text, start, end)
            if match:
                end = match.end()
                while text[end - 1].isspace():
                    end -= 1
                return (start, end)
            return None
    return None
