"""AsyncHiveMQClient: the asyncio client, and fetching many clients' details at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Iterable
from types import TracebackType
from typing import Literal, Self, Unpack

import httpx
from hivemq_rest_generated.models import ClientDetails

from ._async_api import AsyncAPI
from ._base_client import ClientSettings
from ._constants import DEFAULT_BASE_URL
from ._errors import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    ClientNotFoundError,
    HiveMQError,
    InvalidClientIdError,
    PermissionDeniedError,
    UnsendableRequestError,
)
from ._ids import validate_client_id

__all__ = ["AsyncHiveMQClient", "ClientDetailsStream"]

DEFAULT_CONCURRENCY = 32

# Failures that mean every other request will fail too: never collected.
_FATAL = (AuthenticationError, PermissionDeniedError)


class AsyncHiveMQClient(AsyncAPI):
    """A client of the HiveMQ REST API's MQTT client endpoints (asyncio).

    The same methods as HiveMQClient (both come from _async_api.py), as
    coroutines and async iterators, and ``fetch_clients`` for many details at
    bounded concurrency. ``transport``
    is "aiohttp" (default: aiohttp under httpx, far less CPU per request),
    "httpx" (httpx's own pool) or an httpx transport object (tests).
    """

    def __init__(
        self,
        base_url: str | httpx.URL = DEFAULT_BASE_URL,
        *,
        transport: Literal["aiohttp", "httpx"] | httpx.AsyncBaseTransport = "aiohttp",
        **settings: Unpack[ClientSettings],
    ) -> None:
        super().__init__(base_url, **settings)
        chosen: httpx.AsyncBaseTransport | None
        if transport == "aiohttp":
            # Imported here: only the async client on aiohttp pays for aiohttp.
            from ._aiohttp import RawPathAiohttpTransport

            chosen = RawPathAiohttpTransport(verify=self._connection.tls)
        elif transport == "httpx":
            chosen = None
        elif isinstance(transport, httpx.AsyncBaseTransport):
            chosen = transport
        else:
            raise ValueError(
                f"transport must be 'aiohttp', 'httpx' or a transport, not {transport!r}"
            )
        self._http = httpx.AsyncClient(**self._connection.client_kwargs(), transport=chosen)

    def fetch_clients(
        self,
        client_ids: Iterable[str] | AsyncIterable[str],
        concurrency: int = DEFAULT_CONCURRENCY,
        *,
        on_failure: Literal["raise", "collect"] = "raise",
    ) -> ClientDetailsStream:
        """The details of many clients, at most ``concurrency`` requests in flight.

        An async iterator of ClientDetails, in the order the answers arrive.
        Ids that vanished (404) are skipped and listed in ``.vanished``. Any
        other failure stops the stream and is raised; with
        ``on_failure="collect"``, a failure of one client's request (after
        its retries) is put in ``.failed`` instead and the stream goes on,
        but losing the server (401, 403, or connection errors on more than
        twice ``concurrency`` requests in a row) still stops it.
        Ids may come from an async iterator, e.g. ``iter_client_ids()``:
        they are read as needed.
        """
        return ClientDetailsStream(self, client_ids, concurrency, on_failure)


async def _each(items: Iterable[str] | AsyncIterable[str]) -> AsyncIterator[str]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item


class ClientDetailsStream:
    """The async iterator that ``AsyncHiveMQClient.fetch_clients`` returns.

    ``vanished`` lists the ids that were gone (404) when their turn came;
    ``failed`` the (id, error) pairs of requests that failed, when failures
    are collected; ``fetched`` counts the details handed out. Used as an
    async context manager, it cancels what is still in flight when the
    block is left early (or call ``aclose()``).
    """

    def __init__(
        self,
        client: AsyncHiveMQClient,
        client_ids: Iterable[str] | AsyncIterable[str],
        concurrency: int,
        on_failure: Literal["raise", "collect"] = "raise",
    ) -> None:
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError(f"concurrency must be an int of at least 1, not {concurrency!r}")
        if on_failure not in ("raise", "collect"):
            raise ValueError(f"on_failure must be 'raise' or 'collect', not {on_failure!r}")
        self._client = client
        self._ids = client_ids
        self._concurrency = concurrency
        self._collect = on_failure == "collect"
        self.vanished: list[str] = []
        self.failed: list[tuple[str, HiveMQError]] = []
        self._connection_failures = 0  # in a row, since the last success
        self.fetched = 0
        self._iterator: AsyncGenerator[ClientDetails, None] | None = None

    def __aiter__(self) -> AsyncIterator[ClientDetails]:
        if self._iterator is not None:
            raise RuntimeError("a ClientDetailsStream can be iterated only once")
        self._iterator = iterator = self._run()
        return iterator

    async def aclose(self) -> None:
        """Stop early: cancel the requests in flight now, not when the stream is collected."""
        if self._iterator is not None:
            await self._iterator.aclose()

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
            details = await self._client.get_client(client_id)
        except ClientNotFoundError:
            self.vanished.append(client_id)
            return None
        except _FATAL:
            raise
        except APIConnectionError as error:
            # One request that lost its connection after every retry is one
            # failed client; a run of them with no success means the server
            # is gone, and that stops the stream.
            self._connection_failures += 1
            if not self._collect or self._connection_failures > 2 * self._concurrency:
                raise
            self.failed.append((client_id, error))
            return None
        except (APIStatusError, UnsendableRequestError) as error:
            if not self._collect:
                raise
            self.failed.append((client_id, error))
            return None
        self._connection_failures = 0
        return details

    async def _run(self) -> AsyncGenerator[ClientDetails, None]:
        pending: set[asyncio.Task[ClientDetails | None]] = set()
        try:
            async for client_id in _each(self._ids):
                try:
                    validate_client_id(client_id)
                except InvalidClientIdError as error:
                    # An id no request can address (one a server listed, say)
                    # is one failed client; a non-str is the caller's bug.
                    if not (self._collect and isinstance(client_id, str)):
                        raise
                    self.failed.append((client_id, error))
                    continue
                if len(pending) >= self._concurrency:
                    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                    for details in _results(done):
                        self.fetched += 1
                        yield details
                pending.add(asyncio.create_task(self._one(client_id)))
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for details in _results(done):
                    self.fetched += 1
                    yield details
        finally:
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)


def _results(done: set[asyncio.Task[ClientDetails | None]]) -> list[ClientDetails]:
    """The details of finished fetches; the first failure is raised.

    Every task's outcome is read first, so that asyncio does not log the
    other failures as never retrieved.
    """
    failures = [error for task in done if (error := task.exception()) is not None]
    if failures:
        raise failures[0]
    return [details for task in done if (details := task.result()) is not None]
