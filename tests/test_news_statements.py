"""Who said what, as real Arabic news reports it: condemnations, relative clauses, words given during
a call, words after where they were said. Every sentence here is written for these tests; none is
copied from a news site. The article date is Tuesday 12 March 2024.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from kg.api import extract

DAY = dt.date(2024, 3, 12)


def said(text: str) -> list[tuple[list[str], str]]:
    """(speakers' labels, words) of each statement."""
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    return [([names.get(k, k) for k in s.speakers], s.quote) for s in facts.statements]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "أدان المتحدث الرسمي باسم وزارة الخارجية المصرية أحمد أبو زيد بأشد العبارات التفجيرين"
            " الإرهابيين اللذين وقعا في إسطنبول.",
            "أحمد أبو زيد",
            "التفجيرين الإرهابيين اللذين وقعا في إسطنبول",
        ),
        (
            "وأدان المتحدث باسم الخارجية الإيرانية إسماعيل بقائي، العدوان البري والجوي على لبنان.",
            "إسماعيل بقائي",
            "العدوان البري والجوي على لبنان",
        ),
        ("وندد الوزير ناصر بوريطة بالهجوم الإرهابي على المدنيين في مالي.", "ناصر بوريطة", "الهجوم الإرهابي"),
    ],
    ids=["adana-vehemently", "adana-after-comma", "naddada-bi"],
)
def test_what_is_condemned_is_the_condemners_words(text, speaker, words):
    assert any(speaker in " ".join(who) and words in quote for who, quote in said(text))


def test_a_persons_relative_clause_reports_his_words():
    found = said(
        "استقبل الرئيس ميشال عون سفير السعودية وليد بخاري، الذي لفت من قصر بعبدا إلى حرص بلاده على"
        " مساعدة الشعب اللبناني."
    )
    assert (["وليد بخاري"], "حرص بلاده على مساعدة الشعب اللبناني") in found


def test_help_after_ala_is_no_assistants_office():
    facts = extract("وأكد السفير وليد بخاري حرص بلاده على مساعدة الشعب اللبناني في ظروفه الصعبة.", published=DAY)
    assert all("مساعدة" not in role for e in facts.entities for role in e.roles)


def test_words_given_during_a_call_are_the_callers():
    found = said(
        "أجرى السلطان هيثم بن طارق اتصالا هاتفيا بأخيه الشيخ تميم بن حمد آل ثاني أعرب خلاله عن تضامن"
        " سلطنة عمان الكامل مع دولة قطر."
    )
    assert [who for who, quote in found if "تضامن سلطنة عمان" in quote] == [["هيثم بن طارق"]]


def test_words_after_where_they_were_said_start_after_ala():
    found = said(
        "وقد أكدّ الرئيس الجزائري عبد المجيد تبون في رسالته على أهمية إحياء هذه الذكرى التي يجب أن تبقى"
        " منارة للأجيال."
    )
    assert any(quote.startswith("أهمية إحياء هذه الذكرى") for _, quote in found)


def meetings_of(text: str) -> list[tuple[set[str], bool]]:
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    return [({names.get(k, k) for k in m.participants}, m.phone) for m in facts.meetings]


@pytest.mark.parametrize(
    "text",
    [
        "وقال وزير الخارجية التركي مولود جاويش أوغلو خلال مؤتمر صحافي مشترك مع نظيره الكويتي الشيخ صباح"
        " الخالد الصباح إن الزيارة مهمة.",
        "أكد وزير الخارجية التركي مولود جاويش أوغلو أن المنطقة تمر بمرحلة صعبة. وأضاف أوغلو، خلال مؤتمر"
        " صحافي عقده أمس الأحد (18 يناير 2015) مع نظيره الكويتي الشيخ صباح الخالد الصباح، أن الزيارة مهمة.",
    ],
    ids=["joint", "held-with-a-bracketed-day-and-a-surname-alone"],
)
def test_a_press_conference_with_a_counterpart_is_a_meeting_of_both(text):
    [(people, phone)] = meetings_of(text)
    assert people == {"مولود جاويش أوغلو", "صباح خالد الحمد الصباح"} and not phone


def test_a_call_glued_to_its_adjective_is_a_call():
    [(people, phone)] = meetings_of(
        "أجرى وزير الخارجية الليبي محمد الطاهر سيالة اتصالاًهاتفياً بنظيره التركي مولود جاويش أوغلو."
    )
    assert phone and "مولود جاويش أوغلو" in people


def test_a_tanween_typed_for_a_shadda_keeps_the_word_whole():
    found = said("صرًح وزير الخارجية سامح شكري بأن هناك توافقا في الرؤى بين الجانبين.")
    assert found == [(["سامح شكري"], "هناك توافقا في الرؤى بين الجانبين")]


def test_a_participle_in_a_sentence_with_its_own_subject_is_that_subjects():
    found = said(
        "وقال الوزير الإيراني حسين أمير عبد اللهيان إن المؤتمر كان ناجحا. بدوره هنأ ناصر أبوسليم الأمة"
        " الإيرانية بذكرى الثورة، مشيرا إلى أن الأوضاع في غزة مقلقة جدا."
    )
    assert [who for who, quote in found if "الأوضاع في غزة" in quote] == [["ناصر أبوسليم"]]


def test_talks_told_with_all_of_those_called_one_by_one_are_those_calls():
    found = meetings_of(
        "تلقى وزير الخارجية الأردني أيمن الصفدي اتصالات هاتفية من وزيرة خارجية أستراليا بيني وونغ ووزير"
        " خارجية سريلانكا فيجيتا هيرات ورئيسة اللجنة الدولية للصليب الأحمر ميريانا سبولجاريك.\n"
        "وبحث الصفدي مع وونغ وهيرات وسبولجاريك تداعيات التصعيد الخطير في المنطقة."
    )
    assert sorted(len(people) for people, _ in found) == [2, 2, 2]
    assert all(phone for _, phone in found)


def test_his_sovereignty_is_the_speaker_of_parliament_not_his_guest():
    found = said(
        "استقبل رئيس مجلس النواب العراقي محمد الحلبوسي اليوم الممثلة العليا للاتحاد الأوروبي فيديريكا"
        " موغيريني. وبحث سيادته بحضور أعضاء لجنة العلاقات الخارجية العلاقات مع الاتحاد الأوروبي، مشيرا إلى"
        " أن العراق اليوم أفضل بكثير لإقامة علاقات وثيقة."
    )
    assert [who for who, quote in found if "أفضل بكثير" in quote] == [["محمد الحلبوسي"]]


def test_the_two_ministers_by_their_countries_are_the_ministers_named():
    found = said(
        "التقى وزير الخارجية اليمني أحمد عوض بن مبارك نظيره السوري فيصل المقداد في القاهرة. وشدد الوزيران"
        " اليمني والسوري على مكانة العلاقات الأخوية المتميزة التي تربط البلدين."
    )
    [(who, _)] = [(who, quote) for who, quote in found if "مكانة العلاقات" in quote]
    assert set(who) == {"أحمد عوض بن مبارك", "فيصل المقداد"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "وأوضح بيان للخارجية المغربية أن الاجتماع شكل مناسبة لتقييم التعاون الثنائي.",
            "وزارة الشؤون الخارجية المغربية",
        ),
        ("وأفاد بيان صادر عن الرئاسة الموريتانية بأن المباحثات جرت في أجواء ودية وصريحة.", "الرئاسة الموريتانية"),
        ("وذكرت الرئاسة الموريتانية أن المباحثات جرت في أجواء ودية وصريحة.", "الرئاسة الموريتانية"),
    ],
    ids=["statement-of-a-ministry", "statement-issued-by-a-presidency", "a-presidency-by-its-country"],
)
def test_a_statement_a_body_issued_speaks_for_it(text, speaker):
    [(speakers, _words)] = said(text)
    assert speakers == [speaker]


