"""Names and offices real Arabic news writes in full where the word lists know a shorter form:
a prince's forefathers and house after the name people know him by.
Every sentence here is written for these tests; none is copied from a news site.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DAY = dt.date(2024, 3, 12)


def spellings(text: str, key: str) -> tuple[str, ...]:
    """The label and the other spellings of one entity."""
    entity = next(e for e in extract(text, published=DAY).entities if e.key == key)
    return (entity.label, *entity.aliases)


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("وتلقى الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد اتصالا من الرئيس.",
         "محمد بن سلمان بن عبدالعزيز آل سعود"),
        ("وتلقى الأمير محمد بن سلمان بن عبد العزيز ولي العهد اتصالا من الرئيس.",
         "محمد بن سلمان بن عبد العزيز"),
    ],
    ids=["forefather-and-house", "forefather-in-two-words"],
)
def test_forefathers_the_list_leaves_out_stay_in_the_name(text, full):
    assert any(full in name for name in spellings(text, "person:mohammed-bin-salman"))


def test_the_sons_full_name_is_no_second_mention_of_his_father():
    text = ("وبتوجيه من الملك سلمان بن عبدالعزيز آل سعود، استقبل الأمير محمد بن سلمان بن عبدالعزيز آل سعود "
            "ولي العهد الوزير.")
    people = [e for e in extract(text, published=DAY).entities if e.type == "Person"]
    assert sorted(e.key for e in people)[:2] == ["person:mohammed-bin-salman", "person:salman-bin-abdulaziz"]
