#!/usr/bin/env python3
"""A large synthetic corpus for scale benchmarks, made from the example articles' own sentences.

    .venv/bin/python benchmarks/corpus.py -n 100000 -o /tmp/corpus-100k.jsonl --seed 7

Each example article is read once through kg (kg.io, extraction) and turned into a template:
its persons, countries and places become slots, its sentences keep their paragraphs. A synthetic
article takes one template's lead, keeps most of its body sentences, borrows a few body sentences
from other templates, and fills the slots with other gazetteer actors, countries and cities; its
publication date and the day numbers of its explicit dates vary too. The same seed always gives
the same corpus, byte for byte. Lines are JSONL as `kg build` reads them (id, url, title, text,
published, publisher).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg import analyse, extract, read_articles
from kg.extract import gazetteer as gz
from kg.model import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_SLOT = re.compile(r"\{([PCL])(\d+)\}")
_TYPES = {"Person": "P", "Country": "C", "Place": "L"}
_MONTHS = (
    "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول|"
    "يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
)
_DAY_OF_MONTH = re.compile(rf"(?<![\d٠-٩])([0-9]{{1,2}})(?= (?:{_MONTHS}))")
_PUBLISHERS = ("سانا", "وكالة الأنباء القطرية", "بترا", "واس", "وام", "أ ش أ", "روسيا اليوم", "الأناضول")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # with {P0}, {C1}, {L0} slots
    paragraph: int


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    title: str
    lead: tuple[Sentence, ...]  # the first paragraph that holds a sentence
    body: tuple[Sentence, ...]


def templates(folder: Path = EXAMPLES) -> list[Template]:
    """The example articles with their persons, countries and places as slots."""
    made = []
    for article in read_articles([folder]):
        if isinstance(article, Article):
            made.append(_template(article))
    return sorted(made, key=lambda t: t.id)


def _template(article: Article) -> Template:
    facts, doc = extract(article), analyse(article)
    spans: list[tuple[int, int, str]] = []
    counters = dict.fromkeys(_TYPES.values(), 0)
    surface: dict[str, str] = {}
    for entity in facts.entities:
        letter = _TYPES.get(entity.type)
        if letter is None or not entity.mentions:
            continue
        slot = f"{{{letter}{counters[letter]}}}"
        counters[letter] += 1
        for mention in entity.mentions:
            spans.append((mention.start, mention.end, slot))
            surface[mention.text] = slot
    spans.sort()
    kept, last_end = [], -1
    for start, end, slot in spans:
        if start >= last_end:
            kept.append((start, end, slot))
            last_end = end
    sentences = []
    for sentence in doc.sentences:
        if sentence.kind != "body":
            continue
        pieces, cursor = [], sentence.start
        for start, end, slot in kept:
            if start >= sentence.start and end <= sentence.end:
                pieces.append(article.text[cursor:start])
                pieces.append(slot)
                cursor = end
        pieces.append(article.text[cursor : sentence.end])
        sentences.append(Sentence("".join(pieces), sentence.paragraph))
    title = article.title
    for text, slot in sorted(surface.items(), key=lambda item: -len(item[0])):
        title = title.replace(text, slot)
    first = sentences[0].paragraph if sentences else 0
    lead = tuple(s for s in sentences if s.paragraph == first)
    body = tuple(s for s in sentences if s.paragraph != first)
    return Template(article.id, title, lead, body)


@dataclass(frozen=True, slots=True)
class Pools:
    persons: tuple[str, ...]
    countries: tuple[str, ...]
    places: tuple[str, ...]


def pools() -> Pools:
    """Arabic names to fill the slots with: gazetteer persons, CLDR countries, the larger cities."""
    persons = tuple(known.label for _, known in sorted(gz.persons().items()) if known.label)
    countries = tuple(known.label for _, known in sorted(gz.countries().items()) if known.label)
    cities = sorted((known for known in gz.places().values() if known.label), key=lambda k: (-k.population, k.key))
    return Pools(persons, countries, tuple(k.label for k in cities[:600]))


def generate(count: int, seed: int = 7) -> Iterator[dict]:
    """`count` synthetic articles as JSON-ready records, deterministic from `seed`."""
    rng = random.Random(seed)
    shapes, names = templates(), pools()
    borrowed = [s for t in shapes for s in t.body]
    first_day = dt.date(2015, 1, 1).toordinal()
    for number in range(count):
        base = shapes[rng.randrange(len(shapes))]
        body = [s for s in base.body if rng.random() < 0.8]
        for _ in range(rng.randint(0, 3)):
            body.insert(rng.randint(0, len(body)), borrowed[rng.randrange(len(borrowed))])
        fill = _Filler(rng, names)
        paragraphs = [" ".join(fill(s.text) for s in base.lead)]
        current, parts = None, []
        for sentence in body:
            if parts and sentence.paragraph != current:
                paragraphs.append(" ".join(parts))
                parts = []
            current = sentence.paragraph
            parts.append(fill(sentence.text))
        if parts:
            paragraphs.append(" ".join(parts))
        text = _DAY_OF_MONTH.sub(lambda _m: str(rng.randint(1, 28)), "\n\n".join(p for p in paragraphs if p))
        published = dt.date.fromordinal(first_day + rng.randrange(3650))
        yield {
            "id": f"syn-{seed}-{number:07d}",
            "url": f"https://example.org/syn/{seed}/{number}",
            "title": fill(base.title),
            "text": text,
            "published": published.isoformat(),
            "publisher": _PUBLISHERS[rng.randrange(len(_PUBLISHERS))],
        }


class _Filler:
    """Fills the slots of one article: the same slot is the same name throughout the article."""

    def __init__(self, rng: random.Random, names: Pools) -> None:
        self.rng, self.names, self.chosen = rng, names, {}

    def __call__(self, text: str) -> str:
        return _SLOT.sub(self._name, text)

    def _name(self, match: re.Match) -> str:
        slot = match.group(0)
        if slot not in self.chosen:
            pool = {"P": self.names.persons, "C": self.names.countries, "L": self.names.places}[match.group(1)]
            self.chosen[slot] = pool[self.rng.randrange(len(pool))]
        return self.chosen[slot]


def write_corpus(path: str | Path, count: int, seed: int = 7) -> Path:
    """Write the corpus as JSONL; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in generate(count, seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--count", type=int, default=10_000, help="articles (default %(default)s)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the JSONL file to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default %(default)s)")
    args = parser.parse_args(argv)
    path = write_corpus(args.output, args.count, args.seed)
    size = path.stat().st_size
    print(f"{args.count} articles, {size / 2**20:.1f} MB -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
