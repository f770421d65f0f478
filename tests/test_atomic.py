"""Outputs written whole or not at all (kg.atomic), and `kg build -o` leaving nothing behind on failure."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kg import atomic
from kg.cli import main
from kg.errors import GraphError, UsageError
from kg.graphio import output_format, write_graph

ROOT = Path(__file__).resolve().parent.parent
ONE = ('{"id": "one", "published": "2024-04-09", "text": "استقبل الرئيس السوري بشار الأسد اليوم في دمشق وزير '
       'الخارجية الإيراني حسين أمير عبد اللهيان."}\n')


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# ---------------------------------------------------------------------------- kg.atomic


def test_a_file_is_written_whole_with_the_permissions_a_new_file_gets(tmp_path):
    target = tmp_path / "sub" / "out.txt"
    atomic.write_text(target, "سلام\n")
    assert target.read_text(encoding="utf-8") == "سلام\n"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert leftovers(target.parent) == []


def test_an_error_while_writing_leaves_the_old_file_as_it_was_and_no_temporary_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with pytest.raises(RuntimeError), atomic.atomic_open(target) as handle:
        handle.write("half of the new")
        raise RuntimeError("the serialiser failed")
    assert target.read_text(encoding="utf-8") == "old"
    assert leftovers(tmp_path) == []
    atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its permissions


def test_an_error_before_any_write_creates_no_file(tmp_path):
    target = tmp_path / "never.ttl"
    with pytest.raises(KeyError), atomic.atomic_open(target):
        raise KeyError("x")
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_keeps_pointing_at_its_file_which_gets_the_content(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic.write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("through_a_link", [False, True], ids=["pipe", "link-to-pipe"])  # /dev/stdout is a link
def test_a_target_that_is_not_a_regular_file_is_written_directly(tmp_path, through_a_link):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if through_a_link:
        target = tmp_path / "stdout"
        target.symlink_to(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic.write_text(target, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and leftovers(tmp_path) == []


def test_only_whole_file_modes_are_accepted(tmp_path):
    with pytest.raises(ValueError, match="mode"), atomic.atomic_open(tmp_path / "x", "a"):
        pass


def dead_pid() -> int:
    """The pid of a process that has run and been waited for: no process has it now."""
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_a_killed_writers_temporary_file_goes_and_a_live_writers_stays(tmp_path):
    target = tmp_path / "big.ttl"
    dead = dead_pid()
    killed = tmp_path / f".big.ttl.{dead}-k3j4h5g6.part"
    live = tmp_path / f".big.ttl.{os.getppid()}-a1b2c3d4.part"  # the process that started pytest
    not_ours = [
        ".big.ttl.k3j4h5g6.part",  # no pid in the name
        f".other.ttl.{dead}-k3j4h5g6.part",  # another file's
        f".big.ttl.{dead}-k3j4h5g6.part.bak",
        f"big.ttl.{dead}-k3j4h5g6.part",  # not hidden
        f".big.ttl.{dead}-.part",
    ]
    for name in [killed.name, live.name, *not_ours]:
        (tmp_path / name).write_text("<urn:x:a> <urn:x:b> ", encoding="utf-8")
    atomic.write_text(target, "<urn:x:a> <urn:x:b> <urn:x:c> .\n")
    assert target.read_text(encoding="utf-8") == "<urn:x:a> <urn:x:b> <urn:x:c> .\n"
    assert not killed.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p != target) == sorted([live.name, *not_ours])


def test_the_temporary_file_of_a_writer_killed_mid_write_goes_at_the_next_write(tmp_path):
    target = tmp_path / "big.ttl"
    writer = ("import sys, time\nfrom kg import atomic\nwith atomic.atomic_open(sys.argv[1]) as out:\n"
              "    out.write('<urn:x:a> <urn:x:b> <urn:x:c> .\\n' * 10000)\n    out.flush()\n"
              "    print('writing', flush=True)\n    time.sleep(60)\n")
    env = {**os.environ, "PYTHONPATH": str(Path(atomic.__file__).parents[1])}  # the kg under test
    child = subprocess.Popen([sys.executable, "-c", writer, str(target)], stdout=subprocess.PIPE, env=env)
    try:
        assert child.stdout.readline() == b"writing\n"
        (part,) = leftovers(tmp_path)
        assert part.startswith(f".big.ttl.{child.pid}-")
    finally:
        child.kill()  # SIGKILL: it cannot clean up after itself
        child.wait()
        child.stdout.close()
    assert leftovers(tmp_path) == [part]
    atomic.write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------------------- graph files


@pytest.mark.parametrize("name", ["x.csv", "graph", "x.ttl.bak"])
def test_a_file_name_that_names_no_graph_format_is_a_usage_error(name):
    with pytest.raises(UsageError, match="--format"):
        output_format(name)
    assert output_format(name, "nt") == "nt"
    assert output_format("x.TriG") == "trig"


def test_write_graph_reports_a_folder_it_cannot_write_in_one_line(tmp_path):
    from rdflib import Graph

    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(GraphError, match="cannot write the graph"):
        write_graph(Graph(), blocker / "out.ttl")


# ---------------------------------------------------------------------------- kg build -o


def test_a_build_that_reads_nothing_leaves_no_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["build", "missing.jsonl", "-o", "graph.trig"]) == 1
    out, err = capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    assert "missing.jsonl" in err and "graph.trig not written" in err
    assert "->" not in out  # no summary of a graph that was not written


def test_a_failed_build_keeps_the_previous_file(tmp_path, capsys):
    out = tmp_path / "graph.ttl"
    out.write_text("# the previous graph\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "missing.jsonl"), "-o", str(out), "-q"]) == 1
    assert out.read_text(encoding="utf-8") == "# the previous graph\n"


def test_an_unknown_output_suffix_is_a_usage_error_before_any_work(tmp_path, capsys):
    source = tmp_path / "one.jsonl"
    source.write_text(ONE, encoding="utf-8")
    assert main(["build", str(source), "-o", str(tmp_path / "x.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "x.csv" in err and "--format" in err
    assert not (tmp_path / "x.csv").exists()
    assert main(["build", str(source), "-o", str(tmp_path / "x.csv"), "--format", "nt", "-q"]) == 0
    assert (tmp_path / "x.csv").read_text(encoding="utf-8").startswith("<")


def test_a_build_with_some_failures_still_writes_what_was_read(tmp_path, capsys):
    source = tmp_path / "one.jsonl"
    source.write_text(ONE, encoding="utf-8")
    out = tmp_path / "graph.nt"
    assert main(["build", str(source), str(tmp_path / "missing.jsonl"), "-o", str(out), "-q"]) == 1
    assert "article/one" in out.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == []
