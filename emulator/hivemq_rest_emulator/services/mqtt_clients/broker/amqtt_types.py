"""The parts of amqtt (0.12) the broker backend uses, as typed protocols.

amqtt ships without type information, so the backend casts amqtt's objects to
these protocols; they list exactly which attributes it relies on. Everything
here is read or called on the broker's event loop only.

Public in amqtt: ``Broker.start``, ``Broker.shutdown``,
``Broker.external_connected``, the ``sessions``, ``subscriptions`` and
``retained_messages`` properties, and the ``Session`` attributes.
Internal (marked where used): ``Broker._delete_session`` and the protocol
handler's ``handle_connection_closed``/``stop``/``writer``.
"""

from __future__ import annotations

from typing import Any, Protocol


class AmqttWriter(Protocol):
    """amqtt's ``WriterAdapter`` of one network connection."""

    def get_peer_info(self) -> tuple[str, int] | None:
        """``(address, port)`` of the peer, if known."""
        ...


class AmqttHandler(Protocol):
    """amqtt's ``BrokerProtocolHandler``: the live connection of one session."""

    writer: AmqttWriter | None

    async def handle_connection_closed(self) -> None:
        """Tell the session's message loop that the connection is gone."""
        ...

    async def stop(self) -> None:
        """Stop reading and close the network connection."""
        ...


class AmqttStateMachine(Protocol):
    """A ``transitions.Machine``; ``state`` is ``"new"``, ``"connected"`` or ``"disconnected"``."""

    state: str


class AmqttQueue(Protocol):
    """An ``asyncio.Queue``, of which only the size is read."""

    def qsize(self) -> int:
        """The number of queued items."""
        ...


class AmqttSession(Protocol):
    """amqtt's ``Session``: one client session, online or offline."""

    client_id: str | None
    transitions: AmqttStateMachine
    clean_session: bool | None
    keep_alive: int
    username: str | None
    remote_address: str | None
    will_flag: bool
    will_topic: str | None
    will_message: bytes | bytearray | None
    will_qos: int | None
    will_retain: bool | None
    last_connect_time: int | None
    is_anonymous: bool
    retained_messages: AmqttQueue
    """Messages queued for the session while its client is offline."""

    def clear_queues(self) -> None:
        """Drop every queued message."""
        ...


class AmqttBroker(Protocol):
    """amqtt's ``Broker``."""

    @property
    def sessions(self) -> dict[str, tuple[AmqttSession, AmqttHandler]]:
        """Every session by client id, with the handler of its (last) connection."""
        ...

    @property
    def subscriptions(self) -> dict[str, list[tuple[AmqttSession, int]]]:
        """Topic filter -> ``(session, granted QoS)`` of every subscriber."""
        ...

    @property
    def retained_messages(self) -> dict[str, Any]:
        """Retained messages by topic."""
        ...

    async def start(self) -> None:
        """Start the broker (its listeners, broadcast loop and session monitor)."""
        ...

    async def shutdown(self) -> None:
        """Stop the broker, ending every session."""
        ...

    async def external_connected(self, reader: Any, writer: Any, listener_name: str) -> None:
        """Serve one MQTT connection accepted by someone else, until it ends."""
        ...

    async def _delete_session(self, client_id: str) -> None:
        """Drop a session, its subscriptions and its queued messages (amqtt-internal)."""
        ...

    async def _del_all_subscriptions(self, session: AmqttSession) -> None:
        """Remove every subscription of ``session`` (amqtt-internal)."""
        ...
