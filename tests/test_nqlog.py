"""The store's N-Quads log (kg.nqlog): `kg export --format nquads` copies the graphs a build
logged and dumps the rest, and writes exactly the bytes a dump of every graph writes — after a
first build, an edit-and-rebuild, a --force rebuild, a graph written by another path, and damage
to the log."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg import nqlog
from kg.batch import BatchOptions, build
from kg.export import export, export_store
from kg.rdf.namespaces import DIP
from kg.store import article_graphs, open_store, write_articles

# (id, host city, visiting minister's country, subject): dispatches written for these tests
VISITS = [
    ("nq-01", "القاهرة", "الأردن", "أمن الحدود"),
    ("nq-02", "الرياض", "الكويت", "أسعار النفط"),
    ("nq-03", "تونس", "الجزائر", "الهجرة غير النظامية"),
    ("nq-04", "مسقط", "إيران", "الملاحة في الخليج"),
    ("nq-05", "بغداد", "تركيا", "المياه المشتركة"),
    ("nq-06", "الرباط", "السنغال", "الطاقة المتجددة"),
    ("nq-07", "بيروت", "فرنسا", "إعادة الإعمار"),
]


def visit(ident: str, city: str, country: str, subject: str, edit: int = 0) -> dict:
    said = ["وقال الوزير إن المحادثات كانت صريحة.", "وأعلن الجانبان توقيع مذكرة تفاهم في ختام اللقاء."][edit]
    text = (f"{city} - التقى وزير الخارجية اليوم الثلاثاء في {city} نظيره القادم من {country}، وتناول "
            f"اللقاء {subject} وتعزيز العلاقات الثنائية. {said}\tوصدر بيان مشترك.")
    title = [f"مباحثات حول \"{subject}\" في {city}", f"مذكرة تفاهم بشأن {subject}"][edit]
    return {"id": ident, "title": title, "text": text, "published": "2024-02-13", "publisher": "وكالة\tالاختبار"}


def corpus(path: Path, edited: set[str] = frozenset()) -> Path:
    rows = [visit(*row, edit=int(row[0] in edited)) for row in VISITS]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def exports(folder: Path, tmp: Path) -> tuple[bytes, bytes]:
    """(the export as kg writes it, from the log where it can; every graph dumped from the store)."""
    export(tmp / "logged.nq", store=folder)
    export_store(open_store(folder, read_only=True), tmp / "dumped.nq", "nquads")  # no folder: no log
    return (tmp / "logged.nq").read_bytes(), (tmp / "dumped.nq").read_bytes()


def logged(folder: Path) -> set[str]:
    return set(nqlog.usable(open_store(folder, read_only=True), folder))


@pytest.fixture
def built(tmp_path) -> Path:
    store = tmp_path / "store"
    build([corpus(tmp_path / "first.jsonl")], store=store, options=BatchOptions(batch_articles=3))
    return store


def test_a_built_store_exports_from_its_log_the_bytes_a_dump_writes(built, tmp_path):
    fast, slow = exports(built, tmp_path)
    assert fast == slow and fast.count(b"\n") > 100
    assert "الأردن".encode() in fast
    assert b'\\"' in fast and b"\\t" in fast  # quotes and the tab escaped as Oxigraph writes them
    graphs = article_graphs(open_store(built, read_only=True))
    assert logged(built) == set(graphs) and len(graphs) == len(VISITS)
    assert len(list((built / "nquads").glob("*.nq"))) == 3  # a segment per batch of 3


def test_an_edit_and_rebuild_logs_the_new_graphs(built, tmp_path):
    before, _ = exports(built, tmp_path)
    edited = tmp_path / "edited.jsonl"
    build([corpus(edited, {"nq-02", "nq-06"})], store=built, options=BatchOptions(batch_articles=3))
    fast, slow = exports(built, tmp_path)
    assert fast == slow and fast != before
    assert "مذكرة تفاهم".encode() in fast
    assert logged(built) == set(article_graphs(open_store(built, read_only=True)))
    assert nqlog.stale_count(open_store(built, read_only=True), built) == (len(VISITS), 0)


def test_a_forced_rebuild_leaves_one_log_of_the_same_bytes(built, tmp_path):
    before, _ = exports(built, tmp_path)
    old = set((built / "nquads").glob("*.nq"))
    build([corpus(tmp_path / "first.jsonl")], store=built, options=BatchOptions(batch_articles=10, force=True))
    fast, slow = exports(built, tmp_path)
    assert fast == slow == before
    left = set((built / "nquads").glob("*.nq"))
    assert len(left) == 1 and not left & old  # every older segment superseded, and pruned


def test_a_graph_written_by_another_path_is_dumped_and_reported_stale(built, tmp_path):
    graph = URIRef(sorted(logged(built))[3])
    dataset = Dataset()
    same_hash = nqlog.read_index(built)[str(graph)].content_hash  # as logged: only the extractor note differs
    dataset.graph(graph).add((graph, DCTERMS.title, Literal("عنوان كتبه برنامج آخر")))
    dataset.graph(graph).add((graph, DIP.contentHash, Literal(same_hash)))
    write_articles(built, dataset)
    fast, slow = exports(built, tmp_path)
    assert fast == slow and "عنوان كتبه برنامج آخر".encode() in fast
    assert str(graph) not in logged(built) and len(logged(built)) == len(VISITS) - 1

    run = [sys.executable, "-m", "kg", "store"]
    checked = subprocess.run([*run, "check", str(built)], capture_output=True, text=True)
    assert f"N-Quads log (export copies from it): {len(VISITS)} graphs, 1 stale" in checked.stdout
    repaired = subprocess.run([*run, "repair", str(built)], capture_output=True, text=True)
    assert repaired.returncode == 0, repaired.stderr
    assert "1 stale N-Quads log entries dropped" in repaired.stdout
    assert f"{len(VISITS) - 1} graphs, 0 stale" in repaired.stdout
    assert exports(built, tmp_path)[0] == slow


def test_a_damaged_log_costs_speed_not_bytes(built, tmp_path):
    _, slow = exports(built, tmp_path)
    segments = sorted((built / "nquads").glob("*.nq"))
    with segments[0].open("r+b") as cut:  # entries past the end are ignored
        cut.truncate(segments[0].stat().st_size // 2)
    index = segments[1].with_suffix(".idx")
    index.write_text("not json\n" + index.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    segments[2].with_suffix(".idx").unlink()  # a segment whose index was never written
    assert 0 < len(logged(built)) < len(VISITS)
    assert exports(built, tmp_path) == (slow, slow)
    nqlog.drop(built)
    assert logged(built) == set() and exports(built, tmp_path) == (slow, slow)


def test_an_unmarked_graph_is_never_copied(built, tmp_path):
    store = ox.Store(str(built))
    graph = sorted(logged(built))[0]
    marks = list(store.quads_for_pattern(ox.NamedNode(graph), None, None, ox.NamedNode("urn:x-kg:store")))
    for mark in marks:  # as an interrupted run leaves a graph: no note of the extractor that wrote it
        store.remove(mark)
    del store
    assert graph not in logged(built)
    fast, slow = exports(built, tmp_path)
    assert fast == slow


def test_the_log_streams_to_a_pipe_the_bytes_of_the_file(built, tmp_path):
    fast, slow = exports(built, tmp_path)
    piped = subprocess.run([sys.executable, "-m", "kg", "export", str(built), "--format", "nquads"],
                           capture_output=True, check=True)  # stdout a pipe: copied by sendfile
    assert piped.stdout == fast == slow
