"""Polling: the clock of a wait that polls until something is done, within a deadline.

Made by scripts/generate.py from _async_resources/_polling.py (see scripts/_unasync.py);
do not edit: change _async_resources/_polling.py and regenerate.
"""

from __future__ import annotations

from time import monotonic, sleep

from .._errors import WaitTimeoutError

__all__ = ["Polling"]


class Polling:
    """One wait of at most ``timeout`` seconds, polling ``poll_interval`` seconds apart at first.

    The pauses double, up to ``cap`` seconds; the first is capped too unless
    ``cap_first`` is false. ``timeout`` and ``poll_interval`` must be numbers
    above 0 (not bools): ValueError otherwise.
    """

    def __init__(
        self, timeout: float, poll_interval: float, cap: float, *, cap_first: bool = True
    ) -> None:
        for name, value in (("timeout", timeout), ("poll_interval", poll_interval)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ValueError(f"{name} must be a number of seconds above 0, not {value!r}")
        self._deadline = monotonic() + timeout
        self._interval = min(float(poll_interval), cap) if cap_first else float(poll_interval)
        self._cap = cap

    def left(self) -> float:
        """The seconds left before the deadline: what the next poll may take (<= 0 once past)."""
        return self._deadline - monotonic()

    def pause(self, last_seen: str) -> None:
        """Sleep until the next poll, never past the deadline.

        Once the deadline has passed, WaitTimeoutError(``last_seen``) instead.
        """
        left = self.left()
        if left <= 0:
            raise WaitTimeoutError(last_seen)
        sleep(min(self._interval, left))
        self._interval = min(self._interval * 2, self._cap)
