"""The core's admin API under ``/_emulator/`` (not part of HiveMQ): faults, time, state.

=======  =======================  =====================================================
Method   Path                     Effect
=======  =======================  =====================================================
GET      /_emulator/faults        The fault configuration in force.
PUT      /_emulator/faults        Replace it (omitted keys take defaults): 200 with the
                                  new configuration. ``"expireCursors": true`` expires
                                  every cursor issued so far, once.
GET      /_emulator/clock         ``{"now": "<RFC 3339>", "advancedSeconds": s}``.
PUT      /_emulator/clock         ``{"advanceSeconds": n}`` (0..10 years): move emulator
                                  time forward; 200 with the new time; 400 past
                                  :data:`~.clock.LATEST`.
DELETE   /_emulator/state         Reset every family, the events, the faults and
                                  emulator time (back to the wall clock): 204.
=======  =======================  =====================================================

The families add their own endpoints (see
:mod:`~hivemq_rest_emulator.services.mqtt_clients.admin`). Errors use the
API's ``{"errors": [{"title", "detail"}]}`` shape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from .clock import MAX_DURATION_SECONDS, Clock, ClockLimitError
from .faults import FaultConfig, Faults
from .problems import error_response, json_response, no_content
from .reader import InvalidBodyError, Reader, read_json
from .service import Service

MAX_ADVANCE_SECONDS = MAX_DURATION_SECONDS


def _bad_body(exc: InvalidBodyError) -> Response:
    return error_response(400, "Invalid request body", str(exc))


def clock_json(clock: Clock) -> dict[str, Any]:
    """The clock's admin shape: the time in RFC 3339 (milliseconds, ``Z``) and the offset."""
    now = clock.now()
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    return {"now": stamp, "advancedSeconds": clock.advanced}


class AdminApi:
    """The core's admin endpoints over the faults, the clock and every registered family.

    ``expire_cursors`` is what ``"expireCursors": true`` does (the sessions'
    cursors today).
    """

    def __init__(
        self,
        faults: Faults,
        clock: Clock,
        services: Sequence[Service],
        expire_cursors: Callable[[], None],
    ) -> None:
        self.faults = faults
        self.clock = clock
        self.services = services
        self.expire_cursors = expire_cursors

    def routes(self) -> list[BaseRoute]:
        """Starlette routes, relative to ``/_emulator``."""
        return [
            Route("/faults", self.fault_config, methods=["GET", "PUT"]),
            Route("/clock", self.clock_endpoint, methods=["GET", "PUT"]),
            Route("/state", self.state, methods=["DELETE"]),
        ]

    async def fault_config(self, request: Request) -> Response:
        """GET: the faults in force; PUT: replace them."""
        if request.method == "PUT":
            try:
                config, expire = FaultConfig.from_json(await read_json(request))
            except InvalidBodyError as exc:
                return _bad_body(exc)
            self.faults.configure(config)
            if expire:
                self.expire_cursors()
        return json_response(self.faults.config.to_json())

    async def clock_endpoint(self, request: Request) -> Response:
        """GET: emulator time; PUT: move it forward by ``advanceSeconds``."""
        if request.method == "PUT":
            try:
                reader = Reader(await read_json(request), "body", ("advanceSeconds",))
                if not reader.has("advanceSeconds"):
                    raise InvalidBodyError("body.advanceSeconds is required")
                seconds = reader.float_("advanceSeconds", 0.0, 0.0, MAX_ADVANCE_SECONDS)
            except InvalidBodyError as exc:
                return _bad_body(exc)
            try:
                self.clock.advance(seconds)
            except ClockLimitError as exc:
                return error_response(400, "Clock limit reached", str(exc))
        return json_response(clock_json(self.clock))

    async def state(self, request: Request) -> Response:
        """DELETE: see :meth:`reset`."""
        self.reset()
        return no_content()

    def reset(self) -> None:
        """Every family back to empty, no events, no faults, emulator time the wall clock's.

        Nothing that was scheduled by emulator time is left, so it can run back.
        """
        for service in self.services:
            service.reset()
        self.faults.reset()
        self.clock.reset()
