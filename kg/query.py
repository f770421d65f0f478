"""SPARQL for analysts: ready-made queries, safe parameters, any engine, readable results.

A ready-made query is a file `queries/NAME.rq` whose header comment says what it answers and
declares its parameters (the convention is in queries/README.md). A parameter NAME appears in
the body as `VALUES ?NAME { ... }`; binding replaces what those braces hold with one RDF term
written by `sparql_term`, so a value never becomes query text: `x" } ; DROP ALL ; #` is a string.

The same query text runs on the embedded Oxigraph store, on rdflib and on remote endpoints
(kg.remote), so Arabic matching is done in standard SPARQL: `sparql_match_key` builds the
REPLACE chain the queries use and `match_key` is its exact mirror in Python.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shlex
import sys
import types
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.engine import Engine, OxigraphEngine, RdflibEngine, StoreEngine, fetch_labels, open_engine, pick_label
from kg.errors import QueryError, UsageError, unknown_choice
from kg.rdf.namespaces import ALL_PREFIXES, DIPT_IRI, TOPIC_KEYS
from kg.resources import queries_dir
from kg.sparql import (
    QueryResult,
    Row,
    mask_sparql,
    query_form,
    sparql_term,
    split_prologue,
    strip_comments,
    values_blocks,
)

# ---------------------------------------------------------------------------- Arabic matching

# Each step is (regex, replacement) as the queries write it. Virtuoso garbles non-ASCII text in a
# REPLACE replacement (and in a GROUP_CONCAT separator), so the letter families fold to ASCII
# stand-ins: the key is for comparing, never for showing. LCASE runs first, so the upper-case
# stand-ins cannot collide with Latin text.
_KEY_STEPS: tuple[tuple[str, str], ...] = (
    ("[\\u064B-\\u065F\\u0670\\u0640]", ""),  # tashkeel, superscript alef, tatweel
    ("[\\u0627\\u0623\\u0625\\u0622\\u0671]", "A"),  # ا أ إ آ ٱ
    ("[\\u064A\\u0649\\u0626]", "Y"),  # ي ى ئ
    ("[\\u0647\\u0629]", "H"),  # ه ة
    ("[\\u0648\\u0624]", "W"),  # و ؤ
)
_PY_KEY_STEPS = tuple(
    (re.compile(pattern.encode("ascii").decode("unicode_escape")), repl) for pattern, repl in _KEY_STEPS
)
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و"})


def sparql_match_key(expression: str) -> str:
    """The SPARQL expression of the match key of a string expression (as the .rq files write it).

    Each REPLACE after the first is applied to STR(...) of the one before: a no-op elsewhere, but
    Virtuoso hands a REPLACE result on as a byte string that the next pattern's Arabic letters
    never match, and STR turns it back into text.
    """
    text = f"LCASE({expression})"
    for index, (pattern, repl) in enumerate(_KEY_STEPS):
        text = f'REPLACE({text if index == 0 else f"STR({text})"}, "{pattern}", "{repl}")'
    return text


def match_key(text: str) -> str:
    """What `sparql_match_key` computes, in Python: equal keys mean the queries treat texts as equal."""
    text = text.lower()
    for pattern, repl in _PY_KEY_STEPS:
        text = pattern.sub(repl, text)
    return text


def fold_arabic(text: str) -> str:
    """A parameter value as the queries compare it, still readable: no tashkeel or tatweel, one
    alef, ي for ى/ئ, ه for ة, و for ؤ, lower case, single spaces. `match_key(fold_arabic(x)) ==
    match_key(x)`, so folding changes nothing the queries can see; it only makes the bound value
    plain."""
    return " ".join(_MARKS.sub("", text).translate(_FOLD).lower().split())


# ---------------------------------------------------------------------------- the catalogue

KINDS: dict[str, str] = {
    "actor": "an actor's IRI, or a name matched against labels and other spellings (بوتين)",
    "country": "a country's IRI (country:SY), or its name (سوريا)",
    "place": "a place's or country's IRI, or its name (موسكو)",
    "topic": "a topic key (" + ", ".join(TOPIC_KEYS[:3]) + ", ...), a topic IRI, or an Arabic topic name",
    "meeting": "a meeting's IRI, or words of its label",
    "iri": "an IRI, in full or with a known prefix (dipr:, wd:, person:, ...)",
    "text": "Arabic or other text, compared without tashkeel, tatweel or hamza forms",
    "string": "a plain string, as given",
    "ar": "an Arabic string (an @ar literal), as given",
    "date": "a day, YYYY-MM-DD",
    "integer": "a whole number",
}
_NODE_KINDS = frozenset({"actor", "country", "place", "topic", "meeting"})
# Short prefixes for instance IRIs too, accepted in parameters and shown in tables.
_ALL_PREFIXES: dict[str, str] = ALL_PREFIXES
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_QUERY_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True, slots=True)
class Param:
    """A declared parameter of a ready-made query."""

    name: str
    kind: str  # one of KINDS
    required: bool
    default: str | None  # as a user would type it; None: unbound (UNDEF) when not given
    description: str

    def usage(self) -> str:
        """`name (kind, required)` as `kg queries` prints it."""
        state = "required" if self.required else f"default {self.default}" if self.default else "optional"
        return f"{self.name} ({self.kind}, {state})"


@dataclass(frozen=True, slots=True)
class ReadyQuery:
    """A query with what its header says: a name, a one-line summary, its parameters and examples."""

    name: str
    text: str
    summary: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = ()
    path: Path | None = None

    def example_params(self, index: int = 0) -> dict[str, str]:
        """The `--param name=value` pairs of one of the header's examples."""
        if index >= len(self.examples):
            return {}
        words = shlex.split(self.examples[index])
        pairs = [words[i + 1] for i, word in enumerate(words[:-1]) if word == "--param"]
        return dict(pair.split("=", 1) for pair in pairs if "=" in pair)

    def param(self, name: str) -> Param:
        """The declared parameter of that name (UsageError listing the valid ones)."""
        for param in self.params:
            if param.name == name:
                return param
        if not self.params:
            raise UsageError(f"query {self.name!r} takes no parameters (given {name!r})")
        raise unknown_choice(f"parameter of query {self.name!r}:", name, [p.name for p in self.params])


