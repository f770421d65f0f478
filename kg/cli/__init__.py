"""The `kg` command: a thin layer that parses arguments and calls public functions.

Each subcommand lives in its own module here with `register(subparsers)`, which adds its parser
and sets `run=function(args) -> exit status`. Modules are found by name, so adding a command
never touches this file. Only the command being run is imported (`kg --help` imports none), so
that no command pays for what the others use (rdflib, pyshacl, networkx...).
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

from kg.errors import KgError, Terminated


def build_parser(only: str | None = None, *, overview: bool = False) -> argparse.ArgumentParser:
    """The parser of every command, each registered in full; with `only`, that command's alone.

    With `overview`, the commands are listed by name and summary without being imported (the
    summary is read from the source of their `add_parser` call): what `kg --help` and a
    misspelled command need, in a fraction of the time that importing every command takes."""
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Build a knowledge graph of diplomacy (actors, meetings, statements, topics) "
        "from Arabic news, and query, export, load and explore it.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in command_names():
        if only is not None and name != only:
            continue
        summary = _summary(name) if overview else None
        if summary is not None:
            subparsers.add_parser(name, help=summary)
            continue
        register = getattr(importlib.import_module(f"{__name__}.{name}"), "register", None)
        if register is not None:
            register(subparsers)
    return parser


def command_names() -> list[str]:
    """The commands: every module of this package whose name does not start with "_"."""
    return sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))


def _command_at(argv: list[str]) -> int | None:
    """Where the command's name is on a command line (None for `kg`, `kg --help`, a misspelled
    command: what the overview answers)."""
    for index, token in enumerate(argv):
        if token in ("-h", "--help"):
            return None
        if not token.startswith("-"):
            return index if token in command_names() else None
    return None


def _parse(argv: list[str]) -> argparse.Namespace:
    """The arguments of a command line. A command's own arguments are parsed intermixed: its
    positionals may come before, between or after its options (`kg query --graph g.ttl NAME`,
    `kg stats g.ttl --top 5`), since no option takes more than one value per use."""
    at = _command_at(argv)
    if at is None:
        parser = build_parser(overview=True)
        for token in argv:
            if token in ("-h", "--help"):
                break
            if not token.startswith("-"):
                parser.error(_unknown_command(token))
        return parser.parse_args(argv)
    name = argv[at]
    parser = build_parser(only=name)
    if argv[:at]:  # only -h/--help can come before a command, and it was dealt with above
        parser.parse_args(argv[:at])
    command_parser = _subparser(parser, name)
    args = command_parser.parse_intermixed_args(argv[at + 1 :])
    args.command = name
    return args


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    raise KeyError(name)


def _unknown_command(token: str) -> str:
    import difflib

    names = command_names()
    near = difflib.get_close_matches(token, names, n=2, cutoff=0.5)
    hint = f" (did you mean {' or '.join(repr(n) for n in near)}?)" if near else ""
    return f"unknown command {token!r}{hint}; commands: {', '.join(names)}"


def _summary(name: str) -> str | None:
    """The help= of the command's `add_parser(name, help=...)` call, read from its source without
    running it (None when the source cannot say, and the command is then imported)."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec(f"{__name__}.{name}")
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    try:
        with open(spec.origin, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_parser"
                and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value == name):
            for keyword in node.keywords:
                if keyword.arg == "help" and isinstance(keyword.value, ast.Constant):
                    return str(keyword.value.value)
    return None


def main(argv: list[str] | None = None) -> int:
    """Run `kg ARGS`; returns the exit status (0 ok, 1 some inputs failed, 2 usage error)."""
    _utf8_streams()
    if argv is None:
        # under LC_ALL=C, Python hands Arabic arguments over surrogate-escaped: decode them as UTF-8
        argv = [_utf8_argument(a) for a in sys.argv[1:]]
    args = _parse(argv)
    from kg import guard  # here, not at the top: `kg --help` needs none of what it imports (urllib, expat)

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
