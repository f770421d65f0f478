"""The Python API for analysts (issue 11, item 4): `kg.query(...)` with labels, `.to_records()`
and `.to_pandas()`; `kg.open_store`, `kg.actor_network`, `kg.facts_to_dict`; and `import kg`
still loading none of it until it is used."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

import kg
from kg.errors import UsageError

FIXTURE = Path(__file__).parent / "fixtures" / "small.trig"
R = "https://w3id.org/dipkg/resource/"


def test_query_by_name_on_a_store_gives_rows_with_labels(small_store):
    rows = kg.query("meetings-of-actor", small_store, actor="لافروف")
    assert len(rows) >= 4 and "participant_ar" in rows.columns and "place_en" in rows.columns
    first = rows[0]
    assert first["participant"] == f"{R}person/sergey-lavrov"
    assert (first["participant_ar"], first["participant_en"]) == ("سيرغي لافروف", "Sergey Lavrov")
    days = [row["date"] for row in rows if row["date"] is not None]
    assert days and all(isinstance(day, dt.date) for day in days) and days == sorted(days)
    assert all(isinstance(row["sources"], int) for row in rows)


def test_the_same_rows_from_a_file_a_list_an_engine_and_an_rdflib_graph(small_store):
    from kg.engine import open_engine

    def records(rows):  # pairs with as many meetings come in either order
        return sorted(rows.to_records(), key=lambda r: (r["actor1"], r["actor2"]))

    expected = records(kg.query("who-met-whom", small_store))
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    for source in (FIXTURE, str(FIXTURE), [FIXTURE], open_engine(graphs=[FIXTURE]), dataset):
        assert records(kg.query("who-met-whom", source)) == expected


def test_parameters_sparql_text_and_keywords(small_store):
    later = kg.query("meetings-of-actor", small_store, actor="لافروف", **{"from": "2022-01-01"})
    assert later.to_records() and all(r["date"] is None or r["date"] >= dt.date(2022, 1, 1) for r in later)
    raw = kg.query("SELECT ?s WHERE { ?s a <https://w3id.org/dipkg/ontology#Country> } ORDER BY ?s", small_store,
                   labels=False)
    assert raw.columns == ("s",) and {r["s"] for r in raw} >= {f"{R}country/RU", f"{R}country/SY"}
    assert kg.query("ASK { ?s ?p ?o }", small_store) is True
    graph = kg.query(f"DESCRIBE <{R}person/sergey-lavrov>", small_store)
    assert isinstance(graph, Graph) and "person:sergey-lavrov" in graph.serialize(format="turtle")
    with pytest.raises(UsageError, match="did you mean 'actor'"):
        kg.query("meetings-of-actor", small_store, acter="لافروف")


def test_to_pandas(small_store):
    pandas = pytest.importorskip("pandas")
    frame = kg.query("counterparts-of-actor", small_store, actor="لافروف").to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns[:3]) == ["participant", "participant_ar", "participant_en"]
    assert "فيصل المقداد" in set(frame["counterpart_ar"])


def test_to_pandas_without_pandas_says_what_to_install(small_store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    rows = kg.query("who-met-whom", small_store)
    with pytest.raises(UsageError, match="pip install pandas"):
        rows.to_pandas()
    assert rows.to_records()


def test_open_store_and_actor_network(small_store):
    opened = kg.open_store(small_store, read_only=True)
    assert len(opened) > 100
    network = kg.actor_network(small_store)
    lavrov, mekdad = f"{R}person/sergey-lavrov", f"{R}person/faisal-mekdad"
    assert network.nodes[lavrov]["label_ar"] == "سيرغي لافروف"
    assert network.edges[lavrov, mekdad]["weight"] == 2
    assert kg.actor_network(FIXTURE).edges[lavrov, mekdad]["weight"] == 2


def test_facts_to_dict_is_the_json_of_kg_extract():
    text = ("موسكو - استقبل وزير الخارجية الروسي سيرغي لافروف اليوم في موسكو نظيره السوري فيصل المقداد، "
            "وقال المقداد إن البلدين يعملان معاً.")
    record = kg.facts_to_dict(kg.extract(text, published=dt.date(2024, 3, 2)))
    json.dumps(record, ensure_ascii=False)
    names = {e["label"] for e in record["entities"]}
    assert {"سيرغي لافروف", "فيصل المقداد"} <= names
    assert record["meetings"] and record["meetings"][0]["date"] == "2024-03-02"


def test_kg_query_is_the_function_and_the_module_alike():
    import kg.query as module
    from kg.query import find_query

    assert module is kg.query and callable(kg.query)
    assert find_query("who-met-whom").name == "who-met-whom"


def test_import_kg_loads_none_of_the_query_machinery():
    code = ("import sys, kg; kg.query; "
            "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'networkx', 'pandas') if m in sys.modules))")
    lazy = subprocess.run([sys.executable, "-c", "import sys, kg; print('rdflib' in sys.modules)"],
                          capture_output=True, text=True, check=True)
    assert lazy.stdout.strip() == "False"
    used = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "networkx" not in used.stdout and "pandas" not in used.stdout
