"""Meetings as real Arabic news tells them, in the ways the other test files do not cover: inside a
communiqué quoted at length, among others. Every sentence here is written for these tests; none
is copied from a news site. The article date is Tuesday 12 March 2024."""

from __future__ import annotations

import datetime as dt

import pytest

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


def dated_meetings_of(text: str) -> list[tuple[set[str], dt.date | None]]:
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    return [({names.get(k, k) for k in m.participants}, m.date) for m in facts.meetings]


def test_the_time_after_the_verb_is_its_own_not_that_of_a_relative_clause_before_it():
    text = (
        "على هامش مشاركته في الاجتماع الوزاري الذي تستضيفه الدوحة غداً الأربعاء، اجتمع وزير الخارجية"
        " الكويتي سالم العتيبي، رئيس الدورة الحالية، مساء اليوم الثلاثاء مع نظيره العماني خالد الهنائي."
    )
    assert dated_meetings_of(text) == [({"سالم العتيبي", "خالد الهنائي"}, DAY)]


def test_a_time_after_another_verb_or_event_is_not_the_meetings():
    text = (
        "وصل المبعوث الأممي كارل يوهانسون، اليوم الثلاثاء، إلى الدوحة، حيث التقى وزير الدولة القطري"
        " سعد المهندي، وبحث معه الخطوات التالية بعد إعلانه أمس الاثنين اتفاق التهدئة."
    )
    [(people, day)] = dated_meetings_of(text)
    assert people == {"كارل يوهانسون", "سعد المهندي"} and day == DAY


@pytest.mark.parametrize("today", ["اليوم الاثنين", "اليوم (الاثنين)"])
def test_today_with_a_weekday_the_paper_is_not_dated_is_that_weekday(today):
    text = f"التقى وزير الخارجية الكويتي سالم العتيبي في الدوحة {today} نظيره العماني خالد الهنائي."
    assert dated_meetings_of(text) == [({"سالم العتيبي", "خالد الهنائي"}, dt.date(2024, 3, 11))]


def test_those_who_took_part_in_it_join_the_meeting_and_the_body_whose_session_it_was_is_no_party():
    text = (
        "شارك وزير الخارجية الإماراتي عبدالله بن زايد آل نهيان في اجتماع متعدد الأطراف خلال أعمال الدورة"
        " الـ 80 للجمعية العامة للأمم المتحدة في نيويورك. وشارك فيه أمير قطر الشيخ تميم بن حمد آل ثاني"
        " والرئيس التركي رجب طيب أردوغان."
    )
    assert meetings_of(text) == [{"عبد الله بن زايد آل نهيان", "تميم بن حمد آل ثاني", "رجب طيب أردوغان"}]


def test_two_calls_received_after_the_day_set_off_are_two_calls():
    text = (
        "تلقى رئيس الجمهورية السيد كمال بن علي، مساء أول أمس الإثنين، مكالمتين هاتفيتين، من الرئيس"
        " التونسي قيس سعيد، والرئيس المصري عبد الفتاح السيسي، تم خلالهما تبادل التهاني."
    )
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    calls = sorted(sorted(names[k] for k in m.participants) for m in facts.meetings if m.phone)
    assert calls == [["عبد الفتاح السيسي", "كمال بن علي"], ["قيس سعيد", "كمال بن علي"]]


def test_one_by_one_told_after_a_ceremony_with_the_meeting_word_spelled_with_a_lone_hamza():
    text = (
        "تسلم وزير الخارجية أحمد عوض بن مبارك، اليوم، أوراق اعتماد سفراء كلاً من: سعادة فيصل علي إبراهيم،"
        " سفير جمهورية أثيوبيا، وسعادة جان فيليب لينتاو، سفير كندا. وأعرب بن مبارك خلال لقاءه بالسفراء كل"
        " على حدة عن ترحيبه بهم."
    )
    assert sorted(len(people) for people in meetings_of(text)) == [2, 2]


def test_envoys_of_a_credentials_ceremony_told_in_several_sentences_are_one_ceremony():
    text = (
        "تسلم الرئيس الموريتاني محمد ولد عبد العزيز اليوم أوراق اعتماد سفير فرنسا روبير موليي وسفير النيجر"
        " ساليسو آدا. الرئيس الموريتاني تسلم كذلك أوراق اعتماد سفير ألمانيا كبريالا كليلي. وتسلم ولد عبد"
        " العزيز خلال استقباله للسفراء الجدد أوراق اعتماد سفير كوريا الجنوبية سونغ تشانغ سيك."
    )
    assert meetings_of(text) == [
        {"محمد ولد عبد العزيز", "روبير موليي", "ساليسو آدا", "كبريالا كليلي", "سونغ تشانغ سيك"}
    ]


def test_credentials_handed_over_on_another_day_are_another_ceremony():
    text = (
        "تسلم الرئيس الموريتاني محمد ولد عبد العزيز أمس الأحد أوراق اعتماد سفير فرنسا روبير موليي."
        " وتسلم الرئيس اليوم الثلاثاء أوراق اعتماد سفير ألمانيا كبريالا كليلي."
    )
    assert len(meetings_of(text)) == 2


def test_an_attendee_list_the_page_broke_across_lines_is_read_whole():
    text = (
        "استقبل الملك عبدالله الثاني في قصر الحسينية اليوم رئيس مجلس النواب العراقي محمود المشهداني.\n"
        "وحضر اللقاء رئيس الديوان الملكي يوسف العيسوي، ومدير\n"
        "مكتب جلالة الملك، المهندس علاء البطاينة، ومدير المخابرات العامة اللواء سامي\n"
        "حسني."
    )
    [people] = meetings_of(text)
    assert {"يوسف العيسوي", "علاء البطاينة", "سامي حسني"} <= people


def test_a_list_opened_by_a_colon_after_each_of_names_the_guests():
    text = "استقبل وزير الخارجية الموريتاني اليوم في مكتبه سفراء كل من: اليابان وكندا والبرازيل."
    facts = extract(text, published=dt.date(2019, 7, 24))
    parties = {p for m in facts.meetings for p in m.participants}
    assert {"country:JP", "country:CA", "country:BR"} <= parties


def test_words_opened_by_a_colon_still_name_no_party():
    text = "استقبل وزير الخارجية الموريتاني اليوم سفير اليابان، وقال بعد اللقاء: إن كندا والبرازيل تدعمان المبادرة."
    facts = extract(text, published=dt.date(2019, 7, 24))
    parties = {p for m in facts.meetings for p in m.participants}
    assert "country:JP" in parties and not {"country:CA", "country:BR"} & parties


def test_attendees_named_before_a_plural_join_verb_join_the_meeting():
    text = (
        "استقبل الرئيس الجيبوتي إسماعيل عمر جيله أمس في القصر الرئاسي وزير الخارجية الغاني كوفي أدو. "
        "وتجدر الإشارة إلى أن وزير المالية إلياس موسى دواله، ورئيس الأركان الفريق الركن زكريا شيخ إبراهيم، "
        "شاركوا في هذه المقابلة."
    )
    facts = extract(text, published=dt.date(2021, 3, 4))
    assert len(facts.meetings) == 1
    names = {e.key: e.label for e in facts.entities}
    attended = {names[p] for p in facts.meetings[0].participants if p in names}
    assert {"إلياس موسى دواله", "زكريا شيخ إبراهيم"} <= attended


