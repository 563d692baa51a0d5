"""The ASGI application: the HiveMQ API, the admin API and the fault gate in front.

Requests under ``/_emulator/`` (and lifespan events) go through Starlette: its
middleware and the admin routes. Every other HTTP request is a HiveMQ API
request and bypasses Starlette's routing: it passes the fault gate (latency,
dropped connection, 503), so that a dropped connection sends nothing at all, and
is then answered by :class:`~hivemq_rest_emulator._api.ClientsApi`, which routes
on the raw path. (Starlette's router matches the *decoded* path and would not
even match one holding an encoded line break.)
"""

from __future__ import annotations

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.types import Receive, Scope, Send

from ..services.mqtt_clients.api import ClientsApi
from ..services.mqtt_clients.backend import SessionBackend
from ..services.mqtt_clients.store import SessionStore
from .admin import AdminApi
from .faults import ConnectionDroppedError, Faults
from .problems import error_response, unavailable

ADMIN_PREFIX = "/_emulator"

_TITLES = {404: "Not found", 405: "Method not allowed"}


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


def is_admin_path(path: str) -> bool:
    """Whether ``path`` belongs to the admin API rather than to the HiveMQ API."""
    return path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/")


class EmulatorApp(Starlette):
    """The emulator's Starlette application; ``backend`` and ``faults`` are its state.

    ``backend`` is any :class:`~hivemq_rest_emulator.SessionBackend`: the
    in-memory :class:`SessionStore` (then also available as ``store``) or a
    :class:`~hivemq_rest_emulator.BrokerBackend`.
    """

    def __init__(self, store: SessionBackend, faults: Faults) -> None:
        self.backend = store
        self.faults = faults
        self.admin = AdminApi(store, faults)
        self.api = ClientsApi(store)
        super().__init__(
            routes=[Mount(ADMIN_PREFIX, routes=self.admin.routes())],
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
        if scope["type"] != "http" or is_admin_path(scope["path"]):
            await super().__call__(scope, receive, send)
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
                response = self.api.respond(scope)
            except Exception as exc:  # answered like Starlette would, in the errors shape
                response = _server_error(Request(scope), exc)
        await response(scope, receive, send)


def create_app(store: SessionBackend | None = None, faults: Faults | None = None) -> EmulatorApp:
    """The emulator as an ASGI (Starlette) application serving ``store``.

    ``store`` is any :class:`~hivemq_rest_emulator.SessionBackend`: a
    :class:`SessionStore` or a started
    :class:`~hivemq_rest_emulator.BrokerBackend`. Without one it serves a new,
    empty :class:`SessionStore` (``app.store``). ``app.faults`` holds the
    injected faults, none by default.
    """
    return EmulatorApp(store if store is not None else SessionStore(), faults or Faults())
