"""Resumable, idempotent batch builds: skipping what the store holds, replacing what changed,
and a stopped, killed or interrupted (Ctrl-C) run that, run again, gives the uninterrupted store."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.batch import BatchOptions, article_graph, build
from kg.extract import pipeline
from kg.io import read_articles
from kg.model import Article
from kg.progress import Progress
from kg.rdf.graph import build_graph
from kg.rdf.namespaces import DIP
from kg.store import LAYOUT_GRAPH, open_store, store_to_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "batch_articles.jsonl"
ARABIC = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()][:-1]
EXAMPLES = [json.loads(line) for line in (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").split("\n")
            if line.strip()]
KG = [sys.executable, "-m", "kg"]
CONTENT_HASH = ox.NamedNode(str(DIP.contentHash))


def write_corpus(path: Path, records: list[dict], count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            record = dict(records[number % len(records)])
            record["id"] = f"r{number:04d}-{record['id']}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def store_quads(store_dir: Path) -> list[str]:
    return sorted(str(quad) for quad in open_store(store_dir, read_only=True))


def graph_quads(store_dir: Path) -> dict[str, set[str]]:
    """Each article graph's quads (the store's union and layout note left out)."""
    graphs: dict[str, set[str]] = {}
    for quad in open_store(store_dir, read_only=True):
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value != LAYOUT_GRAPH:
            graphs.setdefault(quad.graph_name.value, set()).add(str(quad))
    return graphs


def assert_union_is_the_article_graphs(store_dir: Path) -> None:
    """The store's default graph holds each triple of its article graphs once, and nothing else."""
    store = open_store(store_dir, read_only=True)
    union = {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    held = {str(q.triple) for q in store
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value != LAYOUT_GRAPH}
    assert union == held


def edit(path: Path, changes: dict[int, dict]) -> None:
    """Change some records of a JSONL file in place (by line index)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for index, fields in changes.items():
        lines[index] = json.dumps(json.loads(lines[index]) | fields, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def source(tmp_path) -> Path:
    return write_corpus(tmp_path / "in.jsonl", ARABIC, 30)


# ---------------------------------------------------------------------------- idempotence


def test_building_again_skips_every_unchanged_article_and_changes_nothing(tmp_path, source):
    build([source], store=tmp_path / "store")
    before = store_quads(tmp_path / "store")
    again = build([source], store=tmp_path / "store")
    assert (again.written, again.unchanged, again.failed) == (0, 30, 0)
    assert store_quads(tmp_path / "store") == before


UNDATED = ("دمشق-سانا\n\nاستقبل الرئيس السوري بشار الأسد اليوم الأحد 14 آب 2022 في دمشق وزير الخارجية "
           "الإيراني حسين أمير عبد اللهيان، وبحث الجانبان العلاقات الثنائية.")


def stored_dates(store_dir: Path) -> set[str]:
    dates = open_store(store_dir, read_only=True).quads_for_pattern(
        None, ox.NamedNode("http://purl.org/dc/terms/date"), None, None)
    return {q.object.value for q in dates if isinstance(q.graph_name, ox.NamedNode)}


def test_an_undated_article_dated_from_its_dateline_is_unchanged_when_built_again(tmp_path):
    source = tmp_path / "undated.jsonl"
    source.write_text(json.dumps({"id": "undated", "text": UNDATED}, ensure_ascii=False) + "\n", encoding="utf-8")
    first = build([source], store=tmp_path / "store")
    assert (first.written, first.failed) == (1, 0)
    assert stored_dates(tmp_path / "store") == {"2022-08-14"}  # the dateline's date, which the input lacks
    before = store_quads(tmp_path / "store")
    for _ in range(2):
        again = build([source], store=tmp_path / "store")
        assert (again.written, again.replaced, again.unchanged) == (0, 0, 1)
    assert store_quads(tmp_path / "store") == before


def test_an_article_that_loses_its_own_date_is_extracted_again_with_its_datelines(tmp_path):
    source = tmp_path / "dated.jsonl"
    record = {"id": "dated", "text": UNDATED, "published": "2020-02-02"}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    build([source], store=tmp_path / "store")
    assert stored_dates(tmp_path / "store") == {"2020-02-02"}
    del record["published"]
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = build([source], store=tmp_path / "store")
    assert (summary.written, summary.replaced, summary.unchanged) == (1, 1, 0)
    assert stored_dates(tmp_path / "store") == {"2022-08-14"}
    assert build([source], store=tmp_path / "store").unchanged == 1


def test_building_the_examples_again_replaces_nothing(tmp_path, capsys):
    from kg.cli import main

    assert main(["build", str(ROOT / "examples"), "--store", str(tmp_path / "store"), "-q"]) == 0
    assert main(["build", str(ROOT / "examples"), "--store", str(tmp_path / "store")]) == 0
    assert "written 0 (0 new, 0 replaced) | unchanged 14 | failed 0" in capsys.readouterr().out


def test_changed_articles_replace_their_graph_and_nothing_else(tmp_path, source):
    build([source], store=tmp_path / "store")
    edit(source, {3: {"text": ARABIC[3 % 5]["text"] + "\nوأضاف أن المشاورات ستستمر خلال الأيام المقبلة."},
                  7: {"title": "عنوان آخر للخبر"},
                  9: {"published": "2020-02-02"}})
    summary = build([source], store=tmp_path / "store")
    assert (summary.written, summary.replaced, summary.unchanged) == (3, 3, 27)
    build([source], store=tmp_path / "fresh")
    assert store_quads(tmp_path / "store") == store_quads(tmp_path / "fresh")


def test_force_extracts_everything_again_with_the_same_result(tmp_path, source):
    build([source], store=tmp_path / "store")
    before = store_quads(tmp_path / "store")
    summary = build([source], store=tmp_path / "store", options=BatchOptions(force=True))
    assert (summary.written, summary.replaced, summary.unchanged) == (30, 30, 0)
    assert store_quads(tmp_path / "store") == before


def test_articles_written_by_another_extractor_are_extracted_again(tmp_path, source, monkeypatch):
    import kg.batch.sink

    monkeypatch.setattr(kg.batch.sink, "extractor_fingerprint", lambda: "kg-0.0.1-older-word-lists")
    build([source], store=tmp_path / "store")
    before = store_quads(tmp_path / "store")
    monkeypatch.undo()
    summary = build([source], store=tmp_path / "store")
    assert (summary.written, summary.replaced, summary.unchanged) == (30, 30, 0)
    assert build([source], store=tmp_path / "store").unchanged == 30
    after = store_quads(tmp_path / "store")
    # the same text, so the same graphs: only the notes of which extractor wrote them differ
    assert [q for q in after if "extractedWith" not in q] == [q for q in before if "extractedWith" not in q]
    assert sum("older-word-lists" in q for q in before) == 30 and not any("older-word-lists" in q for q in after)


def test_the_last_version_of_an_article_read_twice_wins_as_in_the_in_memory_build(tmp_path):
    source = tmp_path / "dup.jsonl"
    versions = [ARABIC[0] | {"id": "same"}, ARABIC[1] | {"id": "other"}, ARABIC[2] | {"id": "same"}]
    source.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in versions), encoding="utf-8")
    for batch in (1, 100):  # the two versions in one batch, and in two
        store = tmp_path / f"store-{batch}"
        build([source], store=store, options=BatchOptions(batch_articles=batch))
        expected = build_graph(pipeline.extract(a) for a in read_articles([source]))
        written = store_to_dataset(open_store(store, read_only=True))
        assert sorted(written.quads()) == sorted(expected.quads())
        assert build([source], store=store).written == 1  # "same" is read twice: the first one differs
        assert store_quads(store) == sorted(str(q) for q in open_store(store, read_only=True))


def test_a_graph_left_incomplete_by_a_crash_is_rebuilt(tmp_path, source):
    build([source], store=tmp_path / "clean")
    build([source], store=tmp_path / "store")
    store = open_store(tmp_path / "store")
    graph = ox.NamedNode(article_graph(Article(id=json.loads(source.read_text().splitlines()[4])["id"], text="")))
    quads = list(store.quads_for_pattern(None, None, None, graph))
    for quad in quads[len(quads) // 2 :]:  # half its quads and its completion mark gone
        store.remove(quad)
    store.remove(next(iter(store.quads_for_pattern(graph, CONTENT_HASH, None, graph))))
    store.flush()
    del store
    summary = build([source], store=tmp_path / "store")
    assert (summary.written, summary.replaced, summary.unchanged) == (1, 1, 29)
    assert store_quads(tmp_path / "store") == store_quads(tmp_path / "clean")
    assert_union_is_the_article_graphs(tmp_path / "store")


# ---------------------------------------------------------------------------- stopped and resumed


class StopAfter(Progress):
    """Asks the build to stop once `count` articles are done, as Ctrl-C does."""

    def __init__(self, count: int, stop: threading.Event):
        super().__init__(None, enabled=False)
        self.count, self.stop = count, stop

    def update(self, done: int, errors: int = 0, *, force: bool = False) -> None:
        if done >= self.count:
            self.stop.set()


@pytest.mark.parametrize(("stop_after", "workers"), [(1, 0), (7, 0), (22, 0), (12, 2)])
def test_a_stopped_build_resumed_gives_the_same_store_as_an_uninterrupted_one(tmp_path, source, stop_after, workers):
    options = BatchOptions(batch_articles=5)
    build([source], store=tmp_path / "clean", options=options)
    stop = threading.Event()
    stopped = build([source], store=tmp_path / "store", options=BatchOptions(workers=workers, batch_articles=5,
                    chunk_size=2), progress=StopAfter(stop_after, stop), stop=stop)
    assert stopped.interrupted
    assert stop_after <= stopped.written < 30
    clean = graph_quads(tmp_path / "clean")
    for name, quads in graph_quads(tmp_path / "store").items():  # only complete graphs were written
        assert quads == clean[name]
    resumed = build([source], store=tmp_path / "store", options=options)
    assert (resumed.written, resumed.unchanged) == (30 - stopped.written, stopped.written)
    assert store_quads(tmp_path / "store") == store_quads(tmp_path / "clean")
    assert_union_is_the_article_graphs(tmp_path / "store")


ARTICLES = 100


@pytest.fixture(scope="module")
def long_run(tmp_path_factory) -> tuple[Path, list[str]]:
    """A corpus that takes one worker a few seconds, and the store an uninterrupted build makes of it."""
    folder = tmp_path_factory.mktemp("long")
    source = write_corpus(folder / "in.jsonl", EXAMPLES, ARTICLES)
    build([source], store=folder / "clean")
    return source, store_quads(folder / "clean")


def _lines(stream) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in stream:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _wait_for(lines: queue.Queue, seen: list[str], said, what: str, timeout: float = 120) -> None:
    """Read the build's messages (kept in `seen`) until one is `said`; fail saying `what` never came."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if said(line):
            return
    pytest.fail(f"the build never {what}:\n" + "".join(seen))


def _wait_for_progress(lines: queue.Queue, at_least: int, seen: list[str], timeout: float = 120) -> None:
    def reached(line: str) -> bool:
        match = re.search(r"([\d,]+)(?:/[\d,]+)? articles \|", line)
        return bool(match) and int(match.group(1).replace(",", "")) >= at_least

    _wait_for(lines, seen, reached, "reported progress", timeout)


def test_ctrl_c_stops_cleanly_keeping_what_was_written_and_running_again_completes(tmp_path, long_run):
    source, clean = long_run
    store = tmp_path / "store"
    command = [*KG, "build", str(source), "--store", str(store), "--workers", "1", "--log-every", "0.1"]
    with (tmp_path / "out.txt").open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        lines = _lines(process.stderr)
        seen: list[str] = []
        _wait_for_progress(lines, 6, seen)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)
    seen.extend(iter(lines.get, None))
    err, out = "".join(seen), (tmp_path / "out.txt").read_text()
    assert process.returncode == 130, err
    assert "Traceback" not in err
    written = int(re.search(r"interrupted; (\d+) articles written", err).group(1))
    assert 0 < written < ARTICLES
    assert f"written {written} ({written} new, 0 replaced)" in out and "| interrupted" in out
    partial = set(store_quads(store))
    assert partial < set(clean)
    assert len(graph_quads(store)) == written
    resumed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    rest = ARTICLES - written
    assert f"written {rest} ({rest} new, 0 replaced) | unchanged {written}" in resumed.stdout
    assert store_quads(store) == clean


