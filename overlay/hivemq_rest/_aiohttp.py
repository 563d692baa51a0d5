"""The async client's default transport: aiohttp under httpx, sending paths as built.

Imported only when an AsyncHiveMQClient uses it, so that the sync client and
the command line do not pay for importing aiohttp.
"""

from __future__ import annotations

import asyncio
import ssl
import urllib.request
from collections.abc import AsyncIterator

import aiohttp
import httpx
import yarl
from httpx_aiohttp import AiohttpTransport

from ._deadline import remaining

__all__ = ["RawPathAiohttpTransport"]


class RawPathAiohttpTransport(AiohttpTransport):
    """httpx-aiohttp's transport, sending the URL exactly as httpx built it.

    Given a string, aiohttp re-quotes the URL: it decodes "%2E" to "." and
    then drops dot-segments, so a client called "." would be sent to another
    resource. Here the URL goes to aiohttp as already encoded. Errors are
    mapped to the httpx error that says whether the request may have been sent.
    aiohttp's own silent second try of idempotent requests is switched off:
    RetryPolicy is the one place that decides, so attempts stay as bounded
    as configured. Proxies come from the environment, as with httpx's own.
    The attempt's deadline (``_deadline``) is aiohttp's total timeout, which
    also bounds reading the body.
    """

    def __init__(self, verify: ssl.SSLContext | bool = True) -> None:
        super().__init__(verify=verify)
        # httpx reads HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY for its
        # own transports only; as httpx does, they are read once, here.
        self._proxies = {
            scheme: url if "://" in url else f"http://{url}"
            for scheme, url in urllib.request.getproxies().items()
            if scheme in ("http", "https", "all") and url
        }
        self._proxy_of: dict[tuple[str, str], str | None] = {}

    def _proxy_for(self, url: httpx.URL) -> str | None:
        """The proxy the environment names for this URL's scheme and host, if any."""
        key = (url.scheme, url.host)
        if key not in self._proxy_of:
            proxy = self._proxies.get(url.scheme) or self._proxies.get("all")
            if proxy is not None and urllib.request.proxy_bypass(url.host):
                proxy = None  # NO_PROXY
            self._proxy_of[key] = proxy
        return self._proxy_of[key]

    def get_client(self) -> aiohttp.ClientSession:
        """The aiohttp session, without aiohttp's hidden retry and without a cookie jar."""
        session = super().get_client()
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        # httpx keeps the cookies, for the base URL's origin only; aiohttp's own
        # jar, scoped by host and not port, would send a REST session cookie
        # to the Health API's listener and back.
        session._cookie_jar = aiohttp.DummyCookieJar()
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send one request over aiohttp."""
        if not isinstance(self.client, aiohttp.ClientSession):
            self.client = self.get_client()
        timeout = request.extensions.get("timeout", {})
        body = await request.aread()
        total = remaining(None)  # the attempt's deadline bounds each part too
        try:
            response = await self.client.request(
                request.method,
                yarl.URL(str(request.url), encoded=True),
                headers=request.headers,
                data=body or None,
                allow_redirects=False,
                auto_decompress=False,
                proxy=self._proxy_for(request.url),
                timeout=aiohttp.ClientTimeout(
                    total=_left(None, total),
                    sock_connect=_left(timeout.get("connect"), total),
                    sock_read=_left(timeout.get("read"), total),
                    connect=_left(timeout.get("pool"), total),
                ),
            ).__aenter__()
        except Exception as error:
            raise _httpx_error(error, request) from error
        return httpx.Response(
            status_code=response.status,
            headers=response.raw_headers,
            stream=_Body(response, request),
            request=request,
            extensions={"http_version": b"HTTP/1.1"},
        )


def _left(timeout: float | None, total: float | None) -> float | None:
    """``timeout`` within ``total`` (the time the deadline leaves); never 0 (aiohttp: no limit)."""
    left = total if timeout is None else timeout if total is None else min(timeout, total)
    return None if left is None else max(left, 0.001)


class _Body(httpx.AsyncByteStream):
    """An aiohttp response's body for httpx, its errors mapped as the request's are.

    httpx-aiohttp's own stream maps a connection lost in the body to a
    ConnectTimeout (a request that was never sent, to the retry logic) and
    lets the total timeout through as a bare TimeoutError: here every failure
    while reading the body is a read error or a read timeout.
    """

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_any():
                yield chunk
        except (TimeoutError, aiohttp.ClientError) as error:
            timed_out = isinstance(error, TimeoutError | aiohttp.ServerTimeoutError)
            mapped = httpx.ReadTimeout if timed_out else httpx.ReadError
            raise mapped(str(error) or type(error).__name__, request=self._request) from error

    async def aclose(self) -> None:
        # Not released to the pool: a body left unread would have to be
        # drained first, and it may be endless.
        self._response.close()


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
