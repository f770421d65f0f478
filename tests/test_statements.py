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
PUTIN, KALLAS, EGYPT_MFA = "person:vladimir-putin", "person:kaja-kallas", "org:egypt-mfa"


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


def test_a_call_or_a_letter_speaks_for_whoever_made_or_wrote_it():
    text = ("أجرى وزير الخارجية الروسي سيرغي لافروف اتصالاً هاتفياً مع نظيره التركي هاكان فيدان، أعرب فيه عن قلق "
            "موسكو من التصعيد.")
    assert said(text) == {((LAVROV,), "قلق موسكو من التصعيد", False)}
    text = ("تسلم الرئيس السوري بشار الأسد رسالة من الرئيس الروسي فلاديمير بوتين نقلها إليه المبعوث الخاص، أعرب "
            "فيها عن دعم موسكو لدمشق.")
    assert said(text) == {((PUTIN,), "دعم موسكو لدمشق", False)}


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        # the speaker in the frame "في تصريح لـ X،" before the verb
        ("وفي تصريح للمتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا، ذكرت أن موسكو تتابع التطورات باهتمام.",
         ZAKHAROVA, "موسكو تتابع التطورات باهتمام"),
        # an office, the body it serves, then the name
        ("وقالت الممثلة العليا للشؤون الخارجية والسياسة الأمنية في الاتحاد الأوروبي كايا كالاس إن الدعم مرتبط "
         "بعملية انتقال شاملة.", KALLAS, "الدعم مرتبط بعملية انتقال شاملة"),
        # a communiqué issued by a body the text names
        ("وجاء في بيان صادر عن وزارة الخارجية المصرية أن مصر ترفض أي مساس بسيادة الدول العربية.",
         EGYPT_MFA, "مصر ترفض أي مساس بسيادة الدول العربية"),
        # a communiqué whose words open with the country that takes the stand
        ("وجاء في البيان أن المملكة العربية السعودية تدعم كل الجهود الرامية إلى التهدئة.",
         "country:SA", "المملكة العربية السعودية تدعم كل الجهود الرامية إلى التهدئة"),
        # a country called on, then what for after لـ
        ("ودعا وزير الخارجية الروسي سيرغي لافروف في مؤتمره الصحفي، الاتحاد الأوروبي لإعادة النظر في العقوبات.",
         LAVROV, "لإعادة النظر في العقوبات"),
        # a long clause of the occasion between the speaker and أن
        ("وأضاف وزير الخارجية الروسي سيرغي لافروف خلال لقائه نظيره التركي في العاصمة الروسية موسكو ضمن أعمال "
         "الاجتماع الوزاري الثلاثي حول الأوضاع في سوريا أن الحل السياسي هو الطريق الوحيد.",
         LAVROV, "الحل السياسي هو الطريق الوحيد"),
        # asides of the occasion, place and day between commas, then what he expressed
        ("وأعرب وزير الخارجية الروسي سيرغي لافروف خلال لقائه المبعوث الأممي إلى سوريا في موسكو، على هامش منتدى "
         "الأمن، يوم الأحد 7 كانون الأول، عن قلق بلاده من التصعيد.", LAVROV, "قلق بلاده من التصعيد"),
        # offices after the name between commas, one of them starting with the letter و
        ("وأكد الرئيس السوري بشار الأسد، القائد العام للجيش، وزير الدفاع الأسبق، أن سوريا لن تسمح بتهديد أمنها.",
         ASSAD, "سوريا لن تسمح بتهديد أمنها"),
        # the talks, not a person, "confirmed" inside the words
        ("وأضاف وزير الخارجية الروسي سيرغي لافروف أن الحوار الذي جرى أكد عمق العلاقات بين البلدين.",
         LAVROV, "الحوار الذي جرى أكد عمق العلاقات بين البلدين"),
        # quotation marks of Arabic pages: one mark at both ends
        ("وقال الرئيس السوري بشار الأسد “إن سوريا ستبقى صامدة في وجه الحصار“.",
         ASSAD, "إن سوريا ستبقى صامدة في وجه الحصار"),
    ],
)
def test_speakers_and_words_in_agency_copy(text, speaker, words):
    assert {(s.speakers, s.quote) for s in statements_of(text)} == {((speaker,), words)}


