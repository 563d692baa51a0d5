"""``hivemq.with_raw_response``: each one-request method, answering a RawResponse.

Made by scripts/generate.py from _async_resources/raw.py (see scripts/_unasync.py);
do not edit: change _async_resources/raw.py and regenerate.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._raw_response import raw

if TYPE_CHECKING:
    from .._sync_api import SyncAPI
    from .backups import Backups
    from .clients import Clients
    from .data_hub import DataHub
    from .data_hub_policies import BehaviorPolicies, DataPolicies
    from .data_hub_schemas import Schemas, Scripts
    from .diagnostic_archives import DiagnosticArchives
    from .health import HealthChecks
    from .trace_recordings import TraceRecordings

__all__ = ["RawAPI"]


class RawClients:
    """``with_raw_response.clients``."""

    def __init__(self, clients: Clients) -> None:
        self.get = raw(clients.get)
        self.connection_state = raw(clients.connection_state)
        self.is_connected = raw(clients.is_connected)
        self.disconnect = raw(clients.disconnect)
        self.invalidate_session = raw(clients.invalidate_session)


class RawDataPolicies:
    """``with_raw_response.data_hub.data_policies``."""

    def __init__(self, policies: DataPolicies) -> None:
        self.get = raw(policies.get)
        self.etag = raw(policies.etag)
        self.create = raw(policies.create)
        self.update = raw(policies.update)
        self.delete = raw(policies.delete)


class RawBehaviorPolicies:
    """``with_raw_response.data_hub.behavior_policies``."""

    def __init__(self, policies: BehaviorPolicies) -> None:
        self.get = raw(policies.get)
        self.etag = raw(policies.etag)
        self.create = raw(policies.create)
        self.update = raw(policies.update)
        self.delete = raw(policies.delete)


class RawSchemas:
    """``with_raw_response.data_hub.schemas``."""

    def __init__(self, schemas: Schemas) -> None:
        self.get = raw(schemas.get)
        self.create = raw(schemas.create)
        self.create_json = raw(schemas.create_json)
        self.create_protobuf = raw(schemas.create_protobuf)
        self.delete = raw(schemas.delete)


class RawScripts:
    """``with_raw_response.data_hub.scripts``."""

    def __init__(self, scripts: Scripts) -> None:
        self.get = raw(scripts.get)
        self.create = raw(scripts.create)
        self.create_js = raw(scripts.create_js)
        self.delete = raw(scripts.delete)


class RawDataHub:
    """``with_raw_response.data_hub``."""

    def __init__(self, data_hub: DataHub) -> None:
        self.data_policies = RawDataPolicies(data_hub.data_policies)
        self.behavior_policies = RawBehaviorPolicies(data_hub.behavior_policies)
        self.schemas = RawSchemas(data_hub.schemas)
        self.scripts = RawScripts(data_hub.scripts)
        self.client_state = raw(data_hub.client_state)
        self.start_trial = raw(data_hub.start_trial)


class RawBackups:
    """``with_raw_response.backups`` (``list`` answers one list)."""

    def __init__(self, backups: Backups) -> None:
        self.list = raw(backups._listed)
        self.create = raw(backups.create)
        self.get = raw(backups.get)
        self.restore = raw(backups.restore)


class RawTraceRecordings:
    """``with_raw_response.trace_recordings`` (``list`` answers one list)."""

    def __init__(self, recordings: TraceRecordings) -> None:
        self.list = raw(recordings._listed)
        self.create = raw(recordings.create)
        self.stop = raw(recordings.stop)
        self.delete = raw(recordings.delete)


class RawDiagnosticArchives:
    """``with_raw_response.diagnostic_archives``."""

    def __init__(self, archives: DiagnosticArchives) -> None:
        self.create = raw(archives.create)


class RawHealthChecks:
    """``with_raw_response.health`` (a 503, DOWN, is an answer here too)."""

    def __init__(self, health: HealthChecks) -> None:
        self.status = raw(health.status)
        self.component = raw(health.component)
        self.extensions = raw(health.extensions)
        self.extension = raw(health.extension)
        self.liveness = raw(health.liveness)
        self.readiness = raw(health.readiness)


class RawAPI:
    """The namespaces of ``with_raw_response``, built when first used."""

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    @functools.cached_property
    def clients(self) -> RawClients:
        """MQTT clients."""
        return RawClients(self._client.clients)

    @functools.cached_property
    def data_hub(self) -> RawDataHub:
        """Data Hub."""
        return RawDataHub(self._client.data_hub)

    @functools.cached_property
    def backups(self) -> RawBackups:
        """Backups."""
        return RawBackups(self._client.backups)

    @functools.cached_property
    def trace_recordings(self) -> RawTraceRecordings:
        """Trace recordings."""
        return RawTraceRecordings(self._client.trace_recordings)

    @functools.cached_property
    def diagnostic_archives(self) -> RawDiagnosticArchives:
        """Diagnostic archives."""
        return RawDiagnosticArchives(self._client.diagnostic_archives)

    @functools.cached_property
    def health(self) -> RawHealthChecks:
        """The Health API."""
        return RawHealthChecks(self._client.health)
