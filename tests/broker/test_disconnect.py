"""DELETE .../connection closes one real connection; the will goes out unless prevented."""

from __future__ import annotations

import pytest
from hivemq_rest import ClientNotFoundError, HiveMQClient
from hivemq_rest_emulator import BrokerEmulatorHandle

from tests.broker.conftest import ConnectMqtt
from tests.broker.mqtt_client import MqttClient


def _still_works(client: MqttClient, topic: str) -> None:
    """``client``'s connection carries traffic: it receives what it publishes to itself."""
    client.subscribe(topic, 1)
    client.publish(topic, b"ping", qos=1)
    received = client.messages_until(topic)
    assert received[-1].payload == b"ping"


def test_disconnect_closes_that_connection_and_no_other(
    hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    victim = mqtt("victim", clean_session=False)
    bystander = mqtt("bystander", clean_session=False)

    hivemq.clients.disconnect("victim")

    assert victim.wait_closed(), "the victim's connection is still open"
    assert hivemq.clients.is_connected("victim") is False
    assert hivemq.clients.get("victim").connected is False  # its session stays
    assert bystander.is_open
    assert hivemq.clients.is_connected("bystander") is True
    _still_works(bystander, "bystander/echo")


def test_disconnecting_a_clean_session_ends_it(hivemq: HiveMQClient, mqtt: ConnectMqtt) -> None:
    client = mqtt("fleeting", clean_session=True)
    hivemq.clients.disconnect("fleeting")
    assert client.wait_closed()
    with pytest.raises(ClientNotFoundError):
        hivemq.clients.get("fleeting")


def test_disconnecting_an_offline_session_changes_nothing(
    hivemq: HiveMQClient, mqtt: ConnectMqtt, emulator: BrokerEmulatorHandle
) -> None:
    mqtt("offline", clean_session=False).disconnect()
    hivemq.clients.disconnect("offline")
    assert hivemq.clients.get("offline").connected is False
    assert emulator.events() == []


def test_unknown_clients_are_not_found(hivemq: HiveMQClient) -> None:
    with pytest.raises(ClientNotFoundError):
        hivemq.clients.disconnect("nobody")
    with pytest.raises(ClientNotFoundError):
        hivemq.clients.invalidate_session("nobody")
    with pytest.raises(ClientNotFoundError):
        hivemq.clients.connection_state("nobody")
