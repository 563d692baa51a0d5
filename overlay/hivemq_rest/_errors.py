"""The errors this package raises: one base, a short flat list keyed by status."""

from __future__ import annotations

import http
import json
from typing import Final

import httpx

from ._constants import BODY_EXCERPT_CHARS
from ._raw_response import RawResponse

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AlreadyPresentError",
    "AuthenticationError",
    "BackupFailedError",
    "BadRequestError",
    "ClientClosedError",
    "ClientNotFoundError",
    "ConfigurationError",
    "ConflictError",
    "CursorExpiredError",
    "DownloadError",
    "EventLoopError",
    "HiveMQError",
    "InternalServerError",
    "InvalidClientIdError",
    "NotFoundError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "ServiceUnavailableError",
    "UnexpectedResponseError",
    "UnsendableRequestError",
    "WaitTimeoutError",
]


class HiveMQError(Exception):
    """Base of every error this package raises."""


class InvalidClientIdError(HiveMQError, ValueError):
    """A client id that no MQTT session can have; raised before anything is sent."""


class ConfigurationError(HiveMQError, ValueError, TypeError):
    """A client setting that cannot work (``timeout=-1``, a bad CA file...); raised at creation."""


class ClientClosedError(HiveMQError, RuntimeError):
    """The client was closed; make a new one."""


class EventLoopError(HiveMQError, RuntimeError):
    """An async client used from another event loop than the one it first ran in."""


class UnsendableRequestError(HiveMQError, ValueError):
    """A request the transport cannot send, such as a URL longer than 65,536 characters.

    The client id is valid, but its path is too long for HTTP; nothing was sent.
    """


class APIConnectionError(HiveMQError):
    """The request did not get an HTTP response: refused, reset, TLS or protocol failure.

    ``outcome_unknown`` is True when the request may have reached the server
    (the connection broke or timed out after it was sent): whether the server
    acted on it is not known. A POST or PATCH in that state is never re-sent.
    """

    outcome_unknown: bool

    def __init__(self, message: str, *, outcome_unknown: bool = False) -> None:
        super().__init__(message)
        self.outcome_unknown = outcome_unknown

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_connection_error, (type(self), str(self), self.outcome_unknown))


def _rebuild_connection_error(
    cls: type[APIConnectionError], message: str, outcome_unknown: bool
) -> APIConnectionError:
    return cls(message, outcome_unknown=outcome_unknown)


class APITimeoutError(APIConnectionError):
    """The server did not answer in time (``timeout`` bounds each attempt as a whole)."""


class DownloadError(HiveMQError):
    """A file download that did not complete; nothing of it is left at a target path.

    The body broke off, or its size was not what ``Content-Length`` or the
    backup's ``bytes`` said (a server sending more is stopped at the expected
    size). ``received`` is the bytes handed to the target, ``expected`` the
    size announced (None if none was). Connection errors before the first
    body byte are APIConnectionErrors, retried as for any GET.
    """

    received: int
    expected: int | None

    def __init__(self, message: str, *, received: int, expected: int | None) -> None:
        super().__init__(message)
        self.received = received
        self.expected = expected

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_download_error, (str(self), self.received, self.expected))


def _rebuild_download_error(message: str, received: int, expected: int | None) -> DownloadError:
    return DownloadError(message, received=received, expected=expected)


class BackupFailedError(HiveMQError):
    """A backup (or its restore) ended FAILED or RESTORE_FAILED; ``fail_reason`` says why."""

    backup_id: str
    state: str
    fail_reason: str | None

    def __init__(self, backup_id: str, state: str, fail_reason: str | None) -> None:
        super().__init__(f"backup {backup_id!r} ended {state}: {fail_reason or 'no reason given'}")
        self.backup_id = backup_id
        self.state = state
        self.fail_reason = fail_reason

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.backup_id, self.state, self.fail_reason))


class WaitTimeoutError(HiveMQError, TimeoutError):
    """A wait for a final state (``backups.wait``) ran out of time; the work may go on."""


class APIStatusError(HiveMQError):
    """The server answered with a status or a body this client cannot accept.

    ``status`` is the HTTP status, ``title`` and ``detail`` the first entry of
    the server's ``errors`` list (or a description of what was wrong with the
    response), ``method`` and ``path`` the request. ``response`` is the
    answer itself (status, headers, body within ``max_response_bytes``;
    ``parse()`` gives its JSON, or None); None once the error was pickled.
    """

    status: int
    title: str
    detail: str
    method: str
    path: str
    response: RawResponse[object] | None = None

    def __init__(self, *, status: int, title: str, detail: str, method: str, path: str) -> None:
        self.status = status
        self.title = title
        self.detail = detail
        self.method = method
        self.path = path
        super().__init__(self._message())

    def _message(self) -> str:
        text = f"{self.status} {self.title}"
        if self.detail:
            text += f": {self.detail}"
        return f"{text} ({self.method} {self.path})"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only __init__: pickling (multiprocessing) needs to be told how.
        return (
            _rebuild,
            (type(self), self.status, self.title, self.detail, self.method, self.path),
        )


