"""What the backup operations read from a request: only the backup id."""

from __future__ import annotations

from ...core import ApiError, ApiRequest


def backup_id(request: ApiRequest) -> str:
    """The ``backupId`` path parameter; 400 when it is empty."""
    value = request.path.get("backupId", "")
    if not value:
        raise ApiError(400, "Required parameter missing", "The backup id is missing.")
    return value
