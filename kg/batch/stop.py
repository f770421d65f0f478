"""When a batch build stops, and how soon: what Ctrl-C and SIGTERM ask of it.

- The first Ctrl-C (SIGINT) stops reading: the articles being extracted are finished and everything
  extracted is written; the exit status is 130.
- SIGTERM (a service manager, `kill`, `docker stop`) stops sooner: the articles being extracted
  are dropped (even one in the middle of a long extraction) and what was extracted is written;
  the exit status is 143.
- A second signal stops at once: workers are killed, nothing more is handed to the store, and only
  a batch already being written is waited for (a store write is never cut in half).

Either way the store is left as a stop anywhere leaves it: complete article graphs with their
marks, the rest written again by the next run (kg.batch.sink).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class Abandoned(BaseException):
    """Raised in the build's thread where it waits on extraction, when the stop is hurried.

    A BaseException, so that no `except Exception` around an extraction takes it for that
    article's failure."""


class Stop(threading.Event):
    """An Event that is set when a build should stop, and says how soon (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self.signum: int | None = None  # the first signal received
        self.hurry = False  # drop the extraction at hand
        self.now = False  # write nothing more
        self._waiting = 0  # inside abandonable(): extracting, or waiting on workers or the writer

    def on_signal(self, signum: int) -> None:
        """What a signal handler calls (in the main thread). May raise Abandoned there."""
        if self.now:
            return  # a third signal: already stopping at once
        if not self.is_set():
            self.signum = signum
            self.hurry = signum != signal.SIGINT
            self.set()
        else:
            self.hurry = self.now = True
        if self.hurry and self._waiting:
            raise Abandoned

    @contextlib.contextmanager
    def abandonable(self) -> Iterator[None]:
        """A wait a hurried stop may cut short: Abandoned is raised inside it (now, or when the
        stop comes)."""
        if self.hurry:
            raise Abandoned
        self._waiting += 1
        try:
            yield
        finally:
            self._waiting -= 1

    @property
    def exit_status(self) -> int:
        """128 + the signal's number, as a shell reports a process a signal ended: 130, 143."""
        return 128 + (self.signum or signal.SIGINT)


def hurried(stop: threading.Event | None) -> bool:
    return bool(getattr(stop, "hurry", False))


def at_once(stop: threading.Event | None) -> bool:
    return bool(getattr(stop, "now", False))


@contextlib.contextmanager
def abandonable(stop: threading.Event | None) -> Iterator[None]:
    """Stop.abandonable for a Stop; nothing for a plain Event."""
    if isinstance(stop, Stop):
        with stop.abandonable():
            yield
    else:
        yield
