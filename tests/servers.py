"""Real SPARQL servers for the tests: the Oxigraph server and Virtuoso, each started on loopback
with free ports and a temporary folder, waited for until it answers, and always stopped.

Use as a pytest plugin (`pytest_plugins = ["tests.servers"]`) or import the fixtures. A server
that is not installed fails the tests that need it with a message saying how to install it:
CI installs both (scripts/system-deps.sh, and `oxigraph` in the test extras), so a silent skip
would hide a broken set-up.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.remote import Credentials, Endpoint, endpoint_from_url

VIRTUOSO_USER = "kgpush"  # a user of our own with SPARQL_UPDATE, as a real deployment would have


@dataclass(frozen=True)
class RunningServer:
    """A server the tests started: where to reach it, and who may write to it."""

    name: str
    query_url: str
    update_url: str
    graph_store_url: str
    folder: Path
    log: Path
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    max_rows: int | None = None  # the server's own cap on result rows, where it has one

    def endpoint(self, *, with_credentials: bool = True, **options) -> Endpoint:
        """An Endpoint for this server, with its write URLs (and credentials, where it needs them)."""
        credentials = (
            Credentials(self.user, self.password or "", "test fixture")
            if with_credentials and self.user
            else None
        )
        options.setdefault("timeout", 60.0)
        return endpoint_from_url(
            self.query_url,
            update_url=self.update_url,
            graph_store_url=self.graph_store_url,
            credentials=credentials,
            auth="digest" if self.name == "virtuoso" else "basic",
            **options,
        )


def free_port() -> int:
    """A TCP port on loopback nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _require(program: str, how: str) -> str:
    found = shutil.which(program) or (
        str(Path(sys.executable).parent / program) if (Path(sys.executable).parent / program).exists() else None
    )
    if not found:
        pytest.fail(f"{program} is not installed, so the tests against this server cannot run: {how}", pytrace=False)
    return found


def _wait_until_ready(process: subprocess.Popen, url: str, log: Path, name: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    query = urllib.parse.urlencode({"query": "ASK { }"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with status {process.returncode} while starting:\n{_tail(log)}")
        try:
            request = urllib.request.Request(f"{url}?{query}", headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{name} did not answer at {url} within {timeout:.0f} s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 25) -> str:
    try:
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextlib.contextmanager
def oxigraph_serve(folder: Path) -> Iterator[RunningServer]:
    """`oxigraph serve` on a free loopback port, data in `folder`, all graphs as the default graph."""
    program = _require("oxigraph", "pip install oxigraph (it is in kg's test extras: pip install -e '.[test]')")
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "oxigraph.log"
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [program, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}",
             "--union-default-graph"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_ready(process, f"{base}/query", log, "oxigraph", timeout=30)
        yield RunningServer("oxigraph", f"{base}/query", f"{base}/update", f"{base}/store", folder, log)
    finally:
        _stop(process)


VIRTUOSO_INI = """\
; Written by kg's tests: a throw-away Virtuoso on loopback.
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {folder}
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
CheckpointInterval = 60
CaseMode = 2
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 8
ServerThreads = 8
Charset = UTF-8

[SPARQL]
; ResultSetMaxRows is left at Virtuoso's default: kg must page past it.
ResultSetMaxRows = 10000
MaxQueryExecutionTime = 120
"""


@contextlib.contextmanager
def virtuoso_serve(folder: Path) -> Iterator[RunningServer]:
    """Virtuoso (`virtuoso-t +foreground`) with its own virtuoso.ini in `folder`: free loopback
    ports, the dba password changed, and a user with SPARQL_UPDATE who writes through the
    digest-protected /sparql-graph-crud-auth and /sparql-auth."""
    how = "install Debian's virtuoso-opensource (scripts/system-deps.sh does it)"
    program = _require("virtuoso-t", how)
    isql = _require("isql-vt", how)
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = folder / "virtuoso.out"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [program, "+foreground", "+configfile", str(ini)],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{http_port}"
        _wait_until_ready(process, f"{base}/sparql", log, "virtuoso", timeout=120)
        password, dba_password = secrets.token_urlsafe(12), secrets.token_urlsafe(12)
        _isql(isql, sql_port, "dba", [
            f"DB.DBA.USER_CREATE('{VIRTUOSO_USER}', '{password}')",
            f'GRANT SPARQL_UPDATE TO "{VIRTUOSO_USER}"',
            f"DB.DBA.USER_CHANGE_PASSWORD('dba', 'dba', '{dba_password}')",
        ])  # fmt: skip
        yield RunningServer(
            "virtuoso",
            f"{base}/sparql",
            f"{base}/sparql-auth",
            f"{base}/sparql-graph-crud-auth",
            folder,
            log,
            user=VIRTUOSO_USER,
            password=password,
            max_rows=10_000,
        )
    finally:
        _stop(process)


def _isql(isql: str, port: int, password: str, statements: list[str]) -> None:
    script = "".join(f"{s};\n" for s in statements)
    done = subprocess.run(
        [isql, f"127.0.0.1:{port}", "dba", password, f"exec={script}"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    if done.returncode != 0 or "Error" in done.stdout + done.stderr:
        raise RuntimeError(f"isql failed setting up Virtuoso: {(done.stdout + done.stderr)[-800:]}")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The Oxigraph server, for the whole test session."""
    with oxigraph_serve(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """Virtuoso, for the whole test session."""
    with virtuoso_serve(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server
