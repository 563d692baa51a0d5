"""Sessions outliving their connections: persistent ones stay (offline), clean ones end."""

from __future__ import annotations

import pytest
from hivemq_rest import ClientNotFoundError, HiveMQClient
from hivemq_rest_generated.models import ConnectionDetails

from tests.broker.conftest import ConnectMqtt
from tests.broker.waiting import eventually


def _listed(hivemq: HiveMQClient) -> set[str]:
    return set(hivemq.clients.list())


@pytest.mark.parametrize("ending", ["disconnect", "network-loss"])
def test_a_persistent_session_stays_listed_offline(
    hivemq: HiveMQClient, mqtt: ConnectMqtt, ending: str
) -> None:
    client = mqtt("keeper", clean_session=False, keepalive=30)
    client.subscribe("orders/#", 1)
    assert hivemq.clients.is_connected("keeper")

    if ending == "disconnect":
        client.disconnect()
    else:
        client.drop()
    eventually(lambda: not hivemq.clients.is_connected("keeper"))

    assert _listed(hivemq) == {"keeper"}
    details = hivemq.clients.get("keeper")
    assert details.connected is False
    assert details.connection is None  # no connection, no connection details
    assert details.connected_at is None
    assert details.will_present is False
    assert [sub.topic_filter for sub in hivemq.clients.subscriptions("keeper")] == ["orders/#"]


def test_a_clean_session_disappears_with_its_connection(
    hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    client = mqtt("passer-by", clean_session=True)
    client.subscribe("news", 0)
    assert _listed(hivemq) == {"passer-by"}

    client.disconnect()

    eventually(lambda: "passer-by" not in _listed(hivemq))
    with pytest.raises(ClientNotFoundError):
        hivemq.clients.get("passer-by")
    with pytest.raises(ClientNotFoundError):
        list(hivemq.clients.subscriptions("passer-by"))


def test_messages_for_an_offline_session_are_queued(
    hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    sleeper = mqtt("sleeper", clean_session=False, username="sleepy")
    sleeper.subscribe("wake/up", 1)
    sleeper.disconnect()
    assert hivemq.clients.get("sleeper").message_queue_size == 0

    publisher = mqtt("alarm-clock")
    publisher.publish("wake/up", b"one", qos=1)
    publisher.publish("wake/up", b"two", qos=1)

    eventually(lambda: hivemq.clients.get("sleeper").message_queue_size == 2)


def test_a_resumed_session_is_connected_again(hivemq: HiveMQClient, mqtt: ConnectMqtt) -> None:
    mqtt("returner", clean_session=False, keepalive=20).disconnect()
    assert hivemq.clients.is_connected("returner") is False

    again = mqtt("returner", clean_session=False, keepalive=45)

    assert again.session_present is True
    details = hivemq.clients.get("returner")
    assert details.connected is True
    assert isinstance(details.connection, ConnectionDetails)
    assert details.connection.keep_alive == 45
    assert details.connection.clean_start is False
