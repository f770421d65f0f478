"""Integrity of the data kg ships: the gazetteer files under kg/data and the bundled examples.

The gazetteers are hand-made lists; these tests catch the mistakes such lists collect (a missing
column, a duplicated key, a Latin name in an Arabic column, a represents that points nowhere)
before the extractor trips over them. The examples must match their annotations byte for byte,
so the gold file can be used to measure the extractor on them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from babel import Locale

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


# ---------------------------------------------------------------- the gazetteer files

HEADERS = {
    "actors.tsv": ["key", "wikidata", "name_ar", "name_en", "aliases_ar", "role_ar", "represents", "active"],
    "organizations.tsv": ["key", "wikidata", "name_ar", "name_en", "aliases_ar", "kind", "country"],
    "given_names.tsv": ["name_ar", "ambiguous", "origin"],
    "places_extra.tsv": ["key", "name_ar", "name_en", "aliases_ar", "kind", "country", "geonames", "wikidata", "city"],
    "country_aliases.tsv": ["iso2", "names_ar", "nisba_ar", "short_ar"],
}
MINIMUM_ROWS = {"actors.tsv": 400, "organizations.tsv": 200, "given_names.tsv": 1500,
                "places_extra.tsv": 120, "country_aliases.tsv": 120}
# the Arabic columns of each file (multi-valued ones hold |-separated names)
ARABIC_COLUMNS = {
    "actors.tsv": ("name_ar", "aliases_ar", "role_ar"),  # role_ar may repeat: an office held twice
    "organizations.tsv": ("name_ar", "aliases_ar"),
    "given_names.tsv": ("name_ar",),
    "places_extra.tsv": ("name_ar", "aliases_ar"),
    "country_aliases.tsv": ("names_ar", "nisba_ar", "short_ar"),
}
ORG_KINDS = {"international", "un-agency", "regional", "news-agency", "ministry", "army", "party", "armed-group",
             "company", "other"}
PLACE_KINDS = {"city", "region", "venue", "crossing", "continent", "historical"}
NAME_ORIGINS = {"arabic", "persian", "turkish", "western", "russian", "chinese", "other"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
QID = re.compile(r"Q[1-9][0-9]*")
YEARS = re.compile(r"(\d{4})-(\d{4})?")
# an Arabic name: Arabic letters and marks, with spaces, digits and the few signs names carry (5+5, أ.ش.أ)
_ARABIC_OR_SIGN = r"[\u0600-\u06ff\u0750-\u077f\u200c0-9 .()+\-]"
ARABIC_NAME = re.compile(f"{_ARABIC_OR_SIGN}*[\u0620-\u064a]{_ARABIC_OR_SIGN}*")
# an organisation's name as Arabic news prints it in Latin letters ("(CNN)"، "شركة IBM")
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+)*")
# codes babel lists that are not states (regions, groupings, test locales)
NOT_STATES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"}


@cache
def iso_codes() -> frozenset[str]:
    codes = {code for code in Locale("en").territories if len(code) == 2 and code.isalpha()}
    return frozenset(codes - NOT_STATES)


@cache
def read_tsv(filename: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the rows (with their line numbers) of a data file; `#` lines at the top are comments."""
    lines = (DATA / filename).read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    header = lines[start].split("\t")
    rows = []
    for number, line in enumerate(lines[start + 1 :], start + 2):
        if not line:
            continue
        values = line.split("\t")
        assert len(values) == len(header), f"{filename}:{number}: {len(values)} columns, expected {len(header)}"
        rows.append((number, dict(zip(header, values, strict=True))))
    return header, rows


def values(cell: str) -> list[str]:
    return [value for value in cell.split("|") if value] if cell else []


def org_keys() -> set[str]:
    return {row["key"] for _, row in read_tsv("organizations.tsv")[1]}


@pytest.mark.parametrize("filename", sorted(HEADERS))
def test_header_columns_and_size(filename):
    header, rows = read_tsv(filename)
    assert header == HEADERS[filename]
    assert len(rows) >= MINIMUM_ROWS[filename]
    assert (DATA / filename).read_bytes().decode("utf-8") == (DATA / filename).read_text(encoding="utf-8")


