"""The extraction pipeline: Article -> Document -> mentions -> entities, meetings, statements, topics."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate

from kg.extract import gazetteer as gz
from kg.extract.actors import PERSON, ActorMention, find_mentions
from kg.extract.entities import resolve
from kg.extract.lexicon import titles
from kg.extract.meetings import MeetingDraft, find_meetings
from kg.extract.statements import EVERYONE, GROUP, GUESTS, OTHER, StatementDraft, find_statements, quote_of
from kg.extract.topics import TopicMention, find_topics
from kg.model import Article, ArticleFacts, Entity, Meeting, Mention, Statement
from kg.text.document import Document, analyse, windows
from kg.text.normalize import normalize

_SPOKESPEOPLE = frozenset(normalize(w) for w in ("متحدث", "المتحدث", "ناطق", "الناطق", "متحدثة", "المتحدثة"))


def extract(article: Article) -> ArticleFacts:
    """Read one article into its facts."""
    doc = analyse(article)
    if article.published is None:
        # an article without a date of its own (a .txt file) is dated by its dateline or first lines
        found = _stated_date(doc)
        if found is not None:
            article = replace(article, published=found)
            doc = replace(doc, article=article, _cache={})  # the text is the same: so is its analysis
    spans = windows(doc)
    if len(spans) > 1:
        return _merged(article, [(first, _extract(doc.window(first, last))) for first, last in spans])
    return _extract(doc)


def _extract(doc: Document) -> ArticleFacts:
    """The facts of an analysed article (or of one window of a very long one)."""
    article = doc.article
    resolved = resolve(doc, find_mentions(doc))
    mentions = resolved.mentions
    drafts = find_meetings(doc, mentions, article.published, resolved.dateline_place)
    statement_drafts = find_statements(doc, mentions)
    statement_drafts = _resolve_speakers(statement_drafts, drafts)
    entities = {e.key: e for e in resolved.entities}
    _add_speakers_to_meetings(doc, statement_drafts, drafts, entities)
    statement_drafts = [s for s in statement_drafts if s.words_given]
    for draft in drafts:
        # countries and bodies stood in for the people until the people were named (a country none
        # of them speaks for, "سفراء الولايات المتحدة" met with their host's aides, stays)
        persons = [p for p in draft.participants if p.startswith("person:")]
        if len(persons) >= 2:
            served = {entities[p].represents for p in persons if p in entities and entities[p].represents}
            one_side = len(served) == 1
            draft.participants[:] = [
                p
                for p in draft.participants
                if p.startswith("person:") or (one_side and p.startswith("country:") and p not in served)
            ]
    drafts = [d for d in drafts if len([p for p in d.participants if p in entities or gz.known(p)]) >= 2]
    drafts = _without_states_told_by_their_people(drafts, entities)
    entities = _home_side(entities, drafts)
    topics = _topics_outside_names(doc, mentions) + _title_topics(article, doc)
    meeting_topics, statement_topics = _assign_topics(topics, drafts, statement_drafts)
    meetings = tuple(_meeting(doc, d, meeting_topics.get(i, ())) for i, d in enumerate(drafts))
    statements = tuple(
        _statement(doc, s, drafts, statement_topics.get(i, ()))
        for i, s in enumerate(statement_drafts)
        if all(k in entities or gz.known(k) for k in s.speakers)
    )
    used = _used_keys(meetings, statements, entities)
    all_entities = _with_required(entities, used)
    article_topics = tuple(dict.fromkeys(t for m in meetings for t in m.topics)) + tuple(
        t for s in statements for t in s.topics if t not in {t for m in meetings for t in m.topics}
    )
    reported_by = tuple(e.key for e in all_entities.values() if e.type == "Organization" and _is_agency(e.key))
    return ArticleFacts(
        article=article,
        entities=tuple(all_entities.values()),
        meetings=meetings,
        statements=statements,
        topics=tuple(dict.fromkeys(article_topics)),
        reported_by=reported_by,
    )


def _merged(article: Article, parts: list[tuple[int, ArticleFacts]]) -> ArticleFacts:
    """The facts of a text read in windows (kg.text.document.windows), as one article's: each
    window's sentence numbers moved by its first sentence, an entity named in several windows
    merged into one (all its mentions, the fullest label), statements pointing at their meetings."""
    entities: dict[str, Entity] = {}
    meetings: list[Meeting] = []
    statements: list[Statement] = []
    for first, facts in parts:
        for entity in facts.entities:
            moved = replace(entity, mentions=_moved(entity.mentions, first),
                            references=_moved(entity.references, first))
            known = entities.get(entity.key)
            entities[entity.key] = moved if known is None else _joined(known, moved)
        for statement in facts.statements:
            meeting = None if statement.meeting is None else statement.meeting + len(meetings)
            statements.append(replace(statement, span=_moved((statement.span,), first)[0], meeting=meeting))
        meetings.extend(replace(m, trigger=_moved((m.trigger,), first)[0]) for m in facts.meetings)
    return ArticleFacts(
        article=article,
        entities=tuple(entities.values()),
        meetings=tuple(meetings),
        statements=tuple(statements),
        topics=tuple(dict.fromkeys(t for _, facts in parts for t in facts.topics)),
        reported_by=tuple(dict.fromkeys(k for _, facts in parts for k in facts.reported_by)),
        warnings=tuple(w for _, facts in parts for w in facts.warnings),
    )


def _moved(mentions: tuple[Mention, ...], first: int) -> tuple[Mention, ...]:
    return tuple(replace(m, sentence=m.sentence + first) if m.sentence >= 0 else m for m in mentions)


def _joined(a: Entity, b: Entity) -> Entity:
    """One entity from two windows' readings of it: the fuller label, the other spellings as aliases."""
    label = b.label if len(b.label) > len(a.label) else a.label
    spellings = dict.fromkeys(a.aliases + b.aliases + (a.label, b.label))
    return replace(
        a,
        label=label,
        label_en=a.label_en or b.label_en,
        wikidata=a.wikidata or b.wikidata,
        represents=a.represents or b.represents,
        roles=tuple(dict.fromkeys(a.roles + b.roles)),
        aliases=tuple(x for x in spellings if x != label),
        mentions=a.mentions + b.mentions,
        references=a.references + b.references,
    )


