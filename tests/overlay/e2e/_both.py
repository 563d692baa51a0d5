"""One scenario, both clients: the sync client's answers are values, the async client's awaitables.

A scenario is written once as a coroutine that passes every library call
through :func:`done` (and every listing through :func:`every`), and runs with
either client: the sync client blocks inside the event loop, which is fine in
a test that runs nothing else on it.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import Any, Literal

from hivemq_rest import AsyncHiveMQClient, HiveMQClient

# The async client over each of its transports.
_TRANSPORTS: dict[str, Literal["aiohttp", "httpx"]] = {
    "async-httpx": "httpx",
    "async-aiohttp": "aiohttp",
}
CLIENTS = ["sync", *_TRANSPORTS]


async def done(value: Any) -> Any:
    """What a library call gave: awaited if the async client gave an awaitable."""
    return await value if inspect.isawaitable(value) else value


async def every(items: Iterable[Any] | AsyncIterable[Any]) -> list[Any]:
    """Every item of a listing, sync iterable or async one."""
    if isinstance(items, AsyncIterable):
        return [item async for item in items]
    return list(items)


async def next_of(items: Iterator[Any] | AsyncIterator[Any]) -> Any:
    """The next item of a listing, sync iterator or async one."""
    if isinstance(items, AsyncIterator):
        return await anext(items)
    return next(items)


def run_with(
    kind: str, base_url: str, scenario: Callable[[Any], Awaitable[None]], **options: Any
) -> None:
    """Run ``scenario(hivemq)`` with a client of this kind (one of :data:`CLIENTS`)."""

    async def main() -> None:
        if kind == "sync":
            with HiveMQClient(base_url, **options) as hivemq:
                await scenario(hivemq)
        else:
            transport = _TRANSPORTS[kind]
            async with AsyncHiveMQClient(base_url, transport=transport, **options) as hivemq:
                await scenario(hivemq)

    asyncio.run(main())