def test_a_body_telling_that_its_head_received_someone_reports_a_meeting_not_words():
    text = (
        'وقال بيان للرئاسة التونسية إن "رئيس الجمهورية قيس سعيد استقبل بقصر قرطاج وزير الخارجية الإيطالي'
        ' أنطونيو تاياني وبحث معه التعاون".'
    )
    facts = extract(text, published=DAY)
    assert not facts.statements
    assert len(facts.meetings) == 1


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "التقى وزير الخارجية الأردني نظيره العراقي في عمان، بحسب ما نشرته وزارة الخارجية الأردنية في بيان. "
            "وأضاف البيان أن الجانبين اتفقا على تسريع العمل في مشروع أنبوب النفط المشترك.",
            "org:jordan-mfa",
            "تسريع العمل في مشروع أنبوب النفط",
        ),
        (
            "أصدرت الرئاسة التونسية بياناً عقب استقبال الوفد الأوروبي. "
            "وأوضح البيان أن تونس ترفض أن تكون حارساً لحدود غيرها.",
            "org:TN-",
            "تونس ترفض أن تكون حارساً",
        ),
    ],
    ids=["in-a-communique-of-hers", "issued-a-communique"],
)
def test_the_communique_as_subject_speaks_for_the_body_that_issued_it(text, speaker, words):
    facts = extract(text, published=dt.date(2023, 9, 14))
    said = [s for s in facts.statements if words in s.quote]
    assert len(said) == 1 and said[0].speakers[0].startswith(speaker), [(s.speakers, s.quote) for s in facts.statements]


def test_a_communique_is_not_given_to_a_country_named_in_the_sentence_before():
    text = (
        "تلقى الرئيس اتصالاً من وزير الخارجية الإيطالي بحثا فيه الأوضاع في ليبيا. "
        "وأوضح البيان أن الرئيس هنأ الوزير بتوليه مهام منصبه الجديد في الحكومة."
    )
    facts = extract(text, published=dt.date(2023, 9, 14))
    assert not any(s.speakers[0] == "country:LY" for s in facts.statements)


@pytest.mark.parametrize(
    "text",
    [
        "وأعرب الوزير التونسي عن تقديره للموقف الجزائري. عطاف بدوره شدد على أن الجزائر ترفض أي تدخل أجنبي في ليبيا.",
        "وأعرب الوزير التونسي عن تقديره للموقف الجزائري. عطاف من جهته أكد أن الجزائر ترفض أي تدخل أجنبي في ليبيا.",
    ],
    ids=["bidawrihi", "min-jihatihi"],
)
def test_for_his_part_between_the_subject_and_the_verb_keeps_the_speaker(text):
    facts = extract(text, published=dt.date(2023, 2, 2))
    said = [s for s in facts.statements if "ترفض أي تدخل أجنبي" in s.quote]
    assert len(said) == 1 and said[0].speakers == ("person:ahmed-attaf",), [s.speakers for s in facts.statements]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("وقال مكتب رئيس الوزراء الإسرائيلي إن الحكومة لن تسمح بتنفيذ الاتفاق في صيغته الحالية.", "لن تسمح بتنفيذ"),
        ("وأكد مكتب رئيس مجلس السيادة السوداني، اليوم، أن الرئيس يتمتع بصحة جيدة ويمارس مهامه.", "يتمتع بصحة جيدة"),
    ],
    ids=["prime-minister", "head-of-state"],
)
def test_the_bureau_of_a_head_of_government_is_a_body_that_speaks(text, words):
    facts = extract(text, published=dt.date(2020, 5, 27))
    said = [s for s in facts.statements if words in s.quote]
    assert len(said) == 1
    speaker = next(e for e in facts.entities if e.key == said[0].speakers[0])
    assert speaker.type == "Organization" and speaker.label.startswith("مكتب رئيس")


def test_a_body_telling_that_a_named_official_met_someone_reports_the_meeting_not_words():
    text = (
        "أعلنت الرئاسة الكينية أن أنطونيو غوتيريش الأمين العام للأمم المتحدة التقى اليوم الأربعاء "
        "الرئيس ويليام روتو في العاصمة نيروبي."
    )
    facts = extract(text, published=dt.date(2023, 5, 3))
    assert not facts.statements
    assert len(facts.meetings) == 1


@pytest.mark.parametrize(
    ("text", "speaker_label", "words"),
    [
        (
            "ووفقاً للمتحدث باسم الرئاسة عبد الكريم يوسف، ركزت المباحثات على دعم الانتخابات الرئاسية في البلاد.",
            "عبد الكريم يوسف",
            "ركزت المباحثات على دعم الانتخابات",
        ),
        (
            "وبحسب المتحدث باسم الخارجية أحمد أبو زيد فإن المباحثات تناولت سبل دعم الحل السياسي في ليبيا.",
            "أحمد أبو زيد",
            "المباحثات تناولت سبل دعم الحل السياسي",
        ),
        ("وبحسب وكالة الأنباء القطرية فإن المباحثات تناولت سبل دعم الحل السياسي في ليبيا.", None, None),
        (
            "ووفق وزارة الخارجية الفرنسية فإن الوزيرين ناقشا الوضع في لبنان، لافتة إلى أن باريس ستستضيف مؤتمراً للدعم.",
            "وزارة الخارجية الفرنسية",
            "الوزيرين ناقشا الوضع في لبنان",
        ),
    ],
    ids=["according-to-a-spokesman", "bihasab-fa-inna", "a-news-agency-is-no-speaker", "up-to-a-participle"],
)
def test_a_sentence_opening_with_according_to_someone_gives_his_words(text, speaker_label, words):
    facts = extract(text, published=dt.date(2016, 6, 20))
    if speaker_label is None:
        assert not facts.statements
        return
    labels = {e.key: e.label for e in facts.entities}
    said = [s for s in facts.statements if words in s.quote]
    assert len(said) == 1 and labels[said[0].speakers[0]] == speaker_label


def test_a_ministry_named_without_its_country_speaks_for_the_country_the_article_is_told_from():
    text = (
        "الجزائر - واج: استقبل وزير الخارجية أحمد عطاف اليوم نظيره الصيني. "
        "وأشارت وزارة الشؤون الخارجية إلى أن الزيارة تندرج في إطار المشاورات المنتظمة بين البلدين."
    )
    facts = extract(text, published=dt.date(2023, 7, 18))
    said = [s for s in facts.statements if "المشاورات المنتظمة" in s.quote]
    assert len(said) == 1
    ministry = next(e for e in facts.entities if e.key == said[0].speakers[0])
    assert ministry.type == "Organization" and ministry.key.startswith("org:DZ-")


def test_a_ministry_without_its_country_in_a_story_from_nowhere_names_no_one():
    text = "وأشارت وزارة الشؤون الخارجية إلى أن الزيارة تندرج في إطار المشاورات المنتظمة بين البلدين."
    facts = extract(text, published=dt.date(2023, 7, 18))
    assert not any(e.type == "Organization" for e in facts.entities)


