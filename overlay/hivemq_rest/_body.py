"""Reading a response body within ``max_response_bytes``, decompressed as it comes.

Sans I/O: the client feeds the chunks it reads; what is over the limit
is refused before it is held. Decompression is done here, with a bound on
each step's output, because httpx inflates a whole network chunk at once:
64 KiB of a gzip bomb would be 64 MiB before anything could count it.
"""

from __future__ import annotations

import zlib
from typing import Final

import httpx

from ._errors import UnexpectedResponseError

__all__ = ["ACCEPT_ENCODING", "BodyReader"]

# What the client asks for: the encodings decoded here, no others.
ACCEPT_ENCODING: Final = "gzip, deflate"

_WBITS: Final = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16}


class _OverflowError(Exception):
    """A layer had more output than the room left."""


class _Inflater:
    """One gzip or deflate layer; deflate with or without its zlib header, as servers vary."""

    def __init__(self, encoding: str) -> None:
        self._deflate = encoding == "deflate"
        self._first = True
        self._z = zlib.decompressobj(_WBITS.get(encoding, zlib.MAX_WBITS))

    def decode(self, data: bytes, room: int) -> bytes:
        """At most ``room + 1`` bytes of output: one more than allowed is enough to refuse."""
        try:
            out = self._z.decompress(data, room + 1)
        except zlib.error as error:
            if not (self._deflate and self._first):
                raise httpx.DecodingError(f"the response body does not decode: {error}") from None
            # "deflate" without the zlib header, as some servers send it.
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)
            self._first = False
            return self.decode(data, room)
        self._first = False
        if self._z.unconsumed_tail:
            raise _OverflowError
        return out


class BodyReader:
    """Collects one response's body; UnexpectedResponseError once it passes ``limit`` bytes.

    Both the bytes on the wire and the decompressed bytes count against the
    limit (a deflate stream can be any length and inflate to nothing).
    """

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self._response = response
        self._limit = limit
        self._raw = 0
        self._size = 0
        self._chunks: list[bytes] = []
        encodings = [
            value.strip().lower()
            for value in response.headers.get("content-encoding", "").split(",")
            if value.strip()
        ]
        if response.is_stream_consumed:
            # A body handed over whole (a test's transport): httpx decoded it.
            encodings = []
        else:
            # Decoded here, bounded: httpx is to pass the bytes on as they came.
            response.headers.pop("content-encoding", None)
        # Unknown encodings (and "identity") are passed through, as httpx does.
        self._layers = [
            _Inflater(e) for e in reversed(encodings) if e in ("gzip", "x-gzip", "deflate")
        ]

    def feed(self, raw: bytes) -> None:
        """Take the next chunk as httpx hands it over (``iter_bytes``, not decoded)."""
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
        if data:
            self._chunks.append(data)

    def response(self) -> httpx.Response:
        """The response with its whole (decompressed) body, as the parsers read it."""
        headers = [
            (name, value)
            for name, value in self._response.headers.multi_items()
            if name.lower() not in ("content-encoding", "content-length")
        ]
        return httpx.Response(
            self._response.status_code,
            headers=headers,
            content=b"".join(self._chunks),
            request=self._response.request,
        )

    def _too_large(self) -> UnexpectedResponseError:
        return UnexpectedResponseError(
            status=self._response.status_code,
            title="Response too large",
            detail=f"the body is over max_response_bytes ({self._limit:,} bytes); not read",
            method=self._response.request.method,
            path=self._response.request.url.raw_path.decode("ascii", "replace"),
        )