def test_the_sender_of_a_letter_named_as_a_counterpart_with_his_nisba_is_no_party():
    text = (
        "استقبل الرئيس الجيبوتي إسماعيل عمر جيله أمس وزير الدفاع الإيفواري تيني إبراهيم واتارا، "
        "وتسلم منه رسالة خطية من نظيره الإيفواري الرئيس الحسن وتارا."
    )
    facts = extract(text, published=dt.date(2021, 3, 4))
    parties = {p for m in facts.meetings for p in m.participants}
    names = {e.key: e.label for e in facts.entities}
    assert not any("الحسن" in names.get(p, "") for p in parties)


def test_people_named_in_what_was_said_during_a_call_are_no_parties_to_it():
    text = (
        "تلقى الرئيس التونسي قيس سعيد اليوم مكالمة هاتفية من رئيس الوزراء الإيطالي جوزيبي كونتي، "
        "أبلغه فيها بإيفاد وزير الداخلية ماتيو بيانتيدوسي إلى تونس للقاء نظيره كمال الفقي."
    )
    facts = extract(text, published=dt.date(2023, 6, 10))
    call = next(m for m in facts.meetings if m.phone)
    names = {e.key: e.label for e in facts.entities}
    assert {names.get(p, p) for p in call.participants} == {"قيس سعيد", "جوزيبي كونتي"}


def test_an_official_said_to_be_absent_from_a_meeting_is_no_party_though_named_again():
    text = (
        "أكد مصدر مطلع أن غياب وزير الخارجية عثمان الجرندي خلال اللقاء الذي جمع أمس رئيس الجمهورية قيس سعيد "
        "بوزير الخارجية الإيطالي أنطونيو تاياني كان بطلب من الوزير نفسه."
    )
    facts = extract(text, published=dt.date(2023, 1, 19))
    parties = {p for m in facts.meetings for p in m.participants}
    names = {e.key: e.label for e in facts.entities}
    assert not any("الجرندي" in names.get(p, "") for p in parties)
    assert any("قيس سعيد" in names.get(p, "") for p in parties)


def test_where_a_meeting_was_held_told_in_the_sentence_after_it():
    text = (
        "بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره العماني بدر البوسعيدي اليوم العلاقات الثنائية. "
        "جاء ذلك خلال لقائهما في العاصمة العمانية مسقط، وفق بيان للخارجية الأردنية."
    )
    facts = extract(text, published=dt.date(2024, 9, 8))
    assert len(facts.meetings) == 1
    place = next(e for e in facts.entities if e.key == facts.meetings[0].place)
    assert place.label == "مسقط"


def test_the_body_that_tells_of_talks_is_no_party_to_them():
    text = (
        "القاهرة - أ ش أ: أعلنت وزارة الخارجية، اليوم الثلاثاء، أن جولة المفاوضات التي استضافتها كينشاسا "
        "لم تحقق أي تقدم. وشارك في الاجتماعات وزيرا الخارجية سامح شكري ومريم الصادق المهدي."
    )
    facts = extract(text, published=dt.date(2021, 4, 6))
    parties = {p for m in facts.meetings for p in m.participants}
    assert not any(p.startswith("org:") for p in parties)


def test_a_ministry_speaking_without_its_country_keeps_every_field_of_its_name():
    text = (
        "الجزائر - واج: وأعربت وزارة الشؤون الخارجية والجالية الوطنية بالخارج، في بيان لها، عن أسفها العميق "
        "لإخفاق مجلس الأمن في اعتماد القرار."
    )
    facts = extract(text, published=dt.date(2024, 2, 21))
    ministry = next(e for e in facts.entities if e.type == "Organization" and e.label.startswith("وزارة"))
    assert ministry.label == "وزارة الشؤون الخارجية والجالية الوطنية بالخارج"


@pytest.mark.parametrize(
    "matter",
    ["التطورات الأخيرة في اليمن", "الأوضاع الإنسانية في السودان", "المستجدات الراهنة في ليبيا"],
)
def test_the_place_of_what_was_discussed_with_its_adjective_is_not_where_they_met(matter):
    facts = extract(
        f"بحث الرئيس المصري عبد الفتاح السيسي، اليوم الأربعاء، مع رئيسة الوزراء البريطانية تيريزا ماي، {matter}.",
        published=DAY,
    )
    assert len(facts.meetings) == 1 and facts.meetings[0].place is None, facts.meetings


@pytest.mark.parametrize(
    "text",
    [
        "وانتقد المتحدث باسم الخارجية الإيرانية مزاعم نائب الرئيس الأميركي حول زيارة الوزير محمد جواد ظريف"
        " إلى كراكاس.",
        "وكان مايك بنس قد علق على زيارة محمد جواد ظريف إلى كراكاس بأنها مقلقة.",
        "وتحدث الوزير في مؤتمره الصحفي بشأن زيارة الرئيس الإيراني إلى كراكاس.",
    ],
    ids=["claims-about", "commented-on", "regarding"],
)
def test_a_visit_spoken_about_is_no_meeting(text):
    assert extract(text, published=DAY).meetings == (), extract(text, published=DAY).meetings


def test_whose_minister_and_a_comment_after_the_meeting_are_no_parties():
    found = meetings_of(
        "التقى وزير خارجية الأسد فيصل المقداد بنظيره المصري سامح شكري في نيويورك، وهو اللقاء الأول منذ سنوات"
        " خصوصاً أن موقف الرئيس المصري عبد الفتاح السيسي تغير كثيراً."
    )
    assert len(found) == 1 and len(found[0]) == 2, found


def test_a_letter_from_a_president_handed_over_by_his_envoy_is_one_meeting_of_the_envoy_and_the_receiver():
    found = meetings_of(
        "تسلم أمير قطر الشيخ تميم بن حمد آل ثاني، رسالة خطية، من أخيه فخامة الرئيس محمود عباس رئيس دولة"
        " فلسطين، حول آخر المستجدات في القدس وموقف الإدارة الأمريكية وإسرائيل. قام بنقل الرسالة السفير منير"
        " عبدالله غنام، سفير دولة فلسطين لدى قطر، خلال استقبال سمو الأمير له."
    )
    assert found == [{"تميم بن حمد آل ثاني", "منير عبدالله غنام"}], found


def test_the_one_who_sent_an_envoy_is_no_party_and_the_council_of_ministers_is_part_of_the_office():
    found = meetings_of(
        "استقبل الأمين العام لوزارة الشؤون الخارجية، لوناس مقرمان، اليوم بمقر الوزارة، الأمين العام لمجلس"
        " وزراء حكومة الوحدة الوطنية الليبية، سالم علي الفيتوري، بصفته مبعوثاً خاصاً لرئيس مجلس الوزراء"
        " بحكومة الوحدة الوطنية، عبد الحميد الدبيبة."
    )
    assert found == [{"لوناس مقرمان", "سالم علي الفيتوري"}], found


