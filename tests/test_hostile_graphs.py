"""Hostile graph files and queries (issue 15, section 3): refused before any parser sees them.

Each command runs as a child process under a memory limit and a time budget (tests/limited.py);
before these checks the 1 KB billion-laughs file aborted Oxigraph (rc 134) at 2.7 GB or spun rdflib
past 40 s, and the 120 KB quadratic-entity file took 1.4-2.8 GB. Remote and file:// JSON-LD
contexts, SERVICE and FROM <file> are tried against a loopback server that records every request.
"""

from __future__ import annotations

import http.server
import json
import threading
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import guard
from kg.errors import GraphError, QueryError
from tests.limited import one_line_error, run_limited

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
SMALL = Path(__file__).parent / "fixtures" / "small.trig"
MEMORY_MB = 768  # a normal run of these commands peaks under 120 MB
SECONDS = 30

# every command that reads graph files: (its arguments before the file, the exit status of a refusal)
GRAPH_COMMANDS = {
    "query": (["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph"], 1),
    "query-rdflib": (["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--engine", "rdflib", "--graph"], 1),
    "export": (["export", "--format", "nt", "--graph"], 1),
    "stats": (["stats", "--graph"], 1),
    "validate": (["validate"], 2),
    "viz": (["viz", "-o", "{tmp}/graph.html", "--graph"], 1),
}
BOMBS = {
    "billion-laughs.rdf": "&lol;",
    "quadratic-entity.rdf": "&big;",
    "external-entity.rdf": "&secret;",
    "remote-context.jsonld": "--allow-network",
    "file-context.jsonld": "file:///etc/hostname",
}


@pytest.mark.parametrize("command", GRAPH_COMMANDS)
@pytest.mark.parametrize("name", BOMBS)
def test_hostile_graph_files_are_refused_in_one_line_under_a_memory_limit(tmp_path, name, command):
    args, status = GRAPH_COMMANDS[command]
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    run = run_limited([*args, HOSTILE / name], memory_mb=MEMORY_MB, seconds=SECONDS)
    assert run.returncode == status and not run.timed_out, run
    line = one_line_error(run, name, BOMBS[name])
    assert "refused" in line
    assert run.peak_mb < 200 and run.seconds < 10, run


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with a JSON-LD context (or SPARQL results), and records it."""

    hits: list[str]

    def do_GET(self):
        self.hits.append(self.path)
        body = json.dumps({"@context": {"label": "http://www.w3.org/2000/01/rdf-schema#label", "@language": "ar"}})
        self._reply(body.encode(), "application/ld+json")

    def do_POST(self):
        self.hits.append(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "http://x/remote"}}]}}
        self._reply(json.dumps(body).encode(), "application/sparql-results+json")

    def _reply(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    """A loopback HTTP server: (its base URL, the list of paths it was asked for)."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def _remote_context_file(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": f"{url}/context.jsonld", "@id": "http://x/a", "label": "لافروف"},
                               ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["query", "query-rdflib", "stats"])
def test_a_remote_context_is_fetched_only_with_allow_network(tmp_path, recorder, command):
    url, hits = recorder
    path = _remote_context_file(tmp_path, url)
    args, _ = GRAPH_COMMANDS[command]
    refused = run_limited([*args, path], memory_mb=MEMORY_MB, seconds=SECONDS)
    assert refused.returncode == 1 and hits == [], refused
    one_line_error(refused, str(path), f"{url}/context.jsonld", "--allow-network")
    allowed = run_limited([*args, path, "--allow-network"], memory_mb=MEMORY_MB, seconds=SECONDS)
    assert allowed.returncode == 0, allowed
    assert hits == ["/context.jsonld"]
    if command.startswith("query"):
        assert allowed.stdout.split()[:3] == ["n", "─", "1"], allowed.stdout  # the one triple, its label


def test_a_remote_context_that_never_answers_times_out(tmp_path, monkeypatch):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    path = _remote_context_file(tmp_path, f"http://127.0.0.1:{listener.getsockname()[1]}")
    monkeypatch.setattr(guard, "CONTEXT_TIMEOUT", 0.5)
    from kg.store import load_files

    try:
        with guard.policy(allow_network=True), pytest.raises(GraphError, match="cannot fetch its JSON-LD @context"):
            load_files([path])
    finally:
        listener.close()


def test_kg_own_context_is_served_from_the_package(tmp_path, examples_dataset):
    """A JSON-LD file that names kg's context by its IRI reads back to the same graph, with no network."""
    from kg.export import export_dataset
    from kg.graphio import read_graphs
    from kg.store import load_files

    inline = tmp_path / "inline.jsonld"
    export_dataset(examples_dataset, inline, "jsonld")
    document = json.loads(inline.read_text(encoding="utf-8"))
    document["@context"] = guard.KG_CONTEXT_IRI
    named = tmp_path / "named.jsonld"
    named.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    by_rdflib = read_graphs([named])  # the network is not allowed: a URL would be refused
    expected = read_graphs([inline])
    assert len(by_rdflib) == len(expected) > 1000
    assert isomorphic(_union(by_rdflib), _union(expected))
    by_oxigraph = load_files([named])
    assert len(by_oxigraph) == len(load_files([inline]))


def _union(dataset) -> Graph:
    graph = Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


def test_a_context_given_as_a_relative_file_or_through_import_is_refused(tmp_path):
    from kg.graphio import read_graphs

    (tmp_path / "context.jsonld").write_text('{"@context": {"label": "http://www.w3.org/2000/01/rdf-schema#label"}}')
    relative = tmp_path / "relative.jsonld"
    relative.write_text(json.dumps({"@context": "context.jsonld", "@id": "http://x/a", "label": "x"}))
    imported = tmp_path / "imported.jsonld"
    imported.write_text(json.dumps({"@context": {"@version": 1.1, "@import": "http://127.0.0.1:9/c.jsonld"},
                                    "@id": "http://x/a"}))
    with pytest.raises(GraphError, match=r"names the file 'context\.jsonld'"):
        read_graphs([relative])
    with pytest.raises(GraphError, match="--allow-network"):
        read_graphs([imported])


