"""The N-Quads log of a store: each article graph's export bytes, kept at build time, so that
`kg export --format nquads` copies bytes instead of decoding every term from Oxigraph (which
costs 5-8 µs a quad, 18.7 M quads at 100k articles).

Beside the RocksDB files the store folder keeps `nquads/`: segment files (`NNNNNNNN.nq`), one per
batch the build writes, and beside each its index (`NNNNNNNN.idx`, one JSON object a line: the
graph, its byte offset and length in the segment, and the two marks it was written with, its
dip:contentHash and the note of the extractor that wrote it). Both are written by kg.atomic
(whole or not at all), the index after its segment and both after the store has committed the
graphs; a later segment's entry for a graph replaces an earlier one.

A logged graph is used only while the store still marks the graph with the same content hash and
extractor (the same article text extracted by the same kg gives the same graph): a graph replaced
since, written by another path (`write_articles` drops the extractor note), left unmarked by an
interrupted build, or logged by a run killed before its store commit is dumped from Oxigraph
instead. So a crash at any moment costs speed, never correctness.

The bytes are what the export's dump writes (`graph_nquads`, which kg.export uses): each batch
is loaded into an in-memory Oxigraph store, which normalizes terms as the persistent one does,
and dumped from there, a few MB at a time (about 2 µs a quad, paid once by the build).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import failpoint
from kg.rdf.namespaces import DIP_IRI

FOLDER = "nquads"
_NORMALIZE_BYTES = 4 * 2**20  # N-Quads normalized at a time (an in-memory store holds a few times that)
_COPY = 1 << 20


@dataclass(frozen=True, slots=True)
class Entry:
    """Where a graph's logged bytes are, and the marks the graph had when they were logged."""

    segment: Path
    offset: int
    length: int
    content_hash: str
    extractor: str


def log_folder(store_dir: str | Path) -> Path:
    return Path(store_dir) / FOLDER


def _segments(folder: Path) -> list[Path]:
    """The segments that have an index (a segment whose index was never written is ignored)."""
    if not folder.is_dir():
        return []
    return sorted(p.with_suffix(".nq") for p in folder.glob("*.idx") if p.stem.isdigit()
                  and p.with_suffix(".nq").is_file())  # fmt: skip


def read_index(store_dir: str | Path) -> dict[str, Entry]:
    """Each logged graph's latest entry (the last segment that holds it wins)."""
    entries: dict[str, Entry] = {}
    for segment in _segments(log_folder(store_dir)):
        try:
            lines = segment.with_suffix(".idx").read_text(encoding="utf-8").splitlines()
            size = segment.stat().st_size
        except (OSError, UnicodeDecodeError):
            continue
        for line in lines:
            try:
                item = json.loads(line)
                entry = Entry(segment, int(item["o"]), int(item["n"]), str(item["h"]), str(item["x"]))
                graph = str(item["g"])
            except (ValueError, KeyError, TypeError):
                continue  # a damaged line: that graph is dumped from the store
            if entry.offset >= 0 and entry.offset + entry.length <= size:
                entries[graph] = entry
    return entries


def current_marks(store: ox.Store) -> dict[str, tuple[str, str]]:
    """Each article graph's marks as the store holds them now: (content hash, extractor), one query."""
    from kg.store import EXTRACTED_WITH, LAYOUT_GRAPH

    result = store.query(
        f"SELECT ?g ?h ?x WHERE {{ GRAPH ?g {{ ?g <{DIP_IRI}contentHash> ?h }} "
        f"GRAPH <{LAYOUT_GRAPH}> {{ ?g <{EXTRACTED_WITH}> ?x }} }}"
    )
    return {row["g"].value: (row["h"].value, row["x"].value) for row in result}


def usable(store: ox.Store, store_dir: str | Path) -> dict[str, Entry]:
    """The logged entries whose graph the store still holds with the same marks."""
    entries = read_index(store_dir)
    if not entries:
        return {}
    marks = current_marks(store)
    return {g: e for g, e in entries.items() if marks.get(g) == (e.content_hash, e.extractor)}


def stale_count(store: ox.Store, store_dir: str | Path) -> tuple[int, int]:
    """(logged graphs, of them stale: the store no longer holds them with the marks logged)."""
    entries = read_index(store_dir)
    if not entries:
        return 0, 0
    marks = current_marks(store)
    return len(entries), sum(marks.get(g) != (e.content_hash, e.extractor) for g, e in entries.items())


def drop_stale(store: ox.Store, store_dir: str | Path) -> int:
    """Take the stale entries out of the log (each index rewritten whole, a segment left with
    none removed); returns how many went."""
    from kg.atomic import write_bytes

    keep = usable(store, store_dir)
    dropped = 0
    for segment in _segments(log_folder(store_dir)):
        index = segment.with_suffix(".idx")
        lines = index.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if _kept(line, segment, keep)]
        dropped += len(lines) - len(kept)
        if not kept:
            index.unlink()
            segment.unlink()
        elif len(kept) < len(lines):
            write_bytes(index, "".join(kept).encode("utf-8"))
    return dropped


