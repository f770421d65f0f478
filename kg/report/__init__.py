"""`kg report`: an analyst's page of charts and tables, offline, from the ready-made queries.

Every figure comes from a query of queries/*.rq run as `kg query` runs it (kg.query.run_query),
so the page's numbers are `kg query`'s: meetings-by-month, most-active-actors, country-pairs,
topics-by-month and most-quoted-speakers. Charts are drawn with matplotlib (3.11 shapes Arabic
itself: no reshaping), written as PNG files for slides beside the page and embedded in it.

    from kg.engine import open_engine
    from kg.report import write_report
    write_report(open_engine(store="exports/store"), "exports/report.html")
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from kg import atomic
from kg.engine import Engine, as_engine, labels, pick_label
from kg.query import run_query

TEMPLATES = Path(__file__).resolve().parent
TOP = 15  # the most active actors and most quoted speakers charted and listed
TOP_COUNTRIES = 12  # the countries of the pair matrix: those in the most meetings with another
TOP_TOPICS = 6  # the topics charted over time
FONT = ["DejaVu Sans"]  # matplotlib's own font, which has the Arabic letters: no system font needed


@dataclass(frozen=True, slots=True)
class Table:
    """A query's answer as the page lists it: its name, column headings and rows of text."""

    query: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    charts: tuple[Path, ...]
    tables: tuple[Table, ...]

    def __str__(self) -> str:
        return (f"wrote {self.path}: {len(self.tables)} tables, {len(self.charts)} charts "
                f"(PNG in {self.charts[0].parent})" if self.charts else f"wrote {self.path}")


def _rows(engine: Engine, name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """A ready-made query's answer: its variables and rows of Python values (IRIs as text)."""
    result = run_query(name, engine)
    columns = [str(v) for v in result.vars]
    rows = []
    for row in result.rows:
        values = {}
        for column, term in zip(columns, row, strict=False):
            if term is None:
                values[column] = ""
            elif getattr(term, "datatype", None) is not None and str(term.datatype).endswith("integer"):
                values[column] = int(term)
            else:
                values[column] = str(term)
        rows.append(values)
    return columns, rows


def gather(source) -> dict[str, Any]:
    """What the report shows: each query's rows, and Arabic names for the IRIs in them."""
    engine = as_engine(source)
    answers = {name: _rows(engine, name) for name in
               ("meetings-by-month", "most-active-actors", "country-pairs", "topics-by-month",
                "most-quoted-speakers")}  # fmt: skip
    iris = {value for _, rows in answers.values() for row in rows for value in row.values()
            if isinstance(value, str) and value.startswith(("http://", "https://"))}  # fmt: skip
    found = labels(engine, iris)
    names = {iri: pick_label(found.get(iri), "ar") or iri.rsplit("/", 1)[-1] for iri in iris}
    return {"answers": answers, "names": names}


def write_report(source, path: str | Path, *, title: str = "") -> ReportSummary:
    """Write the report page at `path` and its charts as PNG files in `<stem>_files/` beside it."""
    import matplotlib

    matplotlib.use("Agg")
    path = Path(path)
    data = gather(source)
    answers, names = data["answers"], data["names"]
    folder = path.parent / f"{path.stem}_files"
    charts: list[dict[str, Any]] = []
    for key, heading, draw in _CHARTS:
        png = draw(answers, names)
        if png is None:
            continue
        file = folder / f"{key}.png"
        file.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(file, png)
        charts.append({"key": key, "heading": heading, "file": file, "href": f"{folder.name}/{key}.png",
                       "data": "data:image/png;base64," + base64.b64encode(png).decode("ascii")})
    tables = _tables(answers, names)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    page = env.get_template("report.html").render(title=title or "تقرير الدبلوماسية · diplomacy report",
                                                  charts=charts, tables=tables, totals=_totals(answers))
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, page, encoding="utf-8")
    return ReportSummary(path, tuple(c["file"] for c in charts), tuple(tables))


def _totals(answers: dict) -> dict[str, int]:
    months = answers["meetings-by-month"][1]
    return {"meetings": sum(r["meetings"] for r in months), "calls": sum(r["calls"] for r in months),
            "undated": sum(r["meetings"] + r["calls"] for r in months if not r["month"])}


def _tables(answers: dict, names: dict[str, str]) -> list[Table]:
    def text(value: Any) -> str:
        return names.get(value, value) if isinstance(value, str) else f"{value}"

    tables = []
    for name, (columns, rows) in answers.items():
        tables.append(Table(name, tuple(columns), tuple(tuple(text(row[c]) for c in columns) for row in rows)))
    return tables


# ---------------------------------------------------------------------------------------------
# Charts


def _figure(width: float = 9.0, height: float = 4.2):
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = FONT
    plt.rcParams["axes.spines.top"] = False
    plt.rcParams["axes.spines.right"] = False
    return plt.subplots(figsize=(width, height), dpi=110)


