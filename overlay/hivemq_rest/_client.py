"""HiveMQClient: the synchronous client."""

from __future__ import annotations

from typing import Unpack

import httpx

from ._base_client import ClientSettings
from ._constants import DEFAULT_BASE_URL
from ._sync_api import SyncAPI
from ._transport import HTTPClient

__all__ = ["HiveMQClient"]


class HiveMQClient(SyncAPI):
    """A client of the HiveMQ REST API's MQTT client endpoints (synchronous).

    Use it as a context manager, or call ``close()``. ``base_url`` may carry
    a path prefix (the API behind a reverse proxy). ``transport`` replaces
    httpx's own (for tests); the other settings are those of ClientSettings.
    Its methods are made from AsyncHiveMQClient's (_async_api.py).
    """

    def __init__(
        self,
        base_url: str | httpx.URL = DEFAULT_BASE_URL,
        *,
        transport: httpx.BaseTransport | None = None,
        **settings: Unpack[ClientSettings],
    ) -> None:
        super().__init__(base_url, **settings)
        self._http = HTTPClient(**self._connection.client_kwargs(), transport=transport)
        self._parsed_by_length = transport is None
