"""A Health API listener whose readiness turns 200 at a chosen poll, by emulator time.

Waits are tested without sleeping in the test: readiness lags by emulator
time (``readiness_delay_seconds``), and the listener moves that time past
the lag when the chosen poll arrives, before answering it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from hivemq_rest_emulator.core import ApiRequest, Clock, Handler
from hivemq_rest_emulator.core.server import EmulatorServer
from hivemq_rest_emulator.services.health import HealthListener, HealthService
from hivemq_rest_emulator.services.health.state import HealthConfig
from starlette.responses import Response

LAG_SECONDS = 60.0


class ReadyOnPoll(HealthService):
    """Readiness lags LAG_SECONDS; the ``ready_on``-th readiness poll moves time past it.

    ``ready_on`` None: readiness never turns. ``polls`` counts the polls.
    """

    def __init__(self, clock: Clock, ready_on: int | None) -> None:
        super().__init__(clock)
        self.clock = clock
        self.ready_on = ready_on
        self.polls = 0

    def lag(self) -> None:
        """Make readiness lag (again) from now."""
        self.configure(HealthConfig(readiness_delay_seconds=LAG_SECONDS))

    def handlers(self) -> Mapping[str, Handler]:
        """The emulator's handlers, readiness counting its polls."""
        handlers = dict(super().handlers())
        readiness = handlers["getReadiness"]

        def counted(request: ApiRequest) -> Response:
            self.polls += 1
            if self.polls == self.ready_on:
                self.clock.advance(LAG_SECONDS)
            return readiness(request)

        handlers["getReadiness"] = counted
        return handlers


@contextmanager
def ready_on_poll(ready_on: int | None) -> Iterator[tuple[ReadyOnPoll, str]]:
    """A served listener whose readiness lags until poll ``ready_on``: (service, its URL)."""
    service = ReadyOnPoll(Clock(), ready_on)
    service.lag()
    with EmulatorServer(HealthListener(service)) as server:
        yield service, server.base_url
