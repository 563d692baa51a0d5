"""Backups: the broker's backups, from starting one to downloading its file.

Made by scripts/generate.py from _async_resources/backups.py (see scripts/_unasync.py);
do not edit: change _async_resources/backups.py and regenerate.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Final

from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import Backup

from .. import _management as mg
from .._call_options import CallOptions, call_options
from .._deadline import time_bound
from .._download import Progress, Sink, Target, check_target
from .._errors import APIConnectionError, WaitTimeoutError
from .._operations import call_for
from ._polling import Polling

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["Backups"]

_POLL_CAP: Final = 10.0  # seconds: a backup takes minutes, not milliseconds


class Backups:
    """``client.backups``: list, create, get, wait, restore and download backups."""

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    def list(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[Backup]:
        """Every backup the broker knows (failed ones stay listed for an hour).

        One request (the API does not page backups), made when iteration starts.
        """
        return self._list(call_options(timeout, extra_headers))

    def _list(self, options: CallOptions) -> Iterator[Backup]:
        for backup in self._all(options):
            yield backup

    def _all(self, options: CallOptions) -> builtins.list[Backup]:
        response = self._client._send(call_for(api.get_all_backups()), options)
        return mg.parse_backups(response)

    def _listed(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> builtins.list[Backup]:
        """``list()``, as one list (``with_raw_response``'s ``list``)."""
        return self._all(call_options(timeout, extra_headers))

    def create(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Backup:
        """Start a backup (IN_PROGRESS); ``wait`` for it. Never sent twice (POST)."""
        call = call_for(api.create_backup())
        return mg.parse_backup(self._client._send(call, call_options(timeout, extra_headers)))

    def get(
        self,
        backup_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Backup:
        """One backup and its state. NotFoundError if unknown."""
        call = call_for(api.get_backup(backup_id))
        return mg.parse_backup(self._client._send(call, call_options(timeout, extra_headers)))

    def restore(
        self,
        backup_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Backup:
        """Start restoring a backup; ``wait`` for it. Never sent twice (POST)."""
        call = call_for(api.restore_backup(backup_id))
        return mg.parse_backup(self._client._send(call, call_options(timeout, extra_headers)))

    def wait(
        self,
        backup_id: str,
        *,
        timeout: float = 3600.0,
        poll_interval: float = 1.0,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Backup:
        """Poll the backup until it is COMPLETED or RESTORE_COMPLETED, and return it.

        Polls start ``poll_interval`` seconds apart, doubling up to 10 s.
        BackupFailedError (with ``fail_reason``) when it ends FAILED or
        RESTORE_FAILED; WaitTimeoutError when ``timeout`` seconds pass first.
        ``timeout`` bounds the whole wait: a poll (its attempts and retries)
        gets only the time that is left.
        """
        # The first pause is poll_interval as given, even above the cap (wait_ready caps it).
        polling = Polling(timeout, poll_interval, _POLL_CAP, cap_first=False)
        api.get_backup(backup_id)  # a bad id fails here, before the first poll
        state: object = None  # the state the last poll answered
        while True:
            try:
                with time_bound(polling.left()):
                    backup = self.get(backup_id, extra_headers=extra_headers)
            except APIConnectionError as error:
                if polling.left() > 0:
                    raise
                raise WaitTimeoutError(_still(backup_id, state, timeout)) from error
            if mg.check_backup_outcome(backup_id, backup):
                return backup
            state = backup.state
            polling.pause(_still(backup_id, state, timeout))

    def download(
        self,
        backup_id: str,
        target: Target,
        progress: Progress | None = None,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> int:
        """Stream the backup's file into ``target``; the number of bytes written.

        ``target`` is a path (written whole or not at all: a temporary file
        beside it, mode 0600, fsynced, then renamed) or a binary file object.
        A path that exists must be a regular file: a directory is an
        IsADirectoryError, a symbolic link, FIFO, device or socket a
        FileExistsError, before anything is sent (for a stream such as
        standard output, pass the binary file object). Constant memory
        whatever the size. The size must match both Content-Length and the
        backup's ``bytes`` (DownloadError otherwise, and nothing left at the
        path). ``progress(bytes_so_far, total)`` is called after each chunk.
        Timeouts: see the README ("Backups"); ``timeout=`` bounds each whole
        attempt of the download (none by default).
        """
        request = api.download_backup_file(backup_id)
        options = call_options(timeout, extra_headers)
        check_target(target)  # before the backup is asked for its size
        expected = mg.backup_size(self.get(backup_id, extra_headers=extra_headers))
        sink = Sink(target, expected, progress)
        call = mg.download_call(request, "application/octet-stream")
        self._client._download(call, sink, options)
        return sink.received


def _still(backup_id: str, state: object, timeout: float) -> str:
    """What a wait that ran out says: the last state a poll answered, if one did."""
    if state is None:
        return f"backup {backup_id!r}: no poll was answered within {timeout} s"
    return f"backup {backup_id!r} is still {state} after {timeout} s"