def _kept(line: str, segment: Path, keep: dict[str, Entry]) -> bool:
    try:
        item = json.loads(line)
        entry = keep.get(str(item["g"]))
        return entry is not None and entry.segment == segment and entry.offset == int(item["o"])
    except (ValueError, KeyError, TypeError):
        return False


def drop(store_dir: str | Path) -> bool:
    """Remove the whole log (export then dumps every graph from the store); True if there was one."""
    folder = log_folder(store_dir)
    if not folder.is_dir():
        return False
    shutil.rmtree(folder)
    return True


class LogWriter:
    """Appends the graphs a build writes, a segment per batch (see the module's notes)."""

    def __init__(self, store_dir: str | Path, extractor: str) -> None:
        self.folder = log_folder(store_dir)
        self.extractor = extractor
        self.folder.mkdir(exist_ok=True)
        for left in self.folder.glob(".*.part"):  # a killed run's temporary file (kg.atomic): never read
            with contextlib.suppress(OSError):
                left.unlink()
        numbers = [int(p.stem) for p in self.folder.iterdir() if p.stem.isdigit()]
        self._next = max(numbers, default=0) + 1

    def append(self, graphs: Iterable[tuple[str, bytes, str]]) -> None:
        """Log (graph, its N-Quads as the build wrote them, its content hash) after the store has
        committed them: the segment whole, then its index."""
        from kg.atomic import atomic_open, write_bytes

        number, self._next = self._next, self._next + 1
        segment = self.folder / f"{number:08d}.nq"
        index: list[str] = []
        with atomic_open(segment, "wb", encoding=None) as out:
            offset = 0
            for part in _parts(graphs):
                for graph, data, content_hash in _normalized(part):
                    out.write(data)
                    index.append(json.dumps({"g": graph, "o": offset, "n": len(data), "h": content_hash,
                                             "x": self.extractor}, ensure_ascii=False) + "\n")
                    offset += len(data)
        failpoint.hit("nqlog.before-index")
        write_bytes(segment.with_suffix(".idx"), "".join(index).encode("utf-8"))

    def prune(self) -> int:
        """Remove the segments none of whose graphs is the latest logged version (a rebuild
        wrote them all again); returns how many went. The index goes first: a segment without
        one is never read."""
        latest = {entry.segment for entry in read_index(self.folder.parent).values()}
        gone = 0
        for segment in _segments(self.folder):
            if segment not in latest:
                with contextlib.suppress(OSError):
                    segment.with_suffix(".idx").unlink()
                    segment.unlink()
                    gone += 1
        return gone


def _parts(graphs: Iterable[tuple[str, bytes, str]]) -> Iterator[list[tuple[str, bytes, str]]]:
    part: list[tuple[str, bytes, str]] = []
    size = 0
    for item in sorted(graphs):  # in the export's order: neighbours there are neighbours here
        part.append(item)
        size += len(item[1])
        if size >= _NORMALIZE_BYTES:
            yield part
            part, size = [], 0
    if part:
        yield part


def _normalized(part: list[tuple[str, bytes, str]]) -> Iterator[tuple[str, bytes, str]]:
    """Each graph's bytes as the export dumps them from the store (with its dip:contentHash quad,
    which the build writes apart as the completion mark)."""
    memory = ox.Store()
    hash_predicate = ox.NamedNode(f"{DIP_IRI}contentHash")
    memory.load(b"".join(data for _, data, _ in part), ox.RdfFormat.N_QUADS, lenient=True)
    memory.extend(ox.Quad(ox.NamedNode(g), hash_predicate, ox.Literal(h), ox.NamedNode(g)) for g, _, h in part if h)
    for graph, _, content_hash in part:
        yield graph, graph_nquads(memory, graph), content_hash


def graph_nquads(store: ox.Store, name: str) -> bytes:
    """A named graph as N-Quads lines, sorted: its N-Triples as Oxigraph dumps them, with the
    graph's name put before the final dot (a literal holds no raw line break, so every line ends
    so). Sorted, the lines do not depend on how a store orders its terms inside (a hash of each):
    the same graph reads the same from the persistent store, from an in-memory one, and from the
    store's N-Quads log (this module), which is made that way."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
    lines = data.replace(b" .\n", f" <{name}> .\n".encode()).splitlines(keepends=True)
    lines.sort()
    return b"".join(lines)


def copy_range(out: BinaryIO, source: BinaryIO, offset: int, length: int) -> None:
    """Copy bytes of a segment to the output: by the kernel (sendfile) when both are files or
    pipes, else through a small buffer."""
    try:
        out_fd = out.fileno()
    except (OSError, ValueError, AttributeError):
        out_fd = None
    if out_fd is not None and hasattr(os, "sendfile"):
        out.flush()
        try:
            while length > 0:
                sent = os.sendfile(out_fd, source.fileno(), offset, length)
                if sent == 0:
                    raise OSError("the log segment ended early")
                offset += sent
                length -= sent
            return
        except OSError as err:
            if err.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # copied by hand below
                raise
    source.seek(offset)
    while length > 0:
        data = source.read(min(_COPY, length))
        if not data:
            raise OSError("the log segment ended early")
        out.write(data)
        length -= len(data)
