"""Emulator time: the wall clock plus whatever the admin API has advanced it by.

Backups finish, trace recordings start and stop and the Data Hub trial expires
by this clock, so a test moves time forward (``PUT /_emulator/clock``) instead
of sleeping. ``DELETE /_emulator/state`` sets it back to the wall clock.

Every moment the emulator computes must fit a ``datetime`` (up to year 9999).
So emulator time is never moved past :data:`LATEST`, and the durations added to
it (a backup's, an archive's) are at most :data:`MAX_DURATION_SECONDS`: the
centuries between leave room for both and for the wall clock going on.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Final

LATEST: Final = datetime(9000, 1, 1, tzinfo=UTC)
MAX_DURATION_SECONDS: Final = 10 * 366 * 86_400.0


class ClockLimitError(ValueError):
    """Emulator time would move past :data:`LATEST`."""


def check_duration(seconds: float, name: str) -> float:
    """``seconds`` as a duration the clock can serve; TypeError or ValueError naming ``name``."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise TypeError(f"{name} must be a number")
    if not (math.isfinite(seconds) and 0 <= seconds <= MAX_DURATION_SECONDS):
        raise ValueError(f"{name} must be a number between 0 and {MAX_DURATION_SECONDS:.0f}")
    return float(seconds)


class Clock:
    """Emulator time; ``wall`` is the real clock (replaceable in tests)."""

    def __init__(self, wall: Callable[[], datetime] | None = None) -> None:
        self._wall = wall or (lambda: datetime.now(UTC))
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        """The current emulator time (timezone-aware, UTC)."""
        with self._lock:
            return self._wall() + self._offset

    def advance(self, seconds: float) -> datetime:
        """Move emulator time forward by ``seconds`` (finite, >= 0); the new time.

        :class:`ClockLimitError` (a ValueError) when that would pass :data:`LATEST`.
        """
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise TypeError("seconds must be a number")
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError("seconds must be a finite number >= 0")
        with self._lock:
            room = (LATEST - (self._wall() + self._offset)).total_seconds()
            if seconds > room:
                raise ClockLimitError(
                    f"emulator time can move forward {max(room, 0.0):.0f} more seconds, "
                    f"up to {LATEST:%Y-%m-%d}; DELETE /_emulator/state sets it back"
                )
            self._offset += timedelta(seconds=seconds)
        return self.now()

    def reset(self) -> None:
        """Back to the wall clock."""
        with self._lock:
            self._offset = timedelta()

    @property
    def advanced(self) -> float:
        """Seconds emulator time is ahead of the wall clock."""
        with self._lock:
            return self._offset.total_seconds()
