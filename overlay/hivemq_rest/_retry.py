"""When to try a request again, and how long to wait first."""

from __future__ import annotations

import datetime
import email.utils
import random

import attrs
import httpx

from ._constants import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RETRY_AFTER_CAP,
    IDEMPOTENT_METHODS,
    MAX_SECONDS,
    NOTHING_DONE_STATUSES,
    RETRY_STATUSES,
)
from ._errors import ConfigurationError

__all__ = ["RetryPolicy", "RetryState", "is_idempotent", "parse_retry_after"]

# Transport failures after which the server never saw the request.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Transport failures worth another attempt at all.
_RETRYABLE = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def _at_least_one(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"{attribute.name} must be an int of at least 1, not {value!r}")


def _not_negative(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    # A wait of NaN, infinity or 1e300 would sleep forever or overflow a timer.
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not (0 <= value <= MAX_SECONDS)
    ):
        raise ConfigurationError(
            f"{attribute.name} must be a number of seconds from 0 to {MAX_SECONDS:,.0f} "
            f"(a day), not {value!r}"
        )


@attrs.frozen
class RetryPolicy:
    """How a client retries 429, 502, 503, 504, connection errors and timeouts.

    Waits use exponential backoff with full jitter: before attempt n+1 the
    client sleeps a random time between 0 and min(backoff_cap,
    backoff_base * 2**(n-1)) seconds, unless the response said Retry-After
    (seconds or an HTTP date), which is honoured up to retry_after_cap.
    ``max_attempts=1`` (or ``RetryPolicy.disabled()``) switches retries off.
    """

    max_attempts: int = attrs.field(default=DEFAULT_MAX_ATTEMPTS, validator=_at_least_one)
    backoff_base: float = attrs.field(default=DEFAULT_BACKOFF_BASE, validator=_not_negative)
    backoff_cap: float = attrs.field(default=DEFAULT_BACKOFF_CAP, validator=_not_negative)
    retry_after_cap: float = attrs.field(default=DEFAULT_RETRY_AFTER_CAP, validator=_not_negative)

    @classmethod
    def disabled(cls) -> RetryPolicy:
        """A policy that sends every request once."""
        return cls(max_attempts=1)

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full-jitter wait after the given (1-based) failed attempt."""
        # The exponent stops growing long before a float would overflow.
        ceiling = min(self.backoff_cap, self.backoff_base * 2.0 ** min(attempt - 1, 64))
        return rng.uniform(0.0, ceiling)


def parse_retry_after(value: str | None, now: datetime.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() too, but float() refuses it
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        now = now or datetime.datetime.now(datetime.UTC)
        return max(0.0, (when - now).total_seconds())
    except (TypeError, ValueError, IndexError, OverflowError):
        # A date that cannot be one (day 10**20, an offset of years): as if
        # the server had sent no Retry-After.
        return None


def is_idempotent(method: str) -> bool:
    """Whether a request with this method may be sent again after an unknown outcome."""
    return method.upper() in IDEMPOTENT_METHODS


@attrs.define
class RetryState:
    """The attempts of one request. Sans I/O: the caller sends and sleeps.

    ``idempotent`` False (a POST or PATCH): retried only when the request
    provably did not reach the server (connection refused, DNS, TLS
    handshake) or the server answered 429 or 503.
    """

    policy: RetryPolicy
    rng: random.Random
    idempotent: bool = True
    attempt: int = 0
    #: True once an attempt failed in a way that leaves open whether the
    #: server acted on it (the request may have been sent).
    may_have_acted: bool = False

    def start(self) -> None:
        """Count a new attempt."""
        self.attempt += 1

    def wait_after_response(self, response: httpx.Response) -> float | None:
        """Seconds to wait before retrying this response, or None to stop here."""
        retried = RETRY_STATUSES if self.idempotent else NOTHING_DONE_STATUSES
        if response.status_code not in retried or self.attempt >= self.policy.max_attempts:
            return None
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if retry_after is not None:
            return min(retry_after, self.policy.retry_after_cap)
        return self.policy.backoff(self.attempt, self.rng)

    def wait_after_error(self, error: httpx.TransportError) -> float | None:
        """Seconds to wait before retrying after a transport error, or None to give up."""
        sent = not isinstance(error, _NOT_SENT)
        if sent:
            self.may_have_acted = True
        if not isinstance(error, _RETRYABLE) or self.attempt >= self.policy.max_attempts:
            return None
        if sent and not self.idempotent:
            return None
        return self.policy.backoff(self.attempt, self.rng)
