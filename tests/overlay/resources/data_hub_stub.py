"""Running one Data Hub call through the sync or the async client against a stub."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
from hivemq_rest import AsyncHiveMQClient, HiveMQClient, RetryPolicy

from tests.overlay.fake_api import FakeAPI

KINDS = ["sync", "async"]
BASE_URL = "http://hivemq.test"
NO_RETRY = RetryPolicy.disabled()

DATA_POLICY: dict[str, Any] = {
    "id": "temperature",
    "matching": {"topicFilter": "factory/+/temperature"},
    "validation": {
        "validators": [
            {
                "type": "schema",
                "arguments": {
                    "strategy": "ALL_OF",
                    "schemas": [{"schemaId": "reading", "version": "latest"}],
                },
            }
        ]
    },
    "onFailure": {"pipeline": [{"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}]},
}
BEHAVIOR_POLICY: dict[str, Any] = {
    "id": "no-duplicates",
    "matching": {"clientIdRegex": "sensor-.*"},
    "behavior": {"id": "Publish.duplicate", "arguments": {}},
    "onTransitions": [
        {
            "fromState": "Any.*",
            "toState": "Duplicated",
            "Mqtt.OnInboundPublish": {
                "pipeline": [{"id": "drop", "functionId": "Mqtt.drop", "arguments": {}}]
            },
        }
    ],
}
STORED = {"createdAt": "2026-01-01T00:00:00Z", "lastUpdatedAt": "2026-01-01T00:00:00Z"}


def ok(body: object, status: int = 200) -> httpx.Response:
    """A JSON answer."""
    return httpx.Response(status, content=json.dumps(body).encode())


def page(items: list[dict[str, Any]], next_url: str | None = None) -> httpx.Response:
    """A 200 list page, linking to ``next_url`` if given."""
    body: dict[str, Any] = {"items": items}
    if next_url is not None:
        body["_links"] = {"next": next_url}
    return ok(body)


def run(kind: str, fake: FakeAPI, action: Callable[[Any], Any], **settings: Any) -> Any:
    """``action(hivemq.data_hub)`` through a new client of this kind; iterators as lists.

    ``action`` is written once for both clients: for the async one it returns
    a coroutine or an async iterator, which is awaited or collected here.
    """
    settings.setdefault("retry", NO_RETRY)
    if kind == "sync":
        with HiveMQClient(BASE_URL, transport=fake.transport(), **settings) as hivemq:
            result = action(hivemq.data_hub)
            return list(result) if isinstance(result, Iterator) else result

    async def main() -> Any:
        async with AsyncHiveMQClient(
            BASE_URL, transport=fake.async_transport(), **settings
        ) as hivemq:
            result = action(hivemq.data_hub)
            if isinstance(result, AsyncIterator):
                return [item async for item in result]
            return await result

    return asyncio.run(main())


def sent(fake: FakeAPI, index: int = -1) -> tuple[str, str, httpx.Headers, Any]:
    """Method, raw path and query, headers and JSON body (None if none) of a request."""
    request = fake.requests[index]
    body = json.loads(request.content) if request.content else None
    return request.method, request.url.raw_path.decode(), request.headers, body
