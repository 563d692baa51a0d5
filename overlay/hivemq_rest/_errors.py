"""The errors this package raises: one base, a short flat list keyed by status."""

from __future__ import annotations

import http
import json
from typing import Final

import httpx

from ._constants import BODY_EXCERPT_CHARS

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientNotFoundError",
    "CursorExpiredError",
    "HiveMQError",
    "InvalidClientIdError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServiceUnavailableError",
    "UnexpectedResponseError",
]


class HiveMQError(Exception):
    """Base of every error this package raises."""


class InvalidClientIdError(HiveMQError, ValueError):
    """A client id that no MQTT session can have; raised before anything is sent."""


class APIConnectionError(HiveMQError):
    """The request did not get an HTTP response: refused, reset, TLS or protocol failure."""


class APITimeoutError(APIConnectionError):
    """The server did not answer in time."""


class APIStatusError(HiveMQError):
    """The server answered with a status or a body this client cannot accept.

    ``status`` is the HTTP status, ``title`` and ``detail`` the first entry of
    the server's ``errors`` list (or a description of what was wrong with the
    response), ``method`` and ``path`` the request.
    """

    status: int
    title: str
    detail: str
    method: str
    path: str

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


class AuthenticationError(APIStatusError):
    """401: credentials are missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials may not do this."""


class ClientNotFoundError(APIStatusError):
    """404: no session with this client id (or the URL is not the REST API)."""


class CursorExpiredError(APIStatusError):
    """410: the listing's cursor is not valid any more; the listing must start again."""


class RateLimitError(APIStatusError):
    """429: too many requests, still refused after every retry."""


class ServiceUnavailableError(APIStatusError):
    """503: not every cluster node supports the endpoint, still so after every retry."""


class UnexpectedResponseError(APIStatusError):
    """A status the API does not document, or a body that is not what the spec says."""


_ERROR_BY_STATUS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: ClientNotFoundError,
    410: CursorExpiredError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


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


def error_for_response(response: httpx.Response) -> APIStatusError:
    """The typed error for a response whose status is not a success."""
    status = response.status_code
    problem = _problem(response.content)
    if problem is None:
        title, detail = reason_phrase(status), excerpt(response.content)
    else:
        title, detail = problem
    cls = _ERROR_BY_STATUS.get(status, UnexpectedResponseError)
    return cls(
        status=status,
        title=title,
        detail=detail,
        method=response.request.method,
        path=response.request.url.raw_path.decode("ascii", "replace"),
    )


def malformed_response(response: httpx.Response, what: str) -> UnexpectedResponseError:
    """The error for a success status whose body is not what the spec says."""
    body = excerpt(response.content)
    return UnexpectedResponseError(
        status=response.status_code,
        title="Malformed response body",
        detail=f"{what}; body starts: {body!r}" if body else f"{what}; the body is empty",
        method=response.request.method,
        path=response.request.url.raw_path.decode("ascii", "replace"),
    )
