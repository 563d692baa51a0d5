"""Client ids that break naive URL handling, end to end: paho -> broker -> REST -> overlay."""

from __future__ import annotations

import pytest
from hivemq_rest import ClientNotFoundError, HiveMQClient

from tests.broker.conftest import ConnectMqtt

AWKWARD_IDS = [
    "tenant/42/device",
    "/leading-and-trailing/",
    "with space",
    "#hash",
    "50%",
    "literal%2Fslash",
    "dot.",
    ".",
    "..",
    "q?x=1&y=2",
    "ünïcødé-Grüße",
    "日本語のクライアント",
    "emoji-\U0001f680",
    "all of them: a/b #%. é",
]


@pytest.mark.parametrize("client_id", AWKWARD_IDS)
def test_an_awkward_id_works_end_to_end(
    hivemq: HiveMQClient, mqtt: ConnectMqtt, client_id: str
) -> None:
    client = mqtt(client_id, clean_session=False)
    client.subscribe("awkward/topic", 1)
    neighbour = mqtt(client_id + "-neighbour", clean_session=False)

    assert set(hivemq.clients.list()) == {client_id, client_id + "-neighbour"}
    assert hivemq.clients.get(client_id).id == client_id
    assert hivemq.clients.is_connected(client_id) is True
    assert [sub.topic_filter for sub in hivemq.clients.subscriptions(client_id)] == [
        "awkward/topic"
    ]

    hivemq.clients.disconnect(client_id)
    assert client.wait_closed()
    assert hivemq.clients.get(client_id).connected is False
    assert neighbour.is_open

    hivemq.clients.invalidate_session(client_id)
    with pytest.raises(ClientNotFoundError):
        hivemq.clients.get(client_id)
    assert set(hivemq.clients.list()) == {client_id + "-neighbour"}
