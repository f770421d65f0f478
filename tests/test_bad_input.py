"""Bad input through `kg build` and `kg extract`: each bad input next to a good article.

What is asked of every case: one clear line on stderr per problem, naming the file (and the line
for JSONL); the good articles still built into the output graph; exit status 0 when every input was
read, 1 when some could not be, 2 for a usage error. One case runs the installed `kg` script in a
subprocess under the C locale.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import RDF

from kg.cli import main
from kg.rdf.namespaces import DIP

GOOD = {
    "id": "good-safadi-shoukry",
    "title": "الصفدي وشكري يبحثان الأوضاع في غزة",
    "text": "بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري في عمان اليوم "
    "الأوضاع في قطاع غزة وسبل وقف إطلاق النار.",
    "published": "2024-04-09",
}
GOOD_TXT = (
    "وزير الخارجية العماني في دمشق\n"
    "استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي."
)
FIFTY_MB = 50 * 1024 * 1024


def good_jsonl(folder: Path, name: str = "good.jsonl") -> Path:
    path = folder / name
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def built_ids(path: Path) -> set[str]:
    """The ids of the articles in a graph file kg wrote."""
    dataset = Dataset(default_union=True)
    dataset.parse(path, format="trig")
    return {str(dataset.value(node, DIP.articleId)) for node in dataset.subjects(RDF.type, DIP.Article)}


def run_build(capsys, *args: str) -> tuple[int, list[str]]:
    status = main(["build", *map(str, args), "--quiet"])
    err = capsys.readouterr().err
    return status, err.splitlines()


def assert_one_line_naming(lines: list[str], path: Path, *words: str, line: int | None = None) -> str:
    """Exactly one stderr line, naming the file (and line), holding the given words."""
    where = f"{path}:{line}:" if line is not None else f"{path}:"
    (message,) = [m for m in lines if where in m]
    assert message.startswith("kg build: ")
    for word in words:
        assert word in message, message
    return message


# --- each bad input, next to a good one -----------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", ["empty"]),
        ("blank.txt", b"  \n\r\n\t\n", ["empty"]),
        ("image.txt", bytes(range(256)) * 40, ["binary"]),
        ("photo.jpg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(200)) * 10, ["binary"]),
        ("latin1.txt", "Communiqué de presse\nLe ministre a reçu son homologue à Genève.".encode("latin-1"),
         ["utf-8", "--encoding"]),
        ("windows-1256.txt", GOOD_TXT.encode("cp1256"), ["utf-8", "--encoding"]),
        ("empty.jsonl", b"", ["empty"]),
    ],
    ids=["empty", "blank", "binary", "jpeg-bytes", "latin-1", "windows-1256", "empty-jsonl"],
)
def test_a_file_that_cannot_be_read(tmp_path, capsys, name, content, words):
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, good_jsonl(tmp_path), bad, "-o", out)
    assert status == 1
    assert len(lines) == 1
    assert_one_line_naming(lines, bad, *words)
    assert built_ids(out) == {GOOD["id"]}


def test_a_missing_path(tmp_path, capsys):
    missing = tmp_path / "no-such-article.txt"
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, good_jsonl(tmp_path), missing, "-o", out)
    assert status == 1
    assert len(lines) == 1
    assert_one_line_naming(lines, missing, "no such file")
    assert built_ids(out) == {GOOD["id"]}


def test_a_jsonl_file_with_one_broken_line_among_good_ones(tmp_path, capsys):
    path = tmp_path / "batch.jsonl"
    records = [dict(GOOD, id=f"good-{n}") for n in range(1, 5)]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(2, '{"id": "broken", "text": "استقبل الرئيس')  # line 3 is cut short
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.trig"
    status, messages = run_build(capsys, path, "-o", out)
    assert status == 1
    assert len(messages) == 1
    assert_one_line_naming(messages, path, "JSON", line=3)
    assert built_ids(out) == {"good-1", "good-2", "good-3", "good-4"}


def test_a_jsonl_line_in_windows_1256_among_utf8_ones_is_one_line_of_error(tmp_path, capsys):
    path = tmp_path / "batch.jsonl"
    good = [json.dumps(dict(GOOD, id=f"good-{n}"), ensure_ascii=False).encode("utf-8") for n in (1, 2)]
    pasted = json.dumps(dict(GOOD, id="pasted"), ensure_ascii=False).encode("cp1256")  # copied from an old page
    path.write_bytes(b"\n".join([good[0], pasted, good[1]]) + b"\n")
    out = tmp_path / "out.trig"
    status, messages = run_build(capsys, path, "-o", out)
    assert status == 1
    assert len(messages) == 1
    assert_one_line_naming(messages, path, "not utf-8 text", "column", "--encoding", line=2)
    assert built_ids(out) == {"good-1", "good-2"}


def test_non_arabic_text_is_read_with_a_warning(tmp_path, capsys):
    english = tmp_path / "english.txt"
    english.write_text("Ministers meet in Geneva\nThe two ministers met in Geneva today.", encoding="utf-8")
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, good_jsonl(tmp_path), english, "-o", out)
    assert status == 0  # it was read; there is just nothing to find in it
    assert len(lines) == 1
    assert_one_line_naming(lines, english, "Arabic", "warning")
    assert built_ids(out) == {GOOD["id"], "english"}


def test_a_50_mb_file_is_refused_with_its_size(tmp_path, capsys):
    big = tmp_path / "huge.txt"
    line = ("عنوان\n" + "استقبل الرئيس وزير الخارجية في القصر اليوم وبحث معه العلاقات الثنائية. " * 100 + "\n").encode()
    with big.open("wb") as out_file:
        while out_file.tell() < FIFTY_MB:
            out_file.write(line)
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, good_jsonl(tmp_path), big, "-o", out)
    assert status == 1
    assert len(lines) == 1
    assert_one_line_naming(lines, big, "too large", "MB", "--max-size")
    assert built_ids(out) == {GOOD["id"]}


def test_a_50_mb_line_in_a_jsonl_file_is_refused_and_the_other_lines_are_built(tmp_path, capsys):
    path = tmp_path / "batch.jsonl"
    huge = json.dumps({"id": "huge", "text": "ا" * (FIFTY_MB // 2)}, ensure_ascii=False)  # 2 bytes a letter
    with path.open("w", encoding="utf-8") as out_file:
        out_file.write(json.dumps(dict(GOOD, id="before"), ensure_ascii=False) + "\n")
        out_file.write(huge + "\n")
        out_file.write(json.dumps(dict(GOOD, id="after"), ensure_ascii=False) + "\n")
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, path, "-o", out)
    assert status == 1
    assert len(lines) == 1
    assert_one_line_naming(lines, path, "too large", line=2)
    assert built_ids(out) == {"before", "after"}


def test_every_bad_input_at_once_gives_one_line_each(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    folder = tmp_path / "in"
    good_jsonl(folder)
    (folder / "good.txt").write_text(GOOD_TXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("Élysée: le président a reçu".encode("latin-1"))
    (folder / "broken.jsonl").write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    missing = tmp_path / "gone"
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, folder, missing, "-o", out)
    assert status == 1
    assert len(lines) == 5
    assert all(line.startswith("kg build: ") for line in lines)
    assert_one_line_naming(lines, folder / "empty.txt", "empty")
    assert_one_line_naming(lines, folder / "binary.txt", "binary")
    assert_one_line_naming(lines, folder / "latin1.txt", "utf-8")
    assert_one_line_naming(lines, folder / "broken.jsonl", "JSON", line=2)
    assert_one_line_naming(lines, missing, "no such file")
    built = built_ids(out)
    assert {GOOD["id"], "good"} <= built
    assert len(built) == 3  # and the good first line of broken.jsonl


def test_an_encoding_option_reads_a_legacy_arabic_file(tmp_path, capsys):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(GOOD_TXT.encode("cp1256"))
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, legacy, "--encoding", "cp1256", "-o", out)
    assert (status, lines) == (0, [])
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="trig")
    assert (None, None, Literal("بدر البوسعيدي", lang="ar")) in dataset


def test_all_good_input_exits_0_and_says_nothing_on_stderr(tmp_path, capsys):
    txt = tmp_path / "good.txt"
    txt.write_text(GOOD_TXT, encoding="utf-8")
    out = tmp_path / "out.trig"
    status, lines = run_build(capsys, good_jsonl(tmp_path), txt, "-o", out)
    assert (status, lines) == (0, [])
    assert built_ids(out) == {GOOD["id"], "good"}


def test_kg_extract_reports_the_same_way(tmp_path, capsys):
    missing = tmp_path / "missing.jsonl"
    status = main(["extract", str(good_jsonl(tmp_path)), str(missing)])
    out, err = capsys.readouterr()
    assert status == 1
    (line,) = err.splitlines()
    assert line.startswith("kg extract: ") and str(missing) in line
    (record,) = [json.loads(x) for x in out.splitlines()]
    assert record["id"] == GOOD["id"]


# --- usage errors -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["build", "{good}"], ["-o", "--store"]),
        (["build", "{good}", "-o", "{out}", "--format", "xml-ish"], ["xml-ish", "turtle", "trig"]),
    ],
    ids=["no-output", "unknown-format"],
)
def test_usage_errors_exit_2_with_one_line(tmp_path, capsys, args, words):
    good, out = good_jsonl(tmp_path), tmp_path / "out.ttl"
    status = main([a.format(good=good, out=out) for a in args])
    err = capsys.readouterr().err
    assert status == 2
    (line,) = err.splitlines()
    assert line.startswith("kg build: ")
    for word in words:
        assert word in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["extract", "{good}", "--format", "xml"], ["--format", "xml", "json", "jsonl"]),
        (["build", "{good}", "-o", "{out}", "--date", "9/4/2024"], ["--date", "YYYY-MM-DD"]),
        (["build"], ["INPUT"]),
    ],
    ids=["extract-unknown-format", "bad-date", "no-input"],
)
def test_argument_errors_exit_2_and_say_what_is_wrong(tmp_path, capsys, args, words):
    good, out = good_jsonl(tmp_path), tmp_path / "out.ttl"
    with pytest.raises(SystemExit) as raised:
        main([a.format(good=good, out=out) for a in args])
    assert raised.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    for word in words:
        assert word in last, last
    assert not out.exists()


# --- the installed script -----------------------------------------------------------------------

def test_the_installed_script_under_the_c_locale(tmp_path, kg_bin):
    missing = tmp_path / "مقال-مفقود.txt"
    out = tmp_path / "out.trig"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING"))}
    env["LC_ALL"] = "C"
    result = subprocess.run(
        [str(kg_bin), "build", str(good_jsonl(tmp_path)), str(missing), "-o", str(out)],
        capture_output=True, env=env, timeout=120, check=False,
    )
    assert result.returncode == 1
    err = result.stderr.decode("utf-8")
    (line,) = err.splitlines()
    assert line == f"kg build: {missing}: no such file or folder"
    assert "articles 1" in result.stdout.decode("utf-8")
    assert built_ids(out) == {GOOD["id"]}
