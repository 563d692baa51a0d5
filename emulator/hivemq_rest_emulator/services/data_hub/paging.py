"""Pages of a Data Hub listing, cut at an opaque cursor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ...core import ApiError
from ...core.cursors import InvalidCursorError, decode_cursor, encode_cursor

T = TypeVar("T")


def cut(
    items: Sequence[T], generation: int, limit: int, cursor: str | None
) -> tuple[list[T], str | None]:
    """Up to ``limit`` items from the cursor's position, and the cursor of the next page.

    ``generation`` is the listed collection's: a cursor cut from another one
    is 410 (the set changed); a string that is no cursor is 400.
    """
    start = 0
    if cursor is not None:
        try:
            cursor_generation, start = decode_cursor(cursor)
        except InvalidCursorError:
            raise ApiError(
                400, "Invalid cursor", "The cursor is not one that this server issued."
            ) from None
        if cursor_generation != generation:
            raise ApiError(
                410, "Cursor expired", "The listing changed since the cursor was issued."
            )
        if not 0 < start <= len(items):
            raise ApiError(400, "Invalid cursor", "The cursor points outside the listing.")
    found = list(items[start : start + limit])
    end = start + len(found)
    return found, encode_cursor(generation, end) if end < len(items) else None
