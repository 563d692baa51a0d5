"""Moments as the management families write them: RFC 3339 times and time-based ids."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

# RFC 3339 with a time and an offset: `datetime.fromisoformat` alone would also
# take a bare date or a time without an offset, which names no instant.
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})",
    re.ASCII,
)
_TENTH = timedelta(milliseconds=100)


def rfc3339(moment: datetime) -> str:
    """``moment`` in UTC with milliseconds and ``Z``, as the broker writes times."""
    moment = moment.astimezone(UTC)
    # Not strftime: its %Y does not pad years before 1000 to four digits.
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    time = f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    return f"{day}T{time}.{moment.microsecond // 1000:03d}Z"


def parse_rfc3339(text: str) -> datetime | None:
    """The instant an RFC 3339 date-time names (UTC), or None when ``text`` is not one."""
    if not _RFC3339.fullmatch(text):
        return None
    # fromisoformat (3.11) reads at most microseconds: cut longer fractions.
    head, dot, rest = text.partition(".")
    if dot:
        digits = len(rest) - len(rest.lstrip("0123456789"))
        text = f"{head}.{rest[: min(digits, 6)]}{rest[digits:]}"
    try:
        return datetime.fromisoformat(text.upper()).astimezone(UTC)
    # A day or hour that does not exist (Feb 30, 25:00), or an instant that in
    # UTC falls before year 1 or after 9999.
    except (ValueError, OverflowError):
        return None


class TimeIds:
    """Ids like ``20201006-1902318``: the UTC time to a tenth of a second.

    Two ids asked for within the same tenth would collide, so each id is at
    least a tenth after the one before (the id then runs slightly ahead of
    ``createdAt``, which is still the true time).
    """

    def __init__(self) -> None:
        self._last: datetime | None = None
        self._lock = threading.Lock()

    def next(self, now: datetime) -> str:
        """A new id for something created at ``now``."""
        now = now.astimezone(UTC)
        moment = now - timedelta(microseconds=now.microsecond % 100_000)
        with self._lock:
            if self._last is not None and moment <= self._last:
                moment = self._last + _TENTH
            self._last = moment
        return moment.strftime("%Y%m%d-%H%M%S") + str(moment.microsecond // 100_000)

    def reset(self) -> None:
        """Forget the last id (after a reset nothing can collide with it)."""
        with self._lock:
            self._last = None
