"""What the sync and async clients share: settings, retry decisions, error mapping."""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping
from typing import TypedDict

import httpx

from ._constants import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from ._errors import APIConnectionError, APITimeoutError, error_for_response
from ._operations import Call
from ._pacing import RateLimiter
from ._retry import RetryPolicy, RetryState
from ._transport import (
    ClientCert,
    StrPath,
    TransportOptions,
    auth_for,
    parse_base_url,
    ssl_context,
)

log = logging.getLogger("hivemq_rest")


class ClientSettings(TypedDict, total=False):
    """The keyword arguments both clients take besides the base URL.

    username, password: HTTP Basic credentials. token: a bearer token.
    timeout: seconds or an httpx.Timeout (default: 5 s to connect, 30 s else).
    verify: check the server's certificate (default True). ca_file: a CA
    bundle to trust. client_cert: a certificate file with its key, or a
    (certificate, key) pair. headers: extra headers on every request.
    retry: a RetryPolicy. requests_per_second: a limit shared by everything
    the client sends. follow_redirects: follow 3xx (default False).
    seed: seeds the backoff jitter (reproducible tests).
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


class BaseClient:
    """Settings and sans-I/O request handling shared by HiveMQClient and AsyncHiveMQClient."""

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
    ) -> None:
        self._connection = TransportOptions(
            base_url=parse_base_url(base_url),
            auth=auth_for(username, password, token),
            timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
            tls=ssl_context(verify, ca_file, client_cert),
            headers=dict(headers or {}),
            follow_redirects=follow_redirects,
        )
        self.retry = retry if retry is not None else RetryPolicy()
        self.limiter = None if requests_per_second is None else RateLimiter(requests_per_second)
        self._rng = random.Random(seed)  # noqa: S311 -- backoff jitter, not secrets

    @property
    def base_url(self) -> httpx.URL:
        """The URL the API paths are appended to (scheme, host, port, path prefix)."""
        return self._connection.base_url

    def _attempts(self) -> RetryState:
        return RetryState(self.retry, self._rng)

    def _finish(self, call: Call, response: httpx.Response, state: RetryState) -> httpx.Response:
        """The response if it is a success, else its typed error."""
        if response.is_success:
            return response
        if response.status_code == 404 and call.idempotent_delete and state.may_have_acted:
            # An earlier attempt may have done the work before its connection
            # failed; the resource being gone now is the outcome we wanted.
            log.info("%s %s: gone after an earlier attempt; taken as done", call.method, call.path)
            return response
        raise error_for_response(response)

    def _wait_after_failure(
        self, call: Call, state: RetryState, raised: httpx.RequestError | OSError
    ) -> float:
        """Seconds before the next attempt after a request got no usable answer.

        When no attempt is left, its APIConnectionError (APITimeoutError for
        a timeout) is raised instead.
        """
        error = _as_transport_error(raised)
        wait = state.wait_after_error(error)
        if wait is None:
            timed_out = isinstance(error, httpx.TimeoutException)
            cls = APITimeoutError if timed_out else APIConnectionError
            reason = str(error) or type(error).__name__
            raise cls(f"{call.method} {call.path}: {reason}") from raised
        self._log_retry(call, state, type(error).__name__, wait)
        return wait

    def _wait_after_response(
        self, call: Call, state: RetryState, response: httpx.Response
    ) -> float | None:
        """Seconds before the next attempt after this answer, or None if it is the last."""
        wait = state.wait_after_response(response)
        if wait is not None:
            self._log_retry(call, state, f"HTTP {response.status_code}", wait)
        return wait

    @staticmethod
    def _log_retry(call: Call, state: RetryState, why: str, wait: float) -> None:
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


def _as_transport_error(error: httpx.RequestError | OSError) -> httpx.TransportError:
    """The error of a request that got no usable answer, as an httpx transport error.

    httpx's own transport lets some socket errors through unmapped, such as
    the ssl.SSLError of a TLS alert read after the handshake (a server that
    wants a client certificate): a failed connection all the same. A body
    that does not decode (bad gzip) is a read error, retried, as the aiohttp
    transport has it; a redirect loop is not retried.
    """
    if isinstance(error, httpx.TransportError):
        return error
    reason = str(error) or type(error).__name__
    if isinstance(error, httpx.DecodingError):
        return httpx.ReadError(f"the response body does not decode: {reason}")
    if isinstance(error, httpx.RequestError):
        return httpx.ProtocolError(reason)
    return httpx.ConnectError(reason)
