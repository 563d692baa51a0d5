"""Where a downloaded file's bytes go: a path (atomically) or a binary file object.

No network here: the clients' streaming send (``_download`` in
_async_api.py) hands each body chunk to a Sink, which checks the size,
writes, reports progress and, for a path, makes the file appear only whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from typing import BinaryIO, Final

import httpx

from ._atomic import commit, create_temporary
from ._errors import DownloadError
from ._transport import StrPath

__all__ = ["DOWNLOAD_HEADERS", "Progress", "Sink", "Target", "check_target", "not_a_file"]

#: Called after each chunk with (bytes so far, total size or None if unknown).
Progress = Callable[[int, int | None], None]
Target = StrPath | BinaryIO

# The bytes are counted as sent: an encoded body would be another size than
# the file's, and decoding it here would buy nothing for files like these.
DOWNLOAD_HEADERS: Final = (("Accept-Encoding", "identity"),)

# Bytes of a file at a path after which their writing to disk is started.
_WRITEBACK_BYTES: Final = 16 * 1024 * 1024


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    if value is None:
        return None
    if not value.isdigit():  # ASCII digits only: no sign, no spaces, no "1_000"
        raise DownloadError(
            f"the server sent a Content-Length of {value[:40]!r}",
            received=0,
            expected=None,
        )
    return int(value)


def not_a_file(path: StrPath) -> str | None:
    """What ``path`` is if it exists and is not a regular file ("a symbolic link"), else None.

    Checked with lstat: the rename at the end of a download replaces the
    directory entry itself, so a link, FIFO or device there would be swapped
    for a regular file instead of written through.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def check_target(target: Target) -> None:
    """Refuse, before anything is sent, a path a download must not replace.

    A missing path or a regular file is fine. A directory is an
    IsADirectoryError; a symbolic link, FIFO, device or socket a
    FileExistsError. A file object is not checked.
    """
    if not isinstance(target, str | os.PathLike):
        return
    path = os.fspath(target)
    kind = not_a_file(path)
    if kind == "a directory":
        raise IsADirectoryError(f"{path!r} is a directory; give a file path")
    if kind is not None:
        raise FileExistsError(
            f"{path!r} is {kind}, and a download replaces only a regular file: "
            "give the real path, or open it and pass the binary file object"
        )


class Sink:
    """One download's destination, its expected size and progress.

    ``target``: a path, missing or a regular file (see :func:`check_target`),
    written as :mod:`._atomic` writes every file (a private temporary file
    beside it, fsynced and renamed over the path) only once the size is
    right; or a binary file object, written as the bytes come (left open
    and, on failure, holding what arrived). ``expected``: the size known
    before asking (a backup's ``bytes``), or None.
    """

    def __init__(self, target: Target, expected: int | None, progress: Progress | None) -> None:
        if progress is not None and not callable(progress):
            raise TypeError("progress must be a callable taking (bytes so far, total)")
        self._expected = expected
        self._limit = expected
        self._progress = progress
        self.received = 0
        self._path: str | None = None
        self._temp: str | None = None
        self._written_back = 0
        if isinstance(target, str | os.PathLike):
            path = os.path.abspath(os.fspath(target))
            # A link or FIFO put at the path after this check is replaced by
            # the rename (the entry, not what it points to): never written through.
            check_target(path)
            # Before anything is sent: a directory that is missing or not
            # writable fails here, not after the download.
            handle, temporary = create_temporary(path, suffix=".part")
            self._temp = str(temporary)
            self._file: BinaryIO = os.fdopen(handle, "wb")
            self._path = path
        elif hasattr(target, "write"):
            self._file = target
        else:
            raise TypeError(f"target must be a path or a binary file object, not {target!r}")

    def begin(self, response: httpx.Response) -> None:
        """Check a success response's headers before its body is read."""
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if encoding != "identity":
            raise DownloadError(
                f"the server encoded the file ({encoding[:40]}) although asked not to",
                received=0,
                expected=self._expected,
            )
        length = _content_length(response)
        if length is not None and self._expected is not None and length != self._expected:
            raise DownloadError(
                f"the server announced {length:,} bytes, the backup has {self._expected:,}",
                received=0,
                expected=self._expected,
            )
        if length is not None:
            self._limit = length

    def write(self, chunk: bytes) -> None:
        """Take the next body chunk; DownloadError if it goes past the expected size."""
        if not chunk:
            return
        if self._limit is not None and self.received + len(chunk) > self._limit:
            raise DownloadError(
                f"the server sent more than the {self._limit:,} bytes expected",
                received=self.received,
                expected=self._limit,
            )
        try:
            self._file.write(chunk)
        except OSError as error:
            raise DownloadError(
                f"could not write the file: {error}", received=self.received, expected=self._limit
            ) from error
        self.received += len(chunk)
        if self._temp is not None and self.received - self._written_back >= _WRITEBACK_BYTES:
            self._write_back()
        if self._progress is not None:
            self._progress(self.received, self._limit)

    def _write_back(self) -> None:
        """Start writing what came so far to disk now, without waiting for it.

        Otherwise the kernel holds a large file in the page cache and the
        fsync at the end writes all of it while the download stands still.
        """
        if not hasattr(os, "posix_fadvise"):  # not on macOS or Windows
            return
        self._file.flush()
        start, self._written_back = self._written_back, self.received
        with contextlib.suppress(OSError):
            os.posix_fadvise(
                self._file.fileno(), start, self.received - start, os.POSIX_FADV_DONTNEED
            )

    def interrupted(self, error: Exception) -> DownloadError:
        """The error for a body that broke off after some of it was written."""
        return DownloadError(
            f"the download broke off after {self.received:,} bytes "
            f"({type(error).__name__}: {error}); nothing is retried once bytes were written",
            received=self.received,
            expected=self._limit,
        )

    def commit(self) -> None:
        """The body ended: check its size, then make the file appear (for a path)."""
        if self._limit is not None and self.received != self._limit:
            raise DownloadError(
                f"the body ended after {self.received:,} of {self._limit:,} bytes",
                received=self.received,
                expected=self._limit,
            )
        if self._temp is None or self._path is None:
            self._file.flush()
            return
        try:
            commit(self._file, self._temp, self._path)
        except OSError as error:
            raise DownloadError(
                f"could not save the file: {error}", received=self.received, expected=self._limit
            ) from error
        self._temp = None

    def abort(self) -> None:
        """Remove the temporary file of a download that failed (a no-op after commit)."""
        if self._temp is None:
            return
        self._file.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._temp)
        self._temp = None
