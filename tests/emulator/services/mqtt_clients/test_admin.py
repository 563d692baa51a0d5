"""The admin API under /_emulator/ and the handle's shortcuts."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hivemq_rest_emulator import (
    DuplicateSessionError,
    EmulatorHandle,
    InvalidBodyError,
    Session,
    SessionStore,
    seed_sessions,
    session_from_json,
)

from tests.emulator.helpers import LIST, assert_error, assert_schema, client_path, walk


def test_post_one_session_with_defaults(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    response = client.post("/_emulator/sessions", json={"id": "fresh"})
    assert response.status_code == 201
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"created": 1}
    assert client.get(client_path("fresh")).json() == {
        "client": {
            "id": "fresh",
            "connected": False,
            "sessionExpiryInterval": 3600,
            "messageQueueSize": 0,
            "willPresent": False,
        }
    }


def test_post_a_connected_session_gets_a_default_connection(client: httpx.Client) -> None:
    client.post("/_emulator/sessions", json={"id": "c", "connected": True}).raise_for_status()
    body = client.get(client_path("c")).json()
    assert_schema(body, "ClientItem")
    assert body["client"]["connected"] is True
    assert body["client"]["connectedAt"].endswith("Z")
    assert body["client"]["connection"]["connectedListenerId"] == "TCP Listener"


def test_post_a_full_session_round_trips(client: httpx.Client) -> None:
    session: dict[str, Any] = {
        "id": "full",
        "connected": True,
        "connectedAt": "2024-05-01T10:00:00.123Z",
        "sessionExpiryInterval": 7200,
        "messageQueueSize": 9,
        "willPresent": True,
        "restrictions": {
            "maxMessageSize": 1024,
            "maxQueueSize": None,
            "queuedMessageStrategy": None,
        },
        "connection": {
            "keepAlive": None,
            "mqttVersion": "3.1.1",
            "connectedListenerId": "ws",
            "connectedNodeId": "n1",
            "cleanStart": True,
            "sourceIp": "::1",
        },
    }
    extra = {
        "will": {"topic": "t", "payload": "p", "qos": 2, "retain": False},
        "subscriptions": [{"topicFilter": "a/+", "qos": "EXACTLY_ONCE"}],
    }
    assert client.post("/_emulator/sessions", json=session | extra).status_code == 201
    expected = dict(session)
    expected["connection"] = {k: v for k, v in session["connection"].items() if v is not None}
    assert client.get(client_path("full")).json() == {"client": expected}
    subscriptions = client.get(client_path("full", "/subscriptions")).json()["items"]
    assert subscriptions == [
        {
            "topicFilter": "a/+",
            "qos": "EXACTLY_ONCE",
            "retainHandling": "SEND",
            "retainAsPublished": False,
            "noLocal": False,
            "subscriptionIdentifier": None,
        }
    ]


def test_post_a_list_of_sessions(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    sessions = [{"id": f"bulk/{n}", "connected": n % 2 == 0} for n in range(300)]
    response = client.post("/_emulator/sessions", json=sessions)
    assert response.status_code == 201
    assert response.json() == {"created": 300}
    assert walk(client, 50) == [f"bulk/{n}" for n in range(300)]


def test_duplicate_id_is_409(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    hivemq_emulator.add_session("dup")
    detail = assert_error(client.post("/_emulator/sessions", json={"id": "dup"}), 409)
    assert "dup" in detail


@pytest.mark.parametrize(
    "batch",
    [
        [{"id": "a"}, {"id": "b"}, {"id": "a"}],
        [{"id": "c"}, {"id": "existing"}],
    ],
)
def test_a_bulk_with_a_duplicate_adds_nothing(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, batch: list[dict[str, Any]]
) -> None:
    hivemq_emulator.add_session("existing")
    assert_error(client.post("/_emulator/sessions", json=batch), 409)
    assert hivemq_emulator.store.ids() == ["existing"]


def test_a_bulk_with_an_invalid_session_adds_nothing(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    detail = assert_error(client.post("/_emulator/sessions", json=[{"id": "ok"}, {"id": ""}]), 400)
    assert "sessions[1].id" in detail
    assert len(hivemq_emulator.store) == 0


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "id is required"),
        ({"id": 5}, "string"),
        ({"id": ""}, "empty"),
        ({"id": "a\u0000b"}, "U+0000"),
        ({"id": "x" * 65_536}, "65535"),
        ({"id": "a", "conected": True}, "conected"),
        ({"id": "a", "connected": "yes"}, "connected"),
        ({"id": "a", "connected": False, "connection": {}}, "connection"),
        ({"id": "a", "connectedAt": "2024-01-01T00:00:00Z"}, "connectedAt"),
        ({"id": "a", "connected": True, "connectedAt": "yesterday"}, "date-time"),
        ({"id": "a", "sessionExpiryInterval": -1}, "sessionExpiryInterval"),
        ({"id": "a", "sessionExpiryInterval": True}, "sessionExpiryInterval"),
        ({"id": "a", "messageQueueSize": 1.5}, "messageQueueSize"),
        ({"id": "a", "messageQueueSize": None}, "messageQueueSize"),
        ({"id": "a", "willPresent": False, "will": {"topic": "t"}}, "will"),
        ({"id": "a", "will": {"topic": "t/#"}}, "wildcards"),
        ({"id": "a", "will": {"topic": "t", "qos": 3}}, "qos"),
        ({"id": "a", "restrictions": {"maxQueueSize": "1"}}, "maxQueueSize"),
        ({"id": "a", "connection": {"keepAlive": 70_000}}, "keepAlive"),
        ({"id": "a", "connection": {"password": "not base64!"}}, "base64"),
        ({"id": "a", "connection": {"tlsInformation": {"cipher": "x"}}}, "cipher"),
        ({"id": "a", "connection": {"proxyInformation": {"sourcePort": 70_000}}}, "sourcePort"),
        ({"id": "a", "connection": {"proxyInformation": {"tlvs": [{"k": 1}]}}}, "tlvs[0]"),
        ({"id": "a", "subscriptions": {}}, "subscriptions"),
        ({"id": "a", "subscriptions": [{}]}, "topicFilter is required"),
        ({"id": "a", "subscriptions": [{"topicFilter": ""}]}, "topicFilter"),
        ({"id": "a", "subscriptions": [{"topicFilter": "t", "qos": 1}]}, "AT_MOST_ONCE"),
        ({"id": "a", "subscriptions": [{"topicFilter": "t", "retainHandling": "NO"}]}, "SEND"),
        ({"id": "a", "subscriptions": [{"topicFilter": "t", "subscriptionIdentifier": 0}]}, "1"),
        ([{"id": "a"}, 5], "sessions[1]"),
        ("a", "object"),
        (None, "object"),
    ],
)
def test_invalid_session_bodies_are_400(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, body: Any, fragment: str
) -> None:
    response = client.post(
        "/_emulator/sessions",
        content=json.dumps(body),
        headers={"content-type": "application/json"},
    )
    detail = assert_error(response, 400, "Invalid request body")
    assert fragment in detail
    assert len(hivemq_emulator.store) == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"[1,",
        b"\xff\xfe",
        b'{"id": "\\ud800"}',
        b'{"id": "a", "will": {"payload": "\\udfff"}}',
    ],
)
def test_malformed_json_is_400(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, content: bytes
) -> None:
    response = client.post(
        "/_emulator/sessions", content=content, headers={"content-type": "application/json"}
    )
    assert_error(response, 400, "Invalid request body")
    assert len(hivemq_emulator.store) == 0


def test_delete_sessions_resets_everything(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("a", connected=True, will={"topic": "t"})
    client.delete(client_path("a", "/connection"))
    hivemq_emulator.set_faults(latency_seconds=0.01, seed=4)
    assert hivemq_emulator.events()
    response = client.delete("/_emulator/sessions")
    assert response.status_code == 204
    assert len(hivemq_emulator.store) == 0
    assert hivemq_emulator.events() == []
    assert client.get("/_emulator/faults").json() == {
        "unavailableRatio": 0.0,
        "retryAfter": 1,
        "latencySeconds": 0.0,
        "dropConnectionRatio": 0.0,
        "seed": 0,
    }
    assert client.get(LIST).json() == {"items": []}


def test_seed_endpoint(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    response = client.post("/_emulator/seed", json={"count": 321, "seed": 8})
    assert response.status_code == 201
    assert response.json() == {"created": 321}
    other = SessionStore()
    seed_sessions(other, 321, 8)
    assert hivemq_emulator.store.ids() == other.ids()
    assert_error(client.post("/_emulator/seed", json={"count": 321, "seed": 8}), 409)
    assert_error(client.post("/_emulator/seed", json={"seed": 8}), 400)
    assert_error(client.post("/_emulator/seed", json={"count": -1}), 400)
    assert len(hivemq_emulator.store) == 321


def test_handle_add_session_takes_snake_case(hivemq_emulator: EmulatorHandle) -> None:
    session = hivemq_emulator.add_session(
        "snake",
        connected=True,
        session_expiry_interval=0,
        connection={"connected_listener_id": "L", "keep_alive": 5},
        subscriptions=[{"topic_filter": "x/#", "no_local": True}],
    )
    assert isinstance(session, Session)
    stored = hivemq_emulator.store.get("snake")
    assert stored is not None
    assert stored.session_expiry_interval == 0
    assert stored.connection is not None
    assert stored.connection.connected_listener_id == "L"
    assert stored.connection.keep_alive == 5
    assert stored.subscriptions[0].no_local is True
    with pytest.raises(DuplicateSessionError):
        hivemq_emulator.add_session("snake")
    with pytest.raises(InvalidBodyError):
        hivemq_emulator.add_session("bad", colour="red")


def test_session_from_json_defaults() -> None:
    session = session_from_json({"id": "d", "willPresent": True})
    assert session.connection is None
    assert session.connected_at is None
    assert session.session_expiry_interval == 3600
    assert session.will is not None
    assert session.will.topic == "wills/d"
