"""A scripted HTTP peer for the clients' tests: canned answers, every request recorded."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from typing import Any

import httpx
from hivemq_rest._constants import MIN_PAGE_SIZE
from hivemq_rest_generated.operations import GET_ALL_MQTT_CLIENTS

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def problem(status: int, title: str, detail: str = "", **headers: str) -> httpx.Response:
    """An error answer in the API's own shape."""
    body = {"errors": [{"title": title, "detail": detail}]}
    return httpx.Response(status, json=body, headers=headers)


def ids_page(
    ids: list[str], cursor: str | None = None, limit: int = MIN_PAGE_SIZE
) -> httpx.Response:
    """A 200 page of the client list, linking to the next page when a cursor is given."""
    body: dict[str, Any] = {"items": [{"id": i} for i in ids]}
    if cursor is not None:
        body["_links"] = {"next": f"{GET_ALL_MQTT_CLIENTS.path}?cursor={cursor}&limit={limit}"}
    return httpx.Response(200, json=body)


class FakeAPI:
    """Answers requests from a script; what is not scripted gets a default answer.

    ``script(answer, ...)`` queues answers in order; ``default`` answers the
    rest. ``requests`` records every request that reached the transport.
    """

    def __init__(self, default: Answer | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self._queue: deque[Answer] = deque()
        self.default: Answer = default or httpx.Response(200, json={})

    def script(self, *answers: Answer) -> FakeAPI:
        """Queue answers for the next requests."""
        self._queue.extend(answers)
        return self

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self._queue.popleft() if self._queue else self.default
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            # A Response object is consumed once; hand out a fresh copy.
            return httpx.Response(
                answer.status_code, headers=answer.headers, content=answer.content
            )
        return answer(request)

    def transport(self) -> httpx.MockTransport:
        """A transport for HiveMQClient."""
        return httpx.MockTransport(self._answer)

    def async_transport(self) -> httpx.MockTransport:
        """A transport for AsyncHiveMQClient."""

        async def answer(request: httpx.Request) -> httpx.Response:
            return self._answer(request)

        return httpx.MockTransport(answer)

    def paths(self) -> list[str]:
        """The raw path and query of every request, in order."""
        return [r.url.raw_path.decode() for r in self.requests]


def details(client_id: str, **fields: Any) -> httpx.Response:
    """A 200 details answer for a client."""
    return httpx.Response(200, content=json.dumps({"client": {"id": client_id, **fields}}).encode())
