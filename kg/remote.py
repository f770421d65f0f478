"""Remote linked-data stores: loading article graphs into them and querying them over SPARQL 1.1.

Loading (`push`) sends each article's named graph with the Graph Store Protocol (PUT replaces the
graph, so pushing twice changes nothing) or, where only SPARQL Update is offered, with batched
`DROP SILENT GRAPH` + `INSERT DATA` requests; large graphs go in batches. A count query afterwards
confirms how many triples each graph holds on the server.

Queries go through SPARQLWrapper (content negotiation only, a timeout, errors as one line). A
result the server cut short (Virtuoso returns at most ResultSetMaxRows rows, 10,000 by default,
and says so only in an `X-SPARQL-MaxRows` header) is fetched again page by page (an ordered
subquery with LIMIT/OFFSET around it), so nothing is silently lost.

Credentials come from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or a netrc file, for HTTP basic or
digest auth; they never appear in a message, a log line or a file.
"""

from __future__ import annotations

import http.client
import json
import netrc
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError, RemoteError, UsageError, unknown_choice
from kg.sparql import QueryResult, mask_sparql, query_form, rows_of, sparql_term, split_prologue, strip_comments

USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"
PROTOCOLS = ("auto", "gsp", "update")
AUTH_SCHEMES = ("basic", "digest")
_TRANSIENT_STATUS = frozenset({408, 429, 500, 502, 503, 504})
_T = TypeVar("_T")


# ---------------------------------------------------------------------------- where and who


@dataclass(frozen=True, slots=True)
class Credentials:
    """A user and password for HTTP auth; the password never shows in repr or str."""

    user: str
    password: str = field(repr=False)
    source: str = ""  # where they came from: "environment" or the netrc file

    def __str__(self) -> str:
        return f"user {self.user!r} (from {self.source or 'arguments'})"


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A remote store: its query URL, and where it takes updates and Graph Store Protocol requests."""

    query_url: str
    update_url: str | None = None
    graph_store_url: str | None = None
    credentials: Credentials | None = None
    auth: str = "basic"  # for queries through SPARQLWrapper; pushes negotiate basic or digest
    timeout: float = 60.0
    retries: int = 5  # attempts after the first, on transient failures
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    page_size: int | None = None  # page every SELECT from the start (else only when the server cut it)
    max_bytes: int = 64 * 2**20  # a larger answer is refused as it streams in (--max-answer-size)

    def __str__(self) -> str:
        return safe_url(self.query_url)


def safe_url(url: str) -> str:
    """The URL without any user:password@ part, fit for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=host))


def find_credentials(url: str, netrc_file: str | None = None) -> Credentials | None:
    """Credentials for a URL: KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD, else the netrc entry of its host."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    if user and password is not None:
        return Credentials(user, password, "environment")
    if password and not user:
        raise UsageError(f"{PASSWORD_VARIABLE} is set but {USER_VARIABLE} is not")
    path = netrc_file or os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
    if not os.path.isfile(path):
        return None
    try:
        entry = netrc.netrc(path).authenticators(urllib.parse.urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError) as err:
        raise UsageError(f"{path}: cannot read the netrc file ({type(err).__name__})") from None
    if entry is None:
        return None
    login, _, password = entry
    return Credentials(login or "", password or "", path)


def endpoint_from_url(
    url: str,
    *,
    update_url: str | None = None,
    graph_store_url: str | None = None,
    credentials: Credentials | None = None,
    auth: str | None = None,
    timeout: float = 60.0,
    netrc_file: str | None = None,
    page_size: int | None = None,
    retries: int = 5,
    max_bytes: int | None = None,
) -> Endpoint:
    """An Endpoint for a query URL, guessing the update and Graph Store URLs of known servers:

    - `.../query` (Oxigraph): `.../update` and `.../store`
    - `.../sparql` (Virtuoso): `.../sparql-auth` and `.../sparql-graph-crud-auth` when there are
      credentials (digest auth), else `.../sparql` and `.../sparql-graph-crud`
    - `.../repositories/NAME` (GraphDB, RDF4J): `.../statements` and `.../rdf-graphs/service`
    - anything else: updates to the same URL, no Graph Store Protocol.
    Credentials written into the URL are moved out of it.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UsageError(f"{safe_url(url)}: expected an http:// or https:// endpoint URL")
    if parts.password is not None and credentials is None:
        user, password = urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password)
        credentials = Credentials(user, password, "URL")
    url = safe_url(url)
    credentials = credentials or find_credentials(url, netrc_file)
    path = parts.path.rstrip("/")
    base = url[: len(url) - len(parts.query) - (1 if parts.query else 0)].rstrip("/")
    guessed_update, guessed_store, guessed_auth = url, None, "basic"
    if path.endswith("/query"):
        root = base[: -len("/query")]
        guessed_update, guessed_store = root + "/update", root + "/store"
    elif path.endswith(("/sparql", "/sparql-auth")):
        root = base.rsplit("/", 1)[0]
        guessed_auth = "digest"
        if credentials:
            guessed_update, guessed_store = root + "/sparql-auth", root + "/sparql-graph-crud-auth"
        else:
            guessed_update, guessed_store = root + "/sparql", root + "/sparql-graph-crud"
    elif re.search(r"/repositories/[^/]+$", path):
        guessed_update, guessed_store = base + "/statements", base + "/rdf-graphs/service"
    scheme = auth or guessed_auth
    if scheme not in AUTH_SCHEMES:
        raise unknown_choice("auth scheme", scheme, AUTH_SCHEMES)
    return Endpoint(
        query_url=url,
        update_url=safe_url(update_url) if update_url else guessed_update,
        graph_store_url=safe_url(graph_store_url) if graph_store_url else guessed_store,
        credentials=credentials,
        auth=scheme,
        timeout=timeout,
        page_size=page_size,
        retries=retries,
        max_bytes=max_bytes or _MAX_ANSWER_BYTES,
    )


