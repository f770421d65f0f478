"""`kg push (--store DIR | --graph FILE...) --endpoint URL`: load article graphs into a remote store."""

from __future__ import annotations

import sys

from kg.cli._common import add_source_arguments, resolve_sources
from kg.errors import UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "push",
        help="load the article graphs into a remote SPARQL store (Graph Store Protocol or SPARQL Update)",
        description="Load each article's named graph into a remote store, replacing what the store held under "
        "that name, so pushing again changes nothing. Uses the SPARQL 1.1 Graph Store Protocol where the "
        "store offers it (PUT per graph), else SPARQL Update (DROP SILENT GRAPH + INSERT DATA, batched). "
        "Credentials come from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD or a netrc file. A count query "
        "afterwards confirms how many triples each graph holds on the server.",
    )
    add_source_arguments(parser)
    parser.add_argument("--endpoint", required=True, metavar="URL",
                        help="the store's SPARQL query URL (Oxigraph: .../query, Virtuoso: .../sparql)")
    parser.add_argument("--update-endpoint", metavar="URL", help="its SPARQL Update URL, if not the usual one")
    parser.add_argument("--graph-store", metavar="URL",
                        help="its Graph Store Protocol URL, if not the usual one (e.g. .../sparql-graph-crud-auth)")
    parser.add_argument("--protocol", choices=("auto", "gsp", "update"), default="auto",
                        help="how to load (default: the Graph Store Protocol where known, else SPARQL Update)")
    parser.add_argument("--batch", type=int, default=10_000, metavar="N", help="at most N triples per request")
    parser.add_argument("--into", metavar="IRI",
                        help="the named graph for triples outside any (as from a Turtle file)")
    parser.add_argument("--only", action="append", metavar="IRI", help="push only this named graph (repeatable)")
    parser.add_argument("--delete", action="append", metavar="IRI",
                        help="instead of pushing, remove this named graph from the store (repeatable)")
    parser.add_argument("--auth", choices=("basic", "digest"), help="HTTP auth for queries (pushes negotiate it)")
    parser.add_argument("--netrc", metavar="FILE", help="netrc file with the store's credentials (default ~/.netrc)")
    parser.add_argument("--timeout", type=float, default=120.0, metavar="S", help="seconds per request (default 120)")
    parser.add_argument("--retries", type=int, default=5, metavar="N", help="retries of transient failures")
    parser.add_argument("--no-verify", action="store_true", help="skip the count query after pushing")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress, only the summary")
    parser.set_defaults(run=run)


def run(args) -> int:
    resolve_sources(args)
    from kg.remote import count_graphs, delete_graph, endpoint_from_url, push

    endpoint = endpoint_from_url(
        args.endpoint,
        update_url=args.update_endpoint,
        graph_store_url=args.graph_store,
        auth=args.auth,
        timeout=args.timeout,
        netrc_file=args.netrc,
        retries=args.retries,
    )
    if args.delete:
        if args.graph or args.store is not None:
            raise UsageError("--delete removes graphs from the endpoint; leave out --graph and --store")
        for graph in args.delete:
            delete_graph(endpoint, graph, protocol=args.protocol)
        left = count_graphs(endpoint, args.delete)
        print(f"{endpoint}: removed {len(args.delete)} graphs" + (f"; still there: {', '.join(left)}" if left else ""))
        return 1 if left else 0
    if not args.graph and args.store is None:
        raise UsageError("no graph given: pass graph files or a store folder (or --graph FILE, --store DIR)")
    from kg.store import load_files, open_store

    source = open_store(args.store, read_only=True) if args.store is not None and not args.graph else load_files(
        args.graph, args.store
    )
    progress = None
    if not args.quiet and sys.stderr.isatty():
        def progress(done: int, total: int) -> None:
            print(f"\rkg push: {done}/{total} graphs", end="" if done < total else "\n", file=sys.stderr)

    summary = push(
        source,
        endpoint,
        graphs=args.only,
        protocol=args.protocol,
        batch=args.batch,
        into=args.into,
        verify=not args.no_verify,
        progress=progress,
    )
    print(summary)
    return 1 if summary.mismatched and not args.no_verify else 0
