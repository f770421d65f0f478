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


def speakers_of(text: str, words: str) -> list[str]:
    """The names of who said the first statement whose words hold `words`."""
    facts = facts_of(text)
    said = next(s for s in facts.statements if words in s.quote)
    names = {e.key: e.label for e in facts.entities}
    return [names[k] for k in said.speakers]


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


@pytest.mark.parametrize("cue", ["نوصي بقراءة", "ننصح بقراءة", "قد يهمك أيضاً", "إقرأ أيضًا"])
def test_a_recommended_link_inside_the_body_is_noise(cue):
    """A "recommended reading" headline set between the body's paragraphs tells of another story."""
    facts = facts_of(f"{RECEPTION}\n{cue}: المنتخب الأول يلتقي نظيره الإسباني في مدريد الجمعة\n"
                     "وبحث الوزيران سبل تعزيز التعاون بين البلدين.")
    assert not any(e.key.startswith("place:madrid") for e in facts.entities)
    assert len(facts.meetings) == 1 and set(facts.meetings[0].participants) == {SHOUKRY, BOURITA}


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


@pytest.mark.parametrize(
    ("text", "represents"),
    [
        ("تلقى ولي العهد رئيس مجلس الوزراء الأمير محمد بن سلمان اتصالا هاتفيا اليوم من الرئيس الفرنسي "
         "إيمانويل ماكرون.", "country:SA"),  # the office the gazetteer knows him in, his country unnamed
        # no office: a known leader named alone holds the one he is known in
        ("تلقى الأمير محمد بن سلمان اتصالا هاتفيا اليوم من الرئيس الفرنسي إيمانويل ماكرون.", "country:SA"),
    ],
)
def test_a_known_leader_in_his_known_office_represents_his_country_though_it_goes_unnamed(text, represents):
    mbs = next(e for e in facts_of(text).entities if e.key == "person:mohammed-bin-salman")
    assert mbs.represents == represents


BUSAIDI, FIDAN = "person:badr-albusaidi", "person:hakan-fidan"


def test_his_excellency_goes_back_to_the_one_the_story_keeps_calling_so():
    text = ("أجرى معالي السيد بدر بن حمد البوسعيدي وزير الخارجية اليوم سلسلة اتصالات هاتفية. وبحث معالي "
            "وزير الخارجية في اتصال هاتفي مع معالي سيرغي لافروف وزير خارجية روسيا العلاقات الثنائية. كما "
            "أجرى معاليه اتصالا هاتفيا مع معالي هاكان فيدان وزير خارجية تركيا.")
    assert meeting_sets(text) == sorted([{BUSAIDI, LAVROV}, {BUSAIDI, FIDAN}], key=sorted)


def test_an_office_without_a_country_in_a_story_told_from_home_is_the_home_minister():
    text = ("مسقط في 12 مارس /العُمانية/ التقى معالي هاكان فيدان وزير الخارجية التركي اليوم معالي السيد بدر بن "
            "حمد البوسعيدي وزير الخارجية.\nوأوضح معالي السيد وزير الخارجية أن سلطنة عُمان ستواصل العمل مع "
            "الجانب التركي من أجل تعزيز التعاون بين البلدين.")
    (statement,) = facts_of(text).statements
    assert statement.speakers == (BUSAIDI,)


# --- meetings: one by one, letters, credentials, press conferences ------------------------------

SISI, ATTAF, LAVROV, TEBBOUNE = (
    "person:abdel-fattah-el-sisi", "person:ahmed-attaf", "person:sergey-lavrov", "person:abdelmadjid-tebboune",
)  # fmt: skip


def meeting_sets(text: str, published: dt.date | None = DAY) -> list[set[str]]:
    return sorted((set(m.participants) for m in facts_of(text, published).meetings), key=sorted)


@pytest.mark.parametrize(
    "text",
    [
        "استقبل الرئيس عبد الفتاح السيسي اليوم بقصر الاتحادية كلاً من وزير الخارجية الأردني أيمن الصفدي "
        "ووزير الخارجية المغربي ناصر بوريطة، كلٌّ على حدة.",
        "استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية المغربي "
        "ناصر بوريطة كلا على حدة، وبحث معهما العلاقات الثنائية.",
    ],
)
def test_guests_received_one_by_one_are_separate_meetings(text):
    assert meeting_sets(text) == sorted([{SISI, SAFADI}, {SISI, BOURITA}], key=sorted)


def test_three_delegations_received_in_a_list_are_met_one_by_one():
    text = ("استقبل وزير الخارجية سامح شكري اليوم كلا من وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية "
            "المغربي ناصر بوريطة ووزير الخارجية الروسي سيرغي لافروف.")
    assert meeting_sets(text) == sorted([{SHOUKRY, SAFADI}, {SHOUKRY, BOURITA}, {SHOUKRY, LAVROV}], key=sorted)


TWO_COUNTERPARTS = ("التقى وزير الخارجية المصري سامح شكري اليوم في جدة نظيريه الأردني أيمن الصفدي "
                    "والمغربي ناصر بوريطة.")


@pytest.mark.parametrize(
    "after",
    [
        "جاء ذلك على هامش اجتماع وزراء خارجية الدول العربية في جدة.",
        "وذلك على هامش أعمال القمة العربية.",
        "ولم تكشف الخارجية عما دار في اللقاءين.",
        "وتناولت اللقاءات الثنائية التطورات في المنطقة.",
    ],
)
def test_talks_the_next_sentence_puts_beside_a_gathering_are_one_per_country(after):
    assert meeting_sets(f"{TWO_COUNTERPARTS} {after}") == sorted(
        [{SHOUKRY, SAFADI}, {SHOUKRY, BOURITA}], key=sorted
    )


def test_two_counterparts_met_together_stay_one_meeting():
    text = f"{TWO_COUNTERPARTS} وبحث الوزراء الثلاثة التنسيق المشترك."
    assert meeting_sets(text) == [{SHOUKRY, SAFADI, BOURITA}]


def test_also_received_after_guests_met_one_by_one_goes_on_one_by_one():
    text = ("استقبل وزير الخارجية سامح شكري اليوم كلا من وزير الخارجية الأردني أيمن الصفدي ووزير الخارجية "
            "الروسي سيرغي لافروف، كلٌّ على حدة. كما استقبل الوزير وزير الخارجية المغربي ناصر بوريطة، "
            "ووزير الخارجية الجزائري أحمد عطاف.")
    assert meeting_sets(text) == sorted(
        [{SHOUKRY, SAFADI}, {SHOUKRY, LAVROV}, {SHOUKRY, BOURITA}, {SHOUKRY, ATTAF}], key=sorted
    )


def test_also_received_after_one_joint_meeting_stays_one_meeting():
    text = ("استقبل وزير الخارجية سامح شكري اليوم نظيره الأردني أيمن الصفدي. كما استقبل الوزير وزير "
            "الخارجية المغربي ناصر بوريطة، ووزير الخارجية الجزائري أحمد عطاف.")
    assert meeting_sets(text) == sorted([{SHOUKRY, SAFADI}, {SHOUKRY, BOURITA, ATTAF}], key=sorted)


def test_a_guest_named_in_quote_marks_is_a_party():
    text = 'استقبل الرئيس عبد الفتاح السيسي، اليوم، "وليام بيرنز" مدير وكالة الاستخبارات المركزية الأمريكية.'
    (meeting,) = facts_of(text).meetings
    assert SISI in meeting.participants and len(meeting.participants) == 2
    assert all(p.startswith("person:") for p in meeting.participants)  # the man, not his agency


def test_a_name_in_quoted_speech_is_no_party():
    text = ('استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأردني أيمن الصفدي، وقال: "إن مصر تقدّر '
            'الجهود التي يبذلها الملك عبدالله الثاني من أجل التهدئة في المنطقة".')
    assert meeting_sets(text) == [{SISI, SAFADI}]


def test_those_present_at_both_meetings_join_both():
    text = ("التقى وزير الخارجية سامح شكري اليوم نظيره الأردني أيمن الصفدي. كما التقى الوزير نظيره المغربي "
            "ناصر بوريطة. وحضر اللقاءين مساعد وزير الخارجية حمدي لوزا.")
    found = meeting_sets(text)
    assert len(found) == 2 and all(len(m) == 3 for m in found)
    assert {SAFADI, BOURITA} == {p for m in found for p in m} - {SHOUKRY} - {p for p in found[0] & found[1]}


@pytest.mark.parametrize("verb", ["وتناول اللقاء", "وبحث اللقاء", "وتطرق الاجتماع إلى"])
def test_a_briefing_the_next_sentence_calls_a_meeting_is_one(verb):
    text = (f"أطلع وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي على آخر التطورات في غزة. "
            f"{verb} العلاقات الثنائية بين البلدين. وحضر اللقاء السفير محمد البدري.")
    found = meeting_sets(text)
    assert len(found) == 1 and {SHOUKRY, SAFADI} < found[0]


@pytest.mark.parametrize(
    "text",
    [
        "قال وزير الخارجية سامح شكري إن مصر تتطلع إلى زيارة الرئيس الفرنسي إيمانويل ماكرون.",
        "قال وزير الخارجية سامح شكري إن القاهرة تنتظر لقاء قريبا مع الرئيس الفرنسي إيمانويل ماكرون.",
        "وقال وزير الخارجية سامح شكري: نتطلع لزيارة قريبة من الرئيس إيمانويل ماكرون لمصر.",
    ],
)
def test_a_visit_looked_forward_to_is_no_meeting(text):
    assert facts_of(text).meetings == ()


def test_an_unnamed_counterpart_is_not_a_person_of_another_office_named_later():
    text = ("وقال وزير الخارجية سامح شكري خلال مؤتمر صحفي مع نظيرته الفرنسية، إن العلاقات بين البلدين قوية. "
            "وتابع: نتطلع لزيارة قريبة من الرئيس إيمانويل ماكرون لمصر.")
    assert meeting_sets(text) == [{SHOUKRY, "country:FR"}]


def test_a_counterpart_with_the_subject_left_out_holds_the_office_of_the_one_before():
    text = ("صرّح وزير الخارجية سامح شكري بأن المواقف بين البلدين متقاربة.\n"
            "وقال خلال مؤتمر صحفي مع نظيرته الفرنسية، إن التنسيق بين البلدين مستمر في كل الملفات الإقليمية.\n"
            "وتابع: نتطلع لزيارة قريبة من الرئيس إيمانويل ماكرون لمصر.")
    assert meeting_sets(text) == [{SHOUKRY, "country:FR"}]


AMBASSADORS = ("سفير إثيوبيا محمد جودتا شيبسا، وسفير بنين تثيرو الحاج عبدو كباسي، وسفير سريلانكا "
               "تشاندرا تاباتو موديان جيويجيراتني، وسفير السويد ماكس بيور")


def test_a_list_of_guests_set_off_in_quote_marks_is_no_speech():
    text = f"استقبل وكيل وزارة الخارجية سامي الهاشمي أمس السفراء الجدد وهم: «{AMBASSADORS}»."
    (meeting,) = facts_of(text).meetings
    assert len(meeting.participants) == 5


@pytest.mark.parametrize(
    "name",
    ["محمد جودتا شيبسا", "تثيرو الحاج عبدو كباسي", "تشاندرا تاباتو موديان جيويجيراتني", "ماكس بيور"],
)
def test_long_foreign_names_after_an_office_run_to_the_comma(name):
    text = f"استقبل وكيل وزارة الخارجية سامي الهاشمي أمس السفراء الجدد وهم: {AMBASSADORS}."
    assert name in {e.label for e in facts_of(text).entities if e.type == "Person"}


