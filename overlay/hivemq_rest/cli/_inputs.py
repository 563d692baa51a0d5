"""Files the command line reads: secrets, the profile, definitions; each within a bound.

A token file that is ``/dev/zero`` would otherwise be read until memory runs
out. Every such file (``-``: standard input) must be a regular file or a pipe,
and is read to at most its bound; anything else is a usage error (exit 2)
that says what the file is.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import Final

import click

__all__ = [
    "MAX_DEFINITION_BYTES",
    "MAX_ID_LIST_BYTES",
    "MAX_SECRET_BYTES",
    "InputError",
    "read_bounded",
]

#: A token, a password or the profile file (which may hold them): 64 KiB.
MAX_SECRET_BYTES: Final = 64 * 1024
#: A Data Hub policy, schema or script sent by a ``create FILE`` command:
#: 10 MiB, what ``data-hub apply`` reads of a file too.
MAX_DEFINITION_BYTES: Final = 10 * 1024 * 1024
#: The ids of ``--from-file``: 256 MiB, millions of ids (they are held in memory).
MAX_ID_LIST_BYTES: Final = 256 * 1024 * 1024


class InputError(click.ClickException):
    """A file to read that is not a regular file or a pipe, or too large; the usage code."""

    exit_code = 2


def _not_readable(mode: int) -> str | None:
    """What a file of this mode is when it is neither a regular file nor a pipe, else None."""
    if stat.S_ISREG(mode) or stat.S_ISFIFO(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device or terminal"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_bounded(path: str, limit: int, what: str) -> tuple[bytes, int]:
    """The bytes of the file at ``path`` (``-``: standard input) and its mode.

    InputError if it is not a regular file or a pipe, or holds more than
    ``limit`` bytes (then no more than ``limit + 1`` are read). The kind is
    checked before opening (opening a device may do something) and again on
    the open file. FileNotFoundError is left to the caller; other OSErrors
    are an InputError.
    """
    shown = "standard input" if path == "-" else path
    try:
        if path == "-":
            fd = os.dup(sys.stdin.fileno())
        else:
            kind = _not_readable(os.stat(path).st_mode)
            if kind is not None:
                raise InputError(f"the {what} {shown} is {kind}, not a regular file or a pipe")
            # A FIFO's open waits for its writer: Ctrl-C there is an interrupt.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb", buffering=0) as file:
            mode = os.fstat(file.fileno()).st_mode
            kind = _not_readable(mode)
            if kind is not None:
                raise InputError(f"the {what} {shown} is {kind}, not a regular file or a pipe")
            chunks: list[bytes] = []
            size = 0
            while size <= limit:
                chunk = file.read(limit + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as error:  # ValueError: no standard input at all
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise InputError(f"cannot read the {what} {shown}: {reason}") from None
    if size > limit:
        raise InputError(f"the {what} {shown} is larger than {limit:,} bytes")
    return b"".join(chunks), mode
