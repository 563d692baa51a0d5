"""The clients end to end against the emulator: any valid id addresses exactly its session."""

from __future__ import annotations

import asyncio
from urllib.parse import quote, unquote

import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    ClientNotFoundError,
    CursorExpiredError,
    HiveMQClient,
    RetryPolicy,
)
from hivemq_rest._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from hivemq_rest_emulator import EmulatorHandle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.examples import examples
from tests.overlay.strategies import AWKWARD_IDS, valid_ids


# Ids a sloppy client would reach instead: the id decoded or encoded once more,
# its path neighbours, and the names of sub-resources.
def _neighbours(client_id: str) -> set[str]:
    found = {
        quote(client_id, safe=""),
        unquote(client_id),
        client_id + " ",
        client_id.strip() or "blank",
        "connection",
        "subscriptions",
        "x",
    }
    if "/" in client_id:
        found |= {part for part in client_id.split("/") if part}
    found.discard(client_id)
    return {n for n in found if n and "\x00" not in n}


def _check_exactly(emulator: EmulatorHandle, client_ids: list[str]) -> None:
    emulator.reset()
    bystanders = set().union(*(_neighbours(c) for c in client_ids)) - set(client_ids)
    for client_id in [*client_ids, *bystanders]:
        emulator.add_session(client_id, connected=True, session_expiry_interval=3600)
    with HiveMQClient(emulator.base_url) as hivemq:
        for client_id in client_ids:
            assert hivemq.clients.get(client_id).id == client_id
            assert hivemq.clients.is_connected(client_id)
            hivemq.clients.disconnect(client_id)
            assert not hivemq.clients.is_connected(client_id)
        for bystander in bystanders:
            assert hivemq.clients.is_connected(bystander), bystander
    disconnected = sorted(e["clientId"] for e in emulator.events() if e["type"] == "disconnect")
    assert disconnected == sorted(client_ids)


# 100 lists of up to 6 ids over HTTP; the encoding of any valid id is searched
# further without a server (tests/overlay/test_ids.py, test_client.py), and one
# id at a time through every operation in tests/faults/test_hostile_ids.py.
@settings(
    max_examples=examples(100),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(valid_ids, min_size=1, max_size=6, unique=True))
def test_any_valid_id_addresses_exactly_its_session(
    hivemq_emulator_server: EmulatorHandle, client_ids: list[str]
) -> None:
    _check_exactly(hivemq_emulator_server, client_ids)


def test_awkward_ids_address_exactly_their_sessions(hivemq_emulator: EmulatorHandle) -> None:
    _check_exactly(hivemq_emulator, AWKWARD_IDS)


@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
def test_async_awkward_ids(hivemq_emulator: EmulatorHandle, transport: str) -> None:
    for client_id in AWKWARD_IDS:
        hivemq_emulator.add_session(client_id, connected=True, session_expiry_interval=0)

    async def main() -> list[str]:
        async with AsyncHiveMQClient(hivemq_emulator.base_url, transport=transport) as hivemq:  # type: ignore[arg-type]
            ids = [str((await hivemq.clients.get(c)).id) for c in AWKWARD_IDS]
            for client_id in AWKWARD_IDS:
                await hivemq.clients.invalidate_session(client_id, prevent_will_message=True)
            return ids

    assert asyncio.run(main()) == AWKWARD_IDS
    assert hivemq_emulator.store.ids() == []


def test_listing_every_session_once(hivemq_emulator: EmulatorHandle) -> None:
    created = hivemq_emulator.seed(5_321, seed=3)
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        for page_size in (MIN_PAGE_SIZE, 777, MAX_PAGE_SIZE):
            ids = list(hivemq.clients.list(page_size=page_size))
            assert len(ids) == created
            assert len(set(ids)) == created


def test_listing_restarts_after_cursors_expire(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.seed(1_000, seed=4)
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        pages = hivemq.clients.pages(page_size=100)
        first = next(pages)
        hivemq_emulator.add_session("joined-mid-listing")
        hivemq_emulator.expire_cursors()
        rest = [client_id for page in pages for client_id in page]
    everything = first + rest
    assert len(everything) == len(set(everything)) == 1_001
    assert "joined-mid-listing" in everything


def test_listing_raise_mode(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.seed(300, seed=5)
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        ids = hivemq.clients.list(page_size=100, on_cursor_expired="raise")
        next(ids)
        hivemq_emulator.expire_cursors()
        with pytest.raises(CursorExpiredError):
            list(ids)


def test_subscriptions_and_session_semantics(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.add_session(
        "sensor/1",
        connected=True,
        session_expiry_interval=0,
        will={"topic": "status/sensor-1", "payload": "gone"},
        subscriptions=[
            {"topicFilter": "cmd/sensor/1/#", "qos": "EXACTLY_ONCE"},
            {"topicFilter": "broadcast", "qos": "AT_MOST_ONCE", "retainHandling": "DO_NOT_SEND"},
        ],
    )
    hivemq_emulator.add_session("keeper", connected=True, session_expiry_interval=600)
    with HiveMQClient(hivemq_emulator.base_url) as hivemq:
        subscriptions = list(hivemq.clients.subscriptions("sensor/1"))
        assert [(s.topic_filter, s.qos) for s in subscriptions] == [
            ("cmd/sensor/1/#", "EXACTLY_ONCE"),
            ("broadcast", "AT_MOST_ONCE"),
        ]
        hivemq.clients.disconnect("keeper", prevent_will_message=True)
        assert hivemq.clients.get("keeper").connected is False
        hivemq.clients.disconnect("sensor/1")
        with pytest.raises(ClientNotFoundError, match="sensor/1"):
            hivemq.clients.get("sensor/1")
    assert [(e["type"], e["clientId"]) for e in hivemq_emulator.events()] == [
        ("disconnect", "keeper"),
        ("disconnect", "sensor/1"),
        ("will", "sensor/1"),
    ]


def test_fetch_clients_end_to_end(hivemq_emulator: EmulatorHandle) -> None:
    created = hivemq_emulator.seed(2_000, seed=6)

    async def main() -> tuple[int, int, list[str]]:
        async with AsyncHiveMQClient(hivemq_emulator.base_url) as hivemq:
            stream = hivemq.clients.fetch(hivemq.clients.list(page_size=500), concurrency=16)
            ids = {str(d.id) async for d in stream}
            return len(ids), stream.fetched, stream.vanished

    distinct, fetched, vanished = asyncio.run(main())
    assert distinct == fetched == created
    assert vanished == []


def test_retries_ride_out_injected_503s(hivemq_emulator: EmulatorHandle) -> None:
    hivemq_emulator.seed(200, seed=7)
    hivemq_emulator.set_faults(unavailable_ratio=0.3, retry_after=0, seed=1)
    policy = RetryPolicy(max_attempts=10, backoff_base=0.001)
    with HiveMQClient(hivemq_emulator.base_url, retry=policy) as hivemq:
        ids = list(hivemq.clients.list(page_size=MIN_PAGE_SIZE))
    assert len(set(ids)) == 200
