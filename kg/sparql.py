"""SPARQL as text and as answers, shared by every engine (kg.engine) and by kg.query and kg.remote.

- terms written as SPARQL (`sparql_term`, escaped so that a value can only ever be one term) and
  VALUES blocks of IRIs (`iri_values`);
- reading query text without being fooled by strings and comments (`mask_sparql`,
  `strip_comments`, `split_prologue`, `values_blocks`, `query_form`);
- `QueryResult`, a whole answer in rdflib terms, and the conversions between rdflib and
  pyoxigraph terms (the engines stream pyoxigraph terms; tables and files want rdflib ones).

Nothing here runs a query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError, UsageError

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# ---------------------------------------------------------------------------- terms

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_ECHAR_RE = re.compile(r'[\\"\n\r\t\b\f]')
_BACKSLASH_U = re.compile(r"\\\\([uU])")


def sparql_term(term: Node | None) -> str:
    """An RDF term in SPARQL syntax, escaped so that it can only ever be that one term."""
    if term is None:
        return "UNDEF"
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(term):
            raise UsageError(f"{str(term)!r} is not a valid IRI (spaces, quotes, <>{{}}|^` or \\ are not allowed)")
        return f"<{term}>"
    if isinstance(term, Literal):
        escaped = _ECHAR_RE.sub(lambda m: _ECHAR[m.group()], str(term))
        # rdflib decodes \uXXXX (and up to eight hex digits) before parsing, even after an escaped
        # backslash; so the u of a backslash-u is itself written as an eight-digit escape, which
        # every engine reads back as the letter and which leaves the digits after it alone.
        escaped = _BACKSLASH_U.sub(lambda m: f"\\\\\\U{ord(m.group(1)):08X}", escaped)
        quoted = f'"{escaped}"'
        if term.language:
            if not _LANG.fullmatch(term.language):
                raise UsageError(f"{term.language!r} is not a language tag")
            return f"{quoted}@{term.language}"
        if term.datatype == XSD.integer and re.fullmatch(r"-?[0-9]+", str(term)):
            return str(term)
        if term.datatype and term.datatype != XSD.string:
            return f"{quoted}^^{sparql_term(term.datatype)}"
        return quoted
    raise UsageError(f"cannot bind {term!r}: only IRIs and literals can be parameter values")

def iri_values(variable: str, iris: Iterable[str]) -> str:
    """`VALUES ?variable { <iri> ... }` for IRIs given as strings (each checked by `sparql_term`)."""
    return f"VALUES ?{variable} {{ {' '.join(sparql_term(URIRef(iri)) for iri in iris)} }}"


def from_oxigraph(term) -> Node | None:
    """A pyoxigraph term as the rdflib term kg works with (xsd:string literals plain)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"unexpected term from the store: {term!r}")


def to_oxigraph(term: Node | None):
    """An rdflib term as a pyoxigraph one (plain literals become xsd:string, as Oxigraph keeps them);
    raises ValueError for an IRI or blank node id no store can hold."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot store the term {term!r}")


class Converter:
    """Terms converted one way or the other, each once: they repeat a lot (days, kinds, actors)."""

    def __init__(self, convert) -> None:
        self._convert = convert
        self._cache: dict = {}

    def __call__(self, term):
        made = self._cache.get(term)
        if made is None:
            made = self._convert(term)
            if len(self._cache) < 1_000_000:
                self._cache[term] = made
        return made


def one_line(err: BaseException) -> str:
    """An error message on one line, cut to 300 characters."""
    text = " ".join(str(err).split())
    return text[:300] or type(err).__name__


# ---------------------------------------------------------------------------- reading SPARQL text

_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*",
    re.DOTALL,
)


def mask_sparql(text: str) -> str:
    """The text with comments, strings and IRIs blanked out (same length), so keywords and braces
    can be found by position without being fooled by what a string or comment holds."""
    return _TOKEN.sub(lambda m: " " * len(m.group()), text)


def strip_comments(text: str) -> str:
    """The query without its comments (strings and IRIs holding # are left alone)."""
    return _TOKEN.sub(lambda m: "" if m.group().startswith("#") else m.group(), text)


_VALUES = re.compile(r"\bVALUES\s+\?([A-Za-z_][A-Za-z0-9_]*)\s*\{", re.IGNORECASE)


def values_blocks(text: str) -> list[tuple[str, int, int]]:
    """(variable, start, end) of what each one-variable `VALUES ?var { … }` block holds."""
    masked = mask_sparql(text)
    found = []
    for match in _VALUES.finditer(masked):
        close = masked.find("}", match.end())
        if close < 0:
            raise QueryError(f"unclosed VALUES block for ?{match.group(1)}")
        found.append((match.group(1), match.end(), close))
    return found


def split_prologue(text: str) -> tuple[str, str]:
    """(the PREFIX/BASE declarations, with any comments before them; the rest of the query)."""
    masked = mask_sparql(text)
    declaration = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:|BASE)", re.IGNORECASE)
    iri = re.compile(r'\s*<[^<>"{}|^`\\\x00-\x20]*>')  # matched in the text itself: masking blanks IRIs
    position = 0
    while (match := declaration.match(masked, position)) and (ref := iri.match(text, match.end())):
        position = ref.end()
    return text[:position], text[position:]


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of a query (QueryError for an update)."""
    masked = mask_sparql(text)
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\b", masked, re.I)
    form = match.group(1).upper() if match else ""
    if form in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
        return form
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE (updates are not run)")


# ---------------------------------------------------------------------------- answers

Row = tuple[Node | None, ...]
OxRow = tuple  # a row as pyoxigraph terms (None where a variable is unbound)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query gave: variables and rows (SELECT), a boolean (ASK) or triples (CONSTRUCT)."""

    vars: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] | None = None
    notes: tuple[str, ...] = field(default=(), compare=False)  # e.g. how many pages a remote fetch took

    @property
    def form(self) -> str:
        """SELECT, ASK or CONSTRUCT."""
        if self.boolean is not None:
            return "ASK"
        return "CONSTRUCT" if self.triples is not None else "SELECT"

    def column(self, var: str) -> list[Node | None]:
        """The values of one variable, row by row."""
        index = self.vars.index(var)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Node]]:
        """Rows as dicts of the bound variables."""
        return [{v: t for v, t in zip(self.vars, row, strict=True) if t is not None} for row in self.rows]


def rows_of(result: QueryResult):
    """The rows of a whole answer as pyoxigraph terms (for engines that answer all at once)."""
    for row in result.rows:
        yield tuple(to_oxigraph(term) for term in row)
