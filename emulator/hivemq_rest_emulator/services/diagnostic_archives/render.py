"""Diagnostic archives as the API writes them: the ``DiagnosticArchive`` schema."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .._moments import rfc3339
from .state import DiagnosticArchive


def archive(item: DiagnosticArchive, now: datetime) -> dict[str, Any]:
    """The ``DiagnosticArchive`` object; the emulator makes no file, so ``bytes`` is null."""
    return {
        "id": item.id,
        "createdAt": rfc3339(item.created_at),
        "state": item.state(now).value,
        "bytes": None,
        "failReason": item.fail_reason,
    }
