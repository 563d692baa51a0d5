"""Opaque paging cursors.

A cursor is URL-safe base64 of 22 bytes: a 2-byte marker, the store's
generation and the position of the next id (two unsigned 64-bit numbers) and a
4-byte check value. The marker makes every cursor start with ``-_`` and the
length makes it end with ``==``, so that a client which forgets to encode (or
decode) the cursor is caught. A string that does not decode to a well-formed
cursor is *invalid* (the API answers 400); a well-formed cursor of an older
generation is *expired* (410).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct

_MARKER = b"\xfb\xff"
_BODY = struct.Struct(">QQ")
_CHECK_KEY = b"hivemq-rest-emulator cursor"
_LENGTH = len(_MARKER) + _BODY.size + 4
_ALPHABET = re.compile(r"[A-Za-z0-9_-]{1,64}={0,2}")


class InvalidCursorError(ValueError):
    """The cursor string is not one this emulator issued."""


def _check(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=4, key=_CHECK_KEY).digest()


def encode_cursor(generation: int, position: int) -> str:
    """The opaque cursor for ``position`` in the store's ``generation``."""
    body = _MARKER + _BODY.pack(generation, position)
    return base64.urlsafe_b64encode(body + _check(body)).decode("ascii")


def decode_cursor(cursor: str) -> tuple[int, int]:
    """``(generation, position)`` of a cursor; raise :class:`InvalidCursorError`."""
    if not _ALPHABET.fullmatch(cursor):
        raise InvalidCursorError("not URL-safe base64")
    padded = cursor.rstrip("=")
    padded += "=" * (-len(padded) % 4)
    try:
        raw = base64.b64decode(padded.encode("ascii"), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise InvalidCursorError("not base64") from None
    if len(raw) != _LENGTH or not raw.startswith(_MARKER):
        raise InvalidCursorError("not a cursor")
    body, check = raw[:-4], raw[-4:]
    if _check(body) != check:
        raise InvalidCursorError("corrupted cursor")
    generation, position = _BODY.unpack(body[len(_MARKER) :])
    return generation, position
