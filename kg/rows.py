"""The rows a query gives, for Python: dicts of plain values, pandas on request.

`kg.query(...)` answers a SELECT with `Rows`: a sequence of dicts (one per row), whose values are
Python values (an IRI as its string, a date as `datetime.date`, a number as int or float, a label
as its text) and whose columns include the labels beside each IRI column (`participant_ar`,
`participant_en`, see kg.query.with_labels). `to_records()` gives the list of dicts,
`to_pandas()` a DataFrame (pandas is imported only then, and is not needed otherwise).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import UsageError
from kg.sparql import QueryResult


def python_value(term: Node | None) -> Any:
    """A term as a plain Python value: IRIs and blank nodes as strings, literals as their value
    (dates, numbers, booleans), a literal whose value Python cannot hold as its text."""
    if term is None:
        return None
    if isinstance(term, URIRef | BNode):
        return str(term)
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


@dataclass(frozen=True, slots=True)
class Rows(Sequence[dict[str, Any]]):
    """The rows of a SELECT, labels included: `rows[0]["participant_ar"]`, `len(rows)`, `for row in rows`."""

    result: QueryResult  # the terms themselves, as rdflib terms

    @property
    def columns(self) -> tuple[str, ...]:
        return self.result.vars

    def __len__(self) -> int:
        return len(self.result.rows)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._record(row) for row in self.result.rows[index]]
        return self._record(self.result.rows[index])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self._record(row) for row in self.result.rows)

    def _record(self, row: Sequence[Node | None]) -> dict[str, Any]:
        return {var: python_value(term) for var, term in zip(self.result.vars, row, strict=True)}

    def to_records(self) -> list[dict[str, Any]]:
        """Every row as a dict of every column (None where a column is unbound)."""
        return list(self)

    def to_pandas(self):
        """A pandas DataFrame with one column per variable (needs pandas: `pip install pandas`)."""
        try:
            import pandas
        except ImportError:
            raise UsageError("Rows.to_pandas() needs pandas, which is not installed: pip install pandas "
                             "(or pip install 'kg[pandas]'); to_records() needs nothing") from None
        return pandas.DataFrame.from_records(self.to_records(), columns=list(self.columns))

    def __repr__(self) -> str:
        return f"Rows({len(self)} rows: {', '.join(self.columns)})"
