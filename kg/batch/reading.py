"""Reading an archive as a stream: articles (or Problems) one at a time, never the whole input.

Here a large UTF-8 `.jsonl` file is read line by line with kg.io's own rules for each line (the
same Article, or the same Problem for a broken line); every other input goes through
`kg.io.read_articles` unchanged (which reads a UTF-8 JSONL file line by line too; other encodings
and JSON documents whole).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg import io as kgio
from kg.errors import Problem
from kg.model import Article

STREAM_OVER = 8 * 1024 * 1024  # bytes: a .jsonl file larger than this is read line by line
_COUNT_BLOCK = 1 << 20
_SOURCE_LINE = re.compile(r"(.*):(\d+)")


def read_stream(
    inputs: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    publisher: str | None = None,
    encoding: str = "utf-8",
    max_bytes: int = kgio.DEFAULT_MAX_BYTES,
    stream_over: int = STREAM_OVER,
) -> Iterator[Article | Problem]:
    """Each article of the inputs (files or folders), or a Problem, in input order, lazily."""
    options = {"date": date, "publisher": publisher, "encoding": encoding, "max_bytes": max_bytes}
    for given in inputs:
        path = Path(given)
        if not path.is_dir():
            yield from _read_one(path, options, stream_over)
            continue
        files = input_files(path)
        if not files:
            yield from kgio.read_articles([path], **options)  # kg.io's own "no article files" Problem
        for file in files:
            yield from _read_one(file, options, stream_over)


def input_files(folder: Path) -> list[Path]:
    """The article files of a folder, in the order kg.io reads them."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in kgio.ARTICLE_SUFFIXES)


def count_articles(inputs: Iterable[str | Path]) -> int:
    """About how many articles the inputs hold: lines of JSONL files, one per other file.

    Cheap (a byte count of newlines, no parsing), for a progress bar's total and ETA.
    """
    total = 0
    for given in inputs:
        path = Path(given)
        for file in input_files(path) if path.is_dir() else [path]:
            if not file.is_file():
                continue
            if file.suffix.lower() != ".jsonl":
                total += 1
                continue
            with file.open("rb") as handle:
                last = b"\n"
                while block := handle.read(_COUNT_BLOCK):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
    return total


def source_and_line(article: Article) -> tuple[str, int | None]:
    """Where an article was read: (file, line) for a line of JSON, (file, None) for a whole file."""
    match = _SOURCE_LINE.fullmatch(article.source)
    if match:
        return match.group(1), int(match.group(2))
    return article.source, None


def _read_one(path: Path, options: dict, stream_over: int) -> Iterator[Article | Problem]:
    if not _streamable(path, options["encoding"], stream_over):
        yield from kgio.read_articles([path], **options)
        return
    try:
        yield from _stream_json_lines(path, **options)
    except Exception as err:  # one input's failure is that input's error line (the lines before it are read)
        yield Problem(str(path), f"could not be read ({kgio.failure(err)})")


def _streamable(path: Path, encoding: str, stream_over: int) -> bool:
    if path.suffix.lower() != ".jsonl" or encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
        return False
    try:
        if not path.is_file() or path.stat().st_size <= stream_over:
            return False
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    # a JSON array, a binary file: kg.io's whole-file reading says what is wrong with it
    return not head.lstrip().lstrip(b"\xef\xbb\xbf").startswith(b"[") and not kgio._looks_binary(head)


def _stream_json_lines(path: Path, *, date, publisher, encoding, max_bytes) -> Iterator[Article | Problem]:
    """kg.io's per-line rules, one line in memory at a time."""
    where = str(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield Problem(where, f"too large for one article ({len(raw) / 2**20:.1f} MB)", number)
                continue
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as err:
                bad = raw[err.start : err.start + 1].hex()
                yield Problem(where, f"not {encoding} text (byte 0x{bad} at column {err.start + 1})", number)
                continue
            try:
                record = json.loads(line)
                result = kgio._article_from_record(record, path, number)
            except json.JSONDecodeError as err:
                yield Problem(where, f"not valid JSON ({err.msg} at column {err.colno})", number)
                continue
            except Exception as err:  # e.g. RecursionError on a line nested 100,000 deep
                yield Problem(where, f"not read ({kgio.failure(err)})", number)
                continue
            if isinstance(result, Problem):
                yield result
            else:
                yield from kgio._finish(result, where, number, date, publisher)
