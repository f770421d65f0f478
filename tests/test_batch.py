"""Batch builds: streamed reading, the store written in batches, failure isolation, the errors file, progress."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from kg.batch import BatchOptions, article_graph, build, count_articles, extract_article, read_stream
from kg.batch.sink import StoreSink
from kg.batch.work import Extracted, Failed
from kg.cli import main
from kg.errors import GraphError, Problem
from kg.extract import pipeline
from kg.io import read_articles
from kg.model import Article
from kg.progress import Progress
from kg.rdf.graph import build_graph
from kg.rdf.namespaces import DIP
from kg.store import open_store, store_to_dataset

FIXTURE = Path(__file__).parent / "fixtures" / "batch_articles.jsonl"
RECORDS = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
ARABIC = [r for r in RECORDS if r["id"] != "b-no-arabic"]


def corpus(path: Path, count: int, *, prefix: str = "a") -> Path:
    """`count` articles made from the fixture's Arabic ones, each with its own id (and date)."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            record = dict(ARABIC[number % len(ARABIC)])
            record["id"] = f"{prefix}{number:04d}-{record['id']}"
            record["published"] = f"2023-{1 + number % 12:02d}-{1 + number % 28:02d}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def store_quads(store_dir: Path) -> list[str]:
    """The store's whole content as sorted N-Quads lines (kg mints no blank nodes)."""
    store = open_store(store_dir, read_only=True)
    return sorted(str(quad) for quad in store)


def assert_same_graphs(a: Dataset, b: Dataset) -> None:
    names = {c.identifier for c in a.graphs() if len(c)} | {c.identifier for c in b.graphs() if len(c)}
    for name in names:
        left, right = to_isomorphic(a.graph(name)), to_isomorphic(b.graph(name))
        if left != right:
            _, only_a, only_b = graph_diff(left, right)
            pytest.fail(f"graph {name} differs:\n{only_a.serialize(format='nt')}\n---\n{only_b.serialize(format='nt')}")


# ---------------------------------------------------------------------------- the store gets kg's graphs


def test_a_store_build_holds_exactly_the_graphs_of_the_in_memory_build(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 12)
    summary = build([source], store=tmp_path / "store")
    assert (summary.written, summary.replaced, summary.unchanged, summary.failed) == (12, 0, 0, 0)
    expected = build_graph(pipeline.extract(a) for a in read_articles([source]))
    assert_same_graphs(store_to_dataset(open_store(tmp_path / "store", read_only=True)), expected)
    assert summary.triples == len(set(expected.triples((None, None, None))))


def test_worker_processes_write_the_same_store_as_one_process(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 40)
    here = build([source], store=tmp_path / "here")
    pooled = build([source], store=tmp_path / "pooled", options=BatchOptions(workers=2, chunk_size=3))
    assert (pooled.written, pooled.failed, pooled.workers) == (40, 0, 2)
    assert (pooled.meetings, pooled.statements, pooled.topics) == (here.meetings, here.statements, here.topics)
    assert store_quads(tmp_path / "pooled") == store_quads(tmp_path / "here")


def test_a_dataset_and_a_store_filled_together_hold_the_same_graphs(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 6)
    dataset = Dataset(default_union=True)
    build([source], store=tmp_path / "store", dataset=dataset)
    assert_same_graphs(dataset, store_to_dataset(open_store(tmp_path / "store", read_only=True)))
    again = Dataset(default_union=True)  # unchanged articles come from the store
    summary = build([source], store=tmp_path / "store", dataset=again)
    assert summary.unchanged == 6
    assert_same_graphs(again, dataset)


def test_each_article_graph_is_checked_when_built_and_the_result_kept_in_the_layout_graph(tmp_path):
    from kg.shacl import kg_shapes, result_from_json
    from kg.store import LAYOUT_GRAPH, SHACL_RESULT, VALIDATED_WITH

    source = corpus(tmp_path / "in.jsonl", 5)
    build([source], store=tmp_path / "store")
    store = open_store(tmp_path / "store", read_only=True)
    layout = ox.NamedNode(LAYOUT_GRAPH)
    for graph in {q.graph_name for q in store if q.graph_name != layout and isinstance(q.graph_name, ox.NamedNode)}:
        notes = list(store.quads_for_pattern(graph, ox.NamedNode(VALIDATED_WITH), None, layout))
        assert [n.object.value for n in notes] == [kg_shapes().fingerprint]
        stored = [result_from_json(q.object.value)
                  for q in store.quads_for_pattern(graph, ox.NamedNode(SHACL_RESULT), None, layout)]  # fmt: skip
        triples = store_to_dataset(store).graph(URIRef(graph.value))
        assert sorted(map(str, stored)) == sorted(map(str, kg_shapes().check(triples)))