def _stated_date(doc: Document):
    """The first full date (day, month and year) of the dateline or the first body sentence."""
    from kg.extract.dates import find_dates

    for sentence in doc.sentences[:6]:
        if sentence.kind not in ("dateline", "body"):
            continue
        for mention in find_dates(doc.token_norms, sentence.first, sentence.last, None):
            if mention.date is not None and mention.exact:
                return mention.date
        if sentence.kind == "body":
            break
    return None


def _is_agency(key: str) -> bool:
    known = gz.known(key)
    return known is not None and known.kind == "news-agency"


def _resolve_speakers(drafts: list[StatementDraft], meetings: list[MeetingDraft]) -> list[StatementDraft]:
    """GROUP: the persons of the meeting at hand; EVERYONE: all who took part in it; GUESTS: all but
    its host; OTHER: its parties but the previous speaker."""
    resolved = []
    previous: tuple[str, ...] = ()
    for draft in drafts:
        meeting = _meeting_at(draft.sentence, meetings)
        speakers = draft.speakers
        if speakers[:1] == (GROUP,) and len(speakers) > 1:
            speakers = speakers[1:]  # "الجانبان السعودي والإيراني"
        elif speakers == (GROUP,):
            speakers = tuple(meeting.participants[:2]) if meeting else ()
        elif speakers == (EVERYONE,):
            speakers = tuple(meeting.participants) if meeting and len(meeting.participants) >= 2 else ()
        elif speakers == (GUESTS,) and meeting is not None:
            # guests met one by one are the guests of each meeting the same words told
            told = [m for m in meetings if (m.sentence, m.trigger) == (meeting.sentence, meeting.trigger)]
            speakers = tuple(dict.fromkeys(g for m in told if len(m.participants) >= 2 for g in m.participants[1:]))
        elif speakers == (GUESTS,):
            speakers = ()
        elif speakers == (OTHER,):
            others = [p for p in (meeting.participants if meeting else []) if p not in previous]
            speakers = (others[0],) if others else ()
        if speakers:
            resolved.append(draft._replace(speakers=speakers))
            previous = speakers
    return resolved


def _meeting_at(sentence: int, meetings: list[MeetingDraft]) -> MeetingDraft | None:
    """The meeting a sentence speaks of, else the last one reported before it (not a draft with one
    party: "وخلال مراسم تقديم أوراق اعتمادهم" tells again the ceremony before, whose guests speak)."""
    held = [m for m in meetings if len(m.participants) >= 2]
    for meeting in reversed(held):
        if sentence in meeting.sentences:
            return meeting
    before = [m for m in held if m.sentence <= sentence]
    return before[-1] if before else None