def test_the_ministry_named_before_speaks_again():
    text = ("وأعلنت وزارة الخارجية المصرية أن الوزير سيزور بغداد الأسبوع المقبل. وقالت الوزارة إن الزيارة تهدف "
            "إلى تعزيز التعاون. وأضاف المصدر ذاته أن الوزير سيلتقي نظيره العراقي.")
    assert said(text) == {
        ((EGYPT_MFA,), "الوزير سيزور بغداد الأسبوع المقبل", False),
        ((EGYPT_MFA,), "الزيارة تهدف إلى تعزيز التعاون", False),
        ((EGYPT_MFA,), "الوزير سيلتقي نظيره العراقي", False),
    }


def test_the_leaders_of_a_meeting_speak_together():
    text = ("عقد الرئيس المصري عبد الفتاح السيسي والملك عبدالله الثاني والرئيس الفلسطيني محمود عباس قمة ثلاثية في "
            "القاهرة اليوم. وأكد القادة الثلاثة أن حل الدولتين هو السبيل الوحيد لإحلال السلام.")
    (statement,) = statements_of(text)
    assert set(statement.speakers) == {SISI, ABDULLAH, ABBAS}


def test_the_participants_without_a_meeting_are_nobody():
    assert statements_of(LAVROV_SAID + "وأكد المشاركون في المؤتمر أن حل الدولتين هو السبيل الوحيد.") != ()
    assert said(LAVROV_SAID + "وأكد المشاركون في المؤتمر أن حل الدولتين هو السبيل الوحيد.") == {LAVROV_WORDS}


def test_both_sides_in_a_joint_statement():
    text = ("وأصدر الجانبان السعودي والإيراني في ختام الاجتماع بياناً مشتركاً أعلنا فيه استئناف العلاقات "
            "الدبلوماسية بين البلدين.")
    assert said(text) == {(("country:SA", "country:IR"), "استئناف العلاقات الدبلوماسية بين البلدين", False)}


def test_words_announced_at_a_line_end_follow_on_the_next_line():
    text = ("وقال وزير الخارجية الروسي سيرغي لافروف:\n«إن موسكو لن تتراجع عن مواقفها».\nوأضاف:\n"
            "«لا حل عسكرياً للأزمة السورية».")
    assert said(text) == {
        ((LAVROV,), "إن موسكو لن تتراجع عن مواقفها", True),
        ((LAVROV,), "لا حل عسكرياً للأزمة السورية", True),
    }


def test_a_verb_joined_to_the_sentence_goes_on_with_its_subject():
    text = LAVROV_SAID + ("وفي هذا الصدد، استعرض الرئيس السوري بشار الأسد العلاقات مع روسيا وأشار إلى أن التعاون "
                          "بين البلدين يتعزز.")
    assert said(text) == {LAVROV_WORDS, ((ASSAD,), "التعاون بين البلدين يتعزز", False)}


@pytest.mark.parametrize(
    "text",
    [
        # a verb describing a noun ("قرارات تدعو إلى" = resolutions that call for) reports nothing
        "ويعد هذا ثالث فيتو ضد مشاريع قرارات تدعو إلى وقف إطلاق النار في غزة.",
        # a body the lists do not know speaks: the last speaker does not go on
        "وأعربت وزارة الشؤون الخارجية والجالية الوطنية بالخارج عن أسفها، مؤكدة أن الجزائر ستواصل مساعيها.",
    ],
)
def test_the_last_speaker_does_not_go_on(text):
    assert said(LAVROV_SAID + text) == {LAVROV_WORDS}


def test_briefed_by_the_one_named_before_the_verb():
    text = ('وقال المتحدث إن عبد اللهيان أطلع الرئيس السوري بشار الأسد على نتائج جولته، و"المساعي الغربية '
            'الرامية إلى عرقلة الاتفاق".')
    (statement,) = statements_of(text)
    assert statement.speakers == (ABDOLLAHIAN,) and statement.addressee == ASSAD


def test_a_day_in_brackets_between_the_speaker_and_the_words():
    text = LAVROV_SAID + "ودعت الصين اليوم (الجمعة) الأطراف المعنية إلى الهدوء وضبط النفس."
    assert said(text) == {LAVROV_WORDS, (("country:CN",), "الهدوء وضبط النفس", False)}


