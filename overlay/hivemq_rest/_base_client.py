"""What the sync and async clients share: settings, retry decisions, error mapping."""

from __future__ import annotations

import asyncio
import copy
import functools
import random
import time
import weakref
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Self, TypedDict

import attrs
import httpx

from ._body import bound
from ._call_options import CallOptions, check_call_timeout
from ._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    MAX_SECONDS,
)
from ._deadline import AttemptDeadline, bound_by_deadline, time_left
from ._errors import (
    ClientClosedError,
    ClientNotFoundError,
    EventLoopError,
    NotFoundError,
    UnsendableRequestError,
    error_for_response,
)
from ._failures import as_transport_error, connection_error
from ._health import check_health_url
from ._observe import NO_SPAN, Span, log
from ._operations import Call
from ._pacing import RateLimiter
from ._raw_response import capture
from ._retry import RetryPolicy, RetryState, is_idempotent
from ._settings import (
    attempt_seconds,
    check_flag,
    check_headers,
    check_max_response_bytes,
    check_retry,
    check_secret,
    check_timeout,
    check_username,
)
from ._transport import (
    ClientCert,
    StrPath,
    TransportOptions,
    auth_for,
    parse_base_url,
    ssl_context,
)


class ClientSettings(TypedDict, total=False):
    """The keyword arguments both clients take besides the base URL.

    username, password: HTTP Basic credentials. token: a bearer token (ASCII).
    None of them may hold a control character (CR, LF, NUL, ...).
    timeout: seconds for one whole attempt (connect, send, the complete
    body), or an httpx.Timeout (its largest value bounds the attempt; default:
    5 s to connect, 30 s in all); at most a day. verify: check the server's certificate
    (default True). ca_file: a CA bundle to trust. client_cert: a
    certificate file with its key, or a (certificate, key) pair. headers:
    extra headers on every request (not sent to another origin). retry: a
    RetryPolicy. requests_per_second: a limit shared by everything the
    client sends (at least one a day). follow_redirects: follow 3xx (default False).
    seed: seeds the backoff jitter (reproducible tests). max_response_bytes:
    a larger body (decompressed) is refused unread (default 64 MiB).
    health_url: where the Health API listens (default: the base URL's host,
    port 8889, http); its requests never carry the credentials.
    Every setting is checked when the client is created (ConfigurationError).
    """

    username: str | None
    password: str | None
    token: str | None
    timeout: float | httpx.Timeout | None
    verify: bool
    ca_file: StrPath | None
    client_cert: ClientCert | None
    headers: Mapping[str, str] | None
    retry: RetryPolicy | None
    requests_per_second: float | None
    follow_redirects: bool
    seed: int | None
    max_response_bytes: int
    health_url: str | httpx.URL | None


