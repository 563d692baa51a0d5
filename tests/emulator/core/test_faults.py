"""Injected faults: 503 with Retry-After, latency, dropped connections, cursor expiry."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from hivemq_rest_emulator import ConnectionDroppedError, EmulatorHandle, FaultConfig

from tests.emulator.helpers import LIST, asgi_request, assert_error, client_path

DEFAULTS = {
    "unavailableRatio": 0.0,
    "retryAfter": 1,
    "latencySeconds": 0.0,
    "dropConnectionRatio": 0.0,
    "seed": 0,
}


def test_default_faults(client: httpx.Client) -> None:
    response = client.get("/_emulator/faults")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == DEFAULTS


@pytest.mark.parametrize(
    "path", [LIST, client_path("a"), client_path("a", "/connection"), "/nowhere"]
)
def test_unavailable_ratio_one_answers_503_with_retry_after(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, path: str
) -> None:
    hivemq_emulator.add_session("a")
    response = client.put("/_emulator/faults", json={"unavailableRatio": 1.0, "retryAfter": 7})
    assert response.status_code == 200
    assert response.json() == DEFAULTS | {"unavailableRatio": 1.0, "retryAfter": 7}
    failed = client.get(path)
    assert_error(failed, 503, "Endpoint not active yet")
    assert failed.headers["retry-after"] == "7"
    assert_error(client.delete(client_path("a")), 503)
    assert "a" in hivemq_emulator.store


def test_the_admin_api_is_never_faulty(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.set_faults(unavailable_ratio=1.0, drop_connection_ratio=1.0)
    assert client.get("/_emulator/faults").status_code == 200
    assert client.post("/_emulator/sessions", json={"id": "x"}).status_code == 201
    assert client.get("/_emulator/events").status_code == 200
    assert client.put("/_emulator/faults", json={}).json() == DEFAULTS
    assert client.get(client_path("x")).status_code == 200


def _statuses(client: httpx.Client, count: int) -> list[int]:
    return [client.get(LIST).status_code for _ in range(count)]


def test_unavailability_is_reproducible_with_a_seed(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    faults = {"unavailableRatio": 0.5, "seed": 11}
    client.put("/_emulator/faults", json=faults).raise_for_status()
    first = _statuses(client, 40)
    client.put("/_emulator/faults", json=faults).raise_for_status()
    second = _statuses(client, 40)
    assert first == second
    assert set(first) == {200, 503}
    client.put("/_emulator/faults", json=faults | {"seed": 12}).raise_for_status()
    assert _statuses(client, 40) != first


def test_latency_is_added_to_api_requests(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.set_faults(latency_seconds=0.3)
    started = time.monotonic()
    assert client.get(LIST).status_code == 200
    assert time.monotonic() - started >= 0.3
    assert client.get("/_emulator/faults").json()["latencySeconds"] == 0.3


def test_dropped_connection_is_a_transport_error(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("a")
    client.put("/_emulator/faults", json={"dropConnectionRatio": 1.0}).raise_for_status()
    with pytest.raises(httpx.TransportError):
        client.get(LIST)
    with pytest.raises(httpx.TransportError):
        client.delete(client_path("a"))
    assert "a" in hivemq_emulator.store
    client.put("/_emulator/faults", json={}).raise_for_status()
    assert client.get(client_path("a")).status_code == 200


def test_dropped_connections_are_reproducible(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    def outcomes() -> list[str]:
        hivemq_emulator.set_faults(drop_connection_ratio=0.5, seed=3)
        result = []
        for _ in range(16):
            try:
                result.append(str(client.get(LIST).status_code))
            except httpx.TransportError:
                result.append("dropped")
        return result

    first = outcomes()
    assert first == outcomes()
    assert set(first) == {"200", "dropped"}


def test_dropped_connection_in_process_raises(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.set_faults(drop_connection_ratio=1.0)
    with pytest.raises(ConnectionDroppedError):
        asgi_request(hivemq_emulator.app, "GET", LIST)


def test_put_replaces_the_whole_configuration(client: httpx.Client) -> None:
    client.put("/_emulator/faults", json={"unavailableRatio": 1, "seed": 5}).raise_for_status()
    response = client.put("/_emulator/faults", json={"latencySeconds": 0})
    assert response.json() == DEFAULTS
    assert client.get(LIST).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"unavailableRatio": 1.5},
        {"unavailableRatio": -0.1},
        {"unavailableRatio": "0.5"},
        {"unavailableRatio": True},
        {"dropConnectionRatio": 2},
        {"retryAfter": -1},
        {"retryAfter": 1.5},
        {"latencySeconds": 601},
        {"latencySeconds": -1},
        {"seed": "x"},
        {"expireCursors": "yes"},
        {"unknown": 1},
        [],
        "faults",
    ],
)
def test_invalid_fault_bodies_are_400(client: httpx.Client, body: Any) -> None:
    client.put("/_emulator/faults", json={"retryAfter": 9}).raise_for_status()
    assert_error(client.put("/_emulator/faults", json=body), 400, "Invalid request body")
    assert client.get("/_emulator/faults").json() == DEFAULTS | {"retryAfter": 9}


def test_set_faults_from_the_handle(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    config = hivemq_emulator.set_faults(unavailable_ratio=1.0, retry_after=3)
    assert config == FaultConfig(unavailable_ratio=1.0, retry_after=3)
    assert client.get(LIST).headers["retry-after"] == "3"
    hivemq_emulator.reset()
    assert client.get(LIST).status_code == 200
