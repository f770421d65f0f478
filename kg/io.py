"""Reading articles: .txt, .jsonl (.json) and .html files, or folders of them.

Every input either yields Articles or a Problem naming the file (and line) and the reason; one
bad file or line never stops the rest. Offsets in kg always refer to `Article.text` as read here
(for a .txt file, the text after its title line; for JSONL, the `text` field as given).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import Problem
from kg.model import Article
from kg.text.normalize import has_arabic

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".json", ".html", ".htm")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # one article; a JSONL file may be any size

ReadResult = Article | Problem


def read_articles(
    inputs: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    publisher: str | None = None,
    encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadResult]:
    """Yield each article of the inputs (files or folders), or a Problem for what cannot be read.

    `date` and `publisher` fill in what an input does not say itself (a .txt file says neither).
    """
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                yield Problem(str(path), f"no article files in this folder (expected {', '.join(ARTICLE_SUFFIXES)})")
            for file in files:
                yield from _read_file_guarded(file, date, publisher, encoding, max_bytes)
        elif path.is_file():
            yield from _read_file_guarded(path, date, publisher, encoding, max_bytes)
        elif path.exists():
            yield Problem(str(path), "not a regular file or folder")
        else:
            yield Problem(str(path), "no such file or folder")


def article_from_text(
    text: str, *, title: str = "", id: str = "", published: dt.date | None = None, publisher: str = "", url: str = ""
) -> Article:
    """An Article from a string (the Python API's way in); the id defaults to a hash of the text.
    Control characters become spaces, as in every article kg reads."""
    article = Article(id=id or text_id(text), text=text, title=title, url=url, published=published, publisher=publisher)
    return without_controls(article)


def text_id(text: str) -> str:
    """A stable id for an article that has none: a short hash of its text."""
    return "sha-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _read_file_guarded(path, date, publisher, encoding, max_bytes) -> Iterator[ReadResult]:
    """The file's articles; whatever goes wrong reading it is its Problem, and the next file is read."""
    try:
        yield from _read_file(path, date, publisher, encoding, max_bytes)
    except Exception as err:  # one input's failure (even RecursionError, MemoryError) is that input's error line
        yield Problem(str(path), f"could not be read ({failure(err)})")


def failure(err: BaseException) -> str:
    """An exception as the end of a one-line message: its kind and its first 200 characters."""
    if isinstance(err, RecursionError):
        return "nested too deeply"
    if isinstance(err, MemoryError):
        return "out of memory"
    return f"{type(err).__name__}: {' '.join(str(err).split())[:200]}"


def _read_file(path, date, publisher, encoding, max_bytes) -> Iterator[ReadResult]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json"):
        yield from _read_json_lines(path, date, publisher, encoding, max_bytes)
        return
    size = path.stat().st_size
    if size > max_bytes:
        limit = f"the limit is {_mb(max_bytes)}, see --max-size"
        yield Problem(str(path), f"too large for one article ({_mb(size)}; {limit})")
        return
    raw = path.read_bytes()
    text = _decode(raw, str(path), encoding)
    if isinstance(text, Problem):
        yield text
        return
    article = _article_from_html(text, path) if suffix in (".html", ".htm") else _article_from_txt(text, path)
    yield from _finish(article, str(path), None, date, publisher)


def _read_json_lines(path, date, publisher, encoding, max_bytes) -> Iterator[ReadResult]:
    with path.open("rb") as file:
        head = file.read(8192)
    if not _utf8(encoding) or head.startswith(_WIDE_BOMS) or path.suffix.lower() == ".json":
        yield from _read_json_whole(path, date, publisher, encoding, max_bytes)
        return
    if _looks_binary(head):
        yield _binary_problem(head, str(path))
        return
    opening = _opening(path)
    if not opening:
        yield Problem(str(path), "empty file")
    elif opening.decode("utf-8", "replace").lstrip().startswith("["):
        yield from _read_json_whole(path, date, publisher, encoding, max_bytes)  # one JSON document
    else:
        yield from _read_utf8_lines(path, date, publisher, encoding, max_bytes)


def _opening(path: Path) -> bytes:
    """The file's bytes from the first that is not blank (after a UTF-8 byte-order mark) to the end
    of that block; b"" for a file with nothing but blanks."""
    with path.open("rb") as file:
        block = file.read(65536).removeprefix(b"\xef\xbb\xbf").lstrip()
        while not block and (more := file.read(65536)):
            block = more.lstrip()
    return block


def _read_utf8_lines(path, date, publisher, encoding, max_bytes) -> Iterator[ReadResult]:
    """Line by line, each decoded on its own: one line that is not UTF-8 is that line's Problem, and
    the good lines around it are still read. Only one line is in memory at a time."""
    with path.open("rb") as file:
        for number, raw in _numbered_lines(file):
            if len(raw) > max_bytes:
                yield Problem(str(path), f"too large for one article ({_mb(len(raw))})", number)
                continue
            line = _decode_line(raw, number, str(path), encoding)
            if isinstance(line, Problem):
                yield line
            elif line.strip():
                yield from _read_json_line(line, path, number, date, publisher)


def _numbered_lines(file) -> Iterator[tuple[int, bytes]]:
    """(number, bytes) of each line of a binary file, without its end; numbered as the whole-file
    reading numbers them: CRLF is one line end, and a lone CR is one too."""
    number = 0
    for raw in file:
        for piece in raw.removesuffix(b"\n").removesuffix(b"\r").split(b"\r"):
            number += 1
            yield number, piece


def _decode_line(raw: bytes, number: int, path: str, encoding: str) -> str | Problem:
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")  # a byte-order mark opens only the file
    except UnicodeDecodeError as err:
        bad = err.object[err.start : err.start + 1].hex()  # (after the byte-order mark, as an editor counts)
        return Problem(
            path,
            f"not {encoding} text (byte 0x{bad} at column {err.start + 1}); re-encode it "
            "(e.g. iconv -f windows-1256 -t utf-8) or pass --encoding",
            number,
        )


def _read_json_whole(path, date, publisher, encoding, max_bytes) -> Iterator[ReadResult]:
    """Another encoding (UTF-16 has no byte lines to split) or one JSON document: the file at once."""
    raw = path.read_bytes()
    if not raw.strip():
        yield Problem(str(path), "empty file")
        return
    text = _decode(raw, str(path), encoding)
    if isinstance(text, Problem):
        yield text
        return
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith("["):
        yield from _read_json_document(stripped, path, date, publisher, max_bytes)
        return
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028, U+0085 are text
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield Problem(str(path), f"too large for one article ({_mb(len(line))})", number)
            continue
        yield from _read_json_line(line, path, number, date, publisher)


def _read_json_line(line: str, path, number, date, publisher) -> Iterator[ReadResult]:
    try:
        record = json.loads(line)
        results = list(_from_record(record, path, number, date, publisher))
    except json.JSONDecodeError as err:
        yield Problem(str(path), f"not valid JSON ({err.msg} at column {err.colno})", number)
        return
    except Exception as err:  # e.g. RecursionError on a line nested 100,000 deep
        yield Problem(str(path), f"not read ({failure(err)})", number)
        return
    yield from results


def _from_record(record, path, number, date, publisher) -> Iterator[ReadResult]:
    result = _article_from_record(record, path, number)
    yield from record_warnings(record, path, number)
    if isinstance(result, Problem):
        yield result
    else:
        yield from _finish(result, str(path), number, date, publisher)


def _read_json_document(text, path, date, publisher, max_bytes) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield Problem(str(path), f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})")
        return
    except RecursionError:
        yield Problem(str(path), "not valid JSON (nested too deeply)")
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        yield from _from_record(record, path, number, date, publisher)