def _add_speakers_to_meetings(doc, statements, meetings, entities) -> None:
    """ "وقال الأسد خلال القمة"، "في كلمته أمام القمة": who speaks at a meeting took part in it."""
    for draft in statements:
        for meeting in meetings:
            if draft.sentence not in meeting.sentences or (meeting.phone and len(meeting.participants) >= 2):
                continue
            if draft.speaker_first < 0 and draft.in_relative:
                continue  # "عقب الزيارة التي قام بها روحاني، والتي دعا خلالها": he spoke on another occasion
            if _of_the_two(doc, draft.sentence) and sum(p.startswith("person:") for p in meeting.participants) >= 2:
                continue  # "وأوضح الوزير X عقب لقاء الرئيسين أن ...": the meeting was the two's, he tells of it
            if len(meeting.participants) < 2 and _parties_already(draft, meetings, meeting):
                continue  # "وخلال مراسم تقديم أوراق اعتمادهم، أعرب السفراء": the ceremony told before, again
            for speaker in draft.speakers:
                entity = entities.get(speaker)
                if entity is None or entity.type != PERSON or speaker in meeting.participants:
                    continue
                if gz.known(speaker) is None and len(entity.label.split()) < 2:
                    continue  # one word no list knows ("المبعوث الأممي نتائج"): too weak to add a participant
                # (a spokesman or his deputy: "نائب المتحدث باسم الخارجية" tells of meetings he was not at)
                if any(not _SPOKESPEOPLE.isdisjoint(normalize(r).split()[:2]) for r in entity.roles):
                    continue
                meeting.participants.append(speaker)


def _parties_already(draft: StatementDraft, meetings, this) -> bool:
    """Do several speak together, each a party to a meeting of two or more already told?"""
    held = [m for m in meetings if m is not this and len(m.participants) >= 2]
    return len(draft.speakers) >= 2 and all(any(s in m.participants for m in held) for s in draft.speakers)


_THE_TWO = frozenset(normalize(w) for w in ("الرئيسين", "الوزيرين", "الزعيمين", "العاهلين", "الملكين", "الأميرين"))


def _of_the_two(doc: Document, sentence: int) -> bool:
    """The sentence speaks of the meeting as the two's ("لقاء الرئيسين")."""
    told = doc.sentences[sentence]
    return not _THE_TWO.isdisjoint(doc.token_norms[told.first : told.last])


def _topics_outside_names(
    doc: Document, mentions: list[ActorMention], topics: list[TopicMention] | None = None
) -> list[TopicMention]:
    """The topic phrases that are not part of a name or an office ("مجلس الأمن"، "وزير الطاقة"); a body
    or a place that is itself a topic stays one ("تشكيل اللجنة الدستورية"، "بمدينة القدس"), and a phrase
    that runs on past a reference ("نظيره العماني العلاقات الثنائية") is not inside it."""
    named = [(m.start, m.end) for m in mentions if m.type != "Person"]
    named += [(doc.tokens[m.head].start, doc.tokens[m.first].start) for m in mentions if m.head < m.first]
    named += [(m.start, _office_end(doc, m)) for m in mentions if m.type == "Person" and not m.named and m.role]
    bodies = {(m.start, m.end) for m in mentions if m.type != "Person"}
    places = {m.end for m in mentions if m.type == "Place"}  # "بمدينة القدس": the place is the topic
    inside = _Holders(named)
    return [
        t
        for t in (find_topics(doc) if topics is None else topics)
        if (t.start, t.end) in bodies or t.end in places or not inside.hold(t.start, t.end)
    ]


