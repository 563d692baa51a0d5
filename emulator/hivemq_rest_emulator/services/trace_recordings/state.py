"""The trace recordings the emulator keeps, and the state each is in at a given moment.

A recording's state follows from the clock and its ``startAt`` / ``endAt``
(and when it was stopped), worked out whenever it is read.
"""

from __future__ import annotations

import threading
from datetime import datetime

import attrs
from hivemq_rest_generated.models import TraceRecordingState as TraceState

# ABORTED is the broker's doing (it gave up recording): the emulator never aborts.
HAS_FILE = frozenset({TraceState.IN_PROGRESS, TraceState.STOPPED, TraceState.ABORTED})


@attrs.frozen
class TraceRecording:
    """One recording as created (validated), plus when it was stopped, if it was."""

    name: str
    start_at: datetime
    end_at: datetime
    client_id_filters: tuple[str, ...]
    topic_filters: tuple[str, ...]
    events: tuple[str, ...]
    stopped_at: datetime | None = None

    def state(self, now: datetime) -> TraceState:
        """Where this recording stands at ``now``."""
        if self.stopped_at is not None:
            return TraceState.STOPPED
        if now < self.start_at:
            return TraceState.SCHEDULED
        if now < self.end_at:
            return TraceState.IN_PROGRESS
        return TraceState.STOPPED


class NameTakenError(Exception):
    """A recording with this name exists already."""


class TraceStore:
    """Every recording, by name, in creation order."""

    def __init__(self) -> None:
        self._recordings: dict[str, TraceRecording] = {}
        self._lock = threading.Lock()

    def add(self, recording: TraceRecording) -> None:
        """Keep a new recording; NameTakenError if its name is in use."""
        with self._lock:
            if recording.name in self._recordings:
                raise NameTakenError(recording.name)
            self._recordings[recording.name] = recording

    def get(self, name: str) -> TraceRecording | None:
        """The recording with this name, if any."""
        with self._lock:
            return self._recordings.get(name)

    def all(self) -> list[TraceRecording]:
        """Every recording, oldest first."""
        with self._lock:
            return list(self._recordings.values())

    def stop(self, name: str, now: datetime) -> TraceRecording | None:
        """Stop a recording now (no change if it has stopped already); None if unknown."""
        with self._lock:
            recording = self._recordings.get(name)
            if recording is None or recording.state(now) is TraceState.STOPPED:
                return recording
            stopped = attrs.evolve(recording, stopped_at=now)
            self._recordings[name] = stopped
            return stopped

    def remove(self, name: str) -> bool:
        """Forget a recording; False if there was none by this name."""
        with self._lock:
            return self._recordings.pop(name, None) is not None

    def clear(self) -> None:
        """Forget every recording."""
        with self._lock:
            self._recordings.clear()
