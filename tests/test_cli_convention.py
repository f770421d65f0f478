"""One convention for every command (issue 11, item 7): a graph file or store as a positional
SOURCE or as options taking one value per use, in any order; format names as rdflib and Jena
users type them; "did you mean" for misspelled commands, queries and choices."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import main
from kg.errors import UsageError
from kg.graphio import graph_format_name
from kg.sources import split_sources

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"


def run(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def usage_error(capsys, *args) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([str(a) for a in args])
    assert stopped.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("args", [
    ["query", "--graph", FIXTURE, "who-met-whom"],          # the option no longer swallows the query name
    ["query", "-g", FIXTURE, "who-met-whom", "-f", "csv"],
    ["query", "who-met-whom", FIXTURE],
    ["query", "who-met-whom", "--source", FIXTURE],
    ["query", "--format", "csv", "who-met-whom", "-s", FIXTURE],
])
def test_query_takes_its_source_in_any_place(capsys, args):
    status, out, err = run(capsys, *args)
    assert (status, err) == (0, "")
    assert "سيرغي لافروف" in out


def test_stats_viz_validate_export_take_a_positional_graph_or_store(capsys, tmp_path, small_store):
    for source in (FIXTURE, small_store):
        status, out, _ = run(capsys, "stats", source, "--top", "3")
        assert status == 0 and "سيرغي لافروف" in out
        page = tmp_path / "page.html"
        status, _, _ = run(capsys, "viz", source, "-o", page)
        assert status == 0 and page.is_file()
        page.unlink()
        status, out, _ = run(capsys, "validate", source)
        assert status in (0, 1) and out
        status, out, _ = run(capsys, "export", source, "-f", "nt")
        assert status == 0 and "<https://w3id.org/dipkg/resource/person/sergey-lavrov>" in out
    status, out, _ = run(capsys, "stats", "--graph", FIXTURE, "--graph", FIXTURE, "--top", "1")
    assert status == 0


def test_a_store_and_a_graph_file_together(capsys, small_store):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, out, _ = run(capsys, "query", count, small_store, FIXTURE, "-f", "csv")
    assert status == 0 and int(out.splitlines()[1]) > 100


def test_sources_are_sorted_by_what_they_are(tmp_path, small_store):
    graphs, found, url = split_sources([FIXTURE, small_store, "http://127.0.0.1:7878/query"])
    assert (graphs, found, url) == ([FIXTURE], small_store, "http://127.0.0.1:7878/query")
    with pytest.raises(UsageError, match="one store at a time"):
        split_sources([small_store, tmp_path])
    with pytest.raises(UsageError, match="no such graph file or store folder"):
        split_sources([tmp_path / "nothing-here"])
    with pytest.raises(UsageError, match="not an endpoint"):
        split_sources(["https://example.org/sparql"], endpoints=False)


@pytest.mark.parametrize("given, name", [("ttl", "turtle"), ("turtle", "turtle"), ("nt", "nt"),
                                         ("n-triples", "nt"), ("nq", "nquads"), ("nquads", "nquads"),
                                         ("jsonld", "jsonld"), ("json-ld", "jsonld"), ("trig", "trig"),
                                         ("xml", "rdfxml"), ("rdfxml", "rdfxml"), ("RDF/XML", "rdfxml"),
                                         ("application/n-quads", "nquads")])
def test_format_names_rdflib_and_jena_users_type(given, name):
    assert graph_format_name(given) == name


@pytest.mark.parametrize("fmt, parse_as", [("ttl", "turtle"), ("nq", "nquads"), ("jsonld", "json-ld"),
                                           ("xml", "xml"), ("nt", "nt"), ("trig", "trig")])
def test_export_and_build_accept_those_names(capsys, tmp_path, fmt, parse_as):
    status, out, err = run(capsys, "export", FIXTURE, "--format", fmt)
    assert status == 0, err
    assert len(Dataset().parse(data=out, format=parse_as)) > 100
    article = tmp_path / "a.txt"
    article.write_text("لقاء\nالرياض - التقى وزير الخارجية السعودي فيصل بن فرحان اليوم في الرياض نظيره "
                       "العماني بدر البوسعيدي.\n", encoding="utf-8")
    target = tmp_path / "graph.out"
    status, _, err = run(capsys, "build", article, "-o", target, "--format", fmt, "-q", "--date", "2024-01-02")
    assert status == 0, err
    assert len(Dataset().parse(target, format=parse_as)) > 5


def test_did_you_mean(capsys):
    assert "did you mean 'query'" in usage_error(capsys, "qurey", FIXTURE)
    assert "did you mean 'stats'" in usage_error(capsys, "stast")
    status, _, err = run(capsys, "query", "who-met-whm", FIXTURE)
    assert status == 2 and "did you mean 'who-met-whom'?" in err
    status, _, err = run(capsys, "query", "meetings-of-actor", FIXTURE, "-p", "acter=بوتين")
    assert status == 2 and "did you mean 'actor'?" in err
    assert "did you mean 'turtle'" in usage_error(capsys, "export", FIXTURE, "-f", "turtel")


def test_no_option_swallows_a_positional(capsys):
    """Every option of every command takes at most one value per use."""
    from kg.cli import build_parser

    parser = build_parser()
    for action in parser._subparsers._group_actions:
        for name, command in action.choices.items():
            for option in command._actions:
                if option.option_strings:
                    assert option.nargs in (None, 0, "?"), (name, option.option_strings, option.nargs)


def test_push_delete_takes_one_graph_per_use(capsys):
    # no server: the usage is checked before any request (a --delete with a graph source is refused)
    status, _, err = run(capsys, "push", FIXTURE, "--endpoint", "http://127.0.0.1:9/query",
                         "--delete", "https://w3id.org/dipkg/resource/article/x")
    assert status == 2 and "--delete removes graphs" in err


def test_information_never_looks_like_an_error(capsys, tmp_path, small_store):
    """Errors are `kg CMD: message` on stderr with a non-zero status; a note beside data on stdout
    says `note:`, and a summary goes to stdout when stdout carries no data."""
    status, out, err = run(capsys, "validate", small_store)
    assert status == 0 and err.startswith("kg validate: note: ") and out.startswith("conforms")
    status, out, err = run(capsys, "export", small_store, "-o", tmp_path / "g.ttl")
    assert (status, err) == (0, "") and out.startswith(f"wrote {tmp_path / 'g.ttl'}: ")
    status, out, err = run(capsys, "export", small_store, "-f", "nt")
    assert status == 0 and err.startswith("kg export: note: wrote -: ")


def test_build_summaries_count_a_file_and_a_store_the_same_way(capsys, tmp_path):
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "x", "text": "الرياض - استقبل وزير الخارجية السعودي فيصل بن فرحان اليوم "
                                   "في الرياض نظيره العماني بدر البوسعيدي، وأجرى اتصالاً هاتفياً بوزير الخارجية "
                                   "المصري سامح شكري.", "published": "2024-02-01"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    target, folder = tmp_path / "g.trig", tmp_path / "store"
    assert main(["build", str(article), "-o", str(target), "--store", str(folder)]) == 0
    run_line, in_file, in_store = capsys.readouterr().out.splitlines()
    assert run_line.startswith("articles 1 | written 1 (1 new, 0 replaced)")
    assert in_file == in_store.replace(f"-> {folder}", f"-> {target}")
    assert main(["build", str(article), "--store", str(folder)]) == 0
    again, counted = capsys.readouterr().out.splitlines()
    assert "written 0 (0 new, 0 replaced) | unchanged 1" in again and counted == in_store
