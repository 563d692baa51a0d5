"""``hivemq.clients``: the MQTT clients' sessions, one at a time or many at once.

Made by scripts/generate.py from _async_resources/clients.py (see scripts/_unasync.py);
do not edit: change _async_resources/clients.py and regenerate.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Literal

from hivemq_rest_generated.models import ClientDetails, ClientSubscription, Connection

from .. import _operations as op
from .._call_options import CallOptions, call_options
from .._constants import MAX_PAGE_SIZE
from .._errors import CursorExpiredError
from .._ids import validate_client_id
from .._iterate import flatten
from .._paging import ClientIdListing, CursorTrail, OnCursorExpired
from .._sync_fetch import DEFAULT_CONCURRENCY, ClientDetailsStream, ClientIds

if TYPE_CHECKING:
    from .._sync_api import SyncAPI

__all__ = ["Clients"]


class Clients:
    """``client.clients``: list, get, connection_state, subscriptions, disconnect, fetch.

    Every method takes ``timeout=`` (seconds for each whole attempt, instead
    of the client's) and ``extra_headers=`` (added to this call's requests).
    """

    def __init__(self, client: SyncAPI) -> None:
        self._client = client

    def pages(
        self,
        *,
        page_size: int | None = None,
        on_cursor_expired: OnCursorExpired = "restart",
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[list[str]]:
        """Every session's client id, a page (a list of ids) at a time.

        ``page_size`` is 50..2500 (ValueError otherwise; None: 2500). After
        a 410 (cursor expired), ``"restart"`` starts again from the first
        page and hands out only ids not handed out before (at most a few
        times); ``"raise"`` raises CursorExpiredError.
        """
        listing = ClientIdListing(
            MAX_PAGE_SIZE if page_size is None else page_size, on_cursor_expired
        )
        return self._walk(listing, call_options(timeout, extra_headers))

    def _walk(self, listing: ClientIdListing, options: CallOptions) -> Iterator[list[str]]:
        try:
            while not listing.done:
                try:
                    response = self._client._send(op.list_clients(listing.params()), options)
                except CursorExpiredError as error:
                    listing.restart(error)
                    continue
                ids = listing.take_page(response)
                if ids:
                    yield ids
        finally:
            listing.close()

    def list(
        self,
        *,
        page_size: int | None = None,
        on_cursor_expired: OnCursorExpired = "restart",
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[str]:
        """Every session's client id (online and offline), in no particular order.

        Constant memory, whatever the number of sessions; ``pages`` has the
        same ids a page at a time, and says what the arguments mean.
        """
        return flatten(
            self.pages(
                page_size=page_size,
                on_cursor_expired=on_cursor_expired,
                timeout=timeout,
                extra_headers=extra_headers,
            )
        )

    def get(
        self,
        client_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ClientDetails:
        """A client's session and connection details. ClientNotFoundError if unknown."""
        return self._get(client_id, call_options(timeout, extra_headers))

    def _get(self, client_id: str, options: CallOptions) -> ClientDetails:
        return op.parse_client_details(self._client._send(op.client_details(client_id), options))

    def connection_state(
        self,
        client_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Connection:
        """The client's connection state (``.connected``). ClientNotFoundError if unknown."""
        call, options = op.connection_state(client_id), call_options(timeout, extra_headers)
        return op.parse_connection_state(self._client._send(call, options))

    def is_connected(
        self,
        client_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> bool:
        """Whether the client is connected now. ClientNotFoundError if unknown."""
        call, options = op.connection_state(client_id), call_options(timeout, extra_headers)
        return op.parse_is_connected(self._client._send(call, options))

    def subscriptions(
        self,
        client_id: str,
        *,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Iterator[ClientSubscription]:
        """The client's subscriptions; follows a ``_links.next`` cursor if the server sends one."""
        validate_client_id(client_id)
        return self._subscriptions(client_id, call_options(timeout, extra_headers))

    def _subscriptions(self, client_id: str, options: CallOptions) -> Iterator[ClientSubscription]:
        trail, cursor = CursorTrail(), None
        while True:
            response = self._client._send(op.subscriptions(client_id, cursor), options)
            items, cursor = op.parse_subscriptions(response, trail)
            for item in items:
                yield item
            if cursor is None:
                return

    def disconnect(
        self,
        client_id: str,
        *,
        prevent_will_message: bool = False,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Disconnect the client; a persistent session stays. The will is sent unless prevented."""
        call = op.disconnect(client_id, prevent_will_message)
        self._client._send(call, call_options(timeout, extra_headers))

    def invalidate_session(
        self,
        client_id: str,
        *,
        prevent_will_message: bool = False,
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> None:
        """Remove the client's session, disconnecting it if it is connected."""
        call = op.invalidate_session(client_id, prevent_will_message)
        self._client._send(call, call_options(timeout, extra_headers))

    def fetch(
        self,
        client_ids: ClientIds,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        on_failure: Literal["raise", "collect"] = "raise",
        timeout: float | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ClientDetailsStream:
        """The details of many clients, at most ``concurrency`` requests in flight.

        An iterator of ClientDetails, in the order the answers arrive. Ids
        that vanished (404) are skipped and listed in ``.vanished``. Any
        other failure stops the stream and is raised; with
        ``on_failure="collect"``, a failure of one client's request (after
        its retries) is put in ``.failed`` instead and the stream goes on,
        but losing the server (401, 403, or connection errors on more than
        twice ``concurrency`` requests in a row) still stops it. Ids may
        come from ``clients.list()``: they are read as needed.
        """
        options = call_options(timeout, extra_headers)
        return ClientDetailsStream(self._get, client_ids, concurrency, on_failure, options)
