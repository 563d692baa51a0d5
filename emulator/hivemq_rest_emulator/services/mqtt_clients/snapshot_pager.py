"""Paging over a session set that changes behind the emulator's back.

A real broker's sessions come and go without telling the emulator, so pages
are cut from a fresh snapshot of the (sorted) ids on every request. A cursor
holds the generation of the set it was cut from and a position; the
generation goes up whenever a snapshot differs from the one before (or on
:meth:`SnapshotPager.expire`), and a cursor of an older generation is expired
(HTTP 410). Because the ids are sorted, one set always gives one order, so a
position means the same thing in every snapshot of one generation.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ...core.cursors import InvalidCursorError, decode_cursor, encode_cursor
from .backend import ExpiredCursorError, Page


class SnapshotPager:
    """Cuts pages from snapshots of a sorted id set and tracks its generation (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = 1
        self._last: frozenset[str] = frozenset()

    @property
    def generation(self) -> int:
        """The current generation."""
        with self._lock:
            return self._generation

    def expire(self) -> None:
        """Make every cursor issued so far expired."""
        with self._lock:
            self._generation += 1

    def page(self, ids: Sequence[str], limit: int, cursor: str | None = None) -> Page:
        """Up to ``limit`` of ``ids`` (a sorted snapshot) from ``cursor`` on.

        Raises :class:`InvalidCursorError` for a string that is no cursor and
        :class:`ExpiredCursorError` if the set changed since the cursor was cut.
        """
        if limit < 1:
            raise ValueError("limit must be positive")
        with self._lock:
            current = frozenset(ids)
            if current != self._last:
                self._last = current
                self._generation += 1
            start = 0
            if cursor is not None:
                generation, start = decode_cursor(cursor)
                if generation != self._generation:
                    raise ExpiredCursorError(cursor)
                if start > len(ids):
                    raise InvalidCursorError("position out of range")
            found = list(ids[start : start + limit])
            end = start + len(found)
            next_cursor = encode_cursor(self._generation, end) if end < len(ids) else None
            return Page(found, next_cursor)
