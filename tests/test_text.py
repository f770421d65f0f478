"""The Arabic text layer (kg.text): normalisation with an offset map, paragraphs, sentences, tokens, noise.

Every offset the text layer gives must slice the article's own text, whatever its spelling: tashkeel,
tatweel, a byte-order mark, CRLF line ends, Eastern Arabic digits. The Arabic here is written for
these tests.
"""

from __future__ import annotations

import unicodedata

import pytest

from kg.model import Article
from kg.text import analyse, normalize, normalize_with_offsets

TATWEEL = "\u0640"


def is_mark(char: str) -> bool:
    """A character that belongs to the letter before it: tashkeel (and other combining marks) or tatweel."""
    return char == TATWEEL or unicodedata.combining(char) > 0


def doc_of(text: str, title: str = ""):
    return analyse(Article(id="t", text=text, title=title))


# --- normalisation --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الرَّئِيسُ السُّورِيُّ", "الرييس السوري"),  # tashkeel and shadda go, ئ is folded to ي
        ("الأســـد", "الاسد"),  # tatweel goes, أ is a bare alef
        ("إيران وآسيا", "ايران واسيا"),  # إ and آ
        ("مستشفى الرياض", "مستشفي الرياض"),  # alef maqsura
        ("القاهرة", "القاهره"),  # taa marbuta
        ("مؤتمر", "موتمر"),  # hamza on waw
        ("٢٠٢٤ و۱۴۰۳", "2024 و1403"),  # Eastern Arabic and Persian digits
        ("\ufeffبيان", "بيان"),  # a byte-order mark is not text
        ("عبد\u200cالله", "عبدالله"),  # zero-width non-joiner
        ("NATO و\u00a0الناتو", "nato و الناتو"),  # Latin lower-cased, no-break space is a space
        ("ﻻ", "لا"),  # a presentation-form ligature stands for two letters
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_pyarabics_tashkeel_and_tatweel_and_every_other_mark_are_dropped():
    from pyarabic.araby_const import TASHKEEL
    from pyarabic.araby_const import TATWEEL as PYARABIC_TATWEEL

    from kg.text.normalize import _MARKS, _REMOVED

    assert set(TASHKEEL) | {PYARABIC_TATWEEL} <= _MARKS <= set(_REMOVED)
    # beyond pyarabic's eight: maddah, hamza above and below (U+0653-065F), dagger alef, Quranic signs
    assert {chr(c) for c in range(0x0653, 0x0660)} | {"\u0670", "\u0610", "\u061a"} <= _MARKS
    assert all(is_mark(char) for char in _MARKS)
    word = "مُحَمَّـــدٌ" + "\u0670\u0653\u0617"
    assert normalize(word) == "محمد"
    assert normalize_with_offsets(word).text == "محمد"


