"""Batch builds of whole archives: streamed, parallel, resumable, with failures set aside.

    >>> from kg.batch import build, BatchOptions
    >>> summary = build(["archive.jsonl"], store="exports/store", options=BatchOptions(workers=2),
    ...                 errors="exports/errors.jsonl")
    >>> print(summary)

See `kg build --store DIR --workers N` for the command, and the README's "Large archives".
"""

from kg.batch.reading import count_articles, read_stream
from kg.batch.runner import BatchOptions, BatchSummary, build, default_workers
from kg.batch.sink import article_graph
from kg.batch.stop import Stop
from kg.batch.work import Extracted, Failed, extract_article

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "Extracted",
    "Failed",
    "Stop",
    "article_graph",
    "build",
    "count_articles",
    "default_workers",
    "extract_article",
    "read_stream",
]