def test_envoys_listed_after_they_are_counted_join_the_ceremony():
    found = meetings_of(
        "استقبل رئيس الجمهورية، السيد/ إسماعيل عمر جيله، اليوم في القصر الجمهوري، سفيرين جديدين، وتسلم منهما"
        " أوراق اعتمادهما. والسفيران الجديدان هما كل من سفير جمهورية السودان، السيد/ عثمان الطيب، وسفير"
        " الجمهورية التركية، السيد/ مراد يلماز."
    )
    assert found == [{"إسماعيل عمر جيله", "عثمان الطيب", "مراد يلماز"}], found


def test_those_waiting_for_an_arriving_minister_met_him_where_he_arrived():
    facts = extract(
        "حل وزير الشؤون الخارجية المغربي، ناصر بوريطة، مساء أمس الثلاثاء، بالعاصمة الموريتانية انواكشوط في زيارة"
        " رسمية. ووجد بوريطة في انتظاره نظيره الموريتاني محمد سالم ولد مرزوك، فضلاً عن سفير المملكة المغربية"
        " لدى موريتانيا، حميد شبار.",
        published=DAY,
    )
    names = {e.key: e.label for e in facts.entities}
    assert [{names[k] for k in m.participants} for m in facts.meetings] == [
        {"ناصر بوريطة", "محمد سالم ولد مرزوك", "حميد شبار"}
    ], facts.meetings
    assert facts.meetings[0].place == "place:nouakchott-2377450"


def test_a_relative_clause_after_the_subject_does_not_end_the_meeting_and_whom_it_names_is_no_party():
    found = meetings_of(
        "التقى الوزير الأول نذير العرباوي، الذي كان يمثل رئيس الجمهورية السيد عبد المجيد تبون في القمة،"
        " برئيس الجمهورية الإسلامية الموريتانية، محمد الشيخ الغزواني."
    )
    assert len(found) == 1 and "نذير العرباوي" in found[0] and len(found[0]) == 2, found
    assert not any("تبون" in name for name in found[0]), found


def test_bilateral_meetings_with_several_counterparts_are_one_meeting_with_each():
    found = meetings_of(
        "أجرى وزير الخارجية الجزائري أحمد عطاف، اليوم، لقاءات ثنائية مع عدد من نظرائه على هامش الاجتماع الوزاري"
        " لمنظمة التعاون الإسلامي بجدة. وقد حضر الاجتماع نظيره الأردني أيمن الصفدي، ونظيره الباكستاني إسحاق دار."
    )
    assert sorted(found, key=sorted) == sorted(
        [{"أحمد عطاف", "أيمن الصفدي"}, {"أحمد عطاف", "إسحاق دار"}], key=sorted
    ), found


def test_a_tours_other_stops_go_with_the_visit_its_meeting_tells():
    found = meetings_of(
        "بدأ وزير الخارجية الألماني هايكو ماس، اليوم، زيارة رسمية إلى تونس، محطته الثانية في جولة بالمنطقة زار"
        " خلالها ليبيا. والتقى هايكو ماس مع الرئيس التونسي قيس سعيد في قصر قرطاج."
    )
    assert found == [{"هايكو ماس", "قيس سعيد"}], found


def test_a_summit_to_be_hosted_is_not_held_and_unnamed_envoys_stand_for_their_states():
    facts = extract(
        "اعتمدت موريتانيا اليوم مجموعة من السفراء الجدد أسبوعاً قبل احتضان نواكشوط القمة الإفريقية. ونظمت"
        " بالمناسبة حفلات استقبال في وزارة الخارجية، حيث اجتمع الوزير إسماعيل ولد الشيخ أحمد بسفراء زمبابوي"
        " وغانا وابريطانيا.",
        published=DAY,
    )
    assert [set(m.participants) for m in facts.meetings] == [
        {"person:ismail-ould-cheikh-ahmed", "country:ZW", "country:GH", "country:GB"}
    ], facts.meetings


def places_of(text: str) -> list[tuple[frozenset[str], str | None, str | None]]:
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    return [
        (frozenset(names.get(k, k) for k in m.participants), names.get(m.place), names.get(m.venue))
        for m in facts.meetings
    ]


@pytest.mark.parametrize(
    "again",
    [
        "واستقبل الرئيس السفيرين كلاً على حدة في قصر الشعب بدمشق، وتمنى لهما التوفيق.",
        "وقد استقبل الأسد السفيرين كلاً على حدة في “قصر الشعب” بدمشق.",
        "واستُقبل السفيران كلاً على حدة في قصر الشعب بدمشق بالمراسم المعتادة.",
    ],
)
def test_guests_received_again_one_by_one_split_the_ceremony_and_say_where_it_was(again):
    found = places_of(
        "تقبل الرئيس السوري بشار الأسد اليوم أوراق اعتماد البرازيلي كارلوس مورايس والياباني تاكيشي ناكامورا"
        " سفيرين لبلديهما لدى سوريا. " + again + " وحضر المراسم وزير الخارجية فيصل المقداد."
    )
    assert sorted(found, key=lambda m: sorted(m[0])) == [
        (frozenset({"بشار الأسد", "فيصل المقداد", "تاكيشي ناكامورا"}), "دمشق", "قصر الشعب"),
        (frozenset({"بشار الأسد", "فيصل المقداد", "كارلوس مورايس"}), "دمشق", "قصر الشعب"),
    ], found


def test_a_reception_of_someone_new_after_a_ceremony_is_another_meeting():
    found = meetings_of(
        "تقبل الرئيس السوري بشار الأسد اليوم أوراق اعتماد البرازيلي كارلوس مورايس سفيراً لبلاده لدى سوريا."
        " واستقبل الرئيس الأسد بعد ذلك وزير الخارجية العماني بدر البوسعيدي والوفد المرافق له."
    )
    assert found == [{"بشار الأسد", "كارلوس مورايس"}, {"بشار الأسد", "بدر بن حمد البوسعيدي"}], found


@pytest.mark.parametrize(
    ("nisba", "name"),
    [("الإيراني", "مهدي سبحاني"), ("العراقي", "مهدي الربيعي")],
)
def test_a_person_after_a_nisba_that_follows_a_noun_without_al_is_read_even_with_an_ambiguous_given_name(
    nisba, name
):
    found = meetings_of(f"تسلم الرئيس الجزائري عبد المجيد تبون اليوم أوراق اعتماد {nisba} {name} سفيراً لبلاده.")
    assert found == [{"عبد المجيد تبون", name}], found


@pytest.mark.parametrize("apart", ["بشكل منفصل", "بصورة منفصلة", "كلاً على حدة"])
def test_guests_received_separately_after_a_meeting_told_with_both_are_met_apart(apart):
    found = meetings_of(
        "التقى الرئيس الإيراني مسعود بزشكيان اليوم بوزيري خارجية قطر وسوريا في طهران. وأفاد بيان للرئاسة أن"
        f" بزشكيان استقبل {apart} محمد بن عبدالرحمن، رئيس مجلس الوزراء وزير الخارجية القطري، ووزير الخارجية"
        " السوري بسام الصباغ. وفي لقائه مع الوزير القطري، دعا الرئيس الإيراني إلى تسريع تنفيذ الاتفاقيات."
    )
    assert sorted(found, key=sorted) == sorted(
        [{"مسعود بزشكيان", "محمد بن عبد الرحمن بن جاسم آل ثاني"}, {"مسعود بزشكيان", "بسام صباغ"}], key=sorted
    ), found


