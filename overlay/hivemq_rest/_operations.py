"""The six operations, without I/O: the request each one sends, and what its answer means.

Paths follow openapi.yaml; tests check them against the generated endpoint
modules. The client id goes through the id guard, never through str.format.
"""

from __future__ import annotations

from typing import Final

import attrs
import httpx
from hivemq_rest_generated.models import (
    ClientDetails,
    ClientItem,
    ClientSubscription,
    ClientSubscriptionList,
    Connection,
    ConnectionItem,
)

from ._errors import malformed_response
from ._ids import client_id_segment
from ._paging import CursorTrail, json_body

__all__ = [
    "Call",
    "client_details",
    "connection_state",
    "disconnect",
    "invalidate_session",
    "list_clients",
    "parse_client_details",
    "parse_connection_state",
    "parse_subscriptions",
    "subscriptions",
]

CLIENTS: Final = "/api/v1/mqtt/clients"

# A body that does not match the models' shapes makes the generated
# from_dict raise one of these; they never reach the caller as such.
_PARSE_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError)


@attrs.frozen
class Call:
    """One request: method, path under the base URL, and query parameters.

    ``idempotent_delete`` marks a DELETE whose repeat after an attempt of
    unknown outcome may find the resource already gone (404), which then
    means the first attempt did the work.
    """

    method: str
    path: str
    params: dict[str, str | int] = attrs.field(factory=dict)
    idempotent_delete: bool = False


def _client_path(client_id: str, suffix: str = "") -> str:
    return f"{CLIENTS}/{client_id_segment(client_id)}{suffix}"


def _will(prevent_will_message: bool) -> dict[str, str | int]:
    if not isinstance(prevent_will_message, bool):
        raise TypeError("prevent_will_message must be a bool")
    return {"preventWillMessage": "true" if prevent_will_message else "false"}


def list_clients(params: dict[str, str | int]) -> Call:
    """GET one page of the client list (getAllMqttClients)."""
    return Call("GET", CLIENTS, params)


def client_details(client_id: str) -> Call:
    """GET a client's details (getMqttClientDetails)."""
    return Call("GET", _client_path(client_id))


def connection_state(client_id: str) -> Call:
    """GET a client's connection state (getMqttClientConnectionState)."""
    return Call("GET", _client_path(client_id, "/connection"))


def subscriptions(client_id: str, cursor: str | None = None) -> Call:
    """GET a client's subscriptions (getSubscriptionsForMqttClient)."""
    params: dict[str, str | int] = {} if cursor is None else {"cursor": cursor}
    return Call("GET", _client_path(client_id, "/subscriptions"), params)


def disconnect(client_id: str, prevent_will_message: bool) -> Call:
    """DELETE a client's connection (disconnectClient)."""
    path = _client_path(client_id, "/connection")
    return Call("DELETE", path, _will(prevent_will_message), idempotent_delete=True)


def invalidate_session(client_id: str, prevent_will_message: bool) -> Call:
    """DELETE a client's session (invalidateClientSession)."""
    path = _client_path(client_id)
    return Call("DELETE", path, _will(prevent_will_message), idempotent_delete=True)


def parse_client_details(response: httpx.Response) -> ClientDetails:
    """The ClientDetails of a 200 getMqttClientDetails response."""
    document = json_body(response)
    if not isinstance(document, dict):
        raise malformed_response(response, "client details are not a JSON object")
    try:
        client = ClientItem.from_dict(document).client
    except _PARSE_ERRORS as error:
        raise malformed_response(response, f"client details do not parse ({error})") from None
    if not isinstance(client, ClientDetails):
        raise malformed_response(response, "the body has no client object")
    return client


def parse_connection_state(response: httpx.Response) -> Connection:
    """The Connection of a 200 getMqttClientConnectionState response."""
    document = json_body(response)
    if not isinstance(document, dict):
        raise malformed_response(response, "the connection state is not a JSON object")
    try:
        connection = ConnectionItem.from_dict(document).connection
    except _PARSE_ERRORS as error:
        raise malformed_response(
            response, f"the connection state does not parse ({error})"
        ) from None
    if not isinstance(connection, Connection) or not isinstance(connection.connected, bool):
        raise malformed_response(response, "connection.connected is not a boolean")
    return connection


def parse_subscriptions(
    response: httpx.Response, trail: CursorTrail
) -> tuple[list[ClientSubscription], str | None]:
    """A page of subscriptions and the cursor of the next page (None on the last)."""
    document = json_body(response)
    if not isinstance(document, dict) or not isinstance(document.get("items", []), list):
        raise malformed_response(response, "subscriptions are not an object with an items list")
    try:
        page = ClientSubscriptionList.from_dict(document)
    except _PARSE_ERRORS as error:
        raise malformed_response(response, f"subscriptions do not parse ({error})") from None
    items = page.items if isinstance(page.items, list) else []
    return items, trail.next_cursor(response, document.get("_links"))
