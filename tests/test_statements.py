"""Statements: direct quotations in "…", «…» and “…”, reported speech after a reporting verb with
إن/أن, continuations (مشيراً، لافتاً، مضيفاً، مؤكداً), the speaker, the addressee, the direct flag
and the meeting a statement was made at.

The sentences are written for these tests in the style of Arab news agencies.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DAY = dt.date(2024, 4, 9)

LAVROV, ERDOGAN, ZAKHAROVA = "person:sergey-lavrov", "person:recep-tayyip-erdogan", "person:maria-zakharova"
GUTERRES, SISI, ABBAS = "person:antonio-guterres", "person:abdel-fattah-el-sisi", "person:mahmoud-abbas"
ABDOLLAHIAN, SUDANI = "person:hossein-amir-abdollahian", "person:mohammed-shia-al-sudani"
ABDULLAH, ASSAD, BUSAIDI = "person:abdullah-ii", "person:bashar-al-assad", "person:badr-albusaidi"


def statements_of(text: str):
    return extract(text, published=DAY).statements


def said(text: str) -> set[tuple[tuple[str, ...], str, bool]]:
    """(speakers, words, direct) of every statement of a text."""
    return {(s.speakers, s.quote, s.direct) for s in statements_of(text)}


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ('وقال وزير الخارجية الروسي سيرغي لافروف: "إن روسيا لن تسمح بعودة الإرهاب إلى سوريا. نحن ملتزمون بذلك".',
         LAVROV, "إن روسيا لن تسمح بعودة الإرهاب إلى سوريا. نحن ملتزمون بذلك"),
        ("وقال الرئيس التركي رجب طيب أردوغان: «نعتقد أننا سنتوصل إلى حل يرضي الجميع في وقت قريب».",
         ERDOGAN, "نعتقد أننا سنتوصل إلى حل يرضي الجميع في وقت قريب"),
        ("وأضاف وزير الخارجية الإيراني حسين أمير عبد اللهيان: “على واشنطن أن ترفع العقوبات أولاً”.",
         ABDOLLAHIAN, "على واشنطن أن ترفع العقوبات أولاً"),
        ("«لن نقبل بتصفية القضية الفلسطينية»، قال الرئيس المصري عبد الفتاح السيسي في كلمته.",
         SISI, "لن نقبل بتصفية القضية الفلسطينية"),
    ],
)
def test_a_direct_quotation(text, speaker, words):
    assert said(text) == {((speaker,), words, True)}


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة لاستضافة جولة جديدة من المحادثات.",
         LAVROV, "موسكو مستعدة لاستضافة جولة جديدة من المحادثات"),
        ("وأكد الرئيس التركي رجب طيب أردوغان أن بلاده ستواصل جهودها لإحياء اتفاق الحبوب.",
         ERDOGAN, "بلاده ستواصل جهودها لإحياء اتفاق الحبوب"),
        ("وأوضح وزير الخارجية الإيراني حسين أمير عبد اللهيان أن طهران لا تسعى إلى التصعيد.",
         ABDOLLAHIAN, "طهران لا تسعى إلى التصعيد"),
        ("وأشار الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى أن الوضع الإنساني في غزة كارثي.",
         GUTERRES, "الوضع الإنساني في غزة كارثي"),
        ("ولفت الرئيس المصري عبد الفتاح السيسي إلى أن مصر لن تسمح بتهجير الفلسطينيين.",
         SISI, "مصر لن تسمح بتهجير الفلسطينيين"),
        ("وشدد الأمين العام للأمم المتحدة أنطونيو غوتيريش على ضرورة إيصال المساعدات الإنسانية دون عوائق.",
         GUTERRES, "ضرورة إيصال المساعدات الإنسانية دون عوائق"),
        ("ودعا رئيس الوزراء العراقي محمد شياع السوداني إلى وقف التصعيد في المنطقة.",
         SUDANI, "وقف التصعيد في المنطقة"),
        ("وأعرب الملك عبدالله الثاني عن تقديره لجهود مصر في تثبيت التهدئة.",
         ABDULLAH, "تقديره لجهود مصر في تثبيت التهدئة"),
        ("وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن العقوبات الغربية غير شرعية.",
         ZAKHAROVA, "العقوبات الغربية غير شرعية"),
        ("وتابع وزير الخارجية الروسي سيرغي لافروف أن الحوار هو الطريق الوحيد للحل.",
         LAVROV, "الحوار هو الطريق الوحيد للحل"),
    ],
)
def test_reported_speech(text, speaker, words):
    assert said(text) == {((speaker,), words, False)}


@pytest.mark.parametrize(
    ("text", "speaker", "parts"),
    [
        ("وأكد الرئيس التركي رجب طيب أردوغان أن بلاده ستواصل جهودها لإحياء اتفاق الحبوب، مشيراً إلى أن المفاوضات "
         "مع موسكو مستمرة، لافتاً إلى أن الأمن الغذائي العالمي على المحك.", ERDOGAN,
         ["بلاده ستواصل جهودها لإحياء اتفاق الحبوب", "المفاوضات مع موسكو مستمرة",
          "الأمن الغذائي العالمي على المحك"]),
        ("وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن العقوبات الغربية غير شرعية، مضيفة أن موسكو "
         "سترد بالمثل، ومؤكدة أن روسيا لن تتخلى عن حلفائها.", ZAKHAROVA,
         ["العقوبات الغربية غير شرعية", "موسكو سترد بالمثل", "روسيا لن تتخلى عن حلفائها"]),
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن الحل في سوريا سياسي، مضيفاً أن موسكو تدعم عمل اللجنة "
         "الدستورية، ومؤكداً أن وحدة الأراضي السورية خط أحمر.", LAVROV,
         ["الحل في سوريا سياسي", "موسكو تدعم عمل اللجنة الدستورية", "وحدة الأراضي السورية خط أحمر"]),
    ],
)
def test_continuations_are_statements_of_the_same_speaker(text, speaker, parts):
    assert said(text) == {((speaker,), part, False) for part in parts}


def test_a_quotation_after_reported_speech_in_one_sentence():
    text = ("من جانبه، أكد الرئيس التركي رجب طيب أردوغان أن بلاده ستقدم مقترحات جديدة، وقال: «نعتقد أننا سنتوصل "
            "إلى حل قريباً».")
    assert said(text) == {
        ((ERDOGAN,), "بلاده ستقدم مقترحات جديدة", False),
        ((ERDOGAN,), "نعتقد أننا سنتوصل إلى حل قريباً", True),
    }


def test_a_quoted_fragment_completing_reported_speech_is_direct():
    text = ('وقال الرئيس السوري بشار الأسد إن العلاقات بين البلدين "أخوية ومتينة وتجمعها روابط تاريخية".')
    ((speakers, words, direct),) = said(text)
    assert speakers == (ASSAD,)
    assert "أخوية ومتينة وتجمعها روابط تاريخية" in words
    assert direct


def test_the_addressee_and_the_meeting_of_a_statement():
    text = ("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم الرئيس الفلسطيني محمود عباس. "
            "وقال السيسي للرئيس عباس إن مصر تدعم إقامة الدولة الفلسطينية المستقلة.")
    found = extract(text, published=DAY)
    (statement,) = found.statements
    assert statement.speakers == (SISI,)
    assert statement.addressee == ABBAS
    assert statement.meeting is not None
    assert set(found.meetings[statement.meeting].participants) == {SISI, ABBAS}


def test_a_statement_outside_any_meeting_has_none():
    text = "وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن العقوبات الغربية غير شرعية."
    (statement,) = statements_of(text)
    assert statement.meeting is None and statement.addressee is None


def test_each_statement_points_at_its_words_and_sentence():
    text = ("وصل الوفد إلى موسكو أمس. وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار، مضيفاً: "
            "«لا حل عسكرياً للأزمة».")
    statements = statements_of(text)
    assert len(statements) == 2
    for statement in statements:
        assert text[statement.span.start : statement.span.end] == statement.span.text == statement.quote
        assert statement.evidence == text[text.index("وقال") :]


@pytest.mark.parametrize(
    "text",
    [
        "وصل وزير الخارجية الروسي سيرغي لافروف إلى الرياض اليوم في زيارة رسمية.",
        "قال مصدر دبلوماسي مطلع إن المفاوضات تعثرت.",  # nobody the article names
        "وقالت مصادر إعلامية إن الاجتماع قد يعقد الأسبوع المقبل.",
        "اقرأ أيضاً: لافروف: «لن نتراجع عن مواقفنا»",  # a link, not the article
    ],
)
def test_no_statement(text):
    assert statements_of(text) == ()


def test_reported_words_keep_their_marks_and_a_second_that_clause():
    text = "وأوضح وزير الخارجية الإيراني حسين أمير عبد اللهيان أن الاتفاق النووي ما زال ممكناً، وأن الحوار مستمر."
    quotes = [s.quote for s in statements_of(text)]
    # the tanween stays on the last letter, and "وأن ..." goes on with what the same verb reports
    assert quotes == ["الاتفاق النووي ما زال ممكناً، وأن الحوار مستمر"]
    text = "وأوضح وزير الخارجية الإيراني حسين أمير عبد اللهيان أن الاتفاق النووي ما زال ممكناً."
    assert [s.quote for s in statements_of(text)] == ["الاتفاق النووي ما زال ممكناً"]
