"""HealthChecks: the broker's Health API, on its own listener (``health_url``).

Made by scripts/generate.py from _async_resources/health.py (see scripts/_unasync.py);
do not edit: change _async_resources/health.py and regenerate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from hivemq_rest_generated import operations as api

from .._call_options import NO_OPTIONS, CallOptions, call_options
from .._errors import APIConnectionError, APIStatusError
from .._health import Health, Probe, health_call, parse_health
from ._polling import Polling

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["HealthChecks"]

POLL_CAP: Final = 2.0  # seconds: a deploy script wants to go on soon after the broker is ready
_PROBES: Final = {"readiness": api.get_readiness, "liveness": api.get_liveness}
# What a proxy or load balancer in front of a broker still starting answers: not ready yet.
_GATEWAY_STATUSES: Final = frozenset({502, 503, 504})


class HealthChecks:
    """``client.health``: the node's health, its components and extensions, the probes.

    Every method returns a Health; a DOWN answer (503) is a Health too, not
    an error. The requests go to the client's ``health_url`` without
    credentials (the Health API has none).
    """

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    def _get(
        self,
        request: api.Request,
        options: CallOptions = NO_OPTIONS,
        poll_seconds: float | None = None,
    ) -> Health:
        call = health_call(self._client.health_url, request, poll_seconds=poll_seconds)
        return parse_health(self._client._send(call, options))

    def status(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Health:
        """The whole node's health, every component (extensions included) under it."""
        return self._get(api.get_health(), call_options(timeout, extra_headers))

    def component(
        self,
        name: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Health:
        """One component's health. NotFoundError if the broker knows no such name."""
        return self._get(api.get_component_health(name), call_options(timeout, extra_headers))

    def extensions(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Health:
        """The extensions' health, each extension a component of it."""
        return self._get(api.get_extensions_health(), call_options(timeout, extra_headers))

    def extension(
        self,
        extension_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Health:
        """One extension's health. NotFoundError if no such extension is installed."""
        return self._get(
            api.get_extension_health(extension_id), call_options(timeout, extra_headers)
        )

    def liveness(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Health:
        """The liveness group: UP whenever the broker's process answers."""
        return self._get(api.get_liveness(), call_options(timeout, extra_headers))

    def readiness(
        self,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Health:
        """The readiness group: 200 (UP or DEGRADED) once the broker can serve."""
        return self._get(api.get_readiness(), call_options(timeout, extra_headers))

    def wait_ready(
        self,
        timeout: float = 300.0,
        probe: Probe = "readiness",
        poll_interval: float = 0.25,
        *,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Health:
        """Poll ``probe`` ("readiness" or "liveness") until it answers 200, and return that Health.

        Polls start ``poll_interval`` seconds apart, doubling up to 2 s. No
        answer at all (the broker still starting), or a gateway's 502, 503 or
        504 without a health body, counts as not ready yet.
        ``timeout`` is an upper bound: each poll gets only the time left, and
        WaitTimeoutError comes once it is spent. Errors that waiting cannot
        mend (a 404, a malformed answer) are raised at once.
        """
        polling = Polling(timeout, poll_interval, POLL_CAP)
        if probe not in _PROBES:
            raise ValueError(f"probe must be 'readiness' or 'liveness', not {probe!r}")
        request, options = _PROBES[probe](), call_options(None, extra_headers)
        answered, unanswered = "", "no answer"
        while True:
            try:
                left = max(polling.left(), 1e-3)
                health = self._get(request, options, poll_seconds=left)
            except APIConnectionError as error:
                unanswered = f"no answer ({error})"
            except APIStatusError as error:
                if error.status not in _GATEWAY_STATUSES:
                    raise
                answered = f"HTTP {error.status} without a health body"
            else:
                if health.is_ok:
                    return health
                answered = f"{health.status} (HTTP {health.http_status})"
            # The last answer says more than a last poll cut short by the deadline.
            last = answered or unanswered
            polling.pause(f"{probe} is not ready after {timeout} s: {last}")
