"""One operation through a fresh HiveMQClient or AsyncHiveMQClient (aiohttp transport)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from hivemq_rest import AsyncHiveMQClient, HiveMQClient

# "sync": HiveMQClient; "async": AsyncHiveMQClient on its default transport, aiohttp.
KINDS = ["sync", "async"]

# Every operation that names one client, and the listing.
PER_CLIENT = [
    "get_client",
    "get_connection_state",
    "is_connected",
    "subscriptions",
    "disconnect",
    "invalidate",
]
READS = ["get_client", "get_connection_state", "is_connected", "subscriptions", "list"]


def _sync(hivemq: HiveMQClient, operation: str, argument: Any) -> Any:
    if operation == "get_client":
        return hivemq.clients.get(argument)
    if operation == "get_connection_state":
        return hivemq.clients.connection_state(argument)
    if operation == "is_connected":
        return hivemq.clients.is_connected(argument)
    if operation == "subscriptions":
        return list(hivemq.clients.subscriptions(argument))
    if operation == "disconnect":
        return hivemq.clients.disconnect(argument)
    if operation == "invalidate":
        return hivemq.clients.invalidate_session(argument)
    if operation == "list":
        return list(hivemq.clients.list(page_size=argument))
    if operation == "list_sized":
        return list(hivemq.clients.list(page_size=argument))
    if operation == "pages":
        return list(hivemq.clients.pages(page_size=argument))
    raise ValueError(operation)


async def _async(hivemq: AsyncHiveMQClient, operation: str, argument: Any) -> Any:
    if operation == "get_client":
        return await hivemq.clients.get(argument)
    if operation == "get_connection_state":
        return await hivemq.clients.connection_state(argument)
    if operation == "is_connected":
        return await hivemq.clients.is_connected(argument)
    if operation == "subscriptions":
        return [item async for item in hivemq.clients.subscriptions(argument)]
    if operation == "disconnect":
        return await hivemq.clients.disconnect(argument)
    if operation == "invalidate":
        return await hivemq.clients.invalidate_session(argument)
    if operation == "list":
        listing = hivemq.clients.list(page_size=argument)
        return [client_id async for client_id in listing]
    if operation == "list_sized":
        return [client_id async for client_id in hivemq.clients.list(page_size=argument)]
    if operation == "pages":
        return [page async for page in hivemq.clients.pages(page_size=argument)]
    if operation == "fetch":
        return [details async for details in hivemq.clients.fetch(argument)]
    raise ValueError(operation)


def call(kind: str, base_url: str, operation: str, argument: Any = None, **settings: Any) -> Any:
    """Run ``operation`` on a new client of ``kind``; iterators come back as lists."""
    if kind == "sync":
        with HiveMQClient(base_url, **settings) as hivemq:
            return _sync(hivemq, operation, argument)

    async def main() -> Any:
        async with AsyncHiveMQClient(base_url, transport="aiohttp", **settings) as hivemq:
            return await _async(hivemq, operation, argument)

    return asyncio.run(main())


@contextmanager
def open_client(kind: str, base_url: str, **settings: Any) -> Iterator[Callable[..., Any]]:
    """A client of ``kind`` kept open: yields ``do(operation, argument)``."""
    if kind == "sync":
        with HiveMQClient(base_url, **settings) as hivemq:
            yield lambda operation, argument=None: _sync(hivemq, operation, argument)
        return
    loop = asyncio.new_event_loop()
    client = AsyncHiveMQClient(base_url, transport="aiohttp", **settings)
    try:
        yield lambda operation, argument=None: loop.run_until_complete(
            _async(client, operation, argument)
        )
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()
