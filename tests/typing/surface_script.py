"""A user's script over the whole surface, sync and async: mypy --strict must see each type.

tests/typing/test_surface_typing.py checks it with ``mypy --strict`` as a user
would run it, and runs it against the emulator.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import assert_type

from hivemq_rest import (
    AsyncClientDetailsStream,
    AsyncHiveMQClient,
    Backup,
    ClientDetails,
    ClientDetailsStream,
    ClientNotFoundError,
    Connection,
    HiveMQClient,
    RawResponse,
    TraceRecording,
)


def sync_tour(base_url: str) -> list[str]:
    """Every verb of ``clients`` and the other surfaces, on the sync client."""
    seen: list[str] = []
    with HiveMQClient(base_url) as hivemq:
        ids = hivemq.clients.list(page_size=None)
        assert_type(ids, Iterator[str])
        pages = hivemq.clients.pages(page_size=100)
        assert_type(pages, Iterator[list[str]])
        for client_id in ids:
            details = hivemq.clients.get(client_id, timeout=5, extra_headers={"X-Tour": "1"})
            assert_type(details, ClientDetails)
            assert_type(hivemq.clients.connection_state(client_id), Connection)
            assert_type(hivemq.clients.is_connected(client_id), bool)
            seen += [
                s.topic_filter for s in hivemq.clients.subscriptions(client_id) if s.topic_filter
            ]
            raw = hivemq.with_raw_response.clients.get(client_id)
            assert_type(raw, RawResponse[ClientDetails])
            assert_type(raw.parse(), ClientDetails)
            seen.append(f"{raw.status_code} {len(raw.content) > 0}")
        stream = hivemq.clients.fetch(["a", "b"], concurrency=2)
        assert_type(stream, ClientDetailsStream)
        seen += sorted(str(d.id) for d in stream)
        seen += stream.vanished
        assert_type(hivemq.backups.list(), Iterator[Backup])
        assert_type(hivemq.trace_recordings.list(), Iterator[TraceRecording])
        listed = hivemq.with_raw_response.backups.list()
        assert_type(listed, RawResponse[list[Backup]])
        quick = hivemq.with_options(timeout=2, max_attempts=1)
        assert_type(quick, HiveMQClient)
        try:
            quick.clients.disconnect("nobody", prevent_will_message=True)
        except ClientNotFoundError as error:
            if error.response is not None:
                seen.append(f"gone {error.response.status_code}")
    return seen


async def async_tour(base_url: str) -> list[str]:
    """The same on the async client."""
    seen: list[str] = []
    async with AsyncHiveMQClient(base_url) as hivemq:
        ids = hivemq.clients.list()
        assert_type(ids, AsyncIterator[str])
        async for client_id in ids:
            assert_type(await hivemq.clients.get(client_id), ClientDetails)
            assert_type(await hivemq.clients.is_connected(client_id), bool)
            raw = await hivemq.with_raw_response.clients.connection_state(client_id)
            assert_type(raw, RawResponse[Connection])
            seen.append(str(raw.status_code))
        stream = hivemq.clients.fetch(hivemq.clients.list(), concurrency=4)
        assert_type(stream, AsyncClientDetailsStream)
        seen += sorted([str(d.id) async for d in stream])
        assert_type(hivemq.backups.list(), AsyncIterator[Backup])
        quick = hivemq.with_options(timeout=2)
        assert_type(quick, AsyncHiveMQClient)
        seen.append(str(len([b async for b in quick.backups.list()])))
    return seen


def tour(base_url: str) -> tuple[list[str], list[str]]:
    """Both tours."""
    return sync_tour(base_url), asyncio.run(async_tour(base_url))
