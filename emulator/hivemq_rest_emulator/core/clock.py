"""Emulator time: the wall clock plus whatever the admin API has advanced it by.

Backups finish, trace recordings start and stop and the Data Hub trial expires
by this clock, so a test moves time forward (``PUT /_emulator/clock``) instead
of sleeping.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


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
        """Move emulator time forward by ``seconds`` (finite, >= 0); the new time."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise TypeError("seconds must be a number")
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError("seconds must be a finite number >= 0")
        with self._lock:
            self._offset += timedelta(seconds=seconds)
        return self.now()

    @property
    def advanced(self) -> float:
        """Seconds emulator time is ahead of the wall clock."""
        with self._lock:
            return self._offset.total_seconds()
