"""What a family of the API gives the core, and what the core hands it per request."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, runtime_checkable

import attrs
from hivemq_rest_generated.operations import Operation
from starlette.datastructures import Headers, QueryParams
from starlette.responses import Response
from starlette.routing import BaseRoute

from . import json_text


class ApiError(Exception):
    """An answer in the API's ``{"errors": [...]}`` shape; the core renders it."""

    def __init__(
        self, status: int, title: str, detail: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(f"{status} {title}: {detail}")
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = dict(headers or {})


@attrs.frozen
class ApiRequest:
    """One request, routed: its operation, decoded path parameters, query, headers, body.

    ``path`` maps the spec's parameter names (``policyId``) to their decoded
    values. ``body`` has been read whole, within the core's size limit.
    """

    operation: Operation
    path: Mapping[str, str]
    query: QueryParams
    headers: Headers
    body: bytes = b""

    def json(self) -> Any:
        """The body as JSON; ApiError 400 when it is not JSON (or nested too deep).

        ``NaN``, ``Infinity`` and numbers beyond a float are not JSON either.
        """
        if not self.body:
            raise ApiError(400, "Invalid request body", "The request body is missing.")
        try:
            return json_text.loads(self.body)
        except RecursionError:
            raise ApiError(
                400, "Invalid request body", "The request body is nested too deeply."
            ) from None
        except json_text.NonFiniteNumberError as exc:
            raise ApiError(
                400, "Invalid request body", f"The request body is not JSON: {exc}."
            ) from None
        except (UnicodeDecodeError, ValueError):
            raise ApiError(400, "Invalid request body", "The request body is not JSON.") from None


Handler = Callable[[ApiRequest], Response]


class Service(Protocol):
    """A family of operations: handlers by operationId, and a way back to empty."""

    def handlers(self) -> Mapping[str, Handler]:
        """The operations this family answers, by operationId of ``openapi.yaml``."""
        ...

    def reset(self) -> None:
        """Forget all state (``DELETE /_emulator/state``)."""
        ...


@runtime_checkable
class WithAdminRoutes(Protocol):
    """A family that also adds endpoints to the admin API (optional for a :class:`Service`)."""

    def admin_routes(self) -> list[BaseRoute]:
        """Starlette routes, relative to ``/_emulator``."""
        ...
