"""The six operations, without I/O: the request each one sends, and what its answer means.

The requests come from hivemq_rest_generated.operations, which
scripts/generate.py renders from openapi.yaml (method, path, parameters and
their bounds, path encoding). Here each gets what the spec cannot say: the
id guard, and whether a repeat may find its work done.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Protocol, Self, TypeVar

import attrs
import httpx
from hivemq_rest_generated import operations as api
from hivemq_rest_generated.models import (
    ClientDetails,
    ClientItem,
    ClientSubscription,
    ClientSubscriptionList,
    Connection,
    ConnectionItem,
)

from ._errors import malformed_response
from ._ids import validate_client_id
from ._paging import CursorTrail, json_body

__all__ = [
    "Call",
    "call_for",
    "client_details",
    "connection_state",
    "disconnect",
    "invalidate_session",
    "list_clients",
    "parse_client_details",
    "parse_connection_state",
    "parse_is_connected",
    "parse_subscriptions",
    "subscriptions",
]

# A body that does not match the models' shapes makes the generated
# from_dict raise one of these; they never reach the caller as such.
_PARSE_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError)


@attrs.frozen
class Call:
    """One request: method, path (with its query, encoded) under the base URL, and the rest.

    ``params``: query parameters added to the path. ``headers`` and
    ``content``: the request's own headers and body. ``idempotent_delete``
    marks a DELETE whose repeat after an attempt of unknown outcome may find
    the resource already gone (404), which then means the first attempt did
    the work. ``names_client``: the path names one MQTT client, so that a 404
    is a ClientNotFoundError. The method decides the retries: a POST or PATCH
    is re-sent only when it provably did not reach the server.

    ``answers_on``: statuses besides 2xx that are the operation's answer
    (the Health API's 503, DOWN): neither retried nor raised. ``poll_seconds``:
    the call is one poll of a wait, sent once and within that many seconds
    (the wait is what tries again). ``path`` may be a whole URL: a request to
    another listener (the Health API's), which never carries the credentials.
    ``operation_id`` and ``template`` (the path with its ``{placeholders}``)
    name the operation in logs and traces.
    """

    method: str
    path: str
    params: dict[str, str | int] = attrs.field(factory=dict)
    idempotent_delete: bool = False
    names_client: bool = False
    headers: tuple[tuple[str, str], ...] = ()
    content: bytes | None = None
    answers_on: frozenset[int] = frozenset()
    poll_seconds: float | None = None
    operation_id: str = ""
    template: str = ""

    def wire_headers(
        self, extra: tuple[tuple[str, str], ...] = ()
    ) -> list[tuple[bytes, bytes]] | None:
        """The headers (and a call's ``extra``) as the bytes sent.

        Latin-1, so that an ETag's obs-text goes back as it came: httpx would
        encode a str value as ASCII and fail on any other byte.
        """
        both = (*self.headers, *extra) if extra else self.headers
        return [(k.encode("ascii"), v.encode("latin-1")) for k, v in both] or None


def call_for(
    request: api.Request, *, idempotent_delete: bool = False, names_client: bool = False
) -> Call:
    """The Call that sends a generated request."""
    operation = request.operation
    return Call(
        request.method,
        request.target,
        idempotent_delete=idempotent_delete,
        names_client=names_client,
        headers=request.headers,
        content=request.content,
        operation_id="" if operation is None else operation.operation_id,
        template="" if operation is None else operation.path,
    )


def _will(prevent_will_message: bool) -> bool:
    # The builder would leave out None (the server's default); ours is False.
    if not isinstance(prevent_will_message, bool):
        raise TypeError("prevent_will_message must be a bool")
    return prevent_will_message


def list_clients(params: Mapping[str, str | int]) -> Call:
    """GET one page of the client list (getAllMqttClients); params by their names in the spec."""
    return call_for(api.build(api.GET_ALL_MQTT_CLIENTS, params))


def client_details(client_id: str) -> Call:
    """GET a client's details (getMqttClientDetails)."""
    return call_for(api.get_mqtt_client_details(validate_client_id(client_id)), names_client=True)


def connection_state(client_id: str) -> Call:
    """GET a client's connection state (getMqttClientConnectionState)."""
    request = api.get_mqtt_client_connection_state(validate_client_id(client_id))
    return call_for(request, names_client=True)


def subscriptions(client_id: str, cursor: str | None = None) -> Call:
    """GET a client's subscriptions (getSubscriptionsForMqttClient), from cursor if given."""
    request = api.get_subscriptions_for_mqtt_client(validate_client_id(client_id))
    call = call_for(request, names_client=True)
    # The spec has no cursor parameter here yet; a _links.next may bring one.
    return call if cursor is None else attrs.evolve(call, params={"cursor": cursor})


def disconnect(client_id: str, prevent_will_message: bool) -> Call:
    """DELETE a client's connection (disconnectClient)."""
    request = api.disconnect_client(
        validate_client_id(client_id), prevent_will_message=_will(prevent_will_message)
    )
    return call_for(request, idempotent_delete=True, names_client=True)


def invalidate_session(client_id: str, prevent_will_message: bool) -> Call:
    """DELETE a client's session (invalidateClientSession)."""
    request = api.invalidate_client_session(
        validate_client_id(client_id), prevent_will_message=_will(prevent_will_message)
    )
    return call_for(request, idempotent_delete=True, names_client=True)


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


_M = TypeVar("_M", bound=_Model)


def _parse(response: httpx.Response, model: type[_M], what: str) -> tuple[_M, dict[str, Any]]:
    """The body as the given generated model (and as the raw JSON object)."""
    document = json_body(response)
    if not isinstance(document, dict):
        raise malformed_response(response, f"{what} are not a JSON object")
    try:
        return model.from_dict(document), document
    except _PARSE_ERRORS as error:
        raise malformed_response(response, f"{what} do not parse ({error})") from None


# The scalar properties whose type the generated models do not check
# themselves: (JSON types allowed, null allowed). bool is no int here.
_DETAILS_TYPES: Final[dict[str, tuple[type, bool]]] = {
    "id": (str, False),
    "connected": (bool, False),
    "connectedAt": (str, True),
    "sessionExpiryInterval": (int, True),
    "messageQueueSize": (int, False),
    "willPresent": (bool, False),
}
_SUBSCRIPTION_TYPES: Final[dict[str, tuple[type, bool]]] = {
    "topicFilter": (str, False),
    "retainAsPublished": (bool, False),
    "noLocal": (bool, False),
    "subscriptionIdentifier": (int, True),
}


def _check_types(
    response: httpx.Response, body: object, types: dict[str, tuple[type, bool]], what: str
) -> None:
    """UnexpectedResponseError when a present property has a type the spec does not allow."""
    if not isinstance(body, dict):
        return  # the model's own parse reports a body of the wrong shape
    for name, (expected, nullable) in types.items():
        if name not in body:
            continue
        value = body[name]
        if value is None and nullable:
            continue
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise malformed_response(response, f"{what}.{name} is not a {expected.__name__}")


def parse_client_details(response: httpx.Response) -> ClientDetails:
    """The ClientDetails of a 200 getMqttClientDetails response.

    UnexpectedResponseError for a body without ``client``: there is no
    client id to answer with.
    """
    item, document = _parse(response, ClientItem, "client details")
    _check_types(response, document.get("client"), _DETAILS_TYPES, "client")
    if item.client is None:
        raise malformed_response(response, "the answer has no client")
    return item.client


def parse_connection_state(response: httpx.Response) -> Connection:
    """The Connection of a 200 getMqttClientConnectionState response."""
    connection = _parse(response, ConnectionItem, "connection details")[0].connection
    if connection is None:
        return Connection()
    if not isinstance(connection.connected, bool | None):
        raise malformed_response(response, "connection.connected is not a boolean")
    return connection


def parse_is_connected(response: httpx.Response) -> bool:
    """Whether the client is connected, from a 200 getMqttClientConnectionState response."""
    connected = parse_connection_state(response).connected
    if connected is None:
        raise malformed_response(response, "the connection state does not say connected or not")
    return connected


def parse_subscriptions(
    response: httpx.Response, trail: CursorTrail
) -> tuple[list[ClientSubscription], str | None]:
    """A page of subscriptions and the cursor of the next page (None on the last)."""
    page, document = _parse(response, ClientSubscriptionList, "subscriptions")
    for raw in document.get("items") or ():
        _check_types(response, raw, _SUBSCRIPTION_TYPES, "subscription")
    items = page.items or []
    return items, trail.next_cursor(response, document.get("_links"), items=len(items))
