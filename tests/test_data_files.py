"""Integrity of the data kg ships: the gazetteer files under kg/data and the bundled examples.

The gazetteers are hand-made lists; these tests catch the mistakes such lists collect (a missing
column, a duplicated key, a Latin name in an Arabic column, a represents that points nowhere)
before the extractor trips over them. The examples must match their annotations byte for byte,
so the gold file can be used to measure the extractor on them.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from kg.io import read_articles
from kg.model import Article

PROJECT = Path(__file__).resolve().parents[1]
DATA = PROJECT / "kg" / "data"
EXAMPLES = PROJECT / "examples"
GOLD = PROJECT / "tests" / "fixtures" / "examples_gold.jsonl"

TOPICS = {
    "bilateral-relations", "economic-cooperation", "counter-terrorism", "military-cooperation",
    "political-process", "refugees", "sanctions", "sovereignty", "reconstruction", "regional-situation",
    "ceasefire", "humanitarian-aid", "energy", "security", "nuclear", "diplomatic-relations",
    "palestinian-question", "water",
}
ENTITY_TYPES = {"Person", "Organization", "Country", "Place"}


# ---------------------------------------------------------------- the examples and their gold


@cache
def gold_records() -> dict[str, dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, filter(str.strip, lines))}


def jsonl_examples() -> dict[str, dict]:
    lines = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, filter(str.strip, lines))}


def read_txt_example(path: Path) -> tuple[str, str]:
    """Title and text of a .txt example, the way examples/README.md says kg reads it."""
    content = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    lines = content.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    return lines[first].strip(), "\n".join(lines[first + 1 :]).strip()


TXT_FILES = sorted(EXAMPLES.glob("*.txt"))


def test_examples_are_at_least_twelve_and_each_has_one_gold_line():
    ids = list(jsonl_examples()) + [path.stem for path in TXT_FILES]
    assert len(ids) >= 12
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(gold_records())


@pytest.mark.parametrize("article_id", sorted(jsonl_examples()))
def test_jsonl_example_matches_its_gold(article_id):
    example, gold = jsonl_examples()[article_id], gold_records()[article_id]
    for field in ("title", "text", "published", "publisher"):
        assert example[field] == gold[field], field
    assert example["url"].startswith("https://example.org/")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", example["published"])


@pytest.mark.parametrize("path", TXT_FILES, ids=lambda path: path.stem)
def test_txt_example_matches_its_gold(path):
    gold = gold_records()[path.stem]
    assert read_txt_example(path) == (gold["title"], gold["text"])
    (article,) = [result for result in read_articles([path]) if isinstance(result, Article)]
    assert (article.title, article.text) == (gold["title"], gold["text"])


def test_kg_reads_every_example_as_the_gold_has_it():
    articles = {result.id: result for result in read_articles([EXAMPLES]) if isinstance(result, Article)}
    assert sorted(articles) == sorted(gold_records())
    for article_id, gold in gold_records().items():
        assert articles[article_id].text.encode("utf-8") == gold["text"].encode("utf-8"), article_id


@pytest.mark.parametrize("article_id", sorted(gold_records()))
def test_gold_is_consistent(article_id):
    record = gold_records()[article_id]
    gold = record["gold"]
    assert 120 <= len(record["text"].split()) <= 400
    keys = [entity["key"] for entity in gold["entities"]]
    assert len(keys) == len(set(keys)), "duplicate entity keys"
    for entity in gold["entities"]:
        assert entity["type"] in ENTITY_TYPES
        assert entity["names"] and all(name.strip() for name in entity["names"])
        if entity["type"] == "Person":
            assert entity["role"] and entity["represents"] in keys, entity["key"]
    for meeting in gold["meetings"]:
        assert set(meeting["participants"]) <= set(keys)
        assert meeting["place"] is None or meeting["place"] in keys
        assert meeting["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting["date"])
        assert isinstance(meeting["phone"], bool)
    flat_text = normalise(record["text"])
    for statement in gold["statements"]:
        assert set(statement["speaker"]) <= set(keys)
        assert isinstance(statement["direct"], bool)
        assert normalise(statement["contains"]) in flat_text, statement["contains"]
    assert set(gold["topics"]) <= TOPICS


def test_examples_exercise_the_listed_forms():
    """The features examples/README.md promises are really in the files."""
    raw = {path.stem: path.read_bytes() for path in TXT_FILES}
    texts = [record["text"] for record in gold_records().values()]
    assert any(data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data for data in raw.values())
    assert any(re.search("[٠-٩]{2}", text) for text in texts)  # Eastern Arabic digits
    assert any("\u0640" in text for text in texts)  # tatweel
    assert any(re.search("[\u064b-\u0652]", text) for text in texts)  # tashkeel
    assert any(re.search(r"\d+ (?:شعبان|رمضان|شوال|محرم)\s+\d{4}\s*هـ", text) for text in texts)  # Hijri date
    assert any("اقرأ أيضاً" in text for text in texts)
    assert any(phrase in text for text in texts for phrase in ("ومن المقرر أن", "سيعقد"))
    assert any(record["gold"]["meetings"] == [] for record in gold_records().values())
    assert any(meeting["phone"] for record in gold_records().values() for meeting in record["gold"]["meetings"])


_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def normalise(text: str) -> str:
    """The scorer's comparison form: no diacritics or tatweel, one alef, no punctuation."""
    text = _DIACRITICS.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(re.sub(r"[^\w\s]+", " ", text).split())