@pytest.mark.parametrize("filename", sorted(ARABIC_COLUMNS))
def test_names_are_arabic_script_and_not_repeated(filename):
    for number, row in read_tsv(filename)[1]:
        for column in ARABIC_COLUMNS[filename]:
            # "~NAME" marks an alias that is also everyday words (it needs support in the text), "+NAME"
            # a short surname that stands alone for one person
            names = [n.lstrip("~+") if column == "aliases_ar" else n for n in values(row[column])]
            for name in names:
                latin = filename == "organizations.tsv" and column == "aliases_ar" and LATIN_NAME.fullmatch(name)
                arabic = latin or ARABIC_NAME.fullmatch(name)
                assert arabic, f"{filename}:{number}: {column} {name!r} is not an Arabic name"
                assert name == name.strip() and "  " not in name, f"{filename}:{number}: stray spaces in {name!r}"
                assert unicodedata.is_normalized("NFC", name), f"{filename}:{number}: {name!r} is not NFC"
            if column != "role_ar":
                assert len(names) == len(set(names)), f"{filename}:{number}: {column} repeats a value"
        if "aliases_ar" in row:
            assert row["name_ar"] not in values(row["aliases_ar"]), f"{filename}:{number}: alias repeats the name"


@pytest.mark.parametrize("filename", ["actors.tsv", "organizations.tsv", "places_extra.tsv"])
def test_keys_are_unique_ascii_slugs(filename):
    keys = [row["key"] for _, row in read_tsv(filename)[1]]
    for key in keys:
        assert SLUG.fullmatch(key), f"{filename}: key {key!r} is not a lower-case ASCII slug"
    assert len(keys) == len(set(keys)), f"{filename}: duplicate keys {sorted(k for k in keys if keys.count(k) > 1)}"


@pytest.mark.parametrize("filename", ["actors.tsv", "organizations.tsv", "places_extra.tsv"])
def test_wikidata_ids_are_well_formed_and_unique(filename):
    ids = [row["wikidata"] for _, row in read_tsv(filename)[1] if row["wikidata"]]
    for qid in ids:
        assert QID.fullmatch(qid), f"{filename}: {qid!r} is not a Wikidata id"
    assert len(ids) == len(set(ids)), f"{filename}: one Wikidata id on two rows"


@pytest.mark.parametrize("filename", ["actors.tsv", "organizations.tsv", "places_extra.tsv"])
def test_full_names_are_unique_and_no_alias_is_another_rows_name(filename):
    rows = read_tsv(filename)[1]
    owner = {}
    for number, row in rows:
        other = owner.get(row["name_ar"])
        assert other is None, f"{filename}:{number}: {row['name_ar']} is also the name on line {other}"
        owner[row["name_ar"]] = number
    for number, row in rows:
        for alias in values(row["aliases_ar"]):
            assert owner.get(alias, number) == number, f"{filename}:{number}: alias {alias} is the name of another row"


def test_actors_offices_align_and_represent_something_real():
    valid = iso_codes() | org_keys()
    for number, row in read_tsv("actors.tsv")[1]:
        roles, represents, active = values(row["role_ar"]), values(row["represents"]), values(row["active"])
        assert roles and represents and active, f"actors.tsv:{number}: role, represents and active are required"
        assert len(active) == len(roles), f"actors.tsv:{number}: {len(roles)} offices but {len(active)} spans"
        assert len(represents) in (1, len(roles)), f"actors.tsv:{number}: represents does not align with roles"
        for target in represents:
            assert target in valid, f"actors.tsv:{number}: represents {target!r}: no ISO code or organization key"
        assert row["name_en"].strip(), f"actors.tsv:{number}: no English name"


