"""Arabic normalisation for matching, keeping a map back to the original text.

The normalised form drops tashkeel, tatweel, Quranic marks and invisible format characters,
writes every alef with hamza or madda as a bare alef, ى as ي, ة as ه, ؤ as و and ئ as ي,
folds Persian/Urdu look-alikes (ک ی) and Eastern Arabic digits to their plain forms, and
lower-cases Latin. Labels and evidence always come from the original text through the map.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

from pyarabic.araby_const import TASHKEEL, TATWEEL

# Marks on a letter beyond pyarabic's TASHKEEL (the eight harakat, tanween, shadda and sukun): the
# rarer ones after them (maddah, hamza above and below, subscript alef... U+0653–U+065F), the
# superscript (dagger) alef, and the Quranic annotation signs that sit on letters
_OTHER_MARKS = "".join(chr(c) for c in (*range(0x0653, 0x0660), 0x0670, *range(0x0610, 0x061B)))
# Removed entirely: all of those marks, tatweel, Quranic pause and verse signs, zero-width and bidi
# controls, BOM, soft hyphen.
_REMOVED = "".join(TASHKEEL) + TATWEEL + _OTHER_MARKS + "".join(
    chr(c)
    for c in (
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E9),
        *range(0x06EA, 0x06EE),
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0xFEFF,
        0x00AD,
    )
)
_FOLDED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي",
    "ة": "ه", "ۃ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u3000": " ", "\t": " ",
}  # fmt: skip
# str.translate looks every character up in its table, and a dict raises (and swallows) a KeyError
# for each one it lacks: a list over the Basic Multilingual Plane, every character mapped (to itself
# when unchanged), translates twice as fast (a character past it is an IndexError: left as it is)
_TABLE = [*range(0x10000)]
for _code, _value in str.maketrans({**dict.fromkeys(_REMOVED, None), **_FOLDED}).items():
    _TABLE[_code] = _value
_REMOVED_SET = frozenset(_REMOVED)
# Yet translate still looks up every character, some 40 ns each: a longer text, where most stay
# as they are, is changed faster by replacing the few kinds of character it holds that change
# (one at a time is the same as all at once: no character changes into one that changes again)
_CHANGES = {chr(code): value or "" for code, value in enumerate(_TABLE) if value != code}
_CHANGING = re.compile("[" + "".join(map(re.escape, _CHANGES)) + "]")
_REPLACED_FROM = 32  # characters: shorter texts are translated
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")


_PRESENTATION = re.compile("[\ufb50-\ufefc]")
_KEPT_RUN = re.compile("[^" + re.escape(_REMOVED) + "]+")


def normalize(text: str) -> str:
    """The matching form of a string (no offsets): what lexicon keys and lookups use."""
    if len(text) <= _SHORT:
        return _normalize_short(text)
    return _normalize(text)


_SHORT = 48  # words and names, asked about over and over: their forms are kept


@lru_cache(maxsize=1 << 14)
def _normalize_short(text: str) -> str:
    return _normalize(text)


def _translated(text: str) -> str:
    """text.translate(_TABLE), faster."""
    if len(text) < _REPLACED_FROM:
        return text.translate(_TABLE)
    for char in set(_CHANGING.findall(text)):
        text = text.replace(char, _CHANGES[char])
    return text


def _normalize(text: str) -> str:
    text = _translated(text)
    if _PRESENTATION.search(text):
        text = _fold_presentation_forms(text)
    return text.lower()


_MARKS = frozenset("".join(TASHKEEL) + TATWEEL + _OTHER_MARKS)


def end_with_marks(original: str, end: int) -> int:
    """Past the tashkeel and tatweel that sit on a span's last letter: "الرئيسُ" keeps its damma."""
    while end < len(original) and original[end] in _MARKS:
        end += 1
    return end


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised text and, for each of its characters, the offset of its origin in the original."""

    text: str
    offsets: array  # len(text) + 1 entries; the last is len(original)
    original: str = ""
    glued: tuple[int, ...] = ()  # original offsets of the tanweens a space was put after (_glued_at)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) for a span of the normalised text, marks on its last letter included."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], end_with_marks(self.original, self.offsets[end - 1] + 1)


_IDENTITY = array("i", range(1 << 16))
_IDENTITY_KEPT = 1 << 22  # the longest run of offsets kept between texts (16 MB)


def _identity(size: int) -> array:
    """The offsets 0, 1, 2 ... up to at least `size`: kept for texts of up to a few million
    characters (grown as they come), made for a longer one alone."""
    global _IDENTITY
    identity = _IDENTITY
    if len(identity) < size:
        identity = array("i", range(max(size, 2 * len(identity))))
        if len(identity) <= _IDENTITY_KEPT:
            _IDENTITY = identity
    return identity


def normalize_with_offsets(original: str) -> NormalizedText:
    """Normalise a whole text and keep the map from normalised to original offsets."""
    pieces: list[str] = []
    offsets = array("i")
    identity = _identity(len(original))
    table = _TABLE
    previous_end = 0
    glued_at: list[int] = []
    # runs of kept characters fold one to one, except presentation forms (one glyph, two letters)
    for run in _KEPT_RUN.finditer(original):
        start = run.start()
        glued = _glued_at(original, previous_end, start)
        if glued >= 0:
            pieces.append(" ")  # "اتصالاًهاتفياً": a word's last mark, then the next word glued on
            offsets.append(glued)
            glued_at.append(glued)
        previous_end = run.end()
        folded = _translated(run.group()).lower()
        if len(folded) == run.end() - start and not _PRESENTATION.search(folded):
            pieces.append(folded)
            offsets.extend(identity[start : run.end()])  # copied in C, not counted out one by one
            continue
        for index, char in enumerate(run.group(), start):
            piece = char.translate(table)
            if _PRESENTATION.search(piece):
                piece = _fold_presentation_forms(piece)
            for letter in piece.lower():
                pieces.append(letter)
                offsets.append(index)
    offsets.append(len(original))
    return NormalizedText("".join(pieces), offsets, original, tuple(glued_at))


_TANWEEN = frozenset("\u064b\u064c\u064d")
_ALEFS = frozenset("اىأإآ")
_TANWEEN_CARRIERS = frozenset("اةء")  # the letters a word's closing tanween is written on or after


def _glued_at(original: str, gap_start: int, gap_end: int) -> int:
    """Where a tanween ends one word inside a run of letters ("اتصالاًهاتفياً"), else -1: tanween
    only ends a word, so a letter right after it (not the alef it sits before: "اتصالًا") starts
    the next one."""
    if gap_start == 0 or gap_end >= len(original) or gap_end == gap_start:
        return -1
    after = original[gap_end]
    if after in _ALEFS or not _ARABIC_LETTER.match(after) or original[gap_start - 1] not in _TANWEEN_CARRIERS:
        return -1  # (a tanween typed inside a word for a shadda, "صرًح", sits on no alef or ة)
    return next((i for i in range(gap_start, gap_end) if original[i] in _TANWEEN), -1)


def has_arabic(text: str) -> bool:
    """True when the text holds at least one Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None


def _fold_presentation_forms(text: str) -> str:
    import unicodedata

    if not any("\ufb50" <= c <= "\ufefc" for c in text):
        return text
    folded = "".join(unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufefc" else c for c in text)
    return folded.translate(_TABLE)
