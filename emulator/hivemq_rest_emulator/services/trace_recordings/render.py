"""Trace recordings as the API writes them: the ``TraceRecording`` schema and the zip file."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from starlette.responses import Response

from ...core import ApiError
from .._moments import rfc3339
from .state import HAS_FILE, TraceRecording

# Zip stores years 1980..2107 only.
_ZIP_YEARS = (1980, 2107)


def recording(item: TraceRecording, now: datetime) -> dict[str, Any]:
    """The ``TraceRecording`` object."""
    return {
        "name": item.name,
        "startAt": rfc3339(item.start_at),
        "endAt": rfc3339(item.end_at),
        "state": item.state(now).value,
        "clientIdFilters": [{"regex": regex} for regex in item.client_id_filters],
        "topicFilters": [{"regex": regex} for regex in item.topic_filters],
        "events": list(item.events),
    }


def file(item: TraceRecording, now: datetime) -> Response:
    """The recording as a zip with one log file; 400 while it is scheduled."""
    state = item.state(now)
    if state not in HAS_FILE:
        raise ApiError(
            400,
            "Trace recording file not available",
            f"Trace recording '{item.name}' is {state.value}; its file exists once it starts.",
        )
    return Response(
        archive(item),
        media_type="application/zip",
        # Names are letters, digits, '-' and '_' only (checked on create): safe here.
        headers={"Content-Disposition": f'attachment; filename="{item.name}.zip"'},
    )


def archive(item: TraceRecording) -> bytes:
    """The zip: ``<name>.log``, the same bytes for the same recording every time."""
    start = item.start_at
    if _ZIP_YEARS[0] <= start.year <= _ZIP_YEARS[1]:
        stamp = (start.year, start.month, start.day, start.hour, start.minute, start.second)
    else:
        stamp = (min(max(start.year, _ZIP_YEARS[0]), _ZIP_YEARS[1]), 1, 1, 0, 0, 0)
    entry = zipfile.ZipInfo(f"{item.name}.log", date_time=stamp)
    # Fixed, so the bytes do not depend on the platform the emulator runs on.
    entry.create_system = 3
    entry.external_attr = 0o644 << 16
    entry.compress_type = zipfile.ZIP_DEFLATED
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr(entry, _log(item))
    return buffer.getvalue()


def _log(item: TraceRecording) -> str:
    # The emulator sees no MQTT packets: the log states what was to be recorded.
    lines = [
        f"# trace recording {item.name} (hivemq-rest-emulator: no packets recorded)",
        f"startAt {rfc3339(item.start_at)}",
        f"endAt {rfc3339(item.end_at)}",
    ]
    if item.stopped_at is not None:
        lines.append(f"stoppedAt {rfc3339(item.stopped_at)}")
    lines += [f"clientIdFilter {regex}" for regex in item.client_id_filters]
    lines += [f"topicFilter {regex}" for regex in item.topic_filters]
    lines += [f"event {event}" for event in item.events]
    return "\n".join(lines) + "\n"
