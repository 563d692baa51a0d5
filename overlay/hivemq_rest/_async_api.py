"""The operations and the listing walk of both clients, written once.

This is the asyncio original. scripts/generate.py rewrites it into
_sync_api.py (``async``/``await`` dropped, asyncio names swapped for their
blocking twins, see scripts/_unasync.py), and scripts/check_generated.py fails
when that file is not what this one makes. Edit this file only.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Self

import httpx
from hivemq_rest_generated.models import ClientDetails, ClientSubscription, Connection

from . import _operations as op
from ._async_resources.backups import AsyncBackups
from ._async_resources.data_hub import AsyncDataHub
from ._async_resources.diagnostic_archives import AsyncDiagnosticArchives
from ._async_resources.health import AsyncHealthChecks
from ._async_resources.trace_recordings import AsyncTraceRecordings
from ._base_client import BaseClient
from ._constants import MAX_PAGE_SIZE
from ._deadline import attempt_deadline
from ._download import Sink
from ._errors import CursorExpiredError
from ._ids import validate_client_id
from ._iterate import aflatten
from ._paging import ClientIdListing, CursorTrail, OnCursorExpired
from ._retry import RetryState

__all__ = ["AsyncAPI"]


class AsyncAPI(BaseClient):
    """What a client does with its connection pool, ``_http`` (set by the subclass)."""

    _http: httpx.AsyncClient

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def _send(self, call: op.Call) -> httpx.Response:
        state = self._attempts(call, self._http)
        wait: float | None
        while True:
            state.start()
            if self.limiter is not None:
                await asyncio.sleep(self.limiter.reserve())
            try:
                with self._deadline(call):
                    async with self._http.stream(
                        call.method,
                        call.path,
                        params=call.params or None,
                        headers=call.wire_headers(),
                        content=call.content,
                    ) as response:
                        self._limit_body(response)
                        await response.aread()
            except (httpx.RequestError, httpx.InvalidURL, OSError) as raised:
                wait = self._wait_after_failure(call, state, raised)
            else:
                wait = self._wait_after_response(call, state, response)
                if wait is None:
                    return self._finish(call, response, state)
            await asyncio.sleep(wait)

    async def _download(self, call: op.Call, sink: Sink) -> None:
        """Stream a GET's body into sink; retried (as any GET) only before its first body byte.

        Auth, pacing, retries and error statuses are those of ``_send``, but
        no whole-attempt deadline and no ``max_response_bytes``: a file may be
        large and slow. Connecting is bounded by ``timeout``'s connect part,
        the wait for the answer and every gap between body chunks by its read
        part (default 30 s): a download that keeps moving never times out.
        """
        try:
            state = self._attempts(call, self._http)
            while True:
                state.start()
                if self.limiter is not None:
                    await asyncio.sleep(self.limiter.reserve())
                wait = await self._download_attempt(call, state, sink)
                if wait is None:
                    sink.commit()
                    return
                await asyncio.sleep(wait)
        except BaseException:
            sink.abort()
            raise

    async def _download_attempt(self, call: op.Call, state: RetryState, sink: Sink) -> float | None:
        """One attempt: None once the whole body is in sink, else the wait before the next."""
        try:
            with attempt_deadline(None):
                async with self._http.stream(
                    call.method, call.path, headers=call.wire_headers()
                ) as response:
                    if not response.is_success:
                        self._limit_body(response)  # an error body is read whole: bound it
                        await response.aread()
                        wait = self._wait_after_response(call, state, response)
                        if wait is None:
                            self._finish(call, response, state)
                        return wait
                    sink.begin(response)
                    async for chunk in response.aiter_raw():
                        sink.write(chunk)
                    return None
        except (httpx.RequestError, httpx.InvalidURL, OSError) as raised:
            if sink.received:
                raise sink.interrupted(raised) from raised
            return self._wait_after_failure(call, state, raised)

    def iter_client_id_pages(
        self, page_size: int = MAX_PAGE_SIZE, on_cursor_expired: OnCursorExpired = "restart"
    ) -> AsyncIterator[list[str]]:
        """Every session's client id, a page (a list of ids) at a time.

        ``page_size`` is 50..2500 (ValueError otherwise). After a 410 (cursor
        expired), ``"restart"`` starts again from the first page and hands out
        only ids not handed out before (at most a few times); ``"raise"``
        raises CursorExpiredError.
        """
        return self._walk(ClientIdListing(page_size, on_cursor_expired))

    async def _walk(self, listing: ClientIdListing) -> AsyncIterator[list[str]]:
        try:
            while not listing.done:
                try:
                    response = await self._send(op.list_clients(listing.params()))
                except CursorExpiredError as error:
                    listing.restart(error)
                    continue
                ids = listing.take_page(response)
                if ids:
                    yield ids
        finally:
            listing.close()

    def iter_client_ids(
        self, page_size: int = MAX_PAGE_SIZE, on_cursor_expired: OnCursorExpired = "restart"
    ) -> AsyncIterator[str]:
        """Every session's client id (online and offline), in no particular order.

        Constant memory, whatever the number of sessions; see
        ``iter_client_id_pages`` for the arguments.
        """
        return aflatten(self.iter_client_id_pages(page_size, on_cursor_expired))

    async def get_client(self, client_id: str) -> ClientDetails:
        """A client's session and connection details. ClientNotFoundError if unknown."""
        return op.parse_client_details(await self._send(op.client_details(client_id)))

    async def get_connection_state(self, client_id: str) -> Connection:
        """The client's connection state (``.connected``). ClientNotFoundError if unknown."""
        return op.parse_connection_state(await self._send(op.connection_state(client_id)))

    async def is_connected(self, client_id: str) -> bool:
        """Whether the client is connected now."""
        return op.parse_is_connected(await self._send(op.connection_state(client_id)))

    def iter_subscriptions(self, client_id: str) -> AsyncIterator[ClientSubscription]:
        """The client's subscriptions; follows a ``_links.next`` cursor if the server sends one."""
        validate_client_id(client_id)
        return self._subscriptions(client_id)

    async def _subscriptions(self, client_id: str) -> AsyncIterator[ClientSubscription]:
        trail, cursor = CursorTrail(), None
        while True:
            response = await self._send(op.subscriptions(client_id, cursor))
            items, cursor = op.parse_subscriptions(response, trail)
            for item in items:
                yield item
            if cursor is None:
                return

    async def disconnect(self, client_id: str, prevent_will_message: bool = False) -> None:
        """Disconnect the client; a persistent session stays. The will is sent unless prevented."""
        await self._send(op.disconnect(client_id, prevent_will_message))

    async def invalidate_session(self, client_id: str, prevent_will_message: bool = False) -> None:
        """Remove the client's session, disconnecting it if it is connected."""
        await self._send(op.invalidate_session(client_id, prevent_will_message))

    @functools.cached_property
    def data_hub(self) -> AsyncDataHub:
        """Data Hub: data and behavior policies, schemas, scripts, client states, the trial."""
        return AsyncDataHub(self)

    @functools.cached_property
    def backups(self) -> AsyncBackups:
        """Backups of the broker's data: list, create, wait, restore, download."""
        return AsyncBackups(self)

    @functools.cached_property
    def trace_recordings(self) -> AsyncTraceRecordings:
        """Trace recordings: list, create, stop, delete, download."""
        return AsyncTraceRecordings(self)

    @functools.cached_property
    def diagnostic_archives(self) -> AsyncDiagnosticArchives:
        """Diagnostic archives: create one on the broker."""
        return AsyncDiagnosticArchives(self)

    @functools.cached_property
    def health(self) -> AsyncHealthChecks:
        """The Health API (its own listener, ``health_url``): node, components, probes."""
        return AsyncHealthChecks(self)
