"""Every endpoint, every status code, and the shapes of the bodies (against openapi.yaml)."""

from __future__ import annotations

import base64

import httpx
import pytest
from hivemq_rest_emulator import EmulatorHandle

from tests.emulator.helpers import LIST, asgi_request, assert_error, assert_schema, client_path

ONLINE = {
    "connected": True,
    "connected_at": "2020-07-20T14:59:50.580Z",
    "session_expiry_interval": 15000,
    "restrictions": {
        "max_message_size": 268435460,
        "max_queue_size": 1000,
        "queued_message_strategy": "DISCARD",
    },
    "connection": {
        "keep_alive": 60,
        "mqtt_version": "MQTTv5",
        "connected_listener_id": "TCP Listener",
        "connected_node_id": "bRIG4",
        "clean_start": True,
        "source_ip": "127.0.0.1",
    },
}


def test_details_of_an_online_client_match_the_broker_example(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("client-2", **ONLINE)
    response = client.get(client_path("client-2"))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "client": {
            "id": "client-2",
            "connected": True,
            "sessionExpiryInterval": 15000,
            "connectedAt": "2020-07-20T14:59:50.580Z",
            "messageQueueSize": 0,
            "willPresent": False,
            "restrictions": {
                "maxMessageSize": 268435460,
                "maxQueueSize": 1000,
                "queuedMessageStrategy": "DISCARD",
            },
            "connection": {
                "keepAlive": 60,
                "mqttVersion": "MQTTv5",
                "connectedListenerId": "TCP Listener",
                "connectedNodeId": "bRIG4",
                "cleanStart": True,
                "sourceIp": "127.0.0.1",
            },
        }
    }
    assert_schema(response.json(), "ClientItem")


