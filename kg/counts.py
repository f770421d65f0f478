"""What a graph holds, counted one way wherever it is: the summary line `kg build` prints for a
file (-o, counted in the rdflib Dataset it wrote) and for a store (--store, counted in the store
with SPARQL) alike. Each kind is the number of distinct nodes of its class in the union of the
article graphs (a meeting two articles report is one meeting; a phone call is a meeting too),
and triples are the union's distinct triples."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.rdf.namespaces import DIP_IRI

# (what the line calls them, the classes counted together)
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("articles", ("Article",)),
    ("persons", ("Person",)),
    ("organizations", ("Organization",)),
    ("countries", ("Country",)),
    ("places", ("Place",)),
    ("meetings", ("Meeting", "PhoneCall")),
    ("calls", ("PhoneCall",)),
    ("statements", ("Statement",)),
    ("topics", ("Topic",)),
)


@dataclass(frozen=True, slots=True)
class GraphCounts:
    """Distinct nodes per kind, and distinct triples, of one graph."""

    articles: int
    persons: int
    organizations: int
    countries: int
    places: int
    meetings: int
    calls: int
    statements: int
    topics: int
    triples: int

    def __str__(self) -> str:
        actors = self.persons + self.organizations + self.countries
        return (
            f"articles {self.articles} | actors {actors} (persons {self.persons}, organizations "
            f"{self.organizations}, countries {self.countries}) | places {self.places} | meetings {self.meetings} "
            f"({self.calls} by phone) | statements {self.statements} | topics {self.topics} | triples {self.triples}"
        )


def dataset_counts(dataset) -> GraphCounts:
    """The counts of an rdflib Dataset (its union: a Dataset made with default_union=True)."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    found = {}
    for name, classes in KINDS:
        nodes: set = set()
        for cls in classes:
            nodes.update(dataset.subjects(RDF.type, URIRef(DIP_IRI + cls)))
        found[name] = len(nodes)
    return GraphCounts(**found, triples=len(set(dataset.triples((None, None, None)))))


def store_counts(store: str | Path) -> GraphCounts:
    """The counts of a store folder, counted in the store (its union graph) with one query."""
    from kg.engine import StoreEngine
    from kg.store import count_union, open_store

    opened = open_store(store, read_only=True)
    engine = StoreEngine(opened)
    names = [name for name, _ in KINDS]
    counts = " ".join(  # one row: each sub-select gives one row with one count, and they join
        f"{{ SELECT (COUNT(DISTINCT ?s) AS ?{name}) WHERE {{ VALUES ?c {{ {_iris(classes)} }} ?s a ?c }} }}"
        for name, classes in KINDS
    )
    found = dict.fromkeys(names, 0)
    for row in engine.select(f"SELECT {' '.join('?' + n for n in names)} WHERE {{ {counts} }}"):
        found.update({name: int(term.value) for name, term in zip(names, row, strict=True) if term is not None})
    return GraphCounts(**found, triples=count_union(opened))


def _iris(classes: tuple[str, ...]) -> str:
    return " ".join(f"<{DIP_IRI}{name}>" for name in classes)
