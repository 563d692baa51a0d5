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
  subscriptions and its queued messages (or, when the client is back on the
  session already, the parts of it: ``_del_all_subscriptions``, ``clear_queues``).
"""

from __future__ import annotations

import asyncio

from .amqtt_types import AmqttBroker, AmqttHandler, AmqttSession
from .view import is_connected

CLOSE_TIMEOUT = 5.0
"""Seconds to wait for amqtt to finish with a closed connection."""


async def close_connection(broker: AmqttBroker, client_id: str, *, prevent_will: bool) -> None:
    """Close the network connection of a connected client; its will goes out unless prevented.

    Returns once that connection is over: amqtt has marked the session
    disconnected (and queued the will), or the client is back already on a
    new connection; raises ``TimeoutError`` after :data:`CLOSE_TIMEOUT`.
    """
    session, handler = broker.sessions[client_id]
    if not is_connected(session):
        return
    if prevent_will:
        session.will_flag = False
    await handler.handle_connection_closed()
    await handler.stop()
    await _until_closed(broker, client_id, session, handler)


def _connection_over(
    broker: AmqttBroker, client_id: str, session: AmqttSession, handler: AmqttHandler
) -> bool:
    entry = broker.sessions.get(client_id)
    # A client that reconnects at once takes its session over on a new handler
    # (clean_session=0) or gets a new session: either way, ours is gone.
    return (
        entry is None
        or entry[0] is not session
        or entry[1] is not handler
        or (not is_connected(session))
    )


async def _until_closed(
    broker: AmqttBroker, client_id: str, session: AmqttSession, handler: AmqttHandler
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + CLOSE_TIMEOUT
    while not _connection_over(broker, client_id, session, handler):
        if loop.time() > deadline:
            raise TimeoutError(f"amqtt did not disconnect {session.client_id!r}")
        await asyncio.sleep(0.005)


async def drop_session(broker: AmqttBroker, client_id: str, session: AmqttSession) -> None:
    """Remove ``session`` with its subscriptions and queued messages, if it is still the one.

    A client may have taken the id over with a new session meanwhile; that
    one stays. One that took this session over on a new connection keeps its
    connection, but the session starts over: no subscriptions, no queue.
    """
    entry = broker.sessions.get(client_id)
    if entry is None or entry[0] is not session:
        return
    if is_connected(session):
        await broker._del_all_subscriptions(session)
        session.clear_queues()
    else:
        await broker._delete_session(client_id)


async def drop_everything(broker: AmqttBroker) -> None:
    """Disconnect every client without wills, drop every session and every retained message."""
    for client_id, (session, _) in list(broker.sessions.items()):
        if is_connected(session):
            await close_connection(broker, client_id, prevent_will=True)
        await drop_session(broker, client_id, session)
    broker.retained_messages.clear()
