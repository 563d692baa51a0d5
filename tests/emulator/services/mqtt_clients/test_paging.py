"""Paging of GET /api/v1/mqtt/clients: limits, cursors, 410."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hivemq_rest_emulator import (
    EmulatorHandle,
    ExpiredCursorError,
    InvalidCursorError,
    SessionStore,
    seed_sessions,
)

from tests.emulator.helpers import (
    LIST,
    MAX_LIMIT,
    MIN_LIMIT,
    assert_error,
    client_path,
    cursor_of,
    walk,
)


def pages(client: httpx.Client, limit: int) -> list[dict[str, Any]]:
    bodies = []
    url = f"{LIST}?limit={limit}"
    while True:
        response = client.get(url)
        assert response.status_code == 200, response.text
        bodies.append(response.json())
        if "_links" not in bodies[-1]:
            return bodies
        url = bodies[-1]["_links"]["next"]


@pytest.mark.parametrize(
    "limit", [str(MIN_LIMIT - 1), str(MAX_LIMIT + 1), "0", "-50", "abc", "", "50.0", " 50", "5e2"]
)
def test_limit_out_of_bounds_or_not_an_integer_is_400(client: httpx.Client, limit: str) -> None:
    detail = assert_error(client.get(LIST, params={"limit": limit}), 400, "Invalid query parameter")
    assert "limit" in detail


@pytest.mark.parametrize("limit", [MIN_LIMIT, MAX_LIMIT])
def test_limit_bounds_are_accepted(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, limit: int
) -> None:
    hivemq_emulator.seed(MAX_LIMIT + 1)
    body = client.get(LIST, params={"limit": limit}).json()
    assert len(body["items"]) == limit
    assert body["_links"]["next"].endswith(f"&limit={limit}")


def test_default_limit_is_500(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    hivemq_emulator.seed(501)
    body = client.get(LIST).json()
    assert len(body["items"]) == 500
    last = client.get(body["_links"]["next"]).json()
    assert len(last["items"]) == 1
    assert "_links" not in last


@pytest.mark.parametrize(
    "limit", [MIN_LIMIT, MIN_LIMIT + 1, 97, 500, 1234, MAX_LIMIT - 1, MAX_LIMIT, None]
)
def test_walk_returns_every_session_exactly_once(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, limit: int | None
) -> None:
    hivemq_emulator.seed(2613, seed=5)
    ids = walk(client, limit)
    assert len(ids) == 2613
    assert sorted(ids) == sorted(hivemq_emulator.store.ids())


@pytest.mark.parametrize("limit", [50, 100, 250, 500])
def test_no_empty_page_when_the_count_is_a_multiple_of_the_limit(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, limit: int
) -> None:
    hivemq_emulator.seed(500)
    bodies = pages(client, limit)
    assert len(bodies) == 500 // limit
    assert all(len(body["items"]) == limit for body in bodies)


def test_every_page_size_walks_the_store_exactly_once() -> None:
    store = SessionStore()
    seed_sessions(store, 1234, seed=9)
    expected = store.ids()
    for limit in range(MIN_LIMIT, MAX_LIMIT + 1):
        ids: list[str] = []
        cursor = None
        page_count = 0
        while True:
            page = store.page(limit, cursor)
            page_count += 1
            ids.extend(page.ids)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert ids == expected, limit
        assert page_count == math.ceil(1234 / limit), limit


def test_cursor_is_opaque_and_percent_encoded_in_the_link(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(120)
    next_url = client.get(LIST, params={"limit": MIN_LIMIT}).json()["_links"]["next"]
    assert next_url.startswith(f"{LIST}?cursor=")
    cursor = cursor_of(next_url)
    assert {"=", "-", "_"} <= set(cursor)
    assert f"cursor={quote(cursor, safe='')}&" in next_url
    assert "=" not in next_url.split("cursor=", 1)[1].split("&", 1)[0]

    by_link = client.get(next_url).json()
    by_param = client.get(LIST, params={"cursor": cursor, "limit": MIN_LIMIT}).json()
    unencoded = client.get(f"{LIST}?cursor={cursor}&limit={MIN_LIMIT}").json()
    assert by_link == by_param == unencoded
    assert len(by_link["items"]) == MIN_LIMIT


def test_a_cursor_can_be_used_with_another_limit(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(300)
    first = client.get(LIST, params={"limit": MIN_LIMIT}).json()
    rest = client.get(LIST, params={"limit": 250, "cursor": cursor_of(first["_links"]["next"])})
    assert "_links" not in rest.json()
    ids = [item["id"] for item in first["items"] + rest.json()["items"]]
    assert ids == hivemq_emulator.store.ids()


@pytest.mark.parametrize(
    "cursor",
    ["abc", "", "-_8AAAAAAAAAAQAAAAAAAAAyAAAAAA==", "not a cursor", "%3D%3D", "-_8=="],
)
def test_garbage_cursor_is_400(
    hivemq_emulator: EmulatorHandle, client: httpx.Client, cursor: str
) -> None:
    hivemq_emulator.seed(60)
    detail = assert_error(
        client.get(LIST, params={"cursor": cursor}), 400, "Invalid query parameter"
    )
    assert "cursor" in detail


def test_double_encoded_or_tampered_cursor_is_400(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(60)
    cursor = cursor_of(client.get(LIST, params={"limit": MIN_LIMIT}).json()["_links"]["next"])
    double = quote(quote(cursor, safe=""), safe="")
    assert_error(client.get(f"{LIST}?cursor={double}&limit={MIN_LIMIT}"), 400)
    tampered = cursor[:4] + ("A" if cursor[4] != "A" else "B") + cursor[5:]
    assert_error(client.get(LIST, params={"cursor": tampered}), 400)


def _first_cursor(client: httpx.Client) -> str:
    return cursor_of(client.get(LIST, params={"limit": MIN_LIMIT}).json()["_links"]["next"])


def _assert_expired(client: httpx.Client, cursor: str) -> None:
    detail = assert_error(
        client.get(LIST, params={"cursor": cursor, "limit": MIN_LIMIT}),
        410,
        "Cursor not valid anymore",
    )
    assert detail == "The given cursor is not valid anymore."


def test_410_after_a_session_is_added_mid_listing(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    hivemq_emulator.add_session("latecomer")
    _assert_expired(client, cursor)
    # Starting again works and sees the new session.
    assert "latecomer" in walk(client, MIN_LIMIT)


def test_410_after_a_session_is_added_over_the_admin_api(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    assert client.post("/_emulator/sessions", json={"id": "new"}).status_code == 201
    _assert_expired(client, cursor)


def test_410_after_a_session_is_invalidated_mid_listing(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    victim = hivemq_emulator.store.ids()[100]
    assert client.delete(client_path(victim)).status_code == 204
    _assert_expired(client, cursor)


def test_410_after_admin_expire_cursors(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    response = client.put("/_emulator/faults", json={"expireCursors": True})
    assert response.status_code == 200
    _assert_expired(client, cursor)
    # One-shot: no fault stays configured, new cursors work.
    assert client.get("/_emulator/faults").json()["unavailableRatio"] == 0.0
    assert sorted(walk(client, MIN_LIMIT)) == sorted(hivemq_emulator.store.ids())


def test_410_after_expire_cursors_from_the_handle(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    client.get(LIST, params={"cursor": cursor, "limit": MIN_LIMIT}).raise_for_status()
    hivemq_emulator.expire_cursors()
    _assert_expired(client, cursor)


def test_410_after_reset(hivemq_emulator: EmulatorHandle, client: httpx.Client) -> None:
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    assert client.delete("/_emulator/sessions").status_code == 204
    hivemq_emulator.seed(120)
    _assert_expired(client, cursor)


def test_disconnect_keeping_the_session_leaves_cursors_valid(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("kept", connected=True, session_expiry_interval=60)
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    assert client.delete(client_path("kept", "/connection")).status_code == 204
    assert client.get(LIST, params={"cursor": cursor, "limit": MIN_LIMIT}).status_code == 200


def test_disconnect_ending_the_session_expires_cursors(
    hivemq_emulator: EmulatorHandle, client: httpx.Client
) -> None:
    hivemq_emulator.add_session("gone", connected=True, session_expiry_interval=0)
    hivemq_emulator.seed(120)
    cursor = _first_cursor(client)
    assert client.delete(client_path("gone", "/connection")).status_code == 204
    _assert_expired(client, cursor)


def test_store_page_errors() -> None:
    store = SessionStore()
    seed_sessions(store, 100)
    cursor = store.page(MIN_LIMIT).next_cursor
    assert cursor is not None
    with pytest.raises(InvalidCursorError):
        store.page(MIN_LIMIT, "nope")
    store.expire_cursors()
    with pytest.raises(ExpiredCursorError):
        store.page(MIN_LIMIT, cursor)
    with pytest.raises(ValueError, match="positive"):
        store.page(0)
