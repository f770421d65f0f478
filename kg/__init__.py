"""kg: Arabic diplomacy news to a knowledge graph of actors, meetings, statements and topics.

    >>> import kg
    >>> facts = kg.extract(text, published=datetime.date(2024, 4, 9))
    >>> kg.facts_to_dict(facts)                       # the facts as JSON-ready dicts
    >>> graph = kg.build_graph([facts])
    >>> kg.write_graph(graph, "out.ttl")
    >>> rows = kg.query("meetings-of-actor", "exports/store", actor="بوتين")
    >>> rows.to_records(); rows.to_pandas()
    >>> kg.actor_network("exports/store")             # networkx
    >>> kg.open_store("exports/store")                # pyoxigraph
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The public names are imported when first used, not by `import kg`: the `kg` command (and any
# `import kg.something`) would otherwise pay for rdflib and the whole extractor before doing anything.
_PUBLIC = {
    "Article": "kg.model",
    "ArticleFacts": "kg.model",
    "Document": "kg.text",
    "Entity": "kg.model",
    "GraphError": "kg.errors",
    "InputError": "kg.errors",
    "KgError": "kg.errors",
    "Meeting": "kg.model",
    "Mention": "kg.model",
    "Problem": "kg.errors",
    "QueryError": "kg.errors",
    "RemoteError": "kg.errors",
    "Statement": "kg.model",
    "UsageError": "kg.errors",
    "actor_network": "kg.api",
    "analyse": "kg.text",
    "build_from_paths": "kg.api",
    "build_graph": "kg.api",
    "extract": "kg.api",
    "extract_all": "kg.api",
    "facts_to_dict": "kg.facts_json",
    "load_dataset": "kg.sources",
    "normalize": "kg.text",
    "open_source": "kg.api",
    "open_store": "kg.store",
    "query": "kg.query",  # the module itself, which is callable: kg.query("who-met-whom", "exports/store")
    "read_articles": "kg.io",
    "read_graphs": "kg.graphio",
    "write_graph": "kg.graphio",
}
__all__ = [
    "Article",
    "ArticleFacts",
    "Document",
    "Entity",
    "GraphError",
    "InputError",
    "KgError",
    "Meeting",
    "Mention",
    "Problem",
    "QueryError",
    "RemoteError",
    "Statement",
    "UsageError",
    "actor_network",
    "analyse",
    "build_from_paths",
    "build_graph",
    "extract",
    "extract_all",
    "facts_to_dict",
    "load_dataset",
    "normalize",
    "open_source",
    "open_store",
    "query",
    "read_articles",
    "read_graphs",
    "write_graph",
]

# `kg.extract` is the function, though a subpackage has the same name: the subpackage is loaded
# now (it is only a docstring), so that importing its modules later never sets `kg.extract` to it,
# and the name is then left to __getattr__.
importlib.import_module("kg.extract")
del extract  # type: ignore[name-defined]  # noqa: F821  (bound by the import just above)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module == f"{__name__}.{name}":
        value = importlib.import_module(module)
    elif module is not None:
        value = getattr(importlib.import_module(module), name)
    elif not name.startswith("__"):
        try:  # a submodule (kg.api, kg.store...) as `kg.api` after a plain `import kg`
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module 'kg' has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))


if TYPE_CHECKING:  # for type checkers and editors, which do not run __getattr__
    from kg import query
    from kg.api import actor_network, build_from_paths, build_graph, extract, extract_all, open_source
    from kg.errors import GraphError, InputError, KgError, Problem, QueryError, RemoteError, UsageError
    from kg.facts_json import facts_to_dict
    from kg.graphio import read_graphs, write_graph
    from kg.io import read_articles
    from kg.model import Article, ArticleFacts, Entity, Meeting, Mention, Statement
    from kg.sources import load_dataset
    from kg.store import open_store
    from kg.text import Document, analyse, normalize
