"""kg: Arabic diplomacy news to a knowledge graph of actors, meetings, statements and topics.

    >>> import kg
    >>> facts = kg.extract(text, published=datetime.date(2024, 4, 9))
    >>> graph = kg.build_graph([facts])
    >>> kg.write_graph(graph, "out.ttl")
"""

import kg.extract.pipeline  # noqa: F401  (the subpackage first, so that `kg.extract` stays the function)
from kg.api import build_from_paths, build_graph, extract, extract_all
from kg.errors import GraphError, InputError, KgError, Problem, QueryError, RemoteError, UsageError
from kg.graphio import read_graphs, write_graph
from kg.io import read_articles
from kg.model import Article, ArticleFacts, Entity, Meeting, Mention, Statement
from kg.sources import load_dataset
from kg.text import Document, analyse, normalize

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
    "analyse",
    "build_from_paths",
    "build_graph",
    "extract",
    "extract_all",
    "load_dataset",
    "normalize",
    "read_articles",
    "read_graphs",
    "write_graph",
]

__version__ = "0.1.0"