@pytest.mark.parametrize(
    ("told", "addressee"),
    [("لقناة الميادين", None), ("لوكالة سبوتنيك", None), ("للرئيس السوري بشار الأسد", ASSAD)],
)
def test_whom_the_words_were_told_is_not_the_speaker(told, addressee):
    text = LAVROV_SAID + f"وقال {told} إن العقوبات لن تغير موقف بلاده."
    assert said(text) == {LAVROV_WORDS, ((LAVROV,), "العقوبات لن تغير موقف بلاده", False)}
    assert statements_of(text)[-1].addressee == addressee


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("استقبل الملك عبدالله الثاني وزير الخارجية الروسي سيرغي لافروف. وأكد جلالته أن الأردن يدعم الحل السياسي.",
         ABDULLAH),
        ("استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف. وأكد فخامته أن الأردن يدعم "
         "الحل السياسي.", SISI),
    ],
)
def test_an_honorific_pronoun_speaks_for_the_one_whose_office_it_goes_with(text, speaker):
    assert [s.speakers for s in statements_of(text)] == [(speaker,)]


def test_a_quoted_communique_reports_the_one_it_names():
    text = ('وقالت الرئاسة اللبنانية في بيان: "استقبل الرئيس جوزاف عون وزير الخارجية الروسي سيرغي لافروف في قصر '
            'بعبدا، وأكد الرئيس عون أن لبنان يرفض أي اعتداء على سيادته".')
    by_speaker = {s.speakers: s for s in statements_of(text)}
    assert by_speaker[("person:joseph-aoun",)].quote == "لبنان يرفض أي اعتداء على سيادته"
    assert not by_speaker[("person:joseph-aoun",)].direct
    # the communiqué opens with the meeting verb: it tells the meeting, it is not the presidency's words
    assert ("org:lebanon-presidency",) not in by_speaker
    # in one's own quoted words, a reporting verb is one's own
    text = ('وقال وزير الخارجية الروسي سيرغي لافروف: "أكدت لنظيري التركي خلال الاتصال أن موسكو لن تتراجع عن '
            'مواقفها في سوريا مهما كانت الضغوط".')
    assert [s.speakers for s in statements_of(text)] == [(LAVROV,)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # أبرز reports only with أن; "أبرز القضايا" is "the most prominent issues"
        ("وأبرز وزير الخارجية الروسي سيرغي لافروف أن المبادرة تحول الوضع إلى فرصة للتنمية.",
         {LAVROV_WORDS, ((LAVROV,), "المبادرة تحول الوضع إلى فرصة للتنمية", False)}),
        ("وناقش الجانبان أبرز القضايا الإقليمية والدولية.", {LAVROV_WORDS}),
        # "نقل عن X تأكيده أن": the one whose affirmation is reported
        ("ونقلت مصادر دبلوماسية عن الرئيس السوري بشار الأسد تأكيده أن دمشق لن تتخلى عن حلفائها.",
         {LAVROV_WORDS, ((ASSAD,), "دمشق لن تتخلى عن حلفائها", False)}),
        # "عبر الحوار" is "through", an عن further on does not make it "expressed"; the أن of a verb joined
        # after a comma is not where his words start
        ("وأكد لافروف ضرورة طي صفحة الخلاف عبر الحوار، ونقل الوزير عن نظيره أن الأجواء كانت إيجابية.",
         {LAVROV_WORDS, ((LAVROV,), "ضرورة طي صفحة الخلاف عبر الحوار، ونقل الوزير عن نظيره أن الأجواء كانت "
                                    "إيجابية", False)}),
        # a council the lists do not know speaks: not the last speaker
        ("وأكد المجلس الوزاري في بيانه الختامي دعمه لحق الشعب الفلسطيني في إقامة دولته.", {LAVROV_WORDS}),
    ],
)
def test_after_a_speaker(text, expected):
    assert said(LAVROV_SAID + text) == expected


