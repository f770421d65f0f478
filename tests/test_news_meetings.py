"""Meetings as real Arabic news tells them, in the ways the other test files do not cover: inside a
communiqué quoted at length, among others. Every sentence here is written for these tests; none
is copied from a news site. The article date is Tuesday 12 March 2024."""

from __future__ import annotations

import datetime as dt

from kg.api import extract

DAY = dt.date(2024, 3, 12)


def meetings_of(text: str) -> list[set[str]]:
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    return [{names.get(k, k) for k in m.participants} for m in facts.meetings]


def test_a_communique_quoted_at_length_reports_the_meeting_it_tells():
    text = (
        'وذكر بيان صادر عن مكتب رئيس الوزراء أن "رئيس الوزراء سامي الكعبي استقبل سفير اليابان في بغداد'
        ' كينجي ناكامورا، وبحث معه العلاقات الثنائية".'
    )
    assert meetings_of(text) == [{"سامي الكعبي", "كينجي ناكامورا"}]


def test_a_meeting_spoken_of_in_a_persons_quoted_words_is_no_report():
    text = (
        'وقال الوزير فؤاد حسين في كلمته أمام البرلمان: "الرئيس استقبل سفير اليابان كينجي ناكامورا مرات'
        ' عديدة ولم يتغير شيء في موقف طوكيو".'
    )
    assert meetings_of(text) == []
