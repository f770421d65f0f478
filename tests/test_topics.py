"""Topics: keys of the fixed scheme (ONTOLOGY.md) for meetings and statements, from the scheme's wording.

The phrases are written for these tests; each is put in a held meeting ("وبحث معه ...") or in
someone's words, and the topic must come out with it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DAY = dt.date(2024, 4, 9)
SCHEME = {
    "bilateral-relations", "economic-cooperation", "counter-terrorism", "military-cooperation", "political-process",
    "refugees", "sanctions", "sovereignty", "reconstruction", "regional-situation", "ceasefire", "humanitarian-aid",
    "energy", "security", "nuclear", "diplomatic-relations", "palestinian-question", "water",
}
MEETING = "التقى الرئيس المصري عبد الفتاح السيسي رئيس الوزراء الإثيوبي آبي أحمد في القاهرة اليوم، وبحث معه {}."

PHRASES = [
    ("bilateral-relations", "سبل تعزيز العلاقات الثنائية بين البلدين"),
    ("economic-cooperation", "زيادة حجم التبادل التجاري وتشجيع الاستثمار المشترك"),
    ("counter-terrorism", "التعاون في مكافحة الإرهاب وملاحقة التنظيمات الإرهابية"),
    ("military-cooperation", "تطوير التعاون العسكري بين الجيشين"),
    ("political-process", "دعم العملية السياسية وعمل اللجنة الدستورية"),
    ("refugees", "تهيئة الظروف لعودة اللاجئين والنازحين"),
    ("sanctions", "رفع العقوبات الأحادية المفروضة"),
    ("sovereignty", "احترام السيادة ووحدة الأراضي وخروج القوات الأجنبية"),
    ("reconstruction", "المساهمة في مشاريع إعادة الإعمار"),
    ("regional-situation", "آخر المستجدات الإقليمية والدولية"),
    ("ceasefire", "تثبيت وقف إطلاق النار والهدنة"),
    ("humanitarian-aid", "إدخال المساعدات الإنسانية وفتح الممرات الإنسانية"),
    ("energy", "التعاون في مجالات النفط والغاز والكهرباء"),
    ("security", "تعزيز الأمن الإقليمي وأمن الملاحة في البحر الأحمر"),
    ("nuclear", "مستجدات الملف النووي الإيراني"),
    ("diplomatic-relations", "استئناف العلاقات الدبلوماسية وإعادة فتح السفارات"),
    ("palestinian-question", "تطورات القضية الفلسطينية وحل الدولتين"),
    ("water", "أزمة سد النهضة والأمن المائي"),
]


def test_the_table_covers_the_whole_scheme():
    assert {key for key, _ in PHRASES} == SCHEME


@pytest.mark.parametrize(("key", "phrase"), PHRASES, ids=[key for key, _ in PHRASES])
def test_a_topic_of_a_meeting(key, phrase):
    found = extract(MEETING.format(phrase), published=DAY)
    (meeting,) = found.meetings
    assert key in meeting.topics
    assert key in found.topics


@pytest.mark.parametrize(("key", "phrase"), PHRASES, ids=[key for key, _ in PHRASES])
def test_a_topic_of_a_statement(key, phrase):
    text = f"وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو تولي أهمية كبيرة لـ{phrase}."
    found = extract(text, published=DAY)
    (statement,) = found.statements
    assert key in statement.topics
    assert key in found.topics


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("إعادةِ الإعمـــار", "reconstruction"),
        ("وقفِ إطلاقِ النّار", "ceasefire"),
        ("القضيّة الفلسطينيّة", "palestinian-question"),
        ("عودة اللاجئين", "refugees"),  # no alef-hamza
        ("الملف النووى", "nuclear"),  # alef maqsura for yaa
    ],
)
def test_topic_phrases_are_matched_on_the_normalised_text(phrase, key):
    (meeting,) = extract(MEETING.format(phrase), published=DAY).meetings
    assert key in meeting.topics


def test_topics_are_only_those_the_text_names():
    found = extract(MEETING.format("سبل تعزيز العلاقات الثنائية"), published=DAY)
    assert found.topics == ("bilateral-relations",)


def test_no_topic_when_none_is_named():
    found = extract("استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي.",
                    published=DAY)
    assert found.topics == ()
    assert all(m.topics == () for m in found.meetings)


@pytest.mark.parametrize(
    ("text", "not_a_topic"),
    [
        pytest.param(
            "التقى وزير الخارجية المصري سامح شكري في نيويورك اليوم الأمين العام للأمم المتحدة أنطونيو غوتيريش "
            "ومندوبي الدول الأعضاء في مجلس الأمن الدولي.", "security",
        ),
        pytest.param(
            "استقبل وزير الطاقة السعودي الأمير عبد العزيز بن سلمان في الرياض اليوم وزير الخارجية الروسي سيرغي لافروف.",
            "energy",
        ),
        ("التقى وزير الدفاع الأمريكي لويد أوستن نظيره البريطاني غرانت شابس في واشنطن اليوم.", "military-cooperation"),
    ],
)
def test_a_name_or_an_office_is_not_a_topic(text, not_a_topic):
    found = extract(text, published=DAY)
    assert found.meetings
    assert not_a_topic not in found.topics


def test_every_topic_of_the_examples_is_in_the_scheme(example_facts):
    seen = set()
    for facts in example_facts:
        for holder in (*facts.meetings, *facts.statements):
            assert set(holder.topics) <= SCHEME
            seen.update(holder.topics)
        assert set(facts.topics) <= SCHEME
    assert len(seen) >= 12


# --- Issue 9: topics as real agency copy words them, and as an analyst tags them -------------------

# Wording of real agency copy for a topic of the scheme, each inside a held meeting.
AGENCY_WORDING = [
    ("bilateral-relations", "علاقات الأخوة التي تربط الشعبين"),
    ("bilateral-relations", "الروابط الأخوية العريقة"),
    ("bilateral-relations", "عددا من القضايا الثنائية"),
    ("bilateral-relations", "متانة العلاقات التي تجمع البلدين"),
    ("bilateral-relations", "التعاون القائم بين البلدين في عدة مجالات"),
    ("bilateral-relations", "أهمية التنسيق بين البلدين الشقيقين"),
    ("bilateral-relations", "آفاق العلاقات المصرية الإثيوبية"),
    ("diplomatic-relations", "تسلمه نسخة من أوراق اعتماد السفير الجديد"),
    ("diplomatic-relations", "ترتيبات افتتاح السفارة في العاصمة"),
    ("regional-situation", "آخر المستجدات على الصعيدين الإقليمي والدولي"),
    ("regional-situation", "القضايا المطروحة إقليمياً ودولياً"),
    ("regional-situation", "التطورات الخطيرة التي تشهدها المنطقة"),
    ("regional-situation", "ما تشهده بلدان كثيرة من صراعات ونزاعات"),
    ("security", "تطورات الأوضاع السياسية والأمنية"),
    ("security", "مبادئ الأمن المشترك"),
    ("security", "دعم السلام والاستقرار في القارة"),
    ("sovereignty", "رفض التدخلات الخارجية في شؤون البلدين"),
    ("nuclear", "حماية المنشآت النووية السلمية"),
    ("humanitarian-aid", "ضرورة رفع المعاناة الإنسانية عن المدنيين"),
    ("ceasefire", "الجهود الرامية إلى وقف العنف"),
    ("palestinian-question", "آخر التطورات في فلسطين"),
    ("palestinian-question", "الأوضاع الراهنة على الساحة الفلسطينية"),
    ("political-process", "الإسراع في تشكيل اللجنة الدستورية"),  # the committee is a body and the topic
    ("political-process", "الخطوات المقبلة في تنفيذ خارطة الطريق"),
    ("bilateral-relations", "مختلف أوجه التعاون"),
    ("bilateral-relations", "التحضير لاجتماع اللجنة العليا المشتركة"),
    ("bilateral-relations", "العلاقات الوطيدة"),
    ("regional-situation", "آخر مستجدات المنطقة"),
    ("security", "التنسيق في ملاحقة شبكات تهريب المخدرات"),
    ("economic-cooperation", "التعاون في مختلف المجالات وخصوصاً على الصعيد الاقتصادي"),
    ("military-cooperation", "فرص التعاون في المجال الدفاعي"),
    ("economic-cooperation", "تطوير العلاقات التجارية بين البلدين"),
    ("diplomatic-relations", "إمكانية تعيين سفراء في العاصمتين خلال الأشهر المقبلة"),
    ("diplomatic-relations", "إقامة علاقات دبلوماسية كاملة"),
    ("diplomatic-relations", "رفع مستوى التمثيل الدبلوماسي"),
    ("humanitarian-aid", "التعاون الدولي في مواجهة الأزمات الإنسانية"),
    ("regional-situation", "تصاعد النزاعات الإقليمية"),
    ("regional-situation", "آخر تطورات الأوضاع"),
    # relations with a state named after مع
    ("bilateral-relations", "فرص تحسين العلاقات مع السودان"),
    ("bilateral-relations", "إعادة بناء العلاقات مع الخرطوم"),
    # a place that is itself a topic, named with a common noun before it
    ("palestinian-question", "الحفاظ على المقدسات بمدينة القدس"),
    # the situation of a region, or of several states, is the regional situation
    ("regional-situation", "الأوضاع في الشرق الأوسط"),
    ("regional-situation", "التطورات في ليبيا وتشاد ومنطقة الساحل"),
    ("regional-situation", "ملفات إقليمية من بينها الأزمة في شمال سوريا"),
    ("regional-situation", "مستجدات الأوضاع السياسية في ليبيا والمنطقة"),
    ("security", "سبل تعزيز الاستقرار في القارة"),
    ("sovereignty", "رفض زيارة المسؤولين الأجانب للجزيرة التي تعتبرها الصين جزءا من أراضيها"),
    ("economic-cooperation", "تطوير العلاقات الاقتصادية والتجارية"),
    # relations with a pronoun on them
    ("bilateral-relations", "آفاق علاقاتهما الثنائية في المرحلة المقبلة"),
    ("bilateral-relations", "سبل تطوير تعاوننا الثنائي"),
]


@pytest.mark.parametrize("phrase", ["الأوضاع في السودان", "آخر التطورات في ليبيا", "الصراع في أوكرانيا"])
def test_one_states_situation_is_not_the_regional_situation(phrase):
    (meeting,) = extract(MEETING.format(phrase), published=DAY).meetings
    assert "regional-situation" not in meeting.topics


@pytest.mark.parametrize(("key", "phrase"), AGENCY_WORDING, ids=[p for _, p in AGENCY_WORDING])
def test_agency_wording_of_a_topic(key, phrase):
    found = extract(MEETING.format(phrase), published=DAY)
    (meeting,) = found.meetings
    assert key in meeting.topics


@pytest.mark.parametrize(
    ("phrase", "key", "not_key"),
    [
        # cooperation qualified by a field is that field's topic
        ("الاتفاقيات الخاصة بتعزيز التعاون العسكري", "military-cooperation", "bilateral-relations"),
        ("سبل تعزيز نفاذ المساعدات الإنسانية إلى المتضررين", "humanitarian-aid", "bilateral-relations"),
        # the situation in a place that is itself a topic is that topic
        ("الأوضاع في القدس والمسجد الأقصى", "palestinian-question", "regional-situation"),
        # talks about a truce are the truce's talks; so is the escalation to be ended
        ("دفع المفاوضات قدماً للتوصل إلى وقف لإطلاق النار", "ceasefire", "political-process"),
        ("جهود خفض التصعيد بعد أن بلغ هذا التصعيد حداً خطيراً", "ceasefire", "regional-situation"),
        # the situation of a field is that field's
        ("تطورات الأوضاع السياسية والأمنية في البلاد", "security", "regional-situation"),
    ],
)
def test_a_vague_phrase_gives_way_to_the_topic_it_is_about(phrase, key, not_key):
    (meeting,) = extract(MEETING.format(phrase), published=DAY).meetings
    assert key in meeting.topics
    assert not_key not in meeting.topics


@pytest.mark.parametrize(
    ("text", "not_a_topic"),
    [
        # "التطرف" alone is no counter-terrorism
        pytest.param(MEETING.format("دور المؤسسات الدينية في مواجهة التطرف"), "counter-terrorism", id="extremism"),
        # "issues of common interest" names no topic
        pytest.param(MEETING.format("القضايا ذات الاهتمام المشترك"), "regional-situation", id="common-interest"),
        # what one country's own plan is for is its policy, not cooperation
        pytest.param(MEETING.format("نجاح الخطة الخمسية الثالثة للتنمية الاقتصادية لإثيوبيا"), "economic-cooperation",
                     id="own-plan"),
        # relations with a body, not a state
        pytest.param(MEETING.format("تعزيز التنسيق مع الاتحاد الأفريقي"), "bilateral-relations", id="with-a-body"),
        # the honorific "سيادة" / "سيادته" is no sovereignty
        pytest.param(
            "استقبل وزير الخارجية التونسي نبيل عمار اليوم سفير فلسطين هائل الفاهوم الذي هنأه بنيل ثقة سيادة رئيس "
            "الجمهورية.", "sovereignty", id="honorific-before-office",
        ),
        pytest.param(
            "استقبل الرئيس الفلسطيني محمود عباس في رام الله اليوم وزير الخارجية الروسي سيرغي لافروف. "
            "وأكد سيادته أهمية الدور الروسي.", "sovereignty", id="honorific-pronoun",
        ),
        # a national day named after sovereignty is no talk about sovereignty
        pytest.param(
            "استقبل الرئيس الجزائري عبد المجيد تبون في الجزائر اليوم الرئيس التونسي قيس سعيد الذي حل للمشاركة في "
            "الاحتفالات المخلدة للذكرى الستين لاسترجاع السيادة الوطنية.", "sovereignty", id="national-day",
        ),
        # an office given after the name goes on past the words the name's mention keeps
        pytest.param(
            "استقبل وكيل وزارة الخارجية العراقية محمد حسين بحر العلوم في بغداد اليوم محمد علي النفطي، وزير الشؤون "
            "الخارجية والهجرة والتونسيين بالخارج.", "refugees", id="office-after-the-name",
        ),
    ],
)
def test_words_that_name_no_topic(text, not_a_topic):
    found = extract(text, published=DAY)
    assert found.meetings
    assert not_a_topic not in found.topics


def test_the_headline_counts_and_goes_to_the_main_meeting():
    text = (
        "وزير الخارجية يبحث مع نظيره العماني العلاقات الثنائية\n\n"
        "استقبل وزير الخارجية المصري سامح شكري في القاهرة اليوم نظيره العماني بدر البوسعيدي.\n"
    )
    found = extract(text, title="وزير الخارجية يبحث مع نظيره العماني العلاقات الثنائية", published=DAY)
    (meeting,) = found.meetings
    assert meeting.topics == ("bilateral-relations",)


def test_a_headline_that_is_not_in_the_text_counts_too():
    text = "استقبل وزير الخارجية المصري سامح شكري في القاهرة اليوم نظيره العماني بدر البوسعيدي."
    found = extract(text, title="شكري والبوسعيدي يبحثان أزمة سد النهضة", published=DAY)
    (meeting,) = found.meetings
    assert meeting.topics == ("water",)


def test_a_headline_office_is_no_topic():
    text = "استقبل وزير الخارجية المصري سامح شكري في القاهرة اليوم وزير الطاقة العماني سالم العوفي."
    found = extract(text, title="شكري يستقبل وزير الطاقة العماني", published=DAY)
    assert found.meetings
    assert found.topics == ()


def test_a_sentence_naming_the_meeting_again_gives_its_topics_to_the_meeting():
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم رئيس الوزراء الإثيوبي آبي أحمد. "
        "وجرى خلال اللقاء بحث أزمة سد النهضة، وأكد السيسي أن مصر حريصة على التعاون."
    )
    found = extract(text, published=DAY)
    (meeting,) = found.meetings
    assert "water" in meeting.topics
    assert all("water" not in s.topics for s in found.statements)


def test_without_a_meeting_the_topics_of_the_story_go_to_the_statement():
    text = (
        "تتجه أنظار المجتمع الدولي إلى المنطقة التي تشهد تصاعدا لظاهرة الإرهاب. "
        "وقال المتحدث باسم وزارة الخارجية المصرية أحمد أبو زيد إن مصر ستعرض رؤيتها في نيويورك."
    )
    found = extract(text, published=DAY)
    assert not found.meetings
    (statement,) = found.statements
    assert "counter-terrorism" in statement.topics


@pytest.mark.parametrize("sentence", [
    "واستعرض الجانبان العلاقات التي تجمع بين الجزائر وإيران وسبل تقويتها.",
    "وأكد الوزير، نظراً لعلاقات الود والأخوة بين عمان وإيران، أهمية التشاور.",
])
def test_relations_between_two_states_named_after_them_are_bilateral(sentence):
    text = "التقى وزير الخارجية الجزائري أحمد عطاف اليوم في الجزائر نظيره الإيراني عباس عراقجي. " + sentence
    assert "bilateral-relations" in extract(text, published=dt.date(2024, 5, 1)).topics


@pytest.mark.parametrize(
    "words",
    [
        "آخر التطورات الجارية في المنطقة",
        "مجمل التطورات والأحداث الراهنة على المستويين الإقليمي والدولي",
        "قضايا وتحديات المنطقة",
    ],
)
def test_the_situation_with_the_region_a_few_words_on_is_the_regional_situation(words):
    facts = extract(f"التقى وزير الخارجية العماني بدر البوسعيدي نظيره الإيراني عباس عراقجي وبحثا {words}.")
    assert "regional-situation" in facts.topics


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("عدد من الموضوعات وفي مقدمتها تطورات الأوضاع في فلسطين", "palestinian-question"),
        ("القضاء على ما تبقى من وجود داعش قرب الحدود", "counter-terrorism"),
        ("التعاون في المجالات الاقتصادية والأمنية", "security"),
        ("الدعم الجديد للجيش ولسائر القوى العسكرية", "military-cooperation"),
        ("السماح للعمليات الإغاثية وتوفير المواد الغذائية للسكان", "humanitarian-aid"),
        ("رفض أي تدخل في شؤون القضاء", "sovereignty"),
    ],
    ids=["developments-in-palestine", "daesh", "and-security", "the-army", "relief", "interference"],
)
def test_topics_as_news_words_them(phrase, key):
    found = extract(MEETING.format(phrase), published=DAY)
    assert key in found.topics, found.topics


@pytest.mark.parametrize(
    "phrase", ["استعراض العلاقات المشتركة", "العلاقات وسبل تعزيزها", "التنسيق والتعاون مع الحكومة العراقية"]
)
def test_more_of_the_words_news_uses_for_the_relations_of_two_states(phrase):
    facts = extract(f"التقى وزير الخارجية الأردني أيمن الصفدي نظيره العراقي فؤاد حسين، وجرى خلال اللقاء {phrase}.")
    assert "bilateral-relations" in facts.topics, facts.topics


@pytest.mark.parametrize(
    "phrase",
    ["دعم الأردن لأمن العراق ودوره، فالأردن يدعم أمنه واستقراره", "تزايد حالة انعدام الأمن في المنطقة",
     "محاولات زعزعة الاستقرار في البلدين", "جهود حفظ الأمن على الحدود المشتركة"],
    ids=["its-security-and-stability", "insecurity", "destabilising", "keeping-security"],
)
def test_security_spoken_of_with_a_pronoun_or_its_absence_is_security(phrase):
    assert "security" in extract(MEETING.format(phrase), published=DAY).topics
