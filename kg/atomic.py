"""Files written whole or not at all: a temporary file in the same folder, fsync, then rename.

A reader (or a crash, or a failed run) never finds half a file under the final name: the data
goes to a hidden temporary file beside it, is flushed to disk, and only then takes the name
(`os.replace`, atomic within one filesystem, which the same folder guarantees). On any error the
temporary file is removed and an existing file of that name is left as it was. A process killed
outright (kill -9, a power cut) cannot remove its own: the temporary name holds the writer's pid,
and the next write of that file removes those whose process is gone.

Targets that are not regular files (`/dev/stdout`, a named pipe) are written directly: they
cannot be renamed over, and a reader is already waiting on them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from kg import failpoint
from kg.errors import OutputError


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO]:
    """Open `path` for writing ("w" or "wb"); it gets its new content only if the block ends without error."""
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes whole files: mode 'w' or 'wb', not {mode!r}")
    path = Path(path)
    text = mode == "w"
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if _special(path):  # (through any symlink: /dev/stdout is one)
        with path.open(mode, encoding=encoding if text else None, newline=newline if text else None) as handle:
            yield handle
        return
    if path.is_symlink():
        path = path.resolve()  # the file it points to gets the new content; the link stays a link
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    _remove_dead_parts(folder, path.name)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".part", dir=folder)
    try:
        with os.fdopen(descriptor, mode, encoding=encoding if text else None,
                       newline=newline if text else None) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))  # mkstemp makes it 0600; a new file should look like any other
        failpoint.hit("atomic.before-rename")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _remove_dead_parts(folder: Path, name: str) -> None:
    """Remove the temporary files of this name that a killed writer left (`.NAME.PID-XXXX.part`,
    PID no longer running). A live writer's, and any other file, are never touched."""
    if os.name != "posix":  # os.kill(pid, 0) asks after a process only on POSIX (on Windows it sends ^C)
        return
    pattern = re.compile(re.escape(f".{name}.") + r"(\d+)-[a-z0-9_]+\.part")
    for left in _names_starting(folder, f".{name}."):
        match = pattern.fullmatch(left)
        if match and not _running(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(folder / left)


def _names_starting(folder: Path, prefix: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return [entry.name for entry in entries if entry.name.startswith(prefix)]
    except OSError:
        return []


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # PermissionError: it runs, as another user
        return True
    return True


def write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Write a text file atomically."""
    with atomic_open(path, "w", encoding=encoding, newline=newline) as handle:
        handle.write(text)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a binary file atomically."""
    with atomic_open(path, "wb", encoding=None) as handle:
        handle.write(data)


def write_output(path: str | os.PathLike[str], data: str | bytes, what: str = "the file") -> Path:
    """Write an output file atomically; any failure is an OutputError of one line that says why
    (a folder given as the file, a folder that is read-only or a file, a full disk, the file-size
    limit), naming the file."""
    path = Path(path)
    try:
        if isinstance(data, bytes):
            write_bytes(path, data)
        else:
            write_text(path, data)
    except OSError as err:
        raise output_error(path, err, what) from None
    return path


def check_output(path: str | os.PathLike[str], what: str = "the file") -> None:
    """Before any work: refuse an output that cannot be written (a folder, a folder on its path
    that is a file, a folder that is not writable), so a long run does not end in that error."""
    path = Path(path)
    if path.is_dir():
        raise output_error(path, IsADirectoryError(errno.EISDIR, "is a folder"), what)
    if _special(path):
        return
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the nearest folder that exists: the rest is created
    if not folder.is_dir():
        raise output_error(path, NotADirectoryError(errno.ENOTDIR, "not a folder"), what)
    if not os.access(folder, os.W_OK | os.X_OK):
        code = errno.EROFS if _read_only_fs(folder) else errno.EACCES
        raise output_error(path, PermissionError(code, "not writable"), what)


def _read_only_fs(folder: Path) -> bool:
    with contextlib.suppress(OSError, AttributeError):
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return False


def output_error(path: str | os.PathLike[str], err: OSError, what: str = "the file") -> OutputError:
    """The one-line error for an output that could not be written."""
    return OutputError(f"{path}: cannot write {what} ({why(err)})")


_WHY = {
    errno.EISDIR: "it is a folder: give a file name",
    errno.ENOTDIR: "a folder on its path is a file",
    errno.EEXIST: "a folder on its path is a file",
    errno.EACCES: "permission denied: the folder is not writable",
    errno.EPERM: "permission denied: the folder is not writable",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "larger than the file-size limit (ulimit -f)",
    errno.ENAMETOOLONG: "the name is too long",
}


def why(err: OSError) -> str:
    """What an OSError met while writing means, in a few words."""
    return _WHY.get(err.errno or 0, err.strerror or str(err))


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
