"""_retry: what is retried, how long the waits are, and Retry-After."""

from __future__ import annotations

import datetime
import email.utils
import random

import httpx
import pytest
from hivemq_rest import ConfigurationError, RetryPolicy
from hivemq_rest._retry import RetryState, is_idempotent, parse_retry_after
from hypothesis import given
from hypothesis import strategies as st

_REQUEST = httpx.Request("GET", "http://h/")


def _state(policy: RetryPolicy | None = None) -> RetryState:
    state = RetryState(policy or RetryPolicy(), random.Random(1))
    state.start()
    return state


def _response(status: int, retry_after: str | None = None) -> httpx.Response:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return httpx.Response(status, headers=headers, request=_REQUEST)


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_retried_statuses(status: int) -> None:
    assert _state().wait_after_response(_response(status)) is not None


@pytest.mark.parametrize("status", [200, 204, 400, 401, 403, 404, 410, 500, 501, 520, 599])
def test_final_statuses(status: int) -> None:
    assert _state().wait_after_response(_response(status)) is None


def test_attempts_run_out() -> None:
    state = RetryState(RetryPolicy(max_attempts=3), random.Random(1))
    waits = []
    for _ in range(5):
        state.start()
        waits.append(state.wait_after_response(_response(503)))
    assert [w is not None for w in waits] == [True, True, False, False, False]


def test_disabled_policy_never_retries() -> None:
    state = _state(RetryPolicy.disabled())
    assert state.wait_after_response(_response(503)) is None
    assert state.wait_after_error(httpx.ConnectError("refused", request=_REQUEST)) is None


@pytest.mark.parametrize(
    "bad", [{"max_attempts": 0}, {"backoff_base": -1.0}, {"retry_after_cap": -5.0}]
)
def test_policy_validates(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        RetryPolicy(**bad)  # type: ignore[arg-type]


@given(st.integers(1, 100_000), st.integers(0, 2**32))
def test_backoff_has_full_jitter_under_the_cap(attempt: int, seed: int) -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=4.0)
    wait = policy.backoff(attempt, random.Random(seed))
    # From attempt 5 on, 0.5 * 2 ** (n - 1) is over the cap (and overflows a float from 1,025).
    assert 0.0 <= wait <= (4.0 if attempt >= 5 else 0.5 * 2 ** (attempt - 1))


def test_backoff_grows() -> None:
    policy = RetryPolicy(backoff_base=1.0, backoff_cap=1000.0)
    rng = random.Random(7)
    means = [sum(policy.backoff(n, rng) for _ in range(2000)) / 2000 for n in (1, 3, 5)]
    assert means[0] < means[1] < means[2]


def test_retry_after_seconds_is_honoured_and_capped() -> None:
    assert _state().wait_after_response(_response(503, "7")) == 7.0
    capped = _state(RetryPolicy(retry_after_cap=2.0))
    assert capped.wait_after_response(_response(429, "3600")) == 2.0


def test_retry_after_http_date() -> None:
    now = datetime.datetime(2026, 1, 1, 12, 0, 0, tzinfo=datetime.UTC)
    later = email.utils.format_datetime(now + datetime.timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(later, now=now) == 30.0
    earlier = email.utils.format_datetime(now - datetime.timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(earlier, now=now) == 0.0


@pytest.mark.parametrize(
    "value",
    # "\xb2" is what httpx makes of a Latin-1 byte 0xB2: "²", a digit to str.isdigit().
    [None, "", "soon", "-5", "1.5", "Mon, 99 Foo 2026", "\xb2", "1\xb3", "\u0661"],
)
def test_unusable_retry_after_falls_back_to_backoff(value: str | None) -> None:
    assert parse_retry_after(value) is None


def test_unusable_retry_after_still_retries() -> None:
    wait = _state(RetryPolicy(backoff_base=0.1)).wait_after_response(_response(503, "soon"))
    assert wait is not None
    assert 0 <= wait <= 0.1


@pytest.mark.parametrize(
    ("error", "retried", "may_have_acted"),
    [
        (httpx.ConnectError("refused"), True, False),
        (httpx.ConnectTimeout("slow"), True, False),
        (httpx.PoolTimeout("busy"), True, False),
        (httpx.ReadTimeout("slow"), True, True),
        (httpx.ReadError("reset"), True, True),
        (httpx.RemoteProtocolError("closed"), True, True),
        (httpx.LocalProtocolError("bad"), False, True),
        (httpx.UnsupportedProtocol("ftp"), False, True),
    ],
)
def test_transport_errors(error: httpx.TransportError, retried: bool, may_have_acted: bool) -> None:
    state = _state()
    assert (state.wait_after_error(error) is not None) is retried
    assert state.may_have_acted is may_have_acted


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ConnectTimeout("slow"), True),
        (httpx.PoolTimeout("busy"), True),
        (httpx.ReadTimeout("slow"), False),
        (httpx.WriteTimeout("slow"), False),
        (httpx.ReadError("reset"), False),
        (httpx.RemoteProtocolError("closed"), False),
    ],
)
def test_a_post_is_retried_only_when_it_was_not_sent(
    error: httpx.TransportError, retried: bool
) -> None:
    state = RetryState(RetryPolicy(), random.Random(1), idempotent=is_idempotent("POST"))
    state.start()
    assert (state.wait_after_error(error) is not None) is retried
    assert state.may_have_acted is not retried


@pytest.mark.parametrize(
    ("method", "idempotent"),
    [("GET", True), ("PUT", True), ("DELETE", True), ("post", False), ("PATCH", False)],
)
def test_methods(method: str, idempotent: bool) -> None:
    assert is_idempotent(method) is idempotent


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_statuses_that_retry_a_post(status: int) -> None:
    state = RetryState(RetryPolicy(), random.Random(1), idempotent=False)
    state.start()
    assert (state.wait_after_response(_response(status)) is not None) is (status in (429, 503))


@pytest.mark.parametrize(
    "bad",
    [
        {"max_attempts": 1.5},
        {"max_attempts": True},
        {"backoff_base": float("nan")},
        {"backoff_cap": float("inf")},
        {"retry_after_cap": "5"},
    ],
)
def test_policy_refuses_values_that_cannot_work(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        RetryPolicy(**bad)  # type: ignore[arg-type]
