"""JSON bodies of the HiveMQ API, built from the model on demand.

Rule for absent data, following the broker's example bodies: a key whose value
is ``None`` is left out, except ``subscriptionIdentifier`` and the members of
``restrictions`` and ``certificateInformation``, which are written as ``null``.
``connectedAt`` and ``connection`` appear only while the client is connected.
"""

from __future__ import annotations

from typing import Any

from .model import (
    CertificateInformation,
    ConnectionDetails,
    ProxyInformation,
    Restrictions,
    Session,
    Subscription,
    TlsInformation,
    Will,
)

JsonObject = dict[str, Any]


def _put(target: JsonObject, key: str, value: object) -> None:
    if value is not None:
        target[key] = value


def restrictions_json(restrictions: Restrictions) -> JsonObject:
    """``ClientRestrictions``."""
    return {
        "maxMessageSize": restrictions.max_message_size,
        "maxQueueSize": restrictions.max_queue_size,
        "queuedMessageStrategy": restrictions.queued_message_strategy,
    }


def certificate_json(cert: CertificateInformation) -> JsonObject:
    """``CertificateInformation``."""
    body: JsonObject = {
        "commonName": cert.common_name,
        "organization": cert.organization,
        "organizationalUnit": cert.organizational_unit,
        "serial": cert.serial,
        "country": cert.country,
        "state": cert.state,
        "version": cert.version,
    }
    _put(body, "validFrom", cert.valid_from)
    _put(body, "validUntil", cert.valid_until)
    return body


def tls_json(tls: TlsInformation) -> JsonObject:
    """``TlsInformation``."""
    body: JsonObject = {"tlsVersion": tls.tls_version, "cipherSuite": tls.cipher_suite}
    if tls.certificate_information is not None:
        body["certificateInformation"] = certificate_json(tls.certificate_information)
    return body


def proxy_json(proxy: ProxyInformation) -> JsonObject:
    """``ProxyInformation``."""
    body: JsonObject = {
        "sourceIp": proxy.source_ip,
        "sourcePort": proxy.source_port,
        "destinationIp": proxy.destination_ip,
        "destinationPort": proxy.destination_port,
    }
    if proxy.tlvs is not None:
        body["tlvs"] = [{"key": tlv.key, "value": tlv.value} for tlv in proxy.tlvs]
    return body


def connection_json(conn: ConnectionDetails) -> JsonObject:
    """``ConnectionDetails``."""
    body: JsonObject = {}
    _put(body, "keepAlive", conn.keep_alive)
    body["mqttVersion"] = conn.mqtt_version
    body["connectedListenerId"] = conn.connected_listener_id
    body["connectedNodeId"] = conn.connected_node_id
    body["cleanStart"] = conn.clean_start
    _put(body, "username", conn.username)
    _put(body, "password", conn.password)
    _put(body, "sourceIp", conn.source_ip)
    if conn.proxy_information is not None:
        body["proxyInformation"] = proxy_json(conn.proxy_information)
    if conn.tls_information is not None:
        body["tlsInformation"] = tls_json(conn.tls_information)
    return body


def client_details_json(session: Session) -> JsonObject:
    """``ClientDetails`` (without the ``{"client": ...}`` wrapper)."""
    body: JsonObject = {"id": session.id, "connected": session.connected}
    _put(body, "sessionExpiryInterval", session.session_expiry_interval)
    if session.connection is not None:
        _put(body, "connectedAt", session.connected_at)
    body["messageQueueSize"] = session.message_queue_size
    body["willPresent"] = session.will_present
    if session.restrictions is not None:
        body["restrictions"] = restrictions_json(session.restrictions)
    if session.connection is not None:
        body["connection"] = connection_json(session.connection)
    return body


def client_item_json(session: Session) -> JsonObject:
    """``ClientItem``: the body of ``GET /api/v1/mqtt/clients/{clientId}``."""
    return {"client": client_details_json(session)}


def connection_item_json(session: Session) -> JsonObject:
    """``ConnectionItem``: the body of ``GET .../{clientId}/connection``."""
    return {"connection": {"connected": session.connected}}


def subscription_json(sub: Subscription) -> JsonObject:
    """``ClientSubscription``."""
    return {
        "topicFilter": sub.topic_filter,
        "qos": sub.qos,
        "retainHandling": sub.retain_handling,
        "retainAsPublished": sub.retain_as_published,
        "noLocal": sub.no_local,
        "subscriptionIdentifier": sub.subscription_identifier,
    }


def subscription_list_json(session: Session) -> JsonObject:
    """``ClientSubscriptionList``: one page, always the last (no ``_links``)."""
    return {"items": [subscription_json(sub) for sub in session.subscriptions]}


def client_list_json(ids: list[str], next_url: str | None) -> JsonObject:
    """``ClientList``: one page of ids, with ``_links.next`` unless it is the last page."""
    body: JsonObject = {"items": [{"id": client_id} for client_id in ids]}
    if next_url is not None:
        body["_links"] = {"next": next_url}
    return body


def will_json(will: Will) -> JsonObject:
    """The will as the admin API shows it (not part of the HiveMQ API)."""
    return {"topic": will.topic, "payload": will.payload, "qos": will.qos, "retain": will.retain}
