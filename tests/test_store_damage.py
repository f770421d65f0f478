"""A store folder RocksDB cannot open gets one line naming it and saying what to do, and no
command writes into it (issue 15)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "استقبل وزير الخارجية العماني في مسقط نظيره الإيراني وبحثا أمن الملاحة في الخليج.\n"


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("damage")
    article = root / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = kg("build", str(article), "--store", str(root / "store"), "-q")
    assert done.returncode == 0, done.stderr
    return article, root / "store"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def no_current(folder: Path) -> None:
    (folder / "CURRENT").unlink()


def current_is_a_folder(folder: Path) -> None:
    (folder / "CURRENT").unlink()
    (folder / "CURRENT").mkdir()


def tables_damaged(folder: Path) -> None:
    for table in folder.glob("*.sst"):
        data = bytearray(table.read_bytes())
        data[-200:-100] = b"\xff" * 100  # the footer's neighbourhood: checksums no longer match
        table.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [no_current, current_is_a_folder, tables_damaged])
def test_a_damaged_store_is_named_in_one_line_and_never_written(built, tmp_path, damage):
    article, store = built
    damaged = tmp_path / "store"
    shutil.copytree(store, damaged)
    damage(damaged)
    before = snapshot(damaged)
    for args in (["build", str(article), "--store", str(damaged)], ["store", "check", str(damaged)],
                 ["store", "repair", str(damaged)], ["query", "SELECT * WHERE { ?s ?p ?o }", "--store", str(damaged)]):
        done = kg(*args)
        assert done.returncode == 1, (args, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert str(damaged) in done.stderr and "new folder" in done.stderr
    assert snapshot(damaged) == before


def test_a_file_given_as_the_store_is_refused(built, tmp_path):
    article, _ = built
    not_a_folder = tmp_path / "store.ttl"
    not_a_folder.write_text("# a file\n", encoding="utf-8")
    done = kg("build", str(article), "--store", str(not_a_folder))
    assert done.returncode == 1 and "is a file, not a store folder" in done.stderr
    assert not_a_folder.read_text(encoding="utf-8") == "# a file\n"
