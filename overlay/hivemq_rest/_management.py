"""Backups, trace recordings and diagnostic archives, without I/O: requests and answers.

The requests come from the generated builders (every id or name is encoded
as exactly one path segment); here is what the spec cannot say: the checks
of a new trace recording, which backup states are final, and the types of
what the server sends back.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Final

import attrs
import httpx
from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import (
    Backup,
    BackupItem,
    BackupList,
    BackupState,
    DiagnosticArchive,
    DiagnosticArchiveItem,
    TraceFilter,
    TraceRecording,
    TraceRecordingEventsItem,
    TraceRecordingItem,
    TraceRecordingList,
    TraceRecordingState,
)

from ._download import DOWNLOAD_HEADERS
from ._errors import BackupFailedError, DownloadError, malformed_response
from ._operations import Call, _check_types, _parse, call_for

__all__ = [
    "FINAL_BACKUP_STATES",
    "backup_size",
    "check_backup_outcome",
    "download_call",
    "new_trace_recording",
    "parse_backup",
    "parse_backups",
    "parse_diagnostic_archive",
    "parse_trace_recording",
    "parse_trace_recordings",
    "stop_body",
]

FINAL_BACKUP_STATES: Final = frozenset(
    {
        BackupState.COMPLETED,
        BackupState.FAILED,
        BackupState.RESTORE_COMPLETED,
        BackupState.RESTORE_FAILED,
    }
)
_FAILED: Final = frozenset({BackupState.FAILED, BackupState.RESTORE_FAILED})

# What the broker accepts as a recording's name (its id).
_NAME: Final = re.compile(r"[A-Za-z0-9_-]{3,}")

_BACKUP_TYPES: Final[dict[str, tuple[type, bool]]] = {
    "id": (str, False),
    "createdAt": (str, False),
    "state": (str, False),
    "bytes": (int, True),
    "failReason": (str, True),
}
_RECORDING_TYPES: Final[dict[str, tuple[type, bool]]] = {
    "name": (str, False),
    "startAt": (str, False),
    "endAt": (str, False),
    "state": (str, False),
    "clientIdFilters": (list, False),
    "topicFilters": (list, False),
    "events": (list, False),
}
_FILTER_TYPES: Final[dict[str, tuple[type, bool]]] = {"regex": (str, False)}


def download_call(request: api.Request, accept: str) -> Call:
    """The Call of a file download: the file's type or an error's JSON, unencoded."""
    call = call_for(request)
    headers = (*call.headers, ("Accept", f"{accept}, application/json"), *DOWNLOAD_HEADERS)
    return attrs.evolve(call, headers=headers)


def _object(response: httpx.Response, raw: object, what: str) -> dict[str, object]:
    # The generated from_dict takes any iterable of pairs, even [] for {}.
    if not isinstance(raw, dict):
        raise malformed_response(response, f"{what} is not a JSON object")
    return raw


def _checked_backup(response: httpx.Response, raw: object, backup: Backup) -> Backup:
    _check_types(response, _object(response, raw, "backup"), _BACKUP_TYPES, "backup")
    return backup


def parse_backup(response: httpx.Response) -> Backup:
    """The Backup of a 200 getBackup, createBackup or restoreBackup answer."""
    item, document = _parse(response, BackupItem, "backup")
    if item.backup is None:
        raise malformed_response(response, "the answer has no backup")
    return _checked_backup(response, document.get("backup"), item.backup)


def parse_backups(response: httpx.Response) -> list[Backup]:
    """Every Backup of a 200 getAllBackups answer."""
    page, document = _parse(response, BackupList, "backups")
    items = page.items or []
    return [
        _checked_backup(response, raw, b)
        for raw, b in zip(document.get("items") or (), items, strict=True)
    ]


def backup_size(backup: Backup) -> int | None:
    """The file's size in bytes, if the server said it; DownloadError for a negative one."""
    if not isinstance(backup.bytes_, int):
        return None
    if backup.bytes_ < 0:
        raise DownloadError(
            f"the backup's size is {backup.bytes_}; no file has that", received=0, expected=None
        )
    return backup.bytes_


def check_backup_outcome(backup_id: str, backup: Backup) -> bool:
    """Whether the backup reached a final state; BackupFailedError if that state is a failure."""
    if backup.state is None or backup.state not in FINAL_BACKUP_STATES:
        return False  # an unknown (newer) state is taken as still running
    if backup.state in _FAILED:
        raise BackupFailedError(backup_id, str(backup.state), backup.fail_reason)
    return True


