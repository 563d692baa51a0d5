"""Fixtures of the end-to-end tests: a real MQTT broker behind the emulator, paho clients and
the overlay's HiveMQClient on the emulator's REST API."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hivemq_rest import HiveMQClient, RetryPolicy
from hivemq_rest_emulator import BrokerEmulatorHandle

from tests.broker.mqtt_client import MqttClient

ConnectMqtt = Callable[..., MqttClient]
"""``connect(client_id, **options)``: a connected :class:`MqttClient` (closed after the test)."""


@pytest.fixture
def emulator(hivemq_broker_emulator: BrokerEmulatorHandle) -> BrokerEmulatorHandle:
    """The broker-backed emulator, without clients or sessions."""
    return hivemq_broker_emulator


@pytest.fixture
def hivemq(emulator: BrokerEmulatorHandle) -> Iterator[HiveMQClient]:
    """The overlay client on the emulator's REST API; no retries, so nothing is hidden."""
    with HiveMQClient(emulator.base_url, retry=RetryPolicy.disabled(), timeout=10.0) as client:
        yield client


@pytest.fixture
def mqtt(emulator: BrokerEmulatorHandle) -> Iterator[ConnectMqtt]:
    """Connects paho clients to the broker; closes them all after the test."""
    clients: list[MqttClient] = []

    def offline(client_id: str) -> bool:
        session = emulator.broker.get(client_id)
        return session is None or not session.connected

    def connect(client_id: str, **options: Any) -> MqttClient:
        options.setdefault("broker_saw_the_end", lambda: offline(client_id))
        client = MqttClient(emulator.mqtt_host, emulator.mqtt_port, client_id, **options)
        clients.append(client)
        return client.connect()

    yield connect
    for client in clients:
        client.close()
