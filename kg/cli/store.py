"""`kg store check DIR` / `kg store repair DIR`: is a store's union what its graphs hold, and fix it."""

from __future__ import annotations

from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "store",
        help="check a store (union vs graphs, completion marks) or repair its union",
        description="check: count the store's graphs, quads and union triples, the union triples no graph "
        "holds (stale), the quads the union lacks, graphs without a completion mark and notes about absent "
        "graphs; exit status 0 when healthy, 1 when not. repair: rebuild the union from the graphs and drop "
        "the notes about absent graphs (one transaction), and take the stale entries out of the store's N-Quads log "
        "(the graphs `kg export --format nquads` copies instead of dumping; check reports them).",
    )
    parser.add_argument("action", choices=("check", "repair"), help="what to do")
    parser.add_argument("store", type=Path, metavar="DIR", help="the store folder")
    parser.set_defaults(run=run)


def run(args) -> int:
    from kg.nqlog import drop_stale
    from kg.store import check_store, open_store, repair_store

    store = open_store(args.store, read_only=args.action == "check")
    if args.action == "repair":
        before = check_store(store, str(args.store))
        repair_store(store)
        dropped = drop_stale(store, args.store)
        after = check_store(store, str(args.store), args.store)
        print(f"{args.store}: repaired: {before.stale} stale union triples removed, {before.missing} missing "
              f"quads' triples added, {before.orphan_notes} notes about absent graphs dropped, "
              f"{dropped} stale N-Quads log entries dropped")
        for line in after.lines():
            print(line)
        return 0 if after.healthy else 1
    result = check_store(store, str(args.store), args.store)
    for line in result.lines():
        print(line)
    return 0 if result.healthy else 1