def test_a_full_stop_without_its_space_still_ends_the_sentence():
    text = ("أشاد الملك عبدالله الثاني بالعلاقات بين البلدين على الأصعدة السياسية والاقتصادية.وكان وزير "
            "الخارجية أيمن الصفدي قد استقبل أمس نظيره المغربي ناصر بوريطة».واستعرض الجانبان التعاون.")
    assert meeting_sets(text) == [{SAFADI, BOURITA}]


@pytest.mark.parametrize("epithet", ["الصديقة", "الشقيقة"])
def test_a_country_s_epithet_between_an_office_and_a_name_is_skipped(epithet):
    text = (f"تلقى وزير الخارجية سامح شكري اتصالا هاتفيا اليوم من وزيرة خارجية كندا {epithet} ميلاني جولي. "
            "كما جددت الوزيرة جولي شكر كندا لمصر على جهودها في إجلاء الرعايا.")
    facts = facts_of(text)
    joly = next(e for e in facts.entities if e.label == "ميلاني جولي")
    assert joly.represents == "country:CA" and epithet not in " ".join(joly.roles)
    assert [set(m.participants) for m in facts.meetings] == [{SHOUKRY, joly.key}]
    assert [s.speakers for s in facts.statements] == [(joly.key,)]


@pytest.mark.parametrize(("office", "name"), [
    ("السفير الروسي لدى العراق", "ألبروس كوتراشيف"),
    ("سفير إسبانيا", "ألبرتو نافارو"),
    ("سفيرة كندا", "أليسون غرانت"),
])
def test_a_foreign_name_written_with_hamza_al_is_no_article(office, name):
    text = f"استقبل رئيس حكومة إقليم كوردستان مسرور بارزاني اليوم {office} {name}."
    facts = facts_of(text)
    assert name in {e.label for e in facts.entities if e.type == "Person"}


def test_two_guests_arriving_together_are_one_meeting():
    text = ("استقبل وزير الخارجية سامح شكري اليوم في مطار القاهرة كلا من وزير الخارجية الأردني أيمن الصفدي "
            "ووزير الخارجية المغربي ناصر بوريطة لدى وصولهما للمشاركة في الاجتماع الوزاري.")
    assert meeting_sets(text) == [{SHOUKRY, SAFADI, BOURITA}]


def test_credentials_from_unnamed_ambassadors_are_one_ceremony():
    # annotators of real news read a credentials ceremony as one meeting of all the envoys
    text = "تسلم الرئيس عبد المجيد تبون اليوم أوراق اعتماد سفراء كل من اليابان والبرازيل وكندا."
    assert meeting_sets(text) == [{TEBBOUNE, "country:JP", "country:BR", "country:CA"}]
    assert all(m.kind == "reception" for m in facts_of(text).meetings)


def test_credentials_handed_over_one_by_one_are_a_meeting_each():
    text = ("تسلم الرئيس عبد المجيد تبون اليوم أوراق اعتماد سفير اليابان كينجي ياماموتو وسفير كندا "
            "جون تايلور، كلا على حدة.")
    found = meeting_sets(text)
    assert len(found) == 2 and all(TEBBOUNE in m and len(m) == 2 for m in found)


CEREMONY = ("عمّان - أقيمت اليوم في قصر بسمان مراسم تقبل أوراق اعتماد عدد من السفراء.\n"
            "فقد تقبّل الملك عبد الله الثاني أوراق اعتماد كل من سفير جمهورية بيرو كارلوس منديث، "
            "وسفير جمهورية كوريا لي جون أو، وسفير جمهورية بنغلادش الشعبية محمد نور الإسلام.\n"
            "كما تقبل جلالته أوراق اعتماد السفير غير المقيم لجمهورية زامبيا بيتر موانزا، "
            "والسفيرة غير المقيمة لجمهورية مالاوي جوليا بندا.\n"
            "وحضر مراسم تقبل أوراق الاعتماد، رئيس الديوان الملكي الهاشمي خالد سليمان الرفاعي.")


def test_a_credentials_ceremony_told_over_several_sentences_is_one_meeting():
    facts = facts_of(CEREMONY)
    names = {e.key: e.label for e in facts.entities}
    (meeting,) = facts.meetings
    assert sorted(names[p] for p in meeting.participants) == sorted([
        "عبد الله الثاني بن الحسين", "كارلوس منديث", "لي جون أو", "محمد نور الإسلام", "بيتر موانزا",
        "جوليا بندا", "خالد سليمان الرفاعي"])  # fmt: skip


def test_envoys_named_after_their_states_official_names_and_accreditation():
    persons = {e.label: e for e in facts_of(CEREMONY).entities if e.type == "Person"}
    assert persons["محمد نور الإسلام"].represents == "country:BD"  # "... بنغلادش الشعبية" then the name
    assert persons["لي جون أو"].represents == "country:KR"  # "أو" before a comma ends a Korean name
    assert persons["بيتر موانزا"].roles == ("السفير غير المقيم",)
    assert persons["بيتر موانزا"].represents == "country:ZM"
    assert persons["جوليا بندا"].represents == "country:MW"  # مالاوي, as news often spells ملاوي
    assert persons["خالد سليمان الرفاعي"].roles == ("رئيس الديوان الملكي الهاشمي",)
    assert persons["خالد سليمان الرفاعي"].represents == "country:JO"
    assert "أوراق الاعتماد" not in persons


def test_guests_listed_in_the_next_sentence_join_the_ceremony():
    text = ("مسقط - تقبّل السلطان هيثم بن طارق صباح اليوم بقصر البركة أوراق اعتماد عدد من سفراء الدول "
            "الشقيقة والصديقة.\nوشمل ذلك كلا من: السفير أحمد سالم الكندي، سفير دولة الكويت؛ والسفير "
            "مارتن كولر، سفير جمهورية النمسا.")
    names = {e.key: e.label for e in facts_of(text).entities}
    assert [sorted(names[p] for p in m) for m in meeting_sets(text)] == [
        sorted(["هيثم بن طارق", "أحمد سالم الكندي", "مارتن كولر"])]


def test_the_builder_king_is_no_albanian():
    text = "زار الوفد ضريح الملك الباني الحسين بن طلال في عمان اليوم."
    assert "country:AL" not in {e.key for e in facts_of(text).entities}


def test_a_letter_handed_over_is_a_meeting_with_its_bearer_not_its_sender():
    text = ("تسلم الرئيس عبد الفتاح السيسي اليوم رسالة خطية من أخيه الرئيس الجزائري عبد المجيد تبون، "
            "سلمها له وزير الخارجية الجزائري أحمد عطاف خلال استقباله بقصر الاتحادية.")
    assert meeting_sets(text) == [{SISI, ATTAF}]


def test_a_letter_received_is_no_phone_call():
    text = "تلقى الرئيس عبد الفتاح السيسي اليوم رسالة خطية من أخيه الرئيس الجزائري عبد المجيد تبون."
    assert facts_of(text).meetings == ()


def test_a_letter_told_in_what_someone_said_is_no_new_meeting():
    text = ("استقبل الرئيس الجزائري عبد المجيد تبون اليوم وزير الخارجية الروسي سيرغي لافروف. وقال لافروف عقب "
            "اللقاء إنه نقل إلى الرئيس تبون رسالة من الرئيس فلاديمير بوتين تتضمن دعوة لزيارة روسيا.")
    found = facts_of(text).meetings
    assert len(found) == 1 and set(found[0].participants) == {TEBBOUNE, LAVROV}


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("وفي مؤتمر صحفي مشترك مع نظيره العراقي فؤاد حسين، قال وزير الخارجية الإيراني عباس عراقجي إن البلدين "
         "يسعيان إلى تطوير التعاون.", {"person:abbas-araghchi", "person:fuad-hussein"}),
        ("وقال وزير الخارجية سامح شكري خلال مؤتمر صحفي مع نظيرته الفرنسية إن البلدين يتفقان على ضرورة التهدئة.",
         {SHOUKRY, "country:FR"}),
    ],
)
def test_a_press_conference_given_with_a_counterpart_is_a_meeting(text, participants):
    found = facts_of(text).meetings
    assert len(found) == 1 and set(found[0].participants) == participants


def test_a_press_conference_alone_is_no_meeting():
    text = "وقال وزير الخارجية سامح شكري في مؤتمر صحفي عقده في القاهرة اليوم إن مصر تدعم الحل السياسي."
    assert facts_of(text).meetings == ()


def test_meeting_with_a_pronoun_reception_noun():
    text = ("وخلال استقباله أمس سفير السودان في دمشق، أكد وزير الخارجية السوري فيصل المقداد "
            "أهمية التنسيق بين البلدين.")
    (meeting,) = facts_of(text).meetings
    assert set(meeting.participants) == {"person:faisal-mekdad", "country:SD"}
    assert meeting.date == dt.date(2024, 3, 11)


def test_an_unnamed_charge_d_affaires_stands_for_his_country():
    text = ("وخلال استقباله أمس القائم بأعمال سفارة السودان في دمشق، أكد وزير الخارجية السوري فيصل المقداد "
            "أهمية التنسيق بين البلدين.")
    (meeting,) = facts_of(text).meetings
    assert set(meeting.participants) == {"person:faisal-mekdad", "country:SD"}


# --- places and dates of meetings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city", "venue"),
    [
        ("استقبل الرئيس التونسي قيس سعيد اليوم بقصر قرطاج وزير الخارجية الجزائري أحمد عطاف.",
         "place:carthage-2468245", "place:carthage-palace"),
        ("استقبل الملك عبد الله الثاني اليوم في قصر الحسينية وزير الخارجية الروسي سيرغي لافروف.",
         "place:amman-250441", "place:husseiniya-palace"),
        ("استقبل الرئيس عبد الفتاح السيسي اليوم في قصر الاتحادية وزير الخارجية الروسي سيرغي لافروف.",
         "place:cairo-360630", "place:ittihadiya"),
    ],
)
def test_a_palace_names_its_city(text, city, venue):
    (meeting,) = facts_of(text).meetings
    assert (meeting.place, meeting.venue) == (city, venue)


def test_a_meeting_whose_day_no_words_state_has_no_date():
    text = "استقبل الرئيس عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف في القاهرة."
    (meeting,) = facts_of(text).meetings
    assert meeting.date is None


def test_a_later_meeting_of_the_same_story_takes_its_day():
    text = ("وصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة صباح أمس في زيارة رسمية.\n"
            "وعقد لافروف جلسة مباحثات مع نظيره المصري سامح شكري تناولت العلاقات الثنائية.")
    (meeting,) = facts_of(text).meetings
    assert meeting.date == dt.date(2024, 3, 11)


@pytest.mark.parametrize(
    "label", ["لندن", "طهران", "روما", "إسطنبول"],
)
def test_capitals_carry_their_standard_arabic_names(label):
    from kg.extract import gazetteer as gz

    assert any(p.label == label for p in gz.places().values() if p.population > 1_000_000)


def test_counterparts_met_on_the_sidelines_are_met_one_by_one():
    text = ("التقى وزير الخارجية الروسي سيرغي لافروف اليوم، نظيريه الأردني أيمن الصفدي والمغربي ناصر بوريطة، "
            "على هامش أعمال المؤتمر الوزاري المنعقد في الدوحة.")
    assert meeting_sets(text) == sorted([{LAVROV, SAFADI}, {LAVROV, BOURITA}], key=sorted)


def test_tahadatha_is_talks():
    text = "تحادث الرئيس عبد المجيد تبون اليوم في الجزائر مع وزير الخارجية الروسي سيرغي لافروف."
    (meeting,) = facts_of(text).meetings
    assert set(meeting.participants) == {TEBBOUNE, LAVROV} and meeting.kind == "talks"


