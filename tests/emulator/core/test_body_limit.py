"""Request bodies over the limit are 413, found out without reading (or keeping) them."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from hivemq_rest_emulator import EmulatorServer, create_app
from hivemq_rest_emulator.core.app import EmulatorApp
from starlette.types import Message

from tests.emulator.helpers import LIST, asgi_request, assert_error

LIMIT = 1024


def _stream(
    app: EmulatorApp, path: str, content_length: int | None, chunks: int
) -> tuple[int, int]:
    """``(status, chunks read)`` for a body of ``chunks`` chunks of 100 bytes."""
    headers = [(b"host", b"127.0.0.1:8888")]
    if content_length is not None:
        headers.append((b"content-length", str(content_length).encode()))
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": headers,
        "server": ("127.0.0.1", 8888),
        "root_path": "",
    }
    pulled = 0
    statuses: list[int] = []

    async def receive() -> Message:
        nonlocal pulled
        pulled += 1
        if pulled > chunks:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": b"x" * 100, "more_body": pulled < chunks}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    asyncio.run(app(scope, receive, send))
    return statuses[0], pulled


@pytest.mark.parametrize("path", [LIST, "/_emulator/sessions"])
def test_a_declared_length_over_the_limit_is_413_before_reading(path: str) -> None:
    app = create_app(max_body_bytes=LIMIT)
    assert _stream(app, path, 10**12, chunks=10**6) == (413, 0)


@pytest.mark.parametrize("path", [LIST, "/_emulator/sessions"])
def test_a_stream_is_read_only_up_to_the_limit(path: str) -> None:
    app = create_app(max_body_bytes=LIMIT)
    status, pulled = _stream(app, path, None, chunks=10**6)
    assert status == 413
    assert pulled == LIMIT // 100 + 1


def test_a_body_at_the_limit_is_read() -> None:
    app = create_app(max_body_bytes=LIMIT)
    body = b"[" + b" " * (LIMIT - 2) + b"]"
    response = asgi_request(app, "POST", "/_emulator/sessions", content=body)
    assert response.status_code == 201
    assert_error(asgi_request(app, "POST", "/_emulator/sessions", content=body + b" "), 413)


def test_over_http_the_connection_is_closed_after_413() -> None:
    app = create_app(max_body_bytes=LIMIT)
    with EmulatorServer(app) as server, httpx.Client(base_url=server.base_url) as client:
        response = client.post("/_emulator/sessions", content=b"x" * (LIMIT * 64))
        assert_error(response, 413, "Request body too large")
        assert response.headers["connection"] == "close"
        assert client.get(LIST).status_code == 200


def test_the_limit_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="max_body_bytes"):
        create_app(max_body_bytes=-1)