def test_a_body_telling_that_someone_met_or_called_reports_the_meeting_not_words():
    text = (
        "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالات هاتفية مع نظرائه. "
        "وأشار بيان لوزارة الخارجية الأردنية أن أيمن الصفدي، قد تلقى اتصالاً هاتفياً من نظيره الكوبي."
    )
    facts = extract(text, published=dt.date(2023, 7, 18))
    assert not [s for s in facts.statements if "تلقى اتصالاً" in s.quote]


_CALL = ("تلقى وزير الخارجية الأردني أيمن الصفدي اتصالاً هاتفياً من نظيره العماني بدر البوسعيدي، بحثا خلاله"
         " الأوضاع في غزة. وناقش الوزيران أيضاً الجهود المبذولة لتحقيق هدنة إنسانية. ")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (_CALL + "كما شددا على أهمية العمل الدبلوماسي لحل الأزمة.", "أهمية العمل الدبلوماسي"),
        (_CALL + "وأكدا أن الحل السياسي هو الطريق الوحيد.", "الحل السياسي هو الطريق الوحيد"),
        (
            "استقبل الرئيس التونسي قيس سعيد وزير الخارجية الجزائري أحمد عطاف. واستعرض الجانبان العلاقات"
            " بين البلدين، وأكدا عزمهما المضي في تعزيز التعاون الثنائي.",
            "عزمهما المضي في تعزيز التعاون الثنائي",
        ),
    ],
    ids=["kama-shaddada", "wa-akkada-an", "after-the-two-sides"],
)
def test_a_dual_verb_without_its_subject_gives_the_words_of_both_parties(text, words):
    found = said(text)
    assert any(len(who) == 2 and words in quote for who, quote in found), found


def test_a_dual_verb_after_two_other_people_is_not_the_meetings_parties():
    found = said(
        "استقبل وزير الخارجية العماني بدر البوسعيدي نظيره السوري أسعد الشيباني في مسقط. وسبقت الزيارة جولات"
        " للرئيس السوري ووزير خارجيته في المنطقة، وأكدا أن زمن المحاور قد انتهى."
    )
    assert not any("زمن المحاور" in quote for _, quote in found), found


def test_an_office_with_its_country_before_the_verb_is_its_holder_not_the_country():
    found = said(
        "تلقى أمير الكويت الشيخ صباح الأحمد الجابر الصباح اتصالاً هاتفياً من الرئيس الأمريكي دونالد ترامب."
        " وذكرت الوكالة أن أمير الكويت جدد دعوته للرئيس الأمريكي إلى زيارة الكويت في الربيع المقبل."
    )
    assert any("صباح" in " ".join(who) and "زيارة الكويت" in quote for who, quote in found), found


def test_a_reporting_noun_after_a_verb_that_takes_its_words_directly_opens_them():
    found = said(
        "استقبل وزير الخارجية السعودي الأمير فيصل بن فرحان نظيره الأردني أيمن الصفدي في الرياض. وجدد وزير"
        " الخارجية السعودي، الأمير فيصل بن فرحان، تأكيد موقف المملكة الداعم لإقامة الدولة الفلسطينية المستقلة."
    )
    assert any(who == ["فيصل بن فرحان"] and "الدولة الفلسطينية المستقلة" in quote for who, quote in found), found


@pytest.mark.parametrize(
    "occasion",
    ["جاء ذلك في مؤتمر صحفي عقده ظهر اليوم بمقر الوزارة.", "وجاءت تصريحاته خلال مؤتمر صحفي بمقر الوزارة."],
)
def test_the_paragraph_telling_where_words_were_said_keeps_the_speaker_for_the_next(occasion):
    found = said(
        "قال المتحدث باسم وزارة الخارجية التركية طانجو بيلغيتش إن بلاده ترفض أي إنذار يوجه إليها.\n\n"
        f"{occasion}\n\nوأوضح أن القضاء التركي مستقل ولا يقبل التدخل في أحكامه."
    )
    assert (["طانجو بيلغيتش"], "القضاء التركي مستقل ولا يقبل التدخل في أحكامه") in found, found


def test_why_something_was_done_does_not_keep_the_speaker():
    found = said(
        "قال المتحدث باسم وزارة الخارجية المصرية أحمد حافظ إن الوزير شارك في الاجتماع عبر الفيديو.\n\n"
        "جاء ذلك انطلاقاً من موقف ثابت.\n\nكما تم التأكيد على ضرورة الحل السياسي للأزمة في سوريا."
    )
    assert not any("الحل السياسي" in quote for _, quote in found), found


def test_a_persons_media_bureau_speaks_for_him_and_its_communique_goes_on():
    found = said(
        "نفى المكتب الإعلامي لرئيس الحكومة اللبنانية نجيب ميقاتي الأنباء عن خلاف في لقائه مع وزير خارجية"
        " إيران. واعتبر البيان أن ما نشر مجرد تكهنات لا أساس لها من الصحة."
    )
    assert (["نجيب ميقاتي"], "ما نشر مجرد تكهنات لا أساس لها من الصحة") in found, found


def test_a_platforms_name_in_quote_marks_with_a_dash_is_not_the_words():
    found = said(
        "وكتب المتحدث باسم الخارجية الإيرانية إسماعيل بقائي في منشور على منصة “إكس – تويتر”، إن “زيارة الوزير"
        " إلى بغداد تأتي في إطار المشاورات الإقليمية”."
    )
    assert any("زيارة الوزير إلى بغداد" in quote for _, quote in found), found
    assert not any(quote.startswith(("إكس", "“إكس")) for _, quote in found), found


def test_an_unnamed_spokesperson_is_not_the_one_person_of_his_country_with_another_office():
    found = said(
        "بحث الملك سلمان بن عبد العزيز مع رئيسة الوزراء البريطانية تيريزا ماي العلاقات الثنائية. ونقلت وكالة"
        ' رويترز عن المتحدث باسم الحكومة البريطانية قوله إن "المحادثات تناولت قضايا الأمن والاقتصاد".'
    )
    assert not any("تيريزا ماي" in who for who, _ in found), found


def test_words_quoted_from_an_unnamed_official_are_not_the_last_speakers():
    found = said(
        "قال وزير الخارجية المصري سامح شكري إن بلاده تدعم الحل السياسي في ليبيا. ونقلت الوكالة عن المتحدث"
        " باسم الخارجية الليبية قوله إن المحادثات المقبلة ستعقد في تونس."
    )
    assert not any(who == ["سامح شكري"] and "ستعقد في تونس" in quote for who, quote in found), found


