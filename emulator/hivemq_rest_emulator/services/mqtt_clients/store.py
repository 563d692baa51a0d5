"""The session store: every session in insertion order, plus paging cursors and events.

Layout (compact, so that a million sessions fit in modest memory):

* ``_ids``: client ids by position, in insertion order; ``None`` marks a
  deleted slot (a tombstone). Trailing tombstones are dropped at once and the
  rest are compacted away once they outnumber the live ids, so a page never
  scans far and the last slot is always live.
* ``_positions``: client id -> position, for lookups by id.
* ``_traits``: for seeded sessions, the 64-bit number from which
  :func:`~hivemq_rest_emulator._synth.synthesize` rebuilds the session.
* ``_sessions``: position -> :class:`Session`, only for sessions that were
  added as objects or changed since seeding.

Cursors carry the store's *generation*, which goes up whenever the set of
sessions changes (add, delete, reset) or :meth:`SessionStore.expire_cursors` is
called; a cursor of an older generation is expired. A disconnect that keeps the
session does not change the set, so it leaves cursors valid.

All methods are thread-safe (one re-entrant lock), so tests may change the store
while a server thread serves it.
"""

from __future__ import annotations

import copy
import threading
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from ...core.cursors import InvalidCursorError, decode_cursor, encode_cursor
from .backend import Event, ExpiredCursorError, Page
from .model import Session, validate_client_id
from .render import will_json
from .synth import synthesize

_T = TypeVar("_T")

__all__ = [
    "DuplicateSessionError",
    "Event",
    "ExpiredCursorError",
    "InvalidCursorError",
    "Page",
    "SessionStore",
]


class DuplicateSessionError(ValueError):
    """A session with this id exists already."""

    def __init__(self, client_id: str) -> None:
        super().__init__(f"a session with id {client_id!r} exists already")
        self.client_id = client_id


