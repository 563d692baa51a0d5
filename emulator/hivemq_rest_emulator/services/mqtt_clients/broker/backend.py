"""The broker-backed :class:`~hivemq_rest_emulator.SessionBackend`: a real MQTT broker's sessions.

Reads take a snapshot on the broker's loop (:mod:`._broker_view`); the two
DELETE actions act on real connections there (:mod:`._broker_actions`);
paging cuts pages from sorted snapshots (:mod:`._snapshot_pager`). Each call
waits for the broker at most ``timeout`` seconds.

The event log records what the REST API did, in the in-memory store's shape:
``disconnect`` (``preventWillMessage``, ``sessionRemoved``), ``invalidate``
(``wasConnected``, ``preventWillMessage``) and ``will`` (the will the broker
published because of it).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from ....core.server import LOOPBACK
from ..backend import Event, Page
from ..model import Session
from ..render import will_json
from ..snapshot_pager import SnapshotPager
from .actions import close_connection, drop_everything, drop_session
from .amqtt_types import AmqttBroker
from .loop_thread import DEFAULT_TIMEOUT
from .mqtt_broker import MqttBroker
from .view import BrokerFacts, listed_ids, session_model

_T = TypeVar("_T")

DEFAULT_LISTENER_ID = "TCP Listener"
DEFAULT_NODE_ID = "amqtt-node"

__all__ = ["BrokerBackend"]


class BrokerBackend:
    """Sessions of a real MQTT 3.1.1 broker (amqtt) on ``mqtt_host:mqtt_port``.

    Start it (:meth:`start`, or use it as a context manager), serve it with
    :func:`~hivemq_rest_emulator.create_app`, and connect MQTT clients to
    ``mqtt_host:mqtt_port``: they show up in the REST API, and its DELETE
    requests close their connections and drop their sessions.
    ``session_expiry_interval`` (seconds, ``None``: never) is how long the
    broker keeps a persistent session after its client left.
    """

    def __init__(
        self,
        host: str = LOOPBACK,
        port: int = 0,
        *,
        session_expiry_interval: int | None = None,
        node_id: str = DEFAULT_NODE_ID,
        listener_id: str = DEFAULT_LISTENER_ID,
        max_events: int = 100_000,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.broker = MqttBroker(host, port, session_expiry_interval=session_expiry_interval)
        self.facts = BrokerFacts(listener_id, node_id, session_expiry_interval)
        self.timeout = timeout
        self._pager = SnapshotPager()
        self._lock = threading.Lock()
        self._events: deque[Event] = deque(maxlen=max_events)

    # -- lifecycle ----------------------------------------------------------------

    @property
    def mqtt_host(self) -> str:
        """The address MQTT clients connect to."""
        return self.broker.host

    @property
    def mqtt_port(self) -> int:
        """The MQTT port (the real one once started, also after asking for port 0)."""
        return self.broker.port

    def start(self) -> BrokerBackend:
        """Start the broker; raise ``OSError`` if its port is taken. Returns ``self``."""
        self.broker.start(self.timeout)
        return self

    def stop(self) -> None:
        """Close every MQTT connection and stop the broker."""
        self.broker.stop(self.timeout)

    def __enter__(self) -> BrokerBackend:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- SessionBackend -------------------------------------------------------------

    def page(self, limit: int, cursor: str | None = None) -> Page:
        """Up to ``limit`` ids of the broker's sessions, in id order (see ``SnapshotPager``)."""
        ids = self.broker.call(listed_ids, self.timeout)
        return self._pager.page(ids, limit, cursor)

    def read(self, client_id: str, view: Callable[[Session], _T]) -> _T | None:
        """``view`` of the session with this id as the broker has it now, or ``None``."""
        session = self.get(client_id)
        return None if session is None else view(session)

    def get(self, client_id: str) -> Session | None:
        """A snapshot of the session with this id, or ``None``."""
        return self.broker.call(
            lambda broker: session_model(broker, client_id, self.facts), self.timeout
        )

    def ids(self) -> list[str]:
        """Every listed client id, sorted (a snapshot)."""
        return self.broker.call(listed_ids, self.timeout)

    def disconnect(self, client_id: str, *, prevent_will_message: bool = False) -> bool:
        """Close the client's network connection; a persistent session stays, offline."""

        async def act(broker: AmqttBroker) -> Session | None:
            before = session_model(broker, client_id, self.facts)
            if before is not None and before.connected:
                await close_connection(broker, client_id, prevent_will=prevent_will_message)
            return before

        before = self.broker.run(act, self.timeout)
        if before is None:
            return False
        if before.connected:
            self._record(
                "disconnect",
                client_id,
                preventWillMessage=prevent_will_message,
                sessionRemoved=before.session_expiry_interval == 0,
            )
            self._record_will(before, prevent_will_message)
        return True

    def invalidate(self, client_id: str, *, prevent_will_message: bool = False) -> bool:
        """Remove the session and its subscriptions, closing the client's connection first."""

        async def act(broker: AmqttBroker) -> Session | None:
            before = session_model(broker, client_id, self.facts)
            if before is None:
                return None
            session = broker.sessions[client_id][0]
            if before.connected:
                await close_connection(broker, client_id, prevent_will=prevent_will_message)
            await drop_session(broker, client_id, session)
            return before

        before = self.broker.run(act, self.timeout)
        if before is None:
            return False
        self._record(
            "invalidate",
            client_id,
            wasConnected=before.connected,
            preventWillMessage=prevent_will_message,
        )
        self._record_will(before, prevent_will_message)
        return True

    def events(self) -> list[Event]:
        """The recorded events, oldest first (copies)."""
        with self._lock:
            return [dict(event) for event in self._events]

    def clear_events(self) -> None:
        """Forget the recorded events."""
        with self._lock:
            self._events.clear()

    def expire_cursors(self) -> None:
        """Make every cursor issued so far answer 410."""
        self._pager.expire()

    def reset(self) -> None:
        """Disconnect every client (no wills); drop every session, retained message and event."""
        self.broker.run(drop_everything, self.timeout)
        self.clear_events()
        self._pager.expire()

    # -- internals --------------------------------------------------------------------

    def _record(self, kind: str, client_id: str, **fields: Any) -> None:
        with self._lock:
            self._events.append({"type": kind, "clientId": client_id, **fields})

    def _record_will(self, before: Session, prevented: bool) -> None:
        if before.will is not None and not prevented:
            self._record("will", before.id, **will_json(before.will))
