"""A replace run killed at each failpoint of the write path (kg.failpoint), then run again, leaves
the store exactly as a clean build of the same articles: graphs, union and marks. While it lies
killed, each article is either its old or its new version, never both (issue 15)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import failpoint
from kg.export import export_store
from kg.store import check_store, open_store

# (id, city, visitor's country, subject): short dispatches written for this test
DISPATCHES = [
    ("fp-01", "القاهرة", "الأردن", "الأمن المائي"),
    ("fp-02", "عمان", "العراق", "الربط الكهربائي"),
    ("fp-03", "الرياض", "الكويت", "أمن الخليج"),
    ("fp-04", "الدوحة", "تونس", "الاستثمار المشترك"),
    ("fp-05", "بغداد", "سوريا", "عودة اللاجئين"),
    ("fp-06", "الرباط", "موريتانيا", "التبادل التجاري"),
    ("fp-07", "بيروت", "قبرص", "الحدود البحرية"),
    ("fp-08", "الجزائر", "ليبيا", "الانتخابات الليبية"),
]
MOVED = {"القاهرة": "الإسكندرية", "عمان": "العقبة", "الرياض": "جدة", "الدوحة": "الكويت",
         "بغداد": "أربيل", "الرباط": "طنجة", "بيروت": "صيدا", "الجزائر": "وهران"}
RUNNER = ("import sys; from kg.batch import BatchOptions, build; "
          "build([sys.argv[1]], store=sys.argv[2], options=BatchOptions(batch_articles=3, force=sys.argv[3] == '1'))")


def dispatch(ident: str, city: str, country: str, subject: str, edited: bool) -> dict:
    if edited:
        city = MOVED[city]
    title = f"وزير خارجية {country} يبحث {subject} في {city}" if not edited else f"مباحثات حول {subject} في {city}"
    text = (f"{city} - استقبل وزير الخارجية اليوم الاثنين في {city} نظيره من {country}، وبحث الجانبان "
            f"{subject} وسبل تعزيز التعاون بين البلدين. وقال الوزير إن المحادثات كانت بناءة ومثمرة.")
    return {"id": ident, "title": title, "text": text, "published": "2023-05-08", "publisher": "وكالة الاختبار"}


def corpus(path: Path, edited: bool, extra: bool = False) -> Path:
    rows = [dispatch(*row, edited=edited) for row in DISPATCHES]
    if extra:  # a new article in the replace run: the bulk path of new graphs
        rows.append(dispatch("fp-09", "الدوحة", "عمان", "الملاحة في مضيق هرمز", edited=False))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def run_build(articles: Path, store: Path, *, point: str | None = None, force: bool = False) -> int:
    env = {k: v for k, v in os.environ.items() if k != "KG_FAILPOINT"}
    if point is not None:
        env["KG_FAILPOINT"] = point
    done = subprocess.run([sys.executable, "-c", RUNNER, str(articles), str(store), "1" if force else "0"],
                          env=env, capture_output=True, text=True, timeout=300)
    return done.returncode


def everything(folder: Path) -> set[str]:
    """Every quad of the store (union, graphs, marks and notes) as text."""
    return {str(q) for q in open_store(folder, read_only=True)}


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("failpoints")
    old, new = corpus(root / "old.jsonl", False), corpus(root / "new.jsonl", True, extra=True)
    assert run_build(old, root / "old-store") == 0
    assert run_build(new, root / "clean") == 0
    return {"root": root, "old": old, "new": new, "old-store": root / "old-store", "clean": root / "clean"}


def graphs(folder: Path) -> dict[str, frozenset[str]]:
    """Each named graph's quads, as text."""
    found: dict[str, set[str]] = {}
    for quad in open_store(folder, read_only=True):
        if isinstance(quad.graph_name, ox.NamedNode):
            found.setdefault(quad.graph_name.value, set()).add(str(quad))
    return {graph: frozenset(quads) for graph, quads in found.items()}


def titles(folder: Path) -> dict[str, set[str]]:
    """Each article's titles as queries see them (the union)."""
    store = open_store(folder, read_only=True)
    found: dict[str, set[str]] = {}
    for row in store.query("SELECT ?a ?t WHERE { ?a <http://purl.org/dc/terms/title> ?t }"):
        found.setdefault(row["a"].value, set()).add(row["t"].value)
    return found


KILLS = ["store.before-commit", "store.before-commit@2", "store.after-commit", "store.after-commit@2",
         "store.after-load", "store.after-union", "store.after-marks", "nqlog.before-index", "nqlog.before-index@2",
         "sink.after-batch", "sink.after-batch@2"]


@pytest.mark.parametrize("point", KILLS)
def test_a_replace_killed_at_a_failpoint_resumes_to_the_clean_store(stores, tmp_path, point):
    assert point.partition("@")[0] in failpoint.POINTS
    store = tmp_path / "store"
    shutil.copytree(stores["old-store"], store)
    assert run_build(stores["new"], store, point=point) == -9  # died where the failpoint is
    killed = check_store(open_store(store, read_only=True))
    if not point.startswith(("store.after-load", "store.after-union")):  # replaces are transactions
        assert (killed.stale, killed.missing) == (0, 0)
    for article, seen in titles(store).items():  # never the old title beside the new
        assert len(seen) == 1, (article, seen)
    old, clean, now = graphs(stores["old-store"]), graphs(stores["clean"]), graphs(store)
    for graph, quads in old.items():  # each article as it was or as it is now: never partial, never gone
        assert now.get(graph) in (quads, clean[graph]), graph
    assert exported(store, tmp_path) == exported(store, tmp_path, log=False)  # the N-Quads log never lies
    assert run_build(stores["new"], store) == 0
    assert everything(store) == everything(stores["clean"])
    assert check_store(open_store(store, read_only=True)).healthy
    assert exported(store, tmp_path) == exported(stores["clean"], tmp_path, log=False)


def exported(folder: Path, tmp: Path, log: bool = True) -> bytes:
    """The store's N-Quads export: from its log where it can (kg.nqlog), or every graph dumped."""
    target = tmp / "export.nq"
    export_store(open_store(folder, read_only=True), target, "nquads", store_dir=folder if log else None)
    return target.read_bytes()


def test_force_and_repair_mend_a_union_damaged_by_an_older_kg(stores, tmp_path):
    store_dir = tmp_path / "store"
    shutil.copytree(stores["clean"], store_dir)
    store = ox.Store(str(store_dir))
    stale = ox.Quad(ox.NamedNode("https://w3id.org/dipkg/resource/article/fp-01"),
                    ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("عنوان قديم بقي في الاتحاد"))
    store.add(stale)
    store.remove(next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))))
    check = check_store(store)
    assert (check.stale, check.missing, check.healthy) == (1, 1, False)
    del store
    assert run_build(stores["new"], store_dir, force=True) == 0
    assert everything(store_dir) == everything(stores["clean"])

    store = ox.Store(str(store_dir))
    store.add(stale)
    del store
    checked = subprocess.run([sys.executable, "-m", "kg", "store", "check", str(store_dir)],
                             capture_output=True, text=True)
    assert checked.returncode == 1 and "stale union triples 1" in checked.stdout
    repaired = subprocess.run([sys.executable, "-m", "kg", "store", "repair", str(store_dir)],
                              capture_output=True, text=True)
    assert repaired.returncode == 0, repaired.stderr
    assert everything(store_dir) == everything(stores["clean"])
