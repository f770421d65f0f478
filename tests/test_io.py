"""Reading articles (kg.io.read_articles): .txt, .jsonl, .json, .html and folders of them.

A .txt file's title is its first non-empty line and its text is what follows; a JSONL line needs
only `text`. A byte-order mark, CRLF line ends, tashkeel, tatweel and Eastern Arabic digits are
ordinary input. What cannot be read comes back as a Problem naming the file (and line), never as
an exception, and never stops the rest. Bad input through the command line is in test_bad_input.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg import Article, Problem, read_articles

BODY = "استقبل الرئيس السوري بشار الأسد في دمشق اليوم وزير الخارجية العماني بدر البوسعيدي."
TITLE = "الرئيس الأسد يستقبل وزير الخارجية العماني"


def read(*paths, **options) -> tuple[list[Article], list[Problem]]:
    articles, problems = [], []
    for item in read_articles(paths, **options):
        (articles if isinstance(item, Article) else problems).append(item)
    return articles, problems


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# --- .txt ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw",
    [
        f"{TITLE}\n{BODY}",
        f"\n\n   \n{TITLE}\n{BODY}",  # blank lines before the title
        f"\ufeff{TITLE}\r\n{BODY}",  # byte-order mark and CRLF
        f"{TITLE}\r{BODY}",  # old Mac line ends
    ],
    ids=["plain", "leading-blank-lines", "bom-crlf", "cr"],
)
def test_txt_title_is_the_first_non_empty_line_and_the_text_follows(tmp_path, raw):
    path = tmp_path / "assad-busaidi.txt"
    path.write_bytes(raw.encode("utf-8"))
    (article,), problems = read(path)
    assert problems == []
    assert article.title == TITLE
    assert article.text == BODY
    assert article.id == "assad-busaidi"
    assert article.source == str(path)
    assert article.published is None and article.publisher == ""


def test_txt_date_and_publisher_come_from_the_options(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    (article,), _ = read(path, date=dt.date(2024, 4, 9), publisher="وكالة الأنباء العمانية")
    assert article.published == dt.date(2024, 4, 9)
    assert article.publisher == "وكالة الأنباء العمانية"


def test_a_one_line_txt_file_is_read_as_text(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(BODY, encoding="utf-8")
    (article,), _ = read(path)
    assert article.text == BODY


@pytest.mark.parametrize(
    "body",
    [
        "استقبلَ الرئيسُ السوريُّ بشّارُ الأسدِ اليومَ وزيرَ الخارجيةِ.",  # tashkeel
        "استقبـــل الرئيـس السـوري بشـار الأسـد اليـوم وزيـر الخارجيـة.",  # tatweel
        "الكويت - ١٦ - ٣ (كونا) -- استقبل وزير الخارجية المبعوث الأممي في ٢٠٢٢.",  # Eastern digits
    ],
    ids=["tashkeel", "tatweel", "eastern-digits"],
)
def test_arabic_spelling_is_read_as_it_is(tmp_path, body):
    path = tmp_path / "a.txt"
    path.write_text(f"{TITLE}\n{body}", encoding="utf-8")
    (article,), problems = read(path)
    assert article.text == body
    assert problems == []


# --- .jsonl and .json --------------------------------------------------------------------------

def test_jsonl_fields(tmp_path):
    record = {
        "id": "oman-syria-1",
        "url": "https://example.org/news/1",
        "title": TITLE,
        "text": BODY,
        "published": "2024-04-09",
        "publisher": "سانا",
    }
    (article,), problems = read(write_jsonl(tmp_path / "a.jsonl", [record]))
    assert problems == []
    assert article == Article(
        id="oman-syria-1",
        text=BODY,
        title=TITLE,
        url="https://example.org/news/1",
        published=dt.date(2024, 4, 9),
        publisher="سانا",
        source=f"{tmp_path / 'a.jsonl'}:1",
    )


def test_jsonl_needs_only_text(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": BODY}, {"text": BODY + " وغادر."}])
    articles, problems = read(path)
    assert problems == []
    assert [a.text for a in articles] == [BODY, BODY + " وغادر."]
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:2"]
    # an article without an id is named by its text: stable, and distinct for distinct texts
    assert articles[0].id != articles[1].id
    assert read(path)[0][0].id == articles[0].id


def test_jsonl_published_may_be_a_timestamp_and_the_options_fill_only_what_is_missing(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "a", "text": BODY, "published": "2023-05-06T12:00:00+03:00", "publisher": "بترا"},
            {"id": "b", "text": BODY},
        ],
    )
    articles, _ = read(path, date=dt.date(2020, 1, 1), publisher="وكالات")
    assert [(a.published, a.publisher) for a in articles] == [
        (dt.date(2023, 5, 6), "بترا"),
        (dt.date(2020, 1, 1), "وكالات"),
    ]


def test_jsonl_text_keeps_its_own_line_ends_and_marks(tmp_path):
    text = "\ufeffدمشـق - سانا\r\nاستقبلَ الرئيس ١٥ وفداً."
    (article,), _ = read(write_jsonl(tmp_path / "a.jsonl", [{"text": text}]))
    assert article.text == text  # offsets refer to the text as given


def test_blank_jsonl_lines_are_skipped_and_numbering_follows_the_file(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": BODY}, ensure_ascii=False) + "\n\n   \n" + json.dumps({"text": BODY}, ensure_ascii=False),
        encoding="utf-8",
    )
    articles, problems = read(path)
    assert problems == []
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:4"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "text": ', "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "x", "title": "بلا نص"}', "'text'"),
        ('{"id": "x", "text": 42}', "'text'"),
        ('{"id": "x", "text": "   "}', "empty"),
    ],
    ids=["broken", "not-an-object", "no-text", "text-not-a-string", "empty-text"],
)
def test_a_bad_jsonl_line_is_a_problem_with_its_line_and_the_others_are_read(tmp_path, line, reason):
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "good", "text": BODY}, ensure_ascii=False)
    path.write_text(f"{good}\n{line}\n{good.replace('good', 'also-good')}\n", encoding="utf-8")
    articles, problems = read(path)
    assert [a.id for a in articles] == ["good", "also-good"]
    (problem,) = problems
    assert (problem.path, problem.line, problem.fatal) == (str(path), 2, True)
    assert reason in problem.reason
    assert str(problem).startswith(f"{path}:2: ")


def test_an_unreadable_published_date_is_reported(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": BODY, "published": "2023-02-30"}])
    articles, problems = read(path, date=dt.date(2024, 4, 9))
    assert [a.id for a in articles] == ["a"]
    assert any(p.line == 1 and not p.fatal and "published" in p.reason for p in problems)


def test_a_json_file_holds_one_article_or_a_list(tmp_path):
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "s", "text": BODY}, ensure_ascii=False), encoding="utf-8")
    several = tmp_path / "many.json"
    several.write_text(
        json.dumps([{"id": "m1", "text": BODY}, {"id": "m2", "text": BODY}], ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    articles, problems = read(single, several)
    assert problems == []
    assert [a.id for a in articles] == ["s", "m1", "m2"]


def test_a_broken_json_file_is_one_problem(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"id": "a", "text": "نص"},\n  {"id": ', encoding="utf-8")
    articles, (problem,) = read(path)
    assert articles == []
    assert problem.path == str(path) and "not valid JSON" in problem.reason


# --- .html --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>لافروف يستقبل فيدان في موسكو</title>
<meta property="article:published_time" content="2023-05-02T10:00:00+03:00">
<script>var headline = "استقبل بوتين ترامب";</script><style>p { color: red }</style></head>
<body><nav><a href="/">الرئيسية</a> <a href="/p">سياسة</a></nav>
<article><h1>لافروف يستقبل فيدان في موسكو</h1>
<p>موسكو - استقبل وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان في موسكو اليوم.</p>
<p>وبحث الجانبان العلاقات الثنائية &amp; الأوضاع في سوريا.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_title_date_and_text_without_scripts_or_navigation(tmp_path):
    path = tmp_path / "lavrov-fidan.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,), problems = read(path)
    assert problems == []
    assert article.id == "lavrov-fidan"
    assert article.title == "لافروف يستقبل فيدان في موسكو"
    assert article.published == dt.date(2023, 5, 2)
    assert "استقبل وزير الخارجية الروسي سيرغي لافروف نظيره التركي هاكان فيدان" in article.text
    assert "العلاقات الثنائية & الأوضاع" in article.text
    for left_out in ("بوتين ترامب", "color", "سياسة", "جميع الحقوق محفوظة"):
        assert left_out not in article.text


# --- folders ------------------------------------------------------------------------------------

def test_a_folder_is_read_in_order_with_its_subfolders_and_only_article_files(tmp_path):
    (tmp_path / "b.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": BODY}])
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "graph.ttl").write_text("<a> <b> <c> .", encoding="utf-8")
    articles, problems = read(tmp_path)
    assert problems == []
    assert [a.id for a in articles] == ["a1", "b", "c"]


def test_an_empty_folder_is_a_problem(tmp_path):
    (tmp_path / "notes.md").write_text("nothing", encoding="utf-8")
    articles, (problem,) = read(tmp_path)
    assert articles == []
    assert problem.path == str(tmp_path) and "no article files" in problem.reason


def test_several_inputs_keep_their_order(tmp_path):
    first, second = tmp_path / "z.txt", tmp_path / "a.txt"
    first.write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    second.write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    articles, _ = read(first, tmp_path / "missing.txt", second)
    assert [a.id for a in articles] == ["z", "a"]


def test_the_bundled_examples_are_all_read(examples_dir):
    articles, problems = read(examples_dir)
    assert problems == []
    assert len(articles) >= 8
    assert len({a.id for a in articles}) == len(articles)
    assert all(a.text.strip() and a.title for a in articles)


def test_a_jsonl_file_with_a_byte_order_mark_and_crlf_line_ends(tmp_path):
    path = tmp_path / "windows.jsonl"
    lines = [json.dumps({"id": n, "text": BODY}, ensure_ascii=False) for n in ("a", "b")]
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    articles, problems = read(path)
    assert problems == []
    assert [(a.id, a.text) for a in articles] == [("a", BODY), ("b", BODY)]


# --- a JSONL line that is not UTF-8 is that line's problem ----------------------------------------

def jsonl_bytes(lines: list[bytes], end: bytes = b"\n", bom: bytes = b"") -> bytes:
    return bom + b"".join(line + end for line in lines)


def good_line(id: str) -> bytes:
    return json.dumps({"id": id, "text": BODY}, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(("end", "bom"), [(b"\n", b""), (b"\r\n", b""), (b"\r\n", b"\xef\xbb\xbf")],
                         ids=["lf", "crlf", "bom-crlf"])
def test_a_jsonl_line_that_is_not_utf8_is_that_lines_problem_and_the_others_are_read(tmp_path, end, bom):
    path = tmp_path / "feed.jsonl"
    latin = '{"id": "x", "text": "Le ministre a reçu"}'.encode("latin-1")  # ç is the byte 0xe7
    path.write_bytes(jsonl_bytes([good_line("first"), b'{"id": "cut", "text": ', latin, good_line("last")], end, bom))
    articles, problems = read(path)
    assert [(a.id, a.text, a.source) for a in articles] == [("first", BODY, f"{path}:1"), ("last", BODY, f"{path}:4")]
    assert [(p.path, p.line, p.fatal) for p in problems] == [(str(path), 2, True), (str(path), 3, True)]
    assert "not valid JSON" in problems[0].reason
    column = latin.index(b"\xe7") + 1
    assert problems[1].reason.startswith(f"not utf-8 text (byte 0xe7 at column {column}); re-encode it")
    assert problems[1].reason.endswith("or pass --encoding")


def test_a_bad_byte_on_the_first_line_counts_its_column_after_the_byte_order_mark(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(jsonl_bytes([b'{"text": "\xff"}', good_line("second")], bom=b"\xef\xbb\xbf"))
    articles, (problem,) = read(path)
    assert [a.id for a in articles] == ["second"]
    assert problem.line == 1 and "byte 0xff at column 11" in problem.reason


def test_a_jsonl_file_with_old_mac_line_ends_keeps_its_line_numbers(tmp_path):
    path = tmp_path / "mac.jsonl"
    path.write_bytes(jsonl_bytes([good_line("a"), b"", b"{", good_line("b")], end=b"\r"))
    articles, (problem,) = read(path)
    assert [(a.id, a.source) for a in articles] == [("a", f"{path}:1"), ("b", f"{path}:4")]
    assert problem.line == 3 and "not valid JSON" in problem.reason


@pytest.mark.parametrize("content", [b"", b" \n\r\n\t", b"\xef\xbb\xbf\n"], ids=["empty", "blank", "bom-only"])
def test_a_jsonl_file_with_nothing_in_it_is_one_problem(tmp_path, content):
    path = tmp_path / "nothing.jsonl"
    path.write_bytes(content)
    articles, (problem,) = read(path)
    assert articles == [] and (problem.reason, problem.line) == ("empty file", None)


def test_a_json_array_or_a_windows_1256_file_is_still_read_whole(tmp_path):
    array = tmp_path / "array.jsonl"  # a JSON document under a .jsonl name
    array.write_bytes(b"\xef\xbb\xbf  \n" + json.dumps([{"id": "in-array", "text": BODY}], indent=1).encode())
    arabic = tmp_path / "arabic.jsonl"
    arabic.write_bytes(json.dumps({"id": "cp1256", "text": BODY}, ensure_ascii=False).encode("cp1256") + b"\r\n")
    assert [(a.id, a.text) for a in read(array)[0]] == [("in-array", BODY)]
    articles, problems = read(arabic, encoding="cp1256")
    assert problems == [] and [(a.id, a.text) for a in articles] == [("cp1256", BODY)]
    bad_array = tmp_path / "bad-array.jsonl"
    bad_array.write_bytes(b'[{"text": "\xff"}]')
    _, (problem,) = read(bad_array)
    assert problem.line is None and "byte 0xff at offset 11" in problem.reason


def test_a_jsonl_line_over_the_limit_is_measured_in_bytes(tmp_path):
    path = tmp_path / "feed.jsonl"
    long = json.dumps({"id": "long", "text": "ا" * 600}, ensure_ascii=False).encode()  # 2 bytes a letter
    path.write_bytes(jsonl_bytes([long, good_line("short")]))
    articles, (problem,) = read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["short"]
    assert problem.line == 1 and "too large for one article" in problem.reason
