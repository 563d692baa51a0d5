"""The export's progress display on a terminal (rich), quiet otherwise."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.live import Live
from rich.text import Text

from ._export import ExportStats


def _line(stats: ExportStats) -> Text:
    rate = stats.rate()
    remaining = stats.listed - stats.exported - stats.vanished - len(stats.failed)
    eta = f"ETA {remaining / rate:5.0f}s" if stats.listing_done and rate > 0 else "ETA listing..."
    return Text(
        f"listed {stats.listed:>9,}  fetched {stats.exported:>9,}  "
        f"vanished {stats.vanished:>6,}  {rate:8,.0f}/s  {eta}"
    )


class ExportProgress:
    """A one-line live display of an export; does nothing when stderr is not a terminal."""

    def __init__(self, console: Console) -> None:
        self._live = (
            Live(Text(""), console=console, refresh_per_second=8, transient=False)
            if console.is_terminal
            else None
        )

    def __enter__(self) -> ExportProgress:
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

    def __call__(self, stats: ExportStats) -> None:
        """Show the latest counts."""
        if self._live is not None:
            self._live.update(_line(stats))