@pytest.mark.parametrize(
    ("text", "participants", "place"),
    [
        ("وصل وزير الخارجية الروسي سيرغي لافروف اليوم إلى عمان في زيارة رسمية.\n"
         "وكان في استقباله لدى وصوله وزير الخارجية الأردني أيمن الصفدي.", {LAVROV, SAFADI}, "place:amman-250441"),
        ("وصل وزير الخارجية الأردني أيمن الصفدي اليوم إلى القاهرة.\n"
         "وكان وزير الخارجية سامح شكري على رأس مستقبليه في المطار.", {SAFADI, SHOUKRY}, "place:cairo-360630"),
        ("وكان في استقبال وزير الخارجية الأردني أيمن الصفدي لدى وصوله إلى القاهرة اليوم وزير الخارجية "
         "سامح شكري.", {SAFADI, SHOUKRY}, "place:cairo-360630"),
    ],
)
def test_those_who_welcomed_a_guest_on_arrival_met_him(text, participants, place):
    (meeting,) = facts_of(text).meetings
    assert set(meeting.participants) == participants and meeting.place == place and meeting.date == DAY


def test_an_arrival_with_nobody_named_to_welcome_is_no_meeting():
    text = "وصل وزير الخارجية الروسي سيرغي لافروف اليوم إلى عمان.\nوكان في استقباله عدد من المسؤولين."
    assert facts_of(text).meetings == ()


def test_those_present_attended_each_of_the_meetings_held_apart():
    text = ("استقبل الرئيس عبد الفتاح السيسي اليوم بقصر الاتحادية كلاً من وزير الخارجية الأردني أيمن الصفدي "
            "ووزير الخارجية المغربي ناصر بوريطة، كلٌّ على حدة.\nوحضر المقابلتين وزير الخارجية سامح شكري.")
    assert meeting_sets(text) == sorted([{SISI, SAFADI, SHOUKRY}, {SISI, BOURITA, SHOUKRY}], key=sorted)


def test_a_byline_run_into_the_first_line_is_no_person():
    text = "كتبت: منى السيد أجرى وزير الخارجية سامح شكري اليوم اتصالاً هاتفياً مع نظيره المغربي ناصر بوريطة."
    assert person_keys(text) == {SHOUKRY, BOURITA}


@pytest.mark.parametrize("verb", ["افتتحا", "وقّعا", "ترأسا"])
def test_a_dual_verb_of_a_joint_act_brings_the_two_together(verb):
    text = f"وزير الخارجية سامح شكري ونظيره الأردني أيمن الصفدي {verb} اليوم في عمان أعمال اللجنة المشتركة."
    (meeting,) = facts_of(text).meetings
    assert set(meeting.participants) == {SHOUKRY, SAFADI}


@pytest.mark.parametrize(
    ("words", "date"),
    [
        ("يوم أمس السبت 9 مارس", dt.date(2024, 3, 9)),  # the stated day, not "yesterday" (the 11th)
        ("اليوم الأحد 10 مارس", dt.date(2024, 3, 10)),
        ("أمس 8 مارس", dt.date(2024, 3, 8)),
    ],
)
def test_a_stated_day_wins_over_weekday_arithmetic(words, date):
    text = f"استقبل الرئيس التونسي قيس سعيد {words} بقصر قرطاج وزير الخارجية الجزائري أحمد عطاف."
    (meeting,) = facts_of(text).meetings
    assert meeting.date == date


def test_a_day_and_month_take_the_year_of_the_article():
    text = "استقبل الرئيس التونسي قيس سعيد في 5 مارس بقصر قرطاج وزير الخارجية الجزائري أحمد عطاف."
    (meeting,) = facts_of(text).meetings
    assert meeting.date == dt.date(2024, 3, 5)


def test_a_planned_summits_city_is_not_where_the_invitation_was_handed_over():
    text = ("سلم السفير الفرنسي لدى ليبيا مصطفى مهراج اليوم دعوة من الرئيس الفرنسي إيمانويل ماكرون لرئيس المجلس "
            "الرئاسي الليبي محمد المنفي لحضور قمة مرتقبة في باريس.\n"
            "واستقبل المنفي السفير الفرنسي بمقر المجلس في العاصمة طرابلس.")
    (meeting,) = facts_of(text).meetings
    assert meeting.place == "place:tripoli-2210247" and "person:mohamed-al-menfi" in meeting.participants


def test_an_office_of_another_country_after_a_name_is_the_object_not_the_name():
    text = ("استقبل الرئيس السوري بشار الأسد وزير الخارجية الإيراني والوفد المرافق له.\n"
            "وأطلع عباس عراقجي الرئيس الأسد على نتائج المفاوضات.")
    facts = facts_of(text)
    assad = next(e for e in facts.entities if e.key == "person:bashar-al-assad")
    assert not any("الخارجية" in role for role in assad.roles)
    (meeting,) = facts.meetings
    assert set(meeting.participants) == {"person:bashar-al-assad", "person:abbas-araghchi"}


@pytest.mark.parametrize(
    "how",
    ["عبر تقنية الاتصال المرئي", "عبر الفيديو كونفرنس", "عبر الاتصال المرئي", "في اتصال مرئي"],
)
def test_talks_held_by_video_are_a_call(how):
    text = f"بحث وزير الخارجية سامح شكري مع نظيره المغربي ناصر بوريطة {how} اليوم العلاقات بين البلدين."
    (meeting,) = facts_of(text).meetings
    assert meeting.phone and set(meeting.participants) == {SHOUKRY, BOURITA}


@pytest.mark.parametrize(
    ("text", "publisher", "country"),
    [
        ("موسكو - واس\nالتقى وكيل وزارة الخارجية للشؤون الدولية المتعددة عبد الرحمن الحربي اليوم نائب "
         "وزير الخارجية الروسي ميخائيل بوغدانوف.", "", "country:SA"),
        ("استقبل وكيل وزارة الخارجية منصور العتيبي اليوم سفير اليابان لدى البلاد.", "وكالة الأنباء الكويتية",
         "country:KW"),
    ],
)
def test_a_state_agency_gives_its_own_officials_an_office_and_no_country(text, publisher, country):
    facts = extract(text, published=DAY, publisher=publisher)
    official = next(e for e in facts.entities if e.type == "Person" and "وكيل" in " ".join(e.roles))
    assert official.represents == country


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("التقى وزير الخارجية الروسي سيرغي لافروف في العاصمة السعودية اليوم نظيره الأردني أيمن الصفدي.",
         "place:riyadh-108410"),
        ("استقبل وزير الخارجية الروسي سيرغي لافروف اليوم في قصر الضيافة بمدينة سوتشي نظيره الأردني أيمن الصفدي.",
         "place:sochi-491422"),
        ("استقبل وزير الخارجية الأردني أيمن الصفدي اليوم نظيره الروسي سيرغي لافروف لدى وصوله إلى مطار الملكة "
         "علياء الدولي.", "place:amman-250441"),
        ("استقبل الرئيس عبد المجيد تبون اليوم وزير الخارجية الروسي سيرغي لافروف الذي حل اليوم بالجزائر العاصمة.",
         "place:algiers-2507480"),
    ],
)
def test_where_a_meeting_was_held_as_agencies_write_it(text, place):
    (meeting,) = facts_of(text).meetings
    assert meeting.place == place


def test_ambassadors_who_present_credentials_to_a_minister_together_meet_him_once():
    text = ("قدّم سفراء كل من بلجيكا وفنلندا وغانا نسخة من أوراق اعتمادهم لوزير الخارجية سامح شكري اليوم "
            "بمقر الوزارة.")
    assert meeting_sets(text) == [{SHOUKRY, "country:BE", "country:FI", "country:GH"}]


def test_an_aside_about_tomorrow_does_not_make_todays_meeting_planned():
    text = ("قدّم سفراء كل من بلجيكا وفنلندا نسخة من أوراق اعتمادهم لوزير الخارجية سامح شكري، سفراء لبلادهم "
            "لدى مصر مقيمين بالقاهرة، جدير بالذكر أن السفراء سيقدمون أوراق اعتمادهم للرئيس غداً الأربعاء.")
    found = facts_of(text).meetings
    assert [set(m.participants) for m in found] == [{SHOUKRY, "country:BE", "country:FI"}]
    assert all(m.place is None for m in found)  # where the ambassadors live is not where they met


def test_a_meeting_of_the_day_before_with_some_of_the_same_people_is_another_meeting():
    text = ("التقى وزير الخارجية الروسي سيرغي لافروف اليوم في عمان الملك عبد الله الثاني ووزير الخارجية أيمن "
            "الصفدي.\nوكان لافروف قد التقى الصفدي على انفراد أمس الاثنين فور وصوله.")
    found = sorted(((set(m.participants), m.date) for m in facts_of(text).meetings), key=lambda x: x[1])
    assert found == [({LAVROV, SAFADI}, dt.date(2024, 3, 11)),
                     ({LAVROV, SAFADI, "person:abdullah-ii"}, DAY)]


def test_a_meeting_verb_whose_subject_is_left_out_takes_the_one_the_story_follows():
    text = ("ويقوم وزير الخارجية الروسي سيرغي لافروف بجولة في المنطقة بدأت في الدوحة.\n"
            "وقد التقى وزير الخارجية الأردني أيمن الصفدي في عمان أمس الاثنين.")
    (meeting,) = facts_of(text).meetings
    assert set(meeting.participants) == {LAVROV, SAFADI} and meeting.date == dt.date(2024, 3, 11)


@pytest.mark.parametrize("words", ["محادثة هاتفية", "اتصالاً هاتفياً"])
def test_two_who_held_a_call_together(words):
    text = f"أجرى الرئيس الصيني شي جين بينغ والرئيس الأمريكي دونالد ترامب مساء أمس {words}."
    (meeting,) = facts_of(text).meetings
    assert meeting.phone and set(meeting.participants) == {"person:xi-jinping", "person:donald-trump"}


def test_a_separate_meeting_of_two_who_were_at_a_larger_one_is_its_own():
    text = ("التقى الرئيس عبد الفتاح السيسي اليوم في القاهرة وزير الخارجية الروسي سيرغي لافروف بحضور وزير "
            "الخارجية سامح شكري.\nوعقد شكري اجتماعاً منفصلاً مع نظيره الروسي.")
    assert meeting_sets(text) == sorted([{SISI, LAVROV, SHOUKRY}, {SHOUKRY, LAVROV}], key=sorted)


def test_arriving_to_take_part_in_a_meeting_is_not_the_meeting():
    text = "وصل وزير الخارجية الروسي سيرغي لافروف اليوم إلى عمان للمشاركة في اجتماع وزراء الخارجية العرب."
    assert facts_of(text).meetings == ()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("التقى وزير الخارجية سامح شكري اليوم على هامش منتدى الدوحة نظيره الأردني أيمن الصفدي.",
         "place:doha-290030"),
        ("استقبل الرئيس عبد الفتاح السيسي اليوم الملك عبد الله الثاني.\nوأكد الرئيس خلال اللقاء الذي جرى في "
         "قصر الاتحادية أهمية التنسيق.", "place:cairo-360630"),
    ],
)
def test_a_meeting_placed_by_its_gathering_or_by_a_later_clause(text, place):
    (meeting,) = facts_of(text).meetings
    assert meeting.place == place


