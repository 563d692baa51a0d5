"""Everything about reaching the server: base URL, auth, TLS, headers, transports."""

from __future__ import annotations

import asyncio
import logging
import os
import ssl
from collections.abc import Generator, Mapping
from typing import Any

import aiohttp
import attrs
import httpx
import yarl
from httpx_aiohttp import AiohttpTransport
from httpx_aiohttp.transport import AiohttpResponseStream

from ._version import __version__

__all__ = ["BearerAuth", "Connection", "RawPathAiohttpTransport", "parse_base_url", "ssl_context"]

log = logging.getLogger("hivemq_rest")

USER_AGENT = f"hivemq-rest-client/{__version__}"

StrPath = str | os.PathLike[str]
ClientCert = StrPath | tuple[StrPath, StrPath]


class BearerAuth(httpx.Auth):
    """Sends ``Authorization: Bearer <token>``; the token never shows in repr."""

    def __init__(self, token: str) -> None:
        if not token:
            raise ValueError("token cannot be empty")
        self._header = f"Bearer {token}"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the header to the request."""
        request.headers["Authorization"] = self._header
        yield request

    def __repr__(self) -> str:
        return "BearerAuth(token=***)"


def auth_for(username: str | None, password: str | None, token: str | None) -> httpx.Auth | None:
    """The httpx auth for these credentials; ValueError for a mix that makes no sense."""
    if token is not None and (username is not None or password is not None):
        raise ValueError("give either a token or a username and password, not both")
    if token is not None:
        return BearerAuth(token)
    if password is not None and username is None:
        raise ValueError("a password needs a username")
    if username is not None:
        return httpx.BasicAuth(username, password or "")
    return None


def parse_base_url(url: str | httpx.URL) -> httpx.URL:
    """The validated base URL: http(s), a host, an optional path prefix, no credentials."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise ValueError(f"not a usable base URL: {error}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError("the base URL must be http:// or https:// with a host")
    if parsed.userinfo:
        # Never echo the URL here: it holds a secret.
        raise ValueError("put credentials in username/password or token, not in the base URL")
    if parsed.query or parsed.fragment:
        raise ValueError("the base URL cannot have a query or a fragment")
    return parsed.copy_with(path=parsed.path.rstrip("/") + "/")


def ssl_context(
    verify: bool = True, ca_file: StrPath | None = None, client_cert: ClientCert | None = None
) -> ssl.SSLContext:
    """A TLS context: verification on unless verify=False, a CA bundle and a client certificate."""
    context = ssl.create_default_context(cafile=os.fspath(ca_file) if ca_file else None)
    if not verify:
        log.warning("TLS certificate verification is switched off")
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if client_cert is not None:
        if isinstance(client_cert, tuple):
            context.load_cert_chain(os.fspath(client_cert[0]), os.fspath(client_cert[1]))
        else:
            context.load_cert_chain(os.fspath(client_cert))
    return context


@attrs.frozen(repr=False)
class Connection:
    """What both clients hand to httpx: URL, auth, timeouts, TLS and headers."""

    base_url: httpx.URL
    auth: httpx.Auth | None
    timeout: httpx.Timeout
    tls: ssl.SSLContext
    headers: Mapping[str, str]
    follow_redirects: bool

    def client_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for httpx.Client or httpx.AsyncClient."""
        return {
            "base_url": self.base_url,
            "auth": self.auth,
            "timeout": self.timeout,
            "verify": self.tls,
            "headers": {"User-Agent": USER_AGENT, "Accept": "application/json", **self.headers},
            "follow_redirects": self.follow_redirects,
        }

    def __repr__(self) -> str:
        auth = "none" if self.auth is None else type(self.auth).__name__
        return f"Connection(base_url={str(self.base_url)!r}, auth={auth})"


class RawPathAiohttpTransport(AiohttpTransport):
    """httpx-aiohttp's transport, sending the URL exactly as httpx built it.

    Given a string, aiohttp re-quotes the URL: it decodes "%2E" to "." and
    then drops dot-segments, so a client called "." would be sent to another
    resource. Here the URL goes to aiohttp as already encoded. Errors are
    mapped to the httpx error that says whether the request may have been sent.
    aiohttp's own silent second try of idempotent requests is switched off:
    RetryPolicy is the one place that decides, so attempts stay as bounded
    as configured.
    """

    def get_client(self) -> aiohttp.ClientSession:
        """The aiohttp session, without aiohttp's hidden retry."""
        session = super().get_client()
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send one request over aiohttp."""
        if not isinstance(self.client, aiohttp.ClientSession):
            self.client = self.get_client()
        timeout = request.extensions.get("timeout", {})
        body = await request.aread()
        try:
            response = await self.client.request(
                request.method,
                yarl.URL(str(request.url), encoded=True),
                headers=request.headers,
                data=body or None,
                allow_redirects=False,
                auto_decompress=False,
                timeout=aiohttp.ClientTimeout(
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                    connect=timeout.get("pool"),
                ),
            ).__aenter__()
        except Exception as error:
            raise _httpx_error(error, request) from error
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=AiohttpResponseStream(response),
            request=request,
            extensions={"http_version": b"HTTP/1.1"},
        )


def _httpx_error(error: Exception, request: httpx.Request) -> Exception:
    """The httpx error for an aiohttp one (or the error itself if it is no I/O error)."""
    message = str(error) or type(error).__name__
    mapped: type[httpx.TransportError]
    if isinstance(error, aiohttp.ConnectionTimeoutError):
        mapped = httpx.ConnectTimeout
    elif isinstance(error, aiohttp.ClientConnectorError):
        mapped = httpx.ConnectError
    elif isinstance(error, aiohttp.ServerDisconnectedError):
        mapped = httpx.RemoteProtocolError
    elif isinstance(error, asyncio.TimeoutError | aiohttp.ServerTimeoutError):
        mapped = httpx.ReadTimeout
    elif isinstance(error, aiohttp.ClientPayloadError | aiohttp.ClientOSError):
        mapped = httpx.ReadError
    elif isinstance(error, aiohttp.ClientError):
        mapped = httpx.NetworkError
    else:
        return error
    return mapped(message, request=request)
