"""Hostile secrets and numbers: refused at creation, or handled, never a raw crash or a leak."""

from __future__ import annotations

import asyncio
import base64
import datetime
import json
import math
import socket
from typing import Any, Literal

import httpx
import pytest
from hivemq_rest import (
    AsyncHiveMQClient,
    ConfigurationError,
    HiveMQClient,
    RetryPolicy,
    UnexpectedResponseError,
    WaitTimeoutError,
    json_schema,
)
from hivemq_rest._constants import MAX_SECONDS
from hivemq_rest._deadline import remaining
from hivemq_rest._pacing import RateLimiter
from hivemq_rest._retry import parse_retry_after
from hivemq_rest._settings import check_timeout
from hivemq_rest_generated.models import DataPolicy, Schema
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.overlay.fake_api import FakeAPI, ids_page

# Unicode's control characters (category Cc): C0, DEL and C1.
CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]


def _make(kind: str, **settings: Any) -> HiveMQClient | AsyncHiveMQClient:
    if kind == "sync":
        return HiveMQClient("http://127.0.0.1:1", **settings)
    transport: Literal["httpx", "aiohttp"] = "httpx" if kind == "async-httpx" else "aiohttp"

    async def make() -> AsyncHiveMQClient:
        # aiohttp's transport wants a running loop to be made.
        return AsyncHiveMQClient("http://127.0.0.1:1", transport=transport, **settings)

    return asyncio.run(make())


KINDS = ["sync", "async-httpx", "async-aiohttp"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("credential", ["token", "password", "username"])
@given(
    secret=st.tuples(st.text(max_size=8), st.sampled_from(CONTROLS), st.text(max_size=8)).map(
        "".join
    )
)
@settings(max_examples=10, deadline=None)
def test_a_secret_with_a_control_character_is_refused_unquoted(
    kind: str, credential: str, secret: str
) -> None:
    given_settings = {credential: secret}
    if credential == "password":
        given_settings["username"] = "operator"
    with pytest.raises(ConfigurationError) as raised:
        _make(kind, **given_settings)
    assert secret not in str(raised.value)
    assert "control character" in str(raised.value)


@pytest.mark.parametrize("kind", KINDS)
def test_a_username_with_a_colon_is_refused_unquoted(kind: str) -> None:
    # Basic auth joins them with a colon; the server would split at this one
    # and check another user with another password (RFC 7617 section 2).
    with pytest.raises(ConfigurationError, match="username cannot hold a colon") as raised:
        _make(kind, username="ops:s3cr3t", password="more")
    assert "s3cr3t" not in str(raised.value)


@pytest.mark.parametrize("kind", KINDS)
def test_a_token_file_with_two_line_breaks_is_refused_unquoted(kind: str) -> None:
    with pytest.raises(ConfigurationError) as raised:
        _make(kind, token="s3cr3t-token\n")
    assert "s3cr3t-token" not in str(raised.value)


def test_a_token_that_is_not_ascii_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="ASCII"):
        HiveMQClient(token="tökén")


@pytest.mark.parametrize("kind", KINDS)
def test_a_sane_secret_is_accepted(kind: str) -> None:
    _make(kind, username="ü-user", password="pä ss\u00e9")
    _make(kind, token="eyJ.abc-DEF_123~+/=")


_ABSURD = [1e10, 1e300, MAX_SECONDS * 1.5, 2**63]


@pytest.mark.parametrize("timeout", _ABSURD)
def test_a_timeout_past_a_day_is_refused_at_creation(timeout: float) -> None:
    with pytest.raises(ConfigurationError, match="at most"):
        HiveMQClient(timeout=timeout)
    with pytest.raises(ConfigurationError, match="at most"):
        HiveMQClient(timeout=httpx.Timeout(5.0, read=timeout))


@pytest.mark.parametrize("rate", [1e-11, 1e-300, 5e-324, 1 / MAX_SECONDS / 2])
def test_a_rate_slower_than_one_a_day_is_refused_at_creation(rate: float) -> None:
    with pytest.raises(ConfigurationError, match="one a day"):
        HiveMQClient(requests_per_second=rate)


@pytest.mark.parametrize("field", ["backoff_base", "backoff_cap", "retry_after_cap"])
def test_a_retry_wait_past_a_day_is_refused(field: str) -> None:
    with pytest.raises(ConfigurationError, match="a day"):
        RetryPolicy(**{field: 1e300})  # type: ignore[arg-type]


@given(value=st.floats(allow_nan=True, allow_infinity=True))
@settings(max_examples=200)
def test_any_float_timeout_is_usable_or_refused(value: float) -> None:
    """An accepted timeout fits a socket's timer; the rest is a ConfigurationError."""
    try:
        check_timeout(value)
    except ConfigurationError:
        assert not (0 < value <= MAX_SECONDS)
        return
    with socket.socket() as sock:
        sock.settimeout(value)  # OverflowError past ~9.2e9 s


