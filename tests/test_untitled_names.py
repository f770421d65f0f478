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


def test_an_office_of_two_words_ends_a_name():
    # "أمين" is a given name, "أمين عام" an office
    names = person_names("وقال كمال بشر أمين عام الاتحاد إن المؤتمر ينعقد الشهر المقبل.")
    assert "كمال بشر" in names


def test_a_word_with_a_pronoun_on_it_starts_no_name():
    names = person_names("وقال المتحدث باسمها رامين مهمانبرست إن بلاده لم تتلق أي رد.")
    assert not any(n.startswith("باسمها") for n in names)


def test_a_nisba_after_a_kunya_is_part_of_the_name():
    assert "أبو أيوب المصري" in person_names("وأكد المتحدث أن أيام أبو أيوب المصري أصبحت معدودة.")


def test_two_kunyas_with_one_family_name_are_two_persons():
    facts = extract("وأعلن الجيش القبض على أبو عمر البغدادي في المدينة.")
    assert "person:abu-bakr-al-baghdadi" not in {e.key for e in facts.entities}


@pytest.mark.parametrize(
    "text",
    [
        "وأضاف كامينين في بيان نشر مساء أمس أن موسكو تدعم الحل السياسي.",
        "وقال كامينين إن بلاده ستواصل الاتصالات.",
    ],
)
def test_a_foreign_surname_alone_as_the_subject_of_a_reporting_verb(text):
    # a plural in ين cannot be a verb's subject (that would be ون): a long word in ين can be a name
    assert "كامينين" in person_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال دبلوماسيين إن الاتفاق قريب.",  # careless grammar: a nisba's plural
        "وقالت تقارير في الصحف إن الاتفاق قريب.",
        "وأضافت الوزارة في بيان أن الوفد وصل.",
    ],
)
def test_a_plural_or_a_body_before_the_words_is_no_person(text):
    assert person_names(text) == set()


def test_ali_written_with_ya_begins_a_name_that_is_no_known_person_s():
    # "الأنصاري" alone is a known spokesman's surname; "علي الأنصاري" is someone else
    facts = extract("وقال علي الأنصاري أستاذ التاريخ الحديث إن التقرير دقيق.")
    persons = {e.key: [m.text for m in e.mentions] for e in facts.entities if e.type == "Person"}
    assert "person:majed-al-ansari" not in persons
    assert ["علي الأنصاري"] in persons.values()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ويرى جورج هوفمان وهو أحد أعضاء الحزب أن الموقف خاطئ.", "جورج هوفمان"),
        ("وتوقع أنطوني غوليز نائب مدير الهيئة أن ترتفع الأسعار.", "أنطوني غوليز"),
    ],
)
def test_a_western_given_name_and_a_surname_no_list_knows(text, name):
    assert name in person_names(text)
