"""Dates in a sentence, resolved against the article's date.

"اليوم الثلاثاء", "أمس", "غداً الأربعاء", "الأحد الماضي", "١٥ نيسان/أبريل ٢٠٢٣", "2023/4/15" and
Hijri dates ("١٥ رمضان ١٤٤٤ هـ", converted with hijridate). Every match keeps its tokens.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from kg.extract.lexicon import DateWord, WordTest, date_words, positions

PAST, TODAY, FUTURE = -1, 0, 1


class DateMention(NamedTuple):  # (a NamedTuple: made for every date, faster than a dataclass)
    first: int  # token indexes [first, last)
    last: int
    date: dt.date | None  # None when it cannot be resolved (no article date for a relative word)
    relation: int  # PAST, TODAY or FUTURE relative to the article's date (as the words say)
    exact: bool  # a day is named (not just a month or a year)


_NUMERIC = re.compile(r"^(\d{1,4})$")
_PERIODS = frozenset(("الشهر", "الاسبوع", "العام", "السنه", "الشهور", "الاسابيع"))


def find_dates(norms: Sequence[str], first: int, last: int, published: dt.date | None) -> list[DateMention]:
    """Date expressions among tokens [first, last)."""
    found: list[DateMention] = []
    free = first  # the first token after the dates read so far
    for i in positions(map(_MAY_START_DATE.__getitem__, norms[first:last]), first):
        if i < free:
            continue
        mention = _explicit(norms, i, last, published) or _relative(norms, i, last, published)
        if mention is not None:
            found.append(mention)
            free = mention.last
    return found


def _may_start_date(norm: str) -> bool:
    """A number, a period, "يوم" or a date word (through its clitics) may start a date."""
    return bool(norm[:1].isdigit() or norm in _PERIODS or norm == "يوم" or date_words().may_match(norm))


_MAY_START_DATE = WordTest(_may_start_date)  # (asked of every word: looked up in C)


def _explicit(norms, i, last, published) -> DateMention | None:
    """"15 نيسان/أبريل 2023", "15 من أبريل", "15 رمضان 1444 هـ", "2023/4/15", "15-4-2023"."""
    numeric = _numeric_date(norms, i, last, published)
    if numeric is not None:
        return numeric
    if not _NUMERIC.match(norms[i]) or not 1 <= int(norms[i]) <= 31:
        return None
    day = int(norms[i])
    j = i + 1
    if j < last and norms[j] == "من":
        j += 1
    month = _month_at(norms, j, last)
    if month is None:
        return None
    word, j = month
    # "نيسان/أبريل" or "نيسان (أبريل)": the second name of the same month
    if j + 1 < last and norms[j] in ("/", "(", "-"):
        other = _month_at(norms, j + 1, last)
        if other is not None and other[0].value == word.value:
            j = other[1] + (1 if other[1] < last and norms[other[1]] == ")" else 0)
    year = None
    if j < last and _NUMERIC.match(norms[j]) and len(norms[j]) == 4:
        year = int(norms[j])
        j += 1
        if j < last and norms[j] in ("م", "ه", "هـ"):
            j += 1
    if word.calendar == "hijri":
        return _hijri(i, j, day, word.value, year, published)
    if year is None:
        if published is None:
            return DateMention(i, j, None, TODAY, True)
        year = _nearest_year(published, word.value, day)
    return _mention(i, j, year, word.value, day, published)


def _nearest_year(published: dt.date, month: int, day: int) -> int:
    """The year that puts a day and month without a year nearest the article's date: "في 28
    ديسمبر" read on 2 January is last December, "في 2 يناير" read on 30 December the next."""
    best = published.year
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, min(day, 28) if month == 2 and day > 28 else day)
        except ValueError:
            continue
        current = dt.date(best, candidate.month, candidate.day) if best != year else candidate
        if abs((candidate - published).days) < abs((current - published).days):
            best = year
    return best


def _numeric_date(norms, i, last, published) -> DateMention | None:
    if i + 4 >= last or not _NUMERIC.match(norms[i]):
        return None
    separator = norms[i + 1]
    if separator not in ("/", "-", ".") or norms[i + 3] != separator:
        return None
    parts = norms[i], norms[i + 2], norms[i + 4]
    if not all(_NUMERIC.match(p) for p in parts):
        return None
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        year, month, day = a, b, c
    elif len(parts[2]) == 4:
        year, month, day = c, b, a
    else:
        return None
    return _mention(i, i + 5, year, month, day, published)


