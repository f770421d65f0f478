"""Where meetings were held, as real Arabic news tells it: cities named only by the verb of a visit,
places given in the sentence after the meeting, venues no list knows. Every sentence here is
written for these tests; none is copied from a news site. The article date is Tuesday 12 March 2024."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DAY = dt.date(2024, 3, 12)


def places_of(text: str) -> list[tuple[set[str], str | None]]:
    """Each meeting's participants and the label of its place (None where it has none)."""
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    return [({names.get(k, k) for k in m.participants}, names.get(m.place)) for m in facts.meetings]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "التقى وزير الخارجية الكويتي سالم العتيبي مع نظيره الإيراني حسن نوري، الذي يزور الدوحة حالياً"
            " للمشاركة في منتدى إقليمي.",
            "الدوحة",
        ),
        (
            "استقبل ملك البحرين حمد بن عيسى آل خليفة اليوم وزير الخارجية العماني خالد الهنائي الذي يزور"
            " المنامة في جولة خليجية.",
            "المنامة",
        ),
    ],
)
def test_a_visits_verb_names_the_city_without_a_preposition(text, place):
    [(_people, at)] = places_of(text)
    assert at == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "بحث وزير الخارجية الإسباني خوان ريبيرا مع رئيس الحكومة الليبية عبد الحميد الدبيبة مستجدات الوضع."
            " جاء ذلك بعد وصول ريبيرا إلى العاصمة الليبية طرابلس صباح اليوم في زيارة لم يعلن عنها مسبقاً.",
            "طرابلس",
        ),
        (
            "ناقش رئيس الوزراء العراقي سامي الكعبي مع وزير الخارجية البحريني سلمان الدوسري التعاون الثنائي."
            " وجاء اللقاء خلال زيارة الدوسري إلى بغداد.",
            "بغداد",
        ),
    ],
)
def test_the_visit_the_sentence_after_tells_gives_the_meeting_its_city(text, place):
    [(_people, at)] = places_of(text)
    assert at == place


def test_the_city_of_the_gathering_that_closes_the_meetings_clause_is_where_it_was():
    text = (
        "عقد وزير الخارجية الليبي طاهر الباعور، الأحد، لقاء مع نظيره الأردني أيمن الصفدي على هامش الاجتماعات"
        " التي استضافتها السعودية في الرياض."
    )
    [(_people, at)] = places_of(text)
    assert at == "الرياض"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "حل صباح اليوم بالعاصمة التونسية تونس وزير الخارجية المغربي ناصر بوريطة في مهمة رسمية. واستقبل"
            " الرئيس قيس سعيد بوريطة الذي نقل إليه رسالة من الملك.",
            "تونس",
        ),
        (
            "استقبل وزير الخارجية الأمريكي أنتوني بلينكن اليوم نظيره المغربي ناصر بوريطة. ويناقش بلينكن مع"
            " بوريطة، الذي يزور واشنطن، الشراكة بين البلدين.",
            "واشنطن",
        ),
    ],
    ids=["arrival-told-before", "visit-going-on-told-after"],
)
def test_a_meeting_with_no_place_of_its_own_takes_the_city_a_party_is_visiting(text, city):
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    assert [names.get(m.place) for m in facts.meetings] == [city]


def test_the_next_stop_of_a_tour_is_not_the_place_of_the_meeting_before_it():
    facts = extract(
        "التقى الرئيس الصيني شي جين بينغ أمس رئيس الوزراء المصري مصطفى مدبولي. وفي اليوم التالي زار شي"
        " مدينة الأقصر وافتتح معرضا.",
        published=DAY,
    )
    names = {e.key: e.label for e in facts.entities}
    assert all(names.get(m.place) != "الأقصر" for m in facts.meetings if len(m.participants) == 2)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("استقبل السلطان قابوس في بيت البركة اليوم وزير الخارجية الإيراني ظريف.", "place:al-baraka-palace"),
        ("استقبل الشيخ ناصر المحمد بقصر الشويخ اليوم الأمير تشارلز ولي عهد المملكة المتحدة.", "place:shuwaikh-palace"),
    ],
    ids=["bait-al-barakah", "shuwaikh-palace"],
)
def test_palaces_of_the_gulf_are_venues(text, venue):
    facts = extract(text, published=DAY)
    assert [m.venue for m in facts.meetings] == [venue]
