"""The core's admin endpoints: emulator time and the reset of every family."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle, create_app
from hivemq_rest_emulator.core import Clock, Handler
from hivemq_rest_emulator.core.admin import MAX_ADVANCE_SECONDS
from hivemq_rest_emulator.core.clock import LATEST

from tests.emulator.helpers import LIST, asgi_request, assert_error

_EPOCH = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


class _Family:
    """A family with no operations that counts its resets."""

    def __init__(self) -> None:
        self.resets = 0

    def handlers(self) -> Mapping[str, Handler]:
        return {}

    def reset(self) -> None:
        self.resets += 1


def test_get_clock_reads_emulator_time() -> None:
    app = create_app(clock=Clock(lambda: _EPOCH))
    response = asgi_request(app, "GET", "/_emulator/clock")
    assert response.status_code == 200
    assert response.json() == {"now": "2030-01-01T00:00:00.000Z", "advancedSeconds": 0.0}


def test_put_clock_moves_time_forward() -> None:
    app = create_app(clock=Clock(lambda: _EPOCH))
    for _ in range(2):
        response = asgi_request(app, "PUT", "/_emulator/clock", json={"advanceSeconds": 5400.5})
        assert response.status_code == 200
    assert response.json() == {"now": "2030-01-01T03:00:01.000Z", "advancedSeconds": 10801.0}
    assert app.clock.now() == _EPOCH + dt.timedelta(seconds=10801)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"advanceSeconds": -1},
        {"advanceSeconds": "60"},
        {"advanceSeconds": True},
        {"advanceSeconds": None},
        {"advanceSeconds": 10**400},
        {"advanceSeconds": 1e308},
        {"advanceSeconds": 1, "other": 2},
        [60],
    ],
)
def test_bad_clock_bodies_are_400_and_leave_time_alone(body: Any) -> None:
    app = create_app(clock=Clock(lambda: _EPOCH))
    response = asgi_request(app, "PUT", "/_emulator/clock", json=body)
    assert_error(response, 400, "Invalid request body")
    assert app.clock.advanced == 0


def test_infinity_is_no_number_of_seconds() -> None:
    app = create_app()
    response = asgi_request(app, "PUT", "/_emulator/clock", content=b'{"advanceSeconds": Infinity}')
    assert_error(response, 400)
    assert app.clock.advanced == 0


def test_delete_state_resets_every_family_events_faults_and_time(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("a", connected=True)
    client.delete(f"{LIST}/a/connection").raise_for_status()
    hivemq_emulator.set_faults(latency_seconds=0.001)
    client.put("/_emulator/clock", json={"advanceSeconds": 60}).raise_for_status()
    response = client.delete("/_emulator/state")
    assert response.status_code == 204
    assert client.get(LIST).json()["items"] == []
    assert client.get("/_emulator/events").json() == {"events": []}
    assert client.get("/_emulator/faults").json()["latencySeconds"] == 0
    # Nothing scheduled by emulator time is left, so time can run back.
    assert client.get("/_emulator/clock").json()["advancedSeconds"] == 0


def test_delete_state_reaches_registered_families_and_sessions_does_not() -> None:
    family = _Family()
    app = create_app(services=[family])
    assert asgi_request(app, "DELETE", "/_emulator/sessions").status_code == 204
    assert family.resets == 0
    assert asgi_request(app, "DELETE", "/_emulator/state").status_code == 204
    assert family.resets == 1


def test_the_handle_resets_every_family() -> None:
    family = _Family()
    handle = EmulatorHandle(create_app(services=[family]))
    handle.reset()
    assert family.resets == 1


def test_the_handle_resets_emulator_time() -> None:
    handle = EmulatorHandle(create_app(clock=Clock(lambda: _EPOCH)))
    handle.advance_clock(90)
    handle.reset()
    assert handle.app.clock.now() == _EPOCH


def test_time_that_would_pass_the_clock_limit_is_400_and_reset_moves_it_back() -> None:
    # Ten years at a time, starting five years before the limit.
    app = create_app(clock=Clock(lambda: LATEST - dt.timedelta(days=5 * 365)))
    ten_years = {"advanceSeconds": MAX_ADVANCE_SECONDS}
    response = asgi_request(app, "PUT", "/_emulator/clock", json=ten_years)
    assert "DELETE /_emulator/state" in assert_error(response, 400, "Clock limit reached")
    assert app.clock.advanced == 0
    assert asgi_request(app, "PUT", "/_emulator/clock", json={"advanceSeconds": 86_400}).is_success
    assert asgi_request(app, "POST", "/api/v1/management/backups").status_code == 200
    assert asgi_request(app, "DELETE", "/_emulator/state").status_code == 204
    assert asgi_request(app, "GET", "/_emulator/clock").json()["advancedSeconds"] == 0


def test_time_near_year_9999_is_refused_not_a_500() -> None:
    app = create_app(clock=Clock(lambda: dt.datetime(9995, 1, 1, tzinfo=dt.UTC)))
    response = asgi_request(
        app, "PUT", "/_emulator/clock", json={"advanceSeconds": MAX_ADVANCE_SECONDS}
    )
    assert_error(response, 400, "Clock limit reached")


def test_the_handle_advances_the_clock() -> None:
    handle = EmulatorHandle(create_app(clock=Clock(lambda: _EPOCH)))
    assert handle.advance_clock(90) == _EPOCH + dt.timedelta(seconds=90)


@pytest.mark.parametrize("path", ["/_emulator/faults", "/_emulator/clock", "/_emulator/sessions"])
def test_json_nested_too_deeply_is_400(path: str) -> None:
    method = "POST" if path.endswith("sessions") else "PUT"
    deep = b"[" * 100_000 + b"]" * 100_000
    response = asgi_request(create_app(), method, path, content=deep)
    assert_error(response, 400, "Invalid request body")
