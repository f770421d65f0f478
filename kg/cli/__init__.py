"""The `kg` command: a thin layer that parses arguments and calls public functions.

Each subcommand lives in its own module here with `register(subparsers)`, which adds its parser
and sets `run=function(args) -> exit status`. Modules are found by name, so adding a command
never touches this file.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import pkgutil
import signal
import sys
import threading

from kg import guard
from kg.errors import KgError, Terminated


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph of diplomacy (actors, meetings, statements, topics) "
        "from Arabic news, and query, export, load and explore it.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run `kg ARGS`; returns the exit status (0 ok, 1 some inputs failed, 2 usage error)."""
    _utf8_streams()
    parser = build_parser()
    if argv is None:
        # under LC_ALL=C, Python hands Arabic arguments over surrogate-escaped: decode them as UTF-8
        argv = [_utf8_argument(a) for a in sys.argv[1:]]
    args = parser.parse_args(argv)
    try:
        with guard.policy(allow_network=getattr(args, "allow_network", False),
                          max_graph_mb=getattr(args, "max_graph_size", None)), _terminated_on_sigterm():
            return int(args.run(args) or 0)
    except KgError as err:
        print(f"kg {args.command}: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 128 + signal.SIGINT
    except Terminated:
        print(f"kg {args.command}: terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    except BrokenPipeError:  # `kg ... | head` closed the pipe: not an error of ours
        return 0


@contextlib.contextmanager
def _terminated_on_sigterm():
    """SIGTERM raises Terminated, as Ctrl-C raises KeyboardInterrupt: files being written are
    cleaned up and the status is 143 (`kg build` has its own handling, kg.batch.stop)."""

    def handler(signum, frame):
        raise Terminated

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _utf8_argument(argument: str) -> str:
    """An argument the locale could not decode arrives with its bytes as surrogates: read them as UTF-8."""
    if not any("\udc80" <= char <= "\udcff" for char in argument):
        return argument
    return os.fsencode(argument).decode("utf-8", "replace")


def _utf8_streams() -> None:
    """Arabic must print whatever the locale says (a C locale would otherwise raise)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="backslashreplace")


if __name__ == "__main__":
    sys.exit(main())
