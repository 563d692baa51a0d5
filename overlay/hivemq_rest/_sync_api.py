"""What both clients do with their connection pool: send, download, and the namespaces.

Made by scripts/generate.py from _async_api.py (see scripts/_unasync.py);
do not edit: change _async_api.py and regenerate.
"""

from __future__ import annotations

import functools
import logging
import time
from types import TracebackType
from typing import Self

import httpx

from . import _operations as op
from ._base_client import BaseClient
from ._call_options import NO_OPTIONS, CallOptions
from ._deadline import AttemptDeadline
from ._download import Sink
from ._observe import Span, log, span_for
from ._retry import RetryState
from ._sync_resources.backups import Backups
from ._sync_resources.clients import Clients
from ._sync_resources.data_hub import DataHub
from ._sync_resources.diagnostic_archives import DiagnosticArchives
from ._sync_resources.health import HealthChecks
from ._sync_resources.raw import RawAPI
from ._sync_resources.trace_recordings import TraceRecordings

__all__ = ["SyncAPI"]


class SyncAPI(BaseClient):
    """What a client does with its connection pool, ``_http`` (set by the subclass)."""

    _http: httpx.Client

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def _send(self, call: op.Call, options: CallOptions = NO_OPTIONS) -> httpx.Response:
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
                    time.sleep(self.limiter.reserve())
                if debug:
                    started = time.perf_counter()
                try:
                    with self._deadline(call, options):
                        with self._http.stream(
                            call.method,
                            call.path,
                            params=call.params or None,
                            headers=headers,
                            content=call.content,
                            timeout=http_timeout,
                        ) as response:
                            self._limit_body(response)
                            response.read()
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
                time.sleep(wait)

    def _download(self, call: op.Call, sink: Sink, options: CallOptions = NO_OPTIONS) -> None:
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
                        time.sleep(self.limiter.reserve())
                    wait = self._download_attempt(call, state, sink, options, span)
                    if wait is None:
                        sink.commit()
                        return
                    time.sleep(wait)
        except BaseException:
            sink.abort()
            raise

    def _download_attempt(
        self, call: op.Call, state: RetryState, sink: Sink, options: CallOptions, span: Span
    ) -> float | None:
        """One attempt: None once the whole body is in sink, else the wait before the next."""
        started = time.perf_counter()
        try:
            with AttemptDeadline(options.timeout):
                with self._http.stream(
                    call.method,
                    call.path,
                    headers=call.wire_headers(options.headers),
                    timeout=options.http_timeout or httpx.USE_CLIENT_DEFAULT,
                ) as response:
                    if not response.is_success:
                        self._limit_body(response)  # an error body is read whole: bound it
                        response.read()
                        if log.isEnabledFor(logging.DEBUG):
                            self._log_attempt(call, state, response.status_code, started)
                        wait = self._wait_after_response(call, state, response, span)
                        if wait is None:
                            self._finish(call, response, state, span)
                        return wait
                    sink.begin(response)
                    for chunk in response.iter_raw():
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
    def clients(self) -> Clients:
        """MQTT clients: list, get, connection state, subscriptions, disconnect, fetch many."""
        return Clients(self)

    @functools.cached_property
    def with_raw_response(self) -> RawAPI:
        """The same namespaces, each one-request method answering a RawResponse."""
        return RawAPI(self)

    @functools.cached_property
    def data_hub(self) -> DataHub:
        """Data Hub: data and behavior policies, schemas, scripts, client states, the trial."""
        return DataHub(self)

    @functools.cached_property
    def backups(self) -> Backups:
        """Backups of the broker's data: list, create, wait, restore, download."""
        return Backups(self)

    @functools.cached_property
    def trace_recordings(self) -> TraceRecordings:
        """Trace recordings: list, create, stop, delete, download."""
        return TraceRecordings(self)

    @functools.cached_property
    def diagnostic_archives(self) -> DiagnosticArchives:
        """Diagnostic archives: create one on the broker."""
        return DiagnosticArchives(self)

    @functools.cached_property
    def health(self) -> HealthChecks:
        """The Health API (its own listener, ``health_url``): node, components, probes."""
        return HealthChecks(self)
