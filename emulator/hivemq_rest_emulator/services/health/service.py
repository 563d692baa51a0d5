"""The six Health API operations as a core :class:`Service`, and their admin endpoint.

=======  ======================  ================================================
Method   Path                    Effect
=======  ======================  ================================================
GET      /_emulator/health       What is set (the PUT's shape) and ``readyAt``.
PUT      /_emulator/health       Replace it (omitted keys: nothing set); 200 with
                                 the new one. ``readinessDelaySeconds``: readiness
                                 answers DOWN until that much emulator time passed.
=======  ======================  ================================================

``DELETE /_emulator/state`` sets nothing again. The operations are served on
the health listener (:class:`~.listener.HealthListener`), not on the REST API's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from ...core import ApiError, ApiRequest, Clock, Handler
from ...core.problems import error_response, json_response
from ...core.reader import InvalidBodyError, read_json
from .._moments import rfc3339
from . import render
from .state import DEFAULT_COMPONENTS, HealthConfig, HealthState

_SHOWN = 200


def _not_found(what: str, name: str) -> ApiError:
    shown = repr(name[:_SHOWN])[1:-1]
    return ApiError(404, "Not found", f"No {what} '{shown}' is known")


def _answer(body: dict[str, Any]) -> Response:
    return json_response(body, render.http_status(body["status"]))


class HealthService:
    """The Health API's answers: UP everywhere until the admin API sets statuses."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._state = HealthState()

    def handlers(self) -> Mapping[str, Handler]:
        """The six Health API operations."""
        return {
            "getHealth": self._node,
            "getComponentHealth": self._component,
            "getExtensionsHealth": self._extensions,
            "getExtensionHealth": self._extension,
            "getLiveness": self._liveness,
            "getReadiness": self._readiness,
        }

    def reset(self) -> None:
        """Nothing set: every path UP."""
        self._state.reset()

    def configure(self, config: HealthConfig) -> None:
        """Put ``config`` in force (what ``PUT /_emulator/health`` does)."""
        self._state.configure(config, self._clock.now())

    def admin_routes(self) -> list[BaseRoute]:
        """``/health``, relative to ``/_emulator``."""
        return [Route("/health", self._admin, methods=["GET", "PUT"])]

    async def _admin(self, request: Request) -> Response:
        if request.method == "PUT":
            try:
                config = HealthConfig.from_json(await read_json(request))
            except InvalidBodyError as exc:
                return error_response(400, "Invalid request body", str(exc))
            self.configure(config)
        ready_at = self._state.ready_at
        return json_response(
            {
                **self._state.config.to_json(),
                "readyAt": None if ready_at is None else rfc3339(ready_at),
            }
        )

    def _extension_group(self) -> dict[str, Any]:
        extensions = self._state.config.extensions
        return render.group({name: render.part(value) for name, value in extensions.items()})

    def _node(self, request: ApiRequest) -> Response:
        parts = render.components(self._state.config.components)
        parts["extensions"] = self._extension_group()
        return _answer(render.group(parts))

    def _component(self, request: ApiRequest) -> Response:
        name = request.path["componentName"]
        parts = render.components(self._state.config.components)
        if name not in parts:
            raise _not_found("component", name)
        return _answer(parts[name])

    def _extensions(self, request: ApiRequest) -> Response:
        return _answer(self._extension_group())

    def _extension(self, request: ApiRequest) -> Response:
        extension_id = request.path["extensionId"]
        found = self._state.config.extensions.get(extension_id)
        if found is None:
            raise _not_found("extension", extension_id)
        return _answer(render.part(found))

    def _liveness(self, request: ApiRequest) -> Response:
        liveness = self._state.config.liveness
        return _answer({"status": render.UP} if liveness is None else render.part(liveness))

    def _readiness(self, request: ApiRequest) -> Response:
        now = self._clock.now()
        if self._state.starting(now):
            return _answer({"status": render.DOWN, "details": {"starting": True}})
        readiness = self._state.config.readiness
        if readiness is not None:
            return _answer(render.part(readiness))
        parts = render.components(self._state.config.components)
        return _answer(render.group({name: parts[name] for name in DEFAULT_COMPONENTS}))
