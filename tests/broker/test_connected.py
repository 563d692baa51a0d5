"""A connected MQTT client as the REST API shows it: real connection details and subscriptions."""

from __future__ import annotations

import datetime as dt

import httpx
from hivemq_rest import ClientSubscriptionQos, HiveMQClient
from hivemq_rest_emulator import BrokerEmulatorHandle
from hivemq_rest_generated.models import ConnectionDetails
from paho.mqtt.enums import MQTTProtocolVersion

from tests.broker.conftest import ConnectMqtt
from tests.broker.mqtt_client import MqttClient
from tests.emulator.helpers import assert_schema, client_path


def test_a_connected_client_is_listed_with_its_real_connection(
    hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    mqtt("sensor-1", clean_session=False, keepalive=37, username="alice", password="secret")
    mqtt("sensor-2", clean_session=True, keepalive=5)

    assert sorted(hivemq.clients.list()) == ["sensor-1", "sensor-2"]

    one = hivemq.clients.get("sensor-1")
    assert one.id == "sensor-1"
    assert one.connected is True
    assert hivemq.clients.is_connected("sensor-1")
    assert isinstance(one.connected_at, dt.datetime)
    assert before <= one.connected_at <= dt.datetime.now(dt.UTC)
    assert isinstance(one.connection, ConnectionDetails)
    assert one.connection.keep_alive == 37
    assert one.connection.clean_start is False
    assert one.connection.username == "alice"
    assert one.connection.source_ip == "127.0.0.1"
    assert one.connection.mqtt_version == "MQTTv3_1_1"
    assert one.session_expiry_interval is None  # persistent, and this broker never expires it
    assert one.will_present is False

    two = hivemq.clients.get("sensor-2")
    assert isinstance(two.connection, ConnectionDetails)
    assert two.connection.keep_alive == 5
    assert two.connection.clean_start is True
    assert two.connection.username is None
    assert two.session_expiry_interval == 0  # a clean session ends with its connection


def test_what_the_broker_cannot_know_is_absent(
    emulator: BrokerEmulatorHandle, mqtt: ConnectMqtt
) -> None:
    mqtt("plain", username="bob", password="pw", will=("wills/plain", b"bye", 1))
    body = httpx.get(emulator.url(client_path("plain")), timeout=10).json()
    assert_schema(body, "ClientItem")
    client = body["client"]
    assert client["willPresent"] is True
    assert "restrictions" not in client
    connection = client["connection"]
    for absent in ("tlsInformation", "proxyInformation", "password"):
        assert absent not in connection
    assert set(connection) == {
        "keepAlive",
        "mqttVersion",
        "connectedListenerId",
        "connectedNodeId",
        "cleanStart",
        "username",
        "sourceIp",
    }


def test_subscriptions_carry_their_granted_qos(
    hivemq: HiveMQClient, emulator: BrokerEmulatorHandle, mqtt: ConnectMqtt
) -> None:
    client = mqtt("subscriber", clean_session=False)
    assert client.subscribe("plant/+/temperature", 0) == 0
    assert client.subscribe("plant/alarms/#", 1) == 1
    assert client.subscribe("plant/commands", 2) == 2

    found = {sub.topic_filter: sub.qos for sub in hivemq.clients.subscriptions("subscriber")}
    assert found == {
        "plant/+/temperature": ClientSubscriptionQos.AT_MOST_ONCE,
        "plant/alarms/#": ClientSubscriptionQos.AT_LEAST_ONCE,
        "plant/commands": ClientSubscriptionQos.EXACTLY_ONCE,
    }
    body = httpx.get(emulator.url(client_path("subscriber", "/subscriptions")), timeout=10).json()
    assert_schema(body, "ClientSubscriptionList")

    client.unsubscribe("plant/alarms/#")
    assert {sub.topic_filter for sub in hivemq.clients.subscriptions("subscriber")} == {
        "plant/+/temperature",
        "plant/commands",
    }


def test_a_will_is_present_only_when_the_client_set_one(
    hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    mqtt("with-will", will=("wills/with-will", b"gone", 0))
    mqtt("without-will")
    assert hivemq.clients.get("with-will").will_present is True
    assert hivemq.clients.get("without-will").will_present is False


def test_an_mqtt5_client_is_refused_and_never_listed(
    hivemq: HiveMQClient, emulator: BrokerEmulatorHandle
) -> None:
    # amqtt speaks MQTT 3.1.1 only; the REST API must not pretend otherwise.
    client = MqttClient(
        emulator.mqtt_host, emulator.mqtt_port, "five", protocol=MQTTProtocolVersion.MQTTv5
    )
    try:
        client.connect(expect_success=False)
        assert client.wait_closed()
        assert client.connect_result is None or client.connect_result.is_failure
    finally:
        client.close()
    assert list(hivemq.clients.list()) == []