def _png(figure) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def _month_ticks(axis, months: list[str]) -> None:
    step = max(1, len(months) // 14)
    axis.set_xticks(range(0, len(months), step))
    axis.set_xticklabels(months[::step], rotation=45, ha="right", fontsize=8)
    _whole_numbers(axis.yaxis)


def _whole_numbers(axis) -> None:
    """Counts are whole: no ticks at 0.5 on a month of one or two meetings."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _meetings_chart(answers: dict, names: dict) -> bytes | None:
    rows = [r for r in answers["meetings-by-month"][1] if r["month"]]
    if not rows:
        return None
    from kg.viz.html import _months_between

    months = _months_between(rows[0]["month"], rows[-1]["month"])
    by_month = {r["month"]: r for r in rows}
    meetings = [by_month.get(m, {}).get("meetings", 0) for m in months]
    calls = [by_month.get(m, {}).get("calls", 0) for m in months]
    figure, axis = _figure()
    axis.bar(range(len(months)), meetings, color="#4e79a7", label="لقاءات · meetings")
    axis.bar(range(len(months)), calls, bottom=meetings, color="#ff9da7", label="اتصالات هاتفية · phone calls")
    _month_ticks(axis, months)
    axis.set_title("اللقاءات والاتصالات شهرياً · meetings and calls per month")
    axis.legend(frameon=False)
    return _png(figure)


def _barh(rows: list[tuple[str, list[int]]], series: list[tuple[str, str]], title: str) -> bytes | None:
    if not rows:
        return None
    figure, axis = _figure(9.0, 0.6 + 0.32 * len(rows))
    left = [0] * len(rows)
    positions = list(range(len(rows)))[::-1]
    for number, (label, color) in enumerate(series):
        values = [values[number] for _, values in rows]
        axis.barh(positions, values, left=left, color=color, label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axis.set_yticks(positions)
    axis.set_yticklabels([name for name, _ in rows], fontsize=9)
    _whole_numbers(axis.xaxis)
    axis.set_title(title)
    axis.legend(frameon=False, loc="lower right")
    return _png(figure)


def _actors_chart(answers: dict, names: dict) -> bytes | None:
    rows = answers["most-active-actors"][1][:TOP]
    return _barh([(names.get(r["actor"], r["actor"]), [r["meetings"], r["statements"]]) for r in rows],
                 [("لقاءات · meetings", "#4e79a7"), ("تصريحات · statements", "#edc948")],
                 "الجهات الأكثر نشاطاً · most active actors")


def _speakers_chart(answers: dict, names: dict) -> bytes | None:
    rows = answers["most-quoted-speakers"][1][:TOP]
    return _barh([(names.get(r["speaker"], r["speaker"]), [r["directQuotes"], r["statements"] - r["directQuotes"]])
                  for r in rows],
                 [("اقتباس مباشر · direct quotes", "#e15759"), ("كلام منقول · reported", "#f1ce63")],
                 "أكثر المتحدثين اقتباساً · most quoted speakers")  # fmt: skip


def _pairs_chart(answers: dict, names: dict) -> bytes | None:
    rows = answers["country-pairs"][1]
    if not rows:
        return None
    weight = Counter()
    for r in rows:
        weight[r["country1"]] += r["meetings"]
        weight[r["country2"]] += r["meetings"]
    countries = [c for c, _ in sorted(weight.items(), key=lambda item: (-item[1], item[0]))[:TOP_COUNTRIES]]
    where = {c: i for i, c in enumerate(countries)}
    matrix = [[0] * len(countries) for _ in countries]
    for r in rows:
        if r["country1"] in where and r["country2"] in where:
            a, b = where[r["country1"]], where[r["country2"]]
            matrix[a][b] = matrix[b][a] = r["meetings"]
    figure, axis = _figure(7.5, 6.5)
    image = axis.imshow(matrix, cmap="Blues")
    labels_ar = [names.get(c, c) for c in countries]
    axis.set_xticks(range(len(countries)))
    axis.set_xticklabels(labels_ar, rotation=60, ha="right", fontsize=9)
    axis.set_yticks(range(len(countries)))
    axis.set_yticklabels(labels_ar, fontsize=9)
    most = max(max(line) for line in matrix) or 1
    for a, line in enumerate(matrix):
        for b, value in enumerate(line):
            if value:
                axis.text(b, a, str(value), ha="center", va="center", fontsize=8,
                          color="white" if value > most / 2 else "#1f2933")
    _whole_numbers(figure.colorbar(image, ax=axis, shrink=0.7).ax.yaxis)
    axis.set_title("لقاءات بين الدول · meetings between countries")
    return _png(figure)


def _topics_chart(answers: dict, names: dict) -> bytes | None:
    rows = [r for r in answers["topics-by-month"][1] if r["month"]]
    if not rows:
        return None
    from kg.viz.html import _months_between

    total = Counter()
    for r in rows:
        total[r["topic"]] += r["meetings"] + r["statements"]
    topics = [t for t, _ in sorted(total.items(), key=lambda item: (-item[1], item[0]))[:TOP_TOPICS]]
    months = _months_between(min(r["month"] for r in rows), max(r["month"] for r in rows))
    where = {m: i for i, m in enumerate(months)}
    figure, axis = _figure()
    palette = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2"]
    for number, topic in enumerate(topics):
        series = [0] * len(months)
        for r in rows:
            if r["topic"] == topic:
                series[where[r["month"]]] += r["meetings"] + r["statements"]
        axis.plot(range(len(months)), series, marker="o", markersize=3, color=palette[number],
                  label=names.get(topic, topic))
    _month_ticks(axis, months)
    axis.set_title("المواضيع عبر الزمن (لقاءات وتصريحات) · topics over time")
    axis.legend(frameon=False, fontsize=8)
    return _png(figure)


_CHARTS = (
    ("meetings-by-month", "اللقاءات والاتصالات شهرياً · meetings and calls per month", _meetings_chart),
    ("most-active-actors", "الجهات الأكثر نشاطاً · most active actors", _actors_chart),
    ("country-pairs", "لقاءات بين الدول · country pairs", _pairs_chart),
    ("topics-by-month", "المواضيع عبر الزمن · topics over time", _topics_chart),
    ("most-quoted-speakers", "أكثر المتحدثين اقتباساً · most quoted speakers", _speakers_chart),
)
