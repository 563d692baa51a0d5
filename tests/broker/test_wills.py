"""Wills through the REST API: a real subscriber receives them, unless preventWillMessage."""

from __future__ import annotations

import pytest
from hivemq_rest import HiveMQClient
from hivemq_rest_emulator import BrokerEmulatorHandle

from tests.broker.conftest import ConnectMqtt


@pytest.mark.parametrize("action", ["disconnect", "invalidate"])
@pytest.mark.parametrize("prevent", [False, True], ids=["will-sent", "will-prevented"])
def test_the_will_reaches_a_subscriber_unless_prevented(
    hivemq: HiveMQClient,
    mqtt: ConnectMqtt,
    emulator: BrokerEmulatorHandle,
    action: str,
    prevent: bool,
) -> None:
    watcher = mqtt("watcher")
    watcher.subscribe("wills/#", 1)
    victim = mqtt("victim", clean_session=False, will=("wills/victim", b"victim is gone", 1))

    if action == "disconnect":
        hivemq.clients.disconnect("victim", prevent_will_message=prevent)
    else:
        hivemq.clients.invalidate_session("victim", prevent_will_message=prevent)
    assert victim.wait_closed()

    # The broker delivers in order: anything published after the action
    # arrives after the will, if there is a will. So once the marker is
    # here, a will that is not here was not sent.
    mqtt("marker").publish("wills/marker", b"after the action", qos=1)
    received = watcher.messages_until("wills/marker")
    wills = [message.payload for message in received if message.topic == "wills/victim"]
    assert wills == ([] if prevent else [b"victim is gone"])

    events = [event for event in emulator.events() if event["type"] == "will"]
    assert len(events) == (0 if prevent else 1)


def test_a_client_that_ends_cleanly_leaves_no_will(hivemq: HiveMQClient, mqtt: ConnectMqtt) -> None:
    watcher = mqtt("watcher")
    watcher.subscribe("wills/#", 1)
    mqtt("polite", clean_session=False, will=("wills/polite", b"bye", 1)).disconnect()
    hivemq.clients.disconnect("polite")  # offline already: nothing to close, nothing to send
    mqtt("marker").publish("wills/marker", b"after", qos=1)
    assert [m.topic for m in watcher.messages_until("wills/marker")] == ["wills/marker"]
