"""Malformed responses from a real (loopback) server, through both clients.

Each ends in a typed error (a HiveMQError subclass) or in a tolerant parse, as
docs/guides/errors-and-retries.md documents: a body that is not what the spec
says is an UnexpectedResponseError; a body that leaves properties out parses (none is
required); unknown properties and enum values are kept.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from hivemq_rest import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientDetails,
    ClientNotFoundError,
    ClientSubscription,
    HiveMQError,
    InternalServerError,
    RetryPolicy,
    UnexpectedResponseError,
)

from tests.faults.calls import KINDS, READS, call
from tests.faults.raw_server import http_answer, raw_server
from tests.overlay.local_server import Behaviour, local_server

NO_WAIT = RetryPolicy(backoff_base=0)
ONCE = RetryPolicy.disabled()
JSON = {"Content-Type": "application/json"}


def constant(status: int, body: bytes, headers: dict[str, str] | None = None) -> Behaviour:
    """Every request gets the same answer."""

    def behaviour(
        method: str, target: str, request_headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        return status, headers if headers is not None else JSON, body

    return behaviour


def _argument(operation: str) -> str | None:
    return None if operation == "list" else "a"


def raises(kind: str, behaviour: Behaviour, operation: str, **settings: Any) -> tuple[Any, int]:
    """(the error the operation raised, the number of requests the server saw)."""
    with local_server(behaviour) as server:
        with pytest.raises(HiveMQError) as caught:
            call(kind, server.base_url, operation, _argument(operation), **settings)
        return caught.value, len(server.seen)


def answers(kind: str, behaviour: Behaviour, operation: str, **settings: Any) -> tuple[Any, int]:
    """(what the operation returned, the number of requests the server saw)."""
    with local_server(behaviour) as server:
        result = call(kind, server.base_url, operation, _argument(operation), **settings)
        return result, len(server.seen)


def _short(error: BaseException) -> None:
    # An error message quotes the start of a body, never all of it.
    assert len(str(error)) < 1000


@pytest.mark.parametrize("kind", KINDS)
def test_html_error_page(kind: str) -> None:
    page = (
        b"<html><head><title>502 Bad Gateway</title></head><body>"
        b"<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    )
    html = {"Content-Type": "text/html"}
    error, seen = raises(kind, constant(502, page, html), "get_client", retry=NO_WAIT)
    assert type(error) is UnexpectedResponseError
    assert error.status == 502
    assert "502 Bad Gateway" in str(error)
    assert "nginx" in error.detail
    assert seen == NO_WAIT.max_attempts  # 502 is retried, then reported
    login = b"<!doctype html><html><body><form>Log in</form></body></html>"
    for operation in READS:
        error, seen = raises(kind, constant(200, login, html), operation)
        assert type(error) is UnexpectedResponseError
        assert (error.status, seen) == (200, 1)
        assert "not JSON" in error.detail


@pytest.mark.parametrize("kind", KINDS)
def test_non_json_200(kind: str) -> None:
    for body in (b"OK", b"", b"\xff\xfe\x00\x01", b"null\x00", b"{'single': 'quotes'}"):
        for operation in READS:
            error, seen = raises(
                kind, constant(200, body, {"Content-Type": "text/plain"}), operation
            )
            assert type(error) is UnexpectedResponseError, (body, operation)
            assert (error.status, seen) == (200, 1)
            assert error.__cause__ is None  # no json.JSONDecodeError chained on
            _short(error)


@pytest.mark.parametrize("kind", KINDS)
def test_truncated_json(kind: str) -> None:
    whole = json.dumps({"client": {"id": "a", "connected": True, "connection": {"keepAlive": 60}}})
    for cut in (1, len(whole) // 2, len(whole) - 1):
        body = whole[:cut].encode()
        for operation in ("get_client", "list"):
            error, seen = raises(kind, constant(200, body), operation)
            assert type(error) is UnexpectedResponseError
            assert (error.status, seen) == (200, 1)
            assert "not JSON" in error.detail

    # Cut by the connection: Content-Length promises more than arrives.
    def short(head: bytes) -> bytes:
        headers = {"Content-Type": "application/json", "Content-Length": str(len(whole) + 500)}
        return http_answer("200 OK", headers, whole.encode())

    with raw_server(short) as server:
        with pytest.raises(APIConnectionError):
            call(kind, server.base_url, "get_client", "a", retry=RetryPolicy(2, backoff_base=0))
        assert len(server.requests) == 2  # a read error: retried like any other


def _declared(details: ClientDetails) -> None:
    """Each field holds None, or a value of the type the model declares."""
    assert isinstance(details.id, str)
    assert isinstance(details.connected, bool | None)
    assert details.session_expiry_interval is None or (
        isinstance(details.session_expiry_interval, int)
        and not isinstance(details.session_expiry_interval, bool)
    )
    assert isinstance(details.message_queue_size, int | None)
    assert not isinstance(details.message_queue_size, bool)
    assert isinstance(details.will_present, bool | None)


def _declared_subscriptions(subscriptions: list[ClientSubscription]) -> None:
    for subscription in subscriptions:
        assert isinstance(subscription.topic_filter, str)
        assert isinstance(subscription.no_local, bool | None)
        assert isinstance(subscription.retain_as_published, bool | None)


WRONG_TYPES: list[tuple[str, Any, Callable[[Any], None] | None]] = [
    # (operation, body, check of a tolerant result; None: only an error will do)
    ("list", {"items": [{"id": 7}]}, None),
    ("list", {"items": {"id": "a"}}, None),
    ("list", {"items": [], "_links": {"next": 5}}, None),
    ("list", {"items": [], "_links": "next"}, None),
    ("is_connected", {"connection": {"connected": "yes"}}, None),
    ("get_connection_state", {"connection": {"connected": 1}}, None),
    ("get_client", {"client": "a"}, None),
    ("get_client", {"client": [1, 2]}, None),
    ("subscriptions", {"items": "none"}, None),
    ("subscriptions", {"items": [{"qos": 1}]}, None),
    (
        "get_client",
        {
            "client": {
                "id": 42,
                "connected": "yes",
                "sessionExpiryInterval": "never",
                "messageQueueSize": "many",
                "willPresent": 0,
            }
        },
        _declared,
    ),
    (
        "subscriptions",
        {"items": [{"topicFilter": 5, "noLocal": "no", "retainAsPublished": 1}]},
        _declared_subscriptions,
    ),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("operation", "body", "tolerant"), WRONG_TYPES)
def test_wrong_types(
    kind: str, operation: str, body: Any, tolerant: Callable[[Any], None] | None
) -> None:
    behaviour = constant(200, json.dumps(body).encode())
    with local_server(behaviour) as server:
        try:
            result: Any = call(kind, server.base_url, operation, _argument(operation))
        except UnexpectedResponseError as error:
            result = error
    if isinstance(result, UnexpectedResponseError):
        assert result.status == 200
        return
    # No error: only a parse that kept every value to its declared type is acceptable.
    assert tolerant is not None, f"{operation} accepted {body!r}: {result!r}"
    tolerant(result)


@pytest.mark.parametrize("kind", KINDS)
def test_missing_fields(kind: str) -> None:
    details, _ = answers(kind, constant(200, b'{"client": {"id": "a"}}'), "get_client")
    assert details.id == "a"
    assert details.connected is None
    assert details.connection is None
    # Without the client, or without its id, there is no client to answer with.
    for body in (b"{}", b'{"client": {}}', b'{"client": {"connected": true}}'):
        error, _ = raises(kind, constant(200, body), "get_client")
        assert type(error) is UnexpectedResponseError
    state, _ = answers(kind, constant(200, b'{"connection": {}}'), "get_connection_state")
    assert state.connected is None
    # is_connected has to answer yes or no: without "connected" it cannot.
    error, _ = raises(kind, constant(200, b'{"connection": {}}'), "is_connected")
    assert type(error) is UnexpectedResponseError
    assert "does not say" in error.detail
    ids, seen = answers(kind, constant(200, b'{"items": [{"id": "a"}, {"id": "b"}]}'), "list")
    assert (ids, seen) == (["a", "b"], 1)  # no _links: the last page
    assert answers(kind, constant(200, b"{}"), "list")[0] == []
    body = b'{"items": [{"topicFilter": "t"}]}'
    subscriptions, _ = answers(kind, constant(200, body), "subscriptions")
    assert [item.to_dict() for item in subscriptions] == [{"topicFilter": "t"}]
    # A subscription without its topic filter says nothing.
    error, _ = raises(kind, constant(200, b'{"items": [{}]}'), "subscriptions")
    assert type(error) is UnexpectedResponseError
    # An item without an id cannot be listed.
    error, _ = raises(kind, constant(200, b'{"items": [{"connected": true}]}'), "list")
    assert type(error) is UnexpectedResponseError


@pytest.mark.parametrize("kind", KINDS)
def test_links_null(kind: str) -> None:
    for links in ("null", "{}", '{"next": null}', '{"next": ""}'):
        page = f'{{"items": [{{"id": "a"}}, {{"id": "b/c"}}], "_links": {links}}}'.encode()
        assert answers(kind, constant(200, page), "list") == (["a", "b/c"], 1)
        subscriptions = f'{{"items": [{{"topicFilter": "t/#"}}], "_links": {links}}}'.encode()
        items, seen = answers(kind, constant(200, subscriptions), "subscriptions")
        assert ([item.topic_filter for item in items], seen) == (["t/#"], 1)


@pytest.mark.parametrize("kind", KINDS)
def test_unknown_enum_values_and_properties(kind: str) -> None:
    subscription = {"topicFilter": "t/#", "qos": "EXACTLY_TWICE", "retainHandling": "SOMETIMES"}
    body = {"items": [subscription], "futureField": {"x": 1}}
    items, _ = answers(kind, constant(200, json.dumps(body).encode()), "subscriptions")
    (item,) = items
    assert not item.qos.is_known
    assert not item.retain_handling.is_known
    assert item.to_dict() == subscription
    details = {"client": {"id": "a", "newerBrokerField": [1, {"y": None}]}}
    found, _ = answers(kind, constant(200, json.dumps(details).encode()), "get_client")
    assert found.to_dict() == details["client"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("status", "body", "message", "cls"),
    [
        (
            499,
            b"client closed request",
            "499 Unknown status: client closed request",
            UnexpectedResponseError,
        ),
        (
            520,
            b"<html>Web server is returning an unknown error</html>",
            "520 Unknown status",
            InternalServerError,
        ),
        (599, b'{"errors": [{"title": "T", "detail": "D"}]}', "599 T: D", InternalServerError),
    ],
)
def test_unknown_status_codes(
    kind: str, status: int, body: bytes, message: str, cls: type[APIStatusError]
) -> None:
    for operation in ("get_client", "list", "disconnect"):
        error, seen = raises(kind, constant(status, body), operation, retry=NO_WAIT)
        assert type(error) is cls
        assert error.status == status
        assert message in str(error)
        assert seen == 1  # not a status worth another attempt


FIFTY_MB = 50 * 1024 * 1024


@pytest.mark.parametrize("kind", KINDS)
def test_50_mb_body(kind: str) -> None:
    junk = b"<html>" + b"x" * (FIFTY_MB - 6)
    for status, cls in ((200, UnexpectedResponseError), (500, InternalServerError)):
        error, seen = raises(
            kind, constant(status, junk, {"Content-Type": "text/html"}), "get_client"
        )
        assert type(error) is cls
        assert (error.status, seen) == (status, 1)
        _short(error)
    # 50 MB that is valid JSON: a tolerant parse, the unknown property kept.
    big = b'{"client": {"id": "a", "blob": "' + b"y" * FIFTY_MB + b'"}}'
    details, _ = answers(kind, constant(200, big), "get_client")
    assert details.id == "a"
    assert len(details.additional_properties["blob"]) == FIFTY_MB


@pytest.mark.parametrize("kind", KINDS)
def test_server_that_never_answers(kind: str) -> None:
    with raw_server(lambda head: None) as server:
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            call(
                kind,
                server.base_url,
                "get_client",
                "a",
                timeout=0.3,
                retry=RetryPolicy(max_attempts=2, backoff_base=0),
            )
        elapsed = time.monotonic() - started
        assert len(server.requests) == 2  # a timeout is retried, within the policy
    assert elapsed < 5
    assert "GET /api/v1/mqtt/clients/a" in str(caught.value)


@pytest.mark.parametrize("kind", KINDS)
def test_body_that_does_not_decode(kind: str) -> None:
    # Declared gzip, sent plain: a read error, retried like one, then typed.
    headers = {**JSON, "Content-Encoding": "gzip"}
    with local_server(constant(200, b'{"client": {"id": "a"}}', headers)) as server:
        with pytest.raises(APIConnectionError, match=r"(?i)decod"):
            call(kind, server.base_url, "get_client", "a", retry=RetryPolicy(2, backoff_base=0))
        assert len(server.seen) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_json_nested_too_deep_to_parse(kind: str) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    for operation in ("get_client", "list"):
        error, _ = raises(kind, constant(200, deep), operation)
        assert type(error) is UnexpectedResponseError
        assert "too deep" in error.detail
        _short(error)
    # An error body nested that deep is no problem document: the status still speaks.
    error, _ = raises(kind, constant(404, deep), "get_client")
    assert (type(error), error.status) == (ClientNotFoundError, 404)
    error, _ = raises(kind, constant(500, deep), "get_client", retry=ONCE)
    assert (type(error), error.status) == (InternalServerError, 500)


@pytest.mark.parametrize("kind", KINDS)
def test_redirect_loop(kind: str) -> None:
    def loop(
        method: str, target: str, request_headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": target}, b""

    error, seen = raises(kind, loop, "get_client", follow_redirects=True, retry=NO_WAIT)
    assert type(error) is APIConnectionError
    assert "redirects" in str(error)
    assert seen == 21  # httpx's 20 redirects, and not retried
