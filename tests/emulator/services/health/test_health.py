"""The emulator's Health API: its admin endpoint, its answers, and ``serve --health-port``."""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator

import httpx
import pytest
from hivemq_rest_emulator import create_app
from hivemq_rest_emulator.core.server import EmulatorServer
from hivemq_rest_emulator.services.health import HealthListener
from hivemq_rest_emulator.testing import EmulatorHandle, EmulatorProcess, emulator_command

from tests.emulator.helpers import assert_error

ROOT = "/api/v1/health/"


@pytest.fixture
def served() -> Iterator[tuple[httpx.Client, httpx.Client, EmulatorHandle]]:
    """(REST listener, health listener, handle) of a fresh emulator."""
    app = create_app()
    handle = EmulatorHandle(app)
    with (
        EmulatorServer(app) as rest,
        EmulatorServer(HealthListener(handle.health)) as health,
        httpx.Client(base_url=rest.base_url, timeout=10) as admin,
        httpx.Client(base_url=health.base_url, timeout=10) as probe,
    ):
        yield admin, probe, handle


def test_nothing_set_answers_up_on_every_path(
    served: tuple[httpx.Client, httpx.Client, EmulatorHandle],
) -> None:
    _, probe, _ = served
    for path in ("", "cluster", "mqtt", "extensions", "liveness", "readiness"):
        response = probe.get(ROOT + path)
        assert (response.status_code, response.json()["status"]) == (200, "UP"), path
        assert response.headers["content-type"] == "application/json"


def test_the_admin_api_sets_and_the_state_reset_clears(
    served: tuple[httpx.Client, httpx.Client, EmulatorHandle],
) -> None:
    admin, probe, _ = served
    body = {
        "components": {"a/b": {"status": "DOWN", "details": {"n": 1}}},
        "extensions": {"..": {"status": "WOBBLY"}},
        "readiness": {"status": "DEGRADED"},
    }
    shown = admin.put("/_emulator/health", json=body).json()
    assert shown["components"] == body["components"]
    assert shown["readyAt"] is None
    assert probe.get(ROOT + "a%2Fb").json() == {"status": "DOWN", "details": {"n": 1}}
    assert probe.get(ROOT + "a%2Fb").status_code == 503
    assert probe.get(ROOT + "extensions/%2E%2E").json() == {"status": "WOBBLY"}
    node = probe.get(ROOT)
    assert (node.status_code, node.json()["status"]) == (503, "DOWN")
    assert node.json()["components"]["extensions"]["status"] == "WOBBLY"
    assert probe.get(ROOT + "readiness").json() == {"status": "DEGRADED"}
    assert admin.delete("/_emulator/state").status_code == 204
    assert probe.get(ROOT).status_code == 200
    assert_error(probe.get(ROOT + "a%2Fb"), 404)
    assert admin.get("/_emulator/health").json()["components"] == {}


def test_readiness_lags_by_emulator_time(
    served: tuple[httpx.Client, httpx.Client, EmulatorHandle],
) -> None:
    admin, probe, _ = served
    admin.put("/_emulator/health", json={"readinessDelaySeconds": 30})
    assert probe.get(ROOT + "readiness").status_code == 503
    assert probe.get(ROOT + "liveness").status_code == 200
    admin.put("/_emulator/clock", json={"advanceSeconds": 29})
    assert probe.get(ROOT + "readiness").status_code == 503
    admin.put("/_emulator/clock", json={"advanceSeconds": 1})
    assert probe.get(ROOT + "readiness").status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"components": {"x": {"status": ""}}},
        {"components": {"x": {"status": 1}}},
        {"components": {"x": {"status": "UP", "details": []}}},
        {"components": {"": {"status": "UP"}}},
        # The Health API's own paths: a component of that name could not be read back.
        {"components": {"extensions": {"status": "DOWN"}}},
        {"components": {"liveness": {"status": "UP"}}},
        {"components": {"readiness": {"status": "UP"}}},
        {"components": []},
        {"extensions": {"x": {"status": "UP", "extra": 1}}},
        {"readinessDelaySeconds": -1},
        {"liveness": "UP"},
        {"unknown": 1},
    ],
)
def test_a_bad_admin_body_is_400_and_changes_nothing(
    served: tuple[httpx.Client, httpx.Client, EmulatorHandle], body: object
) -> None:
    admin, probe, handle = served
    handle.set_health({"mqtt": {"status": "DEGRADED"}})
    assert_error(admin.put("/_emulator/health", json=body), 400)
    assert probe.get(ROOT + "mqtt").json() == {"status": "DEGRADED"}


def test_the_health_listener_serves_only_the_health_api(
    served: tuple[httpx.Client, httpx.Client, EmulatorHandle],
) -> None:
    admin, probe, _ = served
    assert_error(probe.get("/api/v1/mqtt/clients"), 404)
    assert_error(probe.get("/_emulator/health"), 404)
    assert_error(probe.post(ROOT + "readiness"), 405)
    assert_error(admin.get(ROOT + "readiness"), 404)


def test_serve_with_health_port() -> None:
    with EmulatorProcess("--health-port", "0") as server:
        assert server.health_url
        assert server.health_url != server.base_url
        assert httpx.get(server.health_url + ROOT + "liveness", timeout=10).status_code == 200
    assert server.output()[:2] == [
        f"listening on {server.base_url}",
        f"health listening on {server.health_url}",
    ]


def test_serve_without_health_port_has_no_health_listener() -> None:
    with EmulatorProcess() as server:
        assert server.health_url == ""
        assert not any("health" in line for line in server.output())


def test_a_taken_health_port_is_named_in_the_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            emulator_command("serve", "--port", "0", "--health-port", str(port)),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert f"cannot serve the Health API on 127.0.0.1:{port}" in result.stderr
