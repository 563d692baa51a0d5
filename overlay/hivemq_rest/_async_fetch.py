"""AsyncClientDetailsStream: many clients' details at once, on the asyncio client.

Written by hand, as is its blocking twin in _sync_fetch.py (threads): the
two run their requests concurrently in ways unasync cannot translate. The
book both keep is _fetch.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
)
from types import TracebackType
from typing import Literal, Self

from hivemq_rest_generated.models import ClientDetails

from ._call_options import CallOptions
from ._errors import HiveMQError
from ._fetch import DEFAULT_CONCURRENCY, FetchBook

__all__ = ["DEFAULT_CONCURRENCY", "AsyncClientDetailsStream", "ClientIds"]

#: Where the ids of a fetch may come from.
ClientIds = Iterable[str] | AsyncIterable[str]
_Get = Callable[[str, CallOptions], Awaitable[ClientDetails]]


async def _each(items: ClientIds) -> AsyncIterator[str]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item


class AsyncClientDetailsStream(FetchBook[AsyncGenerator[ClientDetails, None]]):
    """The async iterator that ``AsyncHiveMQClient.clients.fetch`` returns.

    ``vanished``, ``failed`` and ``fetched``: see FetchBook. Used as an
    async context manager, it cancels what is still in flight when the
    block is left early (or call ``aclose()``). Iterated once.
    """

    def __init__(
        self,
        get: _Get,
        client_ids: ClientIds,
        concurrency: int,
        on_failure: Literal["raise", "collect"],
        options: CallOptions,
    ) -> None:
        super().__init__(concurrency, on_failure)
        self._get = get
        self._ids = client_ids
        self._options = options

    def __aiter__(self) -> AsyncIterator[ClientDetails]:
        return self._begin(self._run)

    async def aclose(self) -> None:
        """Stop early: cancel the requests in flight now, not when the stream is collected."""
        if self._iteration is not None:
            await self._iteration.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def _one(self, client_id: str) -> ClientDetails | None:
        try:
            details = await self._get(client_id, self._options)
        except HiveMQError as error:
            self.settle(client_id, error)
            return None
        self.succeeded()
        return details

    async def _run(self) -> AsyncGenerator[ClientDetails, None]:
        pending: set[asyncio.Task[ClientDetails | None]] = set()
        try:
            async for client_id in _each(self._ids):
                if not self.addressable(client_id):
                    continue
                if len(pending) >= self._concurrency:
                    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    for details in self.handed_out(done):
                        yield details
                pending.add(asyncio.create_task(self._one(client_id)))
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for details in self.handed_out(done):
                    yield details
        finally:
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