def _month_at(norms, j, last) -> tuple[DateWord, int] | None:
    if j >= last:
        return None
    match = date_words().longest_at(norms, j, last)
    if match is None or match.payload.kind != "month":
        return None
    return match.payload, match.last


def _mention(first, last, year, month, day, published) -> DateMention | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention(first, last, date, _relation(date, published), True)


def _relation(date: dt.date, published: dt.date | None) -> int:
    if published is None or date == published:
        return TODAY
    return PAST if date < published else FUTURE


def _hijri(first, last, day, month, year, published) -> DateMention | None:
    from hijridate import Gregorian, Hijri

    if year is None:
        if published is None:
            return DateMention(first, last, None, TODAY, True)
        year = Gregorian.fromdate(published).to_hijri().year
    try:
        date = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    date = dt.date(date.year, date.month, date.day)
    return DateMention(first, last, date, _relation(date, published), True)


def _relative(norms, i, last, published) -> DateMention | None:
    """"اليوم الثلاثاء", "أمس", "غداً", "الأحد الماضي", "يوم الخميس المقبل"."""
    match = date_words().longest_at(norms, i, last)
    j = i
    offset: int | None = None
    weekday: int | None = None
    if match is not None and match.payload.kind == "relative":
        offset, j = match.payload.value, match.last
        bracket = j + 2 < last and norms[j] == "(" and norms[j + 2] == ")"  # "اليوم (الخميس)"
        following = date_words().longest_at(norms, j + bracket, last) if j + bracket < last else None
        if following is not None and following.payload.kind == "weekday" and (not bracket or following.last == j + 2):
            weekday, j = following.payload.value, following.last + bracket
    elif match is not None and match.payload.kind == "weekday":
        weekday, j = match.payload.value, match.last
    elif norms[i] in _PERIODS and i + 1 < last:
        # "الشهر المقبل"، "الأسبوع الماضي"، "العام المقبل": a period before or after, no day named
        after = date_words().longest_at(norms, i + 1, last)
        if after is None or after.payload.kind != "direction":
            return None
        return DateMention(i, after.last, None, after.payload.value, False)
    elif norms[i] == "يوم" and i + 1 < last:
        following = date_words().longest_at(norms, i + 1, last)
        if following is None or following.payload.kind != "weekday":
            return None
        weekday, j = following.payload.value, following.last
    else:
        return None
    stated = _explicit(norms, j, last, published) if j < last and _NUMERIC.match(norms[j]) else None
    if stated is not None:
        # "الأربعاء 10 أبريل 2024"، "يوم أمس السبت 22 يناير": one date, the day stated, not the
        # arithmetic from the article's date
        return DateMention(i, stated.last, stated.date, stated.relation, True)
    direction = 0
    after = date_words().longest_at(norms, j, last) if j < last else None
    if after is not None and after.payload.kind == "direction":
        direction, j = after.payload.value, after.last
    if offset is not None:
        date = published + dt.timedelta(days=offset) if published else None
        if date is not None and weekday is not None and date.weekday() != weekday:
            # "اليوم الخميس" in a paper dated Friday: written before it was put out; the day named wins
            date = date - dt.timedelta(days=(date.weekday() - weekday) % 7)
            return DateMention(i, j, date, _relation(date, published), True)
        return DateMention(i, j, date, (offset > 0) - (offset < 0), True)
    if published is None:
        return DateMention(i, j, None, direction, True)
    return DateMention(i, j, *_weekday_date(published, weekday, direction), True)


def _weekday_date(published: dt.date, weekday: int, direction: int) -> tuple[dt.date, int]:
    """The day a weekday names: the latest one up to the article's date unless "المقبل" says next."""
    delta = (weekday - published.weekday()) % 7
    if direction > 0:
        delta = delta or 7
        return published + dt.timedelta(days=delta), FUTURE
    back = (published.weekday() - weekday) % 7
    if direction < 0:
        back = back or 7
    date = published - dt.timedelta(days=back)
    return date, _relation(date, published)
