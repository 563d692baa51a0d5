"""What both clients do with their connection pool: send, download, and the namespaces.

This is the asyncio original. scripts/generate.py rewrites it into
_sync_api.py (``async``/``await`` dropped, asyncio names swapped for their
blocking twins, see scripts/_unasync.py), and scripts/check_generated.py fails
when that file is not what this one makes. Edit this file only.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from types import TracebackType
from typing import Self

import httpx

from . import _operations as op
from ._async_resources.backups import AsyncBackups
from ._async_resources.clients import AsyncClients
from ._async_resources.data_hub import AsyncDataHub
from ._async_resources.diagnostic_archives import AsyncDiagnosticArchives
from ._async_resources.health import AsyncHealthChecks
from ._async_resources.raw import AsyncRawAPI
from ._async_resources.trace_recordings import AsyncTraceRecordings
from ._base_client import BaseClient
from ._call_options import NO_OPTIONS, CallOptions
from ._deadline import AttemptDeadline
from ._download import Sink
from ._observe import Span, log, span_for
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

    async def _send(self, call: op.Call, options: CallOptions = NO_OPTIONS) -> httpx.Response:
        state = self._attempts(call, self._http)
        headers = call.wire_headers(options.headers)
        http_timeout = options.http_timeout or httpx.USE_CLIENT_DEFAULT
        debug = log.isEnabledFor(logging.DEBUG)
        started = 0.0
        wait: float | None
        with span_for(call) as span:
            while True:
                state.start()
                if self.limiter is not None:
                    await asyncio.sleep(self.limiter.reserve())
                if debug:
                    started = time.perf_counter()
                try:
                    with self._deadline(call, options):
                        async with self._http.stream(
                            call.method,
                            call.path,
                            params=call.params or None,
                            headers=headers,
                            content=call.content,
                            timeout=http_timeout,
                        ) as response:
                            self._limit_body(response)
                            await response.aread()
                except (httpx.RequestError, httpx.InvalidURL, OSError) as raised:
                    if debug:
                        self._log_attempt(call, state, type(raised).__name__, started)
                    wait = self._wait_after_failure(call, state, raised, span)
                else:
                    if debug:
                        self._log_attempt(call, state, response.status_code, started)
                    wait = self._wait_after_response(call, state, response, span)
                    if wait is None:
                        return self._finish(call, response, state, span)
                await asyncio.sleep(wait)

    async def _download(self, call: op.Call, sink: Sink, options: CallOptions = NO_OPTIONS) -> None:
        """Stream a GET's body into sink; retried (as any GET) only before its first body byte.

        Auth, pacing, retries and error statuses are those of ``_send``, but
        no ``max_response_bytes``, and no whole-attempt deadline unless the
        call set ``timeout=``: a file may be large and slow. Connecting is
        bounded by ``timeout``'s connect part, the wait for the answer and
        every gap between body chunks by its read part (default 30 s): a
        download that keeps moving never times out.
        """
        try:
            state = self._attempts(call, self._http)
            with span_for(call) as span:
                while True:
                    state.start()
                    if self.limiter is not None:
                        await asyncio.sleep(self.limiter.reserve())
                    wait = await self._download_attempt(call, state, sink, options, span)
                    if wait is None:
                        sink.commit()
                        return
                    await asyncio.sleep(wait)
        except BaseException:
            sink.abort()
            raise

    async def _download_attempt(
        self, call: op.Call, state: RetryState, sink: Sink, options: CallOptions, span: Span
    ) -> float | None:
        """One attempt: None once the whole body is in sink, else the wait before the next."""
        started = time.perf_counter()
        try:
            with AttemptDeadline(options.timeout):
                async with self._http.stream(
                    call.method,
                    call.path,
                    headers=call.wire_headers(options.headers),
                    timeout=options.http_timeout or httpx.USE_CLIENT_DEFAULT,
                ) as response:
                    if not response.is_success:
                        self._limit_body(response)  # an error body is read whole: bound it
                        await response.aread()
                        if log.isEnabledFor(logging.DEBUG):
                            self._log_attempt(call, state, response.status_code, started)
                        wait = self._wait_after_response(call, state, response, span)
                        if wait is None:
                            self._finish(call, response, state, span)
                        return wait
                    sink.begin(response)
                    async for chunk in response.aiter_raw():
                        sink.write(chunk)
                    if log.isEnabledFor(logging.DEBUG):
                        self._log_attempt(call, state, response.status_code, started)
                    span.set_attribute("http.response.status_code", response.status_code)
                    return None
        except (httpx.RequestError, httpx.InvalidURL, OSError) as raised:
            if log.isEnabledFor(logging.DEBUG):
                self._log_attempt(call, state, type(raised).__name__, started)
            if sink.received:
                raise sink.interrupted(raised) from raised
            return self._wait_after_failure(call, state, raised, span)

    @functools.cached_property
    def clients(self) -> AsyncClients:
        """MQTT clients: list, get, connection state, subscriptions, disconnect, fetch many."""
        return AsyncClients(self)

    @functools.cached_property
    def with_raw_response(self) -> AsyncRawAPI:
        """The same namespaces, each one-request method answering a RawResponse."""
        return AsyncRawAPI(self)

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
