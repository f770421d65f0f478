"""`kg export (--store DIR | --graph FILE...) --format F -o FILE`: the graph for other tools."""

from __future__ import annotations

from pathlib import Path

from kg.cli._common import add_source_arguments, export_format_option, note, resolve_sources


def register(subparsers) -> None:
    from kg.export import FORMATS

    parser = subparsers.add_parser(
        "export",
        help="write the graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, or the actor network",
        description="Write the graph for other tools: Turtle, N-Triples and RDF/XML hold the union of the "
        "article graphs; N-Quads, TriG and JSON-LD keep one named graph per article (JSON-LD with a compact "
        "@context from the ontology); GraphML and GEXF hold the actor network for Gephi.",
    )
    add_source_arguments(parser)
    parser.add_argument("--format", "-f", type=export_format_option, metavar="FORMAT",
                        help=f"the format: {', '.join(FORMATS)} (or ttl, nq, json-ld, xml...; default: from the -o "
                        "file's suffix)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="the file to write (default: stdout)")
    parser.add_argument("--context", type=Path, metavar="FILE",
                        help="also write the JSON-LD @context on its own to this file")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    parser.set_defaults(run=run)


def run(args) -> int:
    from kg.export import context_document, export

    resolve_sources(args)
    summary = export(args.output, args.format, graphs=args.graph, store=args.store)
    if args.context is not None:
        args.context.parent.mkdir(parents=True, exist_ok=True)
        args.context.write_text(context_document(), encoding="utf-8")
    if not args.quiet:  # beside the data when the data goes to stdout, else on stdout
        note("export", f"wrote {summary}", to_stderr=args.output is None)
    return 0