def test_actors_were_in_office_in_the_years_covered():
    for number, row in read_tsv("actors.tsv")[1]:
        spans = []
        for span in values(row["active"]):
            match = YEARS.fullmatch(span)
            assert match, f"actors.tsv:{number}: active {span!r} is not YYYY-YYYY or YYYY-"
            first, last = int(match[1]), int(match[2] or 2025)
            assert 1950 <= first <= last <= 2025, f"actors.tsv:{number}: active {span!r} out of range"
            spans.append((first, last))
        assert any(last >= 2000 for _, last in spans), f"actors.tsv:{number}: not in office 2000-2025"


def test_actors_cover_the_main_offices():
    by_key = {row["key"]: row for _, row in read_tsv("actors.tsv")[1]}
    for key in ("vladimir-putin", "sergey-lavrov", "bashar-al-assad", "antonio-guterres", "ahmed-aboul-gheit",
                "wang-yi", "antony-blinken", "hakan-fidan", "abdel-fattah-el-sisi", "mohammed-bin-salman"):
        assert key in by_key
    holders = [row for row in by_key.values() if "الأمين العام للأمم المتحدة" in values(row["role_ar"])]
    assert len(holders) >= 2  # an office held by two people in turn has both rows
    assert "لافروف" in values(by_key["sergey-lavrov"]["aliases_ar"])


def test_organizations_kinds_and_countries():
    for number, row in read_tsv("organizations.tsv")[1]:
        assert row["kind"] in ORG_KINDS, f"organizations.tsv:{number}: kind {row['kind']!r} not in {sorted(ORG_KINDS)}"
        assert not row["country"] or row["country"] in iso_codes(), f"organizations.tsv:{number}: country"
    keys = org_keys()
    assert {"un", "arab-league", "gcc", "eu", "au", "oic", "nato", "sana", "mena", "hamas", "hezbollah"} <= keys


def test_places_kinds_countries_and_ids():
    for number, row in read_tsv("places_extra.tsv")[1]:
        assert row["kind"] in PLACE_KINDS, f"places_extra.tsv:{number}: kind {row['kind']!r}"
        assert not row["country"] or row["country"] in iso_codes(), f"places_extra.tsv:{number}: country"
        assert not row["geonames"] or row["geonames"].isdigit(), f"places_extra.tsv:{number}: geonames id"
        if row["kind"] == "venue" and not row["country"]:
            assert row["key"] in {"karish", "kirkuk-ceyhan", "turkstream", "nord-stream"}, row["key"]
    names = {row["name_ar"] for _, row in read_tsv("places_extra.tsv")[1]}
    assert {"سوتشي", "شرم الشيخ", "قطاع غزة", "قصر الشعب", "البيت الأبيض", "معبر رفح"} <= names


def test_country_aliases_codes_and_nisbas():
    rows = read_tsv("country_aliases.tsv")[1]
    codes = [row["iso2"] for _, row in rows]
    assert len(codes) == len(set(codes))
    for number, row in rows:
        assert row["iso2"] in iso_codes(), f"country_aliases.tsv:{number}: {row['iso2']!r} is not an ISO code"
        for nisba in values(row["nisba_ar"]):
            assert not nisba.startswith("ال"), f"country_aliases.tsv:{number}: nisba {nisba} given with ال"
    assert {"SY", "RU", "US", "SA", "AE", "PS", "EG", "IR", "TR", "IL"} <= set(codes)


def test_given_names_flags_and_spellings():
    rows = read_tsv("given_names.tsv")[1]
    seen = {}
    for number, row in rows:
        assert row["ambiguous"] in {"0", "1"}, f"given_names.tsv:{number}: ambiguous must be 0 or 1"
        assert row["origin"] in NAME_ORIGINS, f"given_names.tsv:{number}: origin {row['origin']!r}"
        form = normalise(row["name_ar"])
        assert form not in seen, f"given_names.tsv:{number}: {row['name_ar']} repeats line {seen.get(form)}"
        seen[form] = number
    flags = {row["name_ar"]: row["ambiguous"] for _, row in rows}
    assert all(flags[name] == "1" for name in ("أمل", "سلام", "عادل", "جميل", "سعيد", "كريم", "منصور", "نصر"))
    assert all(flags[name] == "0" for name in ("أحمد", "سيرغي", "فلاديمير", "إيمانويل", "عبد الله"))


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
