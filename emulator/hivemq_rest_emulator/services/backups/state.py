"""The backups the emulator keeps, and the state each is in at a given moment.

Nothing runs in the background: a backup records when it started (and when a
restore of it started), and its state is worked out from the clock whenever
it is read.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import attrs
from hivemq_rest_generated.models import BackupState

from .._moments import TimeIds

# Failed backups stay listed this long (semantics: "for one hour").
FAILED_KEPT = timedelta(hours=1)
BUSY_REASON = "Another backup or restore is already in progress."


# RESTORE_FAILED never happens here: a restore that cannot start is refused (400).
RUNNING = frozenset({BackupState.IN_PROGRESS, BackupState.RESTORE_IN_PROGRESS})
HAS_FILE = frozenset(
    {BackupState.COMPLETED, BackupState.RESTORE_IN_PROGRESS, BackupState.RESTORE_COMPLETED}
)
RESTORABLE = frozenset({BackupState.COMPLETED, BackupState.RESTORE_COMPLETED})


@attrs.frozen
class Backup:
    """One backup: when it started, its file size, and what happened to it since."""

    id: str
    created_at: datetime
    size: int
    duration: timedelta
    fail_reason: str | None = None
    restore_started_at: datetime | None = None

    def state(self, now: datetime) -> BackupState:
        """Where this backup stands at ``now``."""
        if self.fail_reason is not None:
            return BackupState.FAILED
        if now < self.created_at + self.duration:
            return BackupState.IN_PROGRESS
        if self.restore_started_at is None:
            return BackupState.COMPLETED
        if now < self.restore_started_at + self.duration:
            return BackupState.RESTORE_IN_PROGRESS
        return BackupState.RESTORE_COMPLETED

    def expired(self, now: datetime) -> bool:
        """A failed backup an hour old: no longer listed."""
        return self.fail_reason is not None and now >= self.created_at + FAILED_KEPT


class NotRestorableError(Exception):
    """A restore cannot start: the backup has no file yet, or something else runs."""


class BackupStore:
    """Every backup, by id, in creation order."""

    def __init__(self, duration: timedelta, size: int) -> None:
        self._duration = duration
        self._size = size
        self._ids = TimeIds()
        self._backups: dict[str, Backup] = {}
        self._lock = threading.Lock()

    def create(self, now: datetime) -> Backup:
        """Start a backup; it fails at once if a backup or restore is running."""
        with self._lock:
            self._prune(now)
            busy = self._busy(now)
            backup = Backup(
                id=self._ids.next(now),
                created_at=now,
                size=self._size,
                duration=self._duration,
                fail_reason=BUSY_REASON if busy else None,
            )
            self._backups[backup.id] = backup
            return backup

    def get(self, backup_id: str, now: datetime) -> Backup | None:
        """The backup with this id, if it is still listed."""
        with self._lock:
            self._prune(now)
            return self._backups.get(backup_id)

    def all(self, now: datetime) -> list[Backup]:
        """Every listed backup, oldest first."""
        with self._lock:
            self._prune(now)
            return list(self._backups.values())

    def restore(self, backup_id: str, now: datetime) -> Backup | None:
        """Start restoring a backup; None if unknown, NotRestorableError if it cannot start."""
        with self._lock:
            self._prune(now)
            backup = self._backups.get(backup_id)
            if backup is None:
                return None
            state = backup.state(now)
            if state not in RESTORABLE:
                raise NotRestorableError(
                    f"Backup '{backup_id}' is {state.value}; only a COMPLETED backup "
                    "can be restored."
                )
            if self._busy(now):
                raise NotRestorableError(BUSY_REASON)
            restored = attrs.evolve(backup, restore_started_at=now)
            self._backups[backup_id] = restored
            return restored

    def clear(self) -> None:
        """Forget every backup."""
        with self._lock:
            self._backups.clear()
            self._ids.reset()

    def _busy(self, now: datetime) -> bool:
        return any(backup.state(now) in RUNNING for backup in self._backups.values())

    def _prune(self, now: datetime) -> None:
        for backup_id in [key for key, value in self._backups.items() if value.expired(now)]:
            del self._backups[backup_id]
