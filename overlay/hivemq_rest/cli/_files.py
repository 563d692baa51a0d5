"""What the clients export adds to the one atomic writer (``.._atomic``).

Its rows go to the writer's private temporary file as they come (``RowFile``);
an export that stops keeps them under a free ``.partial`` name.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from .._atomic import PRIVATE


def move_to_free_name(source: Path, names: Iterable[Path]) -> Path | None:
    """Rename ``source`` to the first of ``names`` that nothing holds yet; None if all are taken.

    The name is claimed with an exclusive create (a symlink there counts as
    taken, dangling or not), then the rename replaces that empty placeholder.
    """
    for name in names:
        try:
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE))
        except FileExistsError:
            continue
        try:
            os.replace(source, name)
        except BaseException:
            name.unlink(missing_ok=True)
            raise
        return name
    return None


class RowFile:
    r"""Text to a file descriptor in large writes, counting the rows that are whole on it.

    ``write`` takes any text (``csv.writer`` calls it), ``end_row`` marks the
    end of a row. A write that fails part way (disk full, file size limit)
    is cut back to the last whole row, so ``rows`` is exactly what the file
    holds. Text that cannot be UTF-8 (a lone surrogate a server sent) is
    written as a ``\udXXX`` escape, which is also JSON's own escape for it.
    """

    def __init__(self, fd: int, chunk_size: int = 1 << 16) -> None:
        self._fd = fd
        self._chunk_size = chunk_size
        self._pending: list[str] = []
        self._pending_size = 0
        self._pending_rows = 0
        self._size = 0  # bytes on the file, up to the end of a whole row (or the header)
        self.rows = 0

    def write(self, text: str) -> None:
        """Add text to the current row."""
        self._pending.append(text)
        self._pending_size += len(text)

    def end_row(self) -> None:
        """The text since the last row is one row; write when enough has gathered."""
        self._pending_rows += 1
        if self._pending_size >= self._chunk_size:
            self.flush()

    def flush(self) -> None:
        """Write everything gathered; on failure the file keeps only whole rows."""
        if not self._pending:
            return
        data = memoryview("".join(self._pending).encode("utf-8", "backslashreplace"))
        rows = self._pending_rows
        self._pending.clear()
        self._pending_size = self._pending_rows = 0
        written = 0
        try:
            while written < len(data):
                written += os.write(self._fd, data[written:])
        except BaseException:
            if written:
                # Not on a pipe (standard output): what went out there is gone.
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, self._size)
                    os.lseek(self._fd, self._size, os.SEEK_SET)
            raise
        self._size += len(data)
        self.rows += rows