def test_ambassadors_received_in_separate_meetings_are_one_meeting_each():
    found = meetings_of(
        "استقبل رئيس الوزراء العراقي الأسبق إياد علاوي بمكتبه اليوم في لقاءات منفصلة كلا من السفير الفرنسي"
        " السيد باتريك دوريل والسفير الكويتي السيد حسن الزمان."
    )
    assert sorted(found, key=sorted) == sorted(
        [{"إياد علاوي", "باتريك دوريل"}, {"إياد علاوي", "حسن الزمان"}], key=sorted
    ), found


def test_a_name_kept_in_latin_letters_after_an_office_and_a_palace_named_by_its_nisba():
    facts = extract(
        "التقى الرئيس اللبناني جوزاف عون ورئيس جمهورية قبرص Nikos Christodoulides في القصر الرئاسي القبرصي.",
        published=DAY,
    )
    names = {e.key: e.label for e in facts.entities}
    assert [{names[k] for k in m.participants} for m in facts.meetings] == [
        {"جوزاف عون", "Nikos Christodoulides"}
    ]
    meeting = facts.meetings[0]
    assert "القصر الرئاسي القبرصي" in {names.get(meeting.place), names.get(meeting.venue)}


def test_the_presidential_palace_without_a_country_is_that_of_the_country_the_story_is_told_from():
    facts = extract(
        "جيبوتي - استقبل رئيس الجمهورية إسماعيل عمر جيله اليوم بالقصر الجمهوري وزير الخارجية الإثيوبي تاي"
        " أتسكي سيلاسي.",
        published=DAY,
    )
    palace = next(e for e in facts.entities if e.label == "القصر الجمهوري")
    assert palace.type == "Place" and palace.key.endswith("_dj")
    assert facts.meetings[0].venue == palace.key


def test_a_press_conference_between_two_leaders_is_their_meeting_where_the_office_after_them_says():
    facts = extract(
        "أشاد الرئيس المصري عبد الفتاح السيسي بالمستشارة الألمانية أنجيلا ميركل. وأضاف السيسي خلال مؤتمر صحفي"
        " بين الرئيس السيسي والمستشارة الألمانية ببرلين، أنه معجب بما قدمته ألمانيا.",
        published=DAY,
    )
    names = {e.key: e.label for e in facts.entities}
    assert [({names[k] for k in m.participants}, names.get(m.place)) for m in facts.meetings] == [
        ({"عبد الفتاح السيسي", "أنجيلا ميركل"}, "برلين")
    ]


def test_the_region_an_envoy_is_charged_with_is_not_where_he_met():
    facts = extract(
        "التقى وزير الخارجية العراقي فؤاد حسين المبعوث الروسي الخاص إلى الشرق الأوسط ميخائيل بوغدانوف.",
        published=DAY,
    )
    assert [m.place for m in facts.meetings] == [None]


def test_envoys_met_apart_by_country_keep_their_country_beside_the_hosts_aides():
    facts = extract(
        "أجرى وزير الخارجية الموريتاني محمد سالم ولد مرزوك، اليوم، لقاءات منفصلة في مكتبه بنواكشوط مع سفراء"
        " الولايات المتحدة، والصين، والسنغال. وحضر هذه اللقاءات سامي الخطيب، مدير التعاون الثنائي بالوزارة.",
        published=DAY,
    )
    names = {e.key: e.label for e in facts.entities}
    found = sorted(sorted(names.get(k, k) for k in m.participants) for m in facts.meetings)
    assert found == sorted(
        sorted(["محمد سالم ولد مرزوك", "سامي الخطيب", country]) for country in ("الولايات المتحدة", "الصين", "السنغال")
    ), found


@pytest.mark.parametrize(
    "by_hand", ["وذلك عن طريق العضو السيادي، الفريق إبراهيم جابر", "حملها وزير الدفاع إبراهيم جابر"]
)
def test_a_letter_brought_by_hand_is_a_meeting_of_who_received_it_and_who_brought_it(by_hand):
    found = meetings_of(
        "تلقى الرئيس الصومالي حسن شيخ محمود، أمس، رسالة خطية من رئيس مجلس السيادة السوداني عبد الفتاح البرهان، "
        + by_hand + "."
    )
    assert found == [{"حسن شيخ محمود", "إبراهيم جابر"}], found


def test_a_letter_received_with_no_one_bringing_it_is_no_meeting():
    assert meetings_of("تلقى الرئيس الصومالي حسن شيخ محمود، أمس، رسالة خطية من الرئيس عبد الفتاح البرهان.") == []


def test_the_spokesman_who_tells_of_a_call_with_his_office_after_his_name_is_no_party():
    found = meetings_of(
        "صرح المستشار أحمد أبو زيد المتحدث الرسمي باسم وزارة الخارجية، بأن سامح شكري وزير الخارجية أجرى اتصالاً"
        " هاتفياً بوزير الخارجية الروسي سيرغي لافروف."
    )
    assert found == [{"سامح شكري", "سيرغي لافروف"}], found


def test_granting_someone_a_meeting_is_meeting_him():
    found = meetings_of(
        "وخص الرئيس الموريتاني محمد ولد الشيخ الغزواني سعادة السفير الفرنسي بموريتانيا السيد جويل ماير بلقاء تم"
        " خلاله استعراض العلاقات بين البلدين."
    )
    assert len(found) == 1 and "جويل ماير" in found[0], found


def test_a_middle_initial_is_no_name_of_its_own():
    facts = extract("وقال وزير الخارجية الأمريكي أنتوني ج. بلينكن إن المحادثات كانت بناءة.", published=DAY)
    assert [e.key for e in facts.entities if e.type == "Person"] == ["person:antony-blinken"]


def test_a_credentials_ceremony_a_communique_tells_one_by_one_in_quotes_is_one_meeting_with_each_envoy():
    facts = extract(
        "وقال مكتبه الإعلامي في بيان، إن “رئيس الجمهورية العراقي عبد اللطيف جمال رشيد تسلم في قصر السلام ببغداد"
        " أوراق اعتماد عدد من السفراء الجدد، وهم كل من سفير جمهورية صربيا ميلان بيتروفيتش وسفير جمهورية تركيا"
        " أحمد يلدز، بحضور وزير الخارجية فؤاد حسين”.\n"
        "وأضاف أنه “تم خلال اللقاءات التي جرت مع السفراء كلاً على حدة، بحث العلاقات الثنائية”.",
        published=DAY,
    )
    serves = {e.key: e.represents for e in facts.entities}
    found = sorted(sorted(serves[k] for k in m.participants) for m in facts.meetings)
    # the president and his foreign minister (Iraq's) with one envoy each
    assert found == [["country:IQ", "country:IQ", "country:RS"], ["country:IQ", "country:IQ", "country:TR"]], found


