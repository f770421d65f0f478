"""Whom a person serves when the article never says it: a paper writes its own country's officials
with an office and no country, a king with his title alone, a prince with the house that rules his
country. Every sentence here is written for these tests; none is copied from a news site."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract


def person(facts, name: str):
    """The person whose name holds `name` (exactly one)."""
    found = [e for e in facts.entities if e.type == "Person" and name in e.label]
    assert len(found) == 1, [e.label for e in facts.entities if e.type == "Person"]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "وأعرب جلالة الملك عبدالله الثاني عن تقديره للجهود المبذولة في المشروع الجديد.",
            "عبد الله الثاني",
            "country:JO",
        ),
        (
            "وبعث جلالة الملك محمد السادس برقية تهنئة إلى الفائزين في المسابقة الوطنية.",
            "محمد السادس",
            "country:MA",
        ),
    ],
    ids=["king-of-jordan", "king-of-morocco"],
)
def test_a_known_leader_named_without_his_country_serves_the_one_he_is_known_in(text, name, country):
    assert person(extract(text, published=dt.date(2024, 3, 12)), name).represents == country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "استقبل رئيس الجمهورية عبد العزيز بوتفليقة أمس سفير اليابان الجديد.",
            "بوتفليقة",
            "country:DZ",
        ),
        (
            "وبحث وزير الخارجية وشؤون المغتربين أيمن الصفدي مع سفير اليابان التعاون في مجال المياه.",
            "الصفدي",
            "country:JO",
        ),
    ],
    ids=["president-of-the-republic", "one-of-stacked-offices"],
)
def test_the_office_the_text_gives_is_one_the_gazetteer_knows_in_other_words(text, name, country):
    assert person(extract(text, published=dt.date(2019, 1, 15)), name).represents == country


def test_the_office_the_text_gives_picks_which_of_a_persons_offices_is_meant():
    text = "وأجرى وزير الخارجية رمطان لعمامرة محادثات مع نظيره الياباني في طوكيو."
    assert person(extract(text, published=dt.date(2015, 6, 2)), "لعمامرة").represents == "country:DZ"
    assert person(extract(text), "لعمامرة").represents == "country:DZ"  # an archive with no date


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("واستقبل الأمير خالد بن منصور بن فهد آل سعود وفداً من رجال الأعمال اليابانيين.", "خالد بن منصور", "country:SA"),
        ("وشهد الشيخ حمد بن سيف بن زايد آل نهيان افتتاح المعرض الياباني للكتاب.", "حمد بن سيف", "country:AE"),
        ("والتقى الشيخ جاسم بن خليفة آل ثاني وفداً من اليابان.", "جاسم بن خليفة", "country:QA"),
    ],
    ids=["al-saud", "al-nahyan", "al-thani"],
)
def test_a_name_closed_by_a_ruling_house_serves_the_country_it_rules(text, name, country):
    assert person(extract(text, published=dt.date(2024, 3, 12)), name).represents == country


def test_a_common_surname_of_a_ruling_house_alone_says_no_country():
    text = "وقال الباحث جمال الدين الصباح إن المؤتمر ناقش قضايا اللاجئين."
    assert person(extract(text, published=dt.date(2024, 3, 12)), "الصباح").represents == ""


def test_a_foreign_given_name_before_a_known_surname_is_another_person():
    facts = extract("والتقى رئيس المجلس بحضور السفيرة ليزا جونسون وفداً من الكونغرس.", published=dt.date(2024, 3, 12))
    assert "ليزا جونسون" in {e.label for e in facts.entities if e.type == "Person"}
    assert not [e for e in facts.entities if e.label == "بوريس جونسون"]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "وحضر المقابلة وزير الشؤون الخارجية والتعاون الإفريقي والموريتانيين في الخارج، السيد سيدي ولد أحمد.",
            "سيدي ولد أحمد",
            "country:MR",
        ),
        ("وحضرت اللقاء وزيرة الهجرة وشؤون المصريين بالخارج سهى الجندي.", "سهى الجندي", "country:EG"),
    ],
    ids=["mauritanians-abroad", "egyptians-abroad"],
)
def test_an_office_serving_a_countrys_people_abroad_serves_that_country(text, name, country):
    assert person(extract(text, published=dt.date(2024, 3, 12)), name).represents == country


def test_an_office_alone_is_the_one_the_text_left_unmarked_not_the_foreigners_marked_with_his_country():
    text = (
        "وبحث أمير عبداللهيان مساء اليوم في اتصال هاتفي مع وزير خارجية سلطنة عمان بدر البوسعيدي القضايا "
        "المشتركة. وأشار وزير الخارجية إلى زيارة رئيس الجمهورية إلى مسقط، معتبراً إياها نقطة تحول في العلاقات."
    )
    facts = extract(text, published=dt.date(2022, 6, 24))
    said = [s for s in facts.statements if "نقطة تحول" in s.quote or "زيارة رئيس الجمهورية" in s.quote]
    assert said and all(s.speakers == ("person:hossein-amir-abdollahian",) for s in said), [
        (s.speakers, s.quote) for s in facts.statements
    ]


def test_the_ministry_officials_who_attended_serve_the_side_that_tells_of_the_meeting():
    facts = extract(
        "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان وزير الخارجية السوري أسعد الشيباني على هامش اجتماع"
        " مجلس الجامعة العربية في القاهرة. حضر اللقاء وكيل الوزارة للشؤون السياسية الدكتور سعد العتيبي،"
        " وسعادة مدير عام مكتب سمو وزير الخارجية خالد الحربي.",
        published=dt.date(2024, 3, 12),
    )
    for name in ("سعد العتيبي", "خالد الحربي"):
        aide = person(facts, name)
        assert aide.represents == "country:SA", aide
    assert any("مكتب" in role for role in person(facts, "خالد الحربي").roles)


def test_the_office_set_off_after_a_known_name_wins_over_the_body_a_list_has_him_serve():
    facts = extract(
        "استقبل الرئيس عبد الفتاح السيسي، اليوم، محمود علي يوسف، وزير الشؤون الخارجية والتعاون الدولي في"
        " الحكومة الجيبوتية.",
        published=dt.date(2024, 3, 12),
    )
    youssouf = person(facts, "محمود علي يوسف")
    assert youssouf.represents == "country:DJ" and any("وزير الشؤون الخارجية" in r for r in youssouf.roles), youssouf


def test_the_special_envoy_received_is_the_minister_named_after_him_not_his_president():
    facts = extract(
        "تسلم الرئيس الجزائري عبد المجيد تبون رسالة خطية من نظيره الصومالي حسن شيخ محمود. وجرى تسليم الرسالة"
        " خلال استقبال الرئيس الجزائري للمبعوث الخاص للرئيس الصومالي، وزير التربية والتعليم العالي فارح شيخ"
        " عبدالقادر محمد. وأوضح المبعوث الصومالي أن الرسالة تضمنت موقف بلاده من التدخلات الإقليمية.",
        published=dt.date(2024, 3, 12),
    )
    envoy = person(facts, "فارح شيخ")
    assert envoy.represents == "country:SO" and any("المبعوث" in r for r in envoy.roles), envoy
    assert not any("المبعوث" in r for r in person(facts, "حسن شيخ محمود").roles)
    assert [s.speakers for s in facts.statements] == [(envoy.key,)]


def test_envoys_listed_after_their_countries_respectively_serve_those_countries():
    facts = extract(
        "التقى وزير الخارجية الموريتاني محمد سالم ولد مرزوك، اليوم، في مكتبه بسفراء كل من مصر، إيطاليا، وإسبانيا،"
        " وهم: كريم عبد الحميد طايع، لورا بيانكي، وخوسيه مارتينيز على التوالي.",
        published=dt.date(2024, 3, 12),
    )
    serves = {e.label: e.represents for e in facts.entities if e.type == "Person"}
    assert serves["كريم عبد الحميد طايع"] == "country:EG"
    assert serves["لورا بيانكي"] == "country:IT"
    assert serves["خوسيه مارتينيز"] == "country:ES"
    assert len(facts.meetings) == 3


def test_envoys_listed_each_with_the_country_he_comes_from():
    facts = extract(
        "كما التقى الوزير في جلسة موحدة سفراء دول الخليج، وهم: سالم مقعد الدوسري من الكويت، ناصر بن علي الكعبي"
        " من قطر، وعلي بن سعيد البلوشي من سلطنة عمان.",
        published=dt.date(2024, 3, 12),
    )
    serves = {e.label: e.represents for e in facts.entities if e.type == "Person"}
    assert serves == {
        "سالم مقعد الدوسري": "country:KW", "ناصر بن علي الكعبي": "country:QA", "علي بن سعيد البلوشي": "country:OM",
    }, serves


def test_respectively_said_before_the_names_closes_no_list_and_breaks_nothing():
    facts = extract(
        "استقبل الوزير على التوالي سفراء كل من مصر وإيطاليا، وهم سامي الخطيب، وكريم ناصر.",
        published=dt.date(2024, 3, 12),
    )
    assert facts.meetings, facts