def test_a_ministrys_quoted_report_of_a_call_broken_across_lines_is_the_call_not_words():
    facts = extract(
        "تلقى وزير الخارجية السعودي الأمير فيصل بن فرحان اتصالاً هاتفياً من الأمين العام للأمم المتحدة.\n"
        'وفي بيان لها، قالت وزارة الخارجية السعودية: "تلقى الأمير فيصل بن فرحان\n'
        'اتصالاً هاتفياً من الأمين العام للأمم المتحدة أنطونيو غوتيريش".\n'
        'وأضافت الخارجية: "جرى خلال الاتصال استعراض أوجه التعاون بين المملكة\n'
        'والأمم المتحدة في مجالات التنمية".',
        published=DAY,
    )
    quotes = [s.quote for s in facts.statements]
    assert not any(q.startswith("تلقى") for q in quotes), quotes
    assert any("استعراض أوجه التعاون بين المملكة والأمم المتحدة" in " ".join(q.split()) for q in quotes), quotes


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("أكد السفير البريطاني مايكل آرون دعم بلاده للحكومة اليمنية. كما أشاد بدور الحكومة في تحسين الأوضاع المعيشية.",
         "أشاد بدور الحكومة في تحسين الأوضاع المعيشية"),
        ("وأعرب أمير الكويت عن شكره للرئيس الأمريكي دونالد ترامب. وجدد دعوته للرئيس الأمريكي لزيارة الكويت قريباً.",
         "جدد دعوته للرئيس الأمريكي لزيارة الكويت قريباً"),
        ("أكد وزير الخارجية الإيراني حسين أمير عبد اللهيان دعم بلاده للحوار، مشيداً بجهود سلطنة عمان في إرساء السلام.",
         "مشيداً بجهود سلطنة عمان في إرساء السلام"),
    ],
    ids=["praised", "renewed", "praising"],
)
def test_a_stance_verb_right_before_its_object_is_part_of_the_words(text, words):
    assert any(quote == words for _, quote in said(text)), said(text)


def test_an_aside_on_the_source_between_the_speaker_and_an_does_not_end_the_words():
    found = said(
        "وأكد بيان وزارة الخارجية الروسية، بحسب وكالة “سبوتنيك”، والتي طالعتها “الوسط”، أن المحادثة تناولت"
        " الحاجة إلى تشكيل حكومة ليبية موحدة في أقرب وقت."
    )
    assert any("الحاجة إلى تشكيل حكومة ليبية موحدة" in quote for _, quote in found), found


def test_a_quotation_followed_by_as_he_shared_gives_the_sharers_words():
    found = said(
        "استقبل رئيس الوزراء الإثيوبي آبي أحمد وزير خارجية جيبوتي محمود علي يوسف. “رحبت بوزير خارجية جيبوتي في"
        " مكتبي هذا الصباح، وقد حمل رسالة من الرئيس جيله”، بحسبما شارك رئيس الوزراء عبر حسابه على منصة إكس."
    )
    assert any(who == ["آبي أحمد"] and "حمل رسالة من الرئيس جيله" in quote for who, quote in found), found


def test_the_communique_of_another_body_is_not_the_last_speakers():
    found = said(
        "وأعرب الرئيس الصومالي حسن شيخ محمود عن تقديره لدور الاتحاد الأوروبي في دعم بلاده. وأوضح البيان"
        " الأوروبي أن المحادثات شملت الأمن والانتخابات المقبلة في الصومال."
    )
    assert not any(who == ["حسن شيخ محمود"] and "الانتخابات المقبلة" in quote for who, quote in found), found


@pytest.mark.parametrize("announcement", ["جاء نصه على هذا النحو :", "وفيما يلي نصه:"])
def test_a_line_announcing_a_statements_text_gives_the_text_below_to_its_author(announcement):
    found = said(
        "عممت إدارة الإعلام بوزارة الخارجية السودانية تصريحاً لوزير الخارجية المكلف السفير علي الصادق –"
        f" {announcement}\n\nيؤيد السودان مبدأ الصين الواحدة ويعد تايوان جزءاً لا يتجزأ من التراب الصيني."
    )
    assert any(who == ["علي الصادق"] and "مبدأ الصين الواحدة" in quote for who, quote in found), found


@pytest.mark.parametrize("later", ["", " وهنأ الشيخ خليفة بن زايد آل نهيان الشعب الهندي بالعيد."])
def test_bin_and_the_fathers_name_alone_are_the_one_named_with_them_before(later):
    found = said(
        "تلقى الشيخ محمد بن زايد آل نهيان اتصالاً هاتفياً من رئيس وزراء الهند ناريندرا مودي. وقال بن زايد في"
        " تغريدة عبر حسابه: “ناقشنا خلال الاتصال مسار العلاقات الثنائية بين البلدين”." + later
    )
    assert (["محمد بن زايد آل نهيان"], "ناقشنا خلال الاتصال مسار العلاقات الثنائية بين البلدين") in found, found


@pytest.mark.parametrize("colon", [": ", ". : ", "، وجاء فيها: "])
def test_a_call_a_minister_tells_of_in_the_first_person_in_his_quoted_post(colon):
    text = (
        "وقال وزير الخارجية الإيراني علي باقري كني في تدوينة له على منصة إكس تابعتها وكالتنا"
        f"{colon}“تلقيت اتصالاً هاتفياً من وزير الخارجية الروسي سيرغي لافروف، واستعرضنا معاً البرامج الثنائية”."
    )
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    assert [({names[k] for k in m.participants}, m.phone) for m in facts.meetings] == [
        ({"علي باقري كني", "سيرغي لافروف"}, True)
    ]
    assert any("واستعرضنا معاً البرامج الثنائية" in s.quote for s in facts.statements)


def test_a_meeting_someone_else_tells_of_in_quoted_words_is_still_speech():
    facts = extract(
        "وقال المحلل السياسي في مقال: “التقى الرئيسان مرات كثيرة دون نتيجة، ولن يغير لقاء جديد شيئاً”.",
        published=DAY,
    )
    assert facts.meetings == ()


def test_a_speech_announced_after_its_speaker_is_his_words_below():
    found = said(
        "وفي مؤتمر صحافي مشترك، ألقى الرئيس اللبناني جوزاف عون مع رئيس قبرص الكلمة الآتية:\n"
        "\"إن العلاقات بين بلدينا قديمة قدم البحر الذي يجمعنا، وسنعمل معاً من أجل السلام في المنطقة\"."
    )
    assert any(
        speakers == ["جوزاف عون"] and words.startswith("إن العلاقات بين بلدينا") for speakers, words in found
    ), found


@pytest.mark.parametrize("passive", ["جرى تأكيد", "تم التأكيد على"])
def test_a_reporting_noun_after_a_passive_verb_is_inside_the_words_not_a_new_speaker(passive):
    found = said(
        "وقال السفير سامي الخطيب، المتحدث باسم وزارة الخارجية، إنه خلال اللقاء"
        f" {passive} أهمية انعقاد اللجنة العليا المشتركة قبل نهاية العام."
    )
    assert any(speakers == ["سامي الخطيب"] and "انعقاد اللجنة العليا" in words for speakers, words in found), found


def test_a_name_closed_by_ali_before_the_comma_of_his_office_speaks():
    found = said("أكد السفير حسين عوض علي، وزير الخارجية المكلف، أن القوات المسلحة قادرة على دحر التمرد.")
    assert found and found[0][0] == ["حسين عوض علي"], found


@pytest.mark.parametrize("opening", ["وأكدت رئاسة الجمهورية في بيان", "وقال بيان صادر عن رئاسة الجمهورية"])
def test_the_presidency_with_no_country_is_that_of_the_country_the_story_is_told_from(opening):
    facts = extract(
        f"تونس (وات) - {opening} إن الرئيس التونسي قيس سعيد تلقى اتصالاً هاتفياً من الرئيس الجزائري.",
        published=DAY,
    )
    presidency = next(e for e in facts.entities if e.type == "Organization" and e.label == "رئاسة الجمهورية")
    assert presidency.key.startswith("org:TN-")


