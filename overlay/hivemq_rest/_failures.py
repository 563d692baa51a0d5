"""What a request that got no usable answer raises: one wording for every transport.

httpx's own transports and aiohttp word the same failure differently
("[Errno 111] Connection refused", "Cannot connect to host ..."); the
message here is built from the kind of failure and the origin tried, so that
it reads the same whichever transport ran. The transport's own error stays
chained as ``__cause__``.
"""

from __future__ import annotations

import socket
import ssl

import httpx

from ._errors import APIConnectionError, APITimeoutError

__all__ = ["as_transport_error", "connection_error", "origin"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: httpx.URL) -> str:
    """scheme://host:port of a URL, the port always shown; never its credentials."""
    host = f"[{url.host}]" if ":" in url.host else url.host
    port = url.port or _DEFAULT_PORTS.get(url.scheme, 0)
    return f"{url.scheme}://{host}:{port}"


def as_transport_error(error: httpx.RequestError | OSError) -> httpx.TransportError:
    """The error of a request that got no usable answer, as an httpx transport error.

    httpx's own transport lets some socket errors through unmapped, such as
    the ssl.SSLError of a TLS alert read after the handshake (a server that
    wants a client certificate): a failed connection all the same, the
    request refused before the server read it. Any other stray OSError may
    come after the request was sent: a read error. A body that does not
    decode (bad gzip) is a read error, retried, as the aiohttp transport has
    it; a redirect loop is not retried.
    """
    if isinstance(error, httpx.TransportError):
        return error
    reason = str(error) or type(error).__name__
    if isinstance(error, httpx.DecodingError):
        return httpx.ReadError(f"the response body does not decode: {reason}")
    if isinstance(error, httpx.RequestError):
        return httpx.ProtocolError(reason)
    if isinstance(error, ssl.SSLError):
        return httpx.ConnectError(reason)
    return httpx.ReadError(reason)


def _root(error: BaseException) -> BaseException:
    """The innermost error the transport chained on (bounded: chains can loop)."""
    seen = 0
    while seen < 16:
        inner = error.__cause__ or error.__context__
        if inner is None:
            break
        error, seen = inner, seen + 1
    return error


def _connect_reason(error: httpx.TransportError, raised: BaseException) -> str:
    """Why no connection was made, from the socket error at the root of the chain.

    Python's own socket and ssl errors are the same under every transport;
    what is not recognised is told in the transport's words.
    """
    root = _root(raised)
    if isinstance(root, ssl.SSLCertVerificationError):
        return f"TLS certificate verify failed ({root.verify_message})"
    if isinstance(root, ssl.SSLError):
        return f"TLS failed ({getattr(root, 'reason', None) or root})"
    if isinstance(root, socket.gaierror):
        return "the host name does not resolve"
    if isinstance(root, ConnectionRefusedError):
        return "connection refused"
    return str(error) or type(error).__name__


def _phrase(error: httpx.TransportError, raised: BaseException, where: str) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"connecting to {where} timed out"
    if isinstance(error, httpx.PoolTimeout):
        return f"no free connection to {where} in time"
    if isinstance(error, httpx.TimeoutException):
        return f"no complete answer from {where} in time"
    if isinstance(error, httpx.ProxyError):
        return f"the proxy to {where} failed"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect to {where}: {_connect_reason(error, raised)}"
    if isinstance(error, httpx.NetworkError | httpx.RemoteProtocolError):
        return f"the connection to {where} was lost before a complete answer"
    return f"the request to {where} failed: {error}"


def _url_tried(
    raised: BaseException, error: httpx.TransportError, fallback: httpx.URL
) -> httpx.URL:
    """The URL of the request that failed (a redirect's, maybe), else ``fallback``."""
    for candidate in (raised, error):
        if isinstance(candidate, httpx.RequestError):
            try:
                return candidate.request.url
            except RuntimeError:  # raised outside httpx's request handling
                continue
    return fallback


def connection_error(
    method: str,
    path: str,
    error: httpx.TransportError,
    raised: BaseException,
    fallback: httpx.URL,
    *,
    outcome_unknown: bool,
    say_unknown: bool,
) -> APIConnectionError:
    """The typed error when no attempt is left: ``error`` is ``raised`` as an httpx error.

    ``fallback`` names the origin when the error does not carry its request.
    ``say_unknown``: the message says that the outcome is unknown (where it
    matters: a request that is not sent again). A body that does not decode
    keeps saying so: it is no connection problem.
    """
    where = origin(_url_tried(raised, error, fallback))
    phrase = _phrase(error, raised, where)
    if str(error).startswith("the response body does not decode"):
        phrase = f"{error} (from {where})"
    if outcome_unknown and say_unknown:
        phrase += "; the request may have reached the server: outcome unknown"
    cls = APITimeoutError if isinstance(error, httpx.TimeoutException) else APIConnectionError
    return cls(f"{method} {path}: {phrase}", outcome_unknown=outcome_unknown)