def test_a_bilateral_meeting_on_the_sidelines_of_a_summit_both_attended_is_a_meeting_of_its_own():
    found = meetings_of(
        "استضافت القاهرة أمس قمة دول جوار السودان بمشاركة رئيس الوزراء الإثيوبي آبي أحمد والرئيس الإريتري أسياس"
        " أفورقي، وترأسها الرئيس عبد الفتاح السيسي. وعلى هامش القمة، عقد الرئيس السيسي لقاءً ثنائياً مع رئيس"
        " الوزراء الإثيوبي آبي أحمد."
    )
    assert {"عبد الفتاح السيسي", "آبي أحمد"} in found, found


def where_held(text: str) -> list[tuple[str | None, str | None]]:
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    return [(names.get(m.place), names.get(m.venue)) for m in facts.meetings]


@pytest.mark.parametrize(
    ("text", "place", "venue"),
    [
        (
            "وقالت الرئاسة في بيان إن “الرئيس قيس سعيد استقبل بقصر قرطاج وزير الخارجية المغربي ناصر بوريطة"
            " وتسلم منه رسالة من الملك”.",
            "قرطاج",
            "قصر قرطاج",
        ),
        (
            "بحث رئيس الجمهورية عبد اللطيف رشيد اليوم مع عدد من السفراء المعتمدين لدى بغداد العلاقات الثنائية."
            " وقال مكتبه الإعلامي في بيان إن “رئيس الجمهورية عبد اللطيف رشيد تسلم في قصر السلام ببغداد أوراق"
            " اعتماد سفير جمهورية صربيا ماركو بتروفيتش وسفير جمهورية سلوفينيا يانيز نوفاك”.",
            "بغداد",
            "قصر السلام في بغداد",
        ),
    ],
    ids=["quoted-communique", "told-again-in-a-quoted-communique"],
)
def test_the_place_a_quoted_communique_gives_its_meeting_is_where_it_was(text, place, venue):
    assert set(where_held(text)) == {(place, venue)}


def test_a_place_in_a_persons_quoted_words_is_not_where_he_met():
    text = (
        "استقبل وزير الخارجية أحمد عطاف نظيره التونسي نبيل عمار، وقال عطاف إن “الجزائر ستستضيف القمة"
        " المقبلة في مدينة وهران الشهر المقبل”."
    )
    assert where_held(text) == [(None, None)]


def test_a_long_first_line_in_the_past_tense_without_its_full_stop_is_the_story_not_its_headline():
    text = (
        "استقبل سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية سعادة جون سميث المدير العام للشؤون السياسية"
        " في وزارة الخارجية البريطانية\n"
        "جرى خلال اللقاء الذي عقد في مقر الوزارة بأبوظبي بحث العلاقات الثنائية بين البلدين."
    )
    assert meetings_of(text) == [{"عبد الله بن زايد آل نهيان", "جون سميث"}]


def test_a_headline_in_the_present_tense_stays_a_headline():
    text = (
        "وزير الخارجية الإماراتي يستقبل المدير العام للشؤون السياسية في وزارة الخارجية البريطانية في أبوظبي"
        " اليوم الأحد\n"
        "أكد الوزير أن العلاقات بين البلدين متينة."
    )
    assert meetings_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "تسلم رئيس الجمهورية عبد اللطيف رشيد رسالة خطية من الرئيس الإيراني تضمنت دعوة لزيارة طهران."
        ' وذكر بيان لمكتب رشيد أن "ذلك جاء خلال استقبال رئيس الجمهورية، اليوم الأحد في قصر بغداد، السفير'
        ' الإيراني لدى العراق محمد كاظم آل صادق والوفد المرافق له".',
        "جاء ذلك خلال استقبال رئيس الجمهورية عبد اللطيف رشيد في بغداد السفير الإيراني محمد كاظم آل صادق.",
    ],
    ids=["letter-then-communique", "plain"],
)
def test_during_the_reception_of_reports_the_reception(text):
    assert meetings_of(text) == [{"عبد اللطيف جمال رشيد", "محمد كاظم آل صادق"}]


def test_receiving_refugees_is_no_meeting():
    assert meetings_of("وأكد الوزير أحمد عطاف خلال استقبال اللاجئين في المخيم أن بلاده ستواصل دعمهم.") == []


def test_credentials_then_during_the_reception_of_the_ambassadors_one_by_one_is_one_meeting_each():
    text = (
        "تسلم رئيس الجمهورية عبد اللطيف رشيد اليوم في قصر بغداد أوراق اعتماد سفير جمهورية مالي السيد"
        " بو بكر ديالو، وسفير جمهورية جيبوتي السيد عبد القادر حسين عمر.\n"
        "وبين رئيس الجمهورية خلال استقبال السفراء كلاً على حدة، أن العراق يتطلع لبناء أفضل العلاقات."
    )
    host = "عبد اللطيف جمال رشيد"
    assert meetings_of(text) == [{host, "بو بكر ديالو"}, {host, "عبد القادر حسين عمر"}]


def test_discussed_with_whom_after_where_and_when_is_a_second_meeting_at_the_summit():
    text = (
        "التقى وزير الخارجية أحمد بن مبارك اليوم مع نظيره الماليزي زامبري عبد القادر على هامش قمة مجموعة"
        " السبعة والسبعين في العاصمة الكوبية هافانا.\n"
        "كما ناقش وزير الخارجية وشؤون المغتربين الدكتور أحمد بن مبارك اليوم على هامش القمة في هافانا مع"
        " وزيرة الخارجية الإندونيسية ريتنو مارسودي العلاقات الثنائية بين البلدين."
    )
    # ("أحمد بن مبارك" is the known "أحمد عوض بن مبارك", named with a word left out)
    expected = [{"أحمد عوض بن مبارك", "زامبري عبد القادر"}, {"أحمد عوض بن مبارك", "ريتنو مارسودي"}]
    assert meetings_of(text) == expected


def test_new_ambassadors_are_no_reporting_verb_and_those_listed_after_are_received():
    text = (
        "استقبل رئيس الدولة، عبد القادر بن صالح، أمس، بمقر رئاسة الجمهورية، عدة سفراء سلموا له أوراق"
        " اعتمادهم بصفتهم سفراء جدد لبلدانهم لدى الجزائر، على غرار سفير النمسا، بيتر إلسنر، وسفير كرواتيا،"
        " ميلان كوفاتش."
    )
    assert meetings_of(text) == [{"عبد القادر بن صالح", "بيتر إلسنر", "ميلان كوفاتش"}]


def test_the_ceremony_included_names_the_ambassadors_who_presented_credentials():
    text = (
        "تسلم رئيس الجمهورية محمد ولد الشيخ الغزواني اليوم أوراق اعتماد سفيرين جديدين لدى موريتانيا.\n"
        "وشملت مراسم الاعتماد سفيرة إيطاليا باولا روسو، وسفير الهند راجيش كومار، أول سفير مقيم لبلاده في"
        " نواكشوط."
    )
    assert meetings_of(text) == [{"محمد ولد الشيخ الغزواني", "باولا روسو", "راجيش كومار"}]


