"""Progress of a long run: a bar on a terminal, plain periodic lines in a log.

A terminal gets one line redrawn in place (done/total, articles per second, errors so far, ETA);
anything else (a file, a pipe, CI) gets a full line every `interval` seconds, so logs stay
readable and grep-able. Messages printed through `Progress.message` never garble the bar.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from typing import TextIO

_REDRAW = 0.1  # seconds between redraws of the bar
_RATE_WINDOW = 30.0  # seconds of history behind the rate (and so the ETA)
_BAR = 24


class Progress:
    """Reports how far a run of `total` items (None when unknown) has got."""

    def __init__(
        self,
        total: int | None = None,
        *,
        label: str = "kg build",
        unit: str = "articles",
        stream: TextIO | None = None,
        interval: float = 10.0,
        terminal: bool | None = None,
        enabled: bool = True,
        clock=time.monotonic,
    ) -> None:
        self.total = total
        self.label, self.unit = label, unit
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = _is_terminal(self.stream) if terminal is None else terminal
        self.interval = _REDRAW if self.terminal else interval
        self.enabled = enabled
        self._clock = clock
        self._started = clock()
        self._last_shown = self._started
        self._samples: deque[tuple[float, int]] = deque([(self._started, 0)])
        self._done = self._errors = 0
        self._drawn = False  # a bar is on the screen and must be cleared before a message
        self._lines = 0  # progress lines printed (not on a terminal)
        self._started_work = False  # in a log, lines are due `interval` after the first item is done

    def update(self, done: int, errors: int = 0, *, force: bool = False) -> None:
        """Record that `done` items are finished (`errors` of them failed); show it when due."""
        self._done, self._errors = done, errors
        now = self._clock()
        if not self._samples or now - self._samples[-1][0] >= 1.0:
            self._samples.append((now, done))
            while len(self._samples) > 2 and now - self._samples[0][0] > _RATE_WINDOW:
                self._samples.popleft()
        if not self.terminal and not self._started_work:
            if done == 0 and not force:
                return  # a log gets no line about start-up (loading word lists), only about work
            self._started_work, self._last_shown = True, now
        if self.enabled and (force or now - self._last_shown >= self.interval):
            self._last_shown = now
            self._show(now)

    def message(self, text: str) -> None:
        """Print a line of its own (a warning, an error) above the bar."""
        self._clear()
        print(text, file=self.stream, flush=True)
        if self.enabled and self.terminal and self._done:
            self._show(self._clock())

    def close(self) -> None:
        """Clear the bar from the terminal; in a log that had progress lines, add the final one."""
        if self.enabled and not self.terminal and self._lines:
            self._show(self._clock())
        self._clear()

    def rate(self, now: float | None = None) -> float:
        """Items per second over the recent window (over the whole run while it is short)."""
        now = self._clock() if now is None else now
        first_time, first_done = self._samples[0]
        if now - first_time < 1e-6:
            return 0.0
        return (self._done - first_done) / (now - first_time)

    def line(self, now: float | None = None) -> str:
        """The text of one progress report."""
        now = self._clock() if now is None else now
        rate = self.rate(now)
        count = f"{self._done:,}" + (f"/{self.total:,}" if self.total else "")
        parts = [f"{count} {self.unit}", f"{rate:,.1f}/s", f"errors {self._errors:,}"]
        if self.total:
            share = min(self._done / self.total, 1.0)
            parts.insert(0, f"{share:4.0%}")
            if rate > 0 and self._done < self.total:
                parts.append(f"ETA {_duration((self.total - self._done) / rate)}")
        parts.append(f"elapsed {_duration(now - self._started)}")
        return " | ".join(parts)

    def _show(self, now: float) -> None:
        if self.terminal:
            bar = ""
            if self.total:
                filled = round(_BAR * min(self._done / self.total, 1.0))
                bar = "[" + "#" * filled + "-" * (_BAR - filled) + "] "
            self.stream.write(f"\r{self.label}: {bar}{self.line(now)}\x1b[K")
            self.stream.flush()
            self._drawn = True
        else:
            print(f"{self.label}: {self.line(now)}", file=self.stream, flush=True)
            self._lines += 1

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
