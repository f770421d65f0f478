"""Dates, resolved against the article's date: weekdays, اليوم/أمس/غداً, الماضي/المقبل, explicit dates in
both month-name families (نيسان/أبريل), numeric dates and Hijri dates (hijridate).

The date stage (kg.extract.dates.find_dates) is run over the tokens of a phrase; meeting dates are
checked through `extract`. The article date is Tuesday 9 April 2024 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract
from kg.extract.dates import FUTURE, PAST, TODAY, find_dates
from kg.model import Article
from kg.text import analyse

TUESDAY = dt.date(2024, 4, 9)


def dates_in(phrase: str, published: dt.date | None = TUESDAY):
    """(date, relation, the words it was read from) for each date expression of a phrase."""
    doc = analyse(Article(id="d", text=phrase))
    found = find_dates(doc.token_norms, 0, len(doc.tokens), published)
    return [(d.date, d.relation, phrase[doc.tokens[d.first].start : doc.tokens[d.last - 1].end]) for d in found]


def the_date(phrase: str, published: dt.date | None = TUESDAY) -> dt.date | None:
    found = dates_in(phrase, published)
    assert len(found) == 1, found
    return found[0][0]


@pytest.mark.parametrize(
    ("phrase", "date", "relation"),
    [
        ("اليوم", dt.date(2024, 4, 9), TODAY),
        ("أمس", dt.date(2024, 4, 8), PAST),
        ("غداً", dt.date(2024, 4, 10), FUTURE),
        ("غدا", dt.date(2024, 4, 10), FUTURE),
        ("اليوم الثلاثاء", dt.date(2024, 4, 9), TODAY),
        ("أمس الاثنين", dt.date(2024, 4, 8), PAST),
        ("غداً الأربعاء", dt.date(2024, 4, 10), FUTURE),
        ("مساء أمس", dt.date(2024, 4, 8), PAST),
        ("صباح اليوم", dt.date(2024, 4, 9), TODAY),
        ("يوم الأحد", dt.date(2024, 4, 7), PAST),
        ("الأحد الماضي", dt.date(2024, 4, 7), PAST),
        ("الثلاثاء الماضي", dt.date(2024, 4, 2), PAST),
        ("الخميس المقبل", dt.date(2024, 4, 11), FUTURE),
        ("يوم الخميس المقبل", dt.date(2024, 4, 11), FUTURE),
        ("الثلاثاء المقبل", dt.date(2024, 4, 16), FUTURE),
        ("السبت القادم", dt.date(2024, 4, 13), FUTURE),
        pytest.param("أول أمس", dt.date(2024, 4, 7), PAST),
    ],
)
def test_relative_days(phrase, date, relation):
    ((found, found_relation, _),) = dates_in(phrase)
    assert (found, found_relation) == (date, relation)


@pytest.mark.parametrize(
    ("phrase", "date"),
    [
        ("15 نيسان/أبريل 2023", dt.date(2023, 4, 15)),
        ("15 نيسان 2023", dt.date(2023, 4, 15)),
        ("15 أبريل 2023", dt.date(2023, 4, 15)),
        ("15 ابريل 2023", dt.date(2023, 4, 15)),
        ("٢٣ آذار/مارس ٢٠٢٤", dt.date(2024, 3, 23)),
        ("22 آب/أغسطس 2023", dt.date(2023, 8, 22)),
        ("5 حزيران (يونيو) 2023", dt.date(2023, 6, 5)),
        ("15 تشرين الأول/أكتوبر 2023", dt.date(2023, 10, 15)),
        ("1 تشرين الثاني 2023", dt.date(2023, 11, 1)),
        ("3 كانون الثاني/يناير 2022", dt.date(2022, 1, 3)),
        ("9 فبراير 2023", dt.date(2023, 2, 9)),
        ("31 ديسمبر 2023", dt.date(2023, 12, 31)),
        ("في 7 من أكتوبر 2023", dt.date(2023, 10, 7)),
        ("2024/3/5", dt.date(2024, 3, 5)),
        ("5-3-2024", dt.date(2024, 3, 5)),
    ],
)
def test_explicit_dates_in_both_month_families(phrase, date):
    assert the_date(phrase) == date


@pytest.mark.parametrize(
    ("phrase", "published", "date"),
    [
        ("3 نيسان/أبريل", TUESDAY, dt.date(2024, 4, 3)),
        ("20 أيار", TUESDAY, dt.date(2024, 5, 20)),
        ("في 28 ديسمبر", dt.date(2024, 1, 4), dt.date(2023, 12, 28)),  # read in January: last December
        pytest.param(
            "في 2 يناير", dt.date(2023, 12, 30), dt.date(2024, 1, 2),  # read in late December: next January
        ),
    ],
)
def test_a_date_without_a_year_takes_the_nearest_year(phrase, published, date):
    assert the_date(phrase, published) == date


@pytest.mark.parametrize(
    ("phrase", "date"),
    [
        ("1 رمضان 1445 هـ", dt.date(2024, 3, 11)),
        ("٢٧ رمضان ١٤٤٥ هـ", dt.date(2024, 4, 6)),
        ("14 شعبان 1445", dt.date(2024, 2, 24)),
        ("18 شعبان 1442 هـ", dt.date(2021, 3, 31)),
        ("10 ذو الحجة 1444 هـ", dt.date(2023, 6, 28)),
        ("1 محرم 1446 هـ", dt.date(2024, 7, 7)),
    ],
)
def test_hijri_dates(phrase, date):
    assert the_date(phrase) == date


@pytest.mark.parametrize("phrase", ["31 شباط 2024", "الأسبوع الماضي", "منذ سنوات", "قرار مجلس الأمن 2254"])
def test_no_date(phrase):
    assert [d for d, _, _ in dates_in(phrase) if d is not None] == []


def test_relative_words_without_an_article_date_resolve_to_nothing():
    assert [d for d, _, _ in dates_in("اليوم الثلاثاء", published=None)] == [None]


def test_a_weekday_and_the_date_it_names_are_one_date():
    assert [d for d, _, _ in dates_in("الأربعاء 10 أبريل 2024")] == [dt.date(2024, 4, 10)]


def test_a_numeric_date_is_past_or_future_against_the_article_date():
    assert [r for _, r, _ in dates_in("2024/3/5")] == [PAST]
    assert [r for _, r, _ in dates_in("2024/5/20")] == [FUTURE]


# --- dates of meetings --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("استقبل الرئيس السوري بشار الأسد في دمشق أمس الاثنين وزير الخارجية العماني بدر البوسعيدي.",
         TUESDAY, dt.date(2024, 4, 8)),
        ("التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره الصيني وانغ يي السبت الماضي في ميونيخ.",
         TUESDAY, dt.date(2024, 4, 6)),
        ("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان في موسكو في 22 آب/أغسطس 2023.",
         dt.date(2023, 8, 22), dt.date(2023, 8, 22)),
        # an agency dateline with the Hijri date and its Gregorian equivalent
        ("الرياض 27 رمضان 1445 هـ الموافق 6 أبريل 2024 م واس\n"
         "استقبل ولي العهد السعودي الأمير محمد بن سلمان في جدة اليوم رئيس الوزراء الباكستاني شهباز شريف.",
         dt.date(2024, 4, 6), dt.date(2024, 4, 6)),
        # no article date: the dateline's full date stands for it
        ("طرابلس 9 فبراير 2023 (لانا) - استقبل رئيس المجلس الرئاسي الليبي محمد المنفي اليوم المبعوث الأممي "
         "عبد الله باتيلي.", None, dt.date(2023, 2, 9)),
    ],
)
def test_the_date_of_a_meeting(text, published, date):
    (meeting,) = extract(text, published=published).meetings
    assert meeting.date == date
