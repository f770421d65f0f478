"""Remote stores: pushing article graphs and querying them, against the real Oxigraph server and
Virtuoso started on loopback by tests/servers.py, and against a small fake server for auth,
retries and failures."""

from __future__ import annotations

import base64
import http.server
import threading
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.errors import QueryError, RemoteError
from kg.query import OxigraphEngine, bind, find_query, list_queries, parse_query_text
from kg.remote import (
    Credentials,
    Endpoint,
    EndpointEngine,
    count_graphs,
    delete_graph,
    endpoint_from_url,
    find_credentials,
    paging_template,
    parse_results_json,
    push,
    safe_url,
    with_retries,
)
from kg.store import article_quads, load_files, named_graphs, open_store, write_articles
from tests.servers import RunningServer, oxigraph_server, virtuoso_server  # noqa: F401 - fixtures

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
EXAMPLES = Path(__file__).parent.parent / "examples"
R = "https://w3id.org/dipkg/resource/"
ARTICLES = [f"{R}article/{n}" for n in ("fx-lavrov-day", "fx-mekdad-riyadh", "fx-summit-hadaf", "fx-summit-sana")]


# ---------------------------------------------------------------------------- endpoints and credentials


@pytest.mark.parametrize(
    ("url", "update", "store"),
    [
        ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
        ("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud"),
        ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg/statements",
         "http://h:7200/repositories/kg/rdf-graphs/service"),
        ("http://h/other", "http://h/other", None),
    ],
)
def test_write_urls_are_guessed_for_known_servers(monkeypatch, tmp_path, url, update, store):
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "none"))
    endpoint = endpoint_from_url(url)
    assert (endpoint.update_url, endpoint.graph_store_url) == (update, store)


def test_virtuoso_with_credentials_uses_its_digest_protected_urls():
    endpoint = endpoint_from_url("http://h:8890/sparql", credentials=Credentials("u", "p"))
    assert endpoint.update_url == "http://h:8890/sparql-auth"
    assert endpoint.graph_store_url == "http://h:8890/sparql-graph-crud-auth"
    assert endpoint.auth == "digest"


def test_credentials_come_from_the_environment_then_netrc(monkeypatch, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine store.example login reader password n3trc-secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    found = find_credentials("https://store.example/sparql")
    assert (found.user, found.password) == ("reader", "n3trc-secret")
    assert find_credentials("https://other.example/sparql") is None
    monkeypatch.setenv("KG_ENDPOINT_USER", "writer")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "env-secret")
    found = find_credentials("https://store.example/sparql")
    assert (found.user, found.password, found.source) == ("writer", "env-secret", "environment")


def test_a_password_never_shows_in_a_repr_a_message_or_a_url():
    credentials = Credentials("writer", "s3cret-pw", "environment")
    endpoint = endpoint_from_url("http://writer:url-s3cret@h:8890/sparql")
    for text in (repr(credentials), str(credentials), repr(endpoint), str(endpoint)):
        assert "s3cret" not in text
    assert endpoint.credentials is not None and endpoint.credentials.password == "url-s3cret"
    assert safe_url("http://a:b@h:1/x?y=1") == "http://h:1/x?y=1"


# ---------------------------------------------------------------------------- retries


def refused() -> urllib.error.URLError:
    return urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))


def http_error(code: int) -> urllib.error.HTTPError:
    return urllib.error.HTTPError("http://h/x", code, "status", {}, None)  # type: ignore[arg-type]


def test_transient_failures_are_retried_with_exponential_back_off():
    failures = [refused(), http_error(503), http_error(429), http_error(502)]
    delays: list[float] = []

    def attempt():
        if failures:
            raise failures.pop(0)
        return "done"

    assert with_retries(Endpoint("http://h/x", retries=5, backoff=0.5), "x", attempt, sleep=delays.append) == "done"
    assert delays == [0.5, 1.0, 2.0, 4.0]


@pytest.mark.parametrize(("error", "message"), [(http_error(400), "HTTP 400"), (http_error(401), "not authorised"),
                                                (http_error(404), "not found")])  # fmt: skip
