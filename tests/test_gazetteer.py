"""The gazetteer's tables as the extractor holds them in memory."""

from __future__ import annotations

import gc

from kg.extract import gazetteer as gz


def test_the_loaded_tables_are_kept_out_of_the_garbage_collectors_walks():
    """Hundreds of thousands of long-lived containers: a full collection must not walk them every time (gc.freeze)."""
    gz.name_index()
    assert gc.get_freeze_count() > 10_000
