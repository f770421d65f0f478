"""Files written whole or not at all: a temporary file in the same folder, fsync, then rename.

A reader (or a crash, or a failed run) never finds half a file under the final name: the data
goes to a hidden temporary file beside it, is flushed to disk, and only then takes the name
(`os.replace`, atomic within one filesystem, which the same folder guarantees). On any error the
temporary file is removed and an existing file of that name is left as it was.

Targets that are not regular files (`/dev/stdout`, a named pipe) are written directly: they
cannot be renamed over, and a reader is already waiting on them.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """Open `path` for writing ("w" or "wb"); it gets its new content only if the block ends without error."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes whole files: mode 'w' or 'wb', not {mode!r}")
    path = Path(path)
    text = mode == "w"
    if _special(path):  # (through any symlink: /dev/stdout is one)
        with path.open(mode, encoding=encoding if text else None, newline=newline if text else None) as handle:
            yield handle
        return
    if path.is_symlink():
        path = path.resolve()  # the file it points to gets the new content; the link stays a link
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(descriptor, mode, encoding=encoding if text else None,
                       newline=newline if text else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))  # mkstemp makes it 0600; a new file should look like any other
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Write a text file atomically."""
    with atomic_open(path, "w", encoding=encoding, newline=newline) as handle:
        handle.write(text)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a binary file atomically."""
    with atomic_open(path, "wb", encoding=None) as handle:
        handle.write(data)


def _special(path: Path) -> bool:
    """An existing target that is not a regular file (a device, a pipe, a socket)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _mode_for(path: Path) -> int:
    """The permissions the file keeps (when it exists) or would get from open() (when new)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # /proc says it without changing it; elsewhere set-and-restore is the only way to read it
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); filesystems and systems that cannot are skipped."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
