"""HiveMQClient against a scripted peer: requests sent, answers and failures understood."""

from __future__ import annotations

import json
import logging
import ssl
from collections.abc import Iterator
from urllib.parse import unquote

import httpx
import pytest
from hivemq_rest import (
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    ClientNotFoundError,
    ClientSubscriptionQos,
    CursorExpiredError,
    HiveMQClient,
    HiveMQError,
    InternalServerError,
    InvalidClientIdError,
    RetryPolicy,
    ServiceUnavailableError,
    UnexpectedResponseError,
    __version__,
)
from hivemq_rest._constants import MAX_PAGE_SIZE, MIN_PAGE_SIZE
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS
from hypothesis import given

from tests.overlay.fake_api import FakeAPI, details, ids_page, problem
from tests.overlay.open_files import open_temporary_files
from tests.overlay.strategies import valid_ids

NO_WAIT = RetryPolicy(backoff_base=0.0)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the client's sleeps instead of sleeping."""
    recorded: list[float] = []
    monkeypatch.setattr("hivemq_rest._sync_api.time.sleep", recorded.append)
    return recorded


def _client(api: FakeAPI, **settings: object) -> HiveMQClient:
    settings.setdefault("retry", NO_WAIT)
    return HiveMQClient("http://broker:8888", transport=api.transport(), **settings)  # type: ignore[arg-type]


# -- what is sent ---------------------------------------------------------------


@given(valid_ids)
def test_every_operation_addresses_exactly_the_id(client_id: str) -> None:
    api = FakeAPI(default=details(client_id, connection={"connected": True}))
    api.default = lambda request: httpx.Response(
        200, json={"client": {"id": client_id}, "connection": {"connected": True}, "items": []}
    )
    with _client(api) as hivemq:
        hivemq.clients.get(client_id)
        hivemq.clients.connection_state(client_id)
        list(hivemq.clients.subscriptions(client_id))
        hivemq.clients.disconnect(client_id)
        hivemq.clients.invalidate_session(client_id, prevent_will_message=True)
    prefix = f"{GET_ALL_MQTT_CLIENTS.path}/"
    for request, suffix in zip(
        api.requests, ["", "/connection", "/subscriptions", "/connection", ""], strict=True
    ):
        raw = request.url.raw_path.decode().partition("?")[0]
        assert raw.startswith(prefix)
        assert raw.endswith(suffix)
        segment = raw[len(prefix) : len(raw) - len(suffix)]
        assert "/" not in segment
        assert unquote(segment, errors="strict") == client_id


@pytest.mark.parametrize("bad", ["", "a\x00", "\udc80", "x" * 65_536])
def test_invalid_id_sends_nothing(bad: str) -> None:
    api = FakeAPI()
    with _client(api) as hivemq:
        for call in (
            lambda: hivemq.clients.get(bad),
            lambda: hivemq.clients.is_connected(bad),
            lambda: hivemq.clients.subscriptions(bad),
            lambda: hivemq.clients.disconnect(bad),
            lambda: hivemq.clients.invalidate_session(bad),
        ):
            with pytest.raises(InvalidClientIdError):
                call()
    assert api.requests == []


@pytest.mark.parametrize("size", [MIN_PAGE_SIZE - 1, MAX_PAGE_SIZE + 1, 0, "500"])
def test_bad_page_size_fails_before_sending(size: object) -> None:
    api = FakeAPI()
    with _client(api) as hivemq, pytest.raises(ValueError, match="page_size"):
        hivemq.clients.list(page_size=size)  # type: ignore[arg-type]
    assert api.requests == []


def test_prevent_will_message_must_be_a_bool() -> None:
    api = FakeAPI()
    with _client(api) as hivemq, pytest.raises(TypeError, match="bool"):
        hivemq.clients.disconnect("a", prevent_will_message="yes")  # type: ignore[arg-type]
    assert api.requests == []


def test_headers_user_agent_and_prefix() -> None:
    api = FakeAPI(default=details("a"))
    with HiveMQClient(
        "https://proxy.example/hivemq/rest/", transport=api.transport(), headers={"X-Team": "ops"}
    ) as hivemq:
        hivemq.clients.get("a")
    (request,) = api.requests
    assert str(request.url) == "https://proxy.example/hivemq/rest/api/v1/mqtt/clients/a"
    assert request.headers["User-Agent"] == f"hivemq-rest-client/{__version__}"
    assert request.headers["X-Team"] == "ops"
    assert request.headers["Accept"] == "application/json"


