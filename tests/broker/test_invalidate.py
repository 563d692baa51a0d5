"""DELETE /api/v1/mqtt/clients/{id} removes the real session and closes its connection."""

from __future__ import annotations

import pytest
from hivemq_rest import ClientNotFoundError, HiveMQClient

from tests.broker.conftest import ConnectMqtt


def test_invalidate_removes_the_session_and_disconnects(
    hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    doomed = mqtt("doomed", clean_session=False)
    doomed.subscribe("doomed/inbox", 1)
    other = mqtt("other", clean_session=False)
    other.subscribe("other/inbox", 1)

    hivemq.clients.invalidate_session("doomed")

    assert doomed.wait_closed(), "the client is still connected"
    assert set(hivemq.clients.list()) == {"other"}
    with pytest.raises(ClientNotFoundError):
        hivemq.clients.get("doomed")
    with pytest.raises(ClientNotFoundError):
        list(hivemq.clients.subscriptions("doomed"))
    assert other.is_open
    assert [sub.topic_filter for sub in hivemq.clients.subscriptions("other")] == ["other/inbox"]

    # The broker itself has forgotten the session: a persistent reconnect
    # finds none, and the old subscription delivers nothing.
    again = mqtt("doomed", clean_session=False)
    assert again.session_present is False
    assert list(hivemq.clients.subscriptions("doomed")) == []
    other.publish("doomed/inbox", b"lost", qos=1)
    other.publish("other/inbox", b"kept", qos=1)
    assert other.messages_until("other/inbox")[-1].payload == b"kept"
    assert again.next_message(timeout=0.3) is None


def test_invalidate_removes_an_offline_session(hivemq: HiveMQClient, mqtt: ConnectMqtt) -> None:
    client = mqtt("gone-home", clean_session=False)
    client.subscribe("mail", 1)
    client.disconnect()
    assert hivemq.clients.get("gone-home").connected is False

    hivemq.clients.invalidate_session("gone-home")

    assert list(hivemq.clients.list()) == []
    assert mqtt("gone-home", clean_session=False).session_present is False
