"""Runaway articles (issue 15, section 4): long sentences, unclosed comments, deep JSON, UTF-16, controls.

Extraction time and memory grow linearly with the length of a sentence and of an article: a
sentence is cut into segments of at most MAX_SENTENCE_CHARS, an article of more than WINDOW_TOKENS
is read in windows, and the quotation lookups are binary searches. Output on real articles is the
same as before (the suite's extraction tests, and the md5 of `kg extract` on examples/, annotated/
and blind/ articles, were unchanged by this). Every exception on one input is that input's error line.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg import Article, read_articles
from kg.errors import Problem
from kg.extract.pipeline import extract
from kg.text.document import MAX_SENTENCE_CHARS, WINDOW_TOKENS, analyse, windows
from tests.limited import one_line_error, run_limited
from tests.test_fuzz import bounded

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def _benchmark():
    spec = importlib.util.spec_from_file_location("longtext", ROOT / "benchmarks" / "longtext.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sentence(size: int) -> str:
    """One sentence of `size` characters: the examples' text with every full stop made a comma."""
    texts = [a.text for a in read_articles([ROOT / "examples"]) if isinstance(a, Article)]
    unit = " ".join(re.sub(r"[.!?؟…\n]+", "،", t) for t in texts) + " "
    return (unit * (size // len(unit) + 1))[:size]


def test_extraction_time_and_memory_grow_linearly_with_a_sentence():
    """100 KB and 400 KB of one sentence, each in a fresh process under 1.5 GB: four times the text
    takes about four times the CPU (before: sixteen, and 3.5 GB at 800 KB)."""
    longtext = _benchmark()
    small = longtext.run_size(100, paragraphs=False, memory_mb=1536, timeout=120)
    large = longtext.run_size(400, paragraphs=False, memory_mb=1536, timeout=120)
    assert "failed" not in small and "failed" not in large, (small, large)
    ratio = large["cpu"] / max(small["cpu"], 0.05)
    assert ratio < 7, (small, large)
    assert large["peak_mb"] < small["peak_mb"] + 200, (small, large)
    assert large["meetings"] > small["meetings"] > 0 and large["statements"] > small["statements"]


def test_a_long_sentence_is_cut_into_segments_at_commas_and_spaces_keeping_every_token(monkeypatch):
    import kg.text.document

    text = _sentence(25_000)
    doc = analyse(Article("long", text))
    assert len(doc.sentences) >= 25_000 // MAX_SENTENCE_CHARS
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in doc.sentences)
    cut_after_comma = sum(text[s.end - 1] in "،," for s in doc.sentences[:-1])
    assert cut_after_comma >= len(doc.sentences) - 2  # the examples' text has a comma every few words
    monkeypatch.setattr(kg.text.document, "MAX_SENTENCE_CHARS", 10**9)
    uncut = analyse(Article("long", text))
    assert len(uncut.sentences) < 5
    assert [(t.start, t.end) for t in doc.tokens] == [(t.start, t.end) for t in uncut.tokens]


def test_a_sentence_without_spaces_is_cut_at_the_limit():
    doc = analyse(Article("blob", "ب" * 5 * MAX_SENTENCE_CHARS))
    assert [s.end - s.start for s in doc.sentences] == [MAX_SENTENCE_CHARS] * 5


def test_a_long_article_is_read_in_windows_and_its_facts_stay_whole():
    paragraphs = [a.text for a in read_articles([ROOT / "examples"]) if isinstance(a, Article)]
    text = "\n".join(paragraphs * 8)
    doc = analyse(Article("long-article", text))
    spans = windows(doc)
    assert len(doc.tokens) > 2 * WINDOW_TOKENS and len(spans) >= 3
    assert [first for first, _ in spans[1:]] == [last for _, last in spans[:-1]] and spans[-1][1] == len(doc.sentences)
    facts = extract(Article("long-article", text))
    assert len({e.key for e in facts.entities}) == len(facts.entities)
    assert len(facts.meetings) >= 8 * 10 and len(facts.statements) >= 8 * 20
    for entity in facts.entities:
        for mention in entity.mentions + entity.references:
            assert text[mention.start : mention.end] == mention.text
            sentence = doc.sentences[mention.sentence]
            assert sentence.start <= mention.start < sentence.end
    for meeting in facts.meetings:
        assert doc.sentences[meeting.trigger.sentence].start <= meeting.trigger.start
    for statement in facts.statements:
        assert text[statement.span.start : statement.span.end] == statement.span.text
        assert statement.meeting is None or 0 <= statement.meeting < len(facts.meetings)
    one = extract(Article("one", paragraphs[0]))
    assert {m.participants for m in one.meetings} <= {m.participants for m in facts.meetings}


QUOTE_TEXT = st.text(alphabet="اب «»“”„\"\n.؟", max_size=120)


@given(text=QUOTE_TEXT)
@bounded(300)
def test_the_quotation_lookup_is_the_first_quotation_holding_an_offset(text):
    doc = analyse(Article("q", text or "ا"))
    for offset in range(len(doc.text) + 1):
        expected = next((q for q in doc.quotes if q.start <= offset < q.end), None)
        assert doc.quote_at(offset) == expected


def test_a_window_of_a_document_keeps_offsets_and_the_quotations_that_reach_into_it():
    text = "\n".join(f"قال الوزير: «نص رقم {n} هنا». ثم غادر." for n in range(40))
    doc = analyse(Article("w", text))
    window = doc.window(10, 20)
    assert [t.index for t in window.tokens] == list(range(len(window.tokens)))
    assert [(t.start, t.text) for t in window.tokens] == [(t.start, t.text) for t in doc.tokens[
        doc.sentences[10].first : doc.sentences[19].last]]
    start, end = doc.sentences[10].start, doc.sentences[19].end
    assert window.quotes == tuple(q for q in doc.quotes if q.open < end and q.close >= start) != ()


# ---------------------------------------------------------------------------- hostile article files


def test_a_json_line_nested_100000_deep_is_that_line_s_error_and_the_others_are_read(tmp_path):
    run = run_limited(["build", HOSTILE / "deep.jsonl", "-o", tmp_path / "out.ttl", "-q"], memory_mb=1024)
    assert run.returncode == 1, run
    line = one_line_error(run, "deep.jsonl:2", "nested too deeply")
    assert "Traceback" not in line
    graph = (tmp_path / "out.ttl").read_text(encoding="utf-8")
    assert "article:before" in graph and "article:after" in graph  # (the article: prefix is bound)


def test_the_streaming_reader_says_the_same_of_a_deep_line(tmp_path):
    from kg.batch.reading import read_stream

    items = list(read_stream([HOSTILE / "deep.jsonl"], stream_over=0))
    assert [getattr(i, "id", None) for i in items] == ["before", None, "after"]
    assert isinstance(items[1], Problem) and items[1].line == 2 and "nested too deeply" in items[1].reason


def test_any_exception_reading_one_file_is_that_file_s_problem(tmp_path, monkeypatch):
    import kg.io

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.html").write_text(f"<p>استقبل الرئيس في دمشق الوزير {name}.</p>", encoding="utf-8")
    real = kg.io._article_from_html

    def flaky(text, path):
        if path.stem == "b":
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, path)

    monkeypatch.setattr(kg.io, "_article_from_html", flaky)
    items = list(read_articles([tmp_path]))
    read = [i.id if isinstance(i, Article) else i.reason for i in items]
    assert read == ["a", "could not be read (nested too deeply)", "c"]