def test_details_of_an_offline_client_match_the_broker_example(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("client-1", session_expiry_interval=12345, message_queue_size=543)
    response = client.get(client_path("client-1"))
    assert response.status_code == 200
    assert response.json() == {
        "client": {
            "id": "client-1",
            "connected": False,
            "sessionExpiryInterval": 12345,
            "messageQueueSize": 543,
            "willPresent": False,
        }
    }
    assert_schema(response.json(), "ClientItem")


def test_full_connection_details_with_tls_and_proxy(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    password = base64.b64encode(b"s3cret\x00\xff").decode()
    hivemq_emulator.add_session(
        "tls-client",
        will={"topic": "status/tls-client", "payload": "gone"},
        connection={
            "connectedListenerId": "TLS Listener",
            "username": "alice",
            "password": password,
            "tlsInformation": {
                "tlsVersion": "TLSv1.2",
                "cipherSuite": "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "certificateInformation": {
                    "commonName": "tls-client",
                    "country": "DE",
                    "validFrom": "2024-01-01T00:00:00.000Z",
                    "validUntil": "2026-01-01T00:00:00.000Z",
                },
            },
            "proxyInformation": {
                "sourceIp": "198.51.100.7",
                "sourcePort": 40000,
                "destinationIp": "203.0.113.1",
                "destinationPort": 8883,
                "tlvs": [{"key": "PP2_TYPE_AUTHORITY", "value": "example.com"}],
            },
        },
    )
    body = client.get(client_path("tls-client")).json()
    assert_schema(body, "ClientItem")
    details = body["client"]
    assert details["willPresent"] is True
    connection = details["connection"]
    assert connection["username"] == "alice"
    assert base64.b64decode(connection["password"]) == b"s3cret\x00\xff"
    certificate = connection["tlsInformation"]["certificateInformation"]
    assert certificate["commonName"] == "tls-client"
    assert certificate["organization"] is None
    assert connection["proxyInformation"]["tlvs"] == [
        {"key": "PP2_TYPE_AUTHORITY", "value": "example.com"}
    ]


def test_connection_state(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    hivemq_emulator.add_session("on", connected=True)
    hivemq_emulator.add_session("off")
    for client_id, connected in (("on", True), ("off", False)):
        response = client.get(client_path(client_id, "/connection"))
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.json() == {"connection": {"connected": connected}}
        assert_schema(response.json(), "ConnectionItem")


def test_subscriptions(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    subscriptions = [
        {
            "topicFilter": "sensors/+/temperature",
            "qos": "AT_LEAST_ONCE",
            "retainHandling": "SEND",
            "retainAsPublished": False,
            "noLocal": False,
            "subscriptionIdentifier": None,
        },
        {
            "topicFilter": "$share/g/#",
            "qos": "EXACTLY_ONCE",
            "retainHandling": "DO_NOT_SEND",
            "retainAsPublished": True,
            "noLocal": True,
            "subscriptionIdentifier": 42,
        },
    ]
    hivemq_emulator.add_session("subscriber", subscriptions=subscriptions)
    hivemq_emulator.add_session("lonely")
    response = client.get(client_path("subscriber", "/subscriptions"))
    assert response.status_code == 200
    assert response.json() == {"items": subscriptions}
    assert_schema(response.json(), "ClientSubscriptionList")
    assert client.get(client_path("lonely", "/subscriptions")).json() == {"items": []}


def test_list(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    for client_id in ("a", "b", "c"):
        hivemq_emulator.add_session(client_id)
    response = client.get(LIST)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"items": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}
    assert_schema(response.json(), "ClientList")


def test_list_of_an_empty_store(client: httpx.Client) -> None:
    assert client.get(LIST).json() == {"items": []}


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("GET", ""),
        ("DELETE", ""),
        ("GET", "/connection"),
        ("DELETE", "/connection"),
        ("GET", "/subscriptions"),
    ],
)
def test_unknown_client_is_404(client: httpx.Client, method: str, suffix: str) -> None:
    response = client.request(method, client_path("my-client", suffix))
    detail = assert_error(response, 404, "Resource not found")
    assert detail == "Resource with id 'my-client' not found"


@pytest.mark.parametrize("suffix", ["", "/connection"])
def test_deletes_answer_204_without_body(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, suffix: str
) -> None:
    hivemq_emulator.add_session("x", connected=True)
    response = client.delete(client_path("x", suffix))
    assert response.status_code == 204
    assert response.content == b""
    assert "content-type" not in response.headers


@pytest.mark.parametrize("suffix", ["", "/connection"])
@pytest.mark.parametrize("value", ["True", "1", "yes", "", "maybe"])
def test_prevent_will_message_must_be_true_or_false(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, suffix: str, value: str
) -> None:
    hivemq_emulator.add_session("x", connected=True)
    response = client.delete(client_path("x", suffix), params={"preventWillMessage": value})
    detail = assert_error(response, 400, "Invalid query parameter")
    assert "preventWillMessage" in detail
    assert "x" in hivemq_emulator.store
    assert hivemq_emulator.store.get("x") is not None
    assert hivemq_emulator.events() == []


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/api",
        "/api/v1/mqtt",
        "/api/v1/mqtt/client",
        "/api/v2/mqtt/clients",
        "/api/v1/mqtt/clients/x/y",
        "/api/v1/mqtt/clients/x/connection/more",
        "/api/v1/mqtt/clients/x/",
        "/_emulator/nothing",
    ],
)
def test_unknown_routes_are_404_with_errors_body(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, path: str
) -> None:
    hivemq_emulator.add_session("x")
    assert_error(client.get(path), 404, "Not found")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("POST", LIST, {"GET", "HEAD"}),
        ("DELETE", LIST, {"GET", "HEAD"}),
        ("PUT", "/api/v1/mqtt/clients/x", {"GET", "HEAD", "DELETE"}),
        ("POST", "/api/v1/mqtt/clients/x/connection", {"GET", "HEAD", "DELETE"}),
        ("DELETE", "/api/v1/mqtt/clients/x/subscriptions", {"GET", "HEAD"}),
        ("PATCH", "/_emulator/faults", {"GET", "HEAD", "PUT"}),
        ("GET", "/_emulator/sessions", {"POST", "DELETE"}),
    ],
)
def test_wrong_method_is_405_with_allow(
    hivemq_emulator: EmulatorHandle,
    client: httpx.Client,
    method: str,
    path: str,
    allowed: set[str],
) -> None:
    hivemq_emulator.add_session("x")
    response = client.request(method, path)
    assert_error(response, 405, "Method not allowed")
    assert {part.strip() for part in response.headers["allow"].split(",")} == allowed
    assert "x" in hivemq_emulator.store


def test_head_is_answered_like_get(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    hivemq_emulator.add_session("x")
    response = client.head(client_path("x"))
    assert response.status_code == 200
    assert response.content == b""
    assert client.head(client_path("nobody")).status_code == 404


def test_in_process_asgi_serves_the_same(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session("a/b", connected=True)
    response = asgi_request(hivemq_emulator.app, "GET", client_path("a/b", "/connection"))
    assert response.json() == {"connection": {"connected": True}}
    assert asgi_request(hivemq_emulator.app, "GET", client_path("a")).status_code == 404
