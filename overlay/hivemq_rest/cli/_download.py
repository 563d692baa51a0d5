"""What the download commands share: where the file goes, checked first, and the download."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import click

from .._download import Progress, not_a_file
from .._errors import DownloadError
from ._command import fail, stderr
from ._exit import ExitCode
from ._live import LiveLine
from ._render import terminal_text

#: A FILE argument: ``-`` is standard output; every other check is :func:`download_target`'s.
FILE_TYPE = click.Path(allow_dash=True)
FILE_HELP = "FILE of - writes to standard output (piped, not on a terminal)."

Fetch = Callable[[Path | BinaryIO, Progress | None], int]


def download_target(file: str) -> Path | None:
    """The path to write, checked before anything is sent; None for ``-`` (standard output).

    The file is renamed over the path at the end, which would replace a
    symbolic link, FIFO or device there with a regular file: those exit 9.
    """
    if file == "-":
        if sys.stdout.isatty():
            raise click.UsageError("- writes the raw file: pipe it, do not show it on a terminal")
        return None
    path = Path(file)
    if not path.parent.is_dir():
        fail(f"cannot write {file}: no such directory {path.parent}", ExitCode.OUTPUT)
    try:
        kind = not_a_file(path)
    except OSError as error:  # e.g. no permission to look into the directory
        fail(f"cannot write {file}: {error.strerror}", ExitCode.OUTPUT)
    if kind is not None:
        fail(
            f"cannot write {file}: it is {kind}, not a regular file "
            "(give the real path, or - for standard output)",
            ExitCode.OUTPUT,
        )
    return path


def download(fetch: Fetch, path: Path | None, file: str) -> None:
    """Run ``fetch`` into ``path`` or standard output, with progress on a terminal; say the size."""
    with LiveLine(stderr) as live:

        def progress(done: int, total: int | None) -> None:
            of = f" of {total:,}" if total is not None else ""
            live.show(f"downloaded {done:,}{of} bytes")

        try:
            size = fetch(
                sys.stdout.buffer if path is None else path, progress if live.active else None
            )
        except DownloadError as error:
            if isinstance(error.__cause__, BrokenPipeError):
                raise error.__cause__ from None  # the reader of standard output went away
            raise
        except OSError as error:  # the file, not the network: the client maps those
            fail(f"cannot write {file}: {error}", ExitCode.OUTPUT)
    shown = "standard output" if path is None else file
    stderr.print(terminal_text(f"downloaded {size:,} bytes to {shown}"))
