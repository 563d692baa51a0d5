"""What the library logs, on stderr: retries on a terminal, everything with --debug."""

from __future__ import annotations

import logging
import traceback

from rich.console import Console

from ._render import escape_controls, escape_lines

_LIBRARY = "hivemq_rest"
_FORMAT = "%(name)s %(levelname)s %(message)s"


class _EscapingFormatter(logging.Formatter):
    """Log lines without raw control characters: messages quote servers and devices."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 -- logging's name
        return escape_controls(super().formatMessage(record))

    def formatException(self, ei: logging._SysExcInfoType) -> str:  # noqa: N802
        return escape_lines(super().formatException(ei))


def _is_first_retry(record: logging.LogRecord) -> bool:
    # The library logs each retry as "METHOD PATH: WHY; attempt N of M in Ss".
    args = record.args
    return (
        "; attempt " in str(record.msg)
        and isinstance(args, tuple)
        and len(args) == 6
        and args[3] == 2
    )


class _RetryNotices(logging.Handler):
    """One line for each request that is retried (its first retry), through rich."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.WARNING)
        self._console = console

    def emit(self, record: logging.LogRecord) -> None:
        if _is_first_retry(record):
            self._console.print(f"retrying {escape_controls(record.getMessage())}", markup=False)


def setup_logging(debug: bool, console: Console) -> None:
    """Route the library's log records: all with ``debug``, retry notices on a terminal.

    Without a handler, Python would print warnings raw (its last resort).
    """
    library = logging.getLogger(_LIBRARY)
    if debug:
        handler = logging.StreamHandler()
        handler.setFormatter(_EscapingFormatter(_FORMAT))
        logging.basicConfig(level=logging.DEBUG, handlers=[handler], force=True)
        return
    library.propagate = False
    library.addHandler(_RetryNotices(console) if console.is_terminal else logging.NullHandler())


def print_traceback(console: Console) -> None:
    """The traceback being handled, escaped: error messages quote servers."""
    console.file.write(escape_lines(traceback.format_exc()))