def test_the_russian_diplomat_is_the_spokeswoman_the_article_named():
    found = said(
        "قالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن العقوبات تعرقل إعادة الإعمار. وأشارت"
        " الدبلوماسية الروسية إلى أن موسكو تواصل تقديم المساعدات الإنسانية إلى مختلف المحافظات."
    )
    assert (["ماريا زاخاروفا"], "موسكو تواصل تقديم المساعدات الإنسانية إلى مختلف المحافظات") in found, found


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "وأبرز الرئيس قيس سعيد أهمية توثيق علاقات التعاون بين تونس وإيران في كل المجالات.",
            "قيس سعيد",
            "أهمية توثيق علاقات التعاون",
        ),
        (
            "وأكد الوزير أحمد عطاف حرص بلاده على التعاون، كما أبرز ضرورة الدفع بالعلاقات الاقتصادية إلى مستوى أعلى.",
            "أحمد عطاف",
            "ضرورة الدفع بالعلاقات الاقتصادية",
        ),
        (
            "واستقبل الوزير خالد السديري السفير الجديد، مبرزا حرص بلاده على توثيق الروابط التي تجمع البلدين.",
            "خالد السديري",
            "حرص بلاده على توثيق الروابط",
        ),
        (
            "واستقبل الوزير خالد السديري السفير الجديد، معبرا عن أمله في توثيق الروابط التي تجمع البلدين.",
            "خالد السديري",
            "أمله في توثيق الروابط",
        ),
    ],
    ids=["abraza-subject", "kama-abraza", "mubrizan", "muabbiran-an"],
)
def test_abraza_with_its_subject_and_the_participles_of_abraza_and_abbara_report_words(text, speaker, words):
    found = said(text)
    assert any(speaker in speakers and words in quote for speakers, quote in found), found


def test_words_before_kama_abraza_end_before_the_as_well():
    found = said(
        "وأكد الوزير أحمد عطاف حرص بلاده على التعاون، كما أبرز ضرورة الدفع بالعلاقات الاقتصادية إلى مستوى أعلى."
    )
    assert [quote for _, quote in found] == ["حرص بلاده على التعاون", "ضرورة الدفع بالعلاقات الاقتصادية إلى مستوى أعلى"]


def test_abraz_as_the_most_prominent_reports_nothing():
    assert said("وبحث الوزير أحمد عطاف مع نظيره أبرز القضايا الإقليمية والدولية ذات الاهتمام المشترك.") == []


@pytest.mark.parametrize(
    ("text", "speakers", "words"),
    [
        (
            "استقبل وزير الخارجية أيمن الصفدي نظيره العماني بدر البوسعيدي. واستعرض الوزيران الاستعدادات"
            " لعقد القمة العربية، مؤكدين ضرورة تعزيز العمل العربي المشترك.",
            {"أيمن الصفدي", "بدر بن حمد البوسعيدي"},
            "ضرورة تعزيز العمل العربي المشترك",
        ),
        (
            "والتقى الرئيس عبد المجيد تبون سفراء ألمانيا وإيطاليا وإسبانيا، الذين أعربوا عن ارتياحهم للعلاقات"
            " مع الجزائر، معبرين في ذات الوقت عن استعدادهم التام للعمل على تعزيزها.",
            {"ألمانيا", "إيطاليا", "إسبانيا"},
            "استعدادهم التام للعمل على تعزيزها",
        ),
    ],
    ids=["two-ministers", "ambassadors"],
)
def test_a_plural_participle_speaks_for_the_group_never_for_one_person(text, speakers, words):
    found = said(text)
    assert any(set(who) == speakers and words in quote for who, quote in found), found


def test_a_plural_participle_after_one_speaker_gives_no_words():
    found = said("وقال الرئيس محمود عباس إن السلام ممكن إذا توفرت الإرادة، مؤكدين دعمهم للحل العادل.")
    assert all("دعمهم للحل" not in quote for _, quote in found), found


def test_an_everyday_noun_in_ta_after_a_given_name_is_no_surname():
    found = said("من جانبه، أبرز السفير حسام الدين الأهمية الكبيرة التي توليها مصر للعلاقات مع جيبوتي.")
    assert found == [(["حسام الدين"], "الأهمية الكبيرة التي توليها مصر للعلاقات مع جيبوتي")], found


PRESSER_TRANSCRIPT = (
    "عقد وزير الخارجية أيمن الصفدي ونظيره المصري سامح شكري مؤتمرا صحفيا مشتركا في عمان.\n"
    "الصفدي: تعاملنا مع أستانا كجهد لوقف العمليات العسكرية في سوريا.\n"
    "القدس بالنسبة لنا ذات أهمية قصوى.\n"
    "شكري: مصر حريصة على أن تبقى علاقتها مع الأردن في أفضل حال.\n"
    "وقال الصفدي في ختام المؤتمر إن اللقاء كان مثمرا جدا."
)

REMARKS_TRANSCRIPT = (
    "وزارة الخارجية\nتصريحات\nوزير الخارجية أنتوني بلينكن\nواشنطن العاصمة\n\n"
    "الوزير بلينكن: صباح الخير للجميع. يسرني أن أستقبل صديقي وزير الخارجية المغربي ناصر بوريطة هنا.\n\n"
    "سنحظى اليوم بفرصة مناقشة عدد من القضايا في المنطقة.\n\n"
    "الوزير بوريطة: شكرا جزيلا، تجمعنا بالولايات المتحدة شراكة طويلة."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PRESSER_TRANSCRIPT,
            [
                (["أيمن الصفدي"], "تعاملنا مع أستانا كجهد لوقف العمليات العسكرية في سوريا"),
                (["أيمن الصفدي"], "القدس بالنسبة لنا ذات أهمية قصوى"),
                (["سامح شكري"], "مصر حريصة على أن تبقى علاقتها مع الأردن في أفضل حال"),
                (["أيمن الصفدي"], "اللقاء كان مثمرا جدا"),
            ],
        ),
        (
            REMARKS_TRANSCRIPT,
            [
                (["أنتوني بلينكن"], "صباح الخير للجميع"),
                (["أنتوني بلينكن"], "يسرني أن أستقبل صديقي وزير الخارجية المغربي ناصر بوريطة هنا"),
                (["أنتوني بلينكن"], "سنحظى اليوم بفرصة مناقشة عدد من القضايا في المنطقة"),
                (["ناصر بوريطة"], "شكرا جزيلا، تجمعنا بالولايات المتحدة شراكة طويلة"),
            ],
        ),
    ],
    ids=["surnames", "offices-lines-run-together"],
)
def test_a_transcript_gives_each_turn_to_the_person_its_label_names(text, expected):
    assert said(text) == expected


def test_a_transcript_turn_is_quoted_speech():
    facts = extract(PRESSER_TRANSCRIPT, published=DAY)
    assert [s.direct for s in facts.statements] == [True, True, True, False]