def test_other_failures_are_not_retried(error, message):
    calls = []

    def attempt():
        calls.append(1)
        raise error

    with pytest.raises(RemoteError, match=message) as caught:
        with_retries(Endpoint("http://h/x"), "PUT http://h/x", attempt, sleep=lambda _: None)
    assert len(calls) == 1 and "\n" not in str(caught.value)


def test_giving_up_says_why_in_one_line():
    calls = []

    def attempt():
        calls.append(1)
        raise refused()

    with pytest.raises(RemoteError, match="connection refused") as caught:
        with_retries(Endpoint("http://h/x", retries=5), "query at http://h/x", attempt, sleep=lambda _: None)
    assert len(calls) == 3 and "\n" not in str(caught.value)  # a refused connection: retried twice only


# ---------------------------------------------------------------------------- a fake server


class FakeStore(http.server.BaseHTTPRequestHandler):
    """Answers from a script of (status, headers) replies; asks for basic auth when it has a password."""

    script: list[tuple[int, dict[str, str]]] = []  # noqa: RUF012 - set per test
    seen: list[tuple[str, str, dict[str, str], bytes]] = []  # noqa: RUF012
    password: str | None = None

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).seen.append((self.command, self.path, dict(self.headers), body))
        if self.password is not None:
            expected = "Basic " + base64.b64encode(f"writer:{self.password}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="kg test"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
        status, headers = type(self).script.pop(0) if type(self).script else (204, {})
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = do_DELETE = do_GET = _answer


@pytest.fixture
def fake() -> Iterator[str]:
    FakeStore.script, FakeStore.seen, FakeStore.password = [], [], None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeStore)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def fixture_store() -> ox.Store:
    return load_files([FIXTURE])


def test_push_puts_each_article_graph_as_ascii_ntriples(fake):
    endpoint = Endpoint(f"{fake}/query", f"{fake}/update", f"{fake}/store", backoff=0.01)
    summary = push(fixture_store(), endpoint, verify=False)
    puts = [s for s in FakeStore.seen if s[0] == "PUT"]
    assert summary.graphs == 4 and len(puts) == 4
    for _, path, headers, body in puts:
        assert path.startswith("/store?graph=https%3A%2F%2Fw3id.org%2Fdipkg%2Fresource%2Farticle%2F")
        assert headers["Content-Type"].startswith("text/turtle")
        assert body.isascii()  # Arabic goes as \\u escapes: no charset can garble it
    graph = Graph().parse(data=puts[0][3].decode("ascii"), format="nt")
    expected = load_files([FIXTURE])
    name = sorted(ARTICLES)[0]
    assert len(graph) == sum(1 for _ in expected.quads_for_pattern(None, None, None, ox.NamedNode(name)))
    assert any(isinstance(o, Literal) and "لافروف" in str(o) for o in graph.objects())


def test_a_large_graph_goes_in_batches_the_first_replacing(fake):
    endpoint = Endpoint(f"{fake}/query", None, f"{fake}/store", backoff=0.01)
    store = ox.Store()
    graph = ox.NamedNode("https://example.org/big")
    store.extend(ox.Quad(ox.NamedNode(f"https://example.org/s{i}"), ox.NamedNode("https://example.org/p"),
                         ox.Literal(str(i)), graph) for i in range(2500))  # fmt: skip
    push(store, endpoint, batch=1000, verify=False)
    assert [s[0] for s in FakeStore.seen] == ["PUT", "POST", "POST"]


def test_the_update_protocol_drops_then_inserts(fake):
    endpoint = Endpoint(f"{fake}/query", f"{fake}/update", None, backoff=0.01)
    push(fixture_store(), endpoint, verify=False)
    (request,) = FakeStore.seen
    text = request[3].decode("ascii")
    assert request[2]["Content-Type"] == "application/sparql-update"
    assert text.count("DROP SILENT GRAPH") == 4 and text.count("INSERT DATA") == 4
    assert text.index("DROP SILENT GRAPH") < text.index("INSERT DATA")


def test_server_errors_and_rate_limits_are_retried(fake):
    FakeStore.script = [(503, {}), (429, {"Retry-After": "0"}), (500, {})]
    endpoint = Endpoint(f"{fake}/query", None, f"{fake}/store", backoff=0.01)
    summary = push(fixture_store(), endpoint, graphs=[ARTICLES[0]], verify=False)
    assert summary.requests == 4 and [s[0] for s in FakeStore.seen] == ["PUT"] * 4


