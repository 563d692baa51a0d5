"""Disconnect and invalidate: what happens to the session, and which events are recorded."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle

from tests.emulator.helpers import assert_error, assert_schema, client_path, walk

WILL = {"topic": "devices/7/status", "payload": "offline", "qos": 1, "retain": True}


def details(client: httpx.Client, client_id: str) -> dict[str, Any]:
    response = client.get(client_path(client_id))
    assert response.status_code == 200, response.text
    assert_schema(response.json(), "ClientItem")
    body: dict[str, Any] = response.json()["client"]
    return body


@pytest.mark.parametrize("expiry", [60, 4_294_967_295, None])
def test_disconnect_keeps_a_persistent_session_offline(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, expiry: int | None
) -> None:
    hivemq_emulator.add_session(
        "p/1",
        connected=True,
        session_expiry_interval=expiry,
        message_queue_size=3,
        subscriptions=[{"topicFilter": "a/#"}],
    )
    assert details(client, "p/1")["connected"] is True
    response = client.delete(client_path("p/1", "/connection"))
    assert response.status_code == 204

    after = details(client, "p/1")
    assert after["connected"] is False
    assert "connection" not in after
    assert "connectedAt" not in after
    assert after["messageQueueSize"] == 3
    assert after.get("sessionExpiryInterval") == expiry
    assert client.get(client_path("p/1", "/connection")).json() == {
        "connection": {"connected": False}
    }
    assert len(client.get(client_path("p/1", "/subscriptions")).json()["items"]) == 1
    assert walk(client) == ["p/1"]
    assert hivemq_emulator.events() == [
        {
            "type": "disconnect",
            "clientId": "p/1",
            "preventWillMessage": False,
            "sessionRemoved": False,
        }
    ]


def test_disconnect_ends_a_session_with_expiry_zero(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("clean", connected=True, session_expiry_interval=0)
    hivemq_emulator.add_session("other", connected=True, session_expiry_interval=0)
    assert client.delete(client_path("clean", "/connection")).status_code == 204
    for suffix in ("", "/connection", "/subscriptions"):
        assert_error(client.get(client_path("clean", suffix)), 404)
    assert walk(client) == ["other"]
    assert hivemq_emulator.events() == [
        {
            "type": "disconnect",
            "clientId": "clean",
            "preventWillMessage": False,
            "sessionRemoved": True,
        }
    ]


def test_disconnecting_an_offline_client_is_a_no_op(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("idle", session_expiry_interval=0, will=WILL)
    before = details(client, "idle")
    assert client.delete(client_path("idle", "/connection")).status_code == 204
    assert details(client, "idle") == before
    assert hivemq_emulator.events() == []


@pytest.mark.parametrize("query", [{}, {"preventWillMessage": "false"}])
def test_disconnect_publishes_the_will(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, query: dict[str, str]
) -> None:
    hivemq_emulator.add_session("w", connected=True, will=WILL)
    assert details(client, "w")["willPresent"] is True
    assert client.delete(client_path("w", "/connection"), params=query).status_code == 204
    assert hivemq_emulator.events() == [
        {
            "type": "disconnect",
            "clientId": "w",
            "preventWillMessage": False,
            "sessionRemoved": False,
        },
        {"type": "will", "clientId": "w", **WILL},
    ]
    assert details(client, "w")["willPresent"] is False
    # The will is gone: a second disconnect (now a no-op) publishes nothing.
    client.delete(client_path("w", "/connection"))
    assert len(hivemq_emulator.events()) == 2


def test_disconnect_with_prevent_will_message(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("w", connected=True, will=WILL)
    response = client.delete(client_path("w", "/connection"), params={"preventWillMessage": "true"})
    assert response.status_code == 204
    assert hivemq_emulator.events() == [
        {"type": "disconnect", "clientId": "w", "preventWillMessage": True, "sessionRemoved": False}
    ]
    assert details(client, "w")["willPresent"] is False


@pytest.mark.parametrize("connected", [True, False])
def test_invalidate_removes_the_session_and_publishes_the_will(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, connected: bool
) -> None:
    hivemq_emulator.add_session(
        "inv", connected=connected, will=WILL, subscriptions=[{"topicFilter": "t/#"}]
    )
    hivemq_emulator.add_session("bystander", connected=True, will=WILL)
    assert client.delete(client_path("inv")).status_code == 204
    for suffix in ("", "/connection", "/subscriptions"):
        assert_error(client.get(client_path("inv", suffix)), 404, "Resource not found")
    assert walk(client) == ["bystander"]
    assert hivemq_emulator.events() == [
        {
            "type": "invalidate",
            "clientId": "inv",
            "wasConnected": connected,
            "preventWillMessage": False,
        },
        {"type": "will", "clientId": "inv", **WILL},
    ]
    # A new session under the same id starts from scratch.
    hivemq_emulator.add_session("inv")
    assert client.get(client_path("inv", "/subscriptions")).json() == {"items": []}
    assert_error(client.delete(client_path("nobody")), 404)


def test_invalidate_with_prevent_will_message(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("inv", connected=True, will=WILL)
    response = client.delete(client_path("inv"), params={"preventWillMessage": "true"})
    assert response.status_code == 204
    assert hivemq_emulator.events() == [
        {"type": "invalidate", "clientId": "inv", "wasConnected": True, "preventWillMessage": True}
    ]
    assert_error(client.delete(client_path("inv")), 404)


def test_invalidate_without_a_will_records_no_will(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("plain", connected=True)
    client.delete(client_path("plain"))
    assert [event["type"] for event in hivemq_emulator.events()] == ["invalidate"]


def test_events_over_the_admin_api(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    hivemq_emulator.add_session("w", connected=True, will=WILL)
    client.delete(client_path("w"))
    response = client.get("/_emulator/events")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"events": hivemq_emulator.events()}
    assert [event["type"] for event in response.json()["events"]] == ["invalidate", "will"]
    assert client.delete("/_emulator/events").status_code == 204
    assert client.get("/_emulator/events").json() == {"events": []}


def test_disconnecting_a_seeded_session_sticks(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(200, seed=3)
    sessions = [hivemq_emulator.store.get(client_id) for client_id in hivemq_emulator.store.ids()]
    online = [
        session.id
        for session in sessions
        if session is not None and session.connected and session.session_expiry_interval != 0
    ]
    assert online
    target = online[0]
    before = details(client, target)
    assert client.delete(client_path(target, "/connection")).status_code == 204
    after = details(client, target)
    assert after["connected"] is False
    assert after["messageQueueSize"] == before["messageQueueSize"]
    assert details(client, target) == after
    assert details(client, online[1])["connected"] is True