def test_utf16_with_a_byte_order_mark_is_read_and_without_one_is_named(tmp_path):
    read = list(read_articles([HOSTILE / "utf16.txt"]))
    assert isinstance(read[0], Article) and read[0].title == "لقاء في دمشق"
    facts = extract(read[0])
    assert len(facts.meetings) == 1
    problem = next(iter(read_articles([HOSTILE / "utf16le-nobom.txt"])))
    assert isinstance(problem, Problem) and "--encoding utf-16-le" in problem.reason
    given = next(iter(read_articles([HOSTILE / "utf16le-nobom.txt"], encoding="utf-16-le")))
    assert isinstance(given, Article) and given.text == read[0].text
    run = run_limited(["extract", HOSTILE / "utf16le-nobom.txt", "--encoding", "utf-16"], memory_mb=1024)
    assert run.returncode == 0 and "بشار الأسد" in run.stdout, run  # utf-16 without a BOM: little-endian


def test_control_characters_never_reach_the_graph(tmp_path):
    out = tmp_path / "out.nt"
    run = run_limited(["build", HOSTILE / "controls.jsonl", "-o", out, "-q"], memory_mb=1024)
    assert run.returncode == 0, run
    written = out.read_text(encoding="utf-8")
    for escape in ("\\u0000", "\\u0007", "\\u001B", "\\u007F", "\\u0085", "\x1b", "\x00"):
        assert escape not in written
    assert "وزير الخارجية" in written and "عنوان" in written
    article = next(iter(read_articles([HOSTILE / "controls.jsonl"])))
    assert len(article.text) == len(json.loads((HOSTILE / "controls.jsonl").read_text())["text"])  # offsets kept