@pytest.mark.parametrize(
    "text",
    [
        "قالَ الرَّئِيسُ السُّورِيُّ بشّارُ الأســد إنَّ عامَ ٢٠٢٤ عامُ الحوار.",
        "\ufeffدمشـــق - سانا\r\nاستقبل الرئيس اليوم وفداً.",
        "ﻻ سلام بلا عدالة",
    ],
)
def test_the_offset_map_points_each_normalised_character_at_its_origin(text):
    norm = normalize_with_offsets(text)
    assert norm.text == normalize(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(text)
    assert list(norm.offsets) == sorted(norm.offsets)
    for index, char in enumerate(norm.text):
        assert char in normalize(text[norm.offsets[index]])


@pytest.mark.parametrize(
    ("text", "word", "original"),
    [
        ("استقبلَ الرئيسُ السوريُّ بشّار الأسد وفداً.", "بشار", "بشّار"),
        ("وصل وزير الخارجية إلى دِمَشق اليوم.", "دمشق", "دِمَشق"),
        ("قال الأمين العام للأمم المتحـــدة إن الحل سياسي.", "للامم المتحده", "للأمم المتحـــدة"),
        ("اجتمع الوفدان في طرابلـس أمس.", "طرابلس", "طرابلـس"),
        ("عقد الاجتماع في ١٥ آذار ٢٠٢٤.", "15 اذار 2024", "١٥ آذار ٢٠٢٤"),
        ("\ufeffالرياض - واس", "الرياض", "الرياض"),
    ],
)
def test_original_span_gives_back_the_articles_own_spelling(text, word, original):
    norm = normalize_with_offsets(text)
    start = norm.text.index(word)
    begin, end = norm.original_span(start, start + len(word))
    assert text[begin:end] == original


@pytest.mark.parametrize(
    ("text", "word", "original"),
    [
        ("وقال الرئيسُ إن الحل سياسي.", "الرييس", "الرئيسُ"),
        ("استقبل الرئيس السوريُّ وفداً.", "السوري", "السوريُّ"),
    ],
)
def test_original_span_keeps_the_marks_of_the_last_letter(text, word, original):
    norm = normalize_with_offsets(text)
    start = norm.text.index(word)
    begin, end = norm.original_span(start, start + len(word))
    assert text[begin:end] == original


# --- paragraphs, sentences, tokens ---------------------------------------------------------------

OFFSET_TEXTS = [
    "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان في موسكو اليوم.",
    "\ufeffدمشق - سانا\r\n\r\nاستقبلَ الرئيسُ بشّار الأسـد اليوم وفداً.\r\nوقال: «نرحب بكم. أهلاً».",
    "الكويت - ١٦ - ٣ (كونا) -- استقبل وزير الخارجية المبعوث الأممي.\n\n(النهاية)",
    "Menu\nالقائمة\nعنوان الخبر\nالرياض - واس\nوصل الوفد.\nاقرأ أيضاً: خبر آخر",
    'قال الوزير: "سنواصل العمل. لن نتوقف" ثم غادر',
    "  \n\n   نص يبدأ بمسافات وينتهي بها.   \n\n  ",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_paragraphs_sentences_and_tokens_slice_the_original_text(text):
    doc = doc_of(text)
    assert doc.tokens and doc.sentences
    for start, end, _kind in doc.paragraphs:
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
    previous_end = 0
    for sentence in doc.sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        previous_end = sentence.end
        p_start, p_end, _ = doc.paragraphs[sentence.paragraph]
        assert p_start <= sentence.start and sentence.end <= p_end
        for token in doc.sentence_tokens(sentence):
            assert sentence.start <= token.start < token.end <= sentence.end
            assert token.sentence == sentence.index
    for index, token in enumerate(doc.tokens):
        assert token.index == index
        assert token.text == text[token.start : token.end]
        assert token.norm == normalize(token.text)


def test_every_word_of_the_body_is_in_some_token():
    text = "استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي."
    doc = doc_of(text)
    assert [t.text for t in doc.tokens if t.is_word] == text.rstrip(".").split()


def test_a_token_keeps_the_tashkeel_of_its_last_letter():
    text = "قالَ الرَّئِيسُ السُّورِيُّ إنَّ الحوارَ مستمرٌّ"
    doc = doc_of(text)
    assert [t.text for t in doc.tokens] == text.split()
    for token in doc.tokens:
        assert token.end == len(text) or not is_mark(text[token.end])


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "وصل الوفد إلى القاهرة. وبدأت المباحثات على الفور! هل تنجح؟ يأمل الجميع ذلك.",
            ["وصل الوفد إلى القاهرة.", "وبدأت المباحثات على الفور!", "هل تنجح؟", "يأمل الجميع ذلك."],
        ),
        (  # a decimal point does not end a sentence
            "ارتفع حجم التبادل التجاري إلى 3.5 مليار دولار. وأشاد الوزيران بذلك.",
            ["ارتفع حجم التبادل التجاري إلى 3.5 مليار دولار.", "وأشاد الوزيران بذلك."],
        ),
        (  # nor do the full stops of an agency's initials
            "وذكرت وكالة أ. ش. أ أن الاجتماع انتهى. وغادر الوفد.",
            ["وذكرت وكالة أ. ش. أ أن الاجتماع انتهى.", "وغادر الوفد."],
        ),
        (  # each line is its own paragraph
            "انتهت القمة\nوصدر بيان ختامي.",
            ["انتهت القمة", "وصدر بيان ختامي."],
        ),
    ],
)
def test_sentences(text, sentences):
    doc = doc_of(text)
    assert [doc.sentence_text(s) for s in doc.sentences] == sentences


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "وقال الوزير: «لن نقبل بأي حل مفروض. الحل بيد السوريين وحدهم». وغادر بعد ذلك.",
            "لن نقبل بأي حل مفروض. الحل بيد السوريين وحدهم",
        ),
        (
            'وأضاف: "نحن مستعدون للحوار. لكننا لن نتنازل عن حقوقنا!" وفق ما نقلت الوكالة.',
            "نحن مستعدون للحوار. لكننا لن نتنازل عن حقوقنا!",
        ),
        (
            "وتابع: “هذه خطوة أولى. ستتبعها خطوات؟ بالتأكيد.” ثم اختتم حديثه.",
            "هذه خطوة أولى. ستتبعها خطوات؟ بالتأكيد.",
        ),
    ],
)
def test_a_quotation_with_full_stops_inside_stays_in_one_sentence(text, quoted):
    doc = doc_of(text)
    start = text.index(quoted)
    holding = [s for s in doc.sentences if s.start <= start and start + len(quoted) <= s.end]
    assert len(holding) == 1
    quote = doc.quote_at(start)
    assert quote is not None and text[quote.start : quote.end] == quoted


