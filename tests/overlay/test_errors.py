"""_errors: every failed response becomes a typed error with status, title and detail."""

from __future__ import annotations

import pickle

import httpx
import pytest
from hivemq_rest import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientNotFoundError,
    ConflictError,
    CursorExpiredError,
    HiveMQError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    ServiceUnavailableError,
    UnexpectedResponseError,
)
from hivemq_rest._errors import error_for_response, excerpt, reason_phrase

_REQUEST = httpx.Request("GET", "http://h/api/v1/mqtt/clients/a%2Fb")


def _error(status: int, content: bytes) -> APIStatusError:
    return error_for_response(httpx.Response(status, content=content, request=_REQUEST))


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (410, CursorExpiredError),
        (412, PreconditionFailedError),
        (429, RateLimitError),
        (503, ServiceUnavailableError),
        (302, UnexpectedResponseError),
        (405, UnexpectedResponseError),
        (499, UnexpectedResponseError),
        (500, InternalServerError),
        (501, InternalServerError),
        (505, InternalServerError),
        (520, InternalServerError),
        (599, InternalServerError),
        # Gateway errors are retried; when retries run out they stay unexpected.
        (502, UnexpectedResponseError),
        (504, UnexpectedResponseError),
    ],
)
def test_status_picks_the_class(status: int, cls: type[APIStatusError]) -> None:
    error = _error(status, b'{"errors": [{"title": "T", "detail": "D"}]}')
    assert type(error) is cls
    assert isinstance(error, HiveMQError)
    assert (error.status, error.title, error.detail) == (status, "T", "D")
    assert str(error) == f"{status} T: D (GET /api/v1/mqtt/clients/a%2Fb)"


def test_client_not_found_is_a_not_found() -> None:
    response = httpx.Response(404, content=b"", request=_REQUEST)
    error = error_for_response(response, ClientNotFoundError)
    assert type(error) is ClientNotFoundError
    assert isinstance(error, NotFoundError)


def test_html_error_page() -> None:
    error = _error(404, b"<html>\n<body><h1>404 Not Found</h1> nginx</body></html>")
    assert isinstance(error, NotFoundError)
    assert error.title == "Not Found"
    assert error.detail == "<html> <body><h1>404 Not Found</h1> nginx</body></html>"


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"errors": []}', b'{"errors": [{"detail": "x"}]}', b'{"errors": "x"}'],
)
def test_bodies_that_are_not_problems(content: bytes) -> None:
    error = _error(400, content)
    assert error.title == "Bad Request"
    assert error.detail == excerpt(content)


def test_unknown_status_has_a_readable_title() -> None:
    assert reason_phrase(599) == "Unknown status"
    assert _error(599, b"").title == "Unknown status"
    assert str(_error(599, b"")) == "599 Unknown status (GET /api/v1/mqtt/clients/a%2Fb)"


def test_detail_missing_is_empty() -> None:
    error = _error(404, b'{"errors": [{"title": "Resource not found"}]}')
    assert (error.title, error.detail) == ("Resource not found", "")


def test_excerpt_is_short_and_printable() -> None:
    text = excerpt(b"\xff\xfe" + b"word  \n\t" * 500)
    assert len(text) <= 203
    assert text.endswith("...")
    assert "\n" not in text


def test_errors_pickle() -> None:
    error = _error(410, b'{"errors": [{"title": "Cursor not valid anymore"}]}')
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CursorExpiredError
    assert (copy.status, copy.title, str(copy)) == (410, error.title, str(error))


def test_connection_errors_pickle_with_their_outcome() -> None:
    error = APITimeoutError("POST /x: no complete answer", outcome_unknown=True)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is APITimeoutError
    assert (str(copy), copy.outcome_unknown) == (str(error), True)
    assert APIConnectionError("refused").outcome_unknown is False