@given(value=st.floats(allow_nan=True, allow_infinity=True))
@settings(max_examples=200)
def test_any_float_rate_is_usable_or_refused(value: float) -> None:
    try:
        limiter = RateLimiter(value)
    except ConfigurationError:
        return
    limiter.reserve(now=0.0)
    wait = limiter.reserve(now=0.0)
    assert 0 <= wait <= MAX_SECONDS
    with socket.socket() as sock:
        sock.settimeout(wait or None)


@given(
    field=st.sampled_from(["backoff_base", "backoff_cap", "retry_after_cap"]),
    value=st.floats(allow_nan=True, allow_infinity=True),
)
@settings(max_examples=200)
def test_any_float_retry_wait_is_usable_or_refused(field: str, value: float) -> None:
    try:
        RetryPolicy(**{field: value})  # type: ignore[arg-type]
    except ConfigurationError:
        assert not (0 <= value <= MAX_SECONDS)
        return
    assert 0 <= value <= MAX_SECONDS


@pytest.mark.parametrize(
    "header",
    [
        "Mon, 99999999999999999999 Jan 2000 00:00:00 GMT",
        "Mon, 01 Jan 2000 99999999999999999999:00:00 GMT",
        "Mon, 01 Jan 2000 00:00:00 +99999999999999999999",
    ],
)
def test_an_absurd_retry_after_date_is_no_retry_after(header: str) -> None:
    assert parse_retry_after(header) is None


@given(
    day=st.integers(min_value=0, max_value=10**30),
    hour=st.integers(min_value=0, max_value=10**30),
    year=st.integers(min_value=0, max_value=10**30),
    offset=st.integers(min_value=-(10**30), max_value=10**30),
)
@settings(max_examples=200)
def test_any_retry_after_date_is_a_wait_or_none(
    day: int, hour: int, year: int, offset: int
) -> None:
    sign = "-" if offset < 0 else "+"
    header = f"Mon, {day:02d} Jan {year:04d} {hour:02d}:00:00 {sign}{abs(offset):04d}"
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    wait = parse_retry_after(header, now)
    assert wait is None or wait >= 0


def test_a_retry_after_date_that_overflows_retries_after_the_backoff() -> None:
    date = "Mon, 99999999999999999999 Jan 2000 00:00:00 GMT"
    absurd = httpx.Response(503, headers={"Retry-After": date})
    api = FakeAPI().script(absurd, ids_page(["a"]))
    with HiveMQClient(
        transport=api.transport(), retry=RetryPolicy(backoff_base=0.0), seed=1
    ) as hivemq:
        assert list(hivemq.clients.list()) == ["a"]


def test_a_body_holding_nan_or_infinity_is_not_sent() -> None:
    api = FakeAPI()
    policy = DataPolicy.from_dict(
        {"id": "p", "matching": {"topicFilter": "t"}, "validation": {"validators": []}}
    )
    for bad in (math.nan, math.inf, -math.inf):
        policy.additional_properties["x"] = bad
        with (
            HiveMQClient(transport=api.transport()) as hivemq,
            pytest.raises(ValueError, match="NaN or Infinity"),
        ):
            hivemq.data_hub.data_policies.create(policy)
    assert api.requests == []


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_an_answer_holding_nan_or_infinity_is_unexpected(number: str) -> None:
    """A property the models keep as it comes (no type to check) holds the number."""
    body = f'{{"id": "p", "matching": {{"topicFilter": "t"}}, "extra": [{number}]}}'
    api = FakeAPI(httpx.Response(200, content=body.encode()))
    with (
        HiveMQClient(transport=api.transport()) as hivemq,
        pytest.raises(UnexpectedResponseError, match="not a finite number"),
    ):
        hivemq.data_hub.data_policies.get("p")


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = {"a": value}
    return value


def test_an_answer_nested_600_deep_is_unexpected_not_a_recursion_error() -> None:
    policy = {"id": "p", "matching": {"topicFilter": "t"}, "deep": _nested(600)}
    body = json.dumps({"items": [policy]}).encode()
    api = FakeAPI(httpx.Response(200, content=body))
    with HiveMQClient(transport=api.transport()) as hivemq:
        with pytest.raises(UnexpectedResponseError, match="too deeply nested"):
            list(hivemq.data_hub.data_policies.list())
        api.default = httpx.Response(200, content=json.dumps(policy).encode())
        with pytest.raises(UnexpectedResponseError, match="too deeply nested"):
            hivemq.data_hub.data_policies.get("p")


def test_a_page_with_more_ids_than_asked_for_is_unexpected() -> None:
    api = FakeAPI().script(ids_page([f"c{i}" for i in range(51)]))
    with (
        HiveMQClient(transport=api.transport()) as hivemq,
        pytest.raises(UnexpectedResponseError, match="51 items; at most 50"),
    ):
        list(hivemq.clients.list(page_size=50))


