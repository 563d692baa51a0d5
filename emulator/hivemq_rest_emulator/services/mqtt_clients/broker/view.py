"""amqtt's sessions as the emulator's model: what the REST API shows of a real broker.

Where each field comes from (amqtt speaks MQTT 3.1.1 only):

* ``connected``: the session's state machine is in ``"connected"``.
* ``connectedAt``: ``Session.last_connect_time`` (whole seconds, set by amqtt
  when the connection was accepted).
* ``sessionExpiryInterval``: ``0`` for ``clean_session=1`` (the session ends
  with the connection); otherwise the broker's own expiry setting, ``None``
  (absent: never expires) unless one was configured.
* ``messageQueueSize``: the messages amqtt queued for the session while its
  client was offline.
* ``willPresent``: a connected client whose CONNECT carried a will.
* ``connection``: ``keepAlive``, ``cleanStart`` and ``username`` from the
  CONNECT packet; ``sourceIp`` from the live socket's peer address;
  ``mqttVersion`` ``MQTTv3_1_1``; the listener and node ids of this broker.
* subscriptions: amqtt's subscription table with the granted QoS. MQTT 3.1.1
  has no retain handling, retain-as-published, no-local or subscription
  identifiers; its behaviour is that of ``SEND``/``false``/``false``/``null``.

Not shown, because the broker cannot know it or does not keep it faithfully:
``restrictions`` (amqtt has no per-client limits), ``tlsInformation`` and
``proxyInformation`` (plain TCP listener, no PROXY protocol) and ``password``
(amqtt keeps it as text, losing bytes that are not UTF-8).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import QOS_LEVELS, ConnectionDetails, Session, Subscription, Will
from .amqtt_types import AmqttBroker, AmqttHandler, AmqttSession

MQTT_VERSION = "MQTTv3_1_1"
"""The only protocol version amqtt accepts (CONNECT protocol level 4)."""


@dataclass(frozen=True, slots=True)
class BrokerFacts:
    """What the view needs to know about the broker itself."""

    listener_id: str
    node_id: str
    session_expiry_interval: int | None
    """How long the broker keeps a persistent session after its client left (None: forever)."""


def is_connected(session: AmqttSession) -> bool:
    """Whether the session's client is connected now."""
    return session.transitions.state == "connected"


def is_listed(session: AmqttSession) -> bool:
    """Whether the session exists for the REST API.

    amqtt leaves a disconnected clean (or anonymous) session in its table for
    up to a second, until its session monitor drops it; MQTT says such a
    session ended with its connection, so it is not listed.
    """
    if is_connected(session):
        return True
    return not session.clean_session and not session.is_anonymous


def listed_ids(broker: AmqttBroker) -> list[str]:
    """The ids of every listed session, sorted (so that one set gives one order)."""
    return sorted(
        client_id for client_id, (session, _) in broker.sessions.items() if is_listed(session)
    )


def subscriptions_of(broker: AmqttBroker, client_id: str) -> list[Subscription]:
    """The session's subscriptions with their granted QoS, in the broker's table order."""
    found: list[Subscription] = []
    for topic_filter, subscribers in broker.subscriptions.items():
        for session, qos in subscribers:
            if session.client_id == client_id:
                found.append(Subscription(topic_filter, QOS_LEVELS[qos]))
    return found


def _timestamp(seconds: int | None) -> str | None:
    if seconds is None:
        return None
    moment = dt.datetime.fromtimestamp(seconds, dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _peer_address(handler: AmqttHandler, session: AmqttSession) -> str | None:
    # amqtt does not update Session.remote_address when a client resumes a
    # persistent session; the live connection's socket knows the truth.
    writer = handler.writer
    peer = writer.get_peer_info() if writer is not None else None
    return peer[0] if peer is not None else session.remote_address


def will_of(session: AmqttSession) -> Will | None:
    """The will of a connected session, if its CONNECT carried one."""
    if not (is_connected(session) and session.will_flag and session.will_topic is not None):
        return None
    payload = bytes(session.will_message or b"").decode("utf-8", "replace")
    return Will(session.will_topic, payload, session.will_qos or 0, bool(session.will_retain))


def connection_of(
    session: AmqttSession, handler: AmqttHandler, facts: BrokerFacts
) -> ConnectionDetails:
    """The connection details of a connected session."""
    return ConnectionDetails(
        connected_listener_id=facts.listener_id,
        connected_node_id=facts.node_id,
        keep_alive=session.keep_alive,
        mqtt_version=MQTT_VERSION,
        clean_start=bool(session.clean_session),
        username=session.username,
        password=None,
        source_ip=_peer_address(handler, session),
        proxy_information=None,
        tls_information=None,
    )


def session_model(broker: AmqttBroker, client_id: str, facts: BrokerFacts) -> Session | None:
    """The listed session with this id as the emulator's model, or ``None``."""
    entry = broker.sessions.get(client_id)
    if entry is None or not is_listed(entry[0]):
        return None
    session, handler = entry
    connected = is_connected(session)
    return Session(
        id=client_id,
        connection=connection_of(session, handler, facts) if connected else None,
        connected_at=_timestamp(session.last_connect_time) if connected else None,
        session_expiry_interval=0 if session.clean_session else facts.session_expiry_interval,
        message_queue_size=session.retained_messages.qsize(),
        will=will_of(session),
        restrictions=None,
        subscriptions=subscriptions_of(broker, client_id),
    )