def test_basic_auth_with_credentials_from_the_environment(fake, monkeypatch):
    FakeStore.password = "right-password"
    monkeypatch.setenv("KG_ENDPOINT_USER", "writer")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "right-password")
    endpoint = endpoint_from_url(f"{fake}/query", retries=0)
    push(fixture_store(), endpoint, graphs=[ARTICLES[0]], verify=False)
    authorised = [s for s in FakeStore.seen if "Authorization" in s[2]]
    assert authorised and authorised[-1][0] == "PUT"


def test_a_refused_password_is_reported_without_it(fake, monkeypatch, capsys):
    FakeStore.password = "right-password"
    monkeypatch.setenv("KG_ENDPOINT_USER", "writer")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "wrong-pa55word")
    status = main(["push", "--graph", str(FIXTURE), "--endpoint", f"{fake}/query", "--retries", "0", "-q"])
    err = capsys.readouterr().err
    assert status == 1
    assert "HTTP 401" in err and "KG_ENDPOINT_PASSWORD" in err and err.count("\n") == 1
    assert "wrong-pa55word" not in err and "right-password" not in err


def test_a_server_that_is_not_there(monkeypatch):
    port_of_nothing = 9  # the discard port: nothing listens on loopback
    engine = EndpointEngine(Endpoint(f"http://127.0.0.1:{port_of_nothing}/query", retries=1, backoff=0.01))
    with pytest.raises(RemoteError, match="connection refused") as caught:
        engine.run("ASK {}")
    assert "\n" not in str(caught.value)


def test_triples_outside_named_graphs_need_a_graph_to_go_into(fake, tmp_path):
    turtle = tmp_path / "graph.ttl"
    turtle.write_text('<urn:a> <urn:b> "c" .\n', encoding="utf-8")
    endpoint = Endpoint(f"{fake}/query", None, f"{fake}/store", backoff=0.01)
    with pytest.raises(Exception, match="--into"):
        push(load_files([turtle]), endpoint, verify=False)
    push(load_files([turtle]), endpoint, into="https://example.org/g", verify=False)
    assert FakeStore.seen[0][1] == "/store?graph=https%3A%2F%2Fexample.org%2Fg"


# ---------------------------------------------------------------------------- paging and results


def test_paging_wraps_the_query_as_an_ordered_subquery():
    query = "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n# a comment\nSELECT ?a ?b WHERE { ?a dip:p ?b } " \
            "ORDER BY DESC(?b) LIMIT 25000 OFFSET 10"  # fmt: skip
    template, limit, offset = paging_template(query, ("a", "b"))
    text = template.format(limit=10000, offset=20)
    assert (limit, offset) == (25000, 10)
    assert text.startswith("PREFIX dip: <https://w3id.org/dipkg/ontology#>")
    assert "ORDER BY DESC(?b) ?a ?b" in text and text.rstrip().endswith("LIMIT 10000 OFFSET 20")
    assert "LIMIT 25000" not in text
    unordered, _, _ = paging_template("SELECT * WHERE { ?s ?p ?o }", ("s", "p", "o"))
    assert "ORDER BY ?s ?p ?o" in unordered
    with pytest.raises(QueryError, match="FROM"):
        paging_template("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", ("s",))


def test_results_in_the_older_virtuoso_json_form_are_read():
    doc = {"head": {"vars": ["n", "s", "l"]}, "results": {"bindings": [{
        "n": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer", "value": "3"},
        "s": {"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#string", "value": "x"},
        "l": {"type": "literal", "xml:lang": "ar", "value": "سوريا"}}]}}  # fmt: skip
    ((n, s, label),) = parse_results_json(doc).rows
    assert int(n) == 3 and s == Literal("x") and label == Literal("سوريا", lang="ar")


# ---------------------------------------------------------------------------- the real servers

@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request) -> RunningServer:
    return request.getfixturevalue(f"{request.param}_server")


@pytest.fixture(scope="module")
def local() -> OxigraphEngine:
    return OxigraphEngine(fixture_store())


