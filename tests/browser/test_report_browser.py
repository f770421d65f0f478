"""`kg report` in headless Chromium: the page opens offline, every chart is drawn, and the numbers
a reader sees are `kg query`'s, run as a separate command on the same graph and on a store."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from kg.viz.browser import open_page

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent.parent / "fixtures" / "viz.trig"
QUERIES = ("meetings-by-month", "most-active-actors", "country-pairs", "topics-by-month", "most-quoted-speakers")


def kg(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module", params=["file", "store"])
def source(request, tmp_path_factory) -> list[str]:
    """The graph as `kg report` and `kg query` take it: the fixture file, or a store built from it."""
    if request.param == "file":
        return [str(FIXTURE)]
    store = tmp_path_factory.mktemp("store") / "store"
    kg("build", str(FIXTURE), "--store", str(store))
    return ["--store", str(store)]


@pytest.fixture(scope="module")
def report(source, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    kg("report", *source, "-o", str(path))
    return path


def query_rows(source: list[str], name: str) -> tuple[list[str], list[dict[str, str]]]:
    """`kg query NAME --format csv`: its columns (without the label columns) and its rows."""
    reader = csv.DictReader(io.StringIO(kg("query", name, *source, "--format", "csv")))
    rows = list(reader)
    columns = [c for c in reader.fieldnames or () if not c.endswith(("_ar", "_en"))]
    return columns, rows


def shown(row: dict[str, str], column: str) -> str:
    """What the report writes for a query's cell: an IRI's Arabic name, else its last part; else the value."""
    value = row[column]
    if value.startswith(("http://", "https://")):
        return row.get(f"{column}_ar") or value.rsplit("/", 1)[-1]
    return value


def test_report_opens_offline_with_every_chart_drawn(browser, report):
    with open_page(browser, report) as (page, log):
        charts = page.evaluate("""Array.from(document.querySelectorAll('img[data-chart]'))
            .map(img => [img.dataset.chart, img.complete && img.naturalWidth > 0])""")
        assert {key for key, _ in charts} == set(QUERIES)
        assert all(drawn for _, drawn in charts), charts
        assert log.page_errors == [] and log.console_errors == [] and log.blocked_requests == []


def test_the_numbers_on_the_page_are_kg_query_s(browser, report, source):
    with open_page(browser, report) as (page, _log):
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")  # as a reader opens them
        tables = page.evaluate("""Object.fromEntries(Array.from(document.querySelectorAll('table[data-query]'))
            .map(t => [t.dataset.query, Array.from(t.tBodies[0].rows)
                .map(r => Array.from(r.cells).map(c => c.innerText.trim()))]))""")
        totals = {key: int(page.locator(f"#kg-total-{key}").inner_text()) for key in ("meetings", "calls", "undated")}
    assert set(tables) == set(QUERIES)
    for name in QUERIES:
        columns, rows = query_rows(source, name)
        assert rows, f"{name}: the fixture has an answer"
        assert tables[name] == [[shown(row, c) for c in columns] for row in rows], name
    _, months = query_rows(source, "meetings-by-month")
    assert totals == {
        "meetings": sum(int(r["meetings"]) for r in months),
        "calls": sum(int(r["calls"]) for r in months),
        "undated": sum(int(r["meetings"]) + int(r["calls"]) for r in months if not r["month"]),
    }
    assert totals["meetings"] + totals["calls"] > 0
