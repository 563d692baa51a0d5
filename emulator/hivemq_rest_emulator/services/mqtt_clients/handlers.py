"""The six "MQTT Clients" operations, as handlers of routed requests.

The core has matched the operation and decoded ``clientId`` (see
:mod:`~hivemq_rest_emulator.core.routing`); these handlers check the query and
ask the :class:`~hivemq_rest_emulator.SessionBackend`, whichever it is.

Choices where the public API leaves room:

* ``limit`` must be ASCII digits with a value in 50..2500; ``cursor`` must be a
  cursor of this emulator (else 400); a cursor of an older generation is 410.
* ``preventWillMessage`` must be exactly ``true`` or ``false``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote

from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS
from starlette.datastructures import QueryParams
from starlette.responses import Response

from ...core.cursors import InvalidCursorError
from ...core.problems import json_response, no_content
from ...core.service import ApiError, ApiRequest, Handler
from .backend import ExpiredCursorError, SessionBackend
from .render import (
    client_item_json,
    client_list_json,
    connection_item_json,
    subscription_list_json,
)

# Path and limits as openapi.yaml has them (through the generated operations).
LIST_PATH = GET_ALL_MQTT_CLIENTS.path
DEFAULT_LIMIT = 500  # in the spec's words only: "the server uses 500 when it is omitted"
MIN_LIMIT, MAX_LIMIT = GET_ALL_MQTT_CLIENTS.parameter("limit").integer_range()

_DIGITS = re.compile(r"[0-9]{1,10}")


def parse_limit(params: QueryParams) -> int:
    """The ``limit`` query parameter; :class:`ApiError` 400."""
    raw = params.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    if not _DIGITS.fullmatch(raw) or not MIN_LIMIT <= int(raw) <= MAX_LIMIT:
        raise ApiError(
            400,
            "Invalid query parameter",
            f"Query parameter 'limit' must be an integer between {MIN_LIMIT} and {MAX_LIMIT}, "
            f"got '{raw}'",
        )
    return int(raw)


def parse_prevent_will(params: QueryParams) -> bool:
    """The ``preventWillMessage`` query parameter; :class:`ApiError` 400."""
    raw = params.get("preventWillMessage")
    if raw is None or raw == "false":
        return False
    if raw == "true":
        return True
    raise ApiError(
        400,
        "Invalid query parameter",
        f"Query parameter 'preventWillMessage' must be 'true' or 'false', got '{raw}'",
    )


def next_link(cursor: str, limit: int) -> str:
    """The relative URL of the next page, with the cursor percent-encoded."""
    return f"{LIST_PATH}?cursor={quote(cursor, safe='')}&limit={limit}"


def _not_found(client_id: str) -> ApiError:
    return ApiError(404, "Resource not found", f"Resource with id '{client_id}' not found")


class ClientsHandlers:
    """The handlers of the six operations, over one :class:`SessionBackend`."""

    def __init__(self, backend: SessionBackend) -> None:
        self.backend = backend

    def by_operation_id(self) -> Mapping[str, Handler]:
        """The handlers by operationId."""
        return {
            "getAllMqttClients": self.list_clients,
            "getMqttClientDetails": self.details,
            "invalidateClientSession": self.invalidate,
            "getMqttClientConnectionState": self.connection,
            "disconnectClient": self.disconnect,
            "getSubscriptionsForMqttClient": self.subscriptions,
        }

    def list_clients(self, request: ApiRequest) -> Response:
        """``getAllMqttClients``: one page of client ids."""
        limit = parse_limit(request.query)
        cursor = request.query.get("cursor")
        try:
            page = self.backend.page(limit, cursor)
        except InvalidCursorError:
            raise ApiError(
                400, "Invalid query parameter", "Query parameter 'cursor' is not a valid cursor"
            ) from None
        except ExpiredCursorError:
            raise ApiError(
                410, "Cursor not valid anymore", "The given cursor is not valid anymore."
            ) from None
        next_url = None if page.next_cursor is None else next_link(page.next_cursor, limit)
        return json_response(client_list_json(page.ids, next_url))

    def details(self, request: ApiRequest) -> Response:
        """``getMqttClientDetails``."""
        client_id = request.path["clientId"]
        body = self.backend.read(client_id, client_item_json)
        if body is None:
            raise _not_found(client_id)
        return json_response(body)

    def connection(self, request: ApiRequest) -> Response:
        """``getMqttClientConnectionState``."""
        client_id = request.path["clientId"]
        body = self.backend.read(client_id, connection_item_json)
        if body is None:
            raise _not_found(client_id)
        return json_response(body)

    def subscriptions(self, request: ApiRequest) -> Response:
        """``getSubscriptionsForMqttClient``."""
        client_id = request.path["clientId"]
        body = self.backend.read(client_id, subscription_list_json)
        if body is None:
            raise _not_found(client_id)
        return json_response(body)

    def disconnect(self, request: ApiRequest) -> Response:
        """``disconnectClient``: close the connection (the session may stay)."""
        client_id = request.path["clientId"]
        prevent = parse_prevent_will(request.query)
        if not self.backend.disconnect(client_id, prevent_will_message=prevent):
            raise _not_found(client_id)
        return no_content()

    def invalidate(self, request: ApiRequest) -> Response:
        """``invalidateClientSession``: end the session (and its connection)."""
        client_id = request.path["clientId"]
        prevent = parse_prevent_will(request.query)
        if not self.backend.invalidate(client_id, prevent_will_message=prevent):
            raise _not_found(client_id)
        return no_content()
