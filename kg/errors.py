"""One tree of errors, one place for their messages.

Every message names what it is about (the file, and the line where there is one), says what was
expected and, where there is a closed set of choices, lists them.
"""

from __future__ import annotations

from dataclasses import dataclass


class KgError(Exception):
    """Base of every error kg raises on purpose; the CLI prints it as one line."""

    exit_code = 1


class Terminated(BaseException):
    """SIGTERM, as KeyboardInterrupt is SIGINT: the command stops where it is (exit status 143)."""


class UsageError(KgError):
    """The command line or an API call asked for something that cannot be done as asked."""

    exit_code = 2


class InputError(KgError):
    """An input could not be read as an article (or as a graph)."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class GraphError(KgError):
    """A graph file or store could not be read or written."""


class QueryError(KgError):
    """A SPARQL query could not be found, bound or run."""


class RemoteError(KgError):
    """A remote SPARQL endpoint or graph store refused or failed a request."""


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that was skipped, with the reason: reported, counted, never raised mid-batch."""

    path: str
    reason: str
    line: int | None = None
    fatal: bool = True  # False for warnings: the article was still read

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def unknown_choice(what: str, given: str, valid: list[str] | tuple[str, ...]) -> UsageError:
    """An error for a name outside a closed set: the nearest names ("did you mean"), then all of them."""
    import difflib

    near = difflib.get_close_matches(given, list(valid), n=3, cutoff=0.6)
    hint = f" (did you mean {' or '.join(repr(n) for n in near)}?)" if near else ""
    return UsageError(f"unknown {what} {given!r}{hint}; expected one of: {', '.join(sorted(valid))}")
