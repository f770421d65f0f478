"""How real Arabic news is written, kind by kind: page noise, bylines, common phrases that look like
names, lists, calls, dates and places as agencies and papers write them. Every sentence here is
written for these tests; none is copied from a news site. The article date is Tuesday 12 March
2024 unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DAY = dt.date(2024, 3, 12)  # a Tuesday

SHOUKRY, SAFADI, BOURITA = "person:sameh-shoukry", "person:ayman-safadi", "person:nasser-bourita"


def facts_of(text: str, published: dt.date | None = DAY):
    return extract(text, published=published)


def person_keys(text: str, published: dt.date | None = DAY) -> set[str]:
    return {e.key for e in facts_of(text, published).entities if e.type == "Person"}


# --- page noise ---------------------------------------------------------------------------------

RECEPTION = "استقبل وزير الخارجية سامح شكري اليوم نظيره المغربي ناصر بوريطة بمقر الوزارة."


@pytest.mark.parametrize(
    "noise",
    [
        "كتب: هشام عبد الودود",
        "كتب - هشام عبد الودود",
        "كتبت: منى السيد علي",
        "بقلم: سامي عبد الرحيم",
        "الأحد 10-03-2024 14:05 | كتب: هشام عبد الودود |",
        "تصوير: كريم مجدي",
        "متابعة - رامي سليمان",
    ],
)
def test_a_byline_is_no_person(noise):
    text = f"شكري يستقبل بوريطة\n\n{noise}\n\n{RECEPTION}"
    assert person_keys(text) == {SHOUKRY, BOURITA}


def test_a_byline_after_a_dateline_keeps_the_dateline_place():
    facts = facts_of(f"القاهرة - كتب: هشام عبد الودود\n\n{RECEPTION}")
    assert {e.key for e in facts.entities if e.type == "Person"} == {SHOUKRY, BOURITA}
    assert facts.meetings[0].place == "place:cairo-360630"


def test_the_verb_kataba_in_a_sentence_is_no_byline():
    text = "كتب وزير الخارجية الأردني أيمن الصفدي على منصة إكس أن بلاده ترفض التهجير رفضاً قاطعاً."
    assert SAFADI in person_keys(text)


@pytest.mark.parametrize(
    "trailer",
    [
        "إقرأ المزيد: بوريطة يلتقي مسؤولين إسبان في مدريد",
        "اقرأ أيضاً:\nبوريطة يلتقي مسؤولين إسبان في مدريد",
        "شاهد أيضا: لقاء في مدريد بين بوريطة ومسؤولين إسبان",
        "#مدريد #المغرب #إسبانيا",
        "الوسوم: مدريد إسبانيا المغرب",
    ],
)
def test_links_and_tags_after_the_body_are_noise(trailer):
    facts = facts_of(f"{RECEPTION}\n\n{trailer}\nشارك على: فيسبوك تويتر واتساب")
    assert not any(e.key.startswith("place:madrid") for e in facts.entities)
    assert len(facts.meetings) == 1


def test_breaking_news_banner_is_noise():
    facts = facts_of(f"خبر عاجل\n\n{RECEPTION}")
    assert len(facts.meetings) == 1 and set(facts.meetings[0].participants) == {SHOUKRY, BOURITA}


# --- common phrases that are also names ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الرئيس عبد الفتاح السيسي أهمية تعزيز التعاون بين البلدين في كافة الميادين.",
        "وبحث الجانبان سبل التعاون في مختلف الميادين الاقتصادية والثقافية.",
        "أعلنت روسيا اليوم الاثنين أنها سترسل وفداً إلى جنيف.",
        "وتحتل الجزيرة موقعاً مهماً في خطوط الملاحة الدولية.",
    ],
)
def test_everyday_words_are_no_channel(text):
    assert not any(e.type == "Organization" for e in facts_of(text).entities)


def test_russia_today_in_prose_still_names_the_country():
    facts = facts_of("أعلنت روسيا اليوم الاثنين أنها سترسل وفداً إلى جنيف.")
    assert "country:RU" in {e.key for e in facts.entities}


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("وقال لافروف في مقابلة مع قناة الميادين إن موسكو منفتحة على الحوار.", "org:al-mayadeen"),
        ("وقال لافروف في حديث لـ«روسيا اليوم» إن موسكو منفتحة على الحوار.", "org:rt"),
        ("ونقل موقع روسيا اليوم عن مصدر دبلوماسي أن الجولة المقبلة ستعقد في جنيف.", "org:rt"),
    ],
)
def test_a_channel_named_as_such_is_found(text, channel):
    assert channel in {e.key for e in facts_of(text).entities}


# --- whom a person represents -------------------------------------------------------------------


def test_the_dateline_country_counts_as_named_for_a_known_minister():
    facts = facts_of("عمان - تلقى وزير الخارجية أيمن الصفدي اتصالاً هاتفياً اليوم من نظيره الصربي.")
    safadi = next(e for e in facts.entities if e.key == SAFADI)
    assert safadi.represents == "country:JO"
