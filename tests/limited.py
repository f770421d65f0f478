"""Running `kg` as a child process under a memory limit and a time budget, measuring what it took.

The limit is RLIMIT_AS, set in a small launcher before it starts kg, so a run that would grow past
it fails there (MemoryError, or an abort in Rust) instead of taking the machine's memory. The peak
is kg's own: the launcher (a fresh, small Python) forks kg and reads its ru_maxrss from wait4.
The kernel counts the memory a process had before its exec into its peak, so measuring kg as a
direct child of the test process would report the test process's own size.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
KG = PROJECT / ".venv" / "bin" / "kg"


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    timed_out: bool

    def __str__(self) -> str:
        return (f"rc {self.returncode}{' (timed out)' if self.timed_out else ''}, {self.seconds:.1f} s, "
                f"peak {self.peak_mb:.0f} MB; stderr: {self.stderr[-800:]}")


_LAUNCHER = """
import os, resource, signal, sys
limit, peak_file, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
pid = os.fork()
if pid == 0:
    os.execv(argv[0], argv)
def forward(signum, frame):
    os.kill(pid, signum)
for sig in (signal.SIGTERM, signal.SIGINT):
    signal.signal(sig, forward)
_, status, usage = os.wait4(pid, 0)
with open(peak_file, "w") as out:
    out.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def run_limited(args: list[str], *, memory_mb: int = 1024, seconds: float = 60, cwd: Path | None = None,
                program: Path | str = KG, env: dict | None = None) -> Run:
    """Run `kg ARGS` (or another program) with at most `memory_mb` of address space and `seconds`.
    A child killed by a signal reports 128 + the signal's number, as a shell would."""
    import sys

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as peak:
        started = time.monotonic()
        command = [sys.executable, "-c", _LAUNCHER, str(memory_mb * 2**20), peak.name, str(program), *map(str, args)]
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd or PROJECT,
                                   env=env)
        timed_out = False
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            timed_out = True
            for child in children(process.pid):  # kg itself, then the launcher
                os.kill(child, 9)
            process.kill()
            process.wait()
        elapsed = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        text = peak.read().strip()
        return Run(process.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   elapsed, int(text) / 1024 if text else float("nan"), timed_out)


def children(parent: int) -> list[int]:
    """The processes whose parent is `parent` (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(status.parent.name))
    return found


def one_line_error(run: Run, *names: str) -> str:
    """The run's stderr, checked to be one line naming each of `names`, with no traceback."""
    assert "Traceback" not in run.stderr and "panicked" not in run.stderr, run
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run
    for name in names:
        assert name in lines[0], run
    return lines[0]


def environment(**extra: str) -> dict:
    env = dict(os.environ)
    env.update(extra)
    return env


__all__ = ["KG", "Run", "children", "environment", "one_line_error", "run_limited"]
