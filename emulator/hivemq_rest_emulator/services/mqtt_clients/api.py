"""The six "MQTT Clients" endpoints, routed on the raw request path.

Starlette's path parameters are matched after percent-decoding, so an id with
``%2F`` in it would be split into two segments. This handler takes
``scope["raw_path"]`` instead, splits it on ``/`` and percent-decodes the
``clientId`` segment itself (strict UTF-8). Without ``raw_path`` (a server that
does not send it) it falls back to re-encoding ``scope["path"]``, where an
encoded ``/`` is lost.

Choices where the public API leaves room:

* An empty ``clientId`` segment (``/api/v1/mqtt/clients/`` or
  ``/api/v1/mqtt/clients//connection``), a malformed ``%`` escape and bytes
  that are not UTF-8 after decoding are 400 "Invalid path parameter".
* ``limit`` must be ASCII digits with a value in 50..2500; ``cursor`` must be a
  cursor of this emulator (else 400); a cursor of an older generation is 410.
* ``preventWillMessage`` must be exactly ``true`` or ``false``.
* ``HEAD`` is answered like ``GET``; any other method not listed is 405 with ``Allow``.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote_to_bytes

from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS
from starlette.datastructures import QueryParams
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from ...core.cursors import InvalidCursorError
from ...core.problems import (
    error_response,
    json_response,
    method_not_allowed,
    no_content,
    not_found_route,
)
from .backend import ExpiredCursorError, SessionBackend
from .render import (
    client_item_json,
    client_list_json,
    connection_item_json,
    subscription_list_json,
)

# Path and limits as openapi.yaml has them (through the generated operations).
LIST_PATH = GET_ALL_MQTT_CLIENTS.path
_PREFIX = LIST_PATH.encode("ascii").split(b"/")
DEFAULT_LIMIT = 500  # in the spec's words only: "the server uses 500 when it is omitted"
MIN_LIMIT, MAX_LIMIT = GET_ALL_MQTT_CLIENTS.parameter("limit").integer_range()

_READ = ("GET", "HEAD")
_READ_DELETE = ("GET", "HEAD", "DELETE")
_SUB_RESOURCES = {b"connection": _READ_DELETE, b"subscriptions": _READ}
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_DIGITS = re.compile(r"[0-9]{1,10}")


class BadRequestError(ValueError):
    """A 400 answer: ``(title, detail)``."""

    def __init__(self, title: str, detail: str) -> None:
        super().__init__(detail)
        self.title = title
        self.detail = detail


def request_path(scope: Scope) -> bytes:
    """The raw path of the request, without query and without the app's root path."""
    raw = scope.get("raw_path")
    if not isinstance(raw, bytes):
        raw = quote(scope["path"], safe="/:@!$&'()*+,;=").encode("ascii")
    raw = raw.partition(b"?")[0]
    root = str(scope.get("root_path", "")).encode("utf-8")
    if root and raw.startswith(root):
        raw = raw[len(root) :]
    return raw


def decode_client_id(segment: bytes) -> str:
    """Percent-decode one path segment as UTF-8; raise :class:`BadRequestError`."""
    if not segment:
        raise BadRequestError(
            "Invalid path parameter", "Path parameter 'clientId' must not be empty"
        )
    if _BAD_ESCAPE.search(segment):
        raise BadRequestError(
            "Invalid path parameter",
            "Path parameter 'clientId' holds a '%' that does not start a percent-escape",
        )
    try:
        return unquote_to_bytes(segment).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequestError(
            "Invalid path parameter",
            "Path parameter 'clientId' is not UTF-8 after percent-decoding",
        ) from None


def parse_limit(params: QueryParams) -> int:
    """The ``limit`` query parameter; raise :class:`BadRequestError`."""
    raw = params.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    if not _DIGITS.fullmatch(raw) or not MIN_LIMIT <= int(raw) <= MAX_LIMIT:
        raise BadRequestError(
            "Invalid query parameter",
            f"Query parameter 'limit' must be an integer between {MIN_LIMIT} and {MAX_LIMIT}, "
            f"got '{raw}'",
        )
    return int(raw)