def record_warnings(record, path: Path, line: int) -> list[Problem]:
    """What is wrong with a JSON record's fields but does not stop it being read (a bad date)."""
    if not isinstance(record, dict):
        return []
    given_date = record.get("published") or record.get("date")
    if given_date and not _parse_date(given_date)[1]:
        # the text is still read, without a date (or with --date's)
        return [Problem(str(path), f"'published' is not a date (YYYY-MM-DD): {given_date!r}", line, False)]
    return []


def _article_from_record(record, path: Path, line: int) -> Article | Problem:
    """The article of one JSON record, or the Problem with it."""
    if not isinstance(record, dict):
        return Problem(str(path), f"expected a JSON object with a 'text' field, got {type(record).__name__}", line)
    text = record.get("text")
    if not isinstance(text, str):
        return Problem(str(path), "no 'text' field (a string) in this article", line)
    if not text.strip():
        return Problem(str(path), "the article's 'text' is empty", line)
    published, _ = _parse_date(record.get("published") or record.get("date"))
    raw_id = record.get("id")
    return Article(
        id=str(raw_id).strip() if raw_id not in (None, "") else text_id(text),
        text=text,
        title=_string(record.get("title")),
        url=_string(record.get("url")),
        published=published,
        publisher=_string(record.get("publisher")),
        source=f"{path}:{line}",
    )


def _article_from_txt(text: str, path: Path) -> Article:
    lines = text.split("\n")
    title, body_start = "", 0
    for index, line in enumerate(lines):
        if line.strip():
            title, body_start = line.strip(), index + 1
            break
    body = "\n".join(lines[body_start:])
    if not body.strip():  # a one-line file: the line is the text, not just a title
        body = text
    return Article(id=path.stem, text=body, title=title, source=str(path))


def _finish(article: Article, path: str, line: int | None, date, publisher) -> Iterator[ReadResult]:
    article = without_controls(article)
    if not article.text.strip():
        yield Problem(path, "empty file" if line is None else "the article's text is empty", line)
        return
    if date is not None and article.published is None:
        article = replace(article, published=date)
    if publisher and not article.publisher:
        article = replace(article, publisher=publisher)
    if not has_arabic(article.text):
        yield Problem(path, "no Arabic text in this article; read, but nothing will be found", line, fatal=False)
    yield article


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))
_WIDE_BOMS = tuple(bom for bom, _ in _BOMS)


