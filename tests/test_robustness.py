"""Extraction never fails on text shaped like news: pieces and shuffles of real articles.

Property tests (tests/test_fuzz.py) try arbitrary Unicode; these try what breaks rule-based
extraction more often: real Arabic news words in orders and cuts no article has, where a
meeting word comes before anyone is named, a title ends the text, a quote never closes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from kg.extract.pipeline import extract
from kg.model import Article
from kg.rdf.graph import build_graph

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [json.loads(line)["text"] for line in (ROOT / "tests/fixtures/examples_gold.jsonl").open(encoding="utf-8")]


def _pieces(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        words = rng.choice(TEXTS).split()
        if n % 2:
            rng.shuffle(words)
            out.append(" ".join(words[: rng.randint(1, 120)]))
        else:
            start = rng.randint(0, len(words))
            out.append(" ".join(words[start : start + rng.randint(0, 150)]))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_pieces_and_shuffles_of_articles_extract_and_build(seed):
    for number, text in enumerate(_pieces(seed, 60)):
        published = dt.date(2024, 1, 1) if number % 3 else None
        facts = extract(Article(f"piece-{seed}-{number}", text, published=published))
        graph = build_graph([facts])
        for meeting in facts.meetings:
            assert len(set(meeting.participants)) >= 2
        for statement in facts.statements:
            assert statement.quote.strip()
            assert text[statement.span.start : statement.span.end] == statement.span.text
        for entity in facts.entities:
            for mention in entity.mentions:
                assert text[mention.start : mention.end] == mention.text
        assert len(graph) >= 0
