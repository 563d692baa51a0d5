"""One deadline for a whole attempt: connect, send and the complete body.

httpx's timeouts bound each socket operation, so a server that trickles a
byte now and then never trips them. The client sets the attempt's deadline in
a context variable (with ``AttemptDeadline``); every socket operation of the
httpx transports then waits at most until it (their network backend is
wrapped, ``bound_by_deadline``), and the aiohttp transport reads it for its
total timeout. A context variable, because a sync client may run in many
threads and an async one in many tasks, each with its own attempt.
"""

from __future__ import annotations

import contextvars
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

__all__ = ["AttemptDeadline", "bound_by_deadline", "remaining", "time_bound", "time_left"]

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "hivemq_rest_deadline", default=None
)
# The end of a longer task made of many requests (a wait's polls): no attempt
# and no wait between attempts goes past it.
_BOUND: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "hivemq_rest_bound", default=None
)


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    """Let the requests in the block, their attempts and retry waits end ``seconds`` from now."""
    end = time.monotonic() + seconds
    outer = _BOUND.get()
    token = _BOUND.set(end if outer is None else min(outer, end))
    try:
        yield
    finally:
        _BOUND.reset(token)


def time_left() -> float | None:
    """Seconds left before the end set by ``time_bound`` (0.0 once passed), None without one."""
    end = _BOUND.get()
    return None if end is None else max(0.0, end - time.monotonic())


class AttemptDeadline:
    """Bound every socket operation in the block to ``seconds`` from now, together.

    A plain class rather than a generator-based one: it is entered on
    every request.
    """

    __slots__ = ("_seconds", "_token")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds

    def __enter__(self) -> None:
        seconds = self._seconds
        self._token = _DEADLINE.set(None if seconds is None else time.monotonic() + seconds)

    def __exit__(self, *exc_info: object) -> None:
        _DEADLINE.reset(self._token)


def remaining(timeout: float | None) -> float | None:
    """``timeout``, shortened to the time left before the deadline (0.0 once it passed)."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = max(0.0, deadline - time.monotonic())
    return left if timeout is None else min(timeout, left)


def _clamp(timeout: float | None, expired: type[httpcore.TimeoutException]) -> float | None:
    """The timeout for one socket operation; the timeout error once the deadline passed.

    A timeout of 0 would make the socket non-blocking (an OSError, not a
    timeout), hence the error here.
    """
    left = remaining(timeout)
    if left is not None and left <= 0.0:
        raise expired("the attempt's deadline passed")
    return left


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _Stream(
            self._inner.start_tls(
                ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _Stream(
            self._inner.connect_tcp(
                host, port, _clamp(timeout, httpcore.ConnectTimeout), local_address, socket_options
            )
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(
            self._inner.connect_unix_socket(
                path, _clamp(timeout, httpcore.ConnectTimeout), socket_options
            )
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(
            await self._inner.start_tls(
                ssl_context, server_hostname, _clamp(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(
            await self._inner.connect_tcp(
                host, port, _clamp(timeout, httpcore.ConnectTimeout), local_address, socket_options
            )
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return _AsyncStream(
            await self._inner.connect_unix_socket(
                path, _clamp(timeout, httpcore.ConnectTimeout), socket_options
            )
        )

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def bound_by_deadline(http: httpx.Client | httpx.AsyncClient) -> None:
    """Make the httpx transports of this client (proxies' included) keep the deadline.

    httpx builds its transports itself (one per proxy from the environment)
    and takes no network backend, so the backend of each one's connection
    pool is wrapped in place. Other transports (aiohttp's, a test's) are
    left as they are; the aiohttp one reads the deadline itself.
    """
    transports: list[object] = [http._transport, *http._mounts.values()]
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
        elif isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(
            backend, _AsyncBackend
        ):
            pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