@pytest.mark.parametrize(
    "masthead",
    ["رئيس مجلسي الإدارة والتحرير\nهشام عبد الودود", "رئيس التحرير: هشام عبد الودود", "رئيس التحرير هشام عبد الودود"],
)
def test_a_papers_masthead_names_no_person(masthead):
    text = f"{masthead}\n\nشكري يستقبل بوريطة\n\n{RECEPTION}"
    assert person_keys(text) == {SHOUKRY, BOURITA}


# --- datelines behind a page's time stamp ---------------------------------------------------------

KHARTOUM = "place:khartoum-379252"
SUDAN_MEETING = "التقى وزير الخارجية السوداني علي الصادق بمكتبه اليوم سفير دولة فلسطين لدى السودان سمير عبد الجبار."


@pytest.mark.parametrize(
    "opening",
    [
        "الخرطوم 12-3-2024 (سونا)- ",
        "الخرطوم - 12 - 3 (سونا) -- ",
        "الثلاثاء 12 مارس 2024 07:58 مساءً - الخرطوم 12-3-2024 (سونا)- ",
        "الثلاثاء 12 مارس 2024 | الخرطوم (سونا) - ",
    ],
)
def test_an_agency_dateline_with_a_dashed_date_or_behind_a_time_stamp_places_the_meeting(opening):
    facts = facts_of(opening + SUDAN_MEETING)
    assert [m.place for m in facts.meetings] == [KHARTOUM]


# --- statements as pages print them --------------------------------------------------------------


@pytest.mark.parametrize("participle", ["مشدد على أن", "مشير إلى أن", "منوه إلى أن"])
def test_a_participle_that_lost_its_alif_still_reports(participle):
    text = (f"وتطرق وزير الخارجية أيمن الصفدي إلى الأوضاع في الإقليم، {participle} أمن العراق ركيزة أساسية "
            "لاستقرار المنطقة كلها.")
    assert [s.speakers for s in facts_of(text).statements] == [(SAFADI,)]


@pytest.mark.parametrize("cue", ["وأكد السوداني للسفير", "وشهد اللقاء تأكيد السوداني للسفير"])
def test_a_stance_noun_after_whom_he_told_opens_the_words(cue):
    text = (f"استقبل رئيس الوزراء محمد شياع السوداني اليوم سفير الكويت طارق الفرج. {cue} حرص العراق على "
            "بناء أفضل العلاقات مع دول الجوار.")
    (statement,) = facts_of(text).statements
    assert statement.speakers == ("person:mohammed-shia-al-sudani",)
    assert statement.quote.startswith("حرص العراق على بناء")



def test_names_set_off_in_brackets_after_an_honorific_take_the_office_after_them():
    text = ("استقبل السيد (محمد المعلول) القائم بأعمال السفارة الليبية بتونس، المستشارة (سهام العبيدي) القائم "
            "بأعمال السفارة العراقية، اليوم.")
    facts = facts_of(text)
    people = {e.label: e for e in facts.entities if e.type == "Person"}
    assert people["محمد المعلول"].represents == "country:LY"
    assert people["سهام العبيدي"].represents == "country:IQ"
    assert [set(m.participants) for m in facts.meetings] == [{people["محمد المعلول"].key, people["سهام العبيدي"].key}]



def test_a_participle_in_a_reported_clause_goes_on_from_that_clause_s_subject():
    text = ("وصل وزير الخارجية ناصر بوريطة اليوم إلى الرياض. وقالت وكالة الأنباء السعودية إن نائب وزير الخارجية "
            "وليد الخريجي رحب بالوزير المغربي، مؤكدا عمق العلاقات الأخوية التي تربط البلدين.")
    (statement,) = facts_of(text).statements
    assert [e.label for e in facts_of(text).entities if e.key == statement.speakers[0]] == ["وليد الخريجي"]


def test_a_participle_after_another_speaker_s_verb_is_that_speaker_s():
    text = ("وجاء في بيان الخارجية أن أنتوني بلينكن تحدث مع عدة وزراء، في حين غرد وزير الخارجية الأردني أيمن "
            "الصفدي عن الاجتماع، قائلا إن وزراء خارجية اليابان والهند شاركوا في المكالمة.")
    assert [s.speakers for s in facts_of(text).statements] == [(SAFADI,)]



@pytest.mark.parametrize("clause", ["– الذي حضره وزير الخارجية سامح شكري –", "الذي حضره وزير الخارجية سامح شكري"])
def test_who_attended_told_in_a_relative_clause_joins_the_meeting(clause):
    text = (f"استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأردني أيمن الصفدي. وتم خلال اللقاء {clause} "
            "استعراض العلاقات الثنائية.")
    assert meeting_sets(text) == [{SISI, SAFADI, SHOUKRY}]



def test_an_office_then_a_comma_then_the_holder_with_a_rank_of_his_own():
    text = ("التقى رئيس مجلس السيادة الفريق أول عبد الفتاح البرهان اليوم بمدينة بورتسودان برئيس المخابرات العامة "
            "المصرية، الوزير حسن محمود رشاد، الذي نقل له رسالة شفوية.")
    rashad = next(e for e in facts_of(text).entities if e.label == "حسن محمود رشاد")
    assert rashad.represents == "country:EG"
    assert any(r.startswith("رئيس المخابرات العامة") for r in rashad.roles)



def test_a_meeting_word_after_li_is_read_whatever_its_first_letter():
    text = ("نشر دبلوماسيون صوراً للقاء عُقد عبر تقنية “فيديو كونفرنس” شارك فيه وزير الخارجية السعودي فيصل "
            "بن فرحان مع وزير الخارجية الأمريكي أنتوني بلينكن.")
    (meeting,) = facts_of(text).meetings
    assert meeting.phone and set(meeting.participants) == {"person:faisal-bin-farhan", "person:antony-blinken"}


def test_li_before_a_name_that_starts_with_lam_and_an_accusative_without_tanween():
    facts = facts_of("قدم الرئيس دعما للبنان في مواجهة الأزمة.")
    assert {e.key for e in facts.entities} == {"country:LB"}



@pytest.mark.parametrize("then", ["، ثم استقبل", "، قبل أن يستقبل", "، وبعد ذلك استقبل"])
def test_a_second_reception_in_a_then_clause_is_a_meeting_of_its_own(then):
    text = (f"استقبل وزير الخارجية سامح شكري اليوم السفير الفرنسي ألكسندر غارسيا{then} السفيرة الألمانية "
            "إيزابيل هنين.")
    found = meeting_sets(text)
    assert len(found) == 2 and all(SHOUKRY in m and len(m) == 2 for m in found)



def test_a_quotation_that_opens_on_the_verb_is_the_words_of_the_one_named_before_it():
    text = ('تلقى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالا هاتفيا من الرئيس الأمريكي جو بايدن. ووفق البيان فإن '
            'أمير قطر " أكد للرئيس بايدن ضرورة وقف إطلاق النار فورا وحماية المدنيين".')
    (statement,) = facts_of(text).statements
    assert statement.speakers == ("person:tamim-bin-hamad",)
    assert statement.quote.startswith("ضرورة وقف إطلاق النار")



def test_the_one_met_before_the_verb_is_not_who_spoke():
    text = ('التقى وزير الخارجية الجزائري أحمد عطاف اليوم ببغداد نظيره التونسي محمد علي النفطي. الوزير عطاف في '
            'لقائه بنظيره التونسي أبدى استعداد الجزائر لمواصلة الجهود المشتركة في التعاون الاقتصادي.')
    assert [s.speakers for s in facts_of(text).statements] == [(ATTAF,)]



def test_a_call_first_named_as_the_call_is_of_the_sentence_s_people():
    text = ('وقد تبادل وزير الخارجية الإيراني عباس عراقجي خلال الاتصال الهاتفي الذي أجري اليوم، وجهات النظر مع '
            'وزير خارجية الجزائر أحمد عطاف بشأن التطورات في المنطقة.')
    (meeting,) = facts_of(text).meetings
    assert meeting.phone and set(meeting.participants) == {"person:abbas-araghchi", ATTAF}


def test_the_bearer_who_handed_over_the_letter_met_its_receiver():
    text = ('تسلم رئيس مجلس السيادة الفريق أول عبد الفتاح البرهان اليوم رسالة خطية من الرئيس النيجيري محمدو '
            'بخاري، سلمها له مبعوثه الخاص أحمد الرفاعي.')
    (meeting,) = facts_of(text).meetings
    labels = {e.key: e.label for e in facts_of(text).entities}
    assert {labels[p] for p in meeting.participants} == {"عبد الفتاح البرهان", "أحمد الرفاعي"}



@pytest.mark.parametrize("text", [
    "وشارك الرئيس في المسيرة التي دعا إليها الرئيس التونسي تنديدا بالهجوم الإرهابي.",
    "وهنأهم نيابة عن خادم الحرمين وولي العهد بذكرى الوحدة اليمنية.",
    "من جانبه، قدم مبعوث الأمين العام خالص الشكر والتقدير للكويت على إسهاماتها.",
])
def test_what_follows_an_office_as_its_object_is_no_name(text):
    assert person_keys(text) == set()


def test_thanks_words_stay_names_where_a_name_goes_on():
    assert {e.label for e in facts_of("استقبل الرئيس خالص جلبي اليوم.").entities} == {"خالص جلبي"}


def test_france_s_minister_for_europe_and_foreign_affairs_is_a_foreign_minister():
    text = ("التقى وزير الخارجية أيمن الصفدي، الخميس، وزير أوروبا والشؤون الخارجية الفرنسي جان إيف لودريان، "
            "وبحثا سبل تطوير العلاقات.")
    assert meeting_sets(text) == [{SAFADI, "person:jean-yves-le-drian"}]



def test_a_surname_that_is_also_an_office_word_is_the_person_named_before():
    text = ('استقبل الرئيس الإيراني إبراهيم رئيسي اليوم في دمشق وزير الخارجية فيصل المقداد. وجدد رئيسي خلال '
            'اللقاء دعم بلاده المستمر لسيادة سوريا واستقلالها ووحدة أراضيها.')
    assert [s.speakers for s in facts_of(text).statements] == [("person:ebrahim-raisi",)]



@pytest.mark.parametrize("name", ["فخر الدين ألطون", "نور الدين بوكروح"])
def test_a_word_before_al_din_is_a_compound_given_name(name):
    assert name in {e.label for e in facts_of(f"استقبل الرئيس عبد المجيد تبون اليوم المستشار {name}.").entities}



def test_those_who_attended_told_as_a_reminder_join_the_meeting():
    text = ('استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأردني أيمن الصفدي. يذكر أن الاستقبال حضره '
            'وزير الخارجية سامح شكري.')
    assert meeting_sets(text) == [{SISI, SAFADI, SHOUKRY}]


def test_a_reminder_of_an_earlier_meeting_adds_no_one():
    text = ('استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الأردني أيمن الصفدي. يذكر أن اللقاء الأخير بين '
            'الرئيس السيسي والملك عبدالله الثاني جرى في العقبة.')
    assert meeting_sets(text) == [{SISI, SAFADI}]



WANG = "person:wang-yi"


@pytest.mark.parametrize("apart", ["على التوالي", "كل على حدة"])
def test_ministers_of_several_countries_met_one_after_another_are_a_meeting_each(apart):
    text = f"عقد وزير الخارجية الصيني وانغ يي اليوم محادثات مع وزراء خارجية فلسطين والصومال وتونس {apart}."
    assert meeting_sets(text) == sorted([{WANG, "country:PS"}, {WANG, "country:SO"}, {WANG, "country:TN"}], key=sorted)


