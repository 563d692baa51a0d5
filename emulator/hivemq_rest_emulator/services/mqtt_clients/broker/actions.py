"""What the REST API's DELETE requests do to a real amqtt broker (coroutines on its loop).

amqtt has no public way to close one client's connection or to drop a
session, so these use the broker's own internal paths, the ones it takes
itself in the same situations:

* Closing a connection does what amqtt does when a second connection takes
  over a client id: ``handler.handle_connection_closed()`` (the session's
  message loop then treats the connection as lost, so it publishes the will
  like after any connection loss) and ``handler.stop()`` (which closes the
  socket). Clearing ``Session.will_flag`` first suppresses the will.
* Dropping a session calls ``Broker._delete_session``, which amqtt runs when
  a client connects with ``clean_session=1``: it removes the session, its
  subscriptions and its queued messages.
"""

from __future__ import annotations

import asyncio

from .amqtt_types import AmqttBroker, AmqttSession
from .view import is_connected

CLOSE_TIMEOUT = 5.0
"""Seconds to wait for amqtt to finish with a closed connection."""


async def close_connection(broker: AmqttBroker, client_id: str, *, prevent_will: bool) -> None:
    """Close the network connection of a connected client; its will goes out unless prevented.

    Returns once amqtt has marked the session disconnected (and queued the
    will for delivery); raises ``TimeoutError`` after :data:`CLOSE_TIMEOUT`.
    """
    session, handler = broker.sessions[client_id]
    if not is_connected(session):
        return
    if prevent_will:
        session.will_flag = False
    await handler.handle_connection_closed()
    await handler.stop()
    await _until_disconnected(session)


async def _until_disconnected(session: AmqttSession) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + CLOSE_TIMEOUT
    while is_connected(session):
        if loop.time() > deadline:
            raise TimeoutError(f"amqtt did not disconnect {session.client_id!r}")
        await asyncio.sleep(0.005)


async def drop_session(broker: AmqttBroker, client_id: str, session: AmqttSession) -> None:
    """Remove ``session`` with its subscriptions and queued messages, if it is still the one.

    (A client may have taken the id over with a new session meanwhile; that
    one stays.)
    """
    entry = broker.sessions.get(client_id)
    if entry is not None and entry[0] is session:
        await broker._delete_session(client_id)


async def drop_everything(broker: AmqttBroker) -> None:
    """Disconnect every client without wills, drop every session and every retained message."""
    for client_id, (session, _) in list(broker.sessions.items()):
        if is_connected(session):
            await close_connection(broker, client_id, prevent_will=True)
        await drop_session(broker, client_id, session)
    broker.retained_messages.clear()
