"""`kg report`: every figure on the page is the answer of a ready-made query."""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.engine import as_engine
from kg.report import gather, write_report
from kg.sources import load_dataset

FIXTURE = Path(__file__).parent / "fixtures" / "viz.trig"
QUERIES = ("meetings-by-month", "most-active-actors", "country-pairs", "topics-by-month", "most-quoted-speakers")


class Tables(HTMLParser):
    """The page's tables: query name -> rows of cell text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.current: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.current = attrs["data-query"]
            self.tables[self.current] = []
        elif tag == "tr" and self.current:
            self.tables[self.current].append([])
        elif tag == "td":
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.tables[self.current][-1].append("".join(self.cell))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def page_tables(path: Path) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return {name: [row for row in rows if row] for name, rows in parser.tables.items()}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    dataset = load_dataset([FIXTURE])
    path = tmp_path_factory.mktemp("report") / "report.html"
    return write_report(dataset, path), dataset


def test_report_tables_are_the_queries_answers(report):
    summary, dataset = report
    answers = gather(as_engine(dataset))
    tables = page_tables(summary.path)
    assert set(tables) == set(QUERIES)
    for name in QUERIES:
        columns, rows = answers["answers"][name]
        expected = [[str(answers["names"].get(row[c], row[c])) for c in columns] for row in rows]
        assert tables[name] == expected, name
    # the fixture's four dated meetings in March 2023 (one a call), and one undated
    assert tables["meetings-by-month"] == [["", "1", "0"], ["2023-03", "3", "1"]]


def test_report_writes_each_chart_as_png_and_embeds_it(report):
    summary, _ = report
    assert {p.name for p in summary.charts} >= {"meetings-by-month.png", "most-quoted-speakers.png"}
    for png in summary.charts:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = summary.path.read_text(encoding="utf-8")
    assert text.count('src="data:image/png;base64,') == len(summary.charts)
    assert "http://" not in text.replace("http://www.w3.org", "")  # nothing to fetch


@pytest.mark.parametrize("where", [["SOURCE"], ["--source", "SOURCE"], ["--graph", "SOURCE"]])
def test_report_command(tmp_path, where):
    out = tmp_path / "r.html"
    source = [str(FIXTURE) if arg == "SOURCE" else arg for arg in where]
    result = subprocess.run([sys.executable, "-m", "kg", "report", *source, "-o", str(out)],
                            capture_output=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "5 tables" in result.stdout.decode("utf-8")
    assert (tmp_path / "r_files" / "country-pairs.png").is_file()


def test_report_of_a_missing_source_is_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg", "report", str(tmp_path / "nothing.ttl"),
                             "-o", str(tmp_path / "r.html")], capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "nothing.ttl" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r.html").exists()