@pytest.mark.parametrize(
    "text",
    [
        # a section's heading: the person is told of in the narration after it
        "رحب الرئيس جوزاف عون بالخطة الأميركية.\n\nالرئيس نواف سلام: إلى ذلك، عرض الرئيس عون مع رئيس"
        " مجلس الوزراء نواف سلام الأوضاع العامة في البلاد.",
        # a name and a colon inside a line: no transcript
        "ورحب الرئيس جوزاف عون بالخطة الأميركية. وفي لقاء آخر مع الرئيس نواف سلام: عرض الأوضاع العامة في البلاد.",
    ],
    ids=["heading", "inside-a-line"],
)
def test_a_name_and_colon_that_label_no_turn_give_no_words(text):
    assert all("عرض" not in quote for _, quote in said(text)), said(text)


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "وفي خطاب ألقاه في روما، اتهم وزير الخارجية الأمريكي مايك بومبيو روسيا بإثارة عدم الاستقرار في ليبيا.",
            "مايك بومبيو",
            "روسيا بإثارة عدم الاستقرار في ليبيا",
        ),
        (
            "وشكر الوزير ماركو روبيو الشيخ عبد الله بن زايد على المساعدات، وسلط الضوء على ضرورة ضمان وقف"
            " إطلاق النار في غزة.",
            "ماركو روبيو",
            "ضرورة ضمان وقف إطلاق النار في غزة",
        ),
    ],
    ids=["ittahama", "sallata-aldaw"],
)
def test_accusing_and_drawing_attention_report_words(text, speaker, words):
    found = said(text)
    assert any(speaker in who and quote == words for who, quote in found), found


def test_accused_in_the_passive_reports_nothing():
    assert said("واتهم الرئيس بالفساد في قضية أخرى أمام المحكمة العليا.") == []


def test_a_stance_taken_after_where_it_was_taken_ends_at_the_next_clause():
    found = said(
        "استقبل الرئيس جورج ويا في مونروفيا وزير الدولة للشؤون الأفريقية أحمد قطان.\n"
        "وأبدى فخامته خلال الاستقبال دعم بلاده لطلب المملكة استضافة المعرض الدولي في الرياض، فيما ثمن"
        " معاليه هذا الموقف الإيجابي من جانب ليبيريا."
    )
    assert found == [
        (["جورج ويا"], "خلال الاستقبال دعم بلاده لطلب المملكة استضافة المعرض الدولي في الرياض"),
        (["أحمد قطان"], "هذا الموقف الإيجابي من جانب ليبيريا"),
    ], found


LETTER_COMMUNIQUE = (
    "بغداد - العراق اليوم:\n\n"
    "تسلم رئيس الجمهورية عبد اللطيف جمال رشيد رسالة خطية من رئيس الجمهورية الإيرانية إبراهيم رئيسي تضمنت"
    " دعوة لزيارة طهران.\n\n"
    'وأضاف البيان، "وأعرب الرئيس عن شكره واعتزازه بالدعوة الكريمة، مؤكدا تلبيتها في أقرب فرصة ممكنة، كما'
    ' عبر فخامته عن سعادته بالاتفاق بين البلدين الجارين على استئناف العلاقات بينهما".'
)


def test_a_quoted_communique_reports_what_the_office_it_names_said_and_the_participle_after():
    found = said(LETTER_COMMUNIQUE)
    assert found == [
        (["عبد اللطيف جمال رشيد"], "شكره واعتزازه بالدعوة الكريمة"),
        (["عبد اللطيف جمال رشيد"], "تلبيتها في أقرب فرصة ممكنة"),
        (["عبد اللطيف جمال رشيد"], "سعادته بالاتفاق بين البلدين الجارين على استئناف العلاقات بينهما"),
    ], found


def test_a_plural_participle_opening_the_article_with_no_speaker_before_gives_no_words():
    assert said("مؤكدين دعمهما للحكومة العراقية في جهودها لتثبيت الأمن وترسيخ الاستقرار.") == []


PRESS_RELEASE = (
    "وزارة الخارجية الأمريكية\nبيان صحفي\nالمتحدث باسم وزارة الخارجية نيد برايس\n22 آب/أغسطس 2022\n\n"
    "تشعر الولايات المتحدة بقلق بالغ إزاء التوتر المتصاعد في طرابلس. ندعو كافة الأطراف إلى ضبط النفس.\n\n"
    "للاطلاع على النص الأصلي: https://www.example.org/statement\n"
)


def test_a_press_release_under_its_spokesmans_name_is_his_words():
    assert said(PRESS_RELEASE) == [
        (["نيد برايس"], "تشعر الولايات المتحدة بقلق بالغ إزاء التوتر المتصاعد في طرابلس"),
        (["نيد برايس"], "ندعو كافة الأطراف إلى ضبط النفس"),
    ]


def test_a_country_described_is_no_speaker_and_whereupon_ends_the_words_before():
    found = said(
        "وثمنت السفيرة الأمريكية الجديدة كينياتا اكريشت الدور البارز الذي تلعبه موريتانيا في منطقة الساحل،"
        " حيث وصفت موريتانيا بأنها شريك مهم للولايات المتحدة."
    )
    assert found == [
        (["كينياتا اكريشت"], "الدور البارز الذي تلعبه موريتانيا في منطقة الساحل"),
        (["كينياتا اكريشت"], "شريك مهم للولايات المتحدة"),
    ], found


def test_according_to_a_statement_by_an_office_then_its_holder_gives_his_words_and_the_statement_goes_on():
    found = said(
        "وحسب بيان لوزير الاتصال الناطق الرسمي باسم الحكومة، السيد مصطفى الخلفي، فإن هذه العبارات صدرت عن ممثل"
        " معروف بعدائه للمملكة. وأوضح البيان أن الحكومة تعمل دائما على تعزيز العلاقات الثنائية مع فرنسا."
    )
    assert found == [
        (["مصطفى الخلفي"], "هذه العبارات صدرت عن ممثل معروف بعدائه للمملكة"),
        (["مصطفى الخلفي"], "الحكومة تعمل دائما على تعزيز العلاقات الثنائية مع فرنسا"),
    ], found


def test_a_stance_a_quoted_communique_reports_of_the_one_it_names():
    found = said(
        "أجرى الملك محمد السادس اليوم اتصالا هاتفيا مع العاهل الأردني الملك عبد الله الثاني.\n"
        "وكشف بلاغ للديوان الملكي أن الملك اطمأن في هذا الاتصال على الأوضاع في الأردن.\n"
        "و”جدد الملك بهذه المناسبة تضامنه التام والطبيعي مع الأردن الشقيق ودعمه الكامل لكل القرارات التي"
        " اتخذها العاهل الأردني لاستتباب الأمن”."
    )
    assert any(who == ["محمد السادس"] and "تضامنه التام والطبيعي مع الأردن" in quote for who, quote in found), found


_PRINTED = (
    "قال وزير الخارجية الأردني أيمن الصفدي أمس إن الأولوية الآن هي التوصل إلى وقف دائم لإطلاق النار في"
    " القطاع، وذلك ردا على سؤال عن فرص استئناف المفاوضات. وكان الوزير قد قال في العام الماضي إنه لا يمكن"
    " الحديث عن أي تسوية قبل انسحاب القوات من المدن. ومن جهة أخرى قال الصفدي في مؤتمر صحفي بعمان إن هناك"
    " حاجة للعودة إلى طاولة الحوار فيما يتعلق بملف المياه، مؤكدا على أهمية أن تتعاون دمشق بشكل كامل مع"
    " اللجان الفنية المشتركة. وأضاف الصفدي أن بلاده تثمن التوافق القائم مع مصر حيال هذه القضية، وأن"
    " التنسيق بين البلدين سيستمر في الأشهر المقبلة بما يخدم مصالح الشعبين الشقيقين ويعزز أمن المنطقة."
)


