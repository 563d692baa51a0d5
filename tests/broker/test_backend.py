"""One HTTP layer, two backends: the broker-backed one in the places where they differ."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from hivemq_rest import HiveMQClient, RetryPolicy
from hivemq_rest_emulator import (
    BrokerBackend,
    BrokerEmulatorHandle,
    EmulatorServer,
    SessionBackend,
    SessionStore,
    create_app,
)

from tests.broker.conftest import ConnectMqtt
from tests.broker.mqtt_client import MqttClient
from tests.broker.waiting import eventually
from tests.emulator.helpers import LIST, assert_error


def test_both_backends_are_session_backends(emulator: BrokerEmulatorHandle) -> None:
    assert isinstance(SessionStore(), SessionBackend)
    assert isinstance(emulator.broker, BrokerBackend)
    assert isinstance(emulator.broker, SessionBackend)
    assert emulator.backend is emulator.broker


def test_the_in_memory_only_parts_say_so(emulator: BrokerEmulatorHandle) -> None:
    with pytest.raises(TypeError, match="BrokerBackend"):
        _ = emulator.store
    with pytest.raises(TypeError):
        emulator.add_session("made-up")
    with httpx.Client(base_url=emulator.base_url, timeout=10) as http:
        assert_error(http.post("/_emulator/sessions", json={"id": "made-up"}), 501)
        assert_error(http.post("/_emulator/seed", json={"count": 3}), 501)
        assert http.get(LIST).json() == {"items": []}


def test_faults_apply_in_front_of_the_broker(emulator: BrokerEmulatorHandle) -> None:
    emulator.set_faults(unavailable_ratio=1.0, retry_after=7)
    with httpx.Client(base_url=emulator.base_url, timeout=10) as http:
        response = http.get(LIST)
    assert_error(response, 503, "Endpoint not active yet")
    assert response.headers["Retry-After"] == "7"


def test_reset_over_http_disconnects_and_forgets_everything(
    emulator: BrokerEmulatorHandle, mqtt: ConnectMqtt
) -> None:
    client = mqtt("to-be-reset", clean_session=False)
    with httpx.Client(base_url=emulator.base_url, timeout=10) as http:
        assert http.delete("/_emulator/sessions").status_code == 204
        assert client.wait_closed()
        assert http.get(LIST).json() == {"items": []}
    assert emulator.events() == []


def test_the_events_record_what_the_api_did(
    emulator: BrokerEmulatorHandle, mqtt: ConnectMqtt
) -> None:
    mqtt("logged", clean_session=False, will=("wills/logged", b"bye", 0))
    mqtt("clean", clean_session=True)
    with httpx.Client(base_url=emulator.base_url, timeout=10) as http:
        assert http.delete(LIST + "/logged/connection").status_code == 204
        assert http.delete(LIST + "/clean/connection?preventWillMessage=true").status_code == 204
        assert http.delete(LIST + "/logged").status_code == 204
        events = http.get("/_emulator/events").json()["events"]
    assert events == [
        {
            "type": "disconnect",
            "clientId": "logged",
            "preventWillMessage": False,
            "sessionRemoved": False,
        },
        {
            "type": "will",
            "clientId": "logged",
            "topic": "wills/logged",
            "payload": "bye",
            "qos": 0,
            "retain": False,
        },
        {
            "type": "disconnect",
            "clientId": "clean",
            "preventWillMessage": True,
            "sessionRemoved": True,
        },
        {
            "type": "invalidate",
            "clientId": "logged",
            "wasConnected": False,
            "preventWillMessage": False,
        },
    ]


def test_a_stopped_broker_backend_can_be_served_and_fails_cleanly() -> None:
    backend = BrokerBackend()
    app = create_app(backend)  # not started: every API call is a 500, not a hang
    transport = httpx.ASGITransport(app=app)

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://emulator") as http:
            return await http.get(LIST)

    response = asyncio.run(get())
    assert_error(response, 500)


def test_a_broker_backend_starts_and_stops_on_its_own() -> None:
    with BrokerBackend(node_id="node-7", listener_id="tcp-1") as backend:
        assert backend.mqtt_host == "127.0.0.1"
        assert backend.mqtt_port > 0
        client = MqttClient(backend.mqtt_host, backend.mqtt_port, "standalone").connect()
        try:
            assert backend.ids() == ["standalone"]
            session = backend.get("standalone")
            assert session is not None
            assert session.connection is not None
            assert session.connection.connected_node_id == "node-7"
            assert session.connection.connected_listener_id == "tcp-1"
        finally:
            backend.stop()
            assert client.wait_closed(), "stopping the broker leaves a connection open"
            client.close()
    with pytest.raises(RuntimeError):
        backend.ids()


def test_a_configured_session_expiry_is_shown_and_enforced() -> None:
    with BrokerBackend(session_expiry_interval=1) as backend:
        app = create_app(backend)
        with (
            EmulatorServer(app) as server,
            HiveMQClient(server.base_url, retry=RetryPolicy.disabled(), timeout=10) as hivemq,
        ):
            client = MqttClient(
                backend.mqtt_host, backend.mqtt_port, "short-lived", clean_session=False
            )
            client.connect()
            assert hivemq.clients.get("short-lived").session_expiry_interval == 1
            client.disconnect()
            # The broker learns of the closed connection a moment later; the
            # session stays for its 1 s, long enough to be seen offline.
            eventually(lambda: hivemq.clients.get("short-lived").connected is False, timeout=1.0)
            # amqtt's session monitor looks once a second; the session must go within a few.
            eventually(lambda: list(hivemq.clients.list()) == [], timeout=5.0)