def test_the_emir_by_his_honorific_and_rank_then_on_his_part():
    text = ("عقد أمير دولة قطر الشيخ تميم بن حمد آل ثاني والرئيس الروسي فلاديمير بوتين جلسة مباحثات في موسكو. "
            "ورحب الرئيس الروسي بسمو الأمير، معرباً عن تطلعه إلى تعزيز التعاون بين البلدين. وأكد سمو الأمير، "
            "من جانبه، حرص دولة قطر على تطوير علاقاتها مع روسيا.")
    found = {s.quote: s.speakers for s in statements_of(text)}
    assert found["حرص دولة قطر على تطوير علاقاتها مع روسيا"] == ("person:tamim-bin-hamad",)


def test_a_subject_put_first_before_fa():
    text = LAVROV_SAID + "أما الرئيس السوري بشار الأسد فأكد أن دمشق منفتحة على كل جهد صادق."
    assert said(text) == {LAVROV_WORDS, ((ASSAD,), "دمشق منفتحة على كل جهد صادق", False)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words of a communiqué open with a quotation mark, then the country that speaks
        ('وجاء في البيان الختامي أن "روسيا تدعم جهود المملكة في تحقيق الاستقرار الإقليمي".',
         {(("country:RU",), "روسيا تدعم جهود المملكة في تحقيق الاستقرار الإقليمي", True)}),
        ("وجاء في البيان الختامي أن «روسيا تدعم جهود المملكة في تحقيق الاستقرار الإقليمي».",
         {(("country:RU",), "روسيا تدعم جهود المملكة في تحقيق الاستقرار الإقليمي", True)}),
        # "أنه دعا X إلى": "he" (the speaker) called on X; X says nothing
        ("وأشار الرئيس التركي رجب طيب أردوغان إلى أنه تلقى اتصالاً من نظيره الروسي، مؤكداً أنه دعا بوتين إلى "
         "زيارة أنقرة قريباً.",
         {((ERDOGAN,), "تلقى اتصالاً من نظيره الروسي", False),
          ((ERDOGAN,), "دعا بوتين إلى زيارة أنقرة قريباً", False)}),
        # "غرد/كتب عن X": what he wrote about; his words come after "قائلاً" or the colon
        ("وغرد وزير الخارجية الروسي سيرغي لافروف عن الاجتماع الذي عقد أمس في أنقرة، قائلاً إن المشاركين اتفقوا "
         "على مواصلة الحوار.",
         {((LAVROV,), "المشاركين اتفقوا على مواصلة الحوار", False)}),
        # "أعلن عن ترحيبه" is what he announced: the words
        ("وأعلن وزير الخارجية الروسي سيرغي لافروف عن ترحيبه بالمبادرة المصرية.",
         {((LAVROV,), "عن ترحيبه بالمبادرة المصرية", False)}),
        # the words open with another's verb that gives no words of its own: the whole report is the speaker's
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن الرئيس بشار الأسد أبدى ترحيبه بالمبادرة.",
         {((LAVROV,), "الرئيس بشار الأسد أبدى ترحيبه بالمبادرة", False)}),
        # ... while one that gives words is the inner speaker's statement
        ("وقال وزير الخارجية الروسي سيرغي لافروف إن الرئيس بشار الأسد أكد أن دمشق منفتحة على الحوار مع جيرانها.",
         {((ASSAD,), "دمشق منفتحة على الحوار مع جيرانها", False)}),
    ],
)
def test_where_the_words_and_their_speaker_are(text, expected):
    assert said(text) == expected


def test_a_second_relative_clause_speaks_for_the_one_it_tells_of():
    # "والتي دعا خلالها": the visitor of the relative clause, not the last speaker; he spoke on that
    # visit, so he does not join the meeting of the sentence
    text = (LAVROV_SAID + "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية التركي هاكان فيدان في القاهرة، "
            "بعد أسبوع من الزيارة التي قام بها إلى مصر الرئيس الإيراني مسعود بزشكيان، والتي دعا خلالها إلى "
            "عقد مؤتمر دولي للسلام.")
    facts = extract(text, published=DAY)
    by_words = {s.quote: s.speakers for s in facts.statements}
    assert by_words["عقد مؤتمر دولي للسلام"] == ("person:masoud-pezeshkian",)
    assert [m.participants for m in facts.meetings] == [(SISI, "person:hakan-fidan")]
