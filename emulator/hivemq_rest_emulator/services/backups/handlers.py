"""The five Backup & Restore operations, as a core :class:`Service`."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from starlette.responses import Response

from ...core import ApiError, ApiRequest, Clock, Handler
from ...core.clock import check_duration
from ...core.problems import json_response
from .._errors import not_found
from . import parsing, render
from .state import BackupStore, NotRestorableError

# The API's `bytes` is an int64, and no HTTP stack takes a longer Content-Length.
MAX_BACKUP_BYTES = 2**63 - 1


class BackupsService:
    """Backups that take ``backup_seconds`` of emulator time and files of ``backup_bytes``.

    A restore takes as long as a backup. ``backup_seconds`` is at most
    :data:`~hivemq_rest_emulator.core.clock.MAX_DURATION_SECONDS`,
    ``backup_bytes`` at most :data:`MAX_BACKUP_BYTES` (ValueError otherwise).
    """

    def __init__(
        self, clock: Clock, backup_seconds: float = 2.0, backup_bytes: int = 1024 * 1024
    ) -> None:
        check_duration(backup_seconds, "backup_seconds")
        if isinstance(backup_bytes, bool) or not isinstance(backup_bytes, int):
            raise TypeError("backup_bytes must be an integer")
        if not 0 <= backup_bytes <= MAX_BACKUP_BYTES:
            raise ValueError(f"backup_bytes must be between 0 and {MAX_BACKUP_BYTES}")
        self._clock = clock
        self._store = BackupStore(timedelta(seconds=backup_seconds), backup_bytes)

    def handlers(self) -> Mapping[str, Handler]:
        """getAllBackups, createBackup, getBackup, restoreBackup, downloadBackupFile."""
        return {
            "getAllBackups": self._list,
            "createBackup": self._create,
            "getBackup": self._get,
            "restoreBackup": self._restore,
            "downloadBackupFile": self._download,
        }

    def reset(self) -> None:
        """Forget every backup."""
        self._store.clear()

    def _list(self, request: ApiRequest) -> Response:
        now = self._clock.now()
        items = [render.backup(item, now) for item in self._store.all(now)]
        return json_response({"items": items})

    def _create(self, request: ApiRequest) -> Response:
        now = self._clock.now()
        return json_response({"backup": render.backup(self._store.create(now), now)})

    def _get(self, request: ApiRequest) -> Response:
        backup_id = parsing.backup_id(request)
        now = self._clock.now()
        item = self._store.get(backup_id, now)
        if item is None:
            raise not_found("Backup", backup_id)
        return json_response({"backup": render.backup(item, now)})

    def _restore(self, request: ApiRequest) -> Response:
        backup_id = parsing.backup_id(request)
        now = self._clock.now()
        try:
            item = self._store.restore(backup_id, now)
        except NotRestorableError as refused:
            raise ApiError(400, "Restore not possible", str(refused)) from None
        if item is None:
            raise not_found("Backup", backup_id)
        return json_response({"backup": render.backup(item, now)})

    def _download(self, request: ApiRequest) -> Response:
        backup_id = parsing.backup_id(request)
        now = self._clock.now()
        item = self._store.get(backup_id, now)
        if item is None:
            raise not_found("Backup", backup_id)
        return render.file(item, now)
