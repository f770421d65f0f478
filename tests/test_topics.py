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