def _rebuild(
    cls: type[APIStatusError], status: int, title: str, detail: str, method: str, path: str
) -> APIStatusError:
    return cls(status=status, title=title, detail=detail, method=method, path=path)


class BadRequestError(APIStatusError):
    """400: the server rejected the request's parameters."""


class AlreadyPresentError(BadRequestError):
    """400: a Data Hub create repeats the latest version of a schema or script exactly.

    The version the caller wanted exists already (its title is "Schema
    already present" or "Script already present"), so a create that is run
    again, or retried after an unknown outcome, may treat it as done.
    """


class AuthenticationError(APIStatusError):
    """401: credentials are missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource (or the URL is not the REST API)."""


class ClientNotFoundError(NotFoundError):
    """404 for an operation on one client id: no session with this id."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's current state."""


class PreconditionFailedError(APIStatusError):
    """412: a precondition of the request does not hold."""


class CursorExpiredError(APIStatusError):
    """410: the listing's cursor is not valid any more; the listing must start again."""


class RateLimitError(APIStatusError):
    """429: too many requests, still refused after every retry."""


class ServiceUnavailableError(APIStatusError):
    """503: not every cluster node supports the endpoint, still so after every retry."""


class InternalServerError(APIStatusError):
    """500, or another 5xx that is not retried (all but 502, 503 and 504)."""


class UnexpectedResponseError(APIStatusError):
    """A status the API does not document, or a body that is not what the spec says.

    Also a body over ``max_response_bytes`` (decompressed), refused unread.
    """


_ERROR_BY_STATUS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    409: ConflictError,
    410: CursorExpiredError,
    412: PreconditionFailedError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}

# 5xx statuses that have a class of their own or are retried (gateway
# errors: a retry may reach a healthy node), and so are no InternalServerError.
_NOT_INTERNAL: Final = frozenset({502, 503, 504})


def reason_phrase(status: int) -> str:
    """The standard phrase for a status, or a neutral one for a status nobody defined."""
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown status"


def excerpt(body: bytes) -> str:
    """The start of a body, printable, for an error message."""
    text = body[: BODY_EXCERPT_CHARS * 4].decode("utf-8", "replace")
    text = " ".join(text.split())
    if len(text) > BODY_EXCERPT_CHARS:
        text = text[:BODY_EXCERPT_CHARS] + "..."
    return text


def _problem(body: bytes) -> tuple[str, str] | None:
    """(title, detail) of the first entry of an ``{"errors": [...]}`` body, if it is one."""
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    errors = document.get("errors")
    if not isinstance(errors, list) or not errors or not isinstance(errors[0], dict):
        return None
    title, detail = errors[0].get("title"), errors[0].get("detail")
    if not isinstance(title, str):
        return None
    return title, detail if isinstance(detail, str) else ""


def _error_class(status: int, not_found: type[NotFoundError]) -> type[APIStatusError]:
    if status == 404:
        return not_found
    if 500 <= status <= 599 and status not in _NOT_INTERNAL:
        return InternalServerError
    return _ERROR_BY_STATUS.get(status, UnexpectedResponseError)


def error_for_response(
    response: httpx.Response, not_found: type[NotFoundError] = NotFoundError
) -> APIStatusError:
    """The typed error for a response whose status is not a success.

    ``not_found`` is the class for a 404: ClientNotFoundError when the
    request named one client.
    """
    status = response.status_code
    problem = _problem(response.content)
    if problem is None:
        title, detail = reason_phrase(status), excerpt(response.content)
    else:
        title, detail = problem
    cls = _error_class(status, not_found)
    error = cls(
        status=status,
        title=title,
        detail=detail,
        method=response.request.method,
        path=response.request.url.raw_path.decode("ascii", "replace"),
    )
    error.response = _raw(response)
    return error


def _raw(response: httpx.Response) -> RawResponse[object]:
    """The error's RawResponse: its parse is the body's JSON, None if it is none."""

    def parse() -> object:
        try:
            return json.loads(response.content)
        except (ValueError, RecursionError):
            return None

    return RawResponse(response, parse)


#: The title of an answer in the API's shape that holds an item no JSON can
#: carry (NaN, an infinity) or nested past MAX_JSON_DEPTH.
UNUSABLE_TITLE: Final = "Unusable response body"


def unusable_item(response: httpx.Response, what: str) -> UnexpectedResponseError:
    """The error for an item of a success answer that no JSON can carry; ``what`` names it."""
    return UnexpectedResponseError(
        status=response.status_code,
        title=UNUSABLE_TITLE,
        detail=what,
        method=response.request.method,
        path=response.request.url.raw_path.decode("ascii", "replace"),
    )


def malformed_response(response: httpx.Response, what: str) -> UnexpectedResponseError:
    """The error for a success status whose body is not what the spec says."""
    body = excerpt(response.content)
    error = UnexpectedResponseError(
        status=response.status_code,
        title="Malformed response body",
        detail=f"{what}; body starts: {body!r}" if body else f"{what}; the body is empty",
        method=response.request.method,
        path=response.request.url.raw_path.decode("ascii", "replace"),
    )
    error.response = _raw(response)
    return error