def test_a_graph_written_again_keeps_only_its_latest_check(tmp_path, monkeypatch):
    from kg.batch import work
    from kg.shacl import Result
    from kg.store import LAYOUT_GRAPH, SHACL_RESULT

    source = corpus(tmp_path / "in.jsonl", 2)
    real = work.kg_shapes()

    class Picky:  # finds one result in every graph
        fingerprint = "picky"

        def check(self, triples):
            return [Result(URIRef("https://example.org/x"), None, None, "Warning", "picky", URIRef("urn:s"))]

    monkeypatch.setattr(work, "kg_shapes", lambda: Picky())
    build([source], store=tmp_path / "store")
    monkeypatch.setattr(work, "kg_shapes", lambda: real)
    store = open_store(tmp_path / "store")
    results = ox.NamedNode(SHACL_RESULT), ox.NamedNode(LAYOUT_GRAPH)
    assert len(list(store.quads_for_pattern(None, results[0], None, results[1]))) == 2
    build([source], store=store, options=BatchOptions(force=True))
    assert list(store.quads_for_pattern(None, results[0], None, results[1])) == []


def test_small_batches_write_everything(tmp_path):
    source = corpus(tmp_path / "in.jsonl", 23)
    options = BatchOptions(batch_articles=4)
    summary = build([source], store=tmp_path / "small", options=options)
    build([source], store=tmp_path / "one")
    assert summary.written == 23
    assert store_quads(tmp_path / "small") == store_quads(tmp_path / "one")


# ---------------------------------------------------------------------------- failure isolation


def broken_archive(folder: Path) -> tuple[Path, int]:
    """A folder of every kind of bad input among good articles; returns it and its input count."""
    folder.mkdir()
    lines = [json.dumps(ARABIC[0] | {"id": "good-1"}, ensure_ascii=False),
             '{"id": "cut-off", "text": "استقبل الرئيس',  # broken JSON
             json.dumps({"id": "empty", "text": "   "}),  # empty text
             json.dumps({"id": "no-text", "title": "بلا نص"}, ensure_ascii=False),
             json.dumps(["not", "an", "object"]),
             json.dumps(ARABIC[1] | {"id": "boom"}, ensure_ascii=False),  # extraction raises (below)
             json.dumps(ARABIC[2] | {"id": "good-2"}, ensure_ascii=False),
             json.dumps(RECORDS[-1] | {"id": "latin"}, ensure_ascii=False)]  # no Arabic: a warning, written
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 8)  # binary
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Titre\nLe ministre a reçu l'ambassadeur à Genève.".encode("latin-1"))
    (folder / "good-3.txt").write_text("عنوان\n" + ARABIC[3]["text"], encoding="utf-8")
    return folder, len(lines) + 4


@pytest.fixture
def exploding_extract(monkeypatch):
    """Extraction raises for the article whose id is "boom", as a bug in an extractor would."""
    real = pipeline.extract

    def extract(article: Article):
        if article.id == "boom":
            raise ValueError("an extractor tripped over this article")
        return real(article)

    monkeypatch.setattr(pipeline, "extract", extract)


def test_nothing_is_lost_every_input_is_in_the_store_or_the_errors_file(tmp_path, exploding_extract):
    folder, inputs = broken_archive(tmp_path / "archive")
    errors = tmp_path / "errors.jsonl"
    summary = build([folder], store=tmp_path / "store", errors=errors)
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    store = open_store(tmp_path / "store", read_only=True)
    stored = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(str(DIP.articleId)), None)}
    assert stored == {article_graph(Article(id=i, text="")) for i in ("good-1", "good-2", "good-3", "latin")}
    assert len(stored) + len(records) == inputs == summary.articles
    assert (summary.written, summary.failed, summary.warnings) == (4, 8, 1)
    feed = str(folder / "feed.jsonl")
    reasons = {(r["source"], r["line"]): (r["id"], r["stage"], r["reason"]) for r in records}
    assert set(reasons) == {(feed, 2), (feed, 3), (feed, 4), (feed, 5), (feed, 6), (str(folder / "blob.txt"), None),
                            (str(folder / "empty.txt"), None), (str(folder / "latin1.txt"), None)}
    assert reasons[(feed, 6)] == ("boom", "extract", "extraction failed (ValueError: an extractor tripped over "
                                  "this article)")
    assert reasons[(feed, 2)][:2] == (None, "read") and "not valid JSON" in reasons[(feed, 2)][2]
    assert "binary" in reasons[(str(folder / "blob.txt"), None)][2]
    assert "not utf-8" in reasons[(str(folder / "latin1.txt"), None)][2]