def test_basic_and_bearer_auth() -> None:
    api = FakeAPI(default=details("a"))
    with _client(api, username="ops", password="s3cret") as hivemq:
        hivemq.clients.get("a")
    with _client(api, token="tok-123") as hivemq:
        hivemq.clients.get("a")
    assert api.requests[0].headers["Authorization"] == "Basic b3BzOnMzY3JldA=="
    assert api.requests[1].headers["Authorization"] == "Bearer tok-123"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"token": "t", "username": "u"}, "not both"),
        ({"password": "p"}, "needs a username"),
        ({"token": ""}, "cannot be empty"),
    ],
)
def test_auth_mistakes(settings: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HiveMQClient(**settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://h", "http"),
        ("localhost:8888", "http"),
        ("http://admin:hunter2@h", "not in the base URL"),
        ("http://h/?x=1", "query"),
        ("http://", "host"),
    ],
)
def test_base_url_mistakes(url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        HiveMQClient(url)
    assert "hunter2" not in str(caught.value)


def test_secrets_stay_out_of_repr_logs_and_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    api = FakeAPI().script(
        problem(503, "Endpoint not active yet"), problem(404, "Resource not found")
    )
    with _client(
        api, username="ops", password="pa55-word", retry=RetryPolicy(max_attempts=2, backoff_base=0)
    ) as a:
        with pytest.raises(ClientNotFoundError) as caught:
            a.clients.get("x")
        seen = [repr(a), repr(a._connection), str(caught.value), repr(caught.value), caplog.text]
    with _client(FakeAPI(), token="tok-SECRET") as b:
        seen += [repr(b), repr(b._connection), repr(b._connection.auth)]
    assert not [text for text in seen if "pa55-word" in text or "tok-SECRET" in text]


def test_default_timeout_is_set() -> None:
    with HiveMQClient() as hivemq:
        timeout = hivemq._http.timeout
    assert (timeout.connect, timeout.read) == (5.0, 30.0)


# -- what comes back ----------------------------------------------------------


def test_details_state_and_subscriptions_parse() -> None:
    api = FakeAPI().script(
        details("c1", connected=True, sessionExpiryInterval=None, somethingNew=1),
        httpx.Response(200, json={"connection": {"connected": True}}),
        httpx.Response(200, json={"connection": {"connected": False}}),
        httpx.Response(
            200,
            json={
                "items": [
                    {"topicFilter": "a/#", "qos": "EXACTLY_ONCE"},
                    {"topicFilter": "b", "qos": "QOS_9"},
                ]
            },
        ),
    )
    with _client(api) as hivemq:
        client = hivemq.clients.get("c1")
        assert (client.id, client.connected, client.session_expiry_interval) == ("c1", True, None)
        assert client.additional_properties == {"somethingNew": 1}
        assert hivemq.clients.connection_state("c1").connected is True
        assert hivemq.clients.is_connected("c1") is False
        subscriptions = list(hivemq.clients.subscriptions("c1"))
    assert [s.qos for s in subscriptions] == [ClientSubscriptionQos.EXACTLY_ONCE, "QOS_9"]


def test_subscriptions_follow_a_cursor() -> None:
    api = FakeAPI().script(
        httpx.Response(
            200,
            json={
                "items": [{"topicFilter": "a"}],
                "_links": {"next": "/api/v1/mqtt/clients/c/subscriptions?cursor=n%3D"},
            },
        ),
        httpx.Response(200, json={"items": [{"topicFilter": "b"}]}),
    )
    with _client(api) as hivemq:
        assert [s.topic_filter for s in hivemq.clients.subscriptions("c")] == ["a", "b"]
    assert api.paths() == [
        "/api/v1/mqtt/clients/c/subscriptions",
        "/api/v1/mqtt/clients/c/subscriptions?cursor=n%3D",
    ]


def _listing(api: FakeAPI, **kwargs: object) -> Iterator[str]:
    with _client(api) as hivemq:
        yield from hivemq.clients.list(**kwargs)  # type: ignore[arg-type]


def test_listing_walks_every_page() -> None:
    api = FakeAPI().script(ids_page(["a", "b"], "c1%3D"), ids_page(["c"], "c2"), ids_page(["d"]))
    assert list(_listing(api, page_size=50)) == ["a", "b", "c", "d"]
    assert api.paths() == [
        "/api/v1/mqtt/clients?limit=50",
        "/api/v1/mqtt/clients?limit=50&cursor=c1%3D",
        "/api/v1/mqtt/clients?limit=50&cursor=c2",
    ]


def test_listing_restarts_after_410() -> None:
    api = FakeAPI().script(
        ids_page(["a", "b"], "c1"),
        problem(410, "Cursor not valid anymore"),
        ids_page(["b", "x", "a"], "c1"),
        ids_page(["y"]),
    )
    assert list(_listing(api, page_size=50)) == ["a", "b", "x", "y"]


def test_abandoned_listing_lets_go_of_its_record() -> None:
    before = open_temporary_files()
    api = FakeAPI().script(ids_page(["a", "b"], "c1"), ids_page(["c"], "c2"))
    with _client(api) as hivemq:
        ids = hivemq.clients.list(page_size=50)
        assert next(ids) == "a"
        assert len(open_temporary_files()) == len(before) + 1
        del ids  # as when a for loop is left early and the iterator dropped
        assert open_temporary_files() == before


def test_listing_raise_mode() -> None:
    api = FakeAPI().script(ids_page(["a"], "c1"), problem(410, "Cursor not valid anymore", "gone"))
    ids: list[str] = []
    listing = _listing(api, on_cursor_expired="raise")
    with pytest.raises(CursorExpiredError, match="410 Cursor not valid anymore: gone"):
        ids.extend(listing)
    assert ids == ["a"]


def test_listing_gives_up_after_bounded_restarts() -> None:
    api = FakeAPI(default=problem(410, "Cursor not valid anymore")).script(ids_page(["a"], "c"))
    with pytest.raises(CursorExpiredError, match="gave up after 3 restarts"):
        list(_listing(api))
    assert len(api.requests) == 5


@pytest.mark.parametrize(
    ("answer", "cls", "message"),
    [
        (
            httpx.Response(404, text="<html><h1>Not Found</h1></html>"),
            ClientNotFoundError,
            "404 Not Found: <html>",
        ),
        (
            httpx.Response(200, text="<!doctype html><p>login</p>"),
            UnexpectedResponseError,
            "not JSON",
        ),
        (
            httpx.Response(200, text='{"client": {"id": "a", "conn'),
            UnexpectedResponseError,
            "not JSON",
        ),
        (httpx.Response(200, json=["a"]), UnexpectedResponseError, "not a JSON object"),
        (httpx.Response(200, json={"client": "a"}), UnexpectedResponseError, "do not parse"),
        (httpx.Response(200, json={"client": [1]}), UnexpectedResponseError, "do not parse"),
        (httpx.Response(499, text="closed"), UnexpectedResponseError, "499 Unknown status: closed"),
        (httpx.Response(520, text=""), InternalServerError, "520 Unknown status"),
        (
            httpx.Response(599, json={"errors": [{"title": "T", "detail": "D"}]}),
            InternalServerError,
            "599 T: D",
        ),
        (
            httpx.Response(301, headers={"Location": "http://elsewhere/"}),
            UnexpectedResponseError,
            "301 Moved",
        ),
        (
            problem(400, "Bad request", "clientId is invalid"),
            BadRequestError,
            "400 Bad request: clientId is invalid",
        ),
    ],
)
def test_bad_answers_become_typed_errors(
    answer: httpx.Response, cls: type[HiveMQError], message: str
) -> None:
    with _client(FakeAPI(default=answer)) as hivemq, pytest.raises(cls, match=message) as caught:
        hivemq.clients.get("a")
    assert caught.value.status == answer.status_code  # type: ignore[attr-defined]


def test_bodies_without_properties_are_valid() -> None:
    # The spec requires no property of these answers: {} is a valid body, except
    # for the details, which cannot answer without the client and its id.
    api = FakeAPI(default=httpx.Response(200, json={}))
    with _client(api) as hivemq:
        with pytest.raises(UnexpectedResponseError, match="no client"):
            hivemq.clients.get("a")
        assert hivemq.clients.connection_state("a").to_dict() == {}
        assert list(hivemq.clients.subscriptions("a")) == []
        assert list(hivemq.clients.list()) == []
        with pytest.raises(UnexpectedResponseError, match="does not say"):
            hivemq.clients.is_connected("a")


@pytest.mark.parametrize("body", [{"connection": {"connected": "yes"}}, []])
def test_connection_state_of_the_wrong_shape(body: object) -> None:
    with _client(FakeAPI(default=httpx.Response(200, json=body))) as hivemq:
        with pytest.raises(UnexpectedResponseError):
            hivemq.clients.is_connected("a")
        with pytest.raises(UnexpectedResponseError):
            hivemq.clients.connection_state("a")


@pytest.mark.parametrize("body", [{"connection": None}, {"connection": {"connected": None}}])
def test_a_null_connection_state_says_neither(body: object) -> None:
    # Null reads as absent (None): the state parses, but is_connected cannot answer.
    with _client(FakeAPI(default=httpx.Response(200, json=body))) as hivemq:
        with pytest.raises(UnexpectedResponseError, match="does not say"):
            hivemq.clients.is_connected("a")
        assert hivemq.clients.connection_state("a").connected is None


def test_subscriptions_of_the_wrong_shape() -> None:
    api = FakeAPI(default=httpx.Response(200, json={"items": "none"}))
    with _client(api) as hivemq, pytest.raises(UnexpectedResponseError):
        list(hivemq.clients.subscriptions("a"))


# -- retries ------------------------------------------------------------------


def test_retries_503_then_succeeds(sleeps: list[float]) -> None:
    api = FakeAPI().script(
        problem(503, "Endpoint not active yet", **{"Retry-After": "2"}),
        httpx.Response(502),
        details("a"),
    )
    with _client(api, retry=RetryPolicy(backoff_base=0.5, max_attempts=3), seed=1) as hivemq:
        assert hivemq.clients.get("a").id == "a"
    assert len(api.requests) == 3
    assert sleeps[0] == 2.0
    assert 0 <= sleeps[1] <= 1.0


def test_retries_run_out(sleeps: list[float]) -> None:
    api = FakeAPI(default=problem(503, "Endpoint not active yet", "upgrade running"))
    retry = RetryPolicy(max_attempts=3, backoff_base=0)
    with (
        _client(api, retry=retry) as hivemq,
        pytest.raises(ServiceUnavailableError, match="upgrade running"),
    ):
        hivemq.clients.get("a")
    assert len(api.requests) == 3
    assert len(sleeps) == 2


def test_retries_switched_off() -> None:
    api = FakeAPI(default=httpx.Response(429))
    with (
        _client(api, retry=RetryPolicy.disabled()) as hivemq,
        pytest.raises(HiveMQError, match="429"),
    ):
        hivemq.clients.get("a")
    assert len(api.requests) == 1


def test_connection_errors_are_retried_then_typed(sleeps: list[float]) -> None:
    api = FakeAPI(default=httpx.ConnectError("connection refused"))
    with _client(api) as hivemq, pytest.raises(APIConnectionError, match="connection refused"):
        hivemq.clients.get("a")
    assert len(api.requests) == 4


def test_socket_errors_httpx_lets_through_are_typed(sleeps: list[float]) -> None:
    # httpx's own transport raises the ssl.SSLError of a TLS alert read after
    # the handshake as it is (a server that wants a client certificate).
    api = FakeAPI(default=ssl.SSLError(1, "tlsv13 alert certificate required"))
    retry = RetryPolicy(max_attempts=2, backoff_base=0)
    with (
        _client(api, retry=retry) as hivemq,
        pytest.raises(APIConnectionError, match="certificate required") as caught,
    ):
        hivemq.clients.get("a")
    assert isinstance(caught.value.__cause__, ssl.SSLError)
    assert len(api.requests) == 2


def test_timeouts_are_typed(sleeps: list[float]) -> None:
    api = FakeAPI(default=httpx.ReadTimeout("timed out"))
    retry = RetryPolicy(max_attempts=2, backoff_base=0)
    with _client(api, retry=retry) as hivemq, pytest.raises(APITimeoutError):
        hivemq.clients.get("a")
    assert len(api.requests) == 2


def test_delete_that_may_have_happened_is_done(sleeps: list[float]) -> None:
    api = FakeAPI().script(httpx.ReadError("reset by peer"), problem(404, "Resource not found"))
    with _client(api) as hivemq:
        hivemq.clients.invalidate_session("a")
    assert [r.method for r in api.requests] == ["DELETE", "DELETE"]


def test_delete_of_an_unknown_client_is_not_found(sleeps: list[float]) -> None:
    api = FakeAPI().script(httpx.ConnectError("refused"), problem(404, "Resource not found"))
    with _client(api) as hivemq, pytest.raises(ClientNotFoundError):
        hivemq.clients.disconnect("a")


def test_rate_limit_spaces_requests(sleeps: list[float]) -> None:
    api = FakeAPI(default=details("a"))
    with _client(api, requests_per_second=10) as hivemq:
        for _ in range(5):
            hivemq.clients.get("a")
    # The sleeps are not taken here, so each booking lands 0.1 s after the last.
    assert sleeps == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4], abs=0.05)


def test_no_json_error_leaks() -> None:
    api = FakeAPI(default=httpx.Response(200, content=b"\xff\xfe\x00garbage"))
    with _client(api) as hivemq:
        for call in (
            lambda: hivemq.clients.get("a"),
            lambda: hivemq.clients.is_connected("a"),
            lambda: list(hivemq.clients.list()),
        ):
            with pytest.raises(UnexpectedResponseError) as caught:
                call()
            assert not isinstance(caught.value.__cause__, json.JSONDecodeError)
