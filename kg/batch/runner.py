"""The batch build: articles streamed through extraction (here or in worker processes) into sinks.

Memory stays flat whatever the size of the archive: articles are read one at a time, at most a
few chunks are in flight to the workers, and the store is written a batch at a time. Results
come back in input order, so the last version of an article read is the one that stays.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Dataset

from kg.batch.reading import read_stream
from kg.batch.sink import DatasetSink, ErrorLog, StoreSink, article_graph
from kg.batch.stop import Abandoned, abandonable, at_once, hurried
from kg.batch.work import Failed, Outcome, extract_chunk, init_worker
from kg.errors import KgError, Problem, UsageError
from kg.io import DEFAULT_MAX_BYTES
from kg.model import Article
from kg.progress import Progress
from kg.rdf.iri import mint_iri
from kg.rdf.namespaces import DIPR_IRI

if TYPE_CHECKING:  # imported where workers start: a build in this process needs no multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch build runs."""

    workers: int = 0  # worker processes; 0 extracts in this process
    base: str = DIPR_IRI
    force: bool = False  # extract articles again even when the store holds them unchanged
    date: dt.date | None = None  # for inputs that do not give one
    publisher: str | None = None
    encoding: str = "utf-8"
    max_bytes: int = DEFAULT_MAX_BYTES
    chunk_size: int = 8  # articles per task sent to a worker
    batch_articles: int = 2000  # the store is written when a batch holds this many articles,
    batch_bytes: int = 64 * 2**20  # or this many bytes of N-Quads,
    batch_seconds: float = 30.0  # or is this old (a killed run loses at most this much work)


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch build did. `written + unchanged + failed` is every article of the input."""

    written: int  # article graphs written (new or replaced)
    replaced: int  # of those, how many replaced a graph the store held
    unchanged: int  # articles the store held already with the same text and metadata: skipped
    failed: int  # articles (or files, or lines) that could not be read or extracted
    warnings: int  # articles read with a warning (no Arabic text...), still written
    meetings: int
    statements: int
    topics: tuple[str, ...]
    seconds: float
    interrupted: bool = False
    store: str | None = None
    triples: int | None = None  # distinct triples in the store at the end (its union: what queries see)
    errors_file: str | None = None
    workers: int = 0

    @property
    def articles(self) -> int:
        return self.written + self.unchanged + self.failed

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        line = (
            f"articles {self.articles} | written {self.written} ({self.written - self.replaced} new, "
            f"{self.replaced} replaced) | unchanged {self.unchanged} | failed {self.failed}"
        )
        if self.warnings:
            line += f" | warnings {self.warnings}"
        # what the graph holds is counted by kg.counts, the same way for a file and a store
        line += f" | {self.rate:.1f} articles/s"
        if self.failed and self.errors_file:
            line += f" (errors in {self.errors_file})"
        if self.interrupted:
            line += " | interrupted: the articles written stay; run the same command again to resume"
        return line


@dataclass
class _Tally:
    failed: int = 0
    warnings: int = 0
    unchanged: int = 0
    extracted: int = 0
    meetings: int = 0
    statements: int = 0
    topics: set[str] = field(default_factory=set)


def build(
    inputs: Iterable[str | Path],
    *,
    store: str | Path | ox.Store | None = None,
    dataset: Dataset | None = None,
    options: BatchOptions = BatchOptions(),
    errors: str | Path | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
    report: Callable[[str], None] | None = None,
) -> BatchSummary:
    """Read, extract and write every article of the inputs into a store and/or a Dataset.

    Articles the store already holds unchanged are skipped (unless `options.force`); changed ones
    replace their graph. An article that cannot be read or extracted goes to the `errors` file
    (JSONL) and to `report`, and the rest carry on. Setting `stop` ends the run early and
    cleanly: everything extracted so far is written; a kg.batch.stop.Stop can also ask for a
    hurried stop (SIGTERM: the extraction at hand is dropped) or one at once (a second signal:
    nothing more is handed to the store). Returns the counts of what happened.
    """
    if store is None and dataset is None:
        raise UsageError("nothing to write to: give a store and/or a dataset")
    started = time.perf_counter()
    stop = stop if stop is not None else threading.Event()
    report = report if report is not None else (lambda _text: None)
    store_name = opened = None
    store_sink = dataset_sink = None
    stored = (0, 0, 0)  # articles written, of them replaced, triples in the store at the end
    if store is not None:
        from kg.store import open_store  # only here: a build to a file (-o) never loads kg.store

        store_name = "store" if isinstance(store, ox.Store) else str(store)
        opened = store if isinstance(store, ox.Store) else open_store(store)
        log_dir = None if isinstance(store, ox.Store) else Path(store)
        store_sink = StoreSink(opened, store_name, options.base, stop=stop, log=log_dir)
    if dataset is not None:
        dataset_sink = DatasetSink(dataset, options.base)
    log = ErrorLog(errors)
    tally = _Tally()
    unwritten: Counter[str] = Counter()  # graphs read but not yet written: never skipped as unchanged
    in_flight: deque[Future | list[Outcome]] = deque()  # chunks, in input order
    keep_facts = dataset_sink is not None
    want_nquads = store_sink is not None
    pool: ProcessPoolExecutor | None = None  # started with the first chunk: a run that skips all needs none
    max_in_flight = max(2, options.workers * 4)  # chunks: enough to keep workers busy while a batch is handed over
    interrupted = False
    finished = False  # the whole input written, nothing failed on the way: the store may be compacted

    def show() -> None:
        if progress is not None:  # an article counts as done once extracted, before its batch is written
            progress.update(tally.extracted + tally.unchanged + tally.failed, tally.failed)

    def fail(failure: Failed) -> None:
        tally.failed += 1
        log.write(failure)
        if log.path is None:
            report(str(failure))

    def written(adds: Counter[str]) -> None:
        unwritten.subtract(adds)
        for graph in [g for g, n in unwritten.items() if n <= 0]:
            del unwritten[graph]

    def write_batch() -> None:
        if store_sink is not None:
            written(store_sink.flush())

    def receive(outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            if isinstance(outcome, Failed):
                if outcome.id is not None:
                    unwritten[str(mint_iri("article", outcome.id, options.base))] -= 1
                fail(outcome)
                continue
            tally.extracted += 1
            tally.meetings += outcome.meetings
            tally.statements += outcome.statements
            tally.topics.update(outcome.topics)
            if store_sink is not None:
                store_sink.add(outcome)
            if dataset_sink is not None:
                dataset_sink.add(outcome)
        if store_sink is not None and not hurried(stop) and store_sink.due(
            options.batch_articles, options.batch_bytes, options.batch_seconds
        ):
            with abandonable(stop):  # the writer may be a batch behind
                write_batch()
        show()

    def collect(keep: int) -> None:
        """Receive the chunks that are done, waiting while more than `keep` are in flight."""
        while in_flight and (len(in_flight) > keep or _ready(in_flight[0])):
            task = in_flight[0]
            if not isinstance(task, list):
                with abandonable(stop):  # a hurried stop does not wait for the workers
                    try:
                        task = _result(task)
                    except KgError:
                        if hurried(stop):  # a SIGTERM to the whole group: it ended the workers too
                            raise Abandoned from None
                        raise
            in_flight.popleft()
            receive(task)

    def finish() -> None:
        """Hand the last batch to the writer; when hurried, with the chunks done so far only."""
        while hurried(stop) and in_flight:
            task = in_flight.popleft()
            if isinstance(task, list):
                receive(task)
            elif task.done() and not task.cancelled() and task.exception() is None:
                receive(task.result())
        if not at_once(stop):
            write_batch()

    def submit(chunk: list[Article]) -> None:
        nonlocal pool
        if options.workers <= 0:
            with abandonable(stop):  # SIGTERM is honoured in the middle of a long extraction
                outcomes = extract_chunk(chunk, options.base, keep_facts, want_nquads)
            in_flight.append(outcomes)
            return
        if pool is None:
            pool = _start_pool(options.workers)
        in_flight.append(pool.submit(extract_chunk, chunk, options.base, keep_facts, want_nquads))

    chunk: list[Article] = []
    chunk_size = options.chunk_size if options.workers > 0 else 1
    try:
        for item in read_stream(inputs, date=options.date, publisher=options.publisher,
                                encoding=options.encoding, max_bytes=options.max_bytes):
            if stop.is_set():
                interrupted = True
                report(_stopping(stop))
                break
            if isinstance(item, Problem):
                if item.fatal:
                    fail(Failed(item.path, item.line, None, item.reason, "read"))
                else:
                    tally.warnings += 1
                    report(f"{item} (warning)")
                show()
                continue
            graph = article_graph(item, options.base)
            if (store_sink is not None and not options.force and unwritten[graph] <= 0
                    and store_sink.unchanged(item)):
                tally.unchanged += 1
                if dataset_sink is not None:
                    dataset_sink.copy(store_sink.store, graph)
                show()
                continue
            unwritten[graph] += 1
            chunk.append(item)
            if len(chunk) >= chunk_size:
                submit(chunk)
                chunk = []
            collect(keep=max_in_flight - 1)
        if chunk and not interrupted:
            submit(chunk)
        # what is in flight is a few chunks: finish them, so everything read so far is written
        collect(keep=0)
        finish()
        finished = not interrupted and not stop.is_set()
    except Abandoned:  # a hurried stop: what was being extracted is left for the next run
        interrupted = True
        finish()
    except BaseException:
        if not at_once(stop):
            with contextlib.suppress(Exception):  # keep what was extracted before the failure
                write_batch()
        raise
    finally:
        if pool is not None:
            _stop_pool(pool, at_once=hurried(stop))
        log.close()
        try:
            if store_sink is not None:
                # stopping at once, it waits only for a batch being written
                written(store_sink.close(compact=finished))
                from kg.store import count_union, repair_store

                if options.force and not stop.is_set():  # whatever an old run left, the store ends as a clean build
                    repair_store(store_sink.store)

                triples = None if at_once(stop) else count_union(store_sink.store)
                stored = (store_sink.written, store_sink.replaced, triples)
        finally:  # an error's traceback keeps this frame alive: let go of the store (and its lock) now
            store_sink = opened = None
    show()
    written_count, replaced, triples = stored if store_name is not None else (tally.extracted, 0, None)
    return BatchSummary(
        written=written_count,
        replaced=replaced,
        unchanged=tally.unchanged,
        failed=tally.failed,
        warnings=tally.warnings,
        meetings=tally.meetings,
        statements=tally.statements,
        topics=tuple(sorted(tally.topics)),
        seconds=time.perf_counter() - started,
        interrupted=interrupted or stop.is_set(),
        store=store_name,
        triples=triples,
        errors_file=str(log.path) if log.path is not None else None,
        workers=options.workers,
    )


def default_workers() -> int:
    """One worker per core (the parent reads and writes the store in between)."""
    return max(1, os.cpu_count() or 1)


def _ready(task: Future | list[Outcome]) -> bool:
    return isinstance(task, list) or task.done()


def _result(future: Future) -> list[Outcome]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as err:
        raise KgError(
            "a worker process died (out of memory, or killed); everything extracted before it is in the "
            "store: run the same command again to resume"
        ) from err


def _stopping(stop: threading.Event) -> str:
    if hurried(stop):
        return "stopping: writing what was extracted, leaving the articles at hand (a second signal stops at once)"
    return "stopping: writing the articles at hand (press Ctrl-C again to stop at once)"


def _stop_pool(pool: ProcessPoolExecutor, *, at_once: bool) -> None:
    """Shut the workers down: once their tasks are done, or (a hurried stop) killed where they are."""
    if not at_once:
        pool.shutdown(wait=True, cancel_futures=True)
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()  # where they are: a chunk half extracted is extracted again next time
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(timeout=5)


def _start_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes, started with Ctrl-C ignored so that only this process handles it.

    A Python started with SIGINT ignored keeps it ignored, so a Ctrl-C that reaches the whole
    process group while a worker is still starting up cannot kill it half-way. Each worker dies
    with this process, even when it is killed with -9 (see kg.batch.work.init_worker).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with _sigint_ignored():
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                                   initargs=(os.getpid(),))
        for _ in range(workers):  # processes start on demand: start them all now, in this window
            pool.submit(os.getpid)
    return pool


@contextmanager
def _sigint_ignored():
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