class BaseClient:
    """Settings and sans-I/O request handling shared by HiveMQClient and AsyncHiveMQClient."""

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        base_url: str | httpx.URL = DEFAULT_BASE_URL,
        *,
        username: str | None = None,
        password: str | None = None,
        token: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        verify: bool = True,
        ca_file: StrPath | None = None,
        client_cert: ClientCert | None = None,
        headers: Mapping[str, str] | None = None,
        retry: RetryPolicy | None = None,
        requests_per_second: float | None = None,
        follow_redirects: bool = False,
        seed: int | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        health_url: str | httpx.URL | None = None,
    ) -> None:
        checked_timeout = check_timeout(timeout)
        self._connection = TransportOptions(
            base_url=parse_base_url(base_url),
            auth=auth_for(
                check_username(username),
                check_secret("password", password),
                check_secret("token", token, ascii_only=True),
            ),
            timeout=checked_timeout,
            tls=ssl_context(check_flag("verify", verify), ca_file, client_cert),
            headers=check_headers(headers),
            follow_redirects=check_flag("follow_redirects", follow_redirects),
        )
        self.retry = check_retry(retry)
        self.limiter = None if requests_per_second is None else RateLimiter(requests_per_second)
        self.max_response_bytes = check_max_response_bytes(max_response_bytes)
        self._attempt_seconds = attempt_seconds(checked_timeout)
        self._health_url = check_health_url(health_url, self._connection.base_url)
        self._rng = random.Random(seed)  # noqa: S311 -- backoff jitter, not secrets
        self._bound = False
        # Set by a constructor that chose the transport: an HTTP parser that
        # stops at Content-Length (see _body.bound). One a caller passes may not.
        self._parsed_by_length = False
        # One cell, shared with every with_options copy: they share the connections.
        self._loop: list[weakref.ref[asyncio.AbstractEventLoop]] = []

    @property
    def base_url(self) -> httpx.URL:
        """The URL the API paths are appended to (scheme, host, port, path prefix)."""
        return self._connection.base_url

    @property
    def health_url(self) -> httpx.URL:
        """Where the Health API listens (``client.health``)."""
        return self._health_url

    def _attempts(self, call: Call, http: httpx.Client | httpx.AsyncClient) -> RetryState:
        """The retry state of a new request, once the client is known to be usable."""
        if http.is_closed:
            raise ClientClosedError(f"{type(self).__name__} is closed; make a new one")
        if isinstance(http, httpx.AsyncClient):
            self._check_loop()
        if not self._bound:
            self._bind(http)
        # A poll is sent once: the wait that polls is what tries again.
        policy = self.retry if call.poll_seconds is None else RetryPolicy.disabled()
        return RetryState(policy, self._rng, idempotent=is_idempotent(call.method))

    def _bind(self, http: httpx.Client | httpx.AsyncClient) -> None:
        # Done here, not in the constructors, which build their httpx
        # client each its own way; before the first request, so that
        # no connection exists yet.
        bound_by_deadline(http)
        # A redirect, or a request to the Health API's listener, may go to
        # another origin: the caller's headers and the cookies stay behind.
        self._hook_foreign_headers(http)
        self._bound = True

    def _check_loop(self) -> None:
        """EventLoopError unless this is the event loop of the client's first request.

        Its connections belong to that loop; from another one they fail in
        ways that depend on the transport, or hang.
        """
        loop = asyncio.get_running_loop()
        if not self._loop:
            self._loop.append(weakref.ref(loop))
        elif self._loop[0]() is not loop:
            raise EventLoopError(
                f"this {type(self).__name__} was first used in another event loop; "
                "make one client per event loop (per asyncio.run)"
            )

    def _hook_foreign_headers(self, http: httpx.Client | httpx.AsyncClient) -> None:
        strip = self._connection.strip_foreign_headers
        if isinstance(http, httpx.AsyncClient):

            async def hook(request: httpx.Request) -> None:
                strip(request)

            http.event_hooks = {**http.event_hooks, "request": [*http.event_hooks["request"], hook]}
        else:
            http.event_hooks = {
                **http.event_hooks,
                "request": [*http.event_hooks["request"], strip],
            }

    def with_options(
        self, *, timeout: float | None = None, max_attempts: int | None = None
    ) -> Self:
        """A client with another ``timeout`` (seconds, each whole attempt) or ``max_attempts``.

        It shares this client's connection pool, settings and rate limit:
        closing either closes both. Checked at once (ConfigurationError).
        """
        if not self._bound:
            self._bind(self._http)  # once for the pool both will share
        changed = copy.copy(self)
        for name in list(vars(changed)):
            if isinstance(getattr(type(self), name, None), functools.cached_property):
                del changed.__dict__[name]  # a namespace built for this client, not the copy
        if timeout is not None:
            changed._attempt_seconds = check_call_timeout(timeout)
        if max_attempts is not None:
            changed.retry = attrs.evolve(self.retry, max_attempts=max_attempts)
        return changed

    def _deadline(self, call: Call, options: CallOptions) -> AbstractContextManager[None]:
        """The bound of one whole attempt (``timeout``: the call's, else the client's).

        A poll's own bound, if shorter; within any ``time_bound`` too.
        """
        seconds = self._attempt_seconds if options.timeout is None else options.timeout
        if call.poll_seconds is not None:
            seconds = call.poll_seconds if seconds is None else min(seconds, call.poll_seconds)
        left = time_left()
        # A bound past MAX_SECONDS is as good as none, and would overflow a timer.
        if left is not None and left <= MAX_SECONDS:
            seconds = left if seconds is None else min(seconds, left)
        return AttemptDeadline(seconds)

    @staticmethod
    def _within_bound(wait: float | None) -> float | None:
        """A retry's wait, cut to what a ``time_bound`` leaves; None (no retry) once it passed."""
        left = time_left()
        if wait is None or left is None:
            return wait
        return None if left <= 0 else min(wait, left)

    @staticmethod
    def _log_attempt(call: Call, state: RetryState, outcome: object, started: float) -> None:
        """The DEBUG record of one attempt (only called when DEBUG is on)."""
        log.debug(
            "%s %s: %s in %.1f ms (attempt %d)",
            call.method,
            call.path,
            outcome,
            (time.perf_counter() - started) * 1000.0,
            state.attempt,
        )

    def _limit_body(self, response: httpx.Response) -> None:
        """Let this response's body be read only within ``max_response_bytes``."""
        bound(response, self.max_response_bytes, parsed_by_length=self._parsed_by_length)

    def _finish(
        self, call: Call, response: httpx.Response, state: RetryState, span: Span = NO_SPAN
    ) -> httpx.Response:
        """The response if it is a success (or one of the call's answers), else its typed error."""
        span.set_attribute("http.response.status_code", response.status_code)
        captured = capture.get()
        if captured is not None:
            captured.append(response)
        if response.is_success or response.status_code in call.answers_on:
            return response
        if response.status_code == 404 and call.idempotent_delete and state.may_have_acted:
            # An earlier attempt may have done the work before its connection
            # failed; the resource being gone now is the outcome we wanted.
            log.info("%s %s: gone after an earlier attempt; taken as done", call.method, call.path)
            return response
        raise error_for_response(
            response, ClientNotFoundError if call.names_client else NotFoundError
        )

    def _wait_after_failure(
        self,
        call: Call,
        state: RetryState,
        raised: httpx.RequestError | httpx.InvalidURL | OSError,
        span: Span = NO_SPAN,
    ) -> float:
        """Seconds before the next attempt after a request got no usable answer.

        When no attempt is left, its APIConnectionError (APITimeoutError for
        a timeout) is raised instead; ``outcome_unknown`` says whether an
        attempt may have reached the server. A URL the transport refuses is
        an UnsendableRequestError at once.
        """
        if isinstance(raised, httpx.InvalidURL):
            raise UnsendableRequestError(
                f"{call.method} {call.path[:80]}...: the transport refuses this URL ({raised}); "
                "nothing was sent"
            ) from None
        error = as_transport_error(raised)
        wait = self._within_bound(state.wait_after_error(error))
        if wait is None:
            raise connection_error(
                call.method,
                call.path,
                error,
                raised,
                self.base_url,
                outcome_unknown=state.may_have_acted,
                say_unknown=not state.idempotent,
            ) from raised
        self._log_retry(call, state, type(error).__name__, wait, span)
        return wait

    def _wait_after_response(
        self, call: Call, state: RetryState, response: httpx.Response, span: Span = NO_SPAN
    ) -> float | None:
        """Seconds before the next attempt after this answer, or None if it is the last."""
        if response.status_code in call.answers_on:
            return None
        wait = self._within_bound(state.wait_after_response(response))
        if wait is not None:
            self._log_retry(call, state, f"HTTP {response.status_code}", wait, span)
        return wait

    @staticmethod
    def _log_retry(call: Call, state: RetryState, why: str, wait: float, span: Span) -> None:
        span.add_event(
            "retry",
            {
                "hivemq.retry.reason": why,
                "hivemq.retry.delay_s": wait,
                "hivemq.attempt": state.attempt,
            },
        )
        log.warning(
            "%s %s: %s; attempt %d of %d in %.2fs",
            call.method,
            call.path,
            why,
            state.attempt + 1,
            state.policy.max_attempts,
            wait,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.base_url)!r})"