def test_the_minister_named_later_takes_his_country_s_place_in_its_meeting():
    text = ("عقد وزير الخارجية الصيني وانغ يي اليوم محادثات مع وزراء خارجية فلسطين والصومال وتونس على التوالي. "
            "وخلال المحادثات مع وزير الخارجية الفلسطيني رياض المالكي، قال وانغ إن الصين ستواصل دعمها القوي "
            "للقضية العادلة للشعب الفلسطيني.")
    facts = facts_of(text)
    assert sorted((set(m.participants) for m in facts.meetings), key=sorted) == sorted(
        [{WANG, "person:riyad-al-maliki"}, {WANG, "country:SO"}, {WANG, "country:TN"}], key=sorted
    )
    assert [s.speakers for s in facts.statements] == [(WANG,)]  # "وانغ": a Chinese family name, first



@pytest.mark.parametrize("name", ["مولاي الحسن", "مولاي رشيد"])
def test_moulay_is_part_of_a_moroccan_prince_s_name(name):
    text = f"استقبل الأمير {name} اليوم بالرباط الأمير تركي بن محمد بن فهد مبعوث خادم الحرمين الشريفين."
    assert name in {e.label for e in facts_of(text).entities if e.type == "Person"}


def test_officials_with_a_host_who_receives_at_home_serve_his_country():
    text = ("استقبل الملك عبد الله الثاني في قصر الحسينية بعمّان اليوم وزير الخارجية الفرنسي جان نويل بارو، "
            "بحضور وزير الدولة للشؤون الاقتصادية مهند شحادة.\nوأكد الملك دعم الأردن لجهود السلام.")
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons["مهند شحادة"].represents == "country:JO"  # beside his king, at home
    assert persons["جان نويل بارو"].represents == "country:FR"


def test_an_envoy_beside_the_host_keeps_no_country_the_text_does_not_give():
    text = ("استقبل الملك عبد الله الثاني في قصر الحسينية بعمّان اليوم وزير الخارجية الفرنسي جان نويل بارو، "
            "بحضور السفير سامر الخطيب.\nوأكد الملك دعم الأردن لجهود السلام.")
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons["سامر الخطيب"].represents == ""  # an ambassador may serve either side


def test_a_co_chair_is_no_president():
    text = ("التقى وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم وزير الخارجية الإماراتي والرئيس المشارك "
            "للجنة الحكومية المشتركة، عبد الله بن زايد آل نهيان.")
    keys = {e.key for e in facts_of(text).entities if e.type == "Person"}
    assert keys == {"person:sergey-lavrov", "person:abdullah-bin-zayed"}


def test_a_reporting_verb_without_its_subject_keeps_the_speaker_in_the_meeting():
    text = ("أكد وزير الخارجية أيمن الصفدي دعم الأردن الكامل للسعودية.\n"
            "وثمّن في مؤتمر صحفي مشترك مع وزير الخارجية السعودي الأمير فيصل بن فرحان، اليوم، مواقف المملكة.")
    assert meeting_sets(text) == [{SAFADI, "person:faisal-bin-farhan"}]


def test_a_statements_list_of_envoys_joins_the_credentials_ceremony():
    text = ("تسلم رئيس المجلس الرئاسي محمد المنفي اليوم في طرابلس أوراق اعتماد ثلاثة سفراء.\n"
            "وقال المجلس في بيان: \"ضمت قائمة السفراء كلا من سفير تركيا، كمال أوزدمير، وسفير اليابان، "
            "تاكيشي موري، وسفير صربيا، زوران يوفانوفيتش\".")
    names = {e.key: e.label for e in facts_of(text).entities}
    assert [sorted(names[p] for p in m) for m in meeting_sets(text)] == [
        sorted(["محمد المنفي", "كمال أوزدمير", "تاكيشي موري", "زوران يوفانوفيتش"])]


@pytest.mark.parametrize("name", ["إيزاك بيرما سبيولمي", "إيفان بتروف", "أولاف نيلسن"])
def test_a_foreign_given_name_with_a_long_a_after_an_office(name):
    text = f"استقبل وزير الخارجية سامح شكري اليوم السفير {name}، سفير جمهورية أوغندا."
    assert name in {e.label for e in facts_of(text).entities if e.type == "Person"}


def test_a_quoted_statement_that_tells_the_meeting_again_gives_its_place():
    text = ("استقبل الرئيس التونسي قيس سعيد اليوم وزير الخارجية المغربي ناصر بوريطة.\n"
            "وأفاد بيان للرئاسة أن \"رئيس الجمهورية قيس سعيد استقبل بعد ظهر اليوم بقصر قرطاج السيد ناصر "
            "بوريطة الذي نقل إليه تحيات العاهل المغربي وتمنياته\".")
    (meeting,) = facts_of(text).meetings
    assert meeting.venue == "place:carthage-palace"


def test_an_agencys_dated_dateline_gives_the_day_of_a_meeting_told_without_one():
    text = ("طرابلس 15 يوليو 2021 (وال) - استقبل رئيس المجلس الرئاسي محمد المنفي السفيرة الفرنسية لدى "
            "ليبيا بياتريس دوهيلين.")
    (meeting,) = facts_of(text, published=None).meetings
    assert meeting.date == dt.date(2021, 7, 15)


def _said(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(s.speakers, s.quote) for s in facts_of(text).statements]


def test_regarding_is_no_new_clause_in_reported_words():
    text = ("أكد نائب رئيس الوزراء وزير الخارجية وشؤون المغتربين أيمن الصفدي، دعم الأردن الكامل للسعودية "
            "فيما يتعلق بأمن حدودها.")
    assert _said(text) == [((SAFADI,), "دعم الأردن الكامل للسعودية فيما يتعلق بأمن حدودها")]


def test_where_and_when_he_spoke_are_no_part_of_his_words():
    text = ("أكد وزير الخارجية أيمن الصفدي دعم الأردن للسعودية.\nوثمّن في مؤتمر صحفي مشترك مع نظيره السعودي "
            "الأمير فيصل بن فرحان، الإثنين، مواقف المملكة الثابتة.")
    assert ((SAFADI,), "مواقف المملكة الثابتة") in _said(text)


def test_an_agencys_name_in_the_dateline_is_no_town():
    text = ("رام الله - وكالة الأنباء المحلية\nاستقبل الرئيس محمود عباس اليوم في رام الله السفير المصري "
            "لدى السلطة الوطنية ياسر عثمان.")
    facts = facts_of(text)
    assert {e.key for e in facts.entities if e.type == "Place"} == {"place:ramallah-282239"}
    persons = {e.label: e for e in facts.entities if e.type == "Person"}
    assert persons["ياسر عثمان"].roles == ("السفير",)
    assert persons["ياسر عثمان"].represents == "country:EG"  # "لدى السلطة الوطنية": where he serves


def test_a_wish_of_success_is_no_surname():
    text = "استقبل الرئيس جوزاف عون السفير الأمريكي ميشال عيسى اليوم، وتمنى للسفير عيسى التوفيق في مهامه."
    assert "عيسى التوفيق" not in {e.label for e in facts_of(text).entities}


def test_words_that_follow_an_occasion_without_a_partner_keep_their_own_commas():
    text = ("وصرح المتحدث الرسمي بأن الرئيس السيسي أكد خلال اللقاء موقف مصر الثابت الداعم لاستقرار السودان، "
            "ورفضها لأي تدخلات خارجية.")
    (statement,) = facts_of(text).statements
    assert statement.quote.startswith("خلال اللقاء موقف مصر الثابت")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وشارك في الاستقبال رئيس دائرة الاتصال في الرئاسة فخر الدين ألطون.", "فخر الدين ألطون",
         "رئيس دائرة الاتصال في الرئاسة"),
        ("وقال مدير إدارة المراسم بالرئاسة سليم الحداد إن الزيارة ناجحة.", "سليم الحداد",
         "مدير إدارة المراسم بالرئاسة"),
    ],
)
def test_offices_of_a_department_go_on_to_the_name(text, name, role):
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons[name].roles == (role,)


def test_a_hashtag_inside_a_sentence_marks_a_word_of_it():
    text = "تلقى رئيس الجمهورية ميشال #عون برقية تهنئة بعيد الاستقلال من الرئيس الروسي فلاديمير بوتين."
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons["ميشال عون"].roles == ("رئيس الجمهورية",)


def test_a_name_cut_off_where_the_page_ends_is_none():
    text = "استقبل وزير الخارجية سامح شكري اليوم نظيره المغربي ناصر بوريطة، وحضر اللقاء السفير نا"
    assert person_keys(text) == {SHOUKRY, BOURITA}


def test_unnamed_envoys_who_joined_stand_for_their_states():
    text = ("استقبل الرئيس الصومالي حسن شيخ محمود في مقديشو أمس سفراء الدول الصديقة.\n"
            "وشارك اللقاء من جانب السفراء سفراء تركيا، والسويد، والاتحاد الأوروبي.")
    assert meeting_sets(text) == [{"person:hassan-sheikh-mohamud", "country:TR", "country:SE", "org:eu"}]


def test_a_list_of_meetings_announced_with_a_colon_is_one_meeting_an_item():
    text = ("أجرى وزير الخارجية المغربي ناصر بوريطة اليوم بفاس عدة لقاءات مع وزراء أفارقة على هامش المنتدى:\n"
            "* بوريطة مع وزير الخارجية الغامبي مامادو تانغارا.\n"
            "* لقاء بوريطة مع وزيرة الخارجية في غينيا بيساو، سوزي كارلا باربوسا.")
    names = {e.key: e.label for e in facts_of(text).entities}
    found = sorted(sorted(names[p] for p in m) for m in meeting_sets(text))
    assert found == [["سوزي كارلا باربوسا", "ناصر بوريطة"], ["مامادو تانغارا", "ناصر بوريطة"]]


def test_a_country_is_labelled_with_the_names_the_article_writes():
    text = ("استقبل وزير الخارجية الكويتي سالم عبد الله الجابر الصباح اليوم نظيره السعودي الأمير فيصل بن فرحان، "
            "والقائم بأعمال سفارة الولايات المتحدة الأمريكية جيمس هولتسنايدر، وأكد متانة العلاقات مع المملكة.")
    countries = {e.key: e for e in facts_of(text).entities if e.type == "Country"}
    assert "المملكة" in countries["country:SA"].aliases
    assert "الولايات المتحدة الأمريكية" in countries["country:US"].aliases


def test_an_honorific_pronoun_after_a_participle_says_who_speaks():
    text = ("تلقى صاحب السمو الشيخ محمد بن زايد آل نهيان اتصالاً هاتفياً من الفريق أول عبد الفتاح البرهان. "
            "وقد أطلع البرهان سموه على الأوضاع في السودان، مؤكداً سموه وقوف الإمارات إلى جانب السودان.")
    assert _said(text) == [(("person:mohamed-bin-zayed",), "وقوف الإمارات إلى جانب السودان")]


def test_the_partner_named_after_asides_takes_part():
    text = ('والتقى وزير الخارجية الإيراني "عباس عراقجي" الذي سافر إلى جدة للمشاركة في الاجتماع الاستثنائي '
            'لوزراء خارجية منظمة التعاون الإسلامي، اليوم الثلاثاء، مع وزير الخارجية العراقي "فؤاد حسين".')
    assert meeting_sets(text) == [{"person:abbas-araghchi", "person:fuad-hussein"}]


def test_our_countrys_minister_is_no_name():
    text = ("التقى وزير الخارجية الإيراني عباس عراقجي اليوم في جدة نظيره العراقي فؤاد حسين.\n"
            "وقدم وزير خارجية بلادنا شكره للحكومة العراقية.")
    assert person_keys(text) == {"person:abbas-araghchi", "person:fuad-hussein"}