def test_separators_inside_a_json_string_do_not_split_its_line(tmp_path):
    path = tmp_path / "separators.jsonl"
    records = [{"id": "a", "text": "قال الوزير\u2028إن الوضع\u0085مستقر"}, {"id": "b", "text": "نص ثان"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert [a.id for a in read_articles([path])] == ["a", "b"]


def test_an_unclosed_html_comment_ends_the_page_and_costs_no_more_than_its_size(tmp_path):
    page = tmp_path / "unclosed.html"
    fixture = (HOSTILE / "unclosed-comment.html").read_text(encoding="utf-8")
    with page.open("w", encoding="utf-8") as out:  # 9 MB: the fixture, its comment run on and on
        out.write(fixture.replace("</p></body></html>\n", ""))
        block = "<p>" + "ليس نصاً " * 200 + "</p>\n"
        for _ in range(9_500_000 // len(block.encode("utf-8"))):
            out.write(block)
    assert page.stat().st_size > 9 * 10**6
    run = run_limited(["extract", page], memory_mb=1024, seconds=60)
    assert run.returncode == 0 and run.seconds < 20, run
    record = json.loads(run.stdout)
    assert "ليس" not in json.dumps(record, ensure_ascii=False) and record["meetings"], record
    article = next(iter(read_articles([HOSTILE / "unclosed-comment.html"])))
    assert "ليس" not in article.text and "بشار الأسد" in article.text


def test_a_megabyte_sentence_builds_within_limits(tmp_path):
    path = tmp_path / "sentence.txt"
    path.write_text("جملة طويلة\n" + _sentence(600_000), encoding="utf-8")  # about 1.1 MB of UTF-8
    run = run_limited(["build", path, "-o", tmp_path / "out.ttl", "-q"], memory_mb=1536, seconds=180)
    assert run.returncode == 0, run
    assert run.peak_mb < 800, run


def test_a_parameter_of_only_diacritics_is_refused_rather_than_matching_everything():
    small = ROOT / "tests" / "fixtures" / "small.trig"
    for value in ("ًٌٍَُ", "ـــ", "ّ"):
        run = run_limited(["query", "meetings-of-actor", "--graph", small, "--param", f"actor={value}"], memory_mb=1024)
        assert run.returncode == 2, run
        one_line_error(run, "actor", "match everything")


def test_random_article_files_never_stop_a_build(tmp_path):
    """Files of random bytes and broken JSON between good articles: each costs only itself."""
    rng = random.Random(15)
    good = (ROOT / "examples" / "e13-putin-erdogan-sochi.txt").read_text(encoding="utf-8")
    for n in range(12):
        (tmp_path / f"good-{n}.txt").write_text(good, encoding="utf-8")
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
        (tmp_path / f"junk-{n}.{rng.choice(['txt', 'html', 'jsonl', 'json'])}").write_bytes(junk)
    run = run_limited(["build", tmp_path, "-o", tmp_path / "out.trig", "-q"], memory_mb=1024, seconds=120)
    assert "Traceback" not in run.stderr and run.returncode in (0, 1), run
    assert (tmp_path / "out.trig").read_text(encoding="utf-8").count("article:good-") >= 12


@pytest.mark.parametrize("command", ["extract", "build"])
def test_no_article_command_prints_a_traceback_on_the_hostile_files(tmp_path, command):
    files = sorted(HOSTILE.iterdir())
    args = [command, *files] + (["--store", tmp_path / "store", "-q"] if command == "build" else [])
    run = run_limited(args, memory_mb=1024, seconds=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run
    assert "deep.jsonl:2" in run.stderr
