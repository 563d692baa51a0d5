"""The ASGI application: the host check, the body limit, the admin API, faults, routing.

Every HTTP request first passes the :class:`~hivemq_rest_emulator.core.guard.HostGuard`
(403) and has its body read within ``max_body_bytes`` (413, without reading
more than that). Requests under ``/_emulator/`` then go through Starlette (its
middleware and the admin routes). Every other request is a HiveMQ API request
and bypasses Starlette's routing: it passes the fault gate (latency, dropped
connection, 503), so that a dropped connection sends nothing at all, and is
then routed on its raw path (:mod:`~hivemq_rest_emulator.core.routing`) to the
handler of its operation, in whichever family registered it (501 when none did).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import anyio
from starlette.applications import Starlette
from starlette.datastructures import Headers, QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.types import Message, Receive, Scope, Send

from ..services import default_services
from ..services.mqtt_clients.backend import SessionBackend
from ..services.mqtt_clients.service import MqttClientsService
from ..services.mqtt_clients.store import SessionStore
from .admin import AdminApi
from .clock import Clock
from .faults import ConnectionDroppedError, Faults
from .guard import HostGuard
from .problems import error_response, unavailable
from .routing import RoutingTable, request_path, rest_operations, spec_operations
from .service import ApiError, ApiRequest, Handler, Service, WithAdminRoutes

ADMIN_PREFIX = "/_emulator"
DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024

_TITLES = {404: "Not found", 405: "Method not allowed"}


class _ClientGoneError(Exception):
    """The client disconnected before sending its whole body."""


def _http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    title = _TITLES.get(exc.status_code, "Request failed")
    detail = exc.detail
    if exc.status_code == 404:
        detail = f"There is no resource at path '{request.url.path}'"
    elif exc.status_code == 405:
        allow = (exc.headers or {}).get("Allow", "")
        detail = f"Method '{request.method}' is not allowed here; allowed: {allow}"
    return error_response(exc.status_code, title, detail, headers=exc.headers)


def _server_error(request: Request, exc: Exception) -> Response:
    return error_response(500, "Internal server error", f"{type(exc).__name__}: {exc}")


def _api_error(exc: ApiError) -> Response:
    return error_response(exc.status, exc.title, exc.detail, headers=exc.headers)


def is_admin_path(path: str) -> bool:
    """Whether ``path`` belongs to the admin API rather than to the HiveMQ API."""
    return path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")


async def read_body(scope: Scope, receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None as soon as it is known to exceed ``limit`` bytes."""
    length = Headers(scope=scope).get("content-length", "")
    if length.isdigit() and int(length) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGoneError
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands out ``body`` once, then whatever the server sends."""
    pending = [body]

    async def replayed() -> Message:
        if pending:
            return {"type": "http.request", "body": pending.pop(), "more_body": False}
        return await receive()

    return replayed


def _handlers(services: Iterable[Service]) -> dict[str, Handler]:
    known = {operation.operation_id for operation in spec_operations()}
    handlers: dict[str, Handler] = {}
    for service in services:
        for operation_id, handler in service.handlers().items():
            if operation_id not in known:
                raise ValueError(f"{type(service).__name__}: no operation {operation_id!r}")
            if operation_id in handlers:
                raise ValueError(f"two services answer {operation_id!r}")
            handlers[operation_id] = handler
    return handlers


class EmulatorApp(Starlette):
    """The emulator's Starlette application.

    ``backend`` is the sessions' :class:`~hivemq_rest_emulator.SessionBackend`
    (``store`` when it is the in-memory :class:`SessionStore`), ``faults`` the
    injected faults, ``clock`` emulator time, ``services`` every registered
    family (MQTT clients first).
    """

    def __init__(
        self,
        backend: SessionBackend,
        faults: Faults,
        clock: Clock,
        services: Sequence[Service],
        *,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        allowed_hosts: Iterable[str] = (),
    ) -> None:
        if max_body_bytes < 0:
            raise ValueError("max_body_bytes must not be negative")
        self.backend = backend
        self.faults = faults
        self.clock = clock
        self.services: tuple[Service, ...] = (MqttClientsService(backend, faults), *services)
        self.max_body_bytes = max_body_bytes
        self.guard = HostGuard(allowed_hosts)
        self.routing = RoutingTable(rest_operations())
        self.handlers = _handlers(self.services)
        self.admin = AdminApi(faults, clock, self.services, backend.expire_cursors)
        admin_routes = self.admin.routes()
        for service in self.services:
            if isinstance(service, WithAdminRoutes):
                admin_routes += service.admin_routes()
        super().__init__(
            routes=[Mount(ADMIN_PREFIX, routes=admin_routes)],
            exception_handlers={HTTPException: _http_exception, Exception: _server_error},
        )

    @property
    def store(self) -> SessionStore:
        """The in-memory store being served; ``TypeError`` if the backend is another one."""
        if not isinstance(self.backend, SessionStore):
            raise TypeError(
                f"this emulator serves a {type(self.backend).__name__}, not a SessionStore; "
                "use .backend"
            )
        return self.backend

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection: admin requests via Starlette, API requests directly."""
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        refusal = self.guard.refusal(scope)
        if refusal is not None:
            await error_response(403, *refusal)(scope, receive, send)
            return
        try:
            body = await read_body(scope, receive, self.max_body_bytes)
        except _ClientGoneError:
            return
        if body is None:
            too_large = error_response(
                413,
                "Request body too large",
                f"The request body exceeds {self.max_body_bytes} bytes",
                headers={"Connection": "close"},
            )
            await too_large(scope, receive, send)
            return
        if is_admin_path(scope["path"]):
            await super().__call__(scope, _replay(body, receive), send)
            return
        decision = self.faults.decide()
        if decision.latency_seconds > 0:
            await anyio.sleep(decision.latency_seconds)
        if decision.drop:
            raise ConnectionDroppedError("fault injection: connection dropped")
        if decision.unavailable:
            response = unavailable(decision.retry_after)
        else:
            try:
                response = self.respond(scope, body)
            except Exception as exc:  # answered like Starlette would, in the errors shape
                response = _server_error(Request(scope), exc)
        await response(scope, receive, send)

    def respond(self, scope: Scope, body: bytes = b"") -> Response:
        """The answer to one API request (handlers are quick and synchronous)."""
        try:
            route = self.routing.resolve(str(scope["method"]).upper(), request_path(scope))
            handler = self.handlers.get(route.operation.operation_id)
            if handler is None:
                operation = route.operation
                raise ApiError(
                    501,
                    "Not implemented",
                    f"The emulator does not implement {operation.operation_id} "
                    f"({operation.method} {operation.path}) yet",
                )
            request = ApiRequest(
                route.operation,
                route.path,
                QueryParams(scope.get("query_string", b"")),
                Headers(scope=scope),
                body,
            )
            return handler(request)
        except ApiError as exc:
            return _api_error(exc)


def create_app(
    store: SessionBackend | None = None,
    faults: Faults | None = None,
    *,
    clock: Clock | None = None,
    services: Sequence[Service] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    allowed_hosts: Iterable[str] = (),
) -> EmulatorApp:
    """The emulator as an ASGI (Starlette) application serving ``store``.

    ``store`` is any :class:`~hivemq_rest_emulator.SessionBackend`: a
    :class:`SessionStore` or a started
    :class:`~hivemq_rest_emulator.BrokerBackend`. Without one it serves a new,
    empty :class:`SessionStore` (``app.store``). ``app.faults`` holds the
    injected faults, none by default; ``app.clock`` is emulator time.
    ``services`` are the families besides MQTT clients (default: every one
    the emulator has, on ``clock``); an operation of no family answers 501.
    Bodies over ``max_body_bytes`` answer 413; ``allowed_hosts`` are extra
    ``Host`` names to serve (``*``: any) besides the loopback names and the
    server's own address.
    """
    clock = clock or Clock()
    store = store if store is not None else SessionStore()
    return EmulatorApp(
        store,
        faults or Faults(),
        clock,
        default_services(clock, store) if services is None else services,
        max_body_bytes=max_body_bytes,
        allowed_hosts=allowed_hosts,
    )
