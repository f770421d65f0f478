"""Every file kg writes appears only when whole, an output that is an input is refused, and the
ways an output cannot be written are one line each (issue 15, section 5)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = ("الرباط - استقبل وزير الخارجية المغربي في الرباط اليوم نظيره الموريتاني، وبحث الجانبان "
           "التعاون في مجال الطاقة والربط الطرقي بين البلدين.\n")


def kg(*args: str, env: dict | None = None, fsize: int | None = None, cwd: Path | None = None):
    def limit():
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    full = {k: v for k, v in os.environ.items() if k != "KG_FAILPOINT"} | (env or {})
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=180,
                          env=full, preexec_fn=limit, cwd=cwd)


def one_line(done: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("outputs")
    article = root / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = kg("build", str(article), "--store", str(root / "store"), "-o", str(root / "a.ttl"), "-q")
    assert done.returncode == 0, done.stderr
    return {"article": article, "store": root / "store", "graph": root / "a.ttl"}


def test_an_output_that_is_an_input_is_refused(inputs, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = kg("build", str(article), "-o", str(article), "--format", "turtle")
    assert done.returncode == 1 and "is one of the inputs" in one_line(done)
    assert article.read_text(encoding="utf-8") == ARTICLE
    graph = tmp_path / "g.ttl"
    graph.write_bytes(inputs["graph"].read_bytes())
    for args in (["export", "--graph", str(graph), "-o", str(graph)],
                 ["query", "SELECT * WHERE { ?s ?p ?o }", "--graph", str(graph), "-o", str(graph)],
                 ["export", "--store", str(inputs["store"]), "--format", "turtle",
                  "-o", str(inputs["store"] / "x.ttl")]):
        done = kg(*args)
        assert done.returncode == 1 and "is one of the inputs" in one_line(done), args
    assert graph.read_bytes() == inputs["graph"].read_bytes()


def test_outputs_that_cannot_be_written_are_one_line_each(inputs, tmp_path):
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    store, article = str(inputs["store"]), str(inputs["article"])
    cases = [
        (["build", article, "-o", str(tmp_path), "--format", "turtle"], "it is a folder"),
        (["build", article, "-o", str(a_file / "g.ttl")], "a folder on its path is a file"),
        (["export", "--store", store, "--format", "jsonld", "-o", str(tmp_path / "g.jsonld"),
          "--context", str(tmp_path)], "it is a folder"),
        (["query", "SELECT * WHERE { ?s ?p ?o }", "--store", store, "-o", str(tmp_path)], "it is a folder"),
        (["viz", "--store", store, "-o", str(a_file / "deeper" / "g.html")], "a folder on its path is a file"),
    ]
    for args, reason in cases:
        done = kg(*args)
        assert done.returncode == 1 and reason in one_line(done), (args, done.stderr)
    assert not (tmp_path / "g.jsonld").exists()  # refused before any work


def test_the_file_size_limit_is_one_line_and_leaves_nothing(inputs, tmp_path):
    target = tmp_path / "big.nq"
    done = kg("export", "--store", str(inputs["store"]), "--format", "nquads", "-o", str(target), fsize=512)
    assert done.returncode == 1 and "file-size limit" in one_line(done)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_line(inputs, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    done = kg("build", str(inputs["article"]), "-o", str(folder / "g.ttl"))
    assert done.returncode == 1 and "not writable" in one_line(done)


def test_every_writer_killed_before_its_rename_leaves_nothing_under_the_name(inputs, tmp_path):
    store, article = str(inputs["store"]), str(inputs["article"])
    old = "an earlier file, kept whole\n"
    writers = {
        "g.ttl": ["build", article, "-o"],
        "g.nq": ["export", "--store", store, "--format", "nquads", "-o"],
        "rows.csv": ["query", "SELECT * WHERE { ?s ?p ?o }", "--store", store, "--format", "csv", "-o"],
        "page.html": ["viz", "--store", store, "-o"],
    }
    for name, args in writers.items():
        for existing in (False, True):
            target = tmp_path / f"{int(existing)}{name}"
            if existing:
                target.write_text(old, encoding="utf-8")
            done = kg(*args, str(target), env={"KG_FAILPOINT": "atomic.before-rename"})
            assert done.returncode == -9, (args, done.stderr)
            if existing:
                assert target.read_text(encoding="utf-8") == old
            else:
                assert not target.exists(), args
        done = kg(*args, str(tmp_path / f"0{name}"))
        assert done.returncode == 0 and (tmp_path / f"0{name}").stat().st_size > 0, done.stderr


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_two_builds_of_the_same_articles_are_byte_identical(tmp_path, suffix):
    root = Path(__file__).resolve().parent.parent
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"g{seed}{suffix}"
        done = kg("build", str(root / "examples"), "-o", str(target), "-q", env={"PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] and len(outputs[0]) > 10_000
