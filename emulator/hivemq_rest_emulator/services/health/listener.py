"""The Health API's own listener: an ASGI app serving only the six health operations.

It answers like the REST API's listener (the host check, raw-path routing,
404/405 in the errors shape) but knows no admin API and no faults: the
admin API stays on the REST API's listener, as the broker's own
configuration would.
"""

from __future__ import annotations

from collections.abc import Iterable

from hivemq_rest_generated.operations import Operation
from starlette.datastructures import Headers, QueryParams
from starlette.types import Receive, Scope, Send

from ...core import ApiError, ApiRequest
from ...core.guard import HostGuard
from ...core.problems import error_response
from ...core.routing import RoutingTable, request_path, spec_operations
from .service import HealthService


def health_operations() -> tuple[Operation, ...]:
    """The operations of ``openapi.yaml`` served on a listener of their own (the Health API)."""
    return tuple(operation for operation in spec_operations() if operation.server is not None)


class HealthListener:
    """The ASGI app of ``hivemq-emulator serve --health-port``, answering from ``service``."""

    def __init__(self, service: HealthService, allowed_hosts: Iterable[str] = ()) -> None:
        self.service = service
        self.guard = HostGuard(allowed_hosts)
        self.routing = RoutingTable(health_operations())
        self._handlers = service.handlers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one HTTP request (the request body is not read: every operation is a GET)."""
        if scope["type"] != "http":
            return
        refusal = self.guard.refusal(scope)
        if refusal is not None:
            await error_response(403, *refusal)(scope, receive, send)
            return
        try:
            route = self.routing.resolve(str(scope["method"]).upper(), request_path(scope))
            request = ApiRequest(
                route.operation,
                route.path,
                QueryParams(scope.get("query_string", b"")),
                Headers(scope=scope),
            )
            response = self._handlers[route.operation.operation_id](request)
        except ApiError as exc:
            response = error_response(exc.status, exc.title, exc.detail, headers=exc.headers)
        await response(scope, receive, send)
