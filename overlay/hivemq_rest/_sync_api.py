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
from ._errors import CursorExpiredError
from ._ids import validate_client_id
from ._iterate import flatten
from ._paging import ClientIdListing, CursorTrail, OnCursorExpired
from ._sync_resources.data_hub import DataHub

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
                with self._deadline():
                    with self._http.stream(
                        call.method,
                        call.path,
                        params=call.params or None,
                        headers=call.headers or None,
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