@pytest.fixture(scope="module")
def pushed(server) -> tuple[RunningServer, Endpoint]:
    endpoint = server.endpoint()
    summary = push(fixture_store(), endpoint)
    assert summary.mismatched == [], str(summary)
    return server, endpoint


def comparable(result) -> list[tuple[str, ...]]:
    """Rows as text, with ' | ' lists sorted (GROUP_CONCAT has no order) and Virtuoso's 1/0 booleans."""
    rows = []
    for row in result.rows:
        cells = []
        for term in row:
            text = "" if term is None else str(term)
            if isinstance(term, Literal) and str(term.datatype or "").endswith("#boolean"):
                text = {"1": "true", "0": "false"}.get(text, text)
            cells.append(" | ".join(sorted(text.split(" | "))))
        rows.append(tuple(cells))
    return sorted(rows)


@pytest.mark.server
def test_push_lands_every_triple_of_every_article(pushed):
    _, endpoint = pushed
    expected = {name: sum(1 for _ in fixture_store().quads_for_pattern(None, None, None, ox.NamedNode(name)))
                for name in ARTICLES}  # fmt: skip
    assert count_graphs(endpoint, ARTICLES) == expected


QUERY_EXAMPLES = [(q.name, i) for q in list_queries() for i in range(len(q.examples))]


@pytest.mark.server
@pytest.mark.parametrize(("name", "example"), QUERY_EXAMPLES, ids=[f"{n}-{i}" for n, i in QUERY_EXAMPLES])
def test_every_ready_made_query_answers_the_same_remotely(pushed, local, name, example):
    _, endpoint = pushed
    query = find_query(name)
    text = bind(query, query.example_params(example))
    remote = EndpointEngine(endpoint).run(text)
    embedded = local.run(text)
    assert remote.vars == embedded.vars
    assert comparable(remote) == comparable(embedded)
    assert embedded.rows


@pytest.mark.server
@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_pushing_again_doubles_nothing(pushed, protocol):
    _, endpoint = pushed
    before = count_graphs(endpoint, ARTICLES)
    summary = push(fixture_store(), endpoint, protocol=protocol, batch=100)
    assert summary.protocol == protocol and summary.mismatched == []
    assert count_graphs(endpoint, ARTICLES) == before
    engine = EndpointEngine(endpoint)
    summit = URIRef(f"{R}meeting/2021-09-14-3f9a1c07be")
    result = engine.run(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ <{summit}> a ?type }} }}")
    assert int(result.rows[0][0]) == 2  # once in each of the two articles that report it


@pytest.mark.server
def test_deleting_an_article_graph(pushed, local):
    _, endpoint = pushed
    gone = f"{R}article/fx-summit-hadaf"
    try:
        delete_graph(endpoint, gone)
        assert gone not in count_graphs(endpoint, ARTICLES)
        sources = EndpointEngine(endpoint).run(bind(find_query("sources-of-meeting"), {"min": "2"}))
        assert sources.rows == ()  # the summit now has one source left
        delete_graph(endpoint, gone)  # deleting what is not there is fine
    finally:
        push(fixture_store(), endpoint, graphs=[gone])
    assert gone in count_graphs(endpoint, ARTICLES)


@pytest.mark.server
def test_more_than_ten_thousand_rows_come_back_complete(pushed):
    server, endpoint = pushed
    big = "https://example.org/kg-test/big"
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"https://example.org/kg-test/s{i:05d}"), ox.NamedNode("https://example.org/p"),
                         ox.Literal(f"قيمة {i}", language="ar"), ox.NamedNode(big)) for i in range(12_345))  # fmt: skip
    try:
        summary = push(store, endpoint, batch=5_000)
        assert summary.landed == {big: 12_345} and summary.requests >= 3
        if server.max_rows is None:  # the Oxigraph server sends everything: page on purpose
            endpoint = endpoint_from_url(endpoint.query_url, page_size=5_000)
        engine = EndpointEngine(endpoint)
        result = engine.run(f"SELECT ?s ?o WHERE {{ GRAPH <{big}> {{ ?s ?p ?o }} }}")
        assert len(result.rows) == len(set(result.rows)) == 12_345
        assert result.notes and "pages" in result.notes[0]
        ordered = f"SELECT ?s WHERE {{ GRAPH <{big}> {{ ?s ?p ?o }} }} ORDER BY DESC(?s) LIMIT 11000 OFFSET 100"
        rows = [str(row[0]) for row in engine.run(ordered).rows]
        assert rows == [f"https://example.org/kg-test/s{i:05d}" for i in range(12_244, 1_244, -1)]
    finally:
        delete_graph(endpoint, big)


