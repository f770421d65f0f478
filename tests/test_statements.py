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


# --- kinds seen in real agency copy (issue 9); sentences written for these tests ---


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        ("وأثنى الرئيس المصري عبد الفتاح السيسي على الجهود التي يبذلها الأردن لتثبيت التهدئة.",
         SISI, "الجهود التي يبذلها الأردن لتثبيت التهدئة"),
        ("ونوه الرئيس السوري بشار الأسد بأهمية التنسيق بين البلدين في المحافل الدولية.",
         ASSAD, "بأهمية التنسيق بين البلدين في المحافل الدولية"),
        ("ونبه الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى أن المجاعة باتت وشيكة في القطاع.",
         GUTERRES, "المجاعة باتت وشيكة في القطاع"),
    ],
)
def test_more_reporting_words(text, speaker, words):
    assert said(text) == {((speaker,), words, False)}


def test_a_briefing_is_a_statement_only_when_it_quotes_what_was_said():
    text = ('وأطلع وزير الخارجية الإيراني حسين أمير عبد اللهيان الرئيس السوري بشار الأسد على نتائج جولته، '
            'و"المساعي الغربية الرامية إلى عرقلة الاتفاق".')
    (statement,) = statements_of(text)
    assert statement.speakers == (ABDOLLAHIAN,) and statement.addressee == ASSAD and statement.direct
    assert "المساعي الغربية الرامية إلى عرقلة الاتفاق" in statement.quote
    # briefed on a topic, no words of his own
    assert not statements_of(
        "وأطلع وزير الخارجية الإيراني حسين أمير عبد اللهيان الرئيس السوري بشار الأسد على نتائج جولته الأوروبية."
    )
    # اطّلع على: he was the one briefed
    assert not statements_of("واطلع الرئيس السوري بشار الأسد على سير التحضيرات للقمة العربية المقبلة في الرياض.")


LAVROV_SAID = "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار مع الجميع. "
LAVROV_WORDS = ((LAVROV,), "موسكو مستعدة للحوار مع الجميع", False)


@pytest.mark.parametrize(
    "text",
    [
        # an outlet is cited, it is no party
        'وذكرت صحيفة "الأفق" أن الرئيس المصري عبد الفتاح السيسي استقبل الوفد في القاهرة.',
        # welcoming a guest is a greeting
        "ورحب الرئيس السوري بشار الأسد بضيفه والوفد المرافق له.",
        "ورحب الرئيس السوري بشار الأسد، خلال اللقاء الذي جرى في قصر الشعب، بالوزير الضيف.",
    ],
)
def test_no_statement_in_real_copy(text):
    assert statements_of(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # عبر: "via", not "expressed"
        "وشارك لافروف في الاجتماع الوزاري عبر تقنية الفيديو كونفرانس حول الأوضاع في سوريا.",
        # an aside naming a source
        "والتقى لافروف نظيره التركي، حسبما أعلنت وزارة الخارجية الروسية في بيان نشرته على موقعها.",
        # an outlet is no party, nor does the last speaker go on
        "وأشار موقع إخباري روسي إلى أن الاتصال بين الوزيرين هو الثالث خلال شهر.",
    ],
)
def test_no_second_statement_after_a_speaker(text):
    assert said(LAVROV_SAID + text) == {LAVROV_WORDS}


def test_welcoming_a_decision_is_a_statement():
    text = "ورحب وزير الخارجية الروسي سيرغي لافروف بقرار مجلس الأمن الأخير بشأن وقف إطلاق النار."
    assert said(text) == {((LAVROV,), "بقرار مجلس الأمن الأخير بشأن وقف إطلاق النار", False)}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "عبر" inside the words is "via"; it neither starts nor ends a statement
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن الاجتماع الذي عقد عبر تقنية الفيديو كان مثمراً للغاية.",
         "الاجتماع الذي عقد عبر تقنية الفيديو كان مثمراً للغاية"),
        # "فيما بينها"، "فيما يتعلق": no new clause
        ("وأكد وزير الخارجية الروسي سيرغي لافروف أن على الأطراف السورية التواصل فيما بينها لتذليل العقبات.",
         "على الأطراف السورية التواصل فيما بينها لتذليل العقبات"),
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات شهدت تبادلاً للرؤى فيما يتعلق بالأوضاع الإقليمية.",
         "المحادثات شهدت تبادلاً للرؤى فيما يتعلق بالأوضاع الإقليمية"),
        # an aside naming the source between the speaker and the words
        ("وقال الرئيس السوري بشار الأسد – حسب ما أفادت الوكالة – إن دمشق منفتحة على كل المبادرات.",
         "دمشق منفتحة على كل المبادرات"),
        # "كما يؤكد X" inside the words is an aside, not a new statement
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن نهج بلاده كما يؤكد الرئيس الروسي دائماً يقوم على الحوار.",
         "نهج بلاده كما يؤكد الرئيس الروسي دائماً يقوم على الحوار"),
    ],
)
def test_words_run_past_asides(text, words):
    assert said(text) == {((LAVROV if "لافروف" in text else ASSAD,), words, False)}


def test_the_latter_speaks():
    text = ("والتقى وزير الخارجية الروسي سيرغي لافروف الرئيس السوري بشار الأسد، بينما أشار الأخير إلى أن ما "
            "صرح به في المؤتمر يخص الوضع الميداني.")
    assert said(text) == {((ASSAD,), "ما صرح به في المؤتمر يخص الوضع الميداني", False)}


def test_said_so_adds_no_statement():
    assert said(LAVROV_SAID + "صرح بذلك لافروف قبل أن يعقد اجتماعاً مع نظيره التركي.") == {LAVROV_WORDS}


def test_a_feminine_verb_goes_on_with_the_spokeswoman():
    text = ("وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن العقوبات الغربية غير شرعية.\n"
            "وأضافت «سنرد على كل خطوة عدائية بالمثل».")
    assert said(text) == {
        ((ZAKHAROVA,), "العقوبات الغربية غير شرعية", False),
        ((ZAKHAROVA,), "سنرد على كل خطوة عدائية بالمثل", True),
    }
