"""One action through every client: the sync one and the async one on each transport."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from hivemq_rest import AsyncHiveMQClient, HiveMQClient, RetryPolicy

from tests.overlay.fake_api import FakeAPI

#: Real sockets: the sync client, the async one on aiohttp and on httpx.
KINDS = ["sync", "aiohttp", "httpx"]
#: Against a FakeAPI (httpx.MockTransport).
FAKE_KINDS = ["sync", "async"]
ONCE = RetryPolicy(max_attempts=1)
NO_WAIT = RetryPolicy(max_attempts=3, backoff_base=0)

Action = Callable[[Any], Any]


async def _resolve(result: Any) -> Any:
    if isinstance(result, AsyncIterator):  # a listing: read while the client is open
        return [item async for item in result]
    return await result if inspect.isawaitable(result) else result


def _drain(result: Any) -> Any:
    """A sync listing read whole while the client is open; any other result as it is."""
    return list(result) if isinstance(result, Iterator) else result


def run(kind: str, base_url: str, action: Action, **settings: Any) -> Any:
    """``action(client)`` through a new client of this kind on a real server."""
    if kind == "sync":
        with HiveMQClient(base_url, **settings) as hivemq:
            return _drain(action(hivemq))

    async def main() -> Any:
        async with AsyncHiveMQClient(base_url, transport=kind, **settings) as hivemq:  # type: ignore[arg-type]
            return await _resolve(action(hivemq))

    return asyncio.run(main())


def run_fake(kind: str, fake: FakeAPI, action: Action, **settings: Any) -> Any:
    """``action(client)`` through a new client of this kind on a FakeAPI."""
    if kind == "sync":
        with HiveMQClient("http://hivemq.test", transport=fake.transport(), **settings) as hivemq:
            return _drain(action(hivemq))

    async def main() -> Any:
        async with AsyncHiveMQClient(
            "http://hivemq.test", transport=fake.async_transport(), **settings
        ) as hivemq:
            return await _resolve(action(hivemq))

    return asyncio.run(main())