def test_a_failed_article_is_tried_again_and_the_errors_file_says_the_latest_run(tmp_path, exploding_extract):
    folder, _ = broken_archive(tmp_path / "archive")
    errors = tmp_path / "errors.jsonl"
    first = build([folder], store=tmp_path / "store", errors=errors)
    second = build([folder], store=tmp_path / "store", errors=errors)
    assert (second.written, second.unchanged, second.failed) == (0, 4, first.failed)
    assert len(errors.read_text(encoding="utf-8").splitlines()) == first.failed  # rewritten, not appended


def test_in_a_worker_a_failing_article_comes_back_as_a_record(monkeypatch):
    monkeypatch.setattr(pipeline, "extract", lambda article: 1 / 0)
    article = Article(id="x", text="نص", source="feed.jsonl:7")
    assert extract_article(article) == Failed(
        "feed.jsonl", 7, "x", "extraction failed (ZeroDivisionError: division by zero)", "extract"
    )


def test_an_extracted_article_carries_its_graph_without_its_completion_mark():
    article = Article(id="b1", text=ARABIC[0]["text"], title=ARABIC[0]["title"])
    outcome = extract_article(article)
    assert isinstance(outcome, Extracted)
    quads = list(ox.parse(outcome.nquads, format=ox.RdfFormat.N_QUADS))
    expected = build_graph([pipeline.extract(article)]).graph(URIRef(outcome.graph))
    assert len(quads) == len(expected) - 1
    assert {q.graph_name.value for q in quads} == {outcome.graph}
    assert not any(q.predicate.value == str(DIP.contentHash) for q in quads)
    assert outcome.content_hash == str(expected.value(URIRef(outcome.graph), DIP.contentHash))


