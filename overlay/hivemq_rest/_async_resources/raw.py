"""``hivemq.with_raw_response``: each one-request method, answering a RawResponse.

``hivemq.with_raw_response.clients.get(id)`` sends what ``clients.get(id)``
sends and answers ``RawResponse[ClientDetails]``: the status, headers and
bounded body of the final answer, and ``parse()`` for what the method
returns. Listings of backups and trace recordings (one request each) answer
a ``list``; paged listings, waits and downloads have no raw form.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .._raw_response import araw

if TYPE_CHECKING:
    from .._async_api import AsyncAPI
    from .backups import AsyncBackups
    from .clients import AsyncClients
    from .data_hub import AsyncDataHub
    from .data_hub_policies import AsyncBehaviorPolicies, AsyncDataPolicies
    from .data_hub_schemas import AsyncSchemas, AsyncScripts
    from .diagnostic_archives import AsyncDiagnosticArchives
    from .health import AsyncHealthChecks
    from .trace_recordings import AsyncTraceRecordings

__all__ = ["AsyncRawAPI"]


class AsyncRawClients:
    """``with_raw_response.clients``."""

    def __init__(self, clients: AsyncClients) -> None:
        self.get = araw(clients.get)
        self.connection_state = araw(clients.connection_state)
        self.is_connected = araw(clients.is_connected)
        self.disconnect = araw(clients.disconnect)
        self.invalidate_session = araw(clients.invalidate_session)


class AsyncRawDataPolicies:
    """``with_raw_response.data_hub.data_policies``."""

    def __init__(self, policies: AsyncDataPolicies) -> None:
        self.get = araw(policies.get)
        self.etag = araw(policies.etag)
        self.create = araw(policies.create)
        self.update = araw(policies.update)
        self.delete = araw(policies.delete)


class AsyncRawBehaviorPolicies:
    """``with_raw_response.data_hub.behavior_policies``."""

    def __init__(self, policies: AsyncBehaviorPolicies) -> None:
        self.get = araw(policies.get)
        self.etag = araw(policies.etag)
        self.create = araw(policies.create)
        self.update = araw(policies.update)
        self.delete = araw(policies.delete)


class AsyncRawSchemas:
    """``with_raw_response.data_hub.schemas``."""

    def __init__(self, schemas: AsyncSchemas) -> None:
        self.get = araw(schemas.get)
        self.create = araw(schemas.create)
        self.create_json = araw(schemas.create_json)
        self.create_protobuf = araw(schemas.create_protobuf)
        self.delete = araw(schemas.delete)


class AsyncRawScripts:
    """``with_raw_response.data_hub.scripts``."""

    def __init__(self, scripts: AsyncScripts) -> None:
        self.get = araw(scripts.get)
        self.create = araw(scripts.create)
        self.create_js = araw(scripts.create_js)
        self.delete = araw(scripts.delete)


class AsyncRawDataHub:
    """``with_raw_response.data_hub``."""

    def __init__(self, data_hub: AsyncDataHub) -> None:
        self.data_policies = AsyncRawDataPolicies(data_hub.data_policies)
        self.behavior_policies = AsyncRawBehaviorPolicies(data_hub.behavior_policies)
        self.schemas = AsyncRawSchemas(data_hub.schemas)
        self.scripts = AsyncRawScripts(data_hub.scripts)
        self.client_state = araw(data_hub.client_state)
        self.start_trial = araw(data_hub.start_trial)


class AsyncRawBackups:
    """``with_raw_response.backups`` (``list`` answers one list)."""

    def __init__(self, backups: AsyncBackups) -> None:
        self.list = araw(backups._listed)
        self.create = araw(backups.create)
        self.get = araw(backups.get)
        self.restore = araw(backups.restore)


class AsyncRawTraceRecordings:
    """``with_raw_response.trace_recordings`` (``list`` answers one list)."""

    def __init__(self, recordings: AsyncTraceRecordings) -> None:
        self.list = araw(recordings._listed)
        self.create = araw(recordings.create)
        self.stop = araw(recordings.stop)
        self.delete = araw(recordings.delete)


class AsyncRawDiagnosticArchives:
    """``with_raw_response.diagnostic_archives``."""

    def __init__(self, archives: AsyncDiagnosticArchives) -> None:
        self.create = araw(archives.create)


class AsyncRawHealthChecks:
    """``with_raw_response.health`` (a 503, DOWN, is an answer here too)."""

    def __init__(self, health: AsyncHealthChecks) -> None:
        self.status = araw(health.status)
        self.component = araw(health.component)
        self.extensions = araw(health.extensions)
        self.extension = araw(health.extension)
        self.liveness = araw(health.liveness)
        self.readiness = araw(health.readiness)


class AsyncRawAPI:
    """The namespaces of ``with_raw_response``, built when first used."""

    def __init__(self, client: AsyncAPI) -> None:
        self._client = client

    @functools.cached_property
    def clients(self) -> AsyncRawClients:
        """MQTT clients."""
        return AsyncRawClients(self._client.clients)

    @functools.cached_property
    def data_hub(self) -> AsyncRawDataHub:
        """Data Hub."""
        return AsyncRawDataHub(self._client.data_hub)

    @functools.cached_property
    def backups(self) -> AsyncRawBackups:
        """Backups."""
        return AsyncRawBackups(self._client.backups)

    @functools.cached_property
    def trace_recordings(self) -> AsyncRawTraceRecordings:
        """Trace recordings."""
        return AsyncRawTraceRecordings(self._client.trace_recordings)

    @functools.cached_property
    def diagnostic_archives(self) -> AsyncRawDiagnosticArchives:
        """Diagnostic archives."""
        return AsyncRawDiagnosticArchives(self._client.diagnostic_archives)

    @functools.cached_property
    def health(self) -> AsyncRawHealthChecks:
        """The Health API."""
        return AsyncRawHealthChecks(self._client.health)
