"""AsyncHiveMQClient: the asyncio client."""

from __future__ import annotations

from typing import Literal, Unpack

import httpx

from ._async_api import AsyncAPI
from ._base_client import ClientSettings
from ._constants import DEFAULT_BASE_URL
from ._transport import AsyncHTTPClient

__all__ = ["AsyncHiveMQClient"]


class AsyncHiveMQClient(AsyncAPI):
    """A client of the HiveMQ REST API's MQTT client endpoints (asyncio).

    The same namespaces and methods as HiveMQClient (both come from
    _async_api.py), as coroutines and async iterators. ``transport``
    is "aiohttp" (default: aiohttp under httpx, far less CPU per request),
    "httpx" (httpx's own pool) or an httpx transport object (tests).
    """

    def __init__(
        self,
        base_url: str | httpx.URL = DEFAULT_BASE_URL,
        *,
        transport: Literal["aiohttp", "httpx"] | httpx.AsyncBaseTransport = "aiohttp",
        **settings: Unpack[ClientSettings],
    ) -> None:
        super().__init__(base_url, **settings)
        chosen: httpx.AsyncBaseTransport | None
        if transport == "aiohttp":
            # Imported here: only the async client on aiohttp pays for aiohttp.
            from ._aiohttp import RawPathAiohttpTransport

            chosen = RawPathAiohttpTransport(verify=self._connection.tls)
        elif transport == "httpx":
            chosen = None
        elif isinstance(transport, httpx.AsyncBaseTransport):
            chosen = transport
        else:
            raise ValueError(
                f"transport must be 'aiohttp', 'httpx' or a transport, not {transport!r}"
            )
        self._http = AsyncHTTPClient(**self._connection.client_kwargs(), transport=chosen)
        self._parsed_by_length = isinstance(transport, str)
