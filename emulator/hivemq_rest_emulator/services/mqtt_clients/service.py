"""The MQTT clients family as a :class:`~hivemq_rest_emulator.core.Service`."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.routing import BaseRoute

from ...core.faults import Faults
from ...core.service import Handler
from .admin import SessionsAdmin
from .backend import SessionBackend
from .handlers import ClientsHandlers


class MqttClientsService:
    """The six MQTT client operations and the sessions' admin endpoints over ``backend``."""

    def __init__(self, backend: SessionBackend, faults: Faults) -> None:
        self.backend = backend
        self._handlers = ClientsHandlers(backend)
        self._admin = SessionsAdmin(backend, faults)

    def handlers(self) -> Mapping[str, Handler]:
        """The handlers by operationId."""
        return self._handlers.by_operation_id()

    def reset(self) -> None:
        """Remove every session and event (behind a broker: disconnect every client)."""
        self.backend.reset()

    def admin_routes(self) -> list[BaseRoute]:
        """``/_emulator/sessions``, ``/seed`` and ``/events``."""
        return self._admin.routes()
