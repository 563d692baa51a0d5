"""The admin API under ``/_emulator/`` (not part of HiveMQ): set up and inspect the emulator.

=======  =======================  =====================================================
Method   Path                     Effect
=======  =======================  =====================================================
POST     /_emulator/sessions      Add one session (JSON object) or many (JSON array),
                                  all or nothing: 201 ``{"created": n}``; 409 if an id
                                  exists; 400 for a bad body.
DELETE   /_emulator/sessions      Reset everything: sessions, events, faults: 204.
POST     /_emulator/seed          ``{"count": n, "seed": s}``: add seeded sessions: 201.
GET      /_emulator/events        ``{"events": [...]}``, oldest first.
DELETE   /_emulator/events        Forget the events: 204.
GET      /_emulator/faults        The fault configuration in force.
PUT      /_emulator/faults        Replace it (omitted keys take defaults): 200 with the
                                  new configuration. ``"expireCursors": true`` expires
                                  every cursor issued so far, once.
=======  =======================  =====================================================

Errors use the API's ``{"errors": [{"title", "detail"}]}`` shape.

Behind a real MQTT broker (:class:`~hivemq_rest_emulator.BrokerBackend`) sessions
come only from real MQTT clients: ``POST /_emulator/sessions`` and
``POST /_emulator/seed`` answer 501 there; resetting disconnects every client
(without wills) and removes every session.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..services.mqtt_clients.backend import SessionBackend
from ..services.mqtt_clients.parse import sessions_from_json
from ..services.mqtt_clients.seed import seed_sessions
from ..services.mqtt_clients.store import DuplicateSessionError, SessionStore
from .faults import FaultConfig, Faults
from .problems import error_response, json_response, no_content
from .reader import InvalidBodyError, Reader

MAX_SEED_COUNT = 10_000_000


async def read_json(request: Request) -> Any:
    """The request body as JSON; raise :class:`InvalidBodyError`."""
    body = await request.body()
    try:
        value = json.loads(body)
        # Lone surrogates (JSON "\ud800") are valid JSON but no valid text.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeError:
        raise InvalidBodyError("the body must be UTF-8 JSON without lone surrogates") from None
    except ValueError as exc:
        raise InvalidBodyError(f"the body is not valid JSON: {exc}") from None
    return value


def _bad_body(exc: InvalidBodyError) -> Response:
    return error_response(400, "Invalid request body", str(exc))


def _conflict(exc: DuplicateSessionError) -> Response:
    return error_response(
        409, "Session exists", f"A session with id '{exc.client_id}' exists already"
    )


def _not_in_memory() -> Response:
    return error_response(
        501,
        "Not supported by this backend",
        "Sessions can only be added to the in-memory store; "
        "behind a real broker, connect MQTT clients instead",
    )


class AdminApi:
    """The admin endpoints, bound to one session backend and one fault configuration."""

    def __init__(self, backend: SessionBackend, faults: Faults) -> None:
        self.backend = backend
        self.faults = faults

    def _store(self) -> SessionStore | None:
        """The backend if it is the in-memory store (the only one sessions can be added to)."""
        return self.backend if isinstance(self.backend, SessionStore) else None

    def routes(self) -> list[Route]:
        """Starlette routes, relative to ``/_emulator``."""
        return [
            Route("/sessions", self.sessions, methods=["POST", "DELETE"]),
            Route("/seed", self.seed, methods=["POST"]),
            Route("/events", self.events, methods=["GET", "DELETE"]),
            Route("/faults", self.fault_config, methods=["GET", "PUT"]),
        ]

    async def sessions(self, request: Request) -> Response:
        """POST: add sessions; DELETE: reset everything."""
        if request.method == "DELETE":
            self.backend.reset()
            self.faults.reset()
            return no_content()
        store = self._store()
        if store is None:
            return _not_in_memory()
        try:
            sessions = sessions_from_json(await read_json(request))
            store.add_many(sessions)
        except InvalidBodyError as exc:
            return _bad_body(exc)
        except DuplicateSessionError as exc:
            return _conflict(exc)
        return json_response({"created": len(sessions)}, 201)

    async def seed(self, request: Request) -> Response:
        """POST: add ``count`` seeded sessions."""
        store = self._store()
        if store is None:
            return _not_in_memory()
        try:
            reader = Reader(await read_json(request), "body", ("count", "seed"))
            if not reader.has("count"):
                raise InvalidBodyError("body.count is required")
            count = reader.int_("count", 0, 0, MAX_SEED_COUNT)
            seed = reader.int_("seed", 0, -(2**63), 2**63 - 1)
            created = seed_sessions(store, count, seed)
        except InvalidBodyError as exc:
            return _bad_body(exc)
        except DuplicateSessionError as exc:
            return _conflict(exc)
        return json_response({"created": created}, 201)

    async def events(self, request: Request) -> Response:
        """GET: the event log; DELETE: clear it."""
        if request.method == "DELETE":
            self.backend.clear_events()
            return no_content()
        return json_response({"events": self.backend.events()})

    async def fault_config(self, request: Request) -> Response:
        """GET: the faults in force; PUT: replace them."""
        if request.method == "PUT":
            try:
                config, expire = FaultConfig.from_json(await read_json(request))
            except InvalidBodyError as exc:
                return _bad_body(exc)
            self.faults.configure(config)
            if expire:
                self.backend.expire_cursors()
        return json_response(self.faults.config.to_json())