def test_json_ld_nested_deeper_than_parsers_recurse_is_refused(tmp_path):
    deep = tmp_path / "deep.jsonld"
    deep.write_text('{"@id": "http://x/a", "http://x/p": ' + "[" * 100_000 + "]" * 100_000 + "}")
    run = run_limited(["stats", "--graph", deep], memory_mb=MEMORY_MB, seconds=SECONDS)
    assert run.returncode == 1, run
    one_line_error(run, str(deep), "nested")


def test_sealed_refuses_other_files_and_every_url_and_lets_go_afterwards(tmp_path, recorder):
    url, hits = recorder
    mine, other = tmp_path / "mine.ttl", tmp_path / "other.txt"
    mine.write_text("")
    other.write_text("secret")
    with guard.sealed(mine):
        mine.read_text()
        with pytest.raises(guard.AccessRefused, match=r"other\.txt"):
            other.read_text()
        with pytest.raises(guard.AccessRefused, match=r"127\.0\.0\.1"):
            urllib.request.urlopen(f"{url}/x", timeout=2)
        # what a parser would do with a context the checks missed: rdflib fetches it, and is refused
        with pytest.raises(Exception, match="kg opens no URL"):
            Graph().parse(data=json.dumps({"@context": f"{url}/c.jsonld", "@id": "http://x/a"}), format="json-ld")
    assert hits == []
    assert other.read_text() == "secret"
    with urllib.request.urlopen(f"{url}/after", timeout=5) as reply:
        assert reply.status == 200
    assert hits == ["/after"]


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_service_in_a_query_is_refused_unless_the_network_is_allowed(recorder, engine):
    url, hits = recorder
    query = f"SELECT ?s WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"
    refused = run_limited(["query", query, "--graph", SMALL, "--engine", engine], memory_mb=MEMORY_MB)
    assert refused.returncode == 1, refused
    one_line_error(refused, f"SERVICE <{url}/sparql>", "--allow-network")
    assert hits == []
    allowed = run_limited(["query", query, "--graph", SMALL, "--engine", engine, "--allow-network", "--format", "csv"],
                          memory_mb=MEMORY_MB)
    assert allowed.returncode == 0, allowed
    assert "http://x/remote" in allowed.stdout and len(hits) == 1


def test_service_inside_a_string_or_comment_is_not_a_call():
    with guard.policy():
        guard.check_query('SELECT ?s WHERE { ?s ?p "SERVICE <http://x>" } # SERVICE <http://y>', engine="rdflib")
        with pytest.raises(QueryError, match="SERVICE"):
            guard.check_query("select * { service silent <http://x/> { ?s ?p ?o } }", engine="rdflib")


def test_from_a_file_is_not_read_by_rdflib(tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text('<http://x/a> <http://x/p> "secret" .\n')
    query = f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"
    refused = run_limited(["query", query, "--graph", SMALL, "--engine", "rdflib"], memory_mb=MEMORY_MB)
    assert refused.returncode == 1, refused
    one_line_error(refused, secret.as_uri(), "--allow-network")
    # FROM naming a graph of the data is what FROM is for
    graph = "https://w3id.org/dipkg/resource/article/fx-summit-sana"
    counted = run_limited(["query", f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}", "--graph",
                           SMALL, "--engine", "rdflib", "--format", "csv"], memory_mb=MEMORY_MB)
    assert counted.returncode == 0 and counted.stdout.split() == ["n", "129"], counted
    allowed = run_limited(["query", query, "--graph", SMALL, "--engine", "rdflib", "--allow-network",
                           "--format", "csv"], memory_mb=MEMORY_MB)
    assert allowed.returncode == 0 and "secret" in allowed.stdout, allowed


@pytest.mark.parametrize("command", ["query", "stats"])
def test_graph_files_too_large_for_memory_point_at_a_store(tmp_path, command):
    large = tmp_path / "large.ttl"
    with large.open("wb") as handle:  # sparse: no disk used, and never read
        handle.truncate(1100 * 2**20)
    args, _ = GRAPH_COMMANDS[command]
    run = run_limited([*args, large], memory_mb=MEMORY_MB, seconds=SECONDS)
    assert run.returncode == 1 and run.seconds < 10, run
    one_line_error(run, str(large), "1,100 MB", "--store")
    small = run_limited([*args, SMALL, "--max-graph-size", "0.01"], memory_mb=MEMORY_MB)
    assert small.returncode == 1 and "--max-graph-size" in small.stderr, small
    assert run_limited([*args, SMALL, "--max-graph-size", "1"], memory_mb=MEMORY_MB).returncode == 0


def test_rdf_xml_without_a_dtd_still_reads(tmp_path, examples_dataset):
    from kg.export import export_dataset
    from kg.graphio import read_graphs
    from kg.store import load_files

    path = tmp_path / "graph.rdf"
    export_dataset(examples_dataset, path, "rdfxml")
    assert len(read_graphs([path])) == len(load_files([path])) > 1000
    broken = tmp_path / "broken.rdf"
    broken.write_text("<?xml version='1.0'?>\n<!DOCTYPE rdf:RDF [ <!ELEMENT x ANY> \n")
    with pytest.raises(GraphError, match=r"broken.rdf:\d+: not valid rdfxml"):
        read_graphs([broken])
