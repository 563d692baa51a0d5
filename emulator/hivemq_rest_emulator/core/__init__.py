"""The emulator's core: what every family of the API shares.

A family (MQTT clients, Data Hub, backups, ...) is a :class:`Service`: a map
from operationIds of ``openapi.yaml`` to handlers, and a ``reset``. The core
routes each request on its raw path to the operation, decodes its path
parameters, reads its body within bounds and calls the handler.
"""

from .clock import Clock
from .service import ApiError, ApiRequest, Handler, Service, WithAdminRoutes

__all__ = ["ApiError", "ApiRequest", "Clock", "Handler", "Service", "WithAdminRoutes"]