def test_what_is_handed_over_after_an_office_is_no_name():
    text = ("فقد تقبل جلالة الملك عبد الله الثاني أوراق اعتماد كل من سفير الجمهورية التركية إسماعيل أراماز، "
            "والسفير غير المقيم لجمهورية البيرو بول باريدس بوتيلا.")
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert "أوراق اعتماد" not in persons
    assert persons["بول باريدس بوتيلا"].represents == "country:PE"


def test_an_airport_no_list_knows_is_where_the_guest_was_met():
    text = ("وصل وزير الخارجية السعودي الأمير فيصل بن فرحان اليوم إلى مطار الدوحة الدولي، وكان في استقباله "
            "نظيره القطري محمد بن عبد الرحمن آل ثاني.")
    facts = facts_of(text)
    places = {e.key: e.label for e in facts.entities if e.type == "Place"}
    assert "مطار الدوحة الدولي" in places.values()
    (meeting,) = facts.meetings
    assert places[meeting.venue] == "مطار الدوحة الدولي" and meeting.place == "place:doha-290030"


def test_reported_words_go_on_past_a_quoted_phrase():
    text = ('من جانبه، أكد وزير الخارجية التركي هاكان فيدان أن "رفع العقوبات" يعد خطوة حاسمة لتحقيق '
            'الاستقرار في سوريا.')
    (statement,) = facts_of(text).statements
    assert "خطوة حاسمة لتحقيق الاستقرار" in statement.quote


def test_a_known_name_goes_on_to_its_full_length_whatever_its_article():
    text = "استقبل الرئيس اللبناني جوزاف عون اليوم وزير الخارجية الكويتي الشيخ صباح الخالد الحمد الصباح."
    labels = {e.key: (e.label, e.aliases) for e in facts_of(text).entities if e.type == "Person"}
    assert "صباح الخالد الحمد الصباح" in labels["person:sabah-khalid-al-hamad"][1]


def test_whose_absence_is_noted_took_no_part():
    text = ("استقبل الرئيس عبد المجيد تبون اليوم سفير فرنسا ستيفان روماتي، بحضور مدير الديوان نذير العرباوي، "
            "في غياب لوزير الخارجية أحمد عطاف.")
    (meeting,) = facts_of(text).meetings
    assert "person:ahmed-attaf" not in meeting.participants


def test_an_office_then_a_comma_then_another_office_and_the_name_are_all_the_holders():
    text = ("استقبل الرئيس محمود عباس اليوم في رام الله وفدا من الكنائس، وحضر اللقاء رئيس بلدية رام الله "
            "عيسى قسيسية، ورئيس الهيئة العامة للشؤون المدنية، عضو اللجنة المركزية لحركة فتح الوزير حسين الشيخ.")
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons["عيسى قسيسية"].roles == ("رئيس بلدية رام الله",)
    assert "رئيس الهيئة العامة للشؤون المدنية" in persons["حسين الشيخ"].roles


@pytest.mark.parametrize("accompanied", ["وكان الوزير مرفوقا بوزير الدولة", "ورافقه في الزيارة وزير الدولة",
                                         "وكان الوزير برفقة وزير الدولة"])
def test_who_accompanied_a_guest_took_part(accompanied):
    text = ("استقبل الرئيس التونسي قيس سعيد اليوم بقصر قرطاج وزير الخارجية السعودي الأمير فيصل بن فرحان.\n"
            f"{accompanied} للشؤون الإفريقية أحمد قطان.")
    facts = facts_of(text)
    (meeting,) = facts.meetings
    assert len(meeting.participants) == 3
    persons = {e.label: e for e in facts.entities if e.type == "Person"}
    assert persons["أحمد قطان"].represents == "country:SA"  # the side of whom he accompanies


def test_more_of_those_who_met_the_same_guest_on_arrival_join_that_welcome():
    text = ("وصل وزير الخارجية السعودي الأمير فيصل بن فرحان اليوم إلى الدوحة.\n"
            "وكان في استقباله لدى وصوله وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني.\n"
            "وكان في استقبال الوزير السعودي أيضا القائم بأعمال سفارة المملكة لدى قطر علي بن سعد القحطاني.")
    (meeting,) = facts_of(text).meetings
    assert len(meeting.participants) == 3


def test_a_holders_name_in_quote_marks_after_the_office():
    text = ('طرابلس - استقبل رئيس المجلس الرئاسي "محمد المنفي"، السفيرة الفرنسية لدى ليبيا "بياتريس دوهيلين" '
            'لمناقشة تطورات المشهد السياسي.\nوأكد "المنفي" على التزام المجلس بتوحيد مؤسسات الدولة.')
    facts = facts_of(text)
    persons = {e.label: e for e in facts.entities if e.type == "Person"}
    assert persons["بياتريس دوهيلين"].represents == "country:FR"
    assert meeting_sets(text) == [{"person:mohamed-al-menfi", persons["بياتريس دوهيلين"].key}]
    assert [s.speakers for s in facts.statements] == [("person:mohamed-al-menfi",)]


def test_a_bodys_short_name_in_quote_marks_is_no_holder():
    text = ('استقبل الرئيس التركي رجب طيب أردوغان اليوم رئيس المكتب السياسي لحركة المقاومة الإسلامية "حماس" '
            'إسماعيل هنية.')
    assert "person:ismail-haniyeh" in person_keys(text)


def test_a_city_in_quote_marks_after_its_preposition():
    text = 'استقبل السلطان هيثم بن طارق اليوم ب"مسقط" وزير الخارجية الجزائري أحمد عطاف.'
    assert "place:muscat-287286" in {e.key for e in facts_of(text).entities}


def test_what_someone_conveyed_to_a_guest_is_his_statement():
    text = ("استقبل رئيس الجمهورية قيس سعيد اليوم السفير الأمريكي جون سميث.\n"
            "وأبلغ رئيس الجمهورية السفير الأمريكي استياء الدولة التونسية من التدخل في شؤونها الداخلية.")
    assert _said(text) == [(("person:kais-saied",), "استياء الدولة التونسية من التدخل في شؤونها الداخلية")]


def test_the_meetings_a_list_counts_are_one_each():
    text = ("التقى وزير الخارجية السوداني علي يوسف اليوم في أديس أبابا بعدد من المبعوثين الدوليين.\n"
            "وشملت اللقاءات كلاً من المبعوث الفرنسي جان ميشيل دوما، والسفير الإيطالي ماركو روسي.")
    found = meeting_sets(text)
    assert len(found) == 2 and all(len(m) == 2 for m in found)


@pytest.mark.parametrize("told", ["جاء ذلك خلال لقاء جمعه أمس في صنعاء مع", "جاء ذلك خلال اتصال هاتفي أجراه اليوم مع"])
def test_words_told_at_a_meeting_of_their_speaker(told):
    text = ("أكد القائم بالأعمال السعودي لدى اليمن هزاع المطيري حرص المملكة على دعم العملية السياسية.\n"
            f"{told} وكيل وزارة الخارجية اليمنية حميد العواضي.")
    names = {e.key: e.label for e in facts_of(text).entities}
    assert [sorted(names[p] for p in m) for m in meeting_sets(text)] == [["حميد العواضي", "هزاع المطيري"]]


@pytest.mark.parametrize(("adjective", "country", "everyday"), [
    ("السعودي", "country:SA", "السعودية"),
    ("الإماراتي", "country:AE", "الإمارات"),
    ("البريطاني", "country:GB", "بريطانيا"),
])
def test_a_country_known_by_its_long_name_is_labelled_with_its_everyday_one(adjective, country, everyday):
    text = f"استقبل وزير الخارجية الأردني أيمن الصفدي اليوم في عمّان السفير {adjective} الجديد مارك جونسون."
    countries = {e.key: e for e in facts_of(text).entities if e.type == "Country"}
    assert everyday in (countries[country].label, *countries[country].aliases)


CREDENTIALS_LIST = (
    "تسلّم الرئيس اللبناني جوزاف عون، اليوم الثلاثاء في قصر بعبدا، أوراق اعتماد السفراء الجدد لكل من "
    "جمهورية البرازيل السيد كارلوس منديش، ومملكة الدنمارك السيدة إنغريد هانسن، وجمهورية كينيا السيد جيمس أوتينو."
)


def test_credentials_handed_over_past_the_day_and_the_place_are_a_meeting():
    meetings = facts_of(CREDENTIALS_LIST).meetings
    assert len(meetings) == 1 and len(meetings[0].participants) == 4
    assert meetings[0].date == DAY


def test_envoys_named_each_after_the_country_he_serves_hold_the_plural_office():
    persons = {e.label: e for e in facts_of(CREDENTIALS_LIST).entities if e.type == "Person"}
    assert persons["كارلوس منديش"].represents == "country:BR"
    assert persons["إنغريد هانسن"].represents == "country:DK"
    assert persons["جيمس أوتينو"].represents == "country:KE"
    assert all("سفير" in persons[n].roles for n in ("كارلوس منديش", "إنغريد هانسن", "جيمس أوتينو"))


def test_a_ceremony_told_apart_in_the_next_sentence_is_one_meeting_each():
    text = CREDENTIALS_LIST + " وأكد الرئيس عون، خلال لقائه السفراء كلاً على حدة، حرص لبنان على علاقات متوازنة."
    meetings = facts_of(text).meetings
    assert len(meetings) == 3
    assert all(len(m.participants) == 2 and "person:joseph-aoun" in m.participants for m in meetings)


def test_the_envoys_received_speak_for_themselves():
    text = CREDENTIALS_LIST + " من جانبهم، أعرب السفراء عن رغبة بلدانهم في توسيع التعاون مع لبنان."
    assert set(speakers_of(text, "رغبة بلدانهم")) == {"كارلوس منديش", "إنغريد هانسن", "جيمس أوتينو"}
    assert not next(s for s in facts_of(text).statements if "رغبة بلدانهم" in s.quote).quote.startswith("السفراء")


def test_a_singular_participle_after_a_group_goes_on_with_its_own_sentence():
    text = (
        "أشاد السفراء الجدد بما حققته المملكة من إصلاحات، معربين عن تطلعهم إلى تعاون أوسع. "
        "وكان وكيل وزارة الخارجية البحرينية السفير عبدالله عبداللطيف عبدالله قد استقبل أمس السفراء الجدد، "
        "وهم سفير مملكة السويد ماكس بيور وسفير جمهورية الصين الشعبية لي تشن. "
        "وتقدم وكيل وزارة الخارجية، خلال اللقاء الذي نظمته الوزارة، بالتهنئة للسفراء الجدد، "
        "معرباً عن تمنياته لهم بالتوفيق في مهامهم."
    )
    assert speakers_of(text, "تمنياته") == ["عبدالله عبداللطيف عبدالله"]


def test_the_place_that_saw_a_series_of_meetings_is_where_each_was_held():
    text = (
        "شهد قصر بعبدا صباح اليوم سلسلة لقاءات سياسية ودبلوماسية. "
        "واستقبل رئيس الجمهورية العماد جوزاف عون سفير إسبانيا خيسوس سانتوس، وعرض معه العلاقات الثنائية."
    )
    meetings = facts_of(text).meetings
    assert len(meetings) == 1 and "place:baabda-palace" in (meetings[0].place, meetings[0].venue)


def test_talks_the_guest_says_he_held_are_the_meeting_already_told():
    text = (
        "استقبل رئيس الجمهورية العماد جوزاف عون سفير إسبانيا خيسوس سانتوس. "
        "وأوضح السفير سانتوس بعد اللقاء أنه بحث مع الرئيس عون في التعاون بين البلدين."
    )
    meetings = facts_of(text).meetings
    assert len(meetings) == 1 and len(meetings[0].participants) == 2