# ---------------------------------------------------------------------------- retrying


def with_retries(endpoint: Endpoint, what: str, attempt: Callable[[], _T], sleep=time.sleep) -> _T:
    """Run `attempt`, retrying the failures a retry can mend (reset connections, HTTP 408/429/5xx)
    with exponential back-off; a refused connection twice at most (a server restarting), a
    timeout never (a server that did not answer in --timeout seconds will not do better at once);
    anything else, or the last failure, as a RemoteError."""
    delay = endpoint.backoff
    refusals = 0
    for tries in range(endpoint.retries + 1):
        try:
            return attempt()
        except AnswerTooLarge as err:
            raise RemoteError(f"{what}: {err}") from None
        except RemoteError:
            raise
        except Exception as err:  # classified below; urllib and SPARQLWrapper raise many kinds
            transient, wait = _transient(err)
            refusals += _refused(err)
            if not transient or tries == endpoint.retries or refusals > _REFUSALS_RETRIED:
                raise RemoteError(f"{what}: {describe_failure(err)}") from None
            sleep(max(delay, wait))
            delay *= 2
    raise AssertionError("unreachable")


_REFUSALS_RETRIED = 2
_MAX_ANSWER_BYTES = 64 * 2**20


def _refused(err: BaseException) -> bool:
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    return isinstance(reason, ConnectionRefusedError)


def _transient(err: BaseException) -> tuple[bool, float]:
    status = _status(err)
    if status is not None:
        retry_after = 0.0
        headers = getattr(err, "headers", None)
        if status in (429, 503) and headers is not None:
            value = headers.get("Retry-After", "")
            retry_after = min(float(value), 30.0) if value.isdigit() else 0.0
        return status in _TRANSIENT_STATUS, retry_after
    if isinstance(err, urllib.error.URLError):
        err = err.reason if isinstance(err.reason, BaseException) else err
    if isinstance(err, TimeoutError | socket.timeout):
        return False, 0.0
    return isinstance(err, ConnectionError | http.client.RemoteDisconnected), 0.0


def _status(err: BaseException) -> int | None:
    if isinstance(err, urllib.error.HTTPError):
        return err.code
    from SPARQLWrapper import SPARQLExceptions as sw

    codes = {sw.QueryBadFormed: 400, sw.Unauthorized: 401, sw.EndPointNotFound: 404, sw.URITooLong: 414,
             sw.EndPointInternalError: 500}  # fmt: skip
    for kind, code in codes.items():
        if isinstance(err, kind):
            return code
    return None


