"""`kg extract INPUT... --format json`: the facts of each article as JSON, one object a line."""

from __future__ import annotations

import json
import sys

from kg.cli.build import add_article_options, read_inputs
from kg.rdf.namespaces import DIPR_IRI


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="print the facts of each article as JSON",
        description="Print one JSON object per article, one per line: entities (with each mention's "
        "character offsets into the article's text), meetings, statements and topics.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    parser.add_argument("--format", choices=("json", "jsonl"), default="json",
                        help="json and jsonl both print one compact object per line")
    parser.add_argument("--pretty", action="store_true", help="indent each object (no longer one per line)")
    add_article_options(parser)
    parser.add_argument("--base", default=DIPR_IRI, help="base IRI the node IRIs are given under")
    parser.set_defaults(run=run)


def run(args) -> int:
    from kg.extract.pipeline import extract
    from kg.facts_json import facts_to_dict

    articles, problems = read_inputs(args)
    failed = 0
    for article in articles():
        try:
            record = facts_to_dict(extract(article), args.base)
        except Exception as err:  # reported, and the rest of the batch goes on
            failed += 1
            print(f"kg extract: {article.source or article.id}: extraction failed ({type(err).__name__}: {err})",
                  file=sys.stderr)
            continue
        text = json.dumps(record, ensure_ascii=False, indent=2 if args.pretty else None)
        sys.stdout.write(text + "\n")
    return 1 if failed or any(p.fatal for p in problems) else 0
