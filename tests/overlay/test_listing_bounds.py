"""A listing ends with a typed error when a server goes round in circles or hands out huge cursors.

Both clients walk the same scripted server (tests/overlay/fake_api.py).
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hivemq_rest import AsyncHiveMQClient, HiveMQClient, RetryPolicy, UnexpectedResponseError
from hivemq_rest._constants import CURSOR_EXCERPT_CHARS, MAX_CURSOR_CHARS, MAX_EMPTY_PAGES

from tests.overlay.fake_api import FakeAPI

KINDS = ["sync", "async"]


def _page(ids: list[str], cursor: str | None = None) -> httpx.Response:
    body: dict[str, Any] = {"items": [{"id": i} for i in ids]}
    if cursor is not None:
        body["_links"] = {"next": f"/api/v1/mqtt/clients?limit=50&cursor={quote(cursor, safe='')}"}
    return httpx.Response(200, json=body)


def _walk(kind: str, api: FakeAPI) -> list[str]:
    """Every id the client's listing yields from the scripted server."""
    retry = RetryPolicy.disabled()
    if kind == "sync":
        with HiveMQClient("http://broker:8888", transport=api.transport(), retry=retry) as hivemq:
            return list(hivemq.clients.list(page_size=50))

    async def main() -> list[str]:
        transport = api.async_transport()
        async with AsyncHiveMQClient(
            "http://broker:8888", transport=transport, retry=retry
        ) as hivemq:
            return [client_id async for client_id in hivemq.clients.list(page_size=50)]

    return asyncio.run(main())


def _fresh_empty_pages() -> FakeAPI:
    """A server that answers with empty pages, each with a cursor never seen before.

    It gives up itself after ten times the limit, so that a client without
    the limit fails this test instead of hanging it.
    """
    numbers = itertools.count()

    def answer(request: httpx.Request) -> httpx.Response:
        number = next(numbers)
        return _page([], f"c{number}" if number < 10 * MAX_EMPTY_PAGES else None)

    return FakeAPI(default=answer)


@pytest.mark.parametrize("kind", KINDS)
def test_endless_empty_pages_end_the_walk(kind: str) -> None:
    api = _fresh_empty_pages().script(_page(["a"], "first"))
    with pytest.raises(UnexpectedResponseError, match="Listing makes no progress") as caught:
        _walk(kind, api)
    assert len(api.requests) == 1 + MAX_EMPTY_PAGES
    assert f"{MAX_EMPTY_PAGES} pages in a row" in caught.value.detail
    assert caught.value.status == 200


@pytest.mark.parametrize("kind", KINDS)
def test_empty_pages_count_only_in_a_row(kind: str) -> None:
    almost = MAX_EMPTY_PAGES - 1
    api = FakeAPI().script(
        *(_page([], f"a{n}") for n in range(almost)),
        _page(["x"], "middle"),
        *(_page([], f"b{n}") for n in range(almost)),
        _page(["y"]),
    )
    assert _walk(kind, api) == ["x", "y"]
    assert len(api.requests) == 2 * almost + 2


@pytest.mark.parametrize("kind", KINDS)
def test_a_cursor_too_long_ends_the_walk(kind: str) -> None:
    huge = "B" * (MAX_CURSOR_CHARS + 1)
    api = FakeAPI().script(_page(["a"], huge), _page(["b"]))
    with pytest.raises(UnexpectedResponseError, match=f"cursor of {MAX_CURSOR_CHARS + 1} char"):
        _walk(kind, api)
    assert len(api.requests) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_the_longest_cursor_accepted_is_sent(kind: str) -> None:
    # Characters of four UTF-8 bytes, twelve characters percent-encoded: the
    # worst case still fits a URL that httpx sends.
    longest = "\U0001f680" * MAX_CURSOR_CHARS
    api = FakeAPI().script(_page(["a"], longest), _page(["b"]))
    assert _walk(kind, api) == ["a", "b"]
    assert api.requests[1].url.params["cursor"] == longest


_LONG = "Q" + "".join(f"{n:04d}" for n in range(1000))  # no 17 characters of it repeat


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "failing_page",
    [
        _page(["a"], _LONG),  # handed out twice
        _page([], _LONG + "x" * MAX_CURSOR_CHARS),  # too long
        httpx.Response(200, json={"items": [{"id": 5}], "_links": {"next": f"/?cursor={_LONG}"}}),
        httpx.Response(200, json={"items": [], "_links": {"next": f"/?cursorx={_LONG}"}}),
        httpx.Response(200, text=f'{{"_links": {{"next": "/?cursor={_LONG}'),  # cut short
        httpx.Response(200, json={"items": [], "_links": {"next": f"/?cursor=%ff{_LONG}"}}),
    ],
    ids=["repeated", "too-long", "bad-id", "no-cursor", "not-json", "bad-utf-8"],
)
def test_errors_quote_only_the_start_of_a_cursor(kind: str, failing_page: httpx.Response) -> None:
    api = FakeAPI().script(_page(["a"], _LONG), failing_page)
    with pytest.raises(UnexpectedResponseError) as caught:
        _walk(kind, api)
    assert len(api.requests) == 2
    message = str(caught.value)
    assert _LONG[:CURSOR_EXCERPT_CHARS] in message  # the start helps to tell cursors apart
    for start in range(len(_LONG) - CURSOR_EXCERPT_CHARS):
        assert _LONG[start : start + CURSOR_EXCERPT_CHARS + 1] not in message, message


def _subscription_pages() -> FakeAPI:
    """Empty subscription pages, each with a new cursor; gives up after ten times the limit."""
    numbers = itertools.count()

    def answer(request: httpx.Request) -> httpx.Response:
        number = next(numbers)
        body: dict[str, Any] = {"items": []}
        if number < 10 * MAX_EMPTY_PAGES:
            body["_links"] = {"next": f"/api/v1/mqtt/clients/a/subscriptions?cursor=s{number}"}
        return httpx.Response(200, json=body)

    return FakeAPI(default=answer)


def _subscriptions(kind: str, api: FakeAPI) -> None:
    """Walk client "a"'s subscriptions against the scripted server."""
    retry = RetryPolicy.disabled()
    if kind == "sync":
        with HiveMQClient("http://broker:8888", transport=api.transport(), retry=retry) as hivemq:
            list(hivemq.clients.subscriptions("a"))
        return

    async def main() -> None:
        transport = api.async_transport()
        async with AsyncHiveMQClient(
            "http://broker:8888", transport=transport, retry=retry
        ) as hivemq:
            [s async for s in hivemq.clients.subscriptions("a")]

    asyncio.run(main())


@pytest.mark.parametrize("kind", KINDS)
def test_endless_empty_subscription_pages_end_the_walk(kind: str) -> None:
    api = _subscription_pages()
    with pytest.raises(UnexpectedResponseError, match="makes no progress"):
        _subscriptions(kind, api)
    assert len(api.requests) == MAX_EMPTY_PAGES