def test_quotations_are_found_in_each_of_the_three_styles():
    text = 'قال الأول «نعم»، وقال الثاني "لا"، وقال الثالث “ربما”.'
    doc = doc_of(text)
    assert [text[q.start : q.end] for q in doc.quotes] == ["نعم", "لا", "ربما"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الأول ”لن نقبل بأي حل مفروض” ثم غادر.",  # the closing mark at both ends
        "وقال الأول “لن نقبل بأي حل مفروض“ ثم غادر.",  # the opening mark at both ends
    ],
)
def test_a_quotation_between_two_same_marks(text):
    doc = doc_of(text)
    assert [text[q.start : q.end] for q in doc.quotes] == ["لن نقبل بأي حل مفروض"]
    # a closing mark alone (its quotation opened a paragraph before) opens nothing
    assert doc_of("وهذا ما قاله الوزير” في كلمته، وقال الرئيس إن الحل سياسي.").quotes == ()


# --- page noise ---------------------------------------------------------------------------------

PAGE = (
    "Menu\n"
    "القائمة\n"
    "الرئيسية\n"
    "شارك\n"
    "وزيرا خارجية الأردن ومصر يبحثان الأوضاع في غزة\n"
    "الوزيران خلال المؤتمر الصحفي المشترك في عمان\n"
    "عمان _ بوابة الأخبار\n"
    "بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري في عمان اليوم الأوضاع في غزة.\n"
    "وأكد الوزيران ضرورة وقف إطلاق النار فوراً.\n"
    "اقرأ أيضاً\n"
    "لافروف يستقبل بيدرسون في موسكو\n"
    "اقرأ أيضاً: غوتيريش يدعو إلى هدنة إنسانية\n"
)


def test_menus_headlines_captions_datelines_and_links_are_not_body():
    doc = doc_of(PAGE, title="وزيرا خارجية الأردن ومصر يبحثان الأوضاع في غزة")
    kinds = {doc.sentence_text(s): s.kind for s in doc.sentences}
    body = [text for text, kind in kinds.items() if kind == "body"]
    assert body == [
        "بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري في عمان اليوم الأوضاع في غزة.",
        "وأكد الوزيران ضرورة وقف إطلاق النار فوراً.",
    ]
    assert kinds["Menu"] == kinds["القائمة"] == kinds["شارك"] == "noise"
    assert kinds["عمان _ بوابة الأخبار"] == "dateline"
    assert kinds["اقرأ أيضاً: غوتيريش يدعو إلى هدنة إنسانية"] == "noise"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("موسكو _ بوابة الهدف\nقالت الخارجية الروسية إن الوفد وصل.", "موسكو _ بوابة الهدف"),
        ("دمشق-سانا\n\nاستقبل الرئيس الأسد اليوم وفداً.", "دمشق-سانا"),
        ("القاهرة (أ ش أ) - أكد وزير الخارجية أن الحوار هو السبيل.", "القاهرة (أ ش أ) -"),
        ("بكين (وكالات) - رحبت الصين بالاتفاق.", "بكين (وكالات) -"),
        ("عمان 14 آب (بترا) - استقبل الملك اليوم الرئيس الفلسطيني.", "عمان 14 آب (بترا) -"),
    ],
)
def test_datelines(text, dateline):
    doc = doc_of(text)
    assert doc.dateline is not None
    assert text[doc.dateline[0] : doc.dateline[1]] == dateline
    assert all(s.kind == "body" for s in doc.sentences if s.start >= doc.dateline[1])


def test_a_dateline_with_the_agency_after_the_dash():
    text = "الرياض - واس: وصل ولي العهد إلى جدة اليوم."
    doc = doc_of(text)
    assert doc.dateline is not None
    assert text[doc.dateline[0] : doc.dateline[1]] == "الرياض - واس:"
