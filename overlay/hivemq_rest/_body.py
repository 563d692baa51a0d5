"""Reading a response body within ``max_response_bytes``, decompressed as it comes.

The client's read of a response goes through BoundedBody; what is over the
limit is refused before it is held. Decompression is done here, with a bound on
each step's output, because httpx inflates a whole network chunk at once:
64 KiB of a gzip bomb would be 64 MiB before anything could count it.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Final

import httpx

from ._errors import UnexpectedResponseError

__all__ = ["ACCEPT_ENCODING", "BoundedBody", "bound"]

# What the client asks for: the encodings decoded here, no others.
ACCEPT_ENCODING: Final = "gzip, deflate"

_WBITS: Final = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16}


class _OverflowError(Exception):
    """A layer had more output than the room left."""


class _Inflater:
    """One gzip or deflate layer; deflate with or without its zlib header, as servers vary."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        # Whether a deflate body has its zlib header is known from its first
        # two bytes; until then they are held back.
        self._head: bytes | None = b"" if encoding == "deflate" else None
        self._z = zlib.decompressobj(_WBITS.get(encoding, zlib.MAX_WBITS))

    def decode(self, data: bytes, room: int) -> bytes:
        """At most ``room + 1`` bytes of output: one more than allowed is enough to refuse."""
        if self._head is not None:
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return b""
            self._head = None
            try:
                return self._inflate(data, room)
            except httpx.DecodingError:
                # "deflate" without the zlib header, as some servers send it.
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inflate(data, room)

    def _inflate(self, data: bytes, room: int) -> bytes:
        try:
            out = self._z.decompress(data, room + 1)
        except zlib.error as error:
            raise httpx.DecodingError(f"{self._encoding}: {error}") from None
        if self._z.unconsumed_tail:
            raise _OverflowError
        return out


class BoundedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response's body stream, decompressed here; UnexpectedResponseError past ``limit`` bytes.

    Both the bytes on the wire and the decompressed bytes count against the
    limit (a deflate stream can be any length and inflate to nothing).
    ``bound(response, limit)`` puts one in place; httpx's own ``read()``
    then collects what it yields.
    """

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self._response = response
        self._inner = response.stream
        self._limit = limit
        self._raw = 0
        self._size = 0
        encodings = [
            value.strip().lower()
            for value in response.headers.get("content-encoding", "").split(",")
            if value.strip()
        ]
        # Unknown encodings (and "identity") are passed through, as httpx does.
        self._layers = [
            _Inflater(e) for e in reversed(encodings) if e in ("gzip", "x-gzip", "deflate")
        ]

    def _take(self, raw: bytes) -> bytes:
        """The decoded bytes of the next chunk from the network."""
        self._raw += len(raw)
        if self._raw > self._limit:
            raise self._too_large()
        data = raw
        try:
            for layer in self._layers:
                data = layer.decode(data, self._limit - self._size)
        except _OverflowError:
            raise self._too_large() from None
        self._size += len(data)
        if self._size > self._limit:
            raise self._too_large()
        return data

    def __iter__(self) -> Iterator[bytes]:
        assert isinstance(self._inner, httpx.SyncByteStream)
        for raw in self._inner:
            yield self._take(raw)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        async for raw in self._inner:
            yield self._take(raw)

    def close(self) -> None:
        assert isinstance(self._inner, httpx.SyncByteStream)
        self._inner.close()

    async def aclose(self) -> None:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        await self._inner.aclose()

    def _too_large(self) -> UnexpectedResponseError:
        return UnexpectedResponseError(
            status=self._response.status_code,
            title="Response too large",
            detail=f"the body is over max_response_bytes ({self._limit:,} bytes); not read",
            method=self._response.request.method,
            path=self._response.request.url.raw_path.decode("ascii", "replace"),
        )


def bound(response: httpx.Response, limit: int, *, parsed_by_length: bool = False) -> None:
    """Make the response's body readable only within ``limit`` bytes, decompressed here.

    A response read already (a test's transport builds them whole) is left
    as it is: there is nothing left to bound. ``parsed_by_length``: the
    transport is an HTTP parser that stops at Content-Length (httpcore's,
    aiohttp's), so a body it announces within the limit, not compressed, is
    not counted again here.
    """
    if response.is_stream_consumed:
        return
    headers = response.headers
    length = headers.get("content-length", "")
    if (
        parsed_by_length
        and length.isdigit()
        and int(length) <= limit
        and "content-encoding" not in headers
        and "transfer-encoding" not in headers
    ):
        return
    response.stream = BoundedBody(response, limit)
    # Decoded by BoundedBody, bounded: httpx is to pass the bytes on as they come.
    response.headers.pop("content-encoding", None)