def test_a_verb_with_its_own_subject_then_with_whom_is_a_meeting_of_its_own():
    text = (
        "وقال لافروف مفتتحا لقاءه مع نظيره الجزائري رمطان لعمامرة إنه يتوقع زيارة قريبة.\n"
        "بحث سكرتير مجلس الأمن الروسي، نيكولاي باتروشيف، اليوم الإثنين، مع وزير الخارجية الجزائري، رمطان"
        " لعمامرة، قضايا التعاون الثنائي."
    )
    assert meetings_of(text) == [{"سيرغي لافروف", "رمطان لعمامرة"}, {"نيكولاي باتروشيف", "رمطان لعمامرة"}]


def test_a_joint_press_conference_held_after_a_long_date_is_a_meeting():
    text = (
        "عقدت وزيرة الخارجية نجلاء المنقوش يوم الأحد الموافق 23 مايو من العام الجاري، مؤتمرا صحفيا مشتركا"
        " مع وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني في العاصمة الليبية طرابلس."
    )
    assert meetings_of(text) == [{"نجلاء المنقوش", "محمد بن عبد الرحمن بن جاسم آل ثاني"}]


def test_talks_whose_relative_clause_names_who_held_them_with_whom_are_a_meeting():
    text = (
        "شكلت العلاقات الثنائية محور المحادثات التي أجراها وزير الشؤون الخارجية مراد مدلسي أمس بالجزائر"
        " العاصمة مع نائب وزير الخارجية الروسي ميخائيل بوغدانوف."
    )
    assert meetings_of(text) == [{"مراد مدلسي", "ميخائيل بوغدانوف"}]


def test_talks_he_held_told_in_a_relative_clause_without_its_holder_add_no_one():
    text = (
        "عقد وزير الخارجية الألماني فرانك شتاينماير ونظيره المصري سامح شكري مؤتمرا صحفيا مشتركا في القاهرة."
        " وأوضح شتاينماير أن ملف مكافحة الإرهاب كان محور المحادثات التي أجراها مع الرئيس عبد الفتاح السيسي"
        " صباح اليوم."
    )
    assert {"فرانك فالتر شتاينماير", "سامح شكري"} in meetings_of(text)
    assert all("عبد الفتاح السيسي" not in m or len(m) == 2 for m in meetings_of(text)), meetings_of(text)


def test_a_meeting_told_as_an_aside_of_a_reporting_verb_ends_where_the_words_begin():
    text = (
        "وأضافت وزيرة الخارجية الألمانية أنالينا بيربوك بعد اجتماعها مع وزير الخارجية السعودي، فيصل بن فرحان،"
        " في مدينة جدة، أن كل خطوة نحو الرئيس السوري بشار الأسد يجب أن تستند إلى تنازلات ملموسة."
    )
    assert meetings_of(text) == [{"أنالينا بيربوك", "فيصل بن فرحان"}]


def test_a_minister_telling_of_the_two_presidents_meeting_took_no_part_in_it():
    text = (
        "بحث الرئيس عمر البشير والرئيس عبد الفتاح السيسي العلاقات الثنائية على هامش القمة الأفريقية في أديس"
        " أبابا. وأوضح وزير الخارجية إبراهيم غندور في تصريحات صحفية عقب لقاء الرئيسين أن البلدين سيعززان"
        " التنسيق بينهما."
    )
    assert meetings_of(text) == [{"عمر البشير", "عبد الفتاح السيسي"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "استقبل وزير الخارجية أحمد ناصر المحمد الصباح نظيره القطري محمد بن عبد الرحمن آل ثاني. جدير بالذكر"
            " أن الكويت قادت برئاسة أمير البلاد الشيخ صباح الأحمد مبادرة لتسوية الأزمة الخليجية.",
            [{"أحمد ناصر المحمد الصباح", "محمد بن عبد الرحمن بن جاسم آل ثاني"}],
        ),
        (
            "استقبل رئيس الوزراء مصطفى مدبولي وفدا برئاسة وزير الخارجية السعودي فيصل بن فرحان.",
            [{"مصطفى مدبولي", "فيصل بن فرحان"}],
        ),
    ],
    ids=["led-by", "delegation-headed-by"],
)
def test_headed_by_joins_a_delegation_or_meeting_not_anything_led(text, expected):
    assert meetings_of(text) == expected


def test_a_communique_quoted_after_a_hashtag_tells_the_joint_act_of_the_two():
    text = (
        "افتتحت قطر اليوم مبنى قنصليتها العامة في أربيل.\n"
        'وذكر بيان لحكومة الإقليم تلقت #وكالة_الأخبار نسخة منه أن "رئيس الوزراء مسرور بارزاني والأمين العام'
        ' لوزارة الخارجية القطرية أحمد بن حسن الحمادي، افتتحا مبنى القنصلية العامة في أربيل".'
    )
    assert meetings_of(text) == [{"مسرور بارزاني", "أحمد بن حسن الحمادي"}]


def test_a_delegation_named_in_a_relative_clause_headed_by_and_including_is_received():
    text = (
        "استقبل رئيس الوزراء العراقي سامي الكعبي، اليوم الثلاثاء، الوفد الحكومي الكندي الذي ترأسه منسق"
        " الحكومة السيد مارك تيبو، وضم مستشار وزارة الخارجية السيد بول لافال."
    )
    assert meetings_of(text) == [{"سامي الكعبي", "مارك تيبو", "بول لافال"}]


@pytest.mark.parametrize(
    "text",
    [
        "قال وزير الخارجية الكندي مارك تيبو إن العقوبات رسالة واضحة. جاء ذلك خلال مؤتمر صحفي لتيبو ووزير"
        " الخارجية الإيطالي جوليو فيراري في ختام اجتماع التحالف.",
        "وأوضح الوزير مارك تيبو خلال مؤتمر صحفي له ولنظيره الإيطالي جوليو فيراري أن العقوبات ستستمر.",
    ],
)
def test_a_press_conference_of_two_named_together_is_a_meeting_of_both(text):
    assert meetings_of(text) == [{"مارك تيبو", "جوليو فيراري"}]


def test_a_press_conference_of_one_is_no_meeting():
    text = "وقال الوزير مارك تيبو خلال مؤتمر صحفي للوزير عقب جولته، وأضاف أن بلاده تدعم الحل."
    assert meetings_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "عرض رئيس الجمهورية العماد جوزاف عون مع السفير الياباني كينجي ناكامورا الأوضاع العامة في البلاد.",
        "استعرضت وزيرة الخارجية ريم الهاشمي مع السفير الياباني كينجي ناكامورا مجالات التعاون.",
    ],
)
def test_reviewed_with_someone_is_talks(text):
    [people] = meetings_of(text)
    assert "كينجي ناكامورا" in people and len(people) == 2


def test_offered_with_something_is_no_meeting():
    assert meetings_of("عرض الوزير كريم حداد فيلماً وثائقياً مع مقدمة قصيرة عن تاريخ المدينة.") == []