@pytest.mark.parametrize("office", ["المستشار الأول في السفارة", "القائم بالأعمال في السفارة"])
def test_an_office_in_the_embassy_at_hand_is_the_holders(office):
    text = f"استقبل الرئيس اللبناني جوزاف عون سفير إسبانيا خيسوس سانتوس، يرافقه {office} ماريو رويث."
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert office in persons["ماريو رويث"].roles


def test_a_third_name_word_beginning_with_fa_goes_on_with_the_name():
    text = "استقبل وزير الخارجية الأردني أيمن الصفدي اليوم السفير الإيراني محمد صادق فضلي في عمّان."
    assert "محمد صادق فضلي" in {e.label for e in facts_of(text).entities if e.type == "Person"}


@pytest.mark.parametrize("pointer", ["المسؤول الروسي", "الضيف الروسي", "الزائر الروسي"])
def test_a_word_pointing_at_the_guest_by_his_country_says_who_speaks(pointer):
    text = (
        "استقبل الرئيس الفلسطيني محمود عباس في رام الله اليوم المبعوث الروسي الخاص إلى الشرق الأوسط "
        f"فلاديمير سافرونكوف. بدوره، أكد {pointer} موقف بلاده الثابت في دعم الشعب الفلسطيني."
    )
    facts = facts_of(text)
    said = next(s for s in facts.statements if "موقف بلاده" in s.quote)
    guest = next(e for e in facts.entities if e.label == "فلاديمير سافرونكوف")
    assert said.speakers == (guest.key,) and said.quote.startswith("موقف")
    assert guest.roles == ("المبعوث الخاص",)


def test_he_informed_him_goes_on_with_the_speaker():
    text = (
        "استقبل الرئيس اللبناني جوزاف عون سفير إسبانيا خيسوس سانتوس. وقال السفير سانتوس إن العلاقات بين البلدين "
        "ممتازة وتتطور باستمرار. وأعلمه أن المؤتمر الدولي لدعم لبنان سوف ينعقد في موعده في مدريد."
    )
    assert speakers_of(text, "سوف ينعقد") == ["خيسوس سانتوس"]


def test_a_participle_after_the_speakers_closed_quote_is_still_his():
    text = (
        "استقبل الرئيس اللبناني جوزاف عون سفير إسبانيا خيسوس سانتوس. وأشار سانتوس إلى أن \"الرئيس الإسباني "
        "بيدرو سانشيز أرجأ زيارته إلى وقت آخر\"، موضحا أن \"الزيارة قائمة لكن موعدها سيحدد لاحقا\"."
    )
    assert speakers_of(text, "الزيارة قائمة") == ["خيسوس سانتوس"]


RECEPTION_OPENED = (
    "أقام الرئيس التونسي قيس سعيّد ظهر اليوم مراسم استقبال رسمية في قصر قرطاج لتسلّم أوراق اعتماد عدد من "
    "السفراء الجدد. وجرى خلال هذا الاحتفال استقبال كل من السيد يوهان برغمان، السفير الجديد للنمسا، والسيد "
    "كريم حداد، السفير اللبناني المعتمد بتونس، إلى جانب السيدة آنا سيلفا، السفيرة البرتغالية الجديدة لدى تونس."
)


def test_guests_listed_after_the_host_opened_the_reception_are_its_guests():
    meetings = facts_of(RECEPTION_OPENED).meetings
    assert len(meetings) == 1 and len(meetings[0].participants) == 4
    assert "person:kais-saied" in meetings[0].participants


def test_each_name_in_a_list_takes_the_office_set_off_after_it():
    persons = {e.label: e for e in facts_of(RECEPTION_OPENED).entities if e.type == "Person"}
    assert persons["يوهان برغمان"].represents == "country:AT"
    assert persons["كريم حداد"].represents == "country:LB"
    assert persons["آنا سيلفا"].represents == "country:PT"


def test_the_ceremony_of_a_guest_already_received_is_that_reception():
    text = (
        "استقبل الرئيس الإماراتي الشيخ محمد بن زايد آل نهيان اليوم في قصر الوطن الرئيس التركي رجب طيب أردوغان. "
        "وجرت لفخامته مراسم استقبال رسمية لدى وصوله إلى القصر. وحضر اللقاء وزير الخارجية التركي هاكان فيدان."
    )
    meetings = facts_of(text).meetings
    assert len(meetings) == 1 and len(meetings[0].participants) == 3


def test_a_known_name_written_with_ibn_inside_it_is_the_same_person():
    text = ("أجرى العاهل المغربي الملك محمد السادس اليوم اتصالاً هاتفياً مع أخيه الملك عبد الله الثاني ابن الحسين، "
            "عاهل المملكة الأردنية الهاشمية.")
    persons = {e.key: e for e in facts_of(text).entities if e.type == "Person"}
    assert any("عبد الله الثاني ابن الحسين" in a for a in persons["person:abdullah-ii"].aliases)
    assert len(persons) == 2


@pytest.mark.parametrize("pair", ["العاهلان", "الملكان"])
def test_the_two_kings_speak_together(pair):
    text = (
        "أجرى العاهل المغربي الملك محمد السادس اليوم اتصالاً هاتفياً مع العاهل الأردني الملك عبد الله الثاني. "
        f"واعتبر {pair} أن التصعيد في القدس يهدد فرص السلام في المنطقة."
    )
    facts = facts_of(text)
    said = next(s for s in facts.statements if "التصعيد" in s.quote)
    assert len(said.speakers) == 2


@pytest.mark.parametrize(("text", "name"), [
    ("استقبل وزير الخارجية الموريتاني اليوم السيد سيف بن هلال بن علي العمري، سفير سلطنة عمان.",
     "سيف بن هلال بن علي العمري"),
    ("وكان في استقباله سفير خادم الحرمين الشريفين لدى مسقط عيد بن محمد الثقفي وعدد من المسؤولين.",
     "عيد بن محمد الثقفي"),
    ("استقبل معالي حسن علي خيري، رئيس الوزراء الصومالي، اليوم في مقديشو السفير الإماراتي.", "حسن علي خيري"),
    ("بحضور وزير الخارجية المصري سامح شكري والسفيرة الأمريكية آن باترسون.", "آن باترسون"),
])  # fmt: skip
def test_names_whose_words_are_also_other_words(text, name):
    assert name in {e.label for e in facts_of(text).entities if e.type == "Person"}


def test_a_meeting_he_went_on_to_hold_after_a_summit_is_its_own():
    text = (
        "وبدأت قطر نشاطاً دبلوماسياً في قمة مكة المكرمة. "
        "إذ قام رئيس الوزراء القطري عبد الله بن ناصر بن خليفة آل ثاني، بلقاء وزير الخارجية التركي مولود "
        "جاويش أوغلو، حيث جرى استعراض العلاقات الثنائية."
    )
    meetings = facts_of(text).meetings
    assert any(set(m.participants) == {"person:abdullah-bin-nasser", "person:mevlut-cavusoglu"} for m in meetings)


def test_an_official_left_unnamed_stands_for_his_country():
    text = (
        "وبدأت قطر نشاطاً دبلوماسياً في قمة مكة المكرمة بحضور قادة الدول. "
        "كما استقبل رئيس الوزراء القطري عبد الله بن ناصر آل ثاني، الوزير الأول الجزائري، وناقش معه العلاقات الثنائية."
    )
    meetings = facts_of(text).meetings
    assert any(set(m.participants) == {"person:abdullah-bin-nasser", "country:DZ"} for m in meetings)


ARRIVAL_IN_MUSCAT = (
    "وصل وزير الخارجية السعودي الأستاذ عادل بن أحمد الجبير إلى مسقط اليوم في زيارة رسمية لسلطنة عمان. "
    "وأشاد الوزير في تصريح لدى وصوله بعمق العلاقات الثنائية، موضحاً أن زيارته لسلطنة عمان تأتي في إطار التشاور. "
    "وكان في استقبال معاليه لدى وصوله الوزير المسؤول عن الشؤون الخارجية بسلطنة عمان يوسف بن علوي بن عبدالله."
)


def test_a_welcome_is_where_the_guest_arrived_not_the_country_of_an_office():
    meetings = facts_of(ARRIVAL_IN_MUSCAT).meetings
    welcome = next(m for m in meetings if "person:yusuf-bin-alawi" in m.participants)
    assert welcome.place == "place:muscat-287286"


def test_a_visit_to_a_country_is_told_by_the_meetings_held_there():
    meetings = facts_of(ARRIVAL_IN_MUSCAT).meetings
    assert [set(m.participants) for m in meetings] == [{"person:adel-al-jubeir", "person:yusuf-bin-alawi"}]


LETTER_ON = (
    "استقبل حضرة صاحب السمو أمير البلاد الشيخ نواف الأحمد الجابر الصباح، قبل ظهر اليوم، وزير الخارجية الشيخ "
    "الدكتور أحمد ناصر المحمد الصباح. وفي السياق، قام مبعوث حضرة صاحب السمو أمير البلاد الشيخ نواف الأحمد الجابر "
    "الصباح وزير الخارجية الشيخ الدكتور أحمد ناصر المحمد الصباح عصر اليوم بتسليم رسالة خطية من سموه إلى أخيه "
    "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود."
)


def test_an_honorific_hadrat_is_no_attending():
    meetings = facts_of(LETTER_ON).meetings
    assert set(meetings[0].participants) == {"person:nawaf-al-ahmad", "person:ahmad-nasser-al-mohammad"}


def test_a_letter_the_envoy_went_on_to_hand_over_is_a_meeting_of_its_own_without_the_sender():
    meetings = facts_of(LETTER_ON).meetings
    assert len(meetings) == 2
    assert set(meetings[1].participants) == {"person:ahmad-nasser-al-mohammad", "person:salman-bin-abdulaziz"}


def test_ministers_said_once_in_the_plural_each_hold_the_ministry_named_before_them():
    text = (
        "وحضر المراسم من الجانب التركي، ووزراء الخارجية، مولود جاويش أوغلو، والاقتصاد نهاد زيبكجي، "
        "والزراعة والثروة الحيوانية بكير باكدميرلي."
    )
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert "وزير الاقتصاد" in persons["نهاد زيبكجي"].roles
    assert "وزير الزراعة والثروة الحيوانية" in persons["بكير باكدميرلي"].roles
    assert persons["نهاد زيبكجي"].represents == "country:TR"


def test_a_known_word_is_no_clitic_on_a_short_town_name():
    text = "واستقبل الرئيس التركي رجب طيب أردوغان اليوم في أنقرة الوزير أحمد أشرف فاقي بابا، ووزير الخارجية."
    assert not [e for e in facts_of(text).entities if e.type == "Place" and e.label_en == "Aba"]


def test_the_ambassador_told_the_prime_minister_is_two_persons_and_his_words():
    text = (
        "استقبل معالي حسن علي خيري، رئيس الوزراء الصومالي، أمس سعادة محمد أحمد عثمان الحمادي سفير دولة الإمارات "
        "لدى الصومال. وأبلغ سعادة السفير رئيس الوزراء الصومالي بأن الهلال الأحمر سيقوم بتوفير الرعاية للأسر المتضررة."
    )
    assert speakers_of(text, "الهلال الأحمر") == ["محمد أحمد عثمان الحمادي"]


def test_officials_of_the_ministry_of_a_minister_at_the_table_serve_his_country():
    text = (
        "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان اليوم في نيويورك الأمين العام للأمم المتحدة أنطونيو "
        "غوتيريش. حضر اللقاء مستشار وزير الخارجية للشؤون السياسية الأمير مصعب بن محمد الفرحان."
    )
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons["مصعب بن محمد الفرحان"].represents == "country:SA"


