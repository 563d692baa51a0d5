"""Paging the broker's sessions: complete walks, and 410 once the session set changed."""

from __future__ import annotations

import httpx
from hivemq_rest import HiveMQClient
from hivemq_rest_emulator import BrokerEmulatorHandle

from tests.broker.conftest import ConnectMqtt
from tests.emulator.helpers import LIST, MIN_LIMIT, assert_error, cursor_of

COUNT = 130


def _offline_sessions(mqtt: ConnectMqtt, count: int) -> list[str]:
    """``count`` persistent sessions whose clients have left (one connection at a time)."""
    ids = [f"pager-{number:03d}" for number in range(count)]
    for client_id in ids:
        mqtt(client_id, clean_session=False).disconnect()
    return ids


def test_every_page_together_lists_every_session_once(
    hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    ids = _offline_sessions(mqtt, COUNT)
    online = mqtt("online-one", clean_session=False)
    assert online.is_open

    pages = list(hivemq.clients.pages(page_size=50, on_cursor_expired="raise"))

    assert [len(page) for page in pages] == [50, 50, 31]
    walked = [client_id for page in pages for client_id in page]
    assert sorted(walked) == sorted([*ids, "online-one"])


def test_a_cursor_expires_when_the_session_set_changes(
    emulator: BrokerEmulatorHandle, hivemq: HiveMQClient, mqtt: ConnectMqtt
) -> None:
    _offline_sessions(mqtt, 60)
    with httpx.Client(base_url=emulator.base_url, timeout=10) as http:
        first = http.get(LIST, params={"limit": MIN_LIMIT}).json()
        cursor = cursor_of(first["_links"]["next"])
        assert http.get(LIST, params={"limit": MIN_LIMIT, "cursor": cursor}).status_code == 200

        # Disconnecting a persistent client leaves the set as it is.
        mqtt("pager-late", clean_session=False)
        first = http.get(LIST, params={"limit": MIN_LIMIT}).json()
        cursor = cursor_of(first["_links"]["next"])
        hivemq.clients.disconnect("pager-late")
        assert http.get(LIST, params={"limit": MIN_LIMIT, "cursor": cursor}).status_code == 200

        # A new session changes it.
        mqtt("pager-newcomer", clean_session=True)
        response = http.get(LIST, params={"limit": MIN_LIMIT, "cursor": cursor})
        assert_error(response, 410, "Cursor not valid anymore")

        # So does a session that ends.
        first = http.get(LIST, params={"limit": MIN_LIMIT}).json()
        cursor = cursor_of(first["_links"]["next"])
        hivemq.clients.invalidate_session("pager-000")
        response = http.get(LIST, params={"limit": MIN_LIMIT, "cursor": cursor})
        assert_error(response, 410, "Cursor not valid anymore")

    # The overlay starts again after a 410 and still lists everything.
    assert len(set(hivemq.clients.list(page_size=50))) == 61


def test_expiring_cursors_by_hand_works_for_the_broker_too(
    emulator: BrokerEmulatorHandle, mqtt: ConnectMqtt
) -> None:
    _offline_sessions(mqtt, 51)
    with httpx.Client(base_url=emulator.base_url, timeout=10) as http:
        first = http.get(LIST, params={"limit": MIN_LIMIT}).json()
        cursor = cursor_of(first["_links"]["next"])
        emulator.expire_cursors()
        assert_error(http.get(LIST, params={"limit": MIN_LIMIT, "cursor": cursor}), 410)
        garbage = http.get(LIST, params={"limit": MIN_LIMIT, "cursor": "not-a-cursor"})
        assert_error(garbage, 400)