def test_a_credentials_ceremony_a_palace_saw_takes_its_host_its_place_and_the_envoys_listed_next():
    text = (
        "شهد قصر بعبدا اليوم تقديم أوراق اعتماد ثلاثة سفراء جدد، يشكلون دفعة جديدة من رؤساء البعثات الذين"
        " يقدمون أوراق اعتمادهم لرئيس الجمهورية جوزاف عون. وتضمنت هذه الدفعة سفراء: كندا ماري لويز"
        " تريمبلاي، جمهورية البيرو خوان كارلوس مينديز رويز، جمهورية كوريا كيم سو هيون."
    )
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    [meeting] = facts.meetings
    assert {names[k] for k in meeting.participants} == {
        "جوزاف عون", "ماري لويز تريمبلاي", "خوان كارلوس مينديز رويز", "كيم سو هيون"
    }  # fmt: skip
    assert names[meeting.place] == "قصر بعبدا"
    envoys = {e.label: (e.roles, e.represents) for e in facts.entities if e.type == "Person"}
    assert envoys["خوان كارلوس مينديز رويز"] == (("سفير",), "country:PE")


def test_closing_a_visit_by_holding_bilaterals_is_no_speech_and_the_gathering_of_states_no_party():
    text = (
        "اختتم وزير الخارجية الأردني أيمن الصفدي، مشاركته بالاجتماع الوزاري لدول الاتحاد من أجل المتوسط"
        " بعقد ثلاثة لقاءات ثنائية مع كل من وزراء خارجية الدنمارك واللوكسمبورغ وسلوفينيا."
    )
    assert meetings_of(text) == [
        {"أيمن الصفدي", "الدانمرك"}, {"أيمن الصفدي", "لوكسمبورغ"}, {"أيمن الصفدي", "سلوفينيا"}
    ]


def test_closing_ones_words_with_a_colon_still_reports_them():
    facts = extract("واختتم الوزير أيمن الصفدي كلمته بالقول: إن الحل السياسي هو الطريق الوحيد.", published=DAY)
    assert [s.quote for s in facts.statements] and not facts.meetings


def test_those_also_at_the_welcome_of_the_guest_named_by_his_office_join_the_welcome():
    text = (
        "وصل ولي العهد الأردني الأمير الحسين بن عبدالله إلى الكويت في زيارة رسمية، حيث كان في مقدمة مستقبليه"
        " لدى وصوله المطار الأميري رئيس الوزراء الكويتي الشيخ أحمد العبدالله الصباح. كما كان في استقبال ولي"
        " العهد، كل من رئيس مجلس الأمة أحمد علي السعدون، ووزير الخارجية عبدالله اليحيا."
    )
    assert meetings_of(text) == [
        {"الحسين بن عبد الله الثاني", "أحمد العبدالله الصباح", "أحمد علي السعدون", "عبد الله علي اليحيا"}
    ]


def test_a_delegation_named_by_its_nisba_alone_stands_for_its_country():
    text = "استقبل الرئيس السوري أحمد الشرع اليوم الوفد التركي في قصر الشعب بدمشق."
    assert meetings_of(text) == [{"أحمد الشرع", "تركيا"}]


def test_a_meeting_told_again_with_the_delegation_adds_no_country():
    text = (
        "التقى الرئيس الموريتاني محمد ولد الشيخ الغزواني اليوم رئيس حكومة جزر الكناري فرناندو كلافيخو."
        " واستعرض لقاء الرئيس بالوفد الإسباني العلاقات بين البلدين."
    )
    assert meetings_of(text) == [{"محمد ولد الشيخ الغزواني", "فرناندو كلافيخو"}]


def test_credentials_received_from_each_of_a_list_one_guest_a_line_is_one_ceremony():
    text = (
        "تسلم جلالة الملك حمد بن عيسى آل خليفة ملك البلاد، في احتفال جرى في قصر الصخير اليوم، أوراق اعتماد"
        " ثلاثة سفراء جدد لدى المملكة.\n"
        "فقد تسلم صاحب الجلالة أوراق اعتماد كل من:\n"
        "– سعادة السيد توماس بيرغمان كلاين سفير جمهورية النمسا.\n"
        "– سعادة السيدة آنا ماريا سيلفا سفيرة جمهورية البرتغال.\n"
        "– سعادة السيد كوليبالي دريسا سفير كوت دي فوار.\n"
        "وقد ألقى جلالة الملك كلمة رحب فيها بالسفراء."
    )
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    [meeting] = facts.meetings
    assert {names[k] for k in meeting.participants} == {
        "حمد بن عيسى آل خليفة", "توماس بيرغمان كلاين", "آنا ماريا سيلفا", "كوليبالي دريسا"
    }  # fmt: skip
    envoys = {e.label: e.represents for e in facts.entities if e.type == "Person"}
    assert envoys["توماس بيرغمان كلاين"] == "country:AT" and envoys["كوليبالي دريسا"] == "country:CI"


def test_envoys_received_one_after_another_each_handing_over_credentials_are_received_apart():
    text = (
        "استقبل رئيس الجمهورية، السيد عبد المجيد تبون، أمس، السيدة آنا ماريا سيلفا، التي سلمته أوراق اعتمادها"
        " بصفتها سفيرة مفوضة فوق العادة لجمهورية البرتغال لدى الجزائر. كما استقبل رئيس الجمهورية، السيد"
        " توماس بيرغمان كلاين الذي سلمه أوراق اعتماده بصفته سفيرا مفوضا فوق العادة لجمهورية النمسا لدى الجزائر."
    )
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    assert [{names[k] for k in m.participants} for m in facts.meetings] == [
        {"عبد المجيد تبون", "آنا ماريا سيلفا"}, {"عبد المجيد تبون", "توماس بيرغمان كلاين"}
    ]
    envoys = {e.label: (e.roles, e.represents) for e in facts.entities if e.type == "Person"}
    assert envoys["توماس بيرغمان كلاين"] == (("سفير",), "country:AT")


def test_the_day_a_meeting_told_again_was_held_on_is_its_day():
    text = (
        "ناقش وزير الخارجية الليبي محمد سيالة مع سكرتير مجلس الأمن الروسي نيكولاي باتروشيف عودة الشركات"
        " الروسية. وأفاد المكتب الإعلامي للوزارة أن الاجتماع الذي عقد الأحد ناقش استئناف عمل السفارة."
    )
    [meeting] = extract(text, published=DAY).meetings
    assert meeting.date == dt.date(2024, 3, 10)


def test_the_states_listed_as_taking_part_in_a_meeting_join_it():
    text = (
        "استضافت الرياض اليوم اجتماعا لوزراء الخارجية العرب بشأن سوريا برئاسة وزير الخارجية فيصل بن فرحان."
        " وقد شاركت في الاجتماع خمس دول هي: مصر، الأردن، العراق، لبنان، قطر."
    )
    [people] = meetings_of(text)
    assert {"فيصل بن فرحان", "مصر", "الأردن", "العراق", "لبنان", "قطر"} <= people