def parse_query_file(path: str | Path) -> ReadyQuery:
    """Read a .rq file and its header (QueryError naming the file and line when the header is wrong)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read the query ({err})") from err
    return parse_query_text(text, name=path.stem, path=path)


def parse_query_text(text: str, *, name: str = "query", path: Path | None = None) -> ReadyQuery:
    """A query from its text; header lines (`# @param`, `# @example`) are optional."""
    summary, description, params, examples = "", [], [], []
    where = str(path) if path else name
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped[1:].strip()
        tag = body.split(None, 1)[0] if body.startswith("@") else ""
        if tag == "@param":
            params.append(_parse_param(body, where, number))
        elif tag == "@example":
            examples.append(body.removeprefix("@example").strip())
        elif body.startswith("@"):
            raise QueryError(f"{where}:{number}: unknown header tag {body.split()[0]!r}; expected @param or @example")
        elif not summary:
            summary = body
        elif body or description:
            description.append(body)
    seen = [p.name for p in params]
    if len(set(seen)) != len(seen):
        raise QueryError(f"{where}: a parameter is declared twice ({', '.join(seen)})")
    return ReadyQuery(
        name=name,
        text=text,
        summary=summary,
        description=" ".join(" ".join(description).split()),
        params=tuple(params),
        examples=tuple(examples),
        path=path,
    )


def _parse_param(body: str, where: str, number: int) -> Param:
    # @param NAME KIND (required|optional|default=VALUE) DESCRIPTION
    parts = body.split(None, 4)
    if len(parts) < 4:
        raise QueryError(
            f"{where}:{number}: expected '# @param NAME KIND required|optional|default=VALUE description'"
        )
    _, name, kind, state, *rest = parts
    if not _NAME.fullmatch(name):
        raise QueryError(f"{where}:{number}: parameter name {name!r} must be lower-case letters, digits, _")
    if kind not in KINDS:
        raise QueryError(f"{where}:{number}: unknown parameter kind {kind!r}; expected one of: {', '.join(KINDS)}")
    if state == "required":
        required, default = True, None
    elif state == "optional":
        required, default = False, None
    elif state.startswith("default="):
        required, default = False, state.removeprefix("default=")
    else:
        raise QueryError(f"{where}:{number}: expected required, optional or default=VALUE, not {state!r}")
    return Param(name, kind, required, default, rest[0] if rest else "")


@cache
def _catalogue(folder: Path) -> tuple[ReadyQuery, ...]:
    return tuple(parse_query_file(path) for path in sorted(folder.glob("*.rq")))


def list_queries() -> tuple[ReadyQuery, ...]:
    """Every ready-made query under queries/, sorted by name."""
    return _catalogue(queries_dir())


def find_query(name: str) -> ReadyQuery:
    """The ready-made query of that name (UsageError listing the valid names)."""
    for query in list_queries():
        if query.name == name:
            return query
    raise unknown_choice("query", name, [q.name for q in list_queries()])


def resolve_query(spec: str) -> ReadyQuery:
    """A query from what a user typed: a .rq file, a ready-made name, or SPARQL text."""
    candidate = Path(spec)
    if spec.endswith(".rq") or (len(spec) < 4096 and "\n" not in spec and candidate.is_file()):
        if not candidate.is_file():
            raise QueryError(f"{spec}: no such query file")
        return parse_query_file(candidate)
    if _QUERY_NAME.fullmatch(spec):
        return find_query(spec)
    if not re.search(r"\b(select|ask|construct|describe|insert|delete|load|clear|drop|create)\b", spec, re.I):
        raise UsageError(
            f"{spec[:60]!r} is neither a .rq file, a ready-made query name nor SPARQL; "
            f"ready-made queries: {', '.join(q.name for q in list_queries())}"
        )
    return parse_query_text(spec)


# ---------------------------------------------------------------------------- binding


def bind(query: ReadyQuery, values: Mapping[str, str] | None = None) -> str:
    """The query text with each parameter's VALUES block holding its bound term (or UNDEF).

    Ad-hoc queries (no @param lines) may still bind any `VALUES ?name {…}` they hold; the value's
    kind is guessed (an IRI, a date, an integer, else a string). A ready-made query (queries/*.rq)
    binds its declared parameters only: its other VALUES blocks are part of what it asks (the
    classes of meetings), never emptied to UNDEF.
    """
    values = dict(values or {})
    blocks = values_blocks(query.text)
    declared = query.params or tuple(
        Param(name, "auto", False, None, "") for name in dict.fromkeys(name for name, _, _ in blocks)
        if not _ready_made(query)
    )
    names = {p.name for p in declared}
    for name in values:
        if name not in names:
            if not declared:
                raise UsageError(f"query {query.name!r} has no VALUES block to bind {name!r} to")
            raise unknown_choice(f"parameter of query {query.name!r}:", name, sorted(names))
    terms: dict[str, str] = {}
    for param in declared:
        raw = values.get(param.name, param.default)
        if raw is None:
            if param.required:
                raise UsageError(
                    f"query {query.name!r} needs --param {param.name}=VALUE ({KINDS.get(param.kind, param.kind)})"
                )
            terms[param.name] = "UNDEF"
        else:
            terms[param.name] = sparql_term(parameter_term(param, raw))
    text = query.text
    for name, start, end in reversed(blocks):  # from the end, so earlier offsets stay valid
        if name in terms:
            text = f"{text[:start]} {terms[name]} {text[end:]}"
    return text


def _ready_made(query: ReadyQuery) -> bool:
    """Whether the query is one of queries/*.rq (by name, or the file itself given as a path)."""
    return query.path is not None and query.path.resolve().parent == queries_dir().resolve()


def parameter_term(param: Param, raw: str) -> Node:
    """The RDF term a parameter value stands for, by the parameter's kind."""
    kind = param.kind
    if kind == "string":
        return Literal(raw)  # as given, spaces and all
    if kind == "ar":
        return Literal(raw, lang="ar")
    raw = raw.strip()
    if not raw:
        raise UsageError(f"parameter {param.name} is empty; expected {KINDS.get(kind, 'a value')}")
    if kind in _NODE_KINDS or kind == "iri":
        iri = _as_iri(raw)
        if iri is not None:
            return iri
        if kind == "iri":
            raise UsageError(f"parameter {param.name}: {raw!r} is not an IRI; expected {KINDS['iri']}")
        if kind == "topic":
            if raw in TOPIC_KEYS:
                return URIRef(DIPT_IRI + raw)
            if raw.isascii():
                raise unknown_choice(f"topic for parameter {param.name}:", raw, TOPIC_KEYS)
        return _folded(param, raw)
    if kind == "text":
        return _folded(param, raw)
    if kind == "date":
        try:
            return Literal(dt.date.fromisoformat(raw).isoformat(), datatype=XSD.date)
        except ValueError:
            raise UsageError(f"parameter {param.name}: {raw!r} is not a day; expected YYYY-MM-DD") from None
    if kind == "integer":
        try:
            return Literal(int(raw), datatype=XSD.integer)
        except ValueError:
            raise UsageError(f"parameter {param.name}: {raw!r} is not a whole number") from None
    return _guess_term(raw)  # "auto": ad-hoc queries


def _folded(param: Param, raw: str) -> Literal:
    """A name or text as the queries compare it; one of only tashkeel or tatweel would match everything."""
    folded = fold_arabic(raw)
    if not match_key(folded).strip():
        raise UsageError(f"parameter {param.name}: {raw!r} has no letters once tashkeel and tatweel are set aside, "
                         "so it would match everything; give a name or words")
    return Literal(folded)


def _guess_term(raw: str) -> Node:
    iri = _as_iri(raw)
    if iri is not None:
        return iri
    if re.fullmatch(r"-?\d+", raw):
        return Literal(int(raw), datatype=XSD.integer)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return Literal(dt.date.fromisoformat(raw).isoformat(), datatype=XSD.date)
        except ValueError:
            pass
    return Literal(raw)


def _as_iri(raw: str) -> URIRef | None:
    """An IRI for `<...>`, `scheme://...`, `urn:...` or `prefix:local` with a known prefix; else None."""
    if raw.startswith("<") and raw.endswith(">"):
        return URIRef(raw[1:-1])
    if re.match(r"(https?|urn|ftp|file|mailto|tag):", raw, re.IGNORECASE):
        return URIRef(raw)
    prefix, colon, local = raw.partition(":")
    if colon and prefix in _ALL_PREFIXES and " " not in local:
        return URIRef(_ALL_PREFIXES[prefix] + local)
    return None


# ---------------------------------------------------------------------------- running


def run_query(
    query: str | ReadyQuery, engine: Engine, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Bind a query's parameters and run it: `run_query("meetings-of-actor", engine, {"actor": "بوتين"})`."""
    ready = query if isinstance(query, ReadyQuery) else resolve_query(query)
    return engine.run(bind(ready, params))


# ---------------------------------------------------------------------------- writing results

# The W3C SPARQL 1.1 results formats (and an aligned table); graph results take an RDF format.
FORMATS = ("table", "csv", "tsv", "json", "xml")
_RESULT_NAMES: dict[str, str] = {name: name for name in FORMATS} | {
    "srj": "json",
    "sparql-json": "json",
    "application/sparql-results+json": "json",
    "srx": "xml",
    "sparql-xml": "xml",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
# What a result format means for a CONSTRUCT or DESCRIBE answer (a graph).
_GRAPH_FOR_RESULT = {"table": "turtle", "json": "jsonld", "xml": "rdfxml"}
_SUFFIX_FORMATS = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".srj": "json", ".xml": "xml", ".srx": "xml"}


def result_format_name(given: str) -> str:
    """A results format (table, csv, tsv, json, xml) or an RDF format for graph answers (turtle, nt,
    nquads, trig, jsonld, rdfxml) from any usual name of it (srj, sparql-json, ttl, n-triples...)."""
    from kg.graphio import FORMAT_NAMES

    name = given.strip().lower()
    if name in _RESULT_NAMES:
        return _RESULT_NAMES[name]
    if name in FORMAT_NAMES:
        return FORMAT_NAMES[name]
    names = [*FORMATS, "srj", "srx", *(k for k in FORMAT_NAMES if "/" not in k and k not in FORMATS)]
    raise unknown_choice("result format", given, names)


def result_format_for(path: str | Path | None, given: str | None = None) -> str:
    """The format to write results in: the one given, else the one an -o file's suffix names
    (.csv, .tsv, .json/.srj, .xml/.srx, or an RDF suffix such as .ttl), else the table."""
    if given:
        return result_format_name(given)
    if path is not None:
        suffix = Path(path).suffix.lower()
        if suffix in _SUFFIX_FORMATS:
            return _SUFFIX_FORMATS[suffix]
        from kg.graphio import known_suffix, output_format

        if known_suffix(path):
            return output_format(path)
    return "table"


def format_result(
    result: QueryResult,
    fmt: str = "table",
    *,
    labels: Mapping[URIRef, Mapping[str, str]] | None = None,
    lang: str = "ar",
    max_width: int = 60,
    isolate: bool = True,
) -> str:
    """Results as text: an aligned table, or the SPARQL 1.1 CSV, TSV, JSON and XML results formats.
    Graph results (CONSTRUCT, DESCRIBE) are written in the RDF format asked for (a table shows
    Turtle, json means JSON-LD and xml RDF/XML), with kg's prefixes bound."""
    fmt = result_format_name(fmt)
    if result.triples is not None:
        if fmt in ("csv", "tsv"):
            raise UsageError(f"a {fmt} file holds rows, and this query gives a graph: ask for an RDF format "
                             "(--format ttl, nt, jsonld, rdfxml, trig or nq)")
        return graph_text(result.triples, _GRAPH_FOR_RESULT.get(fmt, fmt))
    if fmt not in FORMATS:
        gives = "a yes or no" if result.boolean is not None else "rows"
        raise UsageError(f"{fmt} is a graph format, and this query gives {gives}: ask for one of "
                         f"{', '.join(FORMATS)} (or run a CONSTRUCT query)")
    if fmt == "json":
        return results_json(result)
    if fmt == "xml":
        return results_xml(result)
    if fmt == "csv":
        return results_csv(result)
    if fmt == "tsv":
        return results_tsv(result)
    return results_table(result, labels=labels, lang=lang, max_width=max_width, isolate=isolate)


def graph_text(triples: Iterable[tuple[Node, Node, Node]], fmt: str = "turtle") -> str:
    """Triples in an RDF format (kg's name of it, see kg.graphio.FORMATS), kg's prefixes bound."""
    from rdflib import Graph

    from kg.graphio import write_graph

    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return write_graph(graph, None, fmt)


# ---------------------------------------------------------------------------- names beside IRIs

LABEL_LANGS = ("ar", "en")


def with_labels(
    result: QueryResult, labels: Mapping[URIRef, Mapping[str, str]], langs: Iterable[str] = LABEL_LANGS
) -> QueryResult:
    """The rows with, after each column that holds IRIs, one column per language holding their
    labels (`participant` → `participant_ar`, `participant_en`): names a spreadsheet or a pipeline
    can read, in every format. A label the graph lacks is left unbound."""
    if result.triples is not None or result.boolean is not None:
        return result
    langs = tuple(langs)
    taken = set(result.vars)
    plan: list[tuple[int, list[tuple[str, str]]]] = []  # (column, [(new variable, language)])
    for index, var in enumerate(result.vars):
        if any(isinstance(row[index], URIRef) for row in result.rows):
            added = []
            for lang in langs:
                name = f"{var}_{lang}"
                while name in taken:
                    name += "_label"
                taken.add(name)
                added.append((name, lang))
            plan.append((index, added))
    if not plan:
        return result
    extra = dict(plan)
    names: list[str] = []
    for index, var in enumerate(result.vars):
        names.append(var)
        names.extend(name for name, _ in extra.get(index, ()))

    def label(term: Node | None, lang: str) -> Literal | None:
        found = (labels.get(term) or {}).get(lang) if isinstance(term, URIRef) else None
        return Literal(found, lang=lang) if found else None

    rows = []
    for row in result.rows:
        cells: list[Node | None] = []
        for index, term in enumerate(row):
            cells.append(term)
            cells.extend(label(term, lang) for _, lang in extra.get(index, ()))
        rows.append(tuple(cells))
    return QueryResult(vars=tuple(names), rows=tuple(rows), notes=result.notes)


def term_json(term: Node) -> dict[str, str]:
    """One term in the SPARQL 1.1 JSON results format."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    raise QueryError(f"cannot write {term!r} as a SPARQL result term")


def results_json(result: QueryResult) -> str:
    """The SPARQL 1.1 Query Results JSON Format."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, ensure_ascii=False) + "\n"
    bindings = [
        {var: term_json(term) for var, term in zip(result.vars, row, strict=True) if term is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def results_xml(result: QueryResult) -> str:
    """The SPARQL Query Results XML Format (written by rdflib's serializer)."""
    from rdflib import Variable
    from rdflib.query import Result

    if result.boolean is not None:
        answer = Result("ASK")
        answer.askAnswer = result.boolean
    else:
        answer = Result("SELECT")
        variables = [Variable(v) for v in result.vars]
        answer.vars = variables
        answer.bindings = [
            {var: term for var, term in zip(variables, row, strict=True) if term is not None} for row in result.rows
        ]
    return answer.serialize(format="xml", encoding="utf-8").decode("utf-8") + "\n"


def results_csv(result: QueryResult) -> str:
    """The SPARQL 1.1 CSV results format: plain values, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return out.getvalue()
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return out.getvalue()


_TSV_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_TSV_BARE = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean}


def tsv_term(term: Node | None) -> str:
    """One term as the SPARQL 1.1 TSV format writes it (Turtle syntax)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    if term.datatype in _TSV_BARE and re.fullmatch(r"[+-]?[0-9.eE+-]+|true|false", str(term)):
        return str(term)
    quoted = '"' + re.sub(r'[\\"\n\r\t]', lambda m: _TSV_ESCAPES[m.group()], str(term)) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype and term.datatype != XSD.string:
        return f"{quoted}^^<{term.datatype}>"
    return quoted


def results_tsv(result: QueryResult) -> str:
    """The SPARQL 1.1 TSV results format."""
    if result.boolean is not None:
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines.extend("\t".join(tsv_term(t) for t in row) for row in result.rows)
    return "\n".join(lines) + "\n"


# --- the table

_FSI, _PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def display_width(text: str) -> int:
    """Terminal cells a string takes: marks and format characters none, wide East Asian two."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _clip(text: str, max_width: int) -> str:
    text = " ".join(text.split())
    if max_width <= 0 or display_width(text) <= max_width:
        return text
    out, width = [], 0
    for char in text:
        w = display_width(char)
        if width + w > max_width - 1:
            break
        out.append(char)
        width += w
    return "".join(out).rstrip() + "…"


def compact_iri(iri: str) -> str:
    """An IRI with the longest known prefix: dipr:person/x becomes person:x, dipt:energy stays."""
    best = max((ns for ns in _ALL_PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in _ALL_PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def cell_text(term: Node | None, labels: Mapping[URIRef, Mapping[str, str]] | None, lang: str) -> str:
    """What a table shows for a term: an IRI's label where the graph has one, else its short form."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return pick_label((labels or {}).get(term), lang) or compact_iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal) and term.datatype == XSD.boolean:
        return "true" if str(term) in ("true", "1") else "false"
    return str(term)


def results_table(
    result: QueryResult,
    *,
    labels: Mapping[URIRef, Mapping[str, str]] | None = None,
    lang: str = "ar",
    max_width: int = 60,
    isolate: bool = True,
) -> str:
    """An aligned table. Arabic cells are wrapped in Unicode isolates (FSI…PDI) so each keeps its own
    right-to-left order without pulling neighbouring columns into it; widths are measured in
    terminal cells; columns that are mostly Arabic are right-aligned; numbers are right-aligned."""
    if result.boolean is not None:
        return ("yes" if result.boolean else "no") + "\n"
    header = list(result.vars)
    body = [[_clip(cell_text(t, labels, lang), max_width) for t in row] for row in result.rows]
    right = []
    for index in range(len(header)):
        column = [row[index] for row in body if row[index]]
        terms = [row[index] for row in result.rows if row[index] is not None]
        numeric = bool(terms) and all(isinstance(t, Literal) and isinstance(t.value, int | float) for t in terms)
        arabic = sum(1 for c in column if _RTL.match(c)) * 2 > len(column) > 0
        right.append(numeric or arabic)
    widths = [max([display_width(h), *(display_width(r[i]) for r in body)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        out = []
        for cell, width, align_right in zip(cells, widths, right, strict=True):
            pad = " " * (width - display_width(cell))
            shown = f"{_FSI}{cell}{_PDI}" if isolate and _RTL.search(cell) else cell
            out.append(pad + shown if align_right else shown + pad)
        return "  ".join(out).rstrip()

    lines = [line(header), "  ".join("─" * w for w in widths)]
    lines.extend(line(row) for row in body)
    count = len(result.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


__all__ = [
    "FORMATS",
    "KINDS",
    "Engine",
    "OxigraphEngine",
    "Param",
    "QueryResult",
    "RdflibEngine",
    "ReadyQuery",
    "Row",
    "StoreEngine",
    "bind",
    "fetch_labels",
    "find_query",
    "fold_arabic",
    "format_result",
    "graph_text",
    "list_queries",
    "mask_sparql",
    "match_key",
    "open_engine",
    "parse_query_file",
    "pick_label",
    "query_form",
    "resolve_query",
    "result_format_for",
    "result_format_name",
    "results_xml",
    "run_query",
    "sparql_match_key",
    "sparql_term",
    "split_prologue",
    "strip_comments",
    "values_blocks",
    "with_labels",
]


class _CallableModule(types.ModuleType):
    """`kg.query(...)` runs a query (kg.api.query) though `kg.query` also names this module: the
    package attribute becomes the module as soon as anything imports it, so the module itself
    answers the call, and `from kg.query import ...` keeps working."""

    def __call__(self, name_or_sparql: str, source, /, **params):
        from kg.api import query

        return query(name_or_sparql, source, **params)


sys.modules[__name__].__class__ = _CallableModule
