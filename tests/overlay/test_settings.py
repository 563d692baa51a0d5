"""Every failure is a HiveMQError: bad settings at creation, a closed client, a second loop."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import httpx
import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    ClientClosedError,
    ConfigurationError,
    EventLoopError,
    HiveMQClient,
    HiveMQError,
    RetryPolicy,
)
from hivemq_rest._constants import MAX_SECONDS
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.examples import examples
from tests.overlay.fake_api import FakeAPI, details

BAD_SETTINGS: list[dict[str, Any]] = [
    {"timeout": -1},
    {"timeout": 0},
    {"timeout": "5"},
    {"timeout": float("nan")},
    {"timeout": float("inf")},
    {"timeout": True},
    {"timeout": httpx.Timeout(5.0, read=-1.0)},
    {"timeout": httpx.Timeout(5.0, connect=0.0)},
    {"requests_per_second": 0},
    {"requests_per_second": -3},
    {"requests_per_second": float("nan")},
    {"requests_per_second": float("inf")},
    {"requests_per_second": "10"},
    {"retry": 3},
    {"retry": {"max_attempts": 3}},
    {"max_response_bytes": 0},
    {"max_response_bytes": 1.5},
    {"max_response_bytes": True},
    {"verify": "no"},
    {"follow_redirects": 1},
    {"headers": {"X-Key": "a\r\nInjected: yes"}},
    {"headers": {"Bad Name": "x"}},
    {"headers": {"X-Key": 5}},
    {"headers": {"X-Key": "é"}},
    {"headers": ["X-Key"]},
    {"username": 5},
    {"token": ""},
    {"token": "t", "username": "u"},
]


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("bad", BAD_SETTINGS, ids=repr)
def test_bad_settings_are_refused_at_creation(kind: str, bad: dict[str, Any]) -> None:
    make = HiveMQClient if kind == "sync" else AsyncHiveMQClient
    with pytest.raises(ConfigurationError) as caught:
        make("http://127.0.0.1:9", **bad)
    assert isinstance(caught.value, HiveMQError)
    assert isinstance(caught.value, ValueError)  # what these were before


@settings(max_examples=examples(200), derandomize=True, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(-(10**6), 10**6),
        st.text(max_size=3),
        st.none(),
        st.booleans(),
    )
)
def test_any_timeout_is_accepted_or_refused_at_once(timeout: object) -> None:
    usable = timeout is None or (
        isinstance(timeout, int | float)
        and not isinstance(timeout, bool)
        and 0 < timeout <= MAX_SECONDS
    )
    try:
        HiveMQClient("http://127.0.0.1:9", timeout=timeout).close()  # type: ignore[arg-type]
    except ConfigurationError:
        assert not usable
    else:
        assert usable


def test_good_settings_are_kept() -> None:
    with HiveMQClient(
        "http://127.0.0.1:9",
        timeout=2.5,
        requests_per_second=100,
        max_response_bytes=1024,
        retry=RetryPolicy.disabled(),
        headers={"X-Api-Key": "k"},
    ) as hivemq:
        assert hivemq.max_response_bytes == 1024
        assert hivemq.retry.max_attempts == 1


def test_a_closed_client_says_so() -> None:
    api = FakeAPI(default=details("a"))
    hivemq = HiveMQClient(transport=api.transport())
    hivemq.close()
    with pytest.raises(ClientClosedError, match="closed"):
        hivemq.clients.get("a")
    assert api.requests == []


def test_a_closed_async_client_says_so() -> None:
    api = FakeAPI(default=details("a"))

    async def main() -> None:
        hivemq = AsyncHiveMQClient(transport=api.async_transport())
        await hivemq.aclose()
        with pytest.raises(ClientClosedError) as caught:
            await hivemq.clients.get("a")
        assert isinstance(caught.value, RuntimeError)  # what it was before

    asyncio.run(main())
    assert api.requests == []


@pytest.mark.parametrize("transport", ["aiohttp", "httpx", "mock"])
def test_an_async_client_stays_in_its_event_loop(transport: str) -> None:
    api = FakeAPI(default=details("a"))
    chosen: Any = api.async_transport() if transport == "mock" else transport
    # Nothing listens on port 9: only the first loop's request may try.
    hivemq = AsyncHiveMQClient("http://127.0.0.1:9", transport=chosen, retry=RetryPolicy.disabled())

    async def first() -> None:
        with contextlib.suppress(HiveMQError):
            await hivemq.clients.get("a")

    async def second() -> None:
        with pytest.raises(EventLoopError, match="event loop"):
            await hivemq.clients.get("a")
        await hivemq.aclose()

    asyncio.run(first())
    asyncio.run(second())