PROBE = parse_query_text("# Echo.\n# @param x string required Any text.\nSELECT ?x WHERE { VALUES ?x { UNDEF } }")


@pytest.mark.server
@pytest.mark.parametrize("value", ['x" } ; DROP ALL ; #', "back\\slash \\u0022 and \\n", "line\nbreak", "عربي"])
def test_hostile_values_stay_strings_on_the_server(pushed, value):
    _, endpoint = pushed
    assert EndpointEngine(endpoint).run(bind(PROBE, {"x": value})).rows == ((Literal(value),),)
    assert sum(count_graphs(endpoint, ARTICLES).values()) == 480


@pytest.mark.server
def test_kg_push_and_kg_query_commands(pushed, monkeypatch, capsys, tmp_path):
    server, _ = pushed
    if server.user:
        monkeypatch.setenv("KG_ENDPOINT_USER", server.user)
        monkeypatch.setenv("KG_ENDPOINT_PASSWORD", server.password or "")
    write_articles(tmp_path / "store", _dataset())
    args = ["push", "--store", str(tmp_path / "store"), "--endpoint", server.query_url,
            "--graph-store", server.graph_store_url, "--update-endpoint", server.update_url]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "pushed 4 graphs, 480 triples" in out and "the server holds 480 triples" in out
    query = ["query", "meetings-of-actor", "--endpoint", server.query_url, "--param", "actor=بوتين", "-f", "csv"]
    assert main(query) == 0
    assert "meeting/2021-09-14-3f9a1c07be" in capsys.readouterr().out
    gone = f"{R}article/fx-mekdad-riyadh"
    delete = ["push", "--endpoint", server.query_url, "--graph-store", server.graph_store_url,
              "--update-endpoint", server.update_url, "--delete", gone]  # fmt: skip
    assert main(delete) == 0
    assert "removed 1 graphs" in capsys.readouterr().out
    assert main(args) == 0  # and back, for the other tests


def _dataset():
    from kg.sources import load_dataset

    return load_dataset([FIXTURE])


@pytest.mark.server
def test_a_wrong_password_is_refused_without_showing_it(virtuoso_server, monkeypatch, capsys):  # noqa: F811
    monkeypatch.setenv("KG_ENDPOINT_USER", virtuoso_server.user)
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "not-the-pa55word")
    args = ["push", "--graph", str(FIXTURE), "--endpoint", virtuoso_server.query_url, "--retries", "0", "-q"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "HTTP 401" in err and err.count("\n") == 1
    assert "not-the-pa55word" not in err and (virtuoso_server.password or "?") not in err


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("examples") / "store"
    status = main(["build", str(EXAMPLES), "--store", str(folder), "--quiet"])
    assert status in (0, 1) and folder.is_dir(), "kg build examples --store wrote nothing"
    return folder


@pytest.mark.server
def test_the_examples_pushed_answer_every_query_as_the_embedded_store_does(server, examples_store, tmp_path):
    endpoint = server.endpoint()
    store = open_store(examples_store, read_only=True)
    names = named_graphs(store)  # the article graphs: the store's own layout notes are not pushed
    # the server holds the fixture too: compare with an embedded store holding both
    both = ox.Store()
    both.extend(article_quads(store))
    both.load(fixture_store().dump(format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
    embedded = OxigraphEngine(both)
    push(fixture_store(), endpoint)
    try:
        summary = push(store, endpoint)
        assert summary.mismatched == [] and summary.graphs == len(names) >= 8
        assert push(store, endpoint).landed == summary.landed  # again: nothing doubled
        remote = EndpointEngine(endpoint)
        for query in list_queries():
            for index in range(len(query.examples)):
                text = bind(query, query.example_params(index))
                assert comparable(remote.run(text)) == comparable(embedded.run(text)), f"{query.name} {index}"
    finally:
        for name in names:
            delete_graph(endpoint, name)