class _Holders:
    """Spans (start, end), to ask whether any of them holds a given span without a walk through them
    all: by their starts, with the furthest end reached so far."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def hold(self, start: int, end: int) -> bool:
        before = bisect_right(self.starts, start)  # the spans that start at or before it
        return before > 0 and self.reach[before - 1] >= end


def _title_topics(article: Article, doc: Document) -> list[TopicMention]:
    """The headline's topics when the headline is not part of the text (a feed's title field)."""
    title = article.title.strip()
    if not title or title in article.text:
        return []
    title_doc = analyse(Article(id=article.id, text=title))
    topics = find_topics(title_doc)
    if not topics:
        return []
    return [t._replace(headline=True) for t in _topics_outside_names(title_doc, find_mentions(title_doc), topics)]


def _office_end(doc: Document, mention) -> int:
    """Where an office ends: its name goes on through words joined by "و" ("وزير الشؤون الخارجية
    والهجرة والتونسيين بالخارج"), which the office's mention may leave out."""
    end = mention.end
    k = mention.last
    tokens = doc.tokens
    while k < len(tokens) and tokens[k].norm.startswith("وال") and doc.text[end : tokens[k].start].isspace():
        end = tokens[k].end
        k += 1
    return end


def _assign_topics(topics: list[TopicMention], meetings: list[MeetingDraft], statements: list[StatementDraft]):
    """Each topic to what it was said of: the words that hold it, the meeting its sentence reports
    (or names again: "وجرى خلال اللقاء بحث ..."), a statement of its sentence, the meeting reported
    before it; the headline's to the main meeting (the first), and with no meeting at all, to the
    statement nearest before it (the first after)."""
    meeting_topics: dict[int, list[str]] = {}
    statement_topics: dict[int, list[str]] = {}
    for topic in topics:
        if topic.headline:
            if meetings:
                meeting_topics.setdefault(0, []).append(topic.key)
            elif statements:
                statement_topics.setdefault(0, []).append(topic.key)
            continue
        inside = next((i for i, s in enumerate(statements) if s.start <= topic.start < s.end), None)
        if inside is not None:
            statement_topics.setdefault(inside, []).append(topic.key)
            continue
        holder = next((i for i in range(len(meetings) - 1, -1, -1) if topic.sentence in meetings[i].sentences), None)
        if holder is None and topic.of_meeting:
            holder = next((i for i in range(len(meetings) - 1, -1, -1) if meetings[i].sentence <= topic.sentence), None)
        if holder is None:
            holder = next((i for i, s in enumerate(statements) if s.sentence == topic.sentence), None)
            if holder is None and not meetings and statements:
                before = [i for i, s in enumerate(statements) if s.sentence <= topic.sentence]
                holder = before[-1] if before else 0
            if holder is not None:
                statement_topics.setdefault(holder, []).append(topic.key)
                continue
            before = [i for i, m in enumerate(meetings) if m.sentence <= topic.sentence]
            holder = before[-1] if before else (0 if meetings else None)
        if holder is not None:
            meeting_topics.setdefault(holder, []).append(topic.key)
    return (
        {k: tuple(dict.fromkeys(v)) for k, v in meeting_topics.items()},
        {k: tuple(dict.fromkeys(v)) for k, v in statement_topics.items()},
    )


def _meeting(doc: Document, draft: MeetingDraft, topics: tuple[str, ...]) -> Meeting:
    token = doc.tokens[draft.trigger]
    sentence = doc.sentences[draft.sentence]
    return Meeting(
        participants=tuple(sorted(dict.fromkeys(draft.participants))),
        kind=draft.kind,
        phone=draft.phone,
        place=draft.place,
        venue=draft.venue,
        date=draft.date,
        trigger=Mention(token.start, token.end, token.text, draft.sentence),
        evidence=" ".join(doc.sentence_text(sentence).split()),
        topics=topics,
    )


def _statement(doc, draft: StatementDraft, meetings: list[MeetingDraft], topics) -> Statement:
    sentence = doc.sentences[draft.sentence]
    during = None
    for index in range(len(meetings) - 1, -1, -1):
        if draft.sentence in meetings[index].sentences:
            during = index
            break
    if during is None:
        holding = [
            i
            for i, m in enumerate(meetings)
            if set(draft.speakers) & set(m.participants) and m.sentence <= draft.sentence
        ]
        if len(holding) == 1:
            during = holding[0]
    return Statement(
        speakers=draft.speakers,
        quote=quote_of(doc, draft),
        direct=draft.direct,
        span=Mention(draft.start, draft.end, doc.text[draft.start : draft.end], draft.sentence),
        evidence=" ".join(doc.sentence_text(sentence).split()),
        addressee=draft.addressee,
        meeting=during,
        topics=topics,
    )


def _home_side(entities: dict[str, Entity], drafts: list[MeetingDraft]) -> dict[str, Entity]:
    """ "استقبل الملك عبد الله الثاني في قصر بسمان ... وحضر اللقاء وزير الخارجية إبراهيم الجازي":
    a host who receives in his own country is at home, and so are the officials with him whom the
    text gives an office but no country (not envoys, who serve abroad), when the article names
    that country."""
    found = dict(entities)
    for draft in drafts:
        country = f"country:{_place_country(draft.place)}" if draft.place and not draft.phone else ""
        host = entities.get(draft.participants[0]) if draft.kind == "reception" else None
        if not country or country not in entities or host is None or host.represents != country:
            continue
        for key in draft.participants[1:]:
            entity = found.get(key)
            if (entity is not None and entity.type == PERSON and not entity.represents and entity.roles
                    and key not in draft.companions
                    and not any(_serves_abroad(role) for role in entity.roles)):  # fmt: skip
                found[key] = replace(entity, represents=country)
    for draft in drafts:
        # "حضر اللقاء وكيل وزارة الخارجية ... ومدير مكتب وزير الخارجية": officials of the ministry
        # of a minister at the table serve his country
        ministries = {}
        for key in draft.participants:
            entity = found.get(key)
            if entity is not None and entity.type == PERSON and entity.represents:
                for role in entity.roles:
                    words = normalize(role).split()
                    if len(words) == 2 and words[0] == _MINISTER:
                        ministries.setdefault(words[1], set()).add(entity.represents)
        for key in draft.participants:
            entity = found.get(key)
            if entity is None or entity.type != PERSON or entity.represents or key in draft.companions:
                continue
            if any(normalize(r).split()[:1] == [_MINISTER] for r in entity.roles):
                continue  # a minister himself: the counterpart, not one of the ministry's officials
            served = {c for m, countries in ministries.items() for c in countries
                      if any(m in normalize(r).split() for r in entity.roles)}  # fmt: skip
            if len(served) == 1 and not any(_serves_abroad(role) for role in entity.roles):
                found[key] = replace(entity, represents=served.pop())
    for draft in drafts:
        # "التقى X ... Y ... وحضر اللقاء وكيل الوزارة ...": the ministry's officials at the table with no
        # country of their own serve the side of the one who tells of the meeting
        first = found.get(draft.participants[0]) if draft.participants else None
        if first is None or first.type != PERSON or not first.represents:
            continue
        for key in draft.participants[1:]:
            entity = found.get(key)
            if (entity is not None and entity.type == PERSON and not entity.represents and entity.roles
                    and key not in draft.companions and all(_aide(role) for role in entity.roles)):  # fmt: skip
                found[key] = replace(entity, represents=first.represents)
    for draft in drafts:
        for key, companion_of in draft.companions.items():
            # "وكان الوزير السعودي مرفوقاً بوزير الدولة X": X serves the country of whom he accompanies
            entity, other = found.get(key), found.get(companion_of)
            if entity is not None and other is not None and not entity.represents and other.represents:
                found[key] = replace(entity, represents=other.represents)
    return found


_MINISTER = normalize("وزير")
_AIDES = frozenset(normalize(w) for w in (
    "وكيل", "مدير", "مديرة", "مستشار", "مستشارة", "مساعد", "مساعدة", "مندوب", "رئيس", "نائب", "الوكيل", "المدير",
    "المستشار", "المساعد", "رئيسة", "المديرة",
))  # fmt: skip


def _aide(role: str) -> bool:
    """An office in the service of a ministry or a minister ("وكيل الوزارة"، "مدير مكتب وزير الخارجية")."""
    words = normalize(role).split()
    return bool(words) and words[0] in _AIDES and any(w in _SERVICE for w in words[1:])


_SERVICE = frozenset(normalize(w) for w in ("الوزارة", "مكتب", "وزير", "الوزير", "لوزير", "للوزير", "ديوان"))


def _place_country(place: str) -> str:
    known = gz.known(place)
    return known.country if known is not None and known.country else ""


def _serves_abroad(role: str) -> bool:
    """An envoy's office: ambassador, envoy, representative, chargé d'affaires, consul."""
    found = titles().longest_at(tuple(normalize(role).split()), 0)
    return found is not None and found.payload.kind in ("diplomat", "envoy")


def _without_states_told_by_their_people(drafts: list[MeetingDraft], entities: dict[str, Entity]) -> list[MeetingDraft]:
    """Less a meeting of states alone ("الأردن وروسيا يبحثان ..." above the story) that another
    meeting tells with people who serve those very states ("التقى لافروف نظيره الأردني الصفدي")."""
    # (the states each meeting with people in it was between, and whether by phone)
    told = [
        ({entities[p].represents if p.startswith("person:") and p in entities else p for p in d.participants}, d.phone)
        for d in drafts
        if any(p.startswith("person:") for p in d.participants)
    ]
    return [
        d for d in drafts
        if not (all(p.startswith("country:") for p in d.participants)
                and any(set(d.participants) <= states and d.phone == phone for states, phone in told))
    ]  # fmt: skip


def _used_keys(meetings, statements, entities) -> set[str]:
    used = set()
    for meeting in meetings:
        used.update(meeting.participants)
        used.update(p for p in (meeting.place, meeting.venue) if p)
    for statement in statements:
        used.update(statement.speakers)
        if statement.addressee:
            used.add(statement.addressee)
    return {k for k in used if k not in entities}


def _with_required(entities: dict[str, Entity], keys: set[str]) -> dict[str, Entity]:
    """Entities a fact points at that the text names only indirectly (a dateline's place...)."""
    result = dict(entities)
    for key in sorted(keys):
        known = gz.known(key)
        if known is not None:
            result[key] = Entity(
                key=key, type=known.type, label=known.label, label_en=known.label_en, wikidata=known.wikidata
            )
    return result
