"""Failpoints: named places in the write path where a test can make the process die at once.

As etcd's gofail or TiKV's fail-rs: `KG_FAILPOINT=store.before-commit` makes the process kill
itself with SIGKILL (no cleanup, no flush, as `kill -9` or a power cut would) the first time it
reaches that point; `NAME@N` waits for the Nth time. Several points are separated by commas.
Without the variable every point is one test of an empty frozenset: nothing happens.

The points (see `POINTS`) are where a store or an output file is half written; the tests kill a
build at each one, run it again and compare the store with a clean build.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

POINTS = (
    "store.before-commit",  # a replace: the old graphs' leftovers worked out, nothing written yet
    "store.after-commit",  # a replace: graphs, union and marks committed together
    "store.after-load",  # new articles: their graphs bulk-loaded, the union not yet
    "store.after-union",  # new articles: graphs and union loaded, the completion marks not yet
    "store.after-marks",  # new articles: marked complete
    "nqlog.before-index",  # a batch committed and its N-Quads log segment written, not its index
    "sink.after-batch",  # a whole batch written, the next not begun
    "atomic.before-rename",  # an output file written to its temporary name, not yet renamed
)

_ARMED: dict[str, int] = {}
for _item in filter(None, (part.strip() for part in os.environ.get("KG_FAILPOINT", "").split(","))):
    _name, _, _nth = _item.partition("@")
    _ARMED[_name] = int(_nth) if _nth.isdigit() else 1
ARMED = frozenset(_ARMED)
_hits: Counter[str] = Counter()


def hit(name: str) -> None:
    """Die here if the failpoint `name` is armed (and this is the hit it waits for)."""
    if name not in ARMED:
        return
    _hits[name] += 1
    if _hits[name] >= _ARMED[name]:
        os.kill(os.getpid(), signal.SIGKILL)
