"""A requests-per-second limit shared by everything one client sends."""

from __future__ import annotations

import math
import threading
import time

from ._constants import MAX_SECONDS
from ._errors import ConfigurationError

__all__ = ["RateLimiter"]


class RateLimiter:
    """Hands out evenly spaced start times, at most ``rate`` a second.

    Sans I/O: ``reserve()`` books the next slot and says how long to wait for
    it; the caller sleeps (``time.sleep`` or ``asyncio.sleep``). Thread-safe.
    """

    def __init__(self, rate: float) -> None:
        if isinstance(rate, bool) or not isinstance(rate, int | float):
            raise ConfigurationError(f"requests_per_second must be a number, not {rate!r}")
        if not (rate > 0 and math.isfinite(rate)):
            raise ConfigurationError(
                f"requests_per_second must be finite and above 0 (None: no limit), not {rate!r}"
            )
        if rate < 1 / MAX_SECONDS:
            # The wait between two requests would outgrow the platform's timers.
            raise ConfigurationError(
                f"requests_per_second must be at least one a day ({1 / MAX_SECONDS:.3g}), "
                f"not {rate!r}"
            )
        self.rate = float(rate)
        self._interval = 1.0 / self.rate
        self._next = 0.0
        self._lock = threading.Lock()

    def reserve(self, now: float | None = None) -> float:
        """Book the next free slot; return the seconds to wait until it."""
        now = time.monotonic() if now is None else now
        with self._lock:
            start = max(now, self._next)
            self._next = start + self._interval
        return start - now

    def __repr__(self) -> str:
        return f"RateLimiter(rate={self.rate!r})"
