"""The admin endpoints of the MQTT clients family (under ``/_emulator/``, not part of HiveMQ).

=======  =======================  =====================================================
Method   Path                     Effect
=======  =======================  =====================================================
POST     /_emulator/sessions      Add one session (JSON object) or many (JSON array),
                                  all or nothing: 201 ``{"created": n}``; 409 if an id
                                  exists; 400 for a bad body.
DELETE   /_emulator/sessions      Remove every session and event, and the faults: 204.
POST     /_emulator/seed          ``{"count": n, "seed": s}``: add seeded sessions: 201.
GET      /_emulator/events        ``{"events": [...]}``, oldest first.
DELETE   /_emulator/events        Forget the events: 204.
=======  =======================  =====================================================

Behind a real MQTT broker (:class:`~hivemq_rest_emulator.BrokerBackend`) sessions
come only from real MQTT clients: ``POST /_emulator/sessions`` and
``POST /_emulator/seed`` answer 501 there; resetting disconnects every client
(without wills) and removes every session.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from ...core.faults import Faults
from ...core.problems import error_response, json_response, no_content
from ...core.reader import InvalidBodyError, Reader, read_json
from .backend import SessionBackend
from .parse import sessions_from_json
from .seed import seed_sessions
from .store import DuplicateSessionError, SessionStore

MAX_SEED_COUNT = 10_000_000


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


class SessionsAdmin:
    """The sessions' admin endpoints, bound to one backend (and the faults it resets)."""

    def __init__(self, backend: SessionBackend, faults: Faults) -> None:
        self.backend = backend
        self.faults = faults

    def _store(self) -> SessionStore | None:
        """The backend if it is the in-memory store (the only one sessions can be added to)."""
        return self.backend if isinstance(self.backend, SessionStore) else None

    def routes(self) -> list[BaseRoute]:
        """Starlette routes, relative to ``/_emulator``."""
        return [
            Route("/sessions", self.sessions, methods=["POST", "DELETE"]),
            Route("/seed", self.seed, methods=["POST"]),
            Route("/events", self.events, methods=["GET", "DELETE"]),
        ]

    async def sessions(self, request: Request) -> Response:
        """POST: add sessions; DELETE: remove sessions and events, and the faults."""
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
