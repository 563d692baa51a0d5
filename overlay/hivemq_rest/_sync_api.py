"""The operations and the listing walk of both clients, written once.

Made by scripts/generate.py from _async_api.py (see scripts/_unasync.py);
do not edit: change _async_api.py and regenerate.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator
from types import TracebackType
from typing import Self

import httpx
from hivemq_rest_generated.models import ClientDetails, ClientSubscription, Connection

from . import _operations as op
from ._base_client import BaseClient
from ._constants import MAX_PAGE_SIZE
from ._deadline import attempt_deadline
from ._download import Sink
from ._errors import CursorExpiredError
from ._ids import validate_client_id
from ._iterate import flatten
from ._paging import ClientIdListing, CursorTrail, OnCursorExpired
from ._retry import RetryState
from ._sync_resources.backups import Backups
from ._sync_resources.data_hub import DataHub
from ._sync_resources.diagnostic_archives import DiagnosticArchives
from ._sync_resources.health import HealthChecks
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

    def _send(self, call: op.Call) -> httpx.Response:
        state = self._attempts(call, self._http)
        wait: float | None
        while True:
            state.start()
            if self.limiter is not None:
                time.sleep(self.limiter.reserve())
            try:
                with self._deadline(call):
                    with self._http.stream(
                        call.method,
                        call.path,
                        params=call.params or None,
                        headers=call.wire_headers(),
                        content=call.content,
                    ) as response:
                        self._limit_body(response)
                        response.read()
            except (httpx.RequestError, httpx.InvalidURL, OSError) as raised:
                wait = self._wait_after_failure(call, state, raised)
            else:
                wait = self._wait_after_response(call, state, response)
                if wait is None:
                    return self._finish(call, response, state)
            time.sleep(wait)

    def _download(self, call: op.Call, sink: Sink) -> None:
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
                    time.sleep(self.limiter.reserve())
                wait = self._download_attempt(call, state, sink)
                if wait is None:
                    sink.commit()
                    return
                time.sleep(wait)
        except BaseException:
            sink.abort()
            raise

    def _download_attempt(self, call: op.Call, state: RetryState, sink: Sink) -> float | None:
        """One attempt: None once the whole body is in sink, else the wait before the next."""
        try:
            with attempt_deadline(None):
                with self._http.stream(
                    call.method, call.path, headers=call.wire_headers()
                ) as response:
                    if not response.is_success:
                        self._limit_body(response)  # an error body is read whole: bound it
                        response.read()
                        wait = self._wait_after_response(call, state, response)
                        if wait is None:
                            self._finish(call, response, state)
                        return wait
                    sink.begin(response)
                    for chunk in response.iter_raw():
                        sink.write(chunk)
                    return None
        except (httpx.RequestError, httpx.InvalidURL, OSError) as raised:
            if sink.received:
                raise sink.interrupted(raised) from raised
            return self._wait_after_failure(call, state, raised)

    def iter_client_id_pages(
        self, page_size: int = MAX_PAGE_SIZE, on_cursor_expired: OnCursorExpired = "restart"
    ) -> Iterator[list[str]]:
        """Every session's client id, a page (a list of ids) at a time.

        ``page_size`` is 50..2500 (ValueError otherwise). After a 410 (cursor
        expired), ``"restart"`` starts again from the first page and hands out
        only ids not handed out before (at most a few times); ``"raise"``
        raises CursorExpiredError.
        """
        return self._walk(ClientIdListing(page_size, on_cursor_expired))

    def _walk(self, listing: ClientIdListing) -> Iterator[list[str]]:
        try:
            while not listing.done:
                try:
                    response = self._send(op.list_clients(listing.params()))
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
    ) -> Iterator[str]:
        """Every session's client id (online and offline), in no particular order.

        Constant memory, whatever the number of sessions; see
        ``iter_client_id_pages`` for the arguments.
        """
        return flatten(self.iter_client_id_pages(page_size, on_cursor_expired))

    def get_client(self, client_id: str) -> ClientDetails:
        """A client's session and connection details. ClientNotFoundError if unknown."""
        return op.parse_client_details(self._send(op.client_details(client_id)))

    def get_connection_state(self, client_id: str) -> Connection:
        """The client's connection state (``.connected``). ClientNotFoundError if unknown."""
        return op.parse_connection_state(self._send(op.connection_state(client_id)))

    def is_connected(self, client_id: str) -> bool:
        """Whether the client is connected now."""
        return op.parse_is_connected(self._send(op.connection_state(client_id)))

    def iter_subscriptions(self, client_id: str) -> Iterator[ClientSubscription]:
        """The client's subscriptions; follows a ``_links.next`` cursor if the server sends one."""
        validate_client_id(client_id)
        return self._subscriptions(client_id)

    def _subscriptions(self, client_id: str) -> Iterator[ClientSubscription]:
        trail, cursor = CursorTrail(), None
        while True:
            response = self._send(op.subscriptions(client_id, cursor))
            items, cursor = op.parse_subscriptions(response, trail)
            for item in items:
                yield item
            if cursor is None:
                return

    def disconnect(self, client_id: str, prevent_will_message: bool = False) -> None:
        """Disconnect the client; a persistent session stays. The will is sent unless prevented."""
        self._send(op.disconnect(client_id, prevent_will_message))

    def invalidate_session(self, client_id: str, prevent_will_message: bool = False) -> None:
        """Remove the client's session, disconnecting it if it is connected."""
        self._send(op.invalidate_session(client_id, prevent_will_message))

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
