"""Files that appear whole: the one way downloads, exports, plans and reports are written.

A file starts as a temporary file beside its final name, created exclusively
(``O_CREAT | O_EXCL | O_NOFOLLOW``, so a link or file planted there is never
opened) under an unpredictable name, mode 0600 whatever the umask (what is
written may hold addresses, credentials or a broker's configuration). Once
written it is flushed to disk, then renamed over the final name: a reader
sees the old file or the new one, never half of one, and a symbolic link at
the final name is itself replaced, never written through. The directory is
synced last, so that the rename survives a crash too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import BinaryIO, Final

from ._temporary import create_beside

__all__ = ["PRIVATE", "commit", "create_temporary", "sync_directory", "write_whole"]

PRIVATE: Final = 0o600


def create_temporary(target: str | os.PathLike[str], suffix: str = ".tmp") -> tuple[int, Path]:
    """A new private file beside ``target`` (``.NAME.<random><suffix>``): descriptor and path.

    NAME is cut short where the whole would not fit the directory's name limit.
    """
    fd, name = create_beside(os.fspath(target), suffix)
    try:
        os.fchmod(fd, PRIVATE)  # the 0600 it was created with is narrowed by a umask like 0o277
    except BaseException:
        os.close(fd)
        os.unlink(name)
        raise
    return fd, Path(name)


def commit(
    file: BinaryIO, temporary: str | os.PathLike[str], target: str | os.PathLike[str]
) -> None:
    """Flush ``file`` (open on ``temporary``) to disk, close it, rename it over ``target``."""
    file.flush()
    os.fsync(file.fileno())
    file.close()
    os.replace(temporary, target)
    sync_directory(os.path.dirname(os.path.abspath(target)))


def write_whole(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``target`` at once: a private temporary file, fsynced, renamed over it."""
    fd, temporary = create_temporary(target)
    try:
        with open(fd, "wb") as file:
            file.write(data)
            commit(file, temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def sync_directory(directory: str | os.PathLike[str]) -> None:
    """Make a rename in ``directory`` durable; a platform without directory fsync skips it."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):  # Windows, some network file systems
        os.fsync(handle)
    os.close(handle)
