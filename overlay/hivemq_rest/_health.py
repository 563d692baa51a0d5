"""The Health API, without I/O: where it listens, the requests, and what an answer means.

The Health API is a listener of its own (port 8889 by default, plain HTTP,
no authentication). Its answer is documented only in part: ``status``, and
``components`` at the top of the node's answer. So the parse is lenient
where the documentation is silent: a status it does not know is kept as it
came, and whatever else the body holds is kept as ``details``. A 503 that
carries a health body is the answer DOWN, not an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Final, Literal

import attrs
import httpx
from hivemq_rest_generated import operations as api

from ._errors import (
    ConfigurationError,
    UnexpectedResponseError,
    error_for_response,
    malformed_response,
)
from ._operations import Call, call_for
from ._paging import json_body
from ._transport import parse_base_url

__all__ = [
    "DEFAULT_HEALTH_PORT",
    "Health",
    "HealthStatus",
    "Probe",
    "default_health_url",
    "health_call",
    "parse_health",
]

DEFAULT_HEALTH_PORT: Final = 8889
#: A status other than 2xx that is still the answer (DOWN), never retried.
_DOWN_STATUS: Final = 503
# Deeper nesting than this is no health tree a broker sends.
_MAX_DEPTH: Final = 64

Probe = Literal["readiness", "liveness"]


class HealthStatus(StrEnum):
    """The statuses the Health API documents; 200 for all but DOWN (503)."""

    UP = "UP"
    DEGRADED = "DEGRADED"
    UNKNOWN = "UNKNOWN"
    DOWN = "DOWN"


@attrs.frozen
class Health:
    """The health of the node, a group, a component or an extension.

    ``status``: a HealthStatus, or the string as it came when the API sent a
    value it does not document. ``components``: the parts it is made of, by
    name, each a Health. ``details``: the rest of the body as JSON: the
    members of its ``details`` object and any other member besides ``status``
    and ``components``. ``http_status``: the HTTP status of the answer (200 or
    503) on the Health a method returns, None on its components.
    """

    status: HealthStatus | str
    components: Mapping[str, Health] = attrs.field(factory=dict)
    details: Mapping[str, Any] = attrs.field(factory=dict)
    http_status: int | None = None

    @property
    def is_up(self) -> bool:
        """Whether the status is UP."""
        return self.status == HealthStatus.UP

    @property
    def is_ok(self) -> bool:
        """Whether the answer was 200 (UP, DEGRADED, UNKNOWN): what a probe counts as passing."""
        return self.http_status == httpx.codes.OK

    def to_dict(self) -> dict[str, Any]:
        """The health as JSON: ``status``, then ``components`` and ``details`` when not empty."""
        document: dict[str, Any] = {"status": str(self.status)}
        if self.components:
            document["components"] = {
                name: part.to_dict() for name, part in self.components.items()
            }
        if self.details:
            document["details"] = dict(self.details)
        return document


def default_health_url(base_url: httpx.URL) -> httpx.URL:
    """Where the Health API is when not told: the REST API's host, port 8889, http, no prefix."""
    return base_url.copy_with(scheme="http", port=DEFAULT_HEALTH_PORT, path="/")


def check_health_url(url: str | httpx.URL | None, base_url: httpx.URL) -> httpx.URL:
    """The checked Health API URL (http(s), a host, maybe a prefix); the default if None."""
    if url is None:
        return default_health_url(base_url)
    try:
        return parse_base_url(url)
    except ConfigurationError as error:
        raise ConfigurationError(f"health_url: {error}") from None


def health_call(
    health_url: httpx.URL, request: api.Request, *, poll_seconds: float | None = None
) -> Call:
    """The Call of a generated Health API request, sent to ``health_url``.

    A 503 is the answer DOWN: not retried, not raised. ``poll_seconds``: the
    call is one poll of a wait, sent once within that many seconds.
    """
    call = call_for(request)
    url = str(health_url).rstrip("/") + call.path
    return attrs.evolve(
        call, path=url, answers_on=frozenset({_DOWN_STATUS}), poll_seconds=poll_seconds
    )


def status_of(value: str) -> HealthStatus | str:
    """The HealthStatus of a documented value, else the value as it came."""
    try:
        return HealthStatus(value)
    except ValueError:
        return value


def _is_health(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("status"), str)


def _node(document: dict[str, Any], depth: int) -> Health:
    rest = {key: value for key, value in document.items() if key not in ("status", "components")}
    raw = document.get("components")
    components: dict[str, Health] = {}
    if isinstance(raw, dict) and all(_is_health(part) for part in raw.values()):
        if depth >= _MAX_DEPTH:
            raise ValueError(f"components nest deeper than {_MAX_DEPTH}")
        components = {str(name): _node(part, depth + 1) for name, part in raw.items()}
    elif raw is not None:
        rest["components"] = raw  # not the documented shape: kept, not guessed at
    inner = rest.pop("details", None)
    if isinstance(inner, dict):
        rest.update(inner)
    elif inner is not None:
        rest["details"] = inner
    return Health(status_of(document["status"]), components, rest)


def parse_health(response: httpx.Response) -> Health:
    """The Health of a 200 or 503 Health API answer.

    A 503 without a health body (a proxy's, say) is its ServiceUnavailableError;
    a 200 without one an UnexpectedResponseError.
    """
    document = json_body(response) if response.is_success else _maybe_json(response)
    if not isinstance(document, dict) or not _is_health(document):
        if not response.is_success:
            raise error_for_response(response)
        raise malformed_response(response, "the health answer has no status string")
    try:
        health = _node(document, 0)
    except ValueError as error:
        raise malformed_response(response, str(error)) from None
    return attrs.evolve(health, http_status=response.status_code)


def _maybe_json(response: httpx.Response) -> object:
    try:
        return json_body(response)
    except UnexpectedResponseError:  # the error of the status is said instead
        return None
