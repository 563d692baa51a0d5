"""The diagnostic archives started so far, and whether one is still being collected.

The API has no operation to read an archive again, so its state matters only
at creation: a second archive started while one is collected fails.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import attrs
from hivemq_rest_generated.models import DiagnosticArchiveState

from .._moments import TimeIds

BUSY_REASON = "Another diagnostic archive is being collected."


@attrs.frozen
class DiagnosticArchive:
    """One archive: when it started, and why it failed, if it did."""

    id: str
    created_at: datetime
    duration: timedelta
    fail_reason: str | None = None

    def state(self, now: datetime) -> DiagnosticArchiveState:
        """Where this archive stands at ``now``."""
        if self.fail_reason is not None:
            return DiagnosticArchiveState.FAILED
        if now < self.created_at + self.duration:
            return DiagnosticArchiveState.IN_PROGRESS
        return DiagnosticArchiveState.COMPLETED


class ArchiveStore:
    """The archive being collected, if any."""

    def __init__(self, duration: timedelta) -> None:
        self._duration = duration
        self._ids = TimeIds()
        # Only the last one that started can still be running: older ones are
        # kept by nobody (there is no operation to read them back).
        self._running: DiagnosticArchive | None = None
        self._lock = threading.Lock()

    def create(self, now: datetime) -> DiagnosticArchive:
        """Start an archive; it fails at once while another is collected."""
        with self._lock:
            running = self._running
            if running is not None and running.state(now) is DiagnosticArchiveState.IN_PROGRESS:
                return DiagnosticArchive(self._ids.next(now), now, self._duration, BUSY_REASON)
            self._running = DiagnosticArchive(self._ids.next(now), now, self._duration)
            return self._running

    def clear(self) -> None:
        """Forget the archive being collected."""
        with self._lock:
            self._running = None
            self._ids.reset()
