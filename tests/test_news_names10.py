"""Person names as Arabic news writes them, tenth round: a woman's given name in ة after her office,
East-Asian names of short syllables, an office set off by a comma before the name, journalists as
offices, an office with its place before the name, and a dual or plural office shared out by field.
Every sentence here is written for these tests; none is copied from a news site.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DAY = dt.date(2024, 3, 12)


def roles(text: str) -> dict[str, tuple[str, ...]]:
    """label -> roles of every person."""
    return {e.label: e.roles for e in extract(text, published=DAY).entities if e.type == "Person"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وشاركت في المعرض سفيرة سريلانكا شاهدة كريم.", "شاهدة كريم", "سفيرة"),
        ("واستقبل الوزير سفيرة جمهورية الهند الاتحادية صابرة سليم بمكتبه.", "صابرة سليم", "سفيرة"),
        ("وأكدت وزيرة الخارجية الإندونيسية راضية فرحان أن التعاون مستمر.", "راضية فرحان", "وزيرة الخارجية"),
        ("وحضرت الحفل السيدة عابدة منصور.", "عابدة منصور", ""),
    ],
    ids=["ambassador", "ambassador-of-the-republic", "minister", "lady"],
)
def test_a_womans_given_name_in_ta_after_her_office(text, name, role):
    found = roles(text)
    assert name in found
    assert not role or role in found[name]


@pytest.mark.parametrize(
    "text",
    [
        "وأشادت سفيرة كندا زيارة الوفد الأخيرة.",
        "وقالت وزيرة الخارجية مشاركة بلادها مهمة.",
    ],
    ids=["a-visit", "a-taking-part"],
)
def test_a_feminine_noun_after_a_womans_office_is_no_name(text):
    assert all(not label.startswith(("زيارة", "مشاركة")) for label in roles(text))


@pytest.mark.parametrize(
    ("text", "name", "represents"),
    [
        ("وحضر اللقاء سفير كوريا جو هان كي، وسفير كندا.", "جو هان كي", "country:KR"),
        ("وقال المتحدث باسم الخارجية الصينية لو كان إن بكين ترحب بالاتفاق.", "لو كان", "country:CN"),
        ("وشارك سعادة هو تشانغ كي، سفير جمهورية كوريا، في الندوة.", "هو تشانغ كي", "country:KR"),
        ("والتقى الوزير السفير الصيني لي تشونغ في مكتبه.", "لي تشونغ", "country:CN"),
        ("وحضر سفير جمهورية كوريا نو هان كي، وسفير الهند.", "نو هان كي", "country:KR"),
    ],
    ids=["ambassador-of-korea", "spokesman-if-was", "excellency-then-office", "chinese-ambassador", "last-syllable"],
)
def test_an_east_asian_name_of_short_syllables_after_an_office(text, name, represents):
    found = {e.label: e.represents for e in extract(text, published=DAY).entities if e.type == "Person"}
    assert found.get(name) == represents
    assert not any("كوريا" in label for label in found)


def test_syllables_that_are_words_and_run_on_into_prose_make_no_name():
    found = roles("وقال المتحدث باسم الخارجية الصينية لو كان الأمر بيده لوقع الاتفاق.")
    assert not any(label.startswith("لو") for label in found)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "وقال نائب المتحدث باسم وزارة الخارجية، قاضي زاده: إن التقرير لا أساس له.",
            "قاضي زاده",
            "نائب المتحدث باسم وزارة الخارجية",
        ),
        (
            "وقال مساعد المتحدث باسم الحكومة، تاكيرو موساشي: إن الموعد لم يتغير.",
            "تاكيرو موساشي",
            "مساعد المتحدث باسم الحكومة",
        ),
    ],
    ids=["persian-family-name", "foreign-name-then-colon"],
)
def test_an_office_set_off_by_a_comma_then_the_name_and_a_colon(text, name, role):
    facts = extract(text, published=DAY)
    [person] = [e for e in facts.entities if e.type == "Person"]
    assert person.label == name
    assert role in person.roles
    assert [s.speakers for s in facts.statements] == [(person.key,)]


def test_how_he_spoke_between_comma_and_colon_is_no_name():
    assert roles("وقال وزير الخارجية، مخاطبا الحضور: إن بلاده مستعدة.") == {}


def test_a_deputy_spokesman_telling_of_a_meeting_took_no_part_in_it():
    facts = extract(
        "وقال نائب المتحدث باسم وزارة الخارجية، نقي زاده: إن الوزير سيرغي لافروف عقد اجتماعا مع الصحفيين أمس.",
        published=DAY,
    )
    assert all(len(m.participants) < 2 for m in facts.meetings)


def test_journalists_and_media_people_hold_their_profession_as_a_role():
    found = roles(
        "وشارك في الندوة الكاتب الصحفي علي رجب، والكاتبة الصحفية نادين عاطف، والإعلامي سامر غنيم، والصحفي أحمد رمضان."
    )
    assert found.get("علي رجب") == ("الكاتب الصحفي",)
    assert found.get("نادين عاطف") == ("الكاتبة الصحفية",)
    assert found.get("سامر غنيم") == ("الإعلامي",)
    assert found.get("أحمد رمضان") == ("الصحفي",)


def test_the_first_lady_is_a_role():
    assert "السيدة الأولى" in roles("واستقبلت السيدة الأولى مريم بنت سالم ضيوف المهرجان.").get("مريم بنت سالم", ())


@pytest.mark.parametrize(
    "text",
    [
        "وناقش الوزيران قبل المؤتمر الصحفي مشاريع الربط الكهربائي.",
        "ونفى المكتب الإعلامي لرئيس الوزراء ما تداولته المواقع.",
        "وقال الكاتب إن الرواية لم تكتمل.",
    ],
    ids=["press-conference", "media-office", "the-writer-alone"],
)
def test_a_media_word_that_names_no_journalist_makes_no_person(text):
    assert roles(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "وكان في وداعه محافظ إزمير كمال أوزتورك، ومدير الشرطة في المدينة سليم كارا دنيز وعدد من المسؤولين.",
            "سليم كارا دنيز",
            "مدير الشرطة",
        ),
        ("والتقى الوفد قائد الدرك في الولاية يوسف باش أوغلو.", "يوسف باش أوغلو", "قائد الدرك"),
    ],
    ids=["police-in-the-city", "gendarmerie-in-the-province"],
)
def test_an_office_and_where_it_is_held_before_the_name(text, name, role):
    assert role in roles(text).get(name, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وحضر من الجانب التركي وزيرا العدل يلماز دورسون والداخلية مصطفى أوزجان.",
            {"يلماز دورسون": "وزير العدل", "مصطفى أوزجان": "وزير الداخلية"},
        ),
        (
            "ورافقه وزراء التجارة عمر كاراجا، والصحة والرعاية الاجتماعية سليم أوزدمير توران، والدفاع يشار غولر.",
            {
                "عمر كاراجا": "وزير التجارة",
                "سليم أوزدمير توران": "وزير الصحة والرعاية الاجتماعية",
                "يشار غولر": "وزير الدفاع",
            },
        ),
    ],
    ids=["dual", "plural"],
)
def test_an_office_shared_out_by_field(text, expected):
    found = roles(text)
    for name, role in expected.items():
        assert role in found.get(name, ()), name


def test_a_known_surname_does_not_swallow_a_name_that_goes_on_after_an_office():
    assert "جودت يلماز" not in roles("وشارك وزيرا العدل يلماز دورسون والخارجية هاكان فيدان.")
