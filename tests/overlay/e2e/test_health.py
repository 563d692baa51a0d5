"""hivemq.health end to end, sync and async (httpx and aiohttp), against the emulator's listener.

Every method returns what the admin API set: UP, DEGRADED, DOWN (503, an
answer, not an error) and a status the client does not know.
"""

from __future__ import annotations

from typing import Any

import pytest
from hivemq_rest import Health, HealthStatus, NotFoundError, WaitTimeoutError
from hivemq_rest_emulator.testing import EmulatorHandle

from tests.overlay.e2e._both import CLIENTS, done, run_with
from tests.overlay.health_listener import ready_on_poll
from tests.reference_facts import HEALTH_STATUS_CODES

STATUSES = ["UP", "DEGRADED", "DOWN", "WOBBLY"]
EXTENSION = "hivemq-kafka/extension"  # a "/" that must stay inside one path segment


def _code(status: str) -> int:
    return HEALTH_STATUS_CODES.get(status, 200)


def _run(emulator: EmulatorHandle, kind: str, scenario: Any) -> None:
    run_with(kind, emulator.base_url, scenario, health_url=emulator.health_url)


@pytest.mark.parametrize("kind", CLIENTS)
def test_nothing_set_is_up_everywhere(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    async def scenario(hivemq: Any) -> None:
        health = hivemq.health
        node = await done(health.status())
        assert (node.status, node.http_status, node.is_ok) == (HealthStatus.UP, 200, True)
        assert set(node.components) == {"cluster", "mqtt", "extensions"}
        assert all(part.http_status is None for part in node.components.values())
        for answer in (
            await done(health.liveness()),
            await done(health.readiness()),
            await done(health.extensions()),
            await done(health.component("mqtt")),
        ):
            assert (answer.status, answer.http_status) == ("UP", 200)

    _run(hivemq_emulator, kind, scenario)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("kind", CLIENTS)
def test_every_method_returns_what_was_set(
    hivemq_emulator: EmulatorHandle, kind: str, status: str
) -> None:
    part = {"status": status, "details": {"reason": f"set to {status}", "count": 3}}
    hivemq_emulator.set_health({"mqtt": part}, {EXTENSION: part}, liveness=part, readiness=part)

    async def scenario(hivemq: Any) -> None:
        health = hivemq.health
        answers: list[Health] = [
            await done(health.status()),
            await done(health.component("mqtt")),
            await done(health.extensions()),
            await done(health.extension(EXTENSION)),
            await done(health.liveness()),
            await done(health.readiness()),
        ]
        for answer in answers:
            assert answer.status == status
            assert answer.http_status == _code(status)
            assert answer.is_ok is (status != "DOWN")
        known = status in HealthStatus.__members__
        assert isinstance(answers[0].status, HealthStatus) is known
        node, component, extensions, extension = answers[:4]
        assert node.components["mqtt"].details == part["details"]
        assert node.components["cluster"].status == "UP"
        assert node.components["extensions"].components[EXTENSION].status == status
        assert component.details == extension.details == part["details"]
        assert list(extensions.components) == [EXTENSION]

    _run(hivemq_emulator, kind, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_unknown_names_are_not_found(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    async def scenario(hivemq: Any) -> None:
        with pytest.raises(NotFoundError):
            await done(hivemq.health.component("no/such component"))
        with pytest.raises(NotFoundError):
            await done(hivemq.health.extension(".."))

    _run(hivemq_emulator, kind, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_wait_ready_returns_on_the_poll_that_answers_200(kind: str) -> None:
    with ready_on_poll(3) as (service, url):

        async def scenario(hivemq: Any) -> None:
            health = await done(hivemq.health.wait_ready(timeout=30, poll_interval=0.01))
            assert (health.status, health.http_status) == ("UP", 200)

        run_with(kind, "http://127.0.0.1:1", scenario, health_url=url)
        assert service.polls == 3  # two DOWN answers, then ready: no poll after that


@pytest.mark.parametrize("kind", CLIENTS)
def test_wait_ready_gives_up_at_its_timeout(kind: str) -> None:
    with ready_on_poll(None) as (service, url):

        async def scenario(hivemq: Any) -> None:
            with pytest.raises(
                WaitTimeoutError, match=r"readiness is not ready after 0\.3 s: DOWN"
            ):
                await done(hivemq.health.wait_ready(timeout=0.3, poll_interval=0.05))

        run_with(kind, "http://127.0.0.1:1", scenario, health_url=url)
        # Polls at most every 2 s, at least 50 ms apart: a handful in 0.3 s.
        assert 1 <= service.polls <= 8


@pytest.mark.parametrize("kind", CLIENTS)
def test_wait_ready_liveness(hivemq_emulator: EmulatorHandle, kind: str) -> None:
    hivemq_emulator.set_health(readiness_delay_seconds=600)

    async def scenario(hivemq: Any) -> None:
        health = await done(hivemq.health.wait_ready(timeout=5, probe="liveness"))
        assert health.status == "UP"
        assert (await done(hivemq.health.readiness())).http_status == 503

    _run(hivemq_emulator, kind, scenario)


@pytest.mark.parametrize("kind", CLIENTS)
def test_raw_responses_and_call_options_reach_the_health_listener(
    hivemq_emulator: EmulatorHandle, kind: str
) -> None:
    down = {"status": "DOWN", "details": {"reason": "maintenance"}}
    hivemq_emulator.set_health({}, {}, readiness=down)

    async def scenario(hivemq: Any) -> None:
        raw = await done(hivemq.with_raw_response.health.readiness(timeout=5))
        assert raw.status_code == 503  # DOWN is an answer, not an error, raw too
        assert raw.headers["content-type"].startswith("application/json")
        parsed = raw.parse()
        assert (parsed.status, parsed.http_status) == ("DOWN", 503)
        node = await done(hivemq.health.status(timeout=5, extra_headers={"X-Trace": "t-1"}))
        assert node.status == "UP"

    _run(hivemq_emulator, kind, scenario)
