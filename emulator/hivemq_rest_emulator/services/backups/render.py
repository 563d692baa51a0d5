"""Backups as the API writes them: the ``Backup`` schema, and the file download."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from starlette.responses import Response, StreamingResponse

from ...core import ApiError
from .._moments import rfc3339
from . import content
from .state import HAS_FILE, Backup


def backup(item: Backup, now: datetime) -> dict[str, Any]:
    """The ``Backup`` object; ``bytes`` once the file exists, ``failReason`` once failed."""
    state = item.state(now)
    return {
        "id": item.id,
        "createdAt": rfc3339(item.created_at),
        "state": state.value,
        "bytes": item.size if state in HAS_FILE else None,
        "failReason": item.fail_reason,
    }


def file(item: Backup, now: datetime) -> Response:
    """The backup file, streamed; 400 while the backup has none."""
    state = item.state(now)
    if state not in HAS_FILE:
        raise ApiError(
            400,
            "Backup file not available",
            f"Backup '{item.id}' is {state.value}; its file exists once it is COMPLETED.",
        )
    return StreamingResponse(
        content.chunks(item.id, item.size),
        media_type="application/octet-stream",
        headers={
            "Content-Length": str(item.size),
            "Content-Disposition": f'attachment; filename="{_filename(item)}"',
        },
    )


def _filename(item: Backup) -> str:
    # Ids are made by the emulator (digits and "-"), so they are safe in a header.
    return f"hivemq-backup-{item.id}.bin"
