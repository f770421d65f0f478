"""Names as the news of 2000-2015 writes them, for a tool that reads archives: the leaders, envoys
and militant leaders of those years (often in articles that carry no date), movements and outlets
whose short names are everyday words, names printed in Latin letters. Every sentence is written for
these tests; none is copied from a news site.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract
from kg.extract import gazetteer as gz


def entities(text: str, published: dt.date | None = None) -> dict[str, object]:
    return {e.key: e for e in extract(text, published=published).entities}


def keys_of(text: str, kind: str, published: dt.date | None = None) -> set[str]:
    return {k for k, e in entities(text, published).items() if e.type == kind}


# --- persons of 2000-2015 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("وانتقد وزير الدفاع الأمريكي دونالد رامسفيلد خطط الحلفاء في الاجتماع.", "person:donald-rumsfeld"),
        ("وأكد رامسفيلد أن القوات ستبقى حتى نهاية العام.", "person:donald-rumsfeld"),
        ("وقال بوش في خطاب أمام الكونغرس إن الحرب لم تنته بعد.", "person:george-w-bush"),
        ("والتقى الرئيس جاك شيراك رئيس الوزراء البريطاني توني بلير في باريس.", "person:tony-blair"),
        ("وأعلن الأمين العام للأمم المتحدة كوفي عنان تعيين مبعوث جديد.", "person:kofi-annan"),
        ("وبحث خافيير سولانا مع كبير المفاوضين الإيرانيين الملف النووي.", "person:javier-solana"),
        ("ونقل التلفزيون كلمة مسجلة لأيمن الظواهري يهاجم فيها الحكومات.", "person:ayman-al-zawahiri"),
        ("وكان الرئيس ياسر عرفات قد دعا إلى وقف إطلاق النار.", "person:yasser-arafat"),
        ("واستقبل الرئيس إميل لحود في قصر بعبدا الموفد الفرنسي.", "person:emile-lahoud"),
        ("وتحدث الزعيم الليبي معمر القذافي عن الوحدة الأفريقية.", "person:muammar-gaddafi"),
    ],
)
def test_a_leader_of_the_2000s_is_known(text, key):
    assert key in keys_of(text, "Person")


def test_an_undated_article_gives_a_known_person_his_last_office():
    found = entities("وقالت كوندوليزا رايس إن واشنطن تدعم الحوار.")
    rice = found["person:condoleezza-rice"]
    assert "وزيرة الخارجية" in rice.roles
    dated = entities("وقالت كوندوليزا رايس إن واشنطن تدعم الحوار مع الحلفاء.", dt.date(2003, 4, 1))
    assert "مستشارة الأمن القومي" in dated["person:condoleezza-rice"].roles


def test_a_short_surname_marked_in_the_gazetteer_stands_alone():
    # "+بوش": three letters, yet news of the 2000s writes it alone for one man
    assert "person:george-w-bush" in keys_of("وهاجم المتحدث سياسة بوش في المنطقة.", "Person")
    # an unmarked short surname alone still needs the full name in the article
    assert not any(k == "person:nabil-shaath" for k in keys_of("وقال شعث إن المفاوضات مستمرة.", "Person"))


def test_every_new_row_of_the_gazetteer_was_in_office_after_2000():
    for person in gz.persons().values():
        years = [o.last_year for o in person.offices]
        assert any(y is None or y >= 2000 for y in years), person.key


# --- a surname that two known persons share ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الخارجية الفلسطيني رياض المالكي نظيره الأردني، وقال المالكي إن الاستيطان يقوض الحل.",
        "وصل وزير الخارجية الفلسطيني رياض المالكي إلى عمان، وقال الوزير المالكي إن الزيارة لتنسيق المواقف.",
    ],
)
def test_a_shared_surname_is_the_one_the_article_names_in_full(text):
    persons = keys_of(text, "Person")
    assert "person:riyad-al-maliki" in persons
    assert "person:nouri-al-maliki" not in persons


def test_a_shared_surname_alone_is_the_gazetteer_s_one():
    assert "person:nouri-al-maliki" in keys_of("وقال رئيس الوزراء العراقي المالكي إن الحكومة باقية.", "Person")


def test_a_known_name_after_a_given_name_is_the_father_s():
    # "ثامر جابر الأحمد الصباح" is Thamer, son of Jaber: not the late emir himself
    persons = keys_of("وحضر اللقاء الشيخ ثامر جابر الأحمد الصباح رئيس ديوان ولي العهد.", "Person")
    assert "person:jaber-al-ahmad" not in persons
    assert any("ثامر" in k for k in persons)


# --- movements and outlets whose short names are everyday words --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "واعتقلت القوات اثنين من قادة القاعدة في المنطقة الجبلية.",
        "وقالت الشرطة إن عناصر القاعدة فروا قبل وصول الدورية.",
        "وخاضت العشائر معارك ضد القاعدة طوال الصيف.",
        'وتبنى "القاعدة" الهجوم في بيان نشر على الإنترنت.',
    ],
)
def test_al_qaeda_alone_where_the_words_around_it_make_it_the_movement(text):
    assert "org:al-qaeda" in keys_of(text, "Organization")


@pytest.mark.parametrize(
    "text",
    [
        "وزار الوفد القاعدة العسكرية الأمريكية في المنطقة.",
        "وأكد أن هذه هي القاعدة التي يجب أن تحكم العلاقات.",
        "ووصلت الطائرات إلى القاعدة الجوية ليلاً.",
    ],
)
def test_a_base_or_a_rule_is_no_movement(text):
    assert "org:al-qaeda" not in keys_of(text, "Organization")


@pytest.mark.parametrize(
    "text",
    [
        "ودعت الحكومة فتح وحماس إلى استئناف الحوار.",
        "واندلعت اشتباكات بين حماس وفتح في القطاع.",
        "وخطف مسلحون اثنين من كوادر فتح في المدينة.",
        "واندلعت اشتباكات بين مسلحين من فتح وعناصر الشرطة.",
    ],
)
def test_fatah_alone_beside_another_movement_or_its_members(text):
    assert "org:fatah" in keys_of(text, "Organization")


def test_the_verb_fataha_is_no_movement():
    assert "org:fatah" not in keys_of("وفتح المعبر أبوابه أمام المسافرين صباح اليوم.", "Organization")


@pytest.mark.parametrize(
    "text",
    [
        "وقال المتحدث باسم الحركة في تصريحات للجزيرة إن الحوار متعثر.",
        "وقال القيادي في الحركة سامي يوسف للجزيرة أمس إن الحوار متعثر.",
    ],
)
def test_a_channel_the_words_were_given_to(text):
    assert "org:al-jazeera" in keys_of(text, "Organization")


def test_the_arabian_peninsula_is_no_channel():
    assert "org:al-jazeera" not in keys_of("وسافر الوفد إلى الجزيرة العربية أمس.", "Organization")


def test_the_island_is_no_city():
    found = keys_of("وتقع الجزيرة قبالة السواحل، وزارها الوزير في شبه الجزيرة الكورية.", "Place")
    assert not any("algiers" in k for k in found)


# --- names in Latin letters ---------------------------------------------------------------------------


def test_an_outlet_in_latin_letters_in_a_dateline():
    assert "org:cnn" in keys_of("واشنطن ( CNN ) -- قال مسؤولون أمريكيون إن المحادثات ستستأنف.", "Organization")


def test_a_company_in_latin_letters():
    assert "org:ibm" in keys_of("وأعلنت شركة IBM عن خطة لتوسيع أعمالها في المنطقة.", "Organization")


def test_latin_words_in_lower_case_are_no_name():
    assert "org:cnn" not in keys_of("وكتب أحد القراء cnn على صفحته.", "Organization")


def test_an_outlet_takes_part_in_no_meeting():
    facts = extract(
        "شارك وزيرا خارجية البلدين في اجتماع عبر الفيديو استضافته وزارة الخارجية الأمريكية، حسبما نقلت شبكة CNN.",
        published=None,
    )
    assert all("org:cnn" not in m.participants for m in facts.meetings)


def test_a_known_name_after_an_office_is_not_read_as_the_office_s_complement():
    # "لويس" is also an English town: here it begins Lula's name, not "president of Lewes"
    found = entities("وأخفق الرئيس البرازيلي لويس لولا دا سيلفا في الحصول على الأغلبية.")
    lula = found["person:luiz-inacio-lula-da-silva"]
    assert [m.text for m in lula.mentions] == ["لويس لولا دا سيلفا"]


def test_a_father_s_name_after_bin_is_no_shared_surname():
    text = "ونقل الأمير رسالة من الملك سلمان إلى ولي العهد الأمير محمد بن سلمان."
    persons = keys_of(text, "Person")
    assert {"person:salman-bin-abdulaziz", "person:mohammed-bin-salman"} <= persons


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وأضرب العاملون في البنك المركزي الإيطالي عن العمل.", "country:IT"),
        ("وأعلن بنك إيطاليا المركزي خفض الفائدة.", "country:IT"),
        ("وقرر مصرف سورية المركزي رفع سعر الصرف.", "country:SY"),
    ],
)
def test_a_country_s_central_bank_is_one_body_in_either_word_order(text, country):
    banks = [e for e in extract(text).entities if e.type == "Organization"]
    assert [b.key for b in banks] == [f"org:{country.split(':')[1]}-البنك_المركزي"]


@pytest.mark.parametrize(
    "text",
    [
        "وكانت الطائرة من طراز بوينغ وعلى متنها مئة راكب.",
        "وارتفعت الأسهم في التعاملات الإلكترونية لبورصة نيويورك.",
        "ولم تكشف اللجنة هوية المرشحين للجائزة.",
    ],
)
def test_everyday_words_are_no_towns(text):
    # طراز (a model)، بورصة (a stock exchange)، هوية (identity): GeoNames also names towns so
    found = {m.text for e in extract(text).entities if e.type == "Place" for m in e.mentions}
    assert found <= {"نيويورك"}
