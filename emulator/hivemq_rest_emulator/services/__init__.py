"""The API's families, one package each: its state, request parsing, rendering and handlers.

``mqtt_clients`` is always there (it serves the sessions backend given to
``create_app``). Every other family is one line in :func:`default_services`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.clock import Clock
from ..core.service import Service
from .backups import BackupsService
from .data_hub import DataHubService
from .diagnostic_archives import DiagnosticArchivesService
from .health import HealthService
from .mqtt_clients.backend import SessionBackend
from .mqtt_clients.model import Session
from .trace_recordings import TraceRecordingsService

DEFAULT_BACKUP_SECONDS = 2.0
DEFAULT_BACKUP_BYTES = 1024 * 1024


def default_services(
    clock: Clock,
    sessions: SessionBackend | None = None,
    *,
    backup_seconds: float = DEFAULT_BACKUP_SECONDS,
    backup_bytes: int = DEFAULT_BACKUP_BYTES,
) -> Sequence[Service]:
    """The families besides MQTT clients, sharing emulator time ``clock``.

    ``sessions`` tells Data Hub which clients are connected (client state).
    """

    def connected(client_id: str) -> bool:
        return sessions is not None and sessions.read(client_id, _is_connected) is True

    return (
        DataHubService(clock, connected=connected),
        BackupsService(clock, backup_seconds=backup_seconds, backup_bytes=backup_bytes),
        TraceRecordingsService(clock),
        DiagnosticArchivesService(clock),
        HealthService(clock),
    )


def _is_connected(session: Session) -> bool:
    return session.connected