def test_the_command_writes_the_errors_file_and_exits_1(tmp_path, capsys, exploding_extract):
    folder, inputs = broken_archive(tmp_path / "archive")
    status = main(["build", str(folder), "--store", str(tmp_path / "store"), "--errors", str(tmp_path / "e.jsonl")])
    out, err = capsys.readouterr()
    assert status == 1
    assert f"articles {inputs} | written 4 (4 new, 0 replaced) | unchanged 0 | failed 8" in out
    assert "not valid JSON" not in err  # in the errors file instead
    assert "no Arabic text" in err  # warnings still on stderr
    assert len((tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()) == 8


def test_the_command_with_only_good_articles_exits_0_and_builds_the_file_too(tmp_path, capsys):
    source = corpus(tmp_path / "in.jsonl", 5)
    status = main(["build", str(source), "--store", str(tmp_path / "store"), "-o", str(tmp_path / "g.ttl")])
    out, _ = capsys.readouterr()
    assert status == 0
    run, in_file, in_store = out.splitlines()
    assert run.startswith("articles 5 | written 5 (5 new, 0 replaced)")
    assert in_file.startswith("articles 5 | actors") and in_file.endswith(f"-> {tmp_path / 'g.ttl'}")
    assert in_file.rsplit(" -> ", 1)[0] == in_store.rsplit(" -> ", 1)[0]  # counted the same way
    assert (tmp_path / "g.ttl").stat().st_size > 0


def test_without_a_store_or_an_output_the_command_is_a_usage_error(tmp_path, capsys):
    assert main(["build", str(FIXTURE)]) == 2
    assert main(["build", str(FIXTURE), "-o", str(tmp_path / "g.ttl"), "--workers", "-1"]) == 2


# ---------------------------------------------------------------------------- reading as a stream


def test_a_large_jsonl_file_is_streamed_with_the_same_results_as_kg_io(tmp_path):
    source = tmp_path / "feed.jsonl"
    good = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    bad = ['{"text": "مقطوع', "", json.dumps({"id": 5}), "[1, 2]", json.dumps({"text": ""})]
    source.write_text("\ufeff" + "\n".join(good[:3] + bad + good[3:]) + "\n", encoding="utf-8")
    streamed = list(read_stream([source], stream_over=0))
    whole = list(read_articles([source]))
    assert streamed == whole
    assert sum(isinstance(item, Problem) for item in streamed) == 5  # 4 broken lines and one warning


def test_streaming_keeps_one_bad_line_from_spoiling_the_file(tmp_path):
    source = tmp_path / "feed.jsonl"
    good = json.dumps(ARABIC[0], ensure_ascii=False).encode("utf-8")
    source.write_bytes(good + b"\n" + b'{"text": "\xff\xfe"}\n' + good + b"\n")
    items = list(read_stream([source], stream_over=0))
    assert [type(i).__name__ for i in items] == ["Article", "Problem", "Article"]
    assert items[1].line == 2 and "not utf-8 text" in items[1].reason


def test_a_lone_surrogate_escape_in_a_jsonl_line_lands_in_the_store(tmp_path):
    source = tmp_path / "feed.jsonl"
    record = json.dumps(ARABIC[0] | {"id": "escaped", "title": "عنوان \ud800"}, ensure_ascii=False)
    record = record.replace("\ud800", "\\ud800")  # the file holds the escape, as a careless JSON writer leaves it
    source.write_text(record + "\n", encoding="utf-8")
    summary = build([source], store=tmp_path / "store")
    assert (summary.written, summary.failed) == (1, 0)
    titles = [q.object.value for q in open_store(tmp_path / "store", read_only=True)
              if q.predicate.value.endswith("title") and isinstance(q.graph_name, ox.NamedNode)]
    assert titles == ["عنوان \ufffd"]


def test_count_articles_counts_jsonl_lines_and_files(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    corpus(folder / "a.jsonl", 7)
    (folder / "b.jsonl").write_text('{"text": "نص"}', encoding="utf-8")  # no final newline
    (folder / "c.txt").write_text("عنوان\nنص", encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    assert count_articles([folder]) == 9
    assert count_articles([folder / "a.jsonl", tmp_path / "missing.jsonl"]) == 7


# ---------------------------------------------------------------------------- progress


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_progress_in_a_log_is_a_plain_line_every_interval():
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(100, stream=stream, interval=10, terminal=False, clock=clock)
    for done in range(1, 51):
        clock.now += 0.5
        progress.update(done, errors=1)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3  # 10 s and 20 s after the first article, and the last one on closing
    assert lines[0] == "kg build:  21% | 21/100 articles | 2.0/s | errors 1 | ETA 0:40 | elapsed 0:10"
    assert lines[-1].startswith("kg build:  50% | 50/100 articles")
    assert "\r" not in stream.getvalue()


def test_start_up_time_in_a_log_is_no_progress():
    """Loading word lists on a busy machine can take longer than the interval: a two-article run
    still prints nothing but its own messages."""
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(2, stream=stream, interval=10, terminal=False, clock=clock)
    clock.now += 30
    progress.update(0)
    progress.update(1)
    clock.now += 1
    progress.update(2)
    progress.close()
    assert stream.getvalue() == ""


def test_a_short_run_in_a_log_prints_no_progress_at_all():
    stream = io.StringIO()
    progress = Progress(3, stream=stream, interval=10, terminal=False, clock=FakeClock())
    progress.update(3)
    progress.close()
    assert stream.getvalue() == ""


def test_progress_on_a_terminal_is_a_bar_redrawn_in_place_and_messages_go_above_it():
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(None, stream=stream, terminal=True, clock=clock)
    clock.now += 2
    progress.update(10, errors=0)
    progress.message("kg build: feed.jsonl:3: not valid JSON")
    progress.close()
    text = stream.getvalue()
    assert text.startswith("\rkg build: 10 articles | 5.0/s | errors 0 | elapsed 0:02\x1b[K")
    assert "\r\x1b[Kkg build: feed.jsonl:3: not valid JSON\n" in text
    assert text.endswith("\r\x1b[K")  # the bar is cleared at the end
    assert "ETA" not in text  # no total, no ETA


def test_the_rate_follows_the_recent_pace():
    clock = FakeClock()
    progress = Progress(10_000, stream=io.StringIO(), terminal=False, clock=clock)
    done = 0
    for _ in range(120):  # two minutes at 10/s, then one at 100/s
        clock.now += 1
        done += 10
        progress.update(done)
    for _ in range(60):
        clock.now += 1
        done += 100
        progress.update(done)
    assert progress.rate() == pytest.approx(100, rel=0.05)


def test_a_store_that_cannot_be_written_stops_the_build_with_a_clear_error_and_keeps_what_was_written(
    tmp_path, monkeypatch
):
    source = corpus(tmp_path / "in.jsonl", 12)
    real, calls = StoreSink._write, []

    def write(self, batch):
        calls.append(len(batch))
        if len(calls) == 2:
            raise OSError("No space left on device")
        real(self, batch)

    monkeypatch.setattr(StoreSink, "_write", write)
    with pytest.raises(GraphError, match=r"store: writing article graphs failed \(No space left on device\)"):
        build([source], store=tmp_path / "store", options=BatchOptions(batch_articles=4))
    monkeypatch.undo()
    again = build([source], store=tmp_path / "store")
    assert (again.unchanged, again.written) == (4, 8)