class SessionStore:
    """In-memory MQTT sessions, in insertion order, with cursors and an event log.

    One of the two :class:`~hivemq_rest_emulator.SessionBackend` implementations
    (the other is the broker-backed one). Use it directly in-process, or serve
    it with :func:`create_app`.
    ``max_events`` bounds the event log (the oldest events are dropped).
    """

    _MIN_TOMBSTONES = 1024

    def __init__(self, *, max_events: int = 100_000) -> None:
        self._lock = threading.RLock()
        self._ids: list[str | None] = []
        self._positions: dict[str, int] = {}
        self._traits = array("Q")
        self._sessions: dict[int, Session] = {}
        self._tombstones = 0
        self._generation = 1
        self._events: deque[Event] = deque(maxlen=max_events)

    # -- reading ---------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:
            return len(self._positions)

    def __contains__(self, client_id: object) -> bool:
        with self._lock:
            return client_id in self._positions

    @property
    def generation(self) -> int:
        """The current cursor generation (goes up on every change of the session set)."""
        with self._lock:
            return self._generation

    def ids(self) -> list[str]:
        """Every client id, in insertion order (a snapshot)."""
        with self._lock:
            return [client_id for client_id in self._ids if client_id is not None]

    def get(self, client_id: str) -> Session | None:
        """A copy of the session with this id, or ``None``; changing it changes nothing."""
        return self.read(client_id, copy.deepcopy)

    def read(self, client_id: str, view: Callable[[Session], _T]) -> _T | None:
        """``view(session)`` under the store's lock, or ``None`` if there is no such session.

        ``view`` must not keep or change the session; it is meant for rendering.
        """
        with self._lock:
            position = self._positions.get(client_id)
            if position is None:
                return None
            return view(self._session_at(position))

    def page(self, limit: int, cursor: str | None = None) -> Page:
        """Up to ``limit`` ids from ``cursor`` on (from the start without one).

        Raises :class:`InvalidCursorError` for a string that is no cursor of this
        emulator, :class:`ExpiredCursorError` for one of an older generation. Costs
        O(limit) on average, whatever the size of the store.
        """
        if limit < 1:
            raise ValueError("limit must be positive")
        with self._lock:
            start = 0
            if cursor is not None:
                generation, start = decode_cursor(cursor)
                if generation != self._generation:
                    raise ExpiredCursorError(cursor)
                if start > len(self._ids):
                    raise InvalidCursorError("position out of range")
            ids = self._ids
            end = len(ids)
            found: list[str] = []
            position = start
            while position < end and len(found) < limit:
                client_id = ids[position]
                position += 1
                if client_id is not None:
                    found.append(client_id)
            # The last slot is always live, so anything left means another page.
            next_cursor = encode_cursor(self._generation, position) if position < end else None
            return Page(found, next_cursor)

    def events(self) -> list[Event]:
        """The recorded events, oldest first (copies)."""
        with self._lock:
            return [dict(event) for event in self._events]

    # -- changing ---------------------------------------------------------------

    def add(self, session: Session) -> None:
        """Add one session; raise :class:`DuplicateSessionError` if its id is taken."""
        self.add_many([session])

    def add_many(self, sessions: Iterable[Session]) -> None:
        """Add sessions all at once: if any id is taken (or repeated), nothing is added."""
        batch = list(sessions)
        for session in batch:
            validate_client_id(session.id)
        with self._lock:
            self._check_new([session.id for session in batch])
            for session in batch:
                position = len(self._ids)
                self._ids.append(session.id)
                self._positions[session.id] = position
                self._traits.append(0)
                self._sessions[position] = copy.deepcopy(session)
            if batch:
                self._generation += 1

    def add_seeded(self, ids: Sequence[str], traits: Sequence[int]) -> None:
        """Add compact seeded sessions ``(id, traits)``; all or nothing, like :meth:`add_many`.

        The ids are trusted to be valid client ids (the seeder makes them).
        """
        if len(ids) != len(traits):
            raise ValueError("ids and traits differ in length")
        with self._lock:
            self._check_new(ids)
            start = len(self._ids)
            self._ids.extend(ids)
            self._traits.extend(traits)
            self._positions.update(zip(ids, range(start, start + len(ids)), strict=True))
            if ids:
                self._generation += 1

    def disconnect(self, client_id: str, *, prevent_will_message: bool = False) -> bool:
        """Disconnect the client; ``False`` if there is no such session.

        A connected client loses its connection; its will is published (an
        event) unless ``prevent_will_message``, and is gone either way. A
        session with ``session_expiry_interval == 0`` ends with the connection;
        any other (including ``None``, never expires) stays, offline.
        Disconnecting an offline client changes nothing and records nothing.
        """
        with self._lock:
            position = self._positions.get(client_id)
            if position is None:
                return False
            session = self._session_at(position)
            if session.connection is None:
                return True
            removed = session.session_expiry_interval == 0
            self._record(
                "disconnect",
                client_id,
                preventWillMessage=prevent_will_message,
                sessionRemoved=removed,
            )
            self._release_will(session, prevent_will_message)
            if removed:
                self._delete(position)
            else:
                session.connection = None
                session.connected_at = None
                self._sessions[position] = session
            return True

    def invalidate(self, client_id: str, *, prevent_will_message: bool = False) -> bool:
        """Remove the session (disconnecting a connected client); ``False`` if unknown.

        Its will, if any, is published (an event) unless ``prevent_will_message``.
        """
        with self._lock:
            position = self._positions.get(client_id)
            if position is None:
                return False
            session = self._session_at(position)
            self._record(
                "invalidate",
                client_id,
                wasConnected=session.connected,
                preventWillMessage=prevent_will_message,
            )
            self._release_will(session, prevent_will_message)
            self._delete(position)
            return True

    def expire_cursors(self) -> None:
        """Make every cursor issued so far answer 410."""
        with self._lock:
            self._generation += 1

    def clear_events(self) -> None:
        """Forget the recorded events."""
        with self._lock:
            self._events.clear()

    def reset(self) -> None:
        """Remove every session and event; every cursor issued so far expires."""
        with self._lock:
            self._ids = []
            self._positions = {}
            self._traits = array("Q")
            self._sessions = {}
            self._tombstones = 0
            self._events.clear()
            self._generation += 1

    # -- internals ----------------------------------------------------------------

    def _check_new(self, ids: Sequence[str]) -> None:
        if self._positions.keys().isdisjoint(ids) and len(set(ids)) == len(ids):
            return
        seen: set[str] = set()
        for client_id in ids:
            if client_id in seen or client_id in self._positions:
                raise DuplicateSessionError(client_id)
            seen.add(client_id)

    def _session_at(self, position: int) -> Session:
        session = self._sessions.get(position)
        if session is None:
            client_id = self._ids[position]
            assert client_id is not None
            session = synthesize(client_id, self._traits[position])
        return session

    def _record(self, kind: str, client_id: str, **fields: Any) -> None:
        self._events.append({"type": kind, "clientId": client_id, **fields})

    def _release_will(self, session: Session, prevent: bool) -> None:
        if session.will is not None and not prevent:
            self._record("will", client_id=session.id, **will_json(session.will))
        session.will = None

    def _delete(self, position: int) -> None:
        client_id = self._ids[position]
        assert client_id is not None
        del self._positions[client_id]
        self._sessions.pop(position, None)
        self._ids[position] = None
        self._traits[position] = 0
        self._tombstones += 1
        while self._ids and self._ids[-1] is None:
            self._ids.pop()
            self._traits.pop()
            self._tombstones -= 1
        if self._tombstones > max(self._MIN_TOMBSTONES, len(self._positions)):
            self._compact()
        self._generation += 1

    def _compact(self) -> None:
        ids: list[str | None] = []
        traits = array("Q")
        sessions: dict[int, Session] = {}
        for position, client_id in enumerate(self._ids):
            if client_id is None:
                continue
            new_position = len(ids)
            ids.append(client_id)
            traits.append(self._traits[position])
            session = self._sessions.get(position)
            if session is not None:
                sessions[new_position] = session
        self._ids = ids
        self._traits = traits
        self._sessions = sessions
        self._positions = {client_id: pos for pos, client_id in enumerate(ids) if client_id}
        self._tombstones = 0
