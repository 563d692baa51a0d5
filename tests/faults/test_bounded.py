"""Bounded work against a hostile server: body size, whole-attempt deadline, unsendable URLs.

Through the sync client and the async one on both transports, over loopback.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from hivemq_rest import (
    APIConnectionError,
    APITimeoutError,
    AsyncHiveMQClient,
    HiveMQClient,
    InternalServerError,
    RetryPolicy,
    UnexpectedResponseError,
    UnsendableRequestError,
)

from tests.overlay.fake_api import FakeAPI, details
from tests.overlay.local_server import local_server
from tests.overlay.resources.stream_server import head, stream_server

KINDS = ["sync", "aiohttp", "httpx"]
NO_WAIT = RetryPolicy(backoff_base=0)
JSON = {"Content-Type": "application/json"}


def get_client(kind: str, base_url: str, client_id: str = "a", **settings: Any) -> Any:
    """get_client through a new client of this kind."""
    if kind == "sync":
        with HiveMQClient(base_url, **settings) as hivemq:
            return hivemq.clients.get(client_id)

    async def main() -> Any:
        async with AsyncHiveMQClient(base_url, transport=kind, **settings) as hivemq:  # type: ignore[arg-type]
            return await hivemq.clients.get(client_id)

    return asyncio.run(main())


def _answer(
    status: int, body: bytes, headers: dict[str, str] | None = None
) -> Callable[[str, str, dict[str, str]], tuple[int, dict[str, str], bytes]]:
    def behaviour(
        method: str, target: str, request_headers: dict[str, str]
    ) -> tuple[int, dict[str, str], bytes]:
        return status, {**JSON, **(headers or {})}, body

    return behaviour


# -- max_response_bytes ------------------------------------------------------------

LIMIT = 64 * 1024


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_over_the_limit_is_refused(kind: str) -> None:
    too_big = b'{"client": {"id": "a", "blob": "' + b"x" * LIMIT + b'"}}'
    for status, cls in ((200, UnexpectedResponseError), (500, UnexpectedResponseError)):
        with local_server(_answer(status, too_big)) as server:
            with pytest.raises(cls) as caught:
                get_client(kind, server.base_url, max_response_bytes=LIMIT, retry=NO_WAIT)
            assert len(server.seen) == 1  # not retried
        assert caught.value.status == status
        assert caught.value.title == "Response too large"
        assert f"{LIMIT:,}" in caught.value.detail
        assert len(str(caught.value)) < 300


@pytest.mark.parametrize("kind", KINDS)
def test_a_body_at_the_limit_is_read(kind: str) -> None:
    head, tail = b'{"client": {"id": "a", "blob": "', b'"}}'
    exact = head + b"y" * (LIMIT - len(head) - len(tail)) + tail
    with local_server(_answer(200, exact)) as server:
        found = get_client(kind, server.base_url, max_response_bytes=LIMIT)
    assert found.id == "a"
    with local_server(_answer(500, exact)) as server, pytest.raises(InternalServerError):
        get_client(kind, server.base_url, max_response_bytes=LIMIT, retry=NO_WAIT)


@pytest.mark.parametrize("kind", KINDS)
def test_a_length_within_the_limit_never_lets_more_in(kind: str) -> None:
    # Such a body is not counted byte by byte: the transports stop at the length.
    document = b'{"client": {"id": "a"}}'
    more = b"x" * (LIMIT * 2)
    longer = [head(200, {"Content-Length": str(len(document)), **JSON}) + document + more]
    with stream_server(lambda m, t, h: longer) as server:
        if kind == "aiohttp":  # aiohttp takes bytes past the answer for a broken connection
            with pytest.raises(APIConnectionError):
                get_client(kind, server.base_url, max_response_bytes=LIMIT, retry=NO_WAIT)
        else:
            found = get_client(kind, server.base_url, max_response_bytes=LIMIT, retry=NO_WAIT)
            assert found.id == "a"
    # A length and chunked framing together: never read past the limit.
    chunked = f"{len(more):x}\r\n".encode() + more + b"\r\n0\r\n\r\n"
    both = [head(200, {"Content-Length": "5", "Transfer-Encoding": "chunked", **JSON}) + chunked]
    refused = pytest.raises((UnexpectedResponseError, APIConnectionError))
    with stream_server(lambda m, t, h: both) as server, refused:
        get_client(kind, server.base_url, max_response_bytes=LIMIT, retry=NO_WAIT)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_transport_the_caller_passes_is_counted_whatever_its_length_says(kind: str) -> None:
    # A test's or a caller's transport need not stop at Content-Length.
    long = b'{"client": {"id": "a", "blob": "' + b"x" * LIMIT + b'"}}'

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Length": "23", **JSON}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(long))

    settings: dict[str, Any] = {"max_response_bytes": LIMIT, "retry": NO_WAIT}
    if kind == "sync":
        hivemq = HiveMQClient(transport=httpx.MockTransport(answer), **settings)
        with hivemq, pytest.raises(UnexpectedResponseError, match="max_response_bytes"):
            hivemq.clients.get("a")
        return

    async def main() -> None:
        transport = httpx.MockTransport(answer)
        async with AsyncHiveMQClient(transport=transport, **settings) as hivemq:
            await hivemq.clients.get("a")

    with pytest.raises(UnexpectedResponseError, match="max_response_bytes"):
        asyncio.run(main())


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compressed_bodies_are_decoded(kind: str, encoding: str) -> None:
    body = b'{"client": {"id": "zipped", "pad": "' + b"z" * 5000 + b'"}}'
    packed = gzip.compress(body) if encoding == "gzip" else zlib.compress(body)
    with local_server(_answer(200, packed, {"Content-Encoding": encoding})) as server:
        found = get_client(kind, server.base_url)
        asked = server.seen[0][2].get("accept-encoding")
    assert found.id == "zipped"
    assert asked == "gzip, deflate"


def _gzip_bomb(expanded: int) -> bytes:
    """gzip of ``expanded`` zero bytes, built without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    parts = [packer.compress(block) for _ in range(expanded // len(block))]
    return b"".join([*parts, packer.flush()])


BOMB_EXPANDED = 512 * 1024 * 1024


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _gzip_bomb(BOMB_EXPANDED)


@pytest.mark.parametrize("kind", KINDS)
def test_a_gzip_bomb_is_refused_without_being_inflated(kind: str, bomb: bytes) -> None:
    limit = 1024 * 1024
    assert len(bomb) < limit  # small on the wire: only the inflated size is over the limit
    with local_server(_answer(200, bomb, {"Content-Encoding": "gzip"})) as server:
        tracemalloc.start()
        try:
            with pytest.raises(UnexpectedResponseError, match="max_response_bytes"):
                get_client(kind, server.base_url, max_response_bytes=limit)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    # httpx inflates a whole 64 KiB network chunk at once: 64 MiB of zeros
    # from this bomb. Read here, it stays within a few times the limit.
    assert peak < 16 * limit, f"peak {peak:,} bytes"


# -- the whole-attempt deadline ------------------------------------------------------


@contextmanager
def trickling_server(head: bytes, body: bytes, every: float) -> Iterator[tuple[str, list[int]]]:
    """Answer each request with ``head`` at once, then ``body`` one byte at a time.

    Yields the base URL and the count of connections accepted.
    """
    stop = threading.Event()
    accepted: list[int] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)

    def serve(connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            connection.recv(65536)
            connection.sendall(head)
            for byte in body:
                if stop.wait(every):
                    return
                connection.sendall(bytes([byte]))

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(1)
            threading.Thread(target=serve, args=(connection,), daemon=True).start()

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", accepted
    finally:
        stop.set()
        acceptor.join(timeout=5)
        listener.close()


BODY = b'{"client": {"id": "a", "pad": "' + b"t" * 300 + b'"}}'
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("phase", ["headers", "body"])
def test_a_trickling_server_fails_at_the_deadline(kind: str, phase: str) -> None:
    length = f"Content-Length: {len(BODY)}\r\n\r\n".encode()
    head, body = (HEAD, length + BODY) if phase == "headers" else (HEAD + length, BODY)
    # A byte every 0.05 s: each read is far within the 0.5 s timeout, the
    # whole answer would take over 15 s.
    with trickling_server(head, body, every=0.05) as (base_url, accepted):
        started = time.monotonic()
        with pytest.raises(APITimeoutError) as caught:
            get_client(kind, base_url, timeout=0.5, retry=RetryPolicy.disabled())
        elapsed = time.monotonic() - started
    assert len(accepted) == 1
    assert "in time" in str(caught.value)
    assert elapsed < 10  # far below the trickle's 15 s; the timing itself is no test


# -- URLs the transport cannot send --------------------------------------------------

# Valid ids (at most 65,535 bytes of UTF-8) whose encoded path is over httpx's 65,536.
LONG_IDS = ["é" * 22_000, "/" * 30_000, "x" * 65_535]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("client_id", LONG_IDS, ids=["accents", "slashes", "ascii"])
def test_an_id_too_long_for_a_url_is_typed(kind: str, client_id: str) -> None:
    with local_server() as server:
        with pytest.raises(UnsendableRequestError, match="nothing was sent") as caught:
            get_client(kind, server.base_url, client_id)
        assert server.seen == []
    assert isinstance(caught.value, ValueError)
    assert len(str(caught.value)) < 300


def test_fetch_clients_collects_an_unsendable_id_and_goes_on() -> None:
    api = FakeAPI(default=details("x"))
    ids = ["a", LONG_IDS[0], "b"]

    async def main() -> Any:
        async with AsyncHiveMQClient(transport=api.async_transport()) as hivemq:
            stream = hivemq.clients.fetch(ids, concurrency=2, on_failure="collect")
            fetched = [item async for item in stream]
            return fetched, stream.failed

    fetched, failed = asyncio.run(main())
    assert len(fetched) == 2
    assert [(client_id, type(error)) for client_id, error in failed] == [
        (LONG_IDS[0], UnsendableRequestError)
    ]
    assert len(api.requests) == 2