_REASONS = {
    400: "the server rejected the request as malformed",
    401: f"not authorised (set {USER_VARIABLE} and {PASSWORD_VARIABLE}, or a netrc entry for the host)",
    403: "forbidden (the user lacks the right, e.g. SPARQL_UPDATE on Virtuoso)",
    404: "not found (check the URL)",
    405: "method not allowed (the URL does not take this kind of request)",
    413: "request too large (lower --batch)",
    414: "URL too long",
    415: "the server does not take this content type",
    429: "too many requests",
}


def describe_failure(err: BaseException) -> str:
    """One line saying what went wrong, with a short extract of the server's own message."""
    status = _status(err)
    if status is not None:
        detail = _server_message(err)
        reason = _REASONS.get(status, "server error" if status >= 500 else "request failed")
        return f"HTTP {status}, {reason}" + (f": {detail}" if detail else "")
    if isinstance(err, urllib.error.URLError):
        reason = err.reason
        if isinstance(reason, ConnectionRefusedError):
            return "connection refused (is the server running, and on this port? see --endpoint)"
        if isinstance(reason, TimeoutError | socket.timeout):
            return "no connection within the timeout (raise --timeout, or check --endpoint)"
        if isinstance(reason, socket.gaierror):
            return "unknown host"
        return f"cannot connect ({_clip(str(reason))})"
    if isinstance(err, TimeoutError | socket.timeout):
        return "timed out (raise --timeout)"
    if isinstance(err, ConnectionError):
        return f"connection failed ({type(err).__name__})"
    return _clip(f"{type(err).__name__}: {err}")


def _server_message(err: BaseException) -> str:
    body = b""
    if isinstance(err, urllib.error.HTTPError):
        try:
            body = err.read() or b""
        except Exception:  # an unreadable body leaves only the status to report
            body = b""
    else:
        text = str(err)
        match = re.search(r"Response:\s*b?['\"](.*)", text, re.DOTALL)
        body = (match.group(1) if match else "").encode("utf-8", "replace")
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    text = re.sub(r"<[^>]+>", " ", text).replace("\\n", " ")
    return _clip(" ".join(text.split()), 200)


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AnswerTooLarge(RemoteError):
    """An answer larger than Endpoint.max_bytes: refused as it streams in, never held whole."""


def read_capped(response, limit: int) -> bytes:
    """The body of a response, read a megabyte at a time; past `limit` bytes, AnswerTooLarge."""
    chunks, size = [], 0
    while chunk := response.read(1 << 20):
        size += len(chunk)
        if size > limit:
            response.close()
            raise AnswerTooLarge(f"the answer is larger than {limit / 2**20:g} MB (raise --max-answer-size, "
                                 "or ask for less: LIMIT, a narrower pattern)")
        chunks.append(chunk)
    return b"".join(chunks)


# ---------------------------------------------------------------------------- raw HTTP (pushes)


