"""Persons named without an office: foreign given names as Arabic news writes them, and the
nationality adjective that stands for a person ("والفنلندي ..."، "المهاجم البرازيلي ..."), while a
nisba that describes an ordinary noun names nobody. Every sentence is written for these tests;
none is copied from a news site.
"""

from __future__ import annotations

import pytest

from kg.api import extract


def person_names(text: str) -> set[str]:
    return {m.text for e in extract(text).entities if e.type == "Person" for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a nisba with و or after a verb: the person of that country
        ("وجاء في المركز الخامس والفنلندي كيمي رايكونن بعد عطل في سيارته.", "كيمي رايكونن"),
        ("وتفوق الإيطالي جيانكارلو فيسيكيلا على منافسيه في السباق.", "جيانكارلو فيسيكيلا"),
        ("وفاز الأمريكي جيمس بليك على منافسه في الدور الأول.", "جيمس بليك"),
        # after an indefinite noun, a definite nisba is no adjective of it: "the win of the Czech ..."
        ("وتوقع النقاد فوز التشيكي ميلان كونديرا بالجائزة هذا العام.", "ميلان كونديرا"),
        # a word for a person before the nisba, an adjective of his between them at most
        ("وقال المهاجم البرازيلي رونالدو إنه سعيد بالعودة.", "رونالدو"),
        ("وذهبت الجائزة إلى الكاتب المسرحي البريطاني هارولد بينتر.", "هارولد بينتر"),
        # foreign given names the news writes
        ("وقال خورخي راموس إن الحكومة لن تتراجع عن قرارها.", "خورخي راموس"),
        ("وأضاف بابلو مونتويا أن الفريق جاهز للموسم.", "بابلو مونتويا"),
    ],
)
def test_an_untitled_foreign_person_is_found(text, name):
    assert name in person_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "وأكد المتحدث أن التعاون الأمريكي مع المنطقة مستمر.",
        "وقال مصدر دبلوماسي إن الموقف المصري ثابت.",
        "وأعلن الجيش الفرنسي انتهاء المناورات في المنطقة.",
        "وأعلنت شركة إنرون الأمريكية تعاملها مع المصارف.",
        "وأشاد الوزير بالدعم السعودي المتواصل للبرنامج.",
        "ورحب المجلس بالقرار الأوروبي الأخير بشأن اللاجئين.",
    ],
)
def test_a_nisba_of_an_ordinary_noun_names_nobody(text):
    assert person_names(text) == set()


def test_a_foreign_name_takes_no_al_word_after_it():
    names = person_names("واحتلت الممثلة أنجلينا جولي المركز الثاني في القائمة.")
    assert "أنجلينا جولي" in names
    assert not any("المركز" in n for n in names)


def test_a_foreign_given_name_that_is_a_surname_here_is_that_person():
    text = (
        "تلقى وزير الخارجية اتصالاً من وزيرة خارجية كندا ميلاني جولي. "
        "كما جددت الوزيرة جولي شكر بلادها للجهود المبذولة."
    )
    names = person_names(text)
    assert "جولي" in names
    assert "جولي شكر" not in names


def test_a_small_foreign_town_behind_b_is_part_of_a_surname():
    # "بليك" is not ب and the English town "ليك"
    assert "جيمس بليك" in person_names("وفاز الأمريكي جيمس بليك على منافسه في الدور الأول.")