def test_a_page_with_more_items_than_asked_for_is_unexpected() -> None:
    items = [{"id": f"p{i}"} for i in range(11)]
    api = FakeAPI(httpx.Response(200, json={"items": items}))
    with (
        HiveMQClient(transport=api.transport()) as hivemq,
        pytest.raises(UnexpectedResponseError, match="11 items; at most 10"),
    ):
        list(hivemq.data_hub.schemas.list(page_size=10))


def test_an_etag_with_obs_text_goes_back_as_the_same_bytes() -> None:
    raw_etag = b'"v\xe9\xff-\xc3\xa9"'  # obs-text, and a pair that is valid UTF-8
    policy = {"id": "p", "matching": {"topicFilter": "t"}, "validation": {"validators": []}}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=[(b"ETag", raw_etag)], json=policy)

    api = FakeAPI(answer)
    with HiveMQClient(transport=api.transport()) as hivemq:
        etag = hivemq.data_hub.data_policies.etag("p")
        assert etag is not None
        hivemq.data_hub.data_policies.update(DataPolicy.from_dict(policy), if_match=etag)
    sent = api.requests[-1]
    assert sent.method == "PUT"
    assert [v for k, v in sent.headers.raw if k.lower() == b"if-match"] == [raw_etag]


@pytest.mark.parametrize("if_match", ['"€"', '"a\r\nX: y"', '"\x00"'])
def test_an_if_match_no_header_can_carry_is_refused_before_sending(if_match: str) -> None:
    policy = {"id": "p", "matching": {"topicFilter": "t"}, "validation": {"validators": []}}
    api = FakeAPI()
    with (
        HiveMQClient(transport=api.transport()) as hivemq,
        pytest.raises(ValueError, match="if_match") as raised,
    ):
        hivemq.data_hub.data_policies.update(DataPolicy.from_dict(policy), if_match=if_match)
    assert not isinstance(raised.value, UnicodeError)
    assert api.requests == []


def test_each_poll_of_a_wait_gets_only_the_time_left() -> None:
    """Polls whose answers never come: each attempt's deadline is within the wait's timeout."""
    deadlines: list[float | None] = []

    def hangs(request: httpx.Request) -> httpx.Response:
        # What the attempt may still take, as the transport is asked to send it;
        # a hung poll ends with its read timing out.
        deadlines.append(remaining(None))
        raise httpx.ReadTimeout("no answer", request=request)

    api = FakeAPI(hangs)
    with (
        HiveMQClient(transport=api.transport(), timeout=30) as hivemq,
        pytest.raises(WaitTimeoutError),
    ):
        hivemq.backups.wait("b1", timeout=0.2, poll_interval=0.05)
    assert deadlines
    assert all(d is not None and d <= 0.2 for d in deadlines)


def test_each_poll_of_an_async_wait_gets_only_the_time_left() -> None:
    deadlines: list[float | None] = []

    async def hangs(request: httpx.Request) -> httpx.Response:
        deadlines.append(remaining(None))
        raise httpx.ReadTimeout("no answer", request=request)

    async def main() -> None:
        async with AsyncHiveMQClient(transport=httpx.MockTransport(hangs), timeout=30) as hivemq:
            await hivemq.backups.wait("b1", timeout=0.2, poll_interval=0.05)

    with pytest.raises(WaitTimeoutError):
        asyncio.run(main())
    assert deadlines
    assert all(d is not None and d <= 0.2 for d in deadlines)


@pytest.mark.parametrize("text", ['{"maximum": NaN}', '{"minimum": -Infinity}', '{"m": 1e999}'])
def test_a_json_schema_text_holding_nan_is_not_sent(text: str) -> None:
    api = FakeAPI()
    with (
        HiveMQClient(transport=api.transport()) as hivemq,
        pytest.raises(ValueError, match="not a finite number"),
    ):
        hivemq.data_hub.schemas.create_json("s1", text)
    assert api.requests == []


@pytest.mark.parametrize(
    "definition", ['{"maximum": NaN}', json.dumps(_nested(600)), '{"a": Infinity}']
)
def test_a_fetched_json_schema_holding_nan_or_nested_600_deep_is_a_value_error(
    definition: str,
) -> None:
    schema = Schema(
        id="s1",
        type_="JSON",
        schema_definition=base64.b64encode(definition.encode()).decode(),
    )
    with pytest.raises(ValueError, match="schemaDefinition") as raised:
        json_schema(schema)
    assert not isinstance(raised.value, RecursionError)


@pytest.mark.parametrize("timeout", [1e300, math.inf])
def test_a_wait_of_any_length_without_a_client_timeout_overflows_nothing(timeout: float) -> None:
    done = {"backup": {"id": "b1", "createdAt": "2026-01-01T00:00:00Z", "state": "COMPLETED"}}
    deadlines: list[float | None] = []

    def answer(request: httpx.Request) -> httpx.Response:
        deadlines.append(remaining(None))
        return httpx.Response(200, json=done)

    with HiveMQClient(transport=FakeAPI(answer).transport(), timeout=None) as hivemq:
        assert hivemq.backups.wait("b1", timeout=timeout).state == "COMPLETED"
    assert deadlines == [None]
