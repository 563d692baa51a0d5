"""_body: a response body is read within max_response_bytes, decompressed with a bound."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest
from hivemq_rest import UnexpectedResponseError
from hivemq_rest._body import bound
from hypothesis import given, settings
from hypothesis import strategies as st

_REQUEST = httpx.Request("GET", "http://h/api/v1/mqtt/clients/a")


class _Chunks(httpx.SyncByteStream):
    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks


def _read(chunks: list[bytes], limit: int, encoding: str | None = None) -> bytes:
    headers = {} if encoding is None else {"Content-Encoding": encoding}
    response = httpx.Response(200, headers=headers, stream=_Chunks(chunks), request=_REQUEST)
    bound(response, limit)
    return response.read()


def _split(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)] or [b""]


_ENCODERS: dict[str | None, Callable[[bytes], bytes]] = {
    None: lambda data: data,
    "gzip": gzip.compress,
    "deflate": zlib.compress,  # with the zlib header
    "raw-deflate": lambda data: (
        zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS).compress(data)
        + zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    ),
}


def _encode(encoding: str | None, data: bytes) -> tuple[bytes, str | None]:
    if encoding == "raw-deflate":
        packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        return packer.compress(data) + packer.flush(), "deflate"
    if encoding == "gzip, gzip":
        return gzip.compress(gzip.compress(data)), encoding
    return _ENCODERS[encoding](data), encoding


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    data=st.binary(max_size=3000) | st.builds(lambda n: b"a" * n, st.integers(0, 20_000)),
    limit=st.integers(1, 12_000),
    chunk=st.integers(1, 700),
    encoding=st.sampled_from([None, "gzip", "deflate", "raw-deflate", "gzip, gzip"]),
)
def test_a_body_is_read_whole_or_refused(
    data: bytes, limit: int, chunk: int, encoding: str | None
) -> None:
    wire, header = _encode(encoding, data)
    if len(data) > limit or len(wire) > limit:
        with pytest.raises(UnexpectedResponseError, match="Response too large"):
            _read(_split(wire, chunk), limit, header)
    else:
        assert _read(_split(wire, chunk), limit, header) == data


def test_endless_empty_deflate_blocks_count_on_the_wire() -> None:
    # Stored blocks of length 0 inflate to nothing, for ever: the wire size stops them.
    empty_block = b"\x00\x00\x00\xff\xff"
    with pytest.raises(UnexpectedResponseError):
        _read([empty_block] * 1000, 1000, "deflate")


def test_a_layer_that_inflates_past_the_limit_stops_there() -> None:
    inner = gzip.compress(bytes(10_000_000))
    with pytest.raises(UnexpectedResponseError):
        _read([gzip.compress(inner)], 100_000, "gzip, gzip")


def test_unknown_encodings_pass_through() -> None:
    assert _read([b"abc"], 10, "identity") == b"abc"
    assert _read([b"abc"], 10, "br-of-the-future") == b"abc"


def test_a_body_that_does_not_inflate_is_a_decoding_error() -> None:
    with pytest.raises(httpx.DecodingError, match="gzip"):
        _read([b"not gzip at all"], 1000, "gzip")
