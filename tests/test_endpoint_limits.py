"""A hung, refusing or flooding endpoint: one line naming it and the option to change, in
seconds, with bounded memory (issue 15, section 5). Local socket servers play the endpoint."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

QUERY = "SELECT * WHERE { ?s ?p ?o }"


def kg_query(url: str, *extra: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "kg", "query", QUERY, "--endpoint", url, *extra],
                          capture_output=True, text=True, timeout=120)
    return done, time.monotonic() - started


def serve(reply) -> tuple[str, list[int], threading.Event]:
    """A server on a free local port whose every connection goes to `reply(connection)`."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    connections: list[int] = []
    done = threading.Event()

    def loop():
        listener.settimeout(0.2)
        while not done.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connections.append(1)
            threading.Thread(target=reply, args=(connection, done), daemon=True).start()
        listener.close()

    threading.Thread(target=loop, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/query", connections, done


def hang(connection: socket.socket, done: threading.Event) -> None:
    connection.recv(65536)
    done.wait(60)  # reads the request, never answers
    connection.close()


def flood(connection: socket.socket, done: threading.Event) -> None:
    connection.recv(65536)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 209715200\r\n\r\n"
    try:
        connection.sendall(head + b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
        chunk = b'{"s": {"type": "literal", "value": "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85"}},' * 20000
        while not done.is_set():
            connection.sendall(chunk)
    except OSError:
        pass  # the client hung up: what it should do
    connection.close()


def test_a_hung_endpoint_fails_after_one_timeout_without_retries():
    url, connections, done = serve(hang)
    try:
        result, seconds = kg_query(url, "--timeout", "2")
    finally:
        done.set()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert "\n" not in line and "127.0.0.1" in line and "--timeout" in line, line
    assert len(connections) == 1 and seconds < 15  # was 6 tries of the timeout (376 s at 60 s)


def test_a_refused_connection_fails_in_seconds():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    result, seconds = kg_query(f"http://127.0.0.1:{port}/query")
    assert result.returncode == 1 and "connection refused" in result.stderr and "--endpoint" in result.stderr
    assert f"127.0.0.1:{port}" in result.stderr and seconds < 10  # was 15.7 s of back-off


def test_a_huge_answer_is_refused_as_it_streams_in():
    url, _, done = serve(flood)
    try:
        result = subprocess.run(
            [sys.executable, "-c",
             "import sys; from kg.cli import main; "
             "sys.exit(main(sys.argv[1:]) or 0)",
             "query", QUERY, "--endpoint", url, "--max-answer-size", "8"],
            capture_output=True, text=True, timeout=120,
            preexec_fn=lambda: __import__("resource").setrlimit(
                __import__("resource").RLIMIT_AS, (1536 * 2**20, 1536 * 2**20)))
    finally:
        done.set()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "larger than 8 MB" in result.stderr and "--max-answer-size" in result.stderr
    assert "127.0.0.1" in result.stderr