def parse_prevent_will(params: QueryParams) -> bool:
    """The ``preventWillMessage`` query parameter; raise :class:`BadRequestError`."""
    raw = params.get("preventWillMessage")
    if raw is None or raw == "false":
        return False
    if raw == "true":
        return True
    raise BadRequestError(
        "Invalid query parameter",
        f"Query parameter 'preventWillMessage' must be 'true' or 'false', got '{raw}'",
    )


def next_link(cursor: str, limit: int) -> str:
    """The relative URL of the next page, with the cursor percent-encoded."""
    return f"{LIST_PATH}?cursor={quote(cursor, safe='')}&limit={limit}"


def _not_found(client_id: str) -> Response:
    return error_response(404, "Resource not found", f"Resource with id '{client_id}' not found")


class ClientsApi:
    """ASGI handler of ``/api/v1/mqtt/clients`` and everything below it (and 404 elsewhere).

    It serves any :class:`~hivemq_rest_emulator.SessionBackend` and does not
    know which one.
    """

    def __init__(self, backend: SessionBackend) -> None:
        self.backend = backend

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one HTTP request."""
        response = self.respond(scope)
        await response(scope, receive, send)

    def respond(self, scope: Scope) -> Response:
        """The response to one HTTP request (the backend calls are quick and synchronous)."""
        path = request_path(scope)
        method = str(scope["method"]).upper()
        segments = path.split(b"/")
        if segments[: len(_PREFIX)] != _PREFIX:
            return not_found_route(path.decode("utf-8", "replace"))
        rest = segments[len(_PREFIX) :]
        allowed: tuple[str, ...]
        if len(rest) == 0:
            allowed = _READ
        elif len(rest) == 1:
            allowed = _READ_DELETE
        elif len(rest) == 2 and rest[1] in _SUB_RESOURCES:
            allowed = _SUB_RESOURCES[rest[1]]
        else:
            return not_found_route(path.decode("utf-8", "replace"))
        if method not in allowed:
            return method_not_allowed(method, allowed)
        params = QueryParams(scope.get("query_string", b""))
        try:
            if not rest:
                return self._list(params)
            client_id = decode_client_id(rest[0])
            resource = rest[1] if len(rest) == 2 else b""
            if method == "DELETE":
                return self._delete(client_id, resource, parse_prevent_will(params))
            return self._read(client_id, resource)
        except BadRequestError as exc:
            return error_response(400, exc.title, exc.detail)

    def _list(self, params: QueryParams) -> Response:
        limit = parse_limit(params)
        cursor = params.get("cursor")
        try:
            page = self.backend.page(limit, cursor)
        except InvalidCursorError:
            raise BadRequestError(
                "Invalid query parameter", "Query parameter 'cursor' is not a valid cursor"
            ) from None
        except ExpiredCursorError:
            return error_response(
                410, "Cursor not valid anymore", "The given cursor is not valid anymore."
            )
        next_url = None if page.next_cursor is None else next_link(page.next_cursor, limit)
        return json_response(client_list_json(page.ids, next_url))

    def _read(self, client_id: str, resource: bytes) -> Response:
        if resource == b"connection":
            body = self.backend.read(client_id, connection_item_json)
        elif resource == b"subscriptions":
            body = self.backend.read(client_id, subscription_list_json)
        else:
            body = self.backend.read(client_id, client_item_json)
        if body is None:
            return _not_found(client_id)
        return json_response(body)

    def _delete(self, client_id: str, resource: bytes, prevent_will: bool) -> Response:
        if resource == b"connection":
            found = self.backend.disconnect(client_id, prevent_will_message=prevent_will)
        else:
            found = self.backend.invalidate(client_id, prevent_will_message=prevent_will)
        return no_content() if found else _not_found(client_id)