def without_controls(article: Article) -> Article:
    """The article with control characters (NUL, escape, C1...) in its text, title and publisher
    replaced by spaces, one for one, so offsets into the text stay as they are. Tab and line ends stay."""
    fields = {}
    for name in ("text", "title", "publisher"):
        value = getattr(article, name)
        if _CONTROLS.search(value):
            fields[name] = _CONTROLS.sub(" ", value)
    return replace(article, **fields) if fields else article


def _utf8(encoding: str) -> bool:
    return encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")


def _decode(raw: bytes, path: str, encoding: str) -> str | Problem:
    if not raw.strip():
        return Problem(path, "empty file")
    if _utf8(encoding):
        # a UTF-16 or UTF-32 byte-order mark says what the text is; it would look binary (NUL bytes)
        encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), encoding)
    if _utf8(encoding) and _looks_binary(raw):
        return _binary_problem(raw, path)
    try:
        text = raw.decode("utf-8-sig" if _utf8(encoding) else encoding)
        if not _utf8(encoding):
            text = text.removeprefix("\ufeff")
            if _looks_binary_text(text):
                return Problem(path, f"binary data, not {encoding} text (expected text, JSON lines or HTML)")
    except UnicodeDecodeError as err:
        bad = raw[err.start : err.start + 1].hex()
        return Problem(
            path,
            f"not {encoding} text (byte 0x{bad} at offset {err.start}); re-encode it "
            "(e.g. iconv -f windows-1256 -t utf-8) or pass --encoding",
        )
    except LookupError:
        return Problem(path, f"unknown encoding {encoding!r}")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary_problem(raw: bytes, path: str) -> Problem:
    """What is said of a file whose first bytes look binary (they alone are looked at)."""
    hint = next((f"; it reads as {name} text: pass --encoding {name}" for name in ("utf-16-le", "utf-16-be")
                 if _reads_as(raw, name)), "")
    return Problem(path, f"binary data, not text (expected UTF-8 text, JSON lines or HTML{hint})")


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) // 20


def _reads_as(raw: bytes, encoding: str) -> bool:
    """Do the first bytes decode in this encoding to text with Arabic in it, and nothing binary?"""
    head = raw[:8192]
    text = head[: len(head) // 2 * 2].decode(encoding, "replace")
    return has_arabic(text) and "\ufffd" not in text[:-1] and not _looks_binary_text(text)


def _looks_binary_text(text: str) -> bool:
    """The same test on decoded text (for encodings such as UTF-16, where NUL bytes are normal)."""
    head = text[:8192]
    return "\x00" in head or sum(1 for c in head if c < " " and c not in "\t\n\x0c\r") > len(head) // 20


_DATE_PREFIX = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _parse_date(value) -> tuple[dt.date | None, bool]:
    """A date from "2021-09-14" or an ISO timestamp; (None, False) when unreadable."""
    if not value or not isinstance(value, str):
        return None, False
    match = _DATE_PREFIX.match(value.strip())
    if not match:
        return None, False
    try:
        return dt.date(*map(int, match.groups())), True
    except ValueError:
        return None, False


def parse_date_option(value: str) -> dt.date:
    """`--date YYYY-MM-DD` for argparse."""
    parsed, ok = _parse_date(value)
    if not ok or parsed is None:
        import argparse

        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}")
    return parsed


def _string(value) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


class _HTMLText(HTMLParser):
    """Collects the title, a published date and the text blocks of a news page."""

    _BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "blockquote", "li", "div", "br", "tr", "article", "section"})
    _SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "svg"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.published = ""
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            if key in ("article:published_time", "date", "pubdate", "dc.date") and not self.published:
                self.published = attributes.get("content") or ""
            if key == "og:title" and attributes.get("content"):
                self.title = self.title or attributes["content"]
        elif tag == "time" and not self.published:
            self.published = attributes.get("datetime") or ""
        if tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self.title = self.title or " ".join(data.split())
        elif not self._skip:
            self._current.append(data)

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []


def _without_unclosed_comment(html: str) -> str:
    """The page up to a `<!--` that never closes: a browser reads the rest as the comment's; Python's
    parser would hand it over as text, megabytes of one 'sentence'."""
    position = 0
    while (start := html.find("<!--", position)) >= 0:
        end = html.find("-->", start + 4)
        if end < 0:
            return html[:start]
        position = end + 3
    return html


def _article_from_html(text: str, path: Path) -> Article:
    parser = _HTMLText()
    parser.feed(_without_unclosed_comment(text))
    parser.close()
    parser._flush()
    published, _ = _parse_date(parser.published)
    return Article(
        id=path.stem, text="\n".join(parser.blocks), title=parser.title, published=published, source=str(path)
    )