@pytest.mark.parametrize("text", [
    "ونقل السفير تحيات جلالة السلطان لأخيه فخامة الرئيس الصومالي وللشعب الصومالي بمزيد من التقدم والرخاء.",
    "وأكد رئيس الوزراء العراقي في اتصال مع الرئيس الإيراني رفض بغداد للحرب على جارتها.",
    "ودعا الوزير إلى تفعيل الدبلوماسية سبيلا لتكريس الأمن والاستقرار في المنطقة.",
])
def test_prose_after_an_office_is_no_name(text):
    persons = {e.label for e in facts_of(text).entities if e.type == "Person"}
    assert not persons & {"بمزيد", "رفض بغداد", "سبيلا لتكريس"}


def test_a_sentence_the_page_broke_across_lines_is_read_whole():
    text = (
        "وتسلم الرسالة رئيس مجلس الوزراء الكويتي الشيخ صباح خالد الحمد الصباح من وزير الخارجية السعودي الأمير "
        "فيصل بن فرحان، بحضور وزير الخارجية\nالكويتي، الشيخ الدكتور أحمد ناصر المحمد الصباح، وسفير\nالسعودية لدى\n"
        "الكويت، الأمير سلطان بن سعد آل سعود."
    )
    facts = facts_of(text)
    persons = {e.label: e for e in facts.entities if e.type == "Person"}
    assert persons["سلطان بن سعد آل سعود"].represents == "country:SA"
    assert "سفير" in persons["سلطان بن سعد آل سعود"].roles
    assert len(facts.meetings) == 1 and len(facts.meetings[0].participants) == 4


def test_a_dateline_after_a_share_line_keeps_its_own_line():
    text = "تابعونا على\nالرياض: «الشرق الأوسط»\nالتقى وزير الخارجية السعودي فيصل بن فرحان اليوم نظيره الهندي."
    assert facts_of(text).meetings[0].place == "place:riyadh-108410"


def test_a_palace_no_list_knows_is_where_the_meeting_was_held():
    text = "استقبل أمير البلاد الشيخ نواف الأحمد الجابر الصباح أمس في قصر يمامة وزير الخارجية أحمد ناصر المحمد الصباح."
    facts = facts_of(text)
    venue = facts.meetings[0].venue
    assert venue and next(e for e in facts.entities if e.key == venue).label == "قصر يمامة"


def test_a_page_that_breaks_every_sentence_across_lines_is_read_in_sentences():
    text = (
        "بحث وزير\n\nالخارجية التركي، مولود جاويش أوغلو، الثلاثاء، مع نظيره الجزائري، صبري بوقادوم،\n\n"
        "في أنقرة تطورات الأوضاع في ليبيا.\n\nوأضاف الوزيران\n\nأن الأزمة الليبية تمس أمن المنطقة كلها.\n\n"
        "وأوضح جاويش أوغلو أن\n\nبلاده تدعم العملية السياسية في ليبيا منذ البداية.\n\nوقال جاويش أوغلو إن تركيا\n\n"
        "تؤيد الحوار مع كافة الأطراف بشأن شرق المتوسط.\n\nوتابع الوزير أن بلاده\n\nستواصل التشاور مع الجزائر."
    )
    facts = facts_of(text)
    assert len(facts.meetings) == 1 and len(facts.meetings[0].participants) == 2
    assert facts.meetings[0].place == "place:ankara-323786"
    assert any(s.quote.startswith("بلاده تدعم العملية السياسية") for s in facts.statements)
    assert any(s.quote.startswith("تركيا تؤيد الحوار") for s in facts.statements)


def test_the_counterpart_minister_is_no_official_of_the_hosts_ministry():
    text = "وتبادل عراقجي خلال الاتصال الهاتفي اليوم وجهات النظر مع وزير خارجية الجزائر أحمد عطاف بشأن التطورات."
    persons = {e.key: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons["person:abbas-araghchi"].represents != "country:DZ"


@pytest.mark.parametrize(("seat", "state"), [("البيت الأبيض", "country:US"), ("الكرملين", "country:RU")])
def test_a_seat_of_power_speaks_for_its_state(seat, state):
    text = (f"التقى الرئيسان الروسي فلاديمير بوتين والأمريكي جو بايدن اليوم في جنيف. "
            f"وقال {seat} إن الرئيسين ناقشا الاستقرار الاستراتيجي والقضايا الإقليمية.")
    said = next(s for s in facts_of(text).statements if "الاستقرار الاستراتيجي" in s.quote)
    assert said.speakers == (state,)


def test_a_verb_that_reports_only_quotes_gives_no_words_without_them():
    text = "اختتم الرئيسان الروسي فلاديمير بوتين والأمريكي جو بايدن اجتماعاً عبر الإنترنت استغرق ساعتين."
    assert not facts_of(text).statements


def test_an_ambassador_is_not_the_one_other_person_of_his_country():
    text = (
        "أكدت وكالة إرنا اليوم أن الرئيس الإيراني إبراهيم رئيسي سيزور سلطنة عمان الاثنين المقبل. "
        "وقال السفير الإيراني في مسقط علي نجفي، إن الزيارة تؤكد أولوية الجيران في السياسة الخارجية الإيرانية."
    )
    assert speakers_of(text, "أولوية الجيران") == ["علي نجفي"]


def test_a_three_word_name_after_an_office_runs_to_the_day():
    text = "أعلن المتحدث باسم الحكومة الإيرانية علي بهادري جهرمي اليوم الثلاثاء أن الرئيس سيزور روسيا مطلع العام."
    assert "علي بهادري جهرمي" in {e.label for e in facts_of(text).entities if e.type == "Person"}


def test_the_side_of_a_country_speaks_for_it():
    text = (
        "التقى نائب رئيس المجلس الرئاسي الليبي أحمد معيتيق في موسكو اليوم وزير الخارجية الروسي سيرغي لافروف. "
        "وتناول اللقاء تطورات الأوضاع في ليبيا، حيث أعرب الجانب الروسي عن أمله في وقف إطلاق النار."
    )
    said = next(s for s in facts_of(text).statements if "وقف إطلاق النار" in s.quote)
    assert said.speakers == ("country:RU",)


def test_where_a_guest_arrived_told_right_after_is_where_they_met():
    text = (
        "أجرى الرئيس التركي رجب طيب أردوغان مساء الأحد مباحثات مع أمير قطر الشيخ تميم بن حمد بعيداً عن الإعلام.\n"
        "ووصل أمير قطر، أمس، إلى مدينة إسطنبول في زيارة رسمية لم يعلن عن مدتها."
    )
    assert facts_of(text).meetings[0].place == "place:istanbul-745044"


THREE_CALLS = (
    "ذكرت وزارة الخارجية العمانية أن الوزير العماني يوسف بن علوي تلقى اتصالين من كل من محمد بن عبدالرحمن آل ثاني "
    "وزير الخارجية القطري، والأمير فيصل بن فرحان آل سعود وزير الخارجية السعودي بغرض الاطمئنان على صحة السلطان "
    "قابوس بن سعيد. في حين ذكرت وزارة الخارجية العراقية أن الاتصال الهاتفي بين ابن علوي ونظيره العراقي محمد علي "
    "الحكيم بحث العلاقات الثنائية."
)


def test_a_call_between_two_not_read_together_is_another_call():
    meetings = facts_of(THREE_CALLS).meetings
    assert len(meetings) == 3 and all(m.phone and len(m.participants) == 2 for m in meetings)
    assert "person:yusuf-bin-alawi" in meetings[2].participants


def test_whose_health_they_asked_about_took_no_part():
    assert all("person:qaboos-bin-said" not in m.participants for m in facts_of(THREE_CALLS).meetings)


def test_the_counterpart_of_a_known_minister_holds_his_office_not_the_presidents():
    text = (
        "أكد وزير الخارجية التركي هاكان فيدان أن بلاده تتطلع لزيارة الرئيس السيسي إلى أنقرة قريباً. "
        "وقال فيدان خلال مؤتمر صحفي مع نظيره المصري في القاهرة إن البلدين سيطوران التعاون في مجالات التعليم."
    )
    meetings = facts_of(text).meetings
    assert meetings and all("person:abdel-fattah-el-sisi" not in m.participants for m in meetings)


def test_the_place_of_what_was_discussed_is_not_where_and_a_call_told_again_is_a_call():
    text = (
        "بحث وزير الخارجية السعودي فيصل بن فرحان، ونظيره الأمريكي ماركو روبيو، اليوم، الأوضاع والتطورات في اليمن.\n"
        "وقال المتحدث باسم الخارجية الأمريكية، تومي بيغوت، إن الوزير روبيو تواصل هاتفيًا مع نظيره السعودي، "
        "حيث بحث الجانبان التوترات المستمرة في اليمن."
    )
    meetings = facts_of(text).meetings
    assert len(meetings) == 1 and meetings[0].phone and meetings[0].place is None


@pytest.mark.parametrize("name", ["عطا الله العنزي", "عطا الله المالكي"])
def test_a_given_name_compounded_with_allah_is_one_name(name):
    text = (f"بحث نائب وزير الخارجية الروسي ميخائيل بوغدانوف اليوم مع القائم بأعمال المملكة العربية السعودية "
            f"في موسكو، {name}، الأوضاع في المنطقة.")
    assert name in {e.label for e in facts_of(text).entities if e.type == "Person"}


def test_his_special_envoy_holds_the_office_and_serves_his_country():
    text = "وسلم الرئيس النيجيري محمد بخاري رسالة عبر مبعوثه الخاص أحمد الرفاعي إلى الرئيس السوداني عبد الفتاح البرهان."
    persons = {e.label: e for e in facts_of(text).entities if e.type == "Person"}
    assert persons["أحمد الرفاعي"].roles == ("المبعوث الخاص",)
    assert persons["أحمد الرفاعي"].represents == "country:NG"


def test_welcoming_a_persons_visit_is_no_words_of_his():
    text = ("استقبل الشيخ عبدالله بن زايد آل نهيان اليوم في أبوظبي الأمير فيصل بن فرحان، "
            "ورحب سموه بزيارة وزير الخارجية السعودي إلى الدولة.")
    assert not [s for s in facts_of(text).statements if s.quote.startswith("بزيارة")]


def test_those_who_joined_a_meeting_between_two_are_no_second_meeting():
    text = (
        "عقدت في موسكو اليوم قمة بين الرئيسين بشار الأسد وفلاديمير بوتين، حيث استهلت القمة باجتماع ثنائي مطول "
        "بين الرئيسين انضم إليه لاحقاً وزير الخارجية السوري فيصل المقداد ووزير الدفاع الروسي سيرغي شويغو."
    )
    meetings = facts_of(text).meetings
    assert len(meetings) == 1 and len(meetings[0].participants) == 4


def test_a_dual_verb_with_two_names_gives_both_speakers():
    text = ("بحث وزير الخارجية التركي مولود جاويش أوغلو مع نظيره الجزائري صبري بوقادوم في أنقرة الأوضاع في ليبيا. "
            "وأكدا أوغلو وبوقادوم خلال المؤتمر الصحفي المشترك على أهمية وقف إطلاق النار.")
    said = next(s for s in facts_of(text).statements if "وقف إطلاق النار" in s.quote)
    assert len(said.speakers) == 2


def test_a_writers_name_and_a_colon_above_the_story_is_a_byline():
    facts = facts_of(f"سارة محمود:\n{RECEPTION}")
    assert {e.key for e in facts.entities if e.type == "Person"} == {SHOUKRY, BOURITA}
