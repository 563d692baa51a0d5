"""The export's progress display on a terminal (rich), quiet otherwise."""

from __future__ import annotations

import time

from rich.console import Console
from rich.text import Text

from ._export import ExportStats
from ._live import LiveLine


def line(stats: ExportStats, now: float) -> Text:
    """The progress display at ``now`` (a ``time.monotonic()`` reading): two short lines.

    The API does not say how many clients there are until the listing
    ends, so while it runs the ETA is a floor: the ids listed and not yet
    done, at the rate so far, shown with the listing's own rate.
    """
    rate = stats.rate(now)
    remaining = max(stats.listed - stats.done(), 0)
    if rate <= 0:
        eta = "ETA ?"
    elif stats.listing_done:
        eta = f"ETA {remaining / rate:5.0f}s"
    else:
        listing = f"still listing, {stats.listing_rate(now):,.0f} ids/s"
        eta = f"ETA at least {remaining / rate:,.0f}s ({listing})"
    # Each line fits 80 columns: rich crops a live display at the terminal's width.
    return Text(
        f"listed {stats.listed:>9,}  fetched {stats.exported:>9,}  "
        f"vanished {len(stats.vanished):>6,}  failed {len(stats.failed):>6,}\n"
        f"{rate:10,.0f}/s  {eta}"
    )


class ExportProgress(LiveLine):
    """A live display of an export; does nothing when stderr is not a terminal."""

    def __init__(self, console: Console) -> None:
        super().__init__(console, transient=False)

    def __call__(self, stats: ExportStats) -> None:
        """Show the latest counts."""
        if self.active:
            self.show(line(stats, time.monotonic()))
