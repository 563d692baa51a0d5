"""A one-line live status on a terminal (count, bulk actions); nothing otherwise."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from rich.console import Console
from rich.live import Live
from rich.text import Text


class LiveLine:
    """Shows the latest line on stderr while the block runs, if stderr is a terminal.

    ``transient``: the line goes away at the end (else the last one stays).
    """

    def __init__(self, console: Console, *, transient: bool = True) -> None:
        self._live = (
            Live(Text(""), console=console, refresh_per_second=8, transient=transient)
            if console.is_terminal
            else None
        )

    @property
    def active(self) -> bool:
        """Whether anything is shown (stderr is a terminal)."""
        return self._live is not None

    def __enter__(self) -> Self:
        if self._live is not None:
            self._live.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._live is not None:
            self._live.__exit__(exc_type, exc, traceback)

    def show(self, line: str | Text) -> None:
        """Replace the line shown."""
        if self._live is not None:
            self._live.update(Text(line) if isinstance(line, str) else line)