def test_a_page_printed_at_a_fixed_width_keeps_its_sentences_whole():
    text = "\n".join(textwrap.wrap(_PRINTED, width=70))
    assert len(text.splitlines()) >= 8
    quotes = [words for _speakers, words in said(text)]
    assert any("الأولوية الآن هي التوصل إلى وقف دائم لإطلاق النار" in q for q in quotes), quotes
    assert any("تثمن التوافق القائم مع مصر حيال هذه القضية" in q for q in quotes), quotes


@pytest.mark.parametrize(
    "text",
    [
        "ويضيف الوزير سهيل المزروعي: «التعاون العربي هو السبيل الوحيد لضمان استقرار المنطقة».",
        "وتضيف الوزيرة ريم الهاشمي أن التعاون العربي هو السبيل الوحيد لضمان استقرار المنطقة.",
    ],
)
def test_adds_in_the_present_tense_reports_words(text):
    [(_speakers, words)] = said(text)
    assert "التعاون العربي هو السبيل الوحيد" in words


@pytest.mark.parametrize(
    "text",
    [
        "سهيل المزروعي، المستشار السياسي لرئيس الدولة، يقول عبر حسابه على منصة إكس: «التضامن العربي"
        " ثابت من ثوابت سياستنا».",
        "سهيل المزروعي، وزير الطاقة الإماراتي، قال إن التضامن العربي ثابت من ثوابت سياستنا.",
    ],
)
def test_a_subject_named_then_set_off_with_his_office_before_the_verb_speaks(text):
    [(speakers, words)] = said(text)
    assert speakers == ["سهيل المزروعي"] and "التضامن العربي" in words


def test_one_named_with_his_office_after_with_is_not_the_subject_of_the_verb_after():
    text = (
        "أجرى وزير الخارجية العماني خالد الهنائي اتصالاً هاتفياً مع الدكتور سامي الكعبي، وزير خارجية"
        " العراق، أعرب فيه عن تضامن بلاده مع العراق."
    )
    assert all("سامي الكعبي" not in speakers for speakers, _words in said(text))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "وأعرب الوزير أيمن الصفدي عن تقديره للجزائر، مثنيا على الدور المحوري الذي تضطلع به في المنطقة.",
            "الدور المحوري الذي تضطلع به في المنطقة",
        ),
        (
            "وردا على سؤال، أجاب المتحدث باسم الخارجية الصينية وانغ ون بين بأن الصين لا تتدخل في الشؤون الداخلية.",
            "الصين لا تتدخل في الشؤون الداخلية",
        ),
    ],
)
def test_praising_and_answering_report_words(text, words):
    assert any(words in quote for _speakers, quote in said(text))


def test_a_participle_after_what_someone_else_will_do_goes_on_with_the_speaker():
    text = (
        "وأكد نائب وزير الخارجية الروسي ميخائيل بوغدانوف، أن سفير روسيا في ليبيا أيدار أغانين، سيتوجه إلى"
        " طرابلس، مشيراً إلى أن البعثة الدبلوماسية الروسية تعتزم استئناف عملها بشكل كامل."
    )
    found = {quote: speakers for speakers, quote in said(text)}
    [speakers] = [s for q, s in found.items() if "البعثة الدبلوماسية الروسية" in q]
    assert speakers == ["ميخائيل بوغدانوف"]


def test_a_participle_speaks_for_the_verbs_subject_not_for_the_one_met_in_an_opening_phrase():
    text = (
        "في لقائه مع نظيره السعودي فيصل بن فرحان، بحث وزير الخارجية السوري أسعد الشيباني العلاقات الثنائية،"
        " مؤكداً ضرورة الحفاظ على وحدة الأراضي السورية."
    )
    [speakers] = [s for s, q in said(text) if "وحدة الأراضي السورية" in q]
    assert speakers == ["أسعد حسن الشيباني"]


def test_words_told_during_a_call_are_the_callers_and_the_one_called_is_a_party():
    text = (
        "أكد وزير الخارجية التونسي نبيل عمّار استعداد بلاده لتعزيز تمثيلها. وبحسب بيان للخارجية التونسية فقد"
        " أجرى عمار مكالمة هاتفية مع وزير الخارجية السوري فيصل المقداد عبّر فيها عن تضامن تونس الكامل مع"
        " الشعب السوري في محنته."
    )
    facts = extract(text, published=DAY)
    names = {e.key: e.label for e in facts.entities}
    [call] = facts.meetings
    assert {names[k] for k in call.participants} == {"نبيل عمار", "فيصل المقداد"}
    [speakers] = [s.speakers for s in facts.statements if "تضامن تونس الكامل" in s.quote]
    assert [names[k] for k in speakers] == ["نبيل عمار"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير أيمن الصفدي – خلال اللقاء الذي حضره عدد من السفراء – إن ” سفراءنا في الخارج جزء مهم من"
        " نجاح الأردن .. فهم حلقة وصل بين الأردن ودول العالم “.",
        "وقال الوزير أيمن الصفدي – خلال اللقاء الذي حضره عدد من السفراء – إن ” سفراءنا في الخارج جزء مهم من"
        " نجاح الأردن .. فهم حلقة وصل بين الأردن ودول العالم .",
    ],
    ids=["marks-the-wrong-way-round", "left-open"],
)
def test_words_after_an_aside_in_dashes_and_a_mark_that_opens_them_are_his_whole(text):
    [(speakers, words)] = said(text)
    assert speakers == ["أيمن الصفدي"]
    assert words.startswith("سفراءنا") and "حلقة وصل بين الأردن ودول العالم" in words


def test_words_told_during_a_call_received_from_someone_are_the_callers():
    text = (
        "تلقى رئيس الوزراء سامي الكعبي اتصالاً هاتفياً من وزير الخارجية الإيطالي جوليو فيراري أدان خلاله"
        " الهجوم، مؤكداً تضامن بلاده الكامل مع العراق."
    )
    [speakers] = [s for s, q in said(text) if "تضامن بلاده الكامل" in q]
    assert speakers == ["جوليو فيراري"]


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "استقبل وزير الخارجية سالم الهاشمي السفير الإيطالي في مكتبه. وقال إن بلاده تتطلع إلى شراكة أوسع مع"
            " روما.",
            "سالم الهاشمي",
            "بلاده تتطلع إلى شراكة أوسع",
        ),
        (
            "ألقى رئيس الوزراء خالد العمري كلمة في افتتاح المنتدى. وقال في ختام كلمته إن الحكومة ماضية في"
            " الإصلاحات.",
            "خالد العمري",
            "الحكومة ماضية في الإصلاحات",
        ),
        (
            "التقى الرئيس كمال سعدون وفدا برلمانيا. وجرى خلال اللقاء بحث التعاون. كما أشاد بالدور الذي يقوم"
            " به البرلمانيون في دعم العلاقات.",
            "كمال سعدون",
            "بالدور الذي يقوم به البرلمانيون",
        ),
    ],
    ids=["wa-qala-inna", "after-where-he-spoke", "kama-ashada-bi"],
)
def test_a_verb_with_no_subject_opening_its_sentence_goes_on_with_the_one_told_of(text, speaker, words):
    assert any(speaker in " ".join(who) and words in quote for who, quote in said(text))


