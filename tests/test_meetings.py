"""Meetings: held ones with their participants, place, date, kind and phone flag; planned,
hypothetical and past ones are not reported as held; an article with no meeting yields none.

The sentences are written for these tests in the style of Arab news agencies. The article date is
Tuesday 9 April 2024 throughout.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DAY = dt.date(2024, 4, 9)  # a Tuesday

ASSAD, BUSAIDI = "person:bashar-al-assad", "person:badr-albusaidi"
LAVROV, FIDAN, WANG = "person:sergey-lavrov", "person:hakan-fidan", "person:wang-yi"
SISI, ABBAS, MACRON = "person:abdel-fattah-el-sisi", "person:mahmoud-abbas", "person:emmanuel-macron"
MBS, RAISI, ERDOGAN, PUTIN = "person:mohammed-bin-salman", "person:ebrahim-raisi", "person:recep-tayyip-erdogan", \
    "person:vladimir-putin"
SAFADI, SHOUKRY, BLINKEN = "person:ayman-safadi", "person:sameh-shoukry", "person:antony-blinken"
TAMIM, MBAR = "person:tamim-bin-hamad", "person:mohammed-bin-abdulrahman"
ABDOLLAHIAN = "person:hossein-amir-abdollahian"

DAMASCUS, RIYADH, MOSCOW = "place:damascus-170654", "place:riyadh-108410", "place:moscow-524901"
ROME, DOHA, JEDDAH, BEIJING = "place:rome-3169070", "place:doha-290030", "place:jeddah-105343", "place:beijing-1816670"
AMMAN, MUNICH, AQABA, CAIRO = "place:amman-250441", "place:munich-2867714", "place:aqaba-250774", "place:cairo-360630"


def meetings_of(text: str, published: dt.date | None = DAY):
    return extract(text, published=published).meetings


def the_meeting(text: str, published: dt.date | None = DAY):
    found = meetings_of(text, published)
    assert len(found) == 1, [(m.participants, m.kind) for m in found]
    return found[0]


# --- held meetings ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "participants", "place", "date"),
    [
        ("استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي.",
         {ASSAD, BUSAIDI}, DAMASCUS, DAY),
        ("بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره التركي هاكان فيدان في موسكو اليوم الثلاثاء "
         "الأوضاع في المنطقة.", {LAVROV, FIDAN}, MOSCOW, DAY),
        ("بدأ الرئيس الجزائري عبد المجيد تبون اليوم زيارة رسمية إلى روما التقى خلالها رئيسة الوزراء الإيطالية "
         "جورجيا ميلوني.", {"person:abdelmadjid-tebboune", "person:giorgia-meloni"}, ROME, DAY),
        ("التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره الصيني وانغ يي يوم الأحد في ميونيخ.",
         {BLINKEN, WANG}, MUNICH, dt.date(2024, 4, 7)),
        ("اجتمع الرئيس المصري عبد الفتاح السيسي مع العاهل الأردني الملك عبد الله الثاني الأحد الماضي في العقبة.",
         {SISI, "person:abdullah-ii"}, AQABA, dt.date(2024, 4, 7)),
        ("التقى رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني في 3 نيسان/أبريل الجاري في الدوحة وزير الخارجية "
         "الإيراني حسين أمير عبد اللهيان.", {MBAR, ABDOLLAHIAN}, DOHA, dt.date(2024, 4, 3)),
        ("وأجرى الملك سلمان بن عبد العزيز أمس مباحثات مع الرئيس الصيني شي جين بينغ في الرياض.",
         {"person:salman-bin-abdulaziz", "person:xi-jinping"}, RIYADH, dt.date(2024, 4, 8)),
        ("موسكو - سبوتنيك\nالتقى وزير الخارجية الروسي سيرغي لافروف اليوم نظيره الهندي سوبرامانيام جايشانكار "
         "وبحثا التعاون الثنائي.", {LAVROV, "person:subrahmanyam-jaishankar"}, MOSCOW, DAY),
        ("عقدت في جدة اليوم قمة عربية بمشاركة ولي العهد السعودي الأمير محمد بن سلمان والرئيس السوري بشار الأسد "
         "والأمين العام لجامعة الدول العربية أحمد أبو الغيط.",
         {MBS, ASSAD, "person:ahmed-aboul-gheit"}, JEDDAH, DAY),
        # Amman and Oman are spelled alike; the Petra dateline and the host say Amman
        ("عمان - بترا\nاستقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم المبعوث الأممي إلى سوريا "
         "غير بيدرسون.", {SAFADI, "person:geir-pedersen"}, AMMAN, DAY),
    ],
)
def test_a_held_meeting_with_participants_place_and_date(text, participants, place, date):
    meeting = the_meeting(text)
    assert set(meeting.participants) == participants
    assert meeting.place == place
    assert meeting.date == date
    assert not meeting.phone
    assert meeting.participants == tuple(sorted(meeting.participants))


def test_a_meeting_keeps_its_evidence_and_trigger():
    text = "وصل الوفد إلى دمشق أمس. واستقبل الرئيس السوري بشار الأسد اليوم وزير الخارجية العماني بدر البوسعيدي."
    meeting = the_meeting(text)
    assert meeting.evidence == "واستقبل الرئيس السوري بشار الأسد اليوم وزير الخارجية العماني بدر البوسعيدي."
    assert text[meeting.trigger.start : meeting.trigger.end] == meeting.trigger.text
    assert meeting.trigger.start >= text.index("واستقبل")


@pytest.mark.parametrize(
    ("text", "participants", "date"),
    [
        ("تلقى ولي العهد السعودي الأمير محمد بن سلمان اتصالاً هاتفياً من الرئيس الإيراني إبراهيم رئيسي، بحثا خلاله "
         "المستجدات الإقليمية.", {MBS, RAISI}, None),  # no day stated: not the article's date
        ("أجرى الرئيس التركي رجب طيب أردوغان مساء أمس اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين تناول "
         "اتفاق الحبوب.", {ERDOGAN, PUTIN}, dt.date(2024, 4, 8)),
        ("بحث وزير الخارجية المصري سامح شكري في اتصال هاتفي اليوم مع نظيره الأردني أيمن الصفدي التطورات في غزة.",
         {SHOUKRY, SAFADI}, DAY),
        ("عقد وزير الخارجية الأردني أيمن الصفدي ونظيره المصري سامح شكري اجتماعاً عبر تقنية الاتصال المرئي اليوم.",
         {SAFADI, SHOUKRY}, DAY),
    ],
)
def test_a_phone_call(text, participants, date):
    meeting = the_meeting(text)
    assert meeting.phone
    assert set(meeting.participants) == participants
    assert meeting.date == date
    assert meeting.place is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي.", "reception"),
        ("عقد الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان، اليوم، قمة في سوتشي.", "summit"),
        ("عقد الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان قمة في سوتشي اليوم.", "summit"),
        ("أجرى وزير الخارجية الروسي سيرغي لافروف مباحثات مع نظيره الصيني وانغ يي في بكين اليوم.", "talks"),
        ("أجرى الرئيس التركي رجب طيب أردوغان اليوم اتصالاً هاتفياً مع الرئيس الروسي فلاديمير بوتين.", "call"),
        ("بدأ الرئيس الجزائري عبد المجيد تبون اليوم زيارة رسمية إلى روما التقى خلالها رئيسة الوزراء الإيطالية "
         "جورجيا ميلوني.", "visit"),
        ("عقدت في جدة اليوم قمة عربية بمشاركة ولي العهد السعودي الأمير محمد بن سلمان والرئيس السوري بشار الأسد.",
         "summit"),
    ],
)
def test_the_kind_of_meeting(text, kind):
    assert the_meeting(text).kind == kind


def test_several_meetings_in_one_article():
    text = (
        "الدوحة - قنا\n"
        "استقبل أمير دولة قطر الشيخ تميم بن حمد آل ثاني اليوم وزير الخارجية الأمريكي أنتوني بلينكن. "
        "كما تلقى رئيس مجلس الوزراء وزير الخارجية الشيخ محمد بن عبد الرحمن آل ثاني اتصالاً هاتفياً من وزير "
        "الخارجية الإيراني حسين أمير عبد اللهيان."
    )
    found = {frozenset(m.participants): m for m in meetings_of(text)}
    assert set(found) == {frozenset({TAMIM, BLINKEN}), frozenset({MBAR, ABDOLLAHIAN})}
    assert not found[frozenset({TAMIM, BLINKEN})].phone
    assert found[frozenset({TAMIM, BLINKEN})].place == DOHA
    assert found[frozenset({MBAR, ABDOLLAHIAN})].phone


def test_without_an_article_date_a_relative_day_gives_no_date():
    meeting = the_meeting("استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي.",
                          published=None)
    assert meeting.date is None
    assert set(meeting.participants) == {ASSAD, BUSAIDI}


def test_a_country_named_in_what_was_said_is_not_a_participant():
    text = ("وقال الرئيس المصري عبد الفتاح السيسي للرئيس الفلسطيني محمود عباس خلال لقائهما في القاهرة اليوم "
            "إن مصر تدعم إقامة الدولة الفلسطينية.")
    assert set(the_meeting(text).participants) == {SISI, ABBAS}


# --- not held -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # planned
        "من المقرر أن يلتقي الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي إيمانويل ماكرون في باريس الأسبوع المقبل.",
        "ومن المتوقع أن يعقد الرئيسان الروسي فلاديمير بوتين والصيني شي جين بينغ قمة في بكين الشهر المقبل.",
        "سيزور وزير الخارجية الأمريكي أنتوني بلينكن القاهرة غداً لبحث الأوضاع في غزة مع الرئيس المصري عبد الفتاح "
        "السيسي.",
        "يعتزم الرئيس التركي رجب طيب أردوغان زيارة القاهرة الشهر المقبل للقاء الرئيس المصري عبد الفتاح السيسي.",
        "ويلتقي وزير الخارجية الروسي سيرغي لافروف غداً الأربعاء نظيره التركي هاكان فيدان في أنقرة.",
        # called for, cancelled, hypothetical
        "دعا الأمين العام لجامعة الدول العربية أحمد أبو الغيط إلى عقد قمة طارئة بمشاركة القادة العرب.",
        "ألغى وزير الخارجية الأمريكي أنتوني بلينكن زيارته المقررة إلى أنقرة حيث كان سيلتقي نظيره التركي هاكان فيدان.",
        "لو التقى الرئيس الأمريكي جو بايدن نظيره الروسي فلاديمير بوتين لكان ذلك خطوة مهمة.",
        # past, told as background
        "وكان وزير الخارجية الروسي سيرغي لافروف قد التقى نظيره الصيني وانغ يي في بكين الشهر الماضي.",
        "وكان الرئيس الأسد قد تلقى الشهر الماضي اتصالاً هاتفياً من الرئيس الإيراني إبراهيم رئيسي.",
        "يذكر أن وزير الخارجية التركي هاكان فيدان كان قد أجرى محادثات مع نظيره الروسي سيرغي لافروف في موسكو.",
        # no meeting at all
        "أصدرت وزارة الخارجية القطرية بياناً أدانت فيه القصف الذي استهدف المدنيين في غزة.",
        "قالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا إن العقوبات الغربية غير شرعية.",
    ],
)
def test_no_held_meeting(text):
    assert meetings_of(text) == ()


def test_only_the_held_meeting_of_an_article_that_also_tells_of_past_and_planned_ones():
    text = (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان في موسكو اليوم. "
        "وكان الوزيران قد التقيا في أنقرة الشهر الماضي. "
        "ومن المقرر أن يلتقي الرئيس الروسي فلاديمير بوتين نظيره التركي رجب طيب أردوغان في سوتشي الشهر المقبل."
    )
    meeting = the_meeting(text)
    assert (set(meeting.participants), meeting.place, meeting.date) == ({LAVROV, FIDAN}, MOSCOW, DAY)


def test_a_briefing_that_mentions_a_future_meeting_has_none():
    text = (
        "موسكو - سبوتنيك\n"
        "قالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا اليوم إن موسكو ترفض العقوبات الغربية، "
        "مضيفة أن وزير الخارجية سيرغي لافروف سيشارك في اجتماع مجموعة العشرين الشهر المقبل."
    )
    assert meetings_of(text) == ()
