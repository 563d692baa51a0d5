"""Seeded data: deterministic, varied, and large stores that still page quickly."""

from __future__ import annotations

import re
from collections import Counter

import httpx
import pytest
from hivemq_rest_emulator import (
    DuplicateSessionError,
    EmulatorHandle,
    SessionStore,
    create_app,
    seed_sessions,
)
from hivemq_rest_emulator.services.mqtt_clients.render import (
    client_item_json,
    subscription_list_json,
)

from tests.emulator.helpers import (
    LIST,
    MAX_LIMIT,
    asgi_request,
    assert_schema,
    client_path,
    cursor_of,
)

PLAIN = re.compile(r"(client-|sensor-|device-|gw-|app_|meter\.)[0-9]+")


def snapshot(store: SessionStore) -> list[object]:
    return [
        (store.read(i, client_item_json), store.read(i, subscription_list_json))
        for i in store.ids()
    ]


def test_same_seed_same_sessions() -> None:
    first, second = SessionStore(), SessionStore()
    seed_sessions(first, 2000, seed=7)
    seed_sessions(second, 2000, seed=7)
    assert first.ids() == second.ids()
    assert snapshot(first) == snapshot(second)


def test_other_seed_other_sessions() -> None:
    first, second = SessionStore(), SessionStore()
    seed_sessions(first, 500, seed=1)
    seed_sessions(second, 500, seed=2)
    assert first.ids() != second.ids()


def test_a_smaller_seeding_is_a_prefix() -> None:
    small, large = SessionStore(), SessionStore()
    seed_sessions(small, 300, seed=4)
    seed_sessions(large, 1000, seed=4)
    assert large.ids()[:300] == small.ids()
    assert snapshot(large)[:300] == snapshot(small)


def test_seeded_data_is_varied_and_valid() -> None:
    store = SessionStore()
    seed_sessions(store, 4000, seed=0)
    ids = store.ids()
    assert len(set(ids)) == 4000
    awkward = [client_id for client_id in ids if not PLAIN.fullmatch(client_id)]
    assert 0.03 * 4000 < len(awkward) < 0.08 * 4000
    for marker in ("/", "%", "%2F", "?", "#", " ", "+", "\U0001f680"):
        assert any(marker in client_id for client_id in awkward), marker
    assert any(not client_id.isascii() for client_id in awkward)
    assert any(len(client_id) >= 300 for client_id in awkward)

    sessions = [store.get(client_id) for client_id in ids]
    kinds: Counter[str] = Counter()
    for session in sessions:
        assert session is not None
        kinds["online" if session.connected else "offline"] += 1
        if session.connection is not None and session.connection.tls_information is not None:
            kinds["tls"] += 1
        if session.connection is not None and session.connection.proxy_information is not None:
            kinds["proxy"] += 1
        kinds["subscribed"] += bool(session.subscriptions)
        kinds["will"] += session.will_present
    for kind in ("online", "offline", "tls", "proxy", "subscribed", "will"):
        assert kinds[kind] > 100, kinds
    assert 0.45 < kinds["online"] / 4000 < 0.75


def test_seeded_bodies_match_the_contract() -> None:
    store = SessionStore()
    seed_sessions(store, 600, seed=2)
    for client_id in store.ids():
        assert_schema(store.read(client_id, client_item_json), "ClientItem")
        assert_schema(store.read(client_id, subscription_list_json), "ClientSubscriptionList")


def test_seeding_twice_is_refused_and_adds_nothing() -> None:
    store = SessionStore()
    seed_sessions(store, 100, seed=1)
    with pytest.raises(DuplicateSessionError):
        seed_sessions(store, 200, seed=1)
    assert len(store) == 100
    seed_sessions(store, 0, seed=1)
    assert len(store) == 100


def test_seeded_awkward_ids_are_served_over_http(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(1500, seed=21)
    awkward = [i for i in hivemq_emulator.store.ids() if not PLAIN.fullmatch(i)]
    assert len(awkward) > 40
    for client_id in awkward:
        response = client.get(client_path(client_id))
        assert response.status_code == 200, client_id
        assert response.json()["client"]["id"] == client_id


def test_a_million_sessions_serve_a_full_page() -> None:
    store = SessionStore()
    seed_sessions(store, 1_000_000, seed=0)
    assert len(store) == 1_000_000
    app = create_app(store)

    first = asgi_request(app, "GET", LIST, params={"limit": MAX_LIMIT}).json()
    assert len(first["items"]) == MAX_LIMIT
    second = asgi_request(app, "GET", first["_links"]["next"]).json()
    assert len(second["items"]) == MAX_LIMIT
    assert {item["id"] for item in first["items"]}.isdisjoint(
        item["id"] for item in second["items"]
    )

    # A page deep inside the store, from a cursor issued for that position.
    page = store.page(MAX_LIMIT)
    for _ in range(3):
        assert page.next_cursor is not None
        page = store.page(MAX_LIMIT, page.next_cursor)
    deep = asgi_request(app, "GET", LIST, params={"limit": MAX_LIMIT, "cursor": page.next_cursor})
    assert len(deep.json()["items"]) == MAX_LIMIT

    last_id = store.ids()[-1]
    details = asgi_request(app, "GET", client_path(last_id)).json()
    assert details["client"]["id"] == last_id
    assert cursor_of(second["_links"]["next"])