class _Http:
    """urllib with basic and digest auth negotiated from the server's challenge."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        handlers: list[urllib.request.BaseHandler] = []
        if endpoint.credentials is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (endpoint.query_url, endpoint.update_url, endpoint.graph_store_url):
                if url:
                    manager.add_password(None, url, endpoint.credentials.user, endpoint.credentials.password)
            handlers += [urllib.request.HTTPBasicAuthHandler(manager), urllib.request.HTTPDigestAuthHandler(manager)]
        self.opener = urllib.request.build_opener(*handlers)
        self.requests = 0

    def send(self, method: str, url: str, body: bytes | None = None, content_type: str | None = None) -> bytes:
        def attempt() -> bytes:
            request = urllib.request.Request(url, data=body, method=method)
            if content_type:
                request.add_header("Content-Type", content_type)
            request.add_header("Accept", "*/*")
            self.requests += 1
            with self.opener.open(request, timeout=self.endpoint.timeout) as response:
                return read_capped(response, self.endpoint.max_bytes)

        return with_retries(self.endpoint, f"{method} {safe_url(url)}", attempt)


# ---------------------------------------------------------------------------- pushing


@dataclass(frozen=True, slots=True)
class PushSummary:
    """What `push` did and what the server holds afterwards."""

    endpoint: str
    protocol: str  # "gsp" or "update"
    graphs: int
    triples: int  # triples sent
    requests: int
    seconds: float
    landed: dict[str, int] = field(default_factory=dict)  # graph -> triples the server reports
    expected: dict[str, int] = field(default_factory=dict)  # graph -> triples sent

    @property
    def mismatched(self) -> list[str]:
        """Graphs whose count on the server differs from what was sent."""
        return sorted(g for g, n in self.expected.items() if self.landed.get(g) != n)

    def __str__(self) -> str:
        confirmed = sum(self.landed.get(g, 0) for g in self.expected)
        line = (
            f"{self.endpoint}: pushed {self.graphs} graphs, {self.triples} triples, in {self.requests} "
            f"requests ({self.protocol}), {self.seconds:.1f} s; the server holds {confirmed} triples in them"
        )
        if self.mismatched:
            shown = ", ".join(f"{g} ({self.landed.get(g, 0)} of {self.expected[g]})" for g in self.mismatched[:3])
            line += f"; {len(self.mismatched)} graphs differ: {shown}"
        return line


def push(
    store: ox.Store,
    endpoint: Endpoint,
    *,
    graphs: Sequence[str] | None = None,
    protocol: str = "auto",
    batch: int = 10_000,
    into: str | None = None,
    verify: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> PushSummary:
    """Load the named graphs of a store (all, or those listed) into a remote store, replacing each.

    Triples in the store's default graph (as from a Turtle file) go into the named graph `into`;
    without it they are an error, since replacing a server's default graph would wipe what others
    put there. `batch` bounds the triples in one request.
    """
    if protocol not in PROTOCOLS:
        raise unknown_choice("protocol", protocol, PROTOCOLS)
    if batch < 1:
        raise UsageError("--batch must be at least 1")
    if protocol == "auto":
        protocol = "gsp" if endpoint.graph_store_url else "update"
    if protocol == "gsp" and not endpoint.graph_store_url:
        raise UsageError(f"{endpoint}: no Graph Store Protocol URL known; give --graph-store URL or --protocol update")
    if protocol == "update" and not endpoint.update_url:
        raise UsageError(f"{endpoint}: no update URL known; give --update-endpoint URL")
    started = time.perf_counter()
    from kg.store import has_union, named_graphs

    names = list(graphs) if graphs is not None else named_graphs(store)
    # a store kg wrote keeps the union of its articles in its default graph: derived, not sent
    default_size = 0
    if not has_union(store):
        default_size = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if default_size and graphs is None:
        if into is None:
            raise UsageError(
                f"the input has {default_size} triples outside named graphs (a Turtle or N-Triples file); "
                "give --into GRAPH-IRI to load them into that named graph, or push a store, TriG or N-Quads"
            )
        names.append(into)
    http = _Http(endpoint)
    expected: dict[str, int] = {}
    pending: list[tuple[str, list[bytes]]] = []  # update protocol: graphs waiting for the next request
    pending_size = 0
    for done, name in enumerate(names, start=1):
        source = ox.DefaultGraph() if name == into and default_size else ox.NamedNode(name)
        lines = _ntriples_lines(store, source)
        expected[name] = len(lines)
        if protocol == "gsp":
            _put_graph(http, endpoint, name, lines, batch)
        else:
            if pending_size + len(lines) > batch and pending:
                _update_graphs(http, endpoint, pending, batch)
                pending, pending_size = [], 0
            pending.append((name, lines))
            pending_size += len(lines)
        if progress:
            progress(done, len(names))
    if pending:
        _update_graphs(http, endpoint, pending, batch)
    landed = count_graphs(endpoint, list(expected)) if verify else {}
    return PushSummary(
        endpoint=str(endpoint),
        protocol=protocol,
        graphs=len(expected),
        triples=sum(expected.values()),
        requests=http.requests,
        seconds=time.perf_counter() - started,
        landed=landed,
        expected=expected,
    )


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii(text: str) -> str:
    # N-Triples, Turtle and SPARQL all read \uXXXX escapes; an ASCII body cannot be mis-decoded
    # by a server that guesses the charset.
    return _NON_ASCII.sub(lambda m: f"\\u{ord(m.group()):04X}" if ord(m.group()) < 0x10000
                          else f"\\U{ord(m.group()):08X}", text)  # fmt: skip


def _ntriples_lines(store: ox.Store, graph) -> list[bytes]:
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
    return [line.encode("ascii") for line in _ascii(data).splitlines() if line.strip()]


def _chunks(lines: list[bytes], size: int) -> list[list[bytes]]:
    if any(b"_:" in line for line in lines):  # blank nodes must stay in one request to stay one node
        return [lines]
    return [lines[i : i + size] for i in range(0, len(lines), size)] or [[]]


def _graph_url(endpoint: Endpoint, graph: str) -> str:
    assert endpoint.graph_store_url
    separator = "&" if "?" in endpoint.graph_store_url else "?"
    return f"{endpoint.graph_store_url}{separator}graph={urllib.parse.quote(graph, safe='')}"


def _put_graph(http: _Http, endpoint: Endpoint, graph: str, lines: list[bytes], batch: int) -> None:
    url = _graph_url(endpoint, graph)
    for index, chunk in enumerate(_chunks(lines, batch)):
        body = b"\n".join(chunk) + b"\n"
        # PUT replaces the graph; the rest of a large graph is appended with POST
        http.send("PUT" if index == 0 else "POST", url, body, "text/turtle; charset=utf-8")


_INSERT_DATA_MAX = 2_000  # Virtuoso's parser runs out of stack near 5,000 triples in one INSERT DATA


def _update_graphs(http: _Http, endpoint: Endpoint, graphs: list[tuple[str, list[bytes]]], batch: int) -> None:
    """DROP SILENT GRAPH + INSERT DATA for each graph, packed into requests of at most `batch` triples
    (in order, so a graph's DROP always runs before its inserts)."""
    assert endpoint.update_url
    operations: list[tuple[str, int]] = []
    for graph, lines in graphs:
        iri = sparql_term(URIRef(graph))
        operations.append((f"DROP SILENT GRAPH {iri}", 0))
        for chunk in _chunks(lines, min(batch, _INSERT_DATA_MAX)):
            if chunk:
                body = b"\n".join(chunk).decode("ascii")
                operations.append((f"INSERT DATA {{ GRAPH {iri} {{\n{body}\n}} }}", len(chunk)))
    request: list[str] = []
    size = 0
    for text, triples in operations:
        if request and size + triples > batch:
            http.send("POST", endpoint.update_url, " ;\n".join(request).encode("ascii"), "application/sparql-update")
            request, size = [], 0
        request.append(text)
        size += triples
    if request:
        http.send("POST", endpoint.update_url, " ;\n".join(request).encode("ascii"), "application/sparql-update")


def count_graphs(endpoint: Endpoint, graphs: Sequence[str]) -> dict[str, int]:
    """Triples in each named graph on the server (graphs it does not hold are left out)."""
    counts: dict[str, int] = {}
    engine = EndpointEngine(endpoint)
    for start in range(0, len(graphs), 100):
        values = " ".join(sparql_term(URIRef(g)) for g in graphs[start : start + 100])
        result = engine.run(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
        )
        for graph, number in result.rows:
            counts[str(graph)] = int(str(number))
    return counts


def delete_graph(endpoint: Endpoint, graph: str, *, protocol: str = "auto") -> None:
    """Remove one named graph from the server (nothing happens if it is not there)."""
    if protocol not in PROTOCOLS:
        raise unknown_choice("protocol", protocol, PROTOCOLS)
    http = _Http(endpoint)
    if (protocol == "auto" and endpoint.graph_store_url) or protocol == "gsp":
        try:
            http.send("DELETE", _graph_url(endpoint, graph))
        except RemoteError as err:
            if "HTTP 404" not in str(err):
                raise
        return
    if not endpoint.update_url:
        raise UsageError(f"{endpoint}: no update URL known; give --update-endpoint URL")
    http.send("POST", endpoint.update_url, f"DROP SILENT GRAPH {sparql_term(URIRef(graph))}".encode(),
              "application/sparql-update")  # fmt: skip


# ---------------------------------------------------------------------------- querying


@dataclass
class EndpointEngine:
    """Runs queries on a remote endpoint through SPARQLWrapper, paging results the server cut short."""

    endpoint: Endpoint
    description: str = ""
    requests: int = 0

    def __post_init__(self) -> None:
        self.description = self.description or f"endpoint {self.endpoint}"

    def select(self, sparql: str):
        """The rows of a SELECT as pyoxigraph terms (all fetched first: a server pages them)."""
        return rows_of(self.run(sparql))

    def triples(self) -> int:
        """Distinct triples in the server's default graph (a union of graphs, on most servers)."""
        result = self.run("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
        return int(str(result.rows[0][0])) if result.rows else 0

    def run(self, sparql: str) -> QueryResult:
        # comments mean nothing to the server, and SPARQLWrapper guesses the query's form from
        # the first keyword it sees, comments included
        sparql = strip_comments(sparql)
        form = query_form(sparql)
        if form != "SELECT":
            return self._graph_or_boolean(sparql, form)
        if self.endpoint.page_size:
            return self._paged(sparql, self.endpoint.page_size, None)
        try:
            doc, headers = self._request(sparql)
        except RemoteError as err:
            # Virtuoso refuses to sort more than ResultSetMaxRows rows for one page of an ordered
            # query ("SR353 ... Only 10000 are allowed"); the paged form sorts in a subquery instead
            refused = _SORT_LIMIT.search(str(err))
            if refused is None:
                raise
            return self._paged(sparql, int(refused.group(1)), None)
        result = parse_results_json(doc)
        cap = _max_rows(headers)
        if cap is None or len(result.rows) < cap:
            return result
        return self._paged(sparql, cap, result.vars)

    # one request
    def _request(self, sparql: str, accept: str = "json") -> tuple[object, dict[str, str]]:
        from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, SPARQLWrapper

        def attempt():
            client = SPARQLWrapper(self.endpoint.query_url)
            client.setOnlyConneg(True)
            client.setMethod(POST)
            client.setTimeout(int(max(1, self.endpoint.timeout)))
            client.setReturnFormat(JSON if accept == "json" else TURTLE)
            credentials = self.endpoint.credentials
            if credentials is not None:
                client.setHTTPAuth(DIGEST if self.endpoint.auth == "digest" else BASIC)
                client.setCredentials(credentials.user, credentials.password)
            client.setQuery(sparql)
            self.requests += 1
            response = client.query()
            headers = {k.lower(): v for k, v in response.info().items()}
            body = read_capped(response.response, self.endpoint.max_bytes)
            return body, headers

        body, headers = with_retries(self.endpoint, f"query at {self.endpoint}", attempt)
        if accept != "json":
            return body, headers
        try:
            return json.loads(body.decode("utf-8")), headers
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise RemoteError(f"query at {self.endpoint}: the answer is not SPARQL JSON results ({err})") from None

    def _graph_or_boolean(self, sparql: str, form: str) -> QueryResult:
        if form == "ASK":
            doc, _ = self._request(sparql)
            if not isinstance(doc, dict) or "boolean" not in doc:
                raise RemoteError(f"query at {self.endpoint}: expected a boolean answer to ASK")
            return QueryResult(boolean=bool(doc["boolean"]))
        body, headers = self._request(sparql, accept="turtle")
        if _max_rows(headers) is not None:
            raise RemoteError(
                f"query at {self.endpoint}: the server cut the {form} result at {_max_rows(headers)} triples; "
                "page it with a SELECT or raise the server's limit (Virtuoso: ResultSetMaxRows)"
            )
        graph = Graph()
        try:
            graph.parse(data=body, format="turtle")
        except Exception as err:  # rdflib parser errors
            raise RemoteError(f"query at {self.endpoint}: the answer is not Turtle ({_clip(str(err))})") from None
        return QueryResult(triples=tuple(graph))

    def _paged(self, sparql: str, page: int, known_vars: tuple[str, ...] | None) -> QueryResult:
        template, limit, offset = paging_template(sparql, known_vars)
        rows: list[tuple[Node | None, ...]] = []
        names: tuple[str, ...] = known_vars or ()
        pages = 0
        position = offset
        while True:
            size = page if limit is None else min(page, offset + limit - position)
            if size <= 0:
                break
            if template is None:  # the projection was unknown: learn it from a first small page
                template, _, _ = paging_template(sparql, _vars_of(self, sparql))
            doc, headers = self._request(template.format(limit=size, offset=position))
            chunk = parse_results_json(doc)
            pages += 1
            names = names or chunk.vars
            index = [chunk.vars.index(v) if v in chunk.vars else None for v in names]
            rows.extend(tuple(r[i] if i is not None else None for i in index) for r in chunk.rows)
            position += len(chunk.rows)
            cap = _max_rows(headers)
            if len(chunk.rows) < size and (cap is None or len(chunk.rows) < cap):
                break
            if not chunk.rows:
                break
            if cap is not None and cap < page:
                page = cap  # the server's own limit is lower than the page asked for
        return QueryResult(vars=names, rows=tuple(rows), notes=(f"fetched in {pages} pages of up to {page} rows",))


def _vars_of(engine: EndpointEngine, sparql: str) -> tuple[str, ...]:
    template, _, _ = paging_template(sparql, ())
    doc, _ = engine._request(template.format(limit=1, offset=0))
    return parse_results_json(doc).vars


def _max_rows(headers: dict[str, str]) -> int | None:
    value = headers.get("x-sparql-maxrows")
    return int(value) if value and value.strip().isdigit() else None


_SORT_LIMIT = re.compile(r"SR353\b.*?Only (\d+) are allowed")
_TAIL = re.compile(r"\b(LIMIT|OFFSET)\s+(\d+)", re.IGNORECASE)


def paging_template(sparql: str, variables: Sequence[str] | None) -> tuple[str | None, int | None, int]:
    """(a query text with {limit} and {offset} to fill, the query's own LIMIT, its own OFFSET).

    The query becomes an ordered subquery (its ORDER BY keys, then every projected variable, so
    the order is total and pages neither overlap nor skip), and LIMIT/OFFSET go outside it: the
    form Virtuoso pages beyond ResultSetMaxRows without refusing to sort. With `variables` None
    the template is None (the caller learns the projection from the server first).
    """
    prologue, body = split_prologue(sparql)
    masked = mask_sparql(body)
    close = masked.rfind("}")
    if close < 0:
        raise QueryError("cannot page a query without a { ... } pattern")
    head, tail = body[: close + 1], body[close + 1 :]
    masked_tail = masked[close + 1 :]
    if re.search(r"\bVALUES\b", masked_tail, re.IGNORECASE):
        raise QueryError("cannot page a query with a VALUES clause after its WHERE; move it inside")
    if re.search(r"\bFROM\b", mask_sparql(head[: head.find("{")]), re.IGNORECASE):
        raise QueryError("cannot page a query with FROM clauses (a subquery cannot hold them)")
    limit = offset = None
    for match in reversed(list(_TAIL.finditer(masked_tail))):  # from the end, so spans stay valid
        if match.group(1).upper() == "LIMIT":
            limit = int(match.group(2))
        else:
            offset = int(match.group(2))
        tail = tail[: match.start()] + tail[match.end() :]
    if variables is None:
        return None, limit, offset or 0
    ties = " ".join(f"?{v}" for v in variables)
    if re.search(r"\bORDER\s+BY\b", mask_sparql(tail), re.IGNORECASE):
        tail = tail.rstrip() + (" " + ties if ties else "")
    elif ties:
        tail = tail.rstrip() + f"\nORDER BY {ties}"
    inner = (head + tail).replace("{", "{{").replace("}", "}}")
    template = prologue.replace("{", "{{").replace("}", "}}") + (
        "\nSELECT * WHERE {{ {{\n" + inner + "\n}} }}\nLIMIT {limit} OFFSET {offset}"
    )
    return template, limit, offset or 0


# ---------------------------------------------------------------------------- results


def parse_results_json(doc: object) -> QueryResult:
    """SPARQL 1.1 JSON results (and the older `typed-literal` form Virtuoso still sends)."""
    if not isinstance(doc, dict) or "head" not in doc:
        raise RemoteError("the answer is not SPARQL JSON results")
    if "boolean" in doc:
        return QueryResult(boolean=bool(doc["boolean"]))
    names = tuple(doc["head"].get("vars", []))
    rows = tuple(
        tuple(json_term(binding.get(v)) for v in names) for binding in doc.get("results", {}).get("bindings", [])
    )
    return QueryResult(vars=names, rows=rows)


def json_term(value: dict | None) -> Node | None:
    """One SPARQL JSON results term as an rdflib term (xsd:string literals plain)."""
    if value is None:
        return None
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        lang = value.get("xml:lang") or value.get("lang")
        if lang:
            return Literal(text, lang=lang)
        datatype = value.get("datatype")
        if datatype and datatype != str(XSD.string):
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise RemoteError(f"unexpected term type {kind!r} in the results")


__all__ = [
    "Credentials",
    "Endpoint",
    "EndpointEngine",
    "PushSummary",
    "count_graphs",
    "delete_graph",
    "endpoint_from_url",
    "find_credentials",
    "paging_template",
    "push",
    "safe_url",
    "with_retries",
]
