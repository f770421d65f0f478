"""Untrusted graph files and queries: what kg refuses before a parser sees them, and what they may reach.

Graph files and queries may come from anyone (SECURITY.md); the person at the terminal is trusted.
So a graph file never makes kg open a URL or a file it names, nor expand an entity bomb:

- RDF/XML that declares DTD entities is refused before any parser sees it, as defusedxml does
  ("billion laughs": 1 KB that expands to gigabytes; a big entity repeated: quadratic blow-up;
  external entities: files or URLs read into the graph). An external DTD is refused too.
- JSON-LD `@context` references: kg's own context (`KG_CONTEXT_IRI`) is served from the package;
  any other URL is an error unless the user passes --allow-network (then it is fetched with a
  timeout and a size cap); a file named as a context is never read.
- JSON nested deeper than `MAX_JSON_DEPTH` is refused (parsers recurse and die on it).
- Graph files read into memory are size-checked (`check_sizes`), with a message pointing at `--store`.
- Queries: `SERVICE` is refused unless --allow-network; rdflib's engine does not load `FROM` graphs
  (they name graphs of the dataset, as in Oxigraph) unless --allow-network.
- While rdflib parses a graph file or runs a query, `sealed()` keeps it from opening any URL or file
  but the one being read: a Python audit hook and a closed URL opener (the two measures rdflib's
  "Security considerations" documents), in case a path through rdflib escapes the checks above.

The CLI sets the policy from --allow-network and --max-graph-size with `policy(...)`; the Python
API gets the safe defaults.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import threading
import urllib.request
import xml.parsers.expat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import GraphError, QueryError

KG_CONTEXT_IRI = "https://w3id.org/dipkg/context.jsonld"  # kg's own JSON-LD context, served from the package
MAX_JSON_DEPTH = 512  # arrays and objects inside each other in a JSON-LD file
MEMORY_LIMITS_MB = {"rdflib": 128, "oxigraph": 1024}  # graph files read into memory, by engine (about 20x
# and 5x their size in memory: 28 MB of TriG takes 585 MB in rdflib, 173 MB in Oxigraph)
CONTEXT_TIMEOUT = 10.0  # seconds, per remote context (with --allow-network)
CONTEXT_MAX_BYTES = 1 << 20
_MAX_CONTEXTS = 32  # remote contexts fetched for one file, all levels together
NETWORK_HINT = "pass --allow-network to allow it"


@dataclass(frozen=True, slots=True)
class Policy:
    allow_network: bool = False
    max_graph_mb: float | None = None  # None: MEMORY_LIMITS_MB by engine


_policy = Policy()


@contextlib.contextmanager
def policy(*, allow_network: bool = False, max_graph_mb: float | None = None) -> Iterator[Policy]:
    """Run with this policy (the CLI wraps each command in it)."""
    global _policy
    previous, _policy = _policy, Policy(allow_network, max_graph_mb)
    try:
        yield _policy
    finally:
        _policy = previous


def network_allowed() -> bool:
    return _policy.allow_network


# ---------------------------------------------------------------------------- sizes


def check_sizes(paths: Iterable[Path], *, engine: str) -> None:
    """Refuse graph files that together are too large to read into memory with `engine`."""
    limit_mb = _policy.max_graph_mb if _policy.max_graph_mb is not None else MEMORY_LIMITS_MB[engine]
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            if path.is_file():
                total += path.stat().st_size
        if total > limit_mb * 2**20:
            raise GraphError(
                f"{path}: the graph files come to {total / 2**20:,.0f} MB, more than kg reads into memory "
                f"({limit_mb:,.0f} MB with {engine}): build a store (`kg build ARTICLES --store DIR`) and use "
                "--store DIR, or raise the limit with --max-graph-size MB"
            )


# ---------------------------------------------------------------------------- graph files


def checked_graph_file(path: Path, fmt: str) -> bytes | None:
    """Check a graph file before any parser reads it (GraphError when it is refused). Returns the
    text to parse instead of the file (JSON-LD with its contexts resolved), or None to parse the
    file as it is."""
    if fmt == "rdfxml":
        _check_xml_prolog(path)
    elif fmt == "jsonld":
        return _resolved_jsonld(path)
    return None


class _RootReached(Exception):
    pass


class _Refused(Exception):
    pass


def _check_xml_prolog(path: Path) -> None:
    """Read the prolog (up to the root element) with expat, refusing entity declarations and an
    external DTD; the entities are refused as they are declared, before anything expands them."""
    parser = xml.parsers.expat.ParserCreate()

    def entity(name, is_parameter, value, base, system_id, public_id, notation=None):
        kind = "an external entity" if system_id or public_id else "the entity"
        raise _Refused(f"declares {kind} {'%' if is_parameter else '&'}{name};")

    def doctype(name, system_id, public_id, has_internal_subset):
        if system_id or public_id:
            raise _Refused(f"is an external one ({system_id or public_id})")

    def root(name, attributes):
        raise _RootReached

    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = lambda name, base, system_id, public_id, notation: entity(
        name, False, None, base, system_id, public_id
    )
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 16):
                parser.Parse(block, False)
            parser.Parse(b"", True)
    except _RootReached:
        return
    except _Refused as refused:
        raise GraphError(f"{path}: refused: its DTD {refused} (entities can expand to gigabytes, or read other "
                         "files); write the file without a DTD, e.g. as Turtle") from None
    except xml.parsers.expat.ExpatError as err:
        raise GraphError(f"{path}:{err.lineno}: not valid rdfxml ({xml.parsers.expat.ErrorString(err.code)}, "
                         f"column {err.offset + 1})") from None
    except OSError as err:
        raise GraphError(f"{path}: cannot read ({err.strerror or err})") from None


def _resolved_jsonld(path: Path) -> bytes | None:
    """The JSON-LD document with every context it names resolved in place (None: it names none).

    kg's own context comes from the package; remote ones only with --allow-network; files never."""
    try:
        document = json.loads(path.read_bytes())
    except RecursionError:
        raise GraphError(f"{path}: not valid jsonld (nested too deeply)") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise GraphError(f"{path}: not valid jsonld ({_one_line(err)})") from None
    except OSError as err:
        raise GraphError(f"{path}: cannot read ({err.strerror or err})") from None
    _check_depth(document, path)
    fetched: dict[str, object] = {}
    changed = _resolve_contexts(document, path, fetched, depth=0)
    if not changed:
        return None
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _check_depth(document: object, path: Path) -> None:
    stack: list[tuple[object, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise GraphError(f"{path}: not valid jsonld (nested more than {MAX_JSON_DEPTH} levels deep)")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


def _resolve_contexts(document: object, path: Path, fetched: dict[str, object], depth: int) -> bool:
    """Replace each context reference (a string in "@context", or "@import") by the context it names.
    Returns whether anything was replaced."""
    changed = False
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(value)
            continue
        if not isinstance(value, dict):
            continue
        for key in ("@context", "@import"):
            if key not in value:
                continue
            given = value[key]
            if isinstance(given, str):
                value[key] = _context(given, path, fetched, depth)
                changed = True
            elif isinstance(given, list) and any(isinstance(item, str) for item in given):
                value[key] = [_context(i, path, fetched, depth) if isinstance(i, str) else i for i in given]
                changed = True
        if isinstance(value.get("@import"), dict):  # an imported context is a context object itself
            value.update({k: v for k, v in value.pop("@import").items() if k not in value})
        stack.extend(value.values())
    return changed


def _context(reference: str, path: Path, fetched: dict[str, object], depth: int) -> object:
    """The context a reference names: kg's own, or (with --allow-network) a fetched one."""
    if reference == KG_CONTEXT_IRI:
        from kg.rdf.context import jsonld_context

        return jsonld_context()
    if not reference.lower().startswith(("http://", "https://")):
        raise GraphError(f"{path}: refused: its JSON-LD @context names the file {reference!r}, and kg reads no "
                         "file a graph file names; put the context in the file itself")
    if not _policy.allow_network:
        raise GraphError(f"{path}: refused: its JSON-LD @context is at {reference}, and kg fetches no URL a graph "
                         f"file names unless you {NETWORK_HINT} (kg's own context, {KG_CONTEXT_IRI}, needs none)")
    if reference in fetched:
        return fetched[reference]
    if len(fetched) >= _MAX_CONTEXTS or depth > 8:
        raise GraphError(f"{path}: its JSON-LD contexts name more than {_MAX_CONTEXTS} others, or nest too deep")
    try:
        request = urllib.request.Request(reference, headers={"Accept": "application/ld+json, application/json"})
        with urllib.request.urlopen(request, timeout=CONTEXT_TIMEOUT) as reply:
            body = reply.read(CONTEXT_MAX_BYTES + 1)
        if len(body) > CONTEXT_MAX_BYTES:
            raise ValueError(f"larger than {CONTEXT_MAX_BYTES // 1024} KB")
        context = json.loads(body)
    except (OSError, ValueError, RecursionError) as err:
        raise GraphError(f"{path}: cannot fetch its JSON-LD @context {reference} ({_one_line(err)})") from None
    context = context.get("@context", {}) if isinstance(context, dict) else {}
    _check_depth(context, path)
    fetched[reference] = context
    holder = {"@context": context}
    _resolve_contexts(holder, path, fetched, depth + 1)
    fetched[reference] = holder["@context"]
    return holder["@context"]


# ---------------------------------------------------------------------------- queries


def check_query(text: str, *, engine: str, graphs: Iterable[str] | None = None) -> None:
    """Refuse a query that would make a local engine send requests (SERVICE), or, given the names
    of the graphs the data holds (rdflib's engine), one whose FROM names another graph, which rdflib
    would load from the web or the disk. Nothing is refused when the policy allows the network."""
    if _policy.allow_network:
        return
    import re

    from kg.sparql import mask_sparql

    masked = mask_sparql(text)
    match = re.search(r"\bSERVICE\b", masked, re.IGNORECASE)
    if match:
        iri = re.match(r"\s*(?:SILENT\s+)?(<[^>]*>|\?\w+)", text[match.end():], re.IGNORECASE)
        target = iri.group(1) if iri else "an endpoint"
        raise QueryError(f"the query calls SERVICE {target}: a query run by {engine} sends no requests unless "
                         f"you {NETWORK_HINT}")
    if graphs is None:
        return
    known = set(graphs)
    for match in re.finditer(r"\bFROM\b", masked, re.IGNORECASE):
        iri = re.match(r"\s*(?:NAMED\s+)?<([^>]*)>", text[match.end():], re.IGNORECASE)
        if iri and iri.group(1) not in known:
            raise QueryError(f"FROM <{iri.group(1)}> names no graph of the data: {engine} would read it from the "
                             f"web or the disk, which kg does not do unless you {NETWORK_HINT}")


# ---------------------------------------------------------------------------- sealing rdflib

_sealed = threading.local()
_hook_installed = False
_hook_lock = threading.Lock()


class AccessRefused(PermissionError):
    """A parser or query engine tried to open a URL or a file while sealed."""


@contextlib.contextmanager
def sealed(*allowed: str | Path) -> Iterator[None]:
    """While inside, this thread opens no URL and no file but `allowed` (and Python's own modules),
    unless the policy allows the network; rdflib's engine does not load FROM graphs either."""
    if _policy.allow_network:
        with _load_graphs(True):
            yield
        return
    _install_hook()
    previous = getattr(_sealed, "allowed", None)
    _sealed.allowed = {os.path.realpath(p) for p in allowed}
    opener = urllib.request._opener  # the opener urlopen uses (None: the default one)
    urllib.request.install_opener(_closed_opener())
    try:
        with _load_graphs(False):
            yield
    finally:
        urllib.request.install_opener(opener)
        _sealed.allowed = previous


@contextlib.contextmanager
def _load_graphs(load: bool) -> Iterator[None]:
    import rdflib.plugins.sparql

    previous = rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = load
    try:
        yield
    finally:
        rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = previous


class _Refuse(urllib.request.BaseHandler):
    def default_open(self, request):
        raise AccessRefused(f"kg opens no URL a graph file or query names ({request.full_url}); {NETWORK_HINT}")


def _closed_opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    opener.add_handler(_Refuse())
    return opener


def _install_hook() -> None:
    global _hook_installed
    with _hook_lock:
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True


@functools.cache
def _python_dirs() -> tuple[str, ...]:
    """Where Python's own modules and kg's package data are read from (imports open files too)."""
    import site

    import kg

    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(kg.__file__), *site.getsitepackages()}
    return tuple(os.path.realpath(d) + os.sep for d in dirs)


def _audit(event: str, args: tuple) -> None:
    allowed = getattr(_sealed, "allowed", None)
    if allowed is None:
        return
    if event in ("urllib.Request", "socket.connect", "socket.getaddrinfo"):
        target = args[1] if event == "socket.connect" else args[0]
        raise AccessRefused(f"kg opens no URL a graph file or query names ({target}); {NETWORK_HINT}")
    if event == "open":
        name = args[0]
        if isinstance(name, int):
            return
        real = os.path.realpath(os.fsdecode(name))
        if real in allowed or real.startswith(_python_dirs()):
            return
        raise AccessRefused(f"kg reads no file a graph file or query names ({os.fsdecode(name)})")


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__
