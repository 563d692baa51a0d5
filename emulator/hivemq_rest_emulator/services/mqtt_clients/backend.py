"""What the HTTP layer needs from whatever holds the sessions: :class:`SessionBackend`.

Two implementations exist: :class:`~hivemq_rest_emulator.SessionStore` keeps
made-up sessions in memory; :class:`~hivemq_rest_emulator.BrokerBackend` reads
and acts on the sessions of a real MQTT broker. The HiveMQ API
(:mod:`~hivemq_rest_emulator._api`) and the admin API only talk to this
protocol, so they serve either one.

Sessions travel as :class:`~hivemq_rest_emulator.Session` values (the model the
renderer understands), whatever the backend keeps internally.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, runtime_checkable

from .model import Session

_T = TypeVar("_T")

Event = dict[str, Any]
"""One recorded event: ``{"type": ..., "clientId": ..., ...}``."""

__all__ = ["Event", "ExpiredCursorError", "Page", "SessionBackend"]


class ExpiredCursorError(Exception):
    """The cursor was valid once, but the session set has changed since (HTTP 410)."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the client listing."""

    ids: list[str]
    next_cursor: str | None
    """The cursor of the following page; ``None`` on the last page."""


@runtime_checkable
class SessionBackend(Protocol):
    """The sessions behind the emulator's HTTP API, and the actions on them.

    Every method is synchronous, thread-safe and returns quickly (a backend
    that waits for something bounds the wait), because the HTTP layer calls
    them from the server's event loop.
    """

    def page(self, limit: int, cursor: str | None = None) -> Page:
        """Up to ``limit`` client ids from ``cursor`` on (from the start without one).

        Raises :class:`~hivemq_rest_emulator.InvalidCursorError` for a string
        that is no cursor of this backend (HTTP 400) and
        :class:`ExpiredCursorError` for a cursor issued before the session set
        changed (HTTP 410).
        """
        ...

    def read(self, client_id: str, view: Callable[[Session], _T]) -> _T | None:
        """``view(session)`` for the session with this id, or ``None`` if there is none.

        ``view`` must neither keep nor change the session: it renders it.
        """
        ...

    def disconnect(self, client_id: str, *, prevent_will_message: bool = False) -> bool:
        """Close the client's connection; ``False`` if there is no such session.

        The will is published unless ``prevent_will_message``; a session that
        ends with its connection ends; any other stays, offline.
        """
        ...

    def invalidate(self, client_id: str, *, prevent_will_message: bool = False) -> bool:
        """Remove the session, disconnecting a connected client; ``False`` if unknown."""
        ...

    def events(self) -> list[Event]:
        """What the API did (disconnects, invalidations, wills), oldest first."""
        ...

    def clear_events(self) -> None:
        """Forget the recorded events."""
        ...

    def expire_cursors(self) -> None:
        """Make every cursor issued so far answer 410."""
        ...

    def reset(self) -> None:
        """Remove every session and event; every cursor issued so far expires."""
        ...