@pytest.mark.parametrize(
    "during",
    [
        "وتسلم الوزير خلال اللقاء رسالة خطية من رئيس جمهورية غانا إلى الملك سلمان بن عبدالعزيز.",
        "ونقل الوزير أثناء الاستقبال رسالة شفهية من رئيس غانا إلى الملك سلمان بن عبدالعزيز.",
    ],
    ids=["letter-received-during", "message-passed-during"],
)
def test_a_letter_handed_over_during_the_meeting_told_before_is_no_second_meeting(during):
    text = ("استقبل وزير الخارجية فيصل بن فرحان في مكتبه اليوم وزير خارجية غانا صامويل أوكودزيتو أبلاكوا. "
            + during + " وحضر اللقاء وكيل الوزارة السفير سعد بن ناصر الحربي.")
    [people] = meetings_of(text)
    assert {"فيصل بن فرحان", "صامويل أوكودزيتو أبلاكوا", "سعد بن ناصر الحربي"} <= people
    assert not any("سلمان" in p for p in people)


_ENVOYS_BY_STATE = (
    "استقبل الرئيس عبد المجيد تبون اليوم بقصر المرادية عددا من السفراء الجدد الذين قدموا له أوراق اعتمادهم.\n"
    "السفراء الجدد المعتمدون لدى الجزائر:\n"
    "- هيروشي تاناكا ماتسودا – اليابان\n"
    "- فاطمة زهرة كوليبالي – مالي\n"
    "- خورخي ألبرتو فالديس – الشيلي\n"
)
_ENVOYS_WITH_OFFICE = (
    "أشرف رئيس الجمهورية اليوم على موكب تسليم أوراق اعتماد سفراء جدد لمصر بالخارج.\n"
    "وفيما يلي قائمة سفراء مصر الجدد:\n"
    "*هشام كريم بدوي سفيرا لمصر لدى اليابان\n"
    "*منيرة الحلواني سفيرة لمصر لدى كندا\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_ENVOYS_BY_STATE, {"هيروشي تاناكا ماتسودا": "country:JP", "فاطمة زهرة كوليبالي": "country:ML",
                            "خورخي ألبرتو فالديس": "country:CL"}),
        (_ENVOYS_WITH_OFFICE, {"هشام كريم بدوي": "country:EG", "منيرة الحلواني": "country:EG"}),
    ],
    ids=["name-dash-state", "name-then-own-office"],
)
def test_envoys_listed_one_a_line_under_a_plural_heading_are_the_ceremonys_guests(text, expected):
    facts = extract(text, published=DAY)
    envoys = {e.label: e for e in facts.entities if e.type == "Person"}
    for name, state in expected.items():
        assert envoys[name].represents == state
        assert any(role.startswith("سفير") for role in envoys[name].roles)
    [meeting] = facts.meetings
    assert {envoys[name].key for name in expected} <= set(meeting.participants)


def test_items_under_a_heading_that_names_no_office_are_no_persons():
    text = (
        "استقبل وزير الخارجية أحمد عطاف اليوم نظيره التونسي نبيل عمار.\n"
        "وتناول اللقاء المحاور التالية:\n"
        "- تعزيز التعاون الاقتصادي – تونس\n"
        "- الوضع في ليبيا\n"
    )
    persons = {e.label for e in extract(text, published=DAY).entities if e.type == "Person"}
    assert persons == {"أحمد عطاف", "نبيل عمار"}


def test_a_second_reception_after_a_comma_and_kama_is_a_meeting_of_its_own():
    text = ("واستقبل الرئيس قيس سعيد وزير الخارجية الإيطالي أنطونيو تاياني، "
            "كما استقبل وزير الخارجية الليبي عبد الهادي الحويج.")
    assert sorted(map(sorted, meetings_of(text))) == [
        ["أنطونيو تاياني", "قيس سعيد"], ["عبد الهادي الحويج", "قيس سعيد"],
    ]


def test_the_bare_office_of_the_one_named_before_is_his_though_a_comma_and_another_office_follow():
    text = (
        "استقبل أمير البلاد الشيخ تميم بن حمد آل ثاني اليوم في الديوان الأميري وزير الخارجية التركي هاكان فيدان. "
        "واستقبل سمو الأمير، رئيس مجلس الوزراء الشيخ محمد بن عبدالرحمن بن جاسم آل ثاني، كما استقبل وزير"
        " الدولة للشؤون الخارجية محمد بن عبدالعزيز الخليفي."
    )
    people = meetings_of(text)
    assert len(people) == 3 and all(any("تميم" in p for p in group) for group in people)
    assert any(any("بن جاسم" in p for p in group) for group in people)


def test_a_region_the_guest_tours_is_no_place_of_the_meeting():
    text = ("استقبل الرئيس عبد الفتاح السيسي اليوم وزير الخارجية الياباني يوشيماسا هاياشي، "
            "والذي وصل القاهرة في مستهل جولة في الشرق الأوسط تشمل الأردن.")
    [meeting] = extract(text, published=DAY).meetings
    assert meeting.place != "place:middle-east"


def test_a_reception_the_host_granted_a_guest_in_a_relative_clause_is_theirs():
    text = ("تسلم الرئيس محمد ولد الشيخ الغزواني رسالة خطية من الرئيس السنغالي باسيرو ديوماي فاي. "
            "وجاء ذلك خلال الاستقبال الذي خص به رئيس الجمهورية اليوم بالقصر الرئاسي "
            "وزيرة الخارجية السنغالية عيساتا تال سال، مبعوثة خاصة.")
    [people] = meetings_of(text)
    assert {"محمد ولد الشيخ الغزواني", "عيساتا تال سال"} <= people


def test_a_headline_meeting_of_two_states_is_the_meeting_of_their_ministers_told_below():
    text = (
        "التقى وزير الخارجية المصري بدر عبد العاطي مع نظيره اليوناني يورغوس غيرابيتريتيس على هامش أعمال "
        "الجمعية العامة للأمم المتحدة في نيويورك.\nوأكد الوزيران عمق العلاقات الثنائية بين البلدين. "
        '"لقاء مثمر".. مصر واليونان يبحثان ملفات المنطقة\n'
    )
    [meeting] = extract(text, published=DAY).meetings
    assert {"person:badr-abdelatty"} <= set(meeting.participants)


def test_those_present_listed_one_a_line_under_bihudur_each_with_his_office_join_the_meeting():
    text = (
        "استقبل الوزير الأول المختار ولد أجاي اليوم بمكتبه سفير المملكة المتحدة سايمون بودي.\n"
        "جرى اللقاء بحضور السادة:\n"
        "– تكبر فال بنت أمباركي، مديرة ديوان الوزير الأول\n"
        "– اعل ولد أمخيطير، مستشار الوزير الأول.\n"
    )
    facts = extract(text, published=DAY)
    people = {e.label: e for e in facts.entities if e.type == "Person"}
    assert "مديرة ديوان الوزير الأول" in people["تكبر فال بنت أمباركي"].roles
    [meeting] = facts.meetings
    assert {people["تكبر فال بنت أمباركي"].key, people["اعل ولد أمخيطير"].key} <= set(meeting.participants)