@pytest.mark.parametrize(
    "text",
    [
        # the words are about him: a spokesman tells them
        "استقبل الرئيس كمال سعدون السفير الإيطالي. وأضاف أن الرئيس سعدون تلقى دعوة لزيارة روما قريبا.",
        # a site reports, and may go on reporting
        "قال موقع إخباري أمريكي إن الوزير سالم الهاشمي استضاف اجتماعا افتراضيا. وأضاف أن الاجتماع ضم"
        " وزراء من عشر دول.",
        # a feminine verb: a body speaks, not the man the sentence before was about
        "استقبل الرئيس كمال سعدون السفير الإيطالي. وأشارت إلى أن العلاقات بين البلدين متينة وراسخة.",
        # a subject no list knows stands after the verb
        "استقبل الرئيس كمال سعدون السفير الإيطالي. وقال مكتبه الإعلامي في بيان إن اللقاء تناول العلاقات.",
    ],
    ids=["words-about-him", "a-site-reports", "feminine-verb", "unknown-subject"],
)
def test_a_verb_with_no_subject_is_not_given_to_the_one_told_of_when_the_text_says_otherwise(text):
    assert not any("سعدون" in label or "الهاشمي" in label for who, _ in said(text) for label in who)


@pytest.mark.parametrize(
    ("text", "speakers", "words"),
    [
        (
            "التقى وزير الخارجية أيمن الصفدي نظيريه المصري سامح شكري والعراقي فؤاد حسين في نيويورك. وأكد"
            " الوزراء الثلاثة أهمية التنسيق بين الدول الثلاث.",
            {"أيمن الصفدي", "سامح شكري", "فؤاد حسين"},
            "أهمية التنسيق بين الدول الثلاث",
        ),
        (
            "عقد وزراء خارجية مصر والأردن والعراق أيمن الصفدي وسامح شكري وفؤاد حسين اجتماعا في نيويورك. وأكد"
            " وزراء خارجية الدول الثلاث أهمية التعاون الوثيق بين دولهم.",
            {"أيمن الصفدي", "سامح شكري", "فؤاد حسين"},
            "أهمية التعاون الوثيق",
        ),
        (
            "تسلم الرئيس عادل منصور أوراق اعتماد سفير اليابان تاكيشي ناكامورا، وسفيرة رومانيا أوليفيا تودريان."
            " وخلال مراسم تقديم أوراق اعتمادهم، أعرب السفراء الجدد عن تطلعهم إلى توطيد العلاقات.",
            {"تاكيشي ناكامورا", "أوليفيا تودريان"},
            "تطلعهم إلى توطيد العلاقات",
        ),
    ],
    ids=["the-three-ministers", "ministers-of-the-three-states", "the-new-ambassadors"],
)
def test_an_office_in_the_plural_speaks_for_those_of_the_meeting_at_hand(text, speakers, words):
    assert any(set(who) == speakers and quote.startswith(words) for who, quote in said(text)), said(text)


def test_words_after_a_colon_that_tell_of_the_speaker_himself_are_his():
    found = said("وكتب الرئيس حسن شيخ محمود على حسابه في منصة إكس: لقد حذرت سابقا من خطر تسييس الأمن.")
    assert any("حسن شيخ محمود" in " ".join(who) and "حذرت سابقا من خطر تسييس الأمن" in quote for who, quote in found)


def test_an_office_in_the_plural_that_names_its_states_speaks_for_their_ministers():
    found = said(
        "أجرى الوزير أيمن الصفدي اتصالين مع وزيرة خارجية أستراليا بيني وونغ ووزير خارجية سريلانكا فيجيثا"
        " هيراث. وأكد وزراء خارجية أستراليا وسريلانكا تضامنهم مع الأردن."
    )
    assert any(set(who) == {"بيني وونغ", "فيجيثا هيراث"} and quote.startswith("تضامنهم") for who, quote in found)


def test_an_office_in_the_plural_told_something_does_not_speak():
    found = said("استقبل الرئيس حسن شيخ محمود سفراء عدة دول. وأكد الرئيس للسفراء أهمية دورهم في حل المشاكل.")
    assert [who for who, _ in found] == [["حسن شيخ محمود"]]


def test_a_heading_naming_the_speaker_then_his_words_one_a_bullet_each():
    text = (
        "وزير الخارجية المصري بدر عبد العاطي خلال مؤتمر صحفي مع نظيره الأردني أيمن الصفدي في القاهرة:\n"
        "▪️ نرفض أي محاولة لتهجير الفلسطينيين من أرضهم\n"
        "▪️ ندعو إلى وقف فوري لإطلاق النار في غزة\n"
        "الوزير الأردني: التنسيق بين البلدين في أعلى مستوياته\n"
        "▪️ سنواصل العمل مع مصر لإيصال المساعدات\n"
    )
    found = said(text)
    by_words = {words[:20]: speakers for speakers, words in found}
    assert any("بدر عبد العاطي" in s for s in by_words["نرفض أي محاولة لتهجير"[:20]])
    assert any("بدر عبد العاطي" in s for s in by_words["ندعو إلى وقف فوري لإ"])
    assert any("أيمن الصفدي" in s for s in by_words["التنسيق بين البلدين "])
    assert any("أيمن الصفدي" in s for s in by_words["سنواصل العمل مع مصر "])


def test_a_heading_that_reports_with_a_verb_is_not_read_as_a_speakers_label():
    text = (
        "وقال وزير الخارجية بدر عبد العاطي إن بلاده ترفض التهجير، وأضاف أن المحادثات تناولت ما يلي:\n"
        "- الوضع الإنساني في غزة\n"
        "- إعادة الإعمار\n"
    )
    assert not any(words.startswith("الوضع الإنساني") for _, words in said(text))


def test_an_honorific_pronoun_is_the_one_the_story_calls_so_most_by_office_or_name():
    text = (
        "استقبل سمو أمير البلاد الشيخ مشعل الأحمد بقصر بيان اليوم سمو ولي العهد الشيخ صباح الخالد. "
        "واستقبل سمو الأمير، رئيس مجلس الوزراء بالإنابة سمو الشيخ فهد اليوسف. "
        "وفي مجال آخر، بعث سمو أمير البلاد ببرقية تهنئة إلى الرئيس الفرنسي، عبّر فيها سموه عن خالص تهانيه "
        "بمناسبة العيد الوطني."
    )
    [(speakers, _)] = [s for s in said(text) if "خالص تهانيه" in s[1]]
    assert any("مشعل" in s for s in speakers)


def test_after_words_relayed_from_another_the_one_who_relayed_them_goes_on():
    text = (
        "أجرى أمير البلاد الشيخ مشعل الأحمد اليوم اتصالا هاتفيا مع أمير قطر. "
        "وأوضح وزير الخارجية عبد الله اليحيا أن الاتصال تناول العلاقات، ونقل عن سمو أمير البلاد تأكيده أن "
        '"القمة المقبلة ستكون قمة تاريخية". وأضاف أن الكويت تقدر عاليا جهود الوساطة التي بذلتها الدول الصديقة.'
    )
    [(speakers, _)] = [s for s in said(text) if s[1].startswith("الكويت تقدر")]
    assert any("اليحيا" in s for s in speakers)


def test_kama_and_a_stance_verb_after_a_clause_of_another_verb_go_on_with_its_subject():
    text = ("ونقل وزير الخارجية اليمني شائع الزنداني لولي العهد تحيات القيادة اليمنية، كما أشاد بالدعم "
            "الإنساني الذي تقدمه المملكة للشعب اليمني.")
    [(speakers, _)] = [s for s in said(text) if "بالدعم" in s[1]]
    assert speakers == ["شائع الزنداني"]