def test_a_killed_build_leaves_a_store_that_a_rerun_completes(tmp_path, long_run):
    source, clean = long_run
    store = tmp_path / "store"
    script = (
        "import sys\nfrom kg.batch import BatchOptions, build\nfrom kg.progress import Progress\n"
        "build([sys.argv[1]], store=sys.argv[2], options=BatchOptions(workers=1, batch_articles=3, chunk_size=2),"
        " progress=Progress(None, interval=0.05, terminal=False))\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(source), str(store)], stderr=subprocess.PIPE,
                               text=True, cwd=ROOT, start_new_session=True)
    # batches of 4 (two chunks of 2), and the writer holds one batch while one waits: progress
    # past 12 comes after the third batch was handed over, so the first is complete with its marks
    _wait_for_progress(_lines(process.stderr), 16, [])
    os.killpg(process.pid, signal.SIGKILL)  # no chance to clean up, workers included
    process.wait(timeout=60)
    summary = build([source], store=store)
    assert summary.unchanged > 0 and summary.written + summary.unchanged == ARTICLES
    assert store_quads(store) == clean
    assert_union_is_the_article_graphs(store)


def test_resuming_with_a_dataset_gives_the_whole_graph(tmp_path, source):
    stop = threading.Event()
    build([source], store=tmp_path / "store", progress=StopAfter(10, stop), stop=stop)
    dataset = Dataset(default_union=True)
    build([source], store=tmp_path / "store", dataset=dataset)
    expected = build_graph(pipeline.extract(a) for a in read_articles([source]))
    assert sorted(dataset.quads()) == sorted(expected.quads())