def _checked_recording(
    response: httpx.Response, raw: object, item: TraceRecording
) -> TraceRecording:
    document = _object(response, raw, "traceRecording")
    _check_types(response, document, _RECORDING_TYPES, "traceRecording")
    for key in ("clientIdFilters", "topicFilters"):
        for entry in document.get(key) or ():  # type: ignore[attr-defined]
            _check_types(response, _object(response, entry, key), _FILTER_TYPES, key)
    return item


def parse_trace_recording(response: httpx.Response) -> TraceRecording:
    """The TraceRecording of a 201 create or 200 stop answer."""
    item, document = _parse(response, TraceRecordingItem, "trace recording")
    return _checked_recording(response, document.get("traceRecording"), item.trace_recording)


def parse_trace_recordings(response: httpx.Response) -> list[TraceRecording]:
    """Every TraceRecording of a 200 getAllTraceRecordings answer."""
    page, document = _parse(response, TraceRecordingList, "trace recordings")
    items = page.items or []
    return [
        _checked_recording(response, raw, r)
        for raw, r in zip(document.get("items") or (), items, strict=True)
    ]


def parse_diagnostic_archive(response: httpx.Response) -> DiagnosticArchive:
    """The DiagnosticArchive of a 200 createDiagnosticArchive answer."""
    item, document = _parse(response, DiagnosticArchiveItem, "diagnostic archive")
    if item.diagnostic_archive is None:
        raise malformed_response(response, "the answer has no diagnosticArchive")
    raw = _object(response, document.get("diagnosticArchive"), "diagnosticArchive")
    _check_types(response, raw, _BACKUP_TYPES, "diagnosticArchive")
    return item.diagnostic_archive


def _texts(name: str, values: Sequence[str] | None) -> list[str]:
    """A list of distinct non-empty strings; a lone str is refused (it is no list of them)."""
    if values is None:
        return []
    if isinstance(values, str | bytes) or not isinstance(values, Sequence):
        raise TypeError(f"{name} must be a list of strings, not {type(values).__name__}")
    for value in values:
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must hold non-empty strings, not {value!r}")
    if len(set(values)) != len(values):
        raise ValueError(f"{name} has repeats")
    return list(values)


def _moment(name: str, value: datetime.datetime) -> datetime.datetime:
    if not isinstance(value, datetime.datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (e.g. tzinfo=datetime.UTC)")
    # Sent as the broker writes instants: UTC, with a "Z".
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in year 10000 in UTC
        raise ValueError(
            f"{name} is outside the years 1 to 9999 in UTC: {value.isoformat()}"
        ) from None


def new_trace_recording(
    name: str,
    start_at: datetime.datetime,
    end_at: datetime.datetime,
    client_id_filters: Sequence[str] | None,
    topic_filters: Sequence[str] | None,
    events: Sequence[TraceRecordingEventsItem | str],
) -> TraceRecordingItem:
    """The body of createTraceRecording; ValueError or TypeError for what the broker refuses."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(
            f"a trace recording's name has at least 3 characters, only letters, digits, "
            f"'-' and '_', not {name!r}"
        )
    start, end = _moment("start_at", start_at), _moment("end_at", end_at)
    if end <= start:
        raise ValueError("end_at must be after start_at")
    clients = _texts("client_id_filters", client_id_filters)
    topics = _texts("topic_filters", topic_filters)
    if not clients and not topics:
        raise ValueError("give at least one client_id_filters or topic_filters regex")
    kinds = _texts("events", events)
    if not kinds:
        raise ValueError(
            "give at least one event, e.g. TraceRecordingEventsItem.MQTT_MESSAGE_PUBLISH"
        )
    recording = TraceRecording(
        name=name,
        start_at=start,
        end_at=end,
        events=[TraceRecordingEventsItem(kind) for kind in kinds],
    )
    if clients:
        recording.client_id_filters = [TraceFilter(regex=r) for r in clients]
    if topics:
        recording.topic_filters = [TraceFilter(regex=r) for r in topics]
    return TraceRecordingItem(trace_recording=recording)


def stop_body(name: str) -> TraceRecordingItem:
    """The body of stopTraceRecording: only the state counts (the name is the spec's due)."""
    return TraceRecordingItem(
        trace_recording=TraceRecording(name=name, state=TraceRecordingState.STOPPED)
    )
