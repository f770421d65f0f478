"""The embedded store at scale: a synthetic graph of a million triples, loading, and every
ready-made query on the embedded store and on rdflib's in-memory graph, side by side.

    .venv/bin/python benchmarks/store.py                   # 1,000,000 triples, seed 7
    .venv/bin/python benchmarks/store.py --triples 200000 --rdflib-cap 10

The graph follows docs/instance-data.md: one named graph per article; a few thousand persons
(a handful very often named, most rarely), countries, organisations and places, each repeated in
every article that names it; one or two meetings and a few statements (Arabic words, some with
tashkeel) per article, some meetings reported by two articles, some with no known day; topics
from the fixed scheme. It is deterministic from the seed. Each query runs with its first
example's parameters (the generator makes sure those actors, places and words exist), timed as
`kg query` runs it (binding, engine, results as rdflib terms): the median of --runs runs after
one warm-up, and the fastest of them (what the query costs when the machine is not busy).
rdflib gets --rdflib-cap seconds per run; a query that takes longer shows "> cap".
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import random
import signal
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.query import OxigraphEngine, RdflibEngine, bind, list_queries
from kg.rdf.namespaces import DIP_IRI, DIPR_IRI, DIPT_IRI, TOPIC_KEYS

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
SCHEMA_URL = "https://schema.org/url"

# Word pools written for this benchmark (Arabic, with English where a label needs one).
FIRST = [("محمد", "Mohammed"), ("أحمد", "Ahmed"), ("خالد", "Khaled"), ("سامي", "Sami"), ("يوسف", "Youssef"),
         ("عمر", "Omar"), ("علي", "Ali"), ("حسن", "Hassan"), ("كريم", "Karim"), ("طارق", "Tarek"),
         ("نبيل", "Nabil"), ("وليد", "Walid"), ("فادي", "Fadi"), ("رامي", "Rami"), ("مازن", "Mazen"),
         ("جمال", "Jamal"), ("ناصر", "Nasser"), ("هشام", "Hisham"), ("عادل", "Adel"), ("منير", "Mounir"),
         ("سليم", "Salim"), ("زياد", "Ziad"), ("باسم", "Bassem"), ("إياد", "Iyad"), ("أنور", "Anwar"),
         ("ليلى", "Layla"), ("هالة", "Hala"), ("رنا", "Rana"), ("سلمى", "Salma"), ("نادية", "Nadia")]  # fmt: skip
FAMILY = [("الحداد", "Haddad"), ("النجار", "Najjar"), ("الخطيب", "Khatib"), ("الشامي", "Shami"),
          ("المصري", "Masri"), ("البغدادي", "Baghdadi"), ("الحلبي", "Halabi"), ("التونسي", "Tounsi"),
          ("الأحمد", "Ahmad"), ("الحسيني", "Husseini"), ("الرفاعي", "Rifai"), ("الزعبي", "Zoubi"),
          ("العمري", "Omari"), ("القاسم", "Qassem"), ("الصالح", "Saleh"), ("الشريف", "Sharif"),
          ("الحكيم", "Hakim"), ("العطار", "Attar"), ("الخياط", "Khayyat"), ("البيطار", "Bitar"),
          ("الطحان", "Tahhan"), ("الفارس", "Fares"), ("المالكي", "Maliki"), ("الجبوري", "Jubouri"),
          ("السعدي", "Saadi"), ("الكبيسي", "Kubaisi"), ("الدوري", "Douri"), ("اليمني", "Yamani")]  # fmt: skip
COUNTRIES = [("SY", "سوريا", "Syria"), ("RU", "روسيا", "Russia"), ("IR", "إيران", "Iran"),
             ("SA", "السعودية", "Saudi Arabia"), ("EG", "مصر", "Egypt"), ("JO", "الأردن", "Jordan"),
             ("LB", "لبنان", "Lebanon"), ("IQ", "العراق", "Iraq"), ("TR", "تركيا", "Turkey"), ("CN", "الصين", "China"),
             ("US", "الولايات المتحدة", "United States"), ("FR", "فرنسا", "France"), ("DE", "ألمانيا", "Germany"),
             ("GB", "بريطانيا", "United Kingdom"), ("AE", "الإمارات", "United Arab Emirates"), ("QA", "قطر", "Qatar"),
             ("KW", "الكويت", "Kuwait"), ("OM", "عمان", "Oman"), ("BH", "البحرين", "Bahrain"), ("YE", "اليمن", "Yemen"),
             ("LY", "ليبيا", "Libya"), ("TN", "تونس", "Tunisia"), ("DZ", "الجزائر", "Algeria"),
             ("MA", "المغرب", "Morocco"), ("SD", "السودان", "Sudan"), ("PS", "فلسطين", "Palestine"),
             ("IN", "الهند", "India"), ("JP", "اليابان", "Japan"), ("IT", "إيطاليا", "Italy"),
             ("ES", "إسبانيا", "Spain")]  # fmt: skip
PLACES = [("moscow-524901", "موسكو", "Moscow"), ("riyadh-108410", "الرياض", "Riyadh"),
          ("damascus-170654", "دمشق", "Damascus"), ("cairo-360630", "القاهرة", "Cairo"),
          ("amman-250441", "عمّان", "Amman"), ("beirut-276781", "بيروت", "Beirut"),
          ("baghdad-98182", "بغداد", "Baghdad"), ("ankara-323786", "أنقرة", "Ankara"),
          ("beijing-1816670", "بكين", "Beijing"), ("paris-2988507", "باريس", "Paris"),
          ("geneva-2660646", "جنيف", "Geneva"), ("doha-290030", "الدوحة", "Doha"),
          ("tehran-112931", "طهران", "Tehran"), ("jeddah-105343", "جدة", "Jeddah"),
          ("sochi-491422", "سوتشي", "Sochi"), ("istanbul-745044", "إسطنبول", "Istanbul"),
          ("abu-dhabi-292968", "أبوظبي", "Abu Dhabi"), ("muscat-287286", "مسقط", "Muscat"),
          ("algiers-2507480", "الجزائر العاصمة", "Algiers"), ("rabat-2538475", "الرباط", "Rabat")]  # fmt: skip
ORGS = [("un", "الأمم المتحدة", "United Nations"), ("arab-league", "جامعة الدول العربية", "Arab League"),
        ("eu", "الاتحاد الأوروبي", "European Union"), ("sana", "سانا", "SANA"), ("reuters", "رويترز", "Reuters"),
        ("afp", "وكالة الأنباء الفرنسية", "AFP"), ("tass", "تاس", "TASS"), ("wam", "وام", "WAM")]  # fmt: skip
ROLES = ["وزير الخارجية", "الرئيس", "رئيس الوزراء", "وزير الدفاع", "المبعوث الخاص", "السفير",
         "المتحدث باسم وزارة الخارجية", "نائب وزير الخارجية", "مستشار الأمن القومي", "وزير الاقتصاد"]  # fmt: skip
# Well-known actors named far more often than the rest (their names appear in the query examples).
FAMOUS = [("vladimir-putin", "فلاديمير بوتين", "Vladimir Putin", "بوتين", "الرئيس", "RU"),
          ("sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov", "لافروف", "وزير الخارجية", "RU"),
          ("faisal-mekdad", "فيصل المقداد", "Faisal Mekdad", "المقداد", "وزير الخارجية والمغتربين", "SY"),
          ("bashar-al-assad", "بشار الأسد", "Bashar al-Assad", "الأسد", "الرئيس", "SY"),
          ("hossein-amir-abdollahian", "حسين أمير عبد اللهيان", "Hossein Amir-Abdollahian", "عبد اللهيان",
           "وزير الخارجية", "IR"),
          ("faisal-bin-farhan", "فيصل بن فرحان", "Faisal bin Farhan", "بن فرحان", "وزير الخارجية", "SA"),
          ("maria-zakharova", "ماريا زاخاروفا", "Maria Zakharova", "زاخاروفا", "المتحدثة باسم وزارة الخارجية", "RU"),
          ("recep-tayyip-erdogan", "رجب طيب أردوغان", "Recep Tayyip Erdogan", "أردوغان", "الرئيس", "TR")]  # fmt: skip
FAMOUS_RANKS = (5, 8, 12, 17, 23, 30, 38, 47)
KINDS = [("summit", "قمة"), ("talks", "مباحثات"), ("visit", "زيارة"), ("reception", "استقبال"),
         ("call", "اتصال هاتفي"), ("conference", "مؤتمر"), ("meeting", "لقاء")]  # fmt: skip
TOPIC_WORDS = {
    "bilateral-relations": "تعزيز العلاقات الثنائية", "economic-cooperation": "توسيع التبادل التجاري",
    "counter-terrorism": "مكافحة الإرهاب", "military-cooperation": "التعاون العسكري بين الجيشين",
    "political-process": "دفع العملية السياسية", "refugees": "عودة اللاجئين إلى ديارهم",
    "sanctions": "رفع العقوبات الأحادية", "sovereignty": "احترام السيادة ووحدة الأراضي",
    "reconstruction": "إعادةِ الإعمار", "regional-situation": "المستجدات الإقليمية",
    "ceasefire": "تثبيت وقف إطلاق النار", "humanitarian-aid": "إيصال المساعدات الإنسانية",
    "energy": "أمن الطاقة وإمدادات الغاز", "security": "الأمن الإقليمي والاستقرار",
    "nuclear": "الملف النووي", "diplomatic-relations": "إعادة فتح السفارات",
    "palestinian-question": "القضية الفلسطينية", "water": "الأمن المائي",
}  # fmt: skip
OPENERS = ["نؤكد أن", "نرى أن", "لا بد من التأكيد أن", "نحن على قناعة بأن", "أوضحنا لشركائنا أن", "يجب أن نعمل على"]
CLOSERS = ["في المرحلة المقبلة", "دون أي تأخير", "بما يخدم مصالح البلدين", "وفق القانون الدولي",
           "خلال الأشهر المقبلة", "بالتنسيق مع الأطراف المعنية"]  # fmt: skip
TOPIC_LABELS = {key: (words.replace("ِ", ""), key.replace("-", " ")) for key, words in TOPIC_WORDS.items()}


def lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


class Generator:
    """Writes N-Quads of synthetic articles until the target number of quads is reached."""

    def __init__(self, seed: int, persons: int = 3000):
        self.random = random.Random(seed)
        self.persons = []
        seen = set()
        while len(self.persons) < persons - len(FAMOUS):
            first, middle, family = (self.random.choice(FIRST), self.random.choice(FIRST), self.random.choice(FAMILY))
            ar = f"{first[0]} {middle[0]} {family[0]}"
            if ar in seen:
                continue
            seen.add(ar)
            en = f"{first[1]} {middle[1]} {family[1]}"
            key = f"{en.lower().replace(' ', '-')}-{hashlib.sha1(ar.encode()).hexdigest()[:6]}"
            role = self.random.choice(ROLES)
            country = self.random.choice(COUNTRIES)[0]
            self.persons.append((key, ar, en, family[0], role, country, None))
        # Zipf-like popularity over the ranks; the well-known actors of the query examples sit among
        # the often named (Putin 5th: in about one article in fifteen), not all at the very top
        for rank, (key, ar, en, alt, role, country) in zip(FAMOUS_RANKS, FAMOUS, strict=True):
            self.persons.insert(rank - 1, (key, ar, en, alt, role, country, f"http://www.wikidata.org/entity/Q{rank}"))
        self.weights = [1.0 / (rank + 1) ** 0.9 for rank in range(len(self.persons))]
        self.countries = {code: (ar, en) for code, ar, en in COUNTRIES}

    def articles(self, target: int):
        """Yield (article number, N-Quads lines) until about `target` quads have been made."""
        made = number = 0
        previous_meeting = None
        while made < target:
            lines = self.article(number, previous_meeting)
            previous_meeting = self.last_meeting
            made += len(lines)
            number += 1
            yield number, lines

    def article(self, number: int, previous):
        r = self.random
        article = f"{DIPR_IRI}article/syn-{number:06d}"
        graph = f"<{article}>"
        lines: list[str] = []

        def add(s: str, p: str, o: str) -> None:
            lines.append(f"<{s}> <{p}> {o} {graph} .")

        day = f"{r.randint(2015, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        add(article, RDF_TYPE, f"<{DIP_IRI}Article>")
        add(article, f"{DCT}date", lit(day, datatype=f"{XSD}date"))
        add(article, f"{DIP_IRI}articleId", lit(f"syn-{number:06d}"))
        add(article, f"{DIP_IRI}contentHash", lit(hashlib.sha256(str(number).encode()).hexdigest()))
        add(article, f"{DCT}publisher", lit(r.choice(["موقع المرصد", "نشرة الأخبار", "بوابة الشرق"]), "ar"))
        add(article, SCHEMA_URL, f"<https://example.org/news/syn-{number:06d}>")
        agency = r.choice(ORGS[3:])
        add(article, f"{DIP_IRI}reportedBy", f"<{DIPR_IRI}org/{agency[0]}>")
        self.org(add, agency, article)
        people = list(dict.fromkeys(r.choices(range(len(self.persons)), weights=self.weights, k=r.randint(2, 5))))
        if len(people) < 2:
            people.append((people[0] + 1) % len(self.persons))
        for index in people:
            self.person(add, index, article)
        place = r.choice(PLACES)
        add(f"{DIPR_IRI}place/{place[0]}", RDF_TYPE, f"<{DIP_IRI}Place>")
        add(f"{DIPR_IRI}place/{place[0]}", RDFS_LABEL, lit(place[1], "ar"))
        add(f"{DIPR_IRI}place/{place[0]}", RDFS_LABEL, lit(place[2], "en"))
        add(f"{DIPR_IRI}place/{place[0]}", f"{DIP_IRI}mentionedIn", f"<{article}>")
        topics: set[str] = set()
        meetings = []
        if previous is not None and r.random() < 0.08:  # the same meeting, reported again
            meetings.append(previous)
        for _ in range(r.choice((1, 1, 1, 2))):
            kind = r.choice(KINDS)
            who = sorted(r.sample(people, k=min(len(people), r.choice((2, 2, 2, 3)))))
            dated = r.random() > 0.05
            date = day if dated else None
            key = hashlib.sha1(f"{who}{place}{date}{kind}".encode()).hexdigest()[:10]
            meetings.append((f"{DIPR_IRI}meeting/{date or 'undated'}-{key}", kind, who, date,
                             r.sample(TOPIC_KEYS, 2)))  # fmt: skip
        for iri, kind, who, date, about in meetings:
            names = "، ".join(self.persons[i][1] for i in who)
            add(iri, RDF_TYPE, f"<{DIP_IRI}{'PhoneCall' if kind[0] == 'call' else 'Meeting'}>")
            add(iri, RDFS_LABEL, lit(f"{kind[1]}: {names}", "ar"))
            add(iri, f"{DIP_IRI}meetingKind", lit(kind[0]))
            for i in who:
                add(iri, f"{DIP_IRI}participant", f"<{DIPR_IRI}person/{self.persons[i][0]}>")
                self.person(add, i, article)
            if kind[0] != "call":
                add(iri, f"{DIP_IRI}location", f"<{DIPR_IRI}place/{place[0]}>")
            if date:
                add(iri, f"{DIP_IRI}date", lit(date, datatype=f"{XSD}date"))
            for key in about:
                add(iri, f"{DIP_IRI}topic", f"<{DIPT_IRI}{key}>")
                topics.add(key)
            add(iri, PROV_DERIVED, f"<{article}>")
            sentence = f"عقد {names} {kind[1]} في {place[1]} تناول {TOPIC_WORDS[about[0]]}."
            add(iri, f"{DIP_IRI}evidence", lit(sentence, "ar"))
        self.last_meeting = meetings[-1]
        for s in range(r.randint(1, 4)):
            speaker = r.choice(people)
            key = r.choice(TOPIC_KEYS)
            words = f"{r.choice(OPENERS)} {TOPIC_WORDS[key]} {r.choice(CLOSERS)}"
            iri = f"{DIPR_IRI}statement/{hashlib.sha1(f'{number}-{s}-{words}'.encode()).hexdigest()[:12]}"
            direct = r.random() < 0.5
            add(iri, RDF_TYPE, f"<{DIP_IRI}Statement>")
            add(iri, RDFS_LABEL, lit(f"{self.persons[speaker][3]}: {words[:40]}…", "ar"))
            add(iri, f"{DIP_IRI}speaker", f"<{DIPR_IRI}person/{self.persons[speaker][0]}>")
            add(iri, f"{DIP_IRI}quote", lit(words, "ar"))
            add(iri, f"{DIP_IRI}direct", lit("true" if direct else "false", datatype=f"{XSD}boolean"))
            add(iri, f"{DIP_IRI}topic", f"<{DIPT_IRI}{key}>")
            topics.add(key)
            during = r.choice(meetings)
            if speaker in during[2] and r.random() < 0.7:
                add(iri, f"{DIP_IRI}madeDuring", f"<{during[0]}>")
                others = [i for i in during[2] if i != speaker]
                if others and r.random() < 0.4:
                    add(iri, f"{DIP_IRI}addressee", f"<{DIPR_IRI}person/{self.persons[others[0]][0]}>")
            add(iri, PROV_DERIVED, f"<{article}>")
            add(iri, f"{DIP_IRI}evidence", lit(f"وقال {self.persons[speaker][3]}: «{words}».", "ar"))
        add(article, f"{DCT}title", lit(f"{self.persons[people[0]][1]} يبحث {TOPIC_WORDS[sorted(topics)[0]]}", "ar"))
        for key in sorted(topics):
            topic = f"{DIPT_IRI}{key}"
            add(topic, RDF_TYPE, f"<{DIP_IRI}Topic>")
            add(topic, RDF_TYPE, f"<{SKOS}Concept>")
            add(topic, f"{SKOS}inScheme", f"<{DIPT_IRI}>")
            add(topic, RDFS_LABEL, lit(TOPIC_LABELS[key][0], "ar"))
            add(topic, RDFS_LABEL, lit(TOPIC_LABELS[key][1], "en"))
            add(topic, f"{SKOS}prefLabel", lit(TOPIC_LABELS[key][0], "ar"))
            add(topic, f"{SKOS}prefLabel", lit(TOPIC_LABELS[key][1], "en"))
        return list(dict.fromkeys(lines))  # a node met twice in one article is described once

    def person(self, add, index: int, article: str) -> None:
        key, ar, en, alt, role, country, wikidata = self.persons[index]
        iri = f"{DIPR_IRI}person/{key}"
        add(iri, RDF_TYPE, f"<{DIP_IRI}Person>")
        add(iri, RDFS_LABEL, lit(ar, "ar"))
        add(iri, RDFS_LABEL, lit(en, "en"))
        add(iri, f"{SKOS}altLabel", lit(alt, "ar"))
        add(iri, f"{DIP_IRI}role", lit(role, "ar"))
        add(iri, f"{DIP_IRI}represents", f"<{DIPR_IRI}country/{country}>")
        if wikidata:
            add(iri, OWL_SAME, f"<{wikidata}>")
        add(iri, f"{DIP_IRI}mentionedIn", f"<{article}>")
        name_ar, name_en = self.countries[country]
        country_iri = f"{DIPR_IRI}country/{country}"
        add(country_iri, RDF_TYPE, f"<{DIP_IRI}Country>")
        add(country_iri, RDFS_LABEL, lit(name_ar, "ar"))
        add(country_iri, RDFS_LABEL, lit(name_en, "en"))
        add(country_iri, f"{DIP_IRI}mentionedIn", f"<{article}>")

    def org(self, add, org, article: str) -> None:
        iri = f"{DIPR_IRI}org/{org[0]}"
        add(iri, RDF_TYPE, f"<{DIP_IRI}Organization>")
        add(iri, RDFS_LABEL, lit(org[1], "ar"))
        add(iri, RDFS_LABEL, lit(org[2], "en"))
        add(iri, f"{DIP_IRI}mentionedIn", f"<{article}>")


def generate(path: Path, target: int, seed: int) -> tuple[int, int]:
    """Write about `target` quads to an N-Quads file; returns (quads, articles)."""
    generator = Generator(seed)
    quads = articles = 0
    with path.open("w", encoding="utf-8") as out:
        for number, lines in generator.articles(target):
            out.write("\n".join(lines) + "\n")
            quads += len(lines)
            articles = number
    return quads, articles


class Cap(BaseException):
    """A query ran past its time cap (a BaseException, so that no engine's error handling keeps it)."""


@contextmanager
def time_cap(seconds: float):
    def stop(signum, frame):
        raise Cap()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def median_ms(engine, text: str, runs: int, cap: float | None = None) -> tuple[float | None, int]:
    """(median milliseconds or None past the cap, rows); one warm-up run first."""
    median, _, rows = timings_ms(engine, text, runs, cap)
    return median, rows


def timings_ms(engine, text: str, runs: int, cap: float | None = None) -> tuple[float | None, float | None, int]:
    """(median and fastest milliseconds, or None past the cap; rows); one warm-up run first."""
    timings, rows = [], 0
    for attempt in range(runs + 1):
        gc.collect()
        started = time.perf_counter()
        try:
            if cap is None:
                result = engine.run(text)
            else:
                with time_cap(cap):
                    result = engine.run(text)
        except Cap:
            return None, None, rows
        elapsed = time.perf_counter() - started
        rows = len(result.rows)
        if attempt:
            timings.append(elapsed * 1000)
        if cap is not None and elapsed * (runs + 1 - attempt) > cap * 3:
            break  # slow enough: fewer runs of it are plenty
    if not timings:
        timings = [elapsed * 1000]
    return statistics.median(timings), min(timings), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="quads to generate (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=7, help="timed runs per query (median reported)")
    parser.add_argument("--rdflib-cap", type=float, default=30.0, metavar="S", help="seconds per rdflib run")
    parser.add_argument("--skip-rdflib", action="store_true", help="time the embedded store only")
    parser.add_argument("--folder", type=Path, help="keep the generated file and store here")
    parser.add_argument("--queries-only", action="store_true",
                        help="time the queries on the store a previous run left in --folder")
    args = parser.parse_args(argv)
    if args.queries_only:
        return time_queries(args)

    from kg.store import count_quads, count_union, open_store, write_articles, write_nquads

    folder = args.folder = args.folder or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "synthetic.nq"
    started = time.perf_counter()
    quads, articles = generate(data, args.triples, args.seed)
    print(f"generated {quads:,} quads in {articles:,} article graphs ({data.stat().st_size / 2**20:.0f} MB) "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip

    import pyoxigraph as ox
    from rdflib import Dataset

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    parse_s = time.perf_counter() - started
    print(f"rdflib: parsed into an in-memory Dataset in {parse_s:.1f} s")

    store_dir = folder / "store"
    if store_dir.exists():
        import shutil

        shutil.rmtree(store_dir)
    summary = write_articles(store_dir, dataset)
    print(f"embedded store: write_articles of {summary.quads:,} quads in {summary.graphs:,} graphs: "
          f"{summary.seconds:.1f} s ({summary.quads / summary.seconds:,.0f} quads/s)")  # fmt: skip
    again = write_articles(store_dir, dataset)
    written = open_store(store_dir)
    print(f"embedded store: writing the same articles again (each graph replaced): {again.seconds:.1f} s; "
          f"afterwards {count_quads(written):,} quads in the article graphs (no duplicates) and "
          f"{count_union(written):,} distinct triples in their union")  # fmt: skip
    del written
    nquads_dir = folder / "nquads"
    raw = data.read_bytes()
    names = sorted({line.rsplit(b" ", 2)[-2][1:-1].decode() for line in raw.splitlines() if line})
    loaded = write_nquads(nquads_dir, raw, names, lenient=True)
    print(f"embedded store: write_nquads of the same file (the batch-build path): {loaded.seconds:.1f} s")
    bulk_dir = folder / "bulk"
    started = time.perf_counter()
    ox.Store(str(bulk_dir)).bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    print(f"embedded store: Oxigraph's own bulk_load of the N-Quads file (no union kept): "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip

    return time_queries(args, dataset)


def time_queries(args, dataset=None) -> int:
    """Every ready-made query on the store in --folder (and on rdflib, unless --skip-rdflib)."""
    from kg.store import open_store

    if args.folder is None or not (args.folder / "store").is_dir():
        print("--queries-only needs the --folder of an earlier run", file=sys.stderr)
        return 2
    if dataset is None and not args.skip_rdflib:
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(args.folder / "synthetic.nq", format="nquads")
    store = OxigraphEngine(open_store(args.folder / "store", read_only=True))
    rdflib_engine = RdflibEngine(dataset) if dataset is not None else None
    print()
    header = f"{'query':<26} {'rows':>6} {'store ms':>10} {'(fastest)':>10} {'rdflib ms':>12} {'rdflib/store':>13}"
    print(header)
    print("-" * len(header))
    missed = []
    for query in list_queries():
        text = bind(query, query.example_params(0))
        store_ms, fastest, rows = timings_ms(store, text, args.runs)
        if store_ms > 200:
            missed.append(query.name)
        if args.skip_rdflib:
            print(f"{query.name:<26} {rows:>6} {store_ms:>10.1f} {fastest:>10.1f}", flush=True)
            continue
        rdflib_ms, rdflib_rows = median_ms(rdflib_engine, text, max(1, args.runs // 2), cap=args.rdflib_cap)
        if rdflib_ms is None:
            shown, ratio = f"> {args.rdflib_cap * 1000:,.0f}", f"> {args.rdflib_cap * 1000 / store_ms:,.0f}x"
        else:
            shown, ratio = f"{rdflib_ms:,.1f}", f"{rdflib_ms / store_ms:,.0f}x"
            if rdflib_rows != rows:
                ratio += f"  (rdflib gave {rdflib_rows} rows)"
        print(f"{query.name:<26} {rows:>6} {store_ms:>10.1f} {fastest:>10.1f} {shown:>12} {ratio:>13}", flush=True)
    print()
    if missed:
        print(f"over 200 ms on the embedded store: {', '.join(missed)}")
    else:
        print("every ready-made query ran in 200 ms or less on the embedded store")
    print(f"(files in {args.folder})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
