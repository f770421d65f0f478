"""Word lists and gazetteers, loaded once, and the clitic-aware phrase matcher over tokens.

Phrases are keyed by their normalised words. A phrase matches at a token when its first word
equals the token or the token with a clitic taken off (و، ف، ب، ل، ك and their pairs: وبوتين،
للرئيس → الرئيس، بالرياض → الرياض) and its other words follow exactly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, count
from typing import Generic, NamedTuple, TypeVar

from kg.resources import data_path
from kg.text.normalize import normalize

T = TypeVar("T")

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


def read_table(filename: str) -> list[dict[str, str]]:
    """Rows of a TSV word list under kg/data (header row first; lines starting with # skipped)."""
    path = data_path(filename)
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def read_list(filename: str) -> list[str]:
    """The entries of a one-per-line word list under kg/data."""
    path = data_path(filename)
    with path.open(encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def split_values(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def words(text: str) -> tuple[str, ...]:
    """The normalised words of a phrase, split the way the text layer splits tokens."""
    from kg.text.document import _WORD

    return tuple(_WORD.findall(normalize(text)))


class WordTest(dict):
    """A test of a normalised word, each word's answer worked out on its first lookup and kept:
    map(test.__getitem__, words) walks a sentence in C at a dict lookup a word, less than half the
    cost of calling a functools.cache'd function (which makes a tuple of its arguments each time)."""

    def __init__(self, test):
        super().__init__()
        self.test = test

    def __missing__(self, norm: str):
        value = self[norm] = self.test(norm)
        return value


def positions(flags: Iterable, start: int = 0) -> list[int]:
    """The positions of the true values among `flags`, counted from `start`. With flags made by
    map() over a sentence's words with a cached test or a set's __contains__, the words are
    walked in C, not one by one in Python: the passes over every word of an article add up."""
    return list(compress(count(start), flags))


@cache
def clitic_variants(norm: str) -> tuple[tuple[int, str], ...]:
    """(characters taken off, what is left) for a normalised token, the token itself first."""
    variants: list[tuple[int, str]] = [(0, norm)]
    heads = [(0, norm)]
    if len(norm) > 2 and norm[0] in _CONJUNCTIONS:
        heads.append((1, norm[1:]))
    for taken, rest in heads:
        if taken:
            variants.append((taken, rest))
        if len(rest) > 3 and rest.startswith("لل"):  # للرئيس = ل + الرئيس
            variants.append((taken + 1, "ا" + rest[1:]))
            # a word whose own first letter is ل: للبنان = ل + لبنان, للقاء = ل + لقاء or ل + اللقاء
            variants.append((taken + 1, rest[1:]))
            variants.append((taken + 1, "ا" + rest))
        elif len(rest) > 2 and rest[0] in _PREPOSITIONS:
            variants.append((taken + 1, rest[1:]))
    return tuple(variants)


@cache
def clitic_stems(norm: str) -> frozenset[str]:
    """What is left of a normalised token with each of its clitics taken off, the token itself too."""
    return frozenset(stem for _, stem in clitic_variants(norm))


@lru_cache(maxsize=1 << 14)
def clitic_forms(stem: str) -> frozenset[str]:
    """The words that may have `stem` among their clitic_stems: the stem behind ب، ل، ك، لل, and
    those behind و، ف (the ways clitic_variants takes clitics off, worked back). Every word that has
    it is among them, and a few that do not: a caller reads the clitics of each word it finds."""
    rests = {stem, "ل" + stem, "ب" + stem, "ك" + stem}
    if stem[:1] == "ا":
        rests |= {"ل" + stem[1:], stem[1:]}  # للرئيس: ل + الرئيس; للقاء: ل + اللقاء too
    return frozenset(rests | {conjunction + rest for rest in rests for conjunction in _CONJUNCTIONS})


class PhraseMatch(NamedTuple, Generic[T]):
    first: int  # token indexes [first, last)
    last: int
    clitic: int  # normalised characters of a clitic before the phrase, in the first token
    payload: T
    phrase: tuple[str, ...]


class _Bucket(NamedTuple, Generic[T]):
    """The phrases that start with one word, as the matchers read them: by the word that follows
    it, those of two words or more with that second word (longest first, as in the bucket), then
    those of one word. The second word rules out nearly every longer phrase without a look at it."""

    followed_by: dict[str, list[tuple[tuple[str, ...], T]]]
    single: list[tuple[tuple[str, ...], T]]  # also what any other second word leaves


def _bucket_of(phrases: list[tuple[tuple[str, ...], T]]) -> _Bucket[T]:
    single = [(key, payload) for key, payload in phrases if len(key) == 1]
    longer: dict[str, list[tuple[tuple[str, ...], T]]] = {}
    for key, payload in phrases:
        if len(key) > 1:
            longer.setdefault(key[1], []).append((key, payload))
    return _Bucket({second: [*found, *single] for second, found in longer.items()}, single)


# PhraseMatch(...) passes through a __new__ written in Python: tuple.__new__ makes one twice as fast
_new_match = tuple.__new__


class PhraseIndex(Generic[T]):
    """Phrases (as normalised word tuples) with a payload each; several payloads may share a phrase."""

    def __init__(self, entries: Iterable[tuple[str | tuple[str, ...], T]] = ()):
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        # first word -> its phrases by their second word (worked out for the words the texts hold)
        self._buckets: dict[str, _Bucket[T]] = {}
        # token -> the buckets of the phrases that may start at it, through its clitics: (characters
        # taken off, bucket) in clitic_variants' order; most tokens start none, and say so at once
        self._starts: _Starts[T] = _Starts(self)
        self._whole_starts: _Starts[T] = _WholeWordStarts(self)  # the same without clitics
        self.max_words = 1
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str | tuple[str, ...], payload: T) -> None:
        key = phrase if isinstance(phrase, tuple) else words(phrase)
        if not key:
            return
        self._starts.clear()
        self._whole_starts.clear()
        self._buckets.pop(key[0], None)
        bucket = self._by_first.setdefault(key[0], [])
        if (key, payload) not in bucket:
            bucket.append((key, payload))
            bucket.sort(key=lambda item: -len(item[0]))
        self.max_words = max(self.max_words, len(key))

    def __contains__(self, phrase: str) -> bool:
        key = words(phrase)
        return any(k == key for k, _ in self._by_first.get(key[0], ())) if key else False

    def get(self, phrase: str | tuple[str, ...]) -> list[T]:
        key = phrase if isinstance(phrase, tuple) else words(phrase)
        return [p for k, p in self._by_first.get(key[0], ()) if k == key] if key else []

    def _starts_at(self, norm: str):
        """(characters taken off, bucket) of the phrases that may start at this token, through its
        clitics (worked out once per token, by _Starts)."""
        by_first = self._by_first
        return tuple((taken, self._bucket(head)) for taken, head in clitic_variants(norm) if head in by_first)

    def _whole_word_starts(self, norm: str):
        """_starts_at without clitics: the phrases that start with the token as it is."""
        return ((0, self._bucket(norm)),) if norm in self._by_first else ()

    def _bucket(self, head: str) -> _Bucket[T]:
        bucket = self._buckets.get(head)
        if bucket is None:
            bucket = self._buckets[head] = _bucket_of(self._by_first[head])
        return bucket

    def match_at(self, norms: Sequence[str], index: int, end: int | None = None, *, clitics: bool = True):
        """Every phrase starting at token `index` (longest first), through clitics on that token."""
        if end is None or end > len(norms):
            end = len(norms)
        if index >= end:
            return []
        norm = norms[index]
        starts = (self._starts if clitics else self._whole_starts)[norm]
        if not starts:
            return []
        second = norms[index + 1] if index + 1 < end else None
        found: list[PhraseMatch[T]] = []
        for taken, bucket in starts:
            for key, payload in bucket.followed_by.get(second, bucket.single):
                size = len(key)
                if index + size > end:
                    continue
                if size <= 2 or _rest_matches(norms, index, key, size):  # (the second word is the text's)
                    found.append(_new_match(PhraseMatch, (index, index + size, taken, payload, key)))
        if len(found) > 1:
            found.sort(key=lambda m: (m.first - m.last, m.clitic))
        return found

    def longest_at(self, norms: Sequence[str], index: int, end: int | None = None, *, clitics: bool = True):
        """The longest phrase starting at token `index` (the fewest clitic letters among equals), or None."""
        if end is None or end > len(norms):
            end = len(norms)
        if index >= end:
            return None
        norm = norms[index]
        starts = (self._starts if clitics else self._whole_starts)[norm]
        if not starts:
            return None
        second = norms[index + 1] if index + 1 < end else None
        best: PhraseMatch[T] | None = None
        best_size = 0
        for taken, bucket in starts:
            for key, payload in bucket.followed_by.get(second, bucket.single):  # longest first
                size = len(key)
                if size <= best_size:
                    break  # the rest are no longer than the best found so far
                if index + size > end:
                    continue
                if size <= 2 or _rest_matches(norms, index, key, size):  # (the second word is the text's)
                    best = _new_match(PhraseMatch, (index, index + size, taken, payload, key))
                    best_size = size
                    break
        return best

    def may_match(self, norm: str) -> bool:
        """A quick test: can any phrase start at this token, through its clitics?"""
        return bool(self._starts[norm])

    def may_start_in(self, norms: Sequence[str], start: int, end: int) -> list[int]:
        """The tokens of [start, end) that a phrase may start at, through their clitics (the few
        words of a sentence the matchers need to look at; found in one pass of C-level lookups)."""
        return positions(map(self._starts.__getitem__, norms[start:end]), start)

    def scan(self, norms: Sequence[str], start: int = 0, end: int | None = None, *, clitics: bool = True):
        """Non-overlapping longest matches, left to right."""
        end = len(norms) if end is None else end
        free = start  # the first token after the matches found so far
        for index in self.may_start_in(norms, start, end):
            if index < free:
                continue
            match = self.longest_at(norms, index, end, clitics=clitics)
            if match is not None:
                yield match
                free = match.last


class _Starts(dict):
    """token -> (characters taken off, bucket) of the phrases that may start at it (PhraseIndex._starts):
    a token not seen before is worked out on its first lookup, so a known one costs a plain dict lookup."""

    def __init__(self, index: PhraseIndex):
        super().__init__()
        self.index = index

    def __missing__(self, norm: str):
        starts = self[norm] = self.index._starts_at(norm)
        return starts


class _WholeWordStarts(_Starts):
    """token -> (0, bucket) of the phrases that start with it as it is (PhraseIndex._whole_starts)."""

    def __missing__(self, norm: str):
        starts = self[norm] = self.index._whole_word_starts(norm)
        return starts


def _rest_matches(norms: Sequence[str], index: int, key: tuple[str, ...], size: int) -> bool:
    """The words of a phrase from its third on, at `index + 2` (the caller has compared the first two)."""
    return tuple(norms[index + 2 : index + size]) == key[2:]  # (tuple(): the text's words may be a list)


@dataclass(frozen=True, slots=True)
class Title:
    phrase: str
    kind: str
    number: int  # 1, 2 (dual) or 3 (plural)
    role: str


@dataclass(frozen=True, slots=True)
class Trigger:
    phrase: str
    pos: str  # verb | noun
    kind: str
    tense: str
    phone: bool
    needs: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ReportingCue:
    phrase: str
    kind: str  # verb | participle
    takes: frozenset[str]


@dataclass(frozen=True, slots=True)
class DateWord:
    word: str
    kind: str  # month | weekday | relative | direction
    value: int
    calendar: str


@cache
def titles() -> PhraseIndex[Title]:
    return PhraseIndex(
        (row["phrase"], Title(row["phrase"], row["kind"], int(row["number"] or 1), _title_role(row)))
        for row in read_table("titles.tsv")
    )


def _title_role(row: dict[str, str]) -> str:
    """The office a title records: its own words, the longer one given, or none ("-")."""
    return "" if row["role"] == "-" else row["role"] or row["phrase"]


@cache
def honorifics() -> PhraseIndex[str]:
    return PhraseIndex((w, w) for w in read_list("honorifics.txt"))


@cache
def triggers() -> PhraseIndex[Trigger]:
    return PhraseIndex(
        (
            row["phrase"],
            Trigger(
                row["phrase"],
                row["pos"],
                row["kind"],
                row["tense"],
                row["phone"] == "1",
                tuple(words(n) for n in split_values(row["needs"])),
            ),
        )
        for row in read_table("meeting_triggers.tsv")
    )


@cache
def phone_markers() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_list("phone_markers.txt"))


@cache
def reporting_cues() -> PhraseIndex[ReportingCue]:
    return PhraseIndex(
        (row["phrase"], ReportingCue(row["phrase"], row["kind"], frozenset(row["takes"].split())))
        for row in read_table("reporting_verbs.tsv")
    )


@cache
def dual_reporting_verbs() -> frozenset[str]:
    """The dual forms of the reporting verbs ("أكدا"، "شددا": the verb plus ا, both listed): two speak."""
    verbs = {normalize(row["phrase"]) for row in read_table("reporting_verbs.tsv") if row["kind"] == "verb"}
    return frozenset(verb for verb in verbs if verb.endswith("ا") and verb[:-1] in verbs)


@dataclass(frozen=True, slots=True)
class TopicPhrase:
    key: str
    gives_way_to: frozenset[str]  # keys that, named in the same sentence, make this phrase part of them


def topic_phrase_entries() -> list[tuple[str, TopicPhrase]]:
    return [
        (row["phrase"], TopicPhrase(row["key"], frozenset(split_values(row.get("gives_way_to", "")))))
        for row in read_table("topics.tsv")
    ]


@cache
def topic_phrases() -> PhraseIndex[TopicPhrase]:
    return PhraseIndex(topic_phrase_entries())


@cache
def topic_context_words() -> dict[str, frozenset[str]]:
    """kg/data/topic_context.tsv: use -> the normalised words with that use."""
    found: dict[str, set[str]] = {}
    for row in read_table("topic_context.tsv"):
        found.setdefault(row["use"], set()).add(normalize(row["word"]))
    return {use: frozenset(words) for use, words in found.items()}


@cache
def date_words() -> PhraseIndex[DateWord]:
    return PhraseIndex(
        (row["word"], DateWord(row["word"], row["kind"], int(row["value"]), row["calendar"]))
        for row in read_table("dates.tsv")
    )


@cache
def stopwords() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_list("stopwords.txt"))


def is_stopword(norm: str) -> bool:
    """A word that is never part of a name, also when it carries a clitic (وخلال، للمرة); not a name
    that only reads as two prepositions stacked ("كبها" is no "ك" + "بها": no such word)."""
    stops = stopwords()
    if stops.isdisjoint(clitic_stems(norm)):
        return False
    return any(stem in stops and not _stacked(norm, taken, stem) for taken, stem in clitic_variants(norm))


def _stacked(norm: str, taken: int, stem: str) -> bool:
    return taken > 0 and norm[taken - 1] in _PREPOSITIONS and stem[:1] in "بل" and stem[1:] in _PRONOUNS


_PRONOUNS = frozenset(("ه", "ها", "هم", "هما"))
